import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Severity } from '../engine/index.js';
import { FIX_HELP, INIT_HELP, MAIN_HELP, POLICIES_HELP, SCAN_HELP } from './help.js';

/** A usage error: printed as one message (never a stack trace), exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Report formats of `scan` (`compact`: one line a finding, src/report/text.ts formatCompact). */
export const FORMATS = ['text', 'compact', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];
/** Values of `--fail-level`. */
export const FAIL_LEVELS = ['error', 'warning', 'info', 'none'] as const;
export type FailLevel = Severity | 'none';

/** Options shared by `scan` and `fix`. */
export interface FileCommandOptions extends PolicyChoice {
  /** Paths, folders or globs as given (default `['.']`). */
  paths: string[];
  include: string[];
  exclude: string[];
  /** `--config <path>`: the configuration file (default: `.github/kube-immutable.yaml` when present). */
  config: string | undefined;
  failLevel: FailLevel;
  verbose: boolean;
  /** `true` for `--color`, `false` for `--no-color`, undefined to decide from the terminal. */
  color: boolean | undefined;
  /** `--resolve-digests`: look image digests up in their registries (network access, with `--inspect-images`). */
  resolveDigests: boolean;
  /** `--inspect-images`: read each image's config (volumes, user, environment, labels) from its registry. */
  inspectImages: boolean;
  /** False with `--no-render`: Helm charts are scanned as plain files instead of rendered. */
  render: boolean;
  /** `--helm <path>`: the helm binary (else `helm` on PATH). */
  helm: string | undefined;
  /** `--kustomize <path>`: the kustomize binary (else `kustomize`, then `kubectl kustomize`, on PATH). */
  kustomize: string | undefined;
  /** `--kubectl <path>`: the kubectl binary for `kubectl kustomize`. */
  kubectl: string | undefined;
  /**
   * `--registries <list>` (repeatable, comma-separated): the registry allow-list of
   * `--resolve-digests` and `--inspect-images` as written (src/registry/allow-list.ts); empty: the default public
   * registries. Checked when the digests are resolved (a bad entry is a usage error).
   */
  registries: string[];
  /** `--base <git-ref>`: compare exemption annotations with that commit, as the action does with a pull request's base. */
  base: string | undefined;
  /** `--include-guesses`: also apply the fixes that rest on a guess (the configuration's `fixes.includeGuesses` turns it on too). */
  includeGuesses: boolean;
  /**
   * `--apply-behaviour-changes <policy>` (repeatable, comma-separated; `all` for every policy):
   * also apply those policies' fixes that can change what the workload does, besides the
   * configuration's `fixes.applyBehaviourChanges`. Checked against the known policies in
   * engineForRun (src/cli/settings.ts).
   */
  applyBehaviourChanges: string[];
  /** `--jobs <n>`: worker threads for the scan (0: none, this thread); `'auto'` (default): one per core on machines of 3 cores or more, for inputs of 1 MiB or more. */
  jobs: number | 'auto';
}

/** A parsed command line. */
export type Command =
  | { kind: 'help'; text: string }
  | { kind: 'version' }
  | { kind: 'policies' }
  | { kind: 'init'; force: boolean }
  | ({ kind: 'scan'; format: Format; output: string | undefined; allowEmpty: boolean } & ReportOptions & FileCommandOptions)
  | ({ kind: 'fix'; dryRun: boolean } & FileCommandOptions);

/** How `scan` writes its report, besides `--format` and `--output` (issue #17). */
export interface ReportOptions {
  /** False with `--no-patches` (the text format only): findings without their fix and suggestion diffs. */
  patches: boolean;
}

/** The options of {@link ReportOptions} (`scan` only). */
const REPORT_OPTIONS = {
  'no-patches': { type: 'boolean' },
} as const;

/** {@link ReportOptions} of a parsed `scan`; throws {@link UsageError} for `--no-patches` with a format other than `text`. */
function reportOptions(v: Parsed, format: Format): ReportOptions {
  const patches = v.values['no-patches'] !== true;
  if (!patches && format !== 'text') throw new UsageError(`--no-patches applies to --format text only (got --format ${format})`);
  return { patches };
}

