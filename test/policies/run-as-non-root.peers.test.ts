import policy from '../../policies/run-as-non-root.js';
import { PEER_MAP } from '../../scripts/corpus/peer-map.js';
import { entryName, findingsOfPolicy, peerEntries, verdictFor } from './peer-agreement.js';

// Deliberate differences (policies/run-as-non-root.md, Peers) and the findings that count
// (Trivy KSV-0105: runAsUser: 0 only): scripts/corpus/peer-map.ts.
describe('run-as-non-root agrees with the peers (run-as-non-root fixtures)', () => {
  const mapping = PEER_MAP['run-as-non-root']!;
  const entries = peerEntries('run-as-non-root', mapping.deliberate);
  it('has the fixtures', () => {
    expect(mapping.policy).toBe(policy.id);
    expect(entries.length).toBeGreaterThanOrEqual(24);
    expect(new Set(entries.map((e) => e.peer))).toEqual(new Set(['polaris', 'kube-linter', 'checkov', 'trivy-checks']));
  });
  it.each(entries.map((e) => [`${e.peer} ${e.check}: ${entryName(e)}`, e] as const))('%s', (_, e) => {
    expect(verdictFor(e, mapping, findingsOfPolicy(policy))).toBe(e.expected);
  });
});
