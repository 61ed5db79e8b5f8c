import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  diffTexts,
  nothingChecked,
  nothingCheckedWarning,
  patchForEdits,
  patchForFile,
  patchForFixGroup,
  plural,
  summarize,
  summaryLine
} from "./chunk-LYE55XUZ.js";
import {
  safeLine,
  safeText
} from "./chunk-MEH5RECA.js";
import {
  confidenceOfKinds,
  fixGroupLabel
} from "./chunk-GBQPUQWT.js";
import {
  SEVERITY_RANK
} from "./chunk-WWHR42BP.js";

// src/report/text.ts
var ANSI = { red: 31, green: 32, yellow: 33, blue: 34, cyan: 36, dim: 2, bold: 1 };
var INDENT = "    ";
function formatText(result, sources, options = {}) {
  const paint = (c, s) => options.color ? `\x1B[${ANSI[c]}m${s}\x1B[0m` : s;
  const textOf = new Map(sources.map((s) => [s.path, s.text]));
  const groups = new Map(result.fixes.map((g) => [g.id, g]));
  const patches = options.patches !== false;
  const leads = patches ? fixGroupLeads(result, (f) => textOf.has(f.file)) : /* @__PURE__ */ new Map();
  const shown = /* @__PURE__ */ new Set();
  const out = [];
  const pushPatch = (patch) => {
    let inHunk = false;
    for (const raw of patch.replace(/\n$/, "").split("\n")) {
      const line = safeText(raw.replace(/\r$/, ""), { keepTabs: true });
      inHunk ||= line.startsWith("@@");
      out.push(INDENT + colourDiffLine(line, inHunk, paint));
    }
  };
  for (const f of result.findings) {
    out.push(findingLine(f, paint));
    if (f.suppressed) {
      out.push(INDENT + paint("dim", `suppressed by ${safeText(f.suppressed.source)}: ${safeText(f.suppressed.justification || "(no reason given)")}`));
      continue;
    }
    const group = f.fixId !== void 0 ? groups.get(f.fixId) : void 0;
    const original = textOf.get(f.file);
    if (group?.verified) {
      const lead = leads.get(group.id);
      if (lead === f && original !== void 0) {
        shown.add(group.id);
        out.push(INDENT + `fix (${safeText(fixGroupLabel(group))}; ${confidenceOfKinds(group.kinds)}):`);
        pushPatch(safePatch(() => patchForFixGroup(group, original)));
      } else if (lead !== void 0) {
        const where = `(under the ${safeText(lead.policyId)} finding at ${safeText(lead.file)}:${lead.range.start.line}:${lead.range.start.column})`;
        out.push(INDENT + paint("dim", `fix: included in the patch ${shown.has(group.id) ? "above" : "below"} ${where}`));
      } else if (!patches) out.push(INDENT + `fix available for ${safeText(fixGroupLabel(group))} (run \`kube-immutable fix\`)`);
      else out.push(INDENT + "fix available (run `kube-immutable fix`)");
    }
    if (f.fixProblem !== void 0) out.push(INDENT + paint("yellow", `fix withheld: ${safeText(f.fixProblem)}`));
    for (const s of f.suggestions) {
      out.push(INDENT + `${suggestionLabel(s, f.policyId)}: ${safeText(s.message)}`);
      if (patches && original !== void 0) pushPatch(safePatch(() => patchForEdits(f.file, original, s.edits)));
    }
  }
  const notes = [];
  for (const file of result.files) {
    const path = safeText(file.path);
    if (file.skipped !== void 0) notes.push(`${path}: skipped: ${safeText(file.skipped)}`);
    if (options.verbose) {
      for (const d of file.skippedDocuments) notes.push(`${path}:${d.line}: document ${d.docIndex + 1} skipped: ${safeText(d.reason)}`);
    }
    const errors = file.problems.filter((p) => p.severity === "error").length;
    const warnings = file.problems.length - errors;
    if (file.problems.length > 0) {
      notes.push(`${path}: ${plural(errors, "YAML parse error")}, ${plural(warnings, "YAML parse warning")}`);
      if (options.verbose)
        for (const p of file.problems) notes.push(`${INDENT}${path}:${p.line}:${p.column}  ${p.severity}  ${safeText(p.code)}  ${safeText(p.message)}`);
    }
  }
  if (notes.length > 0) {
    if (out.length > 0) out.push("");
    out.push(...notes);
  }
  const summary = summarize(result);
  if (nothingChecked(summary)) {
    if (out.length > 0) out.push("");
    out.push(paint("yellow", `warning: ${nothingCheckedWarning(summary)}`));
  }
  if (out.length > 0) out.push("");
  out.push(paint("bold", finalLine(summary, options.verbose === true)));
  return out.map(safeLine).join("\n") + "\n";
}
function finalLine(summary, verbose) {
  let line = summaryLine(summary);
  if (summary.skippedFiles > 0) line += `; ${plural(summary.skippedFiles, "file")} skipped`;
  if (!verbose && summary.skippedDocuments > 0) line += `; ${plural(summary.skippedDocuments, "document")} skipped (--verbose lists them)`;
  return line;
}
function fixGroupLeads(result, usable = () => true) {
  const verified = new Set(result.fixes.filter((g) => g.verified).map((g) => g.id));
  const leads = /* @__PURE__ */ new Map();
  for (const f of result.findings) {
    if (f.fixId === void 0 || !verified.has(f.fixId) || f.suppressed || !usable(f)) continue;
    const lead = leads.get(f.fixId);
    if (lead === void 0 || SEVERITY_RANK[f.severity] > SEVERITY_RANK[lead.severity]) leads.set(f.fixId, f);
  }
  return leads;
}
function formatCompact(result, options = {}) {
  const paint = (c, s) => options.color ? `\x1B[${ANSI[c]}m${s}\x1B[0m` : s;
  const out = [];
  for (const f of result.findings) if (!f.suppressed) out.push(findingLine(f, paint, " "));
  const summary = summarize(result);
  if (nothingChecked(summary)) out.push(paint("yellow", `warning: ${nothingCheckedWarning(summary)}`));
  out.push(paint("bold", finalLine(summary, options.verbose === true)));
  return out.map(safeLine).join("\n") + "\n";
}
function suggestionLabel(s, policyId) {
  if (s.kind === void 0) return "Suggestion";
  const what = s.kind === "guess" ? "a guess" : "a behaviour change";
  if (s.reason === void 0) return `Suggestion (${what})`;
  const how = s.kind === "guess" ? "--include-guesses" : `--apply-behaviour-changes ${safeText(policyId)}`;
  return `Suggestion (${what}) \u2014 not applied; use ${how}`;
}
function findingLine(f, paint = (_c, s) => s, separator = "  ") {
  return safeLine(
    [
      `${safeText(f.file)}:${f.range.start.line}:${f.range.start.column}`,
      paint(SEVERITY_COLOUR[f.severity], f.severity),
      safeText(f.policyId),
      safeText(f.message)
    ].join(separator)
  );
}
var SEVERITY_COLOUR = { error: "red", warning: "yellow", info: "blue" };
function colourDiffLine(line, inHunk, paint) {
  if (!inHunk) return paint("bold", line);
  if (line.startsWith("+")) return paint("green", line);
  if (line.startsWith("-")) return paint("red", line);
  if (line.startsWith("@@")) return paint("cyan", line);
  return line;
}
function safePatch(make) {
  try {
    return make();
  } catch (err) {
    return `(no patch: ${err.message})`;
  }
}

