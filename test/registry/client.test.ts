import type { IncomingMessage, ServerResponse } from 'node:http';
import { registryEnvironment, registryTarget, resolveDigests, resolveManifestDigest, type RegistryTarget } from '../../src/registry/index.js';
import { fakeServer, sha256, type FakeServer } from './helpers.js';

const DIGEST = 'sha256:' + 'f'.repeat(64);
/** The image's host is named as an insecure registry: the explicit opt-in for plain http on loopback. */
const hostOf = (image: string) => image.split('/')[0]!;
const target = (image: string) => registryTarget(image, [hostOf(image)]) as RegistryTarget;
const local = (host: string) => ({ insecureRegistries: [host] });

/** A registry that wants a bearer token from its own /token endpoint (optionally with Basic credentials). */
function tokenRegistry(opts: { basic?: string } = {}) {
  return (req: IncomingMessage, res: ServerResponse, host: string) => {
    const url = new URL(req.url!, `http://${host}`);
    if (url.pathname === '/token') {
      if (opts.basic && req.headers.authorization !== opts.basic) {
        res.writeHead(401).end();
        return;
      }
      const ok = url.searchParams.get('service') === 'fake-registry' && url.searchParams.get('scope') === 'repository:acme/app:pull';
      res.writeHead(ok ? 200 : 400, { 'Content-Type': 'application/json' }).end(JSON.stringify(ok ? { token: 'tok-123' } : { error: 'bad scope' }));
      return;
    }
    if (req.headers.authorization !== 'Bearer tok-123') {
      res
        .writeHead(401, {
          'WWW-Authenticate': `Bearer realm="http://${host}/token",service="fake-registry",scope="repository:acme/app:pull"`,
          'Content-Type': 'application/json',
        })
        .end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }));
      return;
    }
    if (url.pathname === '/v2/acme/app/manifests/1.0') res.writeHead(200, { 'Docker-Content-Digest': DIGEST }).end();
    else
      res.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }] }));
  };
}

