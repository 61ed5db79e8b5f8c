#!/usr/bin/env node
import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  VERSION
} from "./chunk-XEPHYLKO.js";
import "./chunk-EAZCXRIZ.js";

// src/cli/streams.ts
var READER_GONE = /* @__PURE__ */ new Set(["EPIPE", "ERR_STREAM_DESTROYED", "ERR_STREAM_WRITE_AFTER_END"]);
function guardStream(stream, onStop = () => void 0) {
  let stopped;
  const stop = (err) => {
    if (stopped !== void 0) return;
    const e = err;
    const code = e?.code;
    stopped = code !== void 0 && READER_GONE.has(code) ? { kind: "closed" } : { kind: "failed", reason: code ?? e?.message ?? String(err) };
    onStop(stopped);
  };
  stream.on("error", stop);
  return {
    write(text) {
      if (stopped !== void 0) return;
      try {
        stream.write(text);
      } catch (err) {
        stop(err);
      }
    },
    get stopped() {
      return stopped;
    }
  };
}

// src/cli.ts
var IO_ERROR = 2;
var stderr = guardStream(process.stderr);
var stdout = guardStream(process.stdout, (stop) => {
  if (stop.kind === "closed") return;
  stderr.write(`kube-immutable: cannot write to standard output: ${stop.reason}
`);
  process.exitCode = IO_ERROR;
});
var argv = process.argv.slice(2);
if (argv[0] === "--version") {
  stdout.write(`${VERSION}
`);
} else {
  const { main } = await import("./chunk-K5IQM43A.js");
  const code = await main(argv, {
    stdout: (text) => stdout.write(text),
    stderr: (text) => stderr.write(text),
    cwd: process.cwd(),
    // Node's types say boolean, but a piped stdout (not a tty.WriteStream) has no isTTY at all.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-boolean-literal-compare -- see above
    isTTY: process.stdout.isTTY === true,
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-boolean-literal-compare -- as above
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env
  });
  process.exitCode = stdout.stopped?.kind === "failed" ? IO_ERROR : code;
}
