import type { AnyPolicy } from '../src/api/policy.js';
import dropAllCapabilities from './drop-all-capabilities.js';
import exemption from './exemption.js';
import fileNotScanned from './file-not-scanned.js';
import imageDigest from './image-digest.js';
import immutableConfigmapSecret from './immutable-configmap-secret.js';
import noExecAccess from './no-exec-access.js';
import noHostNamespaces from './no-host-namespaces.js';
import noPrivilegeEscalation from './no-privilege-escalation.js';
import noPrivilegedContainer from './no-privileged-container.js';
import noRuntimeMutation from './no-runtime-mutation.js';
import noWritableHostPath from './no-writable-host-path.js';
import readOnlyRootFilesystem from './read-only-root-filesystem.js';
import runAsNonRoot from './run-as-non-root.js';
import seccompRuntimeDefault from './seccomp-runtime-default.js';
import validManifest from './valid-manifest.js';
import writablePathsMounted from './writable-paths-mounted.js';

/** The built-in policy bundle, in documentation order. */
export const builtinPolicies: readonly AnyPolicy[] = [
  readOnlyRootFilesystem,
  writablePathsMounted,
  noPrivilegedContainer,
  noPrivilegeEscalation,
  noRuntimeMutation,
  noWritableHostPath,
  noExecAccess,
  immutableConfigmapSecret,
  imageDigest,
  runAsNonRoot,
  dropAllCapabilities,
  seccompRuntimeDefault,
  noHostNamespaces,
  validManifest,
  fileNotScanned,
  exemption,
];
