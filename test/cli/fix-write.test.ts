/**
 * `kube-immutable fix` writes atomically: a temporary file in the same folder, renamed over the
 * original with the original's mode; a write that fails leaves the original's bytes alone.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { writeFixed } from '../../src/cli/fix.js';
import { PRIVILEGED_POD } from '../report/helpers.js';
import { cli, tempTree } from './helpers.js';

const isRoot = process.getuid?.() === 0;

describe('fix: atomic writes', () => {
  it('keeps the mode of the file it fixes, and leaves no temporary file', async () => {
    const dir = tempTree({ 'deploy/pod.yaml': PRIVILEGED_POD, 'deploy/run.yaml': PRIVILEGED_POD });
    chmodSync(join(dir, 'deploy/pod.yaml'), 0o640);
    chmodSync(join(dir, 'deploy/run.yaml'), 0o755);
    const r = await cli(['fix', '--fail-level', 'none', '--apply-behaviour-changes', 'no-privileged-container'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'deploy/pod.yaml'), 'utf8')).not.toBe(PRIVILEGED_POD);
    expect(statSync(join(dir, 'deploy/pod.yaml')).mode & 0o7777).toBe(0o640);
    expect(statSync(join(dir, 'deploy/run.yaml')).mode & 0o7777).toBe(0o755);
    expect(readdirSync(join(dir, 'deploy')).sort()).toEqual(['pod.yaml', 'run.yaml']);
  });

  it('in a folder it cannot write: the original bytes stay, no temporary file, exit 2 with the reason', async () => {
    if (isRoot) return; // root ignores permissions
    const dir = tempTree({ 'locked/pod.yaml': PRIVILEGED_POD });
    const locked = join(dir, 'locked');
    chmodSync(locked, 0o555); // the file itself stays writable: a plain write would have worked
    try {
      const r = await cli(['fix'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('kube-immutable: locked/pod.yaml: cannot write: EACCES; not written\n');
      expect(readFileSync(join(locked, 'pod.yaml'), 'utf8')).toBe(PRIVILEGED_POD);
      expect(readdirSync(locked)).toEqual(['pod.yaml']);
    } finally {
      chmodSync(locked, 0o755);
    }
  });

  it('a write that fails half-way (disk full): the original bytes and mode stay, the temporary file is removed', () => {
    const dir = tempTree({ 'pod.yaml': PRIVILEGED_POD });
    const abs = join(dir, 'pod.yaml');
    chmodSync(abs, 0o600);
    const problem = writeFixed(abs, PRIVILEGED_POD, 'fixed: true\n'.repeat(1000), {
      write: (fd, text) => {
        writeSync(fd, text.slice(0, 100));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
    });
    expect(problem).toBe('cannot write: ENOSPC');
    expect(readFileSync(abs, 'utf8')).toBe(PRIVILEGED_POD);
    expect(statSync(abs).mode & 0o7777).toBe(0o600);
    expect(readdirSync(dir).filter((n) => n !== '.github')).toEqual(['pod.yaml']);
  });

  it('does not write a file that changed or vanished since it was read', () => {
    const dir = tempTree({ 'pod.yaml': PRIVILEGED_POD });
    const abs = join(dir, 'pod.yaml');
    expect(writeFixed(join(dir, 'missing.yaml'), PRIVILEGED_POD, 'x')).toBe('cannot read: ENOENT');
    expect(writeFixed(abs, 'other text', 'x')).toBe('the file changed since it was read');
    expect(readFileSync(abs, 'utf8')).toBe(PRIVILEGED_POD);
  });

  it('a symbolic link inside the tree: its target is rewritten, the link stays a link', () => {
    const dir = tempTree({ 'real/pod.yaml': PRIVILEGED_POD });
    mkdirSync(join(dir, 'links'));
    symlinkSync('../real/pod.yaml', join(dir, 'links/pod.yaml'));
    const fixed = writeFixed(join(dir, 'links/pod.yaml'), PRIVILEGED_POD, 'fixed: true\n');
    expect(fixed).toBeUndefined();
    expect(readFileSync(join(dir, 'real/pod.yaml'), 'utf8')).toBe('fixed: true\n');
    expect(lstatSync(join(dir, 'links/pod.yaml')).isSymbolicLink()).toBe(true);
    expect(readdirSync(join(dir, 'links'))).toEqual(['pod.yaml']);
    expect(readdirSync(join(dir, 'real'))).toEqual(['pod.yaml']);
  });
});
