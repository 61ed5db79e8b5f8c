/**
 * Kustomize overlays (issue #16): find the kustomizations of a file tree, classify the files they
 * reference, refuse what must never run, and build a root with the real engine on a temporary
 * copy of exactly the files it references, reading each rendered object's source file from the
 * `config.kubernetes.io/origin` annotation (`buildMetadata: [originAnnotations]`).
 *
 * Paths are repository-relative, POSIX (`/`), without `./`. The static part is a pure function
 * of a {@link KustomizeTree}: a `ReadonlyMap` from path to text holding at least every
 * kustomization file and every file a transformer, generator or validator field names (their
 * texts are read); other files may be present (with any text, `''` will do) so that a
 * `resources` entry is known as a file or a folder. Only {@link buildKustomization} reads the file
 * system (the closure under `repoDir`) and runs the engine (src/render/run.ts's sandbox).
 *
 * Fields: https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/ (resources,
 * bases, components, patches, patchesStrategicMerge, patchesJson6902, replacements,
 * configMapGenerator, secretGenerator, crds, configurations, openapi, transformers, generators,
 * validators, helmCharts, buildMetadata).
 */
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { detectStyle, parseYaml, renderFixOps, applyEdits, type FixOp, type YNode } from '../yaml/index.js';
import { runEngine } from './run.js';
import type { EngineRun, KustomizeEngine } from './types.js';

import { KUSTOMIZATION_FILE_NAMES } from './roots.js';

export { KUSTOMIZATION_FILE_NAMES } from './roots.js';

/** Repository-relative POSIX path → file text. See the module comment for what it must hold. */
export type KustomizeTree = ReadonlyMap<string, string>;

/**
 * What a file is to the kustomizations that reference it:
 * - `kustomization`: a kustomization (or Component) file;
 * - `resource`: an object file named by `resources`, `bases` or `components` — a file a person
 *   edits, whose objects are rendered;
 * - `patch`: named by `patches[].path`, `patchesStrategicMerge` or `patchesJson6902[].path`
 *   (not objects on its own: keep it out of the plain-YAML scan);
 * - `generator-source`: a `configMapGenerator` / `secretGenerator` `files` / `envs` / `env` entry;
 * - `other-config`: `crds`, `configurations`, `openapi.path`, `replacements[].path`,
 *   `transformers`, `generators`, `validators` files.
 */
export type KustomizeFileRole = 'kustomization' | 'resource' | 'patch' | 'generator-source' | 'other-config';

/**
 * Why a kustomization (and every root whose closure holds it) is not built:
 * - `remote`: a reference that loads from the network (`http://`, `https://`, `git::`, `ssh://`,
 *   `git@`, `github.com/...`, `?ref=`, a `//` subfolder);
 * - `helm`: `helmCharts`, `helmChartInflationGenerator` or `helmGlobals` (they need
 *   `--enable-helm`, never given);
 * - `function`: a transformer, generator or validator that is an exec or container KRM function
 *   (annotation `config.kubernetes.io/function` or `config.k8s.io/function`), never run;
 * - `unreadable`: a transformer / generator / validator file that is not in the tree (it cannot
 *   be checked);
 * - `outside`: an absolute path, or one that climbs out of the repository;
 * - `symlink`: a file of the closure, or a folder on its way, is a symbolic link (build only);
 * - `invalid`: the kustomization is not YAML or not a map;
 * - `build-failed`: the engine failed (its message), timed out or passed the output budget;
 * - `origin`: an object's origin annotation could not be read or removed.
 */
export type KustomizeProblemCode = 'remote' | 'helm' | 'function' | 'unreadable' | 'outside' | 'symlink' | 'invalid' | 'build-failed' | 'origin';

/** A problem, finding-style: the file and the 1-based line and column of the entry at fault. */
export interface KustomizeProblem {
  code: KustomizeProblemCode;
  /** Repository-relative path of the file the problem is in (a kustomization, mostly). */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  message: string;
}

