/**
 * Shapes shared by the render layer (src/render/): the engines found (Helm, Kustomize) and the
 * result of running one in its sandbox. PR content is data: an engine only ever runs on a
 * temporary copy of the files, without network, plugins, kube config or the caller's
 * environment (see src/render/run.ts).
 */

/** A Helm binary found on PATH or named by the user. */
export interface HelmEngine {
  kind: 'helm';
  /** Absolute path of the binary. */
  path: string;
  /** `v3.17.0`, `v4.1.4` (from `helm version --short`, the `+g…` build suffix dropped). */
  version: string;
  /** 3 or 4. */
  major: number;
}

/** A Kustomize: the standalone `kustomize` binary, or `kubectl kustomize`. */
export interface KustomizeEngine {
  kind: 'kustomize';
  /** Absolute path of `kustomize`, or of `kubectl` when `viaKubectl`. */
  path: string;
  /** True when it is run as `kubectl kustomize`. */
  viaKubectl: boolean;
  /** The Kustomize version (`v5.7.1`). */
  version: string;
}

/** What one engine run gave. */
export interface EngineRun {
  /** Exit code (undefined when killed). */
  code: number | undefined;
  /** Standard output, at most the output budget (see `truncated`), UTF-8. */
  stdout: string;
  /** Standard error, at most 64 KiB, UTF-8. */
  stderr: string;
  /** True when the run was stopped at its time budget. */
  timedOut: boolean;
  /** True when stdout passed the output budget (the run was stopped there). */
  truncated: boolean;
}

/** Budgets and place of one engine run. */
export interface EngineRunOptions {
  /** The working folder (inside the temporary copy). */
  cwd: string;
  /** Wall-clock budget in milliseconds (default 30,000). */
  timeoutMs?: number;
  /** Upper bound of stdout in bytes (default 64 MiB). */
  maxOutputBytes?: number;
}
