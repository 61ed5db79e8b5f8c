import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { blobUrl } from '../../src/report/index.js';
import { bundled } from '../bundle.js';
import type { PullRequestFixture } from '../github-api/fixture.js';
import type { GitHubApiServer } from '../github-api/server.js';

export const ROOT = resolve('.');
/** The action's entry in the bundle jest's globalSetup built from the sources (test/bundle.ts): what the runner runs as dist/index.js. */
const ACTION = bundled('index.js');

/** The outcome of one `node dist/index.js` run (the bundle's index.js). */
export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  ms: number;
}

/**
 * Run the built action exactly as the runner does: `INPUT_*` variables, `GITHUB_EVENT_PATH`,
 * `GITHUB_API_URL` at the local server, the fixture's git work tree as `GITHUB_WORKSPACE`, and
 * files for `GITHUB_OUTPUT` and `GITHUB_STEP_SUMMARY`.
 */
export async function runAction(
  fx: Pick<PullRequestFixture, 'dir' | 'eventPath' | 'owner' | 'repo'>,
  gh: Pick<GitHubApiServer, 'url'> | undefined,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
): Promise<ActionRun> {
  const tmp = mkdtempSync(join(tmpdir(), 'ki-run-'));
  const outputFile = join(tmp, 'output');
  const summaryFile = join(tmp, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const inputEnv: Record<string, string> = {
    'INPUT_GITHUB-TOKEN': 'test-token',
    'INPUT_FILTER-MODE': 'diff_context',
    'INPUT_FAIL-LEVEL': 'error',
    'INPUT_MAX-COMMENTS': '30',
  };
  for (const [k, v] of Object.entries(inputs)) inputEnv[`INPUT_${k.toUpperCase()}`] = v;
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmp,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: fx.eventPath,
    GITHUB_REPOSITORY: `${fx.owner}/${fx.repo}`,
    GITHUB_WORKSPACE: fx.dir,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: tmp,
    ...(gh ? { GITHUB_API_URL: gh.url } : {}),
    ...inputEnv,
    ...env,
  };
  const started = Date.now();
  const child = spawn(process.execPath, [ACTION], { cwd: fx.dir, env: childEnv });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  child.stderr.on('data', (d) => (stderr += String(d)));
  const code: number = await new Promise((res) => child.on('close', (c) => res(c ?? -1)));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    ms: Date.now() - started,
  };
}

/** Parse the `name<<delimiter\nvalue\ndelimiter` records @actions/core writes to GITHUB_OUTPUT. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}

/** Replace lines start..end (1-based, inclusive) of `text` by `content`, as GitHub applies a suggestion. */
export function applySuggestion(text: string, start: number, end: number, content: string): string {
  const lines = text.split('\n');
  const eolCr = lines[end - 1]?.endsWith('\r') ? '\r' : '';
  lines.splice(start - 1, end - start + 1, content + eolCr);
  return lines.join('\n');
}

