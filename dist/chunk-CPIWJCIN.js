import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  cliSettings,
  engineForRun,
  exemptionModeLine,
  renderStep,
  runScan,
  runScanInParts
} from "./chunk-6PCLY544.js";
import "./chunk-5MZPE4J7.js";
import {
  EXIT,
  failsAt,
  printCollectErrors,
  useColour
} from "./chunk-M25KFYYB.js";
import {
  joinParts
} from "./chunk-CYROEZAD.js";
import "./chunk-IARIDSZY.js";
import "./chunk-6NFZBB4S.js";
import {
  formatCompact,
  formatJson,
  formatText
} from "./chunk-FDLT4CX3.js";
import {
  githubReportWriter,
  nothingChecked,
  nothingCheckedWarning,
  sarifChunks,
  summarize,
  summaryLine
} from "./chunk-LYE55XUZ.js";
import "./chunk-MEH5RECA.js";
import {
  collectFiles
} from "./chunk-SFQXZAG2.js";
import "./chunk-UH6I2W3D.js";
import "./chunk-GBQPUQWT.js";
import "./chunk-BWIBLJZ3.js";
import "./chunk-HMAY3IZG.js";
import "./chunk-WWHR42BP.js";
import "./chunk-XJ4RNHDL.js";
import "./chunk-GRKRAENP.js";
import "./chunk-QPSMOZU7.js";
import "./chunk-P3YRBRJ7.js";
import "./chunk-23UJLTM7.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-GCJCDDRW.js";
import "./chunk-EAZCXRIZ.js";

// src/cli/scan.ts
import { closeSync, openSync, writeSync } from "node:fs";
import { resolve } from "node:path";
async function scanCommand(cmd, io, toolVersion) {
  const settings = await cliSettings(cmd, io);
  const collected = collectFiles(cmd.paths, { include: settings.include, exclude: settings.exclude, cwd: io.cwd });
  const errors = collected.errors;
  printCollectErrors(errors, io);
  const engine = await engineForRun(cmd, settings.engine, collected.files, io);
  const { files, join: rendered, sources } = await renderStep(cmd, collected.files, settings.exclude, settings.policies, engine, io, settings.helmCharts);
  if (cmd.format === "github") {
    const scanned = await githubScan(cmd, files, settings.policies, settings.recipe, engine, io, rendered);
    if (scanned === void 0) return EXIT.usage;
    const allowed2 = emptyRunAllowed(cmd, scanned.summary, io);
    if (errors.length > 0 || !settings.ok || !allowed2) return EXIT.usage;
    return scanned.failing ? EXIT.findings : EXIT.ok;
  }
  const plain = await runScan(cmd, files, settings.policies, settings.recipe, engine, io);
  const result = rendered ? joinParts([rendered.plain(plain), rendered.rest()]) : plain;
  if (!cmd.verbose && cmd.base === void 0 && engine.exemptionGovernance?.annotations === "base-only" && result.findings.some((f) => f.suppressed?.kind === "inSource")) {
    io.stderr(`kube-immutable: ${exemptionModeLine(engine)}
`);
  }
  let report;
  switch (cmd.format) {
    case "json":
      report = [formatJson(result, [...collected.files, ...sources], { toolVersion })];
      break;
    case "sarif":
      report = batched(sarifChunks(result, settings.policies, { toolVersion }));
      break;
    case "text":
      report = [
        formatText(result, [...files, ...sources], {
          color: useColour(cmd, io, cmd.output === void 0 && io.isTTY),
          verbose: cmd.verbose,
          patches: cmd.patches
        })
      ];
      break;
    case "compact":
      report = [formatCompact(result, { color: useColour(cmd, io, cmd.output === void 0 && io.isTTY), verbose: cmd.verbose })];
  }
  if (cmd.output !== void 0) {
    try {
      const fd = openSync(resolve(io.cwd, cmd.output), "w");
      try {
        for (const piece of report) writeSync(fd, piece);
      } finally {
        closeSync(fd);
      }
    } catch (err) {
      io.stderr(`kube-immutable: cannot write ${cmd.output}: ${err.code ?? err.message}
`);
      return EXIT.usage;
    }
    io.stdout(`wrote ${cmd.output}: ${summaryLine(summarize(result))}
`);
  } else for (const piece of report) io.stdout(piece);
  const allowed = emptyRunAllowed(cmd, summarize(result), io);
  if (errors.length > 0 || !settings.ok || !allowed) return EXIT.usage;
  return failsAt(result.findings, cmd.failLevel) ? EXIT.findings : EXIT.ok;
}
function* batched(pieces) {
  let buffer = [];
  let size = 0;
  for (const p of pieces) {
    buffer.push(p);
    size += p.length;
    if (size >= 1 << 20) {
      yield buffer.join("");
      buffer = [];
      size = 0;
    }
  }
  if (buffer.length > 0) yield buffer.join("");
}
function emptyRunAllowed(cmd, summary, io) {
  if (!nothingChecked(summary)) return true;
  io.stderr(`kube-immutable: warning: ${nothingCheckedWarning(summary)}${cmd.allowEmpty ? "" : " (exit status 2; --allow-empty accepts this)"}
`);
  return cmd.allowEmpty;
}
async function githubScan(cmd, files, policies, recipe, engine, io, rendered) {
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
      const kept = rendered ? rendered.plain(part) : part;
      if (!failing && failsAt(kept.findings, cmd.failLevel)) failing = true;
      emit(writer.add(kept));
    });
    if (rendered) {
      const rest = rendered.rest();
      if (!failing && failsAt(rest.findings, cmd.failLevel)) failing = true;
      emit(writer.add(rest));
    }
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
  return { failing, summary: writer.summary };
}
export {
  scanCommand
};
