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
      const sources = [{ path: 'p.yaml', text: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: ${registry.host}/app:1\n` }];
      const engine = { severity: { 'image-digest': 'error' as const } };
      const off = await engineWithDigests({ resolveDigests: false } as ActionInputs, engine, sources);
      expect(off).toBe(engine);
      expect(registry.requests).toEqual([]);
      const on = await engineWithDigests({ resolveDigests: true } as ActionInputs, engine, sources);
      expect(on.options?.['image-digest']).toEqual({ resolvedDigests: { [`${registry.host}/app:1`]: digest }, resolutionErrors: {} });
      expect(registry.requests).toHaveLength(1);
    } finally {
      await registry.close();
    }
  });
});
