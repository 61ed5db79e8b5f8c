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
 * Escape a user-controlled string for inline Markdown (paragraphs, list items, table cells):
 * line breaks become spaces; `&`, `<`, `>` become HTML entities (no tag, comment or entity
 * survives); Markdown punctuation (`\ ` * _ { } [ ] ( ) # + - . ! | ~ $ ^ =`) is
 * backslash-escaped; mentions, issue references and URLs are broken with a zero-width space
 * (see the module doc). The result renders as the original text (plus invisible ZWSPs).
 */
export function escapeMarkdown(text: string): string {
  let out = '';
  for (const ch of neutraliseAutolinks(oneLine(text))) {
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
 * `<summary>`): `& < > " '` become entities, line breaks spaces, and autolinks are broken as in
 * {@link escapeMarkdown}.
 */
export function escapeHtml(text: string): string {
  return neutraliseAutolinks(oneLine(text)).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
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
 * Line breaks become spaces. In a table cell pass `inTable` so that `|` is escaped as `\|`
 * (GitHub splits cells on `|` even inside code spans).
 */
export function inlineCode(text: string, inTable = false): string {
  let body = oneLine(text);
  if (inTable) body = body.replace(/\|/g, '\\|');
  const ticks = '`'.repeat(longestBacktickRun(body) + 1);
  return `${ticks} ${body} ${ticks}`;
}

/**
 * A fenced code block: the opening fence (backticks, one longer than any backtick run in
 * `content`, at least 3) followed by `info` (e.g. `suggestion`, `diff`), the content, and the
 * closing fence. `content` is a list of lines joined with `\n` (no trailing newline: content
 * `'a\nb'` is two lines, `''` is one empty line; a block of zero lines cannot be written).
 * `info` must be one word.
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
const MARKER_RE = /<!-- kube-immutable:([^>]*?) -->/;

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
 * undefined when the body has none (a foreign comment) or it is malformed.
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
