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
export declare const PRESETS: Readonly<Record<PresetName, Preset>>;
/** The default preset of a configuration (and of a run without one). */
export declare const DEFAULT_PRESET: PresetName;
/** True when `name` is one of {@link PRESETS} (own keys only: `toString` is not a preset). */
export declare function isPresetName(name: unknown): name is PresetName;
/**
 * The severity (or `off`) of every policy of `policies` under `preset`, by policy id.
 * Throws a TypeError naming the known presets when `preset` is not one of {@link PRESETS}
 * (configuration files are validated before they get here).
 */
export declare function presetSeverities(preset: string, policies: readonly AnyPolicy[]): Record<string, Severity | 'off'>;