/** One path a kustomization references, resolved against the kustomization's folder. */
export interface KustomizeReference {
  /** The field it is in: `resources`, `patches`, `configMapGenerator.files`, ... */
  field: string;
  /** The entry as written. */
  entry: string;
  /** Repository-relative resolved path (a file, or a folder for `folder: true`). */
  path: string;
  /** True for a folder reference (a kustomization or Component in it). */
  folder: boolean;
  /** The role the referenced file gets (for a folder: its kustomization is `kustomization`). */
  role: KustomizeFileRole;
  /** 1-based line and column of the entry in the kustomization. */
  line: number;
  column: number;
}

/** One kustomization file, read. */
export interface KustomizationFile {
  /** Repository-relative path of the file. */
  path: string;
  /** Its folder (`''` at the repository root). */
  dir: string;
  /** Every local reference, in field order. */
  references: KustomizeReference[];
  /** The kustomization files of its folder references (resources, bases, components, transformers...). */
  children: string[];
  /** Refusals found in this file itself (its closure's are in {@link kustomizeClosure}). */
  problems: KustomizeProblem[];
}

/** The static view of a tree's kustomizations. */
export interface KustomizeAnalysis {
  /** Every kustomization file, by path. */
  kustomizations: ReadonlyMap<string, KustomizationFile>;
  /** Every referenced file (and every kustomization file) → its roles, each once, sorted. */
  roles: ReadonlyMap<string, KustomizeFileRole[]>;
  /** Kustomization files no other kustomization references, sorted. */
  roots: string[];
}

const FUNCTION_ANNOTATIONS = ['config.kubernetes.io/function', 'config.k8s.io/function'];

/** True when `name` is a kustomization file name. */
export function isKustomizationFile(path: string): boolean {
  return (KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(posix.basename(path));
}

/**
 * Why a reference loads from the network, or undefined when it is local: a URL scheme
 * (`https://`, `ssh://`, `file://` too), go-getter forms (`git::`, `s3::`, a `//` subfolder),
 * `git@host:`, a `?ref=` or `?version=` query, or a path starting with a known forge host
 * (`github.com/`, `gitlab.com/`, `bitbucket.org/`) — the forms of Kustomize's remote loader
 * (https://github.com/kubernetes-sigs/kustomize/blob/master/examples/remoteBuild.md).
 */
export function remoteReason(entry: string): string | undefined {
  const e = entry.trim();
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(e)) return 'a URL';
  if (/^[A-Za-z0-9]+::/.test(e)) return 'a go-getter address';
  if (/^[^/\s]+@[^/\s]+:/.test(e)) return 'an SSH git address';
  if (/[?&](ref|version|submodules|timeout)=/.test(e)) return 'a remote ref';
  if (/^(github\.com|gitlab\.com|bitbucket\.org)(\/|:)/i.test(e)) return 'a git host';
  if (e.includes('//')) return 'a remote subfolder (//)';
  return undefined;
}

/** The folder of a repository-relative path (`''` at the root). */
function dirOf(path: string): string {
  const d = posix.dirname(path);
  return d === '.' ? '' : d;
}

/**
 * Resolve `entry` against folder `dir`: the repository-relative path, or a problem message
 * (absolute, or above the repository root).
 */
function resolveEntry(dir: string, entry: string): { path: string } | { problem: string } {
  if (entry.startsWith('/') || /^[A-Za-z]:[\\/]/.test(entry) || entry.startsWith('\\')) return { problem: 'an absolute path' };
  const joined = posix.normalize(posix.join(dir === '' ? '.' : dir, entry.replace(/\\/g, '/')));
  if (joined === '..' || joined.startsWith('../')) return { problem: 'a path out of the repository' };
  return { path: joined === '.' ? '' : joined.replace(/\/$/, '') };
}

/** The kustomization file of folder `dir` in `tree`, or undefined. */
function kustomizationIn(tree: KustomizeTree, dir: string): string | undefined {
  for (const n of KUSTOMIZATION_FILE_NAMES) {
    const p = dir === '' ? n : `${dir}/${n}`;
    if (tree.has(p)) return p;
  }
  return undefined;
}

/** True when some path of `tree` is below folder `dir`. */
function isFolder(tree: KustomizeTree, dir: string): boolean {
  if (dir === '') return true;
  const prefix = `${dir}/`;
  for (const k of tree.keys()) if (k.startsWith(prefix)) return true;
  return false;
}

/** A string entry's position. */
function at(node: YNode): { line: number; column: number } {
  const s = node.range.start;
  return { line: s.line, column: s.column };
}

