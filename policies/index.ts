import type { Policy } from '../src/engine/index.js';
import exemption from './exemption.js';
import immutableConfigmapSecret from './immutable-configmap-secret.js';
import noPrivilegeEscalation from './no-privilege-escalation.js';
import noPrivilegedContainer from './no-privileged-container.js';
import readOnlyRootFilesystem from './read-only-root-filesystem.js';
import validManifest from './valid-manifest.js';
import writablePathsMounted from './writable-paths-mounted.js';

/** The built-in policy bundle, in documentation order. */
export const builtinPolicies: readonly Policy<any>[] = [
  readOnlyRootFilesystem,
  writablePathsMounted,
  noPrivilegedContainer,
  noPrivilegeEscalation,
  immutableConfigmapSecret,
  validManifest,
  exemption,
];
