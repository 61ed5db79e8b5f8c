/**
 * Where each finding of a run is reported, so that none is lost and no text names a channel
 * that does not hold it. The channels, in the order a finding is looked for:
 *
 * 1. the review (inline comments and the body; only when one is posted or already there);
 * 2. the SARIF file (every finding, when `sarif-file` is set);
 * 3. the job summary (at most 1 MiB a step: rows of the findings the review and SARIF do not
 *    carry are kept first);
 * 4. annotations (10 per level per step, 50 per job: findings in no channel above go first);
 * 5. the step log: whatever is still in no channel is printed there, one line each.
 *
 * Pure: the action writes what the plan says (src/action/publish.ts).
 */
import type { Finding, RunResult } from '../engine/index.js';
import { DEFAULT_ANNOTATION_LIMITS, planAnnotations, type AnnotationLimits, type PlannedAnnotation } from '../report/annotations.js';
import { jobSummaryReport, MAX_JOB_SUMMARY_BYTES, type JobSummaryOptions } from '../report/job-summary.js';
import { plural } from '../report/summary.js';

/** A place a finding can be reported. */
export type Channel = 'review' | 'sarif' | 'summary' | 'annotations' | 'log';

/** How each channel is named in notes. */
export const CHANNEL_LABEL: Record<Channel, string> = {
  review: 'the review',
  sarif: 'the SARIF file',
  summary: 'the job summary',
  annotations: 'the annotations',
  log: 'the step log',
};

/** How {@link ChannelPlan.reportedIn} names each channel. */
const REPORTED_IN: Record<Channel, string> = {
  review: 'in the review',
  sarif: 'in the SARIF file',
  summary: 'in the job summary',
  annotations: 'as annotations',
  log: 'in the step log',
};

const ORDER: Channel[] = ['review', 'sarif', 'summary', 'annotations', 'log'];

/** What {@link planChannels} needs. */
export interface ChannelInput {
  result: RunResult;
  /** Fingerprints of the findings the review carries (posted now or by an earlier run); empty when there is no review. */
  inReview: ReadonlySet<string>;
  /** True when a SARIF file with every finding is written. */
  sarif: boolean;
  /** The job summary's options, or undefined when no job summary can be written. */
  summary: Omit<JobSummaryOptions, 'first' | 'closingNotes' | 'notAnnotated'> | undefined;
  /** Annotation slots left for findings (GitHub's limits less the step's other annotations). */
  limits?: AnnotationLimits;
}

/** Where every finding goes. */
export interface ChannelPlan {
  /** The job summary's Markdown (≤ its byte limit, notes included), or undefined when none can be written. */
  summary: string | undefined;
  /** The annotations to issue: findings the review does not carry, within the limits. */
  annotations: PlannedAnnotation[];
  /** Findings in no other channel: print them in the step log. */
  logged: Finding[];
  /** The channels that hold `f`, in the order above (never empty for a finding of the run). */
  channelsOf(f: Finding): Channel[];
  /**
   * Where `findings` are, as a clause for a note: `they are in the job summary`, `they are in
   * the review and the SARIF file` when channels hold them all, else a partition by the first
   * channel of each: `of these, 480 are in the job summary, 10 in the annotations and 3 in the
   * step log`. '' for no findings.
   */
  describe(findings: readonly Finding[]): string;
  /**
   * The channels (the review excepted) that hold at least one of `findings`, for a sentence
   * "Findings are reported …": `in the SARIF file, in the job summary and as annotations`
   * (`nowhere else: there are none` for no findings).
   */
  reportedIn(findings: readonly Finding[]): string;
}

/**
 * Plan the channels of a run (see the module doc). The job summary's closing notes say how
 * many findings it leaves out and where they are, how many findings outside the review were
 * not annotated and where they are, and how many only the step log lists.
 */