/** True when a string is an inline YAML document rather than a path (`patchesStrategicMerge`, `transformers`). */
function isInline(s: string): boolean {
  return s.includes('\n') || /^\s*[A-Za-z0-9_.-]+:\s/.test(s) || s.trim().startsWith('{');
}

/**
 * Read one kustomization file: its references and its own refusals. Pure; never throws.
 * `tree` tells files from folders and holds the texts of transformer/generator/validator files.
 */
export function readKustomization(tree: KustomizeTree, path: string): KustomizationFile {
  const dir = dirOf(path);
  const out: KustomizationFile = { path, dir, references: [], children: [], problems: [] };
  const problem = (code: KustomizeProblemCode, where: { line: number; column: number }, message: string) =>
    out.problems.push({ code, file: path, line: where.line, column: where.column, message });
  const parsed = parseYaml(tree.get(path) ?? '');
  const doc = parsed.documents.find((d) => d.root && !d.root.isNull);
  if (parsed.problems.some((p) => p.severity === 'error') || doc?.hasErrors) {
    const p = parsed.problems.find((x) => x.severity === 'error');
    problem('invalid', { line: p?.line ?? 1, column: p?.column ?? 1 }, `${path} is not valid YAML${p ? `: ${p.message.split('\n')[0]}` : ''}`);
    return out;
  }
  const root = doc?.root;
  if (!root) return out; // an empty kustomization: nothing referenced
  if (root.kind !== 'map') {
    problem('invalid', at(root), `${path} is not a map of kustomization fields`);
    return out;
  }

  for (const key of ['helmCharts', 'helmChartInflationGenerator', 'helmGlobals']) {
    const n = root.get(key);
    if (n)
      problem(
        'helm',
        { line: n.keyRange.start.line, column: n.keyRange.start.column },
        `${key} needs kustomize --enable-helm, which is never enabled: render the chart as a Helm chart instead`,
      );
  }

  /** Add a reference to a path entry (a scalar string node). */
  const ref = (field: string, node: YNode, role: KustomizeFileRole, opts: { folderAllowed: boolean; value?: string }): void => {
    const raw = opts.value ?? node.value;
    if (typeof raw !== 'string' || raw.trim() === '') return;
    const entry = raw.trim();
    const where = at(node);
    const remote = remoteReason(entry);
    if (remote) {
      problem(
        'remote',
        where,
        `${field} entry ${JSON.stringify(entry)} is ${remote}: remote bases and files are never loaded (vendor them into the repository)`,
      );
      return;
    }
    const r = resolveEntry(dir, entry);
    if ('problem' in r) {
      problem('outside', where, `${field} entry ${JSON.stringify(entry)} is ${r.problem}: only files inside the repository are read`);
      return;
    }
    const child = opts.folderAllowed && !tree.has(r.path) ? kustomizationIn(tree, r.path) : undefined;
    const folder = opts.folderAllowed && !tree.has(r.path) && (child !== undefined || isFolder(tree, r.path));
    out.references.push({ field, entry, path: r.path, folder, role: folder ? 'kustomization' : role, ...where });
    if (child) out.children.push(child);
  };
  const strings = (field: string, role: KustomizeFileRole, folderAllowed: boolean) => {
    for (const item of root.get(field)?.items() ?? []) ref(field, item, role, { folderAllowed });
  };

  strings('resources', 'resource', true);
  strings('bases', 'resource', true);
  strings('components', 'resource', true);
  strings('crds', 'other-config', false);
  strings('configurations', 'other-config', false);
  for (const item of root.get('patches')?.items() ?? []) {
    const p = item.get('path');
    if (p) ref('patches', p, 'patch', { folderAllowed: false });
  }
  for (const item of root.get('patchesJson6902')?.items() ?? []) {
    const p = item.get('path');
    if (p) ref('patchesJson6902', p, 'patch', { folderAllowed: false });
  }
  for (const item of root.get('patchesStrategicMerge')?.items() ?? []) {
    if (typeof item.value === 'string' && !isInline(item.value)) ref('patchesStrategicMerge', item, 'patch', { folderAllowed: false });
  }
  for (const item of root.get('replacements')?.items() ?? []) {
    const p = item.get('path');
    if (p) ref('replacements', p, 'other-config', { folderAllowed: false });
  }
  const openapi = root.get('openapi')?.get('path');
  if (openapi) ref('openapi', openapi, 'other-config', { folderAllowed: false });
  for (const gen of ['configMapGenerator', 'secretGenerator']) {
    for (const item of root.get(gen)?.items() ?? []) {
      for (const f of item.get('files')?.items() ?? []) {
        // `key=path` names the data key; the path is after the first `=`.
        const v = typeof f.value === 'string' ? f.value : '';
        ref(`${gen}.files`, f, 'generator-source', { folderAllowed: false, value: v.includes('=') ? v.slice(v.indexOf('=') + 1) : v });
      }
      for (const f of item.get('envs')?.items() ?? []) ref(`${gen}.envs`, f, 'generator-source', { folderAllowed: false });
      const env = item.get('env');
      if (env) ref(`${gen}.env`, env, 'generator-source', { folderAllowed: false });
    }
  }

  // Plugins: a file (or folder kustomization) of plugin configs, or an inline one.
  for (const field of ['transformers', 'generators', 'validators']) {
    for (const item of root.get(field)?.items() ?? []) {
      const where = at(item);
      if (item.kind === 'map' || (typeof item.value === 'string' && isInline(item.value))) {
        const text = item.kind === 'map' ? JSON.stringify(item.value) : String(item.value);
        const fn = functionAnnotation(text);
        if (fn) problem('function', where, `${field} entry is a KRM function (${fn}): exec and container functions are never run`);
        continue;
      }
      const before = out.references.length;
      ref(field, item, 'other-config', { folderAllowed: true });
      const added = out.references[before];
      if (!added || added.folder) continue;
      const text = tree.get(added.path);
      if (text === undefined) {
        problem('unreadable', where, `${field} entry ${JSON.stringify(added.entry)} is not among the files read, so it cannot be checked for KRM functions`);
        continue;
      }
      const fn = functionAnnotation(text);
      if (fn) problem('function', where, `${field} entry ${JSON.stringify(added.entry)} is a KRM function (${fn}): exec and container functions are never run`);
    }
  }
  return out;
}

