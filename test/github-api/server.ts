/**
 * A local HTTP server that answers like api.github.com for the routes kube-immutable uses, enforcing
 * GitHub's request schemas (OpenAPI) and review anchor rules, with per-test fault injection.
 *
 *   const gh = await startGitHubApiServer(fixture.state());
 *   gh.faults.add('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { status: 500 });
 *   gh.faults.add('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { after: true, mutate: (s) => { s.pullRequest.head.sha = newer; } });
 *   ... run the action with GITHUB_API_URL=gh.url ...
 *   expect(gh.rejections).toEqual([]); expect(gh.counts().contentCreating).toBe(1);
 *   await gh.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { documentationUrl, validateRequest } from './openapi-validate.js';
import { error, matcher, readRoutes, type Route, type RouteResult } from './routes.js';
import type { Counts, Fault, GitHubState, LogEntry, Rejection } from './types.js';
import { writeRoutes } from './write-routes.js';

export type { Counts, Fault, GitHubState, LogEntry, Rejection } from './types.js';

export interface GitHubApiServer {
  /** `http://127.0.0.1:<port>`: use as `GITHUB_API_URL` / Octokit `baseUrl`. */
  url: string;
  port: number;
  /** The live state (PR, files, reviews, comments); tests may read and edit it. */
  state: GitHubState;
  /** Every request, in arrival order. */
  log: LogEntry[];
  /** Requests refused because the client was wrong (schema, anchors, commit_id, pending review, bad JSON). */
  rejections: Rejection[];
  faults: {
    /** Queue a fault for a route key (`'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews'`) or `'*'`. */
    add(routeKey: string, fault: Fault): void;
    /** Faults not consumed yet. */
    pending(): Array<{ routeKey: string; fault: Fault; remaining: number }>;
    clear(): void;
  };
  counts(): Counts;
  close(): Promise<void>;
}

const ROUTES: Array<Route & { key: string; match: ReturnType<typeof matcher> }> = [...readRoutes, ...writeRoutes].map((r) => ({
  ...r,
  key: `${r.method} ${r.template}`,
  match: matcher(r.template),
}));

/** Every route key the server knows (for `faults.add`). */
export const ROUTE_KEYS: readonly string[] = ROUTES.map((r) => r.key);

const WRITE = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const SECONDARY =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.';
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Requires authentication',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  500: 'Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

