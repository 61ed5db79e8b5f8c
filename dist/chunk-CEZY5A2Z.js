import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  EXIT
} from "./chunk-M25KFYYB.js";
import "./chunk-FDLT4CX3.js";
import "./chunk-LYE55XUZ.js";
import "./chunk-MEH5RECA.js";
import "./chunk-GBQPUQWT.js";
import "./chunk-BWIBLJZ3.js";
import "./chunk-HMAY3IZG.js";
import "./chunk-WWHR42BP.js";
import "./chunk-XJ4RNHDL.js";
import "./chunk-GRKRAENP.js";
import "./chunk-QPSMOZU7.js";
import "./chunk-P3YRBRJ7.js";
import "./chunk-23UJLTM7.js";
import "./chunk-FSFUDRU3.js";
import {
  DEFAULT_CONFIG_PATH
} from "./chunk-GCJCDDRW.js";
import "./chunk-EAZCXRIZ.js";

// src/cli/init.ts
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

// src/cli/init-templates.ts
var CUSTOM_POLICIES_FOLDER = "kube-immutable-policies";
var CONFIG_TEMPLATE = `# kube-immutable configuration.
# The action reads this file from the pull request's base commit (never from the pull request
# itself), so a change here applies from the pull request after the one that makes it.

# Start from the built-in policy set ("kube-immutable policies" lists the policies).
preset: recommended

# Per policy: a severity (error | warning | info | off), or a severity with options.
policies:
  read-only-root-filesystem: error
  immutable-configmap-secret: warning
  # no-privilege-escalation: off
  # A custom policy from the folder below, with options:
  example-pinned-image:
    severity: warning
    options:
      allowedTags: []

# Exemptions. Annotations in manifests (ignore.kube-immutable.io/<policy>: "<reason>") are
# honoured on a pull request only when the same annotation is at its base commit (base-only): a
# pull request can request an exemption, a reviewer grants it by merging. allowed | disabled.
exemptions:
  annotations: base-only
  # policies: [read-only-root-filesystem]   # only these policies may be exempted by annotation
  # requireExpiry: true                     # every annotation needs "expires=YYYY-MM-DD; "
  maxDays: 365                              # expires= at most this many days ahead (false: no cap)
  # Exemptions granted here: a policy id (or "*"), where it does not apply, a reason (required)
  # and an optional expiry date (YYYY-MM-DD), after which the findings come back.
  rules:
    - policy: read-only-root-filesystem
      files: ["deploy/legacy/**"]
      kind: Deployment
      name: legacy-billing
      containers: [app]
      reason: Writes its cache under /opt/app until the 2.0 image; tracked in TICKET-123.
      expires: "2030-01-01"

# Which remedies kube-immutable fix and the review apply besides safe fixes. A guess (an emptyDir
# at /tmp for an image not in the table of known images) and a behaviour change (privileged: false,
# host namespaces, immutable: true...) are suggestions by default: labelled, verified, not applied.
fixes:
  includeGuesses: false
  # applyBehaviourChanges: [immutable-configmap-secret]   # policy ids, or [all]

# How Helm charts are rendered. A chart not listed renders once with its own values.yaml; a chart
# listed renders once per profile. Paths are from the repository root; values files apply after
# the chart's values.yaml, in order, and are read from the pull request like the chart's files.
# render:
#   helm:
#     charts:
#       - path: charts/web
#         profiles:
#           - name: prod
#             valuesFiles: [charts/web/values-prod.yaml]
#             releaseName: web                     # default kube-immutable
#             namespace: shop                      # default default
#             # kubeVersion: "1.31.0"              # --kube-version (default Helm's own)
#             # apiVersions: [monitoring.coreos.com/v1]   # --api-versions
#             # includeCrds: false                 # --include-crds
#             # skipTests: true                    # --skip-tests
#           - name: staging
#             valuesFiles: [deploy/web-staging.yaml]

# A folder of custom policies (*.ts or *.js, each "export default definePolicy({...})"),
# relative to this file, read from the base commit like this file. Tests (*.test.ts) beside
# them are not loaded.
customPolicies: ../${CUSTOM_POLICIES_FOLDER}
`;
var EXAMPLE_POLICY_TEMPLATE = `import { containerLabel, definePolicy, parseImageReference } from 'kube-immutable/policy';

/** Options of example-pinned-image. */
export interface Options {
  /** Tags accepted although they do not name one image (none by default). */
  allowedTags: string[];
}

/** Tags that name whatever image was pushed last, not one image. */
const MOVING_TAGS = new Set(['latest', 'stable', 'main', 'master', 'edge', 'nightly']);

/**
 * An example custom policy: containers use an image pinned to a version tag or a digest, so the
 * same image runs in every environment and a change is a new deployment. Rename it, change it, or
 * copy it to start your own (see the built-in policies for more: kube-immutable policies).
 */
export default definePolicy<Options>({
  id: 'example-pinned-image',
  meta: {
    description: 'Containers use images pinned to a version tag or a digest.',
    category: 'immutability',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      untagged: '{{container}} uses {{image}} without a tag, which means :latest: pin a version or a digest.',
      moving: '{{container}} uses {{image}}: the tag {{tag}} moves, so each restart may run a different image. Pin a version or a digest.',
    },
    remediation: 'Use a version tag (nginx:1.27.3) or a digest (nginx@sha256:...), and change it with a new deployment.',
    docsUrl: 'https://github.com/kube-immutable/kube-immutable#custom-policies',
    optionsSchema: {
      type: 'object',
      properties: { allowedTags: { type: 'array', items: { type: 'string' } } },
      additionalProperties: false,
    },
    defaultOptions: { allowedTags: [] },
  },
  check(context) {
    for (const c of context.workload?.containers ?? []) {
      if (c.image === undefined) continue;
      const ref = parseImageReference(c.image);
      if (ref.digest !== undefined) continue;
      const node = c.node.get('image')!;
      const data = { container: containerLabel(c), image: c.image, tag: ref.tag ?? '' };
      if (ref.tag === undefined) context.report({ messageId: 'untagged', data, node, container: c });
      else if (MOVING_TAGS.has(ref.tag) && !context.options.allowedTags.includes(ref.tag)) context.report({ messageId: 'moving', data, node, container: c });
    }
  },
});
`;
var EXAMPLE_TEST_TEMPLATE = `import { PolicyTester } from 'kube-immutable/testing';
import policy from './example-policy.js';

const pod = (image: string) => \`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: \${image}
\`;

new PolicyTester().run(policy, {
  valid: [pod('nginx:1.27.3'), pod('nginx@sha256:' + 'a'.repeat(64)), { code: pod('nginx:stable'), options: { allowedTags: ['stable'] } }],
  invalid: [
    { code: pod('nginx'), errors: [{ messageId: 'untagged', line: 8 }], output: null },
    { code: pod('ghcr.io/acme/web:latest'), errors: [{ messageId: 'moving', line: 8 }], output: null },
  ],
});
`;
var KUBE_IMMUTABLE_PACKAGE_SPEC = "github:kube-immutable/kube-immutable#v0";
var POLICIES_PACKAGE_JSON = JSON.stringify(
  {
    name: "kube-immutable-policies",
    private: true,
    description: "Custom kube-immutable policies and their tests",
    type: "module",
    scripts: { test: "tsc -p . && node --experimental-vm-modules node_modules/jest/bin/jest.js" },
    devDependencies: {
      jest: "^30.5.2",
      "kube-immutable": KUBE_IMMUTABLE_PACKAGE_SPEC,
      "ts-jest": "^29.4.15",
      typescript: "~5.9"
    },
    jest: {
      testEnvironment: "node",
      extensionsToTreatAsEsm: [".ts"],
      // Tests import policies as './example-policy.js' (ESM style); the source is the .ts file.
      moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
      transform: { "^.+\\.ts$": ["ts-jest", { useESM: true, tsconfig: "tsconfig.json" }] }
    }
  },
  null,
  2
) + "\n";
var POLICIES_TSCONFIG_JSON = JSON.stringify(
  {
    compilerOptions: {
      target: "ES2022",
      module: "ESNext",
      moduleResolution: "Bundler",
      strict: true,
      esModuleInterop: true,
      isolatedModules: true,
      skipLibCheck: true,
      types: [],
      noEmit: true
    },
    include: ["**/*.ts"]
  },
  null,
  2
) + "\n";
var POLICIES_GITIGNORE = "node_modules/\n";
var INIT_FILES = [
  { path: DEFAULT_CONFIG_PATH, text: CONFIG_TEMPLATE },
  { path: `${CUSTOM_POLICIES_FOLDER}/example-policy.ts`, text: EXAMPLE_POLICY_TEMPLATE },
  { path: `${CUSTOM_POLICIES_FOLDER}/example-policy.test.ts`, text: EXAMPLE_TEST_TEMPLATE },
  { path: `${CUSTOM_POLICIES_FOLDER}/package.json`, text: POLICIES_PACKAGE_JSON },
  { path: `${CUSTOM_POLICIES_FOLDER}/tsconfig.json`, text: POLICIES_TSCONFIG_JSON },
  { path: `${CUSTOM_POLICIES_FOLDER}/.gitignore`, text: POLICIES_GITIGNORE }
];

