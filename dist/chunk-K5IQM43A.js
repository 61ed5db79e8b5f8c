import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  UsageError,
  parseCommandLine
} from "./chunk-5MZPE4J7.js";
import {
  EXIT
} from "./chunk-M25KFYYB.js";
import "./chunk-FDLT4CX3.js";
import "./chunk-LYE55XUZ.js";
import "./chunk-MEH5RECA.js";
import {
  VERSION
} from "./chunk-XEPHYLKO.js";
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
        const [{ diskFiles, loadRunSettings }, { policiesTable }] = await Promise.all([import("./chunk-UUVGQ3GD.js"), import("./chunk-BALEHIMU.js")]);
        const settings = await loadRunSettings(diskFiles(io.cwd), void 0);
        for (const p of settings.problems) io.stderr(`kube-immutable: ${p}
`);
        io.stdout(policiesTable(settings.policies));
        return settings.problems.length > 0 ? EXIT.usage : EXIT.ok;
      }
      case "scan":
        return await (await import("./chunk-CPIWJCIN.js")).scanCommand(cmd, io, VERSION);
      case "fix":
        return await (await import("./chunk-R5SESNH6.js")).fixCommand(cmd, io);
      case "init":
        return (await import("./chunk-CEZY5A2Z.js")).initCommand(cmd, io);
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
