import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_CONFIG } from '../cli/helpers.js';
import { createPullRequestFixture } from '../github-api/fixture.js';
import { startGitHubApiServer } from '../github-api/server.js';
import { run } from '../../src/engine/index.js';
import { seedPolicies } from '../seed-policies.js';
import { expectNothingLost, ROOT, runAction } from './helpers.js';

describe('the token', () => {
  it('is masked and never printed, even when GitHub answers errors', async () => {
    const token = 'ghs_SECRETtoken0123456789abcdefABCDEF';
    const fx = createPullRequestFixture({
      base: { '.github/kube-immutable.yaml': SEED_CONFIG },
      head: { 'pod.yaml': readFileSync(join(ROOT, 'examples/seeds/nginx-pod-readonly.yaml'), 'utf8') },
    });
    const gh = await startGitHubApiServer(fx.state());
    gh.state.readOnly = true; // a 403 path: error messages are printed
    try {
      const r = await runAction(fx, gh, { 'github-token': token }, { RUNNER_DEBUG: '1' });
      expect(r.code).toBe(1);
      const lines = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.includes(token));
      expect(lines).toEqual([`::add-mask::${token}`]);
      expect(r.summary).not.toContain(token);
      expect(JSON.stringify(r.outputs)).not.toContain(token);
      expectNothingLost(
        r,
        gh,
        run([{ path: 'pod.yaml', text: readFileSync(join(ROOT, 'examples/seeds/nginx-pod-readonly.yaml'), 'utf8') }], seedPolicies).findings,
        { headSha: fx.headSha },
      );
    } finally {
      await gh.close();
      fx.cleanup();
    }
  });
});
