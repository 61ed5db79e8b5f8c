import { run, type ExemptionRecord, type RunResult } from '../../src/engine/index.js';
import { DEFAULT_EXEMPTION_GOVERNANCE } from '../../src/settings/config.js';
import { builtinPolicies } from '../../policies/index.js';
import { EXEMPTION_SECTION_TITLE, exemptionSection, formatSarif, jobSummary } from '../../src/report/index.js';
import { hunksBetween, MAX_BODY_LENGTH, planReview, type Hunk } from '../../src/review/index.js';
import { nodeShellPod } from '../fixtures/node-shell.js';
import { renderedTags, renderGfm } from '../gfm-render.js';

const REPO = 'https://github.com/o/r';
const SHA = 'a'.repeat(40);

/** A privileged hostPID Pod mounting `/`, with the PR's annotation lines. */
const pod = (annotations: string) => nodeShellPod({ annotations });

/** The PR adds an `all` exemption under base-only (file new in the PR): requested, not honoured. */
function requested(annotation = '    ignore.kube-immutable.io/all: "debug shell for on-call"\n'): { result: RunResult; text: string } {
  const text = pod(annotation);
  const result = run([{ path: 'ops/shell.yaml', text }], builtinPolicies, {
    today: '2026-12-01',
    exemptionGovernance: { ...DEFAULT_EXEMPTION_GOVERNANCE },
    baseExemptions: {},
  });
  return { result, text };
}

