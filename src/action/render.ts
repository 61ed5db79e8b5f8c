import { collectFiles } from '../files.js';
import type { AnyPolicy, EngineOptions, RunResult } from '../engine/index.js';
import type { ActionInputs } from '../github/inputs.js';
import { isRenderRootFile } from '../render/roots.js';
import type { HelmChartSetting } from '../settings/config-types.js';

/** What the pull request's renders give the flow (see src/render/index.ts renderReconciler). */
export interface PullRequestRender {
  /** Changed files that are not objects (chart files, kustomizations, patches, generator sources): not scanned plainly. */
  excluded: ReadonlySet<string>;
  /** The plain result's part goes through `plain`; `rest()` gives the rendered findings to add. */
  join: { plain: (part: RunResult) => RunResult; rest: () => RunResult };
  /** Problems with engines the inputs name. */
  problems: string[];
  /** How many charts and roots were rendered, and their objects. */
  rendered: { charts: number; objects: number };
}

/**
 * Render what the pull request's `changed` files (repository-relative) belong to: the Helm
 * charts holding one and the Kustomize roots whose closure holds one, read from `workspace` —
 * the checkout of the head commit (the caller checks that). PR content is data: the engines run
 * on a temporary copy, in their sandbox (src/render/run.ts), links are refused. Undefined when
 * rendering is off (input `render: false`) or the repository has no Chart.yaml or
 * kustomization. Engines: inputs `helm`, `kustomize`, `kubectl`, else the runner's PATH.
 * `helmCharts` (the trusted configuration's `render.helm.charts`, read from the base commit) are
 * rendered once per profile; the values files they name are data of the head checkout like the
 * chart's other files, and a changed one renders its chart.
 */
export async function renderForPullRequest(
  workspace: string,
  changed: readonly string[],
  inputs: Pick<ActionInputs, 'render' | 'helm' | 'kustomize' | 'kubectl'>,
  policies: readonly AnyPolicy[],
  engine: EngineOptions,
  helmCharts: readonly HelmChartSetting[] = [],
): Promise<PullRequestRender | undefined> {
  if (inputs.render === false) return undefined;
  const roots = collectFiles(['.'], {
    include: ['**/Chart.yaml', 'Chart.yaml', '**/kustomization.yaml', 'kustomization.yaml', '**/kustomization.yml', 'kustomization.yml'],
    cwd: workspace,
  });
  if (!roots.files.some((f) => isRenderRootFile(f.path))) return undefined;
  const { renderForScan, renderReconciler } = await import('../render/index.js');
  const tree = new Map(collectFiles(['.'], { include: ['**'], cwd: workspace }).files.map((f) => [f.path, f.text]));
  const r = await renderForScan(tree, policies, engine, {
    repoRoot: workspace,
    engines: { helm: inputs.helm, kustomize: inputs.kustomize, kubectl: inputs.kubectl, path: process.env.PATH, cwd: workspace },
    changed: new Set(changed),
    helmCharts,
  });
  return { excluded: r.excluded, join: renderReconciler(r), problems: r.engines.problems, rendered: r.rendered };
}
