import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  getInput,
  setSecret
} from "./chunk-IUBWPHFZ.js";

// src/github/inputs.ts
var DEFAULT_INCLUDE = ["**/*.[yY][aA][mM][lL]", "**/*.[yY][mM][lL]", "**/*.[jJ][sS][oO][nN]"];
var DEFAULT_EXCLUDE = [".github/**"];
function list(name) {
  return getInput(name).split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
}
function oneOf(name, allowed, fallback) {
  const v = getInput(name).trim();
  if (v === "") return fallback;
  const found = allowed.find((a) => a.toLowerCase() === v.toLowerCase());
  if (!found) throw new Error(`input ${name} must be one of ${allowed.join(", ")}; got ${JSON.stringify(v)}`);
  return found;
}
function bool(name, fallback) {
  const v = getInput(name).trim().toLowerCase();
  if (v === "") return fallback;
  if (v === "true") return true;
  if (v === "false") return false;
  throw new Error(`input ${name} must be true or false; got ${JSON.stringify(getInput(name).trim())}`);
}
function readInputs() {
  const maxRaw = getInput("max-comments").trim();
  const maxComments = maxRaw === "" ? 30 : Number(maxRaw);
  if (!Number.isInteger(maxComments) || maxComments < 0) throw new Error(`input max-comments must be a whole number \u2265 0; got ${JSON.stringify(maxRaw)}`);
  const token = getInput("github-token");
  if (token) setSecret(token);
  const include = list("include");
  const exclude = list("exclude");
  const registries = list("registries");
  return {
    token,
    include: include.length > 0 ? include : void 0,
    exclude: exclude.length > 0 ? exclude : void 0,
    config: getInput("config").trim() || void 0,
    trustedFolders: getInput("trusted-folder").split("\n").map((s) => s.trim()).filter(Boolean),
    filterMode: oneOf("filter-mode", ["added", "diff_context", "file", "nofilter"], "diff_context"),
    failLevel: oneOf("fail-level", ["error", "warning", "info", "none"], "error"),
    reviewEvent: oneOf("review-event", ["COMMENT", "REQUEST_CHANGES"], "COMMENT"),
    maxComments,
    sarifFile: getInput("sarif-file").trim() || void 0,
    patchFile: getInput("patch-file").trim() || void 0,
    resolveDigests: bool("resolve-digests", false),
    registries
  };
}

export {
  DEFAULT_INCLUDE,
  DEFAULT_EXCLUDE,
  readInputs
};
