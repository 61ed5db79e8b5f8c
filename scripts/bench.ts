/**
 * `npm run bench`: the performance figures of issue #7, printed as a table (figures, not timed
 * tests). Runs against the committed bundle (`npm run bench` builds it first):
 *
 *   1. scan of 10,000 generated Deployments (two containers each, every one with findings and
 *      fixes) in two layouts: 1,000 files of 10 documents and 10 files of 1,000 documents, with
 *      `node dist/cli.js scan --format github` in a child process (process start to exit: start-up,
 *      read, parse, every policy, fixes computed and verified, worker threads when the CLI uses
 *      them (from 3 cores), the report written to a file as the scan goes: one line a finding;
 *      and one run with `--format json`, whose report holds the whole result), against the
 *      baseline of bare `yaml.parseAllDocuments` of the same texts in this process;
 *   2. the peak RSS of those scans (read inside the child, so this process's memory never counts);
 *   3. `node dist/index.js` on a pull request that changes no manifest, against the local GitHub
 *      API server (test/github-api/server.ts);
 *   4. the action on a pull request of 1,000 changed manifests, each with findings: API requests
 *      counted by the local server, content-creating requests, wall time;
 *   5. `node dist/cli.js --version`;
 *   6. what rendering adds to a scan (#16): `scan` of real charts (podinfo; Bitnami nginx with its
 *      vendored common library chart; ingress-nginx: test/render-corpus/helm) and of real overlays
 *      (kustomize's springboot example, two builds; microservices-demo's kustomize/, two builds)
 *      with the engines on PATH (test/engines.ts), against the same scan with `--no-render`.
 *
 * Runs of one figure are interleaved with its baseline and reported as medians, so ratios hold on
 * a busy machine. `--quick` takes one run of each figure (for a first look); `--only=1,3` runs only
 * those rows (1 and 2 are one measurement). The bundle measured is the committed dist/ (`npm run
 * bench` builds it first), or the folder named in KI_TEST_BUNDLE (a `scripts/build.mjs --outdir`
 * build of a branch, without touching dist/).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { createLargePullRequestFixture, createPullRequestFixture } from '../test/github-api/fixture.js';
import { startGitHubApiServer } from '../test/github-api/server.js';
import { deployment } from './bench-manifests.js';
import { engineBinaries } from '../test/engines.js';

const ROOT = resolve('.');
// The e2e helpers run the bundle named in KI_TEST_BUNDLE (test/bundle.ts): by default the committed dist/ just built.
const BUNDLE = (process.env.KI_TEST_BUNDLE ??= join(ROOT, 'dist'));
const { runAction } = await import('../test/e2e/helpers.js');
const CLI = join(BUNDLE, 'cli.js');
const QUICK = process.argv.includes('--quick');
const RUNS = { scan: QUICK ? 1 : 3, actionIdle: QUICK ? 3 : 11, actionLarge: QUICK ? 1 : 3, version: QUICK ? 5 : 21 };
const MANIFESTS = 10_000;
const ONLY = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (...ns: string[]) => !ONLY || ns.some((n) => ONLY.includes(n));

/** The texts of `files` files holding `perFile` Deployments each, numbered consecutively. */
function layout(files: number, perFile: number): string[] {
  const texts: string[] = [];
  for (let f = 0; f < files; f++) {
    const docs: string[] = [];
    for (let d = 0; d < perFile; d++) docs.push(deployment(f * perFile + d));
    texts.push(docs.join('---\n'));
  }
  return texts;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 1000 ? 3 : 2)} s`;
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** Bare `yaml.parseAllDocuments` (YAML 1.1, as the engine parses) of every text; milliseconds. */
function bareParse(texts: readonly string[]): number {
  const t0 = performance.now();
  let docs = 0;
  for (const t of texts) docs += parseAllDocuments(t, { version: '1.1' }).length;
  const ms = performance.now() - t0;
  if (docs !== MANIFESTS) throw new Error(`bare parse saw ${docs} documents, not ${MANIFESTS}`);
  return ms;
}

// Loaded with --import into the scan's child process: at exit, writes the time since the process
// started and the peak resident set size (kilobytes, whole process, worker threads included).
const PROBE = `import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
process.on('exit', () => {
  writeFileSync(process.env.KI_BENCH_PROBE, JSON.stringify({ ms: performance.now(), maxRssKb: process.resourceUsage().maxRSS }));
});
`;

interface ScanRun {
  ms: number;
  maxRssBytes: number;
  summary: string;
}

/** `node dist/cli.js scan <dir> --output <file>` in a child process, measured from inside it. */
async function scanChild(work: string, dir: string, format = 'github'): Promise<ScanRun> {
  const probe = join(work, 'probe.mjs');
  const result = join(work, 'probe.json');
  writeFileSync(probe, PROBE);
  rmSync(result, { force: true });
  const args = ['--import', probe, CLI, 'scan', dir, '--format', format, '--output', join(work, 'report.txt'), '--fail-level', 'none'];
  const child = spawn(process.execPath, args, {
    cwd: work,
    env: { ...process.env, KI_BENCH_PROBE: result, NO_COLOR: '1' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  child.stderr.on('data', (d) => (stderr += String(d)));
  const code: number = await new Promise((res) => child.on('close', (c) => res(c ?? -1)));
  if (code !== 0) throw new Error(`scan exited with ${code}: ${stderr}`);
  const p = JSON.parse(readFileSync(result, 'utf8')) as { ms: number; maxRssKb: number };
  return { ms: p.ms, maxRssBytes: p.maxRssKb * 1024, summary: stdout.trim().replace(/^wrote \S+: /, '') };
}

interface Row {
  /** The figure's number in issue #7; empty on the lines that detail the one above. */
  n: string;
  what: string;
  figure: string;
  target: string;
  met: boolean | undefined;
  /** The number of the row this one belongs to (set by {@link row}). */
  group?: string;
}

const rows: Row[] = [];
const notes: string[] = [];

/** Record a row and show it at once on stderr (the whole table is printed at the end). */
function row(r: Row): void {
  rows.push({ ...r, group: r.n || rows[rows.length - 1]?.group });
  process.stderr.write(`  ${r.n || ' '} ${r.what}: ${r.figure}${r.target ? ` (target ${r.target})` : ''}\n`);
}

async function scanRows(work: string): Promise<void> {
  const layouts = [
    { name: '1,000 files x 10 docs', files: 1000, perFile: 10 },
    { name: '10 files x 1,000 docs', files: 10, perFile: 1000 },
  ];
  for (const l of layouts) {
    const dir = join(work, `scan-${l.files}`);
    mkdirSync(dir, { recursive: true });
    const texts = layout(l.files, l.perFile);
    texts.forEach((t, i) => writeFileSync(join(dir, `deploy-${String(i).padStart(4, '0')}.yaml`), t));
    const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
    const bare: number[] = [];
    const scans: ScanRun[] = [];
    for (let r = 0; r < RUNS.scan; r++) {
      bare.push(bareParse(texts));
      scans.push(await scanChild(work, dir));
    }
    const scanMs = median(scans.map((s) => s.ms));
    const bareMs = median(bare);
    const ratio = scanMs / bareMs;
    const rss = Math.max(...scans.map((s) => s.maxRssBytes));
    row({ n: '1', what: `scan, ${l.name} (${megabytes(bytes)})`, figure: seconds(scanMs), target: '', met: undefined });
    row({ n: '', what: `  bare yaml.parseAllDocuments, same texts`, figure: seconds(bareMs), target: '', met: undefined });
    row({ n: '', what: `  ratio scan / bare parse`, figure: `${ratio.toFixed(2)}x`, target: '<= 1.0x', met: ratio <= 1 });
    row({ n: '2', what: `peak RSS of the scan, ${l.name}`, figure: megabytes(rss), target: '<= 300 MB', met: rss <= 300e6 });
    notes.push(`scan ${l.name}: ${scans[0]!.summary}`);
    // The JSON report holds the whole result (the github report is written as the scan goes): one run, for reference.
    const json = await scanChild(work, dir, 'json');
    row({
      n: '',
      what: `  the same scan, --format json: time, peak RSS`,
      figure: `${seconds(json.ms)}, ${megabytes(json.maxRssBytes)}`,
      target: '',
      met: undefined,
    });
  }
}

async function actionIdleRow(): Promise<void> {
  const fx = createPullRequestFixture({
    base: { 'README.md': '# deployments\n' },
    head: { 'README.md': '# deployments\n\nNotes.\n', 'docs/setup.md': 'Setup.\n' },
  });
  const times: number[] = [];
  let requests = 0;
  try {
    // Run -1 warms up this process's server (its first request compiles the OpenAPI validators).
    for (let r = -1; r < RUNS.actionIdle; r++) {
      const gh = await startGitHubApiServer(fx.state());
      try {
        const run = await runAction(fx, gh);
        if (run.code !== 0 || run.outputs.findings !== '0')
          throw new Error(`no-manifest run: exit ${run.code}, findings ${run.outputs.findings}\n${run.stdout}${run.stderr}`);
        if (r >= 0) times.push(run.ms);
        requests = gh.counts().total;
      } finally {
        await gh.close();
      }
    }
  } finally {
    fx.cleanup();
  }
  const ms = median(times);
  row({
    n: '3',
    what: `action, no manifest changed (${requests} API request${requests === 1 ? '' : 's'})`,
    figure: seconds(ms),
    target: '<= 0.300 s',
    met: ms <= 300,
  });
}

async function actionLargeRow(): Promise<void> {
  const files = 1000;
  const fx = createLargePullRequestFixture({ count: files, content: deployment });
  const times: number[] = [];
  let total = 0;
  let creating = 0;
  let findings = '';
  try {
    for (let r = 0; r < RUNS.actionLarge; r++) {
      const gh = await startGitHubApiServer(fx.state());
      try {
        const run = await runAction(fx, gh, { 'fail-level': 'none' });
        if (run.code !== 0 || gh.rejections.length > 0)
          throw new Error(`1,000-file run: exit ${run.code}, rejections ${JSON.stringify(gh.rejections)}\n${run.stderr}`);
        times.push(run.ms);
        total = Math.max(total, gh.counts().total);
        creating = Math.max(creating, gh.counts().contentCreating);
        findings = run.outputs.findings ?? '';
        if (r === 0)
          notes.push(
            `action, PR of 1,000 manifests, requests by route: ${Object.entries(gh.counts().byRoute)
              .map(([k, n]) => `${k} x${n}`)
              .join(', ')}`,
          );
      } finally {
        await gh.close();
      }
    }
  } finally {
    fx.cleanup();
  }
  const budget = Math.ceil(files / 100) + 3;
  row({ n: '4', what: `action, PR of 1,000 manifests: API requests`, figure: String(total), target: `<= ${budget}`, met: total <= budget });
  row({ n: '', what: `  content-creating requests`, figure: String(creating), target: '<= 2', met: creating <= 2 });
  row({ n: '', what: `  wall time (${findings} findings)`, figure: seconds(median(times)), target: '', met: undefined });
}

/** Median wall time of `node <args>` over `runs` runs, interleaved with `node -e 0` as the floor. */
function versionRow(): void {
  const time = (args: string[]) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')}: ${r.stderr}`);
    return performance.now() - t0;
  };
  const cli: number[] = [];
  const floor: number[] = [];
  for (let r = 0; r < RUNS.version; r++) {
    cli.push(time([CLI, '--version']));
    floor.push(time(['-e', '0']));
  }
  const ms = median(cli);
  row({ n: '5', what: 'CLI start, kube-immutable --version', figure: seconds(ms), target: '<= 0.150 s', met: ms <= 150 });
  row({ n: '', what: '  node -e 0 (the floor)', figure: seconds(median(floor)), target: '', met: undefined });
}

