import type { EngineOptions, RunResult, SourceFile, AnyPolicy } from '../engine/index.js';
import { joinParts, runFilesInParts } from '../engine/parallel.js';
import { accessForRun, resolveImageDigests } from '../resolve-digests.js';
import { diskFiles, loadRunSettings, type RunSettings } from '../settings/load.js';
import { fastReaderStatus } from '../yaml/index.js';
import type { PolicyRecipe } from '../settings/policy-recipe.js';
import { editDistance } from '../engine/edit-distance.js';
import { UsageError, type FileCommandOptions, type PolicyChoice } from './args.js';
import type { CliIO } from './io.js';
import { progressLine } from './progress.js';
import { plural } from '../report/summary.js';

/**
 * The configuration and custom policies for `scan`/`fix`, read from disk under the working
 * folder (`--config`, or `.github/kube-immutable.yaml` when present). Problems go to stderr;
 * `ok` is false when there were any (the command still runs with what loaded, then exits 2).
 * Include/exclude: the command line's, else the configuration's, else the defaults.
 * `--policy`/`--skip-policy` are applied to the engine's severities (withPolicyChoice).
 * Asynchronous because the settings' modules are imported on first use; rejects only with the
 * {@link UsageError} of an unknown `--policy`/`--skip-policy` id (before any file is read).
 */
export async function cliSettings(cmd: FileCommandOptions, io: CliIO): Promise<RunSettings & { ok: boolean; include: string[]; exclude: string[] }> {
  const loaded = await loadRunSettings(diskFiles(io.cwd), cmd.config);
  for (const p of loaded.problems) io.stderr(`kube-immutable: ${p}\n`);
  const settings = { ...loaded, engine: withPolicyChoice(cmd, loaded.engine, loaded.policies) };
  if (cmd.verbose && cmd.base === undefined) io.stderr(`kube-immutable: ${exemptionModeLine(settings.engine)}\n`);
  if (cmd.verbose) {
    // Only the speed differs (the yaml library reads instead), but a user comparing timings should know.
    const reader = fastReaderStatus();
    if (!reader.enabled) io.stderr(`kube-immutable: the fast YAML reader is off (${reader.reason ?? 'unknown reason'}); the yaml library reads every file\n`);
  }
  return {
    ...settings,
    ok: settings.problems.length === 0,
    include: cmd.include.length > 0 ? cmd.include : (settings.include ?? []),
    // The configuration files themselves are not manifests: never scan them.
    exclude: [...(cmd.exclude.length > 0 ? cmd.exclude : (settings.exclude ?? [])), ...settings.filesRead],
  };
}

/**
 * The engine options of a run: the configuration's, plus the exemption annotations at the commit
 * `--base` names (base-only then applies; the mode is said on stderr; a ref that names no commit
 * throws a UsageError), plus the image digests resolved from the registries of the allow-list
 * (`--registries`, default the public registries) when `--resolve-digests` is given, and the
 * image configs read from them with `--inspect-images` (failures go to stderr; the run goes on).
 * Without the flags this returns `engine` unchanged and makes no network request. Throws a
 * {@link UsageError} for a bad `--registries` entry (or, with a registry flag, a bad
 * KUBE_IMMUTABLE_INSECURE_REGISTRIES host).
 */
