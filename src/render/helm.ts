/**
 * Helm charts (issue #16): found in a file tree, checked before anything runs, rendered by the
 * real `helm template` (Helm 3 or 4) on a temporary copy in the sandbox of src/render/run.ts, and
 * each rendered document mapped back to the template file a person edits.
 *
 * Sources: the chart layout and Chart.yaml fields, https://helm.sh/docs/topics/charts/ ;
 * `helm template` and its flags, https://helm.sh/docs/helm/helm_template/ ; values schemas,
 * https://helm.sh/docs/topics/charts/#schema-files ; CRDs in `crds/`,
 * https://helm.sh/docs/chart_best_practices/custom_resource_definitions/ . The `# Source:` line
 * Helm writes before every document is `<chart full path>/<file in the chart>`, where the full
 * path of a subchart is `<parent full path>/charts/<subchart name or alias>` (Helm's
 * `Chart.ChartFullPath`, pkg/chart); a CRD file is printed whole under one `# Source:` line, so its
 * second and later documents have none (checked against Helm 3.17.0 and 4.1.4).
 */
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { HELM_PROFILE_RULES } from '../constants.js';
import { parseYaml, type YNode } from '../yaml/index.js';
import { DEFAULT_RENDER_OUTPUT_BYTES, DEFAULT_RENDER_TIMEOUT_MS, runEngine } from './run.js';
import type { HelmEngine } from './types.js';

/**
 * A file tree: repository-relative POSIX paths (`charts/app/Chart.yaml`, no leading `./` or `/`)
 * to file texts (UTF-8). Only the presence of binary files (`.tgz` subchart archives) matters:
 * their value may be anything (`''`).
 */
export type HelmTree = ReadonlyMap<string, string>;

/**
 * What a file is to a chart (https://helm.sh/docs/topics/charts/#the-chart-file-structure):
 * `chart` Chart.yaml, Chart.lock, requirements.yaml, requirements.lock; `template` anything under
 * `templates/` (also `_helpers.tpl`, NOTES.txt); `values` the chart's `values.yaml`; `schema`
 * `values.schema.json`; `crd` anything under `crds/`; `subchart` anything under a chart's
 * `charts/` (a vendored subchart's files, a `.tgz` archive); `other` the rest of the chart folder
 * (README, LICENSE, `values-prod.yaml`, `.helmignore`, files read by `.Files.Get`).
 */
export type HelmFileRole = 'chart' | 'template' | 'values' | 'schema' | 'subchart' | 'crd' | 'other';

/** Why a chart is not rendered, or what its render said. */
export type HelmProblemCode =
  | 'chart-yaml'
  | 'dependency-not-vendored'
  | 'subchart-archive'
  | 'schema-remote-ref'
  | 'symlink'
  | 'special-file'
  | 'crd-source-line'
  | 'outside-repository'
  | 'too-large'
  | 'bad-profile'
  | 'render-failed'
  | 'render-timeout'
  | 'render-output-limit';

/**
 * A problem with a chart: data, never thrown. `file` is repository-relative (POSIX), `line`
 * 1-based (1 when the problem is about the whole file, e.g. a symbolic link). `error` problems
 * stop the render (or are its failure); `warning` ones do not.
 */
export interface HelmProblem {
  code: HelmProblemCode;
  severity: 'error' | 'warning';
  file: string;
  line: number;
  message: string;
}

/** One entry of Chart.yaml `dependencies:` (apiVersion v2) or requirements.yaml (v1). */
export interface HelmDependency {
  name: string;
  version: string | undefined;
  repository: string | undefined;
  alias: string | undefined;
  /** The file the entry is in (repository-relative) and its 1-based line. */
  file: string;
  line: number;
}

/** A chart found in a tree: a folder holding a `Chart.yaml`. Paths are repository-relative. */
export interface HelmChart {
  /** The chart folder (`''` for a chart at the repository root). */
  dir: string;
  /** `<dir>/Chart.yaml`. */
  chartFile: string;
  /** Chart.yaml `apiVersion` (`v1`, `v2`), `name`, `version`, `type`; undefined when absent or not a string. */
  apiVersion: string | undefined;
  name: string | undefined;
  version: string | undefined;
  type: string | undefined;
  /** The folder of the chart whose `charts/` holds this one (a vendored subchart), else undefined. */
  parent: string | undefined;
  /** Files under `templates/` (sorted). */
  templates: string[];
  /** `<dir>/values.yaml` when present. */
  values: string | undefined;
  /** `<dir>/values.schema.json` when present. */
  schema: string | undefined;
  /** Files under `crds/` (sorted). */
  crds: string[];
  /** Folders of the vendored subcharts directly in `charts/` (sorted). */
  subcharts: string[];
  /** `.tgz` archives directly in `charts/` (sorted): Helm loads them locally (in memory); renderHelmChart checks the values schemas in them. */
  archives: string[];
  /** Declared dependencies (Chart.yaml, or requirements.yaml for apiVersion v1). */
  dependencies: HelmDependency[];
  /** Problems of this chart alone: Chart.yaml, dependencies not vendored, archives, remote schema references. */
  problems: HelmProblem[];
}

const CHART_FILES = new Set(['Chart.yaml', 'Chart.lock', 'requirements.yaml', 'requirements.lock']);

const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
const under = (dir: string, p: string) => (dir === '' ? p : p.startsWith(`${dir}/`) ? p.slice(dir.length + 1) : undefined);
const joinRel = (dir: string, rel: string) => (dir === '' ? rel : `${dir}/${rel}`);

/** The chart folders of a tree: folders holding a `Chart.yaml`. */
function chartDirs(paths: Iterable<string>): Set<string> {
  const dirs = new Set<string>();
  for (const p of paths) if (p === 'Chart.yaml' || p.endsWith('/Chart.yaml')) dirs.add(dirOf(p));
  return dirs;
}

