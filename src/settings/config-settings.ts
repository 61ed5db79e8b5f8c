/**
 * From a resolved configuration to the engine's settings: severities (preset, then overrides) and
 * policy options validated against each policy's JSON Schema, with positioned problems.
 */
import type { Ajv, ValidateFunction } from 'ajv';
import type { Severity, AnyPolicy } from '../engine/policy.js';
import { DEFAULT_PRESET, PRESETS, isPresetName, presetSeverities } from './presets.js';
import type { PathKey } from '../yaml/index.js';
import { DEFAULT_CONFIG_PATH } from '../constants.js';
import {
  describeError,
  describeValue,
  didYouMean,
  errorToProblem,
  errorsToProblems,
  formatKey,
  locOf,
  newAjv,
  pointerSegments,
  sourceLoc,
  type ConfigProblem,
  type Loc,
} from './config-problems.js';
import { SEVERITY_VALUES, type ConfigOrigins, type ResolvedConfig, type SettingOrigin } from './config-types.js';

let optionsAjv: Ajv | undefined;
const optionValidators = new WeakMap<object, ValidateFunction | Error>();

// ---------------------------------------------------------------------------------------------
// From a resolved configuration to engine settings.

function optionsValidator(policy: AnyPolicy): ValidateFunction | Error | undefined {
  const schema = policy.meta.optionsSchema;
  if (!schema) return undefined;
  let v = optionValidators.get(schema);
  if (!v) {
    optionsAjv ??= newAjv(false);
    try {
      v = optionsAjv.compile(schema);
    } catch (err) {
      v = err instanceof Error ? err : new Error(String(err));
    }
    optionValidators.set(schema, v);
  }
  return v;
}

/**
 * Severity and options for the engine ({@link EngineOptions}) from a resolved configuration and
 * the policies known (built-in + custom). `severity` has every known policy: the preset's
 * severity, overridden by `policies`; `options` has, for each policy the configuration sets
 * options for, the options merged over the policy's `meta.defaultOptions`. Problems (never
 * thrown): an unknown preset, an unknown policy id (in `policies` or an exemption), a bad
 * severity, and options the policy's `meta.optionsSchema` rejects (or, without a schema, keys
 * not in its `defaultOptions`); each names the file, line and key — from `origins` (what
 * loadConfig returned beside `config`), else from each setting's and exemption's `source`
 * (a configuration built by hand). Rejected options are left out.
 */
export function engineSettings(
  config: ResolvedConfig,
  policies: readonly AnyPolicy[],
  origins?: ConfigOrigins,
): { severity: Record<string, Severity | 'off'>; options: Record<string, Record<string, unknown>>; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const known = new Map(policies.map((p) => [p.id, p]));
  const ids = [...known.keys()];
  const at = (loc: Loc, key: string, message: string) => problems.push({ file: loc.file, line: loc.line, column: loc.column, key, message });
  const lastFile = config.files[config.files.length - 1] ?? DEFAULT_CONFIG_PATH;
  let severity: Record<string, Severity | 'off'>;
  if (isPresetName(config.preset)) severity = presetSeverities(config.preset, policies);
  else {
    at(
      origins?.preset ?? { file: lastFile, line: 0, column: 0 },
      'preset',
      `unknown preset ${JSON.stringify(config.preset)}; presets: ${Object.keys(PRESETS).join(', ')}`,
    );
    severity = presetSeverities(DEFAULT_PRESET, policies);
  }
  const options: Record<string, Record<string, unknown>> = {};
  const unknownPolicy = (id: string) => `unknown policy "${id}"${didYouMean(id, ids)}; known policies: ${ids.join(', ') || '(none)'}`;

  for (const [id, setting] of Object.entries(config.policySettings)) {
    const origin = origins?.settings.get(id);
    const keyLocs = origin?.keys.length ? origin.keys : [sourceLoc(setting.source)];
    const lastKey = keyLocs[keyLocs.length - 1]!;
    const policy = known.get(id);
    if (!policy) {
      for (const loc of keyLocs) at(loc, `policies.${id}`, unknownPolicy(id));
      continue;
    }
    if (setting.severity !== undefined) {
      if (SEVERITY_VALUES.includes(setting.severity)) severity[id] = setting.severity;
      else at(origin?.severity ?? lastKey, `policies.${id}.severity`, `must be one of ${SEVERITY_VALUES.join(', ')}; got ${describeValue(setting.severity)}`);
    }
    if (setting.options === undefined) continue;
    const merged = { ...(policy.meta.defaultOptions ?? {}), ...setting.options };
    const base = ['policies', id, 'options'];
    const found = checkOptions(policy, setting.options, merged, origin, lastKey, base);
    problems.push(...found);
    if (found.length === 0) options[id] = merged;
  }
  for (const [i, e] of config.exemptions.entries()) {
    if (e.policy === '*' || known.has(e.policy)) continue;
    const origin = origins?.exemptions[i];
    at(origin ?? sourceLoc(e.source), origin?.key ?? 'exemptions.policy', unknownPolicy(e.policy));
  }
  const allowed = config.exemptionGovernance?.policies ?? [];
  const allowedOrigins = origins?.governancePolicies;
  for (const id of allowed) {
    if (known.has(id)) continue;
    const origin = allowedOrigins?.get(id);
    at(origin ?? { file: lastFile, line: 0, column: 0 }, origin?.key ?? 'exemptions.policies', unknownPolicy(id));
  }
  const behaviour = config.fixes?.applyBehaviourChanges;
  if (Array.isArray(behaviour)) {
    for (const id of behaviour) {
      if (known.has(id)) continue;
      const origin = origins?.behaviourChanges?.get(id);
      at(origin ?? { file: lastFile, line: 0, column: 0 }, origin?.key ?? 'fixes.applyBehaviourChanges', unknownPolicy(id));
    }
  }
  const order = (file: string) => (config.files.indexOf(file) + config.files.length + 1) % (config.files.length + 1);
  problems.sort((a, b) => order(a.file) - order(b.file) || a.line - b.line || a.column - b.column);
  return { severity, options, problems };
}

