import type { getOctokit } from '@actions/github';
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

/** The Octokit the action uses: `@actions/github`'s (REST methods, pagination), with throttling and retries. */
export type GitHubClient = ReturnType<typeof getOctokit>;

/** Where the client logs rate-limit waits (the action passes `core.info`/`core.warning`). */
export interface ClientLog {
  info(message: string): void;
  warning(message: string): void;
}

/**
 * An authenticated Octokit for the REST API at `GITHUB_API_URL` (GitHub Enterprise Server too),
 * with `@octokit/plugin-throttling` (waits for `retry-after` on the primary and secondary rate
 * limits, up to `maxRetries` times) and `@octokit/plugin-retry` (retries 5xx answers). Source:
 * GitHub REST docs, "Rate limits for the REST API".
 *
 * The client is `@actions/github`'s `getOctokit` (the same plugins, base URL, `token` auth and
 * user agent) when a proxy variable (`https_proxy`, `HTTPS_PROXY`, `http_proxy`, `HTTP_PROXY`)
 * is set: its HTTP client honours them and `no_proxy`. Without one, the same Octokit is built
 * here on Node's own `fetch`, so that the ~800 kB of `undici` that `@actions/github` brings is
 * never loaded (start-up: docs/performance.md); hence asynchronous. Rejects, with `getOctokit`'s
 * message, when `token` is empty.
 */
export async function createClient(token: string, log: ClientLog, options: { maxRetries?: number; userAgent?: string } = {}): Promise<GitHubClient> {
  const maxRetries = options.maxRetries ?? 3;
  const settings = {
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
  };
  if (proxyConfigured(process.env)) {
    const { getOctokit } = await import('@actions/github');
    return getOctokit(token, settings as never, throttling as never, retry as never);
  }
  if (!token) throw new Error('Parameter token or opts.auth is required');
  const Client = Octokit.plugin(restEndpointMethods, paginateRest, throttling, retry);
  return new Client({
    ...settings,
    baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
    auth: `token ${token}`,
    userAgent: userAgentWithOrchestrationId(settings.userAgent, process.env),
  } as never) as unknown as GitHubClient;
}

/** True when the environment names an HTTP(S) proxy (which `@actions/github`'s client honours). */
export function proxyConfigured(env: NodeJS.ProcessEnv): boolean {
  return ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'].some((k) => !!env[k]);
}

/**
 * The user agent `@actions/github` sends (its `getUserAgentWithOrchestrationId`, kept equal by a
 * test): `base`, then `actions_orchestration_id/<id>` when the runner sets
 * `ACTIONS_ORCHESTRATION_ID` (characters other than `[a-z0-9_.-]` become `_`).
 */
export function userAgentWithOrchestrationId(base: string, env: NodeJS.ProcessEnv): string {
  const id = env.ACTIONS_ORCHESTRATION_ID?.trim();
  if (!id) return base;
  const tag = `actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}`;
  return base.includes(tag) ? base : `${base ? `${base} ` : ''}${tag}`;
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
