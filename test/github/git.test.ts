import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitChanges, gitHead, gitShow, hasCommit } from '../../src/github/git.js';

function repo(): { dir: string; commit: (files: Record<string, string | null>, message: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'ki-git-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
  git('init', '-q');
  git('config', 'user.email', 't@example.com');
  git('config', 'user.name', 'T');
  return {
    dir,
    commit(files, message) {
      for (const [p, text] of Object.entries(files)) {
        if (text === null) rmSync(join(dir, p));
        else {
          mkdirSync(join(dir, p, '..'), { recursive: true });
          writeFileSync(join(dir, p), text);
        }
      }
      git('add', '-A');
      git('commit', '-q', '-m', message);
      return git('rev-parse', 'HEAD');
    },
  };
}

describe('git queries on the workspace', () => {
  const r = repo();
  const base = r.commit({ 'k8s/a.yaml': 'a: 1\nb: 2\n', 'k8s/old.yaml': 'x: 1\ny: 2\nz: 3\n', 'gone.yaml': 'g: 1\n' }, 'base');
  execFileSync('git', ['mv', 'k8s/old.yaml', 'k8s/new name.yaml'], { cwd: r.dir });
  const head = r.commit({ 'k8s/a.yaml': 'a: 1\nb: 3\n', 'gone.yaml': null, 'added.yaml': 'n: 1\n' }, 'head');

  it('knows HEAD and which commits exist', () => {
    expect(gitHead(r.dir)).toBe(head);
    expect(hasCommit(r.dir, base)).toBe(true);
    expect(hasCommit(r.dir, 'a'.repeat(40))).toBe(false);
    expect(hasCommit(r.dir, '--version')).toBe(false);
    expect(gitHead(tmpdir())).toBeUndefined();
  });

  it('shows files at a commit', () => {
    expect(gitShow(r.dir, base, 'k8s/a.yaml')).toBe('a: 1\nb: 2\n');
    expect(gitShow(r.dir, head, 'gone.yaml')).toBeUndefined();
  });

  it('lists changes with statuses, renames and patches in GitHub form', () => {
    const changes = gitChanges(r.dir, base, head)!;
    const by = Object.fromEntries(changes.map((c) => [c.path, c]));
    expect(Object.keys(by).sort()).toEqual(['added.yaml', 'gone.yaml', 'k8s/a.yaml', 'k8s/new name.yaml']);
    expect(by['gone.yaml']!.status).toBe('removed');
    expect(by['added.yaml']).toMatchObject({ status: 'added', patch: '@@ -0,0 +1 @@\n+n: 1\n' });
    expect(by['k8s/new name.yaml']).toMatchObject({ status: 'renamed', previousPath: 'k8s/old.yaml' });
    expect(by['k8s/a.yaml']!.patch).toBe('@@ -1,2 +1,2 @@\n a: 1\n-b: 2\n+b: 3\n');
    expect(gitChanges(r.dir, 'b'.repeat(40), head)).toBeUndefined();
  });
});