/** The nearest chart folder at or above `dir`, or undefined. */
function nearest(dirs: ReadonlySet<string>, dir: string): string | undefined {
  for (let d: string | undefined = dir; d !== undefined; d = d === '' ? undefined : dirOf(d)) if (dirs.has(d)) return d;
  return undefined;
}

/** The chart whose `charts/<one folder>` is `dir`, when that folder holds a chart. */
function parentOf(dirs: ReadonlySet<string>, dir: string): string | undefined {
  const m = /^(?:(.*)\/)?charts\/[^/]+$/.exec(dir);
  if (!m) return undefined;
  const p = m[1] ?? '';
  return dirs.has(p) ? p : undefined;
}

function str(n: YNode | undefined): string | undefined {
  const v = n?.value;
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** Read Chart.yaml (or requirements.yaml) into the chart; problems are pushed. */
function readChartFile(chart: HelmChart, text: string): void {
  const f = parseYaml(text);
  const root = f.documents[0]?.root;
  const err = f.problems.find((p) => p.severity === 'error');
  if (err || !root || root.kind !== 'map') {
    chart.problems.push({
      code: 'chart-yaml',
      severity: 'error',
      file: chart.chartFile,
      line: err?.line ?? 1,
      message: err ? `Chart.yaml does not parse: ${err.message.split('\n')[0]}` : 'Chart.yaml is not a map of chart fields',
    });
    return;
  }
  chart.apiVersion = str(root.get('apiVersion'));
  chart.name = str(root.get('name'));
  chart.version = str(root.get('version'));
  chart.type = str(root.get('type'));
  const at = (key: string) => root.get(key)?.keyRange.start.line ?? 1;
  if (chart.apiVersion !== 'v1' && chart.apiVersion !== 'v2')
    chart.problems.push({
      code: 'chart-yaml',
      severity: 'error',
      file: chart.chartFile,
      line: at('apiVersion'),
      message: `Chart.yaml apiVersion must be v1 or v2 (Helm 3 and 4 read these), not ${chart.apiVersion ?? 'missing'}`,
    });
  for (const key of ['name', 'version'] as const)
    if (!chart[key])
      chart.problems.push({ code: 'chart-yaml', severity: 'error', file: chart.chartFile, line: 1, message: `Chart.yaml has no ${key} (a string)` });
}

function readDependencies(chart: HelmChart, file: string, text: string): void {
  const root = parseYaml(text).documents[0]?.root;
  const seq = root?.kind === 'map' ? root.get('dependencies') : undefined;
  for (const item of seq?.kind === 'seq' ? seq.items() : []) {
    if (item.kind !== 'map') continue;
    const name = str(item.get('name'));
    if (!name) continue;
    chart.dependencies.push({
      name,
      version: str(item.get('version')),
      repository: str(item.get('repository')),
      alias: str(item.get('alias')),
      file,
      line: item.range.start.line,
    });
  }
}

/**
 * The meta-schema URLs both of Helm's validators know without loading anything: Helm 4's
 * (santhosh-tekuri/jsonschema v6 `draftFromURL`: http or https, `json-schema.org/schema` for the
 * latest draft, draft-04, -06, -07, 2019-09, 2020-12, an empty fragment) — Helm 3.17's
 * gojsonschema never loads a `$schema`. Checked with Helm 3.17.0 and 4.1.4 through a logging
 * proxy: `http://json-schema.org/schema#` (every Bitnami chart's) loads nothing, draft-03 is
 * fetched by Helm 4.
 */
const KNOWN_META_SCHEMA = /^https?:\/\/json-schema\.org\/(?:schema|draft-0[467]\/schema|draft\/20(?:19-09|20-12)\/schema)#?$/;
const REF_KEYS = new Set(['$ref', '$dynamicRef', '$recursiveRef']);

/**
 * The references of a values schema Helm would have to load: any `$ref` (`$dynamicRef`,
 * `$recursiveRef`) that is not a local JSON pointer (`#` or `#/…`), and a `$schema` (at any depth:
 * a subschema with its own `$id` is a resource whose `$schema` Helm 4 loads) that is not a known
 * JSON Schema draft. A leading UTF-8 byte order mark is skipped (Helm's loader strips it). A text
 * that is not strict JSON (JSON.parse) gives `undefined`: Go's decoders are laxer (Helm 3 reads
 * the first value and ignores trailing text), so what this cannot read is refused, never passed;
 * a blank file gives none (Helm does not validate against it). No depth limit (an explicit stack).
 */
function remoteReferences(text: string): { key: string; value: string }[] | undefined {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return [];
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return undefined;
  }
  const out: { key: string; value: string }[] = [];
  // Depth first in document order, as a recursive walk would go; a found reference is a stack item too.
  type Item = { ref: { key: string; value: string } } | { node: unknown };
  const stack: Item[] = [{ node: data }];
  while (stack.length) {
    const item = stack.pop()!;
    if ('ref' in item) {
      out.push(item.ref);
      continue;
    }
    const v = item.node;
    if (v === null || typeof v !== 'object') continue;
    const next: Item[] = [];
    if (Array.isArray(v)) for (const x of v) next.push({ node: x });
    else
      for (const [k, x] of Object.entries(v)) {
        if (typeof x === 'string' && REF_KEYS.has(k) && !(x === '#' || x.startsWith('#/'))) next.push({ ref: { key: k, value: x } });
        else if (typeof x === 'string' && k === '$schema' && !KNOWN_META_SCHEMA.test(x)) next.push({ ref: { key: k, value: x } });
        else next.push({ node: x });
      }
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!);
  }
  return out;
}

