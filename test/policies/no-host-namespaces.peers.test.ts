import policy from '../../policies/no-host-namespaces.js';
import { entryName, ourVerdict, peerEntries } from './peer-agreement.js';

/** The field each peer check is about (peers have one check per field; we report per field too). */
const FIELD_OF: Record<string, 'hostPID' | 'hostIPC' | 'hostNetwork'> = {
  hostPIDSet: 'hostPID', 'host-pid': 'hostPID', CKV_K8S_17: 'hostPID', 'KSV-0010': 'hostPID',
  hostIPCSet: 'hostIPC', 'host-ipc': 'hostIPC', CKV_K8S_18: 'hostIPC', 'KSV-0008': 'hostIPC',
  hostNetworkSet: 'hostNetwork', 'host-network': 'hostNetwork', CKV_K8S_19: 'hostNetwork', 'KSV-0009': 'hostNetwork',
};

describe('no-host-namespaces agrees with the peers (host-namespaces fixtures)', () => {
  // No deliberate difference shows on these fixtures (none is a Windows HostProcess pod).
  const entries = peerEntries('host-namespaces', {});
  it('has the fixtures, each check mapped to its field', () => {
    expect(entries.length).toBeGreaterThanOrEqual(60);
    expect(entries.filter((e) => !FIELD_OF[e.check]).map((e) => e.check)).toEqual([]);
  });
  it.each(entries.map((e) => [`${e.peer} ${e.check}: ${entryName(e)}`, e] as const))('%s', (_, e) => {
    expect(ourVerdict(policy, e, (messageId) => messageId === FIELD_OF[e.check])).toBe(e.expected);
  });
});
