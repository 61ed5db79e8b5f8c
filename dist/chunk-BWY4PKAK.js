import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  findingsAtOrAbove,
  formatSarif,
  jobSummary,
  patchFile,
  planAnnotations,
  summarize
} from "./chunk-GSS4W2O2.js";
import {
  VERSION
} from "./chunk-XEPHYLKO.js";
import {
  debug,
  error,
  notice,
  setOutput,
  summary,
  warning
} from "./chunk-IUBWPHFZ.js";

// src/action/publish.ts
import { writeFileSync } from "node:fs";
async function publish(result, ctx) {
  const notes = [...ctx.notes];
  const originals = new Map(ctx.sources.map((s2) => [s2.path, s2.text]));
  let notAnnotated = 0;
  if (ctx.annotate) {
    const plan = planAnnotations(result.findings);
    for (const a of plan.annotations) {
      if (a.level === "error") error(a.message, a.properties);
      else if (a.level === "warning") warning(a.message, a.properties);
      else notice(a.message, a.properties);
    }
    notAnnotated = plan.dropped;
  }
  let sarifFile;
  if (ctx.inputs.sarifFile) {
    writeFileSync(ctx.inputs.sarifFile, formatSarif(result, ctx.policies, { toolVersion: VERSION }));
    sarifFile = ctx.inputs.sarifFile;
  }
  let patchPath;
  if (ctx.inputs.patchFile) {
    writeFileSync(ctx.inputs.patchFile, patchFile(result, originals));
    patchPath = ctx.inputs.patchFile;
  }
  try {
    const md = jobSummary(result, { repoUrl: ctx.repoUrl, headSha: ctx.sha, policies: ctx.policies, originals, notAnnotated });
    await summary.addRaw([...notes.map((n) => `> ${n}
`), md].join("\n")).write();
  } catch (err) {
    debug(`job summary not written: ${err.message}`);
  }
  const s = summarize(result);
  setOutput("findings", s.findings);
  setOutput("errors", s.errors);
  setOutput("warnings", s.warnings);
  setOutput("sarif-file", sarifFile ?? "");
  setOutput("patch-file", patchPath ?? "");
  setOutput("review-url", ctx.reviewUrl ?? "");
  return findingsAtOrAbove(result.findings, ctx.inputs.failLevel).length;
}

export {
  publish
};
