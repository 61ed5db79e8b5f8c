import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import { error, notice, warning } from './annotation-count.js';
import type { EngineOptions, RunResult, SourceFile, AnyPolicy } from '../engine/index.js';
import { createClient, httpStatus, isReadOnlyTokenError, type GitHubClient } from '../github/client.js';
import type { ActionEvent, PullRequestRef } from '../github/event.js';
import { gitChanges } from '../github/git.js';
import { DEFAULT_CONFIG_PATH, DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../constants.js';
import type { ActionInputs } from '../github/inputs.js';
import { matchGlob } from '../glob.js';
import { listPullFiles, PULL_FILES_CAP, type ChangedFile } from '../github/pull-files.js';
import { createReview, deleteReviewComments, listReviewBodies, listReviewComments, readPullRequest } from '../github/review.js';
import type { Hunk, hunksBetween, parsePatch } from '../review/index.js';
import { withBaseExemptions } from './base-exemptions.js';
import type { ChannelPlanner } from './publish.js';
import { slotsLeft } from './annotation-count.js';
import { commitReader, readSources } from './sources.js';
import { isRenderRootFile, RENDER_ROOT_GLOBS } from '../render/roots.js';
import { loadTrustedSettings, trustedReader } from './trusted.js';
import type { HelmChartSetting } from '../settings/config-types.js';

/**
 * The notice of a run in which no changed file is a manifest candidate (without the
 * `kube-immutable: ` prefix): `no Kubernetes manifest changed <where>: each of the N changed
 * files is removed or does not match the include globs ("…") outside the exclude globs ("…").`
 * (`the 1 changed file is …` for one; `: no file changed.` for none). `changed` counts every
 * file the changes list, removed ones too; `where` may be empty.
 */
export function noManifestChanged(changed: number, include: readonly string[], exclude: readonly string[], where: string): string {
  const lead = `no Kubernetes manifest changed${where ? ` ${where}` : ''}`;
  if (changed === 0) return `${lead}: no file changed.`;
  const list = (globs: readonly string[]) => globs.map((g) => `"${g}"`).join(', ');
  const globs = `the include globs (${list(include)})${exclude.length > 0 ? ` outside the exclude globs (${list(exclude)})` : ''}`;
  return changed === 1
    ? `${lead}: the 1 changed file is removed or does not match ${globs}.`
    : `${lead}: each of the ${changed} changed files is removed or does not match ${globs}.`;
}

/** True when a path is a manifest candidate for the include/exclude globs. */
export function matchesGlobs(path: string, include: readonly string[], exclude: readonly string[]): boolean {
  const m = (g: string) => matchGlob(path, g);
  return include.some(m) && !exclude.some(m);
}

/** What the pull-request flow did (for tests and the caller's exit status). */
export interface PullRequestOutcome {
  result: RunResult | undefined;
  failing: number;
  reviewUrl: string | undefined;
  degraded: boolean;
}

/**
 * The main job on `pull_request` / `pull_request_target`: list the changed files, read the
 * manifests at the head SHA, run the policies, and post ONE review with suggested changes (or,
 * with a read-only token, annotations + summary + SARIF). Returns the number of findings at or
 * above `fail-level`. When the trusted base has no configuration file and no changed file is a
 * manifest, the run ends before the policies, the engine and the report are loaded (start-up:
 * docs/performance.md): without a configuration there is nothing to validate.
 */
export async function pullRequestFlow(event: ActionEvent, pr: PullRequestRef, inputs: ActionInputs, workspace: string): Promise<PullRequestOutcome> {
  const client = await createClient(inputs.token, { info: core.info, warning: warning });
  const { owner, repo } = event;
  const changes = await changedFiles(client, event, pr, workspace);
  const api = { client, owner, repo };
  // Trust never depends on this list (it may be cut at 3,000 files): it only names, in a notice,
  // the trusted files the pull request changes. Those are read from the base commit's git objects.
  const changedByPr = pathsChanged(changes);
  const trustedSource = { workspace, sha: pr.baseSha, role: 'base commit', api, trustedFolders: inputs.trustedFolders };
  const trusted = trustedReader(trustedSource);
  // No configuration file: the settings are the defaults and have no problems (as loading them
  // would find), so a pull request without manifests ends here, loading no policy.
  if (inputs.config === undefined && (await trusted.read(DEFAULT_CONFIG_PATH)) === undefined && trusted.problems.length === 0) {
    if (changedManifests(changes, inputs.include ?? DEFAULT_INCLUDE, inputs.exclude ?? DEFAULT_EXCLUDE, inputs.render !== false).length === 0)
      return noManifest(false, changes.length, inputs.include ?? DEFAULT_INCLUDE, inputs.exclude ?? DEFAULT_EXCLUDE);
  }
  const settings = await loadTrustedSettings(trustedSource, inputs.config, trusted, changedByPr);
  const configFailed = reportSettingsProblems(settings.problems);
  const include = inputs.include ?? settings.include ?? DEFAULT_INCLUDE;
  const exclude = inputs.exclude ?? settings.exclude ?? DEFAULT_EXCLUDE;
  const candidates = changedManifests(changes, include, exclude, inputs.render !== false);
  if (candidates.length === 0) return noManifest(configFailed, changes.length, include, exclude);
  core.info(`kube-immutable: configuration and custom policies from ${trusted.sources.join(' and ')}.`);
  const [{ run: runPolicies }, diff, { channelPlanner, publish, writeOutputFiles }] = await Promise.all([
    import('../engine/index.js'),
    import('../review/index.js'),
    import('./publish.js'),
  ]);
  const head = commitReader(workspace, pr.headSha, api);
  const { sources, missing } = await readSources(
    head,
    candidates.map((f) => ({ path: f.path, blobSha: f.blobSha || undefined })),
  );
  for (const m of missing) warning(`kube-immutable: could not read ${m.path} at ${pr.headSha.slice(0, 12)} (${m.reason}); it was not scanned.`);
  const base = commitReader(workspace, pr.baseSha, api);
  const withArtifacts = await trustedBuildArtifacts(settings.engine, sources, trusted, changedByPr, workspace);
  const engine = await withBaseExemptions(await engineWithDigests(inputs, withArtifacts.engine, sources), candidates, base);
  const result = await runWithRenders(runPolicies, sources, settings.policies, engine, {
    inputs,
    workspace,
    headSha: pr.headSha,
    api,
    changed: [...changedByPr],
    helmCharts: settings.helmCharts,
  });
  const files = await reviewFiles(sources, candidates, base, diff);
  const unchangedTexts = await readTexts(head, unchangedFixFiles(result, files));
  const repoUrl = `${process.env.GITHUB_SERVER_URL || 'https://github.com'}/${owner}/${repo}`;
  const notes = [...trustNotes(settings.changedByPr), ...withArtifacts.notes];
  // SARIF and the patch file first: the review's notes say where the findings it leaves out are.
  const written = writeOutputFiles(result, { inputs, sources, policies: settings.policies });
  const planner = channelPlanner(result, { inputs, sources, repoUrl, sha: pr.headSha, notes, policies: settings.policies }, written);
  const review = await reviewOrExplain(client, { event, pr, inputs, result, files, unchangedTexts, repoUrl, policies: settings.policies, planner }, notes);
  const failing = await publish(
    result,
    {
      inputs,
      sources,
      repoUrl,
      sha: pr.headSha,
      inReview: review.inReview,
      reviewPosted: !review.degraded,
      reviewUrl: review.reviewUrl,
      notes,
      policies: settings.policies,
    },
    planner,
  );
  return { result, failing: failing + (configFailed ? 1 : 0), reviewUrl: review.reviewUrl, degraded: review.degraded };
}

/**
 * The policies over the changed files, with the Helm charts and Kustomize roots they belong to
 * rendered (src/action/render.ts) from git objects of the head commit (local when the workspace
 * holds it, else through the API): chart files and patches leave the plain scan, and the
 * rendered findings join it (renderReconciler). When the head commit's tree cannot be listed,
 * nothing is rendered, and a notice says why when a changed file is a chart's or kustomization's.
 */
async function runWithRenders(
  runPolicies: (files: readonly SourceFile[], policies: readonly AnyPolicy[], opts: EngineOptions) => RunResult,
  sources: readonly SourceFile[],
  policies: readonly AnyPolicy[],
  engine: EngineOptions,
  ctx: {
    inputs: ActionInputs;
    workspace: string;
    headSha: string;
    api: { client: GitHubClient; owner: string; repo: string };
    changed: string[];
    helmCharts: readonly HelmChartSetting[];
  },
): Promise<RunResult> {
  if (ctx.inputs.render === false) return runPolicies(sources, policies, engine);
  const [{ renderForPullRequest }, { commitObjects }] = await Promise.all([import('./render.js'), import('./head-tree.js')]);
  const head = commitObjects(ctx.workspace, ctx.headSha, ctx.api);
  const rendered = await renderForPullRequest(head, ctx.workspace, ctx.changed, ctx.inputs, policies, engine, ctx.helmCharts);
  if (!rendered) return runPolicies(sources, policies, engine);
  if ('notRendered' in rendered) {
    if (sources.some((s) => isRenderRootFile(s.path) || s.path.includes('/templates/')))
      notice(`kube-immutable: Helm charts and Kustomize overlays were not rendered (${rendered.notRendered}); their files were scanned as plain YAML.`);
    return runPolicies(sources, policies, engine);
  }
  for (const p of rendered.problems) warning(`kube-immutable: ${p}`);
  core.info(
    `kube-immutable: rendered ${rendered.rendered.charts} chart(s) and Kustomize root(s) (${rendered.rendered.objects} objects) from ${rendered.rendered.files} file(s) of ${head.label}.`,
  );
  const { joinParts } = await import('../engine/parallel.js');
  const plain = runPolicies(
    sources.filter((s) => !rendered.excluded.has(s.path)),
    policies,
    engine,
  );
  return joinParts([rendered.join.plain(plain), rendered.join.rest()]);
}

/**
 * The changed files that are manifest candidates: not removed, and matching `include` but no
 * `exclude` glob; with `renderRoots`, a changed render-root file (src/render/roots.ts) no
 * `exclude` glob matches too, though `include` may miss it (the extensionless `Kustomization`):
 * it is read for its diff, and the render keeps it out of the plain scan.
 */
export function changedManifests(changes: readonly ChangedFile[], include: readonly string[], exclude: readonly string[], renderRoots = false): ChangedFile[] {
  const roots = renderRoots ? [...include, ...RENDER_ROOT_GLOBS] : include;
  return changes.filter((f) => f.status !== 'removed' && matchesGlobs(f.path, roots, exclude));
}

/** Every path the changes touch: each file's path, and its previous path when renamed. */
export function pathsChanged(changes: readonly ChangedFile[]): Set<string> {
  return new Set(changes.flatMap((c) => (c.previousPath ? [c.path, c.previousPath] : [c.path])));
}

/**
 * The end of a run with no manifest to check: a notice that says why ({@link noManifestChanged}),
 * zero outputs; fails only for configuration problems.
 */
function noManifest(configFailed: boolean, changed: number, include: readonly string[], exclude: readonly string[]): PullRequestOutcome {
  notice(`kube-immutable: ${noManifestChanged(changed, include, exclude, 'in this pull request')}`);
  setZeroOutputs();
  return { result: undefined, failing: configFailed ? 1 : 0, reviewUrl: undefined, degraded: false };
}

/**
 * The pull request's changed files ({@link listChanges}); when GitHub lists only the first
 * {@link PULL_FILES_CAP}, those of the local git history if both commits are there, else the
 * capped list — each with a warning that says which.
 */
async function changedFiles(client: GitHubClient, event: ActionEvent, pr: PullRequestRef, workspace: string): Promise<ChangedFile[]> {
  const listed = await listChanges(client, event, pr, workspace);
  if (!listed.capped) return listed.files;
  const local = gitChanges(workspace, pr.baseSha, pr.headSha);
  if (local) {
    warning(
      `This pull request changes more than ${PULL_FILES_CAP} files, the most GitHub lists; the changed files were taken from the local git history instead.`,
    );
    return fromGit(local);
  }
  warning(
    `This pull request changes more than ${PULL_FILES_CAP} files, the most GitHub lists: only those ${PULL_FILES_CAP} were scanned. Check out both commits (actions/checkout with fetch-depth: 0) to scan all of them.`,
  );
  return listed.files;
}

/** Changes from local git as the API's changed files (no blob SHA: the files are read from git). */
export function fromGit(local: NonNullable<ReturnType<typeof gitChanges>>): ChangedFile[] {
  return local.map((c) => ({ path: c.path, previousPath: c.previousPath, status: c.status, blobSha: '', patch: c.patch }));
}

/**
 * For each scanned file, its head text and diff hunks: from GitHub's patch when it parses, else
 * by diffing the base file (none for an added file) with the head text; a warning says why.
 * When the base file cannot be read either, no hunks: its findings go to the review body.
 */
async function reviewFiles(
  sources: readonly SourceFile[],
  candidates: readonly ChangedFile[],
  base: { read(path: string): Promise<string | undefined> },
  diff: { hunksBetween: typeof hunksBetween; parsePatch: typeof parsePatch },
): Promise<Map<string, { headText: string; hunks: Hunk[] }>> {
  const files = new Map<string, { headText: string; hunks: Hunk[] }>();
  for (const s of sources) {
    const change = candidates.find((c) => c.path === s.path)!;
    let hunks: Hunk[] | undefined;
    if (change.patch !== undefined) {
      try {
        hunks = diff.parsePatch(change.patch);
      } catch (err) {
        warning(`kube-immutable: the diff GitHub gave for ${s.path} does not parse (${(err as Error).message}); diffing the files instead.`);
      }
    }
    if (!hunks) {
      try {
        const baseText = change.status === 'added' ? undefined : await base.read(change.previousPath ?? change.path);
        hunks = diff.hunksBetween(baseText, s.text);
      } catch (err) {
        // No diff, no anchors: this file's findings go to the review body instead of inline comments.
        warning(
          `kube-immutable: could not read ${change.previousPath ?? change.path} at the base commit (${(err as Error).message}); no diff, so its findings cannot be inline comments.`,
        );
        hunks = [];
      }
    }
    files.set(s.path, { headText: s.text, hunks });
  }
  return files;
}

/** At most this many files the pull request does not change are read for the review body's diffs of their fixes. */
export const MAX_UNCHANGED_FIX_FILES = 20;

/**
 * The files (repository-relative, in the order of `result.fixes`, each once, at most
 * {@link MAX_UNCHANGED_FIX_FILES}) that a verified fix group with edits and an unsuppressed
 * finding edits but that are not among the review's `files` (the scanned changed files): a
 * chart's values file a changed template's finding is fixed in (src/render/helm-fix.ts), a
 * Kustomize base a changed overlay's finding is fixed in. Their head texts let the review body
 * show those fixes as diffs (ReviewInput.unchangedTexts).
 */
export function unchangedFixFiles(result: Pick<RunResult, 'findings' | 'fixes'>, files: ReadonlyMap<string, unknown>): string[] {
  const reported = new Set(result.findings.filter((f) => f.suppressed === undefined && f.fixId !== undefined).map((f) => f.fixId));
  const out = new Set<string>();
  for (const g of result.fixes) {
    if (out.size >= MAX_UNCHANGED_FIX_FILES) break;
    if (g.verified && g.edits.length > 0 && reported.has(g.id) && !files.has(g.file)) out.add(g.file);
  }
  return [...out];
}

/** The texts of `paths` read with `reader` (at the head commit); a file that cannot be read (gone, not text, an API error) is left out. */
async function readTexts(reader: { read(path: string): Promise<string | undefined> }, paths: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const p of paths) {
    try {
      const text = await reader.read(p);
      if (text !== undefined) out.set(p, text);
    } catch (err) {
      core.info(`kube-immutable: could not read ${p} at the head commit (${(err as Error).message}); the review body lists its fix without a diff.`);
    }
  }
  return out;
}

