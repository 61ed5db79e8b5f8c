import { run, type Finding, type RunResult } from '../../src/engine/index.js';
import { seedPolicies } from '../seed-policies.js';
import { DEFAULT_ANNOTATION_LIMITS, MAX_JOB_SUMMARY_BYTES } from '../../src/report/index.js';
import { planChannels, describeChannels } from '../../src/review/index.js';

const SHA = 'c'.repeat(40);
const CONFIGMAP = (i: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg-${i}\ndata:\n  a: "1"\n`;
const DEPLOYMENT =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27\n';

/** 600 ConfigMaps (one warning each) and 20 Deployments (errors): 620+ findings. */
const files = [
  ...Array.from({ length: 600 }, (_, i) => ({ path: `cm/${String(i).padStart(3, '0')}.yaml`, text: CONFIGMAP(i) })),
  ...Array.from({ length: 20 }, (_, i) => ({ path: `deploy/${String(i).padStart(2, '0')}.yaml`, text: DEPLOYMENT })),
];
const result: RunResult = run(files, seedPolicies);
const originals = new Map(files.map((f) => [f.path, f.text]));
const summaryOptions = (maxBytes?: number, notes: string[] = []) => ({
  repoUrl: 'https://github.com/o/r',
  headSha: SHA,
  policies: seedPolicies,
  originals,
  notes,
  ...(maxBytes ? { maxBytes } : {}),
});
const rowOf = (md: string, f: Finding) =>
  md.split('\n').some((l) => l.startsWith('| ') && l.includes(`/blob/${SHA}/${f.file}#L${f.range.start.line})`) && l.includes(f.policyId));

describe('planChannels: no finding lost, no channel claimed that does not hold it', () => {
  const active = result.findings.filter((f) => !f.suppressed);
  const inReview = new Set(active.slice(0, 100).map((f) => f.fingerprint));

  it('has many findings to place', () => {
    expect(active.length).toBeGreaterThan(600);
  });

  it('a summary big enough: every finding outside the review is listed, annotations take what GitHub keeps, nothing is logged', () => {
    const plan = planChannels({ result, inReview, sarif: false, summary: summaryOptions() });
    expect(Buffer.byteLength(plan.summary!)).toBeLessThanOrEqual(MAX_JOB_SUMMARY_BYTES);
    for (const f of active) expect(plan.channelsOf(f).length).toBeGreaterThan(0);
    expect(plan.logged).toEqual([]);
    expect(plan.annotations.length).toBeLessThanOrEqual(DEFAULT_ANNOTATION_LIMITS.total);
    expect(plan.annotations.filter((a) => a.level === 'error').length).toBeLessThanOrEqual(10);
    expect(plan.annotations.filter((a) => a.level === 'warning').length).toBeLessThanOrEqual(10);
    for (const f of active.filter((x) => !inReview.has(x.fingerprint))) expect(rowOf(plan.summary!, f)).toBe(true);
    expect(plan.summary).toMatch(
      /_Note: \d+ findings outside the review were not annotated \(GitHub shows at most 10 annotations of each level per step and 50 per job\); they are in the job summary\._/,
    );
    expect(plan.summary).not.toMatch(/SARIF/);
  });

  it('a tight summary keeps the rows no other channel has, and its note names the review for the rest', () => {
    // Room for the rows outside the review and about half of the others.
    const full = planChannels({ result, inReview, sarif: false, summary: summaryOptions() }).summary!;
    const rowBytes = (f: Finding) =>
      Buffer.byteLength(
        full.split('\n').find((l) => l.startsWith('| ') && l.includes(`/blob/${SHA}/${f.file}#L${f.range.start.line})`) && l.includes(f.policyId))! + '\n',
      );
    const restBytes = active.filter((f) => !inReview.has(f.fingerprint)).reduce((n, f) => n + rowBytes(f), 0);
    const limit = restBytes + 10_000 + 50 * rowBytes(active[0]!);
    const plan = planChannels({ result, inReview, sarif: false, summary: summaryOptions(limit) });
    expect(Buffer.byteLength(plan.summary!)).toBeLessThanOrEqual(limit);
    const rest = active.filter((f) => !inReview.has(f.fingerprint));
    for (const f of rest) expect(rowOf(plan.summary!, f)).toBe(true);
    const left = active.filter((f) => !rowOf(plan.summary!, f));
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((f) => inReview.has(f.fingerprint))).toBe(true);
    expect(plan.summary).toContain(
      `_Note: ${left.length} more findings not listed here (the job summary is limited to ${limit.toLocaleString('en-US')} bytes); they are in the review._`,
    );
  });

  it('a summary too small for the rest: annotations go to findings in no other channel, the step log gets the others, and the notes count each channel', () => {
    const limit = 100_000;
    const notes = Array.from({ length: 30 }, (_, i) => `note ${i} ${'x'.repeat(i === 0 ? 3_000 : 100)}`);
    const plan = planChannels({ result, inReview, sarif: false, summary: summaryOptions(limit, notes) });
    const md = plan.summary!;
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(limit);
    const rest = active.filter((f) => !inReview.has(f.fingerprint));
    const inSummary = rest.filter((f) => rowOf(md, f));
    expect(inSummary.length).toBeGreaterThan(0);
    expect(inSummary.length).toBeLessThan(rest.length);
    const annotated = new Set(plan.annotations.map((a) => `${a.properties.file}:${a.properties.startLine}:${a.properties.title}`));
    const key = (f: Finding) => `${f.file}:${f.range.start.line}:${f.policyId}`;
    // A slot goes to a finding the summary lists only when no finding of its level needs it.
    for (const level of ['error', 'warning'] as const) {
      const ofLevel = rest.filter((f) => f.severity === level);
      const slotToListed = ofLevel.some((f) => annotated.has(key(f)) && rowOf(md, f));
      const needy = ofLevel.filter((f) => !rowOf(md, f) && !annotated.has(key(f)));
      expect({ level, slotToListed: slotToListed && needy.length > 0 }).toEqual({ level, slotToListed: false });
    }
    expect(plan.annotations.filter((a) => a.level === 'warning')).toHaveLength(10);
    // The log has exactly the findings in no other channel.
    const nowhere = rest.filter((f) => !rowOf(md, f) && !annotated.has(key(f)));
    expect(plan.logged.map(key).sort()).toEqual(nowhere.map(key).sort());
    for (const f of active) expect(plan.channelsOf(f).length).toBeGreaterThan(0);
    const omitted = active.filter((f) => !rowOf(md, f));
    const inAnn = omitted.filter((f) => !inReview.has(f.fingerprint) && annotated.has(key(f))).length;
    expect(md).toContain(
      `_Note: ${omitted.length} more findings not listed here (the job summary is limited to 100,000 bytes); of these, 100 are in the review, ${inAnn} in the annotations and ${nowhere.length} in the step log._`,
    );
    expect(md).toContain(
      `_Note: ${nowhere.length} findings are in no other report of this run (set the sarif-file input to get every finding in one file): the step log lists them._`,
    );
    // The notes given are shown (cut to 2,000 characters, at most 20) within the limit.
    expect(md.startsWith(`> note 0 ${'x'.repeat(1_992)}…\n> note 1 `)).toBe(true);
    expect(md).toContain('> note 19 ');
    expect(md).not.toContain('> note 20 ');
  });

  it('with a SARIF file, the notes name it, and nothing is only in the log', () => {
    const plan = planChannels({ result, inReview, sarif: true, summary: summaryOptions(40_000) });
    expect(plan.logged).toEqual([]);
    expect(plan.summary).toMatch(/_Note: \d+ more findings not listed here \(the job summary is limited to 40,000 bytes\); they are in the SARIF file\._/);
    expect(plan.reportedIn(active)).toBe('in the SARIF file, in the job summary and as annotations');
  });

  it('without a job summary: annotations, then the step log', () => {
    const plan = planChannels({ result, inReview: new Set(), sarif: false, summary: undefined });
    expect(plan.summary).toBeUndefined();
    expect(plan.annotations).toHaveLength(20); // 10 errors, 10 warnings
    expect(plan.logged).toHaveLength(active.length - 20);
    expect(plan.describe(active)).toBe(`of these, 20 are in the annotations and ${active.length - 20} in the step log`);
    expect(plan.reportedIn(active)).toBe('as annotations and in the step log');
  });

  it('uses the annotation slots it is given (the step spent some on its own warnings)', () => {
    const plan = planChannels({ result, inReview: new Set(), sarif: false, summary: undefined, limits: { error: 9, warning: 7, notice: 10, total: 15 } });
    expect(plan.annotations.filter((a) => a.level === 'error')).toHaveLength(9);
    expect(plan.annotations).toHaveLength(15);
  });
});

describe('describeChannels', () => {
  const [a, b, c] = result.findings;
  it('names the channels that hold every finding, else counts each by its first channel', () => {
    expect(describeChannels([a!], () => ['summary'])).toBe('it is in the job summary');
    expect(describeChannels([a!, b!], () => ['sarif', 'summary'])).toBe('they are in the SARIF file and the job summary');
    expect(describeChannels([a!, b!, c!], (f) => (f === a ? ['review'] : f === b ? ['annotations'] : []))).toBe(
      'of these, 1 is in the review, 1 in the annotations and 1 in the step log',
    );
    expect(describeChannels([], () => [])).toBe('');
  });
});
