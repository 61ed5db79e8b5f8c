import { run, type EngineOptions } from '../../src/engine/index.js';
import { testPolicy } from '../../src/api/testing.js';
import policy from '../../policies/image-digest.js';

const D = 'sha256:' + 'a'.repeat(64);
const E = 'sha256:' + 'e'.repeat(64);
const pod = (images: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n${images}`;
const one = (image: string) => pod(`  - name: a\n    image: ${image}\n`);
/** A map of image facts (`context.images`) from an object. */
const facts = (byImage: Record<string, string>) => new Map(Object.entries(byImage));
/** A Flux Kustomization (kustomize-controller, applied to a cluster) with these `spec.images` lines. */
const flux = (images: string, apiVersion = 'kustomize.toolkit.fluxcd.io/v1') =>
  `apiVersion: ${apiVersion}\nkind: Kustomization\nmetadata:\n  name: apps\n  namespace: flux-system\nspec:\n  interval: 10m\n  path: ./apps\n  sourceRef:\n    kind: GitRepository\n    name: repo\n  images:\n${images}`;

testPolicy(policy, {
  valid: [
    one(`nginx@${D}`),
    one(`nginx:1.27@${D}`),
    one(`nginx:latest@${D}`),
    one(`registry:5000/app@${D}`),
    one(`ghcr.io/acme/app@sha512:${'c'.repeat(128)}`),
    { name: 'tag-only images can be turned off', code: one('nginx:1.27'), options: { tagWithoutDigest: 'off' } },
    { name: 'objects without a PodSpec are ignored', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  image: nginx\n' },
    { name: 'a container without an image is left to valid-manifest', code: pod('  - name: a\n') },
    {
      name: 'a Flux Kustomization entry with a digest pins (a tag beside it is only a label)',
      code: flux(`  - name: nginx\n    newTag: "1.27"\n    digest: ${D}\n`),
    },
    {
      name: 'a Flux Kustomization entry that only renames keeps the deployed tag or digest',
      code: flux('  - name: nginx\n    newName: mirror.example.com/nginx\n'),
    },
    {
      name: 'a Flux entry with a tag only can be turned off like a container tag',
      code: flux('  - name: nginx\n    newTag: "1.27"\n'),
      options: { tagWithoutDigest: 'off' },
    },
    {
      name: 'spec.images of another kind named Kustomization (not Flux) is not read',
      code: flux('  - name: nginx\n    newTag: latest\n', 'example.com/v1'),
    },
  ],
  invalid: [
    {
      name: 'no tag: error message, no fix without resolved digests',
      code: one('nginx'),
      errors: [{ messageId: 'noTag', line: 8 }],
      output: null,
    },
    {
      name: 'the :5000 of registry:5000/app is a port, not a tag',
      code: one('registry:5000/app'),
      errors: [{ messageId: 'noTag', line: 8 }],
      output: null,
    },
    { name: ':latest', code: one('nginx:latest'), errors: [{ messageId: 'mutableTag', line: 8 }], output: null },
    { name: 'a tag without digest', code: one('localhost:5000/app:1.0'), errors: [{ messageId: 'tagWithoutDigest', line: 8 }], output: null },
    {
      name: 'the fix keeps the tag and the double quotes',
      code: one('"localhost:5000/app:1.0"'),
      images: { digests: facts({ 'localhost:5000/app:1.0': D }) },
      errors: [{ messageId: 'tagWithoutDigest', line: 8 }],
      output: one(`"localhost:5000/app:1.0@${D}"`),
    },
    {
      name: 'the fix drops :latest and keeps single quotes',
      code: one("'docker.io/library/nginx:latest'"),
      images: { digests: facts({ 'docker.io/library/nginx:latest': D }) },
      errors: [{ messageId: 'mutableTag', line: 8 }],
      output: one(`'docker.io/library/nginx@${D}'`),
    },
    {
      name: 'no tag: the fix adds the digest only',
      code: one('registry:5000/app'),
      images: { digests: facts({ 'registry:5000/app': D }) },
      errors: [{ messageId: 'noTag', line: 8 }],
      output: one(`registry:5000/app@${D}`),
    },
    {
      name: 'init, regular and ephemeral containers of a Deployment, CRLF; each gets its own digest',
      code: 'apiVersion: apps/v1\r\nkind: Deployment\r\nmetadata:\r\n  name: web\r\nspec:\r\n  template:\r\n    spec:\r\n      initContainers:\r\n        - name: init\r\n          image: busybox\r\n      containers:\r\n        - name: web\r\n          image: nginx:1.27 # pinned below\r\n      ephemeralContainers:\r\n        - name: debug\r\n          image: busybox:1.36\r\n',
      images: { digests: facts({ busybox: D, 'nginx:1.27': E, 'busybox:1.36': D }) },
      errors: [
        { messageId: 'noTag', line: 10 },
        { messageId: 'tagWithoutDigest', line: 13 },
        { messageId: 'tagWithoutDigest', line: 16 },
      ],
      output: `apiVersion: apps/v1\r\nkind: Deployment\r\nmetadata:\r\n  name: web\r\nspec:\r\n  template:\r\n    spec:\r\n      initContainers:\r\n        - name: init\r\n          image: busybox@${D}\r\n      containers:\r\n        - name: web\r\n          image: nginx:1.27@${E} # pinned below\r\n      ephemeralContainers:\r\n        - name: debug\r\n          image: busybox:1.36@${D}\r\n`,
    },
    {
      name: 'only the images with a resolved digest are fixed',
      code: pod('  - name: a\n    image: nginx:1.27\n  - name: b\n    image: redis:7\n'),
      images: { digests: facts({ 'redis:7': D }), digestErrors: facts({ 'nginx:1.27': 'manifest unknown' }) },
      errors: [
        { messageId: 'tagWithoutDigest', line: 8 },
        { messageId: 'tagWithoutDigest', line: 10 },
      ],
      output: pod(`  - name: a\n    image: nginx:1.27\n  - name: b\n    image: redis:7@${D}\n`),
    },
    {
      name: 'a resolved value that is not a sha256 digest is not trusted: no fix',
      code: one('nginx:1.27'),
      images: { digests: facts({ 'nginx:1.27': 'sha256:abc' }) },
      errors: [{ messageId: 'tagWithoutDigest', line: 8 }],
      output: null,
    },
    { name: 'uppercase repository', code: one('Acme/App:1.0'), errors: [{ messageId: 'invalidReference', line: 8 }], output: null },
    { name: 'an invalid digest is not a pin', code: one('nginx@sha256:123456'), errors: [{ messageId: 'invalidReference', line: 8 }], output: null },
    {
      name: 'invalid references are never fixed, even with a digest given',
      code: one('"nginx:"'),
      images: { digests: facts({ 'nginx:': D }) },
      errors: [{ messageId: 'invalidReference', line: 8 }],
      output: null,
    },
    {
      name: 'a CronJob',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n          - name: a\n            image: alpine\n',
      errors: [{ messageId: 'noTag', line: 13 }],
    },
    {
      name: 'a Flux Kustomization: each spec.images entry with a tag and no digest, at its newTag',
      code: flux(
        `  - name: nginx\n    newTag: latest\n  - name: redis\n    newName: ghcr.io/acme/redis\n    newTag: "7.2"\n  - name: pinned\n    digest: ${D}\n`,
        'kustomize.toolkit.fluxcd.io/v1beta2',
      ),
      errors: [
        { messageId: 'overrideMutableTag', line: 14, column: 13, data: { object: 'Kustomization apps', name: 'nginx', image: 'nginx:latest' } },
        { messageId: 'overrideTagWithoutDigest', line: 17, column: 13, data: { object: 'Kustomization apps', name: 'redis', image: 'ghcr.io/acme/redis:7.2' } },
      ],
      output: null,
    },
  ],
});