/** The notes of the review and summary when the pull request changes trusted files (with a notice naming them). */
function trustNotes(changedByPr: readonly string[]): string[] {
  if (changedByPr.length === 0) return [];
  const list = changedByPr.join(', ');
  notice(
    `kube-immutable: this pull request changes ${list}; the configuration and custom policies of the base commit were used (they are never taken from a pull request).`,
  );
  return [`This pull request changes ${list}: the base commit's configuration and custom policies were used, as always.`];
}

/**
 * `engine` with the build artifacts of the Skaffold projects deploying the scanned files
 * (src/skaffold.ts), read ONLY through `trusted` — the base commit's git objects (or a trusted
 * folder; on push and workflow_dispatch the pushed commit's, on merge_group its base's: where
 * the configuration comes from, src/action/other-events.ts), never the pull request: a pull request that adds a skaffold.yaml listing `nginx` as an
 * artifact must not turn `nginx:latest` from an error into an info finding. A skaffold.yaml the
 * pull request adds or changes (in `changed`) is therefore not used as it is at the head; a
 * notice and a note (returned) say so, naming `who` changed it (`this pull request`, `this merge
 * group`). Problems reading one are warnings.
 *
 * Through local git objects every folder above a scanned file is looked at. When the base commit
 * is read through the contents API (a shallow checkout), a request per folder would blow the
 * request budget, so only the folders where the workspace has a `skaffold.yaml` are asked for: a
 * hint only (its content is never read; a pull request that hides one keeps the errors, one that
 * adds one costs a request that finds the base's version or nothing).
 */
