import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';

/**
 * The Octokit class of the action: `@octokit/rest`'s (REST methods under `.rest` and at the top
 * level, pagination, request log) with `@octokit/plugin-throttling` and `@octokit/plugin-retry`.
 */
const GitHubOctokit = Octokit.plugin(throttling, retry);

/** The Octokit the action uses (REST methods, pagination, throttling and retries). */
export type GitHubClient = InstanceType<typeof GitHubOctokit>;

/** Where the client logs rate-limit waits (the action passes `core.info`/`core.warning`). */
export interface ClientLog {
  info(message: string): void;
  warning(message: string): void;
}

/**
 * An authenticated Octokit for the REST API at `GITHUB_API_URL` (GitHub Enterprise Server too;
 * `https://api.github.com` when unset or empty), with `@octokit/plugin-throttling` (waits for
 * `retry-after` on the primary and secondary rate limits, up to `maxRetries` times, default 3)
 * and `@octokit/plugin-retry` (retries 5xx answers, never 400, 401, 403, 404, 410, 422, 451).
 * Source: GitHub REST docs, "Rate limits for the REST API". Auth is `token <token>`; the user
 * agent is `userAgent` (default `kube-immutable`) with the runner's orchestration id
 * ({@link userAgentWithOrchestrationId}), then Octokit's own trail — what `@actions/github`'s
 * `getOctokit` sends (test/github/client.test.ts compares the requests).
 *
 * Requests go through Node's own `fetch`, unless a proxy variable (`https_proxy`, `HTTPS_PROXY`,
 * `http_proxy`, `HTTP_PROXY`) is set: then through `@actions/github`'s proxy transport (an
 * `@actions/http-client` agent and an undici `fetch` whose dispatcher honours them and
 * `no_proxy`), imported only then, so that the ~800 kB of `undici` are never loaded without a
 * proxy (start-up: docs/performance.md); hence asynchronous. Rejects with
 * `Parameter token or opts.auth is required` (`getOctokit`'s message) when `token` is empty.
 */
export async function createClient(token: string, log: ClientLog, options: { maxRetries?: number; userAgent?: string } = {}): Promise<GitHubClient> {
  if (!token) throw new Error('Parameter token or opts.auth is required');
  const maxRetries = options.maxRetries ?? 3;
  const request = proxyConfigured(process.env) ? (await import('@actions/github/lib/utils')).defaults.request : undefined;
  const client = new GitHubOctokit({
    baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
    auth: `token ${token}`,
    userAgent: userAgentWithOrchestrationId(options.userAgent ?? 'kube-immutable', process.env),
    ...(request ? { request } : {}),
    // Octokit's default log, except `error`: only @octokit/rest's request log writes there (each
    // failed request, to stderr), and getOctokit's client has no request log, so neither has this.
    // eslint-disable-next-line no-console -- Octokit's own default for warnings (deprecations), kept
    log: { debug: () => {}, info: () => {}, warn: console.warn.bind(console), error: () => {} },
    throttle: {
      onRateLimit: (retryAfter, req, _o, retryCount) => {
        log.warning(`GitHub rate limit reached for ${req.method} ${req.url}; retrying after ${retryAfter} s`);
        return retryCount < maxRetries;
      },
      onSecondaryRateLimit: (retryAfter, req, _o, retryCount) => {
        log.warning(`GitHub secondary rate limit reached for ${req.method} ${req.url}; retrying after ${retryAfter} s`);
        return retryCount < maxRetries;
      },
    },
    retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
  });
  // @octokit/rest puts `octokit-rest.js/<version>` after the user agent it is given; getOctokit's
  // client (and this one before @octokit/rest) sends none: the token is taken out again.
  client.hook.before('request', (o) => {
    const ua = o.headers['user-agent'];
    if (typeof ua === 'string') o.headers['user-agent'] = ua.replace(/ octokit-rest\.js\/\S+/, '');
  });
  return client;
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
  const message: unknown = (err as { message?: unknown } | null)?.message;
  return httpStatus(err) === 403 && !/rate limit/i.test(typeof message === 'string' ? message : '');
}
