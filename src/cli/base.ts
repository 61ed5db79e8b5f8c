import { execFileSync } from 'node:child_process';
import type { BaseExemption, EngineOptions, SourceFile } from '../engine/index.js';
import { baseExemptionsInText } from '../engine/index.js';
import { UsageError } from './args.js';

/** `git <args>` in `cwd`: its output, or undefined when git fails or is missing (no shell; arguments as an array). */
function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/**
 * `--base <git-ref>`: the commit the ref names (`git rev-parse --verify`, in `cwd`) and the
 * exemption annotations each file in `files` has there (`git show <sha>:./<path>`, paths relative
 * to `cwd`; a file absent at that commit has none — renames are not followed, so a renamed
 * file's exemptions count as requested). Returns `engine` with `baseExemptions`, so
 * `exemptions.annotations: base-only` applies as on a pull request. Throws {@link UsageError}
 * when the ref starts with `-` or names no commit (or `cwd` is not in a git repository).
 */
export function withGitBase(ref: string, engine: EngineOptions, files: readonly SourceFile[], cwd: string): { engine: EngineOptions; sha: string } {
  if (ref.startsWith('-')) throw new UsageError(`--base must be a git ref, got "${ref}"`);
  const sha = git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])?.trim();
  if (!sha || !/^[0-9a-f]{7,64}$/.test(sha)) throw new UsageError(`--base: "${ref}" names no commit of the git repository here`);
  const baseExemptions: Record<string, BaseExemption[]> = {};
  for (const f of files) {
    const text = git(cwd, ['show', '--no-textconv', `${sha}:./${f.path}`]);
    Object.defineProperty(baseExemptions, f.path, {
      value: text === undefined ? [] : baseExemptionsInText(text, engine.maxFileSizeBytes),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { engine: { ...engine, baseExemptions }, sha };
}
