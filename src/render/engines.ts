import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { runEngine } from './run.js';
import type { HelmEngine, KustomizeEngine } from './types.js';

/** Where the engines come from: explicit paths (action inputs, CLI flags) and the PATH to search. */
export interface EngineLookup {
  /** A helm binary named by the user (absolute, or relative to `cwd`); else `helm` on `path`. */
  helm?: string;
  /** A kustomize binary named by the user; else `kustomize` on `path`, else `kubectl kustomize`. */
  kustomize?: string;
  /** A kubectl binary named by the user (for `kubectl kustomize`); else `kubectl` on `path`. */
  kubectl?: string;
  /** The PATH to search (the caller's environment PATH), `:`-separated (`;` on Windows). */
  path?: string;
  /** The folder relative names are resolved from (default: the process's). */
  cwd?: string;
}

/** The engines found, and one line per engine that was named but is not usable. */
export interface FoundEngines {
  helm: HelmEngine | undefined;
  kustomize: KustomizeEngine | undefined;
  problems: string[];
}

function executable(p: string): boolean {
  try {
    if (!statSync(p).isFile()) return false;
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable `name` (`name.exe` on Windows) in the folders of `path`, absolute; undefined when none. */
export function whichOnPath(name: string, path: string | undefined): string | undefined {
  for (const dir of (path ?? '').split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue; // a relative PATH entry would resolve in the checkout: never
    for (const n of process.platform === 'win32' ? [`${name}.exe`, name] : [name]) {
      const p = join(dir, n);
      if (executable(p)) return p;
    }
  }
  return undefined;
}

/** `v3.17.0` from `v3.17.0+g301108e` (and `Version:"v3.17.0"` forms); undefined when none. */
export function parseVersion(text: string): string | undefined {
  return /v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?/.exec(text)?.[0];
}

/**
 * Find Helm and Kustomize: a binary the user named (`lookup.helm`, `.kustomize`, `.kubectl`) must
 * exist and be executable (else a problem line, and it is not searched for on PATH instead);
 * otherwise `helm`, then `kustomize` or `kubectl` (as `kubectl kustomize`) on `lookup.path`
 * (absolute folders only). Each found binary is asked its version in the sandbox (src/render/run.ts);
 * one that does not answer with a version is a problem line. Never throws.
 */
export async function findRenderEngines(lookup: EngineLookup): Promise<FoundEngines> {
  const problems: string[] = [];
  const named = (value: string | undefined, what: string): string | undefined | null => {
    if (value === undefined || value === '') return undefined;
    const p = resolve(lookup.cwd ?? process.cwd(), value);
    if (!executable(p)) {
      problems.push(`${what} ${value} is not an executable file`);
      return null;
    }
    return p;
  };
  const cwd = lookup.cwd ?? process.cwd();
  const versionOf = async (binary: string, args: string[]): Promise<string | undefined> => {
    try {
      const r = await runEngine(binary, args, { cwd, timeoutMs: 10_000, maxOutputBytes: 64 * 1024 });
      return r.code === 0 ? parseVersion(r.stdout) : undefined;
    } catch {
      return undefined;
    }
  };

  let helm: HelmEngine | undefined;
  const helmPath = named(lookup.helm, 'helm');
  const helmBinary = helmPath === null ? undefined : (helmPath ?? whichOnPath('helm', lookup.path));
  if (helmBinary) {
    const version = await versionOf(helmBinary, ['version', '--short']);
    const major = version ? Number(version.slice(1).split('.')[0]) : NaN;
    if (version && (major === 3 || major === 4)) helm = { kind: 'helm', path: helmBinary, version, major };
    else problems.push(`${helmBinary} did not report a Helm 3 or 4 version (helm version --short${version ? `: ${version}` : ''})`);
  }

  let kustomize: KustomizeEngine | undefined;
  const kustomizePath = named(lookup.kustomize, 'kustomize');
  const kubectlPath = named(lookup.kubectl, 'kubectl');
  const standalone = kustomizePath === null ? undefined : (kustomizePath ?? (lookup.kubectl ? undefined : whichOnPath('kustomize', lookup.path)));
  if (standalone) {
    const version = await versionOf(standalone, ['version']);
    if (version) kustomize = { kind: 'kustomize', path: standalone, viaKubectl: false, version };
    else problems.push(`${standalone} did not report a Kustomize version (kustomize version)`);
  }
  if (!kustomize && kustomizePath === undefined && kubectlPath !== null) {
    const kubectl = kubectlPath ?? whichOnPath('kubectl', lookup.path);
    if (kubectl) {
      let version: string | undefined;
      try {
        const r = await runEngine(kubectl, ['version', '--client'], { cwd, timeoutMs: 10_000, maxOutputBytes: 64 * 1024 });
        version = r.code === 0 ? parseVersion(/Kustomize Version:\s*(\S+)/.exec(r.stdout)?.[1] ?? '') : undefined;
      } catch {
        version = undefined;
      }
      if (version) kustomize = { kind: 'kustomize', path: kubectl, viaKubectl: true, version };
      else problems.push(`${kubectl} did not report a built-in Kustomize version (kubectl version --client)`);
    }
  }
  return { helm, kustomize, problems };
}