/** 1-based line of the first `"key": "value"` in a JSON text (1 when not found, e.g. written with escapes). */
function jsonLineOf(text: string, key: string, value: string, from: Map<string, number>): number {
  const re = /"((?:[^"\\]|\\.)*)"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
  const seen = from.get(`${key}\0${value}`) ?? 0;
  let n = 0;
  for (const m of text.matchAll(re)) {
    let k: unknown, v: unknown;
    try {
      k = JSON.parse(`"${m[1]!}"`);
      v = JSON.parse(`"${m[2]!}"`);
    } catch {
      continue;
    }
    if (k === key && v === value && n++ === seen) {
      from.set(`${key}\0${value}`, seen + 1);
      return text.slice(0, m.index).split('\n').length;
    }
  }
  return 1;
}

const clip = (s: string, n = 200) => {
  // eslint-disable-next-line no-control-regex -- control characters of PR-given text are blanked
  const t = s.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return t.length > n ? `${t.slice(0, n)}…` : t;
};
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every chart of `tree` (folders holding a `Chart.yaml`), sorted by folder, with its files,
 * dependencies and the problems found without running anything
 * (https://helm.sh/docs/topics/charts/):
 * - `chart-yaml`: Chart.yaml does not parse, or has no `name`/`version`, or an `apiVersion`
 *   other than v1/v2;
 * - `dependency-not-vendored`: a declared dependency with no vendored chart in `charts/` — a
 *   folder whose Chart.yaml `name` is the dependency's name, or an archive `<name>-<version>.tgz`
 *   (kube-immutable never runs `helm dependency update`/`build`: they use the network);
 * - `subchart-archive` (warning): a `.tgz` in `charts/`, which Helm reads locally, whose
 *   values schemas are checked by renderHelmChart (not here: the tree holds no archive bytes) and
 *   whose objects map to the archive, not to a line;
 * - `schema-remote-ref`: a `values.schema.json` reference Helm would load (see remoteReferences).
 * Never throws.
 */
export function findHelmCharts(tree: HelmTree): HelmChart[] {
  const dirs = chartDirs(tree.keys());
  const charts = new Map<string, HelmChart>();
  for (const dir of [...dirs].sort()) {
    charts.set(dir, {
      dir,
      chartFile: joinRel(dir, 'Chart.yaml'),
      apiVersion: undefined,
      name: undefined,
      version: undefined,
      type: undefined,
      parent: parentOf(dirs, dir),
      templates: [],
      values: undefined,
      schema: undefined,
      crds: [],
      subcharts: [],
      archives: [],
      dependencies: [],
      problems: [],
    });
  }
  for (const p of [...tree.keys()].sort()) {
    const c = charts.get(nearest(dirs, dirOf(p)) ?? '\0');
    if (!c) continue;
    const rel = under(c.dir, p)!;
    if (rel.startsWith('templates/')) c.templates.push(p);
    else if (rel.startsWith('crds/')) c.crds.push(p);
    else if (rel === 'values.yaml') c.values = p;
    else if (rel === 'values.schema.json') c.schema = p;
    else if (/^charts\/[^/]+\.tgz$/.test(rel)) c.archives.push(p);
  }
  for (const c of charts.values()) {
    if (c.parent !== undefined) charts.get(c.parent)!.subcharts.push(c.dir);
    readChartFile(c, tree.get(c.chartFile) ?? '');
    if (c.apiVersion === 'v1') {
      const req = joinRel(c.dir, 'requirements.yaml');
      if (tree.has(req)) readDependencies(c, req, tree.get(req)!);
    } else readDependencies(c, c.chartFile, tree.get(c.chartFile) ?? '');
  }
  for (const c of charts.values()) {
    const vendored = new Set(c.subcharts.map((d) => charts.get(d)!.name));
    const archiveNames = c.archives.map((a) => a.slice(a.lastIndexOf('/') + 1));
    for (const dep of c.dependencies) {
      if (vendored.has(dep.name) || archiveNames.some((a) => new RegExp(`^${escapeRe(dep.name)}-v?\\d[^/]*\\.tgz$`).test(a))) continue;
      const local = dep.repository?.startsWith('file://') ? ` (its repository ${clip(dep.repository)} is a folder helm dependency build would copy from)` : '';
      c.problems.push({
        code: 'dependency-not-vendored',
        severity: 'error',
        file: dep.file,
        line: dep.line,
        message: `dependency ${clip(dep.name)} is not vendored in ${joinRel(c.dir, 'charts/')}${local}: kube-immutable renders only what is in the repository and never runs helm dependency update or build (they use the network); commit the subchart (helm dependency build) to render this chart`,
      });
    }
    for (const a of c.archives)
      c.problems.push({
        code: 'subchart-archive',
        severity: 'warning',
        file: a,
        line: 1,
        message: `subchart archive ${a}: Helm reads it locally and it is rendered, its values schemas are checked when the chart is rendered, but its objects point at the archive, not at a line (links in it are harmless: Helm reads archives in memory)`,
      });
    if (c.schema !== undefined) {
      const text = tree.get(c.schema) ?? '';
      const seen = new Map<string, number>();
      const refs = remoteReferences(text);
      if (refs === undefined)
        c.problems.push({
          code: 'schema-remote-ref',
          severity: 'error',
          file: c.schema,
          line: 1,
          message:
            'values schema is not strict JSON: Helm might still read it (its decoders are laxer) and load the references in it, which kube-immutable cannot check; fix the JSON',
        });
      for (const r of refs ?? [])
        c.problems.push({
          code: 'schema-remote-ref',
          severity: 'error',
          file: c.schema,
          line: jsonLineOf(text, r.key, r.value, seen),
          message:
            r.key === '$schema'
              ? `values schema names the meta-schema ${clip(r.value)}, which is not a JSON Schema draft Helm knows: it would be loaded from there; use a json-schema.org draft URL`
              : `values schema ${r.key} ${clip(r.value)} is not a local reference (#/...): Helm would load it from there; kube-immutable renders without network or outside files — inline it under $defs`,
        });
    }
  }
  return [...charts.values()];
}

/**
 * The roles of every file inside a chart folder (files outside every chart are not in the map),
 * for keeping chart files out of the plain-YAML scan: the file's role in its nearest chart
 * (the nearest folder above it holding a Chart.yaml; see {@link HelmFileRole}), followed by
 * `subchart` when that chart is vendored in another chart's `charts/` (then it belongs to both).
 * A file in a parent's `charts/` that is in no subchart folder (an archive) is `subchart` alone.
 */
export function helmFileRoles(tree: HelmTree): Map<string, HelmFileRole[]> {
  const dirs = chartDirs(tree.keys());
  const out = new Map<string, HelmFileRole[]>();
  for (const p of tree.keys()) {
    const dir = nearest(dirs, dirOf(p));
    if (dir === undefined) continue;
    const rel = under(dir, p)!;
    const role: HelmFileRole = CHART_FILES.has(rel)
      ? 'chart'
      : rel.startsWith('templates/')
        ? 'template'
        : rel === 'values.yaml'
          ? 'values'
          : rel === 'values.schema.json'
            ? 'schema'
            : rel.startsWith('crds/')
              ? 'crd'
              : rel.startsWith('charts/')
                ? 'subchart'
                : 'other';
    out.set(p, role !== 'subchart' && parentOf(dirs, dir) !== undefined ? [role, 'subchart'] : [role]);
  }
  return out;
}

/**
 * The charts a file belongs to, nearest first: the chart whose folder is the nearest above the
 * file holding a Chart.yaml, then — when that chart is vendored in a parent's `charts/` — the
 * parent, and so on up. A change to a subchart's file changes what its parents render too.
 * Empty when the file is in no chart.
 */
export function chartsOfFile(charts: readonly HelmChart[], file: string): HelmChart[] {
  const byDir = new Map(charts.map((c) => [c.dir, c]));
  const out: HelmChart[] = [];
  let c = byDir.get(nearest(new Set(byDir.keys()), dirOf(file)) ?? '\0');
  while (c) {
    out.push(c);
    c = c.parent === undefined ? undefined : byDir.get(c.parent);
  }
  return out;
}

/**
 * How a chart is rendered: the `helm template` flags (https://helm.sh/docs/helm/helm_template/).
 * The chart's own values.yaml is always read (by Helm); `valuesFiles` are added after it, in order.
 */
export interface HelmProfile {
  /** A name for reports (default `default`). */
  name?: string;
  /** The release name (default `kube-immutable`): lowercase DNS-1123 subdomain of at most 53 characters, as Helm requires. */
  releaseName?: string;
  /** `--namespace` (default `default`): a DNS-1123 label. */
  namespace?: string;
  /** Repository-relative values files (`--values`, in order); each is copied into the temporary folder and must be a regular file (no link on the way). */
  valuesFiles?: readonly string[];
  /** `--kube-version` (`1.31.0`, `v1.31`); default Helm's own. */
  kubeVersion?: string;
  /** `--api-versions`, each `group/version` or `group/version/Kind`. */
  apiVersions?: readonly string[];
  /** `--include-crds` (default false): the files of `crds/` are printed too. */
  includeCrds?: boolean;
  /** `--skip-tests` (default true): test hooks (often named with `randAlphaNum`, different on every run) are left out. */
  skipTests?: boolean;
}

/** A {@link HelmProfile} with its defaults filled in. */
export type ResolvedHelmProfile = Required<HelmProfile>;

/** The default profile: release `kube-immutable`, namespace `default`, the chart's values.yaml, tests skipped, no CRDs. */
export const DEFAULT_HELM_PROFILE: ResolvedHelmProfile = {
  name: 'default',
  releaseName: 'kube-immutable',
  namespace: 'default',
  valuesFiles: [],
  kubeVersion: '',
  apiVersions: [],
  includeCrds: false,
  skipTests: true,
};

/** One document of the rendered output. */
export interface HelmObject {
  /**
   * The document as Helm printed it, WITHOUT its `# Source:` line and the `---` separators: a
   * standalone YAML document ending with a newline.
   */
  text: string;
  /** Helm's `# Source:` value (`podinfo/templates/deployment.yaml`, `app/charts/db/templates/x.yaml`, `app/crds/crd.yaml`); `''` when Helm gave none. */
  template: string;
  /** The repository-relative file the document comes from (the template or CRD file a person edits); undefined when it maps to no file of the copy (an archive, an unknown Source). */
  sourceFile: string | undefined;
  /** The `.tgz` subchart archive the document comes from, when it does. */
  archive: string | undefined;
  /** 0-based index of this document among those of the same `template` (a template or CRD file may give several). */
  documentIndex: number;
}

/** The outcome of {@link renderHelmChart}. */
export interface HelmRender {
  chart: { dir: string; name: string | undefined };
  profile: ResolvedHelmProfile;
  engine: { version: string; major: number };
  /** True when helm ran and exited 0 within its budgets (`objects` are its output). */
  rendered: boolean;
  objects: HelmObject[];
  /** Refusals before the render, warnings, and a failed render's message (errors first lines of helm's stderr). */
  problems: HelmProblem[];
}

/** Options of {@link renderHelmChart}. */
export interface RenderHelmOptions {
  engine: HelmEngine;
  /** The absolute folder of the repository checkout the files are read from. */
  repoRoot: string;
  /** The repository-relative chart folder (`''` for the root). */
  chartDir: string;
  profile?: HelmProfile;
  /** Wall-clock budget of the helm run in ms (default 30,000). */
  timeoutMs?: number;
  /** Upper bound of helm's output in bytes (default 64 MiB). */
  maxOutputBytes?: number;
  /**
   * Texts that replace files of the copy: repository-relative path (a file of the chart folder,
   * or one of the profile's values files) → its text (UTF-8). Used to render a chart with an
   * edited values.yaml without writing the repository (src/render/helm-fix.ts). Other paths are ignored.
   */
  overrides?: ReadonlyMap<string, string>;
  /** Values texts (YAML or JSON) passed with `--values` after the profile's files, in order (a probe of src/render/helm-fix.ts). */
  extraValues?: readonly string[];
}

/** At most this many files are copied from a chart folder. */
export const MAX_CHART_FILES = 10_000;
/** At most this many bytes are copied from a chart folder (and its values files), 64 MiB. */
export const MAX_CHART_BYTES = 64 * 1024 * 1024;

// The same rules as the configuration's render.helm profiles (src/constants.ts).
const RELEASE = new RegExp(HELM_PROFILE_RULES.releaseName);
const LABEL = new RegExp(HELM_PROFILE_RULES.namespace);
const KUBE_VERSION = new RegExp(HELM_PROFILE_RULES.kubeVersion);
const API_VERSION = new RegExp(HELM_PROFILE_RULES.apiVersion);
const SAFE_REL = (p: string) =>
  p !== '' && !p.startsWith('/') && !p.includes('\\') && !p.includes('\0') && p.split('/').every((s) => s !== '' && s !== '.' && s !== '..');

function profileProblems(p: ResolvedHelmProfile, file: string): HelmProblem[] {
  const bad = (message: string): HelmProblem => ({ code: 'bad-profile', severity: 'error', file, line: 1, message: `profile ${clip(p.name)}: ${message}` });
  const out: HelmProblem[] = [];
  if (!RELEASE.test(p.releaseName) || p.releaseName.length > HELM_PROFILE_RULES.releaseNameMaxLength)
    out.push(bad(`release name ${clip(p.releaseName)} is not a lowercase DNS-1123 name of at most 53 characters`));
  if (!LABEL.test(p.namespace) || p.namespace.length > HELM_PROFILE_RULES.namespaceMaxLength)
    out.push(bad(`namespace ${clip(p.namespace)} is not a DNS-1123 label`));
  if (p.kubeVersion !== '' && !KUBE_VERSION.test(p.kubeVersion)) out.push(bad(`kube version ${clip(p.kubeVersion)} is not a version like 1.31.0`));
  for (const a of p.apiVersions)
    if (!API_VERSION.test(a) || a.length > HELM_PROFILE_RULES.apiVersionMaxLength)
      out.push(bad(`API version ${clip(a)} is not group/version or group/version/Kind`));
  for (const v of p.valuesFiles) if (!SAFE_REL(v)) out.push(bad(`values file ${clip(v)} is not a repository-relative path without . or .. segments`));
  return out;
}

interface Copied {
  tree: Map<string, string>;
  problems: HelmProblem[];
  /** The bytes of every `.tgz` copied, by repository-relative path (their schemas are checked, {@link archiveSchemaProblems}). */
  archives?: Map<string, Buffer>;
}

/** Subchart archives nested deeper than this inside an archive are refused. */
const MAX_ARCHIVE_DEPTH = 10;

const cstr = (b: Buffer, from: number, len: number) => {
  const part = b.subarray(from, from + len);
  const nul = part.indexOf(0);
  return (nul === -1 ? part : part.subarray(0, nul)).toString('utf8');
};

/**
 * The `values.schema.json` files of a gzipped tar archive (a `.tgz` subchart, as Helm's loader
 * reads it: pkg/chart/loader/archive.go), with the schemas of the `.tgz` archives inside it, by
 * their path in the archive (`db/values.schema.json`, `db/charts/x-1.0.0.tgz!x/values.schema.json`).
 * Entry names are read as Go's archive/tar reads them (ustar prefix, GNU long names `L`, PAX `path`).
 * Throws an Error when the archive is not gzip, passes `maxBytes` unpacked, is not a tar, or nests
 * archives deeper than {@link MAX_ARCHIVE_DEPTH}.
 */
function archiveSchemas(data: Buffer, maxBytes: number, depth = 0, at = ''): { path: string; text: string }[] {
  if (depth > MAX_ARCHIVE_DEPTH) throw new Error(`archives nested more than ${MAX_ARCHIVE_DEPTH} deep`);
  const tar = gunzipSync(data, { maxOutputLength: maxBytes });
  const out: { path: string; text: string }[] = [];
  let longName: string | undefined;
  let paxPath: string | undefined;
  for (let off = 0; off + 512 <= tar.length;) {
    const h = tar.subarray(off, off + 512);
    if (h.every((x) => x === 0)) break;
    const size = parseInt(cstr(h, 124, 12).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0 || off + 512 + size > tar.length) throw new Error('not a tar archive Helm could read');
    const type = String.fromCharCode(h[156]!);
    const body = tar.subarray(off + 512, off + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = cstr(body, 0, body.length);
      continue;
    }
    if (type === 'x') {
      for (const rec of body.toString('utf8').split('\n')) {
        const m = /^\d+ path=(.*)$/.exec(rec);
        if (m) paxPath = m[1];
      }
      continue;
    }
    if (type === 'g' || type === 'K') continue;
    const prefix = cstr(h, 345, 155);
    const name = paxPath ?? longName ?? (prefix ? `${prefix}/${cstr(h, 0, 100)}` : cstr(h, 0, 100));
    paxPath = longName = undefined;
    if (type !== '0' && type !== '\0' && type !== '7') continue;
    const base = name.slice(name.lastIndexOf('/') + 1);
    if (base === 'values.schema.json') out.push({ path: `${at}${name}`, text: body.toString('utf8') });
    else if (name.endsWith('.tgz')) out.push(...archiveSchemas(body, maxBytes, depth + 1, `${at}${name}!`));
  }
  return out;
}

/** The schema problems of the `.tgz` archives of `charts` (see {@link findHelmCharts}, `schema-remote-ref`), at the archive. */
function archiveSchemaProblems(charts: readonly HelmChart[], archives: ReadonlyMap<string, Buffer>): HelmProblem[] {
  const out: HelmProblem[] = [];
  for (const c of charts)
    for (const a of c.archives) {
      let schemas;
      try {
        schemas = archiveSchemas(archives.get(a) ?? Buffer.alloc(0), MAX_CHART_BYTES);
      } catch (e) {
        out.push({
          code: 'subchart-archive',
          severity: 'error',
          file: a,
          line: 1,
          message: `subchart archive ${a} cannot be checked: ${clip((e as Error).message)}`,
        });
        continue;
      }
      for (const s of schemas) {
        const refs = remoteReferences(s.text);
        if (refs === undefined || refs.length > 0)
          out.push({
            code: 'schema-remote-ref',
            severity: 'error',
            file: a,
            line: 1,
            message:
              refs === undefined
                ? `values schema ${clip(s.path)} in subchart archive ${a} is not strict JSON: Helm might still read it and load the references in it`
                : `values schema ${clip(s.path)} in subchart archive ${a} has ${refs.map((r) => `${r.key} ${clip(r.value)}`).join(', ')}: Helm would load it from there; kube-immutable renders without network or outside files`,
          });
      }
    }
  return out;
}

/**
 * Copy the regular files of `repoRoot/rel` (a folder) into `dest`, reading with lstat: a link or
 * special file anywhere is a problem (and not copied); every path on the way from the root must be
 * a real folder inside the repository. The texts land in `tree` under repository-relative paths.
 */
function copyFolder(repoRoot: string, rel: string, dest: string, out: Copied, budget: { files: number; bytes: number }): void {
  const src = rel === '' ? repoRoot : join(repoRoot, ...rel.split('/'));
  let entries;
  try {
    entries = readdirSync(src, { withFileTypes: true });
  } catch (e) {
    out.problems.push({
      code: 'outside-repository',
      severity: 'error',
      file: rel,
      line: 1,
      message: `cannot read the folder ${rel || '.'}: ${(e as Error).message}`,
    });
    return;
  }
  mkdirSync(dest, { recursive: true });
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const r = joinRel(rel, e.name);
    const s = join(src, e.name);
    let st;
    try {
      st = lstatSync(s);
    } catch (err) {
      out.problems.push({ code: 'special-file', severity: 'error', file: r, line: 1, message: `cannot read ${r}: ${(err as Error).message}` });
      continue;
    }
    if (st.isSymbolicLink()) {
      let target = '';
      try {
        target = readlinkSync(s);
      } catch {
        /* unreadable link: its name is enough */
      }
      out.problems.push({
        code: 'symlink',
        severity: 'error',
        file: r,
        line: 1,
        message: `${r} is a symbolic link${target ? ` (to ${clip(target)})` : ''}: Helm would follow it, possibly out of the repository; kube-immutable never follows links — commit the file itself`,
      });
    } else if (st.isDirectory()) copyFolder(repoRoot, r, join(dest, e.name), out, budget);
    else if (st.isFile()) {
      budget.files++;
      budget.bytes += st.size;
      if (budget.files > MAX_CHART_FILES || budget.bytes > MAX_CHART_BYTES) {
        if (!out.problems.some((p) => p.code === 'too-large'))
          out.problems.push({
            code: 'too-large',
            severity: 'error',
            file: r,
            line: 1,
            message: `the chart has more than ${MAX_CHART_FILES} files or ${MAX_CHART_BYTES / 1024 / 1024} MiB: not rendered`,
          });
        continue;
      }
      const data = readFileSync(s);
      writeFileSync(join(dest, e.name), data);
      out.tree.set(r, e.name.endsWith('.tgz') ? '' : data.toString('utf8'));
      if (e.name.endsWith('.tgz')) (out.archives ??= new Map()).set(r, data);
    } else out.problems.push({ code: 'special-file', severity: 'error', file: r, line: 1, message: `${r} is not a regular file or folder: not rendered` });
  }
}

