import {
  API_RULES,
  apiPathText,
  dns1123LabelProblems,
  introducedApiViolations,
  quantitySign,
  validateDocumentRules,
  validateObjectRules,
  validatePodSpecRules,
} from '../../src/k8s/api-validation.js';

/** A pod spec of one container `c` (image x) with the given container fields and pod fields. */
const pod = (container: Record<string, unknown> = {}, spec: Record<string, unknown> = {}) => ({
  containers: [{ name: 'c', image: 'x', ...container }],
  ...spec,
});
const mount = (m: Record<string, unknown>) => pod({ volumeMounts: [{ name: 'v', mountPath: '/v', ...m }] }, { volumes: [{ name: 'v', emptyDir: {} }] });

interface Row {
  name: string;
  spec: unknown;
  /** Expected `rule at path` lines; [] for a valid spec. */
  expect: string[];
}

const table: Record<string, Row[]> = {
  'volume-name-required': [
    { name: 'named volume', spec: pod({}, { volumes: [{ name: 'a', emptyDir: {} }] }), expect: [] },
    { name: 'empty name', spec: pod({}, { volumes: [{ name: '', emptyDir: {} }] }), expect: ['volume-name-required at volumes[0].name'] },
    { name: 'no name', spec: pod({}, { volumes: [{ emptyDir: {} }] }), expect: ['volume-name-required at volumes[0].name'] },
  ],
  'volume-name-format': [
    { name: '63 characters, digits and dashes inside', spec: pod({}, { volumes: [{ name: `a-1${'b'.repeat(60)}`, emptyDir: {} }] }), expect: [] },
    { name: 'upper case', spec: pod({}, { volumes: [{ name: 'Data', emptyDir: {} }] }), expect: ['volume-name-format at volumes[0].name'] },
    { name: 'a dot', spec: pod({}, { volumes: [{ name: 'a.b', emptyDir: {} }] }), expect: ['volume-name-format at volumes[0].name'] },
    { name: 'ends with a dash', spec: pod({}, { volumes: [{ name: 'a-', emptyDir: {} }] }), expect: ['volume-name-format at volumes[0].name'] },
    { name: '64 characters', spec: pod({}, { volumes: [{ name: 'a'.repeat(64), emptyDir: {} }] }), expect: ['volume-name-format at volumes[0].name'] },
  ],
  'volume-name-unique': [
    {
      name: 'two names',
      spec: pod(
        {},
        {
          volumes: [
            { name: 'a', emptyDir: {} },
            { name: 'b', emptyDir: {} },
          ],
        },
      ),
      expect: [],
    },
    {
      name: 'the same name twice',
      spec: pod(
        {},
        {
          volumes: [
            { name: 'a', emptyDir: {} },
            { name: 'b', emptyDir: {} },
            { name: 'a', configMap: { name: 'x' } },
          ],
        },
      ),
      expect: ['volume-name-unique at volumes[2].name'],
    },
  ],
  'volume-source-multiple': [
    { name: 'no source at all: defaulted to emptyDir by the API server', spec: pod({}, { volumes: [{ name: 'a' }] }), expect: [] },
    { name: 'a null source does not count', spec: pod({}, { volumes: [{ name: 'a', emptyDir: {}, hostPath: null }] }), expect: [] },
    {
      name: 'emptyDir and hostPath: the second in the source order is reported',
      spec: pod({}, { volumes: [{ name: 'a', hostPath: { path: '/x' }, emptyDir: {} }] }),
      expect: ['volume-source-multiple at volumes[0].hostPath'],
    },
    {
      name: 'three sources',
      spec: pod({}, { volumes: [{ name: 'a', secret: { secretName: 's' }, configMap: { name: 'c' }, emptyDir: {} }] }),
      expect: ['volume-source-multiple at volumes[0].secret', 'volume-source-multiple at volumes[0].configMap'],
    },
  ],
  'empty-dir-size-limit': [
    { name: '1Gi', spec: pod({}, { volumes: [{ name: 'a', emptyDir: { sizeLimit: '1Gi' } }] }), expect: [] },
    { name: 'a number', spec: pod({}, { volumes: [{ name: 'a', emptyDir: { sizeLimit: 1000 } }] }), expect: [] },
    { name: 'zero and a medium', spec: pod({}, { volumes: [{ name: 'a', emptyDir: { sizeLimit: '0', medium: 'Memory' } }] }), expect: [] },
    { name: 'an unknown medium is not checked by the API server', spec: pod({}, { volumes: [{ name: 'a', emptyDir: { medium: 'Tape' } }] }), expect: [] },
    {
      name: 'negative',
      spec: pod({}, { volumes: [{ name: 'a', emptyDir: { sizeLimit: '-1Gi' } }] }),
      expect: ['empty-dir-size-limit at volumes[0].emptyDir.sizeLimit'],
    },
    {
      name: 'not a quantity',
      spec: pod({}, { volumes: [{ name: 'a', emptyDir: { sizeLimit: '1 GB' } }] }),
      expect: ['empty-dir-size-limit at volumes[0].emptyDir.sizeLimit'],
    },
  ],
  'container-name-required': [
    { name: 'named', spec: pod(), expect: [] },
    { name: 'empty', spec: { containers: [{ name: '', image: 'x' }] }, expect: ['container-name-required at containers[0].name'] },
  ],
  'container-name-format': [
    { name: 'a label', spec: pod({ name: 'web-1' }), expect: [] },
    { name: 'an underscore', spec: pod({ name: 'web_1' }), expect: ['container-name-format at containers[0].name'] },
    {
      name: 'an init container with a dot',
      spec: pod({}, { initContainers: [{ name: 'init.1', image: 'x' }] }),
      expect: ['container-name-format at initContainers[0].name'],
    },
  ],
  'container-name-unique': [
    {
      name: 'distinct names in all lists',
      spec: pod({}, { initContainers: [{ name: 'i', image: 'x' }], ephemeralContainers: [{ name: 'e', image: 'x' }] }),
      expect: [],
    },
    {
      name: 'twice in containers',
      spec: {
        containers: [
          { name: 'a', image: 'x' },
          { name: 'a', image: 'y' },
        ],
      },
      expect: ['container-name-unique at containers[1].name'],
    },
    {
      name: 'an init container named like a container',
      spec: pod({}, { initContainers: [{ name: 'c', image: 'x' }] }),
      expect: ['container-name-unique at initContainers[0].name'],
    },
    {
      name: 'an ephemeral container named like an init container',
      spec: pod({}, { initContainers: [{ name: 'i', image: 'x' }], ephemeralContainers: [{ name: 'i', image: 'x' }] }),
      expect: ['container-name-unique at ephemeralContainers[0].name'],
    },
  ],
  'mount-volume-exists': [
    { name: 'a defined volume', spec: mount({}), expect: [] },
    { name: 'an undefined volume', spec: mount({ name: 'w' }), expect: ['mount-volume-exists at containers[0].volumeMounts[0].name'] },
    {
      name: 'a volume the API server rejects is not mountable either',
      spec: pod({ volumeMounts: [{ name: 'V', mountPath: '/v' }] }, { volumes: [{ name: 'V', emptyDir: {} }] }),
      expect: ['volume-name-format at volumes[0].name', 'mount-volume-exists at containers[0].volumeMounts[0].name'],
    },
  ],
  'mount-path-unique': [
    {
      name: 'two paths',
      spec: pod(
        {
          volumeMounts: [
            { name: 'v', mountPath: '/a' },
            { name: 'v', mountPath: '/b' },
          ],
        },
        { volumes: [{ name: 'v', emptyDir: {} }] },
      ),
      expect: [],
    },
    {
      name: 'paths are compared as written (/a and /a/ differ)',
      spec: pod(
        {
          volumeMounts: [
            { name: 'v', mountPath: '/a' },
            { name: 'v', mountPath: '/a/' },
          ],
        },
        { volumes: [{ name: 'v', emptyDir: {} }] },
      ),
      expect: [],
    },
    { name: 'a colon is allowed', spec: mount({ mountPath: 'C:\\data' }), expect: [] },
    {
      name: 'the same path twice',
      spec: pod(
        {
          volumeMounts: [
            { name: 'v', mountPath: '/a' },
            { name: 'w', mountPath: '/a' },
          ],
        },
        {
          volumes: [
            { name: 'v', emptyDir: {} },
            { name: 'w', emptyDir: {} },
          ],
        },
      ),
      expect: ['mount-path-unique at containers[0].volumeMounts[1].mountPath'],
    },
    {
      name: 'the same path in two containers is fine',
      spec: {
        containers: [
          { name: 'a', image: 'x', volumeMounts: [{ name: 'v', mountPath: '/a' }] },
          { name: 'b', image: 'x', volumeMounts: [{ name: 'v', mountPath: '/a' }] },
        ],
        volumes: [{ name: 'v', emptyDir: {} }],
      },
      expect: [],
    },
  ],
  'sub-path-relative': [
    { name: 'a relative subPath', spec: mount({ subPath: 'a/b' }), expect: [] },
    { name: "'..' inside a name is fine", spec: mount({ subPath: 'a..b' }), expect: [] },
    { name: 'absolute', spec: mount({ subPath: '/a' }), expect: ['sub-path-relative at containers[0].volumeMounts[0].subPath'] },
    { name: 'a backstep', spec: mount({ subPathExpr: 'a/../$(POD)' }), expect: ['sub-path-relative at containers[0].volumeMounts[0].subPathExpr'] },
  ],
  'sub-path-exclusive': [
    { name: 'subPathExpr alone', spec: mount({ subPathExpr: '$(POD)' }), expect: [] },
    { name: 'both', spec: mount({ subPath: 'a', subPathExpr: '$(POD)' }), expect: ['sub-path-exclusive at containers[0].volumeMounts[0].subPathExpr'] },
  ],
  'ephemeral-no-sub-path': [
    {
      name: 'an ephemeral container mounting without subPath',
      spec: pod(
        {},
        { volumes: [{ name: 'v', emptyDir: {} }], ephemeralContainers: [{ name: 'e', image: 'x', volumeMounts: [{ name: 'v', mountPath: '/v' }] }] },
      ),
      expect: [],
    },
    {
      name: 'an ephemeral container with a subPath',
      spec: pod(
        {},
        {
          volumes: [{ name: 'v', emptyDir: {} }],
          ephemeralContainers: [{ name: 'e', image: 'x', volumeMounts: [{ name: 'v', mountPath: '/v', subPath: 'a' }] }],
        },
      ),
      expect: ['ephemeral-no-sub-path at ephemeralContainers[0].volumeMounts[0].subPath'],
    },
  ],
  'mount-propagation-value': [
    { name: 'HostToContainer', spec: mount({ mountPropagation: 'HostToContainer' }), expect: [] },
    { name: 'None', spec: mount({ mountPropagation: 'None' }), expect: [] },
    {
      name: 'a Linux word the API does not know',
      spec: mount({ mountPropagation: 'rshared' }),
      expect: ['mount-propagation-value at containers[0].volumeMounts[0].mountPropagation'],
    },
  ],
  'bidirectional-requires-privileged': [
    {
      name: 'Bidirectional in a privileged container',
      spec: {
        ...mount({ mountPropagation: 'Bidirectional' }),
        containers: [
          { name: 'c', image: 'x', securityContext: { privileged: true }, volumeMounts: [{ name: 'v', mountPath: '/v', mountPropagation: 'Bidirectional' }] },
        ],
      },
      expect: [],
    },
    {
      name: 'Bidirectional without privileged',
      spec: mount({ mountPropagation: 'Bidirectional' }),
      expect: ['bidirectional-requires-privileged at containers[0].volumeMounts[0].mountPropagation'],
    },
    {
      name: 'privileged: false',
      spec: pod(
        { securityContext: { privileged: false }, volumeMounts: [{ name: 'v', mountPath: '/v', mountPropagation: 'Bidirectional' }] },
        { volumes: [{ name: 'v', hostPath: { path: '/mnt' } }] },
      ),
      expect: ['bidirectional-requires-privileged at containers[0].volumeMounts[0].mountPropagation'],
    },
  ],
  'recursive-read-only-value': [
    { name: 'Disabled on a writable mount', spec: mount({ recursiveReadOnly: 'Disabled' }), expect: [] },
    {
      name: 'an unknown value',
      spec: mount({ recursiveReadOnly: 'Always', readOnly: true }),
      expect: ['recursive-read-only-value at containers[0].volumeMounts[0].recursiveReadOnly'],
    },
  ],
  'recursive-read-only-requires-read-only': [
    { name: 'Enabled with readOnly', spec: mount({ recursiveReadOnly: 'Enabled', readOnly: true }), expect: [] },
    {
      name: 'IfPossible without readOnly',
      spec: mount({ recursiveReadOnly: 'IfPossible' }),
      expect: ['recursive-read-only-requires-read-only at containers[0].volumeMounts[0].recursiveReadOnly'],
    },
  ],
  'recursive-read-only-requires-no-propagation': [
    { name: 'Enabled with propagation None', spec: mount({ recursiveReadOnly: 'Enabled', readOnly: true, mountPropagation: 'None' }), expect: [] },
    {
      name: 'Enabled with HostToContainer',
      spec: mount({ recursiveReadOnly: 'Enabled', readOnly: true, mountPropagation: 'HostToContainer' }),
      expect: ['recursive-read-only-requires-no-propagation at containers[0].volumeMounts[0].recursiveReadOnly'],
    },
  ],
  'ape-false-privileged': [
    { name: 'allowPrivilegeEscalation false alone', spec: pod({ securityContext: { allowPrivilegeEscalation: false } }), expect: [] },
    { name: 'privileged with escalation allowed', spec: pod({ securityContext: { allowPrivilegeEscalation: true, privileged: true } }), expect: [] },
    {
      name: 'false with privileged: true',
      spec: pod({ securityContext: { allowPrivilegeEscalation: false, privileged: true } }),
      expect: ['ape-false-privileged at containers[0].securityContext.allowPrivilegeEscalation'],
    },
    {
      name: 'in an init container',
      spec: pod({}, { initContainers: [{ name: 'i', image: 'x', securityContext: { allowPrivilegeEscalation: false, privileged: true } }] }),
      expect: ['ape-false-privileged at initContainers[0].securityContext.allowPrivilegeEscalation'],
    },
  ],
  'ape-false-cap-sys-admin': [
    {
      name: 'SYS_ADMIN without the prefix: the API server compares the exact string',
      spec: pod({ securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['SYS_ADMIN'] } } }),
      expect: [],
    },
    { name: 'lower case', spec: pod({ securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['cap_sys_admin'] } } }), expect: [] },
    { name: 'CAP_SYS_ADMIN with escalation allowed', spec: pod({ securityContext: { capabilities: { add: ['CAP_SYS_ADMIN'] } } }), expect: [] },
    {
      name: 'CAP_SYS_ADMIN with allowPrivilegeEscalation: false',
      spec: pod({ securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_ADMIN', 'CAP_SYS_ADMIN'] } } }),
      expect: ['ape-false-cap-sys-admin at containers[0].securityContext.capabilities.add[1]'],
    },
  ],
};

