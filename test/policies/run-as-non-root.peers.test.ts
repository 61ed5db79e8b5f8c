import policy from '../../policies/run-as-non-root.js';
import { entryName, ourVerdict, peerEntries } from './peer-agreement.js';

/** Deliberate differences (see policies/run-as-non-root.md, Peers). */
const SKIPPED: Record<string, string> = {
  // `apiVersion: v1` + `kind: Deployment` is no Kubernetes kind (Deployments are apps/v1): not a workload to us.
  'peers/polaris/runAsRootAllowed/failure.yaml': 'invalid apiVersion for a Deployment',
  // `spec` is a list, not a PodSpec: valid-manifest reports the object, this policy has nothing to judge.
  'peers/checkov/example_RootContainers/rootContainersFAILED-malformed-spec.yaml': 'malformed spec',
  // kube-linter also flags runAsGroup: 0; a root group is not a root user (Trivy's KSV-0116 is a separate check).
  'peers/kube-linter/run-as-non-root.yml [Deployment/group-zero]': 'runAsGroup 0 is out of scope',
  'peers/kube-linter/run-as-non-root.yml [DeploymentConfig/group-zero]': 'runAsGroup 0 is out of scope',
};

// Trivy KSV-0105 only checks runAsUser != 0 (unset passes): compare our runAsUser: 0 findings only.
const relevant = (check: string) => (messageId: string) => check !== 'KSV-0105' || /^(rootUser|rootUserRefused|podRootUser)$/.test(messageId);

describe('run-as-non-root agrees with the peers (run-as-non-root fixtures)', () => {
  const entries = peerEntries('run-as-non-root', SKIPPED);
  it('has the fixtures', () => {
    expect(entries.length).toBeGreaterThanOrEqual(24);
    expect(new Set(entries.map((e) => e.peer))).toEqual(new Set(['polaris', 'kube-linter', 'checkov', 'trivy-checks']));
  });
  it.each(entries.map((e) => [`${e.peer} ${e.check}: ${entryName(e)}`, e] as const))('%s', (_, e) => {
    expect(ourVerdict(policy, e, relevant(e.check))).toBe(e.expected);
  });
});
