/**
 * Issue #13's attacks, each run against the built action and the local GitHub API server: a pull
 * request must never change what checks it, nor run its own code. Every attack adds a policy module
 * that writes a marker file when it is loaded; the marker must never appear, the base (or default)
 * configuration must be in force, and the privileged Pod must fail the check.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinPolicies } from '../../policies/index.js';
import { createLargePullRequestFixture, createPullRequestFixture, type PullRequestFixture } from '../github-api/fixture.js';
import { startGitHubApiServer } from '../github-api/server.js';
import { activeRules, allOffConfig, markerPolicy, PRIVILEGED_POD, runAction, shallowCheckout, type ActionRun } from './helpers.js';

const IDS = builtinPolicies.map((p) => p.id);
let n = 0;
const newMarker = () => join(tmpdir(), `ki-trust-marker-${process.pid}-${Date.now()}-${n++}`);

/** What every attack must end in: no PR code loaded, the privileged Pod reported, the step failed. */
function expectGateHeld(r: ActionRun, marker: string, sarifPath: string): void {
  expect(existsSync(marker)).toBe(false);
  expect(activeRules(sarifPath)).toEqual(expect.arrayContaining(['no-host-namespaces', 'no-privileged-container', 'no-writable-host-path']));
  expect(r.code).toBe(1);
}

async function runOn(fx: PullRequestFixture, workspace: string, event: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}) {
  const gh = await startGitHubApiServer(fx.state());
  const sarifPath = join(tmpdir(), `ki-trust-${process.pid}-${n++}.sarif`);
  try {
    const r = await runAction({ ...fx, dir: workspace }, gh, { 'sarif-file': sarifPath, ...inputs }, { GITHUB_EVENT_NAME: event, ...env });
    expect(gh.rejections).toEqual([]);
    return { r, gh, sarifPath };
  } finally {
    await gh.close();
  }
}

describe('1. a directory symbolic link over a trusted path', () => {
  const marker = newMarker();
  // The base has no configuration. The PR deletes the workflow, adds its own configuration and policy
  // under evil/, and replaces .github with a link to evil/.
  const fx = createPullRequestFixture({
    base: { '.github/workflows/ci.yml': 'on: pull_request\n', 'README.md': 'x\n' },
    head: {
      '.github/workflows/ci.yml': null,
      'evil/kube-immutable.yaml': allOffConfig('pwn', IDS),
      'evil/pwn/x.ts': markerPolicy(marker),
      '.github': { symlink: 'evil' },
      'pod.yaml': PRIVILEGED_POD,
    },
  });
  const shallow = shallowCheckout(fx.dir);
  afterAll(() => {
    fx.cleanup();
    rmSync(shallow, { recursive: true, force: true });
  });

  it('the work tree really holds the link (the attack is set up)', () => {
    expect(readFileSync(join(shallow, '.github', 'kube-immutable.yaml'), 'utf8')).toContain('customPolicies: pwn');
    expect(readFileSync(join(fx.dir, '.github', 'pwn', 'x.ts'), 'utf8')).toContain('writeFileSync');
  });

  it('pull_request_target with a shallow checkout: the base (no configuration) is in force, no PR code runs', async () => {
    const { r, sarifPath } = await runOn(fx, shallow, 'pull_request_target');
    expectGateHeld(r, marker, sarifPath);
    expect(r.stdout).toMatch(/configuration and custom policies from the base commit [0-9a-f]{12} via the contents API/);
  });

  it('pull_request with fetch-depth: 0: the same, read from the base commit’s git objects', async () => {
    const { r, sarifPath } = await runOn(fx, fx.dir, 'pull_request');
    expectGateHeld(r, marker, sarifPath);
    expect(r.stdout).toMatch(/configuration and custom policies from the base commit [0-9a-f]{12} via git/);
  });
});

describe('1b. a link that shadows an import of a base policy', () => {
  const marker = newMarker();
  const lib = "export const message = 'base policy ran';\n";
  const check = `import { definePolicy } from 'kube-immutable/policy';
import { message } from './lib';
export default definePolicy({
  id: 'base-check',
  meta: { description: 'd', category: 'hardening', defaultSeverity: 'error', fixable: false, messages: { m: message }, remediation: '', docsUrl: 'https://example.com/b' },
  check(ctx) { ctx.report({ messageId: 'm', node: ctx.manifest.node }); },
});
`;
  // ./lib resolves to lib.ts before lib/index.ts: the PR's copy adds lib.ts, and links policies/ to it.
  const evilLib = `${markerPolicy(marker).split('export default')[0]}export const message = 'pwned';\n`;
  const fx = createPullRequestFixture({
    base: { '.github/kube-immutable.yaml': 'customPolicies: ../policies\n', 'policies/check.ts': check, 'policies/lib/index.ts': lib },
    head: { 'copy/check.ts': check, 'copy/lib/index.ts': lib, 'copy/lib.ts': evilLib, policies: { symlink: 'copy' }, 'pod.yaml': PRIVILEGED_POD },
  });
  const shallow = shallowCheckout(fx.dir);
  afterAll(() => {
    fx.cleanup();
    rmSync(shallow, { recursive: true, force: true });
  });

  it.each([
    ['git objects', () => fx.dir],
    ['the contents API', () => shallow],
  ])('the base policy and ITS helper run (%s); the PR’s lib.ts is never loaded', async (_, dir) => {
    const { r, sarifPath } = await runOn(fx, dir(), 'pull_request_target');
    expectGateHeld(r, marker, sarifPath);
    expect(activeRules(sarifPath)).toContain('base-check');
    const sarif = readFileSync(sarifPath, 'utf8');
    expect(sarif).toContain('base policy ran');
    expect(sarif).not.toContain('pwned');
    expect(r.stdout).toMatch(/this pull request changes policies\b.*the configuration and custom policies of the base commit were used/);
  });
});

