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
  const { main } = await import("./chunk-M6V4XYIS.js");
  process.exitCode = await main(argv, {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
    env: process.env
  });
}