/** Median wall time of `scan` of a vendored chart or overlay with rendering, against `--no-render` (row 6). */
function renderRows(): void {
  const e = engineBinaries();
  const env = { ...process.env, PATH: [dirname(e.helm4), dirname(e.kubectl)].join(':') };
  const time = (dir: string, extra: string[]) => {
    const t0 = performance.now();
    // A --no-render report of a large chart (every template a parse error) passes spawnSync's default 1 MiB buffer.
    const r = spawnSync(process.execPath, [CLI, 'scan', '.', '--format', 'json', '--fail-level', 'none', ...extra], {
      cwd: dir,
      env,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`scan ${dir} ${extra.join(' ')}: ${r.error?.message ?? r.signal ?? r.stderr}`);
    return performance.now() - t0;
  };
  for (const [what, rel] of [
    ['podinfo chart (helm template, Helm 4)', 'helm/podinfo'],
    ['Bitnami nginx chart + common (helm template, Helm 4)', 'helm/bitnami-nginx'],
    ['ingress-nginx chart (helm template, Helm 4)', 'helm/ingress-nginx'],
    ['springboot overlays (2 kustomize builds)', 'kustomize/springboot'],
    ['microservices-demo kustomize/ (2 kustomize builds)', 'kustomize/microservices-demo'],
  ] as const) {
    const dir = join(ROOT, 'test', 'render-corpus', rel);
    const rendered: number[] = [];
    const plain: number[] = [];
    for (let r = 0; r < RUNS.version; r++) {
      rendered.push(time(dir, []));
      plain.push(time(dir, ['--no-render']));
    }
    const added = median(rendered) - median(plain);
    row({ n: '6', what: `render adds, scan of the ${what}`, figure: seconds(added), target: '< 1 s', met: added < 1000 });
    row({ n: '', what: '  the same scan with --no-render', figure: seconds(median(plain)), target: '', met: undefined });
  }
}

function render(): string {
  const head: Row = { n: '#', what: 'measure', figure: 'figure', target: 'target', met: undefined };
  const cells = (r: Row) => [r.n, r.what, r.figure, r.target, r === head ? 'met' : r.met === undefined ? '' : r.met ? 'yes' : 'NO'];
  // In the issue's order (the rows were measured quickest first); sort is stable.
  const sorted = [...rows].sort((a, b) => Number(a.group) - Number(b.group));
  const all = [head, ...sorted].map(cells);
  const widths = all[0]!.map((_, c) => Math.max(...all.map((r) => r[c]!.length)));
  const line = (r: string[]) => `| ${r.map((x, c) => (c === 2 ? x.padStart(widths[c]!) : x.padEnd(widths[c]!))).join(' | ')} |`;
  return [line(all[0]!), `|${widths.map((w, c) => (c === 2 ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|')}|`, ...all.slice(1).map(line)].join('\n');
}

const cpu = cpus();
console.log(
  `machine: ${cpu.length} cores, ${cpu[0]?.model.trim() ?? 'unknown CPU'}; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}${QUICK ? '; --quick (one run each)' : ''}`,
);
const work = mkdtempSync(join(tmpdir(), 'ki-bench-'));
try {
  if (wanted('5')) versionRow();
  if (wanted('6')) renderRows();
  if (wanted('3')) await actionIdleRow();
  if (wanted('4')) await actionLargeRow();
  if (wanted('1', '2')) await scanRows(work);
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`runs (medians): scan ${RUNS.scan}, action idle ${RUNS.actionIdle}, action 1,000 files ${RUNS.actionLarge}, --version ${RUNS.version}\n`);
console.log(render());
console.log('');
for (const n of notes) console.log(n);
