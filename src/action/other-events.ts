import * as core from '@actions/core';
import { notice, warning } from './annotation-count.js';
import { run as runPolicies, type SourceFile } from '../engine/index.js';
import { collectFiles } from '../files.js';
import { createClient, type GitHubClient } from '../github/client.js';
import type { ActionEvent } from '../github/event.js';
import { gitChanges, gitCommitOf } from '../github/git.js';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../constants.js';
import type { ActionInputs } from '../github/inputs.js';
import { compareFiles } from '../github/pull-files.js';
import { diskFiles, loadRunSettings, type RunSettings } from '../settings/load.js';
import { publish } from './publish.js';
import { engineWithDigests, matchesGlobs, noManifestChanged, reportSettingsProblems, trustedBuildArtifacts } from './pull-request.js';
import { withBaseExemptions, type BaseFile } from './base-exemptions.js';
import { commitReader, readSources, type CommitReader } from './sources.js';
import { loadTrustedSettings, trustedReader } from './trusted.js';

function repoUrl(event: ActionEvent): string {
  return `${process.env.GITHUB_SERVER_URL || 'https://github.com'}/${event.owner}/${event.repo}`;
}

/**
 * The configuration of a push, merge group or manual run, from the git objects of the trusted
 * commit `sha` (see src/action/trusted.ts): on `merge_group` the queue's base commit (the merge
 * commit holds the pull requests' content), on `push` and `workflow_dispatch` the commit being
 * built (writing it needed write access to the repository). Only when that commit can be read
 * neither from git nor through the API (no repository, no token) are the workspace's files read,
 * and only for `push`/`workflow_dispatch`.
 */
async function trustedSettings(
  event: ActionEvent,
  inputs: ActionInputs,
  workspace: string,
  api: { client: GitHubClient; owner: string; repo: string } | undefined,
): Promise<RunSettings & { include: string[]; exclude: string[]; failed: boolean; trusted: TrustedData }> {
  const mergeGroup = event.name === 'merge_group' && event.range !== undefined;
  const sha = mergeGroup ? event.range!.base : event.sha || gitCommitOf(workspace, 'HEAD') || '';
  let settings: RunSettings;
  let trusted: TrustedData;
  if (!mergeGroup && (!sha || (!gitCommitOf(workspace, sha) && !api))) {
    notice(`kube-immutable: commit ${sha.slice(0, 12) || '(unknown)'} cannot be read from git or the API; the configuration was read from the workspace.`);
    const disk = diskFiles(workspace);
    settings = await loadRunSettings(disk, inputs.config);
    // The workspace is what the configuration came from: Skaffold projects are read there too.
    trusted = { read: (p) => Promise.resolve(disk.read(p)), problems: [], commitIsLocal: true };
  } else {
    const src = { workspace, sha, role: mergeGroup ? "merge group's base commit" : 'pushed commit', api, trustedFolders: inputs.trustedFolders };
    const reader = trustedReader(src);
    settings = await loadTrustedSettings(src, inputs.config, reader);
    core.info(`kube-immutable: configuration and custom policies from ${reader.sources.join(' and ')}.`);
    trusted = reader;
  }
  const failed = reportSettingsProblems(settings.problems);
  return {
    ...settings,
    failed,
    include: inputs.include ?? settings.include ?? [...DEFAULT_INCLUDE],
    exclude: inputs.exclude ?? settings.exclude ?? [...DEFAULT_EXCLUDE],
    trusted,
  };
}

/** Where the trusted repository data of a run is read (the configuration's source: {@link trustedSettings}). */
type TrustedData = Parameters<typeof trustedBuildArtifacts>[2];

async function apiOf(event: ActionEvent, inputs: ActionInputs): Promise<{ client: GitHubClient; owner: string; repo: string } | undefined> {
  return inputs.token && event.owner
    ? { client: await createClient(inputs.token, { info: core.info, warning }), owner: event.owner, repo: event.repo }
    : undefined;
}

