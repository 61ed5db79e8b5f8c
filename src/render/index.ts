/**
 * The render layer's entry for a scan: which files of a tree belong to Helm charts (and so are
 * not plain manifests), render each chart with the engine found, and analyse the rendered
 * objects with their findings on the source lines (analyse.ts). A chart that cannot be rendered
 * is a visible `file-not-scanned` finding, never a silent pass.
 */
import { notScannedFinding, type AnyPolicy, type EngineOptions, type Finding, type RunResult } from '../engine/index.js';
import { analyseRendered, type RenderedUnit } from './analyse.js';
import { findRenderEngines, type EngineLookup, type FoundEngines } from './engines.js';
import { findHelmCharts, helmFileRoles, renderHelmChart, type HelmProblem } from './helm.js';
import { analyseKustomize, buildKustomization, kustomizeClosure, kustomizeRootsFor, type KustomizeProblem } from './kustomize.js';
import { refusedAmong, refusedInFolder, type RefusedPaths } from './refused.js';

export { analyseRendered, templateRange, type RenderedObject, type RenderedUnit, type SourceReader } from './analyse.js';
export { attributeOffset } from './attribute.js';
export { findRenderEngines, type EngineLookup, type FoundEngines } from './engines.js';
export type { HelmEngine, KustomizeEngine } from './types.js';
export type { RefusedPath, RefusedPaths } from './refused.js';

/** What a scan renders, and how. */
export interface RenderOptions {
  /** The absolute folder repository-relative paths start from (the CLI's working folder). */
  repoRoot: string;
  /** Where the engines are (names given by the user, the PATH to search). */
  engines: EngineLookup;
  /**
   * Only the charts holding one of these files and the roots whose closure holds one (a pull
   * request's changed files); absent: every chart and root of the tree.
   */
  changed?: ReadonlySet<string>;
  /**
   * Paths of the tree that were not read as regular files (links and submodules of a commit read
   * from git objects, files past a budget), each a key of the tree with text `''`: a chart holding
   * one, or a root whose closure names one, is not rendered (a `renderProblem` finding at it).
   */
  refused?: RefusedPaths;
}

/** What {@link renderForScan} gives the scan. */
export interface RenderForScan {
  /** Files (repository-relative) that are not objects (chart files, kustomizations, patches, generator sources): keep them out of the plain-YAML scan. */
  excluded: ReadonlySet<string>;
  /** Resource files of the Kustomize roots built: scanned plainly AND through the builds (see {@link renderReconciler}). */
  resources: ReadonlySet<string>;
  /** Findings on the rendered objects (on their source lines), and the visible problems of renders. */
  result: RunResult;
  /** The engines found, and problems with engines the user named. */
  engines: FoundEngines;
  /** How many charts were rendered, and how many objects they gave. */
  rendered: { charts: number; objects: number };
}

/** A `file-not-scanned` finding for a render problem (at its file and line), or undefined when the check is off. */
function problemFinding(
  p: (HelmProblem | (KustomizeProblem & { severity?: undefined })) & { column?: number },
  what: string,
  policies: readonly AnyPolicy[],
  opts: EngineOptions,
): Finding | undefined {
  const range = { start: { line: p.line, column: p.column ?? 1, offset: 0 }, end: { line: p.line, column: p.column ?? 1, offset: 0 } };
  const raw = notScannedFinding(p.file, 'renderProblem', { what, message: p.message }, range, `${p.code}:${p.line}`, policies, opts);
  return raw && (p.severity === 'warning' ? { ...raw.finding, severity: 'warning' as const } : raw.finding);
}

