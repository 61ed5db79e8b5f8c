import { definePolicy, isHostProcessPod } from '../src/api/policy.js';
import { workloadPurpose } from './lib/workload-purpose.js';

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
    description: "Pods do not share the node's PID, IPC or network namespace (hostPID, hostIPC, hostNetwork).",
    category: 'hardening',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      hostPID:
        'The pod sets hostPID: true: its containers see every process of the node and can signal them, read their environment, and reach their files through /proc/<pid>/root.',
      hostIPC:
        "The pod sets hostIPC: true: its containers share the node's System V IPC and POSIX shared memory, so they can read and change other processes' shared memory.",
      hostNetwork:
        "The pod sets hostNetwork: true: its containers use the node's network stack, can bind any node port and reach services listening on the node's localhost.",
      hostPIDPurpose:
        'The pod sets hostPID: true, and the manifest shows that node-level access is its purpose ({{purpose}}). Setting it to false would stop it working, so no fix is offered: if it is meant to, exempt it with a reason (annotation ignore.kube-immutable.io/no-host-namespaces: "<reason>", see the exemption check).',
      hostIPCPurpose:
        'The pod sets hostIPC: true, and the manifest shows that node-level access is its purpose ({{purpose}}). Setting it to false would stop it working, so no fix is offered: if it is meant to, exempt it with a reason (annotation ignore.kube-immutable.io/no-host-namespaces: "<reason>", see the exemption check).',
      hostNetworkPurpose:
        'The pod sets hostNetwork: true, and the manifest shows that node-level access is its purpose ({{purpose}}). Setting it to false would stop it working, so no fix is offered: if it is meant to, exempt it with a reason (annotation ignore.kube-immutable.io/no-host-namespaces: "<reason>", see the exemption check).',
      suggestOwnNamespace:
        "Set {{field}}: false: this is a behaviour change, since the pod may need the node's namespace (node agents, monitoring, CNI); apply it only after checking that it does not.",
    },
    remediation:
      'Remove hostPID, hostIPC and hostNetwork (or set them to false); use a Service, a hostPort-free design, or a node agent built for the purpose instead.',
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
    const purpose = workloadPurpose(w);
    for (const field of FIELDS) {
      const node = w.podSpec.get(field);
      if (node?.value !== true) continue;
      if (field === 'hostNetwork' && hostProcess) continue;
      // Where the manifest shows node-level access is what the pod is for, no flip is offered.
      if (purpose !== undefined) {
        context.report({ messageId: `${field}Purpose`, data: { purpose }, node, key: true });
        continue;
      }
      context.report({
        messageId: field,
        data: { field },
        node,
        key: true,
        fix: (fixer) => [fixer.set(w.podSpec, [field], false)],
        fixKind: 'behaviour',
        fixMessageId: 'suggestOwnNamespace',
      });
    }
  },
});
