import type { AnyPolicy, EngineOptions, RunResult } from '../engine/index.js';
import type { ActionInputs } from '../github/inputs.js';
import type { HelmChartSetting } from '../settings/config-types.js';
import { materialiseRenderTree, MAX_HEAD_BYTES, MAX_HEAD_FILES, type CommitObjects } from './head-tree.js';

/** What the pull request's renders give the flow (see src/render/index.ts renderReconciler). */
export interface PullRequestRender {
  /** Changed files that are not objects (chart files, kustomizations, patches, generator sources): not scanned plainly. */
  excluded: ReadonlySet<string>;
  /** The plain result's part goes through `plain`; `rest()` gives the rendered findings to add. */
  join: { plain: (part: RunResult) => RunResult; rest: () => RunResult };
  /** Problems with engines the inputs name. */
  problems: string[];
  /** How many charts and roots were rendered, and their objects; how many head files were read for them. */
  rendered: { charts: number; objects: number; files: number };
}

/**
 * Render what the pull request's `changed` files (repository-relative) belong to: the Helm
 * charts holding one and the Kustomize roots whose closure holds one, from git objects of the
 * head commit (`head`: src/action/head-tree.ts materialiseRenderTree), whatever the workspace
 * holds. PR content is data: files are read as blobs into a temporary folder (only regular
 * files; links and submodules are refused, and so are the charts and roots holding them, each a
 * visible finding), and the engines run on a copy of that, in their sandbox (src/render/run.ts).
 * Undefined when rendering is off (input `render: false`) or the head commit has no Chart.yaml
 * or kustomization file; `{ notRendered }` (why) when its tree cannot be listed. Engines: inputs
 * `helm`, `kustomize`, `kubectl` (relative to `workspace`), else the runner's PATH.
 * `helmCharts` (the trusted configuration's `render.helm.charts`, read from the base commit) are
 * rendered once per profile; the values files they name are head data like the chart's other
 * files, and a changed one renders its chart. Throws only for API errors after retries.
 */
export async function renderForPullRequest(
  head: CommitObjects,
  workspace: string,
  changed: readonly string[],
  inputs: Pick<ActionInputs, 'render' | 'helm' | 'kustomize' | 'kubectl'>,
  policies: readonly AnyPolicy[],
  engine: EngineOptions,
  helmCharts: readonly HelmChartSetting[] = [],
): Promise<PullRequestRender | { notRendered: string } | undefined> {
  if (inputs.render === false) return undefined;
  const changedSet = new Set(changed);
  const valuesFiles = new Map(helmCharts.map((c) => [c.path === '.' ? '' : c.path, c.profiles.flatMap((p) => p.valuesFiles ?? [])]));
  const m = await materialiseRenderTree(head, changedSet, { files: MAX_HEAD_FILES, bytes: MAX_HEAD_BYTES }, valuesFiles);
  if (m === undefined) return undefined;
  if ('problem' in m) return { notRendered: m.problem };
  try {
    const { renderForScan, renderReconciler } = await import('../render/index.js');
    const r = await renderForScan(m.tree, policies, engine, {
      repoRoot: m.dir,
      engines: { helm: inputs.helm, kustomize: inputs.kustomize, kubectl: inputs.kubectl, path: process.env.PATH, cwd: workspace },
      changed: changedSet,
      refused: m.refused,
      helmCharts,
    });
    return { excluded: r.excluded, join: renderReconciler(r), problems: r.engines.problems, rendered: { ...r.rendered, files: m.read.files } };
  } finally {
    m.cleanup();
  }
}
