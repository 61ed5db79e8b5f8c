import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { minimatch } from 'minimatch';
import { DEFAULT_INCLUDE } from './constants.js';
import type { SourceFile } from './engine/index.js';
import { matchGlob } from './glob.js';

/** Folders never entered. */
const SKIP_DIRS = new Set(['.git', 'node_modules']);

/** Options of {@link collectFiles}. */
export interface CollectOptions {
  /** Globs (minimatch, matched against the path relative to `cwd`) a file must match; default DEFAULT_INCLUDE (src/constants.ts). */
  include?: readonly string[];
  /** Globs that exclude a file. */
  exclude?: readonly string[];
  /** Base folder for relative paths in results (default: process.cwd()). */
  cwd?: string;
  /**
   * Follow symbolic links to files inside `cwd` (default true: the CLI reads your own files).
   * The action passes false: in a checkout a link is pull request content and could point at
   * `.git/config`, where actions/checkout keeps the token. Links into a `.git` folder are never
   * followed either way.
   */
  followLinks?: boolean;
}

/** Files read, and clear messages for what could not be read (the run goes on). */
export interface CollectResult {
  files: SourceFile[];
  errors: string[];
}

// ignoreBOM keeps a leading BOM in the text, so offsets match the file on disk byte for byte.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Collect manifest files from paths: files are taken as given (include globs apply to folders'
 * contents only), folders are walked (symbolic links to folders are not followed, links to files
 * outside `cwd` are refused), glob patterns are matched under `cwd`. Paths in the result are
 * relative to `cwd` with `/` separators.
 * Unreadable paths become messages in `errors`, never exceptions; a file that is not UTF-8 is
 * in `files` with `unreadable` set (the engine reports it as a `file-not-scanned` finding).
 */
export function collectFiles(paths: readonly string[], options: CollectOptions = {}): CollectResult {
  const cwd = resolve(options.cwd ?? process.cwd());
  const include = options.include && options.include.length > 0 ? options.include : DEFAULT_INCLUDE;
  const exclude = options.exclude ?? [];
  const files: SourceFile[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const rel = (abs: string) => relative(cwd, abs).split(sep).join('/') || '.';
  // Globs are matched against the path relative to cwd; for files outside cwd (`../x/a.yaml`)
  // the leading `../` segments are dropped, since `**` never matches `..`.
  const globPath = (r: string) => r.replace(/^(\.\.\/)+/, '');
  const excluded = (r: string) => exclude.some((g) => matchGlob(globPath(r), g));
  const included = (r: string) => include.some((g) => matchGlob(globPath(r), g));

  const addFile = (abs: string) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    const r = rel(abs);
    if (excluded(r)) return;
    try {
      const buf = readFileSync(abs);
      let text: string;
      if (buf.includes(0)) text = '\u0000';
      else {
        try {
          text = utf8.decode(buf);
        } catch {
          // Scanned as a file-not-scanned finding, never only a message.
          files.push({ path: r, text: '', unreadable: 'it is not valid UTF-8 text' });
          return;
        }
      }
      files.push({ path: r, text });
    } catch (err) {
      errors.push(`${r}: cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  };
  /** Walk a folder (symbolic links to folders are not followed), adding the files `accept` takes. */
  const walk = (dir: string, accept: (relPath: string) => boolean) => {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (err) {
      errors.push(`${rel(dir)}: cannot read folder: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      return;
    }
    for (const name of entries) {
      const abs = join(dir, name);
      let st;
      try {
        st = lstatSync(abs);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(name) && !excluded(rel(abs))) walk(abs, accept);
        continue;
      }
      if (!(st.isFile() || st.isSymbolicLink()) || !accept(rel(abs))) continue;
      if (st.isSymbolicLink()) {
        if (options.followLinks === false) {
          errors.push(`${rel(abs)}: symbolic link; not followed (links in a checkout are never followed)`);
          continue;
        }
        let target: string;
        try {
          target = realpathSync(abs);
          if (!statSync(target).isFile()) continue;
        } catch {
          errors.push(`${rel(abs)}: broken symbolic link; skipped`);
          continue;
        }
        if (target.split(sep).includes('.git')) {
          errors.push(`${rel(abs)}: symbolic link into a .git folder; not followed`);
          continue;
        }
        if (!resolveInside(cwd, relative(cwd, abs))) {
          errors.push(`${rel(abs)}: symbolic link to a file outside ${rel(cwd)}; not followed`);
          continue;
        }
      }
      addFile(abs);
    }
  };

  for (const p of paths) {
    const abs = resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      if (/[*?[{]/.test(p)) {
        const before = files.length;
        walk(cwd, (r) => minimatch(r, p, { dot: true }));
        if (files.length === before) errors.push(`${p}: no file matches this pattern`);
      } else errors.push(`${p}: no such file or folder`);
      continue;
    }
    if (st.isDirectory()) walk(abs, included);
    else addFile(abs);
  }
  return { files, errors };
}

function realpathOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/**
 * The real absolute path of `path` (relative to `root`) when it stays inside `root` (root itself
 * included) after resolving `..` and every symbolic link on the way; undefined when it leaves
 * `root` or does not exist. The one containment check for reading files from a workspace.
 */
export function resolveInside(root: string, path: string): string | undefined {
  const base = realpathOrSelf(resolve(root));
  const inside = (p: string) => p === base || p.startsWith(base + sep);
  const abs = resolve(base, path);
  if (!inside(abs)) return undefined;
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    return undefined;
  }
  return inside(real) ? real : undefined;
}

/**
 * The first symbolic link on the way from `root` to `path` (relative to `root`, `/`-separated;
 * `root` itself is not checked), the path itself included, as a root-relative `/`-separated
 * path; undefined when there is none — also when the walk reaches a part that does not exist
 * (nothing below it can be a link). The one check behind "never follow a link of a checkout".
 */
export function firstLinkOnTheWay(root: string, path: string): string | undefined {
  let at = resolve(root);
  const walked: string[] = [];
  for (const part of path.split(/[\\/]/)) {
    if (part === '' || part === '.') continue;
    at = join(at, part);
    walked.push(part);
    try {
      if (lstatSync(at).isSymbolicLink()) return walked.join('/');
    } catch {
      return undefined;
    }
  }
  return undefined;
}
