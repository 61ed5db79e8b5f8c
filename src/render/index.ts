/**
 * The render layer's entry for a scan: which files of a tree belong to Helm charts (and so are
 * not plain manifests), render each chart with the engine found, and analyse the rendered
 * objects with their findings on the source lines (analyse.ts). A chart that cannot be rendered
 * is a visible `file-not-scanned` finding, never a silent pass.
 */
import { notScannedFinding, type AnyPolicy, type EngineOptions, type Finding, type RunResult } from '../engine/index.js';
import { analyseRendered, type RenderedUnit } from './analyse.js';
import { findRenderEngines, type EngineLookup, type FoundEngines } from './engines.js';
import { findHelmCharts, helmFileRoles, renderHelmChart, type HelmProblem, type HelmProfile } from './helm.js';
import { keepFixesEveryProfileProves, proveHelmValuesFixes, startValuesProbe, type HelmValuesFixes } from './helm-fix.js';
import { analyseKustomize, buildKustomization, kustomizeClosure, kustomizeRootsFor, type KustomizeAnalysis, type KustomizeProblem } from './kustomize.js';
import { keepProvenPlainFixes, proveKustomizeFixes, withPatchFixes, type BuiltRoot, type KustomizeFixes } from './kustomize-fixes.js';
import { refusedAmong, refusedInFolder, type RefusedPaths } from './refused.js';
import { inlinePatch, parseOnce, type InlinePatch } from './attribute.js';
import type { KustomizeEngine } from './types.js';

export { analyseRendered, templateRange, type RenderedObject, type RenderedUnit, type SourceReader } from './analyse.js';
export { attributeOffset } from './attribute.js';
export { findRenderEngines, type EngineLookup, type FoundEngines } from './engines.js';
export type { HelmEngine, KustomizeEngine } from './types.js';
export type { HelmProfile } from './helm.js';
export type { RefusedPath, RefusedPaths } from './refused.js';

/** A chart's render profiles (the configuration's `render.helm.charts`). */
export interface HelmChartProfiles {
  /** The chart folder, repository-relative POSIX (`charts/web`; `.` or `''` for the repository root). */
  path: string;
  /** Each is rendered (`helm template` once per profile); its `name` labels the render. Empty: the default profile. */
  profiles: readonly HelmProfile[];
}

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
   * The charts with render profiles: a chart listed renders once per profile, a chart not listed
   * once with the default profile (its own values.yaml). A profile's values files are chart files
   * (in `excluded`), and a changed one selects its chart under `changed`. Absent: none listed.
   */
  helmCharts?: readonly HelmChartProfiles[];
  /**
   * Paths of the tree that were not read as regular files (links and submodules of a commit read
   * from git objects, files past a budget), each a key of the tree with text `''`: a chart holding
   * one, or a root whose closure names one, is not rendered (a `renderProblem` finding at it).
   */
  refused?: RefusedPaths;
  /**
   * Wall-clock budget (ms) of the renders that prove Helm values fixes, for the whole scan
   * (default {@link DEFAULT_PROOF_BUDGET_MS}): counted from the start of renderForScan, no proof
   * render starts after it and one under way is cut at it; the fixes left say so. The renders
   * that give findings are not bounded by it.
   */
  proofBudgetMs?: number;
}

/** Default of {@link RenderOptions.proofBudgetMs}: 2 minutes. */
export const DEFAULT_PROOF_BUDGET_MS = 120_000;

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
  /** How many renders there were (a chart once per profile, a Kustomize root once), and how many objects they gave. */
  rendered: { charts: number; objects: number };
  /** What the rebuilds said of the fixes of Kustomize files (src/render/kustomize-fixes.ts); undefined when no root was built. */
  kustomizeFixes?: KustomizeFixes;
}

/**
 * A `file-not-scanned` finding for a render problem (at its file and line), or undefined when the
 * check is off. `variant` (a profile's ` (prod)`) keeps the fingerprints of two renders of one chart apart.
 */
