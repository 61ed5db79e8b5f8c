import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  DEFAULT_ANNOTATION_LIMITS,
  MAX_JOB_SUMMARY_BYTES,
  PATCH_CONTEXT_LINES,
  SEVERITY_LABEL,
  TextBudget,
  blobUrl,
  escapeHtml,
  escapeMarkdown,
  exemptionRecordId,
  exemptionSection,
  fence,
  fingerprintMarker,
  inlineCode,
  jobSummaryReport,
  link,
  parseMarker,
  parsePatch,
  patchForEdits,
  patchForFixGroup,
  planAnnotations,
  plural,
  safeUrl,
  structuredPatch,
  summarize,
  summaryLine
} from "./chunk-LYE55XUZ.js";
import {
  confidenceOfKinds,
  fixGroupLabel
} from "./chunk-GBQPUQWT.js";
import {
  SEVERITY_RANK,
  fingerprintOf
} from "./chunk-WWHR42BP.js";
import {
  applyEdits
} from "./chunk-P3YRBRJ7.js";

// src/review/diff-hunks.ts
function parsePatch2(patch) {
  if (patch.trim() === "") return [];
  let parsed;
  try {
    parsed = parsePatch(patch);
  } catch (err) {
    throw new Error(`malformed patch: ${err.message}`, { cause: err });
  }
  return parsed.flatMap((p) => p.hunks.map(toHunk));
}
function hunksBetween(baseText, headText) {
  const p = structuredPatch("a", "b", baseText ?? "", headText, void 0, void 0, { context: PATCH_CONTEXT_LINES });
  return p.hunks.map(toHunk);
}
function toHunk(h) {
  const rightLines = [];
  const addedLines = [];
  let line = h.newStart;
  for (const l of h.lines) {
    const c = l.charAt(0);
    if (c === "+") {
      rightLines.push(line);
      addedLines.push(line);
      line++;
    } else if (c === " " || l === "") {
      rightLines.push(line);
      line++;
    }
  }
  return { oldStart: h.oldStart, oldLines: h.oldLines, newStart: h.newStart, newLines: h.newLines, rightLines, addedLines };
}
function findHunk(hunks, startLine, endLine, mode) {
  if (!Number.isInteger(startLine) || !Number.isInteger(endLine) || startLine < 1 || startLine > endLine) return void 0;
  for (const h of hunks) {
    const lines = mode === "added" ? h.addedLines : h.rightLines;
    const i = lines.indexOf(startLine);
    if (i < 0) continue;
    const j = i + (endLine - startLine);
    if (j < lines.length && lines[j] === endLine) return h;
  }
  return void 0;
}
function lineInHunks(hunks, line, mode) {
  return findHunk(hunks, line, line, mode) !== void 0;
}

