import { diskFiles, loadRunSettings, type RunSettings } from '../settings/load.js';
import type { FileCommandOptions } from './args.js';
import type { CliIO } from './io.js';

/**
 * The configuration and custom policies for `scan`/`fix`, read from disk under the working
 * folder (`--config`, or `.github/kube-immutable.yaml` when present). Problems go to stderr;
 * `ok` is false when there were any (the command still runs with what loaded, then exits 2).
 * Include/exclude: the command line's, else the configuration's, else the defaults.
 */
export function cliSettings(cmd: FileCommandOptions, io: CliIO): RunSettings & { ok: boolean; include: string[]; exclude: string[] } {
  const settings = loadRunSettings(diskFiles(io.cwd), cmd.config);
  for (const p of settings.problems) io.stderr(`kube-immutable: ${p}\n`);
  return {
    ...settings,
    ok: settings.problems.length === 0,
    include: cmd.include.length > 0 ? cmd.include : settings.include ?? [],
    exclude: cmd.exclude.length > 0 ? cmd.exclude : settings.exclude ?? [],
  };
}
