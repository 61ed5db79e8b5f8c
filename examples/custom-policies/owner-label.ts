import { definePolicy, manifestLabel, type YNode } from 'kube-immutable/policy';
import { labelOf } from './lib/labels.js';

/** Options of owner-label. */
export interface OwnerLabelOptions {
  /** The label that names the owning team. */
  labelKey: string;
}

/**
 * Workloads carry an owner label on the object and on its pod template, so that whoever finds a
 * drifted or misbehaving pod (the pod has only the template's labels) knows whom to ask. No fix:
 * only the author knows the owner, so the finding says what to add.
 */
export default definePolicy<OwnerLabelOptions>({
  id: 'owner-label',
  meta: {
    description: 'Workloads carry an owner label on the object and on the pod template.',
    category: 'hardening',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      missingObject: '{{object}} has no "{{key}}" label: add metadata.labels["{{key}}"] naming the team that owns it.',
      missingTemplate:
        'The pod template of {{object}} has no "{{key}}" label, so its pods do not say who owns them: add it to the template\'s metadata.labels.',
      mismatch: 'The pod template of {{object}} labels its pods "{{key}}: {{template}}", but the object says "{{key}}: {{owner}}": use one owner.',
    },
    remediation: 'Add the owner label (by default "owner") to metadata.labels of the workload and of its pod template, with the same value.',
    docsUrl: 'https://github.com/kube-immutable/kube-immutable/tree/main/examples/custom-policies#owner-label',
    optionsSchema: {
      type: 'object',
      properties: { labelKey: { type: 'string', minLength: 1 } },
      additionalProperties: false,
    },
    defaultOptions: { labelKey: 'owner' },
  },
  check(context) {
    const w = context.workload;
    if (!w) return;
    const key = context.options.labelKey;
    const m = context.manifest;
    const object = manifestLabel(m);
    const metadata = m.node.get('metadata');
    const owner = labelOf(metadata, key);
    if (!owner.value) {
      context.report({
        messageId: 'missingObject',
        data: { object, key },
        node: at(owner.node ?? owner.labels ?? metadata, m.node),
        key: true,
        detail: 'object',
      });
    }
    // A Pod is its own template.
    if (m.kind === 'Pod') return;
    const templateMetadata = w.podMetadata;
    const template = labelOf(templateMetadata, key);
    if (!template.value) {
      const templateNode = m.node.at(w.kind.podSpecPath.slice(0, -1));
      context.report({
        messageId: 'missingTemplate',
        data: { object, key },
        node: at(template.labels ?? templateMetadata ?? templateNode, m.node),
        key: true,
        detail: 'template',
      });
    } else if (owner.value && template.value !== owner.value) {
      context.report({ messageId: 'mismatch', data: { object, key, owner: owner.value, template: template.value }, node: template.node!, detail: 'mismatch' });
    }
  },
});

/** The node to point at, or the object's root. */
function at(node: YNode | undefined, root: YNode): YNode {
  return node ?? root;
}
