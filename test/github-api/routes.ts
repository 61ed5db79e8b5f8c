/** Route table, pagination and the read-only routes of the fake GitHub REST API. */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { GitHubState, IssueComment, Rejection, Review, ReviewComment, StoredFile, User } from './types.js';

export interface RouteContext {
  state: GitHubState;
  params: Record<string, string>;
  /** Query values, coerced and with OpenAPI defaults applied. */
  query: Record<string, unknown>;
  body: Record<string, unknown>;
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** Request path without the query string. */
  path: string;
  /** The query string as sent (before coercion and defaults). */
  rawQuery: Record<string, string>;
  /** Request headers (lower-case names). */
  headers: Record<string, string | string[] | undefined>;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  rejection?: Omit<Rejection, 'route' | 'body'>;
}

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  template: string;
  handle(ctx: RouteContext): RouteResult;
}

const DOCS = 'https://docs.github.com/rest';

export function error(status: number, message: string, extra: Record<string, unknown> = {}): RouteResult {
  return { status, body: { message, ...extra, documentation_url: DOCS, status: String(status) } };
}

export const notFound = (): RouteResult => error(404, 'Not Found');

/** Compiles `/repos/{owner}/{repo}/contents/{path}` into a regex; `{path}` spans several segments. */
export function matcher(template: string): (path: string) => Record<string, string> | undefined {
  const names: string[] = [];
  const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return name === 'path' ? '(.+)' : '([^/]+)';
  });
  const re = new RegExp(`^${source}/?$`);
  return (path) => {
    const m = re.exec(path);
    if (!m) return undefined;
    return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
  };
}

/** True when owner/repo (and pull_number / issue_number if present) designate the fixture's PR. */
export function isOurPull(ctx: RouteContext): boolean {
  const { state, params } = ctx;
  if (params.owner?.toLowerCase() !== state.owner.toLowerCase() || params.repo?.toLowerCase() !== state.repo.toLowerCase()) return false;
  const n = params.pull_number ?? params.issue_number;
  return n === undefined || n === String(state.pullRequest.number);
}

export const MAX_PER_PAGE = 100;

/** One page of `items` and GitHub's `Link` header (first/prev/next/last, only those that apply). */
export function paginate(ctx: RouteContext, items: readonly unknown[]): RouteResult {
  let perPage = Number(ctx.query.per_page ?? 30);
  if (!Number.isInteger(perPage) || perPage < 1) perPage = 30;
  perPage = Math.min(perPage, MAX_PER_PAGE);
  let page = Number(ctx.query.page ?? 1);
  if (!Number.isInteger(page) || page < 1) page = 1;
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const href = (p: number) => {
    const qs = new URLSearchParams(ctx.rawQuery);
    if (qs.has('per_page')) qs.set('per_page', String(perPage));
    qs.set('page', String(p));
    return `<${ctx.baseUrl}${ctx.path}?${qs}>`;
  };
  const links: string[] = [];
  if (page > 1) links.push(`${href(Math.min(page - 1, last))}; rel="prev"`);
  if (page < last) links.push(`${href(page + 1)}; rel="next"`, `${href(last)}; rel="last"`);
  if (page > 1) links.push(`${href(1)}; rel="first"`);
  const headers: Record<string, string> = links.length ? { link: links.join(', ') } : {};
  return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), headers };
}

export const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

export function nextId(state: GitHubState): number {
  state.nextId = (state.nextId ?? 1000) + 1;
  return state.nextId;
}

const web = (s: GitHubState) => `https://github.com/${s.owner}/${s.repo}`;
const api = (ctx: RouteContext) => `${ctx.baseUrl}/repos/${ctx.state.owner}/${ctx.state.repo}`;
const encodePath = (p: string) => p.split('/').map(encodeURIComponent).join('/');

export function userJson(u: User) {
  return { login: u.login, id: u.id, node_id: `U_${u.id}`, type: u.type, site_admin: false, html_url: `https://github.com/${u.login}` };
}

export function reviewCommentJson(ctx: RouteContext, c: ReviewComment) {
  const n = ctx.state.pullRequest.number;
  const html = `${web(ctx.state)}/pull/${n}#discussion_r${c.id}`;
  const url = `${api(ctx)}/pulls/comments/${c.id}`;
  return {
    ...c,
    user: userJson(c.user),
    url,
    html_url: html,
    pull_request_url: `${api(ctx)}/pulls/${n}`,
    author_association: 'NONE',
    _links: { self: { href: url }, html: { href: html }, pull_request: { href: `${api(ctx)}/pulls/${n}` } },
  };
}

export function reviewJson(ctx: RouteContext, r: Review) {
  const n = ctx.state.pullRequest.number;
  const html = `${web(ctx.state)}/pull/${n}#pullrequestreview-${r.id}`;
  return {
    ...r,
    user: userJson(r.user),
    html_url: html,
    pull_request_url: `${api(ctx)}/pulls/${n}`,
    author_association: 'NONE',
    _links: { html: { href: html }, pull_request: { href: `${api(ctx)}/pulls/${n}` } },
  };
}

