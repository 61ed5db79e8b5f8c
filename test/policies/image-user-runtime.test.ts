/**
 * The image config's User as the container runtime reads it (containerd/CRI-O getUserFromImage:
 * strconv.ParseInt of the part before ':', no trimming): a value the runtime takes as a user
 * name must never make runAsNonRoot: true a "safe" fix, since the kubelet then refuses to start
 * the container ("image has non-numeric user"). A registry-given name is clipped in messages.
 */
import runAsNonRoot from '../../policies/run-as-non-root.js';
import { run, type Finding } from '../../src/engine/index.js';
import { imageUser, type InspectedImageConfig } from '../../src/k8s/index.js';

const IMAGE = 'ghcr.io/acme/app:1';
const POD = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: ${IMAGE}\n`;
const config = (user: string): InspectedImageConfig => ({
  volumes: [],
  user,
  workingDir: undefined,
  env: {},
  labels: {},
  configDigest: `sha256:${'d'.repeat(64)}`,
});
const scan = (user: string) =>
  run([{ path: 'p.yaml', text: POD }], [runAsNonRoot], { images: { configs: new Map([[IMAGE, config(user)]]) } }).findings[0] as Finding;

describe('imageUser reads User as the runtime does', () => {
  it.each([' 1000', '1000 ', '\t1000:1000', '4294967296', '99999999999999999999'])('%j is not a uid', (user) => {
    expect(imageUser(user).uid).toBeUndefined();
  });
  it.each([
    ['2147483647', 2147483647],
    ['01000', 1000],
  ])('%j is the uid %d', (user, uid) => {
    expect(imageUser(user)).toEqual({ kind: 'non-root', uid, name: undefined });
  });
});

describe('run-as-non-root: a User the kubelet cannot verify is never a safe fix', () => {
  it.each([' 1000', '1000 ', '4294967296'])('%j: no fix', (user) => {
    const f = scan(user);
    expect(f.fixId).toBeUndefined();
    expect(f.message).not.toContain('runAsNonRoot: true keeps that user');
  });

  it('a 5,000-character user name is clipped in the message', () => {
    const f = scan('a'.repeat(5000));
    expect(f.message).toContain(`"${'a'.repeat(100)}…"`);
    expect(f.message.length).toBeLessThan(1000);
  });
});
