// Protocol edge cases of reading image configs, against a fake registry on loopback: answers a
// real registry would not give (forged digests, sizes, schema 1, odd media types and fields).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { inspectImage, inspectImages, registryAccess, registryTarget, type RegistryTarget } from '../../src/registry/index.js';
import { fakeServer, OCI_CONFIG, OCI_INDEX, OCI_MANIFEST, sha256, type FakeServer } from './helpers.js';

let server: FakeServer;
afterEach(() => server?.close());

const target = (image: string) => registryTarget(image, [image.split('/')[0]!]) as RegistryTarget;
const local = () => ({ insecureRegistries: [server.host] });

/** A manifest naming `config` as its config blob (size and media type overridable). */
function manifestOf(config: Buffer, over: Record<string, unknown> = {}): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: OCI_CONFIG, digest: sha256(config), size: config.length, ...over },
      layers: [],
    }),
  );
}

/** A registry serving `manifests` by reference (tag or digest) and `blobs` by digest; anything else 404. */
function registry(manifests: Record<string, { body: Buffer; type?: string }>, blobs: Record<string, Buffer> = {}) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const m = /^\/v2\/acme\/app\/(manifests|blobs)\/(.+)$/.exec(req.url!);
    const ref = m && decodeURIComponent(m[2]!);
    const found = m?.[1] === 'manifests' ? manifests[ref!] : m?.[1] === 'blobs' ? { body: blobs[ref!]!, type: 'application/octet-stream' } : undefined;
    if (!found?.body)
      return void res
        .writeHead(404, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }] }));
    res.writeHead(200, { 'Content-Type': found.type ?? OCI_MANIFEST }).end(found.body);
  };
}

const CONFIG = Buffer.from(JSON.stringify({ os: 'linux', architecture: 'amd64', config: { User: '1000', Volumes: { '/data': {} } } }));

