/**
 * Fixes of rendered Helm objects, made in the chart's values and proven by rendering again
 * (issue #16, "Helm: from rendered document to values.yaml"). The policies' fixes are computed
 * against the RENDERED text (src/engine/fixes.ts), which nobody edits; this module moves them to
 * the values file a person edits:
 *
 * 1. Candidates: the `.Values.*` paths the chart's templates (and helpers) read whose last
 *    segment names a security context (`securityContext`, `podSecurityContext`,
 *    `containerSecurityContext`, `controller.containerSecurityContext`, …) or a list of volumes
 *    or mounts (`extraVolumes`, `extraVolumeMounts`, `volumes`, …), when the values hold a map
 *    (resp. a list) there or nothing.
 * 2. One probe render: every candidate gets a marker (`kiProbe<N>: ki-probe-<N>` in a map, an item
 *    `{name: ki-probe-<N>}` in a list) in an extra values file; where a marker shows in the
 *    output is where that values key is rendered (object and path). A key whose markers replace
 *    what the template rendered without it (ingress-nginx: a set `containerSecurityContext`
 *    replaces the chart's defaults) is a `replace` key: the whole fixed map is written to it.
 * 3. Translation: the data change a fix makes to the rendered object (paths, values, appended
 *    items) becomes the same change under the values key rendered at the deepest prefix of each
 *    path; a change no key reaches gives no values fix (the reason is said).
 * 4. The values file is edited as text in its own style (src/yaml renderFixOps, checked by
 *    re-parsing), and the chart is rendered again with the edited text: the fix holds only when
 *    the object renders exactly as the rendered fix would make it, every other object is
 *    unchanged or changed only where the edited keys render (then none of its findings is new),
 *    and no object appears or disappears. Annotations whose key has the prefix `checksum/` may
 *    change (charts hash their values or config into them).
 *
 * Helm's values semantics: maps of values files merge key by key, lists and scalars replace,
 * a later `--values` file wins (https://helm.sh/docs/chart_template_guide/values_files/).
 */
import { run, type AnyPolicy, type EngineOptions, type Finding, type FindingSuggestion, type FixGroup, fingerprintOf } from '../engine/index.js';
import {
  applyEdits,
  detectStyle,
  expectedData,
  parseYaml,
  renderFixOps,
  sameData,
  verifyEdits,
  type FixOp,
  type JsonValue,
  type TextEdit,
  type YNode,
} from '../yaml/index.js';
import { runRendered } from './analyse.js';
import { follow, type PathStep } from './attribute.js';
import { renderHelmChart, type HelmObject, type HelmProfile, type HelmRender, type HelmTree } from './helm.js';
import { DEFAULT_RENDER_TIMEOUT_MS } from './run.js';
import type { HelmEngine } from './types.js';

/** A values key: its path below the values root (`['controller', 'containerSecurityContext']`). */
type ValuesKey = readonly string[];

/** Where a probe showed a values key in the rendered output. */
interface Mapping {
  /** Index of the candidate. */
  candidate: number;
  /** The rendered object (its identity, see objectId). */
  object: string;
  /** The path of the map holding the marker (`map`) or of the list holding the marker item (`list`). */
  steps: PathStep[];
  type: 'map' | 'list';
  /** `replace`: the key's map replaces what the template renders without it (see the module comment). */
  mode: 'merge' | 'replace';
}

/** A data change a fix makes to a rendered object: a value set at a path, or an item appended to the list at a path. */
export type Change = { op: 'set'; path: PathStep[]; value: JsonValue } | { op: 'append'; path: PathStep[]; item: JsonValue };

/** What {@link proveHelmValuesFixes} gives one finding of a rendered object. */
export interface ValuesFixLink {
  /** The values fix group that fixes it (in {@link HelmValuesFixes.groups}), when one was proven. */
  fixId?: string;
  /** A held-back fix (a guess, a behaviour change) moved to the values file and proven, when there is one. */
  suggestion?: FindingSuggestion;
  /** Where the finding goes: the values file, and the range of the values key the fix edits (1-based lines). */
  file: string;
  range: Finding['range'];
  /** The values key, dotted (`securityContext`). */
  key: string;
}

/** Values fixes of one chart render. */
export interface HelmValuesFixes {
  /** The values file edited (repository-relative), when a fix was proven. */
  file: string | undefined;
  /** Proven fix groups; each edits `file` (0-based offsets into its original text). */
  groups: FixGroup[];
  /** Per rendered object (index in the render's objects), per finding fingerprint as run() gives it for that object: its link. */
  links: Map<number, Map<string, ValuesFixLink>>;
  /** Per rendered object, per finding fingerprint: why its fix could not be moved to the values (when it had one). */
  notes: Map<number, Map<string, string>>;
  /** Every proven group applied (groups proven together), and its edits, for `kube-immutable fix`. */
  fixedText: string | undefined;
  fixedEdits: TextEdit[] | undefined;
  /** How many extra helm runs this took (the probe and the proofs). */
  renders: number;
}

/** Inputs of {@link proveHelmValuesFixes}. */
export interface ProveValuesOptions {
  engine: HelmEngine;
  /** The absolute folder the chart is read from (as for renderHelmChart). */
  repoRoot: string;
  /** Repository-relative chart folder (`''` for the root). */
  chartDir: string;
  profile?: HelmProfile;
  /** The repository's files (repository-relative path → text): the chart's templates and values files are read from it. */
  tree: HelmTree;
  /** The render being fixed (renderHelmChart's objects, in order). */
  objects: readonly HelmObject[];
  /** The path each object is scanned under (its template file, or the chart folder), as analyseRendered scans it. */
  pathOf: (o: HelmObject) => string;
  policies: readonly AnyPolicy[];
  engineOptions: EngineOptions;
  /** At most this many held-back fixes (guesses, behaviour changes) are proven, each by its own render (default 4). */
  maxHeldProofs?: number;
  /** When the fix groups do not prove together, at most this many are proven one by one (default 8). */
  maxGroupProofs?: number;
  /**
   * A `Date.now()` time (ms) after which no proof render starts, and at which a proof render under
   * way is cut (a `render-timeout`): proofs are optional, their number per chart is bounded but
   * the charts of a pull request are not, and a template may be slow only with the edited values.
   * The probe is not cut (it runs beside the chart's own render). Absent: no limit.
   */
  deadline?: number;
  /** The probe, when the caller started it (startValuesProbe) beside the chart's render; else it is started here. */
  probe?: ValuesProbe;
}

