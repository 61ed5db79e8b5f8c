import { apiGroup, definePolicy, type YNode } from '../src/api/policy.js';

/**
 * The pod subresources that let a subject change a running container, with the verbs that
 * reach them. `kubectl exec`/`attach` POST over SPDY (verb `create`); WebSocket clients (client
 * libraries, and kubectl since it switched to WebSockets) open them with a GET, which the API server
 * authorizes as `get`. `kubectl debug` adds an ephemeral container with `patch` (`update` works too).
 */
const SUBRESOURCES: readonly { resource: string; sub: string; verbs: readonly string[] }[] = [
  { resource: 'pods/exec', sub: 'exec', verbs: ['create', 'get'] },
  { resource: 'pods/attach', sub: 'attach', verbs: ['create', 'get'] },
  { resource: 'pods/ephemeralcontainers', sub: 'ephemeralcontainers', verbs: ['update', 'patch'] },
  // The kubelet API (its /exec, /run and /attach endpoints) through the API server's node proxy.
  // `get` is left out on purpose: metrics scrapers need it (see the doc page).
  { resource: 'nodes/proxy', sub: 'proxy', verbs: ['create'] },
];

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * True when a rule's resource entry covers `resource` (`pods/exec`) with subresource `sub`: the
 * RBAC authorizer matches `*`, the exact `resource/subresource`, and `* /subresource` (without the
 * space) — nothing else (`pods/*` matches only a subresource literally named `*`).
 * Source: kubernetes pkg/apis/rbac/v1/evaluation_helpers.go, ResourceMatches.
 */
function resourceMatches(entry: string, resource: string, sub: string): boolean {
  return entry === '*' || entry === resource || entry === `*/${sub}`;
}

/**
 * Roles and ClusterRoles do not grant `create`/`get` on `pods/exec` or `pods/attach`, or
 * `update`/`patch` on `pods/ephemeralcontainers`, or `create` on `nodes/proxy`, in the core API
 * group: each lets a subject run commands in (or add a container to) a running pod and change it.
 */
export default definePolicy({
  id: 'no-exec-access',
  meta: {
    description: 'Roles and ClusterRoles do not grant pods/exec, pods/attach, pods/ephemeralcontainers or create on nodes/proxy.',
    category: 'immutability',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      grant:
        '{{role}} lets its subjects change running containers: this rule grants {{grants}}. A shell in a running container (kubectl exec, attach, debug, or the kubelet exec endpoint through nodes/proxy) can change files, install packages and restore removed binaries — the runtime changes immutable containers rule out. Remove these permissions; keep them only in a break-glass role that is bound when needed.',
    },
    remediation:
      'Remove pods/exec, pods/attach, pods/ephemeralcontainers and create on nodes/proxy (and the wildcards `*` that include them) from the rules. To change a container, build a new image and redeploy it; for emergencies, keep a separate break-glass role bound only while it is needed.',
    peers: { polaris: 'clusterrolePodExecAttach, rolePodExecAttach', checkov: 'CKV2_K8S_2', trivy: 'KSV-0053, KSV-0054' },
  },
  check(context) {
    const m = context.manifest;
    if (apiGroup(m.apiVersion) !== 'rbac.authorization.k8s.io' || (m.kind !== 'Role' && m.kind !== 'ClusterRole')) return;
    const rules = m.node.get('rules');
    if (!rules || rules.kind !== 'seq') return; // aggregated ClusterRoles without rules: the controller fills them
    const role = `${m.kind} "${m.name || '(unnamed)'}"`;
    rules.items().forEach((rule, index) => {
      if (rule.kind !== 'map') return;
      const groups = strings(rule.get('apiGroups')?.value);
      if (!groups.includes('') && !groups.includes('*')) return;
      const verbs = strings(rule.get('verbs')?.value);
      const resourceItems = rule.get('resources')?.items() ?? [];
      const grants: string[] = [];
      let at: YNode | undefined;
      for (const s of SUBRESOURCES) {
        const granted = verbs.includes('*') ? s.verbs : s.verbs.filter((v) => verbs.includes(v));
        if (granted.length === 0) continue;
        const item = resourceItems.find((r) => typeof r.value === 'string' && resourceMatches(r.value, s.resource, s.sub));
        if (!item) continue;
        const via = item.value === s.resource ? '' : ` via "${String(item.value)}"`;
        grants.push(`${granted.join('/')} on ${s.resource}${via}`);
        at ??= item;
      }
      if (grants.length === 0) return;
      context.report({ messageId: 'grant', data: { role, grants: grants.join(', ') }, node: at ?? rule, detail: `rule ${index}` });
    });
  },
});
