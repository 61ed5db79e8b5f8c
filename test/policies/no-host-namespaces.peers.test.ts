import policy from '../../policies/no-host-namespaces.js';
import { HOST_FIELD_OF, PEER_MAP } from '../../scripts/corpus/peer-map.js';
import { entryName, findingsOfPolicy, peerEntries, verdictFor } from './peer-agreement.js';

describe('no-host-namespaces agrees with the peers (host-namespaces fixtures)', () => {
  // No deliberate difference shows on these fixtures (none is a Windows HostProcess pod).
  const mapping = PEER_MAP['host-namespaces']!;
  const entries = peerEntries('host-namespaces', mapping.deliberate);
  it('has the fixtures, each check mapped to its field', () => {
    expect(mapping.policy).toBe(policy.id);
    expect(entries.length).toBeGreaterThanOrEqual(60);
    expect(entries.filter((e) => !HOST_FIELD_OF[e.check]).map((e) => e.check)).toEqual([]);
  });
  it.each(entries.map((e) => [`${e.peer} ${e.check}: ${entryName(e)}`, e] as const))('%s', (_, e) => {
    expect(verdictFor(e, mapping, findingsOfPolicy(policy))).toBe(e.expected);
  });
});
