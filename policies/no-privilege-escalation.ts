import { containerLabel, definePolicy, forEachContainer } from '../src/api/policy.js';

/**
 * Every container sets `securityContext.allowPrivilegeEscalation: false`. Unset counts as
 * allowed, as in the restricted Pod Security Standard. Windows pods are skipped (the API server
 * rejects the field there).
 */
export default definePolicy({
  id: 'no-privilege-escalation',
  meta: {
    description: 'Containers set allowPrivilegeEscalation: false.',
    category: 'immutability',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      missing:
        '{{container}} does not set securityContext.allowPrivilegeEscalation: false; unset means a process can gain more privileges than its parent (setuid binaries), and with them change the container.',
      allowed: '{{container}} sets allowPrivilegeEscalation: true: a process can gain more privileges than its parent (setuid binaries).',
      sysAdmin:
        '{{container}} adds CAP_SYS_ADMIN, which always allows privilege escalation: the API server rejects allowPrivilegeEscalation: false with it. Drop SYS_ADMIN, then set allowPrivilegeEscalation: false.',
      suggestUnprivileged:
        'Set privileged: false and allowPrivilegeEscalation: false (the API server rejects the second with privileged: true): a behaviour change, since the container may need the privilege; apply it only after checking that it does not.',
    },
    remediation: 'Set securityContext.allowPrivilegeEscalation: false on every container.',
    peers: { 'kube-linter': 'privilege-escalation-container', polaris: 'privilegeEscalationAllowed', checkov: 'CKV_K8S_20', trivy: 'KSV-0001' },
  },
  check(context) {
    forEachContainer(
      context,
      (c) => {
        const sc = c.securityContext;
        const field = sc?.get('allowPrivilegeEscalation');
        if (field?.value === false) return;
        const label = containerLabel(c);
        const add = sc?.get('capabilities')?.get('add')?.value;
        const sysAdmin = Array.isArray(add) && add.some((x) => typeof x === 'string' && /^(CAP_)?SYS_ADMIN$/i.test(x));
        if (sysAdmin) {
          context.report({ messageId: 'sysAdmin', data: { container: label }, node: field ?? sc ?? c.node, key: Boolean(field ?? sc), container: c });
          return;
        }
        const privileged = sc?.get('privileged')?.value === true;
        context.report({
          messageId: field ? 'allowed' : 'missing',
          data: { container: label },
          node: field ?? sc ?? c.node,
          key: Boolean(field ?? sc),
          container: c,
          // The API server rejects allowPrivilegeEscalation: false together with privileged: true,
          // so the one remedy there clears both: a behaviour change (privileged: false), like
          // no-privileged-container's. Without privileged it blocks only setuid gains: safe.
          fix: (fixer) => [
            ...(privileged ? [fixer.set(c.node, ['securityContext', 'privileged'], false)] : []),
            fixer.set(c.node, ['securityContext', 'allowPrivilegeEscalation'], false),
          ],
          fixKind: privileged ? 'behaviour' : 'safe',
          fixMessageId: 'suggestUnprivileged',
        });
      },
      { skip: 'windows' },
    );
  },
});
