/**
 * Checks shared by the property tests, written independently of the engine: which lines an edit
 * set may touch, whether the other lines survive byte for byte, and a structural diff of the
 * data before and after a fix that allows only the intended changes.
 */
import { isDeepStrictEqual } from 'node:util';
import type { TextEdit } from '../../src/yaml/index.js';

/** Lines of `text` as `[start, end)` offsets, `end` after the line ending (the last line may have none). */
export function lineSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl + 1;
    out.push([start, end]);
    start = end;
  }
  return out;
}

/**
 * Indexes of the lines of `text` an edit touches: a replacement touches every line it overlaps;
 * an insertion touches the line it lands in, except at the very start of a line (it goes before
 * it) — an insertion at the end of a last line without a line ending touches that line.
 */
export function touchedLines(text: string, edits: readonly TextEdit[]): Set<number> {
  const spans = lineSpans(text);
  const out = new Set<number>();
  spans.forEach(([ls, le], i) => {
    const last = i === spans.length - 1;
    for (const {
      range: [a, b],
    } of edits) {
      if (a < b ? a < le && b > ls : (a > ls && a < le) || (last && a === le && !text.endsWith('\n'))) out.add(i);
    }
  });
  return out;
}

/**
 * Property 4 for an edit set: every line of `original` not touched by `edits` appears unchanged
 * (with its line ending) in `output`, at its shifted offset, starting a line. Returns a problem.
 */
export function checkUntouchedLines(original: string, edits: readonly TextEdit[], output: string): string | undefined {
  const touched = touchedLines(original, edits);
  const sorted = [...edits].sort((x, y) => x.range[0] - y.range[0]);
  for (const [i, [ls, le]] of lineSpans(original).entries()) {
    if (touched.has(i)) continue;
    let shift = 0;
    for (const e of sorted) if (e.range[1] <= ls) shift += e.text.length - (e.range[1] - e.range[0]);
    const at = ls + shift;
    const line = original.slice(ls, le);
    if (output.slice(at, at + line.length) !== line)
      return `line ${i + 1} ${JSON.stringify(line)} is not preserved (found ${JSON.stringify(output.slice(at, at + line.length))})`;
    if (at > 0 && output[at - 1] !== '\n') return `line ${i + 1} ${JSON.stringify(line)} no longer starts a line`;
  }
  return undefined;
}

/**
 * Property 4 for a text whose edits are not known exactly: the lines of `original` outside
 * `touched` appear, unchanged and in order, as whole lines of `output`.
 */
