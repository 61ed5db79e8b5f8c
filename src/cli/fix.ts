import { randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fsyncSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { FileResult, SourceFile } from '../engine/index.js';
import { collectFiles } from '../files.js';
import { findingLine, formatText, patchForFile, plural, safeLine, safeText, summarize } from '../report/index.js';

import type { Command } from './args.js';
import { EXIT, failsAt, printCollectErrors, useColour, type CliIO } from './io.js';
import { cliSettings, engineForRun, runScan } from './settings.js';
import { joinParts } from '../engine/parallel.js';
import { renderStep } from './render.js';
/**
 * `kube-immutable fix`: write each file's `fixedText` (every verified fix applied) back in place,
 * then re-scan the fixed texts to list what remains. With `--dry-run` the whole-file unified
 * diffs go to stdout (nothing else, so it can be piped to `git apply`) and the notes to stderr;
 * nothing is written. A UTF-8 byte order mark is kept; a file that changed on disk since it was
 * read is not written. With `--resolve-digests`, image digests are looked up first (so the
 * image-digest fix can pin them). Resolves to the exit code: 2 when a path could not be read or written, else
 * 1 when a remaining finding (one the fixes did not remove) is at or above the fail level, else 0.
 */
export async function fixCommand(cmd: Extract<Command, { kind: 'fix' }>, io: CliIO): Promise<number> {
  const settings = await cliSettings(cmd, io);
  const collected = collectFiles(cmd.paths, { include: settings.include, exclude: settings.exclude, cwd: io.cwd });
  const errors = collected.errors;
  printCollectErrors(errors, io);
  let ioFailed = errors.length > 0 || !settings.ok;
  const engine = await engineForRun(cmd, settings.engine, collected.files, io);
  // Resource files of Kustomize roots are fixed as plain files, with the fixes the rebuilds
  // confirm; a value an overlay patch sets is fixed in the patch, a rendered Helm object in its
  // chart's values file (the rendered result's files); what only a render shows and has no
  // proven fix is listed with what remains.
  const { files, join: rendered } = await renderStep(cmd, collected.files, settings.exclude, settings.policies, engine, io, settings.helmCharts);
  const scanned = await runScan(cmd, files, settings.policies, settings.recipe, engine, io);
  const before = rendered ? rendered.proven(scanned) : scanned;
  const renderedBefore = rendered?.rest();
  const fixedFiles: SourceFile[] = [];
  const changed: SourceFile[] = [];
  /** Write (or, with --dry-run, print) one file's fixed text; false when it could not be written. */
  const writeOne = (fr: FileResult, original: SourceFile, fixedText: string): boolean => {
    if (cmd.dryRun) io.stdout(patchForFile(fr, original.text));
    else {
      const problem = writeFixed(resolve(io.cwd, original.path), original.text, fixedText);
      if (problem) {
        io.stderr(`kube-immutable: ${safeText(original.path)}: ${problem}; not written\n`);
        ioFailed = true;
        return false;
      }
    }
    changed.push({ path: original.path, text: fixedText });
    return true;
  };
  for (const [i, fr] of before.files.entries()) {
    const original = files[i]!;
    if (fr.fixedText === undefined || fr.fixedText === original.text || !writeOne(fr, original, fr.fixedText)) fixedFiles.push(original);
    else fixedFiles.push({ path: original.path, text: fr.fixedText });
  }
  // Patches with a fix the rebuilds proved (never scanned plainly, so never written above).
  for (const fr of renderedBefore?.files ?? []) {
    const original = collected.files.find((f) => f.path === fr.path) ?? readSource(io.cwd, fr.path);
    if (fr.fixedText === undefined || !original || fr.fixedText === original.text || changed.some((c) => c.path === fr.path)) continue;
    writeOne(fr, original, fr.fixedText);
  }

  const afterPlain = await runScan(cmd, fixedFiles, settings.policies, settings.recipe, engine, io);
  let after = afterPlain;
  if (rendered) {
    if (cmd.dryRun) {
      // Nothing was written, so a render would show the old files: what the fixes change is left out.
      const touched = new Set(changed.map((f) => f.path));
      const rest = rendered.rest();
      after = joinParts([rendered.plain(afterPlain), { ...rest, findings: rest.findings.filter((f) => !touched.has(f.file)) }]);
    } else {
      // The fixed files are on disk: render them again.
      const again = (await renderStep(cmd, collected.files, settings.exclude, settings.policies, engine, io, settings.helmCharts)).join;
      after = again ? joinParts([again.plain(afterPlain), again.rest()]) : afterPlain;
    }
  }
  const remaining = new Set(after.findings.map((f) => f.fingerprint));
  const notes: string[] = [];
  let fixedCount = 0;
  const beforeFindings = renderedBefore ? [...before.findings, ...renderedBefore.findings] : before.findings;
  for (const f of changed) {
    const n = beforeFindings.filter((x) => x.file === f.path && !remaining.has(x.fingerprint)).length;
    fixedCount += n;
    notes.push(safeLine(`${cmd.dryRun ? 'would fix' : 'fixed'} ${safeText(f.path)}: ${plural(n, 'finding')}`));
  }
  const verb = cmd.dryRun ? 'would fix' : 'fixed';
  const total = `${verb[0]!.toUpperCase()}${verb.slice(1)} ${plural(fixedCount, 'finding')} in ${plural(changed.length, 'file')}; ${plural(after.findings.length, 'finding')} ${cmd.dryRun ? 'would remain' : 'remain'}`;
  if (cmd.dryRun) {
    const lines = [...notes, ...after.findings.map((f) => findingLine(f)), total];
    io.stderr(lines.join('\n') + '\n');
  } else {
    const out: string[] = [...notes];
    if (after.findings.length > 0 || summarize(after).skippedFiles > 0) {
      if (out.length > 0) out.push('');
      out.push('Remaining:');
      out.push(formatText(after, fixedFiles, { color: useColour(cmd, io, io.isTTY), verbose: cmd.verbose }).replace(/\n$/, ''));
    }
    out.push(total);
    io.stdout(out.join('\n') + '\n');
  }
  if (ioFailed) return EXIT.usage;
  return failsAt(after.findings, cmd.failLevel) ? EXIT.findings : EXIT.ok;
}

/** A file of the working folder as read for a fix (UTF-8), or undefined when it cannot be read. */
function readSource(cwd: string, path: string): SourceFile | undefined {
  try {
    return { path, text: readFileSync(resolve(cwd, path), 'utf8') };
  } catch {
    return undefined;
  }
}

/**
 * Write `fixed` to `abs` when the file still holds `original` (as read: UTF-8, a leading BOM
 * kept in both texts), atomically: the text goes to a new temporary file in the same folder
 * (`.<name>.kube-immutable-<random>.tmp`, created exclusively, with the original's permission
 * bits), is flushed to disk, and is renamed over the original — so a reader sees the old or the
 * new file, never a part, and a write that fails (a read-only folder, a full disk) leaves the
 * original untouched and removes the temporary file. A file its owner may not write (mode
 * 0444) is not written, as with a plain write. Owner and group are those of the user running
 * the fix (as after any editor's save). A symbolic link is replaced by the file
 * it points to being rewritten (the link is resolved first). Returns a problem description
 * instead of throwing. `options.write` replaces the write of the text to the temporary file's
 * descriptor (tests make it fail half-way).
 */
export function writeFixed(abs: string, original: string, fixed: string, options: { write?: (fd: number, text: string) => void } = {}): string | undefined {
  let target: string;
  try {
    target = realpathSync(abs);
    const current = readFileSync(target, 'utf8');
    if (current !== original) return 'the file changed since it was read';
  } catch (err) {
    return `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
  }
  try {
    // The rename could replace a file its owner made read-only: respect that, as a plain write would.
    accessSync(target, constants.W_OK);
  } catch (err) {
    return `cannot write: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
  }
  const tmp = join(dirname(target), `.${basename(target)}.kube-immutable-${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    const mode = statSync(target).mode & 0o7777;
    fd = openSync(tmp, 'wx', mode);
    fchmodSync(fd, mode); // the umask may have narrowed the mode openSync used
    (options.write ?? writeFileSync)(fd, fixed);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
    return undefined;
  } catch (err) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already closed or never opened
      }
    }
    rmSync(tmp, { force: true });
    return `cannot write: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
  }
}
