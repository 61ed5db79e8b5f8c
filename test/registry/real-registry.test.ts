// Against a REAL registry: Debian's docker-registry (distribution 2.x) started on loopback.
// Images are pushed over HTTP by the test itself (no docker engine needed).
import policy from '../../policies/image-digest.js';
import { run } from '../../src/engine/index.js';
import { resolveImageDigests, unpinnedImages } from '../../src/resolve-digests.js';
import { resolveDigests, resolveManifestDigest, registryTarget, type RegistryTarget } from '../../src/registry/index.js';
import { OCI_INDEX, OCI_MANIFEST, pushImage, pushManifest, startRegistry, type LocalRegistry } from './helpers.js';

let registry: LocalRegistry;
let host: string;
let app: { digest: string; size: number };
let latest: { digest: string; size: number };

beforeAll(async () => {
  registry = await startRegistry();
  host = registry.host;
  app = await pushImage(host, 'team/app', '1.0', 'one');
  latest = await pushImage(host, 'team/app', 'latest', 'two');
}, 30000);

afterAll(async () => {
  await registry?.stop();
});

describe('resolving digests from a real registry (docker-registry on loopback)', () => {
  it('resolves name:tag to the digest of the manifest pushed', async () => {
    const r = await resolveManifestDigest(registryTarget(`${host}/team/app:1.0`, [host]) as RegistryTarget, { insecureRegistries: [host] });
    expect(r).toEqual({ digest: app.digest });
  });

  it('resolves an image without a tag to its latest tag', async () => {
    const r = await resolveDigests([`${host}/team/app`, `${host}/team/app:latest`], { insecureRegistries: [host] });
    expect([...r.values()]).toEqual([{ digest: latest.digest }, { digest: latest.digest }]);
    expect(latest.digest).not.toBe(app.digest);
  });

  it('resolves a multi-platform tag to the digest of its index, not of one platform', async () => {
    const index = {
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [{ mediaType: OCI_MANIFEST, digest: app.digest, size: app.size, platform: { architecture: 'amd64', os: 'linux' } }],
    };
    const indexDigest = await pushManifest(host, 'team/app', 'multi', OCI_INDEX, index);
    expect(await resolveDigests([`${host}/team/app:multi`], { insecureRegistries: [host] })).toEqual(
      new Map([[`${host}/team/app:multi`, { digest: indexDigest }]]),
    );
  });

  it('says which tag is missing', async () => {
    expect(await resolveManifestDigest(registryTarget(`${host}/team/app:9.9`, [host]) as RegistryTarget, { insecureRegistries: [host] })).toEqual({
      error: `${host}/team/app:9.9 was not found (HTTP 404)`,
    });
  });

  it('feeds the image-digest fix: the manifest is pinned to the digest pushed, keeping tag and quotes', async () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      initContainers:
      - name: init
        image: "${host}/team/app"
      containers:
      - name: web
        image: ${host}/team/app:1.0   # the app
      - name: gone
        image: ${host}/team/gone:1
`;
    const files = [{ path: 'web.yaml', text }];
    expect(unpinnedImages(files)).toEqual([`${host}/team/app`, `${host}/team/app:1.0`, `${host}/team/gone:1`]);
    expect(unpinnedImages(files, undefined, { tagged: false })).toEqual([`${host}/team/app`]);
    // The workflow's (or shell's) explicit opt-in for this plain-http loopback registry.
    const env = { KUBE_IMMUTABLE_INSECURE_REGISTRIES: host };
    const off = await resolveImageDigests(files, { options: { 'image-digest': { tagWithoutDigest: 'off' } } }, env);
    expect([...off.engine.images!.digests!.keys()]).toEqual([`${host}/team/app`]);
    const disabled = { severity: { 'image-digest': 'off' as const } };
    expect((await resolveImageDigests(files, disabled, env)).engine).toBe(disabled);
    const r = await resolveImageDigests(files, { options: { 'image-digest': { tagWithoutDigest: 'error' } } }, env);
    expect(r.resolved).toBe(2);
    expect(r.failures).toEqual([`cannot resolve the digest of ${host}/team/gone:1: ${host}/team/gone:1 was not found (HTTP 404)`]);
    // The policy's options stay the configuration's; the digests are facts of the run.
    expect(r.engine.options!['image-digest']).toEqual({ tagWithoutDigest: 'error' });
    expect(r.engine.images).toEqual({
      digests: new Map([
        [`${host}/team/app`, latest.digest],
        [`${host}/team/app:1.0`, app.digest],
      ]),
      digestErrors: new Map([[`${host}/team/gone:1`, `${host}/team/gone:1 was not found (HTTP 404)`]]),
    });
    const result = run(files, [policy], r.engine);
    expect(result.findings.map((f) => `${f.range.start.line}:${f.messageId}:${f.fixId ? 'fix' : 'no fix'}`)).toEqual([
      '10:noTag:fix',
      '13:tagWithoutDigest:fix',
      '15:tagWithoutDigest:no fix',
    ]);
    expect(result.files[0]!.fixedText).toBe(
      text.replace(`"${host}/team/app"`, `"${host}/team/app@${latest.digest}"`).replace(`${host}/team/app:1.0 `, `${host}/team/app:1.0@${app.digest} `),
    );
  });
});
