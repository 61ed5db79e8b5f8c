import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { PullRequestFixture } from '../github-api/fixture.js';
import type { GitHubApiServer } from '../github-api/server.js';

export const ROOT = resolve('.');
const DIST = join(ROOT, 'dist', 'index.js');

/** Build dist/ once per test file (esbuild, ~1 s) so the tests run the bundle the runner runs. */
export function buildOnce(): void {
  execFileSync('node', ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
}

/** The outcome of one `node dist/index.js` run. */
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
  const inputEnv: Record<string, string> = { 'INPUT_GITHUB-TOKEN': 'test-token', 'INPUT_FILTER-MODE': 'diff_context', 'INPUT_FAIL-LEVEL': 'error', 'INPUT_MAX-COMMENTS': '30' };
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
  const child = spawn(process.execPath, [DIST], { cwd: fx.dir, env: childEnv });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code: number = await new Promise((res) => child.on('close', (c) => res(c ?? -1)));
  return { code, stdout, stderr, outputs: parseOutputs(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8'), ms: Date.now() - started };
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