/** A problem when a path on the way from `repoRoot` to `rel` is a link or not where it should be (the chart folder itself, a values file). */
function wayProblem(repoRoot: string, rel: string, kind: 'folder' | 'file'): HelmProblem | undefined {
  const segs = rel === '' ? [] : rel.split('/');
  let abs = repoRoot;
  for (let i = 0; i < segs.length; i++) {
    abs = join(abs, segs[i]!);
    const r = segs.slice(0, i + 1).join('/');
    let st;
    try {
      st = lstatSync(abs);
    } catch {
      return { code: 'outside-repository', severity: 'error', file: rel, line: 1, message: `${rel} does not exist in the repository` };
    }
    if (st.isSymbolicLink())
      return {
        code: 'symlink',
        severity: 'error',
        file: r,
        line: 1,
        message: `${r} is a symbolic link on the way to ${rel}: kube-immutable never follows links`,
      };
    const last = i === segs.length - 1;
    if (last ? (kind === 'file' ? !st.isFile() : !st.isDirectory()) : !st.isDirectory())
      return { code: 'special-file', severity: 'error', file: r, line: 1, message: `${r} is not a ${last ? kind : 'folder'}` };
  }
  try {
    const root = realpathSync(repoRoot);
    const real = realpathSync(join(repoRoot, ...segs));
    if (real !== root && !real.startsWith(root + sep))
      return { code: 'outside-repository', severity: 'error', file: rel, line: 1, message: `${rel || '.'} resolves outside the repository` };
  } catch (e) {
    return { code: 'outside-repository', severity: 'error', file: rel, line: 1, message: `${rel || '.'}: ${(e as Error).message}` };
  }
  return undefined;
}

