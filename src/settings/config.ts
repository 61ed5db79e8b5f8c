/**
 * The configuration file (`.github/kube-immutable.yaml`, YAML or JSON): which files to scan, a
 * preset, per-policy severities and options, custom policy folders and exemptions, optionally
 * extending other configuration files of the repository. Reading never throws: every problem
 * (YAML syntax, schema, `extends`) is a {@link ConfigProblem} naming the file, the 1-based
 * line/column and the key.
 */
import { posix } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { Minimatch } from 'minimatch';
import { HELM_PROFILE_RULES } from '../constants.js';
import { parseYaml, type PathKey, type YNode } from '../yaml/index.js';
import type { Severity } from '../engine/policy.js';
import type { ConfigExemption } from '../engine/types.js';
import { DATE, errorToProblem, errorsToProblems, locOf, newAjv, type ConfigProblem } from './config-problems.js';
import {
  DEFAULT_EXEMPTION_GOVERNANCE,
  SEVERITY_VALUES,
  noOrigins,
  type ConfigOrigins,
  type HelmChartSetting,
  type HelmProfileSetting,
  type KeyLoc,
  type ResolvedConfig,
} from './config-types.js';
import { DEFAULT_PRESET, PRESETS, isPresetName } from './presets.js';

const ID_PATTERN = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';

const stringOrList = (what: string) => ({
  type: ['string', 'array'],
  minLength: 1,
  minItems: 1,
  items: { type: 'string', minLength: 1, 'x-message': `must be a non-empty ${what}` },
  'x-message': `must be a non-empty ${what} or a list of them`,
});
const nonEmptyString = { type: 'string', minLength: 1, 'x-message': 'must not be empty' };

/**
 * JSON Schema of one configuration file (after YAML 1.1 timestamps are read back as their text
 * and severities as written: `off` is the string `off`, not `false`). Unknown keys are errors
 * everywhere except inside `options` (each policy's own `optionsSchema` checks those).
 * `x-message` is a message for `pattern`/`minLength`/`minItems`/`x-calendar-date` failures.
 */
