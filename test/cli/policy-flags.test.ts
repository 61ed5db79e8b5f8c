import { parseCommandLine, UsageError } from '../../src/cli/args.js';
import { withPolicyChoice } from '../../src/cli/settings.js';
import { BARE_POD, CONFIGMAP, PRIVILEGED_POD } from '../report/helpers.js';
import { builtinPolicies } from '../../policies/index.js';
import { cli, tempTrees } from './helpers.js';

const tree = tempTrees();

describe('--policy and --skip-policy: parsing', () => {
  it('collects comma-separated, repeated ids for scan and fix (trimmed, each once); absent: empty', () => {
    const scan = parseCommandLine(['scan', 'k8s', '--policy', 'a,b', '--policy', ' c ,a', '--skip-policy', 'd', '--skip-policy', 'e,']);
    expect(scan).toMatchObject({ kind: 'scan', paths: ['k8s'], onlyPolicies: ['a', 'b', 'c'], skipPolicies: ['d', 'e'] });
    expect(parseCommandLine(['fix', '--skip-policy', 'image-digest'])).toMatchObject({ kind: 'fix', onlyPolicies: [], skipPolicies: ['image-digest'] });
    expect(parseCommandLine(['scan'])).toMatchObject({ onlyPolicies: [], skipPolicies: [] });
  });

  it.each([
    [['scan', '--policy', ''], '--policy needs a policy id'],
    [['fix', '--skip-policy', ' , '], '--skip-policy needs a policy id'],
    [['scan', '--policy'], 'option --policy <value> needs a value'],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });

  it('are documented in the help of scan and fix', async () => {
    for (const command of ['scan', 'fix']) {
      const help = (await cli([command, '--help'], '.')).stdout;
      expect(help).toContain('--policy <ids>');
      expect(help).toContain('--skip-policy <ids>');
    }
  });
});

describe('withPolicyChoice', () => {
  const ids = builtinPolicies.map((p) => p.id);

  it('returns the engine options unchanged without the flags', () => {
    const engine = { severity: { 'image-digest': 'off' as const } };
    expect(withPolicyChoice({ onlyPolicies: [], skipPolicies: [] }, engine, builtinPolicies)).toBe(engine);
  });

  it('turns every other policy off; a named policy the configuration turned off gets its default severity', () => {
    const policy = builtinPolicies.find((p) => p.id === 'image-digest')!;
    const engine = withPolicyChoice({ onlyPolicies: ['image-digest'], skipPolicies: [] }, { severity: { 'image-digest': 'off' } }, builtinPolicies);
    expect(engine.severity?.['image-digest']).toBe(policy.meta.defaultSeverity);
    expect(ids.filter((id) => engine.severity?.[id] !== 'off')).toEqual(['image-digest']);
  });

  it('with both flags runs policy minus skip, keeping the configured severities', () => {
    const engine = withPolicyChoice(
      { onlyPolicies: ['no-privileged-container', 'run-as-non-root'], skipPolicies: ['no-privileged-container'] },
      { severity: { 'run-as-non-root': 'info' } },
      builtinPolicies,
    );
    expect(ids.filter((id) => engine.severity?.[id] !== 'off')).toEqual(['run-as-non-root']);
    expect(engine.severity?.['run-as-non-root']).toBe('info');
  });

  it('names an unknown id and the closest known one', () => {
    expect(() => withPolicyChoice({ onlyPolicies: [], skipPolicies: ['imagedigest'] }, {}, builtinPolicies)).toThrow(
      new UsageError(`--skip-policy: unknown policy "imagedigest"; the closest known policy is "image-digest" ('kube-immutable policies' lists them)`),
    );
  });
});

describe('--policy and --skip-policy: scan and fix', () => {
  // Findings of several policies: no-privileged-container, valid-manifest, read-only-root-filesystem, ...
  const dir = tree({ 'privileged.yaml': PRIVILEGED_POD, 'bare.yaml': BARE_POD, 'config.yaml': CONFIGMAP });
  type Found = { policyId: string; fingerprint: string };
  const findings = async (...flags: string[]): Promise<{ code: number; found: Found[] }> => {
    const r = await cli(['scan', '--format', 'json', '--fail-level', 'none', ...flags], dir);
    expect(r.stderr).toBe('');
    return { code: r.code, found: (JSON.parse(r.stdout) as { findings: Found[] }).findings };
  };
  const byPolicy = (found: Found[]) => [...new Set(found.map((f) => f.policyId))].sort();
  const fingerprints = (found: Found[]) => found.map((f) => f.fingerprint).sort();

  it("--policy gives only that policy's findings, the same as a full scan has", async () => {
    const all = (await findings()).found;
    expect(byPolicy(all)).toEqual(expect.arrayContaining(['no-privileged-container', 'read-only-root-filesystem', 'valid-manifest']));
    const only = await findings('--policy', 'no-privileged-container');
    expect(only.code).toBe(0);
    expect(byPolicy(only.found)).toEqual(['no-privileged-container']);
    expect(fingerprints(only.found)).toEqual(fingerprints(all.filter((f) => f.policyId === 'no-privileged-container')));
  });

  it("--skip-policy removes that policy's findings and keeps every other", async () => {
    const all = (await findings()).found;
    const skipped = (await findings('--skip-policy', 'valid-manifest')).found;
    expect(byPolicy(skipped)).toEqual(byPolicy(all).filter((id) => id !== 'valid-manifest'));
    expect(fingerprints(skipped)).toEqual(fingerprints(all.filter((f) => f.policyId !== 'valid-manifest')));
  });

  it('--policy runs a policy the configuration turns off (image-digest in the seed configuration)', async () => {
    expect(byPolicy((await findings()).found)).not.toContain('image-digest');
    expect(byPolicy((await findings('--policy', 'image-digest,valid-manifest', '--skip-policy', 'valid-manifest')).found)).toEqual(['image-digest']);
  });

  it('an unknown id is a usage error (exit 2) naming it and the closest known id; nothing is scanned', async () => {
    const r = await cli(['scan', '--policy', 'no-privileged-containers'], dir);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'kube-immutable: --policy: unknown policy "no-privileged-containers"; the closest known policy is "no-privileged-container" (\'kube-immutable policies\' lists them)\n' +
        "Run 'kube-immutable scan --help' for usage.\n",
    });
    expect((await cli(['fix', '--skip-policy', 'runasnonroot'], dir)).stderr).toContain('the closest known policy is "run-as-non-root"');
  });

  it('fix applies only the fixes of the chosen policies', async () => {
    const all = await cli(['fix', '--dry-run', 'bare.yaml', '--include-guesses'], dir);
    expect(all.stdout).toContain('+      allowPrivilegeEscalation: false');
    expect(all.stdout).toContain('+      readOnlyRootFilesystem: true');
    const skipped = await cli(['fix', '--dry-run', 'bare.yaml', '--include-guesses', '--skip-policy', 'no-privilege-escalation'], dir);
    expect(skipped.stdout).not.toContain('allowPrivilegeEscalation');
    expect(skipped.stdout).toContain('+      readOnlyRootFilesystem: true');
  });
});