function problemFinding(
  p: (HelmProblem | (KustomizeProblem & { severity?: undefined })) & { column?: number },
  what: string,
  policies: readonly AnyPolicy[],
  opts: EngineOptions,
  variant = '',
): Finding | undefined {
  const range = { start: { line: p.line, column: p.column ?? 1, offset: 0 }, end: { line: p.line, column: p.column ?? 1, offset: 0 } };
  const raw = notScannedFinding(p.file, 'renderProblem', { what, message: p.message }, range, `${p.code}:${p.line}${variant}`, policies, opts);
  return raw && (p.severity === 'warning' ? { ...raw.finding, severity: 'warning' as const } : raw.finding);
}

const FILE_START = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/**
 * For the files of `tree` (repository-relative path → text; binary files may be '\0'): find the
 * Helm charts (src/render/helm.ts; vendored subcharts render with their parent) and the
 * Kustomize roots (src/render/kustomize.ts), render each top-level chart once per profile of
 * `opts.helmCharts` (label `helm template charts/web (prod)`), or with the default profile (its
 * own values.yaml, label `helm template charts/web`) when it has none, and build each root, when
 * an engine is found (`opts.engines`); analyse the objects with `policies`. Every file of a
 * chart (and every values file a profile names), every kustomization, patch and generator source
 * is in `excluded`; the resource files of each root built are in `resources`. A chart without an
 * engine, refused or failing to render is a `file-not-scanned` finding (`notRendered` at its
 * Chart.yaml, `renderProblem` at the file and line of the problem, naming the profile); warnings
 * (a `.tgz` subchart not looked into, profiles given for a subchart) are warning findings.
 * Rejects only when a found engine cannot be started.
 */
