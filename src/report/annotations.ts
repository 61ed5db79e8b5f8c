/**
 * Which findings become workflow-command annotations (`core.error/warning/notice`). GitHub
 * keeps 10 per level per step and 50 per job and silently drops the rest, so the plan keeps
 * the most severe within those limits and counts the others for the job summary.
 */
import type { Finding } from '../engine/index.js';
import { SEVERITY_RANK } from '../engine/index.js';
import { GITHUB_COMMAND } from './github.js';
import { safeText } from '../terminal.js';

/** An annotation level (workflow command). */
export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** The properties `@actions/core` takes for an annotation: 1-based lines and columns. */
export interface AnnotationProperties {
  title: string;
  file: string;
  startLine: number;
  endLine: number;
  /** Only when the range is on one line (GitHub ignores columns otherwise). */
  startColumn?: number;
  /** Only when the range is on one line; exclusive end column. */
  endColumn?: number;
}

/** One annotation to emit. */
export interface PlannedAnnotation {
  level: AnnotationLevel;
  message: string;
  properties: AnnotationProperties;
}

/**
 * Limits per level and in total. GitHub's: 10 error, 10 warning and 10 notice annotations per
 * step and 50 per job; the rest are dropped without a word (actions/toolkit,
 * docs/problem-matchers.md › "Limitations"). Annotations the step issues for other reasons
 * (warnings, `core.setFailed`) use the same slots.
 */
export interface AnnotationLimits {
  error: number;
  warning: number;
  notice: number;
  total: number;
}

/** GitHub's annotation limits. */
export const DEFAULT_ANNOTATION_LIMITS: AnnotationLimits = { error: 10, warning: 10, notice: 10, total: 50 };

/** The annotations to emit and how many findings were left out. */
export interface AnnotationPlan {
  annotations: PlannedAnnotation[];
  /** Findings not annotated because of the limits (say so in the job summary). */
  dropped: number;
  /** The findings annotated (same order as `annotations`). */
  annotated: Finding[];
}

/**
 * Plan annotations: findings sorted most severe first (then file and line, stable), each kept
 * while its level's limit and the total limit allow (`info` findings are notices). The title is
 * the policy id; columns are given only for one-line ranges; the message and the file go through
 * `safeText` (control, bidi and zero-width characters made visible). With `first`, the findings it
 * accepts (those no other channel carries) take the slots before the others. Suppressed
 * findings are never annotated (nor counted in `dropped`).
 */
export function planAnnotations(
  findings: readonly Finding[],
  limits: AnnotationLimits = DEFAULT_ANNOTATION_LIMITS,
  first?: (f: Finding) => boolean,
): AnnotationPlan {
  const rank = (f: Finding) => (first && first(f) ? 1 : 0);
  const sorted = findings
    .filter((f) => !f.suppressed)
    .sort(
      (a, b) =>
        rank(b) - rank(a) || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line,
    );
  const used: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const annotations: PlannedAnnotation[] = [];
  const annotated: Finding[] = [];
  let dropped = 0;
  for (const f of sorted) {
    const level = GITHUB_COMMAND[f.severity];
    if (used[level] >= limits[level] || annotations.length >= limits.total) {
      dropped++;
      continue;
    }
    used[level]++;
    const { start, end } = f.range;
    const properties: AnnotationProperties = { title: f.policyId, file: safeText(f.file, { keepLineBreaks: true }), startLine: start.line, endLine: end.line };
    if (start.line === end.line) Object.assign(properties, { startColumn: start.column, endColumn: end.column });
    annotations.push({ level, message: safeText(f.message, { keepLineBreaks: true }), properties });
    annotated.push(f);
  }
  return { annotations, dropped, annotated };
}
