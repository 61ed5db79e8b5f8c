/** The CLI on a document with a duplicate key (issue #17): analysed with the last occurrence, never edited. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempTrees } from './helpers.js';

const DUP =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx\n    image: nginx:1.25\n    securityContext:\n      privileged: true\n';
const tree = tempTrees({ presetConfig: false });

describe('a document with a duplicate key', () => {
  it('scan --verbose: the duplicate is an error at its line and the document is analysed, not skipped', async () => {
    const dir = tree({ 'dup.yaml': DUP });
    const r = await cli(['scan', '--verbose', '--no-color', '.'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('dup.yaml:9:5  error  valid-manifest  YAML syntax error: Map keys must be unique: "image" is repeated');
    expect(r.stdout).toContain('dup.yaml:11:7  error  no-privileged-container');
    expect(r.stdout).toContain('dup.yaml:9:12  warning  image-digest  container "a" uses image "nginx:1.25"');
    expect(r.stdout).toContain('fix withheld: the document has a duplicate key (line 9)');
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/skipped/);
  });

  it('fix: writes nothing (the file stays byte for byte) and says why', async () => {
    const dir = tree({ 'dup.yaml': DUP });
    const r = await cli(['fix', '--no-color', '.'], dir);
    expect(readFileSync(join(dir, 'dup.yaml'), 'utf8')).toBe(DUP);
    expect(r.stdout).toContain('fix withheld: the document has a duplicate key (line 9)');
    expect(r.stdout).not.toMatch(/^fixed /m);
  });
});
