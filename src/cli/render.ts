import { collectFiles } from '../files.js';
import type { AnyPolicy, EngineOptions, RunResult, SourceFile } from '../engine/index.js';
import type { FileCommandOptions } from './args.js';
import type { CliIO } from './io.js';
import { progressLine } from './progress.js';
import { isRenderRootFile, RENDER_ROOT_GLOBS } from '../render/roots.js';
import type { HelmChartSetting } from '../settings/config-types.js';

/** The files a plain-YAML scan still reads, and how its result meets the renders'. */
export interface RenderStep {
  files: SourceFile[];
  /**
   * Undefined when nothing was rendered or refused; else the plain scan's parts go through
   * `plain`, and `rest()` (after them) gives the rendered findings still to add; `proven` keeps
   * only the fixes of resource files the rebuilds confirm (src/render/index.ts renderReconciler).
   */
  join: { plain: (part: RunResult) => RunResult; rest: () => RunResult; proven: (part: RunResult) => RunResult } | undefined;
  /** The texts of the files outside the plain scan that the renders' fixes edit (a chart's values.yaml), for reports' patches. */
  sources: SourceFile[];
}

/**
 * The render step of `scan` and `fix` (unless `--no-render`): when the collected `files` include
 * a Chart.yaml or a kustomization file, or the scanned paths hold a render-root file the include
 * globs do not collect (an extensionless `Kustomization`), the scanned paths are read whole (every file, for the chart's templates, values and
 * schema), the charts are rendered with the engines found (`--helm`, else `helm` on the PATH of
 * `io.env`; src/render/index.ts) and analysed, and the chart files leave the plain-YAML scan. A
 * named engine that is not usable is said on stderr. Without a Chart.yaml nothing is read or run.
 * `helmCharts` (the configuration's `render.helm.charts`, paths relative to the working folder)
 * are rendered once per profile; their values files leave the plain-YAML scan too. On a terminal,
 * renders that take longer than 2 s show a progress line on stderr (src/cli/progress.ts).
 */
export async function renderStep(
  cmd: FileCommandOptions,
  files: SourceFile[],
  exclude: readonly string[],
  policies: readonly AnyPolicy[],
  engine: EngineOptions,
  io: CliIO,
  helmCharts: readonly HelmChartSetting[] = [],
): Promise<RenderStep> {
  if (!cmd.render || !hasRenderRoot(cmd.paths, files, exclude, io.cwd)) return { files, join: undefined, sources: [] };
  const { renderForScan, renderReconciler } = await import('../render/index.js');
  const tree = new Map(collectFiles(cmd.paths, { include: ['**'], exclude, cwd: io.cwd }).files.map((f) => [f.path, f.text]));
  const progress = progressLine(io, 'rendering Helm charts and Kustomize roots…');
  const r = await renderForScan(tree, policies, engine, {
    repoRoot: io.cwd,
    engines: { helm: cmd.helm, kustomize: cmd.kustomize, kubectl: cmd.kubectl, path: io.env?.PATH, cwd: io.cwd },
    helmCharts,
  }).finally(() => progress.end());
  for (const p of r.engines.problems) io.stderr(`kube-immutable: ${p}\n`);
  if (cmd.verbose)
    io.stderr(
      `kube-immutable: rendered ${r.rendered.charts} chart${r.rendered.charts === 1 ? '' : 's'} and Kustomize root${r.rendered.charts === 1 ? '' : 's'} (${r.rendered.objects} objects)\n`,
    );
  const sources = r.result.files.flatMap((f) => (f.fixedText !== undefined && tree.has(f.path) ? [{ path: f.path, text: tree.get(f.path)! }] : []));
  return { files: files.filter((f) => !r.excluded.has(f.path)), join: renderReconciler(r), sources };
}

/**
 * True when the collected `files` hold a render-root file (src/render/roots.ts), or else when a
 * walk of `paths` (under `cwd`, `exclude` applied) finds one: the include globs of manifests never
 * collect an extensionless `Kustomization`, which Kustomize takes as a folder's kustomization.
 */
function hasRenderRoot(paths: readonly string[], files: readonly SourceFile[], exclude: readonly string[], cwd: string | undefined): boolean {
  if (files.some((f) => isRenderRootFile(f.path))) return true;
  return collectFiles(paths, { include: RENDER_ROOT_GLOBS, exclude, cwd }).files.some((f) => isRenderRootFile(f.path));
}