// src/report/json.ts
var JSON_REPORT_VERSION = 1;
function formatJson(result, sources, options) {
  return JSON.stringify(toJsonReport(result, sources, options), (_k, v) => v === void 0 ? null : v, 2) + "\n";
}
function toJsonReport(result, sources, options) {
  const textOf = new Map(sources.map((s) => [s.path, s.text]));
  const files = result.files.map((f) => {
    const text = textOf.get(f.path);
    return {
      path: f.path,
      skipped: f.skipped ?? null,
      skippedDocuments: f.skippedDocuments,
      problems: f.problems,
      manifests: f.manifests,
      fixable: f.fixedText !== void 0,
      patch: text === void 0 ? "" : patchForFile(f, text)
    };
  });
  const findings = result.findings.map((f) => ({
    policyId: f.policyId,
    severity: f.severity,
    messageId: f.messageId,
    message: f.message,
    file: f.file,
    range: f.range,
    object: f.object,
    container: f.container,
    fingerprint: f.fingerprint,
    fixId: f.fixId,
    fixProblem: f.fixProblem,
    suggestions: f.suggestions,
    suppressed: f.suppressed,
    ...f.origin ? { origin: f.origin } : {}
  }));
  const fixes = result.fixes.map((g) => {
    const text = textOf.get(g.file);
    let patch = "";
    try {
      if (text !== void 0) patch = patchForFixGroup(g, text);
    } catch {
      patch = "";
    }
    return {
      id: g.id,
      file: g.file,
      docIndex: g.docIndex,
      object: g.object,
      container: g.container ?? null,
      findings: g.findings,
      verified: g.verified,
      problem: g.problem ?? null,
      edits: g.edits,
      patch
    };
  });
  const exemptions = (result.exemptions ?? []).map((e) => ({
    ...e,
    object: { ...e.object, namespace: e.object.namespace ?? null },
    containers: e.containers ?? null,
    expires: e.expires ?? null,
    atBase: e.atBase ?? null
  }));
  const summary = summarize(result);
  const warnings = nothingChecked(summary) ? [nothingCheckedWarning(summary)] : [];
  return {
    version: JSON_REPORT_VERSION,
    tool: { name: "kube-immutable", version: options.toolVersion },
    summary,
    files,
    findings,
    fixes,
    exemptions,
    warnings
  };
}

