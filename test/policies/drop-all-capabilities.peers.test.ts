import policy from '../../policies/drop-all-capabilities.js';
import { entryName, ourVerdict, peerEntries } from './peer-agreement.js';

/** Deliberate differences (see policies/drop-all-capabilities.md, Peers). */
const SKIPPED: Record<string, string> = {
  // Trivy KSV-0106 accepts `drop: [all]`; the restricted Pod Security Standard (PSA) compares with "ALL" exactly, so do we.
  'peers/trivy-checks/rego-tests/KSV-0106/test_drop_all_add_net_bind_service_allowed.yaml': 'lowercase all',
  // Trivy KSV-0022 reports adding NET_BIND_SERVICE; the restricted profile allows exactly that one, so do we.
  'peers/trivy-checks/examples/KSV-0022/bad-0.yaml': 'NET_BIND_SERVICE may be added',
  'peers/trivy-checks/rego-tests/KSV-0022/test_capabilities_add_denied.yaml': 'NET_BIND_SERVICE may be added',
};

// The drop side (KSV-0003) and the add side (CKV_K8S_25, KSV-0022, KSV-0120) are separate peer
// checks: compare only our findings of that side. KSV-0106 is the restricted control: both.
const DROP = new Set(['missing', 'misspelled']);
const relevant = (concept: string, check: string) => (messageId: string) =>
  check === 'KSV-0106' || (concept === 'capabilities-drop-all' ? DROP.has(messageId) : !DROP.has(messageId));

describe.each(['capabilities-drop-all', 'capabilities-no-add'])('drop-all-capabilities agrees with the peers (%s fixtures)', (concept) => {
  const entries = peerEntries(concept, SKIPPED);
  it('has the fixtures', () => {
    expect(entries.length).toBeGreaterThanOrEqual(concept === 'capabilities-drop-all' ? 7 : 8);
  });
  it.each(entries.map((e) => [`${e.peer} ${e.check}: ${entryName(e)}`, e] as const))('%s', (_, e) => {
    expect(ourVerdict(policy, e, relevant(concept, e.check))).toBe(e.expected);
  });
});