const PROBE_KEY = /^kiProbe(\d+)$/;
const PROBE_ITEM = /^ki-probe-(\d+)$/;
const MAP_NAME = /securitycontext$/i;
const LIST_NAME = /(?:volumes|volumemounts|mounts)$/i;
const MAX_CANDIDATES = 64;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const joinRel = (dir: string, rel: string) => (dir === '' ? rel : `${dir}/${rel}`);
const stepText = (s: PathStep) => ('key' in s ? s.key : 'name' in s ? `[name=${s.name}]` : `[${s.index}]`);
const pathText = (steps: readonly PathStep[]) => steps.map(stepText).join('.').replace(/\.\[/g, '[');
const sameStep = (a: PathStep, b: PathStep) =>
  'key' in a ? 'key' in b && a.key === b.key : 'name' in a ? 'name' in b && a.name === b.name : 'index' in b && a.index === b.index;

/** `Kind/namespace/name` of an object's data ('' parts when absent). */
function objectId(data: unknown): string {
  const d = isObject(data) ? data : {};
  const m = isObject(d.metadata) ? d.metadata : {};
  const part = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  return `${part(d.kind)}/${part(m.namespace)}/${part(m.name)}`;
}

/** The data of a one-document text (undefined when it does not parse cleanly). */
function dataOf(text: string): unknown {
  const p = parseYaml(text);
  const d = p.documents.find((x) => x.root);
  return d && !d.hasErrors ? d.data : undefined;
}

/** Helm's merge of values: maps key by key, anything else replaces; null deletes the key. */
function mergeValues(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over === undefined ? base : over;
  const out = new Map(Object.entries(base));
  for (const [k, v] of Object.entries(over)) {
    if (v === null) out.delete(k);
    else out.set(k, mergeValues(base[k], v));
  }
  return Object.fromEntries(out);
}

function getIn(data: unknown, key: ValuesKey): unknown {
  let cur = data;
  for (const k of key) {
    if (!isObject(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

/** A copy of `data` with every probe marker (keys kiProbe<N>, items named ki-probe-<N>) removed. */
function withoutProbes(data: unknown): unknown {
  if (Array.isArray(data)) return data.filter((i) => !(isObject(i) && typeof i.name === 'string' && PROBE_ITEM.test(i.name))).map(withoutProbes);
  if (!isObject(data)) return data;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) if (!PROBE_KEY.test(k)) out[k] = withoutProbes(v);
  return out;
}

/**
 * Annotation keys a chart fills with a hash of its values or config (Helm's convention,
 * `checksum/config`: https://helm.sh/docs/howto/charts_tips_and_tricks/#automatically-roll-deployments):
 * the prefix is `checksum`. Only these: a key that merely contains the word may be one Kubernetes
 * or a controller acts on (`container.apparmor.security.beta.kubernetes.io/<container>` for a
 * container named `checksum`, Vault's `vault.hashicorp.com/agent-inject-secret-<name>`).
 */
const CHECKSUM_ANNOTATION = /^checksum\//i;

/** A copy of an object's data without the values of checksum annotations (CHECKSUM_ANNOTATION; see the module comment). */
function withoutChecksums(data: unknown): unknown {
  const strip = (m: unknown) => {
    if (!isObject(m) || !isObject(m.annotations)) return m;
    const annotations = Object.fromEntries(Object.entries(m.annotations).filter(([k]) => !CHECKSUM_ANNOTATION.test(k)));
    return { ...m, annotations };
  };
  if (!isObject(data)) return data;
  const out: Record<string, unknown> = { ...data, metadata: strip(data.metadata) };
  const spec = data.spec;
  if (isObject(spec) && isObject(spec.template)) out.spec = { ...spec, template: { ...spec.template, metadata: strip(spec.template.metadata) } };
  return out;
}

/**
 * The changes from `before` to `after` (plain data): new keys and changed scalars are `set`,
 * list items are matched by `name` when every item has one (new names `append`ed), else the
 * old list must be a prefix of the new one (the rest `append`ed) or the list is `set` whole.
 * Undefined when a key or a named item is removed (no fix does that).
 */
export function dataChanges(before: unknown, after: unknown, path: PathStep[] = []): Change[] | undefined {
  if (sameData(before, after)) return [];
  if (isObject(before) && isObject(after)) {
    const out: Change[] = [];
    for (const k of Object.keys(before)) if (!(k in after)) return undefined;
    for (const [k, v] of Object.entries(after)) {
      if (!(k in before)) out.push({ op: 'set', path: [...path, { key: k }], value: v as JsonValue });
      else {
        const c = dataChanges(before[k], v, [...path, { key: k }]);
        if (!c) return undefined;
        out.push(...c);
      }
    }
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const named = (l: unknown[]) => l.every((i) => isObject(i) && typeof i.name === 'string');
    if (before.length > 0 && named(before) && named(after)) {
      const out: Change[] = [];
      const byName = new Map(after.map((i) => [(i as { name: string }).name, i]));
      for (const b of before) {
        const name = (b as { name: string }).name;
        if (!byName.has(name)) return undefined;
        const c = dataChanges(b, byName.get(name), [...path, { name }]);
        if (!c) return undefined;
        out.push(...c);
      }
      const old = new Set(before.map((i) => (i as { name: string }).name));
      for (const a of after) if (!old.has((a as { name: string }).name)) out.push({ op: 'append', path, item: a as JsonValue });
      return out;
    }
    if (before.length <= after.length && before.every((b, i) => sameData(b, after[i])))
      return after.slice(before.length).map((item) => ({ op: 'append', path, item: item as JsonValue }));
  }
  return [{ op: 'set', path, value: after as JsonValue }];
}

/** The data steps of a rendered object down to every probe marker: where each candidate is rendered. */
function probeMarkers(data: unknown): { candidate: number; steps: PathStep[]; type: 'map' | 'list' }[] {
  const out: { candidate: number; steps: PathStep[]; type: 'map' | 'list' }[] = [];
  const walk = (v: unknown, steps: PathStep[], depth: number) => {
    if (depth > 64) return;
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        const name = isObject(item) && typeof item.name === 'string' ? item.name : undefined;
        const m = name === undefined ? null : PROBE_ITEM.exec(name);
        if (m) out.push({ candidate: Number(m[1]), steps, type: 'list' });
        else walk(item, [...steps, name !== undefined ? { name } : { index: i }], depth + 1);
      });
    } else if (isObject(v)) {
      for (const [k, x] of Object.entries(v)) {
        const m = PROBE_KEY.exec(k);
        if (m && x === `ki-probe-${m[1]}`) out.push({ candidate: Number(m[1]), steps, type: 'map' });
        else if (!m) walk(x, [...steps, { key: k }], depth + 1);
      }
    }
  };
  walk(data, [], 0);
  return out;
}

/** Follow data steps in plain data. */
function dataAt(data: unknown, steps: readonly PathStep[]): unknown {
  let cur = data;
  for (const s of steps) {
    if ('key' in s) cur = isObject(cur) ? cur[s.key] : undefined;
    else if (!Array.isArray(cur)) return undefined;
    else cur = 'name' in s ? cur.find((i) => isObject(i) && i.name === s.name) : cur[s.index];
    if (cur === undefined) return undefined;
  }
  return cur;
}

/**
 * The values keys the chart's templates read that a fix may go through (see the module
 * comment, step 1), with the type the values hold there. `merged` is the values as Helm sees them.
 */
export function valuesCandidates(templates: readonly string[], merged: unknown): { key: ValuesKey; type: 'map' | 'list' }[] {
  const out = new Map<string, { key: ValuesKey; type: 'map' | 'list' }>();
  for (const text of templates)
    for (const m of text.matchAll(/\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)/g)) {
      const segs = m[1]!.slice(1).split('.');
      for (let i = 1; i <= segs.length; i++) {
        const key = segs.slice(0, i);
        const last = key[key.length - 1]!;
        const type = MAP_NAME.test(last) ? 'map' : LIST_NAME.test(last) ? 'list' : undefined;
        if (!type || out.has(key.join('.'))) continue;
        // Every map on the way must be a map (or absent), and the key must hold its type or nothing.
        let ok = true;
        for (let j = 1; j < key.length; j++) {
          const v = getIn(merged, key.slice(0, j));
          if (v !== undefined && v !== null && !isObject(v)) ok = false;
        }
        const v = getIn(merged, key);
        if (v !== undefined && v !== null && (type === 'map' ? !isObject(v) : !Array.isArray(v))) ok = false;
        if (ok) out.set(key.join('.'), { key, type });
      }
    }
  return [...out.values()].slice(0, MAX_CANDIDATES);
}