const lines = (spec: unknown) => validatePodSpecRules(spec).map((v) => `${v.rule} at ${apiPathText(v.path)}`);

describe('validatePodSpecRules', () => {
  it('has a table for every rule, and every rule has a source in kubernetes/kubernetes', () => {
    expect(Object.keys(table).sort()).toEqual(API_RULES.map((r) => r.id).sort());
    for (const r of API_RULES) expect(r.source).toMatch(/^(pkg|staging)\/.+\.go \w+/);
  });

  for (const [rule, rows] of Object.entries(table)) {
    describe(rule, () => {
      it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
        expect(lines(row.spec)).toEqual(row.expect);
      });
    });
  }

  it('reports the rule source and a message with each violation', () => {
    const [v] = validatePodSpecRules(mount({ mountPropagation: 'Bidirectional' }));
    expect(v).toEqual({
      rule: 'bidirectional-requires-privileged',
      path: ['containers', 0, 'volumeMounts', 0, 'mountPropagation'],
      message: expect.stringContaining('privileged'),
      source: expect.stringContaining('validation.go validateMountPropagation'),
    });
  });

  it('ignores what is not an object and values of a wrong type', () => {
    expect(validatePodSpecRules(null)).toEqual([]);
    expect(validatePodSpecRules([1])).toEqual([]);
    expect(lines({ containers: 'x', volumes: { a: 1 } })).toEqual([]);
    expect(lines(pod({ volumeMounts: [null, 'x'], securityContext: 'x' }))).toEqual([]);
  });
});

