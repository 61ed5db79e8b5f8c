import * as core from '@actions/core';
import type { Severity } from '../engine/index.js';

/** Which findings may become inline comments (reviewdog's filter modes). */
export type FilterMode = 'added' | 'diff_context' | 'file' | 'nofilter';

/** The action's inputs, validated. See action.yml for their documentation. */
export interface ActionInputs {
  token: string;
  /** Globs given in the workflow; undefined: the configuration's, else the defaults. */
  include: string[] | undefined;
  exclude: string[] | undefined;
  config: string | undefined;
  /**
   * Workspace-relative folders checked out separately from trusted repositories (a central
   * policy repository): configuration and custom-policy paths under them are read from their own
   * HEAD commit. Everything else trusted comes from the trusted commit's git objects.
   */
  trustedFolders: string[];
  filterMode: FilterMode;
  failLevel: Severity | 'none';
  reviewEvent: 'COMMENT' | 'REQUEST_CHANGES';
  maxComments: number;
  /**
   * Input `comment-level` (reviewdog's `level`): the lowest severity an inline comment without a
   * suggested change is posted for; a finding with a suggested change (a verified fix, a guess or
   * a behaviour change) may always be inline; `none` — only those. Default `error`. The others
   * are rows of the review body's table and of the job summary.
   */
  commentLevel: Severity | 'none';
  sarifFile: string | undefined;
  patchFile: string | undefined;
  /** Look image digests up in their registries so the image-digest fix can pin them. */
  resolveDigests: boolean;
  /** Read each image's config (volumes, user, environment, labels) from its registry for the policies. */
  inspectImages: boolean;
  /** Render the Helm charts and Kustomize roots the pull request changes (default true). */
  render?: boolean;
  /** The helm binary (input `helm`; else `helm` on PATH). */
  helm?: string;
  /** The kustomize binary (input `kustomize`; else `kustomize`, then `kubectl kustomize`, on PATH). */
  kustomize?: string;
  /** The kubectl binary for `kubectl kustomize` (input `kubectl`). */
  kubectl?: string;
  /**
   * The registry allow-list as written (input `registries`; src/registry/allow-list.ts): empty
   * means the default public registries; the keyword `defaults` adds them to the hosts named.
   * Checked when digests are resolved (the registry layer is not loaded at start-up), where a
   * bad entry stops the run.
   */
  registries: string[];
}

function list(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const v = core.getInput(name).trim();
  if (v === '') return fallback;
  const found = allowed.find((a) => a.toLowerCase() === v.toLowerCase());
  if (!found) throw new Error(`input ${name} must be one of ${allowed.join(', ')}; got ${JSON.stringify(v)}`);
  return found;
}

function bool(name: string, fallback: boolean): boolean {
  const v = core.getInput(name).trim().toLowerCase();
  if (v === '') return fallback;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new Error(`input ${name} must be true or false; got ${JSON.stringify(core.getInput(name).trim())}`);
}

/**
 * Read and validate the inputs (`INPUT_*` variables). Globs are separated by newlines or
 * commas. Throws an Error naming the input when a value is invalid.
 */
export function readInputs(): ActionInputs {
  const maxRaw = core.getInput('max-comments').trim();
  const maxComments = maxRaw === '' ? 30 : Number(maxRaw);
  if (!Number.isInteger(maxComments) || maxComments < 0) throw new Error(`input max-comments must be a whole number ≥ 0; got ${JSON.stringify(maxRaw)}`);
  const token = core.getInput('github-token');
  if (token) core.setSecret(token);
  const include = list('include');
  const exclude = list('exclude');
  const registries = list('registries');
  return {
    token,
    include: include.length > 0 ? include : undefined,
    exclude: exclude.length > 0 ? exclude : undefined,
    config: core.getInput('config').trim() || undefined,
    trustedFolders: core
      .getInput('trusted-folder')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
    filterMode: oneOf('filter-mode', ['added', 'diff_context', 'file', 'nofilter'] as const, 'diff_context'),
    failLevel: oneOf('fail-level', ['error', 'warning', 'info', 'none'] as const, 'error'),
    reviewEvent: oneOf('review-event', ['COMMENT', 'REQUEST_CHANGES'] as const, 'COMMENT'),
    maxComments,
    commentLevel: oneOf('comment-level', ['error', 'warning', 'info', 'none'] as const, 'error'),
    sarifFile: core.getInput('sarif-file').trim() || undefined,
    patchFile: core.getInput('patch-file').trim() || undefined,
    resolveDigests: bool('resolve-digests', false),
    inspectImages: bool('inspect-images', false),
    render: bool('render', true),
    helm: core.getInput('helm').trim() || undefined,
    kustomize: core.getInput('kustomize').trim() || undefined,
    kubectl: core.getInput('kubectl').trim() || undefined,
    registries,
  };
}