describe('inspectImage against a fake registry', () => {
  it('reads a config, with the bearer token of the manifest request reused for the blob', async () => {
    const manifest = manifestOf(CONFIG);
    const serve = registry({ '1': { body: manifest } }, { [sha256(CONFIG)]: CONFIG });
    server = await fakeServer((req, res, host) => {
      if (req.url!.startsWith('/token')) return void res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"token":"t"}');
      if (req.headers.authorization !== 'Bearer t')
        return void res.writeHead(401, { 'WWW-Authenticate': `Bearer realm="http://${host}/token",service="s"` }).end();
      serve(req, res);
    });
    expect(await inspectImage(target(`${server.host}/acme/app:1`), local())).toMatchObject({
      digest: sha256(manifest),
      configDigest: sha256(CONFIG),
      user: '1000',
      volumes: ['/data'],
    });
    expect(server.requests.map((q) => `${q.method} ${q.url.replace(/\?.*/, '')} ${q.authorization ?? '-'}`)).toEqual([
      'GET /v2/acme/app/manifests/1 -',
      'GET /token -',
      'GET /v2/acme/app/manifests/1 Bearer t',
      `GET /v2/acme/app/blobs/${sha256(CONFIG)} Bearer t`,
    ]);
    expect(server.requests[3]!.accept).toBe('application/vnd.oci.image.config.v1+json, application/vnd.docker.container.image.v1+json, */*');
  });

  it('does not trust a config whose bytes do not match the digest of its manifest', async () => {
    const forged = Buffer.from(CONFIG.toString().replace('1000', '0000'));
    server = await fakeServer(registry({ '1': { body: manifestOf(CONFIG) } }, { [sha256(CONFIG)]: forged }));
    expect(await inspectImage(target(`${server.host}/acme/app:1`), local())).toEqual({
      error: `the config of ${server.host}/acme/app:1 (${sha256(CONFIG)}) has the digest ${sha256(forged)} (${forged.length} bytes): it does not match its manifest; not trusted`,
    });
  });

  it('does not trust a manifest asked by digest whose bytes have another digest', async () => {
    const asked = 'sha256:' + 'e'.repeat(64);
    server = await fakeServer(registry({ [asked]: { body: manifestOf(CONFIG) } }, { [sha256(CONFIG)]: CONFIG }));
    expect(await inspectImage(target(`${server.host}/acme/app@${asked}`), local())).toEqual({
      error: `the manifest of ${server.host}/acme/app:${asked} has the digest ${sha256(manifestOf(CONFIG))}, not the ${asked} it was asked by; not trusted`,
    });
    expect(server.requests).toHaveLength(1);
  });

  it('reads no more of a config than its descriptor says, and never asks for one over 4 MiB', async () => {
    const longer = Buffer.concat([CONFIG, Buffer.alloc(1000, 0x20)]);
    server = await fakeServer(
      registry({ '1': { body: manifestOf(CONFIG) }, big: { body: manifestOf(CONFIG, { size: 4 * 1024 * 1024 + 1 }) } }, { [sha256(CONFIG)]: longer }),
    );
    expect(await inspectImage(target(`${server.host}/acme/app:1`), local())).toEqual({
      error: `the config of ${server.host}/acme/app:1 (${sha256(CONFIG)}) is larger than ${CONFIG.length} bytes; not read`,
    });
    expect(await inspectImage(target(`${server.host}/acme/app:big`), local())).toEqual({
      error: `the config of ${server.host}/acme/app:big is 4194305 bytes (its manifest says), more than the limit of 4194304 bytes; not read`,
    });
    expect(server.requests.map((q) => q.url)).toEqual(['/v2/acme/app/manifests/1', `/v2/acme/app/blobs/${sha256(CONFIG)}`, '/v2/acme/app/manifests/big']);
  });

  it('reads at most 4 MiB of a manifest', async () => {
    server = await fakeServer(
      (_req, res) => void res.writeHead(200, { 'Content-Type': OCI_MANIFEST, 'Transfer-Encoding': 'chunked' }).end(Buffer.alloc(4 * 1024 * 1024 + 1, 0x20)),
    );
    expect(await inspectImage(target(`${server.host}/acme/app:1`), local())).toEqual({
      error: `the manifest of ${server.host}/acme/app:1 is larger than 4194304 bytes; not read`,
    });
  });

  it('refuses schema 1 manifests, by media type or by schemaVersion', async () => {
    const v1 = Buffer.from(JSON.stringify({ schemaVersion: 1, name: 'acme/app', tag: '1', fsLayers: [] }));
    server = await fakeServer(
      registry({ signed: { body: v1, type: 'application/vnd.docker.distribution.manifest.v1+prettyjws' }, plain: { body: v1, type: 'application/json' } }),
    );
    for (const tag of ['signed', 'plain']) {
      expect(await inspectImage(target(`${server.host}/acme/app:${tag}`), local())).toEqual({
        error: `the manifest of ${server.host}/acme/app:${tag} is a Docker schema 1 manifest, which is not supported (deprecated; push the image again with a current tool for an OCI or Docker v2 manifest)`,
      });
    }
  });

  it('refuses what is not a container image: another media type, another config type, no JSON', async () => {
    const helm = manifestOf(CONFIG, { mediaType: 'application/vnd.cncf.helm.config.v1+json' });
    server = await fakeServer(
      registry({
        odd: { body: Buffer.from('{"schemaVersion":2,"mediaType":"text/plain"}') },
        helm: { body: helm },
        text: { body: Buffer.from('not json') },
      }),
    );
    const h = server.host;
    const r = await inspectImages([`${h}/acme/app:odd`, `${h}/acme/app:helm`, `${h}/acme/app:text`], local());
    expect([...r.values()]).toEqual([
      { error: `the manifest of ${h}/acme/app:odd has the media type "text/plain", not an image manifest or index` },
      { error: `the manifest of ${h}/acme/app:helm is not a container image: its config has the media type "application/vnd.cncf.helm.config.v1+json"` },
      { error: `the manifest of ${h}/acme/app:text is not JSON` },
    ]);
  });

  it('reads the environment as own properties, whatever the names (a name given twice keeps its last value)', async () => {
    const config = Buffer.from('{"config":{"Env":["__proto__=x","A=1","A=2=3","B"],"Labels":{"__proto__":"y"}}}');
    server = await fakeServer(registry({ '1': { body: manifestOf(config) } }, { [sha256(config)]: config }));
    const r = await inspectImage(target(`${server.host}/acme/app:1`), local());
    expect('error' in r).toBe(false);
    const facts = r as { env: Record<string, string>; labels: Record<string, string> };
    expect(Object.entries(facts.env)).toEqual([
      ['__proto__', 'x'],
      ['A', '2=3'],
      ['B', ''],
    ]);
    expect(Object.entries(facts.labels)).toEqual([['__proto__', 'y']]);
    expect(Object.getPrototypeOf(facts.env)).toBe(Object.prototype);
  });

  it('refuses config fields of the wrong shape', async () => {
    const bad = Buffer.from(JSON.stringify({ config: { Env: 'HOME=/root' } }));
    server = await fakeServer(registry({ '1': { body: manifestOf(bad) } }, { [sha256(bad)]: bad }));
    expect(await inspectImage(target(`${server.host}/acme/app:1`), local())).toEqual({
      error: `the config of ${server.host}/acme/app:1 (${sha256(bad)}): config.Env is not a list of strings`,
    });
  });

  it('follows a blob redirect off the allow-list only over https to a public address, without the credentials of the first', async () => {
    const cdn = await fakeServer((_req, res) => void res.writeHead(200).end(CONFIG));
    try {
      const manifest = manifestOf(CONFIG);
      server = await fakeServer((req, res) => {
        if (req.url!.includes('/blobs/')) return void res.writeHead(307, { Location: `http://${cdn.host}/signed?x=1` }).end();
        registry({ '1': { body: manifest } })(req, res);
      });
      const credentials = { [server.host]: { token: 'secret' } };
      const refused = await inspectImage(target(`${server.host}/acme/app:1`), { ...local(), credentials });
      expect(refused).toEqual({
        error: `${server.host} redirected to http://${cdn.host}: the redirect to http://${cdn.host} is not https; not followed`,
      });
      expect(cdn.requests).toHaveLength(0);
      const access = registryAccess({ insecureRegistries: [server.host, cdn.host] });
      expect(await inspectImage(target(`${server.host}/acme/app:1`), { access, credentials })).toMatchObject({ user: '1000' });
      expect(cdn.requests.map((q) => `${q.url} ${q.authorization ?? '-'}`)).toEqual(['/signed?x=1 -']);
    } finally {
      await cdn.close();
    }
  });

  it('an index: only a valid linux entry is read; its manifest must match the digest listed', async () => {
    const manifest = manifestOf(CONFIG);
    const wrong = 'sha256:' + 'd'.repeat(64);
    const index = (entries: object[]) => ({
      body: Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: entries })),
      type: OCI_INDEX,
    });
    server = await fakeServer(
      registry(
        {
          good: index([
            { mediaType: OCI_MANIFEST, digest: 'sha512:abc', size: 1, platform: { os: 'windows', architecture: 'amd64' } },
            { mediaType: OCI_MANIFEST, digest: sha256(manifest), size: manifest.length, platform: { os: 'linux', architecture: 'arm64' } },
          ]),
          forged: index([{ mediaType: OCI_MANIFEST, digest: wrong, size: manifest.length, platform: { os: 'linux', architecture: 'amd64' } }]),
          [sha256(manifest)]: { body: manifest },
          [wrong]: { body: manifest },
        },
        { [sha256(CONFIG)]: CONFIG },
      ),
    );
    const h = server.host;
    expect(await inspectImage(target(`${h}/acme/app:good`), local())).toMatchObject({ manifestDigest: sha256(manifest), user: '1000' });
    expect(await inspectImage(target(`${h}/acme/app:forged`), local())).toEqual({
      error: `the manifest of ${h}/acme/app@${wrong} has the digest ${sha256(manifest)}, not the ${wrong} it was asked by; not trusted`,
    });
  });
});

describe('registry error answers in messages', () => {
  it('quote at most 200 characters of the code and message a registry sends', async () => {
    server = await fakeServer(
      (_req, res) =>
        void res
          .writeHead(404, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ errors: [{ code: 'C'.repeat(300), message: 'm'.repeat(100_000) }] })),
    );
    const r = await inspectImage(target(`${server.host}/acme/app:1`), local());
    expect('error' in r && r.error).toBe(`${server.host}/acme/app:1 was not found (HTTP 404, ${'C'.repeat(200)}…: ${'m'.repeat(200)}…)`);
  });
});
