import { containerLabel, definePolicy, forEachContainer, type WritablePath } from '../src/api/policy.js';
import { missingMounts, mountFixOps } from './lib/writable-mounts.js';

/**
 * What a declared `VOLUME` becomes under a read-only root filesystem, by runtime (the sources are
 * cited in policies/writable-paths-mounted.md): containerd's CRI mounts a writable anonymous volume
 * there unless `ignore_image_defined_volumes` is set; CRI-O's default (`image_volumes = "mkdir"`)
 * only creates the folder in the root filesystem, which stays read-only.
 */
const RUNTIME_VOLUME =
  'whether it is writable depends on the container runtime: containerd (by default) mounts a writable anonymous volume there, which Kubernetes does not manage (no size limit, not shown in the pod) and whose data is lost whenever the container restarts; CRI-O (by default) only creates the folder, which stays read-only, so writes fail';

/**
 * A container whose root filesystem is already read-only mounts a writable volume on every
 * path its (known) image writes to; otherwise the application fails at start (the nginx case
 * of examples/seeds/nginx-pod-readonly.yaml: `/var/cache/nginx` and `/var/run`). Unknown images are not reported: only
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
      notMountedVolume:
        '{{container}} has a read-only root filesystem but {{image}} writes to {{paths}}, which is not mounted: the image declares it a VOLUME, so ' +
        RUNTIME_VOLUME +
        '. Mount it explicitly. {{mounts}}',
    },
    remediation: 'Mount an emptyDir volume (or a PersistentVolumeClaim for data) on each path the image writes, so the root filesystem can stay read-only.',
  },
  check(context) {
    forEachContainer(
      context,
      (c, w) => {
        const field = c.securityContext?.get('readOnlyRootFilesystem');
        if (field?.value !== true) return;
        const configs = context.images.configs;
        const missing = missingMounts(w, c, configs);
        const all = [...missing.blocked, ...missing.typos.map((t) => t.path), ...missing.hiding.map((h) => h.path), ...missing.paths];
        if (missing.guess || all.length === 0) return;
        // A declared VOLUME that Kubernetes does not mount is up to the runtime (RUNTIME_VOLUME); one
        // mounted read-only at that very path (blocked) is not: the mount replaces the image's volume.
        const runtimeDependent = (p: WritablePath) => p.declaredVolume === true && !missing.blocked.includes(p);
        const failing = all.filter((p) => !runtimeDependent(p));
        const volumes = all.filter(runtimeDependent);
        const image = missing.image ?? 'the image';
        const volumeNote =
          failing.length > 0 && volumes.length > 0
            ? `${volumes.map((p) => p.path).join(', ')} ${volumes.length === 1 ? 'is' : 'are'} not mounted either, but ${image} declares ${volumes.length === 1 ? 'it a VOLUME' : 'them VOLUMEs'}: ${RUNTIME_VOLUME}. `
            : '';
        context.report({
          messageId: failing.length > 0 ? 'notMounted' : 'notMountedVolume',
          data: {
            container: containerLabel(c),
            image,
            paths: (failing.length > 0 ? failing : volumes).map((p) => p.path).join(', '),
            mounts: volumeNote + missing.explanation,
          },
          node: c.node.get('volumeMounts') ?? field,
          key: true,
          container: c,
          detail: all.map((p) => p.path).join(','),
          fix: missing.paths.length + missing.typos.length > 0 ? (fixer) => mountFixOps(fixer, w, c, missing, configs) : undefined,
          // An emptyDir over a VOLUME only the image config declares may hide files of the image.
          fixKind: missing.unverified.length > 0 ? 'guess' : 'safe',
        });
      },
      { skip: 'windows' },
    );
  },
});
