/**
 * From a place in a RENDERED object (Kustomize or Helm output) to the place in the SOURCE file a
 * person edits: the node at that offset is named by its path from the object root, with list
 * items named by their `name` where they have one (`spec.template.spec.containers[name=app]`:
 * Kustomize merges lists of containers, volumes, env, ports by name; strategic merge patch keys,
 * Kubernetes API reference), and the same path is looked up in the source object. When the exact
 * node is not in the source (a field a patch added, or one that is missing everywhere), the
 * deepest ancestor that is there is the answer: the container, the pod spec, the object.
 */
import { parseYaml, type ParsedDocument, type ParsedFile, type SourceRange, type YNode } from '../yaml/index.js';

const parsed = new Map<string, ParsedFile>();

/**
 * `parseYaml(text)`, kept for the last 16 texts: attributing every finding of a rendered object
 * reads the same rendered and source texts again and again. The parse is never mutated.
 */
export function parseOnce(text: string): ParsedFile {
  let p = parsed.get(text);
  if (!p) {
    p = parseYaml(text);
    parsed.set(text, p);
    if (parsed.size > 16) parsed.delete(parsed.keys().next().value!);
  }
  return p;
}

/** One step of a path: a map key, or a list item by `name` (when it has a string name) or by index. */
export type PathStep = { key: string } | { name: string } | { index: number };

/** Where a rendered place was found in the source, and how exactly. */
export interface Attribution {
  /** The range in the source text (1-based lines, 0-based offsets), of the node found. */
  range: SourceRange;
  /** True when the very node was found; false when only an ancestor was (the steps that were not, in `missing`). */
  exact: boolean;
  /** The steps of the rendered path below the node found (empty when exact), e.g. `securityContext`, `readOnlyRootFilesystem`. */
  missing: string[];
  /** The node found in the source's parse (kept by {@link parseOnce}): a fix in the source edits it. */
  node: YNode;
}

/**
 * The deepest node of `root` whose range holds the 0-based `offset` (keys count as their value's
 * place) and, when given, the exclusive `end` too: a finding on a whole container map (it starts
 * where the map's first key starts) stays on the container, not on that key.
 */
export function nodeAtOffset(root: YNode, offset: number, end?: number): YNode {
  let cur = root;
  const last = end === undefined ? offset : Math.max(offset, end - 1);
  for (;;) {
    const children = cur.kind === 'map' ? cur.entries().map(([, n]) => n) : cur.kind === 'seq' ? cur.items() : [];
    const next = children.find((n) => {
      const [s, e] = n.offsets;
      const k = n.pair ? n.keyRange : undefined;
      const start = k ? Math.min(k.start.offset, s) : s;
      const stop = Math.max(e, start + 1);
      return offset >= start && last < stop;
    });
    if (!next) return cur;
    cur = next;
  }
}

/** The steps from the document root to `node`, list items by name where they have one. */
export function stepsTo(doc: YNode, node: YNode): PathStep[] {
  const steps: PathStep[] = [];
  let cur: YNode | undefined = doc;
  for (const k of node.path) {
    if (!cur) break;
    if (typeof k === 'number') {
      const item: YNode | undefined = cur.item(k);
      const name = item?.kind === 'map' ? item.get('name')?.value : undefined;
      steps.push(typeof name === 'string' ? { name } : { index: k });
      cur = item;
    } else {
      steps.push({ key: k });
      cur = cur.get(k);
    }
  }
  return steps;
}

const stepText = (s: PathStep) => ('key' in s ? s.key : 'name' in s ? `[name=${s.name}]` : `[${s.index}]`);

/** Follow `steps` from `root`: the deepest node reached and how many steps it took. */
export function follow(root: YNode, steps: readonly PathStep[]): { node: YNode; depth: number } {
  let cur = root;
  let depth = 0;
  for (const s of steps) {
    let next: YNode | undefined;
    if ('key' in s) next = cur.kind === 'map' ? cur.get(s.key) : undefined;
    else if (cur.kind === 'seq') {
      next = 'name' in s ? cur.items().find((i) => i.kind === 'map' && i.get('name')?.value === s.name) : cur.item(s.index);
    }
    if (!next) break;
    cur = next;
    depth++;
  }
  return { node: cur, depth };
}

/** `kind` and `metadata.name` of a document's object. */
function identity(d: ParsedDocument): { kind: unknown; name: unknown } {
  const data = d.data as { kind?: unknown; metadata?: { name?: unknown } } | undefined;
  return { kind: data?.kind, name: data?.metadata?.name };
}

