/**
 * A document whose only parse errors are duplicate keys is analysed as kubectl reads it — the
 * last occurrence of each key wins (src/yaml/parse.ts, ParsedDocument.lastKeyWins) — with the
 * duplicate still an error, and nothing in it is edited (src/engine/fixes.ts) (issue #17).
 */
import { builtinPolicies } from '../../policies/index.js';
import { run, type Finding } from '../../src/engine/index.js';
import { parseYaml } from '../../src/yaml/index.js';

/** The document: `image` twice in the container (line 9 repeats line 8). */
const DUP = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: p',
  'spec:',
  '  containers:',
  '  - name: a',
  '    image: nginx',
  '    image: nginx:1.25',
  '    securityContext:',
  '      privileged: true',
  '',
].join('\n');
/** The same document without the shadowed line. */
const CLEAN = DUP.replace('    image: nginx\n', '');

const APPLY_ALL = { applyFixes: { guesses: true, behaviour: 'all' as const } };
const at = (f: Finding) => [f.policyId, f.severity, f.range.start.line, f.range.start.column];

describe('a document with a duplicate key', () => {
  it.each([
    ['the default fixes', {}],
    ['every kind of fix applied', APPLY_ALL],
  ])('is analysed with the last occurrence, the duplicate an error at its line; no fix is offered (%s)', (_name, opts) => {
    const r = run([{ path: 'dup.yaml', text: DUP }], builtinPolicies, opts);
    const file = r.files[0]!;
    expect(file.skippedDocuments).toEqual([]);
    expect(file.manifests).toBe(1);
    expect(file.problems.map((p) => [p.code, p.line, p.column])).toEqual([['duplicate-key', 9, 5]]);
    const ats = r.findings.map(at);
    expect(ats).toContainEqual(['valid-manifest', 'error', 9, 5]);
    expect(ats).toContainEqual(['no-privileged-container', 'error', 11, 7]);
    // The image read is the last one, and the finding points at it.
    const image = r.findings.find((f) => f.policyId === 'image-digest')!;
    expect(image.message).toContain('"nginx:1.25"');
    expect([image.range.start.line, image.range.start.column]).toEqual([9, 12]);
    expect(r.findings.find((f) => f.policyId === 'valid-manifest')!.message).toBe(
      'YAML syntax error: Map keys must be unique: "image" is repeated; kubectl and these checks use the last one (kubectl --validate=strict rejects the object)',
    );
    // Nothing is edited: no fix group, no fixed text, the reason on every finding that had a fix.
    expect(r.fixes).toEqual([]);
    expect(file.fixedText).toBeUndefined();
    expect(r.findings.every((f) => f.fixId === undefined && f.suggestions.length === 0)).toBe(true);
    const withheld = r.findings.filter((f) => f.fixProblem !== undefined);
    expect(withheld.map((f) => f.policyId)).toEqual(expect.arrayContaining(['no-privileged-container', 'read-only-root-filesystem']));
    for (const f of withheld)
      expect(f.fixProblem).toBe('the document has a duplicate key (line 9): remove it first; no fix is offered in a document with duplicate keys');
  });

  it('loses no finding: the same findings as the document without the duplicate, plus the duplicate itself', () => {
    const dup = run([{ path: 'x.yaml', text: DUP }], builtinPolicies);
    const clean = run([{ path: 'x.yaml', text: CLEAN }], builtinPolicies);
    const ids = (fs: Finding[]) => fs.map((f) => `${f.policyId}:${f.messageId}`).sort();
    expect(ids(dup.findings.filter((f) => f.policyId !== 'valid-manifest'))).toEqual(ids(clean.findings));
    expect(ids(dup.findings.filter((f) => f.policyId === 'valid-manifest'))).toEqual(['valid-manifest:parseError']);
    // Without the duplicate, fixes are offered (so it is the duplicate that withholds them).
    expect(clean.fixes.length).toBeGreaterThan(0);
    expect(clean.files[0]!.fixedText).toBeDefined();
  });

  it('a duplicated securityContext: the last one is read (privileged), the earlier one is not', () => {
    const text = DUP.replace('    image: nginx\n', '    securityContext:\n      privileged: false\n');
    const r = run([{ path: 'x.yaml', text }], builtinPolicies);
    expect(r.files[0]!.problems.map((p) => [p.code, p.line, p.column])).toEqual([['duplicate-key', 11, 5]]);
    expect(r.findings.map(at)).toContainEqual(['no-privileged-container', 'error', 12, 7]);
    expect(r.files[0]!.fixedText).toBeUndefined();
  });

  it('in a file of several documents: the other documents are fixed, the duplicate one is left as it is and the fixed text reads as before there', () => {
    const text = `${DUP}---\n${CLEAN.replace('name: p', 'name: q')}`;
    const r = run([{ path: 'x.yaml', text }], builtinPolicies);
    expect(r.files[0]!.manifests).toBe(2);
    const fixed = r.files[0]!.fixedText!;
    expect(fixed).toBeDefined();
    expect(fixed.startsWith(`${DUP}---\n`)).toBe(true);
    expect(fixed).not.toBe(text);
    // The fixed file has no parse problem but the original duplicate.
    expect(parseYaml(fixed).problems.map((p) => [p.code, p.line])).toEqual([['duplicate-key', 9]]);
    // Every fix group is in the second document.
    expect(r.fixes.length).toBeGreaterThan(0);
    expect(r.fixes.every((g) => g.docIndex === 1 && g.object === 'Pod/q')).toBe(true);
    expect(r.findings.filter((f) => f.object?.name === 'p').every((f) => f.fixId === undefined)).toBe(true);
  });

  it.each([
    ['the last one names the container: honoured', 'containers=other; not this one', 'containers=a; the CNI needs it', true],
    ['the last one names another container: not honoured', 'containers=a; the CNI needs it', 'containers=other; not this one', false],
  ])('an exemption annotation set twice: its last value applies, as in the analysis (%s)', (_name, first, last, suppressed) => {
    const text = DUP.replace(
      '  name: p\n',
      `  name: p\n  annotations:\n    ignore.kube-immutable.io/no-privileged-container: "${first}"\n    ignore.kube-immutable.io/no-privileged-container: "${last}"\n`,
    );
    const r = run([{ path: 'x.yaml', text }], builtinPolicies);
    expect(r.files[0]!.problems.map((p) => [p.code, p.line])).toEqual([
      ['duplicate-key', 7],
      ['duplicate-key', 12],
    ]);
    const f = r.findings.find((x) => x.policyId === 'no-privileged-container')!;
    expect(f.suppressed !== undefined).toBe(suppressed);
    if (suppressed) expect(JSON.stringify(f.suppressed)).toContain('the CNI needs it');
  });

  it('a duplicate key in a flow map is read the same way', () => {
    const flow =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: "nginx:1.25", securityContext: {privileged: false, privileged: true}}\n';
    const r = run([{ path: 'x.yaml', text: flow }], builtinPolicies);
    const second = flow.lastIndexOf('privileged') - flow.lastIndexOf('\n', flow.lastIndexOf('privileged'));
    expect(r.files[0]!.problems.map((p) => [p.code, p.line, p.column])).toEqual([['duplicate-key', 6, second]]);
    expect(r.findings.map(at)).toContainEqual(['no-privileged-container', 'error', 6, second]);
    expect(r.files[0]!.fixedText).toBeUndefined();
  });

  it('a .json file: duplicate members are read the same way; with a comment too it is not JSON and is not analysed', () => {
    const json =
      '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a", "name": "b"}, "spec": {"containers": [{"name": "c", "image": "nginx", "securityContext": {"privileged": true}}]}}\n';
    const r = run([{ path: 'x.json', text: json }], builtinPolicies);
    expect(r.files[0]!.manifests).toBe(1);
    expect(r.findings.find((f) => f.policyId === 'no-privileged-container')!.object?.name).toBe('b');
    // YAML reads `// note "spec"` as a key; kubectl reads JSON, where the comment is an error.
    const commented = run([{ path: 'x.json', text: json.replace('"spec":', '\n  // note\n  "spec":') }], builtinPolicies);
    expect(commented.files[0]!.problems.map((p) => p.code)).toEqual(['duplicate-key', 'json-syntax']);
    expect(commented.files[0]!.manifests).toBe(0);
    expect(commented.findings.map((f) => f.policyId)).toEqual(['valid-manifest', 'valid-manifest']);
  });
});