// src/report/patch-file.ts
function gitQuotePath(path) {
  if (!/["\\\u0000-\u001f\u007f]/.test(path)) return path;
  const named = {
    '"': '\\"',
    "\\": "\\\\",
    "\n": "\\n",
    "	": "\\t",
    "\r": "\\r",
    "\b": "\\b",
    "\f": "\\f",
    "\v": "\\v",
    "\x07": "\\a"
  };
  let out = "";
  for (const ch of path) {
    const code = ch.charCodeAt(0);
    if (named[ch] !== void 0) out += named[ch];
    else if (code < 32 || code === 127) out += "\\" + code.toString(8).padStart(3, "0");
    else out += ch;
  }
  return `"${out}"`;
}
function side(prefix, path) {
  return gitQuotePath(prefix + path);
}
function patchFile(result, originals) {
  const parts = [];
  for (const f of result.files) {
    if (f.fixedText === void 0) continue;
    const original = originals.get(f.path);
    if (original === void 0 || original === f.fixedText) continue;
    const diff = diffTexts(f.path, original, f.fixedText);
    const at = diff.indexOf("\n@@ ");
    if (!diff.startsWith("--- ") || at < 0) throw new Error(`patchFile: unexpected diff for ${f.path}`);
    const hunks = diff.slice(at + 1);
    parts.push(
      `diff --git ${side("a/", f.path)} ${side("b/", f.path)}
--- ${side("a/", f.path)}
+++ ${side("b/", f.path)}
${hunks.endsWith("\n") ? hunks : hunks + "\n"}`
    );
  }
  return parts.join("");
}

export {
  formatText,
  fixGroupLeads,
  formatCompact,
  findingLine,
  JSON_REPORT_VERSION,
  formatJson,
  toJsonReport,
  gitQuotePath,
  patchFile
};