export async function trustedBuildArtifacts(
  engine: EngineOptions,
  sources: readonly SourceFile[],
  trusted: Pick<ReturnType<typeof trustedReader>, 'read' | 'problems' | 'commitIsLocal'>,
  changed: ReadonlySet<string>,
  workspace: string,
  who = 'this pull request',
): Promise<{ engine: EngineOptions; notes: string[] }> {
  const { withBuildArtifacts, SKAFFOLD_FILE } = await import('../skaffold.js');
  const before = new Set(trusted.problems);
  const inWorkspace = (config: string): boolean => {
    try {
      return lstatSync(join(workspace, config)).isFile();
    } catch {
      return false;
    }
  };
  const r = await withBuildArtifacts(
    engine,
    sources.map((s) => s.path),
    { read: (p) => trusted.read(p) },
    trusted.commitIsLocal ? undefined : inWorkspace,
  );
  for (const p of [...r.problems, ...trusted.problems.filter((p) => !before.has(p))]) warning(`kube-immutable: ${p}`);
  const touched = [...changed].filter((p) => p === SKAFFOLD_FILE || p.endsWith(`/${SKAFFOLD_FILE}`)).sort();
  if (touched.length === 0) return { engine: r.engine, notes: [] };
  const list = touched.join(', ');
  notice(
    `kube-immutable: ${who} changes ${list}; Skaffold build artifacts were read from the base commit only (an image it makes an artifact is still checked as an unpinned image).`,
  );
  return {
    engine: r.engine,
    notes: [`${who.charAt(0).toUpperCase()}${who.slice(1)} changes ${list}: Skaffold build artifacts were read from the base commit, not from ${who}.`],
  };
}

