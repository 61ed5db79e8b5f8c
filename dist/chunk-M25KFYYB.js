import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  findingsAtOrAbove
} from "./chunk-LYE55XUZ.js";
import {
  safeText
} from "./chunk-MEH5RECA.js";

// src/cli/io.ts
var EXIT = { ok: 0, findings: 1, usage: 2 };
function useColour(opts, io, toTerminal) {
  if (opts.color !== void 0) return opts.color;
  const noColor = io.env?.NO_COLOR;
  return toTerminal && (noColor === void 0 || noColor === "");
}
function failsAt(findings, level) {
  return findingsAtOrAbove(findings, level).length > 0;
}
function printCollectErrors(errors, io) {
  for (const e of errors) io.stderr(`kube-immutable: ${safeText(e)}
`);
}

export {
  EXIT,
  useColour,
  failsAt,
  printCollectErrors
};