const FILE_START = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/**
 * For the files of `tree` (repository-relative path → text; binary files may be '\0'): find the
 * Helm charts (src/render/helm.ts; vendored subcharts render with their parent) and the
 * Kustomize roots (src/render/kustomize.ts), render each top-level chart with its default
 * profile (its own values.yaml) and build each root when an engine is found (`opts.engines`),
 * and analyse the objects with `policies`. Every file of a chart, every kustomization, patch and
 * generator source is in `excluded`; the resource files of each root built are in `resources`. A chart without an engine, refused or failing to render is a `file-not-scanned`
 * finding (`notRendered` at its Chart.yaml, `renderProblem` at the file and line of the
 * problem); warnings (a `.tgz` subchart not looked into) are warning findings. Rejects only when
 * a found engine cannot be started.
 */
export async function renderForScan(
  tree: ReadonlyMap<string, string>,
  policies: readonly AnyPolicy[],
  engine: EngineOptions,
  opts: RenderOptions,
): Promise<RenderForScan> {
  const excluded = new Set(helmFileRoles(tree).keys());
  const changed = opts.changed;
  const inChart = (dir: string) => (p: string) => dir === '' || p.startsWith(`${dir}/`);
  const charts = findHelmCharts(tree).filter((c) => c.parent === undefined && (!changed || [...changed].some(inChart(c.dir))));
  const kustomize = analyseKustomize(tree);
  const roots = changed ? kustomizeRootsFor(kustomize, changed) : kustomize.roots;
  // Kustomizations, patches and generator sources are never objects; resources are (scanned plainly).
  for (const [path, roles] of kustomize.roles) if (!roles.includes('resource')) excluded.add(path);
  const resources = new Set<string>();
  const empty: RenderForScan = {
    excluded,
    resources,
    result: { files: [], findings: [], fixes: [] },
    engines: { helm: undefined, kustomize: undefined, problems: [] },
    rendered: { charts: 0, objects: 0 },
  };
  if (charts.length === 0 && roots.length === 0) return empty;
  const engines = await findRenderEngines(opts.engines);
  const findings: Finding[] = [];
  const units: RenderedUnit[] = [];
  for (const chart of charts) {
    const what = chart.name ? `The Helm chart "${chart.name}" at ${chart.dir || '.'}` : `The Helm chart at ${chart.dir || '.'}`;
    if (!engines.helm) {
      const reason = engines.problems.find((p) => p.startsWith('helm ')) ?? 'no helm binary was found on PATH';
      const remedy = 'install Helm 3 or 4 (or name it with --helm), or scan with --no-render to check its files as plain YAML.';
      const raw = notScannedFinding(chart.chartFile, 'notRendered', { what, reason, remedy }, FILE_START, 'no-helm', policies, engine);
      if (raw) findings.push(raw.finding);
      continue;
    }
    const refusal = refusedInFolder(opts.refused, chart.dir);
    if (refusal) {
      const f = problemFinding(refusal, `${what} (helm template)`, policies, engine);
      if (f) findings.push(f);
      continue;
    }
    const r = await renderHelmChart({ engine: engines.helm, repoRoot: opts.repoRoot, chartDir: chart.dir });
    for (const p of r.problems) {
      const f = problemFinding(p, `${what} (helm template, ${r.profile.name} values)`, policies, engine);
      if (f) findings.push(f);
    }
    if (!r.rendered) continue;
    units.push({
      kind: 'helm',
      root: chart.dir,
      label: `helm template ${chart.dir || '.'}`,
      profile: r.profile.name,
      objects: r.objects.map((o) => ({ text: o.text, sourceFile: o.sourceFile })),
    });
  }
  for (const root of roots) {
    const dir = root.includes('/') ? root.slice(0, root.lastIndexOf('/')) : '.';
    const what = `The Kustomize root ${dir}`;
    if (!engines.kustomize) {
      const reason = engines.problems.find((p) => p.startsWith('kustomize ') || p.startsWith('kubectl ')) ?? 'neither kustomize nor kubectl was found on PATH';
      const remedy = 'install kustomize or kubectl (or name one with --kustomize / --kubectl), or scan with --no-render to check its resources as plain YAML.';
      const raw = notScannedFinding(root, 'notRendered', { what, reason, remedy }, FILE_START, 'no-kustomize', policies, engine);
      if (raw) findings.push(raw.finding);
      continue;
    }
    const within = kustomizeClosure(kustomize, root);
    const refusal = refusedAmong(opts.refused, [...within.kustomizations, ...within.files]);
    if (refusal) {
      const f = problemFinding(refusal, `${what} (kustomize build)`, policies, engine);
      if (f) findings.push(f);
      continue;
    }
    const b = await buildKustomization(engines.kustomize, kustomize, root, opts.repoRoot);
    for (const p of b.problems) {
      const f = problemFinding(p, `${what} (kustomize build)`, policies, engine);
      if (f) findings.push(f);
    }
    if (b.objects.length === 0) continue;
    // Built: its resource files are scanned plainly too (their findings carry fixes), and the
    // scan keeps what the builds confirm (see renderReconciler).
    const closure = kustomizeClosure(kustomize, root);
    for (const f of closure.files) if (kustomize.roles.get(f)?.includes('resource')) resources.add(f);
    // Patches in application order, roughly: bases' first (kustomizations deepest last in the closure), the root's last.
    const patches = [...closure.kustomizations].reverse().flatMap(
      (k) =>
        kustomize.kustomizations
          .get(k)
          ?.references.filter((r) => r.role === 'patch' && !r.folder)
          .map((r) => r.path) ?? [],
    );
    units.push({
      kind: 'kustomize',
      root: dir,
      label: `kustomize build ${dir}`,
      objects: b.objects.map((o) => ({ text: o.text, sourceFile: o.sourceFile })),
      patches: [...new Set(patches)],
    });
  }
  const analysed = analyseRendered(units, policies, engine, (p) => tree.get(p));
  return {
    excluded,
    resources,
    result: { ...analysed, findings: [...findings, ...analysed.findings] },
    engines,
    rendered: { charts: units.length, objects: units.reduce((n, u) => n + u.objects.length, 0) },
  };
}