/**
 * The document of `source` that holds the object rendered as `rendered`: the same `kind` and
 * `metadata.name`; else the same kind and a rendered name that contains the source name (a
 * Kustomize `namePrefix`/`nameSuffix`, a Helm release prefix); else the only document of that
 * kind. Undefined when none fits or several fit equally.
 */
export function sourceDocument(source: readonly ParsedDocument[], rendered: { kind: unknown; name: unknown }): ParsedDocument | undefined {
  const sameKind = source.filter((d) => d.root && !d.hasErrors && identity(d).kind === rendered.kind);
  const exact = sameKind.filter((d) => identity(d).name === rendered.name);
  if (exact.length === 1) return exact[0];
  const contained = sameKind.filter((d) => {
    const n = identity(d).name;
    return typeof n === 'string' && n !== '' && typeof rendered.name === 'string' && rendered.name.includes(n);
  });
  if (contained.length === 1) return contained[0];
  return sameKind.length === 1 ? sameKind[0] : undefined;
}

/**
 * Attribute the place at 0-based `offset` (to `end`, exclusive, when given) of the rendered object text `renderedText` (one YAML
 * document) to `sourceText` (the file the object came from: a Kustomize resource, by its origin
 * annotation): the source document by {@link sourceDocument}, then the same path
 * ({@link stepsTo}, {@link follow}). Undefined when the rendered text does not parse or no
 * source document fits. Pure; never throws.
 */
export function attributeOffset(renderedText: string, offset: number, sourceText: string, end?: number): Attribution | undefined {
  const rendered = parseOnce(renderedText).documents.find((d) => d.root && !d.hasErrors);
  if (!rendered?.root) return undefined;
  const ops = jsonPatchOperations(sourceText);
  if (ops) return attributeJsonPatch(ops, nodeAtOffset(rendered.root, offset, end).path);
  const doc = sourceDocument(parseOnce(sourceText).documents, identity(rendered));
  if (!doc?.root) return undefined;
  const steps = stepsTo(rendered.root, nodeAtOffset(rendered.root, offset, end));
  const { node, depth } = follow(doc.root, steps);
  const exact = depth === steps.length;
  // A map entry is pointed at by its key (the line a person reads as the field), a list item by its value.
  return { range: node.pair ? node.keyRange : node.range, exact, missing: steps.slice(depth).map(stepText), node };
}

/**
 * The operations of a JSON 6902 patch file (a YAML or JSON list of maps with `op` and `path`,
 * https://datatracker.ietf.org/doc/html/rfc6902 ; Kustomize `patches` / `patchesJson6902`), or
 * undefined when the text is not one.
 */
function jsonPatchOperations(text: string): YNode[] | undefined {
  const docs = parseOnce(text).documents.filter((d) => d.root);
  const root = docs.length === 1 && !docs[0]!.hasErrors ? docs[0]!.root : undefined;
  if (root?.kind !== 'seq') return undefined;
  const items = root.items();
  if (items.length === 0 || !items.every((i) => i.kind === 'map' && typeof i.get('op')?.value === 'string' && typeof i.get('path')?.value === 'string'))
    return undefined;
  return items;
}

