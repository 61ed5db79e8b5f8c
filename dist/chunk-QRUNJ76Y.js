import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  error,
  notice,
  slotsLeft,
  warning
} from "./chunk-P2WBUBEO.js";
import {
  planChannels
} from "./chunk-NANHJDJB.js";
import {
  findingLine,
  patchFile
} from "./chunk-FDLT4CX3.js";
import {
  findingsAtOrAbove,
  nothingChecked,
  nothingCheckedWarning,
  sarifChunks,
  summarize
} from "./chunk-LYE55XUZ.js";
import {
  neutraliseTerminal
} from "./chunk-MEH5RECA.js";
import {
  firstLinkOnTheWay
} from "./chunk-SFQXZAG2.js";
import {
  VERSION
} from "./chunk-XEPHYLKO.js";
import {
  debug,
  info,
  setOutput,
  summary
} from "./chunk-IUBWPHFZ.js";

// src/action/publish.ts
import { accessSync, constants } from "node:fs";

// src/action/output-file.ts
import { closeSync, openSync, realpathSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
function outputRefusal(path, workspace) {
  const abs = resolve(path);
  let root;
  try {
    root = realpathSync(resolve(workspace));
  } catch {
    root = resolve(workspace);
  }
  const rel = relative(root, abs);
  const inside = rel !== "" && rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  const link = inside ? firstLinkOnTheWay(root, rel) : firstLinkOnTheWay(dirname(abs), basename(abs)) && abs;
  return link ? `${link} is a symbolic link (in a pull request's checkout it can point anywhere), so it is not written through` : void 0;
}
function writeOutputFile(input, path, text, workspace, report) {
  const why = outputRefusal(path, workspace);
  if (why) {
    report(`kube-immutable: could not write the ${input} ${path}: ${why}. Write it outside the checkout, e.g. under \${{ runner.temp }}.`);
    return false;
  }
  const abs = resolve(path);
  const tmp = join(dirname(abs), `.${basename(abs)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = openSync(tmp, "wx", 420);
    try {
      if (typeof text === "string") writeSync(fd, text);
      else for (const piece of text) writeSync(fd, piece);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, abs);
    return true;
  } catch (err) {
    rmSync(tmp, { force: true });
    report(`kube-immutable: could not write the ${input} ${path} (${err.code ?? err.message}).`);
    return false;
  }
}

// src/action/publish.ts
function writeOutputFiles(result, ctx) {
  const out = {};
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const write = (path, text, what) => writeOutputFile(what, path, text(), workspace, warning);
  if (ctx.inputs.sarifFile && write(ctx.inputs.sarifFile, () => sarifChunks(result, ctx.policies, { toolVersion: VERSION }), "sarif-file"))
    out.sarifFile = ctx.inputs.sarifFile;
  if (ctx.inputs.patchFile) {
    const originals = new Map(ctx.sources.map((s) => [s.path, s.text]));
    if (write(ctx.inputs.patchFile, () => patchFile(result, originals), "patch-file")) out.patchFile = ctx.inputs.patchFile;
  }
  return out;
}
function summaryWritable() {
  const path = process.env.GITHUB_STEP_SUMMARY;
  if (!path) return false;
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
var REVIEW_WARNINGS = 2;
function channelPlanner(result, ctx, written) {
  const fresh = slotsLeft();
  const limits = { ...fresh, warning: Math.max(0, fresh.warning - REVIEW_WARNINGS), total: Math.max(0, fresh.total - REVIEW_WARNINGS) };
  const originals = new Map(ctx.sources.map((s) => [s.path, s.text]));
  const summary2 = summaryWritable() ? { repoUrl: ctx.repoUrl, headSha: ctx.sha, policies: ctx.policies, originals, notes: ctx.notes } : void 0;
  return {
    limits,
    written,
    plan: (inReview, l = limits) => planChannels({ result, inReview, sarif: written.sarifFile !== void 0, summary: summary2, limits: l })
  };
}
async function publish(result, ctx, planner) {
  const p = planner ?? channelPlanner(result, ctx, writeOutputFiles(result, ctx));
  const plan = p.plan(ctx.inReview, ctx.reviewPosted ? p.limits : slotsLeft());
  for (const a of plan.annotations) {
    if (a.level === "error") error(a.message, a.properties);
    else if (a.level === "warning") warning(a.message, a.properties);
    else notice(a.message, a.properties);
  }
  let logged = plan.logged;
  if (plan.summary !== void 0) {
    try {
      await summary.addRaw(plan.summary).write();
    } catch (err) {
      info(`kube-immutable: the job summary could not be written (${err.message}).`);
      logged = result.findings.filter((f) => plan.channelsOf(f).every((c) => c === "summary" || c === "log"));
    }
  } else debug("kube-immutable: no job summary (GITHUB_STEP_SUMMARY is not set or not writable).");
  if (logged.length > 0) {
    info(
      `kube-immutable: ${logged.length} finding${logged.length === 1 ? "" : "s"} in no other report of this run (the review, the job summary and the annotations could not hold ${logged.length === 1 ? "it" : "them"}):`
    );
    for (const f of logged) info(`  ${neutraliseTerminal(findingLine(f))}${f.suppressed ? " (suppressed)" : ""}`);
  }
  const s = summarize(result);
  if (nothingChecked(s)) notice(`kube-immutable: ${nothingCheckedWarning(s)}; no finding was reported.`);
  setOutput("findings", s.findings);
  setOutput("errors", s.errors);
  setOutput("warnings", s.warnings);
  setOutput("sarif-file", p.written.sarifFile ?? "");
  setOutput("patch-file", p.written.patchFile ?? "");
  setOutput("review-url", ctx.reviewUrl ?? "");
  return findingsAtOrAbove(result.findings, ctx.inputs.failLevel).length;
}

export {
  writeOutputFiles,
  summaryWritable,
  channelPlanner,
  publish
};
