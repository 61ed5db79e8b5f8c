/**
 * Custom policies: a folder of `.ts` / `.js` modules, each `export default definePolicy({...})`,
 * importing the API from `kube-immutable/policy` and relative helper modules of their own.
 *
 * Files are read only through the caller's `list` and `read` (the action reads the trusted base
 * commit, never the pull request head), transpiled with sucrase (pure JS, so it bundles into
 * dist/index.js) to CommonJS, and evaluated in-process with a `require` that resolves only
 * `kube-immutable/policy` and relative files of the folder. Refusing Node built-ins keeps policies
 * pure functions of the manifest; it is a guard, not a sandbox: the trust comes from where the
 * files are read.
 */
import { isBuiltin } from 'node:module';
import { posix } from 'node:path';
import { Script } from 'node:vm';
import { transform } from 'sucrase';
import { builtinPolicies } from '../../policies/index.js';
import * as policyApi from '../api/policy.js';
import { definePolicy, type AnyPolicy } from '../engine/index.js';

/** A file of a custom policy folder: repository-relative POSIX path and text. */
export interface PolicySource {
  path: string;
  text: string;
}

/** The policies loaded from a folder, and the files that could not be loaded (the others still are). */
export interface LoadedPolicies {
  policies: AnyPolicy[];
  problems: { file: string; message: string }[];
}

/** The specifier policy modules import the API from. */
export const POLICY_API_SPECIFIER = 'kube-immutable/policy';

/** What `kube-immutable/policy` is at run time: the API as an ES module namespace seen from CommonJS. */
const API_EXPORTS: Readonly<Record<string, unknown>> = Object.freeze({ __esModule: true, ...policyApi });

/** Extensions of the modules a folder's top level is searched for. */
const POLICY_FILE = /\.(ts|js)$/;
/** Files that are not policies: declarations and tests. */
const NOT_A_POLICY = /\.d\.ts$|\.(test|spec)\.(ts|js)$/;

interface LoadedModule {
  /** The module's exports (partial while it is still evaluating: what a cycle sees). */
  exports: unknown;
}

/** An error that already names where it happened (not prefixed again). */
class LoadError extends Error {}
/** A module without a policy: a problem unless another module imports it (a helper). */
class NoPolicyError extends LoadError {}

/**
 * Load every `*.ts` / `*.js` module directly in `folder` (not `*.test.*`, `*.spec.*` nor
 * `*.d.ts`), in name order. `list(folder)` returns the names of the folder's entries (undefined
 * when the folder does not exist; entries given as paths below the folder are accepted, deeper
 * ones ignored); `read(path)` returns a file's text (undefined when absent);
 * paths are repository-relative with `/` separators. A module that does not transpile, throws
 * while loading, imports something it may not, or does not default-export a valid policy becomes
 * a problem naming the file, as does a policy id already used by a built-in or an earlier custom
 * policy; a module without a policy that another module imports is a helper, not a problem.
 * Never throws; never touches the disk itself.
 */
export function loadCustomPolicies(
  folder: string,
  list: (folder: string) => string[] | undefined,
  read: (path: string) => string | undefined,
  builtins: readonly Pick<AnyPolicy, 'id'>[] = builtinPolicies,
): LoadedPolicies {
  const result: LoadedPolicies = { policies: [], problems: [] };
  const root = normaliseFolder(folder);
  let names: string[] | undefined;
  try {
    names = list(root || '.');
  } catch (err) {
    result.problems.push({ file: root || '.', message: `cannot list the custom policy folder: ${errorMessage(err)}` });
    return result;
  }
  if (!Array.isArray(names)) {
    result.problems.push({ file: root || '.', message: 'the custom policy folder does not exist' });
    return result;
  }
  // Names; a path below the folder is taken as such, and anything deeper is not directly in it.
  const files = [
    ...new Set(names.filter((n): n is string => typeof n === 'string').map((n) => (root && n.startsWith(`${root}/`) ? n.slice(root.length + 1) : n))),
  ]
    .filter((n) => !n.includes('/') && POLICY_FILE.test(n) && !NOT_A_POLICY.test(n))
    .sort()
    .map((n) => (root ? `${root}/${n}` : n));

  const loader = new ModuleLoader(root, read);
  const builtinIds = new Set(builtins.map((p) => p.id));
  const customIds = new Map<string, string>();
  const noPolicy: LoadedPolicies['problems'] = [];
  for (const file of files) {
    try {
      const policy = policyOf(loader.load(file));
      if (builtinIds.has(policy.id)) throw new LoadError(`policy id "${policy.id}" is already used by a built-in policy: choose another id`);
      const other = customIds.get(policy.id);
      if (other !== undefined) throw new LoadError(`policy id "${policy.id}" is already used by the custom policy in ${other}: ids must be unique`);
      customIds.set(policy.id, file);
      result.policies.push(policy);
    } catch (err) {
      (err instanceof NoPolicyError ? noPolicy : result.problems).push({ file, message: describeFailure(err, loader.paths()) });
    }
  }
  // A helper module beside the policies is fine when a policy imports it.
  result.problems.push(...noPolicy.filter((p) => !loader.imported.has(p.file)));
  result.problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return result;
}

