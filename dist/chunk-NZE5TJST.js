import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-5MZPE4J7.js";
import {
  baseExemptionsInText
} from "./chunk-GBQPUQWT.js";
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

// src/cli/base.ts
import { execFileSync } from "node:child_process";
function git(cwd, args) {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return void 0;
  }
}
function withGitBase(ref, engine, files, cwd) {
  if (ref.startsWith("-")) throw new UsageError(`--base must be a git ref, got "${ref}"`);
  const sha = git(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])?.trim();
  if (!sha || !/^[0-9a-f]{7,64}$/.test(sha)) throw new UsageError(`--base: "${ref}" names no commit of the git repository here`);
  const baseExemptions = {};
  for (const f of files) {
    const text = git(cwd, ["show", "--no-textconv", `${sha}:./${f.path}`]);
    Object.defineProperty(baseExemptions, f.path, {
      value: text === void 0 ? [] : baseExemptionsInText(text, engine.maxFileSizeBytes),
      enumerable: true,
      writable: true,
      configurable: true
    });
  }
  return { engine: { ...engine, baseExemptions }, sha };
}
export {
  withGitBase
};