// src/review/suggestion.ts
function lineTable(text) {
  const starts = [];
  const contentEnds = [];
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf("\n", pos);
    starts.push(pos);
    if (nl < 0) {
      contentEnds.push(text.length);
      break;
    }
    contentEnds.push(nl > pos && text[nl - 1] === "\r" ? nl - 1 : nl);
    pos = nl + 1;
  }
  return { starts, contentEnds };
}
function lineOf(t, offset, textLength) {
  const n = t.starts.length;
  if (n > 0 && offset === textLength && t.contentEnds[n - 1] < textLength) return n + 1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (t.starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
function buildSuggestion(headText, edits, hunks, mode) {
  if (edits.length === 0) return { reason: "the fix has no edits" };
  let newText;
  try {
    newText = applyEdits(headText, edits);
  } catch (err) {
    return { reason: `the fix cannot be applied: ${err.message}` };
  }
  if (newText === headText) return { reason: "the suggestion would change nothing" };
  const t = lineTable(headText);
  const n = t.starts.length;
  if (n === 0) return { reason: "the file is empty: there is no line to anchor a suggestion on" };
  const a = Math.min(...edits.map((e) => e.range[0]));
  const b = Math.max(...edits.map((e) => e.range[1]));
  const sA = lineOf(t, a, headText.length);
  const eB = lineOf(t, b, headText.length);
  const startCandidates = [sA];
  if (sA > 1 && (sA > n || t.starts[sA - 1] === a)) startCandidates.unshift(sA - 1);
  const endCandidates = [eB];
  if (eB > 1 && (eB > n || t.starts[eB - 1] === b)) endCandidates.unshift(eB - 1);
  const candidates = [];
  for (const s of startCandidates) {
    for (const e of endCandidates) {
      if (s < 1 || e > n || s > e) continue;
      const prefix = t.starts[s - 1];
      const suffix = headText.length - t.contentEnds[e - 1];
      if (prefix + suffix > newText.length) continue;
      if (newText.slice(0, prefix) !== headText.slice(0, prefix)) continue;
      if (newText.slice(newText.length - suffix) !== headText.slice(headText.length - suffix)) continue;
      const content = newText.slice(prefix, newText.length - suffix);
      if (content === headText.slice(prefix, headText.length - suffix)) continue;
      candidates.push({ startLine: s, line: e, content });
    }
  }
  if (candidates.length === 0) return { reason: "the edits cannot be expressed as a replacement of whole lines" };
  candidates.sort((x, y) => x.line - x.startLine - (y.line - y.startLine) || x.startLine - y.startLine);
  for (const c of candidates) if (findHunk(hunks, c.startLine, c.line, mode)) return c;
  const best = candidates[0];
  if (best.startLine === best.line) return { reason: `its line is not ${mode === "added" ? "an added line" : "in a diff hunk"}` };
  return { reason: mode === "added" ? "its lines are not all added lines of one diff hunk" : "its lines are not all in one diff hunk" };
}
function isSuggestion(x) {
  return "content" in x;
}
function applySuggestions(text, suggestions) {
  const t = lineTable(text);
  const sorted = [...suggestions].sort((x, y) => y.startLine - x.startLine);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].line >= sorted[i - 1].startLine)
      throw new RangeError(`suggestions on lines ${sorted[i].startLine}-${sorted[i].line} and ${sorted[i - 1].startLine}-${sorted[i - 1].line} overlap`);
  }
  let out = text;
  for (const s of sorted) {
    if (s.startLine < 1 || s.line > t.starts.length || s.startLine > s.line) throw new RangeError(`lines ${s.startLine}-${s.line} are outside the text`);
    out = out.slice(0, t.starts[s.startLine - 1]) + s.content + out.slice(t.contentEnds[s.line - 1]);
  }
  return out;
}

