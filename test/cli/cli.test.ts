import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { BARE_POD, CONFIGMAP, PRIVILEGED_POD } from '../report/helpers.js';
import { cli, tempTrees } from './helpers.js';
import { main } from '../../src/cli/main.js';
import { parseCommandLine } from '../../src/cli/args.js';
import { setFastReader } from '../../src/yaml/parse.js';

const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n';
const tree = tempTrees();

describe('global options and usage errors', () => {
  it('--version prints the package version', async () => {
    expect(await cli(['--version'], '.')).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('--help, <command> --help and help <command> print usage', async () => {
    const main = await cli(['--help'], '.');
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/^Usage: kube-immutable <command>/);
    for (const argv of [
      ['scan', '--help'],
      ['scan', '-h'],
      ['help', 'scan'],
    ]) {
      const r = await cli(argv, '.');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: kube-immutable scan \[paths\.\.\.\]/);
      expect(r.stdout).toContain('--fail-level <level>');
    }
    expect((await cli(['fix', '--help'], '.')).stdout).toContain('--dry-run');
    expect((await cli(['policies', '--help'], '.')).stdout).toMatch(/^Usage: kube-immutable policies/);
  });

  it.each([
    [['frobnicate'], 'kube-immutable: unknown command "frobnicate"\nRun \'kube-immutable --help\' for usage.\n'],
    [[], "kube-immutable: missing command\nRun 'kube-immutable --help' for usage.\n"],
    [['scan', '--bogus'], "kube-immutable: scan: unknown option --bogus\nRun 'kube-immutable scan --help' for usage.\n"],
    [
      ['scan', '--format', 'xml'],
      'kube-immutable: --format must be one of text, compact, json, sarif, github, got "xml"\nRun \'kube-immutable scan --help\' for usage.\n',
    ],
    [['scan', '--format'], "kube-immutable: scan: option --format <value> needs a value\nRun 'kube-immutable scan --help' for usage.\n"],
    [
      ['scan', '--no-patches', '--format', 'json'],
      "kube-immutable: --no-patches applies to --format text only (got --format json)\nRun 'kube-immutable scan --help' for usage.\n",
    ],
    [['fix', '--no-patches'], "kube-immutable: fix: unknown option --no-patches\nRun 'kube-immutable fix --help' for usage.\n"],
    [
      ['fix', '--fail-level', 'fatal'],
      'kube-immutable: --fail-level must be one of error, warning, info, none, got "fatal"\nRun \'kube-immutable fix --help\' for usage.\n',
    ],
    [['policies', 'extra'], 'kube-immutable: policies takes no arguments, got "extra"\nRun \'kube-immutable policies --help\' for usage.\n'],
    [['--verbose'], "kube-immutable: unknown option --verbose (options come after the command)\nRun 'kube-immutable --help' for usage.\n"],
  ])('%j is a usage error (exit 2, one message, no stack trace)', async (argv, message) => {
    const r = await cli(argv, '.');
    expect(r).toEqual({ code: 2, stdout: '', stderr: message });
  });
});

describe('policies', () => {
  it('prints a table of id, category, severity, fixable and description', async () => {
    const r = await cli(['policies'], '.');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID +CATEGORY +SEVERITY +FIXABLE +DESCRIPTION$/);
    expect(lines).toContainEqual(
      expect.stringMatching(/^immutable-configmap-secret +immutability +warning +yes +ConfigMaps and Secrets set immutable: true\.$/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^valid-manifest +validity +error +no +/));
    expect(lines).toContainEqual(expect.stringMatching(/^exemption +validity +warning +no +/));
    expect(lines).toContainEqual(expect.stringMatching(/^file-not-scanned +validity +error +no +/));
    for (const id of ['run-as-non-root', 'drop-all-capabilities', 'seccomp-runtime-default', 'no-host-namespaces']) {
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${id} +hardening +warning +`)));
    }
    for (const id of ['no-runtime-mutation', 'no-writable-host-path', 'no-exec-access', 'image-digest']) {
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${id} +immutability +error +`)));
    }
    expect(lines).toHaveLength(17);
  });
});