/**
 * Helm's chart full paths (`app`, `app/charts/db`, and aliases `app/charts/<alias>`) of a chart
 * and its vendored subcharts, to their folders or archives.
 */
function sourcePrefixes(root: HelmChart, byDir: ReadonlyMap<string, HelmChart>): Map<string, { dir?: string; archive?: string }> {
  const out = new Map<string, { dir?: string; archive?: string }>();
  const visit = (c: HelmChart, prefix: string, depth: number) => {
    out.set(prefix, { dir: c.dir });
    if (depth > 20) return;
    for (const d of c.subcharts) {
      const s = byDir.get(d)!;
      if (!s.name) continue;
      visit(s, `${prefix}/charts/${s.name}`, depth + 1);
      for (const dep of c.dependencies) if (dep.alias && dep.name === s.name) visit(s, `${prefix}/charts/${dep.alias}`, depth + 1);
    }
    for (const a of c.archives) {
      const base = a.slice(a.lastIndexOf('/') + 1);
      for (const dep of c.dependencies)
        if (new RegExp(`^${escapeRe(dep.name)}-v?\\d[^/]*\\.tgz$`).test(base)) {
          out.set(`${prefix}/charts/${dep.name}`, { archive: a });
          if (dep.alias) out.set(`${prefix}/charts/${dep.alias}`, { archive: a });
        }
      const guess = /^(.+?)-v?\d[^/]*\.tgz$/.exec(base)?.[1];
      if (guess && !out.has(`${prefix}/charts/${guess}`)) out.set(`${prefix}/charts/${guess}`, { archive: a });
    }
  };
  if (root.name) visit(root, root.name, 0);
  return out;
}