/**
 * Post the review ({@link postTheReview}); when none can be posted — the head moved, a read-only
 * token, GitHub failing after the retries — say so (a notice or warning naming where the findings
 * are reported instead) and add a note to `notes`. Never throws for a failed review.
 */
async function reviewOrExplain(
  client: GitHubClient,
  ctx: Parameters<typeof postTheReview>[1],
  notes: string[],
): Promise<{ reviewUrl: string | undefined; degraded: boolean; inReview: ReadonlySet<string> }> {
  const { pr, result, planner } = ctx;
  /** Where the findings go without a review, for a warning or notice about to be issued (it takes a slot). */
  const withoutReview = (level: 'warning' | 'notice'): string => {
    const slots = slotsLeft();
    const plan = planner.plan(new Set(), { ...slots, [level]: Math.max(0, slots[level] - 1), total: Math.max(0, slots.total - 1) });
    return plan.reportedIn(result.findings.filter((f) => f.suppressed === undefined));
  };
  try {
    const posted = await postTheReview(client, ctx);
    if (!('movedTo' in posted)) return { reviewUrl: posted.url, degraded: false, inReview: posted.carried };
    const from = pr.headSha.slice(0, 12);
    const to = posted.movedTo.slice(0, 12);
    notice(
      `kube-immutable: the pull request's head moved from ${from} to ${to} (a newer push) while this run scanned ${from}; no review was posted, ` +
        `so no comment points at outdated lines. The run for ${to} posts the review; the findings for ${from} are reported ${withoutReview('notice')}.`,
    );
    notes.push(
      `No review was posted: the pull request's head moved to ${to} during this run, which scanned ${from}. The run for the newer commit posts the review.`,
    );
  } catch (err) {
    const failure = reviewFailure(err, pr.fromFork, withoutReview('warning'));
    warning(failure.warning);
    notes.push(failure.note);
  }
  return { reviewUrl: undefined, degraded: true, inReview: new Set() };
}

