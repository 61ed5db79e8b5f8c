import { readFileSync } from 'node:fs';
import { run, type RunResult } from '../../src/engine/index.js';
import { seedPolicies } from '../seed-policies.js';
import { jobSummary } from '../../src/report/index.js';
import { renderedTags } from '../gfm-render.js';

const NGINX = readFileSync('examples/nginx-deployment.yaml', 'utf8');
const SHA = 'b'.repeat(40);
// No hostile container name is a DNS-1123 label, so valid-manifest reports it (apiRule) too: one more finding.
const HOSTILE = NGINX.replace('- name: nginx', '- name: "<img src=x onerror=alert(1)> @org/team #1 | x"');

describe('jobSummary', () => {
  const files = [
    { path: 'deploy/web.yaml', text: NGINX },
    { path: 'deploy/evil.yaml', text: HOSTILE },
    { path: 'chart/templates/x.yaml', text: '{{- if .Values.on }}\nkind: {{ .Values.kind }}\n{{- end }}\n' },
  ];
  const result = run(files, seedPolicies);
  const originals = new Map(files.map((f) => [f.path, f.text]));
  const md = jobSummary(result, { repoUrl: 'https://github.com/o/r', headSha: SHA, policies: seedPolicies, originals, notAnnotated: 3 });

  it('has the summary line, counts per policy and severity, and the totals', () => {
    expect(md).toMatch(/^## kube-immutable\n\n6 findings \(6 errors, 0 warnings, 0 info\) in 3 files; 4 fixable\./);
    expect(md).toContain('| Policy | Errors | Warnings | Info | Total |');
    expect(md).toContain(
      '| [read-only-root-filesystem](https://github.com/kube-immutable/kube-immutable/blob/main/policies/read-only-root-filesystem.md) | 2 | 0 | 0 | 2 |',
    );
    expect(md).toContain('| [valid-manifest](https://github.com/kube-immutable/kube-immutable/blob/main/policies/valid-manifest.md) | 1 | 0 | 0 | 1 |');
    expect(md).toContain('| **Total** | 6 | 0 | 0 | 6 |');
    expect(md).toContain('3 findings were not annotated (GitHub shows at most 10 annotations of each level per step and 50 per job).');
  });

  it('lists every finding with an escaped message and a link to its line at the head commit', () => {
    expect(md).toContain(`[deploy/web.yaml:19](https://github.com/o/r/blob/${SHA}/deploy/web.yaml#L19)`);
    const rows = md.split('\n').filter((l) => l.startsWith('| Error |'));
    expect(rows).toHaveLength(6);
    // The hostile container name breaks the API server's DNS-1123 rule; that message escapes it too.
    expect(
      rows.filter(
        (r) =>
          r.includes('valid-manifest') && r.includes('deploy/evil.yaml#L19') && r.includes('\\<img src=x onerror=alert(1)> @\u200Borg/team #\u200B1 \\| x'),
      ),
    ).toHaveLength(1);
    // The template that is not YAML is not skipped silently: an error of file-not-scanned at its line 1.
    expect(rows.filter((r) => r.includes('file-not-scanned') && r.includes('chart/templates/x.yaml#L1'))).toHaveLength(1);
    for (const r of rows) expect(r.split(/(?<!\\)\|/)).toHaveLength(6); // 4 cells: pipes inside are escaped
    expect(md).not.toMatch(/(?<!\\)<img/);
    expect(renderedTags(md)).not.toContain('img');
    expect(md).toContain('\\<img src=x onerror=alert(1)> @\u200Borg/team #\u200B1 \\| x');
  });

  it('shows each fix in a collapsible diff, and the skipped files', () => {
    expect(md.match(/<details><summary>/g)).toHaveLength(2);
    expect(md).toContain(
      '<details><summary>deploy/web.yaml: fix for container "nginx" of Deployment/web (2 findings)</summary>\n\n```diff\n--- a/deploy/web.yaml\n',
    );
    expect(md).toContain('fix for container "&lt;img src=x onerror=alert(1)> @\u200Borg/team #\u200B1 | x"');
    expect(md).toMatch(/### Skipped files\n\n- chart\/templates\/x\.yaml: Helm\/Go template syntax .+\n/);
  });

  it('stays under the byte limit with a note, never cutting a fence', () => {
    const many: RunResult = { files: [], findings: [], fixes: [] };
    for (let i = 0; i < 200; i++) {
      many.files.push(...result.files.map((f) => ({ ...f, path: `${i}/${f.path}` })));
      many.findings.push(...result.findings.map((f) => ({ ...f, file: `${i}/${f.file}` })));
      many.fixes.push(...result.fixes.map((g) => ({ ...g, file: `${i}/${g.file}` })));
    }
    const texts = new Map([...many.files].map((f) => [f.path, originals.get(f.path.replace(/^\d+\//, ''))!]));
    const limit = 100_000;
    const out = jobSummary(many, { repoUrl: 'https://github.com/o/r', headSha: SHA, policies: seedPolicies, originals: texts, maxBytes: limit });
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(limit);
    expect(out).toMatch(/_Note: \d+ more fixes not shown here: the job summary is limited to 100,000 bytes/);
    expect(out.split('\n').filter((l) => /^`{3,}/.test(l)).length % 2).toBe(0);
    expect((out.match(/<details>/g) ?? []).length).toBe((out.match(/<\/details>/g) ?? []).length);
    expect(out).toMatch(/_Note: \d+ more findings not listed/);
    const full = jobSummary(many, { repoUrl: 'https://github.com/o/r', headSha: SHA, policies: seedPolicies, originals: texts });
    expect(Buffer.byteLength(full)).toBeLessThanOrEqual(1024 * 1024);
  });

  it('works without originals (no diffs) and with a title', () => {
    const out = jobSummary(result, { repoUrl: 'https://github.com/o/r', headSha: SHA, policies: seedPolicies, title: 'Manifests <x>' });
    expect(out.startsWith('## Manifests \\<x>\n')).toBe(true);
    expect(out).not.toContain('<details>');
  });
});
