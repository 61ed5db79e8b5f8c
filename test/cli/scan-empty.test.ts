/**
 * `kube-immutable scan` that checks no Kubernetes manifest at all (no file matched, or every
 * file skipped or not a Kubernetes object) warns on stderr and in the report, and exits 2
 * unless --allow-empty: a CI job must not pass having checked nothing.
 */
import { PRIVILEGED_POD } from '../report/helpers.js';
import { cli, tempTrees } from './helpers.js';

const COMPOSE = 'services:\n  web:\n    image: nginx\n';
const tree = tempTrees();

describe('scan: nothing checked', () => {
  it('no file matched: a warning on stderr and in the text report, exit 2', async () => {
    const dir = tree({ 'notes.txt': 'hello\n' });
    const r = await cli(['scan'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'kube-immutable: warning: no Kubernetes manifest was checked: no file matched the paths and the include/exclude globs (exit status 2; --allow-empty accepts this)\n',
    );
    expect(r.stdout).toBe(
      'warning: no Kubernetes manifest was checked: no file matched the paths and the include/exclude globs\n\n0 findings (0 errors, 0 warnings, 0 info) in 0 files; 0 fixable\n',
    );
  });

  it('every file is not a Kubernetes object: the same warning names why; --allow-empty exits 0 and still warns', async () => {
    const dir = tree({ 'compose.yaml': COMPOSE, 'chart/templates/x.yaml': 'kind: {{ .Values.kind }}\n' });
    const r = await cli(['scan'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^kube-immutable: warning: no Kubernetes manifest was checked: the 2 files found hold no Kubernetes object \(exit status 2; --allow-empty accepts this\)\n$/,
    );
    expect(r.stdout).toContain('warning: no Kubernetes manifest was checked');
    const ok = await cli(['scan', '--allow-empty'], dir);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe('kube-immutable: warning: no Kubernetes manifest was checked: the 2 files found hold no Kubernetes object\n');
  });

  it('the JSON, SARIF and github reports carry the warning too', async () => {
    const dir = tree({ 'compose.yaml': COMPOSE });
    const json = await cli(['scan', '--format', 'json', '--allow-empty'], dir);
    expect(JSON.parse(json.stdout).warnings).toEqual(['no Kubernetes manifest was checked: the 1 file found holds no Kubernetes object']);
    const sarif = await cli(['scan', '--format', 'sarif', '--allow-empty'], dir);
    expect(JSON.parse(sarif.stdout).runs[0].invocations[0].toolExecutionNotifications).toContainEqual({
      level: 'warning',
      message: { text: 'no Kubernetes manifest was checked: the 1 file found holds no Kubernetes object' },
    });
    const gh = await cli(['scan', '--format', 'github'], dir);
    expect(gh.code).toBe(2);
    expect(gh.stdout).toContain('::warning title=kube-immutable::no Kubernetes manifest was checked: the 1 file found holds no Kubernetes object\n');
  });

  it('a run that checked a manifest has no such warning', async () => {
    const dir = tree({ 'pod.yaml': PRIVILEGED_POD, 'compose.yaml': COMPOSE });
    const r = await cli(['scan', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).warnings).toEqual([]);
  });

  it('--help documents the exit status', async () => {
    expect((await cli(['scan', '--help'], '.')).stdout).toContain('--allow-empty         Exit 0 (with the warning) when no Kubernetes manifest was checked');
  });
});
