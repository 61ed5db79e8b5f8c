/**
 * Shared shapes of the YAML layer. Offsets are 0-based UTF-16 code-unit indexes into the
 * original file text (as JavaScript strings index it); lines and columns are 1-based.
 */

/** A position in a source file: 1-based `line` and `column`, 0-based `offset`. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** A half-open span `[start, end)` of a source file. */
export interface SourceRange {
  start: Position;
  end: Position;
}

/**
 * A text edit against the ORIGINAL file text: replace `range[0]..range[1]` (0-based offsets,
 * end exclusive) with `text`. An insertion has `range[0] === range[1]`.
 */
export interface TextEdit {
  range: [number, number];
  text: string;
}

/** A JSON-compatible value (what a fix writes into a manifest). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Problem codes of the YAML layer (`yaml` library error codes are kept as they are). */
/* eslint-disable @typescript-eslint/no-redundant-type-constituents -- the layer's own codes, named for the reader; `string` is the library's */
export type ParseProblemCode = 'yaml-error' | 'yaml-warning' | 'alias-limit' | 'duplicate-key' | 'nesting-limit' | string;
/* eslint-enable @typescript-eslint/no-redundant-type-constituents */

/** A problem found while parsing: data, never an exception. `line`/`column` are 1-based. */
export interface ParseProblem {
  code: ParseProblemCode;
  message: string;
  severity: 'error' | 'warning';
  line: number;
  column: number;
  offset: number;
  /** 0-based index of the YAML document in the file the problem belongs to. */
  docIndex: number;
}
