import { VERSION } from '../version.js';
import { parseCommandLine, UsageError } from './args.js';
import { EXIT, type CliIO } from './io.js';

export type { CliIO } from './io.js';

/** The tool's version (src/version.ts, kept equal to package.json's). */
export { VERSION } from '../version.js';

/**
 * Run the CLI with the arguments after the program name (`['scan', '.']`). Writes only through
 * `io`; resolves to the exit code (0 ok, 1 findings at or above the fail level, 2 usage or I/O
 * error). Usage errors print one message and a hint, never a stack trace; an unexpected
 * exception prints its message (stack trace only when KUBE_IMMUTABLE_DEBUG is set) and gives 2.
 * Each command's modules (engine, policies, reports) are imported when that command runs, so help,
 * version and usage errors load none of them.
 */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    const cmd = parseCommandLine(argv);
    switch (cmd.kind) {
      case 'help':
        io.stdout(cmd.text);
        return EXIT.ok;
      case 'version':
        io.stdout(`${VERSION}\n`);
        return EXIT.ok;
      case 'policies': {
        // Built-in policies and the custom ones of the configuration in the working folder.
        const [{ diskFiles, loadRunSettings }, { policiesTable }] = await Promise.all([import('../settings/load.js'), import('./policies.js')]);
        const settings = await loadRunSettings(diskFiles(io.cwd), undefined);
        for (const p of settings.problems) io.stderr(`kube-immutable: ${p}\n`);
        io.stdout(policiesTable(settings.policies));
        return settings.problems.length > 0 ? EXIT.usage : EXIT.ok;
      }
      case 'scan':
        return await (await import('./scan.js')).scanCommand(cmd, io, VERSION);
      case 'fix':
        return await (await import('./fix.js')).fixCommand(cmd, io);
      case 'init':
        return (await import('./init.js')).initCommand(cmd, io);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      const command = argv[0] && !argv[0].startsWith('-') && ['scan', 'fix', 'policies', 'init'].includes(argv[0]) ? `${argv[0]} ` : '';
      io.stderr(`kube-immutable: ${err.message}\nRun 'kube-immutable ${command}--help' for usage.\n`);
      return EXIT.usage;
    }
    const e = err as Error;
    io.stderr(`kube-immutable: internal error: ${e?.message ?? String(err)}\n${io.env?.KUBE_IMMUTABLE_DEBUG ? `${e?.stack ?? ''}\n` : ''}`);
    return EXIT.usage;
  }
}