export function planChannels(input: ChannelInput): ChannelPlan {
  const { result, inReview, sarif } = input;
  const limits = input.limits ?? DEFAULT_ANNOTATION_LIMITS;
  const inTheReview = (f: Finding) => f.suppressed === undefined && inReview.has(f.fingerprint);
  const rest = result.findings.filter((f) => f.suppressed === undefined && !inReview.has(f.fingerprint));
  let listed: ReadonlySet<Finding> = new Set();
  let annotated = new Set<Finding>();
  let annotations: PlannedAnnotation[] = [];
  let logged = new Set<Finding>();

  const channelsOf = (f: Finding): Channel[] => {
    const out: Channel[] = [];
    if (inTheReview(f)) out.push('review');
    if (sarif) out.push('sarif');
    if (listed.has(f)) out.push('summary');
    if (annotated.has(f)) out.push('annotations');
    if (logged.has(f)) out.push('log');
    return out;
  };
  const describe = (findings: readonly Finding[]): string => describeChannels(findings, channelsOf);

  /** Annotations for the findings outside the review; then the log for what no channel holds. */
  const annotateAndLog = () => {
    const plan = planAnnotations(rest, limits, (f) => !sarif && !listed.has(f));
    annotations = plan.annotations;
    annotated = new Set(plan.annotated);
    logged = new Set(result.findings.filter((f) => !inTheReview(f) && !sarif && !listed.has(f) && !annotated.has(f)));
  };

  let summary: string | undefined;
  if (input.summary) {
    const limit = input.summary.maxBytes ?? MAX_JOB_SUMMARY_BYTES;
    const report = jobSummaryReport(result, {
      ...input.summary,
      first: new Set(rest.map((f) => f.fingerprint)),
      closingNotes: (rows, omitted) => {
        listed = rows;
        annotateAndLog();
        const notes: string[] = [];
        if (omitted.length > 0)
          notes.push(
            `${plural(omitted.length, 'more finding')} not listed here (the job summary is limited to ${limit.toLocaleString('en-US')} bytes); ${describe(omitted)}.`,
          );
        const notAnnotated = rest.filter((f) => !annotated.has(f));
        if (notAnnotated.length > 0 && rest.length > 0) {
          notes.push(
            `${plural(notAnnotated.length, 'finding')} outside the review ${notAnnotated.length === 1 ? 'was' : 'were'} not annotated (GitHub shows at most ${DEFAULT_ANNOTATION_LIMITS.error} annotations of each level per step and ${DEFAULT_ANNOTATION_LIMITS.total} per job); ${describe(notAnnotated)}.`,
          );
        }
        if (logged.size > 0)
          notes.push(
            `${plural(logged.size, 'finding')} ${logged.size === 1 ? 'is' : 'are'} in no other report of this run${sarif ? '' : ' (set the sarif-file input to get every finding in one file)'}: the step log lists ${logged.size === 1 ? 'it' : 'them'}.`,
          );
        return notes;
      },
    });
    summary = report.text;
  } else annotateAndLog();

  const reportedIn = (findings: readonly Finding[]): string => {
    if (findings.length === 0) return 'nowhere else: there are none';
    const used = ORDER.filter((c) => c !== 'review' && findings.some((f) => channelsOf(f).includes(c)));
    return joinAnd(used.map((c) => REPORTED_IN[c]));
  };
  return { summary, annotations, logged: result.findings.filter((f) => logged.has(f)), channelsOf, describe, reportedIn };
}

/**
 * The clause of {@link ChannelPlan.describe} for `findings`, given each one's channels (in
 * the {@link Channel} order). A finding with no channel counts as in the step log.
 */
export function describeChannels(findings: readonly Finding[], channelsOf: (f: Finding) => readonly Channel[]): string {
  if (findings.length === 0) return '';
  const lists = findings.map((f) => channelsOf(f));
  const full = ORDER.filter((c) => lists.every((l) => l.includes(c)));
  if (full.length > 0) return `${findings.length === 1 ? 'it is' : 'they are'} in ${joinAnd(full.map((c) => CHANNEL_LABEL[c]))}`;
  const counts = new Map<Channel, number>();
  for (const l of lists) {
    const c = l[0] ?? 'log';
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const parts = ORDER.filter((c) => counts.has(c)).map(
    (c, i) => `${counts.get(c)}${i === 0 ? (counts.get(c) === 1 ? ' is' : ' are') : ''} in ${CHANNEL_LABEL[c]}`,
  );
  return `of these, ${joinAnd(parts)}`;
}

/** `a`, `a and b`, `a, b and c`. */
function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
