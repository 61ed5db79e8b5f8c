/**
 * Bounded work on hostile input (issue #13): each input that once took minutes or gigabytes is
 * analysed with the findings it should have, and finishes (generous timeouts for 2 busy cores:
 * these are not timed tests — the figures are in docs/performance.md › "Hostile input", made by
 * `npm run hostile`). The engine runs as the action and the CLI run it (`run()`, built-in policies).
 */
import { builtinPolicies } from '../../policies/index.js';
import { definePolicy, run, type RunResult } from '../../src/engine/index.js';
import { engineSettings } from '../../src/settings/config-settings.js';
import { loadConfig } from '../../src/settings/config.js';
import { PRESETS, presetSeverities } from '../../src/settings/presets.js';
import { formatSarif, type SarifLog } from '../../src/report/sarif.js';
import { flowSequence, longArgv, manyConfigMaps, manyContainers, manyDocuments, numericEnv, shellPipeline, sudoFlags } from './hostile-inputs.js';

const PRIVILEGED =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: priv\nspec:\n  containers:\n  - name: c\n    image: nginx:1.25\n    securityContext:\n      privileged: true\n';
const ids = (r: RunResult) => r.findings.map((f) => `${f.policyId}/${f.messageId}`);
const notScanned = (r: RunResult) => r.findings.filter((f) => f.policyId === 'file-not-scanned');

describe('long container commands are read in linear time', () => {
  it('a 200 KB `x | sh | sh ...` pipeline: analysed whole, nothing reported for it', () => {
    const r = run([{ path: 'pipe.yaml', text: shellPipeline(200_000) }], builtinPolicies);
    expect(r.files[0]!.manifests).toBe(1);
    expect(notScanned(r)).toEqual([]);
    expect(ids(r).filter((id) => id.startsWith('no-runtime-mutation'))).toEqual([]);
  }, 120_000);

  it('a 200 KB `curl ... | sh | sh ...` pipeline: ONE pipeToShell finding', () => {
    const r = run([{ path: 'pipe.yaml', text: shellPipeline(200_000, 'curl -s http://x') }], builtinPolicies);
    expect(ids(r).filter((id) => id.startsWith('no-runtime-mutation'))).toEqual(['no-runtime-mutation/pipeToShell']);
    expect(r.findings.find((f) => f.messageId === 'pipeToShell')!.message).toMatch(/ \(curl -s http:\/\/x( \| sh)+ \.\.\.\): /);
  }, 120_000);

  it('300 KB of `sudo -a -a ...` before `apt-get install curl`: the install is found', () => {
    const r = run([{ path: 'sudo.yaml', text: sudoFlags(300_000, 'apt-get install curl') }], builtinPolicies);
    expect(ids(r).filter((id) => id.startsWith('no-runtime-mutation'))).toEqual(['no-runtime-mutation/packageInstall']);
    expect(notScanned(r)).toEqual([]);
  }, 120_000);
});

describe('many findings in one list', () => {
  it('`rm /bin/x0 ... /bin/x7999`: 8,000 deleteBinary findings, each at its argv item (the command is shortened once a finding)', () => {
    const r = run([{ path: 'argv.yaml', text: longArgv(8_000) }], builtinPolicies);
    const found = r.findings.filter((f) => f.messageId === 'deleteBinary');
    expect(found).toHaveLength(8_000);
    expect(found[7_999]!.range.start.line).toBe(8_010);
    expect(found[7_999]!.message).toContain('deletes /bin/x7999 at runtime (rm /bin/x0 /bin/x1');
    expect(notScanned(r)).toEqual([]);
  }, 120_000);

  it('8,000 env values that are numbers: 8,000 schema findings, each at its value (a list item is reached without building the list)', () => {
    const r = run([{ path: 'env.yaml', text: numericEnv(8_000) }], builtinPolicies);
    const found = r.findings.filter((f) => f.policyId === 'valid-manifest');
    expect(found).toHaveLength(8_000);
    expect(found[7_999]!.message).toBe('expected string, got number (at spec.containers[0].env[7999].value)');
    expect(found[7_999]!.range.start.line).toBe(9 + 2 * 8_000);
  }, 120_000);
});

/** Every fix applied (guesses and behaviour changes too), where a test uses them to exercise fix verification. */
const APPLY_ALL = { applyFixes: { guesses: true, behaviour: 'all' as const } };