// src/review/review-comment.ts
function maxSeverity(findings) {
  let s = "info";
  for (const f of findings) if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[s]) s = f.severity;
  return s;
}
function policyIds(findings) {
  return [...new Set(findings.map((f) => f.policyId))];
}
function subjectText(findings, group) {
  if (group) return fixGroupLabel(group);
  const o = findings[0]?.object;
  if (!o) return void 0;
  const c = findings[0].container;
  const obj = `${o.kind}/${o.namespace ?? ""}${o.namespace !== void 0 ? "/" : ""}${o.name}`;
  return c ? `container "${c.name}" of ${obj}` : obj;
}
function subjectOf(findings, group) {
  const t = subjectText(findings, group);
  return t === void 0 ? void 0 : escapeMarkdown(t);
}
function messageLines(findings, shown) {
  const out = [];
  for (const f of findings) {
    out.push(`- ${findings.length > 1 ? `${inlineCode(f.policyId)} (${f.severity}): ` : ""}${escapeMarkdown(f.message)}`);
    if (f.fixProblem !== void 0) out.push(`  - No fix offered: ${escapeMarkdown(f.fixProblem)}`);
    for (const s of f.suggestions) out.push(`  - ${s === shown ? shownLabel(s) : alternativeLabel(s)}: ${escapeMarkdown(s.message)}`);
  }
  return out;
}
function shownLabel(s) {
  return `The suggested change above (${s.kind === "behaviour" ? "a behaviour change" : "a guess"}, not applied by kube-immutable fix)`;
}
function alternativeLabel(s) {
  if (s.kind === void 0) return "Alternative";
  const what = s.kind === "guess" ? "a guess" : "a behaviour change";
  return `Alternative (${what}${s.reason !== void 0 ? ", not applied by kube-immutable fix" : ""})`;
}
function remediationLines(findings, meta) {
  const out = [];
  for (const id of policyIds(findings)) {
    const m = meta.get(id);
    if (!m) continue;
    const docs = m.docsUrl === void 0 ? void 0 : safeUrl(m.docsUrl);
    out.push(`- ${inlineCode(id)}: ${escapeMarkdown(m.remediation)}${docs ? ` ([docs](${docs}))` : ""}`);
  }
  return out;
}
function confidenceOf(held, group) {
  return confidenceOfKinds(held ? [held.kind] : group?.kinds);
}
function severityCounts(findings) {
  const order = ["error", "warning", "info"];
  return order.map((sev) => [sev, findings.filter((f) => f.severity === sev).length]).filter(([, n]) => n > 0).map(([sev, n]) => sev === "info" ? `${n} info` : `${n} ${sev}${n === 1 ? "" : "s"}`).join(", ");
}
function changeNote(held, group) {
  const where = "below";
  const c = confidenceOf(held, group);
  if (held) return `suggested change ${where} (${c === "guess" ? "a guess: check it" : "a behaviour change: review it"} before committing)`;
  if (c === "known fact") return `one-click fix ${where} (known fact)`;
  return `one-click fix ${where} (includes ${c === "guess" ? "a guess" : "a behaviour change"}, applied as configured: ${c === "guess" ? "check" : "review"} it before committing)`;
}
function leadLine(findings, group, held, suggested) {
  const subject = subjectOf(findings, group);
  const ids = policyIds(findings);
  const counts = `${severityCounts(findings)}${ids.length === 1 ? `: ${inlineCode(ids[0])}` : ""}`;
  const after = suggested ? changeNote(held, group) : "no suggested change";
  return [`**${SEVERITY_LABEL[maxSeverity(findings)]}**`, ...subject ? [subject] : [], counts, after].join(" \xB7 ");
}
function detailsSummary(findings, what) {
  return escapeHtml(`${what}: ${plural(findings.length, "finding")} \u2014 ${policyIds(findings).join(", ")}`);
}
function commentBody(c, meta) {
  const suggested = c.suggestion !== void 0;
  const held = suggested ? c.held : void 0;
  const parts = [leadLine(c.findings, suggested ? c.group : void 0, held, suggested)];
  const messages = messageLines(c.findings, held?.suggestion);
  const why = remediationLines(c.findings, meta);
  if (suggested) {
    parts.push(fence(c.suggestion, "suggestion"));
    const inside = [messages.join("\n"), ...why.length > 0 ? ["How to fix it, and why:", why.join("\n")] : []];
    parts.push(`<details><summary>${detailsSummary(c.findings, "Details")}</summary>

${inside.join("\n\n")}

</details>`);
  } else {
    parts.push(messages.join("\n"));
    if (why.length > 0) parts.push(`<details><summary>How to fix it, and why</summary>

${why.join("\n")}

</details>`);
  }
  parts.push(fingerprintMarker({ fingerprint: c.findings.map((f) => f.fingerprint), fixId: c.group?.id ?? held?.id, line: c.line }));
  return parts.join("\n\n") + "\n";
}
var ROW_MESSAGE_CHARS = 200;
var BODY_TABLE_HEAD = "| Severity | Where | Object | Policies | Not inline |\n| --- | --- | --- | --- | :-: |\n";
function bodyRow(item, repoUrl, headSha, meta, reasonNumber) {
  const f = item.findings[0];
  const where = link(`${f.file}:${f.range.start.line}`, blobUrl(repoUrl, headSha, f.file, f.range.start.line));
  const m = f.message.length > ROW_MESSAGE_CHARS ? `${f.message.slice(0, ROW_MESSAGE_CHARS - 1)}\u2026` : f.message;
  const subject = subjectOf(item.findings, item.group) ?? escapeMarkdown(m);
  const ids = policyIds(item.findings).map((id) => {
    const docs = meta.get(id)?.docsUrl;
    const url = docs === void 0 ? void 0 : safeUrl(docs);
    return url ? `[${inlineCode(id, true)}](${url})` : inlineCode(id, true);
  }).join(", ");
  const patch = item.patch !== "" ? ` \xB7 patch below (${confidenceOf(item.held, item.group)})` : "";
  return `| **${SEVERITY_LABEL[maxSeverity(item.findings)]}** | ${where} | ${subject} | ${ids}${patch} | ${reasonNumber} |
`;
}
function bodyPatch(item) {
  if (item.patch === "") return "";
  const f = item.findings[0];
  const what = subjectText(item.findings, item.group) ?? f.file;
  const c = confidenceOf(item.held, item.group);
  const summary = escapeHtml(`Patch for ${f.file}:${f.range.start.line} \xB7 ${what} (${c})`);
  return `<details><summary>${summary}</summary>

${fence(item.patch.replace(/\n$/, ""), "diff")}

</details>

`;
}

