/** Entry of dist/cli.js (bin `kube-immutable`): runs the CLI with the process's arguments and streams. */
import { main } from './cli/main.js';

const code = await main(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  cwd: process.cwd(),
  isTTY: process.stdout.isTTY === true,
  env: process.env,
});
process.exitCode = code;