/**
 * What to say when posting the review threw `err`: the warning (which names `where`, the clause
 * saying where the findings are reported instead) and the note for the summary. A 403 for a
 * token that may not write (a fork's read-only token when `fromFork`) points at the fork-safe
 * setup; any other error (retries are done: 5xx, resets, rate limits) gives GitHub's status.
 */
export function reviewFailure(err: unknown, fromFork: boolean, where: string): { warning: string; note: string } {
  if (isReadOnlyTokenError(err)) {
    const why = fromFork ? 'this pull request comes from a fork, and its token is read-only' : 'the token may not write to this repository';
    return {
      warning:
        `kube-immutable could not post its review: ${why} (GitHub answered 403 "${(err as Error).message}"). ` +
        `Findings are reported ${where} instead. To get review comments on fork pull requests, ` +
        'run kube-immutable from a pull_request_target workflow (see the README: fork-safe setup).',
      note: `No review was posted: ${why}. See the README for a fork-safe setup.`,
    };
  }
  const status = httpStatus(err);
  const why = `GitHub ${status === undefined ? 'failed' : `answered ${status}`}: ${(err as Error).message}`;
  return { warning: `kube-immutable could not post its review (${why}). Findings are reported ${where} instead.`, note: `No review was posted (${why}).` };
}

