import { baseExemptionsInText, run, type EngineOptions, type ExemptionGovernance, type RunResult } from '../../src/engine/index.js';
import { DEFAULT_EXEMPTION_GOVERNANCE } from '../../src/settings/config.js';
import { refusalsOf } from '../../src/engine/exemptions.js';
import { builtinPolicies } from '../../policies/index.js';
import { nodeShellPod } from '../fixtures/node-shell.js';

/** A privileged, hostPID Pod mounting the node's `/`: what a self-exemption would hide. */
const pod = (annotations: string) => nodeShellPod({ annotations, namespace: 'ops' });

const ALL = '    ignore.kube-immutable.io/all: "debug shell for the on-call team"\n';
const TODAY = '2026-12-01';
const scan = (text: string, opts: EngineOptions): RunResult => run([{ path: 'ops/shell.yaml', text }], builtinPolicies, { today: TODAY, ...opts });
const active = (r: RunResult) => r.findings.filter((f) => !f.suppressed && f.policyId !== 'exemption');
const governance = (g: Partial<ExemptionGovernance>): ExemptionGovernance => ({ ...DEFAULT_EXEMPTION_GOVERNANCE, ...g });

describe('exemption governance: base-only', () => {
  const text = pod(ALL);
  const base = baseExemptionsInText(text);

  it("reads the base commit's annotations as identities (object, place, key, value)", () => {
    expect(base).toEqual([
      { kind: 'Pod', namespace: 'ops', name: 'node-shell', on: 'metadata', key: 'ignore.kube-immutable.io/all', value: 'debug shell for the on-call team' },
    ]);
    expect(baseExemptionsInText('{{ .Values }}\n: [')).toEqual([]);
  });

  it('a pull request that adds the annotation requests an exemption: nothing is suppressed, the request is recorded', () => {
    const r = scan(text, { exemptionGovernance: governance({}), baseExemptions: { 'ops/shell.yaml': [] } });
    expect(r.findings.some((f) => f.suppressed)).toBe(false);
    expect(active(r).map((f) => f.policyId)).toEqual(expect.arrayContaining(['no-privileged-container', 'no-host-namespaces', 'no-writable-host-path']));
    expect(r.findings.filter((f) => f.policyId === 'exemption')).toEqual([]); // a request is not a problem of the manifest
    expect(r.exemptions).toEqual([
      {
        file: 'ops/shell.yaml',
        line: 7,
        column: 5,
        object: { kind: 'Pod', namespace: 'ops', name: 'node-shell' },
        on: 'metadata',
        key: 'ignore.kube-immutable.io/all',
        policy: '*',
        containers: undefined,
        reason: 'debug shell for the on-call team',
        expires: undefined,
        atBase: false,
        honoured: false,
        refusals: ['notAtBase'],
        why: 'it is not at the base commit, and the configuration honours only exemptions already there (exemptions.annotations: base-only): a reviewer decides',
        fingerprints: expect.any(Array),
      },
    ]);
    expect([...r.exemptions![0]!.fingerprints].sort()).toEqual(
      active(r)
        .map((f) => f.fingerprint)
        .sort(),
    );
  });

  it('the same annotation at the base commit is honoured, and not listed', () => {
    const r = scan(text, { exemptionGovernance: governance({}), baseExemptions: { 'ops/shell.yaml': base } });
    expect(active(r)).toEqual([]);
    expect(r.findings.every((f) => f.policyId === 'exemption' || f.suppressed?.kind === 'inSource')).toBe(true);
    expect(r.exemptions).toBeUndefined();
  });

  it('a changed value (reason or expiry), another object or the pod template is a new request', () => {
    const changed = scan(pod('    ignore.kube-immutable.io/all: "expires=2027-01-31; debug shell for the on-call team"\n'), {
      exemptionGovernance: governance({}),
      baseExemptions: { 'ops/shell.yaml': base },
    });
    expect(changed.exemptions!.map((e) => [e.atBase, e.refusals])).toEqual([[false, ['notAtBase']]]);
    const renamed = scan(text.replace('name: node-shell', 'name: node-shell-2'), {
      exemptionGovernance: governance({}),
      baseExemptions: { 'ops/shell.yaml': base },
    });
    expect(renamed.exemptions!.map((e) => e.honoured)).toEqual([false]);
    const otherFile = run([{ path: 'other.yaml', text }], builtinPolicies, {
      today: TODAY,
      exemptionGovernance: governance({}),
      baseExemptions: { 'ops/shell.yaml': base },
    });
    expect(otherFile.exemptions!.map((e) => e.honoured)).toEqual([false]);
    const template = refusalsOf(
      {
        policy: '*',
        key: base[0]!.key,
        value: base[0]!.value,
        on: 'podTemplate',
        containers: undefined,
        reason: 'r',
        expires: undefined,
        node: undefined as never,
        source: '',
      },
      { kind: 'Pod', namespace: 'ops', name: 'node-shell' },
      governance({}),
      base,
      TODAY,
    );
    expect(template).toEqual(['notAtBase']);
  });

  it('without a base commit (the CLI) base-only honours the annotation and lists nothing', () => {
    const r = scan(text, { exemptionGovernance: governance({}) });
    expect(active(r)).toEqual([]);
    expect(r.exemptions).toBeUndefined();
  });

  it('under allowed, an annotation the pull request adds is honoured but listed as changed', () => {
    const r = scan(text, { exemptionGovernance: governance({ annotations: 'allowed' }), baseExemptions: {} });
    expect(active(r)).toEqual([]);
    expect(r.exemptions!.map((e) => [e.honoured, e.atBase, e.refusals, e.fingerprints.length > 0])).toEqual([[true, false, [], true]]);
  });
});

