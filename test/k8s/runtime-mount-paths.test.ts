/**
 * A path the runtime or the kubelet mounts itself (/proc, /sys, /dev and below, /etc/hosts,
 * /etc/resolv.conf, the service account token) is never a fix's emptyDir mount, wherever it comes
 * from: the manifest's TMPDIR (TMPDIR=/dev/shm is common) or the image config. An emptyDir there
 * hides device nodes or the token, or is refused by runc (/proc); /dev/shm is writable already.
 */
import rofs from '../../policies/read-only-root-filesystem.js';
import { run } from '../../src/engine/index.js';
import { mountablePath, type InspectedImageConfig } from '../../src/k8s/index.js';

const RUNTIME = [
  '/proc',
  '/proc/self',
  '/sys',
  '/dev',
  '/dev/shm',
  '/etc/hosts',
  '/etc/resolv.conf',
  '/etc/hostname',
  '/var/run/secrets/kubernetes.io/serviceaccount',
  '/run/secrets/kubernetes.io/serviceaccount',
];

describe('mountablePath refuses what the runtime mounts', () => {
  it.each(RUNTIME)('%s', (p) => expect(mountablePath(p)).toBeUndefined());
  it.each(['/devices', '/process', '/etc/hosts.d', '/var/run/secrets/app', '/system'])('%s is fine', (p) => expect(mountablePath(p)).toBe(p));
});

describe('no fix mounts an emptyDir there', () => {
  it.each(RUNTIME)("postgres:17 with the manifest's TMPDIR=%s: the safe fix has no mount there", (p) => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: db\n    image: postgres:17\n    env:\n    - name: TMPDIR\n      value: ${p}\n`;
    const fixed = run([{ path: 'p.yaml', text }], [rofs]).files[0]!.fixedText!;
    expect(fixed).toContain('readOnlyRootFilesystem: true');
    expect(fixed).not.toContain(`mountPath: ${p}\n`);
  });

  it.each(RUNTIME)('an image config VOLUME or TMPDIR %s: not in the guess either', (p) => {
    const image = 'ghcr.io/acme/app:1';
    const config: InspectedImageConfig = {
      volumes: [p],
      user: undefined,
      workingDir: undefined,
      env: { TMPDIR: p },
      labels: {},
      configDigest: `sha256:${'c'.repeat(64)}`,
    };
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: ${image}\n`;
    const r = run([{ path: 'p.yaml', text }], [rofs], { images: { configs: new Map([[image, config]]) }, applyFixes: { guesses: true } });
    expect(r.files[0]!.fixedText).toContain('mountPath: /tmp\n');
    expect(r.files[0]!.fixedText).not.toContain(`mountPath: ${p}\n`);
  });
});