/** The function annotation a plugin config text carries (any of its documents), or undefined. */
function functionAnnotation(text: string): string | undefined {
  const parsed = parseYaml(text);
  for (const d of parsed.documents) {
    const ann = (d.data as { metadata?: { annotations?: Record<string, unknown> } } | null)?.metadata?.annotations;
    if (ann && typeof ann === 'object') for (const a of FUNCTION_ANNOTATIONS) if (a in ann) return a;
  }
  // A file that does not parse may still name one: refuse on the text too.
  for (const a of FUNCTION_ANNOTATIONS) if (text.includes(a)) return a;
  return undefined;
}

/**
 * A folder named by `transformers`, `generators` or `validators` holds a kustomization whose
 * resources are plugin configs: check each of those files (and the folders they name in turn)
 * for KRM function annotations, as for a plugin file named directly; a problem goes to the
 * kustomization naming the file.
 */
function checkPluginKustomizations(tree: KustomizeTree, kustomizations: Map<string, KustomizationFile>): void {
  const plugin = new Set<string>();
  const queue: string[] = [];
  for (const k of kustomizations.values())
    for (const r of k.references)
      if (r.folder && ['transformers', 'generators', 'validators'].includes(r.field)) {
        const child = kustomizationIn(tree, r.path);
        if (child) queue.push(child);
      }
  while (queue.length) {
    const p = queue.shift()!;
    if (plugin.has(p)) continue;
    plugin.add(p);
    const k = kustomizations.get(p);
    if (!k) continue;
    for (const r of k.references) {
      if (r.folder) {
        const child = kustomizationIn(tree, r.path);
        if (child) queue.push(child);
        continue;
      }
      if (r.field !== 'resources' && r.field !== 'bases') continue;
      const text = tree.get(r.path);
      const fn = text === undefined ? undefined : functionAnnotation(text);
      if (text === undefined)
        k.problems.push({
          code: 'unreadable',
          file: k.path,
          line: r.line,
          column: r.column,
          message: `plugin config ${JSON.stringify(r.entry)} is not among the files read, so it cannot be checked for KRM functions`,
        });
      else if (fn)
        k.problems.push({
          code: 'function',
          file: k.path,
          line: r.line,
          column: r.column,
          message: `plugin config ${JSON.stringify(r.entry)} is a KRM function (${fn}): exec and container functions are never run`,
        });
    }
  }
}

