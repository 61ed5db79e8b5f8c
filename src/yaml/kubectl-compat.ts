/**
 * Where kubectl reads a manifest file differently from a YAML 1.1/1.2 parser, so that a file the
 * scanner reads as harmless could be applied as something else. Each difference found is a
 * problem at error level (the file's documents are then not analysed as the scanner reads them):
 *
 * - **Document separators.** kubectl splits a file into documents itself before parsing
 *   (k8s.io/apimachinery `pkg/util/yaml` `YAMLReader.Read`): any line that starts with `---` and
 *   has nothing but spaces or a `#` comment after it starts a new document. YAML needs a space
 *   (or the line's end) after `---`, so `---#…` is text for a YAML parser and a separator for
 *   kubectl.
 * - **Merge keys.** kubectl reads YAML with go-yaml v2 (sigs.k8s.io/yaml), which applies a `<<`
 *   merge where it stands (`decode.go`, `decoder.mapping` → `merge`): a merge after an explicit
 *   key overrides it, and a later `<<` overrides an earlier one. The YAML merge-key spec (and the
 *   `yaml` library) lets explicit keys win whatever their place. A `<<` whose keys are also set
 *   above it, or given by an earlier `<<` of the same mapping, is read differently.
 * - **Line breaks.** go-yaml v2 (YAML 1.1) breaks lines at a lone CR, NEL (U+0085), LS (U+2028)
 *   and PS (U+2029) too (`yaml_private.go` `is_break`); the `yaml` library reads them as text. A
 *   plain value `s0<LS>      privileged: true` is one string to the checks and a `privileged` key
 *   to kubectl (in a comment or block scalar as well). Each document holding one is reported once.
 * - **Alias keys.** go-yaml v2 resolves an alias used as a map key (`*p : true` after `&p
 *   privileged`) to the scalar it names (`decode.go`, `decoder.mapping` unmarshals each key node,
 *   aliases included), so kubectl applies `privileged: true`; the checks read keys as written and
 *   would not see it. Such a key is reported wherever it stands.
 */
import { isAlias, isMap, isScalar, isSeq, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

/** A difference found: the message, and the 0-based offset it is reported at. */
export interface KubectlDifference {
  code: 'document-separator' | 'merge-key-order' | 'alias-key' | 'line-break';
  message: string;
  offset: number;
}

/** Lines that kubectl takes as a document separator and YAML does not: `---` directly followed by `#`. */
const KUBECTL_ONLY_SEPARATOR = /^---#/gm;

/** The `---#` lines of `text` (0-based offsets of their starts). Linear in the text's length. */
export function kubectlOnlySeparators(text: string): KubectlDifference[] {
  if (!text.includes('---#')) return [];
  const out: KubectlDifference[] = [];
  for (const m of text.matchAll(KUBECTL_ONLY_SEPARATOR)) {
    out.push({
      code: 'document-separator',
      message:
        'kubectl starts a new document at this "---#" line and YAML does not, so kubectl would apply objects this file does not show; write "--- #" or remove the line',
      offset: m.index!,
    });
  }
  return out;
}

/** Line breaks of go-yaml v2 that are not line breaks to the `yaml` library: a CR not before LF, NEL, LS, PS. */
const KUBECTL_ONLY_BREAK = /\r(?!\n)|[\u0085\u2028\u2029]/g;

/** The characters of `text` that kubectl reads as a line break and YAML does not (0-based offsets). Linear in the text's length. */
export function kubectlOnlyLineBreaks(text: string): KubectlDifference[] {
  const out: KubectlDifference[] = [];
  for (const m of text.matchAll(KUBECTL_ONLY_BREAK)) {
    const name = m[0] === '\r' ? 'a carriage return not followed by a line feed' : `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    out.push({
      code: 'line-break',
      message: `kubectl (go-yaml v2) starts a new line at this ${name} and YAML does not, so kubectl would read keys this file does not show; use a plain line feed`,
      offset: m.index!,
    });
  }
  return out;
}

/** Scalar key text of a pair, or undefined for a complex key. */
function keyOf(p: Pair): string | undefined {
  const k = p.key as Node | null;
  if (isScalar(k)) return String(k.value);
  return undefined;
}

const isMergePair = (p: Pair) => {
  const k = p.key as Node | null;
  // With `merge: true` the yaml library gives a merge key a symbol value; its source is `<<`.
  return isScalar(k) && k.type === 'PLAIN' && (k.source === '<<' || k.value === '<<' || typeof k.value === 'symbol');
};

/**
 * The keys a merge value gives (a map, an alias of one, or a sequence of those), its own merges
 * included. `seen` guards against alias cycles.
 */
function mergedKeys(doc: Document, value: unknown, seen: Set<unknown>): Set<string> {
  const keys = new Set<string>();
  const add = (v: unknown) => {
    let node = v;
    if (isAlias(node)) node = node.resolve(doc);
    if (!isMap(node) || seen.has(node)) return;
    seen.add(node);
    for (const p of (node as YAMLMap).items as Pair[]) {
      if (isMergePair(p)) for (const k of mergedKeys(doc, p.value, seen)) keys.add(k);
      else {
        const k = keyOf(p);
        if (k !== undefined) keys.add(k);
      }
    }
  };
  if (isSeq(value)) for (const item of value.items) add(item);
  else add(value);
  return keys;
}

/**
 * @internal The merge keys of a document whose place changes what kubectl reads (see the module comment),
 * each at the offset of its `<<`. The caller walks only documents of a text holding `<<`.
 */
export function mergeKeyOrderProblems(doc: Document): KubectlDifference[] {
  const out: KubectlDifference[] = [];
  visit(doc, {
    Map(_, map) {
      const pairs = map.items as Pair[];
      if (!pairs.some(isMergePair)) return;
      const above = new Set<string>();
      const fromMerges = new Set<string>();
      for (const p of pairs) {
        if (!isMergePair(p)) {
          const k = keyOf(p);
          if (k !== undefined) above.add(k);
          continue;
        }
        const keys = mergedKeys(doc, p.value, new Set());
        const overridden = [...keys].filter((k) => above.has(k));
        const twice = [...keys].filter((k) => fromMerges.has(k));
        if (overridden.length > 0 || twice.length > 0) {
          const clash = [...new Set([...overridden, ...twice])].sort();
          const offset = (p.key as Node).range?.[0] ?? 0;
          out.push({
            code: 'merge-key-order',
            message: `kubectl (go-yaml v2) applies this merge key where it stands, so its ${clash.map((k) => `"${k}"`).join(', ')} override${clash.length === 1 ? 's' : ''} the value set above it, where YAML keeps the explicit value; put the merge key first, or set each key once`,
            offset,
          });
        }
        for (const k of keys) fromMerges.add(k);
      }
    },
  });
  return out;
}

/**
 * @internal The map keys of a document that are aliases (`*name : value`), each at the offset of
 * its `*`: kubectl reads the key the alias names, the checks do not (see the module comment). The
 * caller walks only documents of a text holding `*`.
 */
export function aliasKeyProblems(doc: Document): KubectlDifference[] {
  const out: KubectlDifference[] = [];
  visit(doc, {
    Pair(_, pair) {
      const k = pair.key as Node | null;
      if (!isAlias(k)) return;
      out.push({
        code: 'alias-key',
        message: `kubectl (go-yaml v2) reads this alias key as the key it names (*${k.source}), which these checks do not follow; write the key out`,
        offset: k.range?.[0] ?? 0,
      });
    },
  });
  return out;
}