describe('validateObjectRules', () => {
  const template = (spec: unknown) => ({ metadata: { labels: { a: 'b' } }, spec });
  it.each([
    ['Pod', { apiVersion: 'v1', kind: 'Pod', spec: mount({ name: 'w' }) }, 'spec.containers[0].volumeMounts[0].name'],
    [
      'Deployment',
      { apiVersion: 'apps/v1', kind: 'Deployment', spec: { template: template(mount({ name: 'w' })) } },
      'spec.template.spec.containers[0].volumeMounts[0].name',
    ],
    [
      'CronJob',
      { apiVersion: 'batch/v1', kind: 'CronJob', spec: { jobTemplate: { spec: { template: template(mount({ name: 'w' })) } } } },
      'spec.jobTemplate.spec.template.spec.containers[0].volumeMounts[0].name',
    ],
  ])('finds the pod spec of a %s', (_kind, object, path) => {
    expect(validateObjectRules(object).map((v) => apiPathText(v.path))).toEqual([path]);
  });

  it("counts a StatefulSet's volumeClaimTemplates as volumes", () => {
    const sts = (claim: string) => ({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      spec: { volumeClaimTemplates: [{ metadata: { name: claim } }], template: template(pod({ volumeMounts: [{ name: 'data', mountPath: '/data' }] })) },
    });
    expect(validateObjectRules(sts('data'))).toEqual([]);
    expect(validateObjectRules(sts('other')).map((v) => v.rule)).toEqual(['mount-volume-exists']);
  });

  it('is empty for objects without a pod spec', () => {
    expect(validateObjectRules({ apiVersion: 'v1', kind: 'ConfigMap', data: {} })).toEqual([]);
    expect(validateObjectRules({ apiVersion: 'v1', kind: 'Pod' })).toEqual([]);
    expect(validateObjectRules('x')).toEqual([]);
  });

  it('reads the items of a List document', () => {
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      items: [
        { apiVersion: 'v1', kind: 'ConfigMap' },
        { apiVersion: 'v1', kind: 'Pod', spec: mount({ name: 'w' }) },
      ],
    };
    expect(validateDocumentRules(list).map((v) => apiPathText(v.path))).toEqual(['items[1].spec.containers[0].volumeMounts[0].name']);
  });
});

