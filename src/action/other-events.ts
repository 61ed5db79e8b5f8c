import * as core from '@actions/core';
import { builtinPolicies } from '../../policies/index.js';
import { run as runPolicies } from '../engine/index.js';
import { collectFiles } from '../files.js';
import type { ActionEvent } from '../github/event.js';
import { createClient } from '../github/client.js';
import { gitChanges } from '../github/git.js';
import { compareFiles } from '../github/pull-files.js';
import type { ActionInputs } from '../github/inputs.js';
import { publish } from './publish.js';
import { matchesGlobs } from './pull-request.js';
import { commitReader, readSources } from './sources.js';

function repoUrl(event: ActionEvent): string {
  return `${process.env.GITHUB_SERVER_URL || 'https://github.com'}/${event.owner}/${event.repo}`;
}

/**
 * `push` and `merge_group`: scan the manifests changed between the event's base and head
 * commits (from the local git history: check out with enough depth), and report through
 * annotations, the job summary and SARIF; no review. Returns the failing-finding count.
 */
export async function rangeFlow(event: ActionEvent, inputs: ActionInputs, workspace: string): Promise<number> {
  const range = event.range!;
  const api = inputs.token && event.owner ? { client: createClient(inputs.token, { info: core.info, warning: core.warning }), owner: event.owner, repo: event.repo } : undefined;
  let changes: { path: string; status: string; blobSha?: string }[] | undefined = /^0+$/.test(range.base) ? undefined : gitChanges(workspace, range.base, range.head);
  if (!changes && !/^0+$/.test(range.base) && api) {
    // A shallow checkout (merge_group): ask the compare API (one request, up to 300 files).
    try {
      const cmp = await compareFiles(api.client, api.owner, api.repo, range.base, range.head);
      if (cmp.capped) core.warning('kube-immutable: more than 300 files changed (the compare API limit); check out with fetch-depth: 0 to scan them all.');
      changes = cmp.files;
    } catch (err) {
      core.warning(`kube-immutable: could not list the changed files (${(err as Error).message}).`);
    }
  }
  if (!changes) {
    core.notice(`kube-immutable: commit ${range.base.slice(0, 12)} is not in the local history, so the changed files are unknown; scanning the whole workspace instead (use actions/checkout with fetch-depth: 0 to scan only the changes).`);
    return workspaceFlow(event, inputs, workspace);
  }
  const candidates = changes.filter((c) => c.status !== 'removed' && matchesGlobs(c.path, inputs.include, inputs.exclude));
  if (candidates.length === 0) {
    core.notice('kube-immutable: no Kubernetes manifest changed.');
    return publish(runPolicies([], builtinPolicies), { inputs, sources: [], repoUrl: repoUrl(event), sha: range.head, annotate: true, reviewUrl: undefined, notes: [] });
  }
  const { sources, missing } = await readSources(commitReader(workspace, range.head, api), candidates.map((c) => ({ path: c.path, blobSha: c.blobSha || undefined })));
  for (const m of missing) core.warning(`kube-immutable: could not read ${m}; it was not scanned.`);
  const result = runPolicies(sources, builtinPolicies);
  return publish(result, { inputs, sources, repoUrl: repoUrl(event), sha: range.head, annotate: true, reviewUrl: undefined, notes: [] });
}

/** `workflow_dispatch` (and the fallback of other flows): scan every manifest in the workspace. */
export async function workspaceFlow(event: ActionEvent, inputs: ActionInputs, workspace: string): Promise<number> {
  const { files, errors } = collectFiles(['.'], { cwd: workspace, include: inputs.include, exclude: inputs.exclude });
  for (const e of errors) core.warning(`kube-immutable: ${e}`);
  const result = runPolicies(files, builtinPolicies);
  return publish(result, { inputs, sources: files, repoUrl: repoUrl(event), sha: event.sha, annotate: true, reviewUrl: undefined, notes: [] });
}
