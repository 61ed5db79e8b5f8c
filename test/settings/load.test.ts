import { builtinPolicies } from '../../policies/index.js';
import { DEFAULT_CONFIG_PATH as CONFIG_PATH } from '../../src/constants.js';
import { loadRunSettings, type TrustedFiles } from '../../src/settings/load.js';

/** Trusted files from a record of texts; folders are the paths below them. */
function filesOf(texts: Record<string, string>): TrustedFiles & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    read: (p) => (reads.push(p), texts[p]),
    list: (f) => {
      const names = Object.keys(texts)
        .filter((p) => p.startsWith(`${f}/`))
        .map((p) => p.slice(f.length + 1));
      return names.length > 0 ? names.sort() : undefined;
    },
  };
}

const POLICY = `import { definePolicy } from 'kube-immutable/policy';
export default definePolicy({
  id: 'team-label',
  meta: { description: 'd', category: 'hardening', defaultSeverity: 'warning', fixable: false, messages: { m: 'm' }, remediation: 'r', docsUrl: 'u' },
  check() {},
});
`;

describe('loadRunSettings', () => {
  it('looks for the configuration where the pull-request flow looks before loading anything (DEFAULT_CONFIG_PATH)', async () => {
    const files = filesOf({});
    await loadRunSettings(files, undefined);
    expect(files.reads).toEqual([CONFIG_PATH]);
  });

  it('without a configuration file: the built-in policies, no problems, include/exclude left to the caller', async () => {
    // The pull-request flow relies on this to end a run without manifests before loading the settings.
    const settings = await loadRunSettings(filesOf({}), undefined);
    expect(settings.problems).toEqual([]);
    expect(settings.include).toBeUndefined();
    expect(settings.exclude).toBeUndefined();
    expect(settings.filesRead).toEqual([]);
    expect(settings.policies.map((p) => p.id)).toEqual(builtinPolicies.map((p) => p.id));
    expect(settings.recipe).toEqual({ customFolders: [] });
  });

  it('a configuration path given but absent is a problem; the built-in policies still run', async () => {
    const settings = await loadRunSettings(filesOf({}), 'ci/kube.yaml');
    expect(settings.problems).toEqual(['ci/kube.yaml: configuration file "ci/kube.yaml" not found']);
    expect(settings.policies.map((p) => p.id)).toEqual(builtinPolicies.map((p) => p.id));
  });

  it('loads custom policies (the loader is imported on demand) and records them in the recipe', async () => {
    const settings = await loadRunSettings(filesOf({ [CONFIG_PATH]: 'customPolicies: ../team\n', 'team/label.ts': POLICY }), undefined);
    expect(settings.problems).toEqual([]);
    expect(settings.policies.map((p) => p.id)).toEqual([...builtinPolicies.map((p) => p.id), 'team-label']);
    expect(settings.filesRead).toEqual([CONFIG_PATH, 'team/label.ts']);
    expect(settings.recipe.customFolders).toEqual([{ folder: 'team', entries: { team: ['label.ts'] }, files: { 'team/label.ts': POLICY } }]);
    expect(settings.engine.knownPolicyIds).toContain('team-label');
  });

  it('reports custom-policy and configuration problems in order, never rejecting', async () => {
    const settings = await loadRunSettings(
      filesOf({ [CONFIG_PATH]: 'customPolicies: ../team\npolicies:\n  no-such-policy: error\n', 'team/broken.ts': 'export default {' }),
      undefined,
    );
    expect(settings.problems).toHaveLength(2);
    expect(settings.problems[0]).toMatch(/^team\/broken\.ts: syntax error in team\/broken\.ts:1:\d+: /);
    expect(settings.problems[1]).toMatch(/^\.github\/kube-immutable\.yaml:3:3: .*unknown policy "no-such-policy"/);
  });
});