/** Where a finding is, for matching a plain finding with a rendered one: policy, file, line. */
const placeKey = (f: Finding) => `${f.policyId}\0${f.file}\0${f.range.start.line}`;

/** See {@link renderReconciler}. */
export interface RenderReconciler {
  /** A part of the plain scan with the findings on resource files that no build confirms left out (fix groups of those files are kept). */
  plain(part: RunResult): RunResult;
  /** The rendered findings that no plain finding already gives (after every plain part went through {@link plain}), and the render problems. */
  rest(): RunResult;
}

/**
 * Join a plain scan with the renders of {@link renderForScan}, part by part (parts in any
 * order, each once): a plain finding on a resource file of a built Kustomize root is kept only
 * when a build gives the same policy's finding at the same line (the object as deployed has the
 * problem; the plain finding carries the fix), else it is left out (every build fixes it, e.g. an
 * overlay patch sets the field); a rendered finding is left out when a plain finding at the same
 * place was kept (the plain one has the fix), else kept (a problem an overlay introduced: no fix
 * yet). Findings on other files pass unchanged.
 */
export function renderReconciler(r: Pick<RenderForScan, 'resources' | 'result'>): RenderReconciler {
  // Each place a build confirms, with the builds that do (as the rendered message names them).
  const confirmed = new Map<string, string>();
  for (const f of r.result.findings) confirmed.set(placeKey(f), /\(rendered by ([^)]*)\)$/.exec(f.message)?.[1] ?? '');
  const given = new Set<string>();
  return {
    plain(part) {
      let changed = false;
      const findings = part.findings.flatMap((f) => {
        if (!r.resources.has(f.file)) return [f];
        changed = true;
        const builds = confirmed.get(placeKey(f));
        if (builds === undefined) return [];
        given.add(placeKey(f));
        return [builds ? { ...f, message: `${f.message} (rendered by ${builds})` } : f];
      });
      return changed ? { ...part, findings } : part;
    },
    rest() {
      return { ...r.result, findings: r.result.findings.filter((f) => !given.has(placeKey(f))) };
    },
  };
}
