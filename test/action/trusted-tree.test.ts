import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTrustedSettings, trustedReader } from '../../src/action/trusted.js';
import { gitCommitTree, openTrustedFolder } from '../../src/action/trusted-tree.js';

const git = (cwd: string, ...a: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'protocol.file.allow=always', ...a], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();

/** A repository with one commit holding `files` (a `{ link }` is a symbolic link), and a work tree changed afterwards. */
function repo(files: Record<string, string | Buffer | { link: string }>): { dir: string; sha: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ki-trusted-'));
  git(dir, 'init', '-q');
  for (const [p, v] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    if (typeof v === 'object' && !Buffer.isBuffer(v)) symlinkSync(v.link, join(dir, p));
    else writeFileSync(join(dir, p), v);
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'c');
  return { dir, sha: git(dir, 'rev-parse', 'HEAD') };
}

describe('gitCommitTree: files of a commit from git objects', () => {
  const r = repo({
    '.github/kube-immutable.yaml': 'preset: strict\n',
    'policies/a.ts': 'export const a = 1;\n',
    'policies/link.ts': { link: 'a.ts' },
    'policies/lib': { link: '../elsewhere' },
    'elsewhere/index.ts': 'x\n',
    'latin1.yaml': Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]),
  });
  // The work tree changes after the commit: none of it may be read.
  writeFileSync(join(r.dir, '.github/kube-immutable.yaml'), 'preset: immutability\npolicies: {read-only-root-filesystem: "off"}\n');
  writeFileSync(join(r.dir, 'policies/b.ts'), 'untracked\n');
  const tree = gitCommitTree(r.dir, r.sha, 'the base commit x')!;
  afterAll(() => rmSync(r.dir, { recursive: true, force: true }));

  it('reads the committed text, never the work tree', async () => {
    expect(await tree.read('.github/kube-immutable.yaml')).toEqual({ kind: 'file', text: 'preset: strict\n' });
    expect(await tree.list('policies')).toEqual({ kind: 'folder', names: ['a.ts', 'lib', 'link.ts'] });
    expect(await tree.read('policies/b.ts')).toEqual({ kind: 'absent' });
  });

  it('refuses symbolic links as files and as folders on the way, naming them', async () => {
    expect(await tree.read('policies/link.ts')).toEqual({
      kind: 'refused',
      reason: expect.stringMatching(/^policies\/link\.ts is a symbolic link in the base commit x; /),
    });
    expect(await tree.read('policies/lib/index.ts')).toEqual({ kind: 'refused', reason: expect.stringMatching(/^policies\/lib is a symbolic link/) });
    expect(await tree.list('policies/lib')).toMatchObject({ kind: 'refused' });
  });

  it('absent paths, folders read as files, files listed as folders, and paths that are not clean', async () => {
    expect(await tree.read('nope/x.yaml')).toEqual({ kind: 'absent' });
    expect(await tree.read('policies')).toEqual({ kind: 'absent' });
    expect(await tree.list('policies/a.ts')).toEqual({ kind: 'absent' });
    expect(await tree.read('../etc/passwd')).toEqual({ kind: 'absent' });
    expect(await tree.read('policies/./a.ts')).toEqual({ kind: 'absent' });
    expect(await tree.list('')).toMatchObject({ kind: 'folder', names: expect.arrayContaining(['.github', 'policies']) });
  });

  it('text that is not UTF-8 is refused', async () => {
    expect(await tree.read('latin1.yaml')).toEqual({ kind: 'refused', reason: 'latin1.yaml in the base commit x is not UTF-8 text' });
  });

  it('a name that looks like a pathspec or an option is only ever a name', async () => {
    const odd = repo({ '*': 'star\n', '-n.yaml': 'dash\n', ':(top)x': 'magic\n' });
    try {
      const t = gitCommitTree(odd.dir, odd.sha, 'c')!;
      expect(await t.read('*')).toEqual({ kind: 'file', text: 'star\n' });
      expect(await t.read('-n.yaml')).toEqual({ kind: 'file', text: 'dash\n' });
      expect(await t.read(':(top)x')).toEqual({ kind: 'file', text: 'magic\n' });
      expect(await t.read('?')).toEqual({ kind: 'absent' });
    } finally {
      rmSync(odd.dir, { recursive: true, force: true });
    }
  });

  it('a submodule is refused', async () => {
    const sub = repo({ 'x.ts': 'sub\n' });
    const sup = repo({ 'README.md': 'r\n' });
    try {
      git(sup.dir, 'submodule', '-q', 'add', `file://${sub.dir}`, 'policies');
      git(sup.dir, 'commit', '-q', '-m', 'sub');
      const t = gitCommitTree(sup.dir, 'HEAD', 'the base commit s')!;
      expect(await t.read('policies/x.ts')).toEqual({ kind: 'refused', reason: expect.stringMatching(/^policies is a submodule in the base commit s; /) });
      expect(await t.list('policies')).toMatchObject({ kind: 'refused' });
    } finally {
      rmSync(sub.dir, { recursive: true, force: true });
      rmSync(sup.dir, { recursive: true, force: true });
    }
  });

  it('a commit that is not local gives no tree (the caller reads through the API)', () => {
    expect(gitCommitTree(r.dir, 'f'.repeat(40), 'x')).toBeUndefined();
    expect(gitCommitTree(r.dir, '--output=/tmp/x', 'x')).toBeUndefined();
  });
});