/** The probe values (JSON, which is YAML): a marker under every candidate (see the module comment, step 2). */
function probeValues(candidates: readonly { key: ValuesKey; type: 'map' | 'list' }[], merged: unknown): string {
  const root: Record<string, unknown> = {};
  candidates.forEach((c, i) => {
    let cur = root;
    for (const k of c.key.slice(0, -1)) {
      if (!isObject(cur[k])) cur[k] = {};
      cur = cur[k] as Record<string, unknown>;
    }
    const last = c.key[c.key.length - 1]!;
    if (c.type === 'map') {
      if (!isObject(cur[last])) cur[last] = {};
      (cur[last] as Record<string, unknown>)[`kiProbe${i}`] = `ki-probe-${i}`;
    } else {
      const existing = getIn(merged, c.key);
      cur[last] = [...(Array.isArray(existing) ? (existing as unknown[]) : []), { name: `ki-probe-${i}` }];
    }
  });
  return `${JSON.stringify(root)}\n`;
}

/** Values operations (key paths below the values root). */
type ValuesOp = { kind: 'set'; path: string[]; value: JsonValue } | { kind: 'append'; path: string[]; item: JsonValue };

/** What part of a fix's changes values keys can make. */
interface Translation {
  ops: ValuesOp[];
  /** The candidates (indexes) the ops go through. */
  keys: Set<number>;
  /** The changes the ops make (in the rendered object). */
  applied: Change[];
  /** Why the other changes cannot be made through the values (the first), when some cannot. */
  unreached: string | undefined;
}

/** The values key rendered at the deepest prefix of each change of one object (see the module comment, step 3). */
function translate(
  changes: readonly Change[],
  object: string,
  mappings: readonly Mapping[],
  candidates: readonly { key: ValuesKey }[],
  fixedObject: unknown,
  merged: unknown,
): Translation {
  const t: Translation = { ops: [], keys: new Set(), applied: [], unreached: undefined };
  const replaced = new Map<Mapping, boolean>();
  const own = mappings.filter((m) => m.object === object);
  for (const c of changes) {
    let best: Mapping | undefined;
    for (const m of own) {
      if (m.steps.length > c.path.length || !m.steps.every((s, i) => sameStep(s, c.path[i]!))) continue;
      const rest = c.path.slice(m.steps.length);
      if (m.type === 'list' ? !(c.op === 'append' && rest.length === 0) : !rest.every((s) => 'key' in s)) continue;
      if (!best || m.steps.length > best.steps.length) best = m;
    }
    if (!best) {
      t.unreached ??= `no values key of the chart is rendered at ${pathText(c.path)}`;
      continue;
    }
    const key = [...candidates[best.candidate]!.key];
    if (best.type === 'list') {
      t.ops.push({ kind: 'append', path: key, item: (c as { item: JsonValue }).item });
    } else if (best.mode === 'replace') {
      // The key replaces the template's own rendering: write the whole fixed map to it (once).
      if (!replaced.has(best)) {
        const rel = dataChanges(getIn(merged, key) ?? {}, dataAt(fixedObject, best.steps) ?? {});
        replaced.set(best, rel !== undefined);
        if (rel) for (const r of rel) t.ops.push(toOp(key, r));
      }
      if (!replaced.get(best)) {
        t.unreached ??= `.Values.${key.join('.')} holds keys the fixed ${pathText(best.steps)} does not`;
        continue;
      }
    } else t.ops.push(toOp(key, { ...c, path: c.path.slice(best.steps.length) } as Change));
    t.keys.add(best.candidate);
    t.applied.push(c);
  }
  return t;
}

