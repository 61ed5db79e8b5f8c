/**
 * createClient with a proxy variable set: the requests go through the proxy, by @actions/github's
 * proxy transport (an undici dispatcher). @actions/github reads `GITHUB_API_URL` and the proxy
 * variables once, when it is loaded (as in the action: set before the process starts), so this
 * file sets them before its first createClient. The API's host is `api.github.invalid` (a name
 * that never resolves): only the local proxy, which hands the request to a local server acting
 * as the API, can answer it. Nothing leaves loopback.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { createClient } from '../../src/github/client.js';

const log = { info: () => {}, warning: () => {} };
const VARS = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'no_proxy', 'NO_PROXY', 'ACTIONS_ORCHESTRATION_ID', 'GITHUB_API_URL'];
const saved = Object.fromEntries(VARS.map((k) => [k, process.env[k]]));

const atApi: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
const atProxy: string[] = [];
const sockets = new Set<Socket>();
const api = createServer((req, res) => {
  atApi.push({ url: req.url!, headers: req.headers });
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ number: 7 }));
});
// A forward proxy: absolute-form requests are passed on, CONNECT tunnels go to the API server.
const proxy = createServer((req, res) => {
  atProxy.push(`${req.method} ${req.url}`);
  const { port } = api.address() as AddressInfo;
  const out = httpRequest(
    { host: '127.0.0.1', port, method: req.method, path: new URL(req.url!).pathname + new URL(req.url!).search, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(res);
    },
  );
  req.pipe(out);
});
proxy.on('connect', (req, client: Socket, head: Buffer) => {
  atProxy.push(`CONNECT ${req.url}`);
  const upstream = connect((api.address() as AddressInfo).port, '127.0.0.1', () => {
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    upstream.write(head);
    upstream.pipe(client).pipe(upstream);
  });
  for (const s of [client, upstream]) {
    sockets.add(s);
    s.on('error', () => {});
    s.on('close', () => sockets.delete(s));
  }
});

beforeAll(async () => {
  await Promise.all([api, proxy].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))));
  for (const k of VARS) delete process.env[k];
  process.env.GITHUB_API_URL = 'http://api.github.invalid';
  process.env.HTTP_PROXY = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  for (const s of sockets) s.destroy();
  for (const s of [api, proxy]) s.closeAllConnections();
  await Promise.all([api, proxy].map((s) => new Promise<void>((r) => s.close(() => r()))));
});

describe('createClient behind a proxy (HTTP_PROXY)', () => {
  it('sends the request through the proxy, with the token and the user agent', async () => {
    const client = await createClient('secret-token', log);
    const pr = await client.rest.pulls.get({ owner: 'o', repo: 'r', pull_number: 7 });
    expect(pr.data.number).toBe(7);
    expect(atProxy).toHaveLength(1);
    expect(atProxy[0]).toMatch(/^(CONNECT api\.github\.invalid:80|GET http:\/\/api\.github\.invalid\/repos\/o\/r\/pulls\/7)$/);
    expect(atApi).toHaveLength(1);
    expect(atApi[0]!.url).toBe('/repos/o/r/pulls/7');
    expect(atApi[0]!.headers.host).toBe('api.github.invalid');
    expect(atApi[0]!.headers.authorization).toBe('token secret-token');
    expect(atApi[0]!.headers['user-agent']).toMatch(/^kube-immutable octokit-core\.js\/\S+ /);
  });
});
