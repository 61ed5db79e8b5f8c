/**
 * The pieces of a review (src/review/review-comment.ts) as GitHub renders them: the body table's
 * row keeps its five cells whatever the names hold; the lead line's counts and confidence.
 */
import type { Finding, FixGroup } from '../../src/engine/index.js';
import { BODY_TABLE_HEAD, bodyPatch, bodyRow, confidenceOf, leadLine, severityCounts } from '../../src/review/index.js';
import { renderGfm } from '../e2e/review-pr.js';

const finding = (over: Partial<Finding> = {}): Finding => ({
  policyId: 'read-only-root-filesystem',
  severity: 'error',
  messageId: 'm',
  message: 'container "c" does not set readOnlyRootFilesystem',
  file: 'k8s/a.yaml',
  range: { start: { line: 7, column: 1, offset: 0 }, end: { line: 7, column: 1, offset: 0 } },
  object: { apiVersion: 'v1', kind: 'Pod', name: 'web', namespace: undefined, docIndex: 0 },
  container: { name: 'c', type: 'container', index: 0 },
  fingerprint: 'f1',
  fixId: undefined,
  fixProblem: undefined,
  suggestions: [],
  ...over,
});

const group = (over: Partial<FixGroup> = {}): FixGroup => ({
  id: 'g',
  file: 'k8s/a.yaml',
  docIndex: 0,
  object: 'Pod/web',
  container: 'c',
  containers: ['c'],
  findings: ['f1'],
  edits: [{ range: [0, 0], text: 'x' }],
  verified: true,
  problem: undefined,
  ...over,
});

describe('bodyRow', () => {
  it.each([
    [
      'a | in the object and container names',
      { object: { apiVersion: 'v1', kind: 'Pod', name: 'a|b', namespace: 'x|y', docIndex: 0 }, container: { name: 'c|d' } },
    ],
    ['Markdown in the names', { object: { apiVersion: 'v1', kind: 'Pod', name: '**bold**_[x](https://e.vil)', namespace: undefined, docIndex: 0 } }],
    [
      'a file finding (no object): its message stands in the object cell',
      { object: undefined, container: undefined, message: 'This file was not scanned: it is binary | and <b>bold</b>' },
    ],
  ] as const)('keeps five cells, the text literal: %s', (_what, over) => {
    const f = finding(over as Partial<Finding>);
    const row = bodyRow({ findings: [f], group: undefined, patch: '', reason: 'r' }, 'https://github.com/o/r', 'a'.repeat(40), new Map(), 2);
    const dom = renderGfm(BODY_TABLE_HEAD + row);
    const cells = dom.querySelectorAll('tbody td').map((td) => td.text);
    expect(cells).toHaveLength(5);
    expect(cells[0]).toBe('Error');
    expect(cells[1]).toBe('k8s/a.yaml:7');
    expect(cells[4]).toBe('2');
    const o = f.object;
    const expected = o
      ? `${f.container ? `container "${f.container.name}" of ` : ''}${o.kind}/${o.namespace !== undefined ? `${o.namespace}/` : ''}${o.name}`
      : f.message;
    // (URL schemes get an invisible zero-width space: no autolink.)
    expect(cells[2]!.replace(/\u200B/g, '')).toBe(expected);
    // Only our own link (the line); nothing the names hold became an element.
    expect(dom.querySelectorAll('tbody a').map((a) => a.getAttribute('href'))).toEqual([`https://github.com/o/r/blob/${'a'.repeat(40)}/k8s/a.yaml#L7`]);
    expect(dom.querySelectorAll('tbody strong, tbody em, tbody b').map((e) => e.text)).toEqual(['Error']);
  });

  it('links the policy ids to their docs and says when a patch follows, with its confidence', () => {
    const meta = new Map([
      ['read-only-root-filesystem', { docsUrl: 'https://github.com/kube-immutable/kube-immutable/blob/main/policies/read-only-root-filesystem.md' }],
    ]);
    const row = bodyRow(
      { findings: [finding()], group: group({ kinds: ['guess'] }), patch: '--- a\n+++ b\n', reason: 'r' },
      'https://github.com/o/r',
      'a'.repeat(40),
      meta as never,
      1,
    );
    const td = renderGfm(BODY_TABLE_HEAD + row).querySelectorAll('tbody td')[3]!;
    expect(td.text).toBe('read-only-root-filesystem · patch below (guess)');
    expect(td.querySelector('a')!.getAttribute('href')).toBe(meta.get('read-only-root-filesystem')!.docsUrl);
  });
});

describe('bodyPatch', () => {
  it('folds the diff under a summary that names the place and the confidence, the names HTML-escaped', () => {
    const f = finding({ file: 'k8s/<img src=x>.yaml' });
    const html = renderGfm(bodyPatch({ findings: [f], group: group(), patch: '--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n', reason: 'r' }));
    expect(html.querySelector('details > summary')!.text).toBe('Patch for k8s/<img src=x>.yaml:7 · container "c" of Pod/web (known fact)');
    expect(html.querySelectorAll('img')).toHaveLength(0);
    expect(html.querySelector('details pre')).not.toBeNull();
    expect(bodyPatch({ findings: [f], group: undefined, patch: '', reason: 'r' })).toBe('');
  });
});

describe('leadLine', () => {
  it('says the object, the counts by severity, and what follows', () => {
    const two = [finding(), finding({ policyId: 'seccomp-runtime-default', severity: 'warning', fingerprint: 'f2' })];
    expect(severityCounts(two)).toBe('1 error, 1 warning');
    expect(leadLine(two, group(), undefined, true)).toBe('**Error** · container "c" of Pod/web · 1 error, 1 warning · one-click fix below (known fact)');
    expect(leadLine([finding()], undefined, undefined, false)).toBe(
      '**Error** · container "c" of Pod/web · 1 error: ` read-only-root-filesystem ` · no suggested change',
    );
    expect(confidenceOf(undefined, group({ kinds: ['behaviour'] }))).toBe('behaviour change');
    expect(confidenceOf(undefined, group({ kinds: ['behaviour', 'guess'] }))).toBe('guess');
  });
});