/** Map a Helm chart-relative path (`app/charts/db/templates/x.yaml`) to the repository file, or the archive holding it. */
function mapSource(path: string, prefixes: ReadonlyMap<string, { dir?: string; archive?: string }>, tree: HelmTree): { sourceFile?: string; archive?: string } {
  let best: string | undefined;
  for (const p of prefixes.keys()) if (path.startsWith(`${p}/`) && (!best || p.length > best.length)) best = p;
  if (best === undefined) return {};
  const hit = prefixes.get(best)!;
  if (hit.archive) return { archive: hit.archive };
  const file = joinRel(hit.dir!, path.slice(best.length + 1));
  return tree.has(file) ? { sourceFile: file } : {};
}

/** Split `helm template` output into documents with their Source (a document without one continues the previous Source: a CRD file's later documents). */
export function splitHelmOutput(stdout: string): { text: string; template: string }[] {
  const out: { text: string; template: string }[] = [];
  let current: string[] = [];
  let source = '';
  const flush = () => {
    let lines = current;
    current = [];
    const first = lines.findIndex((l) => l.trim() !== '');
    if (first === -1) return;
    const m = /^# Source: (.+?)\s*$/.exec(lines[first]!);
    if (m) {
      source = m[1]!;
      lines = lines.slice(first + 1);
    }
    while (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
    if (lines.every((l) => l.trim() === '')) return;
    out.push({ text: `${lines.join('\n')}\n`, template: source });
  };
  for (const line of stdout.split(/\r?\n/)) {
    if (/^---\s*$/.test(line)) flush();
    else current.push(line);
  }
  flush();
  return out;
}

/** The first lines of helm's stderr (at most 10 lines, 2,000 characters), control characters made spaces. */
function stderrHead(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 10)
    // eslint-disable-next-line no-control-regex -- control characters of helm's messages are blanked
    .map((l) => l.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' '));
  const t = lines.join('\n');
  return t.length > 2000 ? `${t.slice(0, 2000)}…` : t;
}

