// A registry a pull request names, or a registry that answers with a token realm or a redirect
// to another host, must not make the runner send requests where it chose. Two loopback servers:
// the registry, and a "target" that records every request and must see none of them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { guardedFetch, registryAccess, registryTarget, resolveDigests, resolveManifestDigest, type RegistryTarget } from '../../src/registry/index.js';
import { fakeServer, type FakeServer } from './helpers.js';

const DIGEST = 'sha256:' + 'a'.repeat(64);

let registry: FakeServer;
let target: FakeServer;
/** What the registry answers to a manifest request without a token (set per test). */
let answer: (req: IncomingMessage, res: ServerResponse) => void;

beforeEach(async () => {
  target = await fakeServer((req, res) => {
    if (req.url!.startsWith('/token')) res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ token: 'stolen' }));
    else res.writeHead(200, { 'Docker-Content-Digest': DIGEST }).end();
  });
  registry = await fakeServer((req, res) => answer(req, res));
});
afterEach(async () => {
  await registry.close();
  await target.close();
});

const port = (host: string) => host.split(':')[1]!;
const challenge = (realm: string) => (_req: IncomingMessage, res: ServerResponse) =>
  void res.writeHead(401, { 'WWW-Authenticate': `Bearer realm="${realm}",service="x"` }).end();
const redirect = (location: string) => (_req: IncomingMessage, res: ServerResponse) => void res.writeHead(307, { Location: location }).end();
/** The registry is named as insecure (plain http on loopback): the explicit opt-in a workflow gives. */
const image = () => registryTarget(`${registry.host}/acme/app:1`, [registry.host]) as RegistryTarget;
const opts = (more: { registries?: string[]; insecure?: string[]; credentials?: Record<string, { token: string }> } = {}) => ({
  access: registryAccess({ registries: more.registries, insecureRegistries: [registry.host, ...(more.insecure ?? [])], setting: 'input registries' }),
  credentials: more.credentials,
});

describe('a token realm on another host, over http, or on loopback is never asked', () => {
  it.each([
    ['http on another host (port)', (t: string) => `http://${t}/token`],
    ['https on another host (port)', (t: string) => `https://${t}/token`],
    ['localhost', (t: string) => `http://localhost:${port(t)}/token`],
    ['the IPv6 loopback', (t: string) => `https://[::1]:${port(t)}/token`],
    ['a decimal IP for 127.0.0.1', (t: string) => `http://2130706433:${port(t)}/token`],
  ])('%s', async (_name, realm) => {
    answer = challenge(realm(target.host));
    const r = await resolveManifestDigest(image(), opts());
    expect(r).toEqual({
      error: expect.stringMatching(new RegExp(`^${registry.host} asked for a token: the token realm .* refusing to send a token request there`)),
    });
    expect(registry.requests).toHaveLength(1);
    expect(target.requests).toEqual([]);
  });

  it('an auth host named for the registry, but on loopback, is still refused unless named itself', async () => {
    answer = challenge(`https://${target.host}/token`);
    const r = await resolveManifestDigest(image(), opts({ registries: [`${registry.host}=${target.host}`] }));
    expect(r).toEqual({ error: expect.stringContaining(`the token realm https://${target.host} is a loopback (RFC 1122) address`) });
    expect(target.requests).toEqual([]);
  });

  it('control: a realm on the registry itself is asked (so the tests above would see a request)', async () => {
    answer = (req, res) => {
      if (req.url!.startsWith('/token')) res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"token":"t"}');
      else if (req.headers.authorization === 'Bearer t') res.writeHead(200, { 'Docker-Content-Digest': DIGEST }).end();
      else challenge(`http://${registry.host}/token`)(req, res);
    };
    expect(await resolveManifestDigest(image(), opts())).toEqual({ digest: DIGEST });
    expect(registry.requests.map((q) => q.url)).toEqual([
      '/v2/acme/app/manifests/1',
      '/token?service=x&scope=repository%3Aacme%2Fapp%3Apull',
      '/v2/acme/app/manifests/1',
    ]);
  });
});

