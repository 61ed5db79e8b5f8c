import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  FILE_NOT_SCANNED_ID,
  SEVERITY_RANK,
  annotationExemptions,
  apiPathText,
  budgetSeconds,
  describeRefusals,
  exemptionCovers,
  fileStart,
  findSuppression,
  fingerprintOf,
  formatMessage,
  introducedApiViolations,
  isAtBase,
  notScannedFinding,
  notScannedOptions,
  refusalsOf,
  timeBudgetMs
} from "./chunk-WWHR42BP.js";
import {
  extractManifests,
  toWorkload
} from "./chunk-XJ4RNHDL.js";
import {
  chartFoldersOf
} from "./chunk-GRKRAENP.js";
import {
  applyEdits,
  detectStyle,
  expectedData,
  parseYaml,
  renderFixOps,
  verifyEdits
} from "./chunk-P3YRBRJ7.js";

// src/engine/analysis-types.ts
function appliesFix(kind, policyId, apply) {
  if (kind === "safe") return true;
  if (kind === "guess") return apply?.guesses === true;
  const b = apply?.behaviour;
  return b === "all" || Array.isArray(b) && b.includes(policyId);
}

// src/engine/analyse.ts
var EXEMPTION_CHECK_ID = "exemption";
var fixer = {
  set: (target, path, value) => ({ kind: "set", target, path: [...path], value }),
  append: (target, path, item) => ({ kind: "append", target, path: [...path], item }),
  replace: (node, value) => {
    if (node.kind !== "scalar") throw new TypeError(`fixer.replace: the node at ${node.path.join(".") || "the document root"} is a ${node.kind}, not a scalar`);
    if (value !== null && typeof value === "object") throw new TypeError("fixer.replace: the value must be a string, number, boolean or null");
    return { kind: "replace", target: node, value };
  }
};
var HELM_CONTROL_LINE = /^[ \t]*\{\{-?\s*(?:if|else|end|range|with|define|template|include|block|toYaml|tpl|\.|\/\*)/m;
var HELM_UNQUOTED_VALUE = /^[^#\n'"]*(?::|^[ \t]*-)[ \t]+\{\{/m;
function hasTemplateSyntax(text) {
  return text.includes("{{") && (HELM_CONTROL_LINE.test(text) || HELM_UNQUOTED_VALUE.test(text));
}
function fileSkipReason(text, maxBytes) {
  return unreadableFile(text, maxBytes)?.reason;
}
function unreadableFile(text, maxBytes) {
  const bytes = text.length * 3 > maxBytes ? Buffer.byteLength(text, "utf8") : text.length;
  if (bytes > maxBytes) {
    return {
      reason: `file is larger than ${maxBytes} bytes (${bytes} bytes); raise the size limit to scan it`,
      messageId: "tooLarge",
      data: { size: bytes, limit: maxBytes }
    };
  }
  if (text.includes("\0")) return { reason: "binary file (contains NUL bytes)", messageId: "binary", data: {} };
  return void 0;
}
function checkJson(text, parsed) {
  const body = text.charCodeAt(0) === 65279 ? text.slice(1) : text;
  if (!body.trimStart().startsWith("{") || parsed.problems.some((p) => p.severity === "error" && p.code !== "duplicate-key")) return;
  let error;
  try {
    JSON.parse(body);
    return;
  } catch (err) {
    error = err;
  }
  const skip = text.length - body.length;
  const comment = firstJsonComment(body);
  const position = /position (\d+)/.exec(error.message);
  const offset = skip + (comment ?? (position ? Number(position[1]) : 0));
  const message = comment !== void 0 ? "comments are not allowed in JSON, and kubectl reads a .json file starting with { as JSON: remove the comment, or write the file as YAML" : `${error.message.replace(/ in JSON at position \d+.*$/, "").replace(/\s*\(line \d+ column \d+\)$/, "")} (kubectl reads a .json file starting with { as JSON)`;
  const at = parsed.position(offset);
  parsed.problems.push({ code: "json-syntax", message, severity: "error", line: at.line, column: at.column, offset: at.offset, docIndex: 0 });
  for (const d of parsed.documents) {
    d.hasErrors = true;
    d.lastKeyWins = false;
  }
}
function firstJsonComment(json) {
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "/" && (json[i + 1] === "/" || json[i + 1] === "*")) return i;
  }
  return void 0;
}
var NO_RANGE = Object.freeze({
  start: Object.freeze({ line: 1, column: 1, offset: 0 }),
  end: Object.freeze({ line: 1, column: 1, offset: 0 })
});
var containerCounts = /* @__PURE__ */ new WeakMap();
function containerNameCount(w, type, name) {
  let counts = containerCounts.get(w);
  if (!counts) {
    counts = /* @__PURE__ */ new Map();
    for (const x of w.containers) counts.set(`${x.type}\0${x.name}`, (counts.get(`${x.type}\0${x.name}`) ?? 0) + 1);
    containerCounts.set(w, counts);
  }
  return counts.get(`${type}\0${name}`) ?? 0;
}
function analyse(path, text, policies, opts = {}, unreadable) {
  return analyseText(path, text, void 0, policies, opts, unreadable);
}
function analyseText(path, text, parsedAlready, policies, opts = {}, unreadable) {
  const verifying = opts.verification === true;
  const started = performance.now();
  const deadline = verifying ? void 0 : started + timeBudgetMs(opts);
  const notScanned = (n) => {
    const r = notScannedFinding(path, n.messageId, n.data, n.range, n.detail, policies, opts);
    return r ? [r] : [];
  };
  const nothing = { manifests: [], skipped: [] };
  const unread = unreadText(text, opts, unreadable);
  if (unread) return { parsed: void 0, manifests: nothing, skipped: unread.reason, raw: notScanned(unread), deadline, exemptions: [] };
  const limits = notScannedOptions(opts);
  const parsed = parsedAlready ?? parseYaml(text, { maxDocuments: limits.maxDocuments, maxFlowItems: limits.maxFlowItems });
  const template = unparsedTemplate(text, parsed);
  if (template) return { parsed, manifests: nothing, skipped: template.reason, raw: notScanned(template), deadline, exemptions: [] };
  const manifests = readManifests(path, text, parsed, opts);
  const noManifest = unparsedNonManifest(text, parsed);
  if (noManifest !== void 0) {
    return {
      parsed: void 0,
      manifests: { manifests: [], skipped: [{ docIndex: 0, line: 1, reason: noManifest }] },
      skipped: void 0,
      raw: [],
      deadline,
      exemptions: []
    };
  }
  const raw = [];
  const workloads = manifests.manifests.map((m) => toWorkload(m));
  const policyIds = /* @__PURE__ */ new Set([...policies.map((p) => p.id), ...opts.knownPolicyIds ?? []]);
  for (const n of limitsNotRead(parsed.problems)) raw.push(...notScanned(n));
  const enabled = policies.filter((p) => opts.severity?.[p.id] !== "off");
  const fileRange = () => ({ start: parsed.position(0), end: parsed.position(0) });
  const fileRun = {
    path,
    text,
    parsed,
    manifests: manifests.manifests,
    workloads,
    policyIds,
    images: imageFacts(opts),
    buildArtifacts: (opts.buildArtifacts && Object.hasOwn(opts.buildArtifacts, path) ? opts.buildArtifacts[path] : void 0) ?? [],
    opts,
    deadline,
    raw,
    seen: /* @__PURE__ */ new Map(),
    ...findingDescriptions(),
    fileRange
  };
  const outOfTime = runPolicies(fileRun, enabled);
  if (outOfTime) raw.push(...notScanned(timeBudgetNotScanned(enabled, manifests.manifests, outOfTime, opts)));
  const exemptions = applyExemptions(path, raw, manifests.manifests, workloads, policies, opts);
  return { parsed, manifests, skipped: void 0, raw, deadline, exemptions };
}
function pointAt(p) {
  const start = { line: p.line, column: p.column, offset: p.offset };
  return { start, end: start };
}
function unreadText(text, opts, unreadable) {
  if (unreadable !== void 0) return { reason: unreadable, messageId: "unreadable", data: { reason: unreadable }, range: fileStart(), detail: "unreadable" };
  const maxBytes = opts.maxFileSizeBytes ?? 5 * 1024 * 1024;
  const whole = unreadableFile(text, maxBytes);
  return whole && { reason: whole.reason, messageId: whole.messageId, data: whole.data, range: fileStart(), detail: whole.messageId };
}
function unparsedTemplate(text, parsed) {
  const firstError = parsed.problems.find((p) => p.severity === "error");
  if (!firstError || !hasTemplateSyntax(text)) return void 0;
  const reason = "Helm/Go template syntax ({{ ... }}) that is not valid YAML: render it first (e.g. `helm template`) and scan the output";
  return { reason, messageId: "template", data: { line: firstError.line, message: firstError.message }, range: pointAt(firstError), detail: "template" };
}
var MANIFEST_TEXT = /apiversion|kind|\\[xu]|\\[\r\n\u0085\u2028\u2029]|(?:^|[\s,[{:?-])!/im;
var READER_LIMITS = /* @__PURE__ */ new Set(["nesting-limit", "alias-limit", "document-limit", "flow-limit"]);
function unparsedNonManifest(text, parsed) {
  const firstError = parsed.problems.find((p) => p.severity === "error");
  if (!firstError || parsed.problems.some((p) => READER_LIMITS.has(p.code)) || MANIFEST_TEXT.test(text)) return void 0;
  const message = firstError.message.length > 120 ? `${firstError.message.slice(0, 119)}\u2026` : firstError.message;
  return `no Kubernetes manifest: the file is not valid YAML (line ${firstError.line}: ${message}) and nowhere names an apiVersion or kind (e.g. a data file with one JSON object a line)`;
}
function readManifests(path, text, parsed, opts) {
  if (/\.json$/i.test(path)) checkJson(text, parsed);
  const manifests = extractManifests(parsed, { path, chartFolders: opts.chartFolders });
  for (const sk of manifests.skipped) {
    if (!sk.invalid || parsed.problems.some((p) => p.code === "invalid-object" && p.offset === sk.invalid.offset)) continue;
    const at = parsed.position(sk.invalid.offset);
    parsed.problems.push({
      code: "invalid-object",
      message: sk.invalid.message,
      severity: "error",
      line: at.line,
      column: at.column,
      offset: at.offset,
      docIndex: sk.docIndex
    });
  }
  if (opts.docIndexOffset) {
    for (const m of manifests.manifests) m.docIndex += opts.docIndexOffset;
    for (const p of parsed.problems) p.docIndex += opts.docIndexOffset;
  }
  return manifests;
}
function limitsNotRead(problems) {
  const out = [];
  for (const p of problems) {
    if (p.code !== "document-limit" && p.code !== "flow-limit") continue;
    out.push({
      messageId: p.code === "document-limit" ? "documentLimit" : "flowLimit",
      data: { message: p.message },
      range: pointAt(p),
      detail: `${p.code}:${p.docIndex}`
    });
  }
  return out;
}
function timeBudgetNotScanned(enabled, manifests, outOfTime, opts) {
  const objects = manifests.length;
  const left = enabled.slice(outOfTime.policy + 1).map((p) => p.id).filter((id) => id !== FILE_NOT_SCANNED_ID);
  const first = manifests[outOfTime.manifest];
  const what = `${enabled[outOfTime.policy].id} from document ${first.docIndex + 1} (${first.kind} ${first.name || "(unnamed)"}) on` + (left.length > 0 ? `, and ${left.join(", ")} on ${objects === 1 ? "the object" : `all ${objects} objects`}, were` : " was");
  const start = first.node.range.start;
  return { messageId: "timeBudget", data: { budget: budgetSeconds(opts), what }, range: { start, end: start }, detail: "time-budget" };
}
var NO_FACTS = /* @__PURE__ */ new Map();
function imageFacts(opts) {
  const given = opts.images;
  return {
    digests: given?.digests ?? NO_FACTS,
    digestErrors: given?.digestErrors ?? NO_FACTS,
    configs: given?.configs ?? NO_FACTS,
    configErrors: given?.configErrors ?? NO_FACTS
  };
}
function findingDescriptions() {
  const objects = /* @__PURE__ */ new Map();
  const objectOf = (m) => {
    let o = objects.get(m);
    if (!o) objects.set(m, o = { apiVersion: m.apiVersion, kind: m.kind, name: m.name, namespace: m.namespace, docIndex: m.docIndex });
    return o;
  };
  const containers = /* @__PURE__ */ new Map();
  const containerOf = (c) => {
    let o = containers.get(c);
    if (!o) containers.set(c, o = { name: c.name, type: c.type, index: c.index });
    return o;
  };
  return { objectOf, containerOf };
}
function runPolicies(fileRun, enabled) {
  for (const [policyIndex, policy] of enabled.entries()) {
    const manifest = runPolicy(fileRun, policy);
    if (manifest !== void 0) return { policy: policyIndex, manifest };
  }
  return void 0;
}
function runPolicy(fileRun, policy) {
  const { path, text, parsed, manifests, workloads, policyIds, images, buildArtifacts, opts, deadline, raw, seen, objectOf, containerOf, fileRange } = fileRun;
  const severityOverride = opts.severity?.[policy.id];
  if (severityOverride === "off") return void 0;
  const severity = severityOverride ?? policy.meta.defaultSeverity;
  const options = { ...policy.meta.defaultOptions ?? {}, ...opts.options?.[policy.id] ?? {} };
  const makeReport = (m, w, manifestIndex) => (d) => {
    const template = policy.meta.messages[d.messageId];
    if (template === void 0) throw new TypeError(`policy ${policy.id} reported unknown messageId ${JSON.stringify(d.messageId)}`);
    if (d.fix !== void 0 && !policy.meta.fixable) throw new TypeError(`policy ${policy.id} reported a fix but its meta.fixable is false`);
    const suggest = d.suggest ?? [];
    for (const s of suggest) {
      if (policy.meta.messages[s.messageId] === void 0)
        throw new TypeError(`policy ${policy.id} suggested with unknown messageId ${JSON.stringify(s.messageId)}`);
    }
    const kind = d.fixKind ?? "safe";
    if (!FIX_KINDS.has(kind)) throw new TypeError(`policy ${policy.id} reported an unknown fixKind ${JSON.stringify(kind)}`);
    if (d.fixMessageId !== void 0 && policy.meta.messages[d.fixMessageId] === void 0)
      throw new TypeError(`policy ${policy.id} reported unknown fixMessageId ${JSON.stringify(d.fixMessageId)}`);
    const applied = d.fix !== void 0 && !opts.verification && appliesFix(kind, policy.id, opts.applyFixes);
    const held = d.fix !== void 0 && !opts.verification && !applied && kind !== "safe" ? [heldFixSuggestion(policy, d, kind)] : [];
    const message = formatMessage(template, d.data);
    const range = opts.verification ? NO_RANGE : d.node ? d.key ? d.node.keyRange : d.node.range : d.range ?? (m ? m.node.range : fileRange());
    const object = m && objectOf(m);
    const c = d.container;
    const shared = c && (!c.name || (w ? containerNameCount(w, c.type, c.name) : 0) > 1);
    const containerId = c ? shared ? `${c.name}#${c.index}` : c.name : void 0;
    const base = fingerprintOf([policy.id, path, m?.kind, m?.namespace, m?.name, m?.docIndex, c?.type, containerId, d.messageId, d.detail]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const fingerprint = n === 0 ? base : fingerprintOf([base, n]);
    const objectLabel = m ? `${m.kind}/${m.namespace ? m.namespace + "/" : ""}${m.name || "(unnamed)"}` : path;
    const groupKey = c ? `${m?.docIndex}:${c.path.join(".")}` : `${m?.docIndex ?? -1}:${m ? m.node.path.join(".") : ""}:object`;
    raw.push({
      finding: {
        policyId: policy.id,
        severity: d.severity !== void 0 && SEVERITY_RANK[d.severity] < SEVERITY_RANK[severity] ? d.severity : severity,
        messageId: d.messageId,
        message,
        file: path,
        range,
        object,
        container: c ? containerOf(c) : void 0,
        fingerprint,
        fixId: void 0,
        fixProblem: void 0,
        suggestions: []
      },
      groupKey,
      groupLabel: { docIndex: m?.docIndex ?? -1, object: objectLabel, container: c?.name },
      manifestIndex,
      fix: applied ? d.fix(fixer) : void 0,
      ...applied && kind !== "safe" ? { fixKind: kind } : {},
      suggestions: opts.verification ? [] : [
        ...held,
        ...suggest.map((s) => ({
          message: formatMessage(policy.meta.messages[s.messageId], s.data),
          ops: s.fix(fixer),
          ...s.kind ? { kind: s.kind } : {}
        }))
      ]
    });
  };
  const failed = (m, err) => raw.push(policyErrorFinding(policy.id, path, m, err, fileRange));
  if (policy.checkFile) {
    try {
      policy.checkFile({ file: path, text, problems: parsed.problems, options, report: makeReport(void 0) });
    } catch (err) {
      failed(void 0, err);
    }
  }
  const fileObjects = manifests.map((manifest, i) => ({ manifest, workload: workloads[i] }));
  for (const [i, m] of manifests.entries()) {
    if (deadline !== void 0 && performance.now() > deadline) return i;
    try {
      policy.check({
        file: path,
        policyIds,
        manifest: m,
        workload: workloads[i],
        fileObjects,
        options,
        images,
        buildArtifacts,
        report: makeReport(m, workloads[i], i)
      });
    } catch (err) {
      failed(m, err);
    }
  }
  return void 0;
}
var FIX_KINDS = /* @__PURE__ */ new Set(["safe", "guess", "behaviour"]);
var HELD_FIX_MESSAGE = {
  guess: "The fix rests on a guess: check that it fits the workload before applying it.",
  behaviour: "The fix can change what the workload does: apply it only when the workload does not need what it removes."
};
function heldFixSuggestion(policy, d, kind) {
  const template = d.fixMessageId !== void 0 ? policy.meta.messages[d.fixMessageId] : HELD_FIX_MESSAGE[kind];
  const reason = kind === "guess" ? "a guess; applied only when guesses are included" : `a behaviour change; applied only when behaviour changes of ${policy.id} are applied`;
  return { message: formatMessage(template, d.data), ops: d.fix(fixer), kind, reason, heldFix: true };
}
function policyErrorFinding(policyId, path, m, err, fileRange) {
  const detail = err instanceof Error ? err.message : String(err);
  return {
    finding: {
      policyId: "policy-error",
      severity: "error",
      messageId: "policyFailed",
      message: `policy ${policyId} failed on file ${path}${m ? ` (${m.kind} ${m.name})` : ""}: ${detail}`,
      file: path,
      range: m ? m.node.range : fileRange(),
      object: m && { apiVersion: m.apiVersion, kind: m.kind, name: m.name, namespace: m.namespace, docIndex: m.docIndex },
      container: void 0,
      fingerprint: fingerprintOf(["policy-error", policyId, path, m?.docIndex, m?.kind, m?.name]),
      fixId: void 0,
      fixProblem: void 0,
      suggestions: []
    },
    groupKey: `error:${policyId}:${m?.docIndex}`,
    groupLabel: { docIndex: m?.docIndex ?? -1, object: m?.name ?? path, container: void 0 },
    manifestIndex: void 0,
    fix: void 0,
    suggestions: []
  };
}
var REFUSAL_MESSAGES = {
  annotationsDisabled: "annotationsDisabled",
  policyNotAllowed: "policyNotAllowed",
  expiryRequired: "expiryRequired",
  expiryTooFar: "expiryTooFar"
};
function applyExemptions(path, raw, manifests, workloads, policies, opts) {
  const policyIds = /* @__PURE__ */ new Set([...policies.map((p) => p.id), ...opts.knownPolicyIds ?? []]);
  const exemptionPolicy = policies.find((p) => p.id === EXEMPTION_CHECK_ID);
  const expiredTemplate = exemptionPolicy?.meta.messages.expired ?? "The exemption {{source}} expired on {{expires}}: the findings it covered are reported again.";
  const today = opts.today ?? (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
  const config = opts.exemptions ?? [];
  const governance = opts.exemptionGovernance;
  const base = opts.baseExemptions ? Object.hasOwn(opts.baseExemptions, path) ? opts.baseExemptions[path] : [] : void 0;
  const records = [];
  const recordOf = /* @__PURE__ */ new Map();
  const honoured = manifests.map((m, i) => {
    const all = annotationExemptions(m, workloads[i], policyIds).exemptions;
    const kept = [];
    for (const a of all) {
      const refusals = refusalsOf(a, m, governance, base, today);
      const atBase = base === void 0 ? void 0 : refusals.includes("notAtBase") ? false : isAtBase(a, m, base);
      if (refusals.length === 0) kept.push(a);
      if (refusals.length === 0 && atBase !== false) continue;
      const at = a.node.keyRange.start;
      const record = {
        file: path,
        line: at.line,
        column: at.column,
        object: { kind: m.kind, namespace: m.namespace, name: m.name },
        on: a.on,
        key: a.key,
        policy: a.policy,
        containers: a.containers,
        reason: a.reason,
        expires: a.expires,
        atBase,
        honoured: refusals.length === 0,
        refusals,
        why: describeRefusals(refusals, a, governance),
        fingerprints: []
      };
      records.push(record);
      recordOf.set(a, record);
    }
    return { all, kept };
  });
  const expiredSeen = /* @__PURE__ */ new Set();
  const push = (finding, manifestIndex) => raw.push({
    finding,
    groupKey: `exemption:${finding.fingerprint}`,
    groupLabel: { docIndex: finding.object?.docIndex ?? -1, object: path, container: void 0 },
    manifestIndex,
    fix: void 0,
    suggestions: []
  });
  for (const r of [...raw]) {
    const f = r.finding;
    if (f.policyId === "policy-error" || f.policyId === EXEMPTION_CHECK_ID) continue;
    const own = r.manifestIndex !== void 0 ? honoured[r.manifestIndex] : { all: [], kept: [] };
    for (const a of own.all) {
      const record = recordOf.get(a);
      if (record && exemptionCovers(a, f)) record.fingerprints.push(f.fingerprint);
    }
    const notScanned = f.policyId === FILE_NOT_SCANNED_ID;
    const match = notScanned ? findSuppression(
      f,
      [],
      config.filter((e2) => e2.policy === FILE_NOT_SCANNED_ID),
      today
    ) : findSuppression(f, own.kept, config, today);
    if (!match) continue;
    if ("suppression" in match) {
      f.suppressed = match.suppression;
      continue;
    }
    const e = match.expired;
    const fingerprint = fingerprintOf([EXEMPTION_CHECK_ID, path, e.source, e.expires, f.policyId]);
    if (expiredSeen.has(fingerprint)) continue;
    expiredSeen.add(fingerprint);
    push(
      {
        policyId: EXEMPTION_CHECK_ID,
        severity: "info",
        messageId: "expired",
        message: formatMessage(expiredTemplate, { source: e.source, expires: e.expires }),
        file: path,
        range: e.range ?? f.range,
        object: f.object,
        container: void 0,
        fingerprint,
        fixId: void 0,
        fixProblem: void 0,
        suggestions: []
      },
      r.manifestIndex
    );
  }
  const severity = opts.severity?.[EXEMPTION_CHECK_ID] ?? exemptionPolicy?.meta.defaultSeverity ?? "warning";
  if (severity === "off") return records;
  manifests.forEach((m, i) => {
    for (const a of honoured[i].all) {
      const record = recordOf.get(a);
      const messageId = record?.refusals.map((x) => REFUSAL_MESSAGES[x]).find((x) => x !== void 0);
      if (!record || !messageId) continue;
      const template = exemptionPolicy?.meta.messages[messageId] ?? "The exemption {{source}} is not honoured: {{why}}.";
      const fingerprint = fingerprintOf([EXEMPTION_CHECK_ID, path, m.kind, m.namespace, m.name, m.docIndex, a.on, a.key, messageId]);
      const object = { apiVersion: m.apiVersion, kind: m.kind, name: m.name, namespace: m.namespace, docIndex: m.docIndex };
      push(
        {
          policyId: EXEMPTION_CHECK_ID,
          severity,
          messageId,
          message: formatMessage(template, { source: a.source, why: record.why, findings: String(record.fingerprints.length) }),
          file: path,
          range: opts.verification ? NO_RANGE : a.node.keyRange,
          object,
          container: void 0,
          fingerprint,
          fixId: void 0,
          fixProblem: void 0,
          suggestions: []
        },
        i
      );
    }
  });
  return records;
}

// src/engine/fixes.ts
function renderAndVerify(path, parsed, style, ops, fixes, before, policies, opts) {
  const rendered = render(parsed, style, ops);
  if (!rendered.ok) return rendered;
  return verifyRendered(path, parsed, ops, rendered.edits, fixes, before, policies, opts);
}
function render(parsed, style, ops) {
  const rendered = renderFixOps(parsed.text, style, ops);
  if (rendered.problems.length > 0) return { ok: false, edits: [], problem: rendered.problems[0] };
  if (rendered.edits.length === 0) return { ok: false, edits: [], problem: "the fix changes nothing" };
  return { ok: true, edits: rendered.edits };
}
function docsOf(parsed, ops) {
  const docOf = documentIndexes(parsed);
  return new Set(ops.map((op) => docOf.get(op.target.doc) ?? 0));
}
var documentIndexCache = /* @__PURE__ */ new WeakMap();
function documentIndexes(parsed) {
  let map = documentIndexCache.get(parsed);
  if (!map) {
    map = new Map(parsed.documents.map((d) => [d.doc, d.index]));
    documentIndexCache.set(parsed, map);
  }
  return map;
}
function verifyRendered(path, parsed, ops, edits, fixes, before, policies, opts) {
  const docs = docsOf(parsed, ops);
  if (docs.size === 1 && parsed.documents.length > 1) {
    const scoped = verifyInDocument(path, parsed, [...docs][0], edits, ops, fixes, before, policies, opts);
    if (scoped) return scoped;
  }
  const docOf = documentIndexes(parsed);
  const expected = expectedData(
    parsed.documents.map((d) => d.data),
    (op) => docOf.get(op.target.doc) ?? 0,
    ops
  );
  const v = verifyEdits(parsed.text, edits, expected);
  if (!v.ok) return { ok: false, edits: [], problem: v.problem };
  const invalid = apiRuleProblem([...docs].map((d) => [parsed.documents[d].data, v.parsed.documents[d].data]));
  if (invalid) return { ok: false, edits: [], problem: invalid };
  const again = analyseText(path, v.text, v.parsed, policies, { ...opts, verification: true });
  const problem = compareFindings(again, fixes, before);
  if (problem) return { ok: false, edits: [], problem };
  return { ok: true, edits };
}
function verifyInDocument(path, parsed, d, edits, ops, fixes, before, policies, opts) {
  const docs = parsed.documents;
  const start = docs[d].span[0];
  const end = d + 1 < docs.length ? docs[d + 1].span[0] : parsed.readEnd ?? parsed.text.length;
  if (edits.some((e) => e.range[0] < start || e.range[1] > end)) return void 0;
  if (/^%/m.test(parsed.text.slice(0, docs[0].span[0]))) return void 0;
  const slice = parsed.text.slice(start, end);
  const shifted = edits.map((e) => ({ range: [e.range[0] - start, e.range[1] - start], text: e.text }));
  const v = verifyEdits(
    slice,
    shifted,
    expectedData([docs[d].data], () => 0, ops)
  );
  if (!v.ok) return void 0;
  const invalid = apiRuleProblem([[docs[d].data, v.parsed.documents[0].data]]);
  if (invalid) return { ok: false, edits: [], problem: invalid };
  const again = analyseText(path, v.text, v.parsed, policies, { ...opts, docIndexOffset: d, verification: true });
  const problem = compareFindings(again, fixes, before);
  if (problem) return { ok: false, edits: [], problem };
  return { ok: true, edits };
}
function apiRuleProblem(changed) {
  for (const [before, after] of changed) {
    const [v] = introducedApiViolations(before, after);
    if (v) return `the fix makes the object invalid for the API server: ${apiPathText(v.path)}: ${v.message} (${v.source})`;
  }
  return void 0;
}
function compareFindings(again, fixes, before) {
  const after = new Set(again.raw.map((r) => r.finding.fingerprint));
  for (const fp of fixes) if (after.has(fp)) return "the fixed finding is still reported after the fix";
  for (const fp of after) {
    if (!before.has(fp)) {
      const r = again.raw.find((x) => x.finding.fingerprint === fp);
      return `the fix causes a new finding: ${r.finding.policyId}: ${r.finding.message}`;
    }
  }
  return void 0;
}
function budgetOf(deadline) {
  let out = false;
  return {
    left: () => !(out ||= deadline !== void 0 && performance.now() > deadline),
    skipped: 0
  };
}
var OUT_OF_TIME = "not verified: the file's time budget ran out (see the file-not-scanned finding)";
function computeFixes(path, analysis, policies, opts) {
  const parsed = analysis.parsed;
  if (!parsed) return { groups: [], fixedText: void 0, fixedEdits: void 0 };
  const budget = budgetOf(analysis.deadline);
  const result = computeFixesWithin(path, analysis, parsed, policies, opts, budget);
  if (budget.skipped > 0 && !analysis.raw.some((r) => r.finding.policyId === FILE_NOT_SCANNED_ID && r.finding.messageId.startsWith("timeBudget"))) {
    const at = parsed.position(0);
    const r = notScannedFinding(
      path,
      "timeBudgetFixes",
      { budget: budgetSeconds(opts), count: budget.skipped },
      { start: at, end: at },
      "time-budget-fixes",
      policies,
      opts
    );
    if (r) analysis.raw.push(r);
  }
  return result;
}
function computeFixesWithin(path, analysis, parsed, policies, opts, budget) {
  const withheld = withholdInDuplicateKeyDocuments(parsed, analysis.raw);
  const raw = withheld.size > 0 ? analysis.raw.filter((r) => !withheld.has(r)) : analysis.raw;
  const byKey = /* @__PURE__ */ new Map();
  for (const r of raw) {
    if (!r.fix || r.fix.length === 0 || r.finding.suppressed) continue;
    const arr = byKey.get(r.groupKey) ?? [];
    arr.push(r);
    byKey.set(r.groupKey, arr);
  }
  const style = detectStyle(
    parsed.text,
    parsed.documents.map((d) => d.doc)
  );
  const before = new Set(analysis.raw.map((r) => r.finding.fingerprint));
  const entries = [...byKey].map(([key, members]) => {
    const ops = members.flatMap((m) => m.fix);
    const label = members[0].groupLabel;
    const group = {
      id: fingerprintOf(["fix", path, key]),
      file: path,
      docIndex: label.docIndex,
      object: label.object,
      container: label.container,
      containers: label.container !== void 0 ? [label.container] : [],
      findings: [...new Set(members.map((m) => m.finding.fingerprint))],
      edits: [],
      verified: false,
      problem: void 0,
      ...kindsOf(members.map((m) => m.fixKind))
    };
    return { group, members, ops, rendered: render(parsed, style, ops), merged: void 0 };
  });
  const renderedOk = entries.filter((e) => e.rendered.ok);
  for (const cluster of sharedLineClusters(
    parsed,
    renderedOk.map((e) => ({ item: e, docIndex: e.group.docIndex, edits: e.rendered.edits }))
  )) {
    if (cluster.length < 2) continue;
    const ops = cluster.flatMap((e) => e.ops);
    const fps = new Set(cluster.flatMap((e) => e.group.findings));
    if (!budget.left()) break;
    const v = renderAndVerify(path, parsed, style, ops, fps, before, policies, opts);
    if (!v.ok) continue;
    const merged = {
      group: mergedGroup(
        path,
        cluster.map((e) => e.group),
        fps,
        v.edits
      ),
      ops
    };
    for (const e of cluster) e.merged = merged;
  }
  const groups = [];
  const verifiedOps = [];
  const emitted = /* @__PURE__ */ new Set();
  for (const e of entries) {
    if (e.merged) {
      if (emitted.has(e.merged.group)) continue;
      emitted.add(e.merged.group);
      groups.push(e.merged.group);
      verifiedOps.push(e.merged);
      continue;
    }
    let v;
    if (!e.rendered.ok) v = e.rendered;
    else if (!budget.left()) {
      budget.skipped++;
      v = { ok: false, edits: [], problem: OUT_OF_TIME };
    } else v = verifyRendered(path, parsed, e.ops, e.rendered.edits, new Set(e.group.findings), before, policies, opts);
    e.group.edits = v.edits;
    e.group.verified = v.ok;
    e.group.problem = v.ok ? void 0 : v.problem;
    groups.push(e.group);
    if (v.ok) verifiedOps.push({ group: e.group, ops: e.ops });
  }
  for (const e of entries) {
    for (const m of e.members) {
      if (e.merged) m.finding.fixId = e.merged.group.id;
      else if (e.group.verified) m.finding.fixId = e.group.id;
      else m.finding.fixProblem = e.group.problem;
    }
  }
  const unmerged = new Set(entries.filter((e) => !e.merged && e.group.verified).map((e) => e.group));
  if (budget.left()) mergeSharedLines(path, parsed, style, groups, verifiedOps, unmerged, analysis.raw, before, policies, opts, budget);
  const heldVerified = verifyHeldFixes(path, parsed, style, raw, before, policies, opts, budget);
  for (const r of raw) {
    for (const s of r.suggestions) {
      if (s.heldFix) {
        const v = heldVerified.get(s);
        if (!v) continue;
        if (v.ok) r.finding.suggestions.push({ message: s.message, edits: v.edits, kind: s.kind, reason: s.reason });
        else if (r.finding.fixProblem === void 0) r.finding.fixProblem = v.problem;
        continue;
      }
      const rendered = renderFixOps(parsed.text, style, s.ops);
      if (rendered.problems.length === 0 && rendered.edits.length > 0)
        r.finding.suggestions.push({ message: s.message, edits: rendered.edits, ...s.kind ? { kind: s.kind } : {} });
    }
  }
  const fixedEdits = combinedEdits(path, parsed, style, verifiedOps, before, policies, opts, budget);
  return { groups, fixedText: fixedEdits ? applyEdits(parsed.text, fixedEdits) : void 0, fixedEdits };
}
function withholdInDuplicateKeyDocuments(parsed, raw) {
  const out = /* @__PURE__ */ new Set();
  const dupDocs = parsed.documents.filter((d) => d.lastKeyWins);
  if (dupDocs.length === 0) return out;
  const reasons = /* @__PURE__ */ new Map();
  for (const d of dupDocs) {
    const first = parsed.problems.find((p) => p.code === "duplicate-key" && p.offset >= d.span[0] && p.offset <= d.span[1]);
    const at = first ? ` (line ${first.line})` : "";
    reasons.set(d.doc, `the document has a duplicate key${at}: remove it first; no fix is offered in a document with duplicate keys`);
  }
  for (const r of raw) {
    const ops = [...r.fix ?? [], ...r.suggestions.flatMap((s) => s.ops)];
    const reason = ops.map((op) => reasons.get(op.target.doc)).find((x) => x !== void 0);
    if (reason === void 0) continue;
    out.add(r);
    if (r.fix && r.fix.length > 0 || r.suggestions.some((s) => s.heldFix)) r.finding.fixProblem = reason;
  }
  return out;
}
function verifyHeldFixes(path, parsed, style, raw, before, policies, opts, budget) {
  const out = /* @__PURE__ */ new Map();
  const byDoc = /* @__PURE__ */ new Map();
  for (const r of raw) {
    if (r.finding.suppressed) continue;
    for (const s of r.suggestions) {
      if (!s.heldFix) continue;
      const d = r.groupLabel.docIndex;
      let list = byDoc.get(d);
      if (!list) byDoc.set(d, list = []);
      list.push({ r, s });
    }
  }
  const alone = (r, s) => {
    if (!budget.left()) {
      budget.skipped++;
      return { ok: false, edits: [], problem: OUT_OF_TIME };
    }
    return renderAndVerify(path, parsed, style, s.ops, /* @__PURE__ */ new Set([r.finding.fingerprint]), before, policies, opts);
  };
  for (const items of byDoc.values()) {
    if (items.length > 1 && budget.left()) {
      const all = renderAndVerify(
        path,
        parsed,
        style,
        items.flatMap((x) => x.s.ops),
        new Set(items.map((x) => x.r.finding.fingerprint)),
        before,
        policies,
        opts
      );
      if (all.ok) {
        for (const { r, s } of items) {
          const own = render(parsed, style, s.ops);
          out.set(s, own.ok ? own : alone(r, s));
        }
        continue;
      }
    }
    for (const { r, s } of items) out.set(s, alone(r, s));
  }
  return out;
}
function combinedEdits(path, parsed, style, verifiedOps, before, policies, opts, budget) {
  if (verifiedOps.length === 0) return void 0;
  if (verifiedOps.length === 1) return verifiedOps[0].group.edits;
  const docSets = verifiedOps.map((g) => docsOf(parsed, g.ops));
  const perDocument = parsed.documents.length > 1 && docSets.every((d) => d.size === 1);
  const parts = /* @__PURE__ */ new Map();
  verifiedOps.forEach((g, i) => {
    const d = perDocument ? [...docSets[i]][0] : -1;
    parts.set(d, [...parts.get(d) ?? [], g]);
  });
  const edits = [];
  for (const part of parts.values()) {
    if (part.length === 1) {
      for (const e of part[0].group.edits) edits.push(e);
      continue;
    }
    if (!budget.left()) {
      budget.skipped += part.length;
      continue;
    }
    const allFps = new Set(part.flatMap((g) => g.group.findings));
    const all = renderAndVerify(
      path,
      parsed,
      style,
      part.flatMap((g) => g.ops),
      allFps,
      before,
      policies,
      opts
    );
    if (all.ok) {
      for (const e of all.edits) edits.push(e);
      continue;
    }
    let kept = [];
    let keptEdits = [];
    const keptFps = /* @__PURE__ */ new Set();
    for (const g of part) {
      if (!budget.left()) break;
      const ops = [...kept, ...g.ops];
      const fps = /* @__PURE__ */ new Set([...keptFps, ...g.group.findings]);
      const v = renderAndVerify(path, parsed, style, ops, fps, before, policies, opts);
      if (v.ok) {
        kept = ops;
        keptEdits = v.edits;
        for (const f of g.group.findings) keptFps.add(f);
      }
    }
    for (const e of keptEdits) edits.push(e);
  }
  return edits.length > 0 ? edits : void 0;
}
function mergedGroup(path, members, fps, edits) {
  const first = members[0];
  const objects = [...new Set(members.map((m) => m.object))];
  const containers = members.flatMap((m) => m.containers);
  return {
    id: fingerprintOf(["fix", path, ...members.map((m) => m.id)]),
    file: path,
    docIndex: first.docIndex,
    object: objects.join(", "),
    container: containers.length === 1 ? containers[0] : void 0,
    containers,
    findings: [...fps],
    edits,
    verified: true,
    problem: void 0,
    ...kindsOf(members.flatMap((m) => m.kinds ?? []))
  };
}
function kindsOf(kinds) {
  const out = ["guess", "behaviour"].filter((k) => kinds.includes(k));
  return out.length > 0 ? { kinds: out } : {};
}
function sharedLineClusters(parsed, items) {
  const spans = items.map((x) => ({ x, span: lineSpan(parsed, x.edits) }));
  spans.sort((a, b) => a.x.docIndex - b.x.docIndex || a.span[0] - b.span[0]);
  const clusters = [];
  for (const s of spans) {
    const last = clusters[clusters.length - 1];
    if (last && last.docIndex === s.x.docIndex && s.span[0] <= last.end) {
      last.items.push(s.x.item);
      last.end = Math.max(last.end, s.span[1]);
    } else clusters.push({ docIndex: s.x.docIndex, end: s.span[1], items: [s.x.item] });
  }
  return clusters.map((c) => c.items);
}
function lineSpan(parsed, edits) {
  let start = Infinity;
  let end = -Infinity;
  for (const e of edits) {
    if (e.range[0] < start) start = e.range[0];
    if (e.range[1] > end) end = e.range[1];
  }
  return [parsed.position(start).line - 1, parsed.position(end).line + 1];
}
function mergeSharedLines(path, parsed, style, groups, verified, candidates, raw, before, policies, opts, budget) {
  const items = verified.filter((v) => candidates.has(v.group)).map((v) => ({ item: v, docIndex: v.group.docIndex, edits: v.group.edits }));
  const replaced = /* @__PURE__ */ new Map();
  for (const members of sharedLineClusters(parsed, items)) {
    if (members.length < 2) continue;
    const ops = members.flatMap((m) => m.ops);
    const fps = new Set(members.flatMap((m) => m.group.findings));
    if (!budget.left()) break;
    const v = renderAndVerify(path, parsed, style, ops, fps, before, policies, opts);
    if (!v.ok) continue;
    const group = mergedGroup(
      path,
      members.map((m) => m.group),
      fps,
      v.edits
    );
    for (const m of members) replaced.set(m.group.id, { group, ops });
  }
  if (replaced.size === 0) return;
  const placed = /* @__PURE__ */ new Set();
  const keep = (list, groupOf, merged) => {
    placed.clear();
    const out = [];
    for (const x of list) {
      const m = replaced.get(groupOf(x).id);
      if (!m) out.push(x);
      else if (!placed.has(m.group)) {
        placed.add(m.group);
        out.push(merged(m));
      }
    }
    return out;
  };
  const refill = (list, items2) => {
    list.length = 0;
    for (const x of items2) list.push(x);
  };
  refill(
    groups,
    keep(
      groups,
      (g) => g,
      (m) => m.group
    )
  );
  refill(
    verified,
    keep(
      verified,
      (x) => x.group,
      (m) => m
    )
  );
  for (const r of raw) {
    const m = r.finding.fixId !== void 0 ? replaced.get(r.finding.fixId) : void 0;
    if (m) r.finding.fixId = m.group.id;
  }
}

// src/engine/run.ts
function run(files, policies, opts = {}) {
  const result = { files: [], findings: [], fixes: [] };
  if (!opts.chartFolders) opts = { ...opts, chartFolders: chartFoldersOf(files.map((f) => f.path)) };
  for (const f of files) {
    const a = analyse(f.path, f.text, policies, opts, f.unreadable);
    const fixes = computeFixes(f.path, a, policies, opts);
    const fr = {
      path: f.path,
      skipped: a.skipped,
      skippedDocuments: a.manifests.skipped,
      problems: a.parsed?.problems ?? [],
      manifests: a.manifests.manifests.length,
      fixedText: fixes.fixedText,
      ...fixes.fixedEdits ? { fixedEdits: fixes.fixedEdits } : {}
    };
    result.files.push(fr);
    const findings = a.raw.map((r) => r.finding);
    findings.sort((x, y) => x.range.start.offset - y.range.start.offset || x.policyId.localeCompare(y.policyId));
    for (const x of findings) result.findings.push(x);
    for (const g of fixes.groups) result.fixes.push(g);
    if (a.exemptions.length > 0) for (const x of a.exemptions) (result.exemptions ??= []).push(x);
  }
  return result;
}

export {
  hasTemplateSyntax,
  fileSkipReason,
  analyse,
  computeFixes,
  run
};
