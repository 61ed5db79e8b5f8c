import { run } from '../src/engine/index.js';
import { collectFiles } from '../src/files.js';
import { builtinPolicies } from '../policies/index.js';

describe('examples/seeds: the seed manifests get the right verdicts', () => {
  const { files } = collectFiles(['examples/seeds']);
  const result = run(files, builtinPolicies);
  const verdicts = (file: string) =>
    result.findings
      .filter((f) => f.file === `examples/seeds/${file}`)
      .map((f) => `${f.range.start.line}:${f.policyId}:${f.messageId}`)
      .sort();

  it('the nginx pod with typos: missing /var/cache/nginx mount (nginc), names: instead of name:, undefined volumes', () => {
    expect(verdicts('nginx-pod-typos.yaml')).toEqual(
      [
        // the restricted-profile companions (hardening, warnings)
        '6:run-as-non-root:missingAll',
        '6:seccomp-runtime-default:missing',
        '10:drop-all-capabilities:missing',
        '10:no-privilege-escalation:missing',
        '9:image-digest:mutableTag',
        '12:writable-paths-mounted:notMounted',
        '13:valid-manifest:undefinedVolume',
        '15:valid-manifest:undefinedVolume',
        '18:valid-manifest:volumeWithoutName',
        '20:valid-manifest:volumeWithoutName',
      ].sort(),
    );
  });

  it('the read-only nginx pod without mounts: nginx fails, the fix mounts both emptyDirs', () => {
    expect(verdicts('nginx-pod-readonly.yaml')).toEqual(
      [
        '11:drop-all-capabilities:missing',
        '11:no-privilege-escalation:missing',
        '9:image-digest:noTag',
        '12:writable-paths-mounted:notMounted',
        '7:run-as-non-root:missingAll',
        '7:seccomp-runtime-default:missing',
      ].sort(),
    );
    const fixed = result.files.find((f) => f.path.endsWith('nginx-pod-readonly.yaml'))!.fixedText!;
    expect(fixed).toContain('      mountPath: /var/cache/nginx\n');
    expect(fixed).toContain('      mountPath: /var/run\n');
  });

  it('the pod with the mis-indented volumes: key: a parse error at its line', () => {
    expect(verdicts('nginx-pod-misindented-volumes.yaml')).toEqual(['18:valid-manifest:parseError']);
    const f = result.findings.find((x) => x.file.endsWith('misindented-volumes.yaml'))!;
    expect(f.message).toMatch(/"volumes:" is indented by 3 spaces/);
  });

  it('the holiday pod: c1 is mutable, c2 already read-only', () => {
    expect(verdicts('holiday.yaml')).toEqual(
      [
        '12:image-digest:tagWithoutDigest',
        '14:drop-all-capabilities:missing',
        '14:no-privilege-escalation:missing',
        '6:run-as-non-root:missingAll',
        '6:seccomp-runtime-default:missing',
        '8:drop-all-capabilities:missing',
        '8:no-privilege-escalation:missing',
        '8:read-only-root-filesystem:missing',
        '9:image-digest:tagWithoutDigest',
      ].sort(),
    );
  });
});

describe('examples/seeds: the flattened copy of the seed pod (as pasted, without indentation)', () => {
  it('reports one parse error per broken line, at the duplicated keys', () => {
    const { files } = collectFiles(['examples/seeds/nginx-pod-flattened.yaml']);
    const result = run(files, builtinPolicies);
    expect(result.findings.map((f) => `${f.range.start.line}:${f.policyId}:${f.messageId}`)).toEqual([
      '15:valid-manifest:parseError',
      '20:valid-manifest:parseError',
    ]);
  });
});