/** The content of the ```suggestion block of a comment body (any fence length). */
export function suggestionOf(body: string): string | undefined {
  const m = body.match(/^(`{3,})suggestion\n([\s\S]*?)\n\1$/m);
  return m ? m[2] : undefined;
}

/** Where a run can report a finding. */
export type Channel = 'review comment' | 'review body' | 'annotation' | 'job summary' | 'SARIF' | 'step log';

/** One workflow-command annotation the action printed (`::error file=…,line=…,title=…::message`). */
export interface PrintedAnnotation {
  level: 'error' | 'warning' | 'notice';
  properties: Record<string, string>;
  message: string;
}

const unescapeCommand = (s: string) => s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

/** The annotations in a run's stdout, properties and message unescaped. */
export function annotationsOf(stdout: string): PrintedAnnotation[] {
  const out: PrintedAnnotation[] = [];
  for (const m of stdout.matchAll(/^::(error|warning|notice)(?: ([^\n]*?))?::(.*)$/gm)) {
    const properties: Record<string, string> = {};
    for (const p of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = p.indexOf('=');
      properties[p.slice(0, eq)] = unescapeCommand(p.slice(eq + 1));
    }
    out.push({ level: m[1] as PrintedAnnotation['level'], properties, message: unescapeCommand(m[3]!) });
  }
  return out;
}

/**
 * The findings the action listed in the step log because no other channel could hold them:
 * the lines after `kube-immutable: N findings in no other report of this run …:`, each
 * `  file:line:col  severity  policy-id  message`.
 */
export function loggedFindingsOf(stdout: string): { file: string; line: number; policyId: string }[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => /^kube-immutable: \d+ findings? in no other report of this run/.test(l));
  if (start < 0) return [];
  const out: { file: string; line: number; policyId: string }[] = [];
  for (const l of lines.slice(start + 1)) {
    const m = /^ {2}(.+):(\d+):\d+ {2}(?:error|warning|info) {2}(\S+) {2}/.exec(l);
    if (!m) break;
    out.push({ file: m[1]!, line: Number(m[2]), policyId: m[3]! });
  }
  return out;
}

/** What a finding must be recognisable by in every channel. */
export interface ExpectedFinding {
  fingerprint: string;
  policyId: string;
  file: string;
  range: { start: { line: number } };
  severity: 'error' | 'warning' | 'info';
  suppressed?: unknown;
}

/**
 * The channels that carry `f` after a run: inline review comments and review bodies by the
 * fingerprints in our hidden markers, annotations by policy id (the title), file and line, the
 * job summary by the row linking to the finding's line at `headSha`, SARIF by
 * `partialFingerprints.primaryLocationLineHash`, the step log by its line there (see
 * {@link loggedFindingsOf}).
 */
export function channelsOf(
  f: ExpectedFinding,
  ctx: {
    run: ActionRun;
    gh: Pick<GitHubApiServer, 'state'>;
    sarif?: { runs: Array<{ results: Array<{ partialFingerprints?: Record<string, string> }> }> };
    headSha: string;
  },
): Channel[] {
  const seen = channelIndex(ctx);
  const out: Channel[] = [];
  if (seen.comments.has(f.fingerprint)) out.push('review comment');
  if (seen.bodies.has(f.fingerprint)) out.push('review body');
  if (seen.annotations.has(`${f.policyId} ${f.file}:${f.range.start.line}`)) out.push('annotation');
  const link = `${blobUrl('https://x', ctx.headSha, f.file, f.range.start.line).slice('https://x'.length)})`;
  if ((seen.summaryRows.get(link) ?? []).some((l) => l.includes(f.policyId))) out.push('job summary');
  if (ctx.sarif && sarifFingerprints(ctx.sarif).has(f.fingerprint)) out.push('SARIF');
  if (seen.logged.has(`${f.policyId} ${f.file}:${f.range.start.line}`)) out.push('step log');
  return out;
}

type ChannelIndex = { comments: Set<string>; bodies: Set<string>; annotations: Set<string>; summaryRows: Map<string, string[]>; logged: Set<string> };
type Sarif = NonNullable<Parameters<typeof channelsOf>[1]['sarif']>;
const sarifSets = new WeakMap<Sarif, Set<string>>();

/** The `primaryLocationLineHash` of every SARIF result, read once per log. */
function sarifFingerprints(sarif: Sarif): Set<string> {
  let set = sarifSets.get(sarif);
  if (!set) sarifSets.set(sarif, (set = new Set(sarif.runs.flatMap((r) => r.results.map((x) => x.partialFingerprints?.primaryLocationLineHash ?? '')))));
  return set;
}
const indexes = new WeakMap<ActionRun, ChannelIndex>();

/** What each channel of a run holds, read once per run (a run with thousands of findings is checked in linear time). */
function channelIndex(ctx: Parameters<typeof channelsOf>[1]): ChannelIndex {
  const cached = indexes.get(ctx.run);
  if (cached) return cached;
  const fps = (body: string) =>
    [...body.matchAll(/<!-- kube-immutable:([^>]*?) -->/g)].flatMap((m) => /(?:^|;)fp=([^;]*)/.exec(m[1]!)?.[1]!.split(',').map(decodeURIComponent) ?? []);
  const summaryRows = new Map<string, string[]>();
  for (const l of ctx.run.summary.split('\n')) {
    for (const m of l.matchAll(/\]\(https?:\/\/[^/]+\/[^/]+\/[^/]+(\/blob\/[^)\s]*\))/g)) summaryRows.set(m[1]!, [...(summaryRows.get(m[1]!) ?? []), l]);
  }
  const index: ChannelIndex = {
    comments: new Set(ctx.gh.state.reviewComments.flatMap((c) => fps(c.body))),
    bodies: new Set(ctx.gh.state.reviews.filter((r) => r.state !== 'PENDING').flatMap((r) => fps(r.body))),
    annotations: new Set(annotationsOf(ctx.run.stdout).map((a) => `${a.properties.title} ${a.properties.file}:${Number(a.properties.line)}`)),
    summaryRows,
    logged: new Set(loggedFindingsOf(ctx.run.stdout).map((x) => `${x.policyId} ${x.file}:${x.line}`)),
  };
  indexes.set(ctx.run, index);
  return index;
}

const RANK = { info: 0, warning: 1, error: 2 } as const;

/**
 * The issue's invariant for every API fault: the exit status follows `failLevel` (1 when a
 * finding that is not suppressed is at or above it, else 0), and every finding reaches at least
 * one channel (see {@link channelsOf}). Returns each finding's channels for further assertions.
 */
export function expectNothingLost(
  run: ActionRun,
  gh: Pick<GitHubApiServer, 'state'>,
  expected: readonly ExpectedFinding[],
  opts: { headSha: string; failLevel?: 'error' | 'warning' | 'info' | 'none'; sarifFile?: string },
): Map<string, Channel[]> {
  const level = opts.failLevel ?? 'error';
  const failing = level === 'none' ? [] : expected.filter((f) => f.suppressed === undefined && RANK[f.severity] >= RANK[level]);
  expect({ code: run.code, failing: failing.length }).toEqual({ code: failing.length > 0 ? 1 : 0, failing: failing.length });
  const sarif = opts.sarifFile ? JSON.parse(readFileSync(opts.sarifFile, 'utf8')) : undefined;
  const channels = new Map(
    expected
      .filter((f) => f.suppressed === undefined)
      .map((f) => [`${f.policyId} ${f.file}:${f.range.start.line}`, channelsOf(f, { run, gh, sarif, headSha: opts.headSha })]),
  );
  expect(expected.length).toBeGreaterThan(0);
  expect([...channels].filter(([, c]) => c.length === 0).map(([k]) => k)).toEqual([]);
  return channels;
}

/**
 * A shallow clone (`--depth 1`) of a fixture's work tree at its checked-out commit, as
 * `actions/checkout` makes by default: the base commit is NOT in its history, so the action must
 * read the base through the API. The caller removes the folder.
 */
export function shallowCheckout(dir: string): string {
  const to = mkdtempSync(join(tmpdir(), 'ki-shallow-'));
  execFileSync('git', ['-c', 'protocol.file.allow=always', 'clone', '-q', '--depth', '1', `file://${dir}`, to], { stdio: 'ignore' });
  return to;
}

/**
 * A custom policy whose module, when LOADED (not just run), writes `marker`, with the token it can
 * read: the proof that pull-request code ran. Its check reports one error per object.
 */
export function markerPolicy(marker: string, id = 'marker'): string {
  return `import { definePolicy } from 'kube-immutable/policy';
const fs = (process as any).getBuiltinModule?.('node:fs');
fs?.writeFileSync(${JSON.stringify(marker)}, 'loaded ' + String(process.env['INPUT_GITHUB-TOKEN']));
export default definePolicy({
  id: ${JSON.stringify(id)},
  meta: { description: 'd', category: 'hardening', defaultSeverity: 'error', fixable: false, messages: { m: 'marker policy ran' }, remediation: '', docsUrl: 'https://example.com/marker' },
  check(ctx) { ctx.report({ messageId: 'm', node: ctx.manifest.node }); },
});
`;
}

/** A Pod no gate may pass: privileged, host PID namespace, the host's `/` mounted. */
export const PRIVILEGED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: pwn
spec:
  hostPID: true
  containers:
  - name: c
    image: busybox:1.36
    securityContext:
      privileged: true
    volumeMounts:
    - name: host
      mountPath: /host
  volumes:
  - name: host
    hostPath:
      path: /
`;

/** A configuration that turns every built-in policy off and loads custom policies from `folder`. */
export function allOffConfig(folder: string | undefined, policyIds: readonly string[]): string {
  return `policies:\n${policyIds.map((id) => `  ${id}: "off"\n`).join('')}${folder ? `customPolicies: ${folder}\n` : ''}`;
}

/**
 * The rule ids of a SARIF file's results that are not suppressed, sorted, each once. SARIF 2.1.0
 * §3.34: only a suppression whose status is absent or `accepted` suppresses a result
 * (`underReview` is an exemption a pull request requests, `rejected` one that was refused).
 */
export function activeRules(sarifPath: string): string[] {
  const sarif = JSON.parse(readFileSync(sarifPath, 'utf8'));
  const suppressed = (x: { suppressions?: { status?: string }[] }) => (x.suppressions ?? []).some((s) => s.status === undefined || s.status === 'accepted');
  return [
    ...new Set<string>(sarif.runs[0].results.filter((x: { suppressions?: { status?: string }[] }) => !suppressed(x)).map((x: { ruleId: string }) => x.ruleId)),
  ].sort();
}