function addRole(roles: Map<string, KustomizeFileRole[]>, path: string, role: KustomizeFileRole) {
  const list = roles.get(path);
  if (!list) roles.set(path, [role]);
  else if (!list.includes(role)) list.push(role);
}

/**
 * Read every kustomization file of `tree` (names {@link KUSTOMIZATION_FILE_NAMES}), the roles of
 * every file they reference, and the roots (kustomizations no other kustomization references,
 * directly or through a folder entry). Pure; never throws.
 */
export function analyseKustomize(tree: KustomizeTree): KustomizeAnalysis {
  const kustomizations = new Map<string, KustomizationFile>();
  for (const path of [...tree.keys()].sort()) if (isKustomizationFile(path)) kustomizations.set(path, readKustomization(tree, path));
  const roles = new Map<string, KustomizeFileRole[]>();
  const referenced = new Set<string>();
  for (const k of kustomizations.values()) {
    addRole(roles, k.path, 'kustomization');
    for (const r of k.references) if (!r.folder) addRole(roles, r.path, r.role);
    for (const c of k.children) if (c !== k.path) referenced.add(c);
  }
  for (const list of roles.values()) list.sort();
  checkPluginKustomizations(tree, kustomizations);
  const roots = [...kustomizations.keys()].filter((p) => !referenced.has(p));
  return { kustomizations, roles, roots };
}

/**
 * The roles of the files the kustomizations of `tree` reference: path → roles (sorted, each
 * once). For the plain-YAML scan: a file whose roles include `patch` (and not `resource`) is a
 * fragment, not objects — keep it out of the scan and check it through the rendered output; a
 * `kustomization` file is configuration, not objects. Files no kustomization names are absent.
 * Pure; never throws.
 */
export function kustomizeFileRoles(tree: KustomizeTree): Map<string, KustomizeFileRole[]> {
  return new Map(analyseKustomize(tree).roles);
}

/** The closure of one root: its kustomization files, the files they reference, and every refusal in them. */
export interface KustomizeClosure {
  /** The root kustomization file. */
  root: string;
  /** Kustomization files reached from the root (the root first). */
  kustomizations: string[];
  /** Every file those reference (not folders), sorted, each once. */
  files: string[];
  /** Every refusal of every kustomization of the closure: a non-empty list means no build. */
  problems: KustomizeProblem[];
}

/**
 * The closure of kustomization `root` in `analysis` (cycles are followed once). Throws an Error
 * when `root` is not one of its kustomization files (a caller's mistake).
 */
export function kustomizeClosure(analysis: KustomizeAnalysis, root: string): KustomizeClosure {
  if (!analysis.kustomizations.has(root)) throw new Error(`${root} is not a kustomization file of the tree`);
  const seen: string[] = [];
  const files = new Set<string>();
  const problems: KustomizeProblem[] = [];
  const visit = (p: string) => {
    if (seen.includes(p)) return;
    const k = analysis.kustomizations.get(p);
    if (!k) return;
    seen.push(p);
    problems.push(...k.problems);
    for (const r of k.references) if (!r.folder) files.add(r.path);
    for (const c of k.children) visit(c);
  };
  visit(root);
  return { root, kustomizations: seen, files: [...files].filter((f) => !seen.includes(f)).sort(), problems };
}

/**
 * The roots whose closure holds one of `changed` (repository-relative paths: a kustomization or
 * a file one references), sorted. Pure.
 */
export function kustomizeRootsFor(analysis: KustomizeAnalysis, changed: Iterable<string>): string[] {
  const want = new Set(changed);
  return analysis.roots.filter((r) => {
    const c = kustomizeClosure(analysis, r);
    return c.kustomizations.some((k) => want.has(k)) || c.files.some((f) => want.has(f));
  });
}

// ---------------------------------------------------------------------------------------------
// Build

