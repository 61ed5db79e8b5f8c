/**
 * Safe Markdown for GitHub (review bodies, review comments, job summaries). Every string a
 * pull request controls — resource and container names, images, paths, annotation values, and
 * messages that embed them — goes through {@link escapeMarkdown} (or {@link inlineCode},
 * {@link fence}, {@link escapeHtml}) so that it renders as the literal text: no HTML, no
 * formatting, no @mention notifications, no issue/PR cross-references, no links.
 */
import { artifactUri } from './sarif.js';

/** Zero-width space: splits tokens GitHub would otherwise autolink, invisible when rendered. */
const ZWSP = '\u200B';

/**
 * Break what GitHub autolinks in plain text: `@user`/`@org/team` mentions (`@` + ZWSP),
 * `#123` and `owner/repo#123` references, `GH-123`, URL schemes (`https://` → `https:` + ZWSP +
 * `//`) and `www.` links. The text renders the same apart from invisible ZWSPs. `GH-` and
 * `www.` count after anything but a letter or digit (GFM autolinks `www.` after `_`, `*`, `~`, `(`).
 */
function neutraliseAutolinks(text: string): string {
  return text
    .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${ZWSP}`)
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    .replace(/(?<![\p{L}\p{N}])(GH)-(?=\d)/giu, `$1${ZWSP}-`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/(?<![\p{L}\p{N}])(www)\./giu, `$1${ZWSP}.`);
}

/** Line breaks (CR, LF, Unicode separators) become spaces: escaped text is always one inline run. */
function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

/**
 * Characters that change how text reads without being seen: the bidi controls (U+061C,
 * U+200E, U+200F, U+202A–U+202E, U+2066–U+2069: "Trojan Source", CVE-2021-42574), the
 * zero-width characters (U+200B–U+200D, U+2060, U+FEFF), and the C0/C1 controls and DEL
 * (tabs excepted).
 */
// eslint-disable-next-line no-control-regex -- the control characters are what it finds
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/**
 * Each {@link INVISIBLE} character of a user-controlled string as the visible text
 * `<U+202E>` (upper-case hex, at least 4 digits); the callers escape its `<`.
 */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** ASCII punctuation (CommonMark 0.31 §2.1): the characters a backslash can escape (§2.4). */
const ASCII_PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'.split(''));

/** Escaped wherever they stand: code spans, emphasis, links, tables, strikethrough, math (see {@link escapeMarkdown}). */
const ALWAYS = new Set('`*[]|~$'.split(''));

/**
 * Neither Unicode whitespace nor Unicode punctuation on any renderer: CommonMark 0.31 counts
 * the P and S categories as punctuation (§2.1), cmark-gfm (0.29) only P and ASCII symbols; a
 * letter, digit or combining mark is "other" for both. An `_` run between two of these is
 * intraword: it can neither open nor close emphasis (§6.2, rules 2 and 4).
 */
const WORDISH = /^[\p{L}\p{N}\p{M}]$/u;

/**
 * Escape a user-controlled string for inline Markdown so that GitHub renders it as the literal
 * text, escaping only what Markdown or HTML would interpret there (so the raw text — what
 * notification e-mails, API clients and quote-replies show — stays readable: `web-app`,
 * `nginx:1.25`, `(see docs).`, `my_app_name` are unchanged).
 *
 * Contract: the result is placed in inline text — a paragraph, a list item, a table cell, a
 * heading's text, a link's text — on one line, possibly at the start of a block or a line
 * (callers write `- ${escaped}`, `## ${escaped}`, `| ${escaped} |`, `[${escaped}](url)`), and
 * may be followed directly by the caller's markup (`_…${escaped}_`, `${escaped}<br>`).
 *
 * First, as before: line breaks become spaces; bidi controls, zero-width and control
 * characters become visible (`<U+202E>`, see {@link showInvisible}); mentions, issue
 * references, URL schemes and `www.` are broken with a zero-width space (see the module doc).
 * Then leading and trailing spaces and tabs are dropped (they never render; four leading ones
 * would start an indented code block, CommonMark 0.31 §4.4, two trailing ones a hard line break
 * on a continued line, §6.7). Then a backslash (§2.4) goes before:
 * - `` ` `` (code spans §6.1, code fences §4.5), `*` (emphasis §6.2, bullet lists §5.2,
 *   thematic breaks §4.1), `[` and `]` (links and images §6.3–6.4, link reference definitions
 *   §4.7, GFM task lists §5.3, footnotes), `|` (GFM tables §4.10, also inside a cell), `~` (GFM
 *   strikethrough §6.5, which takes `~` as well as `~~`; tilde fences §4.5) and `$` (GitHub's
 *   `$…$`/`$$` math) — always;
 * - `_` unless its run is intraword (a letter, digit or mark right before and right after the
 *   run, within the string: {@link WORDISH}), so `my_app_name` stays; a run at either end is
 *   escaped, since the caller's text next to it is unknown;
 * - `<` unless a space or tab follows: a tag, comment, processing instruction, declaration,
 *   CDATA (§6.6, HTML blocks §4.6) or autolink (§6.5; an e-mail autolink may start with a digit
 *   or punctuation) needs a non-blank character after the `<`; `a < b` stays. This covers the
 *   `<` of `<U+202E>`;
 * - `&` followed by `#` or an ASCII letter, or at the end: an entity or numeric character
 *   reference (§2.5) starts so; `R&D` stays only before a digit or blank, `a & b` stays;
 * - `\` followed by ASCII punctuation (after escaping) or at the end, where it would escape the
 *   next character or the caller's markup (§2.4); elsewhere (`C:\Users`) it is literal;
 * - at the start only (block structure): `>` (block quote §5.1); a `#` run followed by a blank
 *   or the end (ATX heading §4.2); `-` or `+` followed by a blank or the end (bullet list
 *   §5.2); the `.`/`)` after 1–9 digits followed by a blank or the end (ordered list §5.2); the
 *   first character of a string made only of `-`, `:` and blanks (thematic break §4.1, setext
 *   underline §4.3, GFM table delimiter row §4.10 — `a` then `:-:` is a one-column table) or
 *   only of `=` (setext underline);
 * - at the end only: the first `#` of a trailing `#` run after a blank (an ATX heading's
 *   closing sequence, §4.2).
 * `>`, `(`, `)`, `.`, `!`, `{`, `}`, `+`, `-`, `#`, `=`, `^`, `:`, `"`, `'`, `@` stay plain
 * elsewhere, and `:emoji:` shortcodes are left alone (harmless). GFM autolink literals (`www.`,
 * `http://`, e-mail addresses, GFM §6.9) are broken by the zero-width spaces, and no raw HTML is
 * left for the tag filter (GFM §6.11). Positions are counted in code points. Never throws.
 */
export function escapeMarkdown(text: string): string {
  const chars = Array.from(
    neutraliseAutolinks(showInvisible(oneLine(text)))
      .replace(/^[ \t]+/, '')
      .replace(/[ \t]+$/, ''),
  );
  const n = chars.length;
  const escape = new Array<boolean>(n).fill(false);
  const isBlank = (i: number) => chars[i] === ' ' || chars[i] === '\t';
  const endOrBlank = (i: number) => i >= n || isBlank(i);
  const wordish = (i: number) => i >= 0 && i < n && WORDISH.test(chars[i]!);

  for (let i = 0; i < n; i++) {
    const c = chars[i]!;
    if (ALWAYS.has(c)) escape[i] = true;
    else if (c === '<') escape[i] = !(i + 1 < n && isBlank(i + 1));
    else if (c === '&') escape[i] = i + 1 === n || /^[#A-Za-z]$/.test(chars[i + 1]!);
    else if (c === '_') {
      let j = i;
      while (j < n && chars[j] === '_') j++;
      const intraword = wordish(i - 1) && wordish(j);
      for (let k = i; k < j; k++) escape[k] = !intraword;
      i = j - 1;
    }
  }

  // Block structure: the string may start a block or a line.
  const s = chars.join('');
  const first = chars[0];
  if (first === '>') escape[0] = true;
  else if (first === '#' && endOrBlank(/^#+/.exec(s)![0].length)) escape[0] = true;
  else if ((first === '-' || first === '+') && endOrBlank(1)) escape[0] = true;
  else if ((/^[-: \t]+$/.test(s) && s.includes('-')) || /^=+$/.test(s)) escape[0] = true;
  const ordered = /^\d{1,9}[.)]/.exec(s);
  if (ordered && endOrBlank(ordered[0].length)) escape[ordered[0].length - 1] = true;
  // An ATX heading's closing sequence: a trailing `#` run after a blank (digits and `#` are one code unit each).
  const closing = /[ \t](#+)$/.exec(s);
  if (closing) escape[n - closing[1]!.length] = true;

  // A backslash before what is then ASCII punctuation (or before the caller's text) would escape it.
  for (let i = n - 1; i >= 0; i--) {
    if (chars[i] === '\\') escape[i] = i + 1 === n || escape[i + 1]! || ASCII_PUNCTUATION.has(chars[i + 1]!);
  }
  let out = '';
  for (let i = 0; i < n; i++) out += escape[i] ? `\\${chars[i]!}` : chars[i]!;
  return out;
}

/**
 * Escape a user-controlled string for HTML element content where Markdown is not rendered
 * (inside `<summary>`, which a `<details>` HTML block holds, CommonMark 0.31 §4.6): `&` becomes
 * `&amp;` and `<` `&lt;`, which is all text content needs (no tag, comment or character
 * reference can start; `>`, `"` and `'` are plain text outside attributes, and the result is
 * never put in an attribute). Line breaks become spaces (a blank line would end the HTML
 * block); bidi, zero-width and control characters become visible (`<U+202E>`, written
 * `&lt;U+202E>`); autolinks are broken as in {@link escapeMarkdown}.
 */
export function escapeHtml(text: string): string {
  return neutraliseAutolinks(showInvisible(oneLine(text))).replace(/[&<]/g, (c) => (c === '&' ? '&amp;' : '&lt;'));
}

/** The length of the longest run of backticks in `text` (0 when none). */
export function longestBacktickRun(text: string): number {
  let max = 0;
  for (const m of text.matchAll(/`+/g)) max = Math.max(max, m[0].length);
  return max;
}

/**
 * A code span showing `text` literally: the backtick fence is one longer than any backtick
 * run inside, with one space of padding on each side (CommonMark strips exactly that).
 * Line breaks become spaces; bidi, zero-width and control characters become visible
 * (`<U+202E>`: a code span shows them literally but they still reorder it). In a table cell pass
 * `inTable` so that `|` is escaped as `\|` (GitHub splits cells on `|` even inside code spans).
 */
export function inlineCode(text: string, inTable = false): string {
  let body = showInvisible(oneLine(text));
  if (inTable) body = body.replace(/\|/g, '\\|');
  const ticks = '`'.repeat(longestBacktickRun(body) + 1);
  return `${ticks} ${body} ${ticks}`;
}

/**
 * A fenced code block: the opening fence (backticks, one longer than any backtick run in
 * `content`, at least 3) followed by `info` (e.g. `suggestion`, `diff`), the content, and the
 * closing fence. `content` is a list of lines joined with `\n` (no trailing newline: content
 * `'a\nb'` is two lines, `''` is one empty line; a block of zero lines cannot be written).
 * `info` must be one word. The content is kept exactly (a suggestion must hold the file's own
 * bytes), so a bidi control in it stays; GitHub flags those in the rendered block.
 */
export function fence(content: string, info = ''): string {
  if (/[\s`]/.test(info)) throw new TypeError(`fence: info must be one word without backticks, got ${JSON.stringify(info)}`);
  const ticks = '`'.repeat(Math.max(3, longestBacktickRun(content) + 1));
  return `${ticks}${info}\n${content}\n${ticks}`;
}

/** What a kube-immutable marker holds: the findings' fingerprints, the fix group id, the anchor line. */
export interface Marker {
  fingerprints: string[];
  fixId?: string;
  /** 1-based head line the comment was anchored on when it was posted. */
  line?: number;
}

const MARKER_PREFIX = '<!-- kube-immutable:';
/**
 * Our marker block: the LAST line of a body, alone on its line (trailing blanks allowed, as
 * GitHub may add a line break). A marker anywhere else — inside a suggestion, a quoted
 * reply, a manifest's text — is not ours and is ignored.
 */
const MARKER_RE = /(?:^|\n)<!-- kube-immutable:([^>\r\n]*?) -->[ \t\r\n]*$/;

/**
 * The hidden HTML comment that marks our review comments and bodies:
 * `<!-- kube-immutable:fp=<fp>[,<fp>...][;fix=<id>][;line=<n>] -->`. Values are
 * percent-encoded (so `,`, `;`, `=`, `>` never appear raw); `fingerprint` may be one or many.
 */
export function fingerprintMarker(m: { fingerprint: string | readonly string[]; fixId?: string; line?: number }): string {
  const fps = typeof m.fingerprint === 'string' ? [m.fingerprint] : [...m.fingerprint];
  const parts = [`fp=${fps.map(encodeURIComponent).join(',')}`];
  if (m.fixId !== undefined) parts.push(`fix=${encodeURIComponent(m.fixId)}`);
  if (m.line !== undefined) parts.push(`line=${Math.trunc(m.line)}`);
  return `${MARKER_PREFIX}${parts.join(';')} -->`;
}

/**
 * Read the marker of a comment or review body written by {@link fingerprintMarker}, or
 * undefined when the body has none (a foreign comment) or it is malformed. Only the marker
 * block we write is read: the body's last line, exactly `<!-- kube-immutable:… -->` (see
 * `commentBody` and the review body, which end with it). Text before it — a suggestion whose
 * lines come from the pull request, quoted text — can hold a forged marker line; it never
 * changes the fingerprints read.
 */
export function parseMarker(body: string): Marker | undefined {
  const m = MARKER_RE.exec(body);
  if (!m) return undefined;
  const out: Marker = { fingerprints: [] };
  try {
    for (const part of m[1]!.split(';')) {
      const eq = part.indexOf('=');
      if (eq < 0) continue;
      const key = part.slice(0, eq);
      const value = part.slice(eq + 1);
      if (key === 'fp') out.fingerprints = value === '' ? [] : value.split(',').map(decodeURIComponent);
      else if (key === 'fix') out.fixId = decodeURIComponent(value);
      else if (key === 'line' && /^\d+$/.test(value)) out.line = Number(value);
    }
  } catch {
    return undefined;
  }
  return out.fingerprints.length > 0 ? out : undefined;
}

/**
 * A URL safe as a Markdown link destination, or undefined: only `http:`/`https:` URLs without
 * whitespace or control characters; `(`, `)`, `<`, `>` are percent-encoded.
 */
export function safeUrl(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- a URL with a control character is refused
  if (!/^https?:\/\/[^\s\u0000-\u001f\u007f]+$/i.test(url)) return undefined;
  return url.replace(/[()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The GitHub URL of a file at a commit (`${repoUrl}/blob/${sha}/${path}`, path segments
 * percent-encoded) with `#L<line>` when a 1-based line is given; safe as a link destination.
 */
export function blobUrl(repoUrl: string, sha: string, path: string, line?: number): string {
  const base = `${repoUrl.replace(/\/+$/, '')}/blob/${encodeURIComponent(sha)}/${artifactUri(path)}`;
  const url = line !== undefined ? `${base}#L${line}` : base;
  return safeUrl(url) ?? url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`);
}

/** A Markdown link `[escaped text](url)`, or just the escaped text when the URL is not safe. */
export function link(text: string, url: string): string {
  const u = safeUrl(url);
  return u === undefined ? escapeMarkdown(text) : `[${escapeMarkdown(text)}](${u})`;
}
