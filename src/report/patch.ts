import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { FileResult, FixGroup } from '../engine/index.js';
import { applyEdits, type TextEdit } from '../yaml/index.js';

/** Lines of unchanged context around each hunk of a patch. */
export const PATCH_CONTEXT_LINES = 3;

/**
 * A unified diff (`--- a/<file>`, `+++ b/<file>`, hunks with {@link PATCH_CONTEXT_LINES} lines
 * of context) between two texts of one file. Returns '' when the texts are equal.
 * Line endings are kept as they are: a CRLF file gives patch lines ending in `\r\n`, so
 * `git apply` / `patch` reproduce it byte for byte. A missing final newline is marked with
 * `\ No newline at end of file`.
 */
export function diffTexts(file: string, before: string, after: string): string {
  if (before === after) return '';
  return createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, {
    context: PATCH_CONTEXT_LINES,
    headerOptions: FILE_HEADERS_ONLY,
  });
}

/**
 * The unified diff of applying `edits` (offsets into `text`, see {@link TextEdit}) to the
 * original `text` of `file`. Returns '' when the edits change nothing. Throws what
 * `applyEdits` throws for overlapping or out-of-range edits (OverlappingEditsError, RangeError).
 */
export function patchForEdits(file: string, text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return '';
  // Diff only the lines around the edits (the rest is identical): diffing the whole file for each
  // fix group made a file of 1,000 fixed objects take minutes. The hunks are the same; their line
  // numbers are shifted back to the file's (test/report/patch.test.ts compares on the corpus).
  // Edits far apart are diffed window by window, the hunks joined in order.
  const margin = 2 * PATCH_CONTEXT_LINES + 1;
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const windows: { start: number; end: number; edits: TextEdit[] }[] = [];
  for (const e of sorted) {
    let start = text.lastIndexOf('\n', e.range[0] - 1) + 1;
    for (let i = 0; i < margin && start > 0; i++) start = text.lastIndexOf('\n', start - 2) + 1;
    let end = e.range[1];
    for (let i = 0; i <= margin && end < text.length; i++) {
      const nl = text.indexOf('\n', end);
      end = nl < 0 ? text.length : nl + 1;
    }
    const last = windows[windows.length - 1];
    if (last && start <= last.end) {
      last.end = Math.max(last.end, end);
      last.edits.push(e);
    } else windows.push({ start, end, edits: [e] });
  }
  let header = '';
  let body = '';
  let linesBefore = 0;
  let scanned = 0;
  let added = 0;
  for (const w of windows) {
    linesBefore += countNewlines(text, scanned, w.start);
    scanned = w.start;
    const before = text.slice(w.start, w.end);
    const after = applyEdits(
      before,
      w.edits.map((e) => ({ range: [e.range[0] - w.start, e.range[1] - w.start] as [number, number], text: e.text })),
    );
    const patch = diffTexts(file, before, after);
    if (patch === '') continue;
    const at = patch.indexOf('\n@@');
    header = patch.slice(0, at + 1);
    const oldOffset = linesBefore;
    const newOffset = linesBefore + added;
    body += patch
      .slice(at + 1)
      .replace(
        /^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@/gm,
        (_m, a: string, b = '', c: string, d = '') => `@@ -${Number(a) + oldOffset}${b} +${Number(c) + newOffset}${d} @@`,
      );
    added += countNewlines(after, 0, after.length) - countNewlines(before, 0, before.length);
  }
  return header + body;
}

/** Newlines in `text` from offset `from` up to (not including) offset `end`. */
function countNewlines(text: string, from: number, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The unified diff of one fix group against its file's original text, or '' when the group is
 * not verified (it then carries no edits).
 */
export function patchForFixGroup(group: FixGroup, originalText: string): string {
  if (!group.verified) return '';
  return patchForEdits(group.file, originalText, group.edits);
}

/**
 * The whole-file patch of a file: every verified fix applied together (`FileResult.fixedText`)
 * against the original text. Returns '' when nothing in the file is fixable.
 */
export function patchForFile(file: FileResult, originalText: string): string {
  if (file.fixedText === undefined) return '';
  if (file.fixedEdits) return patchForEdits(file.path, originalText, file.fixedEdits);
  return diffTexts(file.path, originalText, file.fixedText);
}
