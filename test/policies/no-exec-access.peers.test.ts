import policy from '../../policies/no-exec-access.js';
import { PEER_MAP } from '../../scripts/corpus/peer-map.js';
import { entryName, findingsOfPolicy, peerEntries, verdictFor } from './peer-agreement.js';

// Deliberate differences (policies/no-exec-access.md, Peers) and Checkov's binding-level verdicts
// (compared on the role the binding references): scripts/corpus/peer-map.ts, peer-agreement.ts.
describe('no-exec-access agrees with peers on their fixtures', () => {
  const concepts = ['rbac-pods-exec', 'rbac-pods-attach'] as const;
  const entries = concepts.flatMap((c) => peerEntries(c, PEER_MAP[c]!.deliberate));
  it('covers the fixtures', () => {
    for (const c of concepts) expect(PEER_MAP[c]!.policy).toBe(policy.id);
    expect(entries.length).toBeGreaterThanOrEqual(90);
  });
  it.each(entries.map((e) => [`${e.peer} ${e.check} ${entryName(e)}`, e] as const))('%s', (_, e) => {
    expect(verdictFor(e, PEER_MAP[e.concept]!, findingsOfPolicy(policy))).toBe(e.expected);
  });
});
