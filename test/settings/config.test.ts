import { DEFAULT_CONFIG_PATH } from '../../src/constants.js';
import { engineSettings } from '../../src/settings/config-settings.js';
import { DEFAULT_EXEMPTION_GOVERNANCE, formatConfigProblem, isCalendarDate, loadConfig, type ConfigProblem } from '../../src/settings/config.js';
import { definePolicy } from '../../src/engine/policy.js';
import { PRESETS, presetSeverities } from '../../src/settings/presets.js';
import { builtinPolicies } from '../../policies/index.js';

/** An in-memory repository: path → text. */
const repo = (files: Record<string, string>) => {
  const map = new Map(Object.entries(files));
  return (path: string) => map.get(path);
};

/** Load `.github/kube-immutable.yaml` from the given files. */
const load = (files: Record<string, string>, options?: { required?: boolean }) => loadConfig(DEFAULT_CONFIG_PATH, repo(files), options);

/** The position and key of each problem (messages are checked separately). */
const where = (problems: ConfigProblem[]) => problems.map(({ file, line, column, key }) => ({ file, line, column, key }));

/** A tiny policy with an options schema, to test option validation. */
const writablePaths = definePolicy({
  id: 'writable-paths',
  meta: {
    description: 'test policy with options',
    category: 'hardening',
    defaultSeverity: 'warning',
    fixable: false,
    messages: { m: 'm' },
    remediation: 'none',
    docsUrl: 'https://example.test/writable-paths',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        paths: { type: 'array', items: { type: 'string', pattern: '^/' } },
        max: { type: 'integer', minimum: 1 },
      },
    },
    defaultOptions: { paths: ['/tmp'], max: 3 },
  },
  check() {},
});
const policies = [...builtinPolicies, writablePaths];
const F = DEFAULT_CONFIG_PATH;

describe('loadConfig: a valid configuration', () => {
  const text = `# kube-immutable settings
preset: strict
include: ["deploy/**/*.yaml", "./k8s/**"]
exclude: charts/**
policies:
  no-privilege-escalation: warning
  immutable-configmap-secret: off
  writable-paths:
    severity: error
    options: { paths: [/var/cache/nginx], max: 2 }
customPolicies: ./kube-immutable-policies
exemptions:
  - policy: read-only-root-filesystem
    files: ["./legacy/**"]
    kind: Deployment
    name: web
    containers: [sidecar]
    reason: "vendor image writes to /opt; ticket OPS-12"
    expires: 2027-01-31
  - policy: "*"
    namespace: kube-system
    reason: system components are managed by the platform team
    expires: "2020-01-01"
`;

  it('resolves every setting, with sources', () => {
    const { config, problems } = load({ [F]: text });
    expect(problems).toEqual([]);
    expect(config).toEqual({
      files: [F],
      preset: 'strict',
      include: ['deploy/**/*.yaml', 'k8s/**'],
      exclude: ['charts/**'],
      policySettings: {
        'no-privilege-escalation': { severity: 'warning', source: `${F}:6` },
        'immutable-configmap-secret': { severity: 'off', source: `${F}:7` },
        'writable-paths': { severity: 'error', options: { paths: ['/var/cache/nginx'], max: 2 }, source: `${F}:8` },
      },
      customPolicies: ['.github/kube-immutable-policies'],
      exemptions: [
        {
          policy: 'read-only-root-filesystem',
          files: ['legacy/**'],
          kind: 'Deployment',
          name: 'web',
          containers: ['sidecar'],
          // A YAML 1.1 timestamp is read back as its text, not a Date.
          expires: '2027-01-31',
          reason: 'vendor image writes to /opt; ticket OPS-12',
          source: `${F}:13`,
        },
        // Expired exemptions are kept: the engine decides with `today`.
        { policy: '*', namespace: 'kube-system', reason: 'system components are managed by the platform team', expires: '2020-01-01', source: `${F}:20` },
      ],
      exemptionGovernance: { annotations: 'base-only', requireExpiry: false, maxDays: 365 },
    });
  });

  it('gives the engine severities (preset, then overrides) and options merged over the defaults', () => {
    const { config, origins } = load({ [F]: text });
    const s = engineSettings(config!, policies, origins);
    expect(s.problems).toEqual([]);
    expect(s.severity).toEqual({
      ...Object.fromEntries(builtinPolicies.map((p) => [p.id, 'error'])),
      'no-privilege-escalation': 'warning',
      'immutable-configmap-secret': 'off',
      'writable-paths': 'error',
    });
    expect(s.options).toEqual({ 'writable-paths': { paths: ['/var/cache/nginx'], max: 2 } });
  });

  it('reads a JSON configuration', () => {
    const json = JSON.stringify(
      {
        preset: 'immutability',
        policies: { 'read-only-root-filesystem': { severity: 'warning' }, 'valid-manifest': 'off' },
        exemptions: [{ policy: 'no-privileged-container', kind: 'DaemonSet', reason: 'node agent', expires: '2027-06-30' }],
      },
      null,
      2,
    );
    const { config, problems } = loadConfig('kube-immutable.json', repo({ 'kube-immutable.json': json }), { required: true });
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      files: ['kube-immutable.json'],
      preset: 'immutability',
      policySettings: {
        'read-only-root-filesystem': { severity: 'warning', source: 'kube-immutable.json:4' },
        'valid-manifest': { severity: 'off', source: 'kube-immutable.json:7' },
      },
      exemptions: [{ policy: 'no-privileged-container', kind: 'DaemonSet', reason: 'node agent', expires: '2027-06-30', source: 'kube-immutable.json:10' }],
    });
  });

  it('treats an empty file as the defaults', () => {
    const { config, problems } = load({ [F]: '# nothing yet\n' });
    expect(problems).toEqual([]);
    expect(config).toEqual({
      files: [F],
      preset: 'recommended',
      include: undefined,
      exclude: undefined,
      policySettings: {},
      customPolicies: [],
      exemptions: [],
      exemptionGovernance: DEFAULT_EXEMPTION_GOVERNANCE,
    });
  });
});

