import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  UsageError,
  parseCommandLine
} from "./chunk-5MZPE4J7.js";
import {
  EXIT
} from "./chunk-4UPCEK4E.js";
import "./chunk-JQNKFLQW.js";
import "./chunk-T7FIEW6Q.js";
import "./chunk-MEH5RECA.js";
import {
  VERSION
} from "./chunk-XEPHYLKO.js";
import "./chunk-RULH35XA.js";
import "./chunk-YECIF7MY.js";
import "./chunk-HMAY3IZG.js";
import "./chunk-WWHR42BP.js";
import "./chunk-XJ4RNHDL.js";
import "./chunk-GRKRAENP.js";
import "./chunk-QPSMOZU7.js";
import "./chunk-362AWBFG.js";
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
        const [{ diskFiles, loadRunSettings }, { policiesTable }] = await Promise.all([import("./chunk-CZS7MI3E.js"), import("./chunk-BALEHIMU.js")]);
        const settings = await loadRunSettings(diskFiles(io.cwd), void 0);
        for (const p of settings.problems) io.stderr(`kube-immutable: ${p}
`);
        io.stdout(policiesTable(settings.policies));
        return settings.problems.length > 0 ? EXIT.usage : EXIT.ok;
      }
      case "scan":
        return await (await import("./chunk-QEJRNZBO.js")).scanCommand(cmd, io, VERSION);
      case "fix":
        return await (await import("./chunk-ORPEIHK7.js")).fixCommand(cmd, io);
      case "init":
        return (await import("./chunk-VSPC6ZX4.js")).initCommand(cmd, io);
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
