import policy from '../../policies/seccomp-runtime-default.js';
import { entryName, ourVerdict, peerEntries } from './peer-agreement.js';

/** Deliberate differences (see policies/seccomp-runtime-default.md, Peers). */
const SKIPPED: Record<string, string> = {
  // kube-score accepts the PodSecurityPolicy annotation `seccomp.security.alpha.kubernetes.io/defaultProfileName`
  // on a pod; on a pod it means nothing, so the pod has no profile.
  'peers/kube-score/pod-seccomp-annotated.yaml': 'defaultProfileName is a PodSecurityPolicy annotation',
  'peers/kube-score/pod-seccomp-annotated-annotation-optional.yaml': 'defaultProfileName is a PodSecurityPolicy annotation',
  // Trivy KSV-0104 ignores a container annotation `unconfined` when the pod-level field is RuntimeDefault; the API
  // server copies the annotation into the (unset) container field, which wins: the container runs unconfined.
  'peers/trivy-checks/rego-tests/KSV-0104/test_deployment_annotations_seccomp_profile_unconfined_allowed.yaml': 'container annotation wins',
};

// A deprecated annotation with a good profile is reported as deprecated, which no peer does (Checkov and
// Trivy accept it as set): the peers' verdict is about the profile, so that finding is left out.
const relevant = (messageId: string) => messageId !== 'deprecatedAnnotation';

describe('seccomp-runtime-default agrees with the peers (seccomp fixtures)', () => {
  const entries = peerEntries('seccomp', SKIPPED);
  it('has the fixtures', () => {
    expect(entries.length).toBeGreaterThanOrEqual(60);
    expect(new Set(entries.map((e) => e.peer))).toEqual(new Set(['checkov', 'trivy-checks', 'kube-score']));
  });
  it.each(entries.map((e) => [`${e.peer} ${e.check}: ${entryName(e)}`, e] as const))('%s', (_, e) => {
    expect(ourVerdict(policy, e, relevant)).toBe(e.expected);
  });
});