/** The default export of a loaded module, validated as a policy. Throws a LoadError. */
function policyOf(exports: unknown): AnyPolicy {
  const ex = exports as Record<string, unknown> | null | undefined;
  const candidate = ex && typeof ex === 'object' && 'default' in ex ? ex.default : ex;
  const looksLikePolicy = candidate !== null && typeof candidate === 'object' && ('id' in candidate || 'check' in candidate || 'meta' in candidate);
  if (!looksLikePolicy) {
    throw new NoPolicyError(
      'the module does not export a policy: write `export default definePolicy({ id, meta, check })` with definePolicy from "kube-immutable/policy"',
    );
  }
  try {
    return definePolicy(candidate as AnyPolicy);
  } catch (err) {
    throw new LoadError(`the default export is not a valid policy: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Loads CommonJS-transpiled modules of one folder tree, with a cache (cycles see partial exports, as in Node). */
class ModuleLoader {
  private readonly cache = new Map<string, LoadedModule>();
  private readonly texts = new Map<string, string | undefined>();
  /** Every module evaluated (also those that threw), to locate errors in stack traces. */
  private readonly evaluated = new Set<string>();
  /** Modules another module of the folder imported (helpers, not policies). */
  readonly imported = new Set<string>();

  constructor(
    /** The folder modules may import from ('' for the repository root). */
    private readonly root: string,
    private readonly read: (path: string) => string | undefined,
  ) {}

  /** Paths of the modules evaluated so far (to locate errors in stack traces). */
  paths(): string[] {
    return [...this.evaluated];
  }

  /** The exports of the module at `path` (evaluated once). */
  load(path: string): unknown {
    const cached = this.cache.get(path);
    if (cached) return cached.exports;
    const text = this.readFile(path);
    if (text === undefined) throw new LoadError(`cannot read ${path}`);
    if (path.endsWith('.json')) {
      try {
        const exports = JSON.parse(text) as unknown;
        this.cache.set(path, { exports });
        return exports;
      } catch (err) {
        throw new LoadError(`${path} is not valid JSON: ${errorMessage(err)}`);
      }
    }
    const code = transpile(path, text);
    const module = { exports: {} as unknown, id: path, filename: path };
    const entry: LoadedModule = { exports: module.exports };
    this.cache.set(path, entry);
    const require = (specifier: unknown) => this.require(path, specifier);
    this.evaluated.add(path);
    try {
      compile(path, code).call(module.exports, module.exports, require, module, path, posix.dirname(path));
    } catch (err) {
      this.cache.delete(path);
      throw err;
    }
    entry.exports = module.exports;
    return module.exports;
  }

  /** The text of `path` through `read` (each path is read at most once). */
  private readFile(path: string): string | undefined {
    if (this.texts.has(path)) return this.texts.get(path);
    let text: string | undefined;
    try {
      const t = this.read(path);
      text = typeof t === 'string' ? t : undefined;
    } catch (err) {
      throw new LoadError(`cannot read ${path}: ${errorMessage(err)}`);
    }
    this.texts.set(path, text);
    return text;
  }

  /** `require(specifier)` from the module at `from`. */
  private require(from: string, specifier: unknown): unknown {
    if (typeof specifier !== 'string') throw new LoadError(`${from}: require() needs a string, got ${typeof specifier}`);
    if (specifier === POLICY_API_SPECIFIER) return API_EXPORTS;
    const refuse = (why: string) => new LoadError(`${from}: cannot import "${specifier}": ${why}`);
    if (isBuiltin(specifier)) {
      throw refuse(
        'Node built-in modules are not available to custom policies (a policy is a pure function of the manifest: no files, network, processes or environment)',
      );
    }
    if (specifier === 'kube-immutable' || specifier.startsWith('kube-immutable/')) {
      throw refuse(`policies import the API from "${POLICY_API_SPECIFIER}" (kube-immutable/testing is for *.test.ts files)`);
    }
    if (!/^\.\.?(\/|$)/.test(specifier)) {
      throw refuse(
        `custom policies run without node_modules: only "${POLICY_API_SPECIFIER}" and relative files of the policy folder${this.root ? ` (${this.root})` : ''} can be imported`,
      );
    }
    const target = posix.normalize(posix.join(posix.dirname(from), specifier));
    const candidates = resolutionCandidates(target).filter((c) => this.inside(c));
    if (candidates.length === 0) throw refuse(`it is outside the custom policy folder${this.root ? ` ${this.root}` : ''}`);
    const found = candidates.find((c) => this.cache.has(c) || this.readFile(c) !== undefined);
    if (found === undefined) throw refuse(`no such file (looked for ${candidates.join(', ')})`);
    this.imported.add(found);
    return this.load(found);
  }

  private inside(path: string): boolean {
    if (path === '..' || path.startsWith('../') || path.startsWith('/')) return false;
    return this.root === '' || path.startsWith(`${this.root}/`);
  }
}

/**
 * The files a relative specifier may name, in order, as TypeScript's NodeNext resolution finds
 * them: `./x.js` is `x.ts` (or `x.js`); `./x.ts` and `./x.json` are themselves; an extensionless
 * `./x` is `x.ts`, `x.js`, `x/index.ts` or `x/index.js`.
 */
function resolutionCandidates(path: string): string[] {
  if (path.endsWith('.js')) return [path.replace(/\.js$/, '.ts'), path];
  if (path.endsWith('.mjs')) return [path.replace(/\.mjs$/, '.mts'), path];
  if (path.endsWith('.cjs')) return [path.replace(/\.cjs$/, '.cts'), path];
  if (/\.(ts|mts|cts|json)$/.test(path)) return [path];
  return [`${path}.ts`, `${path}.js`, `${path}/index.ts`, `${path}/index.js`];
}

/** TypeScript or JavaScript (ES modules or CommonJS) to CommonJS. Throws a LoadError naming the file. */
function transpile(path: string, text: string): string {
  const typescript = /\.(ts|mts|cts)$/.test(path);
  try {
    return transform(text, { transforms: typescript ? ['typescript', 'imports'] : ['imports'], filePath: path }).code;
  } catch (err) {
    const e = err as { message?: unknown; loc?: { line?: unknown; column?: unknown } };
    const message = String(e?.message ?? err)
      .replace(/^Error transforming [^:]*: /, '')
      .replace(/ \(\d+:\d+\)$/, '');
    const loc = typeof e?.loc?.line === 'number' ? `:${e.loc.line}:${Number(e.loc.column)}` : '';
    throw new LoadError(`syntax error in ${path}${loc}: ${message}`);
  }
}

/**
 * Compile a module's CommonJS code to its wrapper function. Indirect eval: the global scope of
 * the current realm. The wrapper opens on the code's first line, so the lines in stack traces
 * (named by sourceURL) are the file's own (sucrase keeps lines). Syntax errors sucrase let
 * through become a LoadError with the line, as vm reports it.
 */
function compile(path: string, code: string): (...args: unknown[]) => void {
  const open = '(function (exports, require, module, __filename, __dirname) {';
  try {
    return (0, eval)(`${open}${code}\n})\n//# sourceURL=${path.replace(/[\r\n]/g, ' ')}`) as (...args: unknown[]) => void;
  } catch (err) {
    let line = '';
    try {
      new Script(`${open}${code}\n})`, { filename: path });
    } catch (e) {
      const m = /^.*:(\d+)\n/.exec((e as SyntaxError).stack ?? '');
      if (m) line = `:${m[1]}`;
    }
    throw new LoadError(`syntax error in ${path}${line}: ${errorMessage(err).replace(/^SyntaxError: /, '')}`);
  }
}

