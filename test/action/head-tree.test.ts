/**
 * The files a pull request's renders need, from git objects of its head commit
 * (src/action/head-tree.ts): the same files through the local repository (a workspace at
 * another commit) and through the API (an empty workspace); links and submodules refused and
 * never written; budgets; paths never written.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commitObjects, materialiseRenderTree, type MaterialisedTree } from '../../src/action/head-tree.js';
import { createClient } from '../../src/github/client.js';
import { createPullRequestFixture, type PullRequestFixture } from '../github-api/fixture.js';
import { startGitHubApiServer, type GitHubApiServer } from '../github-api/server.js';

const CHART = 'apiVersion: v2\nname: web\nversion: 0.1.0\n';
const TEMPLATE = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  a: {{ .Values.a | quote }}\n';
const base = {
  'base/kustomization.yaml': 'resources:\n- deployment.yaml\n',
  'base/deployment.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n',
  'overlays/prod/kustomization.yaml': 'resources:\n- ../../base\n',
  'overlays/dev/Kustomization': 'resources:\n- ../../other\n',
  'other/kustomization.yaml': 'resources:\n- cm.yaml\n',
  'other/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n',
  'charts/web/Chart.yaml': CHART,
  'charts/web/values.yaml': 'a: 1\n',
  'charts/web/templates/cm.yaml': TEMPLATE,
  'charts/idle/Chart.yaml': 'apiVersion: v2\nname: idle\nversion: 0.1.0\n',
  'charts/idle/templates/cm.yaml': TEMPLATE,
  'docs/readme.md': 'hello\n',
};
const head = {
  'overlays/prod/kustomization.yaml': 'resources:\n- ../../base\npatches:\n- path: patch.yaml\n',
  'overlays/prod/patch.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  b: "2"\n',
  'charts/web/values.yaml': 'a: 2\n',
};
const headTexts: Record<string, string> = { ...base, ...head };
/** What the renders of the changed overlay and chart need: the kustomizations, the closure, the chart folder. */
const NEEDED = [
  'base/deployment.yaml',
  'base/kustomization.yaml',
  'charts/web/Chart.yaml',
  'charts/web/templates/cm.yaml',
  'charts/web/values.yaml',
  'other/kustomization.yaml',
  'overlays/dev/Kustomization',
  'overlays/prod/kustomization.yaml',
  'overlays/prod/patch.yaml',
];

const git = (cwd: string, ...a: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...a], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

/** The API of a fixture's server, with a client at its URL. */
async function apiOf(gh: GitHubApiServer, fx: PullRequestFixture) {
  const before = process.env.GITHUB_API_URL;
  process.env.GITHUB_API_URL = gh.url;
  try {
    return { client: await createClient('test-token', { info: () => {}, warning: () => {} }, { maxRetries: 0 }), owner: fx.owner, repo: fx.repo };
  } finally {
    if (before === undefined) delete process.env.GITHUB_API_URL;
    else process.env.GITHUB_API_URL = before;
  }
}

function expectWritten(m: MaterialisedTree) {
  expect([...m.tree.keys()].sort()).toEqual(NEEDED);
  for (const p of NEEDED) {
    expect(m.tree.get(p)).toBe(headTexts[p]);
    expect(readFileSync(join(m.dir, p), 'utf8')).toBe(headTexts[p]);
  }
  expect(m.refused.size).toBe(0);
  expect(existsSync(join(m.dir, 'charts/idle'))).toBe(false);
  expect(m.read).toEqual({ files: NEEDED.length, bytes: NEEDED.reduce((n, p) => n + Buffer.byteLength(headTexts[p]!), 0) });
}