describe('openTrustedFolder: a separately checked-out trusted repository', () => {
  it('accepts a repository of its own and reads its HEAD commit', async () => {
    const ws = repo({ 'a.yaml': 'a: 1\n' });
    const org = join(ws.dir, 'org');
    mkdirSync(org);
    writeFileSync(join(org, 'kube-immutable.yaml'), 'preset: strict\n');
    git(org, 'init', '-q');
    git(org, 'add', '-A');
    git(org, 'commit', '-q', '-m', 'o');
    writeFileSync(join(org, 'kube-immutable.yaml'), 'edited later\n');
    try {
      const f = openTrustedFolder(ws.dir, './org/');
      expect('problem' in f).toBe(false);
      if ('problem' in f) return;
      expect(f.path).toBe('org');
      expect(await f.tree.read('kube-immutable.yaml')).toEqual({ kind: 'file', text: 'preset: strict\n' });
    } finally {
      rmSync(ws.dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['..', /must be a folder inside the workspace/],
    ['.', /must be a folder inside the workspace/],
    ['/etc', /must be a folder inside the workspace/],
    ['missing', /does not exist/],
    ['plain', /is not a git repository of its own/],
    ['linked', /linked is a symbolic link/],
    ['file.txt', /is not a folder/],
    ['gitfile', /has a \.git file/],
  ])('refuses %s', (path, message) => {
    const ws = repo({ 'a.yaml': 'a: 1\n', 'plain/x.yaml': 'x\n', 'file.txt': 't\n', 'gitfile/.keep': '' });
    symlinkSync('plain', join(ws.dir, 'linked'));
    writeFileSync(join(ws.dir, 'gitfile', '.git'), `gitdir: ${join(ws.dir, '.git')}\n`);
    try {
      const f = openTrustedFolder(ws.dir, path);
      expect(f).toEqual({ problem: expect.stringMatching(message) });
    } finally {
      rmSync(ws.dir, { recursive: true, force: true });
    }
  });
});

describe('loadTrustedSettings: nothing from the workspace', () => {
  it('a file the base lacks is absent even when the work tree has it; refused links become problems', async () => {
    const base = repo({
      '.github/kube-immutable.yaml': 'customPolicies: ../policies\n',
      'policies/ok.ts':
        "import { definePolicy } from 'kube-immutable/policy';\nexport default definePolicy({ id: 'ok-policy', meta: { description: 'd', category: 'hardening', defaultSeverity: 'error', fixable: false, messages: { m: 'm' }, remediation: '', docsUrl: 'https://example.com' }, check() {} });\n",
      'policies/linked.ts': { link: 'ok.ts' },
    });
    writeFileSync(join(base.dir, 'policies', 'added.ts'), 'throw new Error("workspace code ran")\n');
    try {
      const src = { workspace: base.dir, sha: base.sha, role: 'base commit', api: undefined, trustedFolders: [] };
      const reader = trustedReader(src);
      const s = await loadTrustedSettings(src, undefined, reader, new Set(['policies/added.ts', 'README.md']));
      expect(s.policies.map((p) => p.id)).toContain('ok-policy');
      expect(s.problems).toEqual(expect.arrayContaining([expect.stringMatching(/^policies\/linked\.ts is a symbolic link in the base commit [0-9a-f]{12}; /)]));
      expect(s.problems.join('\n')).not.toMatch(/workspace code ran/);
      expect(s.changedByPr).toEqual(['policies/added.ts']);
      expect(reader.sources).toEqual([`the base commit ${base.sha.slice(0, 12)} via git`]);
    } finally {
      rmSync(base.dir, { recursive: true, force: true });
    }
  });

  it('a commit neither local nor readable through an API: every read is a problem, never the disk', async () => {
    const ws = repo({ '.github/kube-immutable.yaml': 'preset: strict\n' });
    try {
      const reader = trustedReader({ workspace: ws.dir, sha: 'e'.repeat(40), role: 'base commit', api: undefined, trustedFolders: [] });
      expect(await reader.read('.github/kube-immutable.yaml')).toBeUndefined();
      expect(reader.problems).toEqual([expect.stringMatching(/^the base commit eeeeeeeeeeee is not in the local git history and there is no GitHub token/)]);
      expect(await reader.read('../outside.yaml')).toBeUndefined();
      expect(reader.problems[1]).toBe('../outside.yaml is outside the repository');
    } finally {
      rmSync(ws.dir, { recursive: true, force: true });
    }
  });
});
