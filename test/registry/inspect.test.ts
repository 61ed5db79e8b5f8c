// Image configs read from a REAL registry: Debian's docker-registry (distribution 2.x) started on
// loopback, images pushed over HTTP by the test itself (no docker engine needed).
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspectManifestImages } from '../../src/inspect-images.js';
import {
  createImageConfigCache,
  guardedFetch,
  inspectImage,
  inspectImages,
  MAX_CONFIG_BYTES,
  registryAccess,
  registryTarget,
  type ImageConfigFacts,
  type RegistryFetch,
  type RegistryTarget,
} from '../../src/registry/index.js';
import {
  DOCKER_LIST,
  DOCKER_MANIFEST,
  fakeServer,
  OCI_INDEX,
  OCI_MANIFEST,
  pushImage,
  pushManifest,
  sha256,
  startRegistry,
  type FakeServer,
  type LocalRegistry,
} from './helpers.js';

let registry: LocalRegistry;
let host: string;
const local = () => ({ insecureRegistries: [host] });
const target = (image: string, insecure = [host]) => registryTarget(image, insecure) as RegistryTarget;

const POSTGRES = {
  User: '999',
  Env: ['PATH=/usr/local/bin:/usr/bin', 'HOME=/home/app', 'PGDATA=/var/lib/postgresql/data', 'EMPTY='],
  Volumes: { '/var/lib/postgresql/data': {} },
  WorkingDir: '/home/app',
  Entrypoint: ['docker-entrypoint.sh'],
  Cmd: ['postgres'],
  Labels: {
    'org.opencontainers.image.base.name': 'docker.io/library/debian:bookworm-slim',
    'org.opencontainers.image.base.digest': 'sha256:' + '1'.repeat(64),
  },
};
let pg: Awaited<ReturnType<typeof pushImage>>;

beforeAll(async () => {
  registry = await startRegistry();
  host = registry.host;
  pg = await pushImage(host, 'team/db', '16', 'pg', { config: POSTGRES });
}, 30000);

afterAll(async () => {
  await registry?.stop();
});