/**
 * Post the review, unless the pull request's head moved since the event (then nothing is
 * written: `{ movedTo }`). One `GET` of the pull request comes first, just before any write;
 * its `review_comments` count spares listing the comments when there are none (a first run
 * stays within ceil(files/100) + 3 requests). `url` is undefined when nothing new was posted.
 */
async function postTheReview(
  client: GitHubClient,
  ctx: {
    event: ActionEvent;
    pr: PullRequestRef;
    inputs: ActionInputs;
    result: RunResult;
    files: Map<string, { headText: string; hunks: Hunk[] }>;
    /** Head texts of files the pull request does not change that fix groups edit ({@link unchangedFixFiles}). */
    unchangedTexts: ReadonlyMap<string, string>;
    repoUrl: string;
    policies: readonly AnyPolicy[];
    planner: ChannelPlanner;
  },
): Promise<{ url: string | undefined; carried: ReadonlySet<string> } | { movedTo: string }> {
  const { owner, repo } = ctx.event;
  const [{ parseMarker }, { planReview }] = await Promise.all([import('../report/index.js'), import('../review/index.js')]);
  const now = await readPullRequest(client, owner, repo, ctx.pr.number);
  if (now.headSha !== ctx.pr.headSha) return { movedTo: now.headSha };
  const isOurs = (body: string) => parseMarker(body) !== undefined;
  // Review bodies count as "replied to" so they are never deleted; they only tell what was listed.
  const comments = now.reviewComments === 0 ? [] : await listReviewComments(client, owner, repo, ctx.pr.number, isOurs);
  const existing = [...comments, ...(await listReviewBodies(client, owner, repo, ctx.pr.number, isOurs))];
  const plan = planReview({
    result: ctx.result,
    files: ctx.files,
    unchangedTexts: ctx.unchangedTexts,
    filterMode: ctx.inputs.filterMode,
    maxComments: ctx.inputs.maxComments,
    commentLevel: ctx.inputs.commentLevel,
    existing,
    headSha: ctx.pr.headSha,
    repoUrl: ctx.repoUrl,
    policies: ctx.policies,
    elsewhere: (findings, carried) => ctx.planner.plan(carried).describe(findings),
  });
  if (plan.staleCommentIds.length > 0) {
    const failed = await deleteReviewComments(client, owner, repo, plan.staleCommentIds);
    if (failed.length > 0) warning(`kube-immutable could not delete ${failed.length} of its outdated comments.`);
  }
  if (plan.nothingNew) {
    core.info('kube-immutable: every finding is already commented on; no new review.');
    return { url: undefined, carried: new Set(plan.carried) };
  }
  const posted = await createReview(client, {
    owner,
    repo,
    pullNumber: ctx.pr.number,
    commitId: ctx.pr.headSha,
    event: ctx.inputs.reviewEvent,
    body: plan.body,
    comments: plan.comments.map((c) => ({
      path: c.path,
      body: c.body,
      line: c.line,
      side: 'RIGHT' as const,
      ...(c.startLine !== undefined ? { start_line: c.startLine, start_side: 'RIGHT' as const } : {}),
    })),
    fallbackBody: () => plan.fallbackBody,
    onRetry: (m) => core.info(`kube-immutable: ${m}`),
  });
  if (!posted.inline) warning('GitHub rejected the inline comments (422); the review was posted with every finding in its body instead.');
  return { url: posted.url, carried: new Set(posted.inline ? plan.carried : plan.fallbackCarried) };
}

