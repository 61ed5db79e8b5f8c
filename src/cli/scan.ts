import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { collectFiles } from '../files.js';
import { formatGithub, formatJson, formatSarif, formatText, summarize, summaryLine } from '../report/index.js';
import type { Command } from './args.js';
import { EXIT, failsAt, printCollectErrors, useColour, type CliIO } from './io.js';
import { cliSettings, engineForRun, runScan } from './settings.js';

/**
 * `kube-immutable scan`: collect files, run the built-in policies, write the report (stdout or
 * `--output`); with `--resolve-digests`, image digests are looked up first. Resolves to the exit code: 2 when a path could not be read or the output could not be
 * written (the readable files are still scanned and reported), else 1 when a finding is at or
 * above the fail level, else 0.
 */
export async function scanCommand(cmd: Extract<Command, { kind: 'scan' }>, io: CliIO, toolVersion: string): Promise<number> {
  const settings = await cliSettings(cmd, io);
  const { files, errors } = collectFiles(cmd.paths, { include: settings.include, exclude: settings.exclude, cwd: io.cwd });
  printCollectErrors(errors, io);
  const engine = await engineForRun(cmd, settings.engine, files, io);
  const result = await runScan(cmd, files, settings.policies, settings.recipe, engine, io);
  let report: string;
  switch (cmd.format) {
    case 'json':
      report = formatJson(result, files, { toolVersion });
      break;
    case 'sarif':
      report = formatSarif(result, settings.policies, { toolVersion });
      break;
    case 'github':
      report = formatGithub(result);
      break;
    default:
      report = formatText(result, files, { color: useColour(cmd, io, cmd.output === undefined && io.isTTY), verbose: cmd.verbose });
  }
  if (cmd.output !== undefined) {
    try {
      writeFileSync(resolve(io.cwd, cmd.output), report);
    } catch (err) {
      io.stderr(`kube-immutable: cannot write ${cmd.output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
      return EXIT.usage;
    }
    io.stdout(`wrote ${cmd.output}: ${summaryLine(summarize(result))}\n`);
  } else io.stdout(report);
  if (errors.length > 0 || !settings.ok) return EXIT.usage;
  return failsAt(result.findings, cmd.failLevel) ? EXIT.findings : EXIT.ok;
}
