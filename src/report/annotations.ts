/**
 * Which findings become workflow-command annotations (`core.error/warning/notice`). GitHub
 * keeps 10 per level per step and 50 per job and silently drops the rest, so the plan keeps
 * the most severe within those limits and counts the others for the job summary.
 */
import type { Finding } from '../engine/index.js';
import { SEVERITY_RANK } from '../engine/index.js';
import { GITHUB_COMMAND } from './github.js';

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

/** Limits per level and in total (GitHub's: 10 each per step, 50 per job). */
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
}

/**
 * Plan annotations: findings sorted most severe first (then file and line, stable), each kept
 * while its level's limit and the total limit allow (`info` findings are notices). The title is
 * the policy id; columns are given only for one-line ranges.
 */
export function planAnnotations(findings: readonly Finding[], limits: AnnotationLimits = DEFAULT_ANNOTATION_LIMITS): AnnotationPlan {
  const sorted = findings.filter((f) => !f.suppressed).sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line);
  const used: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const annotations: PlannedAnnotation[] = [];
  let dropped = 0;
  for (const f of sorted) {
    const level = GITHUB_COMMAND[f.severity];
    if (used[level] >= limits[level] || annotations.length >= limits.total) {
      dropped++;
      continue;
    }
    used[level]++;
    const { start, end } = f.range;
    const properties: AnnotationProperties = { title: f.policyId, file: f.file, startLine: start.line, endLine: end.line };
    if (start.line === end.line) Object.assign(properties, { startColumn: start.column, endColumn: end.column });
    annotations.push({ level, message: f.message, properties });
  }
  return { annotations, dropped };
}
