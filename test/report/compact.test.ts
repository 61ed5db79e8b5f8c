import { run } from '../../src/engine/index.js';
import { DEFAULT_EXEMPTION_GOVERNANCE } from '../../src/settings/config.js';
import { builtinPolicies } from '../../policies/index.js';
import { formatCompact, formatText, summarize, summaryLine } from '../../src/report/index.js';
import { CONFIGMAP, DANGEROUS, HOSTILE_POD, NGINX_POD, PRIVILEGED_POD, scan } from './helpers.js';

describe('formatCompact', () => {
  it('prints one line a finding, file:line:col severity policy message, then the summary line', () => {
    const files = [
      { path: 'pod.yaml', text: PRIVILEGED_POD },
      { path: 'cm.yaml', text: CONFIGMAP },
    ];
    const r = scan(files);
    expect(r.findings.length).toBeGreaterThanOrEqual(3);
    const lines = formatCompact(r).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toEqual([
      ...r.findings.map((f) => `${f.file}:${f.range.start.line}:${f.range.start.column} ${f.severity} ${f.policyId} ${f.message}`),
      summaryLine(summarize(r)),
    ]);
    expect(lines[0]).toMatch(/^pod\.yaml:11:7 error valid-manifest cannot set allowPrivilegeEscalation to false /);
    // No patch, suggestion or indented line at all, though the text report has them.
    expect(formatText(r, files)).toContain('    --- a/pod.yaml');
    expect(lines.some((l) => l.startsWith(' '))).toBe(false);
  });

  it('escapes hostile file names and messages exactly as the text report, one line per finding', () => {
    const path = '::warning::x/\x1b[31mred\n::error::forged\u202E.yaml';
    const files = [{ path, text: HOSTILE_POD }];
    const r = scan(files);
    expect(r.findings.some((f) => f.message.includes('\n') || f.message.includes('\x1b'))).toBe(true);
    for (const color of [false, true]) {
      const lines = formatCompact(r, { color }).replace(/\n$/, '').split('\n');
      expect(lines).toHaveLength(r.findings.length + 1);
      for (const l of lines) {
        const plain = color ? l.replace(/\x1b\[\d+m/g, '') : l;
        expect({ l, dangerous: DANGEROUS.test(plain) }).toEqual({ l, dangerous: false });
        expect(plain).not.toMatch(/^\s*(::|##\[)/);
      }
    }
    const out = formatCompact(r);
    // The path as the text report writes it (its first line starts with it too).
    const shownPath = '\\x3a:warning::x/\\e[31mred\\n::error::forged\\u{202E}.yaml';
    expect(formatText(r, files).split('\n')[0]!.startsWith(`${shownPath}:`)).toBe(true);
    for (const l of out.replace(/\n$/, '').split('\n').slice(0, -1)) expect(l.startsWith(`${shownPath}:`)).toBe(true);
    expect(out).toContain('app\\n::error file=x::forged\\r\\u{202E}gpj.exe\\u{200B}\\x85');
  });

  it('leaves out suppressed findings (the summary counts them) and says when nothing was checked', () => {
    const text = NGINX_POD.replace('  name: web\n', '  name: web\n  annotations:\n    ignore.kube-immutable.io/image-digest: "pinned by the release job"\n');
    const r = run([{ path: 'pod.yaml', text }], builtinPolicies, { exemptionGovernance: { ...DEFAULT_EXEMPTION_GOVERNANCE, annotations: 'allowed' } });
    const suppressed = r.findings.filter((f) => f.suppressed);
    expect(suppressed.map((f) => f.policyId)).toEqual(['image-digest']);
    const lines = formatCompact(r).replace(/\n$/, '').split('\n');
    expect(lines).toHaveLength(r.findings.length - suppressed.length + 1);
    expect(lines.some((l) => l.includes(' image-digest '))).toBe(false);
    expect(lines[lines.length - 1]).toMatch(/; 1 suppressed by exemptions$/);

    const empty = scan([{ path: 'notes.yaml', text: 'foo: bar\n' }]);
    expect(formatCompact(empty).split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(/^warning: no Kubernetes manifest was checked: /),
      `${summaryLine(summarize(empty))}; 1 document skipped (--verbose lists them)`,
    ]);
  });
});
