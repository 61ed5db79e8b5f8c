import * as core from '@actions/core';
import { notice, warning } from './annotation-count.js';
import { run as runPolicies, type SourceFile } from '../engine/index.js';
import { collectFiles } from '../files.js';
import { createClient } from '../github/client.js';
import type { ActionEvent } from '../github/event.js';
import { gitChanges } from '../github/git.js';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, type ActionInputs } from '../github/inputs.js';
import { compareFiles } from '../github/pull-files.js';
import { diskFiles, loadRunSettings, type RunSettings } from '../settings/load.js';
import { publish } from './publish.js';
import { engineWithDigests, matchesGlobs, reportSettingsProblems } from './pull-request.js';
import { commitReader, readSources } from './sources.js';

function repoUrl(event: ActionEvent): string {
  return `${process.env.GITHUB_SERVER_URL || 'https://github.com'}/${event.owner}/${event.repo}`;
}

/**
 * The configuration of a push, merge group or manual run: the workspace's own (that commit is
 * what is being built; no pull request content is involved).
 */
async function workspaceSettings(inputs: ActionInputs, workspace: string): Promise<RunSettings & { include: string[]; exclude: string[]; failed: boolean }> {
  const settings = await loadRunSettings(diskFiles(workspace), inputs.config);
  const failed = reportSettingsProblems(settings.problems);
  return { ...settings, failed, include: inputs.include ?? settings.include ?? DEFAULT_INCLUDE, exclude: inputs.exclude ?? settings.exclude ?? DEFAULT_EXCLUDE };
}

async function report(event: ActionEvent, inputs: ActionInputs, settings: Awaited<ReturnType<typeof workspaceSettings>>, sources: SourceFile[], sha: string): Promise<number> {
  const engine = await engineWithDigests(inputs, settings.engine, sources);
  const result = runPolicies(sources, settings.policies, engine);
  const failing = await publish(result, { inputs, sources, repoUrl: repoUrl(event), sha, inReview: new Set(), reviewUrl: undefined, notes: [], policies: settings.policies });
  return failing + (settings.failed ? 1 : 0);
}

/**
 * `push` and `merge_group`: scan the manifests changed between the event's base and head
 * commits (from the local git history, else the compare API), and report through annotations,
 * the job summary and SARIF; no review. Returns the failing-finding count.
 */
export async function rangeFlow(event: ActionEvent, inputs: ActionInputs, workspace: string): Promise<number> {
  const range = event.range!;
  const api = inputs.token && event.owner ? { client: await createClient(inputs.token, { info: core.info, warning: warning }), owner: event.owner, repo: event.repo } : undefined;
  let changes: { path: string; status: string; blobSha?: string }[] | undefined = /^0+$/.test(range.base) ? undefined : gitChanges(workspace, range.base, range.head);
  if (!changes && !/^0+$/.test(range.base) && api) {
    // A shallow checkout (merge_group): ask the compare API (one request, up to 300 files).
    try {
      const cmp = await compareFiles(api.client, api.owner, api.repo, range.base, range.head);
      if (cmp.capped) warning('kube-immutable: more than 300 files changed (the compare API limit); check out with fetch-depth: 0 to scan them all.');
      changes = cmp.files;
    } catch (err) {
      warning(`kube-immutable: could not list the changed files (${(err as Error).message}).`);
    }
  }
  if (!changes) {
    notice(`kube-immutable: commit ${range.base.slice(0, 12)} is not in the local history, so the changed files are unknown; scanning the whole workspace instead (use actions/checkout with fetch-depth: 0 to scan only the changes).`);
    return workspaceFlow(event, inputs, workspace);
  }
  const settings = await workspaceSettings(inputs, workspace);
  const candidates = changes.filter((c) => c.status !== 'removed' && matchesGlobs(c.path, settings.include, settings.exclude));
  if (candidates.length === 0) notice('kube-immutable: no Kubernetes manifest changed.');
  const { sources, missing } = await readSources(commitReader(workspace, range.head, api), candidates.map((c) => ({ path: c.path, blobSha: c.blobSha || undefined })));
  for (const m of missing) warning(`kube-immutable: could not read ${m.path} (${m.reason}); it was not scanned.`);
  return report(event, inputs, settings, sources, range.head);
}

/** `workflow_dispatch` (and the fallback of other flows): scan every manifest in the workspace. */
export async function workspaceFlow(event: ActionEvent, inputs: ActionInputs, workspace: string): Promise<number> {
  const settings = await workspaceSettings(inputs, workspace);
  const { files, errors } = collectFiles(['.'], { cwd: workspace, include: settings.include, exclude: settings.exclude });
  for (const e of errors) warning(`kube-immutable: ${e}`);
  return report(event, inputs, settings, files, event.sha);
}
