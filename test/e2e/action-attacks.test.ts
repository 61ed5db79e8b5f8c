/**
 * Red-team findings (wt-attack): pull requests that get a privileged Pod past the check although
 * `kubectl apply` (v1.32, sigs.k8s.io/yaml on go-yaml v2, cli-runtime's resource builder) creates it,
 * and a pull request that makes the action write outside the workspace.
 *
 * Every test states the SECURE behaviour; on the commit they were written against (5e9ae45) they
 * FAIL, which is the proof of the attack. What kubectl does with each manifest was checked with
 * `kubectl apply` against a stub API server (the POSTed Pod had privileged: true, hostPID: true and
 * the host's / mounted) — see the report for the transcript.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { createPullRequestFixture, type PullRequestFixture } from '../github-api/fixture.js';
import { startGitHubApiServer } from '../github-api/server.js';
import { activeRules, PRIVILEGED_POD, runAction } from './helpers.js';

let n = 0;

async function runPr(fx: PullRequestFixture, inputs: Record<string, string> = {}, event = 'pull_request') {
  const gh = await startGitHubApiServer(fx.state());
  const sarifPath = join(tmpdir(), `ki-attack-${process.pid}-${n++}.sarif`);
  try {
    const r = await runAction(fx, gh, { 'sarif-file': sarifPath, ...inputs }, { GITHUB_EVENT_NAME: event });
    return { r, gh, sarifPath };
  } finally {
    await gh.close();
  }
}

/** PRIVILEGED_POD indented as an item of a YAML sequence. */
const POD_AS_ITEM = PRIVILEGED_POD.trimEnd()
  .split('\n')
  .map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`))
  .join('\n');

/** A Pod that passes every built-in policy — until go-yaml's merge-key order applies `<<` last. */
const MERGE_KEY_POD = `apiVersion: v1
kind: Pod
metadata:
  name: pwn
spec:
  hostPID: false
  <<: {hostPID: true}
  securityContext:
    runAsNonRoot: true
    runAsUser: 10001
    seccompProfile: {type: RuntimeDefault}
  containers:
  - name: c
    image: busybox@sha256:1111111111111111111111111111111111111111111111111111111111111111
    command: [sleep, infinity]
    securityContext:
      readOnlyRootFilesystem: true
      allowPrivilegeEscalation: false
      privileged: false
      capabilities: {drop: [ALL]}
      <<: {privileged: true, allowPrivilegeEscalation: true, capabilities: {add: [SYS_ADMIN]}}
`;

describe('A. manifests kubectl applies as a privileged Pod, which the check passes', () => {
  // The rule that must fail each case: the privileged Pod itself when the scanner reads it as kubectl
  // does (A1); where YAML and kubectl read the file differently (A2, A3) the difference itself is an
  // error at its line (valid-manifest), and the document is not analysed as YAML reads it.
  const cases: [string, string, string][] = [
    // cli-runtime decodes ANY object with an `items` field as an UnstructuredList and applies the
    // items (FlattenListVisitor); only the outer kind must be known to the cluster. The scanner
    // flattens only kinds ending in "List" and validates only 17 kinds (Namespace is not one).
    [
      'A1 items smuggled under kind: Namespace',
      `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\nitems:\n${POD_AS_ITEM}\n`,
      'no-privileged-container',
    ],
    // kubectl splits documents on any line starting with "---" followed by nothing but a comment
    // (k8s.io/apimachinery YAMLReader): "---#" splits for kubectl, but is no document marker in YAML,
    // so for the scanner the Pod is text of a root block scalar tagged !!null (an empty document).
    // For kubectl the first chunk, "!!null |", is null and skipped; the second is the Pod.
    ['A2 "---#" separator after a !!null block scalar', `!!null |\n---#\n${PRIVILEGED_POD}`, 'valid-manifest'],
    // go-yaml v2 applies a merge key where it stands: a `<<` after explicit keys overrides them
    // (the scanner, per the YAML spec, lets explicit keys win).
    ['A3 merge key after the explicit keys', MERGE_KEY_POD, 'valid-manifest'],
  ];
  for (const [name, text, rule] of cases) {
    const fx = createPullRequestFixture({ base: { 'README.md': 'x\n' }, head: { 'deploy/pod.yaml': text } });
    afterAll(() => fx.cleanup());
    it(`${name}: the check must fail`, async () => {
      const { r, sarifPath } = await runPr(fx);
      // Observed on 5e9ae45: code 0, and no no-privileged-container result (A1, A2: no result at all).
      expect({ code: r.code, rules: activeRules(sarifPath) }).toEqual({ code: 1, rules: expect.arrayContaining([rule]) });
    });
  }

  // A documented feature, but on an org-wide required check it is the PR author's own off switch:
  // the configuration cannot restrict or disable annotation exemptions.
  const fx = createPullRequestFixture({
    base: { 'README.md': 'x\n' },
    head: { 'deploy/pod.yaml': PRIVILEGED_POD.replace('  name: pwn\n', '  name: pwn\n  annotations:\n    ignore.kube-immutable.io/all: "needed"\n') },
  });
  afterAll(() => fx.cleanup());
  it('A4 the PR exempts its own privileged Pod with ignore.kube-immutable.io/all: the check must fail (no config knob exists)', async () => {
    const { r, sarifPath } = await runPr(fx);
    // Observed on 5e9ae45: code 0, every finding suppressed.
    expect({ code: r.code, rules: activeRules(sarifPath) }).toEqual({ code: 1, rules: expect.arrayContaining(['no-privileged-container']) });
  });
});

describe('B. the sarif-file (and patch-file) input is written through a link the pull request adds', () => {
  // The fixture's work tree is a folder of tmpdir(): the PR commits a relative link to a sibling.
  const outside = mkdtempSync(join(tmpdir(), 'ki-attack-outside-'));
  const target = join(outside, 'victim');
  const fx = createPullRequestFixture({
    base: { 'README.md': 'x\n' },
    head: {
      // The README's PR-check setup: checkout of the PR head, sarif-file: kube-immutable.sarif.
      'kube-immutable.sarif': { symlink: `../${basename(outside)}/victim` },
      // Attacker text in the SARIF, inside JSON double quotes: bash expands $(...) there, so the
      // written file is also a shell payload wherever a shell later runs the overwritten file.
      'deploy/pod.yaml': PRIVILEGED_POD.replace('image: busybox:1.36', 'image: "busybox:$(touch pwned-by-sarif)"'),
    },
  });
  afterAll(() => {
    fx.cleanup();
    rmSync(outside, { recursive: true, force: true });
  });
  it('never writes outside the workspace', async () => {
    expect(relative(fx.dir, join(fx.dir, '..', basename(outside)))).toBe(`../${basename(outside)}`);
    const gh = await startGitHubApiServer(fx.state());
    try {
      await runAction(fx, gh, { 'sarif-file': 'kube-immutable.sarif' }, { GITHUB_EVENT_NAME: 'pull_request' });
    } finally {
      await gh.close();
    }
    // Observed on 5e9ae45: the SARIF was written to \`victim\`, outside the workspace.
    expect(existsSync(target) ? readFileSync(target, 'utf8').slice(0, 40) : 'not written').toBe('not written');
  });
});
