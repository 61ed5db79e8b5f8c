import { isScalar, LineCounter, parseAllDocuments, visit, type Document } from 'yaml';
import { YNode } from './node.js';
import type { ParseProblem, Position } from './types.js';
import { PARSE_OPTIONS } from './options.js';
import { fastParseAll, fastReaderSelfCheck } from './fast-parse.js';
import { aliasKeyProblems, kubectlOnlyLineBreaks, kubectlOnlySeparators, mergeKeyOrderProblems } from './kubectl-compat.js';

export { PARSE_OPTIONS } from './options.js';

/** Default maximum number of alias resolutions per document (defends against "billion laughs"). */
export const DEFAULT_MAX_ALIAS_COUNT = 100;

/** One YAML document of a file. */
export interface ParsedDocument {
  /** 0-based index of the document in its file. */
  index: number;
  /** @internal The `yaml` library's document (only the YAML layer touches it; not in the published types). */
  readonly doc: Document.Parsed;
  /** The root node view, or undefined for an empty document. */
  root: YNode | undefined;
  /** Plain data of the document (aliases and merge keys resolved); undefined when it failed. */
  data: unknown;
  /** True when the document has parse errors (its data must not be trusted or edited). */
  hasErrors: boolean;
  /**
   * True when the document's only errors are duplicate keys (`hasErrors` is then true too): its
   * `data` and `root` are read as kubectl reads it — the LAST occurrence of each duplicated key
   * wins, its value replacing the earlier one's whole (no merge) — so that it can be analysed
   * (src/k8s/manifest.ts); it is never edited (src/engine/fixes.ts withholds fixes in it).
   *
   * Source: kubectl decodes YAML with sigs.k8s.io/yaml `YAMLToJSON`, which calls gopkg.in/yaml.v2
   * `Unmarshal`; its decoder's `setMapIndex` (decode.go, v2.4.0) stores each pair with
   * `out.SetMapIndex(k, v)`, so a later pair overwrites an earlier one, while `UnmarshalStrict`
   * (behind `YAMLToJSONStrict`) errors with `key "k" already set in map`. The API server's
   * `fieldValidation` (k8s.io/apimachinery meta/v1 CreateOptions) says the same: `Ignore` and
   * `Warn` "only persist the last of any duplicate fields", `Strict` — what kubectl's default
   * `--validate=strict` asks for — fails the request. So the duplicate stays an error (the
   * `duplicate-key` problem), and the reading analysed is the one kubectl applies without it.
   */
  lastKeyWins: boolean;
  /** Offsets `[start, end)` of the document's content in the file text. */
  span: [number, number];
}

/** A parsed file: its text, documents and problems. Never thrown: problems are data. */
export interface ParsedFile {
  text: string;
  documents: ParsedDocument[];
  problems: ParseProblem[];
  /** @internal The `yaml` library's line starts of `text` (not in the published types: use {@link position}). */
  lineCounter: LineCounter;
  /** Convert a 0-based offset into a 1-based line/column position. */
  position: (offset: number) => Position;
  /**
   * Set when the file holds more documents than the limit: the 0-based offset where reading
   * stopped (the start of the first document not read). `documents` end there.
   */
  readEnd?: number;
}

/** Options of {@link parseYaml}. */
export interface ParseYamlOptions {
  /** Maximum alias resolutions per document; more is a problem `alias-limit` and no data. */
  maxAliasCount?: number;
  /**
   * Maximum nesting depth of a document (block levels plus flow brackets); a deeper document is
   * not read at all — a problem `nesting-limit` — because the `yaml` library recurses once per
   * level and thousands of levels overflow its stack (in some shapes fatally, in V8's regular
   * expression compiler). Default {@link DEFAULT_MAX_NESTING_DEPTH}.
   */
  maxNestingDepth?: number;
  /**
   * Try the fast reader of the block-style subset first (src/yaml/fast-parse.ts; it falls back
   * to the `yaml` library on anything else, with the same result). Default true, or the value
   * given to {@link setFastReader}.
   */
  fastReader?: boolean;
  /**
   * Maximum number of flow items (`[a, b]`, `{k: v}`: each opening bracket and each item after a
   * comma) the `yaml` library reads in one file, counted document by document by a linear scan
   * before it reads anything: a document that would take the count past the limit is not read —
   * a problem `flow-limit` with its count — and the documents before and after it are (the
   * library's nodes and tokens cost ~1.3 KB an item: a 4.9 MB flow sequence took 51 s and 2.1 GB). Default
   * {@link DEFAULT_MAX_FLOW_ITEMS}. The fast reader reads no flow content, so it is not limited.
   */
  maxFlowItems?: number;
  /**
   * Maximum number of documents read in one file (default {@link DEFAULT_MAX_DOCUMENTS}). The
   * documents after it are not read: the file's text is read up to the `---` line that starts
   * the first of them (the returned file keeps the whole text, and `readEnd` says where reading
   * stopped), and a problem `document-limit` at that line gives the count.
   */
  maxDocuments?: number;
}