function toOp(key: readonly string[], c: Change): ValuesOp {
  const path = [...key, ...c.path.map((s) => (s as { key: string }).key)];
  return c.op === 'set' ? { kind: 'set', path, value: c.value } : { kind: 'append', path, item: c.item };
}

/**
 * `data` with `changes` made (a deep copy; maps and lists created on the way); undefined when a
 * change's path runs into something that is not a map or list where it needs one, or names a list
 * item that is not there.
 */
export function withChanges(data: unknown, changes: readonly Change[]): unknown {
  const out = structuredClone(data) as unknown;
  for (const c of changes) {
    let cur: unknown = out;
    const steps = c.op === 'set' ? c.path.slice(0, -1) : c.path;
    const place = (s: PathStep, make: () => unknown): unknown => {
      if ('key' in s) {
        if (!isObject(cur)) return undefined;
        if (cur[s.key] === undefined || cur[s.key] === null) cur[s.key] = make();
        return cur[s.key];
      }
      if (!Array.isArray(cur)) return undefined;
      return 'name' in s ? cur.find((i) => isObject(i) && i.name === s.name) : cur[s.index];
    };
    for (let i = 0; i < steps.length; i++) {
      const next = steps[i + 1];
      const isLast = i === steps.length - 1;
      cur = place(steps[i]!, () => ((isLast && c.op === 'append') || (next && !('key' in next)) ? [] : {}));
      if (cur === undefined) return undefined;
    }
    if (c.op === 'append') {
      if (!Array.isArray(cur)) return undefined;
      cur.push(structuredClone(c.item));
    } else {
      const last = c.path[c.path.length - 1];
      if (!last || !('key' in last) || !isObject(cur)) return undefined;
      cur[last.key] = structuredClone(c.value);
    }
  }
  return out;
}

/**
 * What the values `ops` do to an object the fix does not target, in which the probe showed
 * edited keys (`mappings`, of this object): each op's change below its key, made at every place
 * the key renders (a `replace` key's place gets the key's new value whole; a list key's place the
 * appended item). Undefined when an op cannot be placed so (the proof then refuses). The proof
 * wants the object to render exactly so: a marker a template forges, or a template that reads a
 * key to decide something else, then shows as a difference instead of passing as "where the key
 * renders".
 */
function predictedChanges(
  ops: readonly ValuesOp[],
  keys: ReadonlySet<number>,
  candidates: readonly { key: ValuesKey }[],
  mappings: readonly Mapping[],
  newValues: unknown,
): Change[] | undefined {
  const out: Change[] = [];
  for (const op of ops) {
    const owners = [...keys].filter((k) => candidates[k]!.key.every((s, i) => op.path[i] === s));
    if (owners.length === 0) return undefined;
    const k = owners.reduce((a, b) => (candidates[b]!.key.length > candidates[a]!.key.length ? b : a));
    const key = candidates[k]!.key;
    const rel: PathStep[] = op.path.slice(key.length).map((x) => ({ key: x }));
    for (const m of mappings.filter((x) => x.candidate === k)) {
      if (m.type === 'list') {
        if (op.kind !== 'append' || rel.length > 0) return undefined;
        out.push({ op: 'append', path: m.steps, item: op.item });
      } else if (m.mode === 'replace') {
        if (m.steps.length === 0) return undefined;
        out.push({ op: 'set', path: m.steps, value: (getIn(newValues, key) ?? {}) as JsonValue });
      } else if (op.kind === 'append') out.push({ op: 'append', path: [...m.steps, ...rel], item: op.item });
      else if (rel.length === 0) return undefined;
      else out.push({ op: 'set', path: [...m.steps, ...rel], value: op.value });
    }
  }
  return out;
}

/** Split sets of maps into sets of their entries where the file already holds a map (so they merge into it), and drop repeated operations. */
function normaliseOps(ops: readonly ValuesOp[], fileValues: unknown): ValuesOp[] {
  const out: ValuesOp[] = [];
  const seen = new Set<string>();
  const push = (op: ValuesOp) => {
    if (op.kind === 'set' && isObject(op.value) && Object.keys(op.value).length > 0 && isObject(getIn(fileValues, op.path))) {
      for (const [k, v] of Object.entries(op.value)) push({ kind: 'set', path: [...op.path, k], value: v });
      return;
    }
    const id = JSON.stringify(op);
    if (!seen.has(id)) {
      seen.add(id);
      out.push(op);
    }
  };
  for (const op of ops) push(op);
  return out;
}

/** Render values operations into edits of the values text, checked by re-parsing (the data is exactly the intended change). */
function editValues(text: string, ops: readonly ValuesOp[]): { edits: TextEdit[]; text: string; anchor: Finding['range'] } | { problem: string } {
  const parsed = parseYaml(text);
  const doc = parsed.documents[0];
  if (parsed.documents.length > 1) return { problem: 'the values file holds several YAML documents' };
  if (parsed.problems.some((p) => p.severity === 'error') || !doc?.root || doc.root.kind !== 'map') return { problem: 'the values file is not a YAML map' };
  const root: YNode = doc.root;
  const fixOps: FixOp[] = ops.map((op) =>
    op.kind === 'set' ? { kind: 'set', target: root, path: op.path, value: op.value } : { kind: 'append', target: root, path: op.path, item: op.item },
  );
  const style = detectStyle(
    text,
    parsed.documents.map((d) => d.doc),
  );
  const r = renderFixOps(text, style, fixOps, { fillPlaceholders: true });
  if (r.problems.length > 0) return { problem: r.problems[0]! };
  if (r.edits.length === 0) return { problem: 'the values change changes nothing' };
  const v = verifyEdits(
    text,
    r.edits,
    expectedData(
      parsed.documents.map((d) => d.data),
      () => 0,
      fixOps,
    ),
  );
  if (!v.ok) return { problem: v.problem ?? 'the edited values file does not verify' };
  // The finding sits on the deepest key of the first operation the file already has (else the root's first key).
  const { node } = follow(
    root,
    ops[0]!.path.map((key) => ({ key })),
  );
  const at = node === root ? (root.entries()[0]?.[1] ?? root) : node;
  const range = at.pair ? at.keyRange : at.range;
  return { edits: r.edits, text: v.text!, anchor: range };
}