describe('introducedApiViolations', () => {
  const podOf = (sc: Record<string, unknown>) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    spec: pod(
      { securityContext: sc, volumeMounts: [{ name: 'v', mountPath: '/v', mountPropagation: 'Bidirectional' }] },
      { volumes: [{ name: 'v', hostPath: { path: '/mnt' } }] },
    ),
  });
  it('returns what the change adds, not what was already there', () => {
    expect(introducedApiViolations(podOf({ privileged: true }), podOf({ privileged: false })).map((v) => v.rule)).toEqual([
      'bidirectional-requires-privileged',
    ]);
    expect(introducedApiViolations(podOf({}), podOf({ privileged: false }))).toEqual([]);
    expect(introducedApiViolations(podOf({ privileged: true }), podOf({ privileged: true, readOnlyRootFilesystem: true }))).toEqual([]);
  });
});

describe('helpers', () => {
  it('dns1123LabelProblems', () => {
    expect(dns1123LabelProblems('a')).toEqual([]);
    expect(dns1123LabelProblems('0-a')).toEqual([]);
    expect(dns1123LabelProblems('-a')).toHaveLength(1);
    expect(dns1123LabelProblems('')).toHaveLength(1);
    expect(dns1123LabelProblems('a'.repeat(64))).toHaveLength(1);
  });

  it.each([
    ['1Gi', 1],
    ['500M', 1],
    ['1.5', 1],
    ['1.', 1],
    ['.5Ki', 1],
    ['+2', 1],
    ['1e3', 1],
    ['1E-2', 1],
    ['0', 0],
    ['0.0Mi', 0],
    ['-1Gi', -1],
    [128, 1],
    [0, 0],
    [-1, -1],
  ] as const)('quantitySign(%j) = %d', (q, sign) => {
    expect(quantitySign(q)).toBe(sign);
  });

  it.each(['', '1 Gi', '1GB', '1K', 'Gi', '1e', '1.2.3', 'abc'])('quantitySign(%j) is not a quantity', (q) => {
    expect(quantitySign(q)).toBeUndefined();
  });
});
