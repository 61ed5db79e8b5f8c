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