function faultResult(fault: Fault): RouteResult | 'reset' {
  if ('reset' in fault) return 'reset';
  if ('mutate' in fault) throw new Error('a mutate fault has no result');
  if ('secondaryRateLimit' in fault) {
    return { ...error(403, SECONDARY), headers: { 'retry-after': String(fault.retryAfter ?? 60) } };
  }
  const r = error(fault.status, fault.message ?? REASONS[fault.status] ?? 'Error');
  return { status: fault.status, body: fault.body ?? r.body, headers: fault.headers };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startGitHubApiServer(state: GitHubState): Promise<GitHubApiServer> {
  const log: LogEntry[] = [];
  const rejections: Rejection[] = [];
  const queue: Array<{ routeKey: string; fault: Fault; remaining: number }> = [];
  let url = '';

  function takeFault(routeKey: string | null, after: boolean): Fault | undefined {
    const i = queue.findIndex((q) => (q.routeKey === routeKey || q.routeKey === '*') && Boolean(q.fault.after) === after);
    if (i < 0) return undefined;
    const q = queue[i];
    if (--q.remaining <= 0) queue.splice(i, 1);
    return q.fault;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const method = (req.method ?? 'GET').toUpperCase();
    const full = new URL(req.url ?? '/', url);
    const path = full.pathname;
    const raw = await readBody(req);
    let parsed: unknown = undefined;
    let badJson = false;
    if (raw.trim()) {
      try {
        parsed = JSON.parse(raw);
      } catch {
        badJson = true;
        parsed = raw;
      }
    }
    let route: (typeof ROUTES)[number] | undefined;
    let params: Record<string, string> | undefined;
    for (const r of ROUTES) {
      if (r.method !== method) continue;
      params = r.match(path);
      if (params) {
        route = r;
        break;
      }
    }
    const entry: LogEntry = { method, route: route?.key ?? null, path, status: 0, body: parsed };
    log.push(entry);

    const send = (result: RouteResult) => {
      entry.status = result.status;
      const remaining = Math.max(0, 5000 - log.length);
      const headers: Record<string, string> = {
        'content-type': 'application/json; charset=utf-8',
        'x-github-media-type': 'github.v3; format=json',
        'x-github-request-id': `FAKE:${log.length}`,
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': String(remaining),
        'x-ratelimit-used': String(5000 - remaining),
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        'x-ratelimit-resource': 'core',
        ...result.headers,
      };
      if (result.status === 204 || result.body === undefined) {
        delete headers['content-type'];
        res.writeHead(result.status, headers).end();
      } else res.writeHead(result.status, headers).end(typeof result.body === 'string' ? result.body : JSON.stringify(result.body));
    };
    const reset = (fault: Fault) => {
      entry.fault = fault;
      entry.status = 0;
      req.socket.destroy();
    };

    const auth = req.headers.authorization ?? '';
    if (!/^(token|bearer)\s+\S+/i.test(auth)) return send(error(401, 'Requires authentication'));
    if (!route || !params) return send(error(404, 'Not Found'));
    let before = takeFault(route.key, false);
    if (before && 'mutate' in before) {
      entry.fault = before;
      before.mutate(state);
      before = undefined;
    }
    if (before) {
      entry.fault = before;
      const r = faultResult(before);
      return r === 'reset' ? reset(before) : send(r);
    }
    if (state.readOnly && WRITE.has(method)) return send(error(403, 'Resource not accessible by integration'));
    const reject = (kind: Rejection['kind'], detail: string) => rejections.push({ kind, route: route.key, detail, body: parsed });
    if (badJson) {
      reject('json', 'body is not JSON');
      return send(error(400, 'Problems parsing JSON'));
    }
    const query = Object.fromEntries(full.searchParams);
    const v = validateRequest(route.template, method, query, parsed);
    if (!v.ok) {
      reject('openapi', v.message);
      return send({ status: 422, body: { message: v.message, errors: v.errors, documentation_url: documentationUrl(route.template, method), status: '422' } });
    }
    const body = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>;
    const result = route.handle({ state, params, query: v.query, rawQuery: query, headers: req.headers, body, baseUrl: url, path });
    if (result.rejection) reject(result.rejection.kind, result.rejection.detail);
    if (result.status === 422 && result.body && typeof result.body === 'object') {
      (result.body as Record<string, unknown>).documentation_url = documentationUrl(route.template, method);
    }
    const after = takeFault(route.key, true);
    if (after && 'mutate' in after) {
      entry.fault = after;
      after.mutate(state);
    } else if (after) {
      entry.fault = after;
      const r = faultResult(after);
      return r === 'reset' ? reset(after) : send(r);
    }
    send(result);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: `fake server bug: ${String(e)}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  url = `http://127.0.0.1:${port}`;

  return {
    url,
    port,
    state,
    log,
    rejections,
    faults: {
      add(routeKey, fault) {
        if (routeKey !== '*' && !ROUTE_KEYS.includes(routeKey)) throw new Error(`unknown route key ${routeKey}; known: ${ROUTE_KEYS.join(', ')}`);
        queue.push({ routeKey, fault, remaining: fault.times ?? 1 });
      },
      pending: () => queue.map((q) => ({ ...q })),
      clear: () => void queue.splice(0),
    },
    counts() {
      const c: Counts = { total: log.length, byRoute: {}, contentCreating: 0, byStatus: {} };
      for (const e of log) {
        const key = e.route ?? `${e.method} ${e.path}`;
        c.byRoute[key] = (c.byRoute[key] ?? 0) + 1;
        c.byStatus[e.status] = (c.byStatus[e.status] ?? 0) + 1;
        if (WRITE.has(e.method)) c.contentCreating++;
      }
      return c;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
