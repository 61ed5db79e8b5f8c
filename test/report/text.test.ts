import { readFileSync } from 'node:fs';
import { fixGroupLeads, formatText, summaryLine, summarize } from '../../src/report/index.js';
import { BARE_POD, CONFIGMAP, GROUP_POLICIES, NGINX_POD, PRIVILEGED_POD, scan, stubbornPolicy, suggestPolicy, throwingPolicy } from './helpers.js';

const ESC = '\x1b[';

describe('formatText', () => {
  it('prints each finding as file:line:col  severity  policy-id  message, then its fix patch', () => {
    const files = [{ path: 'pod.yaml', text: PRIVILEGED_POD }];
    const out = formatText(scan(files), files).split('\n');
    // First valid-manifest's apiRule (line 11: allowPrivilegeEscalation: false with privileged: true), which has no fix of its own.
    expect(out[0]).toMatch(/^pod\.yaml:11:7  error  valid-manifest  cannot set allowPrivilegeEscalation to false and privileged to true /);
    expect(out[1]).toMatch(/^pod\.yaml:12:7  error  no-privileged-container  container "app" runs privileged: /);
    // privileged: false is a behaviour change (applied here as the helper asks): the fix line says so.
    expect(out.slice(2, 6)).toEqual([
      '    fix (container "app" of Pod/web; behaviour change):',
      '    --- a/pod.yaml',
      '    +++ b/pod.yaml',
      '    @@ -9,7 +9,7 @@',
    ]);
    expect(out).toContain('    -      privileged: true');
    expect(out).toContain('    +      privileged: false');
    expect(out[out.length - 2]).toBe('2 findings (2 errors, 0 warnings, 0 info) in 1 file; 1 fixable');
    expect(out[out.length - 1]).toBe('');
  });

  it('shows the patch of a fix group once, however many findings it fixes', () => {
    const files = [{ path: 'bare.yaml', text: BARE_POD }];
    const r = scan(files);
    expect(r.findings.map((f) => f.policyId)).toEqual(['no-privilege-escalation', 'read-only-root-filesystem']);
    expect(r.findings[0]!.fixId).toBe(r.findings[1]!.fixId);
    const out = formatText(r, files);
    expect(out.match(/^ {4}--- a\/bare\.yaml$/gm)).toHaveLength(1);
    expect(out).toContain('    fix: included in the patch above');
    expect(out).toContain('bare.yaml:9:5  error  read-only-root-filesystem  ');
  });

  it("shows a fix group's patch under its most severe finding (the first of those), the others say where it is", () => {
    const files = [{ path: 'pod.yaml', text: NGINX_POD }];
    const r = scan(files, GROUP_POLICIES, {});
    const grouped = r.findings;
    expect(grouped.map((f) => [f.policyId, f.severity])).toEqual([
      ['seccomp-runtime-default', 'warning'],
      ['drop-all-capabilities', 'warning'],
      ['no-privilege-escalation', 'error'],
      ['read-only-root-filesystem', 'error'],
    ]);
    expect(new Set(grouped.map((f) => f.fixId)).size).toBe(1);
    expect([...fixGroupLeads(r).values()].map((f) => f.policyId)).toEqual(['no-privilege-escalation']);
    const out = formatText(r, files).split('\n');
    const after = (policy: string) => out[out.findIndex((l) => l.includes(`  ${policy}  `)) + 1];
    const below = '    fix: included in the patch below (under the no-privilege-escalation finding at pod.yaml:9:5)';
    expect(after('seccomp-runtime-default')).toBe(below);
    expect(after('drop-all-capabilities')).toBe(below);
    expect(after('no-privilege-escalation')).toBe('    fix (container "app" of Pod/web; known fact):');
    expect(after('read-only-root-filesystem')).toBe('    fix: included in the patch above (under the no-privilege-escalation finding at pod.yaml:9:5)');
    expect(out.filter((l) => l === '    --- a/pod.yaml')).toHaveLength(1);
    expect(out.indexOf('    --- a/pod.yaml')).toBe(out.indexOf('    fix (container "app" of Pod/web; known fact):') + 1);
    expect(out).toContain('    +    seccompProfile:');
  });

  it('without patches: every finding of a fix group says a fix is available, suggestions keep their line, no diff', () => {
    const files = [{ path: 'bare.yaml', text: BARE_POD }];
    const grouped = scan(files);
    const out = formatText(grouped, files, { patches: false });
    expect(out).not.toMatch(/^ {4}(---|\+\+\+|@@) /m);
    expect(out.match(/^ {4}fix available for container "app" of Pod\/bare \(run `kube-immutable fix`\)$/gm)).toHaveLength(2);
    expect(out).not.toContain('included in the patch');
    // The same findings and summary as with patches.
    const withPatches = formatText(grouped, files);
    const heads = (text: string) => text.split('\n').filter((l) => !l.startsWith(' '));
    expect(heads(out)).toEqual(heads(withPatches));
    const suggested = formatText(scan(files, [suggestPolicy]), files, { patches: false });
    expect(suggested).toBe(
      [
        'bare.yaml:7:5  warning  test-suggest  app has no runAsUser',
        '    Suggestion: set runAsUser: 10001',
        '    Suggestion: set runAsGroup: 10001',
        '',
        '1 finding (0 errors, 1 warning, 0 info) in 1 file; 0 fixable',
        '',
      ].join('\n'),
    );
  });

  it('colours diff lines only when colour is enabled', () => {
    const files = [{ path: 'pod.yaml', text: PRIVILEGED_POD }];
    const r = scan(files);
    expect(formatText(r, files, { color: false })).not.toContain(ESC);
    const coloured = formatText(r, files, { color: true });
    expect(coloured).toContain(`${ESC}32m+      privileged: false${ESC}0m`);
    expect(coloured).toContain(`${ESC}31m-      privileged: true${ESC}0m`);
    expect(coloured).toContain(`${ESC}36m@@ -9,7 +9,7 @@${ESC}0m`);
    expect(coloured).toContain(`  ${ESC}31merror${ESC}0m  no-privileged-container  `);
  });

  it('shows suggestions with their patch, withheld fixes and policy errors', () => {
    const files = [{ path: 'bare.yaml', text: BARE_POD }];
    const out = formatText(scan(files, [suggestPolicy, stubbornPolicy, throwingPolicy]), files);
    expect(out).toBe(
      [
        'bare.yaml:1:1  error  policy-error  policy test-throws failed on file bare.yaml (Pod bare): boom',
        'bare.yaml:7:5  info  test-stubborn  always reported',
        '    fix withheld: the fixed finding is still reported after the fix',
        'bare.yaml:7:5  warning  test-suggest  app has no runAsUser',
        '    Suggestion: set runAsUser: 10001',
        '    --- a/bare.yaml',
        '    +++ b/bare.yaml',
        '    @@ -8,3 +8,4 @@',
        '         image: ghcr.io/example/app:1.0',
        '         securityContext:',
        '           runAsNonRoot: true',
        '    +      runAsUser: 10001',
        '    Suggestion: set runAsGroup: 10001',
        '    --- a/bare.yaml',
        '    +++ b/bare.yaml',
        '    @@ -8,3 +8,4 @@',
        '         image: ghcr.io/example/app:1.0',
        '         securityContext:',
        '           runAsNonRoot: true',
        '    +      runAsGroup: 10001',
        '',
        '3 findings (1 error, 1 warning, 1 info) in 1 file; 0 fixable',
        '',
      ].join('\n'),
    );
  });

  it('lists skipped files always, skipped documents and parse problems one by one only with verbose', () => {
    const files = [
      { path: 'chart/templates/dep.yaml', text: '{{- if .Values.enabled }}\napiVersion: apps/v1\nkind: Deployment\n{{- end }}\n' },
      { path: 'multi.yaml', text: `${CONFIGMAP}---\nfoo: bar\n` },
      // A broken file that names a kind is a parse error (one that names neither apiVersion nor kind is a skipped document).
      { path: 'broken.yaml', text: 'kind: Pod\na: [1, 2\n' },
    ];
    const r = scan(files);
    const quiet = formatText(r, files);
    expect(quiet).toContain('chart/templates/dep.yaml: skipped: Helm/Go template syntax');
    expect(quiet).not.toContain('document 2 skipped');
    expect(quiet).toContain('broken.yaml: 1 YAML parse error, 0 YAML parse warnings');
    expect(quiet).toMatch(/in 3 files; 1 fixable; 1 file skipped; 2 documents skipped \(--verbose lists them\)\n$/);
    const verbose = formatText(r, files, { verbose: true });
    expect(verbose).toMatch(/^multi\.yaml:8: document 2 skipped: .+$/m);
    expect(verbose).toMatch(/^broken\.yaml:1: document 1 skipped: the YAML document has parse errors$/m);
    expect(verbose).toMatch(/^ {4}broken\.yaml:\d+:\d+  error  \S+  .+$/m);
  });

  it('prints only the summary when there is nothing to report', () => {
    const files = [{ path: 'ns.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n' }];
    expect(formatText(scan(files), files)).toBe('0 findings (0 errors, 0 warnings, 0 info) in 1 file; 0 fixable\n');
  });

  it('counts the seed examples right', () => {
    const paths = ['nginx-pod-misindented-volumes.yaml', 'nginx-pod-readonly.yaml', 'nginx-pod-typos.yaml'].map((p) => `examples/seeds/${p}`);
    const files = paths.map((path) => ({ path, text: readFileSync(path, 'utf8') }));
    const r = scan(files);
    const s = summarize(r);
    expect(s.findings).toBe(r.findings.length);
    expect(s.errors + s.warnings + s.info).toBe(s.findings);
    expect(s.fixable).toBe(r.findings.filter((f) => f.fixId !== undefined).length);
    const out = formatText(r, files);
    expect(out).toContain('examples/seeds/nginx-pod-readonly.yaml:11:5  error  no-privilege-escalation  ');
    expect(out).toContain('examples/seeds/nginx-pod-typos.yaml:18:5  error  valid-manifest  Volume #1 has no name');
    expect(out).toContain('examples/seeds/nginx-pod-misindented-volumes.yaml:18:1  error  valid-manifest  YAML syntax error');
    expect(out.trimEnd().split('\n').pop()).toBe(`${summaryLine(s)}; 1 document skipped (--verbose lists them)`);
    expect(summaryLine(s)).toBe(`${s.findings} findings (${s.errors} errors, ${s.warnings} warnings, ${s.info} info) in 3 files; ${s.fixable} fixable`);
  });
});
