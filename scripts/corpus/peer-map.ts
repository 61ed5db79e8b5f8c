/**
 * Which of our policies answers each peer concept of test/corpus (see its README: concept →
 * peer checks), which of our message ids count for a peer check, and the deliberate differences
 * (fixture → reason, documented on the policy's doc page, Peers). Used by `npm run corpus`, the
 * `test/policies/*.peers.test.ts` files and test/accuracy.test.ts.
 *
 * Deliberate differences are keyed by the entry name: the file, or `file [Kind/name]` for a
 * per-resource verdict (a file key covers all its entries).
 */

/** How one concept maps to our policy. */
export interface ConceptMapping {
  policy: string;
  /** Whether a finding with this message id counts for the peer check `check`. */
  relevant: (messageId: string, check: string) => boolean;
  /** The message ids that count, in words (for the report). */
  counts: string;
  /** Deliberate differences: entry name or file → reason. */
  deliberate: Readonly<Record<string, string>>;
  /**
   * `binding-role`: the peer's verdict is about a RoleBinding/ClusterRoleBinding (Checkov's graph
   * check CKV2_K8S_2): compare with our verdict on the role it references, among the YAML files of
   * the fixture's folder.
   */
  scope?: (peer: string) => 'binding-role' | undefined;
}

const all = () => true;

/** Drop-side message ids of drop-all-capabilities. */
const DROP = new Set(['missing', 'misspelled']);

/** The field each host-namespace peer check is about (peers have one check per field; we report per field too). */
export const HOST_FIELD_OF: Readonly<Record<string, 'hostPID' | 'hostIPC' | 'hostNetwork'>> = {
  hostPIDSet: 'hostPID',
  'host-pid': 'hostPID',
  CKV_K8S_17: 'hostPID',
  'KSV-0010': 'hostPID',
  hostIPCSet: 'hostIPC',
  'host-ipc': 'hostIPC',
  CKV_K8S_18: 'hostIPC',
  'KSV-0008': 'hostIPC',
  hostNetworkSet: 'hostNetwork',
  'host-network': 'hostNetwork',
  CKV_K8S_19: 'hostNetwork',
  'KSV-0009': 'hostNetwork',
};

const NAME_EXEMPTION =
  'Polaris exempts roles and bindings by name (admin, cluster-admin, system:*, gce:podsecuritypolicy:calico-sa); we do not: a role shipped in a repository grants what its rules say, whatever its name (exempt it with a reason)';
const MISSING_ROLE = 'Polaris fails a binding whose role is missing; we check roles, not bindings (nothing to check in the file)';
const UNMOUNTED_HOST_PATH = 'a hostPath volume that no container mounts exposes nothing; the peer reports the volume itself';
const NET_BIND = 'the peer reports adding NET_BIND_SERVICE; the restricted Pod Security Standard allows exactly that one, so do we';
const BAD_DIGEST =
  'Checkov CKV_K8S_43 accepts `@sha256:123456`, which is not a digest (sha256 digests are 64 hex digits; a runtime refuses to pull it): we report invalidReference';
const PSP_ANNOTATION =
  'kube-score accepts the PodSecurityPolicy annotation `seccomp.security.alpha.kubernetes.io/defaultProfileName` on a pod; on a pod it means nothing, so the pod has no profile';

