import { cli, tempTree } from './helpers.js';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: node-shell
  annotations:
    ignore.kube-immutable.io/all: "debug shell for the on-call team"
spec:
  hostPID: true
  containers:
  - name: shell
    image: busybox:1.36
    securityContext:
      privileged: true
`;

describe('the CLI says which exemption mode it applied', () => {
  it('base-only (the default) has no base commit in the CLI: the annotation is honoured as under allowed, and stderr says so', async () => {
    const dir = tempTree({ 'pod.yaml': POD }, { presetConfig: false });
    const r = await cli(['scan', 'pod.yaml'], dir);
    expect(r.stderr).toBe("kube-immutable: exemption annotations: allowed (the configuration says base-only, which needs a pull request's base commit; this run has none); expiry at most 365 days ahead\n");
    expect(r.code).toBe(0);
  });

  it('disabled: not honoured, an exemption finding; --verbose names the mode', async () => {
    const dir = tempTree({ 'pod.yaml': POD, '.github/kube-immutable.yaml': 'exemptions:\n  annotations: disabled\n' }, { presetConfig: false });
    const r = await cli(['scan', '--verbose', '--format', 'json', 'pod.yaml'], dir);
    expect(r.stderr).toMatch(/^kube-immutable: exemption annotations: disabled; expiry at most 365 days ahead$/m);
    const doc = JSON.parse(r.stdout);
    expect(doc.findings.filter((f: { policyId: string }) => f.policyId === 'exemption').map((f: { messageId: string }) => f.messageId)).toEqual(['annotationsDisabled']);
    expect(doc.exemptions.map((e: { honoured: boolean; refusals: string[]; atBase: unknown }) => [e.honoured, e.refusals, e.atBase])).toEqual([[false, ['annotationsDisabled'], null]]);
    expect(r.code).toBe(1);
  });

  it('allowed: nothing to say unless --verbose', async () => {
    const dir = tempTree({ 'pod.yaml': POD, '.github/kube-immutable.yaml': 'exemptions: {annotations: allowed}\n' }, { presetConfig: false });
    expect((await cli(['scan', 'pod.yaml'], dir)).stderr).toBe('');
  });
});
