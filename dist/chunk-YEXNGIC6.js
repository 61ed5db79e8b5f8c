import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  cliSettings,
  engineForRun,
  runScan
} from "./chunk-KCBDYF6T.js";
import {
  EXIT,
  failsAt,
  printCollectErrors,
  useColour
} from "./chunk-SF5KUJKY.js";
import "./chunk-GPX6IRP7.js";
import {
  formatGithub,
  formatJson,
  formatSarif,
  formatText,
  summarize,
  summaryLine
} from "./chunk-5QDX4WZR.js";
import {
  collectFiles
} from "./chunk-4OONSBEO.js";
import "./chunk-Q3TVPIWO.js";
import "./chunk-N6CDWI5X.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";

// src/cli/scan.ts
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
async function scanCommand(cmd, io, toolVersion) {
  const settings = await cliSettings(cmd, io);
  const { files, errors } = collectFiles(cmd.paths, { include: settings.include, exclude: settings.exclude, cwd: io.cwd });
  printCollectErrors(errors, io);
  const engine = await engineForRun(cmd, settings.engine, files, io);
  const result = await runScan(cmd, files, settings.policies, settings.recipe, engine, io);
  let report;
  switch (cmd.format) {
    case "json":
      report = formatJson(result, files, { toolVersion });
      break;
    case "sarif":
      report = formatSarif(result, settings.policies, { toolVersion });
      break;
    case "github":
      report = formatGithub(result);
      break;
    default:
      report = formatText(result, files, { color: useColour(cmd, io, cmd.output === void 0 && io.isTTY), verbose: cmd.verbose });
  }
  if (cmd.output !== void 0) {
    try {
      writeFileSync(resolve(io.cwd, cmd.output), report);
    } catch (err) {
      io.stderr(`kube-immutable: cannot write ${cmd.output}: ${err.code ?? err.message}
`);
      return EXIT.usage;
    }
    io.stdout(`wrote ${cmd.output}: ${summaryLine(summarize(result))}
`);
  } else io.stdout(report);
  if (errors.length > 0 || !settings.ok) return EXIT.usage;
  return failsAt(result.findings, cmd.failLevel) ? EXIT.findings : EXIT.ok;
}
export {
  scanCommand
};