describe('10,000 containers in one Pod', () => {
  const text = manyContainers(10_000);
  let r: RunResult;
  beforeAll(() => {
    // What is checked here is that every container is handled, not how fast (npm run bench times
    // it): a budget far above the default 10 s keeps a loaded machine from cutting the run short.
    r = run([{ path: 'many.yaml', text }], builtinPolicies, { timeBudgetMs: 240_000 });
  }, 300_000);

  it('every container is checked and the fixes of all of them verify as one group', () => {
    expect(notScanned(r)).toEqual([]);
    for (const id of ['read-only-root-filesystem', 'no-privilege-escalation', 'drop-all-capabilities', 'image-digest']) {
      expect(r.findings.filter((f) => f.policyId === id)).toHaveLength(10_000);
    }
    const verified = r.fixes.filter((g) => g.verified);
    expect(verified).toHaveLength(1);
    expect(verified[0]!.containers).toHaveLength(10_000);
    expect(r.files[0]!.fixedText!.match(/readOnlyRootFilesystem: true/g)).toHaveLength(10_000);
  });

  it('SARIF carries the group edits once: its size stays linear, the other results point to the one with the fix', () => {
    const sarif = formatSarif(r, builtinPolicies, { toolVersion: '0.0.0' });
    const log = JSON.parse(sarif) as SarifLog;
    const results = log.runs[0]!.results;
    const holders = results.filter((x) => x.fixes);
    expect(holders).toHaveLength(1);
    const at = results.indexOf(holders[0]!);
    const fixable = results.filter((x) => x.properties?.fixId !== undefined);
    expect(fixable).toHaveLength(20_001); // readOnlyRootFilesystem and allowPrivilegeEscalation per container, seccomp once
    for (const x of fixable) if (x !== holders[0]) expect(x.properties!.fixInResult).toBe(at);
    // Before: the edits once per result (19 KB of input gave 321 MB). Now about 1 KB a finding.
    expect(sarif.length).toBeLessThan(results.length * 1500 + 20 * text.length);
  });
});

describe('bounded reading: the limits are findings, never silent, and what came before is analysed', () => {
  it('a 4.9 MB flow sequence: that document is not read (flowLimit with its count); the privileged Pod after it is checked', () => {
    const text = `${PRIVILEGED}---\n${flowSequence(4_900_000)}---\n${PRIVILEGED.replace('name: priv', 'name: priv2')}`;
    const r = run([{ path: 'flow.yaml', text }], builtinPolicies);
    const ns = notScanned(r);
    expect(ns.map((f) => `${f.messageId}:${f.severity}:${f.range.start.line}`)).toEqual(['flowLimit:error:11']);
    expect(ns[0]!.message).toBe(
      'A document of this file was not scanned: the document holds 1633305 flow items ([...], {...}), more than the 100000 a file may hold in all, so it is not read (write it in block style, or split the file).',
    );
    expect(r.findings.filter((f) => f.policyId === 'no-privileged-container').map((f) => f.object!.name)).toEqual(['priv', 'priv2']);
    expect(r.files[0]!.manifests).toBe(2);
  }, 120_000);

  it('100,000 documents: the first 10,000 are read, a documentLimit finding at the next one gives the count', () => {
    const r = run([{ path: 'docs.yaml', text: manyDocuments(100_000) }], builtinPolicies);
    const ns = notScanned(r);
    expect(ns.map((f) => `${f.messageId}:${f.severity}:${f.range.start.line}`)).toEqual(['documentLimit:error:20001']);
    expect(ns[0]!.message).toContain('the file holds 100000 documents, more than the 10000 read in one file');
  }, 120_000);

  it('80,000 ConfigMaps: 10,000 checked and fixed, the fixed text keeps the 70,000 not read as they are', () => {
    const text = manyConfigMaps(80_000);
    // immutable: true is a behaviour change: applied here to exercise the fixes of 10,000 objects.
    const r = run([{ path: 'cms.yaml', text }], builtinPolicies, APPLY_ALL);
    expect(r.files[0]!.manifests).toBe(10_000);
    expect(r.findings.filter((f) => f.policyId === 'immutable-configmap-secret' && f.fixId !== undefined && f.suggestions.length === 0)).toHaveLength(10_000);
    expect(notScanned(r).map((f) => f.messageId)).toEqual(['documentLimit']);
    const cut = text.indexOf('---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c10000\n');
    expect(r.files[0]!.fixedText!.endsWith(text.slice(cut))).toBe(true);
    expect(r.files[0]!.fixedText!.slice(0, -(text.length - cut)).match(/^immutable: true$/gm)).toHaveLength(10_000);
  }, 300_000);

  it('the limits are options of file-not-scanned', () => {
    const r = run([{ path: 'docs.yaml', text: manyConfigMaps(30) }], builtinPolicies, { options: { 'file-not-scanned': { maxDocuments: 20 } } });
    expect(r.files[0]!.manifests).toBe(20);
    expect(notScanned(r)[0]!.message).toContain('the file holds 30 documents, more than the 20 read in one file');
  });
});