/** A problem message for an error thrown while loading: LoadErrors as they are, others with where they were thrown. */
function describeFailure(err: unknown, modules: readonly string[]): string {
  if (err instanceof LoadError) return err.message;
  const where = locate(err, modules);
  return `threw while loading: ${errorMessage(err)}${where ? ` (at ${where})` : ''}`;
}

/** `path:line` of the innermost stack frame in one of the policy folder's modules, when there is one. */
function locate(err: unknown, modules: readonly string[]): string | undefined {
  const stack = err !== null && typeof err === 'object' ? (err as { stack?: unknown }).stack : undefined;
  if (typeof stack !== 'string') return undefined;
  for (const line of stack.split('\n').slice(1)) {
    const m = /\(?([^\s()]+):(\d+):\d+\)?\s*$/.exec(line.trim());
    if (m && modules.includes(m[1]!)) return `${m[1]}:${m[2]}`;
  }
  return undefined;
}

function errorMessage(err: unknown): string {
  if (err !== null && typeof err === 'object' && typeof (err as { message?: unknown }).message === 'string') {
    const e = err as { name?: unknown; message: string };
    return typeof e.name === 'string' && e.name !== 'Error' && e.name !== 'LoadError' ? `${e.name}: ${e.message}` : e.message;
  }
  return String(err);
}

/** `./policies/` → `policies`; `.` and `` → `` (the repository root). */
function normaliseFolder(folder: string): string {
  const n = posix.normalize(folder.replace(/\\/g, '/')).replace(/\/+$/, '');
  return n === '.' ? '' : n.replace(/^\.\//, '');
}