/**
 * Render one chart: check it, copy it (with its `charts/`) into a temporary folder, and run
 * `helm template <release> <copy> --namespace <ns> [--values <copy of each values file>]
 * [--kube-version v] [--api-versions a]... [--include-crds] [--skip-tests]` in the sandbox of
 * src/render/run.ts (https://helm.sh/docs/helm/helm_template/). Never with
 * `--dependency-update`, `--post-renderer`, `--enable-dns`, `--repo`, `--devel`, `--set-file` or a
 * server dry run: nothing is fetched, no plugin or program runs, no DNS is asked.
 *
 * Refused before the run (problems with file and line, `rendered: false`): a symbolic link or
 * special file anywhere in the chart folder or on the way to it or to a values file (lstat), a
 * path resolving outside the repository, more than {@link MAX_CHART_FILES} files or
 * {@link MAX_CHART_BYTES}, an invalid profile, with `includeCrds` a CRD file holding a line that
 * starts `# Source:` (it would pass its documents off as another file's), and the error problems of {@link findHelmCharts}
 * for the chart and its vendored subcharts (read from the copy), and a `values.schema.json` in a
 * `.tgz` subchart (nested archives too) with such a reference, not strict JSON, or an archive that
 * cannot be read (`subchart-archive` error). A run that fails, times out or
 * passes the output budget gives a `render-*` problem with helm's first stderr lines, placed at
 * the template file and line helm names when it names one (`app/templates/x.yaml:12`), else at
 * the chart's Chart.yaml. Each output document becomes a {@link HelmObject} mapped to its
 * repository file. The temporary folder is removed. Rejects only when the helm binary cannot be
 * started (the Node system error of runEngine).
 */