// src/review/review-plan.ts
var MAX_BODY_LENGTH = 65536;
var MAX_ELSEWHERE_LENGTH = 300;
function planReview(input) {
  const { result, files, filterMode } = input;
  const anchorMode = filterMode === "added" ? "added" : "diff_context";
  const meta = new Map(input.policies.map((p) => [p.id, p.meta]));
  const { units, outOfScope } = collectUnits(result, (f) => findingInScope(f, files, filterMode));
  for (const u of units) Object.assign(u, placeUnit(u, files.get(u.path), anchorMode));
  const ours = ourComments(input.existing);
  const postedAnywhere = new Set(ours.flatMap((x) => x.fingerprints));
  const alive = new Set(result.findings.filter((f) => !f.suppressed).map((f) => f.fingerprint));
  const picked = pickInlineComments(units, ours, input.maxComments, meta, alive, input.commentLevel ?? "info");
  const { comments, alreadyPosted } = picked;
  const staleCommentIds = staleComments(ours, result.findings, comments);
  const body = [...units.filter((u) => !u.anchor), ...picked.toBody].sort(bodyOrder);
  const requestIds = markedRequestIds(result);
  const nothingNew = comments.length === 0 && body.every((u) => u.findings.every((f) => postedAnywhere.has(f.fingerprint))) && requestIds.every((id) => postedAnywhere.has(id));
  const inlineNow = [...comments.flatMap((c) => c.fingerprints), ...alreadyPosted];
  const rendered = renderBody(input, body, comments, alreadyPosted.length, outOfScope, inlineNow);
  const rejected = "GitHub did not accept the inline comments of this review";
  const all = units.map((u) => u.anchor ? { ...u, anchor: void 0, reason: rejected } : u).sort(bodyOrder);
  const fallback = renderBody(input, all, [], 0, outOfScope, []);
  const carried = nothingNew ? [...alreadyPosted, ...body.flatMap((u) => u.findings.map((f) => f.fingerprint))] : [...inlineNow, ...rendered.listed.map((f) => f.fingerprint)];
  return {
    comments,
    body: rendered.text,
    bodyFindings: rendered.listed,
    staleCommentIds,
    alreadyPosted,
    nothingNew,
    fallbackBody: fallback.text,
    carried: [...new Set(carried)],
    fallbackCarried: fallback.listed.map((f) => f.fingerprint)
  };
}
function findingInScope(f, files, filterMode) {
  if (filterMode === "nofilter") return true;
  if (f.origin && findingInScope({ ...f, file: f.origin.file, range: f.origin.range, origin: void 0 }, files, filterMode)) return true;
  const file = files.get(f.file);
  if (!file) return false;
  if (filterMode === "file") return true;
  const anchorMode = filterMode === "added" ? "added" : "diff_context";
  for (let l = f.range.start.line; l <= f.range.end.line; l++) if (findHunk(file.hunks, l, l, anchorMode)) return true;
  return false;
}
function collectUnits(result, inScope) {
  const groups = new Map(result.fixes.map((g) => [g.id, g]));
  const units = [];
  const byKey = /* @__PURE__ */ new Map();
  const outOfScope = [];
  for (const f of result.findings) {
    if (f.suppressed) continue;
    if (!inScope(f)) {
      outOfScope.push(f);
      continue;
    }
    const g = f.fixId !== void 0 ? groups.get(f.fixId) : void 0;
    const group = g && g.verified && g.edits.length > 0 ? g : void 0;
    const key = group ? `group
${group.id}` : `line
${f.file}
${f.range.start.line}`;
    let u = byKey.get(key);
    if (!u) {
      u = { path: f.file, findings: [], group };
      byKey.set(key, u);
      units.push(u);
    }
    u.findings.push(f);
  }
  for (const u of units) {
    u.findings.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
    const held = u.group ? void 0 : heldChangeOf(u.findings);
    if (held) u.held = held;
  }
  return { units, outOfScope };
}
function heldChangeOf(findings) {
  for (const f of findings) {
    const s = f.suggestions.find((x) => x.kind !== void 0 && x.reason !== void 0 && x.edits.length > 0);
    if (s) return { finding: f, suggestion: s, kind: s.kind, id: fingerprintOf(["held-fix", f.file, f.fingerprint]) };
  }
  return void 0;
}
function placeUnit(u, file, anchorMode) {
  if (!file) return { reason: "the file is not part of this pull request" };
  const edits = u.group?.edits ?? u.held?.suggestion.edits;
  if (edits) {
    const s = buildSuggestion(file.headText, edits, file.hunks, anchorMode);
    return isSuggestion(s) ? { anchor: { startLine: s.startLine, line: s.line, suggestion: s.content } } : { reason: `the suggestion cannot be placed: ${s.reason}` };
  }
  const line = u.findings[0].range.start.line;
  if (findHunk(file.hunks, line, line, anchorMode)) return { anchor: { startLine: line, line } };
  return { reason: `its line is not ${anchorMode === "added" ? "an added line" : "in the diff"}` };
}
function ourComments(existing) {
  return existing.flatMap((c) => {
    const m = c.mine ? parseMarker(c.body) : void 0;
    return m ? [{ c, fingerprints: m.fingerprints }] : [];
  });
}
function bodyOrder(a, b) {
  return severityOf(b) - severityOf(a) || a.path.localeCompare(b.path) || a.findings[0].range.start.line - b.findings[0].range.start.line;
}
function severityOf(u) {
  return SEVERITY_RANK[maxSeverity(u.findings)];
}
function pickInlineComments(units, ours, maxComments, meta, alive, commentLevel = "info") {
  const level = commentLevel === "none" ? Infinity : SEVERITY_RANK[commentLevel];
  const inline = units.filter((u) => u.anchor).sort((a, b) => severityOf(b) - severityOf(a) || a.path.localeCompare(b.path) || a.anchor.line - b.anchor.line);
  const postedOn = (path, line) => new Set(ours.filter((x) => x.c.path === path && x.c.line === line && x.c.inReplyTo === void 0).flatMap((x) => x.fingerprints));
  const taken = /* @__PURE__ */ new Map();
  const hits = (u, ranges) => (ranges ?? []).some(([s, e]) => u.anchor.startLine <= e && s <= u.anchor.line);
  const safe = /* @__PURE__ */ new Map();
  for (const u of inline)
    if (u.group && u.anchor.suggestion !== void 0) safe.set(u.path, [...safe.get(u.path) ?? [], [u.anchor.startLine, u.anchor.line]]);
  const overlaps = (u) => hits(u, taken.get(u.path)) || u.held !== void 0 && hits(u, safe.get(u.path));
  const take = (u) => taken.set(u.path, [...taken.get(u.path) ?? [], [u.anchor.startLine, u.anchor.line]]);
  const alreadyPosted = [];
  const fresh = [];
  for (const u of inline) {
    const posted = postedOn(u.path, u.anchor.line);
    if (u.findings.every((f) => posted.has(f.fingerprint))) {
      alreadyPosted.push(...u.findings.map((f) => f.fingerprint));
      if (u.anchor.suggestion !== void 0) take(u);
    } else fresh.push(u);
  }
  const live = liveInlineComments(ours, alive);
  const comments = [];
  const toBody = [];
  let overLimit = 0;
  for (const u of fresh) {
    const a = u.anchor;
    if (a.suggestion !== void 0 && overlaps(u)) {
      toBody.push({
        ...u,
        anchor: void 0,
        reason: "its suggestion overlaps the lines of another (only one suggestion per line can be applied)"
      });
      continue;
    }
    if (a.suggestion === void 0 && severityOf(u) < level) {
      toBody.push({
        ...u,
        anchor: void 0,
        reason: commentLevel === "none" ? "it has no suggested change (comment-level none: only suggested changes are posted inline)" : `it has no suggested change and is below comment-level (${commentLevel})`
      });
      continue;
    }
    if (live + comments.length >= maxComments) {
      overLimit++;
      const reason = live === 0 ? `the review already has ${plural(maxComments, "inline comment")} (max-comments)` : `the pull request already has ${plural(live + comments.length, "inline comment")} from kube-immutable (max-comments ${maxComments}), ${live} of them from earlier runs`;
      toBody.push({ ...u, anchor: void 0, reason });
      continue;
    }
    const text = commentBody({ findings: u.findings, group: u.group, suggestion: a.suggestion, line: a.line, held: u.held }, meta);
    if (text.length > MAX_BODY_LENGTH) {
      toBody.push({ ...u, anchor: void 0, reason: "the comment would be longer than GitHub allows" });
      continue;
    }
    if (a.suggestion !== void 0) take(u);
    const c = { path: u.path, line: a.line, side: "RIGHT", body: text, fingerprints: u.findings.map((f) => f.fingerprint) };
    if (a.suggestion !== void 0) c.suggestion = u.held?.kind ?? u.group?.kinds?.[0] ?? "safe";
    if (a.startLine < a.line) Object.assign(c, { startLine: a.startLine, startSide: "RIGHT" });
    comments.push(c);
  }
  return { comments, alreadyPosted, toBody, overLimit, live };
}
function liveInlineComments(ours, alive) {
  return ours.filter(({ c, fingerprints }) => c.path !== "" && c.inReplyTo === void 0 && c.line !== null && fingerprints.some((fp) => alive.has(fp))).length;
}
function staleComments(ours, findings, comments) {
  const alive = new Set(findings.filter((f) => !f.suppressed).map((f) => f.fingerprint));
  const reposted = new Set(comments.flatMap((c) => c.fingerprints));
  return ours.filter(
    ({ c, fingerprints }) => c.path !== "" && c.inReplyTo === void 0 && !c.hasReplies && fingerprints.every((fp) => !alive.has(fp) || reposted.has(fp))
  ).map(({ c }) => c.id);
}
function markedRequestIds(result) {
  return (result.exemptions ?? []).slice(0, 200).map(exemptionRecordId);
}
var EXEMPTION_SECTION_CHARS = 16e3;
function renderBody(input, units, planned, postedCount, outOfScope, inline) {
  const notes = [];
  const elsewhere = (findings, listed2) => {
    const carried = /* @__PURE__ */ new Set([...inline, ...listed2.map((f) => f.fingerprint)]);
    const text = input.elsewhere ? input.elsewhere(findings, carried) : `${findings.length === 1 ? "it is" : "they are"} in the job summary`;
    return text.length > MAX_ELSEWHERE_LENGTH ? `${text.slice(0, MAX_ELSEWHERE_LENGTH - 1)}\u2026` : text;
  };
  const inlineWord = `${plural(planned.length, "new inline comment")}${heldCounts(planned)}${postedCount > 0 ? `; ${plural(postedCount, "finding")} already commented on` : ""}`;
  const tableWord = units.length > 0 ? `; ${plural(units.length, "entry", "entries")} in the table below` : "";
  const head = `**kube-immutable** \xB7 ${summaryLine(summarize(input.result))} \xB7 ${inlineWord}${tableWord}.

`;
  const requestIds = markedRequestIds(input.result);
  const reserve = 1500 + 2 * MAX_ELSEWHERE_LENGTH + MAX_REASONS * (MAX_REASON_CHARS + 25) + 24 * requestIds.length;
  const budget = new TextBudget(MAX_BODY_LENGTH, "chars", reserve);
  budget.add(head);
  const exemptions = exemptionSection(input.result, {
    repoUrl: input.repoUrl,
    headSha: input.headSha,
    limit: EXEMPTION_SECTION_CHARS,
    unit: "chars",
    elsewhere: "the job summary"
  });
  if (exemptions) budget.add(exemptions);
  const { listed, remaining, patches } = addBodyRows(input, units, budget, reserve);
  if (remaining > 0) {
    const left = units.slice(units.length - remaining).flatMap((u) => u.findings);
    notes.unshift(
      `${plural(remaining, "more entry", "more entries")} (${plural(left.length, "finding")}) did not fit in this review body (${MAX_BODY_LENGTH.toLocaleString("en-US")} characters); ${elsewhere(left, listed)}.`
    );
  }
  if (patches.left > 0)
    notes.push(
      `${plural(patches.left, "patch", "patches")} of the table did not fit in this review body; the job summary shows the verified fixes, and \`kube-immutable scan\` prints every patch.`
    );
  if (outOfScope.length > 0) {
    const n = outOfScope.length;
    notes.push(
      `${plural(n, "finding")} outside the lines this pull request changes ${n === 1 ? "is" : "are"} not shown here (filter-mode: ${input.filterMode}); ${elsewhere(outOfScope, listed)}.`
    );
  }
  for (const n of notes) budget.addFinal(`_Note: ${n}_

`);
  const ids = [...listed.map((f) => f.fingerprint), ...exemptions ? requestIds : []];
  if (ids.length > 0) budget.addFinal(fingerprintMarker({ fingerprint: ids }) + "\n");
  return { text: budget.toString(), listed };
}
function heldCounts(planned) {
  const guesses = planned.filter((c) => c.suggestion === "guess").length;
  const behaviour = planned.filter((c) => c.suggestion === "behaviour").length;
  const held = guesses + behaviour;
  if (held === 0) return "";
  const suggested = planned.filter((c) => c.suggestion !== void 0).length;
  const kinds = [
    ...guesses > 0 ? [`${guesses} ${guesses === 1 ? "is a guess" : "are guesses"}`] : [],
    ...behaviour > 0 ? [`${behaviour} ${behaviour === 1 ? "is a behaviour change" : "are behaviour changes"}`] : []
  ].join(" and ");
  return `, ${suggested} with a one-click suggested change, of which ${kinds} (labelled in ${held === 1 ? "its lead line: check it" : "their lead lines: check them"} before committing)`;
}
var markerRoom = (n) => 64 + 40 * n;
var MAX_REASONS = 8;
var MAX_REASON_CHARS = 300;
function addBodyRows(input, units, budget, reserve) {
  const listed = [];
  let remaining = units.length;
  if (units.length === 0) return { listed, remaining, patches: { left: 0 } };
  const meta = new Map(input.policies.map((p) => [p.id, p.meta]));
  const reasons = [];
  const numberOf = (reason) => {
    let i = reasons.indexOf(reason);
    if (i < 0 && reasons.length < MAX_REASONS) i = reasons.push(reason) - 1;
    return i < 0 ? MAX_REASONS : i + 1;
  };
  const items = [];
  budget.add(`**Not posted inline** (${severityCounts(units.flatMap((u) => u.findings))}):

${BODY_TABLE_HEAD}`);
  for (const u of units) {
    const headText = input.files.get(u.path)?.headText ?? input.unchangedTexts?.get(u.path);
    let patch = "";
    try {
      if (u.group && headText !== void 0) patch = patchForFixGroup(u.group, headText);
      else if (u.held && headText !== void 0) patch = patchForEdits(u.path, headText, u.held.suggestion.edits);
    } catch {
      patch = "";
    }
    const reason = u.reason ?? "it cannot be placed on a line of the diff";
    const item = { findings: u.findings, group: u.group, patch, reason, held: u.held };
    const before = reasons.length;
    const text = bodyRow(item, input.repoUrl, input.headSha, meta, numberOf(reason));
    if (budget.size + text.length + markerRoom(listed.length + u.findings.length) > MAX_BODY_LENGTH - reserve) {
      reasons.length = before;
      budget.stop();
      break;
    }
    budget.add(text);
    items.push(item);
    listed.push(...u.findings);
    remaining--;
  }
  const reasonText = (r, i) => `${i + 1}. ${escapeMarkdown(r.length > MAX_REASON_CHARS ? `${r.slice(0, MAX_REASON_CHARS - 1)}\u2026` : r)}${i === MAX_REASONS - 1 ? " (and other reasons)" : ""}`;
  budget.addFinal(`
Not inline because:

${reasons.map(reasonText).join("\n")}

`);
  const withPatch = items.filter((i) => i.patch !== "");
  let left = withPatch.length;
  for (const item of withPatch) {
    const text = bodyPatch(item);
    if (budget.size + text.length + markerRoom(listed.length) > MAX_BODY_LENGTH - reserve || !budget.add(text)) break;
    left--;
  }
  return { listed, remaining, patches: { left } };
}