describe('loadConfig: exemption settings (exemptions as a map)', () => {
  const settings = `exemptions:
  annotations: disabled
  policies: [read-only-root-filesystem, no-privilege-escalation]
  requireExpiry: true
  maxDays: 90
  rules:
    - policy: no-privileged-container
      kind: DaemonSet
      reason: node agent (OPS-7)
`;

  it('reads annotations, policies, requireExpiry, maxDays and rules (the list of exemptions)', () => {
    const { config, problems } = load({ [F]: settings });
    expect(problems).toEqual([]);
    expect(config!.exemptionGovernance).toEqual({
      annotations: 'disabled',
      policies: ['read-only-root-filesystem', 'no-privilege-escalation'],
      requireExpiry: true,
      maxDays: 90,
    });
    expect(config!.exemptions).toEqual([{ policy: 'no-privileged-container', kind: 'DaemonSet', reason: 'node agent (OPS-7)', source: `${F}:7` }]);
  });

  it('the defaults: base-only, at most 365 days, no expiry required, any policy', () => {
    expect(DEFAULT_EXEMPTION_GOVERNANCE).toEqual({ annotations: 'base-only', requireExpiry: false, maxDays: 365 });
    expect(load({ [F]: 'exemptions: []\n' }).config!.exemptionGovernance).toEqual(DEFAULT_EXEMPTION_GOVERNANCE);
    expect(load({ [F]: 'exemptions: {annotations: allowed}\n' }).config!.exemptionGovernance).toEqual({
      ...DEFAULT_EXEMPTION_GOVERNANCE,
      annotations: 'allowed',
    });
  });

  it('maxDays: false (or off) removes the cap', () => {
    expect(load({ [F]: 'exemptions: {maxDays: false}\n' }).config!.exemptionGovernance!.maxDays).toBeUndefined();
    expect(load({ [F]: 'exemptions:\n  maxDays: off\n' }).config!.exemptionGovernance!.maxDays).toBeUndefined();
  });

  it('extends: the extending file overrides each setting it gives; rules of both files apply, base first', () => {
    const org = 'exemptions:\n  annotations: disabled\n  maxDays: 30\n  rules:\n    - {policy: image-digest, kind: Job, reason: org rule}\n';
    const repoFile = 'extends: org.yaml\nexemptions:\n  annotations: base-only\n  rules:\n    - {policy: image-digest, kind: CronJob, reason: repo rule}\n';
    const { config, problems } = load({ [F]: repoFile, '.github/org.yaml': org });
    expect(problems).toEqual([]);
    expect(config!.exemptionGovernance).toEqual({ annotations: 'base-only', requireExpiry: false, maxDays: 30 });
    expect(config!.exemptions.map((e) => [e.reason, e.source])).toEqual([
      ['org rule', '.github/org.yaml:5'],
      ['repo rule', `${F}:5`],
    ]);
    // The list form still adds rules over a map-form base (and keeps its settings).
    const list = load({ [F]: 'extends: org.yaml\nexemptions:\n  - {policy: image-digest, kind: Pod, reason: list rule}\n', '.github/org.yaml': org });
    expect(list.config!.exemptionGovernance).toEqual({ annotations: 'disabled', requireExpiry: false, maxDays: 30 });
    expect(list.config!.exemptions.map((e) => e.reason)).toEqual(['org rule', 'list rule']);
  });

  it('problems name the file, line, column and key', () => {
    const { problems } = load({
      [F]: 'exemptions:\n  annotations: base_only\n  maxDays: 0\n  requireExpiry: yes please\n  policies: []\n  rules:\n    - {policy: image-digest}\n',
    });
    expect(problems.map(formatConfigProblem)).toEqual([
      `${F}:2:16: exemptions.annotations: must be one of allowed, disabled, base-only; got the string "base_only" (did you mean "base-only"?)`,
      `${F}:3:12: exemptions.maxDays: must be at least 1 day (false: no limit); got the number 0`,
      `${F}:4:18: exemptions.requireExpiry: must be true or false, got the string "yes please"`,
      `${F}:5:13: exemptions.policies: must list at least one policy id (to allow none, set annotations: disabled); got a list`,
      `${F}:7:7: exemptions.rules[0].reason: missing required key "reason": every exemption must say why it is needed`,
    ]);
  });

  it('an unknown policy in exemptions.policies is a problem at its item', () => {
    const { config, origins } = load({ [F]: 'exemptions:\n  policies:\n    - read-only-root-filesystem\n    - no-such-thing\n' });
    const s = engineSettings(config!, policies, origins);
    expect(where(s.problems)).toEqual([{ file: F, line: 4, column: 7, key: 'exemptions.policies[1]' }]);
    expect(s.problems[0]!.message).toMatch(/^unknown policy "no-such-thing"/);
  });
});

