/**
 * `npm run hostile`: time and peak RSS of the scan of each hostile input of issue #13
 * (test/hardening/hostile-inputs.ts), the figures of docs/performance.md › "Hostile input".
 * Figures, not timed tests. Each input is written to a file in a temporary folder and scanned by
 * `node dist/cli.js scan <file> --format sarif --output <file> --fail-level none` in a child
 * process (run `npm run build` first: the bundle is what is measured); the time (process start to
 * exit) and the peak RSS (`process.resourceUsage().maxRSS`) are read inside the child by a
 * preloaded probe. A run is stopped after `--timeout=<seconds>` (default 300) and shown as such.
 * Prints a Markdown table; `--only=<name>[,<name>]` runs only those inputs; `--cli=<path>` scans
 * with another build's CLI (`git archive <commit> dist | tar -x -C /tmp/old` for the "before" figures).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HOSTILE_INPUTS, manyContainers } from '../test/hardening/hostile-inputs.js';

const ROOT = resolve('.');
// `--cli=<path>` measures another build (e.g. an older commit's dist/cli.js, for the "before" figures).
const CLI = resolve(process.argv.find((a) => a.startsWith('--cli='))?.slice('--cli='.length) ?? join(ROOT, 'dist', 'cli.js'));
const TIMEOUT_S = Number(process.argv.find((a) => a.startsWith('--timeout='))?.slice('--timeout='.length) ?? 300);
const ONLY = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');

const PROBE = `import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
process.on('exit', () => {
  writeFileSync(process.env.KI_HOSTILE_PROBE, JSON.stringify({ ms: performance.now(), maxRssKb: process.resourceUsage().maxRSS }));
});
`;

interface Measured {
  /** Milliseconds from process start to exit; undefined when stopped. */
  ms: number | undefined;
  maxRssBytes: number | undefined;
  sarifBytes: number | undefined;
  summary: string;
}

/** Scan `text` (written as `name`.yaml) in a child process. */
async function scan(work: string, name: string, text: string): Promise<Measured> {
  const file = join(work, `${name}.yaml`);
  const out = join(work, `${name}.sarif`);
  const probe = join(work, 'probe.mjs');
  const result = join(work, `${name}.probe.json`);
  writeFileSync(file, text);
  writeFileSync(probe, PROBE);
  const child = spawn(process.execPath, ['--import', probe, CLI, 'scan', file, '--format', 'sarif', '--output', out, '--fail-level', 'none'], {
    cwd: work,
    env: { ...process.env, KI_HOSTILE_PROBE: result, NO_COLOR: '1' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  child.stderr.on('data', (d) => (stderr += String(d)));
  const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_S * 1000);
  const code: number | null = await new Promise((res) => child.on('close', (c) => res(c)));
  clearTimeout(timer);
  if (code === null) return { ms: undefined, maxRssBytes: undefined, sarifBytes: undefined, summary: `stopped after ${TIMEOUT_S} s` };
  if (code !== 0) return { ms: undefined, maxRssBytes: undefined, sarifBytes: undefined, summary: `exit ${code}: ${stderr.trim().split('\n').slice(-1)[0]}` };
  const p = JSON.parse(readFileSync(result, 'utf8')) as { ms: number; maxRssKb: number };
  return { ms: p.ms, maxRssBytes: p.maxRssKb * 1024, sarifBytes: statSync(out).size, summary: stdout.trim().replace(/^wrote \S+: /, '') };
}

async function main(): Promise<void> {
  const inputs = [
    ...HOSTILE_INPUTS,
    { name: 'sarif-19k', description: 'SARIF of 500 containers in one Pod (19 KB)', make: () => manyContainers(500) },
    { name: 'sarif-160k', description: 'SARIF of 4,000 containers in one Pod (160 KB)', make: () => manyContainers(4000) },
  ].filter((i) => !ONLY || ONLY.includes(i.name));
  const work = mkdtempSync(join(tmpdir(), 'ki-hostile-'));
  const lines = ['| input | size | time | peak RSS | SARIF | result |', '| --- | ---: | ---: | ---: | ---: | --- |'];
  try {
    for (const input of inputs) {
      const text = input.make();
      process.stderr.write(`${input.name} (${text.length} bytes)...\n`);
      const m = await scan(work, input.name, text);
      const row = `| ${input.description.replace(/\|/g, '\\|')} | ${(text.length / 1000).toFixed(0)} KB | ${m.ms === undefined ? '-' : `${(m.ms / 1000).toFixed(2)} s`} | ${m.maxRssBytes === undefined ? '-' : `${(m.maxRssBytes / 1e6).toFixed(0)} MB`} | ${m.sarifBytes === undefined ? '-' : `${(m.sarifBytes / 1e6).toFixed(2)} MB`} | ${m.summary.replace(/\|/g, '\\|')} |`;
      process.stderr.write(`  ${row}\n`);
      lines.push(row);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(`${cpus().length} cores (${cpu}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n\n${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
