import { definePolicy, isHostProcessPod } from '../src/api/policy.js';

/** The PodSpec fields that share a host namespace (Pod Security Standards, baseline "Host Namespaces"). */
const FIELDS = ['hostPID', 'hostIPC', 'hostNetwork'] as const;

/**
 * A pod does not share the node's PID, IPC or network namespace: `hostPID`, `hostIPC` and
 * `hostNetwork` are unset or false. One finding per field set to true, at its key; the fix sets
 * it to false (the same as unset). `hostNetwork` of a Windows HostProcess pod is not reported:
 * HostProcess pods must use the host network.
 */
export default definePolicy({
  id: 'no-host-namespaces',
  meta: {
    description: 'Pods do not share the node\'s PID, IPC or network namespace (hostPID, hostIPC, hostNetwork).',
    category: 'hardening',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      hostPID: 'The pod sets hostPID: true: its containers see every process of the node and can signal them, read their environment, and reach their files through /proc/<pid>/root.',
      hostIPC: 'The pod sets hostIPC: true: its containers share the node\'s System V IPC and POSIX shared memory, so they can read and change other processes\' shared memory.',
      hostNetwork:
        'The pod sets hostNetwork: true: its containers use the node\'s network stack, can bind any node port and reach services listening on the node\'s localhost.',
    },
    remediation: 'Remove hostPID, hostIPC and hostNetwork (or set them to false); use a Service, a hostPort-free design, or a node agent built for the purpose instead.',
    peers: {
      polaris: 'hostPIDSet, hostIPCSet, hostNetworkSet',
      'kube-linter': 'host-pid, host-ipc, host-network',
      checkov: 'CKV_K8S_17, CKV_K8S_18, CKV_K8S_19',
      trivy: 'KSV-0010, KSV-0008, KSV-0009',
    },
  },
  check(context) {
    const w = context.workload;
    if (!w) return;
    const hostProcess = isHostProcessPod(w);
    for (const field of FIELDS) {
      const node = w.podSpec.get(field);
      if (node?.value !== true) continue;
      if (field === 'hostNetwork' && hostProcess) continue;
      context.report({
        messageId: field,
        node,
        key: true,
        fix: (fixer) => [fixer.set(w.podSpec, [field], false)],
      });
    }
  },
});
