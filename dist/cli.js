#!/usr/bin/env node
import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  VERSION
} from "./chunk-XEPHYLKO.js";
import "./chunk-EAZCXRIZ.js";

// src/cli.ts
var argv = process.argv.slice(2);
if (argv[0] === "--version") {
  process.stdout.write(`${VERSION}
`);
} else {
  const { main } = await import("./chunk-C2HCHJLX.js");
  process.exitCode = await main(argv, {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    // Node's types say boolean, but a piped stdout (not a tty.WriteStream) has no isTTY at all.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-boolean-literal-compare -- see above
    isTTY: process.stdout.isTTY === true,
    env: process.env
  });
}
