import { parsePatch as parseUnifiedDiff, structuredPatch, type StructuredPatchHunk } from 'diff';
import { PATCH_CONTEXT_LINES } from '../report/patch.js';

/**
 * One hunk of a pull request's diff for one file. Line numbers are 1-based. `oldStart`/
 * `newStart` follow the `diff` package's convention: when a side is empty (`oldLines` or
 * `newLines` is 0, e.g. `@@ -0,0 +1,3 @@` of an added file) its start is the header's
 * number + 1, so `newStart` is always the first head line the hunk would hold.
 */
export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** 1-based head (RIGHT side) lines in the hunk, ascending: added and context lines. */
  rightLines: number[];
  /** 1-based head lines the hunk adds, ascending (a subset of `rightLines`). */
  addedLines: number[];
}

/** Where a review comment may be anchored: `added` lines only, or any RIGHT-side line of a hunk. */
export type AnchorMode = 'added' | 'diff_context';

/**
 * Parse the `patch` field of GitHub's "list pull request files" answer: hunks only, starting
 * at `@@ -a,b +c,d @@` (counts may be omitted: `@@ -1 +1 @@`), possibly with CRLF content and
 * `\ No newline at end of file` lines. An empty or missing patch gives no hunks. Uses the
 * `diff` package's parser, which accepts a patch without file headers.
 * Throws an Error (`malformed patch: ...`) when the hunk headers do not match their lines;
 * callers then fall back to {@link hunksBetween} on the two blobs.
 */
export function parsePatch(patch: string): Hunk[] {
  if (patch.trim() === '') return [];
  let parsed;
  try {
    parsed = parseUnifiedDiff(patch);
  } catch (err) {
    throw new Error(`malformed patch: ${(err as Error).message}`, { cause: err });
  }
  return parsed.flatMap((p) => p.hunks.map(toHunk));
}

/**
 * The hunks GitHub would show for a file whose `patch` is missing (binary or too large): a
 * line diff of the base and head blobs with {@link PATCH_CONTEXT_LINES} (3) lines of context.
 * `baseText` is undefined for an added file, which gives one hunk of every head line (none for
 * an empty file). The hunks may differ from git's where a diff is ambiguous (moved lines).
 */
export function hunksBetween(baseText: string | undefined, headText: string): Hunk[] {
  const p = structuredPatch('a', 'b', baseText ?? '', headText, undefined, undefined, { context: PATCH_CONTEXT_LINES });
  return p.hunks.map(toHunk);
}

function toHunk(h: StructuredPatchHunk): Hunk {
  const rightLines: number[] = [];
  const addedLines: number[] = [];
  let line = h.newStart;
  for (const l of h.lines) {
    const c = l.charAt(0);
    if (c === '+') {
      rightLines.push(line);
      addedLines.push(line);
      line++;
    } else if (c === ' ' || l === '') {
      // A context line ('' when a tool stripped the single space of an empty context line).
      rightLines.push(line);
      line++;
    }
    // '-' (removed) and '\' (no newline at end of file) lines hold no head line.
  }
  return { oldStart: h.oldStart, oldLines: h.oldLines, newStart: h.newStart, newLines: h.newLines, rightLines, addedLines };
}

/**
 * The one hunk that holds every head line `startLine..endLine` (1-based, inclusive) on the
 * RIGHT side — for `added`, every one of them must be an added line — or undefined (also
 * when `startLine > endLine`). A range split over two hunks has no hunk.
 */
export function findHunk(hunks: readonly Hunk[], startLine: number, endLine: number, mode: AnchorMode): Hunk | undefined {
  if (!Number.isInteger(startLine) || !Number.isInteger(endLine) || startLine < 1 || startLine > endLine) return undefined;
  for (const h of hunks) {
    const lines = mode === 'added' ? h.addedLines : h.rightLines;
    const i = lines.indexOf(startLine);
    if (i < 0) continue;
    // Lines are ascending and distinct: the range is covered iff it is a contiguous run.
    const j = i + (endLine - startLine);
    if (j < lines.length && lines[j] === endLine) return h;
  }
  return undefined;
}

/** True when head line `line` is in a hunk under `mode` (see {@link findHunk}). */
export function lineInHunks(hunks: readonly Hunk[], line: number, mode: AnchorMode): boolean {
  return findHunk(hunks, line, line, mode) !== undefined;
}
