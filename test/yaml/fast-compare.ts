import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import { fastParseAll } from '../../src/yaml/fast-parse.js';
import { PARSE_OPTIONS } from '../../src/yaml/options.js';

/** What comparing the fast reader with the `yaml` library on one text found. */
export interface FastComparison {
  /** True when the fast reader read the text (did not give up). */
  accepted: boolean;
  /** Differences from `yaml` (empty when equal or not accepted). */
  differences: string[];
}

/**
 * Read `text` with the fast reader and with `yaml` (`parseAllDocuments` + `toJS`, the same
 * options) and list every difference that matters: documents, document ranges and `---`,
 * every node's kind, flow flag, range, scalar style/value/source/format, the plain data and
 * the line starts. A text `yaml` reports errors or warnings for must be given up.
 */
export function compareFast(text: string): FastComparison {
  const fastLines = new LineCounter();
  const fast = fastParseAll(text, fastLines);
  if (!fast) return { accepted: false, differences: [] };
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter: lines });
  const list = Array.isArray(docs) ? docs : [docs];
  const out: string[] = [];
  if (list.length !== fast.length) return { accepted: true, differences: [`${fast.length} documents, yaml has ${list.length}`] };
  if (!isDeepStrictEqual(fastLines.lineStarts, lines.lineStarts)) out.push('line starts differ');
  list.forEach((d, i) => {
    const f = fast[i]!;
    if (d.errors.length > 0 || d.warnings.length > 0) out.push(`doc ${i}: yaml reports ${[...d.errors, ...d.warnings].map((e) => e.code).join(', ')}`);
    if (!isDeepStrictEqual(d.range, f.doc.range)) out.push(`doc ${i} range ${JSON.stringify(f.doc.range)}, yaml ${JSON.stringify(d.range)}`);
    if (Boolean(d.directives.docStart) !== Boolean(f.doc.directives?.docStart)) out.push(`doc ${i} docStart differs`);
    compareNode(d.contents as Node | null, f.doc.contents as Node | null, `doc ${i} /`, out);
    const data = d.errors.length === 0 ? d.toJS({ maxAliasCount: 100 }) : undefined;
    if (!isDeepStrictEqual(data, f.data)) out.push(`doc ${i} data differs`);
    if (!isDeepStrictEqual(f.doc.toJS({ maxAliasCount: 100 }), f.data)) out.push(`doc ${i}: data differs from the fast document's own toJS`);
  });
  return { accepted: true, differences: out };
}

function compareNode(a: Node | null, b: Node | null, where: string, out: string[]): void {
  if (out.length > 20) return;
  if (a === null || b === null) {
    if (a !== b) out.push(`${where}: null vs node`);
    return;
  }
  const kind = (n: Node) => (isMap(n) ? 'map' : isSeq(n) ? 'seq' : isScalar(n) ? 'scalar' : 'other');
  if (kind(a) !== kind(b)) return void out.push(`${where}: ${kind(b)}, yaml ${kind(a)}`);
  if (!isDeepStrictEqual(a.range, b.range)) out.push(`${where}: range ${JSON.stringify(b.range)}, yaml ${JSON.stringify(a.range)}`);
  if (isScalar(a) && isScalar(b)) {
    if (a.type !== b.type || !isDeepStrictEqual(a.value, b.value) || a.source !== b.source || a.format !== b.format) {
      out.push(`${where}: scalar ${b.type} ${JSON.stringify(b.value)} ${JSON.stringify(b.source)} ${b.format}, yaml ${a.type} ${JSON.stringify(a.value)} ${JSON.stringify(a.source)} ${a.format}`);
    }
    return;
  }
  if (isMap(a) && isMap(b)) {
    if (Boolean(a.flow) !== Boolean(b.flow)) out.push(`${where}: flow differs`);
    if (a.items.length !== b.items.length) return void out.push(`${where}: ${b.items.length} pairs, yaml ${a.items.length}`);
    a.items.forEach((p, i) => {
      const q = b.items[i]!;
      compareNode(p.key as Node, q.key as Node, `${where} key ${i}`, out);
      compareNode(p.value as Node | null, q.value as Node | null, `${where}${String((p.key as { value?: unknown }).value)}/`, out);
    });
    return;
  }
  if (isSeq(a) && isSeq(b)) {
    if (Boolean(a.flow) !== Boolean(b.flow)) out.push(`${where}: flow differs`);
    if (a.items.length !== b.items.length) return void out.push(`${where}: ${b.items.length} items, yaml ${a.items.length}`);
    a.items.forEach((n, i) => compareNode(n as Node, b.items[i] as Node, `${where}${i}/`, out));
  }
}
