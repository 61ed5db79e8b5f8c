/**
 * A small, reasonable POSIX shell tokeniser for reading commands in manifests. It never executes
 * anything: it splits text into pipelines of simple commands (on `&&`, `||`, `;`, `&`, `|`,
 * newlines and parentheses), removes quotes, drops comments and here-document bodies, and keeps
 * redirections apart from the words. Command substitutions (`$(...)`, backquotes, `<(...)`) stay
 * inside their word as raw text.
 */

/** A redirection of a simple command: the operator (`>`, `>>`, `<`, `&>` …) and its target word. */
export interface Redirect {
  op: string;
  target: string;
}

/** One simple command: its words (quotes removed) and redirections, and its source text. */
export interface SimpleCommand {
  words: string[];
  redirects: Redirect[];
  text: string;
}

/** Commands connected by `|` (a lone command is a pipeline of one). */
export type Pipeline = SimpleCommand[];

/** Operators that write to their target. */
export const WRITE_REDIRECTS = new Set(['>', '>>', '>|', '&>', '&>>', '<>']);

/** A redirection operator at `lastIndex` (sticky: no copy of the rest of the text per operator). */
const REDIRECT_OP = /&>>|&>|>>|>\||>&|>|<<<|<<-|<<|<>|<&|</y;
/** A descriptor after `>&` / `<&` at `lastIndex`. */
const DESCRIPTOR = /\s*(\d+|-)/y;

/** Read a balanced `(...)` starting at the `(` at index `i`; returns the index after the `)`. */
function skipBalanced(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const ch = s[j];
    if (ch === '\\') {
      j++;
      continue;
    }
    if (ch === "'") {
      const end = s.indexOf("'", j + 1);
      j = end === -1 ? s.length : end;
      continue;
    }
    if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return j + 1;
  }
  return s.length;
}

/** Control operators at `lastIndex` (sticky): `||`, `|&`, `&&`, `;;`, then one of `| & ; ( )`. */
const CONTROL_OP = /\|\||\|&|&&|;;|[|&;()]/y;

/**
 * Where the parser is in `text` and what it has read so far. Offsets are 0-based UTF-16 indexes
 * into `text`; `i` may pass `text.length` by one after an unterminated double quote.
 */
interface ShellState {
  readonly text: string;
  /** The next character to read. */
  i: number;
  /** Where the current simple command's source text starts. */
  start: number;
  /** The word being read (quotes removed), or null between words. */
  word: string | null;
  /** A redirection operator waiting for its target (the next word). */
  pendingRedirect: string | null;
  /** Here-document delimiters read on the current line, in order (their bodies follow its newline). */
  heredocs: string[];
  /** The current simple command's words and redirections. */
  words: string[];
  redirects: Redirect[];
  /** The current pipeline's commands, and the pipelines done. */
  pipeline: SimpleCommand[];
  readonly pipelines: Pipeline[];
}

/**
 * Split shell text into pipelines of simple commands, in source order. Never throws: unterminated
 * quotes, substitutions and here-documents run to the end of the text. A command with neither
 * words nor redirections (`;;`, a lone `|`) is left out, and so is a pipeline without commands.
 */
export function parseShell(text: string): Pipeline[] {
  const s: ShellState = { text, i: 0, start: 0, word: null, pendingRedirect: null, heredocs: [], words: [], redirects: [], pipeline: [], pipelines: [] };
  while (s.i < text.length) step(s);
  endPipeline(s, text.length);
  return s.pipelines;
}

/** Read the character or token at `s.i` (an escape, a quoted part, a blank, an operator…) and move past it. */
function step(s: ShellState): void {
  const { text, i } = s;
  const ch = text[i]!;
  const next = text[i + 1];
  if (ch === '\\') {
    // A backslash-newline joins the lines; any other escaped character (none at the end) is a word character.
    if (next !== '\n') s.word = (s.word ?? '') + (next ?? '');
    s.i = i + 2;
    return;
  }
  const part = quotedPart(text, i, s.word === null);
  if (part) {
    s.word = (s.word ?? '') + part[0];
    s.i = part[1];
  } else if (ch === '#' && s.word === null) {
    const end = text.indexOf('\n', i);
    s.i = end === -1 ? text.length : end;
  } else if (ch === ' ' || ch === '\t' || ch === '\r') {
    endWord(s);
    s.i = i + 1;
  } else if (ch === '\n') {
    endLine(s);
  } else if (ch === '|' || ch === ';' || ch === '(' || ch === ')' || (ch === '&' && next !== '>')) {
    controlOperator(s);
  } else if (ch === '>' || ch === '<' || ch === '&') {
    redirection(s);
  } else {
    s.word = (s.word ?? '') + ch;
    s.i = i + 1;
  }
}

/**
 * The part of a word that starts at `i` with a quote or a substitution, or undefined when `text[i]`
 * starts none: `'...'` and `"..."` (quotes removed; in double quotes `\` escapes only `"`, `\`, `$`,
 * `` ` `` and a newline, which it removes, and `$(...)` is kept whole), `$(...)`, and `<(...)` /
 * `>(...)` only at a word start (`atWordStart`), and `` `...` `` (kept as raw text). Returns
 * [the part's text, the index after it]; an unterminated part runs to the end of `text`.
 */
