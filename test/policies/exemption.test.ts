import { run } from '../../src/engine/index.js';
import { testPolicy } from '../../src/api/testing.js';
import { parseExemptionValue } from '../../src/engine/exemptions.js';
import policy from '../../policies/exemption.js';
import { builtinPolicies } from '../../policies/index.js';

const deployment = (annotations: string, podAnnotations = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
${annotations}spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
      annotations:
${podAnnotations}        owner: team-a
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
      - name: sidecar
        image: ghcr.io/acme/sidecar:1.0
        securityContext:
          readOnlyRootFilesystem: true
          allowPrivilegeEscalation: false
`;

testPolicy(
  policy,
  {
    valid: [
      deployment('    ignore.kube-immutable.io/read-only-root-filesystem: "vendor image writes everywhere; OPS-12"\n'),
      deployment('    ignore.kube-immutable.io/all: "containers=nginx; expires=2999-01-01; legacy, replaced in Q3"\n'),
    ],
    invalid: [
      {
        name: 'no reason, an unknown policy, an unparsable value',
        code: deployment(
          '    ignore.kube-immutable.io/no-privilege-escalation: ""\n    ignore.kube-immutable.io/no-such-policy: "because"\n    ignore.kube-immutable.io/all: "containers=; x"\n',
        ),
        errors: [
          { messageId: 'missingReason', line: 6 },
          { messageId: 'unknownPolicy', line: 7 },
          { messageId: 'unparsable', line: 8 },
        ],
        output: null,
      },
      {
        name: 'on the pod template too',
        code: deployment('    note: x\n', '        ignore.kube-immutable.io/all: "owner=me; reason"\n'),
        errors: [{ messageId: 'unparsable', line: 14 }],
        output: null,
      },
    ],
  },
  { engine: { knownPolicyIds: builtinPolicies.map((p) => p.id) } },
);

describe('exemption annotation values', () => {
  it.each([
    ['reason only', { reason: 'reason only' }],
    ['containers=a,b; the reason; with a semicolon', { containers: ['a', 'b'], reason: 'the reason; with a semicolon' }],
    ['containers= a ; expires=2027-01-31; r', { containers: ['a'], expires: '2027-01-31', reason: 'r' }],
    ['see https://x.example/?a=b', { reason: 'see https://x.example/?a=b' }],
    ['', { reason: '' }],
    ['expires=31/01/2027; r', { error: 'expires=31/01/2027 is not a date (YYYY-MM-DD)' }],
    ['colour=red; r', { error: 'unknown setting "colour" (settings are containers= and expires=)' }],
  ])('%j', (value, expected) => {
    expect(parseExemptionValue(value)).toEqual(expect.objectContaining(expected));
  });
});

describe('suppression', () => {
  const findingsOf = (text: string, opts = {}) => run([{ path: 'd.yaml', text }], builtinPolicies, opts).findings;

  it('an object annotation suppresses that policy for every container; suppressed findings get no fix', () => {
    const text = deployment('    ignore.kube-immutable.io/read-only-root-filesystem: "vendor image; OPS-12"\n');
    const r = run([{ path: 'd.yaml', text }], builtinPolicies);
    const rofs = r.findings.filter((f) => f.policyId === 'read-only-root-filesystem');
    expect(rofs.map((f) => f.suppressed)).toEqual([
      { kind: 'inSource', justification: 'vendor image; OPS-12', source: 'annotation ignore.kube-immutable.io/read-only-root-filesystem on Deployment/web' },
    ]);
    expect(rofs[0]!.fixId).toBeUndefined();
    // The unsuppressed finding of the same container is still fixed, without the suppressed part.
    const fixed = r.files[0]!.fixedText!;
    expect(fixed).toContain('allowPrivilegeEscalation: false');
    expect(fixed).not.toContain('readOnlyRootFilesystem: true\n          allowPrivilegeEscalation: false\n      - name: sidecar');
    expect(fixed.match(/readOnlyRootFilesystem: true/g)).toHaveLength(1);
  });

  it('a per-container annotation on the pod template exempts only the named container', () => {
    const text = deployment('    note: x\n', '        ignore.kube-immutable.io/all: "containers=nginx; legacy until the Q3 rewrite"\n');
    const f = findingsOf(text).filter((x) => x.container?.name === 'nginx');
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => x.suppressed?.source === 'annotation ignore.kube-immutable.io/all on the pod template of Deployment/web')).toBe(true);
  });

  it('an expired exemption no longer applies and says so', () => {
    const text = deployment('    ignore.kube-immutable.io/read-only-root-filesystem: "expires=2020-01-01; temporary"\n');
    const f = findingsOf(text, { today: '2026-11-21' });
    expect(f.find((x) => x.policyId === 'read-only-root-filesystem')!.suppressed).toBeUndefined();
    const notice = f.find((x) => x.policyId === 'exemption' && x.messageId === 'expired')!;
    expect(notice.severity).toBe('info');
    expect(notice.message).toBe(
      'The exemption annotation ignore.kube-immutable.io/read-only-root-filesystem on Deployment/web expired on 2020-01-01: the findings it covered are reported again.',
    );
    expect(notice.range.start.line).toBe(6);
  });

  it('configuration exemptions match by policy, files, kind, name and container', () => {
    const text = deployment('    note: x\n');
    const f = findingsOf(text, {
      exemptions: [
        {
          policy: '*',
          files: ['d.yaml'],
          kind: 'Deployment',
          name: 'web',
          containers: ['nginx'],
          reason: 'accepted risk',
          source: '.github/kube-immutable.yaml:7',
        },
      ],
    });
    const nginx = f.filter((x) => x.container?.name === 'nginx');
    expect(nginx.every((x) => x.suppressed?.kind === 'external' && x.suppressed.source === '.github/kube-immutable.yaml:7')).toBe(true);
    const other = findingsOf(text, { exemptions: [{ policy: '*', files: ['other/**'], reason: 'r', source: 'c:1' }] });
    expect(other.every((x) => x.suppressed === undefined)).toBe(true);
  });
});
