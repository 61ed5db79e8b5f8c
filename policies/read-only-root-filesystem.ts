import { containerLabel, definePolicy, forEachContainer } from '../src/api/policy.js';
import { missingMounts, mountFixOps } from './lib/writable-mounts.js';

/**
 * Every container, init container and ephemeral container sets
 * `securityContext.readOnlyRootFilesystem: true` (Kubernetes API reference, SecurityContext; the
 * field exists only on the container securityContext). Windows pods are skipped: the field is
 * not supported there.
 */
export default definePolicy({
  id: 'read-only-root-filesystem',
  meta: {
    description: 'Containers run with a read-only root filesystem, with emptyDir volumes where the image must write.',
    category: 'immutability',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      missing:
        '{{container}} does not set securityContext.readOnlyRootFilesystem: true, so its files can be changed at runtime (kubectl cp, kubectl exec). {{mounts}}',
      disabled: '{{container}} sets readOnlyRootFilesystem: false, so its files can be changed at runtime (kubectl cp, kubectl exec). {{mounts}}',
      guessedFix: 'Set readOnlyRootFilesystem: true{{guessedMounts}}: a guess, since {{unknownImage}}; check which paths it writes before applying it.',
      volumeFix:
        'Set readOnlyRootFilesystem: true{{guessedMounts}}: a guess, since an emptyDir starts empty and the image config declares {{volumes}} a VOLUME without saying what the image holds there; check that the image puts no files there before applying it.',
      caveatFix:
        'Set readOnlyRootFilesystem: true{{guessedMounts}}: a guess, since {{image}} may write into its own files depending on settings the manifest does not show plainly; check before applying it.',
      podLevel:
        "readOnlyRootFilesystem in the pod-level securityContext does nothing (it is not a PodSecurityContext field): set it in each container's securityContext.",
    },
    remediation:
      'Set securityContext.readOnlyRootFilesystem: true on every container and mount emptyDir volumes on the paths the application writes (caches, PID files, /tmp). To change the software, build a new image and redeploy it.',
    peers: {
      'kube-linter': 'no-read-only-root-fs',
      polaris: 'notReadOnlyRootFilesystem',
      checkov: 'CKV_K8S_22',
      trivy: 'KSV-0014',
      'kube-score': 'container-security-context-readonlyrootfilesystem',
    },
  },
  check(context) {
    const pod = context.workload;
    if (pod && !pod.isWindows) {
      const podLevel = pod.podSpec.get('securityContext')?.get('readOnlyRootFilesystem');
      if (podLevel) context.report({ messageId: 'podLevel', node: podLevel, key: true });
    }
    forEachContainer(
      context,
      (c, w) => {
        const field = c.securityContext?.get('readOnlyRootFilesystem');
        if (field?.value === true) return;
        const configs = context.images.configs;
        const missing = missingMounts(w, c, configs);
        const guessed = missing.paths.map((p) => p.path).join(', ');
        context.report({
          messageId: field ? 'disabled' : 'missing',
          data: {
            container: containerLabel(c),
            mounts: missing.explanation,
            image: missing.image !== undefined ? missing.image : c.image ? `"${c.image}"` : '(none)',
            guessedMounts: guessed ? ` and mount an emptyDir at ${guessed}` : '',
            unknownImage: missing.whyGuess,
            volumes: missing.unverified.map((p) => p.path).join(', '),
          },
          node: field ?? c.securityContext ?? c.node,
          key: Boolean(field ?? c.securityContext),
          container: c,
          // A folder to mount that holds a file the manifest names (read-only breaks the writes, a mount
          // hides the file), or a caveat of the image that breaks it read-only: no fix.
          fix:
            missing.hiding.length > 0 || missing.breaks.some((b) => b.applies === 'yes')
              ? undefined
              : (fixer) => [fixer.set(c.node, ['securityContext', 'readOnlyRootFilesystem'], true), ...mountFixOps(fixer, w, c, missing, configs)],
          // An image not in the table: the paths it writes (`/tmp`) are a guess, so is the fix; so is
          // an emptyDir over a VOLUME only the config declares (it may hold files of the image).
          fixKind: missing.guess || missing.unverified.length > 0 ? 'guess' : 'safe',
          fixMessageId: missing.image === undefined ? 'guessedFix' : missing.guess ? 'caveatFix' : 'volumeFix',
        });
      },
      { skip: 'windows' },
    );
  },
});