async function report(
  event: ActionEvent,
  inputs: ActionInputs,
  settings: Awaited<ReturnType<typeof trustedSettings>>,
  sources: SourceFile[],
  sha: string,
  workspace: string,
  changed: ReadonlySet<string>,
  base?: { files: BaseFile[]; reader: CommitReader },
): Promise<number> {
  // Skaffold build artifacts come from where the configuration did; on merge_group that is the
  // base commit, so a skaffold.yaml the merge group changes is named (`changed`) and not used.
  const artifacts = await trustedBuildArtifacts(settings.engine, sources, settings.trusted, changed, workspace, 'this merge group');
  const withDigests = await engineWithDigests(inputs, artifacts.engine, sources);
  const engine = base ? await withBaseExemptions(withDigests, base.files, base.reader) : withDigests;
  const result = runPolicies(sources, settings.policies, engine);
  const failing = await publish(result, {
    inputs,
    sources,
    repoUrl: repoUrl(event),
    sha,
    inReview: new Set(),
    reviewUrl: undefined,
    notes: artifacts.notes,
    policies: settings.policies,
  });
  return failing + (settings.failed ? 1 : 0);
}

/**
 * `push` and `merge_group`: scan the manifests changed between the event's base and head
 * commits (from the local git history, else the compare API), and report through annotations,
 * the job summary and SARIF; no review. Returns the failing-finding count.
 */
export async function rangeFlow(event: ActionEvent, inputs: ActionInputs, workspace: string): Promise<number> {
  const range = event.range!;
  const api = await apiOf(event, inputs);
  let changes: { path: string; previousPath?: string; status: string; blobSha?: string }[] | undefined = /^0+$/.test(range.base)
    ? undefined
    : gitChanges(workspace, range.base, range.head);
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
    notice(
      `kube-immutable: commit ${range.base.slice(0, 12)} is not in the local history, so the changed files are unknown; scanning the whole workspace instead (use actions/checkout with fetch-depth: 0 to scan only the changes).`,
    );
    return workspaceFlow(event, inputs, workspace, api);
  }
  const settings = await trustedSettings(event, inputs, workspace, api);
  const candidates = changes.filter((c) => c.status !== 'removed' && matchesGlobs(c.path, settings.include, settings.exclude));
  if (candidates.length === 0) notice(`kube-immutable: ${noManifestChanged(changes.length, settings.include, settings.exclude, '')}`);
  const { sources, missing } = await readSources(
    commitReader(workspace, range.head, api),
    candidates.map((c) => ({ path: c.path, blobSha: c.blobSha || undefined })),
  );
  for (const m of missing) warning(`kube-immutable: could not read ${m.path} (${m.reason}); it was not scanned.`);
  // A merge group is pull requests not yet on the target branch: exemption annotations they
  // add are judged against the base, as on the pull request. A push is already merged: none.
  const base = event.name === 'merge_group' ? { files: candidates, reader: commitReader(workspace, range.base, api) } : undefined;
  // Only a merge group's base is trusted apart from its changes (a push is already merged).
  const changed = new Set(event.name === 'merge_group' ? changes.flatMap((c) => (c.previousPath ? [c.path, c.previousPath] : [c.path])) : []);
  return report(event, inputs, settings, sources, range.head, workspace, changed, base);
}

/** `workflow_dispatch` (and the fallback of other flows): scan every manifest in the workspace. */
export async function workspaceFlow(
  event: ActionEvent,
  inputs: ActionInputs,
  workspace: string,
  given?: { client: GitHubClient; owner: string; repo: string },
): Promise<number> {
  const api = given ?? (await apiOf(event, inputs));
  const settings = await trustedSettings(event, inputs, workspace, api);
  const { files, errors } = collectFiles(['.'], { cwd: workspace, include: settings.include, exclude: settings.exclude, followLinks: false });
  for (const e of errors) warning(`kube-immutable: ${e}`);
  // A merge group scanned whole (its changed files unknown): exemptions are still judged against its base.
  const mergeBase = event.name === 'merge_group' && event.range ? event.range.base : undefined;
  const base = mergeBase ? { files: files.map((f) => ({ path: f.path, status: 'modified' })), reader: commitReader(workspace, mergeBase, api) } : undefined;
  return report(event, inputs, settings, files, event.sha, workspace, new Set(), base);
}
