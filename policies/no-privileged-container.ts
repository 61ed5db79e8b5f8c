import { containerLabel, definePolicy, forEachContainer } from '../src/api/policy.js';
import { containerPurpose } from './lib/workload-purpose.js';

/**
 * No container runs with `securityContext.privileged: true`. A privileged container keeps
 * `/proc/sys` writable even under a read-only root filesystem, so it can change host kernel
 * settings (`echo 75 > /proc/sys/vm/swappiness` in a privileged container changes the host's swappiness).
 */
export default definePolicy({
  id: 'no-privileged-container',
  meta: {
    description: 'Containers do not run privileged.',
    category: 'immutability',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      privileged:
        '{{container}} runs privileged: even with a read-only root filesystem /proc/sys stays writable, so it can change host kernel settings such as vm.swappiness. Grant only the capabilities it needs (securityContext.capabilities.add) instead.',
      privilegedPurpose:
        '{{container}} runs privileged, and the manifest shows that this is its purpose: {{purpose}}. Setting privileged: false would stop it working, so no fix is offered: if it is meant to, exempt it with a reason (annotation ignore.kube-immutable.io/no-privileged-container: "<reason>", see the exemption check).',
      suggestUnprivileged:
        'Set privileged: false: this is a behaviour change, since the container may need the privilege (devices, kernel settings, mounts); apply it only after checking that it does not, and add back the capabilities it needs.',
    },
    remediation: 'Set privileged: false (or remove it) and add only the Linux capabilities the application needs.',
    peers: {
      'kube-linter': 'privileged-container',
      polaris: 'runAsPrivileged',
      checkov: 'CKV_K8S_16',
      trivy: 'KSV-0017',
      'kube-score': 'container-security-context-privileged',
    },
  },
  check(context) {
    // On Windows pods the field cannot be set at all: valid-manifest reports it there.
    forEachContainer(
      context,
      (c, w) => {
        const field = c.securityContext?.get('privileged');
        if (field?.value !== true) return;
        // Where the manifest shows the privilege is what the container is for, no flip is offered.
        const purpose = containerPurpose(w, c);
        if (purpose !== undefined) {
          context.report({ messageId: 'privilegedPurpose', data: { container: containerLabel(c), purpose }, node: field, key: true, container: c });
          return;
        }
        context.report({
          messageId: 'privileged',
          data: { container: containerLabel(c) },
          node: field,
          key: true,
          container: c,
          fix: (fixer) => [fixer.set(c.node, ['securityContext', 'privileged'], false)],
          fixKind: 'behaviour',
          fixMessageId: 'suggestUnprivileged',
        });
      },
      { skip: 'windows' },
    );
  },
});