export const CONFIG_SCHEMA = {
  title: 'kube-immutable configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    extends: stringOrList('path'),
    preset: { type: 'string', enum: Object.keys(PRESETS) },
    include: stringOrList('glob'),
    exclude: stringOrList('glob'),
    policies: {
      type: 'object',
      additionalProperties: {
        type: ['string', 'object'],
        if: { type: 'string' },
        then: { enum: SEVERITY_VALUES },
        else: {
          additionalProperties: false,
          properties: { severity: { type: 'string', enum: SEVERITY_VALUES }, options: { type: 'object' } },
        },
      },
    },
    customPolicies: stringOrList('path'),
    fixes: {
      type: 'object',
      additionalProperties: false,
      properties: {
        includeGuesses: { type: 'boolean' },
        applyBehaviourChanges: {
          type: ['array', 'string'],
          'x-message': 'must be a list of policy ids, or all',
          if: { type: 'string' },
          then: { const: 'all', 'x-message': 'must be a list of policy ids, or all' },
          else: { items: { type: 'string', pattern: ID_PATTERN, 'x-message': 'must be a policy id (kebab-case)' } },
        },
      },
    },
    render: {
      type: 'object',
      additionalProperties: false,
      properties: {
        helm: {
          type: 'object',
          additionalProperties: false,
          properties: { charts: { type: 'array', items: { $ref: '#/$defs/helmChart' } } },
        },
      },
    },
    exemptions: {
      type: ['array', 'object'],
      'x-message': 'must be a list of exemptions, or a map of exemption settings (annotations, policies, requireExpiry, maxDays, rules)',
      if: { type: 'array' },
      then: { items: { $ref: '#/$defs/exemption' } },
      else: {
        additionalProperties: false,
        'x-unknown-key-hint': 'exemptions themselves go in a list: under rules:, or as the list exemptions: [- policy: ...]',
        properties: {
          annotations: { type: 'string', enum: ['allowed', 'disabled', 'base-only'] },
          policies: {
            type: 'array',
            minItems: 1,
            items: { type: 'string', pattern: ID_PATTERN, 'x-message': 'must be a policy id (kebab-case)' },
            'x-message': 'must list at least one policy id (to allow none, set annotations: disabled)',
          },
          requireExpiry: { type: 'boolean' },
          maxDays: {
            type: ['integer', 'boolean'],
            if: { type: 'boolean' },
            then: { const: false, 'x-message': 'must be a number of days, or false for no limit' },
            else: { minimum: 1, 'x-message': 'must be at least 1 day (false: no limit)' },
          },
          rules: { type: 'array', items: { $ref: '#/$defs/exemption' } },
        },
      },
    },
  },
  $defs: {
    helmChart: {
      type: 'object',
      additionalProperties: false,
      required: ['path', 'profiles'],
      properties: {
        path: { ...nonEmptyString, 'x-message': 'must be the chart folder (repository-relative)' },
        profiles: { type: 'array', minItems: 1, items: { $ref: '#/$defs/helmProfile' }, 'x-message': 'must list at least one profile' },
      },
    },
    helmProfile: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: {
          type: 'string',
          pattern: HELM_PROFILE_RULES.profileName,
          'x-message': 'must be 1 to 63 letters, digits, ".", "_" or "-", starting and ending with a letter or digit',
        },
        valuesFiles: { type: 'array', items: { ...nonEmptyString, 'x-message': 'must be a values file (repository-relative)' } },
        releaseName: {
          type: 'string',
          pattern: HELM_PROFILE_RULES.releaseName,
          maxLength: HELM_PROFILE_RULES.releaseNameMaxLength,
          'x-message': `must be a lowercase DNS-1123 name of at most ${HELM_PROFILE_RULES.releaseNameMaxLength} characters (Helm's rule for release names)`,
        },
        namespace: {
          type: 'string',
          pattern: HELM_PROFILE_RULES.namespace,
          maxLength: HELM_PROFILE_RULES.namespaceMaxLength,
          'x-message': 'must be a DNS-1123 label (lowercase letters, digits and "-", at most 63)',
        },
        kubeVersion: { type: 'string', pattern: HELM_PROFILE_RULES.kubeVersion, 'x-message': 'must be a Kubernetes version like 1.31.0 or v1.31' },
        apiVersions: {
          type: 'array',
          items: {
            type: 'string',
            pattern: HELM_PROFILE_RULES.apiVersion,
            maxLength: HELM_PROFILE_RULES.apiVersionMaxLength,
            'x-message': 'must be group/version or group/version/Kind (apps/v1, monitoring.coreos.com/v1/ServiceMonitor)',
          },
        },
        includeCrds: { type: 'boolean' },
        skipTests: { type: 'boolean' },
      },
    },
    exemption: {
      type: 'object',
      additionalProperties: false,
      required: ['policy', 'reason'],
      properties: {
        policy: { type: 'string', pattern: `${ID_PATTERN.slice(0, -1)}|^\\*$`, 'x-message': 'must be a policy id (kebab-case) or "*"' },
        files: { type: 'array', minItems: 1, items: nonEmptyString, 'x-message': 'must list at least one glob' },
        kind: nonEmptyString,
        name: nonEmptyString,
        namespace: nonEmptyString,
        containers: { type: 'array', minItems: 1, items: nonEmptyString, 'x-message': 'must list at least one container name' },
        reason: { type: 'string', pattern: '\\S', 'x-message': 'must say why the exemption is needed (it is empty)' },
        expires: { type: 'string', pattern: DATE.source, 'x-calendar-date': true, 'x-message': 'must be a date YYYY-MM-DD' },
      },
    },
  },
} as const;

let configValidator: ValidateFunction | undefined;
// ---------------------------------------------------------------------------------------------
// Reading files.

/**
 * Plain data of a node as the schema sees it. YAML 1.1 reads `2027-01-31` as a timestamp: it is
 * kept as its text (so `2027-02-30` is not silently March 2nd). A severity written `off` (a
 * boolean in YAML 1.1) is kept as written, and so are the paths, names and versions of `render:`
 * (`kubeVersion: 1.31`, `path: .`, `name: y`).
 */