/**
 * Where a rendered object came from: the parsed `config.kubernetes.io/origin` annotation
 * (https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/buildmetadata/).
 * `path` is relative to the ROOT kustomization's folder; `repo`/`ref` name a remote origin;
 * `configuredIn`/`configuredBy` name the generator (kustomization) of a generated object.
 */
export interface KustomizeOrigin {
  path?: string;
  repo?: string;
  ref?: string;
  configuredIn?: string;
  configuredBy?: { apiVersion?: string; kind?: string; name?: string };
}

/** One rendered object. */
export interface KustomizeObject {
  /** A standalone YAML document (no `---`), the origin annotation removed, ending in a newline. */
  text: string;
  /**
   * The repository-relative file a person edits for it: the resource file, or for a generated
   * object the kustomization holding its generator. Undefined for a remote origin, an origin out
   * of the repository, or none.
   */
  sourceFile: string | undefined;
  /** The origin annotation as Kustomize wrote it (undefined when the object had none). */
  origin: KustomizeOrigin | undefined;
}

/** The result of {@link buildKustomization}. */
export interface KustomizeBuild {
  /** The root kustomization file built. */
  root: string;
  /** The rendered objects in the engine's order (empty when refused or failed). */
  objects: KustomizeObject[];
  /** Refusals, the engine's failure, or origins that could not be handled. */
  problems: KustomizeProblem[];
}

/** Options of {@link buildKustomization}. */
export interface KustomizeBuildOptions {
  /** Wall-clock budget of the engine run in milliseconds (default 30,000). */
  timeoutMs?: number;
  /** Upper bound of the engine's output in bytes (default 64 MiB). */
  maxOutputBytes?: number;
  /**
   * Repository-relative path → text written into the temporary copy instead of the file on disk
   * (an edited base or patch, to prove a fix by building with it); only paths of the closure are
   * used, and their symbolic-link check still applies.
   */
  overrides?: ReadonlyMap<string, string>;
}

/** The engine's arguments: `kubectl kustomize <dir>` or `kustomize build <dir>`; no flag that loosens anything. */
export function kustomizeArgs(engine: KustomizeEngine, dir: string): string[] {
  return engine.viaKubectl ? ['kustomize', dir] : ['build', dir];
}

