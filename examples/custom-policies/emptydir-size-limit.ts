import { definePolicy, type YNode } from 'kube-immutable/policy';
import { isQuantity } from './lib/quantity.js';

/** Options of emptydir-size-limit. */
export interface EmptyDirSizeLimitOptions {
  /** The sizeLimit the fix sets (a Kubernetes quantity such as 256Mi). */
  defaultSizeLimit: string;
}

/**
 * Every `emptyDir` volume sets `sizeLimit`. A read-only root filesystem moves the application's
 * writes to emptyDir volumes; without a limit a runaway log or cache fills the node's disk (or,
 * with `medium: Memory`, its memory) and evicts other pods. With a limit, the kubelet evicts only
 * the pod that exceeds it.
 */
export default definePolicy<EmptyDirSizeLimitOptions>({
  id: 'emptydir-size-limit',
  meta: {
    description: 'emptyDir volumes set sizeLimit, so a writable scratch volume cannot fill the node.',
    category: 'hardening',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      missing:
        'emptyDir volume "{{volume}}" has no sizeLimit: whatever the pod writes there can fill the node\'s {{storage}} and evict other pods. The fix sets sizeLimit: {{limit}}.',
      invalid: 'emptyDir volume "{{volume}}" sets sizeLimit: {{value}}, which is not a Kubernetes quantity (for example 256Mi or 1Gi).',
    },
    remediation:
      'Set emptyDir.sizeLimit on every emptyDir volume to what the application needs (with medium: Memory it counts against the container memory limit). Use a PersistentVolumeClaim for data that must grow.',
    docsUrl: 'https://github.com/kube-immutable/kube-immutable/tree/main/examples/custom-policies#emptydir-size-limit',
    optionsSchema: {
      type: 'object',
      properties: { defaultSizeLimit: { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|k|M|G|T)?$' } },
      additionalProperties: false,
    },
    defaultOptions: { defaultSizeLimit: '256Mi' },
  },
  check(context) {
    const w = context.workload;
    if (!w) return;
    const limit = context.options.defaultSizeLimit;
    if (!isQuantity(limit)) throw new TypeError(`option defaultSizeLimit must be a quantity such as 256Mi, got ${JSON.stringify(limit)}`);
    for (const volume of w.podSpec.get('volumes')?.items() ?? []) {
      const emptyDir = volume.get('emptyDir');
      if (!emptyDir) continue;
      const name = String(volume.get('name')?.value ?? '(unnamed)');
      const sizeLimit = emptyDir.get('sizeLimit');
      if (sizeLimit && sizeLimit.value !== null) {
        if (!isQuantity(sizeLimit.value)) {
          context.report({ messageId: 'invalid', data: { volume: name, value: JSON.stringify(sizeLimit.value) }, node: sizeLimit, detail: name });
        }
        continue;
      }
      context.report({
        messageId: 'missing',
        data: { volume: name, limit, storage: storageOf(emptyDir) },
        node: sizeLimit ?? emptyDir,
        key: true,
        detail: name,
        fix: (fixer) => [fixer.set(volume, ['emptyDir', 'sizeLimit'], limit)],
      });
    }
  },
});

/** What an emptyDir fills: the node's disk, or with `medium: Memory` its memory. */
function storageOf(emptyDir: YNode): string {
  return emptyDir.get('medium')?.value === 'Memory' ? 'memory (medium: Memory)' : 'disk';
}