describe('loadConfig: a missing file', () => {
  it('is the default configuration unless required', () => {
    const { config, problems } = load({});
    expect(problems).toEqual([]);
    expect(config).toEqual({
      files: [],
      preset: 'recommended',
      include: undefined,
      exclude: undefined,
      policySettings: {},
      customPolicies: [],
      exemptions: [],
      exemptionGovernance: DEFAULT_EXEMPTION_GOVERNANCE,
    });
  });

  it('is a problem when required (the path was given explicitly)', () => {
    const { config, problems } = loadConfig('./ci/kube.yaml', repo({}), { required: true });
    expect(config).toBeUndefined();
    expect(problems).toEqual([{ file: 'ci/kube.yaml', line: 0, column: 0, key: '', message: 'configuration file "ci/kube.yaml" not found' }]);
    expect(formatConfigProblem(problems[0]!)).toBe('ci/kube.yaml: configuration file "ci/kube.yaml" not found');
  });
});

describe('loadConfig: problems with their file, line, column and key', () => {
  /** Expect exactly one problem at `line`:`column` under `key`, with a message matching `message`. */
  const one = (text: string, line: number, column: number, key: string, message: RegExp) => {
    const { config, problems } = load({ [F]: text });
    expect(config).toBeUndefined();
    expect(where(problems)).toEqual([{ file: F, line, column, key }]);
    expect(problems[0]!.message).toMatch(message);
  };

  it('an unknown top-level key points at the key, with a suggestion', () => {
    one(
      'preset: strict\nincludes: ["deploy/**"]\n',
      2,
      1,
      'includes',
      /^unknown key "includes" \(did you mean "include"\?\); allowed keys: extends, preset, include/,
    );
  });

  it('a bad severity points at the value', () => {
    one(
      'policies:\n  no-privilege-escalation: fatal\n',
      2,
      28,
      'policies.no-privilege-escalation',
      /^must be one of error, warning, info, off; got the string "fatal"$/,
    );
    one('policies:\n  no-privilege-escalation:\n    severity: warn\n', 3, 15, 'policies.no-privilege-escalation.severity', /got the string "warn"/);
  });

  it('`off` (a boolean in YAML 1.1) is the severity off, but `no` is not a severity', () => {
    expect(load({ [F]: 'policies:\n  valid-manifest: off\n' }).config!.policySettings['valid-manifest']!.severity).toBe('off');
    one('policies:\n  valid-manifest: no\n', 2, 19, 'policies.valid-manifest', /got the string "no"/);
  });

  it('a wrong type points at the value and names both types', () => {
    one('exemptions: 3\n', 1, 13, 'exemptions', /^must be a list or a map, got the number 3$/);
    // One exemption written as a map, not a list item: the settings map has no such key.
    one(
      'exemptions:\n  policy: valid-manifest\n',
      2,
      3,
      'exemptions.policy',
      /^unknown key "policy"; allowed keys: annotations, policies, requireExpiry, maxDays, rules \(exemptions themselves go in a list/,
    );
    one('include: 3\n', 1, 10, 'include', /^must be a string or a list, got the number 3$/);
    one(
      'policies:\n  read-only-root-filesystem:\n    severity: 3\n',
      3,
      15,
      'policies.read-only-root-filesystem.severity',
      /^must be a string, got the number 3$/,
    );
  });

  it('an unknown key inside a policy setting points at the key', () => {
    one(
      'policies:\n  read-only-root-filesystem:\n    opts: {}\n',
      3,
      5,
      'policies.read-only-root-filesystem.opts',
      /^unknown key "opts"; allowed keys: severity, options$/,
    );
  });

  it('an exemption without a reason points at the exemption', () => {
    one(
      'exemptions:\n  - policy: valid-manifest\n    kind: Pod\n',
      2,
      5,
      'exemptions[0].reason',
      /^missing required key "reason": every exemption must say why it is needed$/,
    );
  });

  it('an empty reason points at the value; a reason with no value at its key', () => {
    one('exemptions:\n  - policy: valid-manifest\n    reason: "  "\n', 3, 13, 'exemptions[0].reason', /must say why the exemption is needed/);
    one('exemptions:\n  - policy: valid-manifest\n    reason:\n', 3, 5, 'exemptions[0].reason', /^must be a string, got an empty value$/);
  });

  it('a bad expiry date points at the value (YAML timestamps included)', () => {
    one(
      'exemptions:\n  - policy: valid-manifest\n    reason: r\n    expires: 2027-02-30\n',
      4,
      14,
      'exemptions[0].expires',
      /^"2027-02-30" is not a calendar date \(YYYY-MM-DD\)$/,
    );
    one(
      'exemptions:\n  - policy: valid-manifest\n    reason: r\n    expires: 31.01.2027\n',
      4,
      14,
      'exemptions[0].expires',
      /^must be a date YYYY-MM-DD; got the string "31.01.2027"$/,
    );
    one(
      'exemptions:\n  - policy: valid-manifest\n    reason: r\n    expires: 2027-1-31\n',
      4,
      14,
      'exemptions[0].expires',
      /must be a date YYYY-MM-DD; got the string "2027-1-31"/,
    );
  });

  it('a bad exemption policy id, and "*" without a scope', () => {
    one('exemptions:\n  - policy: Read_Only\n    reason: r\n', 2, 13, 'exemptions[0].policy', /^must be a policy id \(kebab-case\) or "\*"/);
    one('exemptions:\n  - policy: "*"\n    reason: r\n', 2, 13, 'exemptions[0].policy', /add files, kind, name, namespace or containers/);
  });

  it('a YAML syntax error is a problem at its position', () => {
    one('policies:\n  valid-manifest: [error\nexemptions: []\n', 3, 1, '', /^YAML syntax error: /);
    one('preset: strict\npreset: immutability\n', 2, 1, '', /^YAML syntax error: .*unique/i);
  });

  it('a file that is not a map', () => {
    one('- preset: strict\n', 1, 1, '', /^must be a map, got a list$/);
  });

  it('reports every problem of a file, in order', () => {
    const { problems } = load({ [F]: 'preset: strickt\npolicies:\n  valid-manifest: fatal\nexemptions:\n  - policy: valid-manifest\n' });
    expect(where(problems)).toEqual([
      { file: F, line: 1, column: 9, key: 'preset' },
      { file: F, line: 3, column: 19, key: 'policies.valid-manifest' },
      { file: F, line: 5, column: 5, key: 'exemptions[0].reason' },
    ]);
    expect(problems[0]!.message).toMatch(/did you mean "strict"/);
  });
});

describe('loadConfig: extends', () => {
  const org = 'platform/kube-immutable.yaml';

  it('applies the org file first; the repo file overrides severity and options (merged shallowly)', () => {
    const { config, origins, problems } = load({
      [org]: `preset: strict
include: ["**/*.yaml"]
policies:
  writable-paths:
    severity: warning
    options: { paths: [/var/run], max: 5 }
  valid-manifest: info
customPolicies: [policies]
exemptions:
  - { policy: valid-manifest, files: [vendor/**], reason: vendored }
`,
      [F]: `extends: ../platform/kube-immutable.yaml
include: ["deploy/**"]
policies:
  writable-paths:
    severity: error
    options: { max: 2 }
customPolicies: ../kube-policies
exemptions:
  - { policy: no-privileged-container, name: agent, reason: node agent }
`,
    });
    expect(problems).toEqual([]);
    expect(config!.files).toEqual([org, F]);
    expect(config!.preset).toBe('strict');
    expect(config!.include).toEqual(['deploy/**']);
    expect(config!.policySettings).toEqual({
      'writable-paths': { severity: 'error', options: { paths: ['/var/run'], max: 2 }, source: `${F}:4` },
      'valid-manifest': { severity: 'info', source: `${org}:7` },
    });
    expect(config!.customPolicies).toEqual(['platform/policies', 'kube-policies']);
    expect(config!.exemptions.map((e) => [e.policy, e.source])).toEqual([
      ['valid-manifest', `${org}:10`],
      ['no-privileged-container', `${F}:9`],
    ]);
    const s = engineSettings(config!, policies, origins);
    expect(s.problems).toEqual([]);
    expect(s.severity['writable-paths']).toBe('error');
    expect(s.severity['valid-manifest']).toBe('info');
    expect(s.severity['read-only-root-filesystem']).toBe('error'); // strict, from the org file
    expect(s.options['writable-paths']).toEqual({ paths: ['/var/run'], max: 2 });
  });

  it('a list of bases is applied in order; a file extended twice is applied once', () => {
    const { config, problems } = load({
      'base/common.yaml': 'preset: immutability\n',
      'base/a.yaml': 'extends: common.yaml\npolicies: { valid-manifest: warning }\n',
      'base/b.yaml': 'extends: ./common.yaml\npolicies: { valid-manifest: info }\n',
      [F]: 'extends: [../base/a.yaml, ../base/b.yaml]\n',
    });
    expect(problems).toEqual([]);
    expect(config!.files).toEqual(['base/common.yaml', 'base/a.yaml', 'base/b.yaml', F]);
    expect(config!.preset).toBe('immutability');
    expect(config!.policySettings['valid-manifest']!.severity).toBe('info');
  });

  it('a cycle is a problem naming the chain', () => {
    const { config, problems } = load({
      [F]: 'extends: ../platform/kube-immutable.yaml\n',
      [org]: 'preset: strict\nextends: [../.github/kube-immutable.yaml]\n',
    });
    expect(config).toBeUndefined();
    expect(problems).toEqual([{ file: org, line: 2, column: 11, key: 'extends[0]', message: `extends cycle: ${F} → ${org} → ${F}` }]);
  });

  it('a file extending itself is a cycle', () => {
    const { problems } = load({ [F]: 'extends: kube-immutable.yaml\n' });
    expect(problems).toEqual([{ file: F, line: 1, column: 10, key: 'extends', message: `extends cycle: ${F} → ${F}` }]);
  });

  it('a path escaping the repository is a problem', () => {
    const { config, problems } = load({ [F]: 'extends: ../../org/kube-immutable.yaml\n' });
    expect(config).toBeUndefined();
    expect(problems).toEqual([
      {
        file: F,
        line: 1,
        column: 10,
        key: 'extends',
        message: '"../../org/kube-immutable.yaml" resolves to "../org/kube-immutable.yaml", outside the repository',
      },
    ]);
  });

  it('absolute paths and URLs are problems; so is a custom policy folder outside the repository', () => {
    const { problems } = load({ [F]: 'extends:\n  - /etc/kube.yaml\n  - https://example.com/kube.yaml\ncustomPolicies: ../../x\n' });
    expect(where(problems)).toEqual([
      { file: F, line: 2, column: 5, key: 'extends[0]' },
      { file: F, line: 3, column: 5, key: 'extends[1]' },
      { file: F, line: 4, column: 17, key: 'customPolicies' },
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/is an absolute path/),
      expect.stringMatching(/is a URL/),
      expect.stringMatching(/outside the repository/),
    ]);
  });

  it('a missing base is a problem at the extends value; problems of a base name the base', () => {
    const missing = load({ [F]: 'preset: strict\nextends: ../nowhere.yaml\n' });
    expect(missing.problems).toEqual([{ file: F, line: 2, column: 10, key: 'extends', message: 'extended file "nowhere.yaml" not found' }]);
    const bad = load({ [F]: 'extends: ../platform/kube-immutable.yaml\n', [org]: 'policies:\n  valid-manifest: loud\n' });
    expect(where(bad.problems)).toEqual([{ file: org, line: 2, column: 19, key: 'policies.valid-manifest' }]);
  });
});

