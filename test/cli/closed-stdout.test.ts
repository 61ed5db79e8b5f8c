/**
 * `kube-immutable scan ... | head`: a reader that closes standard output early must not make the
 * CLI print a stack trace or change its exit status (src/cli/streams.ts). The CLI runs as the bin
 * does (src/cli.ts, through tsx: the unit tests build no bundle) in a child process whose stdout
 * is a pipe this test closes after the first line.
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BARE_POD, PRIVILEGED_POD } from '../report/helpers.js';
import { tempTrees } from './helpers.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** tsx's loader by its file URL (the child's working folder is a temporary tree without node_modules). */
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const CLI = join(ROOT, 'src/cli.ts');
const tree = tempTrees();

interface Spawned {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Run the CLI in `cwd`; with `closeEarly`, destroy the read end of its stdout once the first line arrived. */
function runCli(args: string[], cwd: string, closeEarly: boolean): Promise<Spawned> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', TSX, CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (closeEarly && stdout.includes('\n')) child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

describe('a closed standard output', () => {
  // Many findings, each with a patch: every format's report is far larger than a pipe's buffer (64 KiB).
  const files: Record<string, string> = {};
  for (let i = 0; i < 300; i++) files[`k8s/pod-${i}.yaml`] = i % 2 === 0 ? BARE_POD : PRIVILEGED_POD;
  let dir: string;
  beforeAll(() => {
    dir = tree(files);
  });

  it.each([
    ['text, --fail-level none', ['scan', 'k8s', '--fail-level', 'none'], 0],
    ['sarif, findings failing', ['scan', 'k8s', '--format', 'sarif'], 1],
    ['github (written as the scan goes), --fail-level none', ['scan', 'k8s', '--format', 'github', '--fail-level', 'none', '--jobs', '0'], 0],
  ])('%s: ends quietly with the status of a normal run', async (_name, args, status) => {
    const [normal, closed] = await Promise.all([runCli(args, dir, false), runCli(args, dir, true)]);
    expect(normal.code).toBe(status);
    expect(normal.stdout.length).toBeGreaterThan(128 * 1024);
    expect(closed.signal).toBeNull();
    expect(closed.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(closed.stderr).toBe(normal.stderr);
    expect(closed.code).toBe(normal.code);
    // The report was cut: the reader saw its beginning only.
    expect(closed.stdout.length).toBeLessThan(normal.stdout.length);
  });
});
