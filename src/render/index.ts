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
import { analyseKustomize, buildKustomization, kustomizeClosure, type KustomizeProblem } from './kustomize.js';

export { analyseRendered, templateRange, type RenderedObject, type RenderedUnit, type SourceReader } from './analyse.js';
export { attributeOffset } from './attribute.js';
export { findRenderEngines, type EngineLookup, type FoundEngines } from './engines.js';
export type { HelmEngine, KustomizeEngine } from './types.js';

/** What a scan renders, and how. */
export interface RenderOptions {
  /** The absolute folder repository-relative paths start from (the CLI's working folder). */
  repoRoot: string;
  /** Where the engines are (names given by the user, the PATH to search). */
  engines: EngineLookup;
}

/** What {@link renderForScan} gives the scan. */
export interface RenderForScan {
  /** Files (repository-relative) that belong to a chart: keep them out of the plain-YAML scan. */
  excluded: ReadonlySet<string>;
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
 * generator source, and the resources of each root built are in `excluded`. A chart without an engine, refused or failing to render is a `file-not-scanned`
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
  const charts = findHelmCharts(tree).filter((c) => c.parent === undefined);
  const kustomize = analyseKustomize(tree);
  // Kustomizations, patches and generator sources are never objects; resources are, and are
  // scanned plainly unless a root that uses them is built (then through the render).
  for (const [path, roles] of kustomize.roles) if (!roles.includes('resource')) excluded.add(path);
  const empty: RenderForScan = {
    excluded,
    result: { files: [], findings: [], fixes: [] },
    engines: { helm: undefined, kustomize: undefined, problems: [] },
    rendered: { charts: 0, objects: 0 },
  };
  if (charts.length === 0 && kustomize.roots.length === 0) return empty;
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
      objects: r.objects.map((o) => ({ text: o.text, sourceFile: o.sourceFile })),
    });
  }
  for (const root of kustomize.roots) {
    const dir = root.includes('/') ? root.slice(0, root.lastIndexOf('/')) : '.';
    const what = `The Kustomize root ${dir}`;
    if (!engines.kustomize) {
      const reason = engines.problems.find((p) => p.startsWith('kustomize ') || p.startsWith('kubectl ')) ?? 'neither kustomize nor kubectl was found on PATH';
      const remedy = 'install kustomize or kubectl (or name one with --kustomize / --kubectl), or scan with --no-render to check its resources as plain YAML.';
      const raw = notScannedFinding(root, 'notRendered', { what, reason, remedy }, FILE_START, 'no-kustomize', policies, engine);
      if (raw) findings.push(raw.finding);
      continue;
    }
    const b = await buildKustomization(engines.kustomize, kustomize, root, opts.repoRoot);
    for (const p of b.problems) {
      const f = problemFinding(p, `${what} (kustomize build)`, policies, engine);
      if (f) findings.push(f);
    }
    if (b.objects.length === 0) continue;
    // Built: its resources are checked through the render, not again as plain files.
    for (const f of kustomizeClosure(kustomize, root).files) excluded.add(f);
    units.push({ kind: 'kustomize', root: dir, label: `kustomize build ${dir}`, objects: b.objects.map((o) => ({ text: o.text, sourceFile: o.sourceFile })) });
  }
  const analysed = analyseRendered(units, policies, engine, (p) => tree.get(p));
  return {
    excluded,
    result: { ...analysed, findings: [...findings, ...analysed.findings] },
    engines,
    rendered: { charts: units.length, objects: units.reduce((n, u) => n + u.objects.length, 0) },
  };
}
