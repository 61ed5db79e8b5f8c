import { readdirSync, readFileSync } from 'node:fs';
import type { EngineOptions, AnyPolicy } from '../engine/index.js';
import { DEFAULT_CONFIG_PATH } from '../constants.js';
import { resolveInside } from '../files.js';
import type { CustomFolderSnapshot, PolicyRecipe } from './policy-recipe.js';
import type { HelmChartSetting } from './config-types.js';

/** How files of the trusted configuration are read: repository-relative POSIX paths. */
export interface TrustedFiles {
  /** A file's text, or undefined when absent. */
  read(path: string): string | undefined;
  /** The names of a folder's entries, or undefined when it does not exist. */
  list(folder: string): string[] | undefined;
}

/** Everything a run needs from the configuration. */
export interface RunSettings {
  /** Built-in policies, then custom ones. */
  policies: AnyPolicy[];
  /** Severity, options, exemptions and the exemption rules (`exemptionGovernance`, always set) for the engine. */
  engine: EngineOptions;
  include: string[] | undefined;
  exclude: string[] | undefined;
  /**
   * The configuration's `render.helm.charts`: the charts with render profiles (repository-relative
   * folders, `.` for the root), in the order given; [] when none is configured or the configuration
   * did not load.
   */
  helmCharts: HelmChartSetting[];
  /** Every file read for the configuration and custom policies (repository-relative). */
  filesRead: string[];
  /** How a worker thread rebuilds `policies` without reading anything (src/settings/policy-recipe.ts; handed to the workers of src/engine/parallel.ts). */
  recipe: PolicyRecipe;
  /** Configuration and policy-loading problems, each naming its file (and line and key when known). */
  problems: string[];
}

/**
 * Load the configuration (`configPath`, or `.github/kube-immutable.yaml` when it exists), its
 * `extends`, and its custom policies, ALL through `files` — the CLI passes the disk; the action
 * passes a reader of the trusted base commit, so nothing from a pull request's head is ever
 * loaded. Problems are returned, never thrown (the promise does not reject): the run goes on with
 * the policies that loaded. Asynchronous only because the modules are imported on first use: the
 * configuration reader and the built-in policies on every call, the custom-policy loader (and its
 * TypeScript transpiler, sucrase) only when the configuration names a custom policy folder;
 * `files` is called synchronously, as before.
 */
export async function loadRunSettings(files: TrustedFiles, configPath: string | undefined): Promise<RunSettings> {
  // config-settings.ts once config.ts has loaded: both import ajv, and importing both at once
  // makes jest's ESM loader (the tests) fail to link it ("request for 'ajv' is not in cache").
  const [{ builtinPolicies }, { DEFAULT_EXEMPTION_GOVERNANCE, engineSettings, formatConfigProblem, loadConfig }] = await Promise.all([
    import('../../policies/index.js'),
    import('./config.js').then(async (config) => ({ ...config, ...(await import('./config-settings.js')) })),
  ]);
  const filesRead = new Set<string>();
  const read = (p: string) => {
    const text = files.read(p);
    if (text !== undefined) filesRead.add(p);
    return text;
  };
  const problems: string[] = [];
  const loaded = loadConfig(configPath ?? DEFAULT_CONFIG_PATH, read, { required: configPath !== undefined });
  for (const p of loaded.problems) problems.push(formatConfigProblem(p));
  const config = loaded.config;
  const recipe: PolicyRecipe = { customFolders: [] };
  // A configuration that does not load still gets the default exemption rules (never looser ones).
  if (!config)
    return {
      policies: [...builtinPolicies],
      engine: { exemptionGovernance: { ...DEFAULT_EXEMPTION_GOVERNANCE } },
      include: undefined,
      exclude: undefined,
      helmCharts: [],
      filesRead: [...filesRead],
      recipe,
      problems,
    };
  const policies: AnyPolicy[] = [...builtinPolicies];
  // The custom-policy loader brings sucrase (~670 kB): imported only when a folder is configured.
  const loadCustomPolicies = config.customPolicies.length > 0 ? (await import('./custom-policies.js')).loadCustomPolicies : undefined;
  for (const folder of config.customPolicies) {
    // Remember every answer, so that a worker thread loads exactly these files.
    const snapshot: CustomFolderSnapshot = { folder, entries: {}, files: {} };
    recipe.customFolders.push(snapshot);
    const list = (f: string) => {
      const names = files.list(f);
      snapshot.entries[f] = names ?? null;
      return names;
    };
    const readPolicyFile = (p: string) => {
      const text = read(p);
      snapshot.files[p] = text ?? null;
      return text;
    };
    const custom = loadCustomPolicies!(folder, list, readPolicyFile, policies);
    policies.push(...custom.policies);
    for (const p of custom.problems) problems.push(`${p.file}: ${p.message}`);
  }
  const settings = engineSettings(config, policies, loaded.origins);
  for (const p of settings.problems) problems.push(formatConfigProblem(p));
  return {
    policies,
    engine: {
      severity: settings.severity,
      options: settings.options,
      exemptions: config.exemptions,
      exemptionGovernance: config.exemptionGovernance ?? { ...DEFAULT_EXEMPTION_GOVERNANCE },
      knownPolicyIds: policies.map((p) => p.id),
      ...(config.fixes ? { applyFixes: { guesses: config.fixes.includeGuesses, behaviour: config.fixes.applyBehaviourChanges } } : {}),
    },
    include: config.include,
    exclude: config.exclude,
    helmCharts: config.render?.helm.charts ?? [],
    filesRead: [...filesRead],
    recipe,
    problems,
  };
}

/**
 * Trusted files on disk under `root` (the CLI: the user runs it on their own files). Paths that
 * leave `root`, also through a symbolic link, read as absent.
 */
export function diskFiles(root: string): TrustedFiles {
  const inside = (p: string) => resolveInside(root, p);
  return {
    read(p) {
      const abs = inside(p);
      if (!abs) return undefined;
      try {
        return readFileSync(abs, 'utf8');
      } catch {
        return undefined;
      }
    },
    list(folder) {
      const abs = inside(folder);
      if (!abs) return undefined;
      try {
        return readdirSync(abs).sort();
      } catch {
        return undefined;
      }
    },
  };
}
