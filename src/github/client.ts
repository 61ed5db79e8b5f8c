import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

/** The Octokit the action uses: `@actions/github`'s, with throttling and retries. */
export type GitHubClient = ReturnType<typeof getOctokit>;

/** Where the client logs rate-limit waits (the action passes `core.info`/`core.warning`). */
export interface ClientLog {
  info(message: string): void;
  warning(message: string): void;
}

/**
 * An authenticated Octokit for the REST API at `GITHUB_API_URL` (GitHub Enterprise Server too:
 * `@actions/github` reads it), with `@octokit/plugin-throttling` (waits for `retry-after` on the
 * primary and secondary rate limits, up to `maxRetries` times) and `@octokit/plugin-retry`
 * (retries 5xx answers). Source: GitHub REST docs, "Rate limits for the REST API".
 */
export function createClient(token: string, log: ClientLog, options: { maxRetries?: number; userAgent?: string } = {}): GitHubClient {
  const maxRetries = options.maxRetries ?? 3;
  return getOctokit(
    token,
    {
      userAgent: options.userAgent ?? 'kube-immutable',
      throttle: {
        onRateLimit: (retryAfter: number, req: { method: string; url: string }, _o: unknown, retryCount: number) => {
          log.warning(`GitHub rate limit reached for ${req.method} ${req.url}; retrying after ${retryAfter} s`);
          return retryCount < maxRetries;
        },
        onSecondaryRateLimit: (retryAfter: number, req: { method: string; url: string }, _o: unknown, retryCount: number) => {
          log.warning(`GitHub secondary rate limit reached for ${req.method} ${req.url}; retrying after ${retryAfter} s`);
          return retryCount < maxRetries;
        },
      },
      retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
    } as never,
    throttling as never,
    retry as never,
  );
}

/** The HTTP status of an Octokit error, or undefined for other errors. */
export function httpStatus(err: unknown): number | undefined {
  const s = (err as { status?: unknown })?.status;
  return typeof s === 'number' ? s : undefined;
}

/**
 * True for GitHub's answer to a write with a token that may not write (fork pull requests:
 * 403 "Resource not accessible by integration"); a 403 for an exhausted rate limit is not.
 */
export function isReadOnlyTokenError(err: unknown): boolean {
  return httpStatus(err) === 403 && !/rate limit/i.test(String((err as Error)?.message ?? ''));
}