/** Default limit of documents per file: 10,000 (the whole 5 MiB of a file in 500-byte objects). */
export const DEFAULT_MAX_DOCUMENTS = 10_000;

/**
 * Default limit of flow items per file: 100,000 (300 KB of `1, 1, …`; a JSON List of 1,000
 * Deployments has about 60,000). Real manifests are block style, which the fast reader reads.
 */
export const DEFAULT_MAX_FLOW_ITEMS = 100_000;

/**
 * The environment variable `KUBE_IMMUTABLE_YAML_READER=yaml` turns the fast reader off (every
 * text is read by the `yaml` library alone): a diagnostic switch, and how the tests compare
 * whole scans both ways.
 */
let fastReaderDefault = process.env.KUBE_IMMUTABLE_YAML_READER !== 'yaml';

/**
 * @internal Turn the fast reader on or off for every later {@link parseYaml} without the
 * `fastReader` option (tests compare the engine's output both ways). Returns the previous value.
 */
export function setFastReader(on: boolean): boolean {
  const was = fastReaderDefault;
  fastReaderDefault = on;
  return was;
}

/**
 * Whether {@link parseYaml} reads with the fast reader in this process (when a call does not
 * say otherwise with `fastReader`): `{ enabled: true }`, or `{ enabled: false, reason }` when
 * `KUBE_IMMUTABLE_YAML_READER=yaml` (or {@link setFastReader}) turned it off, or when its
 * self-check against the installed `yaml` library failed (src/yaml/fast-parse.ts; then no call
 * uses it, whatever its `fastReader` option). Runs that self-check when it has not run yet
 * (once per process). Never throws.
 */
export function fastReaderStatus(): { enabled: boolean; reason?: string } {
  if (!fastReaderDefault) {
    const reason = process.env.KUBE_IMMUTABLE_YAML_READER === 'yaml' ? 'turned off by KUBE_IMMUTABLE_YAML_READER=yaml' : 'turned off (setFastReader)';
    return { enabled: false, reason };
  }
  const check = fastReaderSelfCheck();
  return check.ok ? { enabled: true } : { enabled: false, reason: `its self-check failed: ${check.reason}` };
}

/** Default nesting limit: Kubernetes objects, CRD schemas included, stay far below it. */
export const DEFAULT_MAX_NESTING_DEPTH = 200;

/**
 * Parse a file's text into documents with source ranges (yaml v2 `parseAllDocuments` with a
 * `LineCounter`). Handles multi-document files, JSON, CRLF, a UTF-8 BOM and a missing final
 * newline. Never throws for bad input: syntax errors, duplicate keys, alias bombs and nesting
 * too deep for the parser's stack (`nesting-limit`) become {@link ParseProblem}s with 1-based line and column, and the document is marked `hasErrors`.
 * A document whose only errors are duplicate keys is also `lastKeyWins`: its `data` and `root`
 * are kubectl's reading, the last occurrence of each key winning ({@link ParsedDocument.lastKeyWins}).
 */
