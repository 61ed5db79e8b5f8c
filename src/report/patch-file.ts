/**
 * The patch file of a run: every fixable file's fixes as one git-style unified diff.
 */
import type { RunResult } from '../engine/index.js';
import { diffTexts } from './patch.js';

/**
 * Quote a path the way git does when it has to (C-style, in double quotes) — when it holds a
 * `"`, a backslash, or a control character — else return it unchanged. git apply reads both.
 */
export function gitQuotePath(path: string): string {
  // eslint-disable-next-line no-control-regex -- git quotes a path with control characters
  if (!/["\\\u0000-\u001f\u007f]/.test(path)) return path;
  const named: Record<string, string> = {
    '"': '\\"',
    '\\': '\\\\',
    '\n': '\\n',
    '\t': '\\t',
    '\r': '\\r',
    '\b': '\\b',
    '\f': '\\f',
    '\v': '\\v',
    '\u0007': '\\a',
  };
  let out = '';
  for (const ch of path) {
    const code = ch.charCodeAt(0);
    if (named[ch] !== undefined) out += named[ch];
    else if (code < 0x20 || code === 0x7f) out += '\\' + code.toString(8).padStart(3, '0');
    else out += ch;
  }
  return `"${out}"`;
}

/** `a/<path>` / `b/<path>`, quoted as a whole when git would quote it. */
function side(prefix: 'a/' | 'b/', path: string): string {
  return gitQuotePath(prefix + path);
}

/**
 * ONE unified diff of every file whose `fixedText` is set, against its original text in
 * `originals` (files missing there are left out), in the order of `result.files`, that
 * `git apply` accepts from the repository root: per file a `diff --git a/<path> b/<path>`
 * header, `--- a/<path>` / `+++ b/<path>`, hunks with 3 lines of context (from `diffTexts`),
 * `\ No newline at end of file` where a side has no final newline, and CRLF lines kept byte
 * for byte. Paths git would quote (`"`, `\`, control characters) are C-quoted. Returns '' when
 * nothing is fixable; otherwise the text ends with a newline.
 */
export function patchFile(result: RunResult, originals: ReadonlyMap<string, string>): string {
  const parts: string[] = [];
  for (const f of result.files) {
    if (f.fixedText === undefined) continue;
    const original = originals.get(f.path);
    if (original === undefined || original === f.fixedText) continue;
    const diff = diffTexts(f.path, original, f.fixedText);
    // Drop diffTexts' own `---`/`+++` lines (a name with a line break is quoted, so the first
    // line starting with `@@` is the first hunk) and write git's headers instead.
    const at = diff.indexOf('\n@@ ');
    if (!diff.startsWith('--- ') || at < 0) throw new Error(`patchFile: unexpected diff for ${f.path}`);
    const hunks = diff.slice(at + 1);
    parts.push(
      `diff --git ${side('a/', f.path)} ${side('b/', f.path)}\n--- ${side('a/', f.path)}\n+++ ${side('b/', f.path)}\n${hunks.endsWith('\n') ? hunks : hunks + '\n'}`,
    );
  }
  return parts.join('');
}