describe('loadConfig: hostile keys', () => {
  it('a policy named __proto__ is an unknown policy, not a prototype', () => {
    const { config, origins, problems } = load({ [F]: 'policies:\n  __proto__: { severity: off, options: { __proto__: 1 } }\n' });
    expect(problems).toEqual([]);
    expect(({} as Record<string, unknown>).severity).toBeUndefined();
    expect(Object.keys(config!.policySettings)).toEqual(['__proto__']);
    const s = engineSettings(config!, policies, origins);
    expect(where(s.problems)).toEqual([{ file: F, line: 2, column: 3, key: 'policies.__proto__' }]);
  });

  it('a glob starting with "/" never matches a repository path: a problem', () => {
    const { problems } = load({ [F]: 'exclude: /vendor/**\nexemptions:\n  - { policy: valid-manifest, files: [ok/**, /legacy/**], reason: r }\n' });
    expect(where(problems)).toEqual([
      { file: F, line: 1, column: 10, key: 'exclude' },
      { file: F, line: 3, column: 46, key: 'exemptions[0].files[1]' },
    ]);
  });
});

describe('engineSettings: problems found against the known policies', () => {
  it('an unknown policy id points at its key, with a suggestion', () => {
    const { config, origins } = load({ [F]: 'policies:\n  read-only-root-filesytem: error\nexemptions:\n  - { policy: no-such-policy, reason: r }\n' });
    const s = engineSettings(config!, policies, origins);
    expect(where(s.problems)).toEqual([
      { file: F, line: 2, column: 3, key: 'policies.read-only-root-filesytem' },
      { file: F, line: 4, column: 15, key: 'exemptions[0].policy' },
    ]);
    expect(s.problems[0]!.message).toMatch(/^unknown policy "read-only-root-filesytem" \(did you mean "read-only-root-filesystem"\?\); known policies: /);
    expect(s.severity['read-only-root-filesystem']).toBe('error');
  });

  it('loadConfig returns where each setting, the preset and each exemption is; the configuration stays plain data', () => {
    const { config, origins } = load({
      [F]: 'preset: strict\npolicies:\n  read-only-root-filesytem: error\nexemptions:\n  policies: [no-such-thing]\n  rules:\n    - { policy: no-such-policy, reason: r }\n',
    });
    expect(origins!.preset).toEqual({ file: F, line: 1, column: 9 });
    expect(origins!.settings.get('read-only-root-filesytem')!.keys).toEqual([{ file: F, line: 3, column: 3 }]);
    expect(origins!.exemptions).toEqual([{ file: F, line: 7, column: 17, key: 'exemptions.rules[0].policy' }]);
    expect([...origins!.governancePolicies]).toEqual([['no-such-thing', { file: F, line: 5, column: 14, key: 'exemptions.policies[0]' }]]);
    // A copy of the configuration (structured clone, JSON) keeps its problems' places with the origins.
    const copy = JSON.parse(JSON.stringify(config)) as typeof config;
    expect(where(engineSettings(copy!, policies, origins).problems)).toEqual(where(engineSettings(config!, policies, origins).problems));
    expect(where(engineSettings(copy!, policies, origins).problems)).toEqual([
      { file: F, line: 3, column: 3, key: 'policies.read-only-root-filesytem' },
      { file: F, line: 5, column: 14, key: 'exemptions.policies[0]' },
      { file: F, line: 7, column: 17, key: 'exemptions.rules[0].policy' },
    ]);
    // Without origins, problems point at each setting's `source` line.
    expect(where(engineSettings(config!, policies).problems).map((p) => [p.line, p.key])).toEqual([
      [0, 'exemptions.policies'],
      [3, 'policies.read-only-root-filesytem'],
      [7, 'exemptions.policy'],
    ]);
  });

  it('options failing the policy schema point at the offending option value', () => {
    const { config, origins } = load({
      [F]: `policies:
  writable-paths:
    options:
      paths:
        - /var/run
        - tmp
      max: 0
      maxPaths: 3
`,
    });
    const s = engineSettings(config!, policies, origins);
    expect(where(s.problems)).toEqual([
      { file: F, line: 6, column: 11, key: 'policies.writable-paths.options.paths[1]' },
      { file: F, line: 7, column: 12, key: 'policies.writable-paths.options.max' },
      { file: F, line: 8, column: 7, key: 'policies.writable-paths.options.maxPaths' },
    ]);
    expect(s.problems.map((p) => p.message)).toEqual([
      'must match pattern "^/"; got the string "tmp"',
      'must be >= 1; got the number 0',
      'unknown key "maxPaths"; allowed keys: paths, max',
    ]);
    expect(s.options['writable-paths']).toBeUndefined(); // rejected options are left out
  });

  it('an option set by the org file is blamed on the org file', () => {
    const { config, origins } = load({
      'platform/kube-immutable.yaml': 'policies:\n  writable-paths:\n    options: { max: many }\n',
      [F]: 'extends: ../platform/kube-immutable.yaml\npolicies:\n  writable-paths:\n    options: { paths: [/data] }\n',
    });
    const s = engineSettings(config!, policies, origins);
    expect(where(s.problems)).toEqual([{ file: 'platform/kube-immutable.yaml', line: 3, column: 21, key: 'policies.writable-paths.options.max' }]);
    expect(s.problems[0]!.message).toBe('must be an integer, got the string "many"');
  });

  it('options for a policy without options are problems', () => {
    const { config, origins } = load({ [F]: 'policies:\n  valid-manifest:\n    options: { strict: true }\n' });
    const s = engineSettings(config!, policies, origins);
    expect(s.problems).toEqual([
      {
        file: F,
        line: 3,
        column: 16,
        key: 'policies.valid-manifest.options.strict',
        message: 'policy "valid-manifest" has no option "strict" (it takes no options)',
      },
    ]);
  });

  it('a hand-built config with a bad severity or preset is reported, not thrown', () => {
    const s = engineSettings(
      {
        files: ['k.yaml'],
        preset: 'lax',
        include: undefined,
        exclude: undefined,
        policySettings: { 'valid-manifest': { severity: 'fatal' as never, source: 'k.yaml:4' } },
        customPolicies: [],
        exemptions: [],
      },
      policies,
    );
    expect(where(s.problems)).toEqual([
      { file: 'k.yaml', line: 0, column: 0, key: 'preset' },
      { file: 'k.yaml', line: 4, column: 1, key: 'policies.valid-manifest.severity' },
    ]);
    expect(s.severity['valid-manifest']).toBe('error');
  });
});