export function parseYaml(text: string, options: ParseYamlOptions = {}): ParsedFile {
  const maxDocuments = options.maxDocuments ?? DEFAULT_MAX_DOCUMENTS;
  const starts = documentStarts(text, maxDocuments + 1);
  if (starts.length > maxDocuments) {
    // Read the documents up to the limit; the rest of the text is kept, never read.
    const cut = starts[maxDocuments]!;
    const total = documentStarts(text, Infinity).length;
    const head = parseYaml(text.slice(0, cut), { ...options, maxDocuments: Infinity });
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < cut; i = text.indexOf('\n', i + 1)) line++;
    head.problems.push({
      code: 'document-limit',
      message: `the file holds ${total} documents, more than the ${maxDocuments} read in one file: the first ${maxDocuments} are read and checked, the ${total - maxDocuments} from this line on are not (split the file)`,
      severity: 'error',
      line,
      column: 1,
      offset: cut,
      docIndex: maxDocuments,
    });
    const headPosition = head.position;
    return { ...head, text, readEnd: cut, position: (offset) => (offset >= cut ? { line, column: 1, offset: cut } : headPosition(offset)) };
  }
  let lineCounter = new LineCounter();
  const maxAliasCount = options.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT;
  const position = (offset: number): Position => {
    const o = Math.max(0, Math.min(offset, text.length));
    const { line, col } = lineCounter.linePos(o);
    // A UTF-8 byte order mark is not a column of the first line.
    const bom = line === 1 && o > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    return { line, column: col - bom, offset: o };
  };
  const maxDepth = options.maxNestingDepth ?? DEFAULT_MAX_NESTING_DEPTH;
  if (options.fastReader ?? fastReaderDefault) {
    // Half the nesting limit: the fast reader counts collections, the limit's estimate more.
    const fast = fastParseAll(text, lineCounter, Math.floor(maxDepth / 2));
    if (fast) {
      const documents = fast.map(({ doc, data }, index): ParsedDocument => ({
        index,
        doc,
        root: YNode.root(doc, position),
        data,
        hasErrors: false,
        lastKeyWins: false,
        span: [doc.range[0], doc.range[2]],
      }));
      return withKubectlDifferences({ text, documents, problems: [], lineCounter, position });
    }
  }
  const problems: ParseProblem[] = [];
  let docs: Document.Parsed[];
  /** Start offsets of the documents too deep to read (blanked before the file is read again). */
  let tooDeep: number[] = [];
  /** Of those, the documents with too many flow items: start offset → their count. */
  const tooMany = new Map<number, number>();
  try {
    const maxFlowItems = options.maxFlowItems ?? DEFAULT_MAX_FLOW_ITEMS;
    let flowRead = 0;
    const guarded = withoutTooDeepDocuments(text, (chunk, start) => {
      const scan = scanDocument(chunk, maxDepth);
      if (scan.tooDeep) return true;
      if (flowRead + scan.flowItems > maxFlowItems) {
        tooMany.set(start, scan.flowItems);
        return true;
      }
      flowRead += scan.flowItems;
      return false;
    });
    if (guarded) tooDeep = guarded.tooDeep;
    docs = parseAll(guarded?.text ?? text, lineCounter);
  } catch (err) {
    // The yaml library reports errors as data, except a stack overflow in its parser on thousands
    // of nested levels: read the file again without the documents that overflow.
    const retry = err instanceof RangeError ? withoutTooDeepDocuments(text, overflowsAlone) : undefined;
    try {
      if (!retry) throw err;
      lineCounter = new LineCounter();
      docs = parseAll(retry.text, lineCounter);
      tooDeep = retry.tooDeep;
    } catch (err2) {
      // A last line of defence.
      problems.push({
        code: 'yaml-error',
        message: String((err2 as { message?: unknown }).message),
        severity: 'error',
        line: 1,
        column: 1,
        offset: 0,
        docIndex: 0,
      });
      return { text, documents: [], problems, lineCounter, position };
    }
  }
  const documents: ParsedDocument[] = [];
  const mergeKeys = text.includes('<<');
  const aliases = text.includes('*');
  let nextDeep = 0; // tooDeep is in file order, as the documents are
  docs.forEach((doc, index) => {
    const push = (code: string, message: string, severity: 'error' | 'warning', offset: number) => {
      const p = position(offset);
      problems.push({ code, message: cleanMessage(message), severity, line: p.line, column: p.column, offset: p.offset, docIndex: index });
    };
    let nestingReported = false;
    for (const e of doc.errors) {
      if (e.code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(e.message)) {
        // The yaml library composes recursively: thousands of nested levels exhaust the stack.
        if (nestingReported) continue;
        nestingReported = true;
        push('nesting-limit', NESTING_MESSAGE, 'error', e.pos[0]);
      } else if (e.code === 'DUPLICATE_KEY') push('duplicate-key', duplicateKeyMessage(doc, e.pos[0]), 'error', e.pos[0]);
      else push(e.code, e.message, 'error', e.pos[0]);
    }
    for (const w of doc.warnings) push(w.code, w.message, 'warning', w.pos[0]);
    let data: unknown;
    let hasErrors = doc.errors.length > 0;
    // Only duplicate keys: the yaml library keeps every pair and its toJS lets the last one win,
    // as kubectl's reading does (see ParsedDocument.lastKeyWins).
    let lastKeyWins = hasErrors && doc.errors.every((e) => e.code === 'DUPLICATE_KEY');
    if (!hasErrors || lastKeyWins) {
      try {
        data = doc.toJS({ maxAliasCount });
      } catch (err) {
        hasErrors = true;
        lastKeyWins = false;
        const msg = (err as Error).message;
        // Only yaml's "Excessive alias count" is the limit; an unresolved alias or a merge of a
        // non-map is a plain error.
        const code = /excessive alias count/i.test(msg) ? 'alias-limit' : 'yaml-error';
        push(code, code === 'alias-limit' ? `too many alias resolutions (limit ${maxAliasCount}): ${msg}` : msg, 'error', doc.range[0]);
      }
    }
    while (nextDeep < tooDeep.length && tooDeep[nextDeep]! < doc.range[0]) nextDeep++;
    const candidate = tooDeep[nextDeep];
    const deep = candidate !== undefined && candidate <= Math.max(doc.range[0], doc.range[2] - 1) ? candidate : undefined;
    if (deep !== undefined) {
      const items = tooMany.get(deep);
      if (items !== undefined) {
        const limit = options.maxFlowItems ?? DEFAULT_MAX_FLOW_ITEMS;
        // Not through cleanMessage (which shortens the yaml library's long messages): ours is exact.
        const p = position(deep);
        const message = `the document holds ${items} flow items ([...], {...}), more than the ${limit} a file may hold in all, so it is not read (write it in block style, or split the file)`;
        problems.push({ code: 'flow-limit', message, severity: 'error', line: p.line, column: p.column, offset: p.offset, docIndex: index });
      } else push('nesting-limit', `the document nests deeper than ${maxDepth} levels, so it is not read (no manifest nests this deep)`, 'error', deep);
      documents.push({ index, doc, root: undefined, data: undefined, hasErrors: true, lastKeyWins: false, span: [doc.range[0], doc.range[2]] });
      return;
    }
    if ((!hasErrors || lastKeyWins) && (mergeKeys || aliases)) {
      const merges = [...(mergeKeys ? mergeKeyOrderProblems(doc) : []), ...(aliases ? aliasKeyProblems(doc) : [])].sort((a, b) => a.offset - b.offset);
      for (const m of merges) {
        const at = position(m.offset);
        problems.push({ code: m.code, message: m.message, severity: 'error', line: at.line, column: at.column, offset: at.offset, docIndex: index });
      }
      if (merges.length > 0) {
        hasErrors = true;
        lastKeyWins = false;
      }
    }
    const root = doc.contents == null ? undefined : YNode.root(doc, position);
    documents.push({ index, doc, root, data, hasErrors, lastKeyWins, span: [doc.range[0], doc.range[2]] });
  });
  return withKubectlDifferences({ text, documents, problems, lineCounter, position });
}

