import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SourceFile } from '../engine/index.js';
import { collectFiles } from '../files.js';
import { findingLine, formatText, patchForFile, plural, summarize } from '../report/index.js';
import type { Command } from './args.js';
import { EXIT, failsAt, printCollectErrors, useColour, type CliIO } from './io.js';
import { cliSettings, engineForRun, runScan } from './settings.js';
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
  const { files, errors } = collectFiles(cmd.paths, { include: settings.include, exclude: settings.exclude, cwd: io.cwd });
  printCollectErrors(errors, io);
  let ioFailed = errors.length > 0 || !settings.ok;
  const engine = await engineForRun(cmd, settings.engine, files, io);
  const before = await runScan(cmd, files, settings.policies, settings.recipe, engine, io);
  const fixedFiles: SourceFile[] = [];
  const changed: SourceFile[] = [];
  for (const [i, fr] of before.files.entries()) {
    const original = files[i]!;
    if (fr.fixedText === undefined || fr.fixedText === original.text) {
      fixedFiles.push(original);
      continue;
    }
    if (cmd.dryRun) io.stdout(patchForFile(fr, original.text));
    else {
      const problem = writeFixed(resolve(io.cwd, original.path), original.text, fr.fixedText);
      if (problem) {
        io.stderr(`kube-immutable: ${original.path}: ${problem}; not written\n`);
        ioFailed = true;
        fixedFiles.push(original);
        continue;
      }
    }
    const fixed = { path: original.path, text: fr.fixedText };
    fixedFiles.push(fixed);
    changed.push(fixed);
  }

  const after = await runScan(cmd, fixedFiles, settings.policies, settings.recipe, engine, io);
  const remaining = new Set(after.findings.map((f) => f.fingerprint));
  const notes: string[] = [];
  let fixedCount = 0;
  for (const f of changed) {
    const n = before.findings.filter((x) => x.file === f.path && !remaining.has(x.fingerprint)).length;
    fixedCount += n;
    notes.push(`${cmd.dryRun ? 'would fix' : 'fixed'} ${f.path}: ${plural(n, 'finding')}`);
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

/**
 * Write `fixed` to `abs` when the file still holds `original` (as read: UTF-8, a leading BOM
 * kept in both texts). Returns a problem description instead of throwing.
 */
function writeFixed(abs: string, original: string, fixed: string): string | undefined {
  try {
    const current = readFileSync(abs, 'utf8');
    if (current !== original) return 'the file changed since it was read';
    writeFileSync(abs, fixed);
    return undefined;
  } catch (err) {
    return `cannot write: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
  }
}
