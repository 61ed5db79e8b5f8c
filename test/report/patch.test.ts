import { applyPatch } from 'diff';
import { diffTexts, patchForEdits, patchForFile, patchForFixGroup } from '../../src/report/index.js';
import { builtinPolicies } from '../../policies/index.js';
import { run } from '../../src/engine/index.js';
import { collectFiles } from '../../src/files.js';
import { applyEdits, OverlappingEditsError } from '../../src/yaml/index.js';
import { PRIVILEGED_POD, scan } from './helpers.js';
import { CORPUS } from '../corpus-path.js';

describe('diffTexts', () => {
  it('writes a unified diff with a/ b/ paths and 3 lines of context', () => {
    const before = ['l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'l7', 'l8', 'l9', ''].join('\n');
    const after = before.replace('l5', 'L5');
    expect(diffTexts('dir/f.yaml', before, after)).toBe(
      ['--- a/dir/f.yaml', '+++ b/dir/f.yaml', '@@ -2,7 +2,7 @@', ' l2', ' l3', ' l4', '-l5', '+L5', ' l6', ' l7', ' l8', ''].join('\n'),
    );
  });

  it('returns an empty string for equal texts', () => {
    expect(diffTexts('f.yaml', 'a: 1\n', 'a: 1\n')).toBe('');
  });

  it('keeps CRLF line endings so the patch reproduces the file byte for byte', () => {
    const before = 'a: 1\r\nb: 2\r\n';
    const after = 'a: 1\r\nx: 3\r\nb: 2\r\n';
    const patch = diffTexts('crlf.yaml', before, after);
    expect(patch).toBe('--- a/crlf.yaml\n+++ b/crlf.yaml\n@@ -1,2 +1,3 @@\n a: 1\r\n+x: 3\r\n b: 2\r\n');
    expect(applyPatch(before, patch)).toBe(after);
  });

  it('marks a missing final newline', () => {
    const patch = diffTexts('f.yaml', 'a: 1', 'a: 1\nb: 2');
    expect(patch).toContain('\\ No newline at end of file');
    expect(applyPatch('a: 1', patch)).toBe('a: 1\nb: 2');
  });
});

describe('patches of fixes', () => {
  it('patchForEdits applies edits against the original text', () => {
    expect(patchForEdits('f.yaml', 'a: 1\nb: 2\n', [{ range: [3, 4], text: '9' }])).toBe('--- a/f.yaml\n+++ b/f.yaml\n@@ -1,2 +1,2 @@\n-a: 1\n+a: 9\n b: 2\n');
    expect(patchForEdits('f.yaml', 'a: 1\n', [])).toBe('');
  });

  it('patchForEdits throws for overlapping edits', () => {
    expect(() =>
      patchForEdits('f.yaml', 'abcdef', [
        { range: [0, 3], text: 'x' },
        { range: [2, 4], text: 'y' },
      ]),
    ).toThrow(OverlappingEditsError);
  });

  it('the fix group patch and the whole-file patch of a privileged Pod', () => {
    const files = [{ path: 'k8s/pod.yaml', text: PRIVILEGED_POD }];
    const r = scan(files);
    expect(r.fixes).toHaveLength(1);
    const expected = [
      '--- a/k8s/pod.yaml',
      '+++ b/k8s/pod.yaml',
      '@@ -9,7 +9,7 @@',
      '     securityContext:',
      '       readOnlyRootFilesystem: true',
      '       allowPrivilegeEscalation: false',
      '-      privileged: true',
      '+      privileged: false',
      '     volumeMounts:',
      '     - name: cache',
      '       mountPath: /var/cache/nginx',
      '',
    ].join('\n');
    expect(patchForFixGroup(r.fixes[0]!, PRIVILEGED_POD)).toBe(expected);
    expect(patchForFile(r.files[0]!, PRIVILEGED_POD)).toBe(expected);
    expect(applyPatch(PRIVILEGED_POD, expected)).toBe(r.files[0]!.fixedText);
  });

  it('a CRLF manifest gets a patch that keeps CRLF', () => {
    const text = PRIVILEGED_POD.replace(/\n/g, '\r\n');
    const r = scan([{ path: 'pod.yaml', text }]);
    const fixed = r.files[0]!.fixedText!;
    expect(fixed).toBe(text.replace('privileged: true', 'privileged: false'));
    const patch = patchForFile(r.files[0]!, text);
    expect(patch).toContain('\n-      privileged: true\r\n+      privileged: false\r\n');
    expect(applyPatch(text, patch)).toBe(fixed);
  });

  it('unverified groups and files without fixes give no patch', () => {
    const r = scan([{ path: 'ok.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n' }]);
    expect(patchForFile(r.files[0]!, '')).toBe('');
    expect(
      patchForFixGroup(
        { id: 'x', file: 'f', docIndex: 0, object: 'o', container: undefined, containers: [], findings: [], edits: [], verified: false, problem: 'p' },
        'a',
      ),
    ).toBe('');
  });
});

describe('patches diff only the lines around the edits', () => {
  it('give exactly the whole-file diff, for every fix group and every fixed file of the corpus and of a file of 150 objects', () => {
    const { files } = collectFiles(['.'], { cwd: CORPUS, exclude: ['index.json', 'sources.json'] });
    const deployments = Array.from(
      { length: 150 },
      (_, i) =>
        `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-${i}\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27\n        - name: sidecar\n          image: busybox:1.36\n`,
    ).join('---\n');
    let groups = 0;
    let fixedFiles = 0;
    for (const f of [...files, { path: 'many.yaml', text: deployments }]) {
      const r = run([f], builtinPolicies);
      for (const g of r.fixes.filter((x) => x.verified)) {
        expect(patchForFixGroup(g, f.text)).toBe(diffTexts(g.file, f.text, applyEdits(f.text, g.edits)));
        groups++;
      }
      const fr = r.files[0]!;
      if (fr.fixedText === undefined) continue;
      expect(fr.fixedEdits).toBeDefined();
      expect(patchForFile(fr, f.text)).toBe(diffTexts(fr.path, f.text, fr.fixedText));
      fixedFiles++;
    }
    expect(groups).toBeGreaterThan(800);
    expect(fixedFiles).toBeGreaterThan(400);
  }, 120_000);
});
