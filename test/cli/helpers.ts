import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';

/** The configuration that selects the seed policies (see test/fixtures/seed-policies.yaml). */
export const SEED_CONFIG = readFileSync(new URL('../fixtures/seed-policies.yaml', import.meta.url), 'utf8');
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../src/cli/main.js';

/** What one CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `main(argv)` in `cwd` with captured output. */
export async function cli(
  argv: string[],
  cwd: string,
  opts: { isTTY?: boolean; stderrIsTTY?: boolean; clock?: () => number; env?: Record<string, string> } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd,
    isTTY: opts.isTTY ?? false,
    stderrIsTTY: opts.stderrIsTTY ?? false,
    ...(opts.clock ? { clock: opts.clock } : {}),
    env: opts.env ?? {},
  });
  return { code, stdout, stderr };
}

/**
 * A new temporary folder holding `files` (relative path → text). Unless `files` has its own,
 * a configuration (test/fixtures/seed-policies.yaml) selects the seed policies: these tests
 * check the CLI's mechanics; every other policy has its own tests.
 */
/**
 * A {@link tempTree} maker for one test file: every folder it makes is removed once the file's
 * tests are done (registered with jest's `afterAll` when called, at the file's top level).
 */
export function tempTrees(options: { presetConfig?: boolean } = {}): (files?: Record<string, string>) => string {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  return (files = {}) => {
    const d = tempTree(files, options);
    dirs.push(d);
    return d;
  };
}

export function tempTree(files: Record<string, string>, options: { presetConfig?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'kube-immutable-cli-'));
  const all = options.presetConfig === false ? files : { '.github/kube-immutable.yaml': SEED_CONFIG, ...files };
  for (const [rel, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}