describe('presets', () => {
  it('recommended keeps each policy’s default severity', () => {
    expect(presetSeverities('recommended', builtinPolicies)).toEqual(Object.fromEntries(builtinPolicies.map((p) => [p.id, p.meta.defaultSeverity])));
  });

  it('strict makes every built-in policy an error', () => {
    const { config, origins } = load({ [F]: 'preset: strict\n' });
    const { severity } = engineSettings(config!, builtinPolicies, origins);
    expect(Object.keys(severity).sort()).toEqual(builtinPolicies.map((p) => p.id).sort());
    expect(new Set(Object.values(severity))).toEqual(new Set(['error']));
  });

  it('immutability keeps the immutability policies and the validity checks, at their default severity; hardening is off', () => {
    const { config, origins } = load({ [F]: 'preset: immutability\npolicies:\n  valid-manifest: warning\n' });
    const { severity } = engineSettings(config!, builtinPolicies, origins);
    for (const p of builtinPolicies) {
      if (p.id === 'valid-manifest')
        expect(severity[p.id]).toBe('warning'); // an explicit setting wins over the preset
      else expect(severity[p.id]).toBe(p.meta.category === 'hardening' ? 'off' : p.meta.defaultSeverity);
    }
    expect(severity['read-only-root-filesystem']).toBe('error');
    expect(severity['immutable-configmap-secret']).toBe('warning');
    expect(severity['exemption']).toBe('warning');
    expect(severity['run-as-non-root']).toBe('off');
  });

  it('an unknown preset name is a TypeError of the API (configs are validated first)', () => {
    expect(() => presetSeverities('toString', builtinPolicies)).toThrow(TypeError);
    expect(Object.keys(PRESETS)).toEqual(['recommended', 'strict', 'immutability']);
  });
});

