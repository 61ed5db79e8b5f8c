import policy from '../../policies/seccomp-runtime-default.js';
import { PEER_MAP } from '../../scripts/corpus/peer-map.js';
import { entryName, findingsOfPolicy, peerEntries, verdictFor } from './peer-agreement.js';

// Deliberate differences (policies/seccomp-runtime-default.md, Peers) and the findings that count
// (not deprecatedAnnotation: the peers' verdict is about the profile): scripts/corpus/peer-map.ts.
describe('seccomp-runtime-default agrees with the peers (seccomp fixtures)', () => {
  const mapping = PEER_MAP.seccomp!;
  const entries = peerEntries('seccomp', mapping.deliberate);
  it('has the fixtures', () => {
    expect(mapping.policy).toBe(policy.id);
    expect(entries.length).toBeGreaterThanOrEqual(60);
    expect(new Set(entries.map((e) => e.peer))).toEqual(new Set(['checkov', 'trivy-checks', 'kube-score']));
  });
  it.each(entries.map((e) => [`${e.peer} ${e.check}: ${entryName(e)}`, e] as const))('%s', (_, e) => {
    expect(verdictFor(e, mapping, findingsOfPolicy(policy))).toBe(e.expected);
  });
});