/** Problems of one policy's options: schema errors located at the option that caused them. */
function checkOptions(
  policy: AnyPolicy,
  given: Record<string, unknown>,
  merged: Record<string, unknown>,
  origin: SettingOrigin | undefined,
  fallback: Loc,
  base: readonly PathKey[],
): ConfigProblem[] {
  const validate = optionsValidator(policy);
  const keyLoc = (k: string): Loc => {
    const o = origin?.optionKeys.get(k);
    return o ? locOf(o.file, o.node, true) : fallback;
  };
  if (validate === undefined) {
    const allowed = Object.keys(policy.meta.defaultOptions ?? {});
    return Object.keys(given)
      .filter((k) => !allowed.includes(k))
      .map((k) => ({
        ...keyLoc(k),
        key: formatKey([...base, k]),
        message: `policy "${policy.id}" has no option "${k}"${allowed.length ? `${didYouMean(k, allowed)}; options: ${allowed.join(', ')}` : ' (it takes no options)'}`,
      }));
  }
  if (validate instanceof Error) {
    const loc = origin?.options ? locOf(origin.options.file, origin.options.node) : fallback;
    return [{ ...loc, key: formatKey(base), message: `policy "${policy.id}" declares an invalid options schema: ${validate.message}` }];
  }
  if (validate(merged)) return [];
  return errorsToProblems(validate.errors ?? [], (err) => {
    const [first, ...rest] = pointerSegments(err.instancePath);
    if (first === undefined && err.keyword === 'additionalProperties') {
      // An unknown option: point at its key in the file that set it.
      const extra = String(err.params.additionalProperty);
      const message = describeError(err)!;
      return { ...keyLoc(extra), key: formatKey([...base, extra]), message };
    }
    const own = first !== undefined ? origin?.optionKeys.get(first) : undefined;
    if (own) {
      const sub = { ...err, instancePath: rest.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('') };
      return errorToProblem(sub, own.file, own.node, [...base, first!], fallback);
    }
    if (origin?.options && first === undefined) return errorToProblem(err, origin.options.file, origin.options.node, base, fallback);
    return errorToProblem(err, fallback.file, undefined, base, fallback);
  });
}

/**
 * The problems of `given` as options of `policy`, checked exactly as a configuration file's
 * options are (merged over `meta.defaultOptions`, against `meta.optionsSchema`; without a schema,
 * keys not in the defaults): one `key: message` line each (`options.tagWithoutDigest: must be
 * one of ...`), [] when they are valid. Used by the policy tester for each case's options.
 */
export function optionsProblems(policy: AnyPolicy, given: Record<string, unknown>): string[] {
  const merged = { ...(policy.meta.defaultOptions ?? {}), ...given };
  return checkOptions(policy, given, merged, undefined, { file: '', line: 0, column: 0 }, ['options']).map((p) =>
    p.key ? `${p.key}: ${p.message}` : p.message,
  );
}