describe("exemption governance: the configuration's rules", () => {
  it('disabled: never honoured (base or not), and a finding of the exemption check at the annotation', () => {
    const text = pod(ALL);
    const r = scan(text, { exemptionGovernance: governance({ annotations: 'disabled' }), baseExemptions: { 'ops/shell.yaml': baseExemptionsInText(text) } });
    expect(r.findings.some((f) => f.suppressed)).toBe(false);
    const e = r.findings.filter((f) => f.policyId === 'exemption');
    expect(e.map((f) => [f.messageId, f.severity, f.range.start.line])).toEqual([['annotationsDisabled', 'warning', 7]]);
    expect(e[0]!.message).toBe(
      'The exemption annotation ignore.kube-immutable.io/all on Pod/node-shell is not honoured: the configuration disables exemption annotations (exemptions.annotations: disabled); ask for an exemption in the configuration. The findings it names are reported.',
    );
    expect(r.exemptions!.map((x) => [x.honoured, x.atBase, x.refusals])).toEqual([[false, true, ['annotationsDisabled']]]);
  });

  it("the exemption check's severity applies; off: no finding, still not honoured", () => {
    const r = scan(pod(ALL), { exemptionGovernance: governance({ annotations: 'disabled' }), severity: { exemption: 'error' } });
    expect(r.findings.filter((f) => f.policyId === 'exemption').map((f) => f.severity)).toEqual(['error']);
    const off = scan(pod(ALL), { exemptionGovernance: governance({ annotations: 'disabled' }), severity: { exemption: 'off' } });
    expect(off.findings.filter((f) => f.policyId === 'exemption')).toEqual([]);
    expect(off.findings.some((f) => f.suppressed)).toBe(false);
  });

  it('policies: only the listed policies, and never "all"', () => {
    const text = pod(
      '    ignore.kube-immutable.io/no-host-namespaces: "expires=2027-01-31; node debugging"\n    ignore.kube-immutable.io/no-privileged-container: "expires=2027-01-31; node debugging"\n' +
        ALL,
    );
    const r = scan(text, { exemptionGovernance: governance({ annotations: 'allowed', policies: ['no-host-namespaces'] }) });
    const suppressed = r.findings.filter((f) => f.suppressed).map((f) => f.policyId);
    expect([...new Set(suppressed)]).toEqual(['no-host-namespaces']);
    expect(r.findings.filter((f) => f.policyId === 'exemption').map((f) => [f.messageId, f.range.start.line])).toEqual([
      ['policyNotAllowed', 8],
      ['policyNotAllowed', 9],
    ]);
    expect(r.exemptions!.map((x) => x.why)).toEqual([
      'the configuration does not allow exempting no-privileged-container by annotation (exemptions.policies: no-host-namespaces)',
      'the configuration allows annotation exemptions only for named policies (no-host-namespaces), never ignore.kube-immutable.io/all',
    ]);
  });

  it('maxDays: an expiry more than maxDays ahead is refused (9999-12-31 under the default 365); within it, honoured', () => {
    const far = scan(pod('    ignore.kube-immutable.io/all: "expires=9999-12-31; forever"\n'), { exemptionGovernance: governance({ annotations: 'allowed' }) });
    expect(far.findings.some((f) => f.suppressed)).toBe(false);
    expect(far.findings.filter((f) => f.policyId === 'exemption').map((f) => f.messageId)).toEqual(['expiryTooFar']);
    expect(far.exemptions![0]!.why).toBe('expires=9999-12-31 is more than 365 days away (exemptions.maxDays: 365)');
    const edge = scan(pod('    ignore.kube-immutable.io/all: "expires=2027-12-01; a year"\n'), { exemptionGovernance: governance({ annotations: 'allowed' }) });
    expect(active(edge)).toEqual([]); // exactly 365 days
    const over = scan(pod('    ignore.kube-immutable.io/all: "expires=2027-12-02; a year and a day"\n'), {
      exemptionGovernance: governance({ annotations: 'allowed' }),
    });
    expect(over.exemptions!.map((x) => x.refusals)).toEqual([['expiryTooFar']]);
  });

  it('requireExpiry: an exemption without expires= is refused', () => {
    const r = scan(pod(ALL), { exemptionGovernance: governance({ annotations: 'allowed', requireExpiry: true }) });
    expect(r.findings.filter((f) => f.policyId === 'exemption').map((f) => f.messageId)).toEqual(['expiryRequired']);
    expect(r.findings.some((f) => f.suppressed)).toBe(false);
  });

  it('every refusal is recorded, most fundamental first (the finding names the first rule broken)', () => {
    const r = scan(pod('    ignore.kube-immutable.io/all: "expires=9999-12-31; forever"\n'), {
      exemptionGovernance: governance({ policies: ['image-digest'] }),
      baseExemptions: {},
    });
    expect(r.exemptions!.map((x) => x.refusals)).toEqual([['policyNotAllowed', 'expiryTooFar', 'notAtBase']]);
    expect(r.findings.filter((f) => f.policyId === 'exemption').map((f) => f.messageId)).toEqual(['policyNotAllowed']);
  });

  it('configuration exemptions are not restricted by the annotation rules', () => {
    const r = scan(pod('    note: none\n'), {
      exemptionGovernance: governance({ annotations: 'disabled', requireExpiry: true, maxDays: 1 }),
      exemptions: [
        { policy: '*', kind: 'Pod', name: 'node-shell', reason: 'platform-approved debug pod', expires: '9999-12-31', source: '.github/kube-immutable.yaml:3' },
      ],
    });
    expect(active(r)).toEqual([]);
    expect(r.exemptions).toBeUndefined();
  });

  it("no governance (the engine API's default) honours every well-formed annotation, as before", () => {
    const r = scan(pod('    ignore.kube-immutable.io/all: "expires=9999-12-31; forever"\n'), {});
    expect(active(r)).toEqual([]);
    expect(r.exemptions).toBeUndefined();
    // With a base known, an annotation new in the change is still listed (honoured).
    expect(scan(pod(ALL), { baseExemptions: {} }).exemptions!.map((e) => [e.honoured, e.atBase])).toEqual([[true, false]]);
  });

  it('fixes of other findings are unaffected by a refused exemption (verification sees the same rules)', () => {
    const text = pod(ALL);
    const r = scan(text, { exemptionGovernance: governance({}), baseExemptions: {} });
    const plain = scan(text.replace(ALL, '    note: none\n'), {});
    expect(r.fixes.filter((g) => g.verified).length).toBe(plain.fixes.filter((g) => g.verified).length);
  });
});