export async function renderHelmChart(opts: RenderHelmOptions): Promise<HelmRender> {
  const profile: ResolvedHelmProfile = { ...DEFAULT_HELM_PROFILE, ...stripUndefined(opts.profile ?? {}) };
  const chartDir = opts.chartDir;
  const chartFile = joinRel(chartDir, 'Chart.yaml');
  const result: HelmRender = {
    chart: { dir: chartDir, name: undefined },
    profile,
    engine: { version: opts.engine.version, major: opts.engine.major },
    rendered: false,
    objects: [],
    problems: [],
  };
  if (chartDir !== '' && !SAFE_REL(chartDir)) {
    result.problems.push({
      code: 'outside-repository',
      severity: 'error',
      file: chartDir,
      line: 1,
      message: `${clip(chartDir)} is not a repository-relative folder`,
    });
    return result;
  }
  result.problems.push(...profileProblems(profile, chartFile));
  const way = wayProblem(opts.repoRoot, chartDir, 'folder');
  if (way) result.problems.push(way);
  for (const v of profile.valuesFiles) {
    if (!SAFE_REL(v)) continue;
    const w = wayProblem(opts.repoRoot, v, 'file');
    if (w) result.problems.push(w);
  }
  if (result.problems.some((p) => p.severity === 'error')) return result;

  const temp = mkdtempSync(join(tmpdir(), 'kube-immutable-helm-'));
  try {
    const copied: Copied = { tree: new Map(), problems: [] };
    const budget = { files: 0, bytes: 0 };
    const chartCopy = join(temp, 'chart');
    copyFolder(opts.repoRoot, chartDir, chartCopy, copied, budget);
    const valuesCopies: string[] = [];
    for (const [rel, text] of opts.overrides ?? []) {
      const inChart = under(chartDir, rel);
      if (inChart === undefined || !copied.tree.has(rel)) continue;
      writeFileSync(join(chartCopy, ...inChart.split('/')), text);
      copied.tree.set(rel, text);
    }
    profile.valuesFiles.forEach((v, i) => {
      const override = opts.overrides?.get(v);
      const data = override !== undefined ? Buffer.from(override, 'utf8') : readFileSync(join(opts.repoRoot, ...v.split('/')));
      budget.bytes += data.length;
      const dest = join(temp, 'values', `${i}.yaml`);
      mkdirSync(join(temp, 'values'), { recursive: true });
      writeFileSync(dest, data);
      valuesCopies.push(dest);
    });
    (opts.extraValues ?? []).forEach((text, i) => {
      mkdirSync(join(temp, 'values'), { recursive: true });
      const dest = join(temp, 'values', `extra-${i}.yaml`);
      budget.bytes += Buffer.byteLength(text);
      writeFileSync(dest, text);
      valuesCopies.push(dest);
    });
    if (budget.bytes > MAX_CHART_BYTES && !copied.problems.some((p) => p.code === 'too-large'))
      copied.problems.push({
        code: 'too-large',
        severity: 'error',
        file: chartFile,
        line: 1,
        message: `the chart and its values files pass ${MAX_CHART_BYTES / 1024 / 1024} MiB: not rendered`,
      });
    result.problems.push(...copied.problems);

    const charts = findHelmCharts(copied.tree);
    const byDir = new Map(charts.map((c) => [c.dir, c]));
    const root = byDir.get(chartDir);
    if (!root) {
      result.problems.push({ code: 'chart-yaml', severity: 'error', file: chartFile, line: 1, message: `${chartDir || '.'} holds no Chart.yaml` });
      return result;
    }
    result.chart.name = root.name;
    const closure: HelmChart[] = [];
    const collect = (c: HelmChart) => {
      closure.push(c);
      for (const d of c.subcharts) collect(byDir.get(d)!);
    };
    collect(root);
    for (const c of closure) result.problems.push(...c.problems);
    result.problems.push(...archiveSchemaProblems(closure, copied.archives ?? new Map()));
    // Helm prints a CRD file whole after one `# Source:` line: a `# Source:` line of its own would pass its documents off as another file's.
    if (profile.includeCrds)
      for (const c of closure)
        for (const f of c.crds) {
          const line = (copied.tree.get(f) ?? '').split('\n').findIndex((l) => /^# Source:/.test(l));
          if (line >= 0)
            result.problems.push({
              code: 'crd-source-line',
              severity: 'error',
              file: f,
              line: line + 1,
              message:
                'a CRD file with a line starting "# Source:" would make its documents look like another file\'s in helm template output: remove the line, or render without --include-crds',
            });
        }
    if (result.problems.some((p) => p.severity === 'error')) return result;

    const args = ['template', profile.releaseName, chartCopy, `--namespace=${profile.namespace}`];
    for (const v of valuesCopies) args.push(`--values=${v}`);
    if (profile.kubeVersion) args.push(`--kube-version=${profile.kubeVersion}`);
    for (const a of profile.apiVersions) args.push(`--api-versions=${a}`);
    if (profile.includeCrds) args.push('--include-crds');
    if (profile.skipTests) args.push('--skip-tests');
    const run = await runEngine(opts.engine.path, args, {
      cwd: temp,
      timeoutMs: opts.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS,
      maxOutputBytes: opts.maxOutputBytes ?? DEFAULT_RENDER_OUTPUT_BYTES,
    });
    const prefixes = sourcePrefixes(root, byDir);
    if (run.timedOut || run.truncated || run.code !== 0) {
      const head = stderrHead(run.stderr);
      const named = /(?:^|[\s(])([^\s():]+\/(?:templates|crds)\/[^\s():]+):(\d+)/m.exec(run.stderr);
      const mapped = named ? mapSource(named[1]!, prefixes, copied.tree) : {};
      const code = run.timedOut ? 'render-timeout' : run.truncated ? 'render-output-limit' : 'render-failed';
      const what = run.timedOut
        ? `helm template did not finish within ${(opts.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS) / 1000} s`
        : run.truncated
          ? `helm template printed more than ${(opts.maxOutputBytes ?? DEFAULT_RENDER_OUTPUT_BYTES) / 1024 / 1024} MiB`
          : `helm template failed (exit ${run.code ?? 'signal'})`;
      result.problems.push({
        code,
        severity: 'error',
        file: mapped.sourceFile ?? mapped.archive ?? chartFile,
        line: mapped.sourceFile && named ? Number(named[2]) : 1,
        message: head ? `${what}: ${head}` : what,
      });
      return result;
    }
    const counts = new Map<string, number>();
    for (const d of splitHelmOutput(run.stdout)) {
      const n = counts.get(d.template) ?? 0;
      counts.set(d.template, n + 1);
      const m = d.template ? mapSource(d.template, prefixes, copied.tree) : {};
      result.objects.push({ text: d.text, template: d.template, sourceFile: m.sourceFile, archive: m.archive, documentIndex: n });
    }
    result.rendered = true;
    return result;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
