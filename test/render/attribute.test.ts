import { attributeOffset, follow, inlinePatch, nodeAtOffset, stepsTo } from '../../src/render/attribute.js';
import { parseYaml } from '../../src/yaml/index.js';

/** A base Deployment (the source a person edits). */
const BASE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: sidecar
        image: busybox
      - name: app
        image: nginx:1.27
        securityContext:
          readOnlyRootFilesystem: false
---
apiVersion: v1
kind: Service
metadata:
  name: web
`;

/** What kustomize renders from it with namePrefix prod- and a patch adding privileged: true to app (containers reordered). */
const RENDERED = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: prod-web
spec:
  template:
    spec:
      containers:
      - image: nginx:1.27
        name: app
        securityContext:
          privileged: true
          readOnlyRootFilesystem: false
      - image: busybox
        name: sidecar
`;

const at = (text: string, needle: string) => text.indexOf(needle);
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('attributing a rendered place to the source line', () => {
  it('a field the base sets: its own line in the base, matched by container name, not index', () => {
    const a = attributeOffset(RENDERED, at(RENDERED, 'readOnlyRootFilesystem'), BASE)!;
    expect(a).toMatchObject({ exact: true, missing: [] });
    expect(a.range.start.line).toBe(lineOf(BASE, 'readOnlyRootFilesystem'));
  });

  it('a field a patch added: the deepest ancestor in the base (its securityContext), with what is missing', () => {
    const a = attributeOffset(RENDERED, at(RENDERED, 'privileged'), BASE)!;
    expect(a.exact).toBe(false);
    expect(a.missing).toEqual(['privileged']);
    expect(a.range.start.line).toBe(lineOf(BASE, 'securityContext'));
  });

  it('the other container by name', () => {
    const a = attributeOffset(RENDERED, at(RENDERED, 'image: busybox'), BASE)!;
    expect(a).toMatchObject({ exact: true });
    expect(a.range.start.line).toBe(lineOf(BASE, 'image: busybox'));
  });

  it('picks the document of the same kind (the Service is not the Deployment), through a name prefix', () => {
    const a = attributeOffset(RENDERED, at(RENDERED, 'name: prod-web'), BASE)!;
    expect(a.range.start.line).toBe(4);
    expect(attributeOffset('kind: ConfigMap\nmetadata:\n  name: x\n', 0, BASE)).toBeUndefined();
  });

  it('path steps name list items by name, or by index when they have none', () => {
    const doc = parseYaml('a:\n  - name: x\n    v: 1\n  - 7\n').documents[0]!.root!;
    const v = nodeAtOffset(doc, 'a:\n  - name: x\n    v: '.length);
    expect(stepsTo(doc, v)).toEqual([{ key: 'a' }, { name: 'x' }, { key: 'v' }]);
    const seven = nodeAtOffset(doc, 'a:\n  - name: x\n    v: 1\n  - '.length);
    expect(stepsTo(doc, seven)).toEqual([{ key: 'a' }, { index: 1 }]);
    expect(follow(doc, [{ key: 'a' }, { name: 'nope' }]).depth).toBe(1);
  });
});

describe('inlinePatch (a literal block scalar of a kustomization)', () => {
  const file = 'patches:\n- patch: |-\n    kind: Deployment\n\n    spec: {a: 1}\n  target: {kind: Deployment}\n- patch: "kind: x"\n';
  const root = parseYaml(file).documents[0]!.root!;
  const node = (i: number) => root.get('patches')!.item(i)!.get('patch')!;
  it('maps offsets and ranges of the patch text to the kustomization, blank lines included', () => {
    const ip = inlinePatch('k.yaml', file, node(0))!;
    expect(ip.text).toBe('kind: Deployment\n\nspec: {a: 1}');
    const at = ip.text.indexOf('a: 1');
    expect(file.slice(ip.toFile(at), ip.toFile(at) + 4)).toBe('a: 1');
    const r = ip.rangeToFile({ start: { line: 3, column: 8, offset: at }, end: { line: 3, column: 12, offset: at + 4 } });
    expect(r).toEqual({ start: { line: 5, column: 12, offset: file.indexOf('a: 1') }, end: { line: 5, column: 16, offset: file.indexOf('a: 1') + 4 } });
  });
  it('is undefined for a quoted scalar (its characters do not map line for line)', () => {
    expect(inlinePatch('k.yaml', file, node(1))).toBeUndefined();
  });
});
