/**
 * The action's own annotations (warnings, notices, configuration errors), counted: GitHub keeps
 * 10 annotations of each level per step and 50 per job and drops the rest without a word
 * (actions/toolkit docs/problem-matchers.md › "Limitations"), so the findings' annotations get
 * only the slots these leave. Every annotation the action flows issue goes through here; their
 * messages and files (which may name paths a pull request chose) go through `safeText`, so an
 * ESC sequence or a bidi control is shown, not acted on (line breaks are escaped by
 * `@actions/core`).
 */
import * as core from '@actions/core';
import { safeText } from '../terminal.js';
import type { AnnotationLimits } from '../report/annotations.js';

/**
 * GitHub's limits (the same as `DEFAULT_ANNOTATION_LIMITS` of src/report/annotations.ts, which
 * this module does not import: the action loads no report code before it knows it has work).
 */
const GITHUB_LIMITS: AnnotationLimits = { error: 10, warning: 10, notice: 10, total: 50 };

/** Annotations issued so far by level (a process runs one step). */
export const issued = { error: 0, warning: 0, notice: 0 };

/** `core.error`, counted. */
export function error(message: string, properties?: core.AnnotationProperties): void {
  issued.error++;
  core.error(safe(message), safeProperties(properties));
}

/** `core.warning`, counted. */
export function warning(message: string, properties?: core.AnnotationProperties): void {
  issued.warning++;
  core.warning(safe(message), safeProperties(properties));
}

/** `core.notice`, counted. */
export function notice(message: string, properties?: core.AnnotationProperties): void {
  issued.notice++;
  core.notice(safe(message), safeProperties(properties));
}

const safe = (text: string) => safeText(text, { keepLineBreaks: true });

function safeProperties(p: core.AnnotationProperties | undefined): core.AnnotationProperties | undefined {
  if (!p) return p;
  return { ...p, ...(p.file !== undefined ? { file: safe(p.file) } : {}), ...(p.title !== undefined ? { title: safe(p.title) } : {}) };
}

/**
 * The annotation slots left for findings: GitHub's limits less the annotations issued so far,
 * less one error kept for `core.setFailed` (src/main.ts) at the end of the step.
 */
export function slotsLeft(limits: AnnotationLimits = GITHUB_LIMITS): AnnotationLimits {
  const error = Math.max(0, limits.error - issued.error - 1);
  const warning = Math.max(0, limits.warning - issued.warning);
  const notice = Math.max(0, limits.notice - issued.notice);
  const total = Math.max(0, limits.total - issued.error - issued.warning - issued.notice - 1);
  return { error, warning, notice, total };
}
