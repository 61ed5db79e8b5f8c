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
  return diffTexts(file, text, applyEdits(text, edits));
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
  return diffTexts(file.path, originalText, file.fixedText);
}
