import exemption from '../policies/exemption.js';
import immutableConfigmapSecret from '../policies/immutable-configmap-secret.js';
import noPrivilegeEscalation from '../policies/no-privilege-escalation.js';
import noPrivilegedContainer from '../policies/no-privileged-container.js';
import readOnlyRootFilesystem from '../policies/read-only-root-filesystem.js';
import validManifest from '../policies/valid-manifest.js';
import writablePathsMounted from '../policies/writable-paths-mounted.js';
import type { AnyPolicy } from '../src/engine/index.js';

/**
 * The seed policies (the first bundle) and the exemption check: a fixed set for tests of the
 * reporting and review mechanics, whose expected outputs must not change whenever a policy is
 * added to the bundle. Each policy has its own table tests.
 */
export const seedPolicies: readonly AnyPolicy[] = [
  readOnlyRootFilesystem,
  writablePathsMounted,
  noPrivilegedContainer,
  noPrivilegeEscalation,
  immutableConfigmapSecret,
  validManifest,
  exemption,
];
