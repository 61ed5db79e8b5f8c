import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  cliSettings,
  engineForRun,
  runScan,
  runScanInParts
} from "./chunk-S7H6B324.js";
import {
  EXIT,
  failsAt,
  printCollectErrors,
  useColour
} from "./chunk-R2RRW35Z.js";
import "./chunk-XZBL3I5Z.js";
import {
  formatJson,
  formatSarif,
  formatText,
  githubReportWriter,
  summarize,
  summaryLine
} from "./chunk-GSS4W2O2.js";
import {
  collectFiles
} from "./chunk-QGFIMFNP.js";
import "./chunk-TD7DL4WF.js";
import "./chunk-H6EUGKT7.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";

// src/cli/scan.ts
import { closeSync, openSync, writeFileSync, writeSync } from "node:fs";
import { resolve } from "node:path";
async function scanCommand(cmd, io, toolVersion) {
  const settings = await cliSettings(cmd, io);
  const { files, errors } = collectFiles(cmd.paths, { include: settings.include, exclude: settings.exclude, cwd: io.cwd });
  printCollectErrors(errors, io);
  const engine = await engineForRun(cmd, settings.engine, files, io);
  if (cmd.format === "github") {
    const failing = await githubScan(cmd, files, settings.policies, settings.recipe, engine, io);
    if (failing === void 0 || errors.length > 0 || !settings.ok) return EXIT.usage;
    return failing ? EXIT.findings : EXIT.ok;
  }
  const result = await runScan(cmd, files, settings.policies, settings.recipe, engine, io);
  let report;
  switch (cmd.format) {
    case "json":
      report = formatJson(result, files, { toolVersion });
      break;
    case "sarif":
      report = formatSarif(result, settings.policies, { toolVersion });
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
async function githubScan(cmd, files, policies, recipe, engine, io) {
  const writer = githubReportWriter();
  let failing = false;
  let fd;
  let writeError;
  if (cmd.output !== void 0) {
    try {
      fd = openSync(resolve(io.cwd, cmd.output), "w");
    } catch (err) {
      writeError = err.code ?? err.message;
    }
  }
  const emit = (text) => {
    if (text === "" || writeError !== void 0) return;
    if (fd === void 0) return io.stdout(text);
    try {
      writeSync(fd, text);
    } catch (err) {
      writeError = err.code ?? err.message;
    }
  };
  try {
    await runScanInParts(cmd, files, policies, recipe, engine, io, (part) => {
      if (!failing && failsAt(part.findings, cmd.failLevel)) failing = true;
      emit(writer.add(part));
    });
    emit(writer.finish());
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
  if (writeError !== void 0) {
    io.stderr(`kube-immutable: cannot write ${cmd.output}: ${writeError}
`);
    return void 0;
  }
  if (cmd.output !== void 0) io.stdout(`wrote ${cmd.output}: ${summaryLine(writer.summary)}
`);
  return failing;
}
export {
  scanCommand
};
