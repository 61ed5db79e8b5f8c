/**
 * Safe text for terminals and CI logs. Names, images, paths and messages come from the files a
 * pull request changes; printed raw, an ESC sequence could recolour, hide or rewrite lines (or
 * set a terminal title), a newline could forge a whole report line, a bidi control could make
 * a line read differently from what it is ("Trojan Source"), and a line beginning with `::`
 * (or the runner's older `##[`) would be run by the GitHub Actions runner as a workflow command
 * (docs.github.com, "Workflow commands for GitHub Actions").
 */

/** Escapes of the control characters that have a well-known short form. */
const NAMED: Readonly<Record<string, string>> = {
  '\0': '\\0',
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\x1b': '\\e',
};

/**
 * C0 controls, DEL, C1 controls, the bidi controls (U+061C, U+200E, U+200F, U+202A–U+202E,
 * U+2066–U+2069), zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and the Unicode line
 * and paragraph separators (U+2028, U+2029).
 */
// eslint-disable-next-line no-control-regex -- control characters are what this module makes visible
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060\u2066-\u2069\ufeff]/g;

/**
 * `text` with every character of {@link INVISIBLE} made visible, as one line: `\n`, `\r`, `\t`,
 * `\e` (ESC), `\0`, `\a`, `\b`, `\v`, `\f` for those, `\xHH` for the other C0/C1 controls and
 * `\u{HHHH}` for the rest. With `keepTabs`, a tab stays a tab (diff lines of a file); with
 * `keepLineBreaks`, CR and LF stay (a workflow command's message, where `escapeData` encodes
 * them). Other characters, backslashes included, are unchanged.
 */
export function safeText(text: string, options: { keepTabs?: boolean; keepLineBreaks?: boolean } = {}): string {
  // eslint-disable-next-line no-control-regex -- INVISIBLE's characters (a test without its g flag)
  if (!/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060\u2066-\u2069\ufeff]/.test(text)) return text;
  return text.replace(INVISIBLE, (c) => {
    if (c === '\t' && options.keepTabs) return c;
    if ((c === '\n' || c === '\r') && options.keepLineBreaks) return c;
    const named = NAMED[c];
    if (named !== undefined) return named;
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16).toUpperCase().padStart(4, '0')}}`;
  });
}

/**
 * One output line that the Actions runner cannot take for a workflow command: when it begins
 * (after blanks) with `::` or `##[`, its first character is written as `\x3a` or `\x23`.
 * `line` must hold no line break (pass user strings through {@link safeText} first).
 */
export function safeLine(line: string): string {
  return line.replace(/^(\s*)(::|##\[)/, (_m, blanks: string, cmd: string) => `${blanks}\\x${cmd.charCodeAt(0).toString(16)}${cmd.slice(1)}`);
}

/** {@link safeText} then {@link safeLine}: a user-controlled string printed as a whole line. */
export function neutraliseTerminal(text: string): string {
  return safeLine(safeText(text));
}
