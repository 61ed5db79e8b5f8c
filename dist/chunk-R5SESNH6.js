import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  cliSettings,
  engineForRun,
  renderStep,
  runScan
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
  findingLine,
  formatText
} from "./chunk-FDLT4CX3.js";
import {
  patchForFile,
  plural,
  summarize
} from "./chunk-LYE55XUZ.js";
import {
  safeLine,
  safeText
} from "./chunk-MEH5RECA.js";
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

// src/cli/fix.ts
import { randomBytes } from "node:crypto";
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
  writeFileSync
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
async function fixCommand(cmd, io) {
  const settings = await cliSettings(cmd, io);
  const collected = collectFiles(cmd.paths, { include: settings.include, exclude: settings.exclude, cwd: io.cwd });
  const errors = collected.errors;
  printCollectErrors(errors, io);
  let ioFailed = errors.length > 0 || !settings.ok;
  const engine = await engineForRun(cmd, settings.engine, collected.files, io);
  const { files, join: rendered } = await renderStep(cmd, collected.files, settings.exclude, settings.policies, engine, io, settings.helmCharts);
  const scanned = await runScan(cmd, files, settings.policies, settings.recipe, engine, io);
  const before = rendered ? rendered.proven(scanned) : scanned;
  const renderedBefore = rendered?.rest();
  const fixedFiles = [];
  const changed = [];
  const writeOne = (fr, original, fixedText) => {
    if (cmd.dryRun) io.stdout(patchForFile(fr, original.text));
    else {
      const problem = writeFixed(resolve(io.cwd, original.path), original.text, fixedText);
      if (problem) {
        io.stderr(`kube-immutable: ${safeText(original.path)}: ${problem}; not written
`);
        ioFailed = true;
        return false;
      }
    }
    changed.push({ path: original.path, text: fixedText });
    return true;
  };
  for (const [i, fr] of before.files.entries()) {
    const original = files[i];
    if (fr.fixedText === void 0 || fr.fixedText === original.text || !writeOne(fr, original, fr.fixedText)) fixedFiles.push(original);
    else fixedFiles.push({ path: original.path, text: fr.fixedText });
  }
  for (const fr of renderedBefore?.files ?? []) {
    const original = collected.files.find((f) => f.path === fr.path) ?? readSource(io.cwd, fr.path);
    if (fr.fixedText === void 0 || !original || fr.fixedText === original.text || changed.some((c) => c.path === fr.path)) continue;
    writeOne(fr, original, fr.fixedText);
  }
  const afterPlain = await runScan(cmd, fixedFiles, settings.policies, settings.recipe, engine, io);
  let after = afterPlain;
  if (rendered) {
    if (cmd.dryRun) {
      const touched = new Set(changed.map((f) => f.path));
      const rest = rendered.rest();
      after = joinParts([rendered.plain(afterPlain), { ...rest, findings: rest.findings.filter((f) => !touched.has(f.file)) }]);
    } else {
      const again = (await renderStep(cmd, collected.files, settings.exclude, settings.policies, engine, io, settings.helmCharts)).join;
      after = again ? joinParts([again.plain(afterPlain), again.rest()]) : afterPlain;
    }
  }
  const remaining = new Set(after.findings.map((f) => f.fingerprint));
  const notes = [];
  let fixedCount = 0;
  const beforeFindings = renderedBefore ? [...before.findings, ...renderedBefore.findings] : before.findings;
  for (const f of changed) {
    const n = beforeFindings.filter((x) => x.file === f.path && !remaining.has(x.fingerprint)).length;
    fixedCount += n;
    notes.push(safeLine(`${cmd.dryRun ? "would fix" : "fixed"} ${safeText(f.path)}: ${plural(n, "finding")}`));
  }
  const verb = cmd.dryRun ? "would fix" : "fixed";
  const total = `${verb[0].toUpperCase()}${verb.slice(1)} ${plural(fixedCount, "finding")} in ${plural(changed.length, "file")}; ${plural(after.findings.length, "finding")} ${cmd.dryRun ? "would remain" : "remain"}`;
  if (cmd.dryRun) {
    const lines = [...notes, ...after.findings.map((f) => findingLine(f)), total];
    io.stderr(lines.join("\n") + "\n");
  } else {
    const out = [...notes];
    if (after.findings.length > 0 || summarize(after).skippedFiles > 0) {
      if (out.length > 0) out.push("");
      out.push("Remaining:");
      out.push(formatText(after, fixedFiles, { color: useColour(cmd, io, io.isTTY), verbose: cmd.verbose }).replace(/\n$/, ""));
    }
    out.push(total);
    io.stdout(out.join("\n") + "\n");
  }
  if (ioFailed) return EXIT.usage;
  return failsAt(after.findings, cmd.failLevel) ? EXIT.findings : EXIT.ok;
}
function readSource(cwd, path) {
  try {
    return { path, text: readFileSync(resolve(cwd, path), "utf8") };
  } catch {
    return void 0;
  }
}
function writeFixed(abs, original, fixed, options = {}) {
  let target;
  try {
    target = realpathSync(abs);
    const current = readFileSync(target, "utf8");
    if (current !== original) return "the file changed since it was read";
  } catch (err) {
    return `cannot read: ${err.code ?? err.message}`;
  }
  try {
    accessSync(target, constants.W_OK);
  } catch (err) {
    return `cannot write: ${err.code ?? err.message}`;
  }
  const tmp = join(dirname(target), `.${basename(target)}.kube-immutable-${randomBytes(6).toString("hex")}.tmp`);
  let fd;
  try {
    const mode = statSync(target).mode & 4095;
    fd = openSync(tmp, "wx", mode);
    fchmodSync(fd, mode);
    (options.write ?? writeFileSync)(fd, fixed);
    fsyncSync(fd);
    closeSync(fd);
    fd = void 0;
    renameSync(tmp, target);
    return void 0;
  } catch (err) {
    if (fd !== void 0) {
      try {
        closeSync(fd);
      } catch {
      }
    }
    rmSync(tmp, { force: true });
    return `cannot write: ${err.code ?? err.message}`;
  }
}
export {
  fixCommand,
  writeFixed
};