describe('materialiseRenderTree: the files of the changed charts and roots, from git objects of the head commit', () => {
  const fx = createPullRequestFixture({ base, head });
  const changed = new Set(fx.files.map((f) => f.filename));
  afterAll(() => fx.cleanup());

  it('a workspace at another commit (the base): read through the local repository, never from its files', async () => {
    git(fx.dir, 'checkout', '-q', '--detach', fx.baseSha);
    try {
      const objects = commitObjects(fx.dir, fx.headSha, undefined);
      const m = await materialiseRenderTree(objects, changed);
      if (!m || 'problem' in m) throw new Error(`not materialised: ${JSON.stringify(m)}`);
      try {
        expectWritten(m);
        expect(objects.label).toBe(`the head commit ${fx.headSha.slice(0, 12)}`);
      } finally {
        m.cleanup();
      }
      expect(existsSync(m.dir)).toBe(false);
    } finally {
      git(fx.dir, 'checkout', '-q', 'feature');
    }
  });

  it('an empty workspace: read through the API (one tree listing, then blobs)', async () => {
    const gh = await startGitHubApiServer(fx.state());
    const empty = mkdtempSync(join(tmpdir(), 'ki-empty-ws-'));
    try {
      const m = await materialiseRenderTree(commitObjects(empty, fx.headSha, await apiOf(gh, fx)), changed);
      if (!m || 'problem' in m) throw new Error(`not materialised: ${JSON.stringify(m)}`);
      try {
        expectWritten(m);
      } finally {
        m.cleanup();
      }
      const routes = gh.log.map((l) => l.route);
      expect(routes.filter((r) => r?.includes('/git/trees/'))).toHaveLength(1);
      expect(routes.filter((r) => r?.includes('/git/blobs/'))).toHaveLength(NEEDED.length);
    } finally {
      await gh.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('nothing to render: undefined; an unknown commit: a problem', async () => {
    const gh = await startGitHubApiServer(fx.state());
    const empty = mkdtempSync(join(tmpdir(), 'ki-empty-ws-'));
    try {
      const api = await apiOf(gh, fx);
      for (const p of Object.keys(gh.state.trees[fx.headSha]!)) if (!p.startsWith('docs/')) delete gh.state.trees[fx.headSha]![p];
      expect(await materialiseRenderTree(commitObjects(empty, fx.headSha, api), changed)).toBeUndefined();
      const unknown = 'f'.repeat(40);
      expect(await materialiseRenderTree(commitObjects(empty, unknown, api), changed)).toEqual({
        problem: `GitHub does not know the head commit ${unknown.slice(0, 12)}`,
      });
      expect(await materialiseRenderTree(commitObjects(empty, unknown, undefined), changed)).toEqual({
        problem: `the head commit ${unknown.slice(0, 12)} is not in the local repository`,
      });
    } finally {
      await gh.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('materialiseRenderTree refuses what is not a regular file, and never writes it', () => {
  const outside = mkdtempSync(join(tmpdir(), 'ki-outside-'));
  writeFileSync(join(outside, 'secret.yaml'), 'token: x\n');
  const fx = createPullRequestFixture({
    base,
    head: {
      ...head,
      'charts/web/templates/evil.yaml': { symlink: join(outside, 'secret.yaml') },
      'overlays/prod/patch.yaml': { symlink: '../../../outside/secret.yaml' },
    },
  });
  const changed = new Set(fx.files.map((f) => f.filename));
  afterAll(() => {
    fx.cleanup();
    rmSync(outside, { recursive: true, force: true });
  });

  const check = (m: MaterialisedTree) => {
    expect([...m.refused.keys()].sort()).toEqual(['charts/web/templates/evil.yaml', 'overlays/prod/patch.yaml']);
    for (const [p, r] of m.refused) {
      expect(r.kind).toBe('link');
      expect(r.reason).toMatch(
        new RegExp(`^${p.replace(/[.]/g, '\\.')} is a symbolic link in the head commit [0-9a-f]{12}: kube-immutable never follows links`),
      );
      expect(m.tree.get(p)).toBe('');
      expect(() => lstatSync(join(m.dir, p))).toThrow(/ENOENT/);
    }
    expect(m.tree.get('charts/web/values.yaml')).toBe('a: 2\n');
  };

  it('links, through the local repository and through the API', async () => {
    const local = await materialiseRenderTree(commitObjects(fx.dir, fx.headSha, undefined), changed);
    if (!local || 'problem' in local) throw new Error('not materialised');
    check(local);
    local.cleanup();
    const gh = await startGitHubApiServer(fx.state());
    const empty = mkdtempSync(join(tmpdir(), 'ki-empty-ws-'));
    try {
      const viaApi = await materialiseRenderTree(commitObjects(empty, fx.headSha, await apiOf(gh, fx)), changed);
      if (!viaApi || 'problem' in viaApi) throw new Error('not materialised');
      check(viaApi);
      viaApi.cleanup();
    } finally {
      await gh.close();
      rmSync(empty, { recursive: true, force: true });
    }
    expect(readFileSync(join(outside, 'secret.yaml'), 'utf8')).toBe('token: x\n');
  });

  it('a path naming a .git folder (a tree GitHub lists) is never written', async () => {
    const state = fx.state();
    const config = Buffer.from('[core]\n\thooksPath = /tmp\n');
    state.trees[fx.headSha]!['charts/web/.git/config'] = { sha: 'c'.repeat(40), content: config };
    state.blobs['c'.repeat(40)] = config;
    const gh = await startGitHubApiServer(state);
    const empty = mkdtempSync(join(tmpdir(), 'ki-empty-ws-'));
    try {
      const m = await materialiseRenderTree(commitObjects(empty, fx.headSha, await apiOf(gh, fx)), changed);
      if (!m || 'problem' in m) throw new Error('not materialised');
      expect(m.refused.get('charts/web/.git/config')).toEqual({
        kind: 'other',
        reason: 'charts/web/.git/config names a .git folder: it is never written, so it is not rendered',
      });
      expect(existsSync(join(m.dir, 'charts/web/.git'))).toBe(false);
      m.cleanup();
    } finally {
      await gh.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('materialiseRenderTree: submodules and budgets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ki-head-sub-'));
  git(dir, 'init', '-q');
  for (const [p, t] of Object.entries({ 'charts/web/Chart.yaml': CHART, 'charts/web/templates/a.yaml': TEMPLATE, 'charts/web/templates/b.yaml': TEMPLATE })) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), t);
  }
  git(dir, 'add', '-A');
  // A gitlink (mode 160000): a submodule at charts/web/charts/lib, pointing at some commit.
  git(dir, 'update-index', '--add', '--cacheinfo', `160000,${'a'.repeat(40)},charts/web/charts/lib`);
  git(dir, 'commit', '-q', '-m', 'c');
  const sha = git(dir, 'rev-parse', 'HEAD');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a submodule in a changed chart is refused, with its reason', async () => {
    const m = await materialiseRenderTree(commitObjects(dir, sha, undefined), new Set(['charts/web/templates/a.yaml']));
    if (!m || 'problem' in m) throw new Error('not materialised');
    expect([...m.refused]).toEqual([
      [
        'charts/web/charts/lib',
        {
          kind: 'other',
          reason: `charts/web/charts/lib is a submodule in the head commit ${sha.slice(0, 12)}: files of another repository are never read, so it is not rendered`,
        },
      ],
    ]);
    expect(existsSync(join(m.dir, 'charts/web/charts'))).toBe(false);
    m.cleanup();
  });

  it('files past the budget are refused in path order', async () => {
    const m = await materialiseRenderTree(commitObjects(dir, sha, undefined), new Set(['charts/web/templates/a.yaml']), { files: 2, bytes: 1024 });
    if (!m || 'problem' in m) throw new Error('not materialised');
    expect(m.read.files).toBe(2);
    expect(m.refused.get('charts/web/templates/b.yaml')?.reason).toBe(
      'charts/web/templates/b.yaml passes the budget of files read for renders (2 files, 1024 bytes): not rendered',
    );
    const bytes = await materialiseRenderTree(commitObjects(dir, sha, undefined), new Set(['charts/web/templates/a.yaml']), { files: 10, bytes: 100 });
    if (!bytes || 'problem' in bytes) throw new Error('not materialised');
    expect([...bytes.refused.keys()].sort()).toEqual(['charts/web/charts/lib', 'charts/web/templates/a.yaml', 'charts/web/templates/b.yaml']);
    m.cleanup();
    bytes.cleanup();
  });
});