/**
 * The pull request's changed files from the API; when GitHub keeps failing (after the client's
 * retries) and both commits are in the local git history, from git instead (with a warning).
 * Without either, the API error is thrown: nothing can be scanned.
 */
async function listChanges(
  client: GitHubClient,
  event: ActionEvent,
  pr: PullRequestRef,
  workspace: string,
): Promise<{ files: ChangedFile[]; capped: boolean }> {
  try {
    return await listPullFiles(client, event.owner, event.repo, pr.number);
  } catch (err) {
    const local = gitChanges(workspace, pr.baseSha, pr.headSha);
    if (!local)
      throw new Error(
        `could not list the pull request's changed files: GitHub ${httpStatus(err) === undefined ? 'failed' : `answered ${httpStatus(err)}`}: ${(err as Error).message}`,
        { cause: err },
      );
    warning(`kube-immutable: could not list the pull request's changed files (${(err as Error).message}); they were taken from the local git history instead.`);
    return { files: fromGit(local), capped: false };
  }
}

/**
 * Report configuration and custom-policy problems as errors (the run goes on with what loaded);
 * returns true when there were any, so the step fails after everything was reported.
 */
export function reportSettingsProblems(problems: readonly string[]): boolean {
  for (const p of problems) {
    const m = /^(.+?):(\d+):(\d+): (.*)$/.exec(p);
    if (m && Number(m[2]) > 0)
      error(`kube-immutable configuration: ${m[4]}`, {
        file: m[1],
        startLine: Number(m[2]),
        startColumn: Number(m[3]) || undefined,
        title: 'kube-immutable configuration',
      });
    else error(`kube-immutable configuration: ${p}`);
  }
  return problems.length > 0;
}

function setZeroOutputs(): void {
  for (const k of ['findings', 'errors', 'warnings']) core.setOutput(k, 0);
  for (const k of ['sarif-file', 'patch-file', 'review-url']) core.setOutput(k, '');
}

/**
 * The engine options with the image configs read from the registries when the `inspect-images`
 * input is true, and image digests resolved when `resolve-digests` is (failures become warnings;
 * the run goes on); otherwise `engine` unchanged, and no registry is contacted.
 */
export async function engineWithDigests(inputs: ActionInputs, engine: EngineOptions, sources: readonly SourceFile[]): Promise<EngineOptions> {
  if (inputs.inspectImages) {
    const { inspectImageConfigs } = await import('../inspect-images.js');
    const r = await inspectImageConfigs(sources, engine, process.env, { registries: inputs.registries ?? [], setting: 'input registries' });
    for (const f of r.failures) warning(`kube-immutable: ${f}`);
    core.info(`kube-immutable: read ${r.inspected} image config${r.inspected === 1 ? '' : 's'}.`);
    engine = r.engine;
  }
  if (!inputs.resolveDigests) return engine;
  const { resolveImageDigests } = await import('../resolve-digests.js');
  const r = await resolveImageDigests(sources, engine, process.env, { registries: inputs.registries ?? [], setting: 'input registries' });
  for (const f of r.failures) warning(`kube-immutable: ${f}`);
  core.info(`kube-immutable: resolved ${r.resolved} image digest${r.resolved === 1 ? '' : 's'}.`);
  return r.engine;
}
