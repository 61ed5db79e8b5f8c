import {
  containerLabel,
  containerSecurityContext,
  definePolicy,
  effectiveSecurityField,
  type Fixer,
  forEachContainer,
  imageUser,
  type InspectedImageConfig,
  type YNode,
} from '../src/api/policy.js';

/** The only capability the restricted Pod Security Standard lets a container add. */
const ALLOWED_ADD = 'NET_BIND_SERVICE';

/** `CAP_NET_BIND_SERVICE`, `net_bind_service`: the allowed capability, spelled as PSA does not accept it. */
const spelledOtherwise = (value: string, canonical: string) => value !== canonical && value.toUpperCase().replace(/^CAP_/, '') === canonical;

/** True when `node` is absent, null or of the given kind (a fix can create or extend it). */
const shaped = (node: YNode | undefined, kind: 'map' | 'seq') => !node || node.isNull || node.kind === kind;

/**
 * Every container (init, regular, ephemeral) drops all Linux capabilities
 * (`securityContext.capabilities.drop` contains `ALL`) and adds back at most
 * `NET_BIND_SERVICE` — the restricted Pod Security Standard's "Capabilities" control, with its
 * exact spelling (uppercase, no `CAP_` prefix). Windows and HostProcess pods are skipped: the API
 * server rejects `capabilities` there.
 */
export default definePolicy({
  id: 'drop-all-capabilities',
  meta: {
    description: 'Containers drop ALL Linux capabilities and add back at most NET_BIND_SERVICE.',
    category: 'hardening',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      missing:
        "{{container}} does not drop ALL capabilities (securityContext.capabilities.drop): it keeps the runtime's default set (CHOWN, DAC_OVERRIDE, FOWNER, SETUID, ...), which lets a root process change files it does not own.",
      misspelled: '{{container}} drops {{value}}, which the restricted Pod Security Standard does not accept as ALL: write ALL (uppercase, no CAP_ prefix).',
      added: '{{container}} adds the capability {{capability}}: the restricted Pod Security Standard allows adding only NET_BIND_SERVICE.',
      suggestDropAll:
        'Drop ALL capabilities. Check first that the image does not start as root and switch user (that needs CHOWN, SETUID and SETGID), or run it as non-root.',
      addedMisspelled:
        '{{container}} adds {{capability}}: the restricted Pod Security Standard accepts only the exact spelling NET_BIND_SERVICE (uppercase, no CAP_ prefix).',
    },
    remediation:
      'Add ALL to securityContext.capabilities.drop of every container; add back only NET_BIND_SERVICE when the process binds a port below 1024 (or better, listen on a port above 1024).',
    peers: { checkov: 'CKV_K8S_37, CKV_K8S_25', trivy: 'KSV-0003, KSV-0106, KSV-0022' },
  },
  check(context) {
    forEachContainer(
      context,
      (c, w) => {
        const sc = containerSecurityContext(c);
        const caps = sc?.get('capabilities');
        const drop = caps?.get('drop');
        const label = containerLabel(c);
        const dropItems = drop?.kind === 'seq' ? drop.items() : [];
        // A securityContext, capabilities or drop of the wrong type is valid-manifest's finding; no fix goes there.
        const fixable = shaped(c.securityContext, 'map') && shaped(caps, 'map') && shaped(drop, 'seq');
        if (!dropItems.some((i) => i.value === 'ALL')) {
          const near = dropItems.find((i) => typeof i.value === 'string' && spelledOtherwise(i.value, 'ALL'));
          // A misspelled ALL (`all`, `All`, `CAP_ALL`) is corrected in place; otherwise ALL is appended.
          const dropAll = (fixer: Fixer) => [near ? fixer.replace(near, 'ALL') : fixer.append(c.node, ['securityContext', 'capabilities', 'drop'], 'ALL')];
          // Safe as a fix only for a process that does not run as root: many images start as root
          // and need CHOWN/SETUID/SETGID to switch user (nginx, postgres, redis), which dropping
          // ALL would break. For those it is offered as a suggestion. The user is the manifest's, else
          // the inspected image config's.
          const safe = runsAsNonRoot(w, c, c.image === undefined ? undefined : context.images.configs.get(c.image));
          context.report({
            messageId: near ? 'misspelled' : 'missing',
            data: { container: label, value: near ? String(near.value) : '' },
            node: near ?? drop ?? caps ?? sc ?? c.node,
            key: !near && Boolean(drop ?? caps ?? sc),
            container: c,
            fix: fixable ? dropAll : undefined,
            fixKind: safe ? 'safe' : 'behaviour',
            fixMessageId: 'suggestDropAll',
          });
        }
        const add = caps?.get('add');
        for (const item of add?.kind === 'seq' ? add.items() : []) {
          if (item.value === ALLOWED_ADD) continue;
          const capability = typeof item.value === 'string' ? item.value : JSON.stringify(item.value);
          context.report({
            messageId: typeof item.value === 'string' && spelledOtherwise(item.value, ALLOWED_ADD) ? 'addedMisspelled' : 'added',
            data: { container: label, capability },
            node: item,
            container: c,
            detail: capability,
          });
        }
      },
      { skip: 'windows-or-host-process' },
    );
  },
});

/** True when the container's process is known not to run as root: runAsUser > 0, or runAsNonRoot: true without runAsUser 0. */
function runsAsNonRoot(
  w: Parameters<typeof effectiveSecurityField>[0],
  c: Parameters<typeof effectiveSecurityField>[1],
  config: InspectedImageConfig | undefined,
): boolean {
  const user = effectiveSecurityField(w, c, 'runAsUser')?.value;
  if (typeof user === 'number') return user > 0;
  if (effectiveSecurityField(w, c, 'runAsNonRoot')?.value === true) return true;
  // No user in the manifest: the image config's User applies (--inspect-images). Only a numeric
  // non-root uid counts: a name is resolved by the image's /etc/passwd, which could map it to 0.
  if (config === undefined) return false;
  const u = imageUser(config.user);
  return u.kind === 'non-root' && u.uid !== undefined;
}
