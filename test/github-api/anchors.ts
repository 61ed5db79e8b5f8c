/**
 * GitHub's anchor rules for review comments: a commented line must be inside a hunk of the file's
 * `patch` on the commented side (RIGHT: added or context lines), and a range `start_line..line` must sit
 * in one hunk with `start_line < line`.
 */
import type { PullFile } from './types.js';

export interface Hunk {
  /** Index of the `@@` header in the patch's lines (= its diff position; the first header is 0). */
  headerIndex: number;
  /** RIGHT line number → diff position. */
  right: Map<number, number>;
  /** LEFT line number → diff position. */
  left: Map<number, number>;
}

const HEADER = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

export function parsePatch(patch: string | undefined): { lines: string[]; hunks: Hunk[] } {
  const lines = patch ? patch.split('\n') : [];
  const hunks: Hunk[] = [];
  let oldLine = 0;
  let newLine = 0;
  lines.forEach((text, index) => {
    const m = HEADER.exec(text);
    if (m) {
      hunks.push({ headerIndex: index, right: new Map(), left: new Map() });
      oldLine = Number(m[1]);
      newLine = Number(m[2]);
      return;
    }
    const hunk = hunks[hunks.length - 1];
    if (!hunk || text.startsWith('\\')) return; // "\ No newline at end of file"
    if (text.startsWith('+')) hunk.right.set(newLine++, index);
    else if (text.startsWith('-')) hunk.left.set(oldLine++, index);
    else {
      hunk.left.set(oldLine++, index);
      hunk.right.set(newLine++, index);
    }
  });
  return { lines, hunks };
}

export interface AnchorInput {
  path?: unknown;
  line?: unknown;
  side?: unknown;
  start_line?: unknown;
  start_side?: unknown;
  position?: unknown;
}

export interface Anchor {
  line: number;
  side: 'LEFT' | 'RIGHT';
  start_line: number | null;
  start_side: 'LEFT' | 'RIGHT' | null;
  position: number;
  diff_hunk: string;
}

export type AnchorResult = ({ ok: true } & Anchor) | { ok: false; reason: string; field: 'path' | 'line' | 'start_line' };

function side(value: unknown, fallback: 'LEFT' | 'RIGHT'): 'LEFT' | 'RIGHT' | undefined {
  if (value === undefined || value === null) return fallback;
  return value === 'LEFT' || value === 'RIGHT' ? value : undefined;
}

/** Finds the PR file a comment may be attached to (present and not removed). */
export function commentableFile(files: PullFile[], path: unknown): PullFile | string {
  const file = files.find((f) => f.filename === path);
  if (!file) return `path ${JSON.stringify(path)} is not a file of the pull request`;
  if (file.status === 'removed') return `path ${JSON.stringify(path)} was removed by the pull request`;
  return file;
}

/** Resolves one comment's anchor against the PR's files like GitHub does, or says why it cannot. */
export function resolveAnchor(files: PullFile[], c: AnchorInput, allowLeftSide = false): AnchorResult {
  const file = commentableFile(files, c.path);
  if (typeof file === 'string') return { ok: false, reason: file, field: 'path' };
  const { lines, hunks } = parsePatch(file.patch);
  const where = file.filename;
  let line = c.line;
  let endSide = side(c.side, 'RIGHT');
  if (line === undefined && typeof c.position === 'number') {
    // Deprecated `position`: lines below the first @@ header, counting later headers too.
    const hunk = [...hunks].reverse().find((h) => h.headerIndex < (c.position as number));
    const entry = hunk && [...hunk.right, ...hunk.left].find(([, pos]) => pos === c.position);
    if (!hunk || !entry) return { ok: false, reason: `${where}: position ${c.position} is not in the diff`, field: 'line' };
    line = entry[0];
    endSide = hunk.right.get(entry[0]) === c.position ? 'RIGHT' : 'LEFT';
  }
  if (typeof line !== 'number' || !Number.isInteger(line)) return { ok: false, reason: `${where}: no line given`, field: 'line' };
  if (!endSide) return { ok: false, reason: `${where}: side ${JSON.stringify(c.side)} is neither LEFT nor RIGHT`, field: 'line' };
  if (endSide === 'LEFT' && !allowLeftSide) return { ok: false, reason: `${where}: side LEFT (a suggestion needs RIGHT)`, field: 'line' };
  if (!hunks.length) return { ok: false, reason: `${where}: the file has no patch (binary or too large)`, field: 'line' };
  const hunk = hunks.find((h) => (endSide === 'RIGHT' ? h.right : h.left).has(line as number));
  if (!hunk) return { ok: false, reason: `${where}: ${endSide} line ${line} is not inside a hunk`, field: 'line' };
  const position = (endSide === 'RIGHT' ? hunk.right : hunk.left).get(line)!;
  const anchor: Anchor = {
    line,
    side: endSide,
    start_line: null,
    start_side: null,
    position,
    diff_hunk: lines.slice(hunk.headerIndex, position + 1).join('\n'),
  };
  if (c.start_line !== undefined && c.start_line !== null) {
    const startSide = side(c.start_side, endSide);
    if (typeof c.start_line !== 'number' || !startSide) return { ok: false, reason: `${where}: bad start_line/start_side`, field: 'start_line' };
    if (startSide === 'LEFT' && !allowLeftSide) return { ok: false, reason: `${where}: start_side LEFT`, field: 'start_line' };
    if (startSide === endSide && c.start_line >= line) {
      return { ok: false, reason: `${where}: start_line ${c.start_line} must precede line ${line}`, field: 'start_line' };
    }
    if (!(startSide === 'RIGHT' ? hunk.right : hunk.left).has(c.start_line)) {
      return { ok: false, reason: `${where}: start_line ${c.start_line} is not in the same hunk as line ${line}`, field: 'start_line' };
    }
    anchor.start_line = c.start_line;
    anchor.start_side = startSide;
  } else if (c.start_side !== undefined && c.start_side !== null && !side(c.start_side, endSide)) {
    return { ok: false, reason: `${where}: bad start_side`, field: 'start_line' };
  }
  return { ok: true, ...anchor };
}
