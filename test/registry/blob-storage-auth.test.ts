// A content-addressed blob may be redirected to a storage host off the allow-list; nothing but
// the request may be sent there (docs/security.md #27a): no credential, no token, and no token
// flow either, whatever that host answers. A fetch stub stands for the hosts (names, not loopback).
import { createHash } from 'node:crypto';
import { inspectImage, registryAccess, registryTarget, type RegistryFetch, type RegistryTarget } from '../../src/registry/index.js';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const CONFIG = Buffer.from(JSON.stringify({ os: 'linux', architecture: 'amd64', config: { User: '1000' } }));
const MANIFEST = Buffer.from(
  JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: { mediaType: OCI_CONFIG, digest: sha256(CONFIG), size: CONFIG.length }, layers: [] }),
);

describe('a blob redirect to a storage host off the allow-list', () => {
  it.each([
    ['a Bearer challenge (token realm on the storage host itself)', 'Bearer realm="https://storage.example/token",service="s"'],
    ['a Basic challenge', 'Basic realm="storage"'],
  ])('answered with %s: no token flow, no credential is sent there', async (_name, challenge) => {
    const seen: string[] = [];
    const fetch: RegistryFetch = async (input, init) => {
      const url = new URL(String(input));
      seen.push(`${init.method ?? 'GET'} ${url.host}${url.pathname} ${init.headers?.Authorization ?? '-'}`);
      if (url.host === 'reg.example' && url.pathname.endsWith('/manifests/1')) return new Response(MANIFEST, { headers: { 'Content-Type': OCI_MANIFEST } });
      if (url.host === 'reg.example' && url.pathname.includes('/blobs/'))
        return new Response(null, { status: 307, headers: { Location: 'https://storage.example/blob/x' } });
      if (url.host === 'storage.example' && url.pathname === '/token')
        return new Response('{"token":"storage-token"}', { headers: { 'Content-Type': 'application/json' } });
      if (url.host === 'storage.example' && !init.headers?.Authorization)
        return new Response(null, { status: 401, headers: { 'WWW-Authenticate': challenge } });
      return new Response(CONFIG);
    };
    // Credentials for the storage host exist (e.g. a shared credentials file), but it is not on the allow-list.
    const credentials = { 'reg.example': { token: 'reg-token' }, 'storage.example': { username: 'user', password: 'secret' } };
    const access = registryAccess({ registries: ['reg.example'] });
    const r = await inspectImage(registryTarget('reg.example/acme/app:1') as RegistryTarget, { access, credentials, fetch });
    expect(r).toEqual({ error: expect.stringContaining('HTTP 401') });
    expect(seen.filter((s) => s.includes('storage.example'))).toEqual(['GET storage.example/blob/x -']);
  });
});
