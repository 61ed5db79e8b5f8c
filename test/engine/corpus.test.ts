import { run } from '../../src/engine/index.js';
import { collectFiles } from '../../src/files.js';
import { builtinPolicies } from '../../policies/index.js';
import { CORPUS } from '../corpus-path.js';

describe('the test corpus (real manifests and peer fixtures)', () => {
  const { files, errors } = collectFiles(['.'], { cwd: CORPUS, exclude: ['index.json', 'sources.json'] });
  const result = run(files, builtinPolicies);

  it('is read whole', () => {
    expect(errors).toEqual([]);
    expect(files.length).toBeGreaterThan(900);
  });

  it('scans with 0 crashes: no policy fails on any file', () => {
    expect(result.findings.filter((f) => f.policyId === 'policy-error').map((f) => f.message)).toEqual([]);
  });

  it('gives a reason for every skipped file and document', () => {
    for (const f of result.files) {
      if (f.skipped !== undefined) expect(f.skipped).toMatch(/\w{4,}/);
      for (const d of f.skippedDocuments) expect(d.reason).toMatch(/\w{4,}/);
    }
    expect(result.files.filter((f) => f.skipped).length).toBeLessThan(10);
  });

  it('verifies every fix it offers', () => {
    expect(result.fixes.length).toBeGreaterThan(500);
    expect(result.fixes.filter((g) => !g.verified).map((g) => `${g.file} ${g.object}: ${g.problem}`)).toEqual([]);
  });
});
