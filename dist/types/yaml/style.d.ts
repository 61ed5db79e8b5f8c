import type { JsonValue } from './types.js';
/** The formatting conventions of a file, detected from its text so that inserted lines match. */
export interface FileStyle {
    /** Line ending: `\r\n` when the file uses CRLF, else `\n`. */
    eol: '\n' | '\r\n';
    /** Indentation step of nested block maps, in spaces (default 2). */
    indent: number;
    /** True when block sequences are written at their key's column (`key:\n- a`). */
    indentlessSequences: boolean;
    /** Quote used when a string must be quoted: `"` or `'` (default `"`). */
    quote: '"' | "'";
    /** True for JSON files: keys and strings are double-quoted, collections are flow style. */
    json: boolean;
}
/**
 * The 0-based column of `offset` in its line, in characters of indentation: a UTF-8 byte order
 * mark at the start of the file is not part of the first line's indentation.
 */
export declare function textColumn(text: string, offset: number): number;
/**
 * Render one scalar as YAML text: plain when that reads back as the same value under YAML 1.1
 * (the `yaml` library decides), else quoted with the file's quote; JSON style in JSON files.
 */
export declare function renderScalar(value: JsonValue, style: Pick<FileStyle, 'quote' | 'json'>): string;
/** Render a key: plain when safe, quoted otherwise (always double-quoted in JSON). */
export declare function renderKey(key: string, style: Pick<FileStyle, 'quote' | 'json'>): string;
/**
 * Render a value in flow style on one line, e.g. `{readOnlyRootFilesystem: true}` (JSON in JSON
 * files: `{"readOnlyRootFilesystem": true}`).
 */
export declare function renderFlow(value: JsonValue, style: Pick<FileStyle, 'quote' | 'json'>): string;
/**
 * Render the entries of a map as block lines (without line endings) at `indent` spaces, using
 * the file's indentation step and sequence style. Empty maps and lists render as `{}` / `[]`.
 */
export declare function renderBlockEntries(entries: Record<string, JsonValue>, indent: number, style: FileStyle): string[];
/**
 * Render sequence items as block lines with the dash at `dashIndent` spaces; a map item puts
 * its first key on the dash line and the others under it, `contentOffset` columns after the dash.
 */
export declare function renderBlockItems(items: readonly JsonValue[], dashIndent: number, style: FileStyle, contentOffset?: number): string[];
/** True for a plain object with at least one key. */
export declare function isNonEmptyObject(v: unknown): v is Record<string, JsonValue>;