describe('isCalendarDate', () => {
  it('accepts real days only', () => {
    expect(['2027-01-31', '2028-02-29'].map(isCalendarDate)).toEqual([true, true]);
    expect(['2027-02-29', '2027-13-01', '2027-00-10', '27-01-31'].map(isCalendarDate)).toEqual([false, false, false, false]);
  });
});

describe('loadConfig: fixes (which fixes that are not safe are applied)', () => {
  it('reads includeGuesses and applyBehaviourChanges; a later file overrides each setting it gives', () => {
    const { config, problems } = load({
      'base.yaml': 'fixes:\n  includeGuesses: true\n  applyBehaviourChanges: [no-host-namespaces]\n',
      [F]: 'extends: ../base.yaml\nfixes:\n  applyBehaviourChanges: [no-privileged-container, immutable-configmap-secret]\n',
    });
    expect(problems).toEqual([]);
    expect(config!.fixes).toEqual({ includeGuesses: true, applyBehaviourChanges: ['no-privileged-container', 'immutable-configmap-secret'] });
    expect(load({ [F]: 'fixes: {applyBehaviourChanges: all}\n' }).config!.fixes).toEqual({ includeGuesses: false, applyBehaviourChanges: 'all' });
  });

  it('refuses a value of the wrong type, an unknown key, and (in engineSettings) an unknown policy id', () => {
    const bad = load({ [F]: 'fixes:\n  includeGuesses: sometimes\n  applyBehaviourChanges: some\n  guesses: true\n' });
    expect(bad.problems.map((p) => p.key).sort()).toEqual(['fixes.applyBehaviourChanges', 'fixes.guesses', 'fixes.includeGuesses']);
    const { config } = load({ [F]: 'fixes: {applyBehaviourChanges: [no-such-policy]}\n' });
    expect(engineSettings(config!, builtinPolicies).problems.map((p) => [p.key, p.message.split(';')[0]])).toEqual([
      ['fixes.applyBehaviourChanges', 'unknown policy "no-such-policy"'],
    ]);
  });

  it('points an unknown policy id of applyBehaviourChanges at its item (not line 0)', () => {
    const loaded = load({ [F]: 'fixes:\n  applyBehaviourChanges:\n    - immutable-configmap-secret\n    - no-such-policy\n' });
    const problems = engineSettings(loaded.config!, builtinPolicies, loaded.origins).problems;
    expect(where(problems)).toEqual([{ file: F, line: 4, column: 7, key: 'fixes.applyBehaviourChanges[1]' }]);
  });
});

