// Agreement of image-digest with peers' fixtures of the concepts `image-digest` (Checkov
// CKV_K8S_43) and `latest-tag` (kube-linter latest-tag, Polaris tagNotSpecified, Checkov
// CKV_K8S_14, Trivy KSV-0013, kube-score container-image-tag), at each peer's granularity.
// The findings that count (latest-tag: noTag, mutableTag) and the deliberate differences:
// scripts/corpus/peer-map.ts.
import policy from '../../policies/image-digest.js';
import { PEER_MAP } from '../../scripts/corpus/peer-map.js';
import { deliberateEntries, entryName, findingsOfPolicy, peerEntries, verdictFor, CORPUS } from './peer-agreement.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/engine/index.js';

const concepts = ['latest-tag', 'image-digest'] as const;
const entries = concepts.flatMap((c) => peerEntries(c, PEER_MAP[c]!.deliberate));
const different = concepts.flatMap((c) => deliberateEntries(c, PEER_MAP[c]!.deliberate));
const label = (e: (typeof entries)[number]) => `${e.peer} ${e.check} ${entryName(e)}: ${e.expected}`;

describe('image-digest agrees with peers', () => {
  it('has the fixtures', () => {
    for (const c of concepts) expect(PEER_MAP[c]!.policy).toBe(policy.id);
    expect([...entries, ...different].filter((e) => e.concept === 'latest-tag')).toHaveLength(29);
    expect([...entries, ...different].filter((e) => e.concept === 'image-digest')).toHaveLength(8);
  });

  it.each(entries.map((e) => [label(e), e] as const))('%s', (_l, e) => {
    expect(verdictFor(e, PEER_MAP[e.concept]!, findingsOfPolicy(policy))).toBe(e.expected);
  });

  it.each(different.map((e) => [label(e), e] as const))('differs deliberately: %s (an invalid digest is no pin)', (_l, e) => {
    const text = readFileSync(join(CORPUS, e.file), 'utf8');
    expect(run([{ path: e.file, text }], [policy]).findings.map((f) => f.messageId)).toEqual(['invalidReference']);
  });
});
