import { builtinPolicies } from '../../policies/index.js';
import { run } from '../../src/engine/run.js';
import { collectFiles } from '../../src/files.js';
import {
  escapeData,
  escapeProperty,
  findingCommand,
  formatGithub,
  githubReportWriter,
  nothingChecked,
  nothingCheckedWarning,
  summarize,
  summaryLine,
  workflowCommand,
} from '../../src/report/index.js';
import type { Finding, RunResult } from '../../src/engine/index.js';
import { CONFIGMAP, PRIVILEGED_POD, scan } from './helpers.js';
import { CORPUS } from '../corpus-path.js';

describe('GitHub workflow commands', () => {
  it('escapes data and properties per GitHub rules', () => {
    expect(escapeData('100%\r\nnext: a,b')).toBe('100%25%0D%0Anext: a,b');
    expect(escapeProperty('100%\r\nnext: a,b')).toBe('100%25%0D%0Anext%3A a%2Cb');
    expect(workflowCommand('warning', { file: 'a,b:c.yaml', line: 3, col: undefined }, 'x\ny')).toBe('::warning file=a%2Cb%3Ac.yaml,line=3::x%0Ay');
  });

  it('writes one annotation per finding with the exact range', () => {
    const files = [
      { path: 'pod.yaml', text: PRIVILEGED_POD },
      { path: 'cm.yaml', text: CONFIGMAP },
    ];
    const lines = formatGithub(scan(files)).trimEnd().split('\n');
    // PRIVILEGED_POD also breaks an API server rule (valid-manifest, line 11), which no-privileged-container's fix clears.
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /^::error file=pod\.yaml,line=11,col=7,endLine=11,endColumn=31,title=valid-manifest::cannot set allowPrivilegeEscalation to false and privileged to true /,
    );
    expect(lines[1]).toMatch(
      /^::error file=pod\.yaml,line=12,col=7,endLine=12,endColumn=17,title=no-privileged-container::container "app" runs privileged: even with /,
    );
    expect(lines[2]).toMatch(/^::warning file=cm\.yaml,line=2,col=1,endLine=2,endColumn=5,title=immutable-configmap-secret::ConfigMap "cfg" is not immutable/);
    expect(lines[3]).toBe('3 findings (2 errors, 1 warning, 0 info) in 2 files; 2 fixable');
  });

  it('escapes messages and file names of findings, uses notice for info and drops columns across lines', () => {
    const finding: Finding = {
      policyId: 'p',
      severity: 'info',
      messageId: 'm',
      message: '50% done\nsecond line',
      file: 'dir/we,ird:name.yaml',
      range: { start: { line: 2, column: 3, offset: 10 }, end: { line: 4, column: 1, offset: 30 } },
      object: undefined,
      container: undefined,
      fingerprint: 'f',
      fixId: undefined,
      fixProblem: undefined,
      suggestions: [],
    };
    expect(findingCommand(finding)).toBe('::notice file=dir/we%2Cird%3Aname.yaml,line=2,endLine=4,title=p::50%25 done%0Asecond line');
  });

  it('announces skipped files as notices', () => {
    const files = [{ path: 'bin.yaml', text: 'a\u0000b' }];
    expect(formatGithub(scan(files))).toContain('::notice file=bin.yaml,title=kube-immutable%3A file skipped::binary file (contains NUL bytes)\n');
  });
});

describe('githubReportWriter (the report written part by part)', () => {
  /** The whole-run report as first specified: findings, skipped-file notices, summary line. */
  const reference = (result: RunResult) =>
    [
      ...result.findings.filter((f) => !f.suppressed).map(findingCommand),
      ...result.files
        .filter((f) => f.skipped !== undefined)
        .map((f) => workflowCommand('notice', { file: f.path, title: 'kube-immutable: file skipped' }, f.skipped!)),
      ...(nothingChecked(summarize(result)) ? [workflowCommand('warning', { title: 'kube-immutable' }, nothingCheckedWarning(summarize(result)))] : []),
      summaryLine(summarize(result)),
    ].join('\n') + '\n';

  const corpus = collectFiles(['.'], { cwd: CORPUS }).files;
  // Skipped files in the middle and at the end: their notices come after every finding.
  const files = [
    ...corpus.slice(0, 300),
    { path: 'chart/templates/deploy.yaml', text: 'name: {{ .Release.Name }}\n' },
    ...corpus.slice(300),
    { path: 'blob.yaml', text: 'a\u0000b' },
  ];
  const whole = run(files, builtinPolicies, { today: '2026-11-21' });

  it('gives exactly the whole-run report, however the run is cut into parts', () => {
    expect(whole.findings.length).toBeGreaterThan(1000);
    expect(whole.files.some((f) => f.skipped !== undefined)).toBe(true);
    expect(formatGithub(whole)).toBe(reference(whole));
    let seed = 5;
    for (const maxPart of [1, 7, 100, files.length]) {
      const writer = githubReportWriter();
      let text = '';
      for (let i = 0; i < files.length;) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        const n = 1 + (seed % maxPart);
        text += writer.add(run(files.slice(i, i + n), builtinPolicies, { today: '2026-11-21' }));
        i += n;
      }
      text += writer.finish();
      expect(text === reference(whole)).toBe(true);
      expect(writer.summary).toEqual(summarize(whole));
    }
  }, 120_000);

  it('ends an empty run with the nothing-checked warning and the summary line', () => {
    const writer = githubReportWriter();
    expect(writer.finish()).toBe(reference({ files: [], findings: [], fixes: [] }));
    expect(writer.finish()).toBe(
      '::warning title=kube-immutable::no Kubernetes manifest was checked: no file matched the paths and the include/exclude globs\n0 findings (0 errors, 0 warnings, 0 info) in 0 files; 0 fixable\n',
    );
  });
});