export function issueCommentJson(ctx: RouteContext, c: IssueComment) {
  const n = ctx.state.pullRequest.number;
  return {
    ...c,
    user: userJson(c.user),
    url: `${api(ctx)}/issues/comments/${c.id}`,
    html_url: `${web(ctx.state)}/pull/${n}#issuecomment-${c.id}`,
    issue_url: `${api(ctx)}/issues/${n}`,
    author_association: 'NONE',
  };
}

/** GitHub wraps base64 content at 60 characters with `\n`. */
const base64 = (b: Buffer) => (b.toString('base64').match(/.{1,60}/g) ?? []).map((l) => `${l}\n`).join('');
const ONE_MB = 1024 * 1024;

function contentEntry(ctx: RouteContext, ref: string, path: string, f: StoredFile | undefined, dir = false) {
  const url = `${api(ctx)}/contents/${encodePath(path)}?ref=${encodeURIComponent(ref)}`;
  const git = `${api(ctx)}/git/${dir ? 'trees' : 'blobs'}/${f?.sha ?? ''}`;
  const html = `${web(ctx.state)}/${dir ? 'tree' : 'blob'}/${ref}/${encodePath(path)}`;
  return {
    type: dir ? 'dir' : 'file',
    name: path.split('/').pop(),
    path,
    sha: f?.sha ?? '',
    size: f ? f.content.length : 0,
    url,
    git_url: git,
    html_url: html,
    download_url: dir ? null : `https://raw.githubusercontent.com/${ctx.state.owner}/${ctx.state.repo}/${ref}/${encodePath(path)}`,
    _links: { self: url, git, html },
  };
}

function getContents(ctx: RouteContext): RouteResult {
  if (!isOurPull(ctx)) return notFound();
  const ref = typeof ctx.query.ref === 'string' && ctx.query.ref ? ctx.query.ref : ctx.state.defaultRef;
  const tree = ctx.state.trees[ref];
  if (!tree) return error(404, `No commit found for the ref ${ref}`);
  const path = ctx.params.path.replace(/^\/+|\/+$/g, '');
  const file = tree[path];
  // A folder on the way that is a symbolic link: GitHub does not follow it.
  if (path.split('/').some((_, i, parts) => i < parts.length - 1 && tree[parts.slice(0, i + 1).join('/')]?.mode === '120000')) return notFound();
  if (file?.mode === '120000') {
    // GitHub: a link to a regular file answers with that file (its own path); any other link as a link.
    const target = posix.normalize(posix.join(posix.dirname(path), file.content.toString('utf8')));
    const to = tree[target];
    if (to && to.mode === undefined) return { status: 200, body: { ...contentEntry(ctx, ref, target, to), content: base64(to.content), encoding: 'base64' } };
    return { status: 200, body: { ...contentEntry(ctx, ref, path, file), type: 'symlink', target: file.content.toString('utf8') } };
  }
  if (file) {
    const big = file.content.length > ONE_MB; // GitHub: content "" and encoding "none" above 1 MB
    return { status: 200, body: { ...contentEntry(ctx, ref, path, file), content: big ? '' : base64(file.content), encoding: big ? 'none' : 'base64' } };
  }
  const children = new Map<string, ReturnType<typeof contentEntry>>();
  for (const [p, f] of Object.entries(tree)) {
    if (!p.startsWith(`${path}/`)) continue;
    const rest = p.slice(path.length + 1);
    const name = rest.split('/')[0];
    const dir = rest.includes('/');
    const entry = contentEntry(ctx, ref, `${path}/${name}`, dir ? undefined : f, dir);
    children.set(name, !dir && f.mode === '120000' ? { ...entry, type: 'symlink' } : entry);
  }
  return children.size ? { status: 200, body: [...children.values()] } : notFound();
}

/** `Accept: application/vnd.github.diff`: the whole PR diff, refused beyond 300 files or 20,000 lines. */
function wholeDiff(ctx: RouteContext): RouteResult {
  const files = ctx.state.files;
  const tooLarge = (what: string) => ({
    ...error(
      406,
      `Sorry, the diff exceeded the maximum number of ${what}. Consider using 'List pull requests files' API or locally cloning the repository instead.`,
      {
        errors: [{ resource: 'PullRequest', field: 'diff', code: 'too_large' }],
      },
    ),
  });
  if (files.length > 300) return tooLarge('files (300)');
  const text = files
    .map((f) => {
      const from = f.status === 'added' ? '/dev/null' : `a/${f.previous_filename ?? f.filename}`;
      const to = f.status === 'removed' ? '/dev/null' : `b/${f.filename}`;
      const body = f.patch === undefined ? 'Binary files differ\n' : `--- ${from}\n+++ ${to}\n${f.patch}\n`;
      return `diff --git a/${f.previous_filename ?? f.filename} b/${f.filename}\n${body}`;
    })
    .join('');
  if (text.split('\n').length > 20000) return tooLarge('lines (20000)');
  return { status: 200, body: text, headers: { 'content-type': 'text/plain; charset=utf-8' } };
}

