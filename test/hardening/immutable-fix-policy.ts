import { definePolicy } from '../../src/engine/index.js';

/**
 * Test policy `test-immutable-fix` (warning): reports each core ConfigMap and Secret without
 * `immutable: true`, with a fix that sets it. The built-in immutable-configmap-secret only
 * suggests that edit (a fixed name breaks the next apply, issue #15), so the hardening tests that
 * need many cheap object-level fixes to verify (document limits, 5,000 documents, odd YAML) run
 * this one next to the built-in policies.
 */
export const immutableFixPolicy = definePolicy({
  id: 'test-immutable-fix',
  meta: {
    description: 'Test: ConfigMaps and Secrets get immutable: true as a fix.',
    category: 'immutability',
    defaultSeverity: 'warning',
    fixable: true,
    messages: { mutable: '{{kind}} "{{name}}" is not immutable' },
    remediation: 'Set immutable: true.',
    docsUrl: 'https://example.test/test-immutable-fix',
  },
  check({ manifest: m, report }) {
    if (m.apiVersion !== 'v1' || (m.kind !== 'ConfigMap' && m.kind !== 'Secret') || m.node.get('immutable')?.value === true) return;
    report({ messageId: 'mutable', data: { kind: m.kind, name: m.name }, node: m.node.get('kind') ?? m.node, key: true, fix: (fixer) => [fixer.set(m.node, ['immutable'], true)] });
  },
});
