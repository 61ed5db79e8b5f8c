import { parseYaml } from '../../src/yaml/index.js';
import { extractManifests } from '../../src/k8s/index.js';

const codes = (text: string) => parseYaml(text).problems.map((p) => `${p.code}@${p.line}`);

describe('where kubectl reads a file differently from YAML', () => {
  it('"---#" splits documents for kubectl only: an error at the line, and its document is not read', () => {
    const f = parseYaml('!!null |\n---#\nkind: Pod\n');
    expect(f.problems.filter((p) => p.severity === 'error').map((p) => `${p.code}@${p.line}`)).toEqual(['document-separator@2']);
    expect(f.documents[0]!.hasErrors).toBe(true);
    expect(codes('a: 1\n---# x\nb: 2\n')).toContain('document-separator@2');
    // Separators both read alike, and "---#" that does not start a line.
    expect(codes('a: 1\n--- # x\nb: 2\n---\nc: 3\n')).toEqual([]);
    expect(codes('a: "x ---# y"\nb: |\n  ---#\n')).toEqual([]);
  });

  it('a merge key after an explicit key it overrides, or after another merge of the same key', () => {
    expect(codes('a: 1\n<<: {a: 2}\n')).toEqual(['merge-key-order@2']);
    expect(codes('base: &b {a: 2}\nm:\n  a: 1\n  <<: *b\n')).toEqual(['merge-key-order@4']);
    expect(codes('m:\n  <<: {a: 1}\n  <<: {a: 2}\n')).toEqual(expect.arrayContaining(['merge-key-order@3']));
    expect(codes('x: &x {a: 1}\ny: &y {<<: *x}\nm:\n  a: 0\n  <<: [*y]\n')).toEqual(['merge-key-order@5']);
  });

  it('an alias used as a map key (kubectl reads the key it names): an error, and its document is not read', () => {
    // go-yaml v2 resolves `*p` to "privileged": kubectl applies a privileged container.
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {k: &p privileged}\nspec:\n  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      *p : true\n';
    const f = parseYaml(text);
    expect(f.problems.filter((p) => p.severity === 'error').map((p) => `${p.code}@${p.line}:${p.column}`)).toEqual(['alias-key@11:7']);
    expect(f.documents[0]!.hasErrors).toBe(true);
    expect(extractManifests(f).manifests).toEqual([]);
    // With a duplicate key too (kubectl keeps the later, aliased one).
    expect(codes('m:\n  a: &a x\n  x: false\n  *a : true\n')).toEqual(['alias-key@4']);
    // Aliases as values are read alike.
    expect(codes('a: &a x\nb: *a\nc: [*a]\n')).toEqual([]);
  });

  it.each([
    ['NEL', '\u0085'],
    ['LS', '\u2028'],
    ['PS', '\u2029'],
    ['a lone CR', '\r'],
  ])('%s breaks a line for kubectl only: an error, once per document, and the document is not read', (_name, b) => {
    // kubectl applies `privileged: true` in the securityContext; YAML reads one string at seLinuxOptions.level.
    const pod = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      seLinuxOptions:\n        level: s0${b}      privileged:${b}        true\n`;
    const f = parseYaml(`${pod}---\nkind: ConfigMap # a${b}b\n`);
    expect(f.problems.filter((p) => p.severity === 'error' && p.code === 'line-break').map((p) => `${p.docIndex}@${p.line}`)).toEqual(['0@11', '1@13']);
    expect(f.documents.map((d) => d.hasErrors)).toEqual([true, true]);
    expect(extractManifests(f).manifests).toEqual([]);
    // CRLF line ends are read alike.
    expect(codes('a: 1\r\nb: 2\r\n')).toEqual([]);
  });

  it('merges kubectl reads as YAML does are fine: merge first, explicit keys after; sequences; disjoint keys', () => {
    expect(codes('m:\n  <<: {a: 1}\n  a: 2\n')).toEqual([]);
    expect(codes('x: &x {a: 1}\ny: &y {a: 2}\nm:\n  <<: [*x, *y]\n')).toEqual([]);
    expect(codes('m:\n  b: 1\n  <<: {a: 1}\n')).toEqual([]);
    expect(codes('m:\n  "<<": {a: 1}\n  a: 2\n')).toEqual([]);
  });
});

describe('items under any kind', () => {
  it('are manifests, as kubectl applies them; a non-List outer kind is an invalid document', () => {
    const set = extractManifests(
      parseYaml('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p\n'),
    );
    expect(set.manifests.map((m) => `${m.kind}/${m.name}`)).toEqual(['Pod/p']);
    expect(set.skipped).toEqual([
      expect.objectContaining({
        line: 1,
        invalid: expect.objectContaining({ message: expect.stringMatching(/applies the items and ignores this Namespace/) }),
      }),
    ]);
    const list = extractManifests(parseYaml('apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p\n'));
    expect(list.manifests.map((m) => m.kind)).toEqual(['Pod']);
    expect(list.skipped).toEqual([]);
  });
});