export const readRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/pulls/{pull_number}',
    handle(ctx) {
      if (!isOurPull(ctx)) return notFound();
      if (/\bdiff\b/.test(String(ctx.headers.accept ?? ''))) return wholeDiff(ctx);
      // The counters GitHub keeps on the pull request follow the live state.
      const { state } = ctx;
      return { status: 200, body: { ...state.pullRequest, review_comments: state.reviewComments.length, comments: state.issueComments.length } };
    },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/pulls/{pull_number}/files',
    handle(ctx) {
      if (!isOurPull(ctx)) return notFound();
      const head = ctx.state.pullRequest.head.sha;
      // GitHub lists at most 3,000 files; the rest are silently cut.
      const files = ctx.state.files.slice(0, 3000).map((f) => ({
        ...f,
        blob_url: `${web(ctx.state)}/blob/${head}/${encodePath(f.filename)}`,
        raw_url: `${web(ctx.state)}/raw/${head}/${encodePath(f.filename)}`,
        contents_url: `${api(ctx)}/contents/${encodePath(f.filename)}?ref=${head}`,
      }));
      return paginate(ctx, files);
    },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/compare/{basehead}',
    handle(ctx) {
      // Compare two commits: the fixture knows one change, the pull request's; GitHub lists at most 300 files.
      const [base, head] = ctx.params.basehead.split('...');
      if (!base || head !== ctx.state.pullRequest.head.sha || ctx.params.owner !== ctx.state.owner || ctx.params.repo !== ctx.state.repo) return notFound();
      const files = ctx.state.files.slice(0, 300);
      return {
        status: 200,
        body: { status: 'ahead', ahead_by: 1, behind_by: 0, total_commits: 1, commits: [], files, url: `${api(ctx)}/compare/${base}...${head}` },
      };
    },
  },
  { method: 'GET', template: '/repos/{owner}/{repo}/contents/{path}', handle: getContents },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/git/blobs/{file_sha}',
    handle(ctx) {
      const blob = isOurPull(ctx) ? ctx.state.blobs[ctx.params.file_sha] : undefined;
      if (!blob) return notFound();
      const sha = ctx.params.file_sha;
      return {
        status: 200,
        body: { sha, node_id: `B_${sha}`, size: blob.length, url: `${api(ctx)}/git/blobs/${sha}`, content: base64(blob), encoding: 'base64' },
      };
    },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/git/trees/{tree_sha}',
    handle(ctx) {
      // A commit's tree (GitHub takes a commit SHA or a ref for tree_sha): its folders and files, all
      // of them with `recursive` (any value), else the top level only. Links keep mode 120000.
      const tree = isOurPull(ctx) ? ctx.state.trees[ctx.params.tree_sha] : undefined;
      if (!tree) return notFound();
      const all = ctx.rawQuery.recursive !== undefined;
      const folders = new Set<string>();
      for (const p of Object.keys(tree)) for (let i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) folders.add(p.slice(0, i));
      const sha = ctx.params.tree_sha;
      const entries = [
        ...[...folders].map((p) => {
          const id = createHash('sha1').update(`tree ${sha} ${p}`).digest('hex');
          return { path: p, mode: '040000', type: 'tree', sha: id, url: `${api(ctx)}/git/trees/${id}` };
        }),
        ...Object.entries(tree).map(([p, f]) => ({
          path: p,
          mode: f.mode ?? '100644',
          type: 'blob',
          sha: f.sha,
          size: f.content.length,
          url: `${api(ctx)}/git/blobs/${f.sha}`,
        })),
      ]
        .filter((e) => all || !e.path.includes('/'))
        .sort((a, b) => (a.path < b.path ? -1 : 1));
      return { status: 200, body: { sha, url: `${api(ctx)}/git/trees/${sha}`, tree: entries, truncated: false } };
    },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/pulls/{pull_number}/comments',
    handle: (ctx) =>
      isOurPull(ctx)
        ? paginate(
            ctx,
            ctx.state.reviewComments.map((c) => reviewCommentJson(ctx, c)),
          )
        : notFound(),
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/pulls/comments/{comment_id}',
    handle(ctx) {
      const c = isOurPull(ctx) ? ctx.state.reviewComments.find((x) => String(x.id) === ctx.params.comment_id) : undefined;
      return c ? { status: 200, body: reviewCommentJson(ctx, c) } : notFound();
    },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews',
    handle: (ctx) =>
      isOurPull(ctx)
        ? paginate(
            ctx,
            ctx.state.reviews.map((r) => reviewJson(ctx, r)),
          )
        : notFound(),
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    handle: (ctx) =>
      isOurPull(ctx)
        ? paginate(
            ctx,
            ctx.state.issueComments.map((c) => issueCommentJson(ctx, c)),
          )
        : notFound(),
  },
];