describe('loadConfig: render (Helm render profiles)', () => {
  const text = `render:
  helm:
    charts:
      - path: ./charts/web/
        profiles:
          - name: prod
            valuesFiles: [charts/web/values-prod.yaml, ./deploy/web-prod.yaml]
            releaseName: web
            namespace: shop
            kubeVersion: 1.31.0
            apiVersions: [monitoring.coreos.com/v1/ServiceMonitor]
            includeCrds: true
            skipTests: false
          - name: staging
      - path: .
        profiles: [{name: root}]
`;

  it('reads the charts and their profiles, paths normalised, with sources', () => {
    const { config, problems } = load({ [F]: text });
    expect(problems).toEqual([]);
    expect(config!.render).toEqual({
      helm: {
        charts: [
          {
            path: 'charts/web',
            source: `${F}:4`,
            profiles: [
              {
                name: 'prod',
                valuesFiles: ['charts/web/values-prod.yaml', 'deploy/web-prod.yaml'],
                releaseName: 'web',
                namespace: 'shop',
                kubeVersion: '1.31.0',
                apiVersions: ['monitoring.coreos.com/v1/ServiceMonitor'],
                includeCrds: true,
                skipTests: false,
                source: `${F}:6`,
              },
              { name: 'staging', source: `${F}:14` },
            ],
          },
          { path: '.', source: `${F}:15`, profiles: [{ name: 'root', source: `${F}:16` }] },
        ],
      },
    });
  });

  it('reads versions, names and paths as written (YAML 1.1 would make 1.31 a number, y a boolean, . NaN)', () => {
    const { config, problems } = load({
      [F]: 'render:\n  helm:\n    charts:\n      - path: .\n        profiles: [{name: y, kubeVersion: 1.31, releaseName: 123, skipTests: no}]\n',
    });
    expect(problems).toEqual([]);
    expect(config!.render!.helm.charts).toEqual([
      { path: '.', source: `${F}:4`, profiles: [{ name: 'y', kubeVersion: '1.31', releaseName: '123', skipTests: false, source: `${F}:5` }] },
    ]);
  });

  it('no render section: no render settings', () => {
    expect(load({ [F]: 'preset: strict\n' }).config!.render).toBeUndefined();
  });

  it('a later file replaces the entry of the same chart path and keeps the others', () => {
    const { config, problems } = load({
      'base.yaml': 'render:\n  helm:\n    charts:\n      - {path: charts/a, profiles: [{name: one}]}\n      - {path: charts/b, profiles: [{name: two}]}\n',
      [F]: 'extends: ../base.yaml\nrender:\n  helm:\n    charts:\n      - {path: charts/b, profiles: [{name: three}, {name: four}]}\n',
    });
    expect(problems).toEqual([]);
    expect(config!.render!.helm.charts.map((c) => [c.path, c.profiles.map((p) => p.name), c.source])).toEqual([
      ['charts/a', ['one'], 'base.yaml:4'],
      ['charts/b', ['three', 'four'], `${F}:5`],
    ]);
  });

  it('unknown keys, bad flags and bad paths are problems at their lines', () => {
    const bad = `render:
  helm:
    charts:
      - path: charts/web
        profiles:
          - name: prod
            releaseName: Web_Prod
            namespace: a.b
            kubeVersion: latest
            apiVersions: [apps/v1, "not a version"]
            valuesFiles: [../outside.yaml, /etc/passwd, charts/web/../x.yaml, "."]
            includeCRDs: true
          - name: prod
      - path: /srv/chart
        profiles: [{name: x}]
      - path: charts/web
        profiles: []
      - profiles: [{name: y}]
  kustomize: {}
`;
    const { config, problems } = load({ [F]: bad });
    expect(config).toBeUndefined();
    expect(problems.map((p) => `${p.line}:${p.column} ${p.key}`)).toEqual([
      '7:26 render.helm.charts[0].profiles[0].releaseName',
      '8:24 render.helm.charts[0].profiles[0].namespace',
      '9:26 render.helm.charts[0].profiles[0].kubeVersion',
      '10:36 render.helm.charts[0].profiles[0].apiVersions[1]',
      '11:27 render.helm.charts[0].profiles[0].valuesFiles[0]',
      '11:44 render.helm.charts[0].profiles[0].valuesFiles[1]',
      '11:57 render.helm.charts[0].profiles[0].valuesFiles[2]',
      '11:79 render.helm.charts[0].profiles[0].valuesFiles[3]',
      '12:13 render.helm.charts[0].profiles[0].includeCRDs',
      '13:19 render.helm.charts[0].profiles[1].name',
      '14:15 render.helm.charts[1].path',
      '16:15 render.helm.charts[2].path',
      '17:19 render.helm.charts[2].profiles',
      '18:9 render.helm.charts[3].path',
      '19:3 render.kustomize',
    ]);
    const message = (key: string) => problems.find((p) => p.key === key)?.message;
    expect(message('render.helm.charts[0].profiles[0].releaseName')).toMatch(/lowercase DNS-1123 name of at most 53 characters.*"Web_Prod"/);
    expect(message('render.helm.charts[0].profiles[0].valuesFiles[0]')).toMatch(/"\.\." segment/);
    expect(message('render.helm.charts[0].profiles[0].valuesFiles[1]')).toMatch(/absolute path/);
    expect(message('render.helm.charts[0].profiles[0].includeCRDs')).toMatch(/unknown key "includeCRDs" \(did you mean "includeCrds"\?\)/);
    expect(message('render.helm.charts[0].profiles[1].name')).toMatch(/named twice/);
    expect(message('render.helm.charts[2].profiles')).toMatch(/at least one profile/);
    expect(message('render.helm.charts[3].path')).toMatch(/missing required key "path"/);
    expect(message('render.helm.charts[2].path')).toMatch(/"charts\/web" is listed twice/);
  });
});