describe('reading image configs from a real registry (docker-registry on loopback)', () => {
  it('a single-platform image: its volumes, user, environment, entrypoint, command, labels and digests', async () => {
    const r = await inspectImage(target(`${host}/team/db:16`), local());
    expect(r).toEqual<ImageConfigFacts>({
      digest: pg.digest,
      manifestDigest: pg.digest,
      configDigest: pg.configDigest,
      platform: { os: 'linux', architecture: 'amd64' },
      volumes: ['/var/lib/postgresql/data'],
      user: '999',
      workingDir: '/home/app',
      env: { PATH: '/usr/local/bin:/usr/bin', HOME: '/home/app', PGDATA: '/var/lib/postgresql/data', EMPTY: '' },
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['postgres'],
      labels: POSTGRES.Labels,
    });
    // By digest, the same facts.
    expect(await inspectImage(target(`${host}/team/db@${pg.digest}`), local())).toEqual(r);
  });

  it('an image without a config section: no volumes, user, env or labels', async () => {
    const bare = await pushImage(host, 'team/bare', '1', 'bare', { manifestMediaType: DOCKER_MANIFEST });
    expect(await inspectImage(target(`${host}/team/bare:1`), local())).toEqual({
      digest: bare.digest,
      manifestDigest: bare.digest,
      configDigest: bare.configDigest,
      platform: { os: 'linux', architecture: 'amd64' },
      volumes: [],
      user: undefined,
      workingDir: undefined,
      env: {},
      entrypoint: undefined,
      cmd: undefined,
      labels: {},
    });
  });

  it('a multi-platform index: linux/amd64 by default, another architecture on request, else the first linux image', async () => {
    const arm = await pushImage(host, 'team/multi', 'arm64', 'arm', { architecture: 'arm64', variant: 'v8', config: { User: 'arm' } });
    const amd = await pushImage(host, 'team/multi', 'amd64', 'amd', { config: { User: 'amd' } });
    const attestation = await pushImage(host, 'team/multi', 'att', 'att', { os: 'unknown', architecture: 'unknown' });
    const entry = (m: { digest: string; size: number }, platform: object) => ({ mediaType: OCI_MANIFEST, digest: m.digest, size: m.size, platform });
    const index = {
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [
        entry(attestation, { os: 'unknown', architecture: 'unknown' }),
        entry(arm, { os: 'linux', architecture: 'arm64', variant: 'v8' }),
        entry(amd, { os: 'linux', architecture: 'amd64' }),
      ],
    };
    const indexDigest = await pushManifest(host, 'team/multi', 'latest', OCI_INDEX, index);
    const facts = (r: unknown) => {
      const f = r as ImageConfigFacts;
      return { digest: f.digest, manifestDigest: f.manifestDigest, user: f.user, platform: f.platform };
    };
    expect(facts(await inspectImage(target(`${host}/team/multi`), local()))).toEqual({
      digest: indexDigest,
      manifestDigest: amd.digest,
      user: 'amd',
      platform: { os: 'linux', architecture: 'amd64' },
    });
    expect(facts(await inspectImage(target(`${host}/team/multi`), { ...local(), architecture: 'arm64' }))).toEqual({
      digest: indexDigest,
      manifestDigest: arm.digest,
      user: 'arm',
      platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
    });
    expect(facts(await inspectImage(target(`${host}/team/multi`), { ...local(), architecture: 's390x' }))).toMatchObject({
      manifestDigest: arm.digest,
      user: 'arm',
    });
    // A Docker manifest list of Docker v2 manifests: the same choice.
    const dockerAmd = await pushImage(host, 'team/list', 'amd64', 'amd', { manifestMediaType: DOCKER_MANIFEST, config: { User: 'docker-amd' } });
    const list = {
      schemaVersion: 2,
      mediaType: DOCKER_LIST,
      manifests: [{ mediaType: DOCKER_MANIFEST, digest: dockerAmd.digest, size: dockerAmd.size, platform: { os: 'linux', architecture: 'amd64' } }],
    };
    await pushManifest(host, 'team/list', '1', DOCKER_LIST, list);
    expect(facts(await inspectImage(target(`${host}/team/list:1`), local()))).toMatchObject({ manifestDigest: dockerAmd.digest, user: 'docker-amd' });
    // An index of no linux image says which platforms it has.
    await pushManifest(host, 'team/multi', 'windows', OCI_INDEX, { ...index, manifests: [entry(amd, { os: 'windows', architecture: 'amd64' })] });
    expect(await inspectImage(target(`${host}/team/multi:windows`), local())).toEqual({
      error: `the index of ${host}/team/multi:windows has no linux image (platforms: windows/amd64)`,
    });
  });

  it('a config whose bytes no longer match its digest (tampered storage) is not trusted', async () => {
    const img = await pushImage(host, 'team/tampered', '1', 'x', { config: { User: '0' } });
    const hex = img.configDigest.slice('sha256:'.length);
    const file = join(registry.root, 'docker/registry/v2/blobs/sha256', hex.slice(0, 2), hex, 'data');
    expect(readdirSync(join(file, '..'))).toEqual(['data']);
    // Same length, another user: what an attacker with write access to the storage would do.
    const forged = JSON.stringify({ architecture: 'amd64', os: 'linux', config: { User: '1' } }).padEnd(img.configSize, ' ');
    writeFileSync(file, forged);
    const r = await inspectImage(target(`${host}/team/tampered:1`), local());
    expect(r).toEqual({
      error: `the config of ${host}/team/tampered:1 (${img.configDigest}) has the digest ${sha256(forged)} (${img.configSize} bytes): it does not match its manifest; not trusted`,
    });
  });

  it('a config larger than the limit is not requested', async () => {
    await pushImage(host, 'team/huge', '1', 'x', { config: { User: '1' }, padding: MAX_CONFIG_BYTES });
    const r = await inspectImage(target(`${host}/team/huge:1`), local());
    expect(r).toEqual({
      error: expect.stringMatching(
        new RegExp(`^the config of ${host}/team/huge:1 is \\d+ bytes \\(its manifest says\\), more than the limit of 4194304 bytes; not read$`),
      ),
    });
  });

  it('says which tag is missing', async () => {
    expect(await inspectImage(target(`${host}/team/db:9.9`), local())).toEqual({
      error: `${host}/team/db:9.9 was not found (HTTP 404, MANIFEST_UNKNOWN: manifest unknown)`,
    });
  });

  it('never asks a registry that is not on the allow-list', async () => {
    let requests = 0;
    const access = registryAccess({ registries: ['ghcr.io'], insecureRegistries: [], setting: 'input registries' });
    const counting: RegistryFetch = (url, init) => (requests++, guardedFetch(access)(url, init));
    const image = `${host}/team/db:16`;
    const refusal = { error: `registry ${host} is not on the allow-list (input registries); no request was made` };
    expect(await inspectImage(target(image, []), { access, fetch: counting })).toEqual(refusal);
    expect(await inspectImages([image], { access, fetch: counting })).toEqual(new Map([[image, refusal]]));
    expect(requests).toBe(0);
  });

  it('reads each image reference of the manifests once, pinned or not (a tag and a digest are two reads), once per cache', async () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: db
spec:
  template:
    spec:
      initContainers:
      - name: init
        image: ${host}/team/db@${pg.digest}
      containers:
      - name: db
        image: ${host}/team/db:16
      - name: again
        image: ${host}/team/db:16
      - name: gone
        image: ${host}/team/gone:1
---
apiVersion: v1
kind: Pod
metadata:
  name: other
spec:
  containers:
  - name: ghcr
    image: ghcr.io/acme/app:1
`;
    const seen: string[] = [];
    const env = { KUBE_IMMUTABLE_INSECURE_REGISTRIES: host, KUBE_IMMUTABLE_REGISTRY_AUTH: 'not json' };
    const access = registryAccess({ registries: [host], insecureRegistries: [host] });
    const fetch: RegistryFetch = (url, init) => (seen.push(`${init.method} ${new URL(String(url)).pathname}`), guardedFetch(access)(url, init));
    const cache = createImageConfigCache();
    const run = () => inspectManifestImages([{ path: 'db.yaml', text }], env, { registries: [host], fetch, cache });
    const { results, problems } = await run();
    expect(problems).toEqual([
      'KUBE_IMMUTABLE_REGISTRY_AUTH is not valid JSON; expected {"<registry host>": {"username": "...", "password": "..."} | {"token": "..."}}',
    ]);
    expect([...results.keys()]).toEqual([`${host}/team/db@${pg.digest}`, `${host}/team/db:16`, `${host}/team/gone:1`, 'ghcr.io/acme/app:1']);
    expect(results.get(`${host}/team/db:16`)).toMatchObject({ user: '999', volumes: ['/var/lib/postgresql/data'], env: { HOME: '/home/app' } });
    expect(results.get(`${host}/team/db@${pg.digest}`)).toEqual(results.get(`${host}/team/db:16`));
    expect(results.get(`${host}/team/gone:1`)).toEqual({ error: `${host}/team/gone:1 was not found (HTTP 404, MANIFEST_UNKNOWN: manifest unknown)` });
    expect(results.get('ghcr.io/acme/app:1')).toEqual({ error: 'registry ghcr.io is not on the allow-list (the registries setting); no request was made' });
    expect(seen.sort()).toEqual([
      `GET /v2/team/db/blobs/${pg.configDigest}`,
      `GET /v2/team/db/blobs/${pg.configDigest}`,
      'GET /v2/team/db/manifests/16',
      `GET /v2/team/db/manifests/${encodeURIComponent(pg.digest)}`,
      'GET /v2/team/gone/manifests/1',
    ]);
    // The same cache: nothing is asked again.
    await run();
    expect(seen).toHaveLength(5);
  });

  describe('behind a bearer-token front (the token flow, then the real registry)', () => {
    let front: FakeServer;
    beforeAll(async () => {
      front = await fakeServer((req, res, self) => {
        const url = new URL(req.url!, `http://${self}`);
        if (url.pathname === '/token') {
          const ok = url.searchParams.get('service') === 'front' && url.searchParams.get('scope') === 'repository:team/db:pull';
          res.writeHead(ok ? 200 : 400, { 'Content-Type': 'application/json' }).end(JSON.stringify(ok ? { token: 'tok-db' } : {}));
          return;
        }
        if (req.headers.authorization !== 'Bearer tok-db') {
          res.writeHead(401, { 'WWW-Authenticate': `Bearer realm="http://${self}/token",service="front",scope="repository:team/db:pull"` }).end();
          return;
        }
        void fetch(`http://${host}${req.url}`, { method: req.method, headers: { Accept: req.headers.accept ?? '*/*' } }).then(async (up) => {
          const headers: Record<string, string> = {};
          up.headers.forEach((v, k) => (headers[k] = v));
          res.writeHead(up.status, headers).end(Buffer.from(await up.arrayBuffer()));
        });
      });
    });
    afterAll(() => front.close());

    it('gets a token once and reads the manifest and the config with it', async () => {
      const r = await inspectImage(target(`${front.host}/team/db:16`, [front.host]), { insecureRegistries: [front.host] });
      expect(r).toMatchObject({ digest: pg.digest, configDigest: pg.configDigest, user: '999' });
      expect(front.requests.map((q) => `${q.method} ${q.url.replace(/\?.*/, '')} ${q.authorization ?? '-'}`)).toEqual([
        'GET /v2/team/db/manifests/16 -',
        'GET /token -',
        'GET /v2/team/db/manifests/16 Bearer tok-db',
        `GET /v2/team/db/blobs/${pg.configDigest} Bearer tok-db`,
      ]);
    });
  });
});
