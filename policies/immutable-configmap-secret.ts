import { apiGroup, definePolicy } from '../src/api/policy.js';

/** Secret types whose data a controller writes after creation: immutable would break them. */
const CONTROLLER_FILLED_SECRET_TYPES = new Set(['kubernetes.io/service-account-token']);

/**
 * ConfigMaps and Secrets set `immutable: true` (stable since Kubernetes 1.21): configuration is
 * changed by creating a new object and rolling the workload, never by editing it in place.
 */
export default definePolicy({
  id: 'immutable-configmap-secret',
  meta: {
    description: 'ConfigMaps and Secrets set immutable: true.',
    category: 'immutability',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      missing:
        '{{kind}} "{{name}}" is not immutable: editing it in place changes running pods\' configuration without a rollout (configuration drift). Set immutable: true and ship a change as a new {{kind}} (e.g. a name with a content hash, as kustomize\'s {{generator}} makes) with a new rollout.',
      disabled: '{{kind}} "{{name}}" sets immutable: false: editing it in place changes running pods\' configuration without a rollout (configuration drift).',
    },
    remediation:
      'Set immutable: true. To change the configuration, create a new ConfigMap or Secret (kustomize configMapGenerator/secretGenerator add a content hash to the name) and roll the workload that uses it.',
  },
  check(context) {
    const m = context.manifest;
    if (apiGroup(m.apiVersion) !== '' || (m.kind !== 'ConfigMap' && m.kind !== 'Secret')) return;
    if (m.kind === 'Secret' && CONTROLLER_FILLED_SECRET_TYPES.has(String(m.data.type))) return;
    const field = m.node.get('immutable');
    if (field?.value === true) return;
    context.report({
      messageId: field ? 'disabled' : 'missing',
      data: { kind: m.kind, name: m.name || '(unnamed)', generator: m.kind === 'ConfigMap' ? 'configMapGenerator' : 'secretGenerator' },
      node: field ?? m.node.get('kind') ?? m.node,
      key: true,
      fix: (fixer) => [fixer.set(m.node, ['immutable'], true)],
      fixKind: 'behaviour',
    });
  },
});