/** The segments of a JSON pointer (RFC 6901: `~1` is `/`, `~0` is `~`), or undefined when it is not one. */
function pointerSegments(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The place of a JSON 6902 patch that writes the rendered node at data path `path`: the value of
 * the last `add` or `replace` operation whose `path` is that node's pointer, or the node inside
 * the value of one whose `path` is an ancestor's (a whole `securityContext` added). Undefined when
 * no operation writes it (list items are named by index, as the pointers name them).
 */
function attributeJsonPatch(ops: readonly YNode[], path: readonly (string | number)[]): Attribution | undefined {
  const want = path.map(String);
  for (const op of [...ops].reverse()) {
    const kind = op.get('op')?.value;
    const segs = pointerSegments(String(op.get('path')?.value));
    const value = op.get('value');
    if ((kind !== 'add' && kind !== 'replace') || !segs || !value || segs.length > want.length || !segs.every((s, i) => s === want[i])) continue;
    let node: YNode | undefined = value;
    for (const s of want.slice(segs.length)) {
      node = node.kind === 'map' ? node.get(s) : node.kind === 'seq' && /^\d+$/.test(s) ? node.item(Number(s)) : undefined;
      if (!node) break;
    }
    if (!node) continue;
    return { range: node.pair ? node.keyRange : node.range, exact: true, missing: [], node };
  }
  return undefined;
}

/** Kustomize's content-hash name suffix (`-` and 10 characters of its alphabet; kustomize api/hasher). */
export const NAME_HASH = /-[2456789bcdfghkmt]{10}$/;

/**
 * The `configMapGenerator` (for a ConfigMap) or `secretGenerator` (for a Secret) entry of the
 * kustomization `text` that generated the object rendered as `kind`/`name`: the entry whose
 * `name` the rendered name holds once the content-hash suffix is dropped (a `namePrefix` /
 * `nameSuffix` may surround it), the longest such name when several fit
 * (https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/configmapgenerator/).
 * `hashed` says whether the rendered name carries the suffix (the generator renames the object
 * on every change of its data). Undefined when none fits. Pure.
 */
export function generatorEntry(text: string, kind: unknown, name: unknown): { entry: YNode; hashed: boolean } | undefined {
  if ((kind !== 'ConfigMap' && kind !== 'Secret') || typeof name !== 'string') return undefined;
  const root = parseOnce(text).documents.find((d) => d.root && !d.hasErrors)?.root;
  const list = root?.kind === 'map' ? root.get(kind === 'ConfigMap' ? 'configMapGenerator' : 'secretGenerator') : undefined;
  if (list?.kind !== 'seq') return undefined;
  const hashed = NAME_HASH.test(name);
  const bare = hashed ? name.replace(NAME_HASH, '') : name;
  let best: { entry: YNode; length: number } | undefined;
  for (const item of list.items()) {
    const n = item.kind === 'map' ? item.get('name')?.value : undefined;
    if (typeof n !== 'string' || n === '' || !bare.includes(n)) continue;
    if (!best || n.length > best.length) best = { entry: item, length: n.length };
  }
  return best && { entry: best.entry, hashed };
}

/**
 * A patch written inline in a kustomization (`patches: [{patch: |- ...}]`, an inline
 * `patchesStrategicMerge` entry) as a literal block scalar: its text, and the way from a place in
 * that text to the kustomization's lines (https://yaml.org/spec/1.2.2/#literal-style: each
 * content line is the file line without the block's indentation).
 */
export interface InlinePatch {
  /** The kustomization file (repository-relative). */
  file: string;
  /** The patch text (the scalar's value). */
  text: string;
  /** 0-based offset in `text` → 0-based offset in the kustomization's text. */
  toFile(offset: number): number;
  /** A range of `text` → the same characters in the kustomization (1-based lines). */
  rangeToFile(range: SourceRange): SourceRange;
}

/**
 * The {@link InlinePatch} of the scalar `node` of the kustomization `fileText`, or undefined when
 * it is not a literal block scalar (`|`, `|-`, `|+`) whose lines map back exactly (a folded or
 * quoted scalar, tabs in the indentation). Pure.
 */
export function inlinePatch(file: string, fileText: string, node: YNode): InlinePatch | undefined {
  const value = node.value;
  if (node.kind !== 'scalar' || typeof value !== 'string') return undefined;
  const [start] = node.offsets;
  if (!/^\|[-+]?[1-9]?[ \t]*(?:#.*)?$/.test(fileText.slice(start, fileText.indexOf('\n', start) < 0 ? fileText.length : fileText.indexOf('\n', start))))
    return undefined;
  const first = fileText.indexOf('\n', start) + 1;
  if (first === 0) return undefined;
  const lines = value.split('\n');
  const starts: number[] = [];
  let pos = first;
  let indent: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const end = fileText.indexOf('\n', pos);
    const line = fileText.slice(pos, end < 0 ? fileText.length : end);
    if (lines[i] === '' && line.trim() === '') {
      starts.push(pos);
    } else {
      indent ??= line.length - line.trimStart().length;
      if (line.slice(0, indent).trim() !== '' || line.slice(indent) !== lines[i]) {
        // The value's last line may be the empty one after a final newline (clip / keep).
        if (i === lines.length - 1 && lines[i] === '') break;
        return undefined;
      }
      starts.push(pos + indent);
    }
    if (end < 0) break;
    pos = end + 1;
  }
  if (indent === undefined) return undefined;
  const lineStarts: number[] = [0];
  for (let i = 0; i < value.length; i++) if (value[i] === '\n') lineStarts.push(i + 1);
  const toFile = (offset: number): number => {
    let k = 0;
    while (k + 1 < lineStarts.length && lineStarts[k + 1]! <= offset) k++;
    return (starts[k] ?? starts[starts.length - 1]!) + (offset - lineStarts[k]!);
  };
  const fileLine = (offset: number) => fileText.slice(0, offset).split('\n').length;
  const column = (offset: number) => offset - (fileText.lastIndexOf('\n', offset - 1) + 1) + 1;
  return {
    file,
    text: value,
    toFile,
    rangeToFile(range) {
      const s = toFile(range.start.offset);
      const e = toFile(range.end.offset);
      return { start: { line: fileLine(s), column: column(s), offset: s }, end: { line: fileLine(e), column: column(e), offset: e } };
    },
  };
}
