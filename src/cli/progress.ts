import type { CliIO } from './io.js';

/** A progress line on standard error: shown only on a terminal, and only for a long step. */
export interface ProgressLine {
  /** Set the line's text (counts only, never a path: no escaping needed); drawn when due. */
  update(text: string): void;
  /** Erase the line if it is drawn (before other output to the same terminal); the next due draw shows it again. */
  clear(): void;
  /** Erase the line if it is drawn, and stop its timer. Idempotent. */
  end(): void;
}

/** When the line shows up, and how often it is redrawn. */
export interface ProgressTiming {
  /** Milliseconds from the start before the line is first drawn; default 2,000. */
  delayMs?: number;
  /** Milliseconds at least between two draws; default 100. */
  intervalMs?: number;
}

/** Erase the terminal's current line and go to its start (ECMA-48: CR, then EL 2). */
const CLEAR = '\r\x1b[2K';

/**
 * A progress line for a step that may take long: when standard error is a terminal
 * (`io.stderrIsTTY`), `TERM` is not `dumb` and `CI` is unset, the text given last is drawn on
 * one line of stderr (`\r`, erase line, `kube-immutable: <text>`) once the step has run for
 * `delayMs`, redrawn at most every `intervalMs` — from `update`, so a synchronous loop shows it
 * too, and from a timer while the step awaits (a render) — and erased by `end`, so the report
 * that follows is what stays on screen. Elsewhere (a pipe, a file, a CI log) it writes nothing.
 * Time comes from `io.clock` (milliseconds), else `Date.now`.
 */
export function progressLine(io: CliIO, text: string, timing: ProgressTiming = {}): ProgressLine {
  const enabled = io.stderrIsTTY === true && io.env?.TERM !== 'dumb' && (io.env?.CI ?? '') === '';
  if (!enabled) return { update: () => undefined, clear: () => undefined, end: () => undefined };
  const now = io.clock ?? Date.now;
  const delay = timing.delayMs ?? 2000;
  const interval = timing.intervalMs ?? 100;
  const start = now();
  let current = text;
  let drawnAt: number | undefined;
  let shown = false;
  let ended = false;
  const draw = () => {
    const t = now();
    if (ended || t - start < delay || (drawnAt !== undefined && t - drawnAt < interval)) return;
    drawnAt = t;
    shown = true;
    io.stderr(`${CLEAR}kube-immutable: ${current}`);
  };
  const erase = () => {
    if (!shown) return;
    shown = false;
    drawnAt = undefined;
    io.stderr(CLEAR);
  };
  const timer = setInterval(draw, Math.max(interval, 250));
  timer.unref();
  return {
    update(next) {
      current = next;
      draw();
    },
    clear: erase,
    end() {
      if (ended) return;
      erase();
      ended = true;
      clearInterval(timer);
    },
  };
}