/** The objects of a render by identity (a repeated identity keeps the first). */
function byIdentity(objects: readonly HelmObject[]): Map<string, { index: number; data: unknown }> {
  const out = new Map<string, { index: number; data: unknown }>();
  objects.forEach((o, index) => {
    const data = dataOf(o.text);
    const id = objectId(data);
    if (!out.has(id)) out.set(id, { index, data });
  });
  return out;
}

/** The data of the objects whose identity (objectId) more than one object has, in order, by identity. */
function sharedIdentities(objects: readonly HelmObject[]): Map<string, unknown[]> {
  const all = new Map<string, unknown[]>();
  for (const o of objects) {
    const data = dataOf(o.text);
    const id = objectId(data);
    all.set(id, [...(all.get(id) ?? []), data]);
  }
  return new Map([...all].filter(([, l]) => l.length > 1));
}

/** Finding keys of one object (policy, message, container) → fingerprint: what "a new finding" compares. */
function findingKeys(path: string, text: string, policies: readonly AnyPolicy[], opts: EngineOptions): Map<string, string> {
  const r = run([{ path, text }], policies, opts);
  return new Map(r.findings.map((f) => [`${f.policyId}\0${f.messageId}\0${f.container?.name ?? ''}`, f.fingerprint]));
}

/** A fix to move: the objects it edits, what of it values keys can make, and in which values file (index). */
interface Moved {
  /** Rendered object index → the changes the values ops make to it (it must render as the original with them). */
  applied: Map<number, Change[]>;
  ops: ValuesOp[];
  keys: Set<number>;
  file: number;
  unreached: string | undefined;
}

/** A probe render under way (see the module comment, step 2), and the candidates it marks. */
export interface ValuesProbe {
  candidates: { key: ValuesKey; type: 'map' | 'list' }[];
  render: Promise<HelmRender>;
}

/**
 * Start the probe render of a chart (see the module comment, step 2): the values keys its
 * templates read that a fix may go through, each marked in an extra values file. Undefined when
 * the chart reads none (nothing is run). Started by the caller next to the chart's own render, so
 * the two run side by side; the promise rejects only when helm cannot be started.
 */
export function startValuesProbe(opts: Pick<ProveValuesOptions, 'engine' | 'repoRoot' | 'chartDir' | 'profile' | 'tree'>): ValuesProbe | undefined {
  const valuesFiles = [joinRel(opts.chartDir, 'values.yaml'), ...(opts.profile?.valuesFiles ?? [])];
  const merged = valuesFiles.map((f) => (opts.tree.has(f) ? dataOf(opts.tree.get(f)!) : undefined)).reduce((a: unknown, b) => mergeValues(a, b ?? {}), {});
  const templates = [...opts.tree.keys()].filter((p) => p.startsWith(joinRel(opts.chartDir, 'templates/'))).map((p) => opts.tree.get(p) ?? '');
  const candidates = valuesCandidates(templates, merged);
  if (candidates.length === 0) return undefined;
  const render = renderHelmChart({
    engine: opts.engine,
    repoRoot: opts.repoRoot,
    chartDir: opts.chartDir,
    profile: opts.profile,
    extraValues: [probeValues(candidates, merged)],
  });
  return { candidates, render };
}

/**
 * Find values fixes for the fixes of a rendered chart and prove each by rendering the chart
 * again with the edited values file (see the module comment). A fix only part of which values
 * keys can make is moved for that part: the findings the proof render clears are fixed by it,
 * the others say what no key reaches. Never throws for chart content: what cannot be moved is in
 * `notes`; rejects only when helm cannot be started.
 */