const HELPS: Record<string, string> = { scan: SCAN_HELP, fix: FIX_HELP, policies: POLICIES_HELP, init: INIT_HELP };

// --- Choosing policies on the command line (--policy, --skip-policy) ---

/**
 * `--policy <ids>` and `--skip-policy <ids>` of `scan` and `fix` (each repeatable, comma-separated;
 * spaces around an id are ignored), as given: empty when the flag is absent. Applied over the
 * configuration and checked against the known policies by withPolicyChoice (src/cli/settings.ts).
 */
export interface PolicyChoice {
  /** `--policy`: run only these policies (empty: every policy the configuration enables). */
  onlyPolicies: string[];
  /** `--skip-policy`: do not run these policies (after `--policy`). */
  skipPolicies: string[];
}

const POLICY_OPTIONS = {
  policy: { type: 'string', multiple: true },
  'skip-policy': { type: 'string', multiple: true },
} as const;

/** The policy ids of `--policy` and `--skip-policy`; throws a {@link UsageError} when a flag is given with no id (`--policy ''`, `--policy ,`). */
function policyChoice(v: Parsed): PolicyChoice {
  const ids = (flag: 'policy' | 'skip-policy'): string[] => {
    const given = v.values[flag] as string[] | undefined;
    if (given === undefined) return [];
    const list = given
      .flatMap((r) => r.split(','))
      .map((r) => r.trim())
      .filter(Boolean);
    if (list.length === 0) throw new UsageError(`--${flag} needs a policy id (comma-separated ids; kube-immutable policies lists them)`);
    return [...new Set(list)];
  };
  return { onlyPolicies: ids('policy'), skipPolicies: ids('skip-policy') };
}

// --- end of choosing policies ---

const FILE_OPTIONS = {
  ...POLICY_OPTIONS,
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  config: { type: 'string' },
  'fail-level': { type: 'string' },
  verbose: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'resolve-digests': { type: 'boolean' },
  'inspect-images': { type: 'boolean' },
  'no-render': { type: 'boolean' },
  helm: { type: 'string' },
  kustomize: { type: 'string' },
  kubectl: { type: 'string' },
  registries: { type: 'string', multiple: true },
  base: { type: 'string' },
  jobs: { type: 'string' },
  'include-guesses': { type: 'boolean' },
  'apply-behaviour-changes': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Parse the arguments after the program name (`['scan', 'k8s/', '--format', 'sarif']`).
 * Throws {@link UsageError} for an unknown command or option, a missing or invalid option value.
 */
export function parseCommandLine(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('missing command');
  if (first === '--help' || first === '-h') return { kind: 'help', text: MAIN_HELP };
  if (first === '--version') return { kind: 'version' };
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) return { kind: 'help', text: MAIN_HELP };
    const text = HELPS[topic];
    if (!text) throw new UsageError(`unknown command "${topic}"`);
    return { kind: 'help', text };
  }
  if (first.startsWith('-')) throw new UsageError(`unknown option ${first} (options come after the command)`);
  switch (first) {
    case 'scan': {
      const v = parse(first, rest, {
        ...FILE_OPTIONS,
        ...REPORT_OPTIONS,
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
        'allow-empty': { type: 'boolean' },
      });
      if (v.values.help) return { kind: 'help', text: SCAN_HELP };
      const format = (v.values.format as string | undefined) ?? 'text';
      if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${format}"`);
      const output = v.values.output as string | undefined;
      if (output === '') throw new UsageError('--output needs a file name');
      const report = reportOptions(v, format as Format);
      return { kind: 'scan', format: format as Format, output, allowEmpty: v.values['allow-empty'] === true, ...report, ...fileOptions(v) };
    }
    case 'fix': {
      const v = parse(first, rest, { ...FILE_OPTIONS, 'dry-run': { type: 'boolean' } });
      if (v.values.help) return { kind: 'help', text: FIX_HELP };
      return { kind: 'fix', dryRun: v.values['dry-run'] === true, ...fileOptions(v) };
    }
    case 'policies': {
      const v = parse(first, rest, { help: { type: 'boolean', short: 'h' } });
      if (v.values.help) return { kind: 'help', text: POLICIES_HELP };
      if (v.positionals.length > 0) throw new UsageError(`policies takes no arguments, got "${v.positionals[0]}"`);
      return { kind: 'policies' };
    }
    case 'init': {
      const v = parse(first, rest, { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
      if (v.values.help) return { kind: 'help', text: INIT_HELP };
      if (v.positionals.length > 0) throw new UsageError(`init takes no arguments, got "${v.positionals[0]}" (it writes below the current folder)`);
      return { kind: 'init', force: v.values.force === true };
    }
    default:
      throw new UsageError(`unknown command "${first}"`);
  }
}

type Parsed = { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };

function parse(command: string, args: string[], options: ParseArgsConfig['options']): Parsed {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true }) as Parsed;
  } catch (err) {
    throw new UsageError(`${command}: ${describeParseError(err)}`);
  }
}