describe('the exemption section', () => {
  it('lists object, policy, containers, reason, expiry, status and a link to the line', () => {
    const { result } = requested();
    const md = exemptionSection(result, { repoUrl: REPO, headSha: SHA, limit: 10_000, unit: 'chars' });
    expect(md).toContain(`### ${EXEMPTION_SECTION_TITLE}`);
    expect(md).toContain('| Object | Policy | Containers | Reason | Expires | Status | Location |');
    const row = md.split('\n').find((l) => l.startsWith('| Pod'))!;
    expect(row).toContain('| ` all ` | all | debug shell for on-call | — |');
    expect(row).toMatch(/\*\*not honoured — it is not at the base commit.*a reviewer decides; \d+ findings still count\*\*/);
    expect(row).toContain(`[ops/shell.yaml:6](${REPO}/blob/${SHA}/ops/shell.yaml#L6)`);
    expect(exemptionSection({}, { repoUrl: REPO, headSha: SHA, limit: 10_000, unit: 'chars' })).toBe('');
  });

  it('escapes what the pull request controls (reason, names, containers)', () => {
    const { result } = requested(
      '    ignore.kube-immutable.io/all: "containers=<b>x</b>; see @admin #1 <img src=x onerror=alert(1)> | [link](javascript:alert(1))"\n',
    );
    const md = exemptionSection(result, { repoUrl: REPO, headSha: SHA, limit: 10_000, unit: 'chars' });
    expect(md).not.toMatch(/(?<!\\)(<img|<b>|\]\(javascript)/);
    expect(renderGfm(md)).not.toMatch(/href="javascript/i);
    expect(renderedTags(md)).not.toContain('img');
    expect(renderedTags(md)).not.toContain('b');
    expect(md).toContain('\\<img');
    expect(md).not.toMatch(/(^|[^\\])\| \[link/); // the pipe is escaped: no extra cell
    expect(md).not.toMatch(/@admin/); // the mention is broken with a zero-width space
  });

  it('keeps whole rows within its limit and says how many were left out', () => {
    const base = requested().result.exemptions![0]!;
    const many: ExemptionRecord[] = Array.from({ length: 500 }, (_, i) => ({ ...base, line: i + 1, reason: 'r'.repeat(290) }));
    const md = exemptionSection({ exemptions: many }, { repoUrl: REPO, headSha: SHA, limit: 16_000, unit: 'chars', elsewhere: 'the job summary' });
    expect(md.length).toBeLessThanOrEqual(16_000);
    const rows = md.split('\n').filter((l) => l.startsWith('| Pod')).length;
    expect(rows).toBeGreaterThan(10);
    expect(md).toContain(`_Note: ${500 - rows} more exemptions not listed here (size limit); see the job summary._`);
  });
});

describe('the review body, the job summary and SARIF', () => {
  it('the review body lists the requested exemption first, and its findings are posted (they count)', () => {
    const { result, text } = requested();
    const files = new Map<string, { headText: string; hunks: Hunk[] }>([['ops/shell.yaml', { headText: text, hunks: hunksBetween(undefined, text) }]]);
    const plan = planReview({ result, files, filterMode: 'added', maxComments: 30, existing: [], headSha: SHA, repoUrl: REPO, policies: builtinPolicies });
    expect(plan.body).toContain(`### ${EXEMPTION_SECTION_TITLE}`);
    expect(plan.body.indexOf(EXEMPTION_SECTION_TITLE)).toBeLessThan(plan.body.indexOf('<!--') === -1 ? Infinity : plan.body.indexOf('<!--'));
    expect(plan.fallbackBody).toContain(EXEMPTION_SECTION_TITLE);
    expect(plan.comments.map((c) => c.body).join('\n')).toMatch(/privileged/);
    expect(plan.body.length).toBeLessThanOrEqual(MAX_BODY_LENGTH);
  });

  it("a review body with thousands of requests stays within GitHub's limit", () => {
    const { result, text } = requested();
    const many = { ...result, exemptions: Array.from({ length: 5_000 }, () => ({ ...result.exemptions![0]!, reason: 'x'.repeat(300) })) };
    const files = new Map<string, { headText: string; hunks: Hunk[] }>([['ops/shell.yaml', { headText: text, hunks: hunksBetween(undefined, text) }]]);
    const plan = planReview({
      result: many,
      files,
      filterMode: 'added',
      maxComments: 30,
      existing: [],
      headSha: SHA,
      repoUrl: REPO,
      policies: builtinPolicies,
    });
    expect(plan.body.length).toBeLessThanOrEqual(MAX_BODY_LENGTH);
    expect(plan.fallbackBody.length).toBeLessThanOrEqual(MAX_BODY_LENGTH);
  });

  it('the job summary lists it too', () => {
    const { result } = requested();
    const md = jobSummary(result, { repoUrl: REPO, headSha: SHA, policies: builtinPolicies });
    expect(md).toContain(`### ${EXEMPTION_SECTION_TITLE}`);
    expect(md).toMatch(/not honoured/);
  });

  it('SARIF: the findings a requested exemption names carry an underReview suppression, refused ones rejected; both stay active', () => {
    const { result } = requested();
    const sarif = JSON.parse(formatSarif(result, builtinPolicies, { toolVersion: '0.0.0' }));
    const withSuppressions = sarif.runs[0].results.filter((r: { suppressions?: unknown[] }) => r.suppressions);
    expect(withSuppressions.length).toBe(result.exemptions![0]!.fingerprints.length);
    expect(withSuppressions.every((r: { suppressions: { status: string }[] }) => r.suppressions.every((s) => s.status === 'underReview'))).toBe(true);
    const refused = requested('    ignore.kube-immutable.io/all: "expires=9999-12-31; forever"\n').result;
    const sarif2 = JSON.parse(formatSarif(refused, builtinPolicies, { toolVersion: '0.0.0' }));
    const statuses = sarif2.runs[0].results.flatMap((r: { suppressions?: { status: string }[] }) => (r.suppressions ?? []).map((s) => s.status));
    expect(new Set(statuses)).toEqual(new Set(['rejected']));
  });
});

describe('re-runs', () => {
  it('a request is worth a review until one of our review bodies lists it; then nothing new', () => {
    // Under allowed the annotation suppresses every finding: only the request is left to say.
    const text = pod('    ignore.kube-immutable.io/all: "debug shell for on-call"\n');
    const result = run([{ path: 'ops/shell.yaml', text }], builtinPolicies, {
      today: '2026-12-01',
      exemptionGovernance: { ...DEFAULT_EXEMPTION_GOVERNANCE, annotations: 'allowed' },
      baseExemptions: {},
    });
    expect(result.findings.every((f) => f.suppressed)).toBe(true);
    const files = new Map<string, { headText: string; hunks: Hunk[] }>([['ops/shell.yaml', { headText: text, hunks: hunksBetween(undefined, text) }]]);
    const input = { result, files, filterMode: 'added' as const, maxComments: 30, existing: [], headSha: SHA, repoUrl: REPO, policies: builtinPolicies };
    const first = planReview(input);
    expect(first.nothingNew).toBe(false);
    expect(first.body).toContain(EXEMPTION_SECTION_TITLE);
    expect(first.body).toMatch(/honoured \(new or changed in this change\); suppresses \d+ findings/);
    const again = planReview({ ...input, existing: [{ id: 1, path: '', line: null, body: first.body, hasReplies: false, mine: true }] });
    expect(again.nothingNew).toBe(true);
  });

  it('without a new or changed exemption the section is titled as refusals', () => {
    const text = pod('    ignore.kube-immutable.io/all: "r"\n');
    const result = run([{ path: 'p.yaml', text }], builtinPolicies, { exemptionGovernance: { ...DEFAULT_EXEMPTION_GOVERNANCE, annotations: 'disabled' } });
    expect(exemptionSection(result, { repoUrl: REPO, headSha: SHA, limit: 10_000, unit: 'bytes' })).toMatch(/^### Exemption annotations not honoured\n/);
  });
});
