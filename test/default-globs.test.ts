import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, tempTree } from './cli/helpers.js';
import { matchesGlobs } from '../src/action/pull-request.js';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../src/constants.js';
import { collectFiles } from '../src/files.js';

describe('the default include globs: .yaml, .yml and .json in any case of the extension', () => {
  it('are defined once (src/constants.ts), exactly these globs', () => {
    expect(DEFAULT_INCLUDE).toEqual(['**/*.[yY][aA][mM][lL]', '**/*.[yY][mM][lL]', '**/*.[jJ][sS][oO][nN]']);
    expect(DEFAULT_EXCLUDE).toEqual(['.github/**']);
  });

  it('the action: a changed deploy/Web.YAML is a manifest candidate; user globs match as written', () => {
    const yes = ['deploy/Web.YAML', 'a.yaml', 'b.Yml', 'C.YML', 'x/y/z.JSON', 'top.Json', '.hidden/app.YaMl'];
    const no = ['notes.txt', 'deploy/web.yaml.bak', 'deploy/yaml', 'README.md', '.github/workflows/ci.YML'];
    for (const p of yes) expect([p, matchesGlobs(p, DEFAULT_INCLUDE, DEFAULT_EXCLUDE)]).toEqual([p, true]);
    for (const p of no) expect([p, matchesGlobs(p, DEFAULT_INCLUDE, DEFAULT_EXCLUDE)]).toEqual([p, false]);
    // A glob the user gives keeps minimatch's (and git's) case-sensitive matching.
    expect(matchesGlobs('deploy/Web.YAML', ['deploy/**/*.yaml'], [])).toBe(false);
    expect(matchesGlobs('deploy/web.yaml', ['deploy/**/*.yaml'], [])).toBe(true);
  });

  it('the CLI: a folder walk keeps Web.YAML, App.Yml and Data.JSON; --include globs match as written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ki-case-'));
    mkdirSync(join(dir, 'deploy'));
    for (const f of ['deploy/Web.YAML', 'deploy/App.Yml', 'deploy/Data.JSON', 'deploy/low.yaml', 'deploy/Notes.TXT']) writeFileSync(join(dir, f), 'a: 1\n');
    expect(collectFiles(['.'], { cwd: dir }).files.map((f) => f.path)).toEqual(['deploy/App.Yml', 'deploy/Data.JSON', 'deploy/Web.YAML', 'deploy/low.yaml']);
    expect(collectFiles(['.'], { cwd: dir, include: ['**/*.yaml'] }).files.map((f) => f.path)).toEqual(['deploy/low.yaml']);
    // A file named on the command line is taken whatever its name.
    expect(collectFiles(['deploy/Notes.TXT'], { cwd: dir }).files.map((f) => f.path)).toEqual(['deploy/Notes.TXT']);
  });

  it('the CLI: kube-immutable scan reports the findings of deploy/Web.YAML', async () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n';
    const dir = tempTree({ 'deploy/Web.YAML': pod });
    const r = await cli(['scan', '.', '--format', 'json'], dir);
    const report = JSON.parse(r.stdout) as { findings: { file: string }[] };
    expect(r.code).toBe(1);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(new Set(report.findings.map((f) => f.file))).toEqual(new Set(['deploy/Web.YAML']));
  });
});
