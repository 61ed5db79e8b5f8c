// Agreement of image-digest with peers' fixtures of the concepts `image-digest` (Checkov
// CKV_K8S_43) and `latest-tag` (kube-linter latest-tag, Polaris tagNotSpecified, Checkov
// CKV_K8S_14, Trivy KSV-0013, kube-score container-image-tag), at each peer's granularity.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import policy from '../../policies/image-digest.js';
import { run } from '../../src/engine/index.js';

const corpus = resolve('..', 'shared', 'corpus');

interface Entry {
  file: string;
  peer: string;
  check: string;
  concept: string;
  expected: 'pass' | 'fail' | null;
  resource: string | null;
  doc_index?: number | null;
}

const entries = (JSON.parse(readFileSync(join(corpus, 'index.json'), 'utf8')) as Entry[]).filter(
  (e) => (e.concept === 'image-digest' || e.concept === 'latest-tag') && e.expected !== null,
);

/** The latest-tag concept is "no tag or :latest": our noTag and mutableTag findings. */
const LATEST_TAG_IDS = new Set(['noTag', 'mutableTag']);

/**
 * Deliberate differences: Checkov CKV_K8S_43 accepts `@sha256:123456`, which is not a digest
 * (sha256 digests are 64 hex digits; a runtime refuses to pull it): we report invalidReference.
 */
const DIFFERENT = new Set(['peers/checkov/example_ImageDigest/imageWithTagAndDigest-PASSED.yaml', 'peers/checkov/example_ImageDigest/kafka-PASSED.yaml']);

function ourFindings(e: Entry) {
  const text = readFileSync(join(corpus, e.file), 'utf8');
  let findings = run([{ path: e.file, text }], [policy]).findings.filter((f) => f.policyId === 'image-digest');
  if (e.resource) {
    const [kind, name] = e.resource.split('/');
    findings = findings.filter((f) => f.object?.kind === kind && f.object?.name === name && (e.doc_index == null || f.object?.docIndex === e.doc_index));
  }
  return e.concept === 'latest-tag' ? findings.filter((f) => LATEST_TAG_IDS.has(f.messageId)) : findings;
}

const label = (e: Entry) => `${e.peer} ${e.check} ${e.file}${e.resource ? ` ${e.resource}` : ''}: ${e.expected}`;

describe('image-digest agrees with peers', () => {
  it('has the fixtures', () => {
    expect(entries.filter((e) => e.concept === 'latest-tag')).toHaveLength(29);
    expect(entries.filter((e) => e.concept === 'image-digest')).toHaveLength(8);
  });

  it.each(entries.filter((e) => !DIFFERENT.has(e.file)).map((e) => [label(e), e] as const))('%s', (_l, e) => {
    expect(ourFindings(e).length > 0 ? 'fail' : 'pass').toBe(e.expected);
  });

  it.each(entries.filter((e) => DIFFERENT.has(e.file)).map((e) => [label(e), e] as const))('differs deliberately: %s (an invalid digest is no pin)', (_l, e) => {
    expect(ourFindings(e).map((f) => f.messageId)).toEqual(['invalidReference']);
  });
});
