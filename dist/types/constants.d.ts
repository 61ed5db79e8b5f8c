/**
 * Constants shared by the CLI, the action, the settings and the engine, each defined once here.
 * A leaf module: it imports nothing, so any layer may use it without loading anything else (the
 * pull-request flow looks for the configuration file before the configuration reader, yaml and
 * ajv, are loaded).
 */
/** Where the configuration is read from when no path is given (repository-relative POSIX). */
export declare const DEFAULT_CONFIG_PATH = ".github/kube-immutable.yaml";
/**
 * Default globs of manifest files: `.yaml`, `.yml` and `.json` in any case of the extension
 * (`deploy/Web.YAML`, `app.Yml`), spelled with character classes so that every matcher of globs
 * (the CLI's folder walk, the action's changed-file filter) treats them alike. Globs the user
 * gives (workflow, configuration, command line) are matched as written (case-sensitively), like
 * git's pathspecs and minimatch's default.
 */
export declare const DEFAULT_INCLUDE: readonly string[];
/** Default exclude globs of the action: nothing under `.github/` (the CLI excludes nothing by default). */
export declare const DEFAULT_EXCLUDE: readonly string[];
/**
 * The minimatch options of every include, exclude and exemption `files` glob (src/glob.ts
 * matchGlob): dot files match, and a glob without `/` matches the file name in any folder
 * (`*.yaml` matches `deploy/web.yaml`).
 */
export declare function globOptions(glob: string): {
    dot: true;
    matchBase: boolean;
};
/**
 * The rules a Helm render profile's flags follow (the configuration's `render.helm` and
 * src/render/helm.ts check them alike), as regular-expression sources (JSON Schema `pattern`s):
 * a release name is a lowercase DNS-1123 subdomain of at most 53 characters (Helm's
 * `chartutil.ValidateReleaseName`, pkg/chartutil/validate_name.go), a namespace a DNS-1123 label
 * of at most 63 (https://kubernetes.io/docs/concepts/overview/working-with-objects/names/), a
 * Kubernetes version like `1.31.0` or `v1.31` (`--kube-version`), an API version
 * `group/version` or `group/version/Kind` (`--api-versions`,
 * https://helm.sh/docs/helm/helm_template/). A profile name (ours, for reports) is 1 to 63
 * letters, digits, `.`, `_` or `-`, starting and ending with a letter or digit.
 */
export declare const HELM_PROFILE_RULES: Readonly<{
    releaseName: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
    releaseNameMaxLength: 53;
    namespace: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
    namespaceMaxLength: 63;
    kubeVersion: "^v?\\d{1,3}\\.\\d{1,3}(\\.\\d{1,5})?(-[0-9A-Za-z.-]{1,40})?$";
    apiVersion: "^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(\\/[A-Za-z0-9.-]+){0,2}$";
    apiVersionMaxLength: 253;
    profileName: "^[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$";
}>;
