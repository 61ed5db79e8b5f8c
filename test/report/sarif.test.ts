import { seedPolicies } from '../seed-policies.js';
import { artifactUri, formatSarif, type SarifLog } from '../../src/report/index.js';
import { applyEdits } from '../../src/yaml/index.js';
import { BARE_POD, CONFIGMAP, PRIVILEGED_POD, scan, throwingPolicy } from './helpers.js';

function sarifOf(files: { path: string; text: string }[], policies = seedPolicies): SarifLog {
  return JSON.parse(formatSarif(scan(files, policies), policies, { toolVersion: '1.2.3' }));
}

/** Apply SARIF replacements (charOffset/charLength into the original text). */
function applyReplacements(
  text: string,
  replacements: { deletedRegion: { charOffset?: number; charLength?: number }; insertedContent: { text: string } }[],
): string {
  return applyEdits(
    text,
    replacements.map((r) => ({
      range: [r.deletedRegion.charOffset!, r.deletedRegion.charOffset! + r.deletedRegion.charLength!] as [number, number],
      text: r.insertedContent.text,
    })),
  );
}

describe('formatSarif', () => {
  const files = [
    { path: 'k8s/pod.yaml', text: PRIVILEGED_POD },
    { path: 'k8s/cm.yaml', text: CONFIGMAP },
    { path: 'bare.yaml', text: BARE_POD },
  ];
  const log = sarifOf(files);
  const run = log.runs[0]!;

  it('has the required SARIF 2.1.0 fields and one run', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({ name: 'kube-immutable', version: '1.2.3', informationUri: expect.stringMatching(/^https:\/\//) });
    for (const r of run.results) {
      expect(typeof r.ruleId).toBe('string');
      expect(typeof r.message.text).toBe('string');
      expect(['error', 'warning', 'note']).toContain(r.level);
      expect(r.locations).toHaveLength(1);
    }
  });

  it('has one rule per policy with descriptions, help, level, tags and security-severity', () => {
    const rules = run.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(seedPolicies.map((p) => p.id));
    const cm = rules.find((r) => r.id === 'immutable-configmap-secret')!;
    const policy = seedPolicies.find((p) => p.id === 'immutable-configmap-secret')!;
    expect(cm.name).toBe('ImmutableConfigmapSecret');
    expect(cm.shortDescription.text).toBe(policy.meta.description);
    expect(cm.fullDescription.text).toContain(policy.meta.description);
    expect(cm.help.text).toBe(policy.meta.remediation);
    expect(cm.help.markdown).toContain(`[Documentation](${policy.meta.docsUrl})`);
    expect(cm.helpUri).toBe(policy.meta.docsUrl);
    expect(cm.defaultConfiguration.level).toBe('warning');
    expect(cm.properties.tags).toEqual(expect.arrayContaining(['security', 'immutability']));
    expect(cm.properties['security-severity']).toBe('5.0');
    expect(rules.find((r) => r.id === 'no-privileged-container')!.properties['security-severity']).toBe('8.0');
    expect(rules.find((r) => r.id === 'valid-manifest')!.properties.tags).toContain('validity');
  });

  it('gives each result the matching ruleIndex, region, fingerprint and level', () => {
    const rules = run.tool.driver.rules;
    const r = scan(files);
    expect(run.results).toHaveLength(r.findings.length);
    run.results.forEach((res, i) => {
      const f = r.findings[i]!;
      expect(rules[res.ruleIndex]!.id).toBe(res.ruleId);
      expect(res.partialFingerprints.primaryLocationLineHash).toBe(f.fingerprint);
      expect(res.locations[0]!.physicalLocation.region).toEqual({
        startLine: f.range.start.line,
        startColumn: f.range.start.column,
        endLine: f.range.end.line,
        endColumn: f.range.end.column,
      });
    });
    const priv = run.results.find((x) => x.ruleId === 'no-privileged-container')!;
    expect(priv.level).toBe('error');
    expect(priv.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'k8s/pod.yaml' },
      region: { startLine: 12, startColumn: 7, endLine: 12, endColumn: 17 },
    });
    expect(run.results.find((x) => x.ruleId === 'immutable-configmap-secret')!.level).toBe('warning');
  });

  it('carries verified fixes as replacements that reproduce the fixed text', () => {
    const r = scan(files);
    for (const file of files) {
      const results = run.results.filter((x) => x.locations[0]!.physicalLocation.artifactLocation.uri === file.path);
      expect(results.length).toBeGreaterThan(0);
      for (const res of results) {
        // One result has no fix: valid-manifest's apiRule on k8s/pod.yaml (allowPrivilegeEscalation:
        // false with privileged: true; privileged: false, no-privileged-container's fix, clears it).
        if (res.ruleId === 'valid-manifest') {
          expect(file.path).toBe('k8s/pod.yaml');
          expect(res.fixes).toBeUndefined();
          expect(res.properties?.fixId).toBeUndefined();
          continue;
        }
        // A group's edits are on one of its results; the others point to that one.
        const holder = res.fixes ? res : run.results[res.properties!.fixInResult!]!;
        expect(res.properties!.fixId).toBe(holder.properties!.fixId);
        expect(holder.properties!.fixInResult).toBeUndefined();
        expect(holder.fixes).toHaveLength(1);
        const change = holder.fixes![0]!.artifactChanges[0]!;
        expect(change.artifactLocation.uri).toBe(file.path);
        const group = r.fixes.find(
          (g) => g.file === file.path && g.edits.length > 0 && applyReplacements(file.text, change.replacements) === applyEdits(file.text, g.edits),
        );
        expect(group).toBeDefined();
      }
    }
    const priv = run.results.find((x) => x.ruleId === 'no-privileged-container')!;
    const offset = PRIVILEGED_POD.indexOf('true', PRIVILEGED_POD.indexOf('privileged:'));
    expect(priv.fixes![0]!.artifactChanges[0]!.replacements).toEqual([
      { deletedRegion: { charOffset: offset, charLength: 4 }, insertedContent: { text: 'false' } },
    ]);
  });

  it('adds a policy-error rule when a policy failed, and no fixes for unfixable findings', () => {
    const l = sarifOf([{ path: 'bare.yaml', text: BARE_POD }], [throwingPolicy]);
    const rules = l.runs[0]!.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(['test-throws', 'policy-error']);
    const res = l.runs[0]!.results;
    expect(res).toHaveLength(1);
    expect(res[0]).toMatchObject({ ruleId: 'policy-error', ruleIndex: 1, level: 'error' });
    expect(res[0]!.fixes).toBeUndefined();
    expect(sarifOf([{ path: 'x.yaml', text: CONFIGMAP }]).runs[0]!.tool.driver.rules.some((r) => r.id === 'policy-error')).toBe(false);
  });

  it('writes repository-relative URIs with / and percent-encoding', () => {
    expect(artifactUri('./k8s\\dir/my file.yaml')).toBe('k8s/dir/my%20file.yaml');
  });
});
