import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from '../../src/engine/index.js';
import { seedPolicies } from '../seed-policies.js';
import { gitQuotePath, patchFile } from '../../src/report/index.js';

const NGINX = readFileSync('examples/nginx-deployment.yaml', 'utf8');
const HOLIDAY = readFileSync('examples/seeds/holiday.yaml', 'utf8');

const FILES: Record<string, string> = {
  'deploy/web.yaml': NGINX,
  'deploy/crlf.yaml': NGINX.replace(/\n/g, '\r\n'),
  'deploy/no-final-newline.yaml': NGINX.replace(/\n$/, ''),
  'dir with space/pod (1).yaml': HOLIDAY,
  'odd/we"ird\\name.yaml': NGINX,
  'clean.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nimmutable: true\n',
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('patchFile', () => {
  const result = run(
    Object.entries(FILES).map(([path, text]) => ({ path, text })),
    seedPolicies,
  );
  const originals = new Map(Object.entries(FILES));
  const patch = patchFile(result, originals);

  it('writes one git-style diff per fixable file', () => {
    expect(patch.match(/^diff --git /gm)).toHaveLength(5);
    expect(patch).toContain('diff --git a/deploy/web.yaml b/deploy/web.yaml\n--- a/deploy/web.yaml\n+++ b/deploy/web.yaml\n@@ ');
    expect(patch).toContain('diff --git "a/odd/we\\"ird\\\\name.yaml" "b/odd/we\\"ird\\\\name.yaml"\n--- "a/odd/we\\"ird\\\\name.yaml"\n');
    expect(patch).not.toContain('clean.yaml');
    expect(patch).toContain('\\ No newline at end of file');
    expect(patch).toContain('+          securityContext:\r\n');
    expect(patch.endsWith('\n')).toBe(true);
  });

  it('is accepted by git apply and reproduces every fixedText byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kube-immutable-patch-'));
    try {
      git(dir, 'init', '-q');
      git(dir, 'config', 'core.autocrlf', 'false');
      for (const [path, text] of Object.entries(FILES)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      writeFileSync(join(dir, 'fixes.patch'), patch);
      git(dir, 'apply', '--check', 'fixes.patch');
      git(dir, 'apply', 'fixes.patch');
      for (const f of result.files) {
        expect(readFileSync(join(dir, f.path), 'utf8')).toBe(f.fixedText ?? FILES[f.path]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves out files without an original and returns "" when nothing is fixable', () => {
    expect(patchFile(result, new Map([['deploy/web.yaml', NGINX]])).match(/^diff --git /gm)).toHaveLength(1);
    expect(patchFile(run([{ path: 'clean.yaml', text: FILES['clean.yaml']! }], seedPolicies), originals)).toBe('');
  });
});

describe('gitQuotePath', () => {
  it('quotes only what git quotes', () => {
    expect(gitQuotePath('a/b c.yaml')).toBe('a/b c.yaml');
    expect(gitQuotePath('a/"b".yaml')).toBe('"a/\\"b\\".yaml"');
    expect(gitQuotePath('a\tb\n')).toBe('"a\\tb\\n"');
    expect(gitQuotePath('a\u0001')).toBe('"a\\001"');
  });
});