describe('redirects of manifest requests', () => {
  it('to a host off the allow-list (loopback, another port) are not followed', async () => {
    for (const location of [
      `http://${target.host}/v2/acme/app/manifests/1`,
      `https://localhost:${port(target.host)}/x`,
      `http://[::1]:${port(target.host)}/x`,
    ]) {
      answer = redirect(location);
      const r = await resolveManifestDigest(image(), opts());
      expect(r).toEqual({
        error: expect.stringMatching(new RegExp(`^${registry.host} redirected to .*, which is not on the allow-list \\(input registries\\); not followed$`)),
      });
    }
    expect(target.requests).toEqual([]);
  });

  it('to an allowed host over http (not named insecure) are not followed', async () => {
    answer = redirect(`http://${target.host}/v2/acme/app/manifests/1`);
    const r = await resolveManifestDigest(image(), opts({ registries: [target.host] }));
    expect(r).toEqual({ error: `${registry.host} redirected to http://${target.host}: the redirect to http://${target.host} is not https; not followed` });
    expect(target.requests).toEqual([]);
  });

  it('control: to an allowed (insecure) host they are followed, without the credentials of the first host', async () => {
    answer = redirect(`http://${target.host}/v2/acme/app/manifests/1`);
    const r = await resolveManifestDigest(image(), opts({ insecure: [target.host], credentials: { [registry.host]: { token: 'secret-of-the-registry' } } }));
    expect(r).toEqual({ digest: DIGEST });
    expect(registry.requests.map((q) => q.authorization)).toEqual(['Bearer secret-of-the-registry']);
    expect(target.requests.map((q) => `${q.method} ${q.url} ${q.authorization ?? '-'}`)).toEqual(['HEAD /v2/acme/app/manifests/1 -']);
  });

  it('stop after 5 hops', async () => {
    answer = (req, res) => void res.writeHead(302, { Location: `/v2/acme/app/manifests/${Number(req.url!.split('/').pop()) + 1}` }).end();
    expect(await resolveManifestDigest(image(), opts())).toEqual({ error: `${registry.host} redirected more than 5 times for ${registry.host}/acme/app:1` });
    expect(registry.requests).toHaveLength(6);
  });
});

describe('addresses: checked at connection time, after DNS', () => {
  it('a name that resolves to loopback is refused unless the host is named exactly', async () => {
    const fetchDefault = guardedFetch(registryAccess());
    await expect(fetchDefault(`http://localhost:${port(target.host)}/v2/`, {})).rejects.toThrow(
      /^localhost is \(or resolves to\) (127\.0\.0\.1|::1), a loopback \(RFC \d+\) address; no request was made \(name the host exactly in the registries setting to allow it\)$/,
    );
    await expect(fetchDefault(`http://${target.host}/v2/`, {})).rejects.toThrow('127.0.0.1 is (or resolves to) 127.0.0.1, a loopback (RFC 1122) address');
    // A wildcard entry never lets a name reach a non-public address.
    await expect(guardedFetch(registryAccess({ registries: ['*.0.0.1'] }))(`http://${target.host}/v2/`, {})).rejects.toThrow('a loopback (RFC 1122) address');
    expect(target.requests).toEqual([]);
    // Named exactly (here as insecure): the request is sent.
    const named = guardedFetch(registryAccess({ insecureRegistries: [`localhost:${port(target.host)}`] }));
    const res = await named(`http://localhost:${port(target.host)}/v2/`, {});
    expect(res.status).toBe(200);
    expect(target.requests.map((q) => q.url)).toEqual(['/v2/']);
  });

  it('an image on loopback that a manifest names makes no request with the default allow-list', async () => {
    const r = await resolveDigests([`${target.host}/acme/app:1`, `localhost:${port(target.host)}/acme/app:1`]);
    expect([...r.values()]).toEqual([
      { error: `registry ${target.host} is not on the allow-list (the registries setting); no request was made` },
      { error: `registry localhost:${port(target.host)} is not on the allow-list (the registries setting); no request was made` },
    ]);
    expect(target.requests).toEqual([]);
  });
});