describe('image-digest messages', () => {
  const message = (code: string, images?: EngineOptions['images']) =>
    run([{ path: 'p.yaml', text: code }], [policy], images ? { images } : {}).findings.map((f) => f.message);

  it('says how to get a fix when digests were not resolved', () => {
    expect(message(one('nginx'))).toEqual([
      'container "a" uses image "nginx" without a tag or digest: the node pulls whatever "latest" points to at that moment, so the same manifest can run different code. Pin it by digest (nginx@sha256:…). To get a fix that pins the current digest, run kube-immutable scan/fix with --resolve-digests (in the action: resolve-digests: true).',
    ]);
  });

  it('names the digest the fix pins, keeping the tag in the example', () => {
    expect(message(one('nginx:1.27'), { digests: facts({ 'nginx:1.27': D }) })[0]).toMatch(
      `Pin it by digest (nginx:1.27@sha256:…). The fix pins it to ${D}, the digest the registry gives for it now.`,
    );
  });

  it('says why resolving failed', () => {
    expect(message(one('nginx:1.27'), { digestErrors: facts({ 'nginx:1.27': 'manifest unknown' }) })[0]).toMatch(
      /Resolving its digest failed: manifest unknown$/,
    );
  });

  it('says what a Flux Kustomization entry does and how to pin it; a tag only is a warning', () => {
    const r = run([{ path: 'flux.yaml', text: flux('  - name: nginx\n    newTag: latest\n  - name: redis\n    newTag: "7.2"\n') }], [policy]);
    expect(r.findings.map((f) => `${f.range.start.line}:${f.severity}:${f.message}`)).toEqual([
      '14:error:Kustomization apps sets the tag of image "nginx" to the mutable "latest" for everything it deploys (nginx:latest): the same manifests can run different code after every push. Pin it by digest: set digest: sha256:… on this images entry.',
      '16:warning:Kustomization apps sets image "redis" to redis:7.2 by tag only for everything it deploys: a tag can be moved to other content, so the same manifests can run different code. Pin it by digest: set digest: sha256:… on this images entry.',
    ]);
    expect(r.files[0]!.manifests).toBe(1);
  });

  it('explains invalid references', () => {
    expect(message(one('Acme/App:1.0'))).toEqual(['container "a" has an invalid image reference "Acme/App:1.0": repository "App" must be lowercase.']);
  });
});