/** The first symbolic link on the way from `repoDir` to `repoDir/path` (itself included), or undefined; missing parts stop the walk. */
function linkOnTheWay(repoDir: string, path: string): string | undefined {
  const parts = path.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const sub = parts.slice(0, i).join('/');
    try {
      if (lstatSync(join(repoDir, sub)).isSymbolicLink()) return sub;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The root kustomization's text with `originAnnotations` in `buildMetadata` (added to an existing
 * list, or a new `buildMetadata: [originAnnotations]`), the rest unchanged; undefined when it
 * cannot be added (the file is not a map, or the field is not a list).
 */
export function withOriginAnnotations(text: string): string | undefined {
  const parsed = parseYaml(text);
  const doc = parsed.documents.find((d) => d.root && !d.root.isNull);
  if (!doc?.root) return `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}buildMetadata: [originAnnotations]\n`;
  if (doc.hasErrors || doc.root.kind !== 'map') return undefined;
  const existing = doc.root.get('buildMetadata');
  if (existing && existing.kind !== 'seq' && !existing.isNull) return undefined;
  if (existing?.items().some((i) => i.value === 'originAnnotations')) return text;
  const op: FixOp =
    existing && !existing.isNull
      ? { kind: 'append', target: doc.root, path: ['buildMetadata'], item: 'originAnnotations' }
      : { kind: 'set', target: doc.root, path: ['buildMetadata'], value: ['originAnnotations'] };
  const r = renderFixOps(text, detectStyle(text, [doc.doc]), [op]);
  if (r.problems.length) return undefined;
  const out = applyEdits(text, r.edits);
  const check = parseYaml(out).documents.find((d) => d.root && !d.root.isNull)?.data as { buildMetadata?: unknown } | undefined;
  return Array.isArray(check?.buildMetadata) && check.buildMetadata.includes('originAnnotations') ? out : undefined;
}

const ORIGIN = 'config.kubernetes.io/origin';

/** The 0-based offset of the start of the line holding `offset`. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
/** The 0-based offset just after the line ending of the line holding `offset - 1` (the end of a value). */
function lineEndAfter(text: string, end: number): number {
  if (end > 0 && text[end - 1] === '\n') return end;
  const nl = text.indexOf('\n', end);
  return nl === -1 ? text.length : nl + 1;
}

/**
 * One rendered document's text without the origin annotation (and without an `annotations:` it
 * leaves empty), checked by parsing it again; undefined when that check fails.
 */
function stripOrigin(text: string): { text: string; data: unknown } | undefined {
  const parsed = parseYaml(text);
  const doc = parsed.documents[0];
  const root = doc?.root;
  if (!root || doc.hasErrors || parsed.documents.length !== 1) return undefined;
  const annotations = root.get('metadata')?.get('annotations');
  const origin = annotations?.get(ORIGIN);
  if (!annotations || !origin) return { text, data: doc.data };
  const only = annotations.keys().length === 1;
  const from = lineStart(text, (only ? annotations : origin).keyRange.start.offset);
  const to = lineEndAfter(text, (only ? annotations : origin).offsets[1]);
  const out = text.slice(0, from) + text.slice(to);
  const expected = structuredClone(doc.data) as { metadata: { annotations: Record<string, unknown> } };
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the annotation key
  delete expected.metadata.annotations[ORIGIN];
  if (only) delete (expected.metadata as { annotations?: unknown }).annotations;
  const again = parseYaml(out);
  if (again.documents.length !== 1 || again.documents[0]!.hasErrors || JSON.stringify(again.documents[0]!.data) !== JSON.stringify(expected)) return undefined;
  return { text: out, data: again.documents[0]!.data };
}

/** The origin annotation's value parsed (a YAML map in a string). */
function parseOrigin(value: unknown): KustomizeOrigin | undefined {
  if (typeof value !== 'string') return undefined;
  const data = parseYaml(value).documents[0]?.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const d = data as Record<string, unknown>;
  const o: KustomizeOrigin = {};
  for (const k of ['path', 'repo', 'ref', 'configuredIn'] as const) if (typeof d[k] === 'string') o[k] = d[k];
  if (d.configuredBy && typeof d.configuredBy === 'object') {
    const by = d.configuredBy as Record<string, unknown>;
    o.configuredBy = {};
    for (const k of ['apiVersion', 'kind', 'name'] as const) if (typeof by[k] === 'string') o.configuredBy[k] = by[k];
  }
  return o;
}

/** The repository-relative file of an origin, relative to the root's folder; undefined when remote or outside. */
function originFile(rootDir: string, origin: KustomizeOrigin | undefined): string | undefined {
  if (!origin || origin.repo !== undefined) return undefined;
  const rel = origin.path ?? origin.configuredIn;
  if (rel === undefined || remoteReason(rel)) return undefined;
  const r = resolveEntry(rootDir, rel);
  return 'path' in r && r.path !== '' ? r.path : undefined;
}

/** The engine's stderr as a short message: its first 5 non-empty lines, the temporary folder shown as the repository. */
function engineMessage(stderr: string, copyDir: string): string {
  const lines = stderr
    .split(copyDir + '/')
    .join('')
    .split(copyDir)
    .join('.')
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '');
  return lines.slice(0, 5).join('\n').slice(0, 2000);
}

/**
 * Build kustomization `root` (a path of `analysis.kustomizations`) with `engine`:
 * 1. refuse when its closure has problems ({@link kustomizeClosure}) — nothing is run;
 * 2. copy the closure's kustomization files and referenced files from `repoDir` into a temporary
 *    folder at the same relative paths, refusing (`symlink`) a file or folder on the way that is a
 *    symbolic link (`lstat`); a file missing on disk is not copied (the engine says so); a file
 *    of `opts.overrides` is written with its text there instead;
 * 3. add `buildMetadata: [originAnnotations]` to the root's copy ({@link withOriginAnnotations});
 * 4. run `kubectl kustomize <dir>` / `kustomize build <dir>` in the sandbox (src/render/run.ts)
 *    with the budgets of `opts`; a failure is a `build-failed` problem with the engine's first
 *    lines (never a throw);
 * 5. split the output into objects, read each origin annotation into `sourceFile`, and remove
 *    the annotation from the object's text.
 * The temporary folder is removed. Throws only when `root` is not a kustomization of `analysis`.
 */
