import * as core from '@actions/core';
import type { Policy, RunResult, SourceFile } from '../engine/index.js';
import type { ActionInputs } from '../github/inputs.js';
import { findingsAtOrAbove, jobSummary, sarifChunks, patchFile, planAnnotations, summarize } from '../report/index.js';
import { VERSION } from '../version.js';
import { writeOutputFile } from './output-file.js';

/** How a run's results leave the action besides the review. */
export interface PublishContext {
  inputs: ActionInputs;
  sources: readonly SourceFile[];
  /** `https://github.com/owner/repo` (or the GHES server URL) for links in the summary. */
  repoUrl: string;
  sha: string;
  /** Emit workflow-command annotations (when no review carries the findings). */
  annotate: boolean;
  reviewUrl: string | undefined;
  /** Extra lines for the top of the job summary (e.g. why no review was posted). */
  notes: string[];
  /** The policies of the run (built-in and custom), for SARIF rules and the summary. */
  policies: readonly Policy<any>[];
}

/**
 * Report a run outside the review: annotations (most severe first, within GitHub's per-step
 * limits; the summary says how many were left out), the job summary, the SARIF file and the
 * patch file when asked, and the outputs. Returns the number of findings at or above
 * `fail-level`; the caller fails the step after everything was reported.
 */
export async function publish(result: RunResult, ctx: PublishContext): Promise<number> {
  const notes = [...ctx.notes];
  const originals = new Map(ctx.sources.map((s) => [s.path, s.text]));
  let notAnnotated = 0;
  if (ctx.annotate) {
    const plan = planAnnotations(result.findings);
    for (const a of plan.annotations) {
      if (a.level === 'error') core.error(a.message, a.properties);
      else if (a.level === 'warning') core.warning(a.message, a.properties);
      else core.notice(a.message, a.properties);
    }
    notAnnotated = plan.dropped;
  }
  let sarifFile: string | undefined;
  // An output file that could not be written (a link in the checkout, an I/O error) fails the step.
  let unwritten = 0;
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  if (ctx.inputs.sarifFile) {
    // Written result by result (the whole SARIF text of a large PR is never one string), never through a link.
    if (writeOutputFile('sarif-file', ctx.inputs.sarifFile, sarifChunks(result, ctx.policies, { toolVersion: VERSION }), workspace)) sarifFile = ctx.inputs.sarifFile;
    else unwritten++;
  }
  let patchPath: string | undefined;
  if (ctx.inputs.patchFile) {
    if (writeOutputFile('patch-file', ctx.inputs.patchFile, patchFile(result, originals), workspace)) patchPath = ctx.inputs.patchFile;
    else unwritten++;
  }
  try {
    const md = jobSummary(result, { repoUrl: ctx.repoUrl, headSha: ctx.sha, policies: ctx.policies, originals, notAnnotated });
    await core.summary.addRaw([...notes.map((n) => `> ${n}\n`), md].join('\n')).write();
  } catch (err) {
    // No GITHUB_STEP_SUMMARY (a local run): the summary is optional.
    core.debug(`job summary not written: ${(err as Error).message}`);
  }
  const s = summarize(result);
  core.setOutput('findings', s.findings);
  core.setOutput('errors', s.errors);
  core.setOutput('warnings', s.warnings);
  core.setOutput('sarif-file', sarifFile ?? '');
  core.setOutput('patch-file', patchPath ?? '');
  core.setOutput('review-url', ctx.reviewUrl ?? '');
  return findingsAtOrAbove(result.findings, ctx.inputs.failLevel).length + unwritten;
}
