import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  EXIT
} from "./chunk-A6TJXNHV.js";
import {
  UsageError,
  parseCommandLine
} from "./chunk-LMNHUWWG.js";
import "./chunk-K5K7Z44W.js";
import "./chunk-SAXN4LOG.js";
import "./chunk-MEH5RECA.js";
import {
  VERSION
} from "./chunk-XEPHYLKO.js";
import "./chunk-3KATX7RG.js";
import "./chunk-U7ANFDVO.js";
import "./chunk-Q2IMW2MT.js";
import "./chunk-SKSSCPAE.js";
import "./chunk-QDAHG25K.js";
import "./chunk-7MOTDLS3.js";
import "./chunk-23UJLTM7.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";

// src/cli/main.ts
async function main(argv, io) {
  try {
    const cmd = parseCommandLine(argv);
    switch (cmd.kind) {
      case "help":
        io.stdout(cmd.text);
        return EXIT.ok;
      case "version":
        io.stdout(`${VERSION}
`);
        return EXIT.ok;
      case "policies": {
        const [{ diskFiles, loadRunSettings }, { policiesTable }] = await Promise.all([import("./chunk-EZMNREMF.js"), import("./chunk-BALEHIMU.js")]);
        const settings = await loadRunSettings(diskFiles(io.cwd), void 0);
        for (const p of settings.problems) io.stderr(`kube-immutable: ${p}
`);
        io.stdout(policiesTable(settings.policies));
        return settings.problems.length > 0 ? EXIT.usage : EXIT.ok;
      }
      case "scan":
        return await (await import("./chunk-JUQZL2ZZ.js")).scanCommand(cmd, io, VERSION);
      case "fix":
        return await (await import("./chunk-TI5II7SD.js")).fixCommand(cmd, io);
      case "init":
        return (await import("./chunk-FQCK6M56.js")).initCommand(cmd, io);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      const command = argv[0] && !argv[0].startsWith("-") && ["scan", "fix", "policies", "init"].includes(argv[0]) ? `${argv[0]} ` : "";
      io.stderr(`kube-immutable: ${err.message}
Run 'kube-immutable ${command}--help' for usage.
`);
      return EXIT.usage;
    }
    const e = err;
    io.stderr(`kube-immutable: internal error: ${e?.message ?? String(err)}
${io.env?.KUBE_IMMUTABLE_DEBUG ? `${e?.stack ?? ""}
` : ""}`);
    return EXIT.usage;
  }
}
export {
  VERSION,
  main
};