export async function renderForScan(
  tree: ReadonlyMap<string, string>,
  policies: readonly AnyPolicy[],
  engine: EngineOptions,
  opts: RenderOptions,
): Promise<RenderForScan> {
  const deadline = Date.now() + (opts.proofBudgetMs ?? DEFAULT_PROOF_BUDGET_MS);
  const excluded = new Set(helmFileRoles(tree).keys());
  const changed = opts.changed;
  const profilesOf = new Map<string, readonly HelmProfile[]>();
  for (const c of opts.helmCharts ?? []) {
    if (c.profiles.length > 0) profilesOf.set(c.path === '.' ? '' : c.path, c.profiles);
    // Values files are chart files wherever they are (those outside the chart folder too).
    for (const p of c.profiles) for (const v of p.valuesFiles ?? []) excluded.add(v);
  }
  const inChart = (dir: string) => (p: string) =>
    dir === '' || p.startsWith(`${dir}/`) || (profilesOf.get(dir) ?? []).some((profile) => profile.valuesFiles?.includes(p));
  const allCharts = findHelmCharts(tree);
  const charts = allCharts.filter((c) => c.parent === undefined && (!changed || [...changed].some(inChart(c.dir))));
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
  // Profiles of a subchart would never be used (it renders with its parent): say so.
  for (const c of allCharts)
    if (c.parent !== undefined && profilesOf.has(c.dir) && (!changed || [...changed].some(inChart(c.dir)))) {
      const message = `render profiles are configured for ${c.dir}, a subchart: it renders with its parent ${c.parent || '.'}; give the profiles for the parent chart`;
      const f = problemFinding(
        { code: 'bad-profile', severity: 'warning', file: c.chartFile, line: 1, message },
        `The Helm chart at ${c.dir}`,
        policies,
        engine,
      );
      if (f) findings.push(f);
    }
  const built: BuiltRoot[] = [];
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
    const profiles = profilesOf.get(chart.dir);
    const proofs: { profile: string; valuesFiles: readonly string[]; fixes: HelmValuesFixes }[] = [];
    for (const profile of profiles ?? [undefined]) {
      // The values probe (src/render/helm-fix.ts) runs beside the chart's own render.
      const probe = startValuesProbe({ engine: engines.helm, repoRoot: opts.repoRoot, chartDir: chart.dir, profile, tree });
      const [r] = await Promise.all([renderHelmChart({ engine: engines.helm, repoRoot: opts.repoRoot, chartDir: chart.dir, profile }), probe?.render]);
      const named = profile ? ` (${r.profile.name})` : '';
      for (const p of r.problems) {
        const f = problemFinding(p, `${what} (helm template, ${profile ? `profile ${r.profile.name}` : 'default values'})`, policies, engine, named);
        if (f) findings.push(f);
      }
      if (!r.rendered) continue;
      const valuesFixes = await proveHelmValuesFixes({
        engine: engines.helm,
        repoRoot: opts.repoRoot,
        chartDir: chart.dir,
        profile,
        tree,
        objects: r.objects,
        pathOf: (o) => o.sourceFile ?? chart.dir,
        policies,
        engineOptions: engine,
        probe,
        deadline,
      });
      proofs.push({ profile: r.profile.name, valuesFiles: r.profile.valuesFiles, fixes: valuesFixes });
      units.push({
        kind: 'helm',
        root: chart.dir,
        label: `helm template ${chart.dir || '.'}${named}`,
        profile: r.profile.name,
        // The same objects the values fixes ran the policies on (runRendered keeps their runs).
        objects: r.objects,
        valuesFixes,
      });
    }
    // A values file several profiles read: its fixes must hold in each of them.
    keepFixesEveryProfileProves(proofs, chart.dir, tree);
  }
  // The builds run two at a time (each is a process), started before the loop reads them in order.
  const kustomizeEngine = engines.kustomize;
  const buildsOf = new Map<string, Promise<Awaited<ReturnType<typeof buildKustomization>>>>();
  if (kustomizeEngine) {
    const queue = roots.filter((root) => {
      const within = kustomizeClosure(kustomize, root);
      return !refusedAmong(opts.refused, [...within.kustomizations, ...within.files]);
    });
    const lanes: Promise<unknown>[] = [Promise.resolve(), Promise.resolve()];
    queue.forEach((root, i) => {
      const lane = i % 2;
      const p = lanes[lane]!.then(() => buildKustomization(kustomizeEngine, kustomize, root, opts.repoRoot));
      // The catch also marks a failure as handled until the loop awaits it (an engine that cannot start rejects there).
      lanes[lane] = p.catch(() => undefined);
      buildsOf.set(root, p);
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
    const b = await (buildsOf.get(root) ?? buildKustomization(engines.kustomize, kustomize, root, opts.repoRoot));
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
    const unit: RenderedUnit = {
      kind: 'kustomize',
      root: dir,
      label: `kustomize build ${dir}`,
      objects: b.objects.map((o) => ({ text: o.text, sourceFile: o.sourceFile })),
      patches: [...new Set(patches)],
      inlinePatches: [...closure.kustomizations].reverse().flatMap((k) => inlinePatchesOf(k, tree.get(k))),
    };
    units.push(unit);
    built.push({ root, closure: new Set([...closure.kustomizations, ...closure.files]), unit });
  }
  const analysed = analyseRendered(units, policies, engine, (p) => tree.get(p));
  const kustomizeFixes = await proveBuiltFixes(engines.kustomize, kustomize, built, resources, tree, policies, engine, opts);
  const withFixes = kustomizeFixes ? withPatchFixes(analysed, kustomizeFixes) : analysed;
  return {
    excluded,
    resources,
    result: { ...withFixes, findings: [...findings, ...withFixes.findings] },
    engines,
    rendered: { charts: units.length, objects: units.reduce((n, u) => n + u.objects.length, 0) },
    ...(kustomizeFixes ? { kustomizeFixes } : {}),
  };
}

/**
 * The fixes of the Kustomize files of the roots `built`, proven by building them again with the
 * edited files (src/render/kustomize-fixes.ts); undefined when no root was built.
 */
async function proveBuiltFixes(
  engine: KustomizeEngine | undefined,
  analysis: KustomizeAnalysis,
  built: readonly BuiltRoot[],
  resources: ReadonlySet<string>,
  tree: ReadonlyMap<string, string>,
  policies: readonly AnyPolicy[],
  opts: EngineOptions,
  render: RenderOptions,
): Promise<KustomizeFixes | undefined> {
  if (!engine || built.length === 0) return undefined;
  return proveKustomizeFixes({ engine, analysis, repoRoot: render.repoRoot, policies, opts, read: (p) => tree.get(p) }, built, resources);
}

/**
 * The inline patches of a kustomization, in its order: `patches[].patch` strings and the inline
 * `patchesStrategicMerge` entries, each a literal block scalar (src/render/attribute.ts inlinePatch).
 */
function inlinePatchesOf(file: string, text: string | undefined): InlinePatch[] {
  if (text === undefined) return [];
  const root = parseOnce(text).documents.find((d) => d.root && !d.hasErrors)?.root;
  if (root?.kind !== 'map') return [];
  const nodes = [
    ...(root.get('patches')?.items() ?? []).map((i) => (i.kind === 'map' ? i.get('patch') : undefined)),
    ...(root.get('patchesStrategicMerge')?.items() ?? []).filter((i) => typeof i.value === 'string' && i.value.includes('\n')),
  ];
  return nodes.flatMap((n) => {
    const ip = n && inlinePatch(file, text, n);
    return ip ? [ip] : [];
  });
}

/** Where a finding is, for matching a plain finding with a rendered one: policy, file, line. */
const placeKey = (f: Finding) => `${f.policyId}\0${f.file}\0${f.range.start.line}`;

/** The renders a rendered finding's message names (`kustomize build a, helm template b (prod)`: labels may hold parentheses), or ''. */
function renderedBy(message: string): string {
  const at = message.lastIndexOf(' (rendered by ');
  return at >= 0 && message.endsWith(')') ? message.slice(at + ' (rendered by '.length, -1) : '';
}

/** See {@link renderReconciler}. */
export interface RenderReconciler {
  /** A part of the plain scan with the findings on resource files that no build confirms left out (fix groups of those files are kept). */
  plain(part: RunResult): RunResult;
  /** The rendered findings that no plain finding already gives (after every plain part went through {@link plain}), and the render problems. */
  rest(): RunResult;
  /**
   * A part of the plain scan with only the fixes of resource files that no rebuild confirms
   * dropped (as {@link plain} does), its findings otherwise unchanged and nothing recorded: what
   * `fix` writes.
   */
  proven(part: RunResult): RunResult;
}

/**
 * Join a plain scan with the renders of {@link renderForScan}, part by part (parts in any
 * order, each once): a plain finding on a resource file of a built Kustomize root is kept only
 * when a build gives the same policy's finding at the same line (the object as deployed has the
 * problem; the plain finding carries the fix), else it is left out (every build fixes it, e.g. an
 * overlay patch sets the field); its fix stays only when every rebuild with it confirms it
 * (`r.kustomizeFixes`, else it is dropped with the reason); a rendered finding is left out when
 * a plain finding at the same place was kept (the plain one has the fix), else kept (a problem an
 * overlay introduced, with a fix in the patch that sets the value when a rebuild proves one).
 * Findings on other files pass unchanged.
 */
export function renderReconciler(r: Pick<RenderForScan, 'resources' | 'result' | 'kustomizeFixes'>): RenderReconciler {
  // Each place a build confirms, with the builds that do (as the rendered message names them).
  const confirmed = new Map<string, string>();
  for (const f of r.result.findings) confirmed.set(placeKey(f), renderedBy(f.message));
  const given = new Set<string>();
  return {
    plain(whole) {
      // A plain fix of a resource file stays only when the rebuilds confirm it (kustomize-fixes.ts).
      const part = r.kustomizeFixes ? keepProvenPlainFixes(whole, r.kustomizeFixes) : whole;
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
    proven(part) {
      return r.kustomizeFixes ? keepProvenPlainFixes(part, r.kustomizeFixes) : part;
    },
  };
}
