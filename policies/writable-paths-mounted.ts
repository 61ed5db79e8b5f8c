import { containerLabel, definePolicy, forEachContainer } from '../src/api/policy.js';
import { missingMounts, mountFixOps } from './lib/writable-mounts.js';

/**
 * A container whose root filesystem is already read-only mounts a writable volume on every
 * path its (known) image writes to; otherwise the application fails at start (the seeds'
 * nginx case: `/var/cache/nginx` and `/var/run`). Unknown images are not reported: only
 * `read-only-root-filesystem` guesses `/tmp`.
 */
export default definePolicy({
  id: 'writable-paths-mounted',
  meta: {
    description: 'Containers with a read-only root filesystem mount writable emptyDir volumes where their image writes.',
    category: 'immutability',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      notMounted:
        '{{container}} has a read-only root filesystem but {{image}} writes to {{paths}}, which is not mounted writable: the application fails when it writes there. {{mounts}}',
    },
    remediation:
      'Mount an emptyDir volume (or a PersistentVolumeClaim for data) on each path the image writes, so the root filesystem can stay read-only.',
  },
  check(context) {
    forEachContainer(context, (c, w) => {
      const field = c.securityContext?.get('readOnlyRootFilesystem');
      if (field?.value !== true) return;
      const missing = missingMounts(w, c);
      const all = [...missing.blocked, ...missing.typos.map((t) => t.path), ...missing.paths];
      if (missing.guess || all.length === 0) return;
      context.report({
        messageId: 'notMounted',
        data: {
          container: containerLabel(c),
          image: missing.image ?? 'the image',
          paths: all.map((p) => p.path).join(', '),
          mounts: missing.explanation,
        },
        node: c.node.get('volumeMounts') ?? field,
        key: true,
        container: c,
        detail: all.map((p) => p.path).join(','),
        fix: missing.paths.length + missing.typos.length > 0 ? (fixer) => mountFixOps(fixer, w, c, missing) : undefined,
      });
    }, { skip: 'windows' });
  },
});
