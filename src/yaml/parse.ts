import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import { YNode } from './node.js';
import type { ParseProblem, Position } from './types.js';

/**
 * Parse options shared by every parse of the YAML layer. YAML 1.1 matches what `kubectl`
 * (sigs.k8s.io/yaml on go-yaml v2) accepts: merge keys, `yes`/`no` booleans, `0777` octals.
 */
export const PARSE_OPTIONS = {
  version: '1.1' as const,
  merge: true,
  prettyErrors: false,
  uniqueKeys: true,
  keepSourceTokens: false,
};

/** Default maximum number of alias resolutions per document (defends against "billion laughs"). */
export const DEFAULT_MAX_ALIAS_COUNT = 100;

/** One YAML document of a file. */
export interface ParsedDocument {
  /** 0-based index of the document in its file. */
  index: number;
  /** The `yaml` library's document (only the YAML layer touches it). */
  readonly doc: Document.Parsed;
  /** The root node view, or undefined for an empty document. */
  root: YNode | undefined;
  /** Plain data of the document (aliases and merge keys resolved); undefined when it failed. */
  data: unknown;
  /** True when the document has parse errors (its data must not be trusted or edited). */
  hasErrors: boolean;
  /** Offsets `[start, end)` of the document's content in the file text. */
  span: [number, number];
}

/** A parsed file: its text, documents and problems. Never thrown: problems are data. */
export interface ParsedFile {
  text: string;
  documents: ParsedDocument[];
  problems: ParseProblem[];
  lineCounter: LineCounter;
  /** Convert a 0-based offset into a 1-based line/column position. */
  position(offset: number): Position;
}

/** Options of {@link parseYaml}. */
export interface ParseYamlOptions {
  /** Maximum alias resolutions per document; more is a problem `alias-limit` and no data. */
  maxAliasCount?: number;
}

/**
 * Parse a file's text into documents with source ranges (yaml v2 `parseAllDocuments` with a
 * `LineCounter`). Handles multi-document files, JSON, CRLF, a UTF-8 BOM and a missing final
 * newline. Never throws for bad input: syntax errors, duplicate keys and alias bombs become
 * {@link ParseProblem}s with 1-based line and column, and the document is marked `hasErrors`.
 */
export function parseYaml(text: string, options: ParseYamlOptions = {}): ParsedFile {
  const lineCounter = new LineCounter();
  const maxAliasCount = options.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT;
  const position = (offset: number): Position => {
    const o = Math.max(0, Math.min(offset, text.length));
    const { line, col } = lineCounter.linePos(o);
    // A UTF-8 byte order mark is not a column of the first line.
    const bom = line === 1 && o > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    return { line, column: col - bom, offset: o };
  };
  const problems: ParseProblem[] = [];
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter }) as unknown as Document.Parsed[];
    if (!Array.isArray(docs)) docs = [docs as unknown as Document.Parsed];
  } catch (err) {
    // The yaml library reports errors as data; this is a last line of defence.
    problems.push({ code: 'yaml-error', message: String((err as Error).message), severity: 'error', line: 1, column: 1, offset: 0, docIndex: 0 });
    return { text, documents: [], problems, lineCounter, position };
  }
  const documents: ParsedDocument[] = [];
  docs.forEach((doc, index) => {
    const push = (code: string, message: string, severity: 'error' | 'warning', offset: number) => {
      const p = position(offset);
      problems.push({ code, message: cleanMessage(message), severity, line: p.line, column: p.column, offset: p.offset, docIndex: index });
    };
    for (const e of doc.errors) push(e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : e.code, e.message, 'error', e.pos[0]);
    for (const w of doc.warnings) push(w.code, w.message, 'warning', w.pos[0]);
    let data: unknown;
    let hasErrors = doc.errors.length > 0;
    if (!hasErrors) {
      try {
        data = doc.toJS({ maxAliasCount });
      } catch (err) {
        hasErrors = true;
        const msg = (err as Error).message;
        const code = /alias/i.test(msg) ? 'alias-limit' : 'yaml-error';
        push(code, code === 'alias-limit' ? `too many alias resolutions (limit ${maxAliasCount}): ${msg}` : msg, 'error', doc.range[0]);
      }
    }
    const root = doc.contents == null ? undefined : YNode.root(doc, position);
    documents.push({ index, doc, root, data, hasErrors, span: [doc.range[0], doc.range[2]] });
  });
  return { text, documents, problems, lineCounter, position };
}

function cleanMessage(message: string): string {
  // yaml appends " at line L, column C" and a code excerpt; our problems carry the position.
  const m = message.replace(/ at line \d+, column \d+[\s\S]*$/, '').replace(/:\s*$/, '').trim();
  // Quoted source excerpts can be long and multi-line: keep one short line.
  const one = m.replace(/\s*\n\s*/g, ' ');
  return one.length > 160 ? `${one.slice(0, 157)}...` : one;
}