/** Concept → our policy. */
export const PEER_MAP: Readonly<Record<string, ConceptMapping>> = {
  'capabilities-drop-all': {
    policy: 'drop-all-capabilities',
    // The drop side (KSV-0003, CKV_K8S_37) vs. the add side; KSV-0106 is the restricted control: both.
    relevant: (id, check) => check === 'KSV-0106' || DROP.has(id),
    counts: 'missing, misspelled (KSV-0106: all)',
    deliberate: {
      'peers/trivy-checks/rego-tests/KSV-0106/test_drop_all_add_net_bind_service_allowed.yaml':
        'Trivy KSV-0106 accepts `drop: [all]`; the restricted Pod Security Standard (Pod Security Admission) compares with "ALL" exactly, so do we',
    },
  },
  'capabilities-no-add': {
    policy: 'drop-all-capabilities',
    relevant: (id, check) => check === 'KSV-0106' || !DROP.has(id),
    counts: 'added, addedMisspelled, suggestDropAll',
    deliberate: {
      'peers/trivy-checks/examples/KSV-0022/bad-0.yaml': NET_BIND,
      'peers/trivy-checks/rego-tests/KSV-0022/test_capabilities_add_denied.yaml': NET_BIND,
    },
  },
  'host-namespaces': {
    policy: 'no-host-namespaces',
    // `hostPIDPurpose` etc.: the same field, where the manifest shows node-level access is the pod's purpose.
    relevant: (id, check) => id === HOST_FIELD_OF[check] || id === `${HOST_FIELD_OF[check]}Purpose`,
    counts: "the finding for the check's field (hostPID, hostIPC or hostNetwork)",
    deliberate: {},
  },
  'host-path': {
    policy: 'no-writable-host-path',
    relevant: all,
    counts: 'all (writable, sensitive)',
    deliberate: {
      'peers/polaris/hostPathSet/failure.yaml': UNMOUNTED_HOST_PATH,
      'peers/trivy-checks/examples/KSV-0023/bad-0.yaml': UNMOUNTED_HOST_PATH,
      'peers/trivy-checks/rego-tests/KSV-0023/test_host_path_specified_denied.yaml': UNMOUNTED_HOST_PATH,
      'peers/trivy-checks/rego-tests/KSV-0006/test_docker_socket_mounted_denied.yaml': UNMOUNTED_HOST_PATH,
      'peers/kube-linter/docker-sock.yml [Deployment/dont-fire]':
        "kube-linter's docker-sock passes a writable /var/run/thing.sock mount; we report every writable hostPath mount (kube-linter's own writable-host-mount would too)",
      'peers/kube-linter/docker-sock.yml [DeploymentConfig/dont-fire]':
        "kube-linter's docker-sock passes a writable /var/run/thing.sock mount; we report every writable hostPath mount (kube-linter's own writable-host-mount would too)",
    },
  },
  'image-digest': {
    policy: 'image-digest',
    relevant: all,
    counts: 'all (noTag, mutableTag, tagWithoutDigest, invalidReference, ...)',
    deliberate: {
      'peers/checkov/example_ImageDigest/imageWithTagAndDigest-PASSED.yaml': BAD_DIGEST,
      'peers/checkov/example_ImageDigest/kafka-PASSED.yaml': BAD_DIGEST,
    },
  },
  'latest-tag': {
    policy: 'image-digest',
    relevant: (id) => id === 'noTag' || id === 'mutableTag',
    counts: 'noTag, mutableTag',
    deliberate: {},
  },
  'no-privilege-escalation': {
    policy: 'no-privilege-escalation',
    relevant: all,
    counts: 'all (missing, allowed, sysAdmin)',
    deliberate: {},
  },
  'no-privileged': {
    policy: 'no-privileged-container',
    relevant: all,
    counts: 'privileged',
    deliberate: {
      'peers/kube-linter/scc-deny-privileged-container.yml':
        'kube-linter scc-deny-privileged-container checks OpenShift SecurityContextConstraints (`allowPrivilegedContainer: true`), an admission policy object, not a workload: out of scope (no-privileged-container checks the containers that run)',
    },
  },
  'rbac-pods-exec': {
    policy: 'no-exec-access',
    relevant: all,
    counts: 'all',
    scope: (peer) => (peer === 'checkov' ? 'binding-role' : undefined),
    deliberate: {
      'peers/polaris/clusterrolePodExecAttach/success.defaultclusterrole_admin.yaml': NAME_EXEMPTION,
      'peers/polaris/clusterrolePodExecAttach/success.defaultclusterrole_clusteradmin.yaml': NAME_EXEMPTION,
      'peers/polaris/clusterrolePodExecAttach/success.gce_calico_clusterrole.yaml': NAME_EXEMPTION,
      'peers/polaris/clusterrolePodExecAttach/success.system_prefix.yaml': NAME_EXEMPTION,
      'peers/polaris/rolePodExecAttach/success.gce_calico_binding.yaml': NAME_EXEMPTION,
      'peers/polaris/rolePodExecAttach/success.system_prefix_binding.yaml': NAME_EXEMPTION,
      'peers/polaris/clusterrolebindingPodExecAttach/success.defaultclusterrolebinding_clusteradmin.yaml': NAME_EXEMPTION,
      'peers/polaris/clusterrolebindingPodExecAttach/success.defaultclusterrolebinding_system-controller-generic-garbage-collector.yaml': NAME_EXEMPTION,
      'peers/polaris/clusterrolebindingPodExecAttach/success.gce_calico_binding.yaml': NAME_EXEMPTION,
      'peers/polaris/clusterrolebindingPodExecAttach/success.system_prefix_binding.yaml': NAME_EXEMPTION,
      'peers/polaris/rolebindingClusterRolePodExecAttach/success.gce_calico_binding.yaml': NAME_EXEMPTION,
      'peers/polaris/rolebindingClusterRolePodExecAttach/success.system_prefix_binding.yaml': NAME_EXEMPTION,
      'peers/polaris/rolebindingRolePodExecAttach/success.gce_calico_binding.yaml': NAME_EXEMPTION,
      'peers/polaris/rolebindingRolePodExecAttach/success.system_prefix_binding.yaml': NAME_EXEMPTION,
      'peers/polaris/rolebindingRolePodExecAttach/success.role_binding_cluster_role_binding.yaml':
        "Polaris' RoleBinding-to-Role check ignores the ClusterRole a RoleBinding references; we check every role in the file (the ClusterRole grants *)",
      'peers/polaris/clusterrolebindingPodExecAttach/failure.binding_points_to_missing_ref.yaml': MISSING_ROLE,
      'peers/polaris/rolebindingClusterRolePodExecAttach/failure.binding_points_to_missing_ref.yaml': MISSING_ROLE,
      'peers/polaris/rolebindingRolePodExecAttach/failure.binding_points_to_missing_ref.yaml': MISSING_ROLE,
      'peers/checkov/graph/NoCreateNodesProxyOrPodsExec/Failing/4/clusterrolebinding4.yaml':
        'Checkov CKV2_K8S_2 also fails create/bind on rbac.authorization.k8s.io resources (privilege escalation, not exec): out of scope',
    },
  },
  'rbac-pods-attach': { policy: 'no-exec-access', relevant: all, counts: 'all', deliberate: {} },
  'read-only-root-filesystem': {
    policy: 'read-only-root-filesystem',
    relevant: all,
    counts: 'all (missing, disabled, podLevel)',
    deliberate: {
      'peers/polaris/notReadOnlyRootFilesystem/success.pod.yaml':
        'Polaris accepts readOnlyRootFilesystem in the pod-level securityContext; it is not a PodSecurityContext field and does nothing, so we report it (podLevel)',
    },
  },
  'run-as-non-root': {
    policy: 'run-as-non-root',
    // Trivy KSV-0105 only checks runAsUser != 0 (unset passes): our runAsUser: 0 findings only.
    relevant: (id, check) => check !== 'KSV-0105' || /^(rootUser|rootUserRefused|podRootUser)$/.test(id),
    counts: 'all (KSV-0105: rootUser, rootUserRefused, podRootUser)',
    deliberate: {
      'peers/polaris/runAsRootAllowed/failure.yaml':
        '`apiVersion: v1` + `kind: Deployment` is no Kubernetes kind (Deployments are apps/v1): not a workload to us',
      'peers/checkov/example_RootContainers/rootContainersFAILED-malformed-spec.yaml':
        '`spec` is a list, not a PodSpec: valid-manifest reports the object, this policy has nothing to judge',
      'peers/kube-linter/run-as-non-root.yml [Deployment/group-zero]':
        'kube-linter also flags runAsGroup: 0; a root group is not a root user (Trivy KSV-0116 is a separate check)',
      'peers/kube-linter/run-as-non-root.yml [DeploymentConfig/group-zero]':
        'kube-linter also flags runAsGroup: 0; a root group is not a root user (Trivy KSV-0116 is a separate check)',
    },
  },
  seccomp: {
    policy: 'seccomp-runtime-default',
    // A deprecated annotation with a good profile is reported as deprecated, which no peer does: left out.
    relevant: (id) => id !== 'deprecatedAnnotation',
    counts: 'all but deprecatedAnnotation',
    deliberate: {
      'peers/kube-score/pod-seccomp-annotated.yaml': PSP_ANNOTATION,
      'peers/kube-score/pod-seccomp-annotated-annotation-optional.yaml': PSP_ANNOTATION,
      'peers/trivy-checks/rego-tests/KSV-0104/test_deployment_annotations_seccomp_profile_unconfined_allowed.yaml':
        'Trivy KSV-0104 ignores a container annotation `unconfined` when the pod-level field is RuntimeDefault; the API server copies the annotation into the (unset) container field, which wins: the container runs unconfined',
    },
  },
};