describe('the bearer-token flow (fake registry and token service on loopback)', () => {
  let server: FakeServer;
  afterEach(() => server.close());

  it('gets an anonymous token from the realm, then the digest from HEAD', async () => {
    server = await fakeServer(tokenRegistry());
    const r = await resolveManifestDigest(target(`${server.host}/acme/app:1.0`), local(server.host));
    expect(r).toEqual({ digest: DIGEST });
    expect(server.requests.map((q) => `${q.method} ${q.url} ${q.authorization ?? '-'}`)).toEqual([
      'HEAD /v2/acme/app/manifests/1.0 -',
      'GET /token?service=fake-registry&scope=repository%3Aacme%2Fapp%3Apull -',
      'HEAD /v2/acme/app/manifests/1.0 Bearer tok-123',
    ]);
    expect(server.requests[0]!.accept).toBe(
      'application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json',
    );
  });

  it('sends the configured user name and password to the token service, and reuses the token', async () => {
    const basic = `Basic ${Buffer.from('me:s3cret').toString('base64')}`;
    server = await fakeServer(tokenRegistry({ basic }));
    const env = registryEnvironment({ KUBE_IMMUTABLE_REGISTRY_AUTH: JSON.stringify({ [server.host]: { username: 'me', password: 's3cret' } }) });
    const results = await resolveDigests([`${server.host}/acme/app:1.0`, `${server.host}/acme/app:2.0`], {
      ...local(server.host),
      credentials: env.credentials,
      concurrency: 1,
    });
    expect(results.get(`${server.host}/acme/app:1.0`)).toEqual({ digest: DIGEST });
    expect(results.get(`${server.host}/acme/app:2.0`)).toEqual({
      error: `${server.host}/acme/app:2.0 was not found (HTTP 404)`,
    });
    expect(server.requests.filter((q) => q.url.startsWith('/token')).map((q) => q.authorization)).toEqual([basic]);
    // The registry itself never sees the password: only the token.
    expect(server.requests.filter((q) => q.url.startsWith('/v2/')).map((q) => q.authorization)).toEqual([undefined, 'Bearer tok-123', 'Bearer tok-123']);
  });

  it('says when the token service refuses', async () => {
    server = await fakeServer(tokenRegistry({ basic: 'Basic nobody' }));
    expect(await resolveManifestDigest(target(`${server.host}/acme/app:1.0`), local(server.host))).toEqual({
      error: `the token service of ${server.host} (http://${server.host}) answered HTTP 401: the registry needs credentials`,
    });
  });

  it('never sends a token request to a plain-http realm off loopback', async () => {
    server = await fakeServer((_req, res) => void res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="http://auth.example.com/token",service="x"' }).end());
    expect(await resolveManifestDigest(target(`${server.host}/acme/app:1.0`), local(server.host))).toEqual({
      error: `${server.host} asked for a token: the token realm http://auth.example.com is not https; refusing to send a token request there (allowed: ${server.host})`,
    });
    expect(server.requests).toHaveLength(1);
  });
});

describe('Basic credentials, fallbacks and failures', () => {
  let server: FakeServer;
  afterEach(() => server?.close());

  it('answers a Basic challenge with the configured credentials', async () => {
    const basic = `Basic ${Buffer.from('u:p').toString('base64')}`;
    server = await fakeServer((req, res) => {
      if (req.headers.authorization !== basic) res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="r"' }).end();
      else res.writeHead(200, { 'Docker-Content-Digest': DIGEST }).end();
    });
    expect(
      await resolveManifestDigest(target(`${server.host}/a:1`), { ...local(server.host), credentials: { [server.host]: { username: 'u', password: 'p' } } }),
    ).toEqual({ digest: DIGEST });
    expect(await resolveManifestDigest(target(`${server.host}/a:1`), local(server.host))).toEqual({
      error: `access to ${server.host}/a:1 was denied (HTTP 401); if the registry needs credentials, set them in KUBE_IMMUTABLE_REGISTRY_AUTH`,
    });
  });

  it('sends a configured bearer token up front', async () => {
    server = await fakeServer(
      (req, res) => void res.writeHead(req.headers.authorization === 'Bearer pat' ? 200 : 403, { 'Docker-Content-Digest': DIGEST }).end(),
    );
    expect(await resolveManifestDigest(target(`${server.host}/a:1`), { ...local(server.host), credentials: { [server.host]: { token: 'pat' } } })).toEqual({
      digest: DIGEST,
    });
    expect(await resolveManifestDigest(target(`${server.host}/a:1`), { ...local(server.host), credentials: { [server.host]: { token: 'old' } } })).toEqual({
      error: `access to ${server.host}/a:1 was denied with the credentials of KUBE_IMMUTABLE_REGISTRY_AUTH for ${server.host} (HTTP 403)`,
    });
  });

  it('hashes the manifest from GET when HEAD gives no digest header, or is not allowed', async () => {
    const manifest = '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json"}';
    for (const headStatus of [200, 405]) {
      server = await fakeServer((req, res) => {
        if (req.method === 'HEAD') res.writeHead(headStatus).end();
        else res.writeHead(200, { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' }).end(manifest);
      });
      expect(await resolveManifestDigest(target(`${server.host}/a:1`), local(server.host))).toEqual({ digest: sha256(manifest) });
      expect(server.requests.map((q) => q.method)).toEqual(['HEAD', 'GET']);
      await server.close();
    }
  });

  it('reads at most 4 MiB of a manifest, by Content-Length or as it streams', async () => {
    const big = Buffer.alloc(4 * 1024 * 1024 + 1, 0x20);
    for (const chunked of [false, true]) {
      server = await fakeServer((req, res) => {
        if (req.method === 'HEAD') return void res.writeHead(200).end();
        res.writeHead(200, chunked ? { 'Transfer-Encoding': 'chunked' } : { 'Content-Length': String(big.length) });
        res.end(big);
      });
      expect(await resolveManifestDigest(target(`${server.host}/a:1`), local(server.host))).toEqual({
        error: `the manifest of ${server.host}/a:1 is larger than 4194304 bytes; not read`,
      });
      await server.close();
    }
  });

  it('gives up after the time limit', async () => {
    server = await fakeServer(() => undefined); // never answers
    expect(await resolveManifestDigest(target(`${server.host}/a:1`), { ...local(server.host), timeoutMs: 200 })).toEqual({
      error: `${server.host} did not answer within 0.2 s`,
    });
  });

  it('says when the registry cannot be reached', async () => {
    server = await fakeServer(() => undefined);
    const host = server.host;
    await server.close();
    expect(await resolveManifestDigest(target(`${host}/a:1`), local(host))).toEqual({ error: `cannot reach ${host}: ECONNREFUSED` });
  });

  it('reports rate limits and other statuses', async () => {
    server = await fakeServer((req, res) => void res.writeHead(req.url!.includes('/limited/') ? 429 : 500).end());
    const r = await resolveDigests([`${server.host}/limited/a:1`, `${server.host}/broken/a:1`, 'Bad/Ref'], local(server.host));
    expect([...r.values()]).toEqual([
      { error: `${server.host} limits the request rate (HTTP 429); try again later or give credentials in KUBE_IMMUTABLE_REGISTRY_AUTH` },
      { error: `${server.host} answered HTTP 500 for ${server.host}/broken/a:1` },
      { error: 'invalid image reference: repository "Ref" must be lowercase' },
    ]);
  });

  it('looks each manifest up once, however it is written, at most `concurrency` at a time', async () => {
    let active = 0;
    let peak = 0;
    server = await fakeServer((_req, res) => {
      active++;
      peak = Math.max(peak, active);
      setTimeout(() => {
        active--;
        res.writeHead(200, { 'Docker-Content-Digest': DIGEST }).end();
      }, 30);
    });
    const h = server.host;
    const images = [`${h}/a`, `${h}/a:latest`, `${h}/b:1`, `${h}/c:1`, `${h}/d:1`, `${h}/e:1`, `${h}/b:1`];
    const r = await resolveDigests(images, { ...local(h), concurrency: 2 });
    expect([...r.keys()]).toEqual([...new Set(images)]);
    expect([...r.values()].every((x) => 'digest' in x && x.digest === DIGEST)).toBe(true);
    expect(server.requests.map((q) => q.url).sort()).toEqual([
      '/v2/a/manifests/latest',
      '/v2/b/manifests/1',
      '/v2/c/manifests/1',
      '/v2/d/manifests/1',
      '/v2/e/manifests/1',
    ]);
    expect(peak).toBeLessThanOrEqual(2);
  });
});