export async function proveHelmValuesFixes(opts: ProveValuesOptions): Promise<HelmValuesFixes> {
  const out: HelmValuesFixes = { file: undefined, groups: [], links: new Map(), notes: new Map(), fixedText: undefined, fixedEdits: undefined, renders: 0 };
  const { tree, objects, policies, engineOptions } = opts;
  const valuesFiles = [joinRel(opts.chartDir, 'values.yaml'), ...(opts.profile?.valuesFiles ?? [])];
  const fileData = valuesFiles.map((f) => (tree.has(f) ? dataOf(tree.get(f)!) : undefined));
  const merged = fileData.reduce((a: unknown, b) => mergeValues(a, b ?? {}), {});

  // The fixes to move: every verified fix group, and every held-back fix, of every object.
  const runs = objects.map((o) => runRendered(o, opts.pathOf(o), policies, engineOptions));
  const note = (i: number, fp: string, why: string) => {
    if (!out.notes.has(i)) out.notes.set(i, new Map());
    if (!out.notes.get(i)!.has(fp)) out.notes.get(i)!.set(fp, why);
  };
  const groups: { index: number; group: FixGroup }[] = [];
  const held: { index: number; finding: Finding; suggestion: FindingSuggestion }[] = [];
  runs.forEach((r, index) => {
    for (const g of r.fixes) if (g.verified && g.edits.length > 0) groups.push({ index, group: g });
    for (const f of r.findings) {
      const s = f.suggestions.find((x) => x.kind !== undefined && x.reason !== undefined && x.edits.length > 0);
      if (s && f.fixId === undefined) held.push({ index, finding: f, suggestion: s });
    }
  });
  if (groups.length === 0 && held.length === 0) return out;
  const noneFor = (why: string) => {
    for (const { index, group } of groups) for (const fp of group.findings) note(index, fp, why);
    for (const { index, finding } of held) note(index, finding.fingerprint, why);
    return out;
  };

  const started = opts.probe ?? startValuesProbe(opts);
  if (!started) return noneFor('the chart reads no values key for security contexts or volumes: change the template');
  const { candidates } = started;
  const probe = await started.render;
  out.renders++;
  if (!probe.rendered)
    return noneFor(
      `the chart does not render with marked values keys (${probe.problems[0]?.message.split('\n')[0] ?? 'no output'}), so no values key could be proven`,
    );
  const original = byIdentity(objects);
  const sharedOriginal = sharedIdentities(objects);
  const mappings: Mapping[] = [];
  for (const o of probe.objects) {
    const data = dataOf(o.text);
    const id = objectId(data);
    const before = original.get(id)?.data;
    for (const m of probeMarkers(data)) {
      const orig = dataAt(before, m.steps);
      const mode = m.type === 'map' && orig !== undefined && !sameData(withoutProbes(dataAt(data, m.steps)), orig) ? 'replace' : 'merge';
      mappings.push({ candidate: m.candidate, object: id, steps: m.steps, type: m.type, mode });
    }
  }

  // Which file a fix edits: the last values file that sets its first key (Helm's last writer), else values.yaml.
  const fileFor = (key: ValuesKey) => {
    for (let i = valuesFiles.length - 1; i > 0; i--) if (getIn(fileData[i], key.slice(0, 1)) !== undefined) return i;
    return 0;
  };
  /**
   * Move the fix `edits` makes to object `index`. `whole`: every change must be reachable (a
   * held-back fix: its parts belong together, as a read-only root with the mounts the app writes
   * to). Else (a fix group, which merges the fixes of several policies for one container) each
   * policy's own fix (the policy run alone) is moved when all of it is reachable, and left when not.
   */
  const moveOne = (
    index: number,
    edits: readonly TextEdit[],
    whole: { policyIds: string[]; container: string | undefined } | 'whole',
  ): Moved | { problem: string } => {
    const m: Moved = { applied: new Map(), ops: [], keys: new Set(), file: 0, unreached: undefined };
    const o = objects[index]!;
    const before = dataOf(o.text);
    if (original.get(objectId(before))?.index !== index) return { problem: 'the object shares its kind and name with another object of the chart' };
    const parts: TextEdit[][] = [];
    if (whole === 'whole') parts.push([...edits]);
    else
      for (const id of whole.policyIds) {
        const policy = policies.filter((p) => p.id === id);
        const own = run([{ path: opts.pathOf(o), text: o.text }], policy, engineOptions).fixes.find(
          (g) => g.verified && g.edits.length > 0 && g.container === whole.container,
        );
        if (own) parts.push(own.edits);
      }
    const applied: Change[] = [];
    const seen = new Set<string>();
    for (const e of parts) {
      const after = dataOf(applyEdits(o.text, e));
      const changes = dataChanges(before, after);
      if (!changes) {
        m.unreached ??= 'the fix removes a field';
        continue;
      }
      const t = translate(changes, objectId(before), mappings, candidates, after, merged);
      if (t.unreached) {
        m.unreached ??= t.unreached;
        continue;
      }
      m.ops.push(...t.ops);
      for (const k of t.keys) m.keys.add(k);
      for (const c of t.applied) {
        const id = JSON.stringify(c);
        if (!seen.has(id)) applied.push(c);
        seen.add(id);
      }
    }
    if (m.ops.length === 0) return { problem: m.unreached ?? 'the fix changes nothing' };
    m.applied.set(index, applied);
    const files = new Set([...m.keys].map((k) => fileFor(candidates[k]!.key)));
    if (files.size > 1) return { problem: 'the values keys it needs are set in different values files' };
    m.file = [...files][0] ?? 0;
    m.ops = normaliseOps(m.ops, fileData[m.file]);
    return m;
  };

  /** Render with the edited values text and check it (see the module comment, step 4): the fingerprints it clears per object, or the problem. */
  const prove = async (m: Moved, text: string): Promise<{ cleared: Map<number, string[]> } | { problem: string }> => {
    const file = valuesFiles[m.file]!;
    const left = opts.deadline === undefined ? undefined : opts.deadline - Date.now();
    if (left !== undefined && left <= 0) return { problem: 'not proven: the time budget of proof renders is spent' };
    const r = await renderHelmChart({
      engine: opts.engine,
      repoRoot: opts.repoRoot,
      chartDir: opts.chartDir,
      profile: opts.profile,
      overrides: new Map([[file, text]]),
      ...(left !== undefined ? { timeoutMs: Math.min(DEFAULT_RENDER_TIMEOUT_MS, left) } : {}),
    });
    out.renders++;
    const newValues = fileData.map((d, i) => (i === m.file ? dataOf(text) : d)).reduce((a: unknown, b) => mergeValues(a, b ?? {}), {});
    if (!r.rendered) return { problem: `the chart does not render with the edited ${file}: ${r.problems[0]?.message.split('\n')[0] ?? 'no output'}` };
    const next = byIdentity(r.objects);
    if (next.size !== original.size || [...original.keys()].some((k) => !next.has(k))) return { problem: `the edited ${file} adds or removes objects` };
    // Objects that share an identity (a repeated name, generateName): all of them are applied, so
    // each must render as it did (byIdentity compares only the first).
    const allNext = sharedIdentities(r.objects);
    for (const [id, list] of sharedOriginal) {
      const now = allNext.get(id) ?? [];
      if (now.length !== list.length) return { problem: `the edited ${file} adds or removes objects` };
      if (list.some((d, i) => !sameData(withoutChecksums(d), withoutChecksums(now[i])))) return { problem: `the edited ${file} also changes ${id}` };
    }
    if ([...allNext.keys()].some((k) => !sharedOriginal.has(k))) return { problem: `the edited ${file} adds or removes objects` };
    const cleared = new Map<number, string[]>();
    for (const [id, o] of original) {
      const n = next.get(id)!;
      const changes = m.applied.get(o.index);
      const want = changes === undefined ? undefined : withChanges(o.data, changes);
      if (want !== undefined) {
        if (!sameData(withoutChecksums(n.data), withoutChecksums(want))) {
          const diff = dataChanges(withoutChecksums(want), withoutChecksums(n.data));
          return { problem: `${id} does not render as the fix makes it${diff?.[0] ? ` (at ${pathText(diff[0].path)})` : ''}` };
        }
      } else if (sameData(withoutChecksums(n.data), withoutChecksums(o.data))) continue;
      else {
        // Another object may change only as the edited keys, rendered where the probe showed them, make it.
        const own = mappings.filter((x) => x.object === id && m.keys.has(x.candidate));
        const predicted = own.length === 0 ? undefined : predictedChanges(m.ops, m.keys, candidates, own, newValues);
        const expected = predicted === undefined ? undefined : withChanges(o.data, predicted);
        if (expected === undefined || !sameData(withoutChecksums(n.data), withoutChecksums(expected))) {
          const diff = dataChanges(withoutChecksums(expected ?? o.data), withoutChecksums(n.data));
          return { problem: `the edited ${file} also changes ${id}${diff?.[0] ? ` at ${pathText(diff[0].path)}` : ''}` };
        }
      }
      const path = opts.pathOf(objects[o.index]!);
      const before = findingKeys(path, objects[o.index]!.text, policies, engineOptions);
      const after = findingKeys(path, r.objects[n.index]!.text, policies, engineOptions);
      const fresh = [...after.keys()].find((k) => !before.has(k));
      if (fresh) return { problem: `the edited ${file} gives ${id} a new ${fresh.split('\0')[0]} finding` };
      cleared.set(
        o.index,
        [...before].filter(([k]) => !after.has(k)).map(([, fp]) => fp),
      );
    }
    if (![...cleared.values()].some((l) => l.length > 0)) return { problem: `the edited ${file} clears no finding` };
    return { cleared };
  };

  const label = `helm template ${opts.chartDir || '.'}`;
  const link = (index: number, fp: string, l: ValuesFixLink) => {
    if (!out.links.has(index)) out.links.set(index, new Map());
    if (!out.links.get(index)!.has(fp)) out.links.get(index)!.set(fp, l);
  };
  const keyText = (m: Moved) => [...m.keys].map((k) => `.Values.${candidates[k]!.key.join('.')}`).join(' and ');
  const merge = (list: readonly Moved[]): Moved => {
    const applied = new Map<number, Change[]>();
    for (const x of list) for (const [i, c] of x.applied) applied.set(i, [...(applied.get(i) ?? []), ...c]);
    return {
      applied,
      ops: normaliseOps(
        list.flatMap((x) => x.ops),
        fileData[list[0]!.file],
      ),
      keys: new Set(list.flatMap((x) => [...x.keys])),
      file: list[0]!.file,
      unreached: list.find((x) => x.unreached)?.unreached,
    };
  };

  // Fix groups: all together first (one render), each alone when that fails (at most maxGroups).
  const maxGroups = opts.maxGroupProofs ?? 8;
  type Entry = { index: number; group: FixGroup; m: Moved; changes: Map<number, Change[]> };
  const moved: Entry[] = [];
  for (const g of groups) {
    const ids = [...new Set(runs[g.index]!.findings.filter((f) => g.group.findings.includes(f.fingerprint)).map((f) => f.policyId))];
    const m = moveOne(g.index, g.group.edits, { policyIds: ids, container: g.group.container });
    if ('problem' in m) for (const fp of g.group.findings) note(g.index, fp, m.problem);
    else moved.push({ ...g, m, changes: new Map() });
  }
  const accept = (
    members: readonly Entry[],
    m: Moved,
    edited: { edits: TextEdit[]; text: string; anchor: Finding['range'] },
    cleared: Map<number, string[]>,
  ) => {
    const file = valuesFiles[m.file]!;
    const id = fingerprintOf(['values-fix', file, ...members.map((x) => x.group.id)]);
    const fixed = [...cleared].flatMap(([index, fps]) => fps.map((fp) => ({ index, fp })));
    out.groups.push({
      id,
      file,
      docIndex: 0,
      object: members[0]!.group.object,
      container: members.length === 1 ? members[0]!.group.container : undefined,
      containers: [...new Set(members.flatMap((x) => x.group.containers))],
      findings: [...new Set(fixed.map((x) => x.fp))],
      edits: edited.edits,
      verified: true,
      problem: undefined,
      ...(members.some((x) => x.group.kinds) ? { kinds: [...new Set(members.flatMap((x) => x.group.kinds ?? []))] } : {}),
    });
    out.file = file;
    for (const { index, fp } of fixed) link(index, fp, { fixId: id, file, range: edited.anchor, key: keyText(m) });
    for (const x of members)
      for (const fp of x.group.findings)
        if (!out.links.get(x.index)?.has(fp))
          note(x.index, fp, `${x.m.unreached ?? `the values change does not clear it`} (the rest of its fix goes through ${keyText(m)})`);
  };
  // Held-back fixes (guesses, behaviour changes): each alone, at most maxHeldProofs.
  const budget = opts.maxHeldProofs ?? 4;
  const heldMoved = held.map((h) => ({ h, m: moveOne(h.index, h.suggestion.edits, 'whole') }));
  const tries = heldMoved.filter((x) => !('problem' in x.m)).slice(0, budget) as { h: (typeof held)[number]; m: Moved }[];
  for (const x of heldMoved) {
    if ('problem' in x.m) note(x.h.index, x.h.finding.fingerprint, x.m.problem);
    else if (!tries.some((t) => t.h === x.h)) note(x.h.index, x.h.finding.fingerprint, `not proven: at most ${budget} held-back fixes of a chart are rendered`);
  }
  type Proof = { edited: { edits: TextEdit[]; text: string; anchor: Finding['range'] }; cleared: Map<number, string[]> } | { problem: string };
  const proveEdit = async (m: Moved): Promise<Proof> => {
    const edited = editValues(tree.get(valuesFiles[m.file]!) ?? '', m.ops);
    if ('problem' in edited) return edited;
    const p = await prove(m, edited.text);
    return 'problem' in p ? p : { edited, cleared: p.cleared };
  };
  // The groups together (one render) and the held-back fixes, side by side.
  const all =
    moved.length > 1 && moved.every((x) => x.m.file === moved[0]!.m.file) ? merge(moved.map((x) => x.m)) : moved.length === 1 ? moved[0]!.m : undefined;
  const [together, ...heldProofs] = await inTurn<Proof | undefined>([
    async () => (all ? proveEdit(all) : undefined),
    ...tries.map(
      ({ m }) =>
        () =>
          proveEdit(m),
    ),
  ]);
  if (together && !('problem' in together)) {
    accept(moved, all!, together.edited, together.cleared);
    out.fixedText = together.edited.text;
    out.fixedEdits = together.edited.edits;
  } else if (moved.length === 1 && together && 'problem' in together) {
    for (const fp of moved[0]!.group.findings) note(moved[0]!.index, fp, `${together.problem} (${label}, through ${keyText(moved[0]!.m)})`);
  } else if (moved.length > 1) {
    const tried = moved.slice(0, maxGroups);
    for (const x of moved.slice(maxGroups))
      for (const fp of x.group.findings) note(x.index, fp, `not proven: at most ${maxGroups} fix groups of a chart are rendered one by one`);
    const proofs = await inTurn(tried.map((x) => () => proveEdit(x.m)));
    let fixedFile: string | undefined;
    let fixedEdits: TextEdit[] = [];
    proofs.forEach((p, i) => {
      const x = tried[i]!;
      if ('problem' in p) {
        for (const fp of x.group.findings) note(x.index, fp, `${p.problem} (${label}, through ${keyText(x.m)})`);
        return;
      }
      accept([x], x.m, p.edited, p.cleared);
      // `fix` writes the first proven group, and the others that touch other lines of the same file.
      const file = valuesFiles[x.m.file]!;
      if (fixedFile === undefined || (fixedFile === file && !overlaps(fixedEdits, p.edited.edits))) {
        fixedFile = file;
        fixedEdits = [...fixedEdits, ...p.edited.edits];
      }
    });
    if (fixedFile !== undefined) {
      out.fixedEdits = fixedEdits;
      out.fixedText = applyEdits(tree.get(fixedFile) ?? '', fixedEdits);
      out.file = fixedFile;
    }
  }

  heldProofs.forEach((p, i) => {
    const { h, m } = tries[i]!;
    const fp = h.finding.fingerprint;
    if (!p) return;
    if ('problem' in p) return note(h.index, fp, `${p.problem} (${label}, through ${keyText(m)})`);
    if (!p.cleared.get(h.index)?.includes(fp))
      return note(h.index, fp, `${m.unreached ?? 'the values change does not clear it'} (the rest of its fix goes through ${keyText(m)})`);
    const file = valuesFiles[m.file]!;
    const existing = out.links.get(h.index)?.get(fp);
    out.links.get(h.index)?.delete(fp);
    link(h.index, fp, {
      ...existing,
      file,
      range: existing?.range ?? p.edited.anchor,
      key: existing?.key ?? keyText(m),
      suggestion: { ...h.suggestion, edits: p.edited.edits, message: `${h.suggestion.message} (in ${file}, through ${keyText(m)}; proven by ${label})` },
    });
  });
  return out;
}

