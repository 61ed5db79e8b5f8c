import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempTree } from './helpers.js';
import { nodeShellPod } from '../fixtures/node-shell.js';

const POD = nodeShellPod({ annotations: '    ignore.kube-immutable.io/all: "debug shell for the on-call team"\n', hostMount: false });

describe('the CLI says which exemption mode it applied', () => {
  it('base-only (the default) has no base commit in the CLI: the annotation is honoured as under allowed, and stderr says so', async () => {
    const dir = tempTree({ 'pod.yaml': POD }, { presetConfig: false });
    const r = await cli(['scan', 'pod.yaml'], dir);
    expect(r.stderr).toBe(
      "kube-immutable: exemption annotations: allowed (the configuration says base-only, which needs a pull request's base commit; this run has none); expiry at most 365 days ahead\n",
    );
    expect(r.code).toBe(0);
  });

  it('disabled: not honoured, an exemption finding; --verbose names the mode', async () => {
    const dir = tempTree({ 'pod.yaml': POD, '.github/kube-immutable.yaml': 'exemptions:\n  annotations: disabled\n' }, { presetConfig: false });
    const r = await cli(['scan', '--verbose', '--format', 'json', 'pod.yaml'], dir);
    expect(r.stderr).toMatch(/^kube-immutable: exemption annotations: disabled; expiry at most 365 days ahead$/m);
    const doc = JSON.parse(r.stdout);
    expect(doc.findings.filter((f: { policyId: string }) => f.policyId === 'exemption').map((f: { messageId: string }) => f.messageId)).toEqual([
      'annotationsDisabled',
    ]);
    expect(doc.exemptions.map((e: { honoured: boolean; refusals: string[]; atBase: unknown }) => [e.honoured, e.refusals, e.atBase])).toEqual([
      [false, ['annotationsDisabled'], null],
    ]);
    expect(r.code).toBe(1);
  });

  it('allowed: nothing to say unless --verbose', async () => {
    const dir = tempTree({ 'pod.yaml': POD, '.github/kube-immutable.yaml': 'exemptions: {annotations: allowed}\n' }, { presetConfig: false });
    expect((await cli(['scan', 'pod.yaml'], dir)).stderr).toBe('');
  });
});

describe('scan --base <git-ref>: base-only as on a pull request', () => {
  const git = (dir: string, ...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      stdio: 'ignore',
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' },
    });
  const repo = () => {
    const dir = tempTree(
      { 'pod.yaml': POD.replace(/  annotations:\n.*\n/, ''), '.github/kube-immutable.yaml': 'exemptions: {annotations: base-only}\n' },
      { presetConfig: false },
    );
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'base');
    return dir;
  };

  it('an annotation not at the ref is only requested (exit 1); once committed there, honoured (exit 0)', async () => {
    const dir = repo();
    writeFileSync(join(dir, 'pod.yaml'), POD);
    const r = await cli(['scan', '--base', 'HEAD', '--format', 'json', 'pod.yaml'], dir);
    expect(r.stderr).toMatch(/^kube-immutable: exemption annotations: base-only, against HEAD \([0-9a-f]{12}\); expiry at most 365 days ahead$/m);
    const doc = JSON.parse(r.stdout);
    expect(doc.exemptions.map((e: { honoured: boolean; refusals: string[] }) => [e.honoured, e.refusals])).toEqual([[false, ['notAtBase']]]);
    expect(r.code).toBe(1);
    git(dir, 'commit', '-qam', 'grant');
    const again = await cli(['scan', '--base', 'HEAD', 'pod.yaml'], dir);
    expect(again.code).toBe(0);
  });

  it('a ref that names no commit, or looks like an option, is a usage error (exit 2)', async () => {
    const dir = repo();
    const r = await cli(['scan', '--base', 'no-such-branch', 'pod.yaml'], dir);
    expect(r.stderr).toMatch(/^kube-immutable: --base: "no-such-branch" names no commit of the git repository here\n/);
    expect(r.code).toBe(2);
    const dash = await cli(['scan', '--base=--output=x', 'pod.yaml'], dir);
    expect(dash.stderr).toMatch(/--base must be a git ref/);
    expect(dash.code).toBe(2);
  });
});
