import { applyEdits, type TextEdit } from '../yaml/index.js';
import { findHunk, type AnchorMode, type Hunk } from './diff-hunks.js';

/**
 * A GitHub suggested change: replace head lines `startLine..line` (1-based, inclusive;
 * `startLine === line` for one line) with `content`.
 *
 * Line model (what the tests prove): the replaced text runs from the start of `startLine` to
 * the end of `line`'s content, EXCLUDING `line`'s own line terminator, which stays; `content`
 * is the exact new text of that span. So its lines are separated by the head file's own line
 * endings — `\r\n` in a CRLF file, exactly as the edits wrote them — and it never ends with the
 * terminator of its last line. Replacing that span of `headText` by `content` gives exactly
 * `applyEdits(headText, edits)`.
 *
 * CRLF decision: `content` keeps the file's `\r\n` between lines rather than normalising them
 * to `\n`. GitHub commits a suggestion's lines as posted (suggestions typed in a browser
 * commit CRLF), so keeping CR keeps a CRLF file consistent; if GitHub normalises the body
 * instead, the result is the same as if we had stripped them.
 */
export interface Suggestion {
  startLine: number;
  line: number;
  content: string;
}

/** Why no suggestion can be made for a set of edits. */
export interface NoSuggestion {
  reason: string;
}

/** 0-based offsets of each line's start and of the end of its content (before `\r\n`/`\n`). */
interface LineTable {
  starts: number[];
  contentEnds: number[];
}

function lineTable(text: string): LineTable {
  const starts: number[] = [];
  const contentEnds: number[] = [];
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    starts.push(pos);
    if (nl < 0) {
      contentEnds.push(text.length);
      break;
    }
    contentEnds.push(nl > pos && text[nl - 1] === '\r' ? nl - 1 : nl);
    pos = nl + 1;
  }
  return { starts, contentEnds };
}

/**
 * 1-based line holding `offset` (a line holds its terminator). The offset just past a final
 * newline belongs to a phantom line `starts.length + 1` after the last line.
 */
function lineOf(t: LineTable, offset: number, textLength: number): number {
  const n = t.starts.length;
  if (n > 0 && offset === textLength && t.contentEnds[n - 1]! < textLength) return n + 1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * Build the one suggestion that applies `edits` (against `headText`, the file at the PR head;
 * see {@link TextEdit}) to `headText`, on lines that lie in ONE hunk of `hunks` under `mode`.
 *
 * The range is the smallest set of whole lines covering every edit. An insertion at the start
 * of line L adds whole lines before L: it is anchored on line L-1 (the block repeats L-1, then
 * the new lines) when that works in a hunk, else on line L (the new lines, then L repeated);
 * an append at the end of the file anchors on the last line, with or without a final newline.
 * Among equally small ranges the earliest is taken.
 *
 * Returns `{reason}` when there are no edits, they overlap or are out of range, they change
 * nothing, or no covering range lies in one hunk (`its lines are not all in one diff hunk`: no
 * line number, as the review body states a reason once for all its rows).
 */
export function buildSuggestion(headText: string, edits: readonly TextEdit[], hunks: readonly Hunk[], mode: AnchorMode): Suggestion | NoSuggestion {
  if (edits.length === 0) return { reason: 'the fix has no edits' };
  let newText: string;
  try {
    newText = applyEdits(headText, edits);
  } catch (err) {
    return { reason: `the fix cannot be applied: ${(err as Error).message}` };
  }
  if (newText === headText) return { reason: 'the suggestion would change nothing' };
  const t = lineTable(headText);
  const n = t.starts.length;
  if (n === 0) return { reason: 'the file is empty: there is no line to anchor a suggestion on' };
  const a = Math.min(...edits.map((e) => e.range[0]));
  const b = Math.max(...edits.map((e) => e.range[1]));
  const sA = lineOf(t, a, headText.length);
  const eB = lineOf(t, b, headText.length);
  const startCandidates = [sA];
  if (sA > 1 && (sA > n || t.starts[sA - 1] === a)) startCandidates.unshift(sA - 1);
  const endCandidates = [eB];
  if (eB > 1 && (eB > n || t.starts[eB - 1] === b)) endCandidates.unshift(eB - 1);

  const candidates: Suggestion[] = [];
  for (const s of startCandidates) {
    for (const e of endCandidates) {
      if (s < 1 || e > n || s > e) continue;
      const prefix = t.starts[s - 1]!;
      const suffix = headText.length - t.contentEnds[e - 1]!;
      if (prefix + suffix > newText.length) continue;
      if (newText.slice(0, prefix) !== headText.slice(0, prefix)) continue;
      if (newText.slice(newText.length - suffix) !== headText.slice(headText.length - suffix)) continue;
      const content = newText.slice(prefix, newText.length - suffix);
      if (content === headText.slice(prefix, headText.length - suffix)) continue;
      candidates.push({ startLine: s, line: e, content });
    }
  }
  if (candidates.length === 0) return { reason: 'the edits cannot be expressed as a replacement of whole lines' };
  candidates.sort((x, y) => x.line - x.startLine - (y.line - y.startLine) || x.startLine - y.startLine);
  for (const c of candidates) if (findHunk(hunks, c.startLine, c.line, mode)) return c;
  const best = candidates[0]!;
  // Reasons name no line: the review body states each reason once for all its rows (each row links its line).
  if (best.startLine === best.line) return { reason: `its line is not ${mode === 'added' ? 'an added line' : 'in a diff hunk'}` };
  return { reason: mode === 'added' ? 'its lines are not all added lines of one diff hunk' : 'its lines are not all in one diff hunk' };
}

/** True when `x` is a {@link Suggestion} (not a {@link NoSuggestion}). */
export function isSuggestion(x: Suggestion | NoSuggestion): x is Suggestion {
  return 'content' in x;
}

/**
 * Apply suggestions to a text the way GitHub does (each replaces its line span, see
 * {@link Suggestion}); they must not overlap. Used to check a planned review gives the fixed file.
 */
export function applySuggestions(text: string, suggestions: readonly Suggestion[]): string {
  const t = lineTable(text);
  const sorted = [...suggestions].sort((x, y) => y.startLine - x.startLine);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.line >= sorted[i - 1]!.startLine)
      throw new RangeError(`suggestions on lines ${sorted[i]!.startLine}-${sorted[i]!.line} and ${sorted[i - 1]!.startLine}-${sorted[i - 1]!.line} overlap`);
  }
  let out = text;
  for (const s of sorted) {
    if (s.startLine < 1 || s.line > t.starts.length || s.startLine > s.line) throw new RangeError(`lines ${s.startLine}-${s.line} are outside the text`);
    out = out.slice(0, t.starts[s.startLine - 1]!) + s.content + out.slice(t.contentEnds[s.line - 1]!);
  }
  return out;
}
