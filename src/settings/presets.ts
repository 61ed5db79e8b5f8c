import type { Severity, AnyPolicy } from '../engine/policy.js';

/** Names of the presets a configuration file can choose with `preset:`. */
export type PresetName = 'recommended' | 'strict' | 'immutability';

/** A preset: a severity (or `off`) for every policy, decided from the policy's metadata. */
export interface Preset {
  /** One line for documentation and `--help`. */
  description: string;
  /** The severity the preset gives `policy`, or `off` to disable it. */
  severity(policy: AnyPolicy): Severity | 'off';
}

/**
 * The presets, by name. `recommended` (the default) keeps each policy's own
 * `meta.defaultSeverity`; `strict` makes every policy an `error`; `immutability` keeps only the
 * policies of category `immutability` (at their default severity) and turns the `hardening` ones
 * `off` — `validity` checks (parse errors, schema, exemptions) stay on in every preset.
 */
export const PRESETS: Readonly<Record<PresetName, Preset>> = Object.freeze({
  recommended: {
    description: "each policy at its default severity (the policy's meta.defaultSeverity)",
    severity: (policy: AnyPolicy) => policy.meta.defaultSeverity,
  },
  strict: {
    description: 'every policy is an error',
    severity: () => 'error' as const,
  },
  immutability: {
    description: 'the immutability policies (and the validity checks), at their default severity; the hardening ones are off',
    severity: (policy: AnyPolicy) => (policy.meta.category === 'hardening' ? 'off' : policy.meta.defaultSeverity),
  },
});

/** The default preset of a configuration (and of a run without one). */
export const DEFAULT_PRESET: PresetName = 'recommended';

/** True when `name` is one of {@link PRESETS} (own keys only: `toString` is not a preset). */
export function isPresetName(name: unknown): name is PresetName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(PRESETS, name);
}

/**
 * The severity (or `off`) of every policy of `policies` under `preset`, by policy id.
 * Throws a TypeError naming the known presets when `preset` is not one of {@link PRESETS}
 * (configuration files are validated before they get here).
 */
export function presetSeverities(preset: string, policies: readonly AnyPolicy[]): Record<string, Severity | 'off'> {
  if (!isPresetName(preset)) {
    throw new TypeError(`presetSeverities: unknown preset ${JSON.stringify(preset)} (presets: ${Object.keys(PRESETS).join(', ')})`);
  }
  const out: Record<string, Severity | 'off'> = {};
  for (const policy of policies) out[policy.id] = PRESETS[preset].severity(policy);
  return out;
}