function quotedPart(text: string, i: number, atWordStart: boolean): [string, number] | undefined {
  const ch = text[i];
  if (ch === "'") {
    const end = text.indexOf("'", i + 1);
    return end === -1 ? [text.slice(i + 1), text.length] : [text.slice(i + 1, end), end + 1];
  }
  if (ch === '"') return doubleQuoted(text, i);
  if ((ch === '$' || ((ch === '<' || ch === '>') && atWordStart)) && text[i + 1] === '(') {
    const end = skipBalanced(text, i + 1);
    return [text.slice(i, end), end];
  }
  if (ch === '`') {
    const end = text.indexOf('`', i + 1);
    return end === -1 ? [text.slice(i), text.length] : [text.slice(i, end + 1), end + 1];
  }
  return undefined;
}

/** The double-quoted part at `i` (a `"`): [its text with quotes and escapes removed, the index after the closing `"`] (`text.length + 1` when unterminated). */
function doubleQuoted(text: string, i: number): [string, number] {
  let j = i + 1;
  let out = '';
  while (j < text.length && text[j] !== '"') {
    if (text[j] === '\\' && j + 1 < text.length && '"\\$`\n'.includes(text[j + 1]!)) {
      if (text[j + 1] !== '\n') out += text[j + 1];
      j += 2;
      continue;
    }
    if (text[j] === '$' && text[j + 1] === '(') {
      const end = skipBalanced(text, j + 1);
      out += text.slice(j, end);
      j = end;
      continue;
    }
    out += text[j];
    j++;
  }
  return [out, j + 1];
}

/** A control operator at `s.i`: `|` and `|&` end the command (the pipeline goes on), the others (`||`, `&&`, `&`, `;`, `;;`, `(`, `)`) end the pipeline. */
function controlOperator(s: ShellState): void {
  CONTROL_OP.lastIndex = s.i;
  const op = CONTROL_OP.exec(s.text)![0];
  if (op === '|' || op === '|&') endCommand(s, s.i);
  else endPipeline(s, s.i);
  s.i += op.length;
  s.start = s.i;
}

/**
 * A redirection operator at `s.i` (`>`, `>>`, `2>`, `&>`, `<<`, `>&` …): a word of digits right
 * before it is its file descriptor, not a word. Descriptor duplication (`2>&1`, `>&-`, `<&3`) is
 * dropped; otherwise the operator waits for its target word (`>& file` writes like `&>`, `<& file`
 * reads like `<`).
 */
function redirection(s: ShellState): void {
  if (s.word !== null && /^\d+$/.test(s.word)) s.word = null;
  endWord(s);
  REDIRECT_OP.lastIndex = s.i;
  const op = REDIRECT_OP.exec(s.text)![0];
  s.i += op.length;
  if (op !== '>&' && op !== '<&') {
    s.pendingRedirect = op;
    return;
  }
  DESCRIPTOR.lastIndex = s.i;
  const dup = DESCRIPTOR.exec(s.text);
  if (dup) s.i += dup[0].length;
  else s.pendingRedirect = op === '>&' ? '&>' : '<';
}

/** A newline at `s.i`: it ends the pipeline, then the bodies of the line's here-documents are skipped. */
function endLine(s: ShellState): void {
  endPipeline(s, s.i);
  s.i = skipHeredocBodies(s.text, s.i + 1, s.heredocs);
  s.heredocs = [];
  s.start = s.i;
}

/**
 * Skip here-document bodies from `i` (a line start): for each delimiter in order, the lines up to
 * and including the first whose trimmed text is the delimiter (a leading `-` dropped). Returns the
 * index after them (`text.length` when a body is unterminated).
 */
function skipHeredocBodies(text: string, i: number, delimiters: readonly string[]): number {
  for (const delim of delimiters) {
    const clean = delim.replace(/^-/, '');
    while (i < text.length) {
      const end = text.indexOf('\n', i);
      const line = text.slice(i, end === -1 ? text.length : end);
      i = end === -1 ? text.length : end + 1;
      if (line.trim() === clean) break;
    }
  }
  return i;
}

/** End the current word, if any: the target of a pending redirection (a here-document's delimiter), else a word of the command. */
function endWord(s: ShellState): void {
  if (s.word === null) return;
  if (s.pendingRedirect !== null) {
    if (s.pendingRedirect.startsWith('<<') && s.pendingRedirect !== '<<<') s.heredocs.push(s.word);
    else s.redirects.push({ op: s.pendingRedirect, target: s.word });
    s.pendingRedirect = null;
  } else {
    s.words.push(s.word);
  }
  s.word = null;
}

/** End the current simple command at `end` (its text is `text[start, end)` trimmed); one with neither words nor redirections is dropped. */
function endCommand(s: ShellState, end: number): void {
  endWord(s);
  if (s.words.length > 0 || s.redirects.length > 0) s.pipeline.push({ words: s.words, redirects: s.redirects, text: s.text.slice(s.start, end).trim() });
  s.words = [];
  s.redirects = [];
  s.pendingRedirect = null;
}

/** End the current command at `end`, then the pipeline (dropped when it has no command). */
function endPipeline(s: ShellState, end: number): void {
  endCommand(s, end);
  if (s.pipeline.length > 0) s.pipelines.push(s.pipeline);
  s.pipeline = [];
}
