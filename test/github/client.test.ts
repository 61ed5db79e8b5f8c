import { jest } from '@jest/globals';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, proxyConfigured, userAgentWithOrchestrationId, type GitHubClient } from '../../src/github/client.js';
import type { getOctokit } from '@actions/github';
import type { getUserAgentWithOrchestrationId } from '@actions/github/lib/utils';

const log = { info: () => {}, warning: () => {} };
const PROXY_VARS = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'no_proxy', 'NO_PROXY', 'ACTIONS_ORCHESTRATION_ID', 'GITHUB_API_URL'];

/** Run `fn` with these environment variables (the others of PROXY_VARS unset), then restore them. */
async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(PROXY_VARS.map((k) => [k, process.env[k]]));
  for (const k of PROXY_VARS) delete process.env[k];
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** The `fetch` a request of `client` is given (undefined: Octokit's default, the global fetch). */
async function fetchOf(client: GitHubClient): Promise<unknown> {
  client.hook.wrap(
    'request',
    async (_request, options) => ({ data: (options.request as { fetch?: unknown } | undefined)?.fetch, status: 200, headers: {}, url: '' }) as never,
  );
  return (await client.request('GET /rate_limit')).data;
}

let server: ReturnType<typeof createServer>;
let url: string;
const seen: Array<{ method: string; url: string; headers: IncomingHttpHeaders }> = [];
let libraryOctokit: typeof getOctokit;
let library: { getOctokit: typeof getOctokit; getUserAgentWithOrchestrationId: typeof getUserAgentWithOrchestrationId };
const savedApiUrl = process.env.GITHUB_API_URL;
beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method!, url: req.url!, headers: req.headers });
    if (req.url!.includes('/missing')) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ number: 7 }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // @actions/github reads GITHUB_API_URL once, when it is loaded (as in the action: set before the
  // process starts). Load it now, pointed at this server: no request may leave the machine.
  process.env.GITHUB_API_URL = url;
  const { getOctokit } = await import('@actions/github');
  libraryOctokit = getOctokit;
  const { getUserAgentWithOrchestrationId } = await import('@actions/github/lib/utils');
  library = { getOctokit, getUserAgentWithOrchestrationId };
});
afterAll(async () => {
  if (savedApiUrl === undefined) delete process.env.GITHUB_API_URL;
  else process.env.GITHUB_API_URL = savedApiUrl;
  await new Promise<void>((r) => server.close(() => r()));
});

describe('createClient', () => {
  it('without a proxy, sends what @actions/github`s client sends, on Node`s fetch', async () => {
    const requestOf = async (vars: Record<string, string>, make: () => Promise<GitHubClient> = () => createClient('secret-token', log)) =>
      withEnv({ GITHUB_API_URL: url, ACTIONS_ORCHESTRATION_ID: 'run 1/2', ...vars }, async () => {
        seen.length = 0;
        const client = await make();
        const pr = await client.rest.pulls.get({ owner: 'o', repo: 'r', pull_number: 7 });
        expect(pr.data.number).toBe(7);
        const { host: _host, connection: _connection, ...headers } = seen[0]!.headers;
        return { method: seen[0]!.method, url: seen[0]!.url, headers, fetch: await fetchOf(client) };
      });
    const own = await requestOf({});
    expect(seen).toHaveLength(1);
    // An HTTPS proxy variable selects @actions/github's proxy transport; it does not apply to this http:// URL.
    const proxied = await requestOf({ HTTPS_PROXY: 'http://127.0.0.1:9' });
    // The reference: @actions/github's own client, with the same plugins and user agent.
    const reference = await requestOf({}, async () => {
      const [{ retry }, { throttling }] = await Promise.all([import('@octokit/plugin-retry'), import('@octokit/plugin-throttling')]);
      return libraryOctokit(
        'secret-token',
        { userAgent: 'kube-immutable', throttle: { onRateLimit: () => false, onSecondaryRateLimit: () => false }, retry: { doNotRetry: [404] } } as never,
        throttling,
        retry,
      ) as unknown as GitHubClient;
    });
    expect(own.fetch).toBeUndefined();
    expect(typeof proxied.fetch).toBe('function');
    expect(typeof reference.fetch).toBe('function');
    expect({ ...own, fetch: undefined }).toEqual({ ...reference, fetch: undefined });
    expect({ ...proxied, fetch: undefined }).toEqual({ ...reference, fetch: undefined });
    expect(own.headers.authorization).toBe('token secret-token');
    expect(own.headers['user-agent']).toMatch(/^kube-immutable actions_orchestration_id\/run_1_2 octokit-core\.js\//);
  });

  it('writes nothing to stderr for a failed request (no request log), and does not retry a 404', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await withEnv({ GITHUB_API_URL: url }, async () => {
        const client = await createClient('secret-token', log);
        seen.length = 0;
        await expect(client.request('GET /repos/{owner}/{repo}/contents/{path}', { owner: 'o', repo: 'r', path: 'missing' })).rejects.toMatchObject({
          status: 404,
        });
        expect(seen).toHaveLength(1);
      });
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });

  it('fails on an empty token as getOctokit does', async () => {
    const expected = (() => {
      try {
        library.getOctokit('');
      } catch (err) {
        return (err as Error).message;
      }
      return undefined;
    })();
    expect(expected).toBe('Parameter token or opts.auth is required');
    await withEnv({}, async () => expect(createClient('', log)).rejects.toThrow(expected!));
    await withEnv({ HTTPS_PROXY: 'http://127.0.0.1:9' }, async () => expect(createClient('', log)).rejects.toThrow(expected!));
  });
});

describe('proxyConfigured', () => {
  it('is true when any proxy variable @actions/http-client reads is set', () => {
    expect(proxyConfigured({})).toBe(false);
    expect(proxyConfigured({ no_proxy: '*', NO_PROXY: '*', HTTPS_PROXY: '' })).toBe(false);
    for (const k of ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']) expect(proxyConfigured({ [k]: 'http://proxy:3128' })).toBe(true);
  });
});

describe('userAgentWithOrchestrationId', () => {
  it('equals @actions/github`s getUserAgentWithOrchestrationId', async () => {
    for (const id of [undefined, '', '  ', 'abc-123', 'run 1/2:3', 'é!', '  padded  ']) {
      for (const base of ['kube-immutable', '', 'x actions_orchestration_id/abc-123']) {
        const vars: Record<string, string> = id === undefined ? {} : { ACTIONS_ORCHESTRATION_ID: id };
        await withEnv(vars, async () => expect(userAgentWithOrchestrationId(base, process.env)).toBe(library.getUserAgentWithOrchestrationId(base) ?? ''));
      }
    }
  });
});