/** Concepts of the corpus we have no policy for, with the reason. */
export const NOT_COVERED: Readonly<Record<string, string>> = {
  'capabilities-drop-insecure':
    'Polaris accepts a list of named capabilities; drop-all-capabilities requires `ALL` (a stricter rule, compared on the capabilities-drop-all fixtures)',
  'capabilities-drop-net-raw':
    'a NET_RAW-only check; drop-all-capabilities requires dropping ALL, which includes NET_RAW, and is compared on the capabilities-drop-all fixtures',
  'capabilities-no-dangerous-add':
    "Polaris' list of dangerous capabilities; drop-all-capabilities reports any added capability but NET_BIND_SERVICE (compared on the capabilities-no-add fixtures)",
  'capabilities-no-sys-admin':
    'a SYS_ADMIN-only check; covered by drop-all-capabilities (any added capability) and no-privilege-escalation (sysAdmin), not compared',
  'host-port': 'hostPort is a network exposure concern, not container immutability: no policy',
  'linux-hardening': 'Polaris asks for any of AppArmor/seccomp/SELinux/drop; seccomp-runtime-default is compared on the seccomp fixtures',
  'privileged-ports': 'binding ports below 1024 is not an immutability concern: no policy',
  'proc-mount': 'procMount: Unmasked is not checked (no policy yet)',
  'pull-policy-always': 'imagePullPolicy is not immutability: image-digest pins the image itself, which makes the pull policy irrelevant',
  'rbac-cluster-admin': 'cluster-admin bindings are an RBAC concern; no-exec-access only checks pods/exec and pods/attach grants',
  'rbac-create-pods': 'creating pods is an RBAC concern; no-exec-access only checks pods/exec and pods/attach grants',
  'rbac-wildcard': 'wildcard rules are reported only when they grant pods/exec (no-exec-access); a general wildcard check is out of scope',
  'run-as-high-gid': 'UID/GID ranges are not checked; run-as-non-root checks root only',
  'run-as-high-uid': 'UID/GID ranges are not checked; run-as-non-root checks root only',
  'run-as-root-group': 'a root group is not a root user; run-as-non-root checks the user only',
  'sa-token-automount': 'service account token mounting is not an immutability concern: no policy',
  'security-context-present': 'an empty securityContext check; our policies report the missing fields themselves',
  'unsafe-sysctls': 'sysctls are not checked (no policy yet)',
  'windows-host-process': 'Windows HostProcess pods are not checked (no-host-namespaces leaves them alone)',
};
