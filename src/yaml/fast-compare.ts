/**
 * How the fast reader's documents are compared with the `yaml` library's: by the fast reader's
 * self-check at run time (src/yaml/fast-parse.ts, once per process on a built-in sample) and by
 * the tests on the corpus and generated texts (test/yaml/fast-compare.ts).
 */
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import type { FastDocument } from './fast-parse.js';
import { PARSE_OPTIONS } from './options.js';

/**
 * @internal The differences between the fast reader's reading of `text` (`fast`, with the line starts it
 * filled into `fastLines`) and `yaml`'s (`parseAllDocuments` + `toJS`, the same options), one
 * line each (empty: the same; at most about 20): documents, document ranges and `---`, every
 * node's kind, flow flag, range, scalar style/value/source/format, the plain data and the line
 * starts. A text `yaml` reports errors or warnings for is a difference (the fast reader must
 * give up on it). Never throws for a text `yaml` reads without throwing.
 */
export function fastDifferences(text: string, fast: readonly FastDocument[], fastLines: LineCounter): string[] {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter: lines });
  const list = Array.isArray(docs) ? docs : [docs];
  const out: string[] = [];
  if (list.length !== fast.length) return [`${fast.length} documents, yaml has ${list.length}`];
  if (!isDeepStrictEqual(fastLines.lineStarts, lines.lineStarts)) out.push('line starts differ');
  list.forEach((d, i) => {
    const f = fast[i]!;
    if (d.errors.length > 0 || d.warnings.length > 0) out.push(`doc ${i}: yaml reports ${[...d.errors, ...d.warnings].map((e) => e.code).join(', ')}`);
    if (!isDeepStrictEqual(d.range, f.doc.range)) out.push(`doc ${i} range ${JSON.stringify(f.doc.range)}, yaml ${JSON.stringify(d.range)}`);
    if (Boolean(d.directives.docStart) !== Boolean(f.doc.directives?.docStart)) out.push(`doc ${i} docStart differs`);
    compareNode(d.contents as Node | null, f.doc.contents as Node | null, `doc ${i} /`, out);
    const data: unknown = d.errors.length === 0 ? d.toJS({ maxAliasCount: 100 }) : undefined;
    if (!isDeepStrictEqual(data, f.data)) out.push(`doc ${i} data differs`);
    if (!isDeepStrictEqual(f.doc.toJS({ maxAliasCount: 100 }), f.data)) out.push(`doc ${i}: data differs from the fast document's own toJS`);
  });
  return out;
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
      out.push(
        `${where}: scalar ${b.type} ${JSON.stringify(b.value)} ${JSON.stringify(b.source)} ${b.format}, yaml ${a.type} ${JSON.stringify(a.value)} ${JSON.stringify(a.source)} ${a.format}`,
      );
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