describe('the per-file time budget', () => {
  const deployments = Array.from({ length: 5 }, (_, i) => PRIVILEGED.replace('name: priv', `name: p${i}`)).join('---\n');

  it('when it runs out, the rest of that file is not checked and an error says what; the next file is checked whole', () => {
    // 1.2 s on each object of slow.yaml, against a budget of 1 s: it runs out after the first.
    const slow = definePolicy({
      id: 'slow',
      meta: { description: 'd', category: 'hardening', defaultSeverity: 'info', fixable: false, messages: { m: 'x' }, remediation: '', docsUrl: '' },
      check(context) {
        if (context.file !== 'slow.yaml') return;
        const until = performance.now() + 1200;
        while (performance.now() < until);
      },
    });
    const policies = [slow, ...builtinPolicies];
    const r = run(
      [
        { path: 'slow.yaml', text: deployments },
        { path: 'next.yaml', text: PRIVILEGED },
      ],
      policies,
      { timeBudgetMs: 1000 },
    );
    const ns = notScanned(r);
    expect(ns.map((f) => `${f.file}:${f.messageId}:${f.severity}:${f.range.start.line}`)).toEqual(['slow.yaml:timeBudget:error:12']);
    expect(ns[0]!.message).toMatch(
      /^The scan of this file stopped when its time budget of 1 s ran out: slow from document 2 \(Pod p1\) on, and read-only-root-filesystem, writable-paths-mounted, .*, exemption on all 5 objects, were not checked\./,
    );
    expect(r.findings.filter((f) => f.file === 'slow.yaml')).toHaveLength(1);
    // The budget is per file: next.yaml is checked whole, as when it is scanned alone.
    const alone = run([{ path: 'next.yaml', text: PRIVILEGED }], policies, { timeBudgetMs: 1000 });
    expect(r.findings.filter((f) => f.file === 'next.yaml').map((f) => f.fingerprint)).toEqual(alone.findings.map((f) => f.fingerprint));
    expect(alone.findings.length).toBeGreaterThan(5);
  }, 60_000);

  it('when it runs out during fix verification, the fixes left are not offered and an error says how many', () => {
    // A policy fast on the analysis (5 objects), slow on every re-check of a fix after it.
    let calls = 0;
    const slowOnRecheck = definePolicy({
      id: 'slow-on-recheck',
      meta: { description: 'd', category: 'hardening', defaultSeverity: 'info', fixable: false, messages: { m: 'x' }, remediation: '', docsUrl: '' },
      check() {
        if (++calls <= 5) return;
        const until = performance.now() + 1200;
        while (performance.now() < until);
      },
    });
    const r = run([{ path: 'fix.yaml', text: deployments }], [...builtinPolicies, slowOnRecheck], { timeBudgetMs: 1000, ...APPLY_ALL });
    const ns = notScanned(r);
    expect(ns.map((f) => `${f.messageId}:${f.severity}`)).toEqual(['timeBudgetFixes:error']);
    const left = r.fixes.filter((g) => g.problem?.startsWith("not verified: the file's time budget ran out"));
    expect(left.length).toBeGreaterThan(0);
    expect(ns[0]!.message).toContain(`${left.length} fix verifications were not made`);
    expect(r.findings.filter((f) => f.policyId === 'no-privileged-container')).toHaveLength(5);
  }, 60_000);

  it('is the option timeBudgetSeconds of file-not-scanned', () => {
    const r = run([{ path: 'slow.yaml', text: deployments }], builtinPolicies, { options: { 'file-not-scanned': { timeBudgetSeconds: 0.000001 } } });
    expect(notScanned(r).map((f) => f.messageId)).toEqual(['timeBudget']);
    expect(notScanned(r)[0]!.message).toContain('time budget of 0.000001 s');
  });
});

describe('file-not-scanned in the configuration', () => {
  const settingsOf = (yaml: string) => {
    const { config, origins, problems } = loadConfig('.github/kube-immutable.yaml', (p) => (p === '.github/kube-immutable.yaml' ? yaml : undefined));
    expect(problems).toEqual([]);
    return engineSettings(config!, builtinPolicies, origins);
  };

  it('no preset turns it off: it is an error in each', () => {
    for (const preset of Object.keys(PRESETS)) expect(presetSeverities(preset, builtinPolicies)['file-not-scanned']).toBe('error');
  });

  it('takes a severity and its options (the limits, the time budget) through `policies:`, checked against its schema', () => {
    const s = settingsOf(
      'preset: immutability\npolicies:\n  file-not-scanned:\n    severity: warning\n    options:\n      timeBudgetSeconds: 2.5\n      maxDocuments: 20\n',
    );
    expect(s.problems).toEqual([]);
    expect(s.severity['file-not-scanned']).toBe('warning');
    expect(s.options['file-not-scanned']).toEqual({ timeBudgetSeconds: 2.5, maxDocuments: 20, maxFlowItems: 100_000 });
    const r = run([{ path: 'cms.yaml', text: manyConfigMaps(30) }], builtinPolicies, { severity: s.severity, options: s.options });
    expect(notScanned(r).map((f) => `${f.messageId}:${f.severity}`)).toEqual(['documentLimit:warning']);
    const bad = settingsOf('policies:\n  file-not-scanned:\n    options:\n      timeBudgetSeconds: 0\n      maxNodes: 3\n');
    expect(bad.problems.map((p) => p.key)).toEqual(expect.arrayContaining([expect.stringContaining('file-not-scanned')]));
  });
});
