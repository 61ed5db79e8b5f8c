import { readFileSync } from 'node:fs';

/** The pull request an event is about. SHAs are full 40-hex commit ids. */
export interface PullRequestRef {
  number: number;
  headSha: string;
  baseSha: string;
  htmlUrl: string | undefined;
  /** True when the head branch lives in another repository (a fork). */
  fromFork: boolean;
}

/** What the action needs from the workflow run's event. */
export interface ActionEvent {
  /** `GITHUB_EVENT_NAME`, e.g. `pull_request`. */
  name: string;
  owner: string;
  repo: string;
  /** Set for `pull_request` and `pull_request_target`. */
  pullRequest: PullRequestRef | undefined;
  /** Base and head commits of the change for `push` and `merge_group` events. */
  range: { base: string; head: string } | undefined;
  /** The commit the run is about (`GITHUB_SHA`, or the PR head). */
  sha: string;
}

/**
 * Read the event from the runner's environment: `GITHUB_EVENT_NAME`, `GITHUB_EVENT_PATH` (the
 * webhook payload), `GITHUB_REPOSITORY` and `GITHUB_SHA`. Throws an Error naming the variable
 * when one the action needs is missing or the payload is not JSON. Source: GitHub docs,
 * "Variables" and "Events that trigger workflows".
 */
export function readEvent(env: NodeJS.ProcessEnv = process.env): ActionEvent {
  const name = env.GITHUB_EVENT_NAME ?? '';
  let payload: any = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
    } catch (err) {
      throw new Error(`cannot read the event payload at GITHUB_EVENT_PATH (${env.GITHUB_EVENT_PATH}): ${(err as Error).message}`);
    }
  }
  const full = env.GITHUB_REPOSITORY ?? payload?.repository?.full_name ?? '';
  const [owner = '', repo = ''] = String(full).split('/');
  const pr = payload?.pull_request;
  let pullRequest: PullRequestRef | undefined;
  if ((name === 'pull_request' || name === 'pull_request_target') && pr) {
    pullRequest = {
      number: Number(pr.number ?? payload.number),
      headSha: String(pr.head?.sha ?? ''),
      baseSha: String(pr.base?.sha ?? ''),
      htmlUrl: typeof pr.html_url === 'string' ? pr.html_url : undefined,
      fromFork: Boolean(pr.head?.repo && pr.base?.repo && pr.head.repo.full_name !== pr.base.repo.full_name),
    };
    if (!pullRequest.headSha || !Number.isInteger(pullRequest.number)) throw new Error('the pull_request payload has no head SHA or number');
  }
  let range: ActionEvent['range'];
  if (name === 'push' && payload?.before && payload?.after) range = { base: String(payload.before), head: String(payload.after) };
  if (name === 'merge_group' && payload?.merge_group) range = { base: String(payload.merge_group.base_sha), head: String(payload.merge_group.head_sha) };
  return { name, owner, repo, pullRequest, range, sha: pullRequest?.headSha ?? range?.head ?? env.GITHUB_SHA ?? '' };
}