function toData(node: YNode, text: string, path: readonly PathKey[]): unknown {
  if (node.kind === 'map') {
    const out: Record<string, unknown> = {};
    for (const [k, child] of node.entries()) {
      Object.defineProperty(out, k, { value: toData(child, text, [...path, k]), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  if (node.kind === 'seq') return node.items().map((child, i) => toData(child, text, [...path, i]));
  if (node.kind !== 'scalar') return null;
  const v = node.value;
  const source = () => text.slice(node.offsets[0], node.offsets[1]);
  if (v instanceof Date) return source();
  const severityPath = path[0] === 'policies' && (path.length === 2 || (path.length === 3 && path[2] === 'severity'));
  if (typeof v === 'boolean' && severityPath && node.scalarType === 'PLAIN') return source();
  // Render paths, names and versions are text: `kubeVersion: 1.31` is not the number 1.31, `name: y` not true.
  if (
    (typeof v === 'number' || typeof v === 'boolean') &&
    node.scalarType === 'PLAIN' &&
    path[0] === 'render' &&
    RENDER_TEXT_KEYS.has(String([...path].reverse().find((k) => typeof k === 'string')))
  )
    return source();
  return v;
}

/** Keys of the `render:` section whose plain scalars (and list items) are read as written. */
const RENDER_TEXT_KEYS = new Set(['path', 'name', 'valuesFiles', 'releaseName', 'namespace', 'kubeVersion', 'apiVersions']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A repository path (`./a/../b` → `b`); an error for URLs, absolute paths and paths escaping the repository. */
function resolvePath(from: string | undefined, ref: string): { path: string } | { error: string } {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) return { error: `"${ref}" is a URL; only paths inside the repository are supported` };
  if (ref.startsWith('/') || /^[A-Za-z]:[\\/]/.test(ref))
    return { error: `"${ref}" is an absolute path; give a path relative to ${from ?? 'the repository root'}` };
  if (ref.includes('\\')) return { error: `"${ref}" contains "\\"; separate folders with "/"` };
  const path = posix.normalize(from === undefined ? ref : posix.join(posix.dirname(from), ref)).replace(/\/+$/, '') || '.';
  if (path === '..' || path.startsWith('../')) return { error: `"${ref}" resolves to "${path}", outside the repository` };
  return { path };
}

/** One configuration file, parsed and validated. */
interface Layer {
  file: string;
  data: Record<string, unknown>;
  root: YNode | undefined;
}

interface LoadState {
  read: (path: string) => string | undefined;
  problems: ConfigProblem[];
  /** Files in the order they are applied (bases first). */
  layers: Layer[];
  /** Files already read (a file extended twice is applied once, at its first place). */
  started: Set<string>;
}

/** String values of a string-or-list key with their nodes (values of other types are skipped). */
function stringsOf(root: YNode | undefined, value: unknown, key: string): { value: string; node: YNode | undefined; key: string }[] {
  const node = root?.get(key);
  if (typeof value === 'string') return [{ value, node, key }];
  if (!Array.isArray(value)) return [];
  const items = node?.items() ?? [];
  return value.flatMap((v, i) => (typeof v === 'string' && v !== '' ? [{ value: v, node: items[i], key: `${key}[${i}]` }] : []));
}

function loadFile(file: string, text: string, chain: readonly string[], st: LoadState): void {
  st.started.add(file);
  const parsed = parseYaml(text);
  const errors = parsed.problems.filter((p) => p.severity === 'error');
  for (const p of errors) st.problems.push({ file, line: p.line, column: p.column, key: '', message: `YAML syntax error: ${p.message}` });
  if (errors.length > 0) return;
  if (parsed.documents.length > 1) {
    const at = parsed.position(parsed.documents[1]!.span[0]);
    st.problems.push({
      file,
      line: at.line,
      column: at.column,
      key: '',
      message: `a configuration file holds one YAML document; found ${parsed.documents.length}`,
    });
  }
  const root = parsed.documents[0]?.root;
  const data = root ? toData(root, text, []) : {};
  configValidator ??= newAjv(true).compile(CONFIG_SCHEMA);
  if (!configValidator(data)) {
    const fallback = { file, line: 1, column: 1 };
    st.problems.push(...errorsToProblems(configValidator.errors ?? [], (e) => errorToProblem(e, file, root, [], fallback)));
  }
  if (!isRecord(data)) return;
  for (const ref of stringsOf(root, data.extends, 'extends')) {
    const at = ref.node ? locOf(file, ref.node) : { file, line: 1, column: 1 };
    const problem = (message: string) => st.problems.push({ ...at, key: ref.key, message });
    const target = resolvePath(file, ref.value);
    if ('error' in target) {
      problem(target.error);
      continue;
    }
    const path = target.path;
    if (path === file || chain.includes(path)) {
      problem(`extends cycle: ${[...chain, file, path].join(' → ')}`);
      continue;
    }
    if (st.started.has(path)) continue;
    const baseText = st.read(path);
    if (baseText === undefined) {
      problem(`extended file "${path}" not found`);
      continue;
    }
    loadFile(path, baseText, [...chain, file], st);
  }
  st.layers.push({ file, data, root });
}

// ---------------------------------------------------------------------------------------------
// Merging files.

function merge(layers: readonly Layer[], st: LoadState): { config: ResolvedConfig; origins: ConfigOrigins } {
  const origins = noOrigins();
  const config: ResolvedConfig = {
    files: layers.map((l) => l.file),
    preset: DEFAULT_PRESET,
    include: undefined,
    exclude: undefined,
    policySettings: {},
    customPolicies: [],
    exemptions: [],
    exemptionGovernance: { ...DEFAULT_EXEMPTION_GOVERNANCE },
  };
  for (const { file, data, root } of layers) {
    const problem = (node: YNode | undefined, key: string, message: string) => {
      const at = node ? locOf(file, node) : { file, line: 1, column: 1 };
      st.problems.push({ ...at, key, message });
    };
    const globs = (key: 'include' | 'exclude'): string[] =>
      stringsOf(root, data[key], key).map(({ value, node, key: at }) => {
        checkGlob(value, (m) => problem(node, at, m));
        return value.replace(/^(\.\/)+/, '');
      });
    if (isPresetName(data.preset)) {
      config.preset = data.preset;
      const presetNode = root?.get('preset');
      if (presetNode) origins.preset = locOf(file, presetNode);
    }
    if (data.include !== undefined) config.include = globs('include');
    if (data.exclude !== undefined) config.exclude = globs('exclude');
    if (isRecord(data.policies)) mergePolicies(config, origins, file, data.policies, root?.get('policies'));
    for (const { value, node, key } of stringsOf(root, data.customPolicies, 'customPolicies')) {
      const r = resolvePath(file, value);
      if ('error' in r) problem(node, key, r.error);
      else if (!config.customPolicies.includes(r.path)) config.customPolicies.push(r.path);
    }
    if (isRecord(data.fixes)) {
      const f = (config.fixes ??= { includeGuesses: false, applyBehaviourChanges: [] });
      if (typeof data.fixes.includeGuesses === 'boolean') f.includeGuesses = data.fixes.includeGuesses;
      const b = data.fixes.applyBehaviourChanges;
      if (b === 'all') f.applyBehaviourChanges = 'all';
      else if (Array.isArray(b)) {
        f.applyBehaviourChanges = b.filter((x): x is string => typeof x === 'string');
        const items = root?.get('fixes')?.get('applyBehaviourChanges')?.items() ?? [];
        const at = new Map<string, KeyLoc>();
        b.forEach((id, i) => {
          if (typeof id === 'string' && !at.has(id))
            at.set(id, { ...(items[i] ? locOf(file, items[i]) : { file, line: 1, column: 1 }), key: `fixes.applyBehaviourChanges[${i}]` });
        });
        origins.behaviourChanges = at;
      }
    }
    const exemptionsNode = root?.get('exemptions');
    const asMap = isRecord(data.exemptions) ? data.exemptions : undefined;
    if (asMap) mergeGovernance(config, origins, file, asMap, exemptionsNode);
    const rules = Array.isArray(data.exemptions) ? data.exemptions : asMap && Array.isArray(asMap.rules) ? asMap.rules : [];
    const items = (asMap ? exemptionsNode?.get('rules') : exemptionsNode)?.items() ?? [];
    const prefix = asMap ? 'exemptions.rules' : 'exemptions';
    rules.forEach((raw, i) => {
      const read = toExemption(file, raw, items[i], `${prefix}[${i}]`, problem);
      if (!read) return;
      origins.exemptions[config.exemptions.length] = read.origin;
      config.exemptions.push(read.exemption);
    });
    if (isRecord(data.render)) mergeRender(config, file, data.render, root?.get('render'), problem);
  }
  return { config, origins };
}

/**
 * A repository-relative path of the `render:` section (`./charts/web/` → `charts/web`), or the
 * reason it is refused: a URL, an absolute path, a backslash, a `..` segment (even one that stays inside).
 */
function renderPath(value: string, what: 'folder' | 'file'): { path: string } | { error: string } {
  if (value.split('/').includes('..')) return { error: `"${value}" has a ".." segment; give the path from the repository root` };
  const r = resolvePath(undefined, value);
  if ('error' in r) return r;
  if (what === 'file' && r.path === '.') return { error: `"${value}" is not a file` };
  return r;
}

/**
 * Apply one file's `render.helm.charts` over those of the files it extends: an entry replaces an
 * earlier file's entry for the same chart path; a chart path twice in one file, a profile name
 * twice in one chart, and bad paths are problems (the entry's other settings still apply, but the
 * configuration does not load with a problem). Shapes the schema rejects are left out (reported there).
 */
function mergeRender(
  config: ResolvedConfig,
  file: string,
  render: Record<string, unknown>,
  node: YNode | undefined,
  problem: (node: YNode | undefined, key: string, message: string) => void,
): void {
  const charts = (config.render ??= { helm: { charts: [] } }).helm.charts;
  const helm = isRecord(render.helm) ? render.helm : undefined;
  if (!helm || !Array.isArray(helm.charts)) return;
  const chartNodes = node?.get('helm')?.get('charts')?.items() ?? [];
  const here = new Set<string>();
  helm.charts.forEach((raw, i) => {
    const chartNode = chartNodes[i];
    const key = `render.helm.charts[${i}]`;
    if (!isRecord(raw) || typeof raw.path !== 'string' || raw.path === '' || !Array.isArray(raw.profiles)) return;
    const dir = renderPath(raw.path, 'folder');
    if ('error' in dir) {
      problem(chartNode?.get('path'), `${key}.path`, dir.error);
      return;
    }
    if (here.has(dir.path)) {
      problem(chartNode?.get('path'), `${key}.path`, `chart "${dir.path}" is listed twice; give all its profiles in one entry`);
      return;
    }
    here.add(dir.path);
    const profileNodes = chartNode?.get('profiles')?.items() ?? [];
    const names = new Set<string>();
    const profiles: HelmProfileSetting[] = [];
    raw.profiles.forEach((p, j) => {
      const pNode = profileNodes[j];
      const pKey = `${key}.profiles[${j}]`;
      if (!isRecord(p) || typeof p.name !== 'string') return;
      if (names.has(p.name)) problem(pNode?.get('name'), `${pKey}.name`, `profile "${p.name}" is named twice in chart "${dir.path}"`);
      names.add(p.name);
      const profile: HelmProfileSetting = { name: p.name, source: `${file}:${pNode ? pNode.range.start.line : 1}` };
      if (Array.isArray(p.valuesFiles)) {
        const items = pNode?.get('valuesFiles')?.items() ?? [];
        profile.valuesFiles = [];
        p.valuesFiles.forEach((v, k) => {
          if (typeof v !== 'string' || v === '') return;
          const r = renderPath(v, 'file');
          if ('error' in r) problem(items[k], `${pKey}.valuesFiles[${k}]`, r.error);
          else profile.valuesFiles!.push(r.path);
        });
      }
      for (const k of ['releaseName', 'namespace', 'kubeVersion'] as const) if (typeof p[k] === 'string') profile[k] = p[k];
      if (Array.isArray(p.apiVersions)) profile.apiVersions = p.apiVersions.filter((a): a is string => typeof a === 'string');
      for (const k of ['includeCrds', 'skipTests'] as const) if (typeof p[k] === 'boolean') profile[k] = p[k];
      profiles.push(profile);
    });
    const entry: HelmChartSetting = { path: dir.path, profiles, source: `${file}:${chartNode ? chartNode.range.start.line : 1}` };
    const earlier = charts.findIndex((c) => c.path === dir.path);
    if (earlier >= 0) charts[earlier] = entry;
    else charts.push(entry);
  });
}

/**
 * Apply one file's exemption settings (`annotations`, `policies`, `requireExpiry`, `maxDays`) over
 * those of the files it extends: each setting it gives replaces the earlier one (`maxDays:
 * false` removes the cap). Values the schema rejects are left out (the schema reported them).
 */
function mergeGovernance(config: ResolvedConfig, origins: ConfigOrigins, file: string, settings: Record<string, unknown>, node: YNode | undefined): void {
  const g = (config.exemptionGovernance ??= { ...DEFAULT_EXEMPTION_GOVERNANCE });
  if (settings.annotations === 'allowed' || settings.annotations === 'disabled' || settings.annotations === 'base-only') g.annotations = settings.annotations;
  if (typeof settings.requireExpiry === 'boolean') g.requireExpiry = settings.requireExpiry;
  if (settings.maxDays === false) delete g.maxDays;
  else if (typeof settings.maxDays === 'number' && Number.isInteger(settings.maxDays) && settings.maxDays >= 1) g.maxDays = settings.maxDays;
  if (Array.isArray(settings.policies) && settings.policies.length > 0 && settings.policies.every((p) => typeof p === 'string')) {
    g.policies = [...new Set(settings.policies as string[])];
    const items = node?.get('policies')?.items() ?? [];
    const at = new Map<string, KeyLoc>();
    (settings.policies as string[]).forEach((id, i) => {
      if (!at.has(id)) at.set(id, { ...(items[i] ? locOf(file, items[i]!) : { file, line: 1, column: 1 }), key: `exemptions.policies[${i}]` });
    });
    origins.governancePolicies = at;
  }
}

/** Report a glob that can never match a repository path. */
function checkGlob(glob: string, report: (message: string) => void): void {
  if (glob.startsWith('/')) report(`glob "${glob}" starts with "/"; globs are relative to the repository root`);
  else {
    try {
      new Minimatch(glob); // lenient (an unclosed `[` is a literal), but throws for absurd patterns
    } catch (err) {
      report(`"${glob.slice(0, 40)}" is not a valid glob: ${(err as Error).message}`);
    }
  }
}

function mergePolicies(config: ResolvedConfig, origins: ConfigOrigins, file: string, policies: Record<string, unknown>, node: YNode | undefined): void {
  for (const [id, value] of Object.entries(policies)) {
    const keyNode = node?.get(id);
    let setting = Object.hasOwn(config.policySettings, id) ? config.policySettings[id] : undefined;
    if (!setting) {
      // Defined, not assigned: a key `__proto__` must not reach Object.prototype.
      setting = { source: '' };
      Object.defineProperty(config.policySettings, id, { value: setting, enumerable: true, writable: true, configurable: true });
    }
    let origin = origins.settings.get(id);
    if (!origin) origins.settings.set(id, (origin = { keys: [], optionKeys: new Map() }));
    const keyLoc = keyNode ? locOf(file, keyNode, true) : { file, line: 1, column: 1 };
    origin.keys.push(keyLoc);
    setting.source = `${file}:${keyLoc.line}`;
    const severityNode = typeof value === 'string' ? keyNode : keyNode?.get('severity');
    const severity = typeof value === 'string' ? value : isRecord(value) ? value.severity : undefined;
    if (typeof severity === 'string' && SEVERITY_VALUES.includes(severity)) {
      setting.severity = severity as Severity | 'off';
      origin.severity = severityNode ? locOf(file, severityNode) : keyLoc;
    }
    const options = isRecord(value) ? value.options : undefined;
    const optionsNode = keyNode?.get('options');
    if (isRecord(options)) {
      setting.options = { ...setting.options, ...options };
      if (optionsNode) {
        origin.options = { file, node: optionsNode };
        for (const k of Object.keys(options)) {
          const n = optionsNode.get(k);
          if (n) origin.optionKeys.set(k, { file, node: n });
        }
      }
    }
  }
}

function toExemption(
  file: string,
  raw: unknown,
  node: YNode | undefined,
  key: string,
  problem: (node: YNode | undefined, key: string, message: string) => void,
): { exemption: ConfigExemption; origin: KeyLoc | undefined } | undefined {
  if (!isRecord(raw) || typeof raw.policy !== 'string' || typeof raw.reason !== 'string' || !/\S/.test(raw.reason)) return undefined;
  const strings = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined);
  const source = `${file}:${node ? node.range.start.line : 1}`;
  const exemption: ConfigExemption = { policy: raw.policy, reason: raw.reason, source };
  const files = strings(raw.files);
  if (files) {
    const items = node?.get('files')?.items() ?? [];
    files.forEach((g, i) => checkGlob(g, (m) => problem(items[i], `${key}.files[${i}]`, m)));
    exemption.files = files.map((g) => g.replace(/^(\.\/)+/, ''));
  }
  for (const k of ['kind', 'name', 'namespace'] as const) if (typeof raw[k] === 'string') exemption[k] = raw[k];
  const containers = strings(raw.containers);
  if (containers) exemption.containers = containers;
  if (typeof raw.expires === 'string') exemption.expires = raw.expires;
  const policyNode = node?.get('policy');
  if (exemption.policy === '*' && !files && !exemption.kind && !exemption.name && !exemption.namespace && !containers) {
    problem(policyNode, `${key}.policy`, '"*" without a scope would exempt every policy everywhere; add files, kind, name, namespace or containers');
  }
  return { exemption, origin: policyNode ? { ...locOf(file, policyNode), key: `${key}.policy` } : undefined };
}

/**
 * Read the configuration at `path` (repository-relative POSIX) and every file it `extends`.
 * `read(path)` returns a file's text, or undefined when it does not exist. A missing file is
 * not a problem (the result is the default configuration with `files: []`) unless `required`
 * (the path was given explicitly). Never throws: YAML syntax errors, schema violations, bad or
 * cyclic `extends`, paths escaping the repository are all {@link ConfigProblem}s.
 * Either `config` or `problems` is set: with any problem, `config` is undefined (a half-read
 * configuration could drop an exemption or a severity and change a run's result). `origins`
 * (set with `config`) says where each policy setting, the preset, each exemption and each id of
 * `exemptions.policies` is: pass it to engineSettings so that its problems point there.
 */
export function loadConfig(path: string, read: (path: string) => string | undefined, options: { required?: boolean } = {}): LoadedConfig {
  const safeRead = (p: string): string | undefined => {
    try {
      return read(p);
    } catch {
      return undefined; // an unreadable file is treated as a missing one
    }
  };
  const st: LoadState = { read: safeRead, problems: [], layers: [], started: new Set() };
  const resolved = resolvePath(undefined, path);
  if ('error' in resolved)
    return { config: undefined, origins: undefined, problems: [{ file: path, line: 0, column: 0, key: '', message: `configuration file ${resolved.error}` }] };
  const file = resolved.path;
  const text = safeRead(file);
  if (text === undefined) {
    if (!options.required) return { ...merge([], st), problems: [] };
    return { config: undefined, origins: undefined, problems: [{ file, line: 0, column: 0, key: '', message: `configuration file "${file}" not found` }] };
  }
  loadFile(file, text, [], st);
  const merged = merge(st.layers, st);
  const order = [...new Set(st.problems.map((p) => p.file))];
  const problems = st.problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => order.indexOf(a.p.file) - order.indexOf(b.p.file) || a.p.line - b.p.line || a.p.column - b.p.column || a.i - b.i)
    .map(({ p }) => p);
  return problems.length > 0 ? { config: undefined, origins: undefined, problems } : { ...merged, problems: [] };
}

/** What {@link loadConfig} returns: the configuration and where its settings are, or the problems. */
export type LoadedConfig =
  { config: ResolvedConfig; origins: ConfigOrigins; problems: [] } | { config: undefined; origins: undefined; problems: ConfigProblem[] };

export { formatConfigProblem, isCalendarDate, type ConfigProblem } from './config-problems.js';
export {
  DEFAULT_EXEMPTION_GOVERNANCE,
  SEVERITY_VALUES,
  type ConfigOrigins,
  type HelmChartSetting,
  type HelmProfileSetting,
  type PolicySetting,
  type RenderSettings,
  type ResolvedConfig,
} from './config-types.js';
