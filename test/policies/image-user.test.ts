/**
 * The image config's User (--inspect-images) decides whether run-as-non-root and
 * drop-all-capabilities may fix, rather than suggest.
 */
import dropAll from '../../policies/drop-all-capabilities.js';
import runAsNonRoot from '../../policies/run-as-non-root.js';
import { run, type AnyPolicy, type Finding } from '../../src/engine/index.js';
import { imageUser, type InspectedImageConfig } from '../../src/k8s/index.js';

const config = (user: string | undefined): InspectedImageConfig => ({
  volumes: [],
  user,
  workingDir: undefined,
  env: {},
  labels: {},
  configDigest: `sha256:${'d'.repeat(64)}`,
});

describe('imageUser (OCI config.md User forms)', () => {
  it.each([
    [undefined, 'root', undefined, undefined],
    ['', 'root', undefined, undefined],
    ['0', 'root', 0, undefined],
    ['0:0', 'root', 0, undefined],
    ['root', 'root', 0, 'root'],
    ['root:wheel', 'root', 0, 'root'],
    ['1000', 'non-root', 1000, undefined],
    ['65532:65532', 'non-root', 65532, undefined],
    ['101:root', 'non-root', 101, undefined],
    ['app', 'non-root', undefined, 'app'],
    ['nobody:nogroup', 'non-root', undefined, 'nobody'],
  ])('%j is %s', (user, kind, uid, name) => {
    expect(imageUser(user)).toEqual({ kind, uid, name });
  });
});

const IMAGE = 'ghcr.io/acme/app:1';
const pod = (sc = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: ${IMAGE}\n${sc}`;

function scan(policy: AnyPolicy, text: string, user?: string | null) {
  const configs = user === null ? new Map<string, InspectedImageConfig>() : new Map([[IMAGE, config(user)]]);
  const r = run([{ path: 'p.yaml', text }], [policy], { images: { configs } });
  return { finding: r.findings[0] as Finding | undefined, fixed: r.files[0]!.fixedText };
}

describe('run-as-non-root with the image config', () => {
  it('a numeric non-root User: runAsNonRoot: true is a fix (the user is kept, the kubelet verifies it)', () => {
    const { finding, fixed } = scan(runAsNonRoot, pod(), '1000');
    expect(finding?.message).toContain('Its image config runs it as uid 1000');
    expect(finding?.fixId).toBeDefined();
    expect(fixed).toContain('  securityContext:\n    runAsNonRoot: true\n');
    // The alternative that forces another uid stays a suggestion; runAsNonRoot is not offered twice.
    expect(finding?.suggestions.map((s) => s.message)).toEqual([expect.stringContaining('Set runAsUser: 10001')]);
  });

  it('User root: no fix, and the message says runAsNonRoot alone would stop it from starting', () => {
    const { finding, fixed } = scan(runAsNonRoot, pod(), '0');
    expect(finding?.fixId).toBeUndefined();
    expect(fixed).toBeUndefined();
    expect(finding?.message).toContain('as root (User unset or 0): runAsNonRoot: true alone would stop it from starting');
  });

  it('a named User: no fix, the kubelet cannot verify a name', () => {
    const { finding } = scan(runAsNonRoot, pod(), 'app');
    expect(finding?.fixId).toBeUndefined();
    expect(finding?.message).toContain('names the user "app", not a uid');
  });

  it('no config read: the message is the same as before, suggestions only', () => {
    const { finding } = scan(runAsNonRoot, pod(), null);
    expect(finding?.fixId).toBeUndefined();
    expect(finding?.message).toMatch(/often root, and root can change every file of the container\. Set it once in the pod-level securityContext\.$/);
    expect(finding?.suggestions.every((s) => s.kind === 'behaviour')).toBe(true);
  });

  it('an explicit runAsNonRoot: false is never fixed, whatever the image', () => {
    const { finding } = scan(runAsNonRoot, pod('    securityContext:\n      runAsNonRoot: false\n'), '1000');
    expect(finding?.messageId).toBe('rootAllowed');
    expect(finding?.fixId).toBeUndefined();
  });
});

describe('drop-all-capabilities with the image config', () => {
  it('a numeric non-root image user makes drop ALL a fix; a user name does not (it could map to uid 0)', () => {
    const { finding, fixed } = scan(dropAll, pod(), '1000');
    expect(finding?.fixId).toBeDefined();
    expect(fixed).toContain('drop:\n        - ALL');
    expect(scan(dropAll, pod(), 'app').finding?.fixId).toBeUndefined();
  });

  it('a root image user keeps it a behaviour-change suggestion', () => {
    const { finding, fixed } = scan(dropAll, pod(), undefined);
    expect(finding?.fixId).toBeUndefined();
    expect(fixed).toBeUndefined();
    expect(finding?.suggestions[0]?.kind).toBe('behaviour');
  });

  it('runAsUser: 0 in the manifest wins over a non-root image user', () => {
    const { finding } = scan(dropAll, pod('    securityContext:\n      runAsUser: 0\n'), '1000');
    expect(finding?.fixId).toBeUndefined();
  });
});
