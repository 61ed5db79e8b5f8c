/**
 * A VOLUME the inspected image config declares, which the table's entry does not list, may hold
 * files of the image (a Dockerfile that COPYs the site and then declares `VOLUME` on it):
 * containerd fills the image's volume with them, an emptyDir starts empty. The config says
 * nothing about what the image put there, so a fix mounting an emptyDir there is a guess, never
 * a safe fix applied by default — though the image is otherwise a known one.
 */
import rofs from '../../policies/read-only-root-filesystem.js';
import wpm from '../../policies/writable-paths-mounted.js';
import { run, type Finding } from '../../src/engine/index.js';
import type { InspectedImageConfig } from '../../src/k8s/index.js';

const IMAGE = 'ghcr.io/acme/site:1';
/** An image built FROM nginx (its inherited ENV), whose web root is a VOLUME. */
const SITE: InspectedImageConfig = {
  volumes: ['/usr/share/nginx/html'],
  user: undefined,
  workingDir: undefined,
  env: { NGINX_VERSION: '1.27.4', NJS_VERSION: '0.8.9', PKG_RELEASE: '1~bookworm' },
  labels: {},
  configDigest: `sha256:${'c'.repeat(64)}`,
};
const pod = (sc = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: web\n    image: ${IMAGE}\n${sc}`;

function scan(policy: typeof rofs | typeof wpm, text: string) {
  const r = run([{ path: 'p.yaml', text }], [policy], { images: { configs: new Map([[IMAGE, SITE]]) } });
  return { finding: r.findings[0] as Finding, fixed: r.files[0]!.fixedText };
}

describe('a config VOLUME the table does not list (content unknown)', () => {
  it('read-only-root-filesystem: the image is still taken for nginx, but the fix is a guess, not applied', () => {
    const { finding, fixed } = scan(rofs, pod());
    expect(finding.message).toContain('is taken for nginx');
    expect(finding.fixId).toBeUndefined();
    expect(fixed).toBeUndefined();
    const held = finding.suggestions.find((s) => s.reason !== undefined)!;
    expect(held.kind).toBe('guess');
    expect(held.edits.map((e) => e.text).join('')).toContain('mountPath: /usr/share/nginx/html');
    expect(finding.message).toContain('an emptyDir starts empty');
  });

  it('writable-paths-mounted: still reported, the fix a guess', () => {
    const { finding, fixed } = scan(wpm, pod('    securityContext:\n      readOnlyRootFilesystem: true\n'));
    expect(finding.message).toContain('/var/cache/nginx');
    expect(fixed).toBeUndefined();
    expect(finding.suggestions.find((s) => s.reason !== undefined)?.kind).toBe('guess');
  });
});
