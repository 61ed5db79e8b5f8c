import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineRun, EngineRunOptions } from './types.js';

/** Default wall-clock budget of one engine run, in milliseconds. */
export const DEFAULT_RENDER_TIMEOUT_MS = 30_000;
/** Default upper bound of one engine run's stdout, in bytes (64 MiB). */
export const DEFAULT_RENDER_OUTPUT_BYTES = 64 * 1024 * 1024;
const STDERR_BYTES = 64 * 1024;

/** An address nothing listens on (TCP port 9, discard, on loopback): a proxy that refuses every connection. */
const NO_NETWORK_PROXY = 'http://127.0.0.1:9';

/**
 * The environment of an engine run, in a fresh folder `home` (created here): nothing of the
 * caller's environment (no KUBECONFIG, no cloud or registry credentials, no proxies), HOME and
 * every Helm folder (HELM_CONFIG_HOME, HELM_CACHE_HOME, HELM_DATA_HOME, HELM_PLUGINS,
 * HELM_REGISTRY_CONFIG, HELM_REPOSITORY_CONFIG, HELM_REPOSITORY_CACHE; Helm docs, "helm" env
 * section) empty inside it, plugins off (HELM_NO_PLUGINS=1), KUBECONFIG an empty file, PATH an
 * empty folder (Kustomize cannot run `git` for a remote base; nothing else is exec'd), and every
 * HTTP(S) proxy variable pointing at a port that refuses connections, so a Go HTTP client that
 * tries the network fails at once (defence in depth: remote loads are refused before a run).
 */
export function sandboxEnvironment(home: string): Record<string, string> {
  const dir = (...p: string[]) => {
    const d = join(home, ...p);
    mkdirSync(d, { recursive: true });
    return d;
  };
  const kubeconfig = join(dir('.kube'), 'config');
  writeFileSync(kubeconfig, '');
  const registryConfig = join(dir('helm', 'config', 'registry'), 'config.json');
  writeFileSync(registryConfig, '{}');
  return {
    HOME: home,
    PATH: dir('empty-path'),
    LANG: 'C.UTF-8',
    TMPDIR: dir('tmp'),
    KUBECONFIG: kubeconfig,
    HELM_CONFIG_HOME: dir('helm', 'config'),
    HELM_CACHE_HOME: dir('helm', 'cache'),
    HELM_DATA_HOME: dir('helm', 'data'),
    HELM_PLUGINS: dir('helm', 'plugins'),
    HELM_REGISTRY_CONFIG: registryConfig,
    HELM_REPOSITORY_CONFIG: join(dir('helm', 'config'), 'repositories.yaml'),
    HELM_REPOSITORY_CACHE: dir('helm', 'cache', 'repository'),
    HELM_NO_PLUGINS: '1',
    HTTP_PROXY: NO_NETWORK_PROXY,
    HTTPS_PROXY: NO_NETWORK_PROXY,
    http_proxy: NO_NETWORK_PROXY,
    https_proxy: NO_NETWORK_PROXY,
    NO_PROXY: '',
    no_proxy: '',
  };
}

/**
 * Run `binary args` in `opts.cwd` with the sandbox environment ({@link sandboxEnvironment}, in a
 * temporary folder removed afterwards), no stdin, and budgets: killed (SIGKILL) after
 * `opts.timeoutMs` (default {@link DEFAULT_RENDER_TIMEOUT_MS}) or once stdout passes
 * `opts.maxOutputBytes` (default {@link DEFAULT_RENDER_OUTPUT_BYTES}); stderr is kept up to 64 KiB.
 * `args` are passed as is (no shell). Resolves with what happened; rejects only when the binary
 * cannot be started (ENOENT, EACCES: the Node system error).
 */
export function runEngine(binary: string, args: readonly string[], opts: EngineRunOptions): Promise<EngineRun> {
  const home = mkdtempSync(join(tmpdir(), 'kube-immutable-render-'));
  const timeoutMs = opts.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS;
  const maxOut = opts.maxOutputBytes ?? DEFAULT_RENDER_OUTPUT_BYTES;
  return new Promise<EngineRun>((resolve, reject) => {
    const child = spawn(binary, [...args], { cwd: opts.cwd, env: sandboxEnvironment(home), stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let timedOut = false;
    let truncated = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (b: Buffer) => {
      if (truncated) return;
      if (outBytes + b.length > maxOut) {
        out.push(b.subarray(0, maxOut - outBytes));
        outBytes = maxOut;
        truncated = true;
        child.kill('SIGKILL');
        return;
      }
      out.push(b);
      outBytes += b.length;
    });
    child.stderr.on('data', (b: Buffer) => {
      if (errBytes >= STDERR_BYTES) return;
      const part = b.subarray(0, STDERR_BYTES - errBytes);
      err.push(part);
      errBytes += part.length;
    });
    const done = () => {
      clearTimeout(timer);
      rmSync(home, { recursive: true, force: true });
    };
    child.on('error', (e) => {
      done();
      reject(e);
    });
    child.on('close', (code) => {
      done();
      resolve({
        code: code ?? undefined,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
        truncated,
      });
    });
  });
}