export async function engineForRun(cmd: FileCommandOptions, engine: EngineOptions, files: readonly SourceFile[], io: CliIO): Promise<EngineOptions> {
  // --registries is checked even without the registry flags; the environment only when one is used.
  const env = cmd.resolveDigests || cmd.inspectImages ? (io.env ?? {}) : {};
  let access;
  try {
    access = accessForRun(cmd.registries, env, '--registries');
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (cmd.base !== undefined) {
    const { withGitBase } = await import('./base.js');
    const based = withGitBase(cmd.base, engine, files, io.cwd);
    engine = based.engine;
    if (cmd.verbose || engine.exemptionGovernance?.annotations === 'base-only')
      io.stderr(`kube-immutable: ${exemptionModeLine(engine, `${cmd.base} (${based.sha.slice(0, 12)})`)}\n`);
  }
  engine = withFixFlags(cmd, engine);
  engine = await withCliBuildArtifacts(engine, files, io, cmd.verbose);
  if (cmd.inspectImages) {
    const { inspectImageConfigs } = await import('../inspect-images.js');
    const r = await inspectImageConfigs(files, engine, io.env ?? {}, { access });
    for (const f of r.failures) io.stderr(`kube-immutable: ${f}\n`);
    if (cmd.verbose) io.stderr(`kube-immutable: read ${r.inspected} image config${r.inspected === 1 ? '' : 's'}.\n`);
    engine = r.engine;
  }
  if (!cmd.resolveDigests) return engine;
  const r = await resolveImageDigests(files, engine, io.env ?? {}, { access });
  for (const f of r.failures) io.stderr(`kube-immutable: ${f}\n`);
  return r.engine;
}

/**
 * `engine` with the build artifacts of the Skaffold projects deploying `files`: each file's
 * folder and those above it up to the working folder are looked at for a skaffold.yaml, read from
 * disk (the user runs the CLI on their own tree; with `--base` too, as the configuration is).
 * Problems reading one go to stderr; with `verbose`, which projects were read.
 */
async function withCliBuildArtifacts(engine: EngineOptions, files: readonly SourceFile[], io: CliIO, verbose: boolean): Promise<EngineOptions> {
  const { withBuildArtifacts } = await import('../skaffold.js');
  const disk = diskFiles(io.cwd);
  const r = await withBuildArtifacts(
    engine,
    files.map((f) => f.path),
    { read: (p) => Promise.resolve(disk.read(p)) },
  );
  for (const p of r.problems) io.stderr(`kube-immutable: ${p}\n`);
  if (verbose)
    for (const p of r.projects)
      io.stderr(
        `kube-immutable: Skaffold project ${p.config}: ${p.images.length} build artifact(s) (${p.images.join(', ')}), manifests ${p.manifests.join(', ')}\n`,
      );
  return r.engine;
}

/**
 * `engine` with `--include-guesses` and `--apply-behaviour-changes` added to the configuration's
 * `applyFixes` (a flag only adds: guesses are on when either says so; the behaviour changes of
 * the policies both name, `all` when either says all). Throws a {@link UsageError} for a policy id
 * that is not known (`engine.knownPolicyIds`, when set). Returns `engine` itself without the flags.
 */
export function withFixFlags(cmd: Pick<FileCommandOptions, 'includeGuesses' | 'applyBehaviourChanges'>, engine: EngineOptions): EngineOptions {
  if (!cmd.includeGuesses && cmd.applyBehaviourChanges.length === 0) return engine;
  const known = engine.knownPolicyIds;
  for (const id of cmd.applyBehaviourChanges) {
    if (id !== 'all' && known && !known.includes(id))
      throw new UsageError(`--apply-behaviour-changes: unknown policy "${id}"; known policies: ${known.join(', ')}`);
  }
  const before = engine.applyFixes?.behaviour ?? [];
  const all = before === 'all' || cmd.applyBehaviourChanges.includes('all');
  const behaviour = all ? ('all' as const) : [...new Set([...before, ...cmd.applyBehaviourChanges])];
  return { ...engine, applyFixes: { guesses: cmd.includeGuesses || engine.applyFixes?.guesses === true, behaviour } };
}

/**
 * `engine` with the policies `--policy` and `--skip-policy` choose: with `--policy`, only the
 * policies it names run, at the configuration's severity (a policy the configuration or its
 * preset turns off runs at its default severity); `--skip-policy` turns the policies it names off
 * (also those `--policy` names: both together run policy minus skip). The choice is made by the
 * severities (`off`), so the worker threads and rendered charts run the same policies. The
 * validity checks (valid-manifest, file-not-scanned, exemption) are policies like the others.
 * Throws a {@link UsageError} naming an id that is not one of `policies` (built-in and custom) and
 * the closest known id (Levenshtein distance, src/engine/edit-distance.ts). Returns `engine`
 * itself without the flags.
 */
export function withPolicyChoice(cmd: PolicyChoice, engine: EngineOptions, policies: readonly AnyPolicy[]): EngineOptions {
  if (cmd.onlyPolicies.length === 0 && cmd.skipPolicies.length === 0) return engine;
  const known = policies.map((p) => p.id);
  for (const [flag, ids] of [
    ['--policy', cmd.onlyPolicies],
    ['--skip-policy', cmd.skipPolicies],
  ] as const) {
    for (const id of ids) if (!known.includes(id)) throw new UsageError(unknownPolicyMessage(flag, id, known));
  }
  const only = new Set(cmd.onlyPolicies);
  const skip = new Set(cmd.skipPolicies);
  const severity = { ...(engine.severity ?? {}) };
  for (const p of policies) {
    const runs = (only.size === 0 ? severity[p.id] !== 'off' : only.has(p.id)) && !skip.has(p.id);
    if (!runs) severity[p.id] = 'off';
    else if (severity[p.id] === 'off') severity[p.id] = p.meta.defaultSeverity;
  }
  return { ...engine, severity };
}

/** The usage error's text for an unknown policy id of `flag`: the id, and the closest of `known` by edit distance (the first of equals). */
function unknownPolicyMessage(flag: string, id: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(id, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  const hint = best === undefined ? 'no policy is known' : `the closest known policy is "${best}"`;
  return `${flag}: unknown policy "${id}"; ${hint} ('kube-immutable policies' lists them)`;
}

/**
 * Run the policies over `files` for a CLI command: on worker threads per `--jobs` (the worker
 * script `scan-worker.js` lies next to the bundled CLI; run from sources, it is absent and the
 * scan stays in this thread). With `--verbose`, says on stderr how many threads scanned.
 * The result equals the engine's `run()` exactly.
 */
export async function runScan(
  cmd: FileCommandOptions,
  files: readonly SourceFile[],
  policies: readonly AnyPolicy[],
  recipe: PolicyRecipe,
  engine: EngineOptions,
  io: CliIO,
): Promise<RunResult> {
  const parts: RunResult[] = [];
  await runScanInParts(cmd, files, policies, recipe, engine, io, (part) => parts.push(part));
  return joinParts(parts);
}

/**
 * {@link runScan} handing the result over in parts, in file order (see runFilesInParts), for a
 * report written as the scan goes: nothing keeps every finding. On a terminal, a scan that runs
 * longer than 2 s shows `scanning: N of M files checked (P%)` on stderr until it ends
 * (src/cli/progress.ts).
 */
export async function runScanInParts(
  cmd: FileCommandOptions,
  files: readonly SourceFile[],
  policies: readonly AnyPolicy[],
  recipe: PolicyRecipe,
  engine: EngineOptions,
  io: CliIO,
  onPart: (part: RunResult) => void,
): Promise<void> {
  const counted = (done: number) => `scanning: ${done} of ${plural(files.length, 'file')} checked (${Math.floor((done * 100) / Math.max(1, files.length))}%)`;
  const progress = progressLine(io, counted(0));
  let done = 0;
  let workers: number;
  try {
    ({ workers } = await runFilesInParts(
      files,
      policies,
      engine,
      { jobs: cmd.jobs, recipe, workerUrl: new URL('./scan-worker.js', import.meta.url) },
      (part) => {
        done += part.files.length;
        // A report streamed to the same terminal (the github format) must not land on the progress line.
        if (io.isTTY) progress.clear();
        onPart(part);
        progress.update(counted(done));
      },
    ));
  } finally {
    progress.end();
  }
  if (cmd.verbose) {
    const where = workers > 0 ? `on ${workers} worker thread${workers === 1 ? '' : 's'}` : 'in one thread';
    io.stderr(`kube-immutable: scanned ${files.length} file${files.length === 1 ? '' : 's'} ${where}\n`);
  }
}

/**
 * Which exemption-annotation mode a CLI run applies, in words: the configuration's, except that
 * `base-only` needs a base commit: with `base` (the `--base` ref, as shown) it compares against
 * it; without, it acts as `allowed` (the action compares against a pull request's base commit).
 */
export function exemptionModeLine(engine: EngineOptions, base?: string): string {
  const g = engine.exemptionGovernance;
  const mode = g?.annotations ?? 'allowed';
  const limits = [
    g?.policies ? `policies ${g.policies.join(', ')}` : '',
    g?.requireExpiry ? 'expiry required' : '',
    g?.maxDays !== undefined ? `expiry at most ${g.maxDays} days ahead` : '',
  ]
    .filter(Boolean)
    .join('; ');
  const applied =
    mode !== 'base-only'
      ? mode
      : base !== undefined
        ? `base-only, against ${base}`
        : "allowed (the configuration says base-only, which needs a pull request's base commit; this run has none)";
  return `exemption annotations: ${applied}${limits ? `; ${limits}` : ''}`;
}