/** Run `tasks` two at a time (helm renders are processes: the machine's cores bound them), results in order. */
async function inTurn<T>(tasks: readonly (() => Promise<T>)[], width = 2): Promise<T[]> {
  const out: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, worker));
  return out;
}

function overlaps(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  return a.some((x) => b.some((y) => x.range[0] <= y.range[1] && y.range[0] <= x.range[1]));
}

/**
 * Keep only the values fixes every render profile that reads their file proves (a chart rendered
 * once per profile, src/render/index.ts): the chart's values.yaml is read by every profile, a
 * profile's values file by the profiles that name it. A fix proven with one profile's values
 * changes what the others render too — where a template may read the edited key to decide
 * something else — so a fix group, or a held-back fix moved to the values, is kept for a profile
 * only when each other profile reading its file proved the same edits of that file; the others are
 * dropped, with a note naming a profile that did not prove them, and `fixedText` keeps only the
 * kept groups' edits. `renders[i].fixes` is changed in place; `tree` gives the values files' texts.
 */
export function keepFixesEveryProfileProves(
  renders: readonly { profile: string; valuesFiles: readonly string[]; fixes: HelmValuesFixes }[],
  chartDir: string,
  tree: HelmTree,
): void {
  if (renders.length < 2) return;
  const chartValues = joinRel(chartDir, 'values.yaml');
  const reads = (j: number, file: string) => file === chartValues || renders[j]!.valuesFiles.includes(file);
  const keyOf = (file: string, edits: readonly TextEdit[]) => `${file}\0${JSON.stringify(edits)}`;
  const proven = renders.map(({ fixes }) => {
    const s = new Set(fixes.groups.map((g) => keyOf(g.file, g.edits)));
    for (const m of fixes.links.values()) for (const l of m.values()) if (l.suggestion) s.add(keyOf(l.file, l.suggestion.edits));
    return s;
  });
  /** A profile that reads `file` and did not prove `edits` (the first), if any. */
  const refuser = (i: number, file: string, edits: readonly TextEdit[]) =>
    renders.find((_, j) => j !== i && reads(j, file) && !proven[j]!.has(keyOf(file, edits)))?.profile;
  renders.forEach(({ fixes }, i) => {
    const why = (file: string, profile: string) =>
      `the change of ${file} is proven with this profile only: profile ${profile} renders it too, and does not prove it`;
    const dropped = new Map<string, string>();
    fixes.groups = fixes.groups.filter((g) => {
      const p = refuser(i, g.file, g.edits);
      if (p !== undefined) dropped.set(g.id, why(g.file, p));
      return p === undefined;
    });
    for (const [index, m] of fixes.links)
      for (const [fp, l] of m) {
        const p = l.suggestion ? refuser(i, l.file, l.suggestion.edits) : undefined;
        const next: ValuesFixLink = {
          ...l,
          fixId: l.fixId !== undefined && dropped.has(l.fixId) ? undefined : l.fixId,
          suggestion: p === undefined ? l.suggestion : undefined,
        };
        const reason = (l.fixId !== undefined ? dropped.get(l.fixId) : undefined) ?? (p !== undefined ? why(l.file, p) : undefined);
        if (next.fixId === undefined && next.suggestion === undefined) {
          m.delete(fp);
          if (!fixes.notes.has(index)) fixes.notes.set(index, new Map());
          fixes.notes.get(index)!.set(fp, reason ?? 'not proven with every profile');
        } else m.set(fp, next);
      }
    if (dropped.size > 0 && fixes.fixedEdits !== undefined && fixes.file !== undefined) {
      const all = new Set(fixes.fixedEdits.map((x) => JSON.stringify(x)));
      const kept = new Set(
        fixes.groups
          .filter((g) => g.file === fixes.file && g.edits.every((x) => all.has(JSON.stringify(x))))
          .flatMap((g) => g.edits.map((x) => JSON.stringify(x))),
      );
      const edits = fixes.fixedEdits.filter((x) => kept.has(JSON.stringify(x)));
      if (edits.length === 0) {
        fixes.fixedEdits = undefined;
        fixes.fixedText = undefined;
        fixes.file = fixes.groups[0]?.file;
      } else {
        fixes.fixedEdits = edits;
        fixes.fixedText = applyEdits(tree.get(fixes.file) ?? '', edits);
      }
    }
  });
}