export function checkLinesInOrder(original: string, touched: ReadonlySet<number>, output: string): string | undefined {
  const out = lineSpans(output).map(([a, b]) => output.slice(a, b));
  let j = 0;
  for (const [i, [ls, le]] of lineSpans(original).entries()) {
    if (touched.has(i)) continue;
    const line = original.slice(ls, le);
    while (j < out.length && out[j] !== line) j++;
    if (j === out.length) return `line ${i + 1} ${JSON.stringify(line)} is missing or out of order in the output`;
    j++;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Structural diff of data

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
const DEFAULT_POD_SPEC_PATH = ['spec', 'template', 'spec'];
const WORKLOADS = new Set([
  'Pod',
  'PodTemplate',
  'ReplicationController',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'CronJob',
  'Rollout',
  'DeploymentConfig',
]);

/**
 * The only values a fix may give to securityContext fields. `runAsNonRoot: true` only comes from
 * run-as-non-root when the image config (--inspect-images) runs the image as a numeric non-root
 * uid; a default run never changes it (scripts/corpus/scan.ts forbiddenChanges holds that).
 */
const SAFE_VALUES: Record<string, unknown> = { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, privileged: false, runAsNonRoot: true };

function getPath(o: unknown, path: readonly string[]): unknown {
  let cur = o;
  for (const k of path) cur = isObj(cur) ? cur[k] : undefined;
  return cur;
}

/**
 * Undo appended items of list `key` of `fixed` (compared with `orig`), each of which must pass
 * `itemOk`. Returns the appended items, or a problem string.
 */
function undoAppend(orig: Obj, fixed: Obj, key: string, itemOk: (x: unknown) => boolean, where: string): unknown[] | string {
  if (isDeepStrictEqual(orig[key], fixed[key])) return [];
  const base = Array.isArray(orig[key]) ? (orig[key] as unknown[]) : key in orig && orig[key] != null ? undefined : [];
  const now = fixed[key];
  if (!base || !Array.isArray(now) || now.length <= base.length) return `${where}.${key} changed other than by appending`;
  if (!isDeepStrictEqual(now.slice(0, base.length), base)) return `${where}.${key}: existing items changed`;
  const added = now.slice(base.length);
  if (!added.every(itemOk)) return `${where}.${key}: an appended item has an unexpected shape: ${JSON.stringify(added)}`;
  if (key in orig) fixed[key] = orig[key];
  else delete fixed[key];
  return added;
}

/**
 * Undo `ALL` appended to `capabilities.drop`, or one misspelled ALL (`all`, `All`, `CAP_ALL`)
 * corrected to `ALL` in place (drop-all-capabilities): the only capability changes a fix may make.
 */
function undoDropAll(osc: unknown, fsc: Obj, where: string): string | undefined {
  const ocaps = isObj(osc) ? osc.capabilities : undefined;
  const fcaps = fsc.capabilities;
  if (isDeepStrictEqual(ocaps, fcaps)) return undefined;
  if (!isObj(fcaps)) return `${where}.securityContext.capabilities was changed into a non-map`;
  const odrop = isObj(ocaps) && Array.isArray(ocaps.drop) ? (ocaps.drop as unknown[]) : [];
  const fdrop = fcaps.drop;
  const misspelledAll = (x: unknown) => typeof x === 'string' && x !== 'ALL' && x.toUpperCase().replace(/^CAP_/, '') === 'ALL';
  const correctedInPlace = (drop: unknown[]) =>
    drop.length === odrop.length &&
    drop.filter((x, i) => !isDeepStrictEqual(x, odrop[i])).length === 1 &&
    drop.every((x, i) => isDeepStrictEqual(x, odrop[i]) || (x === 'ALL' && misspelledAll(odrop[i])));
  if (!Array.isArray(fdrop) || !(isDeepStrictEqual(fdrop, [...odrop, 'ALL']) || correctedInPlace(fdrop))) {
    return `${where}.securityContext.capabilities.drop changed other than by appending ALL or correcting a misspelled ALL in place`;
  }
  const rest = { ...fcaps };
  delete rest.drop;
  const orest = isObj(ocaps) ? { ...ocaps } : {};
  delete orest.drop;
  if (!isDeepStrictEqual(rest, orest)) return `${where}.securityContext.capabilities changed besides drop`;
  if (isObj(ocaps)) fsc.capabilities = ocaps;
  else delete fsc.capabilities;
  return undefined;
}

/**
 * Undo `readOnly: true` set on existing volumeMounts (no-writable-host-path makes a writable
 * hostPath mount read-only): the only change a fix may make to an existing mount.
 */
function undoReadOnlyMounts(orig: Obj, fixed: Obj): void {
  const om = orig.volumeMounts;
  const fm = fixed.volumeMounts;
  if (!Array.isArray(om) || !Array.isArray(fm)) return;
  om.forEach((o, i) => {
    const f = fm[i];
    if (!isObj(o) || !isObj(f) || f.readOnly !== true || o.readOnly === true) return;
    const rest = { ...f };
    delete rest.readOnly;
    const orest = { ...o };
    delete orest.readOnly;
    if (isDeepStrictEqual(rest, orest)) fm[i] = o;
  });
}

function undoContainer(orig: Obj, fixed: Obj, where: string): { problem?: string; mounts: string[] } {
  const osc = orig.securityContext;
  const fsc = fixed.securityContext;
  if (isObj(fsc)) {
    const p = undoDropAll(osc, fsc, where);
    if (p) return { problem: p, mounts: [] };
  }
  if (!isDeepStrictEqual(osc, fsc)) {
    if (!isObj(fsc)) return { problem: `${where}.securityContext was changed into a non-map`, mounts: [] };
    if (osc != null && !isObj(osc)) return { problem: `${where}.securityContext was not a map`, mounts: [] };
    for (const [k, safe] of Object.entries(SAFE_VALUES)) {
      const before = isObj(osc) ? osc[k] : undefined;
      if (!(k in fsc) || isDeepStrictEqual(fsc[k], before)) continue;
      if (fsc[k] !== safe) return { problem: `${where}.securityContext.${k} was set to ${JSON.stringify(fsc[k])}`, mounts: [] };
      if (isObj(osc) && k in osc) fsc[k] = osc[k];
      else delete fsc[k];
    }
    if (!isObj(osc)) {
      if (Object.keys(fsc).length > 0) return { problem: `${where}.securityContext gained unexpected keys ${Object.keys(fsc).join(', ')}`, mounts: [] };
      if ('securityContext' in orig) fixed.securityContext = osc;
      else delete fixed.securityContext;
    }
  }
  undoReadOnlyMounts(orig, fixed);
  const mountOk = (x: unknown) =>
    isObj(x) && Object.keys(x).sort().join() === 'mountPath,name' && typeof x.name === 'string' && typeof x.mountPath === 'string';
  const added = undoAppend(orig, fixed, 'volumeMounts', mountOk, where);
  if (typeof added === 'string') return { problem: added, mounts: [] };
  return { mounts: added.map((m) => (m as Obj).name as string) };
}

/** Undo pod-level fixes: host namespaces set to false, a RuntimeDefault seccomp profile added. */
function undoPodLevel(orig: Obj, fixed: Obj, where: string): string | undefined {
  for (const k of ['hostPID', 'hostIPC', 'hostNetwork']) {
    if (isDeepStrictEqual(orig[k], fixed[k])) continue;
    if (fixed[k] !== false || orig[k] === undefined) return `${where}.${k} was set to ${JSON.stringify(fixed[k])}`;
    fixed[k] = orig[k];
  }
  const osc = orig.securityContext;
  const fsc = fixed.securityContext;
  if (isDeepStrictEqual(osc, fsc)) return undefined;
  if (!isObj(fsc)) return `${where}.securityContext was changed into a non-map`;
  // runAsNonRoot: true added where unset (run-as-non-root with an inspected numeric non-root user).
  if (fsc.runAsNonRoot === true && !(isObj(osc) && osc.runAsNonRoot != null)) {
    if (isObj(osc) && 'runAsNonRoot' in osc) fsc.runAsNonRoot = osc.runAsNonRoot;
    else delete fsc.runAsNonRoot;
    if (isDeepStrictEqual(osc, fsc) || (!isObj(osc) && Object.keys(fsc).length === 0)) {
      if ('securityContext' in orig) fixed.securityContext = osc;
      else delete fixed.securityContext;
      return undefined;
    }
  }
  const oseccomp = isObj(osc) ? osc.seccompProfile : undefined;
  if ((oseccomp !== undefined && oseccomp !== null) || !isDeepStrictEqual(fsc.seccompProfile, { type: 'RuntimeDefault' }))
    return `${where}.securityContext changed other than by adding seccompProfile RuntimeDefault`;
  const rest = { ...fsc };
  delete rest.seccompProfile;
  const orest = isObj(osc) ? { ...osc } : osc;
  if (isObj(orest) && orest.seccompProfile === null) delete orest.seccompProfile;
  if (isObj(orest) ? !isDeepStrictEqual(rest, orest) : Object.keys(rest).length > 0) return `${where}.securityContext changed besides seccompProfile`;
  if ('securityContext' in orig) fixed.securityContext = osc;
  else delete fixed.securityContext;
  return undefined;
}

function undoPodSpec(orig: Obj, fixed: Obj, where: string): string | undefined {
  const podLevel = undoPodLevel(orig, fixed, where);
  if (podLevel) return podLevel;
  const mounts: string[] = [];
  for (const type of ['initContainers', 'containers', 'ephemeralContainers']) {
    const oc = orig[type];
    const fc = fixed[type];
    if (!Array.isArray(oc) || !Array.isArray(fc) || oc.length !== fc.length) continue;
    for (let i = 0; i < oc.length; i++) {
      if (!isObj(oc[i]) || !isObj(fc[i])) continue;
      const r = undoContainer(oc[i] as Obj, fc[i] as Obj, `${where}.${type}[${i}]`);
      if (r.problem) return r.problem;
      mounts.push(...r.mounts);
    }
  }
  const volumeOk = (x: unknown) =>
    isObj(x) && Object.keys(x).sort().join() === 'emptyDir,name' && typeof x.name === 'string' && isDeepStrictEqual(x.emptyDir, {});
  const origNames = new Set((Array.isArray(orig.volumes) ? orig.volumes : []).map((v) => (isObj(v) ? v.name : undefined)));
  const added = undoAppend(orig, fixed, 'volumes', volumeOk, where);
  if (typeof added === 'string') return added;
  const newNames = added.map((v) => (v as Obj).name as string);
  for (const n of newNames) if (origNames.has(n)) return `${where}.volumes: appended volume "${n}" duplicates an existing one`;
  for (const m of mounts) if (!newNames.includes(m)) return `${where}: a new volumeMount "${m}" has no new volume`;
  for (const n of newNames) if (!mounts.includes(n)) return `${where}: new volume "${n}" is not mounted by a new volumeMount`;
  return undefined;
}

function undoObject(orig: Obj, fixed: Obj, where: string): string | undefined {
  const kind = orig.kind;
  if ((kind === 'ConfigMap' || kind === 'Secret') && orig.immutable !== fixed.immutable) {
    if (fixed.immutable !== true) return `${where}.immutable was set to ${JSON.stringify(fixed.immutable)}`;
    if ('immutable' in orig) fixed.immutable = orig.immutable;
    else delete fixed.immutable;
  }
  if (typeof kind === 'string' && WORKLOADS.has(kind)) {
    const path = POD_SPEC_PATHS[kind] ?? DEFAULT_POD_SPEC_PATH;
    const op = getPath(orig, path);
    const fp = getPath(fixed, path);
    if (isObj(op) && isObj(fp)) return undoPodSpec(op, fp, `${where}.${path.join('.')}`);
  }
  return undefined;
}

/**
 * Property 2: the documents of `fixed` equal those of `original` except for the intended
 * changes — under containers, securityContext fields set to their safe values; volumeMounts and
 * pod volumes only appended to (emptyDir volumes, each mounted by a new mount); ConfigMaps and
 * Secrets made immutable. Returns a problem, or undefined.
 */
export function structuralDiff(original: readonly unknown[], fixed: readonly unknown[]): string | undefined {
  if (original.length !== fixed.length) return `document count changed from ${original.length} to ${fixed.length}`;
  for (let d = 0; d < original.length; d++) {
    const o = normalise(original[d]);
    const f = normalise(fixed[d]);
    if (isObj(o) && isObj(f)) {
      const objects: [Obj, Obj, string][] = [[o, f, `doc${d}`]];
      if (typeof o.kind === 'string' && /List$/.test(o.kind) && Array.isArray(o.items) && Array.isArray(f.items) && o.items.length === f.items.length) {
        o.items.forEach((it, i) => {
          if (isObj(it) && isObj((f.items as unknown[])[i])) objects.push([it, (f.items as Obj[])[i]!, `doc${d}.items[${i}]`]);
        });
      }
      for (const [a, b, where] of objects) {
        const p = undoObject(a, b, where);
        if (p) return p;
      }
    }
    if (!isDeepStrictEqual(o, f)) return `document ${d} changed outside the intended fields:\n${JSON.stringify(o)}\n${JSON.stringify(f)}`;
  }
  return undefined;
}

function normalise(v: unknown): unknown {
  return v === undefined
    ? null
    : JSON.parse(
        JSON.stringify(v, (_k, x) => (x instanceof Map ? Object.fromEntries(x) : x instanceof Set ? [...x] : typeof x === 'bigint' ? String(x) : x)) ?? 'null',
      );
}
