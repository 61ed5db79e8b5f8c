import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectFiles, resolveInside } from '../src/files.js';
import { diskFiles } from '../src/settings/load.js';

describe('collectFiles', () => {
  const outside = mkdtempSync(join(tmpdir(), 'ki-outside-'));
  writeFileSync(join(outside, 'secret.yaml'), 'kind: Secret\n');
  const dir = mkdtempSync(join(tmpdir(), 'ki-files-'));
  mkdirSync(join(dir, 'k8s', 'sub'), { recursive: true });
  mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
  writeFileSync(join(dir, 'k8s', 'a.yaml'), 'a: 1\n');
  writeFileSync(join(dir, 'k8s', 'sub', 'b.yml'), '\uFEFFb: 2\n');
  writeFileSync(join(dir, 'k8s', 'c.json'), '{}');
  writeFileSync(join(dir, 'k8s', 'notes.txt'), 'x');
  writeFileSync(join(dir, 'k8s', 'latin1.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]));
  writeFileSync(join(dir, 'node_modules', 'x', 'd.yaml'), 'd: 1\n');
  writeFileSync(join(dir, '-leading dash ü.yaml'), 'e: 1\n');
  symlinkSync(join(outside, 'secret.yaml'), join(dir, 'k8s', 'link-out.yaml'));
  symlinkSync(join(dir, 'k8s', 'a.yaml'), join(dir, 'k8s', 'link-in.yaml'));
  symlinkSync(join(dir, 'missing.yaml'), join(dir, 'k8s', 'broken.yaml'));

  it('walks folders, keeps YAML and JSON, skips node_modules, refuses links out of the folder', () => {
    const r = collectFiles(['.'], { cwd: dir });
    expect(r.files.map((f) => f.path).sort()).toEqual([
      '-leading dash ü.yaml',
      'k8s/a.yaml',
      'k8s/c.json',
      'k8s/latin1.yaml',
      'k8s/link-in.yaml',
      'k8s/sub/b.yml',
    ]);
    // Not UTF-8: a file the engine reports (file-not-scanned), not a message.
    expect(r.files.find((f) => f.path === 'k8s/latin1.yaml')).toEqual({ path: 'k8s/latin1.yaml', text: '', unreadable: 'it is not valid UTF-8 text' });
    expect(r.errors.sort()).toEqual(['k8s/broken.yaml: broken symbolic link; skipped', 'k8s/link-out.yaml: symbolic link to a file outside .; not followed']);
  });

  it('keeps a leading BOM so offsets match the file on disk', () => {
    const r = collectFiles(['k8s/sub/b.yml'], { cwd: dir });
    expect(r.files[0]!.text).toBe('\uFEFFb: 2\n');
  });

  it('honours include and exclude globs and matches glob paths', () => {
    expect(collectFiles(['k8s'], { cwd: dir, include: ['**/*.json'] }).files.map((f) => f.path)).toEqual(['k8s/c.json']);
    expect(
      collectFiles(['k8s'], { cwd: dir, exclude: ['k8s/sub/**', '**/*.json', '**/link-*', '**/broken.yaml', '**/latin1.yaml'] })
        .files.map((f) => f.path)
        .sort(),
    ).toEqual(['k8s/a.yaml']);
    expect(collectFiles(['k8s/**/*.yml'], { cwd: dir }).files.map((f) => f.path)).toEqual(['k8s/sub/b.yml']);
  });

  it('reports missing paths and empty globs, and goes on', () => {
    const r = collectFiles(['nope.yaml', 'k8s/*.none', 'k8s/a.yaml'], { cwd: dir });
    expect(r.files.map((f) => f.path)).toEqual(['k8s/a.yaml']);
    expect(r.errors).toEqual(['nope.yaml: no such file or folder', 'k8s/*.none: no file matches this pattern']);
  });
});

describe('collectFiles and symbolic links inside the folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ki-links-'));
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, '.git', 'config'), '[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n');
  writeFileSync(join(dir, 'real.yaml'), 'a: 1\n');
  symlinkSync('.git/config', join(dir, 'leak.yaml'));
  symlinkSync('real.yaml', join(dir, 'alias.yaml'));

  it('never follows a link into a .git folder, even where links are followed (the CLI)', () => {
    const r = collectFiles(['.'], { cwd: dir });
    expect(r.files.map((f) => f.path).sort()).toEqual(['alias.yaml', 'real.yaml']);
    expect(r.errors).toEqual(['leak.yaml: symbolic link into a .git folder; not followed']);
    expect(r.files.map((f) => f.text).join('')).not.toContain('c2VjcmV0');
  });

  it('follows no link at all with followLinks: false (the action, in a checkout)', () => {
    const r = collectFiles(['.'], { cwd: dir, followLinks: false });
    expect(r.files.map((f) => f.path)).toEqual(['real.yaml']);
    expect(r.errors.sort()).toEqual([
      'alias.yaml: symbolic link; not followed (links in a checkout are never followed)',
      'leak.yaml: symbolic link; not followed (links in a checkout are never followed)',
    ]);
  });
});

describe('collectFiles outside the working folder', () => {
  it('matches include globs for folders given as ../path', () => {
    const base = mkdtempSync(join(tmpdir(), 'ki-up-'));
    mkdirSync(join(base, 'cwd'));
    mkdirSync(join(base, 'manifests', 'deep'), { recursive: true });
    writeFileSync(join(base, 'manifests', 'deep', 'a.yaml'), 'a: 1\n');
    writeFileSync(join(base, 'manifests', 'index.json'), '{}');
    const r = collectFiles(['../manifests'], { cwd: join(base, 'cwd'), exclude: ['index.json'] });
    expect(r.files.map((f) => f.path)).toEqual(['../manifests/deep/a.yaml']);
    expect(r.errors).toEqual([]);
  });
});

describe('resolveInside', () => {
  it('keeps paths, and symbolic links, inside the root', () => {
    const root = mkdtempSync(join(tmpdir(), 'ki-inside-'));
    const outside = mkdtempSync(join(tmpdir(), 'ki-outside2-'));
    mkdirSync(join(root, 'a'));
    writeFileSync(join(root, 'a', 'x.yaml'), 'x: 1\n');
    writeFileSync(join(outside, 'secret.yaml'), 's: 1\n');
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'a', 'out.yaml'));
    symlinkSync(join(root, 'a', 'x.yaml'), join(root, 'in.yaml'));
    expect(resolveInside(root, 'a/x.yaml')).toMatch(/a\/x\.yaml$/);
    expect(resolveInside(root, 'in.yaml')).toMatch(/a\/x\.yaml$/);
    expect(resolveInside(root, '.')).toBeDefined();
    expect(resolveInside(root, '../x.yaml')).toBeUndefined();
    expect(resolveInside(root, 'a/out.yaml')).toBeUndefined();
    expect(resolveInside(root, 'a/missing.yaml')).toBeUndefined();
    // The configuration reader uses it: a link out of the folder reads as absent.
    expect(diskFiles(root).read('a/out.yaml')).toBeUndefined();
    expect(diskFiles(root).read('in.yaml')).toBe('x: 1\n');
  });
});