describe('scan', () => {
  it('defaults to the current folder, text format, and exits 1 for an error finding', async () => {
    const dir = tree({ 'k8s/pod.yaml': PRIVILEGED_POD, 'README.md': '# not scanned' });
    const r = await cli(['scan'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    // The API server rejects allowPrivilegeEscalation: false with privileged: true (line 11), then the privileged finding.
    expect(r.stdout).toMatch(/^k8s\/pod\.yaml:11:7  error  valid-manifest  cannot set allowPrivilegeEscalation to false and privileged to true /);
    expect(r.stdout).toMatch(/\nk8s\/pod\.yaml:12:7  error  no-privileged-container  /);
    // privileged: false is a behaviour change: suggested, not a fix, by default.
    expect(r.stdout).toMatch(/\n2 findings \(2 errors, 0 warnings, 0 info\) in 1 file; 0 fixable, 1 behaviour change suggested\n$/);
    expect(r.stdout).toContain('Suggestion (a behaviour change) — not applied; use --apply-behaviour-changes no-privileged-container: Set privileged: false');
  });

  it('applies --fail-level to the findings', async () => {
    const dir = tree({ 'cm.yaml': CONFIGMAP });
    expect((await cli(['scan', '.'], dir)).code).toBe(0);
    expect((await cli(['scan', '.', '--fail-level', 'warning'], dir)).code).toBe(1);
    expect((await cli(['scan', '.', '--fail-level', 'info'], dir)).code).toBe(1);
    const pod = tree({ 'pod.yaml': PRIVILEGED_POD });
    expect((await cli(['scan', '--fail-level', 'none'], pod)).code).toBe(0);
    expect((await cli(['scan', '--fail-level', 'error'], pod)).code).toBe(1);
  });

  it('reports unreadable paths on stderr, scans the rest and exits 2', async () => {
    const dir = tree({ 'pod.yaml': PRIVILEGED_POD, 'locked/cm.yaml': CONFIGMAP });
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]));
    const canLock = process.getuid?.() !== 0;
    if (canLock) chmodSync(join(dir, 'locked'), 0o000);
    try {
      const r = await cli(['scan', 'missing.yaml', 'pod.yaml', 'latin1.yaml', 'locked', '--fail-level', 'none'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('kube-immutable: missing.yaml: no such file or folder\n');
      // Not UTF-8: no message to miss, a finding in the report (file-not-scanned, an error at line 1).
      expect(r.stderr).not.toContain('latin1.yaml');
      expect(r.stdout).toContain('latin1.yaml:1:1  error  file-not-scanned');
      if (canLock) expect(r.stderr).toContain('kube-immutable: locked: cannot read folder: EACCES\n');
      expect(r.stdout).toContain('pod.yaml:12:7  error  no-privileged-container');
    } finally {
      if (canLock) chmodSync(join(dir, 'locked'), 0o755);
    }
  });

  it('takes globs, --include and --exclude', async () => {
    const dir = tree({ 'a/pod.yaml': PRIVILEGED_POD, 'b/cm.yaml': CONFIGMAP, 'b/cm.txt': CONFIGMAP, 'c/ns.yaml': NAMESPACE });
    const files = async (argv: string[]) => {
      const r = await cli(['scan', ...argv, '--format', 'json'], dir);
      return JSON.parse(r.stdout).files.map((f: { path: string }) => f.path);
    };
    expect(await files([])).toEqual(['a/pod.yaml', 'b/cm.yaml', 'c/ns.yaml']);
    expect(await files(['b/*.yaml'])).toEqual(['b/cm.yaml']);
    expect(await files(['--include', '*.txt'])).toEqual(['b/cm.txt']);
    expect(await files(['--exclude', 'a/**', '--exclude', 'c/**'])).toEqual(['b/cm.yaml']);
  });

  it('writes json, sarif and github formats', async () => {
    const dir = tree({ 'pod.yaml': PRIVILEGED_POD });
    const json = JSON.parse((await cli(['scan', '--format', 'json'], dir)).stdout);
    // valid-manifest's apiRule + no-privileged-container, whose privileged: false is a behaviour change.
    expect(json.summary).toMatchObject({ findings: 2, errors: 2, fixable: 0, guesses: 0, behaviourChanges: 1 });
    expect(json.findings.flatMap((f: { suggestions: { kind: string }[] }) => f.suggestions.map((x) => x.kind))).toEqual(['behaviour']);
    expect(json.tool.version).toBe(pkg.version);
    const sarif = JSON.parse((await cli(['scan', '--format', 'sarif'], dir)).stdout);
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['valid-manifest', 'no-privileged-container']);
    expect(sarif.runs[0].results[1]).toMatchObject({
      ruleId: 'no-privileged-container',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'pod.yaml' } } }],
    });
    const gh = await cli(['scan', '--format', 'github'], dir);
    expect(gh.code).toBe(1);
    expect(gh.stdout).toMatch(/^::error file=pod\.yaml,line=11,col=7,[^\n]*title=valid-manifest::/);
    expect(gh.stdout).toMatch(/\n::error file=pod\.yaml,line=12,col=7,endLine=12,endColumn=17,title=no-privileged-container::/);
  });

  it('--format compact: one line a finding, then the summary line; exit status and colour as the text format', async () => {
    const dir = tree({ 'pod.yaml': PRIVILEGED_POD, 'cm.yaml': CONFIGMAP });
    const r = await cli(['scan', '--format', 'compact'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.replace(/\n$/, '').split('\n');
    const json = JSON.parse((await cli(['scan', '--format', 'json'], dir)).stdout);
    const findings = json.findings as {
      file: string;
      range: { start: { line: number; column: number } };
      severity: string;
      policyId: string;
      message: string;
    }[];
    expect(findings.length).toBe(3);
    expect(lines).toEqual([
      ...findings.map((f) => `${f.file}:${f.range.start.line}:${f.range.start.column} ${f.severity} ${f.policyId} ${f.message}`),
      '3 findings (2 errors, 1 warning, 0 info) in 2 files; 0 fixable, 2 behaviour changes suggested',
    ]);
    expect(lines[0]).toMatch(/^cm\.yaml:2:1 warning immutable-configmap-secret /);
    expect((await cli(['scan', '--format', 'compact', '--fail-level', 'none'], dir)).code).toBe(0);
    expect((await cli(['scan', '--format', 'compact'], dir, { isTTY: true })).stdout).toContain('\x1b[31merror\x1b[0m');
    expect((await cli(['scan', '--format', 'compact', '--no-color'], dir, { isTTY: true })).stdout).toBe(r.stdout);
    const written = await cli(['scan', '--format', 'compact', '-o', 'report.txt'], dir);
    expect(written.stdout).toBe(`wrote report.txt: ${lines[lines.length - 1]}\n`);
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toBe(r.stdout);
  });

  it('--no-patches: the text report without its diffs, the same finding lines and summary', async () => {
    const dir = tree({ 'bare.yaml': BARE_POD });
    const full = await cli(['scan', '--include-guesses'], dir);
    const short = await cli(['scan', '--include-guesses', '--no-patches'], dir);
    expect(full.stdout).toContain('    --- a/bare.yaml');
    expect(short.stdout).not.toMatch(/^ {4}(---|\+\+\+|@@) /m);
    expect(short.stdout).toContain('    fix available for container "app" of Pod/bare (run `kube-immutable fix`)\n');
    const heads = (text: string) => text.split('\n').filter((l) => !l.startsWith(' '));
    expect(heads(short.stdout)).toEqual(heads(full.stdout));
    expect(short.code).toBe(full.code);
    expect(parseCommandLine(['scan', '--format', 'text', '--no-patches'])).toMatchObject({ format: 'text', patches: false });
    expect(parseCommandLine(['scan'])).toMatchObject({ format: 'text', patches: true });
  });

  it('writes the report to --output and confirms on stdout', async () => {
    const dir = tree({ 'pod.yaml': PRIVILEGED_POD });
    const r = await cli(['scan', '--format', 'sarif', '--output', 'out/results.sarif'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kube-immutable: cannot write out\/results\.sarif: ENOENT\n$/);
    const ok = await cli(['scan', '--format', 'sarif', '-o', 'results.sarif', '--color'], dir);
    expect(ok.code).toBe(1);
    expect(ok.stdout).toBe('wrote results.sarif: 2 findings (2 errors, 0 warnings, 0 info) in 1 file; 0 fixable, 1 behaviour change suggested\n');
    expect(JSON.parse(readFileSync(join(dir, 'results.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('colours text output for a terminal unless NO_COLOR or --no-color; --color forces it', async () => {
    const dir = tree({ 'pod.yaml': PRIVILEGED_POD });
    const coloured = (r: { stdout: string }) => r.stdout.includes('\x1b[');
    expect(coloured(await cli(['scan'], dir, { isTTY: true }))).toBe(true);
    expect(coloured(await cli(['scan'], dir, { isTTY: false }))).toBe(false);
    expect(coloured(await cli(['scan'], dir, { isTTY: true, env: { NO_COLOR: '1' } }))).toBe(false);
    expect(coloured(await cli(['scan', '--no-color'], dir, { isTTY: true }))).toBe(false);
    expect(coloured(await cli(['scan', '--color'], dir, { isTTY: false }))).toBe(true);
  });

  it('says with --verbose when the fast YAML reader is off', async () => {
    const dir = tree({ 'ns.yaml': NAMESPACE });
    expect((await cli(['scan', '--verbose'], dir)).stderr).not.toContain('fast YAML reader');
    const was = setFastReader(false);
    try {
      expect((await cli(['scan', '--verbose'], dir)).stderr).toContain(
        'kube-immutable: the fast YAML reader is off (turned off (setFastReader)); the yaml library reads every file\n',
      );
      expect((await cli(['scan'], dir)).stderr).not.toContain('fast YAML reader');
    } finally {
      setFastReader(was);
    }
  });

  it('lists skipped documents only with --verbose', async () => {
    const dir = tree({ 'multi.yaml': `${NAMESPACE}---\nfoo: bar\n` });
    expect((await cli(['scan'], dir)).stdout).not.toContain('document 2 skipped');
    expect((await cli(['scan', '--verbose'], dir)).stdout).toMatch(/^multi\.yaml:6: document 2 skipped: /m);
  });
});

describe('fix', () => {
  it('writes the fixed files in place, keeping the rest of each file exactly', async () => {
    const crlf = PRIVILEGED_POD.replace(/\n/g, '\r\n');
    const dir = tree({ 'pod.yaml': PRIVILEGED_POD, 'crlf.yaml': crlf, 'bom/pod.yaml': `\uFEFF${PRIVILEGED_POD}`, 'ns.yaml': NAMESPACE });
    const r = await cli(
      ['fix', '--fail-level', 'info', '--apply-behaviour-changes', 'no-privileged-container', '--apply-behaviour-changes', 'immutable-configmap-secret'],
      dir,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // privileged: false also clears valid-manifest's apiRule (allowPrivilegeEscalation: false with privileged: true).
    expect(r.stdout).toBe(
      [
        'fixed bom/pod.yaml: 2 findings',
        'fixed crlf.yaml: 2 findings',
        'fixed pod.yaml: 2 findings',
        'Fixed 6 findings in 3 files; 0 findings remain',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(dir, 'pod.yaml'), 'utf8')).toBe(PRIVILEGED_POD.replace('privileged: true', 'privileged: false'));
    expect(readFileSync(join(dir, 'crlf.yaml'), 'utf8')).toBe(crlf.replace('privileged: true', 'privileged: false'));
    expect(readFileSync(join(dir, 'bom/pod.yaml'), 'utf8')).toBe(`\uFEFF${PRIVILEGED_POD.replace('privileged: true', 'privileged: false')}`);
    expect(readFileSync(join(dir, 'ns.yaml'), 'utf8')).toBe(NAMESPACE);
    const again = await cli(['scan', '--fail-level', 'info'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('0 findings (0 errors, 0 warnings, 0 info) in 4 files; 0 fixable\n');
  });

  it('exits 1 when findings at or above the fail level remain unfixed, and lists them', async () => {
    const seeds = 'examples/seeds/nginx-pod-typos.yaml';
    const dir = tree({ 'typos.yaml': readFileSync(seeds, 'utf8') });
    const r = await cli(['fix'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^fixed typos\.yaml: 2 findings\n\nRemaining:\ntypos\.yaml:14:13  error  valid-manifest  container "nginx-container" mounts volume "cache-volume"/,
    );
    expect(r.stdout).toMatch(/\nFixed 2 findings in 1 file; 4 findings remain\n$/);
    expect((await cli(['fix', '--fail-level', 'none'], dir)).code).toBe(0);
  });

  it('--dry-run prints the unified diff and writes nothing', async () => {
    const dir = tree({ 'pod.yaml': PRIVILEGED_POD, 'bare.yaml': BARE_POD });
    const r = await cli(['fix', '--dry-run', '--include-guesses', '--apply-behaviour-changes', 'all'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^--- a\/bare\.yaml\n\+\+\+ b\/bare\.yaml\n@@ /);
    expect(r.stdout).toContain('--- a/pod.yaml\n+++ b/pod.yaml\n@@ -9,7 +9,7 @@\n');
    expect(r.stdout).toContain('\n-      privileged: true\n+      privileged: false\n');
    expect(r.stderr).toBe('would fix bare.yaml: 2 findings\nwould fix pod.yaml: 2 findings\nWould fix 4 findings in 2 files; 0 findings would remain\n');
    expect(readFileSync(join(dir, 'pod.yaml'), 'utf8')).toBe(PRIVILEGED_POD);
    expect(readFileSync(join(dir, 'bare.yaml'), 'utf8')).toBe(BARE_POD);
  });

  it('does not write a file it cannot write, and exits 2', async () => {
    if (process.getuid?.() === 0) return; // root ignores file permissions
    const dir = tree({ 'pod.yaml': PRIVILEGED_POD });
    chmodSync(join(dir, 'pod.yaml'), 0o444);
    const r = await cli(['fix'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kube-immutable: pod.yaml: cannot write: EACCES; not written\n');
    expect(readFileSync(join(dir, 'pod.yaml'), 'utf8')).toBe(PRIVILEGED_POD);
  });

  it('leaves a file alone when nothing is fixable', async () => {
    const dir = tree({ 'ns.yaml': NAMESPACE });
    writeFileSync(join(dir, 'ns.yaml'), NAMESPACE);
    const r = await cli(['fix'], dir);
    expect(r).toEqual({ code: 0, stdout: 'Fixed 0 findings in 0 files; 0 findings remain\n', stderr: '' });
    expect(existsSync(join(dir, 'ns.yaml'))).toBe(true);
  });
});

describe('internal errors', () => {
  it('turns an error a command raises after its first await into exit status 2 with a message', async () => {
    const dir = tree({ 'pod.yaml': PRIVILEGED_POD });
    let stderr = '';
    const code = await main(['scan', '.', '--format', 'json'], {
      stdout: () => {
        throw new Error('stdout is gone');
      },
      stderr: (t) => void (stderr += t),
      cwd: dir,
      isTTY: false,
      env: {},
    });
    expect(code).toBe(2);
    expect(stderr).toContain('kube-immutable: internal error: stdout is gone');
  });
});

describe('fix: guesses and behaviour changes', () => {
  /** An image not in the table: the read-only fix's /tmp mount is a guess. */
  const UNKNOWN = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: u',
    'spec:',
    '  containers:',
    '  - name: app',
    '    image: ghcr.io/example/app:1.0',
    '    securityContext:',
    '      allowPrivilegeEscalation: false',
    '      runAsNonRoot: true',
    '      capabilities: {drop: [ALL]}',
    '      seccompProfile: {type: RuntimeDefault}',
    '',
  ].join('\n');

  it('by default does not apply the /tmp guess, and says so', async () => {
    const dir = tree({ 'u.yaml': UNKNOWN });
    const r = await cli(['fix', '--fail-level', 'none'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'u.yaml'), 'utf8')).toBe(UNKNOWN);
    expect(r.stdout).toContain('Suggestion (a guess) — not applied; use --include-guesses: Set readOnlyRootFilesystem: true and mount an emptyDir at /tmp');
    expect(r.stdout).toContain('+      readOnlyRootFilesystem: true');
    expect(r.stdout).toMatch(/; 0 fixable, 1 guess suggested\nFixed 0 findings in 0 files; 1 finding remain\n$/);
  });

  it('--include-guesses applies the /tmp mount', async () => {
    const dir = tree({ 'u.yaml': UNKNOWN });
    const r = await cli(['fix', '--include-guesses'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('fixed u.yaml: 1 finding\nFixed 1 finding in 1 file; 0 findings remain\n');
    const fixed = readFileSync(join(dir, 'u.yaml'), 'utf8');
    expect(fixed).toContain('      readOnlyRootFilesystem: true\n');
    expect(fixed).toContain('    volumeMounts:\n    - name: tmp\n      mountPath: /tmp\n  volumes:\n  - name: tmp\n    emptyDir: {}\n');
  });

  it('the configuration can include guesses and behaviour changes; an unknown policy is a usage error', async () => {
    const dir = tree({
      'u.yaml': UNKNOWN,
      'p.yaml': PRIVILEGED_POD,
      '.github/kube-immutable.yaml': 'fixes:\n  includeGuesses: true\n  applyBehaviourChanges: [no-privileged-container]\n',
    });
    const r = await cli(['fix'], dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^fixed p\.yaml: 3 findings\nfixed u\.yaml: 1 finding\n/);
    expect(readFileSync(join(dir, 'p.yaml'), 'utf8')).toContain('privileged: false');
    expect(readFileSync(join(dir, 'u.yaml'), 'utf8')).toContain('mountPath: /tmp');
    const bad = await cli(['fix', '--apply-behaviour-changes', 'no-such-policy'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^kube-immutable: --apply-behaviour-changes: unknown policy "no-such-policy"; known policies: /);
  });
});
