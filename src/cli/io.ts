import { findingsAtOrAbove, safeText } from '../report/index.js';
import type { Finding } from '../engine/index.js';
import type { FailLevel, FileCommandOptions } from './args.js';

/** What the CLI talks to: output streams, the working folder, the terminal and the environment. */
export interface CliIO {
  /** Write text to standard output (the text carries its own newlines). */
  stdout(text: string): void;
  /** Write text to standard error. */
  stderr(text: string): void;
  /** Folder that relative paths are resolved against (and that reported paths are relative to). */
  cwd: string;
  /** True when standard output is a terminal. */
  isTTY: boolean;
  /** True when standard error is a terminal (a progress line is drawn there, src/cli/progress.ts); default false. */
  stderrIsTTY?: boolean;
  /** The time in milliseconds (tests set it); default `Date.now`. */
  clock?: () => number;
  /** Environment variables (for NO_COLOR); default none. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Exit codes of the CLI. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/**
 * Whether to colour output written to a terminal: `--color`/`--no-color` win; otherwise on when
 * `toTerminal` and NO_COLOR is unset or empty.
 */
export function useColour(opts: Pick<FileCommandOptions, 'color'>, io: CliIO, toTerminal: boolean): boolean {
  if (opts.color !== undefined) return opts.color;
  const noColor = io.env?.NO_COLOR;
  return toTerminal && (noColor === undefined || noColor === '');
}

/** True when any finding is at or above the fail level (`none`: never). */
export function failsAt(findings: readonly Finding[], level: FailLevel): boolean {
  return findingsAtOrAbove(findings, level).length > 0;
}

/**
 * Print each message of files that could not be read to stderr, prefixed with the tool's name;
 * the paths in them go through `safeText` (control characters shown as escapes).
 */
export function printCollectErrors(errors: readonly string[], io: CliIO): void {
  for (const e of errors) io.stderr(`kube-immutable: ${safeText(e)}\n`);
}