describe('image-digest: Skaffold build artifacts (EngineOptions.buildArtifacts)', () => {
  const text = pod(
    '  - name: web\n    image: gcr.io/acme/web:dev\n  - name: db\n    image: postgres:latest\n  - name: pinned\n    image: gcr.io/acme/web@' + D + '\n',
  );
  const artifacts = { tool: 'skaffold' as const, config: 'app/skaffold.yaml', images: ['gcr.io/acme/web'] };
  const scan = (path: string, opts: EngineOptions) =>
    run([{ path, text }], [policy], opts).findings.map((f) => ({ container: f.container?.name, messageId: f.messageId, severity: f.severity, fix: f.fixId }));

  it('an artifact image (its tag ignored) is an info finding without a fix; another unpinned image in the file stays an error', () => {
    const opts: EngineOptions = { buildArtifacts: { 'app/k8s/pod.yaml': [artifacts] }, images: { digests: facts({ 'gcr.io/acme/web:dev': E }) } };
    expect(scan('app/k8s/pod.yaml', opts)).toEqual([
      { container: 'web', messageId: 'skaffoldArtifact', severity: 'info', fix: undefined },
      { container: 'db', messageId: 'mutableTag', severity: 'error', fix: undefined },
    ]);
    const message = run([{ path: 'app/k8s/pod.yaml', text }], [policy], opts).findings[0]!.message;
    expect(message).toContain('names a build artifact of app/skaffold.yaml');
    expect(message).toContain('gcr.io/acme/web:<tag>@sha256:');
  });

  it('a file the Skaffold project does not deploy (not in buildArtifacts) keeps the error', () => {
    expect(scan('other/pod.yaml', { buildArtifacts: { 'app/k8s/pod.yaml': [artifacts] } }).map((f) => f.messageId)).toEqual(['tagWithoutDigest', 'mutableTag']);
  });

  it('the name must be equal as written: a longer name or another registry is not the artifact', () => {
    const other = { ...artifacts, images: ['acme/web', 'gcr.io/acme/we'] };
    expect(scan('p.yaml', { buildArtifacts: { 'p.yaml': [other] } }).map((f) => f.messageId)).toEqual(['tagWithoutDigest', 'mutableTag']);
  });

  it('a key inherited from the prototype is no file', () => {
    expect(scan('constructor', { buildArtifacts: {} }).map((f) => f.messageId)).toEqual(['tagWithoutDigest', 'mutableTag']);
  });
});