/**
 * `file` with a problem (error) for each line kubectl splits documents at and YAML does not, and
 * for the first character of each document that kubectl reads as a line break and YAML does not
 * (src/yaml/kubectl-compat.ts); the document holding one is marked `hasErrors`, so that
 * no finding or fix rests on a reading kubectl does not share.
 */
function withKubectlDifferences(file: ParsedFile): ParsedFile {
  const found = [...kubectlOnlySeparators(file.text), ...kubectlOnlyLineBreaks(file.text)];
  if (found.length === 0) return file;
  const breakReported = new Set<number | undefined>();
  for (const f of found) {
    const d = file.documents.find((x) => f.offset >= x.span[0] && f.offset <= x.span[1]) ?? file.documents[file.documents.length - 1];
    // One line-break problem per document (a file can hold thousands).
    if (f.code === 'line-break') {
      if (breakReported.has(d?.index)) continue;
      breakReported.add(d?.index);
    }
    const p = file.position(f.offset);
    file.problems.push({ code: f.code, message: f.message, severity: 'error', line: p.line, column: p.column, offset: p.offset, docIndex: d?.index ?? 0 });
    if (d) {
      d.hasErrors = true;
      d.lastKeyWins = false;
    }
  }
  file.problems.sort((a, b) => a.offset - b.offset);
  return file;
}

