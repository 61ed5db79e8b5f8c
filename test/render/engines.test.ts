import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findRenderEngines, parseVersion, whichOnPath } from '../../src/render/engines.js';
import { runEngine, sandboxEnvironment } from '../../src/render/run.js';
import { engineBinaries } from '../engines.js';

const temp = () => mkdtempSync(join(tmpdir(), 'ki-render-test-'));

describe('the engine binaries the render tests use (from npm dev dependencies)', () => {
  it('are real Helm 4, Helm 3 and kubectl with Kustomize', () => {
    const e = engineBinaries();
    expect(execFileSync(e.helm4, ['version', '--short'], { encoding: 'utf8' })).toMatch(/^v4\.1\.4\+/);
    expect(execFileSync(e.helm3, ['version', '--short'], { encoding: 'utf8' })).toMatch(/^v3\.17\.0\+/);
    const kubectl = execFileSync(e.kubectl, ['version', '--client'], { encoding: 'utf8' });
    expect(kubectl).toContain('Client Version: v1.35.2');
    expect(kubectl).toContain('Kustomize Version: v5.7.1');
  });
});

describe('findRenderEngines', () => {
  it('finds helm and kubectl kustomize on PATH, with their versions', async () => {
    const e = engineBinaries();
    const path = [dirname(e.helm4), dirname(e.kubectl)].join(':');
    const found = await findRenderEngines({ path });
    expect(found).toEqual({
      helm: { kind: 'helm', path: e.helm4, version: 'v4.1.4', major: 4 },
      kustomize: { kind: 'kustomize', path: e.kubectl, viaKubectl: true, version: 'v5.7.1' },
      problems: [],
    });
  });

  it('takes a helm the user names over PATH (Helm 3)', async () => {
    const e = engineBinaries();
    const found = await findRenderEngines({ helm: e.helm3, path: dirname(e.helm4) });
    expect(found.helm).toEqual({ kind: 'helm', path: e.helm3, version: 'v3.17.0', major: 3 });
  });

  it('a named binary that is missing is a problem, and PATH is not searched instead', async () => {
    const e = engineBinaries();
    const found = await findRenderEngines({ helm: '/nonexistent/helm', path: dirname(e.helm4) });
    expect(found.helm).toBeUndefined();
    expect(found.problems).toEqual(['helm /nonexistent/helm is not an executable file']);
  });

  it('nothing on PATH: no engine, no problem (the caller reports charts it cannot render)', async () => {
    expect(await findRenderEngines({ path: temp() })).toEqual({ helm: undefined, kustomize: undefined, problems: [] });
  });

  it('a binary that is not helm is refused', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'helm'), '#!/bin/sh\necho hello\n');
    chmodSync(join(dir, 'helm'), 0o755);
    const found = await findRenderEngines({ path: dir });
    expect(found.helm).toBeUndefined();
    expect(found.problems[0]).toMatch(/did not report a Helm 3 or 4 version/);
  });

  it('never looks in relative PATH entries (they would resolve inside a checkout)', () => {
    const dir = temp();
    mkdirSync(join(dir, 'bin'));
    writeFileSync(join(dir, 'bin', 'helm'), '#!/bin/sh\n');
    chmodSync(join(dir, 'bin', 'helm'), 0o755);
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      expect(whichOnPath('helm', 'bin:./bin')).toBeUndefined();
    } finally {
      process.chdir(cwd);
    }
  });

  it.each([
    ['v3.17.0+g301108e', 'v3.17.0'],
    ['version.BuildInfo{Version:"v3.9.4", GitCommit:"x"}', 'v3.9.4'],
    ['v5.7.1', 'v5.7.1'],
    ['{Version:kustomize/v5.4.2 GitCommit:x}', 'v5.4.2'],
    ['hello', undefined],
  ])('parseVersion(%j) is %j', (text, v) => {
    expect(parseVersion(text)).toBe(v);
  });
});

describe('runEngine (the sandbox)', () => {
  const sh = (script: string) => {
    const dir = temp();
    const p = join(dir, 'script');
    writeFileSync(p, `#!/bin/sh\n${script}\n`);
    chmodSync(p, 0o755);
    return { p, dir };
  };

  it('passes nothing of the caller environment: no KUBECONFIG, tokens or PATH, proxies that refuse', async () => {
    process.env.KI_SECRET_FOR_TEST = 'leak';
    try {
      const { p, dir } = sh('/usr/bin/env');
      const r = await runEngine(p, [], { cwd: dir });
      const env = Object.fromEntries(
        r.stdout
          .trim()
          .split('\n')
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
      expect(env.KI_SECRET_FOR_TEST).toBeUndefined();
      expect(env.GITHUB_TOKEN).toBeUndefined();
      expect(env.HTTPS_PROXY).toBe('http://127.0.0.1:9');
      expect(env.HELM_NO_PLUGINS).toBe('1');
      expect(env.HOME).toMatch(/kube-immutable-render-/);
      expect(env.KUBECONFIG!.startsWith(env.HOME!)).toBe(true);
      expect(env.PATH!.startsWith(env.HOME!)).toBe(true);
    } finally {
      delete process.env.KI_SECRET_FOR_TEST;
    }
  });

  it('stops a run at its time budget', async () => {
    const { p, dir } = sh('exec /bin/sleep 30');
    const t = Date.now();
    const r = await runEngine(p, [], { cwd: dir, timeoutMs: 300 });
    expect(r.timedOut).toBe(true);
    expect(r.code).toBeUndefined();
    expect(Date.now() - t).toBeLessThan(10_000);
  });

  it('stops a run at its output budget', async () => {
    const { p, dir } = sh('exec /usr/bin/yes');
    const r = await runEngine(p, [], { cwd: dir, maxOutputBytes: 10_000 });
    expect(r.truncated).toBe(true);
    expect(Buffer.byteLength(r.stdout)).toBe(10_000);
  });

  it('rejects when the binary cannot start', async () => {
    await expect(runEngine('/nonexistent/helm', [], { cwd: temp() })).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('the sandbox folders are fresh and empty', () => {
    const home = temp();
    const env = sandboxEnvironment(home);
    for (const k of ['HELM_CONFIG_HOME', 'HELM_CACHE_HOME', 'HELM_DATA_HOME', 'HELM_PLUGINS']) {
      expect(env[k]!.startsWith(home)).toBe(true);
      expect(readdirSync(env[k]!).filter((f) => !statSync(join(env[k]!, f)).isDirectory())).toEqual([]);
    }
    expect(readFileSync(env.KUBECONFIG!, 'utf8')).toBe('');
  });
});
