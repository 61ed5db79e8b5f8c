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

/** Split shell text into pipelines of simple commands. */
export function parseShell(text: string): Pipeline[] {
  const pipelines: Pipeline[] = [];
  let pipeline: SimpleCommand[] = [];
  let words: string[] = [];
  let redirects: Redirect[] = [];
  let word: string | null = null;
  let pendingRedirect: string | null = null;
  let heredocs: string[] = [];
  let start = 0;

  const endWord = () => {
    if (word === null) return;
    if (pendingRedirect !== null) {
      if (pendingRedirect.startsWith('<<') && pendingRedirect !== '<<<') heredocs.push(word);
      else redirects.push({ op: pendingRedirect, target: word });
      pendingRedirect = null;
    } else {
      words.push(word);
    }
    word = null;
  };
  const endCommand = (end: number) => {
    endWord();
    if (words.length > 0 || redirects.length > 0) pipeline.push({ words, redirects, text: text.slice(start, end).trim() });
    words = [];
    redirects = [];
    pendingRedirect = null;
  };
  const endPipeline = (end: number) => {
    endCommand(end);
    if (pipeline.length > 0) pipelines.push(pipeline);
    pipeline = [];
  };

  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (ch === '\\') {
      if (next === '\n') {
        i += 2;
        continue;
      }
      word = (word ?? '') + (next ?? '');
      i += 2;
      continue;
    }
    if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      word = (word ?? '') + text.slice(i + 1, end === -1 ? text.length : end);
      i = end === -1 ? text.length : end + 1;
      continue;
    }
    if (ch === '"') {
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
      word = (word ?? '') + out;
      i = j + 1;
      continue;
    }
    if ((ch === '$' || ch === '<' || ch === '>') && next === '(' && (ch === '$' || word === null)) {
      const end = skipBalanced(text, i + 1);
      word = (word ?? '') + text.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '`') {
      const end = text.indexOf('`', i + 1);
      word = (word ?? '') + text.slice(i, end === -1 ? text.length : end + 1);
      i = end === -1 ? text.length : end + 1;
      continue;
    }
    if (ch === '#' && word === null) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      endWord();
      i++;
      continue;
    }
    if (ch === '\n') {
      endPipeline(i);
      i++;
      // Skip here-document bodies up to their delimiter lines.
      for (const delim of heredocs) {
        const clean = delim.replace(/^-/, '');
        while (i < text.length) {
          const end = text.indexOf('\n', i);
          const line = text.slice(i, end === -1 ? text.length : end);
          i = end === -1 ? text.length : end + 1;
          if (line.trim() === clean) break;
        }
      }
      heredocs = [];
      start = i;
      continue;
    }
    if (ch === '|') {
      const op = next === '|' ? '||' : '|';
      if (op === '|') endCommand(i);
      else endPipeline(i);
      i += op.length + (op === '|' && next === '&' ? 1 : 0);
      start = i;
      continue;
    }
    if (ch === '&' && next !== '>') {
      endPipeline(i);
      i += next === '&' ? 2 : 1;
      start = i;
      continue;
    }
    if (ch === ';' || ch === '(' || ch === ')') {
      endPipeline(i);
      i += ch === ';' && next === ';' ? 2 : 1;
      start = i;
      continue;
    }
    if (ch === '>' || ch === '<' || (ch === '&' && next === '>')) {
      // A word of digits right before the operator is a file descriptor (`2>`).
      if (word !== null && /^\d+$/.test(word)) word = null;
      endWord();
      REDIRECT_OP.lastIndex = i;
      const m = REDIRECT_OP.exec(text)!;
      i += m[0].length;
      if (m[0] === '>&' || m[0] === '<&') {
        // `2>&1`, `>&-`: descriptor duplication; `>& file` writes like `&>`.
        DESCRIPTOR.lastIndex = i;
        const dup = DESCRIPTOR.exec(text);
        if (dup) {
          i += dup[0].length;
          continue;
        }
        pendingRedirect = m[0] === '>&' ? '&>' : '<';
        continue;
      }
      pendingRedirect = m[0];
      continue;
    }
    word = (word ?? '') + ch;
    i++;
  }
  endPipeline(text.length);
  return pipelines;
}
