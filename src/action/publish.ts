import { accessSync, constants } from 'node:fs';
import * as core from '@actions/core';
import type { RunResult, SourceFile, AnyPolicy } from '../engine/index.js';
import type { ActionInputs } from '../github/inputs.js';
import {
  findingLine,
  findingsAtOrAbove,
  neutraliseTerminal,
  nothingChecked,
  nothingCheckedWarning,
  patchFile,
  sarifChunks,
  summarize,
} from '../report/index.js';
import { planChannels, type ChannelPlan } from '../review/index.js';
import type { AnnotationLimits } from '../report/annotations.js';

import { VERSION } from '../version.js';
import { error, notice, slotsLeft, warning } from './annotation-count.js';
import { writeOutputFile } from './output-file.js';

/** How a run's results leave the action besides the review. */
export interface PublishContext {
  inputs: ActionInputs;
  sources: readonly SourceFile[];
  /** `https://github.com/owner/repo` (or the GHES server URL) for links in the summary. */
  repoUrl: string;
  sha: string;
  /**
   * Fingerprints of the findings the posted (or earlier) review carries (`ReviewPlan.carried`);
   * empty when no review carries any: then every finding goes to the other channels.
   */
  inReview: ReadonlySet<string>;
  /**
   * True when a review was posted (or every finding already was): its notes said where the
   * findings it leaves out are, from the planner's fixed annotation slots, so those are used.
   * Otherwise the slots are counted afresh (the step's warnings about the review included).
   */
  reviewPosted?: boolean;
  reviewUrl: string | undefined;
  /** Extra lines for the top of the job summary (e.g. why no review was posted). */
  notes: string[];
  /** The policies of the run (built-in and custom), for SARIF rules and the summary. */
  policies: readonly AnyPolicy[];
}

/** The files {@link writeOutputFiles} wrote (paths as given in the inputs). */
export interface WrittenFiles {
  sarifFile?: string;
  patchFile?: string;
}

/**
 * Write the SARIF file and the patch file when the inputs ask for them. A write that fails is a
 * warning and the file counts as not written (no note then names it). Called before the review
 * is planned, so the review's notes know whether a SARIF file holds every finding.
 */
export function writeOutputFiles(result: RunResult, ctx: Pick<PublishContext, 'inputs' | 'sources' | 'policies'>): WrittenFiles {
  const out: WrittenFiles = {};
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  // Never through a symbolic link in the checkout (src/action/output-file.ts); SARIF result by result.
  const write = (path: string, text: () => string | Iterable<string>, what: string): boolean => writeOutputFile(what, path, text(), workspace, warning);
  if (ctx.inputs.sarifFile && write(ctx.inputs.sarifFile, () => sarifChunks(result, ctx.policies, { toolVersion: VERSION }), 'sarif-file'))
    out.sarifFile = ctx.inputs.sarifFile;
  if (ctx.inputs.patchFile) {
    const originals = new Map(ctx.sources.map((s) => [s.path, s.text]));
    if (write(ctx.inputs.patchFile, () => patchFile(result, originals), 'patch-file')) out.patchFile = ctx.inputs.patchFile;
  }
  return out;
}

/**
 * True when the step's job summary file can be written: `GITHUB_STEP_SUMMARY` is set and the
 * file is readable and writable (what `core.summary.write` checks).
 */
export function summaryWritable(): boolean {
  const path = process.env.GITHUB_STEP_SUMMARY;
  if (!path) return false;
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Plans the channels of one run for any set of findings a review carries (see {@link channelPlanner}). */
export interface ChannelPlanner {
  /** The plan when the review carries `inReview`. */
  plan(inReview: ReadonlySet<string>, limits?: AnnotationLimits): ChannelPlan;
  /** The annotation slots the plans use unless told otherwise. */
  limits: AnnotationLimits;
  written: WrittenFiles;
}

/**
 * Annotation slots a review may still cost after it was planned: a warning for comments that
 * could not be deleted, and one for a 422 on the inline comments.
 */
const REVIEW_WARNINGS = 2;

/**
 * The channel planner of a run, for the review's notes (where the findings it leaves out are)
 * and for {@link publish}, which then does exactly what those notes said. The annotation slots
 * are fixed now, less {@link REVIEW_WARNINGS}.
 */
export function channelPlanner(result: RunResult, ctx: Omit<PublishContext, 'inReview' | 'reviewUrl'>, written: WrittenFiles): ChannelPlanner {
  const fresh = slotsLeft();
  const limits = { ...fresh, warning: Math.max(0, fresh.warning - REVIEW_WARNINGS), total: Math.max(0, fresh.total - REVIEW_WARNINGS) };
  const originals = new Map(ctx.sources.map((s) => [s.path, s.text]));
  const summary = summaryWritable() ? { repoUrl: ctx.repoUrl, headSha: ctx.sha, policies: ctx.policies, originals, notes: ctx.notes } : undefined;
  return {
    limits,
    written,
    plan: (inReview, l = limits) => planChannels({ result, inReview, sarif: written.sarifFile !== undefined, summary, limits: l }),
  };
}

/**
 * Report a run outside the review (src/review/channels.ts): the findings the review does not
 * carry as annotations (within the slots GitHub leaves; most in need first), the job summary
 * (≤ 1 MiB with its notes, which say where every left-out finding is), the step log for what
 * no other channel holds, the SARIF and patch files when asked (unless `planner` wrote them),
 * and the outputs. Returns the number of findings at or above `fail-level`; the caller fails
 * the step after everything was reported.
 */
export async function publish(result: RunResult, ctx: PublishContext, planner?: ChannelPlanner): Promise<number> {
  const p = planner ?? channelPlanner(result, ctx, writeOutputFiles(result, ctx));
  const plan = p.plan(ctx.inReview, ctx.reviewPosted ? p.limits : slotsLeft());
  for (const a of plan.annotations) {
    if (a.level === 'error') error(a.message, a.properties);
    else if (a.level === 'warning') warning(a.message, a.properties);
    else notice(a.message, a.properties);
  }
  let logged = plan.logged;
  if (plan.summary !== undefined) {
    try {
      await core.summary.addRaw(plan.summary).write();
    } catch (err) {
      // Checked writable a moment ago: list what only the summary held in the log instead.
      core.info(`kube-immutable: the job summary could not be written (${(err as Error).message}).`);
      logged = result.findings.filter((f) => plan.channelsOf(f).every((c) => c === 'summary' || c === 'log'));
    }
  } else core.debug('kube-immutable: no job summary (GITHUB_STEP_SUMMARY is not set or not writable).');
  if (logged.length > 0) {
    core.info(
      `kube-immutable: ${logged.length} finding${logged.length === 1 ? '' : 's'} in no other report of this run (the review, the job summary and the annotations could not hold ${logged.length === 1 ? 'it' : 'them'}):`,
    );
    for (const f of logged) core.info(`  ${neutraliseTerminal(findingLine(f))}${f.suppressed ? ' (suppressed)' : ''}`);
  }
  const s = summarize(result);
  // A run that read files but checked no Kubernetes object says so (nothing is skipped silently).
  if (nothingChecked(s)) notice(`kube-immutable: ${nothingCheckedWarning(s)}; no finding was reported.`);
  core.setOutput('findings', s.findings);
  core.setOutput('errors', s.errors);
  core.setOutput('warnings', s.warnings);
  core.setOutput('sarif-file', p.written.sarifFile ?? '');
  core.setOutput('patch-file', p.written.patchFile ?? '');
  core.setOutput('review-url', ctx.reviewUrl ?? '');
  return findingsAtOrAbove(result.findings, ctx.inputs.failLevel).length;
}