describe('1c. symbolic links and submodules in the trusted tree itself are refused', () => {
  it.each(['git objects', 'the contents API'])('a base whose .github is a link: a configuration problem naming it, and the step fails (%s)', async (via) => {
    const fx = createPullRequestFixture({
      base: { 'ci/kube-immutable.yaml': allOffConfig(undefined, IDS), '.github': { symlink: 'ci' } },
      head: { 'pod.yaml': PRIVILEGED_POD },
    });
    const dir = via === 'git objects' ? fx.dir : shallowCheckout(fx.dir);
    try {
      const { r } = await runOn(fx, dir, 'pull_request');
      expect(r.stdout).toMatch(
        /::error::kube-immutable configuration: \.github is a symbolic link( to ci\/kube-immutable\.yaml)? in the base commit [0-9a-f]{12}; trusted files are read only as regular files/,
      );
      expect(r.code).toBe(1);
    } finally {
      fx.cleanup();
      if (dir !== fx.dir) rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('2. more than 3,000 changed files in a shallow checkout', () => {
  it('padding that hides the PR’s configuration past the list’s cap changes nothing: defaults in force, no PR code', async () => {
    const marker = newMarker();
    const files: Record<string, string> = {};
    for (let i = 0; i < 2999; i++) files[`.aaa/pad-${String(i).padStart(4, '0')}.txt`] = `${i}\n`;
    files['.aaa/zz-pod.yaml'] = PRIVILEGED_POD;
    files['.github/kube-immutable.yaml'] = allOffConfig('pwn', IDS);
    files['.github/pwn/x.ts'] = markerPolicy(marker);
    const fx = createLargePullRequestFixture({ files, base: { 'README.md': 'x\n' } });
    expect(fx.files.length).toBe(3002);
    expect(fx.files.slice(3000).map((f) => f.filename)).toEqual(['.github/kube-immutable.yaml', '.github/pwn/x.ts']);
    const shallow = shallowCheckout(fx.dir);
    try {
      const { r, sarifPath } = await runOn(fx, shallow, 'pull_request_target');
      expect(r.stdout).toMatch(/::warning::This pull request changes more than 3000 files/);
      expectGateHeld(r, marker, sarifPath);
    } finally {
      fx.cleanup();
      rmSync(shallow, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('3. merge_group', () => {
  const marker = newMarker();
  const fx = createPullRequestFixture({
    base: { '.github/kube-immutable.yaml': 'preset: recommended\n' },
    head: { '.github/kube-immutable.yaml': allOffConfig('pwn', IDS), '.github/pwn/x.ts': markerPolicy(marker), 'pod.yaml': PRIVILEGED_POD },
  });
  const eventPath = join(tmpdir(), `ki-mg-${process.pid}.json`);
  writeFileSync(
    eventPath,
    JSON.stringify({
      merge_group: { base_sha: fx.baseSha, head_sha: fx.headSha, head_ref: 'refs/heads/gh-readonly-queue/main/pr-42' },
      repository: { full_name: `${fx.owner}/${fx.repo}` },
    }),
  );
  const shallow = shallowCheckout(fx.dir);
  afterAll(() => {
    fx.cleanup();
    rmSync(shallow, { recursive: true, force: true });
    rmSync(eventPath, { force: true });
  });

  it.each([
    ['fetch-depth: 0 (git objects of base_sha)', () => fx.dir, /from the merge group's base commit [0-9a-f]{12} via git/],
    ['a shallow checkout (the contents API at base_sha)', () => shallow, /from the merge group's base commit [0-9a-f]{12} via the contents API/],
  ])('a merge commit that changes the configuration: the queue base’s configuration is in force, no PR code runs — %s', async (_, dir, via) => {
    const gh = await startGitHubApiServer(fx.state());
    const sarifPath = join(tmpdir(), `ki-trust-mg-${process.pid}-${n++}.sarif`);
    try {
      const r = await runAction(
        { ...fx, dir: dir(), eventPath },
        gh,
        { 'sarif-file': sarifPath },
        { GITHUB_EVENT_NAME: 'merge_group', GITHUB_SHA: fx.headSha },
      );
      expect(gh.rejections).toEqual([]);
      expect(r.stdout).toMatch(via);
      expectGateHeld(r, marker, sarifPath);
    } finally {
      await gh.close();
    }
  });
});

describe('a trusted folder (a central policy repository checked out beside the PR)', () => {
  const ORG = 'preset: recommended\npolicies:\n  no-privileged-container: error\n';
  const repoConfig = 'extends: ../.org/kube-immutable.yaml\n';

  /** A repository of its own at `org` (what actions/checkout with repository: and path: leaves). */
  function orgCheckout(org: string, text: string): void {
    mkdirSync(org, { recursive: true });
    writeFileSync(join(org, 'kube-immutable.yaml'), text);
    const git = (...a: string[]) => execFileSync('git', ['-c', 'user.name=o', '-c', 'user.email=o@example.invalid', ...a], { cwd: org, stdio: 'ignore' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'org');
  }

  it('is read from its own HEAD commit; its uncommitted edits are not', async () => {
    const fx = createPullRequestFixture({ base: { '.github/kube-immutable.yaml': repoConfig }, head: { 'pod.yaml': PRIVILEGED_POD } });
    try {
      orgCheckout(join(fx.dir, '.org'), ORG);
      writeFileSync(join(fx.dir, '.org', 'kube-immutable.yaml'), allOffConfig(undefined, IDS)); // a later step's edit: not committed
      const { r, sarifPath } = await runOn(fx, fx.dir, 'pull_request', { 'trusted-folder': '.org' });
      expect(r.stdout).toMatch(/from the base commit [0-9a-f]{12} via git and the trusted folder \.org via git/);
      expect(activeRules(sarifPath)).toContain('no-privileged-container');
      expect(r.code).toBe(1);
    } finally {
      fx.cleanup();
    }
  });

  it('a folder the PR itself adds is refused (no .git of its own), and without the input the workspace is never read', async () => {
    const marker = newMarker();
    const fx = createPullRequestFixture({
      base: { '.github/kube-immutable.yaml': repoConfig },
      head: { '.org/kube-immutable.yaml': allOffConfig('pwn', IDS), '.org/pwn/x.ts': markerPolicy(marker), 'pod.yaml': PRIVILEGED_POD },
    });
    try {
      const named = await runOn(fx, fx.dir, 'pull_request', { 'trusted-folder': '.org' });
      expect(named.r.stdout).toMatch(/::error::kube-immutable configuration: trusted-folder "\.org" is not a git repository of its own/);
      expect(existsSync(marker)).toBe(false);
      expect(named.r.code).toBe(1);
      const unnamed = await runOn(fx, fx.dir, 'pull_request');
      expect(unnamed.r.stdout).toMatch(/::error [^\n]*::kube-immutable configuration: [^\n]*\.org\/kube-immutable\.yaml/);
      expect(existsSync(marker)).toBe(false);
      expect(unnamed.r.code).toBe(1);
    } finally {
      fx.cleanup();
    }
  });

  it('a trusted folder reached through a symbolic link is refused', async () => {
    const fx = createPullRequestFixture({
      base: { '.github/kube-immutable.yaml': repoConfig },
      head: { 'pod.yaml': PRIVILEGED_POD, '.org': { symlink: 'real-org' } },
    });
    try {
      orgCheckout(join(fx.dir, 'real-org'), ORG);
      const { r } = await runOn(fx, fx.dir, 'pull_request', { 'trusted-folder': '.org' });
      expect(r.stdout).toMatch(/trusted-folder "\.org": \.org is a symbolic link/);
      expect(r.code).toBe(1);
    } finally {
      fx.cleanup();
    }
  });
});

describe('links in the pull request’s files are data, never followed', () => {
  it('a manifest linking to .git/config (where actions/checkout keeps the token) or to a runner file is never read', async () => {
    const fx = createPullRequestFixture({
      base: { 'README.md': 'x\n' },
      head: { 'leak.yaml': { symlink: '.git/config' }, 'deploy/passwd.yaml': { symlink: '../../../../../../etc/hostname' }, 'pod.yaml': PRIVILEGED_POD },
    });
    // What actions/checkout writes with persist-credentials (the default): the token, base64-encoded.
    const secret = Buffer.from('x-access-token:ghs_leakme0123456789').toString('base64');
    execFileSync('git', ['config', 'http.https://github.com/.extraheader', `AUTHORIZATION: basic ${secret}`], { cwd: fx.dir });
    try {
      const gh = await startGitHubApiServer(fx.state());
      try {
        const r = await runAction(fx, gh, { 'filter-mode': 'nofilter' });
        const everything = [r.stdout, r.stderr, r.summary, ...gh.state.reviews.map((x) => x.body), ...gh.state.reviewComments.map((c) => c.body)].join('\n');
        expect(everything).not.toContain(secret);
        expect(everything).not.toContain('extraheader');
        expect(r.stdout).toMatch(/leak\.yaml[^\n]*a symbolic link \(links in the checked-out files are never followed\)/);
        expect(r.stdout).toMatch(/deploy\/passwd\.yaml[^\n]*a symbolic link/);
        expect(r.code).toBe(1);
      } finally {
        await gh.close();
      }
    } finally {
      fx.cleanup();
    }
  });
});