// src/review/channels.ts
var CHANNEL_LABEL = {
  review: "the review",
  sarif: "the SARIF file",
  summary: "the job summary",
  annotations: "the annotations",
  log: "the step log"
};
var REPORTED_IN = {
  review: "in the review",
  sarif: "in the SARIF file",
  summary: "in the job summary",
  annotations: "as annotations",
  log: "in the step log"
};
var ORDER = ["review", "sarif", "summary", "annotations", "log"];
function planChannels(input) {
  const { result, inReview, sarif } = input;
  const limits = input.limits ?? DEFAULT_ANNOTATION_LIMITS;
  const inTheReview = (f) => f.suppressed === void 0 && inReview.has(f.fingerprint);
  const rest = result.findings.filter((f) => f.suppressed === void 0 && !inReview.has(f.fingerprint));
  let listed = /* @__PURE__ */ new Set();
  let annotated = /* @__PURE__ */ new Set();
  let annotations = [];
  let logged = /* @__PURE__ */ new Set();
  const channelsOf = (f) => {
    const out = [];
    if (inTheReview(f)) out.push("review");
    if (sarif) out.push("sarif");
    if (listed.has(f)) out.push("summary");
    if (annotated.has(f)) out.push("annotations");
    if (logged.has(f)) out.push("log");
    return out;
  };
  const describe = (findings) => describeChannels(findings, channelsOf);
  const annotateAndLog = () => {
    const plan = planAnnotations(rest, limits, (f) => !sarif && !listed.has(f));
    annotations = plan.annotations;
    annotated = new Set(plan.annotated);
    logged = new Set(result.findings.filter((f) => !inTheReview(f) && !sarif && !listed.has(f) && !annotated.has(f)));
  };
  let summary;
  if (input.summary) {
    const limit = input.summary.maxBytes ?? MAX_JOB_SUMMARY_BYTES;
    const report = jobSummaryReport(result, {
      ...input.summary,
      first: new Set(rest.map((f) => f.fingerprint)),
      closingNotes: (rows, omitted) => {
        listed = rows;
        annotateAndLog();
        const notes = [];
        if (omitted.length > 0)
          notes.push(
            `${plural(omitted.length, "more finding")} not listed here (the job summary is limited to ${limit.toLocaleString("en-US")} bytes); ${describe(omitted)}.`
          );
        const notAnnotated = rest.filter((f) => !annotated.has(f));
        if (notAnnotated.length > 0 && rest.length > 0) {
          notes.push(
            `${plural(notAnnotated.length, "finding")} outside the review ${notAnnotated.length === 1 ? "was" : "were"} not annotated (GitHub shows at most ${DEFAULT_ANNOTATION_LIMITS.error} annotations of each level per step and ${DEFAULT_ANNOTATION_LIMITS.total} per job); ${describe(notAnnotated)}.`
          );
        }
        if (logged.size > 0)
          notes.push(
            `${plural(logged.size, "finding")} ${logged.size === 1 ? "is" : "are"} in no other report of this run${sarif ? "" : " (set the sarif-file input to get every finding in one file)"}: the step log lists ${logged.size === 1 ? "it" : "them"}.`
          );
        return notes;
      }
    });
    summary = report.text;
  } else annotateAndLog();
  const reportedIn = (findings) => {
    if (findings.length === 0) return "nowhere else: there are none";
    const used = ORDER.filter((c) => c !== "review" && findings.some((f) => channelsOf(f).includes(c)));
    return joinAnd(used.map((c) => REPORTED_IN[c]));
  };
  return { summary, annotations, logged: result.findings.filter((f) => logged.has(f)), channelsOf, describe, reportedIn };
}
function describeChannels(findings, channelsOf) {
  if (findings.length === 0) return "";
  const lists = findings.map((f) => channelsOf(f));
  const full = ORDER.filter((c) => lists.every((l) => l.includes(c)));
  if (full.length > 0) return `${findings.length === 1 ? "it is" : "they are"} in ${joinAnd(full.map((c) => CHANNEL_LABEL[c]))}`;
  const counts = /* @__PURE__ */ new Map();
  for (const l of lists) {
    const c = l[0] ?? "log";
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const parts = ORDER.filter((c) => counts.has(c)).map(
    (c, i) => `${counts.get(c)}${i === 0 ? counts.get(c) === 1 ? " is" : " are" : ""} in ${CHANNEL_LABEL[c]}`
  );
  return `of these, ${joinAnd(parts)}`;
}
function joinAnd(items) {
  return items.length <= 1 ? items[0] ?? "" : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export {
  parsePatch2 as parsePatch,
  hunksBetween,
  findHunk,
  lineInHunks,
  buildSuggestion,
  isSuggestion,
  applySuggestions,
  maxSeverity,
  confidenceOf,
  severityCounts,
  leadLine,
  commentBody,
  BODY_TABLE_HEAD,
  bodyRow,
  bodyPatch,
  MAX_BODY_LENGTH,
  MAX_ELSEWHERE_LENGTH,
  planReview,
  CHANNEL_LABEL,
  planChannels,
  describeChannels
};
