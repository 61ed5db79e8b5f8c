import { applyPatch } from 'diff';
import { formatJson, JSON_REPORT_VERSION } from '../../src/report/index.js';
import { applyEdits } from '../../src/yaml/index.js';
import { BARE_POD, CONFIGMAP, scan, stubbornPolicy } from './helpers.js';

describe('formatJson', () => {
  const files = [
    { path: 'bare.yaml', text: BARE_POD },
    { path: 'cm.yaml', text: CONFIGMAP },
  ];
  const doc = JSON.parse(formatJson(scan(files), files, { toolVersion: '9.9.9' }));

  it('has the top-level keys in a stable order', () => {
    expect(Object.keys(doc)).toEqual(['version', 'tool', 'summary', 'files', 'findings', 'fixes', 'exemptions', 'warnings']);
    expect(doc.version).toBe(JSON_REPORT_VERSION);
    expect(doc.tool).toEqual({ name: 'kube-immutable', version: '9.9.9' });
  });

  it('counts right in the summary', () => {
    // scan() applies every kind of fix: the ConfigMap's immutable: true (a behaviour change) too.
    expect(doc.summary).toMatchObject({ findings: 3, errors: 2, warnings: 1, info: 0, files: 2, manifests: 2, fixable: 3, fixes: 2, fixableFiles: 2 });
  });

  it('keeps findings with positions and null for absent values', () => {
    const f = doc.findings.find((x: any) => x.policyId === 'immutable-configmap-secret');
    expect(f).toMatchObject({ severity: 'warning', file: 'cm.yaml', fixProblem: null, container: null, suggestions: [] });
    expect(typeof f.fixId).toBe('string');
    expect(f.range.start).toEqual({ line: 2, column: 1, offset: 15 });
    expect(f.object).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', name: 'cfg', namespace: null, docIndex: 0 });
  });

  it('includes each fix with its edits and patch, and each file with its whole patch', () => {
    expect(doc.fixes).toHaveLength(2);
    for (const fix of doc.fixes) {
      const text = files.find((f) => f.path === fix.file)!.text;
      expect(fix.verified).toBe(true);
      expect(fix.problem).toBeNull();
      expect(fix.patch.startsWith(`--- a/${fix.file}\n+++ b/${fix.file}\n@@ `)).toBe(true);
      expect(applyPatch(text, fix.patch)).toBe(applyEdits(text, fix.edits));
    }
    const cm = doc.files.find((f: any) => f.path === 'cm.yaml');
    expect(cm).toEqual({
      path: 'cm.yaml',
      skipped: null,
      skippedDocuments: [],
      problems: [],
      manifests: 1,
      fixable: true,
      patch: expect.stringContaining('+immutable: true\n'),
    });
    expect(doc.files.find((f: any) => f.path === 'bare.yaml')).toMatchObject({
      fixable: true,
      patch: expect.stringContaining('+      readOnlyRootFilesystem: true\n'),
    });
  });

  it('reports unverified fixes with their problem and no patch', () => {
    const f = [{ path: 'bare.yaml', text: BARE_POD }];
    const d = JSON.parse(formatJson(scan(f, [stubbornPolicy]), f, { toolVersion: '1.0.0' }));
    expect(d.fixes).toEqual([expect.objectContaining({ verified: false, edits: [], patch: '', problem: 'the fixed finding is still reported after the fix' })]);
    expect(d.findings[0].fixProblem).toBe('the fixed finding is still reported after the fix');
    expect(d.summary.fixable).toBe(0);
  });
});