// src/cli/init.ts
function initCommand(cmd, io) {
  const existing = INIT_FILES.filter((f) => existsSync(resolve(io.cwd, f.path)));
  if (existing.length > 0 && !cmd.force) {
    io.stderr(
      `kube-immutable: ${existing.map((f) => f.path).join(", ")} already ${existing.length === 1 ? "exists" : "exist"}; nothing written (use --force to overwrite)
`
    );
    return EXIT.usage;
  }
  const out = [];
  for (const f of INIT_FILES) {
    const abs = resolve(io.cwd, f.path);
    try {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, f.text);
    } catch (err) {
      if (out.length > 0) io.stdout(out.join("\n") + "\n");
      io.stderr(`kube-immutable: cannot write ${f.path}: ${err.code ?? err.message}
`);
      return EXIT.usage;
    }
    out.push(`${existing.some((e) => e.path === f.path) ? "overwrote" : "wrote"} ${f.path}`);
  }
  out.push(
    "",
    "Next steps:",
    `  - adjust ${DEFAULT_CONFIG_PATH} (commit it: the action reads it from the base commit of each pull request)`,
    `  - write your policies in ${CUSTOM_POLICIES_FOLDER}/ (import the API from kube-immutable/policy)`,
    `  - test them: cd ${CUSTOM_POLICIES_FOLDER} && npm install && npm test`,
    `    (its package.json type-checks with tsc and runs jest with ts-jest. kube-immutable is not on`,
    `    the npm registry: npm installs it from GitHub, ${KUBE_IMMUTABLE_PACKAGE_SPEC},`,
    `    which needs git; from a clone instead: npm install --save-dev <path of the clone>)`
  );
  io.stdout(out.join("\n") + "\n");
  return EXIT.ok;
}
export {
  initCommand
};