/** Node's parseArgs messages, shortened to the point. */
function describeParseError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const msg = e.message ?? String(err);
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const m = /Unknown option '([^']+)'/.exec(msg);
    return `unknown option ${m ? m[1] : msg}`;
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const m = /Option '([^']+)' argument missing/.exec(msg);
    if (m) return `option ${m[1].replace(/^(-\w, )/, '')} needs a value`;
    const b = /Option '([^']+)' does not take an argument/.exec(msg);
    if (b) return `option ${b[1].replace(/^(-\w, )/, '')} takes no value`;
  }
  return msg;
}

function fileOptions(v: Parsed): FileCommandOptions {
  const failLevel = (v.values['fail-level'] as string | undefined) ?? 'error';
  if (!(FAIL_LEVELS as readonly string[]).includes(failLevel))
    throw new UsageError(`--fail-level must be one of ${FAIL_LEVELS.join(', ')}, got "${failLevel}"`);
  const color = v.values['no-color'] ? false : v.values.color ? true : undefined;
  return {
    ...policyChoice(v),
    paths: v.positionals.length > 0 ? v.positionals : ['.'],
    include: (v.values.include as string[] | undefined) ?? [],
    exclude: (v.values.exclude as string[] | undefined) ?? [],
    config: v.values.config as string | undefined,
    failLevel: failLevel as FailLevel,
    verbose: v.values.verbose === true,
    color,
    resolveDigests: v.values['resolve-digests'] === true,
    inspectImages: v.values['inspect-images'] === true,
    render: v.values['no-render'] !== true,
    helm: v.values.helm as string | undefined,
    kustomize: v.values.kustomize as string | undefined,
    kubectl: v.values.kubectl as string | undefined,
    registries: ((v.values.registries as string[] | undefined) ?? [])
      .flatMap((r) => r.split(/[\n,]/))
      .map((r) => r.trim())
      .filter(Boolean),
    base: baseOf(v.values.base as string | undefined),
    jobs: jobsOf(v.values.jobs as string | undefined),
    includeGuesses: v.values['include-guesses'] === true,
    applyBehaviourChanges: ((v.values['apply-behaviour-changes'] as string[] | undefined) ?? [])
      .flatMap((r) => r.split(','))
      .map((r) => r.trim())
      .filter(Boolean),
  };
}

/** `--base`: a git ref (a branch, tag or commit); never empty or option-like. */
function baseOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value === '' || value.startsWith('-')) throw new UsageError(`--base must be a git ref (a branch, tag or commit), got "${value}"`);
  return value;
}

/** `--jobs`: `auto` or a whole number from 0 to 256. */
function jobsOf(value: string | undefined): number | 'auto' {
  if (value === undefined || value === 'auto') return 'auto';
  if (!/^\d+$/.test(value) || Number(value) > 256) throw new UsageError(`--jobs must be auto or a whole number from 0 to 256, got "${value}"`);
  return Number(value);
}
