import { containerLabel, definePolicy, forEachContainer } from '../src/api/policy.js';

/**
 * No container runs with `securityContext.privileged: true`. A privileged container keeps
 * `/proc/sys` writable even under a read-only root filesystem, so it can change host kernel
 * settings (the seeds: `echo 75 > /proc/sys/vm/swappiness` changes the host's swappiness).
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
    },
    remediation: 'Set privileged: false (or remove it) and add only the Linux capabilities the application needs.',
    peers: { 'kube-linter': 'privileged-container', polaris: 'runAsPrivileged', checkov: 'CKV_K8S_16', trivy: 'KSV-0017', 'kube-score': 'container-security-context-privileged' },
  },
  check(context) {
    // On Windows pods the field cannot be set at all: valid-manifest reports it there.
    forEachContainer(context, (c) => {
      const field = c.securityContext?.get('privileged');
      if (field?.value !== true) return;
      context.report({
        messageId: 'privileged',
        data: { container: containerLabel(c) },
        node: field,
        key: true,
        container: c,
        fix: (fixer) => [fixer.set(c.node, ['securityContext', 'privileged'], false)],
      });
    }, { skip: 'windows' });
  },
});
