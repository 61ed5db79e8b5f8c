import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);

// src/cli/args.ts
import { parseArgs } from "node:util";

// src/cli/help.ts
var COMMON = `  --config <path>       Configuration file (default: .github/kube-immutable.yaml when present)
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
var MAIN_HELP = `Usage: kube-immutable <command> [options]

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
var SCAN_HELP = `Usage: kube-immutable scan [paths...] [options]

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
var FIX_HELP = `Usage: kube-immutable fix [paths...] [options]

Apply every verified fix to the files in place (nothing else in a file changes) and list
what changed and the findings that remain. Paths are files, folders or globs (default: .).

Options:
  --dry-run             Print the unified diff of the fixes instead; write nothing
${COMMON}

Exit codes: 0 no remaining finding (one without a fix) at or above the fail level,
1 such findings remain, 2 usage error or a path could not be read or written.
`;
var POLICIES_HELP = `Usage: kube-immutable policies

List the built-in policies: id, category, default severity, whether they offer fixes,
and what they check.

Options:
  -h, --help            Show this help
`;
var INIT_HELP = `Usage: kube-immutable init [--force]

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

// src/cli/args.ts
var UsageError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "UsageError";
  }
};
var FORMATS = ["text", "compact", "json", "sarif", "github"];
var FAIL_LEVELS = ["error", "warning", "info", "none"];
var REPORT_OPTIONS = {
  "no-patches": { type: "boolean" }
};
function reportOptions(v, format) {
  const patches = v.values["no-patches"] !== true;
  if (!patches && format !== "text") throw new UsageError(`--no-patches applies to --format text only (got --format ${format})`);
  return { patches };
}
var HELPS = { scan: SCAN_HELP, fix: FIX_HELP, policies: POLICIES_HELP, init: INIT_HELP };
var POLICY_OPTIONS = {
  policy: { type: "string", multiple: true },
  "skip-policy": { type: "string", multiple: true }
};
function policyChoice(v) {
  const ids = (flag) => {
    const given = v.values[flag];
    if (given === void 0) return [];
    const list = given.flatMap((r) => r.split(",")).map((r) => r.trim()).filter(Boolean);
    if (list.length === 0) throw new UsageError(`--${flag} needs a policy id (comma-separated ids; kube-immutable policies lists them)`);
    return [...new Set(list)];
  };
  return { onlyPolicies: ids("policy"), skipPolicies: ids("skip-policy") };
}
var FILE_OPTIONS = {
  ...POLICY_OPTIONS,
  include: { type: "string", multiple: true },
  exclude: { type: "string", multiple: true },
  config: { type: "string" },
  "fail-level": { type: "string" },
  verbose: { type: "boolean" },
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
  "resolve-digests": { type: "boolean" },
  "inspect-images": { type: "boolean" },
  "no-render": { type: "boolean" },
  helm: { type: "string" },
  kustomize: { type: "string" },
  kubectl: { type: "string" },
  registries: { type: "string", multiple: true },
  base: { type: "string" },
  jobs: { type: "string" },
  "include-guesses": { type: "boolean" },
  "apply-behaviour-changes": { type: "string", multiple: true },
  help: { type: "boolean", short: "h" }
};
function parseCommandLine(argv) {
  const [first, ...rest] = argv;
  if (first === void 0) throw new UsageError("missing command");
  if (first === "--help" || first === "-h") return { kind: "help", text: MAIN_HELP };
  if (first === "--version") return { kind: "version" };
  if (first === "help") {
    const topic = rest[0];
    if (topic === void 0) return { kind: "help", text: MAIN_HELP };
    const text = HELPS[topic];
    if (!text) throw new UsageError(`unknown command "${topic}"`);
    return { kind: "help", text };
  }
  if (first.startsWith("-")) throw new UsageError(`unknown option ${first} (options come after the command)`);
  switch (first) {
    case "scan": {
      const v = parse(first, rest, {
        ...FILE_OPTIONS,
        ...REPORT_OPTIONS,
        format: { type: "string" },
        output: { type: "string", short: "o" },
        "allow-empty": { type: "boolean" }
      });
      if (v.values.help) return { kind: "help", text: SCAN_HELP };
      const format = v.values.format ?? "text";
      if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, got "${format}"`);
      const output = v.values.output;
      if (output === "") throw new UsageError("--output needs a file name");
      const report = reportOptions(v, format);
      return { kind: "scan", format, output, allowEmpty: v.values["allow-empty"] === true, ...report, ...fileOptions(v) };
    }
    case "fix": {
      const v = parse(first, rest, { ...FILE_OPTIONS, "dry-run": { type: "boolean" } });
      if (v.values.help) return { kind: "help", text: FIX_HELP };
      return { kind: "fix", dryRun: v.values["dry-run"] === true, ...fileOptions(v) };
    }
    case "policies": {
      const v = parse(first, rest, { help: { type: "boolean", short: "h" } });
      if (v.values.help) return { kind: "help", text: POLICIES_HELP };
      if (v.positionals.length > 0) throw new UsageError(`policies takes no arguments, got "${v.positionals[0]}"`);
      return { kind: "policies" };
    }
    case "init": {
      const v = parse(first, rest, { force: { type: "boolean" }, help: { type: "boolean", short: "h" } });
      if (v.values.help) return { kind: "help", text: INIT_HELP };
      if (v.positionals.length > 0) throw new UsageError(`init takes no arguments, got "${v.positionals[0]}" (it writes below the current folder)`);
      return { kind: "init", force: v.values.force === true };
    }
    default:
      throw new UsageError(`unknown command "${first}"`);
  }
}
function parse(command, args, options) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${command}: ${describeParseError(err)}`);
  }
}
function describeParseError(err) {
  const e = err;
  const msg = e.message ?? String(err);
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const m = /Unknown option '([^']+)'/.exec(msg);
    return `unknown option ${m ? m[1] : msg}`;
  }
  if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const m = /Option '([^']+)' argument missing/.exec(msg);
    if (m) return `option ${m[1].replace(/^(-\w, )/, "")} needs a value`;
    const b = /Option '([^']+)' does not take an argument/.exec(msg);
    if (b) return `option ${b[1].replace(/^(-\w, )/, "")} takes no value`;
  }
  return msg;
}
function fileOptions(v) {
  const failLevel = v.values["fail-level"] ?? "error";
  if (!FAIL_LEVELS.includes(failLevel))
    throw new UsageError(`--fail-level must be one of ${FAIL_LEVELS.join(", ")}, got "${failLevel}"`);
  const color = v.values["no-color"] ? false : v.values.color ? true : void 0;
  return {
    ...policyChoice(v),
    paths: v.positionals.length > 0 ? v.positionals : ["."],
    include: v.values.include ?? [],
    exclude: v.values.exclude ?? [],
    config: v.values.config,
    failLevel,
    verbose: v.values.verbose === true,
    color,
    resolveDigests: v.values["resolve-digests"] === true,
    inspectImages: v.values["inspect-images"] === true,
    render: v.values["no-render"] !== true,
    helm: v.values.helm,
    kustomize: v.values.kustomize,
    kubectl: v.values.kubectl,
    registries: (v.values.registries ?? []).flatMap((r) => r.split(/[\n,]/)).map((r) => r.trim()).filter(Boolean),
    base: baseOf(v.values.base),
    jobs: jobsOf(v.values.jobs),
    includeGuesses: v.values["include-guesses"] === true,
    applyBehaviourChanges: (v.values["apply-behaviour-changes"] ?? []).flatMap((r) => r.split(",")).map((r) => r.trim()).filter(Boolean)
  };
}
function baseOf(value) {
  if (value === void 0) return void 0;
  if (value === "" || value.startsWith("-")) throw new UsageError(`--base must be a git ref (a branch, tag or commit), got "${value}"`);
  return value;
}
function jobsOf(value) {
  if (value === void 0 || value === "auto") return "auto";
  if (!/^\d+$/.test(value) || Number(value) > 256) throw new UsageError(`--jobs must be auto or a whole number from 0 to 256, got "${value}"`);
  return Number(value);
}

export {
  UsageError,
  parseCommandLine
};
