/**
 * The shapes of a loaded configuration: the resolved configuration (plain, serialisable data),
 * where each of its settings came from ({@link ConfigOrigins}, returned beside it by loadConfig
 * and handed to engineSettings), and the defaults both modules share. Types and constants only:
 * config.ts (reading files) and config-settings.ts (to engine settings) both import this module
 * and neither imports the other.
 */
import type { ExemptionGovernance, ConfigExemption } from '../engine/types.js';
import type { Severity } from '../engine/policy.js';
import type { YNode } from '../yaml/index.js';
import type { Loc } from './config-problems.js';
/** A policy's settings after `extends` is applied. */
export interface PolicySetting {
    /** Severity override, or `off`; undefined keeps the preset's severity. */
    severity?: Severity | 'off';
    /** Options, merged shallowly over the bases' options (not yet over the policy's defaults). */
    options?: Record<string, unknown>;
    /** `file:line` of the key in the file that set it last. */
    source: string;
}
/** A configuration with every `extends` applied (base first, the extending file overrides). */
export interface ResolvedConfig {
    /** Configuration files read, base-most first (the order they were applied); [] when none exists. */
    files: string[];
    /** A key of PRESETS (presets.ts); `recommended` unless a file sets it. */
    preset: string;
    /** Globs (minimatch, repository-relative, leading `./` dropped) of files to scan; undefined: the caller's default. */
    include: string[] | undefined;
    /** Globs of files not to scan. */
    exclude: string[] | undefined;
    /** Settings by policy id (ids are checked against the known policies by engineSettings (config-settings.ts)). */
    policySettings: Record<string, PolicySetting>;
    /** Folders of custom policy modules, repository-relative POSIX paths without a leading `./`. */
    customPolicies: string[];
    /** Exemptions of every file, base-most first; expired ones included (the engine decides with `today`). */
    exemptions: ConfigExemption[];
    /**
     * The rules for exemption annotations (`exemptions: {annotations, policies, requireExpiry,
     * maxDays}`); a later file overrides each setting it gives. loadConfig (config.ts) always sets it
     * (defaults: {@link DEFAULT_EXEMPTION_GOVERNANCE}); absent in a configuration built by hand,
     * which means the defaults too.
     */
    exemptionGovernance?: ExemptionGovernance;
    /**
     * Which fixes that are not safe `kube-immutable fix` and the review apply (`fixes:
     * {includeGuesses, applyBehaviourChanges}`; a later file overrides each setting it gives):
     * the engine's `applyFixes`. Absent: safe fixes only.
     */
    fixes?: FixSettings;
    /**
     * How Helm charts are rendered (`render: {helm: {charts: [...]}}`): the charts listed, each
     * with its profiles; a chart not listed renders with the default profile (its own values.yaml).
     * A later file's entry for a chart path replaces an earlier file's entry for the same path.
     * Absent when no file has a `render:` section (no chart has profiles).
     */
    render?: RenderSettings;
}
/** The configuration's `render:` (see ResolvedConfig.render). */
export interface RenderSettings {
    helm: {
        charts: HelmChartSetting[];
    };
}
/** One entry of `render.helm.charts`: a chart folder and the profiles it renders with. */
export interface HelmChartSetting {
    /** The chart folder, repository-relative POSIX without `./`, `..` or a trailing `/`; `.` for a chart at the repository root. */
    path: string;
    /** At least one; names unique within the chart. */
    profiles: HelmProfileSetting[];
    /** `file:line` of the entry in the file that set it. */
    source: string;
}
/**
 * One render profile of a chart: the `helm template` flags (https://helm.sh/docs/helm/helm_template/).
 * Absent fields take the render layer's defaults (src/render/helm.ts DEFAULT_HELM_PROFILE: release
 * `kube-immutable`, namespace `default`, tests skipped, no CRDs, Helm's own Kubernetes version).
 * The same shape as the render layer's HelmProfile (with `name` required and `source` added).
 */
export interface HelmProfileSetting {
    /** Names the profile in reports (`helm template charts/web (prod)`); see HELM_PROFILE_NAME (src/constants.ts). */
    name: string;
    /** Repository-relative values files (`--values`, in order, after the chart's values.yaml), normalised like {@link HelmChartSetting.path}. */
    valuesFiles?: string[];
    releaseName?: string;
    namespace?: string;
    kubeVersion?: string;
    apiVersions?: string[];
    includeCrds?: boolean;
    skipTests?: boolean;
    /** `file:line` of the profile in the file that set it. */
    source: string;
}
/** The configuration's `fixes:` (see ResolvedConfig.fixes). */
export interface FixSettings {
    /** Apply the fixes that rest on a guess (default false). */
    includeGuesses: boolean;
    /** Apply the behaviour-changing fixes of these policy ids, or of every policy (`all`); default none. */
    applyBehaviourChanges: string[] | 'all';
}
/**
 * The exemption rules when no configuration file sets them — what a careful platform team wants
 * (policies/exemption.md says why): on pull requests an annotation exemption is honoured only
 * once it is at the base commit (a pull request can request one, never grant it to itself);
 * expiry dates at most 365 days ahead (`expires=9999-12-31` is refused); an expiry is not
 * required; every policy may be exempted.
 */
export declare const DEFAULT_EXEMPTION_GOVERNANCE: Readonly<ExemptionGovernance>;
/** The values of a policy's `severity` in a configuration file. */
export declare const SEVERITY_VALUES: string[];
/** A location with the dotted key of the setting there (`exemptions[0].policy`). */
export type KeyLoc = Loc & {
    key: string;
};
/** Where one policy's settings are, across the files that set them. */
export interface SettingOrigin {
    /** The policy's key in every file that mentions it. */
    keys: Loc[];
    severity?: Loc;
    /** The `options` map of the last file that set options. */
    options?: {
        file: string;
        node: YNode;
    };
    /** The node of each option key, from the file that set it last. */
    optionKeys: Map<string, {
        file: string;
        node: YNode;
    }>;
}
/**
 * Where the settings of a {@link ResolvedConfig} are in its files, kept beside it (not in it:
 * the configuration stays plain data) so that engineSettings can point its problems (an unknown
 * policy id, options a policy's schema rejects) at the file, line and key that set them.
 * Everything is optional for engineSettings: without origins, problems point at `source`.
 */
export interface ConfigOrigins {
    /** By policy id: where `policies.<id>` is (its keys, severity, options). */
    settings: Map<string, SettingOrigin>;
    /** By index in {@link ResolvedConfig.exemptions}: where the exemption's `policy` is. */
    exemptions: (KeyLoc | undefined)[];
    /** Where `preset` is, in the last file that sets it; undefined when none does. */
    preset?: Loc;
    /** By id: where each id of `exemptions.policies` is (in the file that set the list last). */
    governancePolicies: Map<string, KeyLoc>;
    /** By id: where each id of `fixes.applyBehaviourChanges` is (in the file that set the list last). */
    behaviourChanges?: Map<string, KeyLoc>;
}
/** Origins of a configuration without files (nothing to point at). */
export declare function noOrigins(): ConfigOrigins;
