/** Shared types of the fake GitHub REST API server used by end-to-end tests. */

export type FileStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

/** One entry of `GET /pulls/{n}/files`, as GitHub returns it (`blob_url` etc. are added by the server). */
export interface PullFile {
  sha: string;
  filename: string;
  status: FileStatus;
  additions: number;
  deletions: number;
  changes: number;
  /** Diff text from the first `@@`, no trailing newline; absent for binary / too large files. */
  patch?: string;
  previous_filename?: string;
}

/** A file version the contents / blobs endpoints can serve. */
export interface StoredFile {
  sha: string;
  /** Raw file bytes (for a symbolic link: its target, as git stores it). */
  content: Buffer;
  /** Git's tree mode when it is not a regular file: `120000` (symbolic link). */
  mode?: '120000';
}

export interface User {
  login: string;
  id: number;
  type: 'Bot' | 'User';
}

export interface ReviewComment {
  id: number;
  node_id: string;
  pull_request_review_id: number;
  path: string;
  body: string;
  commit_id: string;
  original_commit_id: string;
  line: number | null;
  original_line: number | null;
  start_line: number | null;
  original_start_line: number | null;
  side: 'LEFT' | 'RIGHT' | null;
  start_side: 'LEFT' | 'RIGHT' | null;
  position: number | null;
  original_position: number | null;
  subject_type: 'line' | 'file';
  diff_hunk: string;
  in_reply_to_id?: number;
  user: User;
  created_at: string;
  updated_at: string;
}

export type ReviewState = 'PENDING' | 'COMMENTED' | 'APPROVED' | 'CHANGES_REQUESTED' | 'DISMISSED';

export interface Review {
  id: number;
  node_id: string;
  user: User;
  body: string;
  state: ReviewState;
  commit_id: string;
  submitted_at?: string;
}

export interface IssueComment {
  id: number;
  node_id: string;
  body: string;
  user: User;
  created_at: string;
  updated_at: string;
}

/** Everything the server knows. Mutable: tests may edit it between requests. */
export interface GitHubState {
  owner: string;
  repo: string;
  /** The `pull_request` object (e.g. from the event payload); served by `GET /pulls/{n}`. */
  pullRequest: Record<string, unknown> & { number: number; head: { sha: string }; base: { sha: string } };
  files: PullFile[];
  /** ref (commit sha or branch name) → path → file. */
  trees: Record<string, Record<string, StoredFile>>;
  /** blob sha → bytes. */
  blobs: Record<string, Buffer>;
  /** The ref used by the contents endpoint when `ref` is omitted (the default branch). */
  defaultRef: string;
  reviews: Review[];
  reviewComments: ReviewComment[];
  issueComments: IssueComment[];
  /** The user every token authenticates as. Default `github-actions[bot]` (type Bot). */
  user: User;
  /** Every write route answers 403 "Resource not accessible by integration" (fork PR token). */
  readOnly?: boolean;
  /** GitHub accepts `side: "LEFT"` on deleted/context lines; the default here rejects it like a bad anchor. */
  allowLeftSide?: boolean;
  /** Next id handed out for reviews / comments. */
  nextId?: number;
}

/** A fault injected into the next matching request(s). */
export type Fault =
  | { status: number; message?: string; body?: unknown; headers?: Record<string, string>; times?: number; after?: boolean }
  | { secondaryRateLimit: true; retryAfter?: number; times?: number; after?: boolean }
  | { reset: true; times?: number; after?: boolean }
  /**
   * Not an error: run `mutate` on the live state when the request arrives (`after: false`, before
   * the route handles it) or once it was handled (`after: true`, before the answer is sent), then
   * answer normally. E.g. a push landing while the action runs: `{ mutate: (s) => s.pullRequest.head.sha = newer }`.
   */
  | { mutate: (state: GitHubState) => void; times?: number; after?: boolean };

export interface LogEntry {
  method: string;
  /** Route template, e.g. `POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews`; `null` when unknown. */
  route: string | null;
  path: string;
  /** HTTP status sent; 0 when the connection was reset. */
  status: number;
  body: unknown;
  fault?: Fault;
}

/** A request the server refused for a reason the action should have avoided. */
export interface Rejection {
  kind: 'openapi' | 'anchor' | 'commit_id' | 'pending' | 'rule' | 'json';
  route: string;
  detail: string;
  body: unknown;
}

export interface Counts {
  total: number;
  byRoute: Record<string, number>;
  /** POST / PATCH / PUT / DELETE requests (what GitHub's secondary limit counts). */
  contentCreating: number;
  byStatus: Record<number, number>;
}
