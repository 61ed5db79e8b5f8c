import { engineWithDigests } from '../../src/action/pull-request.js';
import { readInputs, type ActionInputs } from '../../src/github/inputs.js';
import { fakeServer } from '../registry/helpers.js';

describe('the resolve-digests input', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('is false by default and reads true/false', () => {
    delete process.env['INPUT_RESOLVE-DIGESTS'];
    expect(readInputs().resolveDigests).toBe(false);
    process.env['INPUT_RESOLVE-DIGESTS'] = 'True';
    expect(readInputs().resolveDigests).toBe(true);
    process.env['INPUT_RESOLVE-DIGESTS'] = 'false';
    expect(readInputs().resolveDigests).toBe(false);
    process.env['INPUT_RESOLVE-DIGESTS'] = 'yes please';
    expect(() => readInputs()).toThrow('input resolve-digests must be true or false; got "yes please"');
  });

  it('off: the engine options are unchanged and no registry is contacted; on: digests are added', async () => {
    const digest = 'sha256:' + '3'.repeat(64);
    const registry = await fakeServer((_req, res) => void res.writeHead(200, { 'Docker-Content-Digest': digest }).end());
    try {
      const sources = [
        { path: 'p.yaml', text: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: ${registry.host}/app:1\n` },
      ];
      const engine = { severity: { 'image-digest': 'error' as const } };
      const off = await engineWithDigests({ resolveDigests: false } as ActionInputs, engine, sources);
      expect(off).toBe(engine);
      expect(registry.requests).toEqual([]);
      // The loopback registry speaks plain http: the workflow's explicit opt-in.
      process.env.KUBE_IMMUTABLE_INSECURE_REGISTRIES = registry.host;
      const on = await engineWithDigests({ resolveDigests: true, registries: [] as string[] } as ActionInputs, engine, sources);
      expect(on.options).toBeUndefined();
      expect(on.images).toEqual({ digests: new Map([[`${registry.host}/app:1`, digest]]), digestErrors: new Map() });
      expect(registry.requests).toHaveLength(1);
    } finally {
      await registry.close();
    }
  });

  it('registries: empty by default (the default list), newline or comma separated; a bad entry stops resolve-digests, naming the input', async () => {
    delete process.env.INPUT_REGISTRIES;
    expect(readInputs().registries).toEqual([]);
    process.env.INPUT_REGISTRIES = 'defaults\nregistry.example.com:5000, registry.gitlab.com=gitlab.com\n';
    expect(readInputs().registries).toEqual(['defaults', 'registry.example.com:5000', 'registry.gitlab.com=gitlab.com']);
    process.env.INPUT_REGISTRIES = 'ghcr.io\nhttp://evil.example';
    const inputs = readInputs(); // read at start-up without loading the registry layer
    await expect(engineWithDigests(inputs, {}, [])).resolves.toEqual({}); // resolve-digests is off
    await expect(engineWithDigests({ ...inputs, resolveDigests: true }, {}, [])).rejects.toThrow(
      'input registries: "http://evil.example" is not a registry host',
    );
  });

  it('an image on a registry off the allow-list: a warning naming the input, no request, no digest', async () => {
    const registry = await fakeServer((_req, res) => void res.writeHead(200, { 'Docker-Content-Digest': 'sha256:' + '4'.repeat(64) }).end());
    const warnings: string[] = [];
    // eslint-disable-next-line @typescript-eslint/unbound-method -- put back as it was, on the same object
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) => (warnings.push(chunk), true)) as typeof process.stdout.write;
    try {
      delete process.env.KUBE_IMMUTABLE_INSECURE_REGISTRIES;
      const sources = [
        { path: 'p.yaml', text: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: ${registry.host}/app:1\n` },
      ];
      const on = await engineWithDigests({ resolveDigests: true, registries: ['ghcr.io'] } as ActionInputs, {}, sources);
      expect(on.images?.digests).toEqual(new Map());
      expect(registry.requests).toEqual([]);
    } finally {
      process.stdout.write = write;
      await registry.close();
    }
    expect(warnings.join('')).toContain(
      `::warning::kube-immutable: cannot resolve the digest of ${registry.host}/app:1: registry ${registry.host} is not on the allow-list (input registries); no request was made`,
    );
  });
});