export async function buildKustomization(
  engine: KustomizeEngine,
  analysis: KustomizeAnalysis,
  root: string,
  repoDir: string,
  opts: KustomizeBuildOptions = {},
): Promise<KustomizeBuild> {
  const closure = kustomizeClosure(analysis, root);
  const result: KustomizeBuild = { root, objects: [], problems: [] };
  if (closure.problems.length) {
    result.problems = closure.problems;
    return result;
  }
  const refAt = (file: string): { file: string; line: number; column: number } => {
    for (const k of closure.kustomizations) {
      const r = analysis.kustomizations.get(k)!.references.find((x) => x.path === file);
      if (r) return { file: k, line: r.line, column: r.column };
    }
    return { file, line: 1, column: 1 };
  };
  const copy = mkdtempSync(join(tmpdir(), 'kube-immutable-kustomize-'));
  try {
    for (const file of [...closure.kustomizations, ...closure.files]) {
      const link = linkOnTheWay(repoDir, file);
      if (link !== undefined) {
        result.problems.push({ code: 'symlink', ...refAt(file), message: `${link} is a symbolic link: links are never followed, so ${root} is not built` });
        return result;
      }
      let bytes: Buffer | string;
      const override = opts.overrides?.get(file);
      try {
        if (override !== undefined) bytes = override;
        else if (!lstatSync(join(repoDir, file)).isFile()) continue;
        else bytes = readFileSync(join(repoDir, file));
      } catch {
        continue;
      }
      mkdirSync(join(copy, dirOf(file)), { recursive: true });
      writeFileSync(join(copy, file), bytes);
    }
    let rootText: string | undefined;
    try {
      rootText = readFileSync(join(copy, root), 'utf8');
    } catch {
      rootText = undefined;
    }
    const edited = rootText === undefined ? undefined : withOriginAnnotations(rootText);
    if (edited === undefined) {
      result.problems.push({
        code: 'origin',
        file: root,
        line: 1,
        column: 1,
        message: `cannot add buildMetadata: [originAnnotations] to ${root} (missing, not a map, or buildMetadata is not a list)`,
      });
      return result;
    }
    writeFileSync(join(copy, root), edited);
    const rootDir = dirOf(root);
    const dir = rootDir === '' ? copy : join(copy, rootDir);
    let run: EngineRun;
    try {
      run = await runEngine(engine.path, kustomizeArgs(engine, dir), { cwd: copy, timeoutMs: opts.timeoutMs, maxOutputBytes: opts.maxOutputBytes });
    } catch (err) {
      const message = `kustomize could not build ${root}: ${engine.path} could not be started (${(err as NodeJS.ErrnoException).code ?? String(err)})`;
      result.problems.push({ code: 'build-failed', file: root, line: 1, column: 1, message });
      return result;
    }
    if (run.code !== 0 || run.timedOut || run.truncated) {
      const why = run.timedOut
        ? 'the build ran out of time'
        : run.truncated
          ? 'the build output passed its size budget'
          : engineMessage(run.stderr, copy) || `the engine exited with code ${String(run.code)}`;
      result.problems.push({ code: 'build-failed', file: root, line: 1, column: 1, message: `kustomize could not build ${root}: ${why}` });
      return result;
    }
    const out = parseYaml(run.stdout);
    for (const d of out.documents) {
      if (!d.root || d.root.isNull) continue;
      // The span starts at the document's `---` line, when it has one: a standalone document does not.
      const text = run.stdout.slice(d.span[0], d.span[1]).replace(/^---[ \t]*\r?\n/, '');
      const docText = text.endsWith('\n') ? text : `${text}\n`;
      const originValue = (d.data as { metadata?: { annotations?: Record<string, unknown> } } | null)?.metadata?.annotations?.[ORIGIN];
      const origin = parseOrigin(originValue);
      const stripped = stripOrigin(docText);
      if (!stripped) {
        result.problems.push({
          code: 'origin',
          file: root,
          line: 1,
          column: 1,
          message: `an object rendered from ${root} could not have its origin annotation removed; it is left out`,
        });
        continue;
      }
      result.objects.push({ text: stripped.text, sourceFile: originFile(rootDir, origin), origin });
    }
    return result;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
