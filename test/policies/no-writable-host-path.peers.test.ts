import policy from '../../policies/no-writable-host-path.js';
import { PEER_MAP } from '../../scripts/corpus/peer-map.js';
import { entryName, findingsOfPolicy, peerEntries, verdictFor } from './peer-agreement.js';

// Deliberate differences (policies/no-writable-host-path.md, Peers): scripts/corpus/peer-map.ts.
describe('no-writable-host-path agrees with peers on their fixtures', () => {
  const mapping = PEER_MAP['host-path']!;
  const entries = peerEntries('host-path', mapping.deliberate);
  it('covers the fixtures', () => {
    expect(mapping.policy).toBe(policy.id);
    expect(entries.length).toBeGreaterThanOrEqual(18);
  });
  it.each(entries.map((e) => [`${e.peer} ${e.check} ${entryName(e)}`, e] as const))('%s', (_, e) => {
    expect(verdictFor(e, mapping, findingsOfPolicy(policy))).toBe(e.expected);
  });
});