/**
 * The message of a duplicate key at 0-based `offset` (where the yaml library reports it: the
 * repeated key): the key, and which occurrence kubectl keeps (see {@link ParsedDocument.lastKeyWins}).
 */
function duplicateKeyMessage(doc: Document.Parsed, offset: number): string {
  let key: string | undefined;
  visit(doc, {
    Pair(_, pair) {
      const k = pair.key;
      if (isScalar(k) && k.range?.[0] === offset) {
        key = String(k.value);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  const what = key === undefined ? 'this key is repeated' : `${JSON.stringify(key.length > 30 ? `${key.slice(0, 27)}...` : key)} is repeated`;
  return `Map keys must be unique: ${what}; kubectl and these checks use the last one (kubectl --validate=strict rejects the object)`;
}

const NESTING_MESSAGE = 'the document nests too deeply to be read (the parser ran out of stack): no manifest nests this deep';

function parseAll(text: string, lineCounter: LineCounter): Document.Parsed[] {
  const docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter }) as unknown as Document.Parsed[];
  return Array.isArray(docs) ? docs : [docs as unknown as Document.Parsed];
}

/** True when `chunk` alone overflows the parser's stack. */
function overflowsAlone(chunk: string): boolean {
  try {
    parseAllDocuments(chunk, PARSE_OPTIONS);
    return false;
  } catch (err) {
    return err instanceof RangeError;
  }
}

/**
 * True when `doc` (one document's text) nests deeper than `limit` levels: block levels (distinct
 * enclosing indentations, plus one per compact `- ` on a line) plus open flow brackets outside
 * quotes, comments and block scalars. A linear scan, run before the parser so that a hostile
 * file never reaches its recursion. An estimate that can only err on the high side for
 * unbalanced brackets in plain scalars, which real manifests do not pile up by the hundred.
 */
export function nestsDeeperThan(doc: string, limit: number): boolean {
  return scanDocument(doc, limit).tooDeep;
}

/**
 * The linear scan behind {@link nestsDeeperThan}: whether `doc` nests deeper than `limit`
 * (the scan stops there), and how many flow items it holds — each `[` or `{` and each `,`
 * inside a flow collection, outside quotes, comments and block scalars.
 */
function scanDocument(doc: string, limit: number): { tooDeep: boolean; flowItems: number } {
  let flowItems = 0;
  const indents: number[] = [];
  /** Per entry of `indents`: whether it is the column of a sequence item's dash. */
  const dashLines: boolean[] = [];
  let flow = 0;
  let quote = '';
  let blockScalarParent = -1;
  let pos = 0;
  while (pos < doc.length) {
    let eol = doc.indexOf('\n', pos);
    if (eol < 0) eol = doc.length;
    let i = pos;
    while (i < eol && doc.charCodeAt(i) === 32) i++;
    const indent = i - pos;
    const blank = i >= eol || doc[i] === '\r' || (doc[i] === '#' && flow === 0 && !quote);
    if (blockScalarParent >= 0 && (blank || indent > blockScalarParent)) {
      pos = eol + 1;
      continue;
    }
    blockScalarParent = -1;
    if (blank) {
      pos = eol + 1;
      continue;
    }
    if (flow === 0 && !quote) {
      const dashLine = doc[i] === '-' && (doc[i + 1] === ' ' || doc[i + 1] === '\t' || i + 1 >= eol || doc[i + 1] === '\r');
      // A sequence item closes deeper levels and its sibling items, but not the map whose key
      // sits at its column (an indentless sequence is that key's value).
      while (indents.length > 0) {
        const top = indents[indents.length - 1]!;
        if (top > indent || (top === indent && (!dashLine || dashLines[indents.length - 1]))) {
          indents.pop();
          dashLines.pop();
        } else break;
      }
      indents.push(indent);
      dashLines.push(dashLine);
      // Each `- ` opens a level for the item's content (`- - - x`: three).
      while (doc[i] === '-' && (doc[i + 1] === ' ' || doc[i + 1] === '\t')) {
        i += 2;
        while (doc[i] === ' ' || doc[i] === '\t') i++;
        const nested = doc[i] === '-' && (doc[i + 1] === ' ' || doc[i + 1] === '\t');
        indents.push(i - pos);
        dashLines.push(nested);
      }
    }
    let contentEnd = eol;
    for (; i < eol; i++) {
      const c = doc[i]!;
      if (quote) {
        if (c === quote) {
          if (quote === "'" && doc[i + 1] === "'") i++;
          else quote = '';
        } else if (c === '\\' && quote === '"') i++;
        continue;
      }
      const prev = i > pos ? doc[i - 1]! : ' ';
      if (c === '#' && (prev === ' ' || prev === '\t')) {
        contentEnd = i;
        break;
      }
      if ((c === '"' || c === "'") && ' \t[{,:'.includes(prev)) quote = c;
      else if (c === '[' || c === '{') {
        flow++;
        flowItems++;
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
      else if (c === ',' && flow > 0) flowItems++;
      if (indents.length + flow > limit) return { tooDeep: true, flowItems };
    }
    if (indents.length + flow > limit) return { tooDeep: true, flowItems };
    // A block scalar (`key: |`, `- >-`): its more indented lines are text, whatever they hold.
    if (flow === 0 && !quote && /(?:^|[ \t])[|>][-+1-9]{0,2}$/.test(doc.slice(pos, contentEnd).trimEnd())) blockScalarParent = indent;
    pos = eol + 1;
  }
  return { tooDeep: false, flowItems };
}

/**
 * `text` with each document for which `isTooDeep(documentText)` holds replaced by a null
 * document of the same length (newlines kept, so every offset, line and column of the others
 * stays true), and those documents' start offsets. Documents start at a `---` line. Undefined
 * when no document is too deep.
 */
/**
 * The 0-based start offsets of the documents of `text` (0, then every `---` line after the
 * first character), at most `limit` of them: a linear scan.
 */
function documentStarts(text: string, limit: number): number[] {
  const starts = [0];
  if (limit <= 1) return starts;
  for (const m of text.matchAll(/^---(?=[ \t\r\n]|$)/gm)) {
    if (m.index! > 0) starts.push(m.index!);
    if (starts.length >= limit) break;
  }
  return starts;
}

function withoutTooDeepDocuments(text: string, isTooDeep: (chunk: string, start: number) => boolean): { text: string; tooDeep: number[] } | undefined {
  const starts = documentStarts(text, Infinity);
  // Pieces joined once at the end (not a copy of the whole text per document blanked).
  const parts: string[] = [];
  let copied = 0;
  const tooDeep: number[] = [];
  starts.forEach((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]! : text.length;
    const chunk = text.slice(start, end);
    if (isTooDeep(chunk, start)) {
      let blank = chunk.replace(/[^\r\n]/g, ' ');
      if (chunk.startsWith('---')) blank = '---' + blank.slice(3);
      else {
        const at = blank.search(/ /);
        if (at < 0) return;
        blank = blank.slice(0, at) + '~' + blank.slice(at + 1);
      }
      parts.push(text.slice(copied, start), blank);
      copied = end;
      tooDeep.push(start);
    }
  });
  if (tooDeep.length === 0) return undefined;
  parts.push(text.slice(copied));
  return { text: parts.join(''), tooDeep };
}

function cleanMessage(message: string): string {
  // yaml appends " at line L, column C" and a code excerpt; our problems carry the position.
  const m = message
    .replace(/ at line \d+, column \d+[\s\S]*$/, '')
    .replace(/:\s*$/, '')
    .trim();
  // Quoted source excerpts can be long and multi-line: keep one short line.
  const one = m.replace(/\s*\n\s*/g, ' ');
  return one.length > 160 ? `${one.slice(0, 157)}...` : one;
}
