// The built action (node dist/index.js) on a pull request whose manifest names an image on a
// loopback registry: with resolve-digests on, that registry is asked only when the workflow
// allows it (input registries, and KUBE_IMMUTABLE_INSECURE_REGISTRIES for plain http).
// The manifest is deploy/Web.YAML: an upper-case extension is a manifest too.
import { createPullRequestFixture, type PullRequestFixture } from '../github-api/fixture.js';
import { startGitHubApiServer } from '../github-api/server.js';
import { fakeServer, type FakeServer } from '../registry/helpers.js';
import { runAction } from './helpers.js';

const DIGEST = 'sha256:' + '5'.repeat(64);
const pod = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: ${image}\n`;

let registry: FakeServer;
let fx: PullRequestFixture;

beforeAll(async () => {
  registry = await fakeServer((_req, res) => void res.writeHead(200, { 'Docker-Content-Digest': DIGEST }).end());
  fx = createPullRequestFixture({ base: { 'README.md': '# app\n' }, head: { 'deploy/Web.YAML': pod(`${registry.host}/team/app:1.0`) } });
});
afterAll(async () => {
  fx?.cleanup();
  await registry?.close();
});
beforeEach(() => registry.requests.splice(0));

describe('resolve-digests in the action', () => {
  it('a registry a pull request names (loopback) is never asked by default: a warning, the finding without the pinned fix', async () => {
    const gh = await startGitHubApiServer(fx.state());
    try {
      const r = await runAction(fx, gh, { 'resolve-digests': 'true' });
      expect(r.stdout).toContain(
        `::warning::kube-immutable: cannot resolve the digest of ${registry.host}/team/app:1.0: registry ${registry.host} is not on the allow-list (input registries); no request was made`,
      );
      expect(registry.requests).toEqual([]);
      const comments = gh.state.reviewComments;
      expect(comments.length).toBeGreaterThan(0);
      expect(comments.every((c) => c.path === 'deploy/Web.YAML')).toBe(true);
      expect(comments.some((c) => c.body.includes(DIGEST))).toBe(false);
    } finally {
      await gh.close();
    }
  });

  it('named in registries but not as insecure: https only, so the plain-http registry sees no request', async () => {
    const gh = await startGitHubApiServer(fx.state());
    try {
      const r = await runAction(fx, gh, { 'resolve-digests': 'true', registries: `defaults\n${registry.host}` });
      expect(r.stdout).toMatch(
        new RegExp(`::warning::kube-immutable: cannot resolve the digest of ${registry.host}/team/app:1.0: cannot reach ${registry.host}: E[A-Z_]+`),
      );
      expect(registry.requests).toEqual([]);
    } finally {
      await gh.close();
    }
  });

  it('allowed by the workflow (registries and KUBE_IMMUTABLE_INSECURE_REGISTRIES): looked up, and the suggestion pins the digest', async () => {
    const gh = await startGitHubApiServer(fx.state());
    try {
      const r = await runAction(fx, gh, { 'resolve-digests': 'true', registries: registry.host }, { KUBE_IMMUTABLE_INSECURE_REGISTRIES: registry.host });
      expect(r.stdout).not.toContain('::warning::kube-immutable: cannot resolve');
      expect(registry.requests.map((q) => `${q.method} ${q.url}`)).toEqual(['HEAD /v2/team/app/manifests/1.0']);
      expect(gh.state.reviewComments.some((c) => c.path === 'deploy/Web.YAML' && c.body.includes(`${registry.host}/team/app:1.0@${DIGEST}`))).toBe(true);
    } finally {
      await gh.close();
    }
  });

  it('a bad registries entry stops the run, naming the input, before any registry request or review', async () => {
    const gh = await startGitHubApiServer(fx.state());
    try {
      const r = await runAction(fx, gh, { 'resolve-digests': 'true', registries: 'https://evil.example/x' });
      expect(r.code).toBe(1); // core.setFailed
      expect(r.stdout).toContain('::error::kube-immutable: input registries: "https://evil.example/x" is not a registry host');
      expect(registry.requests).toEqual([]);
      expect(gh.state.reviews).toEqual([]);
    } finally {
      await gh.close();
    }
  });
});
