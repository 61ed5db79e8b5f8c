/** Help texts of the CLI (each ends with a newline). */

const COMMON = `  --config <path>       Configuration file (default: .github/kube-immutable.yaml when present)
  --include <glob>      Files found in folders must match one (repeatable; default *.yaml, *.yml,
                        *.json in any case of the extension)
  --exclude <glob>      Skip files and folders that match (repeatable)
  --fail-level <level>  error | warning | info | none (default error)
  --policy <ids>        Run only these policies (repeatable, comma-separated ids, as
                        kube-immutable policies lists them), over the configuration; one it
                        turns off runs at its default severity. An unknown id is a usage error
  --skip-policy <ids>   Do not run these policies (repeatable, comma-separated; with --policy:
                        those it names minus these)
  --verbose             Also list skipped YAML documents and each parse problem
  --color, --no-color   Force ANSI colours on or off (default: on for a terminal unless NO_COLOR is set)
  --resolve-digests     Look up the digests of unpinned images in their registries, so the
                        image-digest fix can pin them (network access only with this and
                        --inspect-images; credentials from KUBE_IMMUTABLE_REGISTRY_AUTH, see
                        policies/image-digest.md)
  --inspect-images      Read each image's config from its registry (VOLUMEs, User, Env,
                        labels): an image built on a known one gets known-fact read-only
                        fixes, and a numeric non-root User makes runAsNonRoot a fix
  --registries <hosts>  Registries --resolve-digests and --inspect-images may ask (repeatable, comma-separated:
                        host[:port], *.domain, host=auth-host; "defaults" adds the default
                        public ones, which the hosts given otherwise replace). Default:
                        docker.io, ghcr.io, quay.io, gcr.io, *.gcr.io, registry.k8s.io,
                        *.pkg.dev, public.ecr.aws, mcr.microsoft.com. Plain http only for
                        the hosts in KUBE_IMMUTABLE_INSECURE_REGISTRIES
  --no-render           Do not render Helm charts or build Kustomize roots (their files are
                        then scanned as plain YAML)
  --helm <path>         The helm binary that renders charts (default: helm on PATH); a chart
                        that cannot be rendered is a file-not-scanned finding
  --kustomize <path>    The kustomize binary (default: kustomize, else kubectl kustomize, on PATH)
  --kubectl <path>      The kubectl binary for kubectl kustomize
  --base <git-ref>      Honour exemption annotations as on a pull request against that commit
                        (exemptions.annotations: base-only: only those already there)
  --include-guesses     Also apply fixes that rest on a guess (an emptyDir at /tmp for an image
                        not in the table of known images); without it they are suggestions
  --apply-behaviour-changes <policy>
                        Also apply that policy's fixes that can change what the workload does
                        (privileged: false, host namespaces, dropping capabilities of a root
                        process, immutable: true...): repeatable, comma-separated, or all;
                        without it they are suggestions (configuration: fixes:)
  --jobs <n>            Worker threads for the scan: a number (0: none) or auto (default:
                        one per core on 3 cores or more, when the files add up to 1 MiB)
  -h, --help            Show this help`;

/** Help of the whole tool (`kube-immutable --help`). */
export const MAIN_HELP = `Usage: kube-immutable <command> [options]

Lint Kubernetes manifests so containers stay immutable, with verified fixes.

Commands:
  scan [paths...]   Report findings (default path: .)
  fix [paths...]    Apply every verified fix in place (--dry-run prints the diff instead)
  policies          List the built-in policies
  init              Write a starter configuration and an example custom policy
  help [command]    Show help for a command

Options:
  -h, --help        Show help
  --version         Print the version

Paths may be files, folders (walked for *.yaml, *.yml, *.json, any case) or glob patterns.
Exit codes: 0 ok, 1 findings at or above the fail level, 2 usage or I/O error.
`;

/** Help of `scan`. */
export const SCAN_HELP = `Usage: kube-immutable scan [paths...] [options]

Scan manifests and report findings. Paths are files, folders or globs (default: .).

Options:
  --format <format>     text | compact | json | sarif | github (default text); compact: one
                        line a finding (file:line:col severity policy message), then the summary
  --no-patches          Text format: list the findings without their fix and suggestion diffs
  -o, --output <file>   Write the report to a file instead of stdout
  --allow-empty         Exit 0 (with the warning) when no Kubernetes manifest was checked
${COMMON}

Exit codes: 0 no finding at or above the fail level, 1 findings at or above it,
2 usage error, a path could not be read (the other paths are still scanned), or no
Kubernetes manifest was checked at all (no file matched, or every file was skipped or held
no Kubernetes object; a warning says so on stderr and in the report) unless --allow-empty.
`;

/** Help of `fix`. */
export const FIX_HELP = `Usage: kube-immutable fix [paths...] [options]

Apply every verified fix to the files in place (nothing else in a file changes) and list
what changed and the findings that remain. Paths are files, folders or globs (default: .).

Options:
  --dry-run             Print the unified diff of the fixes instead; write nothing
${COMMON}

Exit codes: 0 no remaining finding (one without a fix) at or above the fail level,
1 such findings remain, 2 usage error or a path could not be read or written.
`;

/** Help of `policies`. */
export const POLICIES_HELP = `Usage: kube-immutable policies

List the built-in policies: id, category, default severity, whether they offer fixes,
and what they check.

Options:
  -h, --help            Show this help
`;

/** Help of `init`. */
export const INIT_HELP = `Usage: kube-immutable init [--force]

Write a commented starter configuration and an example custom policy with its test,
below the current folder:
  .github/kube-immutable.yaml
  kube-immutable-policies/example-policy.ts
  kube-immutable-policies/example-policy.test.ts
  kube-immutable-policies/package.json   (runs the test: npm install && npm test)
  kube-immutable-policies/tsconfig.json
  kube-immutable-policies/.gitignore     (node_modules/)

Options:
  --force               Overwrite these files when they exist (otherwise nothing is written)
  -h, --help            Show this help
`;
