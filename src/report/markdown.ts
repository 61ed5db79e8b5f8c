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

/** Characters CommonMark lets a backslash escape that change rendering on GitHub (incl. `$` math, `~` strike, `|` tables). */
const MD_PUNCTUATION = new Set('\\`*_{}[]()#+-.!|~$^='.split(''));

/**
 * Break what GitHub autolinks in plain text: `@user`/`@org/team` mentions (`@` + ZWSP),
 * `#123` and `owner/repo#123` references, `GH-123`, URL schemes (`https://` → `https:` + ZWSP +
 * `//`) and `www.` links. The text renders the same apart from invisible ZWSPs.
 */
function neutraliseAutolinks(text: string): string {
  return text
    .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${ZWSP}`)
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1${ZWSP}-`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/\b(www)\./gi, `$1${ZWSP}.`);
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
 * `<U+202E>` (upper-case hex, at least 4 digits); the callers escape the `<`, `+` and `>`.
 */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/**
 * Escape a user-controlled string for inline Markdown (paragraphs, list items, table cells):
 * line breaks become spaces; bidi controls, zero-width and control characters become visible
 * (`<U+202E>`, see {@link showInvisible}); `&`, `<`, `>` become HTML entities (no tag, comment or entity
 * survives); Markdown punctuation (`\ ` * _ { } [ ] ( ) # + - . ! | ~ $ ^ =`) is
 * backslash-escaped; mentions, issue references and URLs are broken with a zero-width space
 * (see the module doc). The result renders as the original text (plus invisible ZWSPs).
 */
export function escapeMarkdown(text: string): string {
  let out = '';
  for (const ch of neutraliseAutolinks(showInvisible(oneLine(text)))) {
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (MD_PUNCTUATION.has(ch)) out += '\\' + ch;
    else out += ch;
  }
  return out;
}

/**
 * Escape a user-controlled string for HTML contexts where Markdown is not rendered (inside
 * `<summary>`): `& < > " '` become entities, line breaks spaces, bidi, zero-width and control
 * characters visible (`<U+202E>`), and autolinks are broken as in {@link escapeMarkdown}.
 */
export function escapeHtml(text: string): string {
  return neutraliseAutolinks(showInvisible(oneLine(text))).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
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
