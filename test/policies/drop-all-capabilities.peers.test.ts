import policy from '../../policies/drop-all-capabilities.js';
import { PEER_MAP } from '../../scripts/corpus/peer-map.js';
import { entryName, findingsOfPolicy, peerEntries, verdictFor } from './peer-agreement.js';

// Deliberate differences and the findings that count per peer check (drop side vs. add side):
// scripts/corpus/peer-map.ts, documented in policies/drop-all-capabilities.md, Peers.
describe.each(['capabilities-drop-all', 'capabilities-no-add'])('drop-all-capabilities agrees with the peers (%s fixtures)', (concept) => {
  const mapping = PEER_MAP[concept]!;
  const entries = peerEntries(concept, mapping.deliberate);
  it('has the fixtures', () => {
    expect(mapping.policy).toBe(policy.id);
    expect(entries.length).toBeGreaterThanOrEqual(concept === 'capabilities-drop-all' ? 7 : 8);
  });
  it.each(entries.map((e) => [`${e.peer} ${e.check}: ${entryName(e)}`, e] as const))('%s', (_, e) => {
    expect(verdictFor(e, mapping, findingsOfPolicy(policy))).toBe(e.expected);
  });
});
