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

/** The webhook payload's fields {@link readEvent} reads: any may be missing, null or of another type. */
interface EventPayload {
  repository?: { full_name?: unknown } | null;
  number?: unknown;
  pull_request?: {
    number?: unknown;
    head?: { sha?: unknown; repo?: { full_name?: unknown } | null } | null;
    base?: { sha?: unknown; repo?: { full_name?: unknown } | null } | null;
    html_url?: unknown;
  } | null;
  before?: unknown;
  after?: unknown;
  merge_group?: { base_sha?: unknown; head_sha?: unknown } | null;
}

/**
 * Read the event from the runner's environment: `GITHUB_EVENT_NAME`, `GITHUB_EVENT_PATH` (the
 * webhook payload), `GITHUB_REPOSITORY` and `GITHUB_SHA`. Throws an Error naming the variable
 * when one the action needs is missing or the payload is not JSON. Source: GitHub docs,
 * "Variables" and "Events that trigger workflows".
 */
export function readEvent(env: NodeJS.ProcessEnv = process.env): ActionEvent {
  const name = env.GITHUB_EVENT_NAME ?? '';
  // JSON.parse may give any JSON value: every read below goes through `?.` or a type check.
  let payload: EventPayload | null = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as EventPayload | null;
    } catch (err) {
      throw new Error(`cannot read the event payload at GITHUB_EVENT_PATH (${env.GITHUB_EVENT_PATH}): ${(err as Error).message}`, { cause: err });
    }
  }
  const full = env.GITHUB_REPOSITORY ?? payload?.repository?.full_name ?? '';
  const [owner = '', repo = ''] = asText(full).split('/');
  const pr = payload?.pull_request;
  let pullRequest: PullRequestRef | undefined;
  if ((name === 'pull_request' || name === 'pull_request_target') && pr) {
    pullRequest = {
      number: Number(pr.number ?? payload?.number),
      headSha: asText(pr.head?.sha ?? ''),
      baseSha: asText(pr.base?.sha ?? ''),
      htmlUrl: typeof pr.html_url === 'string' ? pr.html_url : undefined,
      fromFork: Boolean(pr.head?.repo && pr.base?.repo && pr.head.repo.full_name !== pr.base.repo.full_name),
    };
    if (!pullRequest.headSha || !Number.isInteger(pullRequest.number)) throw new Error('the pull_request payload has no head SHA or number');
  }
  let range: ActionEvent['range'];
  if (name === 'push' && payload?.before && payload?.after) range = { base: asText(payload.before), head: asText(payload.after) };
  if (name === 'merge_group' && payload?.merge_group) range = { base: asText(payload.merge_group.base_sha), head: asText(payload.merge_group.head_sha) };
  return { name, owner, repo, pullRequest, range, sha: pullRequest?.headSha ?? range?.head ?? env.GITHUB_SHA ?? '' };
}

/** A payload field as text, exactly as `String()` gives it (GitHub sends strings here: SHAs, `owner/repo`). */
function asText(v: unknown): string {
  return String(v);
}
