import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  DEFAULT_RENDER_OUTPUT_BYTES,
  DEFAULT_RENDER_TIMEOUT_MS,
  analyseKustomize,
  buildKustomization,
  kustomizeClosure,
  kustomizeRootsFor,
  runEngine
} from "./chunk-FHELKB6D.js";
import "./chunk-UH6I2W3D.js";
import "./chunk-GBQPUQWT.js";
import {
  run
} from "./chunk-BWIBLJZ3.js";
import "./chunk-HMAY3IZG.js";
import {
  fingerprintOf,
  notScannedFinding
} from "./chunk-WWHR42BP.js";
import "./chunk-XJ4RNHDL.js";
import {
  KUSTOMIZATION_FILE_NAMES
} from "./chunk-GRKRAENP.js";
import "./chunk-QPSMOZU7.js";
import {
  applyEdits,
  detectStyle,
  expectedData,
  parseYaml,
  renderFixOps,
  sameData,
  verifyEdits
} from "./chunk-P3YRBRJ7.js";
import "./chunk-23UJLTM7.js";
import "./chunk-FSFUDRU3.js";
import {
  HELM_PROFILE_RULES
} from "./chunk-GCJCDDRW.js";
import "./chunk-EAZCXRIZ.js";

// src/render/attribute.ts
var parsed = /* @__PURE__ */ new Map();
function parseOnce(text) {
  let p = parsed.get(text);
  if (!p) {
    p = parseYaml(text);
    parsed.set(text, p);
    if (parsed.size > 16) parsed.delete(parsed.keys().next().value);
  }
  return p;
}
function nodeAtOffset(root, offset, end) {
  let cur = root;
  const last = end === void 0 ? offset : Math.max(offset, end - 1);
  for (; ; ) {
    const children = cur.kind === "map" ? cur.entries().map(([, n]) => n) : cur.kind === "seq" ? cur.items() : [];
    const next = children.find((n) => {
      const [s, e] = n.offsets;
      const k = n.pair ? n.keyRange : void 0;
      const start = k ? Math.min(k.start.offset, s) : s;
      const stop = Math.max(e, start + 1);
      return offset >= start && last < stop;
    });
    if (!next) return cur;
    cur = next;
  }
}
function stepsTo(doc, node) {
  const steps = [];
  let cur = doc;
  for (const k of node.path) {
    if (!cur) break;
    if (typeof k === "number") {
      const item = cur.item(k);
      const name = item?.kind === "map" ? item.get("name")?.value : void 0;
      steps.push(typeof name === "string" ? { name } : { index: k });
      cur = item;
    } else {
      steps.push({ key: k });
      cur = cur.get(k);
    }
  }
  return steps;
}
var stepText = (s) => "key" in s ? s.key : "name" in s ? `[name=${s.name}]` : `[${s.index}]`;
function follow(root, steps) {
  let cur = root;
  let depth = 0;
  for (const s of steps) {
    let next;
    if ("key" in s) next = cur.kind === "map" ? cur.get(s.key) : void 0;
    else if (cur.kind === "seq") {
      next = "name" in s ? cur.items().find((i) => i.kind === "map" && i.get("name")?.value === s.name) : cur.item(s.index);
    }
    if (!next) break;
    cur = next;
    depth++;
  }
  return { node: cur, depth };
}
function identity(d) {
  const data = d.data;
  return { kind: data?.kind, name: data?.metadata?.name };
}
function sourceDocument(source, rendered) {
  const sameKind = source.filter((d) => d.root && !d.hasErrors && identity(d).kind === rendered.kind);
  const exact = sameKind.filter((d) => identity(d).name === rendered.name);
  if (exact.length === 1) return exact[0];
  const contained = sameKind.filter((d) => {
    const n = identity(d).name;
    return typeof n === "string" && n !== "" && typeof rendered.name === "string" && rendered.name.includes(n);
  });
  if (contained.length === 1) return contained[0];
  return sameKind.length === 1 ? sameKind[0] : void 0;
}
function attributeOffset(renderedText, offset, sourceText, end) {
  const rendered = parseOnce(renderedText).documents.find((d) => d.root && !d.hasErrors);
  if (!rendered?.root) return void 0;
  const ops = jsonPatchOperations(sourceText);
  if (ops) return attributeJsonPatch(ops, nodeAtOffset(rendered.root, offset, end).path);
  const doc = sourceDocument(parseOnce(sourceText).documents, identity(rendered));
  if (!doc?.root) return void 0;
  const steps = stepsTo(rendered.root, nodeAtOffset(rendered.root, offset, end));
  const { node, depth } = follow(doc.root, steps);
  const exact = depth === steps.length;
  return { range: node.pair ? node.keyRange : node.range, exact, missing: steps.slice(depth).map(stepText), node };
}
function jsonPatchOperations(text) {
  const docs = parseOnce(text).documents.filter((d) => d.root);
  const root = docs.length === 1 && !docs[0].hasErrors ? docs[0].root : void 0;
  if (root?.kind !== "seq") return void 0;
  const items = root.items();
  if (items.length === 0 || !items.every((i) => i.kind === "map" && typeof i.get("op")?.value === "string" && typeof i.get("path")?.value === "string"))
    return void 0;
  return items;
}
function pointerSegments(pointer) {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) return void 0;
  return pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}
function attributeJsonPatch(ops, path) {
  const want = path.map(String);
  for (const op of [...ops].reverse()) {
    const kind = op.get("op")?.value;
    const segs = pointerSegments(String(op.get("path")?.value));
    const value = op.get("value");
    if (kind !== "add" && kind !== "replace" || !segs || !value || segs.length > want.length || !segs.every((s, i) => s === want[i])) continue;
    let node = value;
    for (const s of want.slice(segs.length)) {
      node = node.kind === "map" ? node.get(s) : node.kind === "seq" && /^\d+$/.test(s) ? node.item(Number(s)) : void 0;
      if (!node) break;
    }
    if (!node) continue;
    return { range: node.pair ? node.keyRange : node.range, exact: true, missing: [], node };
  }
  return void 0;
}
var NAME_HASH = /-[2456789bcdfghkmt]{10}$/;
function generatorEntry(text, kind, name) {
  if (kind !== "ConfigMap" && kind !== "Secret" || typeof name !== "string") return void 0;
  const root = parseOnce(text).documents.find((d) => d.root && !d.hasErrors)?.root;
  const list = root?.kind === "map" ? root.get(kind === "ConfigMap" ? "configMapGenerator" : "secretGenerator") : void 0;
  if (list?.kind !== "seq") return void 0;
  const hashed = NAME_HASH.test(name);
  const bare = hashed ? name.replace(NAME_HASH, "") : name;
  let best;
  for (const item of list.items()) {
    const n = item.kind === "map" ? item.get("name")?.value : void 0;
    if (typeof n !== "string" || n === "" || !bare.includes(n)) continue;
    if (!best || n.length > best.length) best = { entry: item, length: n.length };
  }
  return best && { entry: best.entry, hashed };
}
function inlinePatch(file, fileText, node) {
  const value = node.value;
  if (node.kind !== "scalar" || typeof value !== "string") return void 0;
  const [start] = node.offsets;
  if (!/^\|[-+]?[1-9]?[ \t]*(?:#.*)?$/.test(fileText.slice(start, fileText.indexOf("\n", start) < 0 ? fileText.length : fileText.indexOf("\n", start))))
    return void 0;
  const first = fileText.indexOf("\n", start) + 1;
  if (first === 0) return void 0;
  const lines = value.split("\n");
  const starts = [];
  let pos = first;
  let indent;
  for (let i = 0; i < lines.length; i++) {
    const end = fileText.indexOf("\n", pos);
    const line = fileText.slice(pos, end < 0 ? fileText.length : end);
    if (lines[i] === "" && line.trim() === "") {
      starts.push(pos);
    } else {
      indent ??= line.length - line.trimStart().length;
      if (line.slice(0, indent).trim() !== "" || line.slice(indent) !== lines[i]) {
        if (i === lines.length - 1 && lines[i] === "") break;
        return void 0;
      }
      starts.push(pos + indent);
    }
    if (end < 0) break;
    pos = end + 1;
  }
  if (indent === void 0) return void 0;
  const lineStarts = [0];
  for (let i = 0; i < value.length; i++) if (value[i] === "\n") lineStarts.push(i + 1);
  const toFile = (offset) => {
    let k = 0;
    while (k + 1 < lineStarts.length && lineStarts[k + 1] <= offset) k++;
    return (starts[k] ?? starts[starts.length - 1]) + (offset - lineStarts[k]);
  };
  const fileLine = (offset) => fileText.slice(0, offset).split("\n").length;
  const column = (offset) => offset - (fileText.lastIndexOf("\n", offset - 1) + 1) + 1;
  return {
    file,
    text: value,
    toFile,
    rangeToFile(range) {
      const s = toFile(range.start.offset);
      const e = toFile(range.end.offset);
      return { start: { line: fileLine(s), column: column(s), offset: s }, end: { line: fileLine(e), column: column(e), offset: e } };
    }
  };
}

// src/render/analyse.ts
var runs = /* @__PURE__ */ new WeakMap();
function runRendered(o, path, policies, opts) {
  const hit = runs.get(o);
  if (hit && hit.path === path && hit.policies === policies && hit.opts === opts) return hit.result;
  const result = run([{ path, text: o.text }], policies, opts);
  runs.set(o, { path, policies, opts, result });
  return result;
}
var startOf = (text) => {
  const n = text.indexOf("\n") < 0 ? text.length : text.indexOf("\n");
  return { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1 + n, offset: n } };
};
function templateRange(template, steps) {
  const lines = template.split("\n");
  let from = 0;
  let best;
  for (const s of steps) {
    if (!("key" in s)) continue;
    const re = new RegExp(`^(\\s*(?:-\\s+)?)${s.key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*:`);
    const i = lines.findIndex((l, n) => n >= from && re.test(l));
    if (i < 0) continue;
    best = { line: i + 1, column: re.exec(lines[i])[1].length + 1 };
    from = i + 1;
  }
  if (!best) return startOf(template);
  const offset = lines.slice(0, best.line - 1).reduce((n, l) => n + l.length + 1, 0) + best.column - 1;
  return {
    start: { line: best.line, column: best.column, offset },
    end: { line: best.line, column: lines[best.line - 1].length + 1, offset: offset + lines[best.line - 1].length - (best.column - 1) }
  };
}
var SET_BY_PATCH = "; set by this patch";
function placeIn(unit, o, offset, end, read, policyId) {
  const file = o.sourceFile ?? unit.root;
  const source = o.sourceFile === void 0 ? void 0 : read(o.sourceFile);
  if (source === void 0) return { file, range: startOf(""), note: o.sourceFile === void 0 ? "; its source file is not known" : "" };
  if (unit.kind === "kustomize") {
    const a = attributeOffset(o.text, offset, source, end);
    const rendered = parseOnce(o.text).documents.find((d) => d.root)?.root;
    const at = rendered === void 0 ? void 0 : nodeAtOffset(rendered, offset, end);
    const first = at?.path[0];
    const valueSet = at?.kind === "scalar" && first !== "kind" && first !== "apiVersion" && first !== "metadata";
    if (a?.exact && !(valueSet && a.node.kind === "scalar" && a.node.value !== at?.value)) return { file, range: a.range, note: "" };
    for (const p of valueSet ? [...unit.patches ?? []].reverse() : []) {
      const text = read(p);
      const b = text === void 0 ? void 0 : attributeOffset(o.text, offset, text, end);
      if (b?.exact && (!a?.exact || b.node.value === at?.value)) return { file: p, range: b.range, note: SET_BY_PATCH };
    }
    for (const ip of valueSet ? [...unit.inlinePatches ?? []].reverse() : []) {
      const b = attributeOffset(o.text, offset, ip.text, end);
      if (b?.exact && (!a?.exact || b.node.value === at?.value)) return { file: ip.file, range: ip.rangeToFile(b.range), note: SET_BY_PATCH, inline: ip };
    }
    if (a?.exact) return { file, range: a.range, note: "" };
    if (a) return { file, range: a.range, note: `; ${a.missing.join(".")} is not set in this file` };
    const data = parseOnce(o.text).documents.find((d) => d.root)?.data;
    const rootFile = KUSTOMIZATION_FILE_NAMES.map((n) => unit.root === "" || unit.root === "." ? n : `${unit.root}/${n}`).find((f) => read(f) !== void 0);
    const rootText = rootFile === void 0 || rootFile === file ? void 0 : read(rootFile);
    const merging = rootText === void 0 ? void 0 : generatorEntry(rootText, data?.kind, data?.metadata?.name);
    const behavior = merging?.entry.get("behavior")?.value;
    const g = merging && (behavior === "merge" || behavior === "replace") ? merging : generatorEntry(source, data?.kind, data?.metadata?.name);
    if (g) {
      const name = g.entry.get("name");
      return { file: g === merging ? rootFile : file, range: name.pair ? name.keyRange : name.range, note: "" };
    }
    return { file, range: startOf(source), note: "" };
  }
  const root = parseOnce(o.text).documents.find((d) => d.root)?.root;
  const steps = root ? stepsTo(root, nodeAtOffset(root, offset, end)) : [];
  const range = templateRange(source, steps);
  const valuesFile = `${unit.root ? `${unit.root}/` : ""}values.yaml`;
  const hint = policyId === void 0 ? void 0 : helmValuesHint(policyId, source, range.start.line, read(valuesFile));
  return {
    file,
    range,
    note: hint ? `; the template takes it from .Values.${hint.key}${hint.line ? `, ${valuesFile} line ${hint.line}` : `, which ${valuesFile} does not set`}` : ""
  };
}
var VALUES_KEY = {
  "read-only-root-filesystem": /\.Values\.((?:[\w-]+\.)*[\w-]*[sS]ecurityContext[\w.-]*)/,
  "no-privilege-escalation": /\.Values\.((?:[\w-]+\.)*[\w-]*[sS]ecurityContext[\w.-]*)/,
  "no-privileged-container": /\.Values\.((?:[\w-]+\.)*[\w-]*[sS]ecurityContext[\w.-]*)/,
  "drop-all-capabilities": /\.Values\.((?:[\w-]+\.)*[\w-]*[sS]ecurityContext[\w.-]*)/,
  "run-as-non-root": /\.Values\.((?:[\w-]+\.)*[\w-]*[sS]ecurityContext[\w.-]*)/,
  "seccomp-runtime-default": /\.Values\.((?:[\w-]+\.)*[\w-]*[sS]ecurityContext[\w.-]*)/,
  "image-digest": /\.Values\.((?:[\w-]+\.)*image(?:\.[\w-]+)*)/
};
function helmValuesHint(policyId, template, line, values) {
  const re = VALUES_KEY[policyId];
  if (!re) return void 0;
  const lines = template.split("\n");
  const indent = (l) => l.length - l.trimStart().length;
  const startIndent = indent(lines[line - 1] ?? "");
  for (let i = line - 1; i < lines.length; i++) {
    if (i > line - 1 && lines[i].trim() !== "" && !lines[i].trim().startsWith("{{") && indent(lines[i]) <= startIndent - (lines[line - 1]?.trimStart().startsWith("- ") ? 0 : 1))
      break;
    const m = re.exec(lines[i]);
    if (!m) continue;
    const key = m[1].replace(/\.$/, "");
    let valueLine;
    const root = values === void 0 ? void 0 : parseOnce(values).documents.find((d) => d.root)?.root;
    if (root) {
      const { node, depth } = follow(
        root,
        key.split(".").map((k) => ({ key: k }))
      );
      if (depth === key.split(".").length) valueLine = (node.pair ? node.keyRange : node.range).start.line;
    }
    return { key, line: valueLine };
  }
  return void 0;
}
function placeRendered(unit, policies, opts, read) {
  const out = [];
  for (const o of unit.objects) {
    const r = runRendered(o, o.sourceFile ?? unit.root, policies, opts);
    for (const f of r.findings) {
      const { file, range, note, inline } = placeIn(unit, o, f.range.start.offset, f.range.end.offset, read, f.policyId);
      const fix = f.fixId === void 0 ? void 0 : r.fixes.find((g) => g.id === f.fixId && g.verified);
      out.push({ rendered: f, fix, object: o, file, range, setByPatch: note === SET_BY_PATCH, ...inline ? { inline } : {} });
    }
  }
  return out;
}
function analyseRendered(units, policies, opts, read) {
  const out = [];
  const byPlace = /* @__PURE__ */ new Map();
  const files = [];
  const byPath = /* @__PURE__ */ new Map();
  const fixes = /* @__PURE__ */ new Map();
  for (const unit of units) {
    const vf = unit.valuesFixes;
    for (const g of vf?.groups ?? []) if (!fixes.has(g.id)) fixes.set(g.id, g);
    if (vf?.file !== void 0 && vf.fixedText !== void 0 && !byPath.has(vf.file)) {
      const entry = {
        path: vf.file,
        skipped: void 0,
        skippedDocuments: [],
        problems: [],
        manifests: 0,
        fixedText: vf.fixedText,
        fixedEdits: vf.fixedEdits
      };
      byPath.set(vf.file, entry);
      files.push(entry);
    }
    for (const [index, o] of unit.objects.entries()) {
      const path = o.sourceFile ?? unit.root;
      const r = runRendered(o, path, policies, opts);
      const fr = r.files[0];
      const known = byPath.get(path);
      if (known) {
        known.manifests += fr.manifests;
        known.problems.push(...fr.problems);
        known.skippedDocuments.push(...fr.skippedDocuments);
      } else {
        const entry = { ...fr, path, problems: [...fr.problems], skippedDocuments: [...fr.skippedDocuments], fixedText: void 0, fixedEdits: void 0 };
        byPath.set(path, entry);
        files.push(entry);
      }
      for (const f of r.findings) {
        const placed = placeIn(unit, o, f.range.start.offset, f.range.end.offset, read, f.policyId);
        const link = vf?.links.get(index)?.get(f.fingerprint);
        const why = vf?.notes.get(index)?.get(f.fingerprint);
        const { file, range } = link ?? placed;
        const note = link ? `; rendered from ${placed.file} line ${placed.range.start.line}; the fix goes through ${link.key}, proven by rendering the chart again` : placed.note;
        const from = link ? `\0${placed.file}:${placed.range.start.line}` : "";
        const key = `${f.policyId}\0${f.messageId}\0${file}\0${range.start.offset}\0${f.container?.name ?? ""}\0${f.message}${from}`;
        const seen = byPlace.get(key);
        if (seen) {
          if (!seen.labels.includes(unit.label)) seen.labels.push(unit.label);
          seen.origins.push({ unit: renderUnitId(unit), fingerprint: f.fingerprint });
          continue;
        }
        const moved = {
          ...f,
          file,
          range,
          message: `${f.message}${note ? ` (${note.slice(2)})` : ""}`,
          fixId: link?.fixId,
          fixProblem: link?.fixId ? void 0 : link?.suggestion ? f.fixProblem : f.fixId !== void 0 || f.suggestions.length > 0 ? why ? `no fix in the chart's values: ${why}; make the change in ${file}` : f.fixId !== void 0 || f.suggestions.some((x) => x.kind !== void 0) ? `fixes of rendered objects are not offered yet: make the change in ${file}` : `its remedies are written for the rendered object: make the change in ${file}` : f.fixProblem,
          suggestions: link?.suggestion ? [link.suggestion] : [],
          ...link ? { origin: { file: placed.file, range: placed.range } } : {}
        };
        const entry = { finding: moved, labels: [unit.label], origins: [{ unit: renderUnitId(unit), fingerprint: f.fingerprint }] };
        byPlace.set(key, entry);
        out.push(moved);
      }
    }
  }
  for (const { finding, labels } of byPlace.values()) finding.message = `${finding.message} (rendered by ${labels.join(", ")})`;
  unitFingerprints(byPlace.values());
  for (const [id, g] of fixes) {
    const members = out.filter((f) => f.fixId === id).map((f) => f.fingerprint);
    fixes.set(id, { ...g, findings: [...new Set(members)] });
  }
  return { files, findings: out, fixes: [...fixes.values()] };
}
function renderUnitId(unit) {
  return unit.kind === "kustomize" ? `kustomize\0${unit.root}` : `helm\0${unit.root}\0${unit.profile ?? "default"}`;
}
function unitFingerprints(entries) {
  const given = /* @__PURE__ */ new Map();
  for (const { finding, origins } of entries) {
    const first = [...origins].sort(
      (a, b) => a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0
    )[0];
    const fp = fingerprintOf(["rendered", first.unit, first.fingerprint]);
    const n = given.get(fp) ?? 0;
    given.set(fp, n + 1);
    finding.fingerprint = n === 0 ? fp : fingerprintOf([fp, n]);
  }
}

// src/render/engines.ts
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, isAbsolute, join, resolve } from "node:path";
function executable(p) {
  try {
    if (!statSync(p).isFile()) return false;
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
function whichOnPath(name, path) {
  for (const dir of (path ?? "").split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    for (const n of process.platform === "win32" ? [`${name}.exe`, name] : [name]) {
      const p = join(dir, n);
      if (executable(p)) return p;
    }
  }
  return void 0;
}
function parseVersion(text) {
  return /v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?/.exec(text)?.[0];
}
async function findRenderEngines(lookup) {
  const problems = [];
  const named = (value, what) => {
    if (value === void 0 || value === "") return void 0;
    const p = resolve(lookup.cwd ?? process.cwd(), value);
    if (!executable(p)) {
      problems.push(`${what} ${value} is not an executable file`);
      return null;
    }
    return p;
  };
  const cwd = lookup.cwd ?? process.cwd();
  const versionOf = async (binary, args) => {
    try {
      const r = await runEngine(binary, args, { cwd, timeoutMs: 1e4, maxOutputBytes: 64 * 1024 });
      return r.code === 0 ? parseVersion(r.stdout) : void 0;
    } catch {
      return void 0;
    }
  };
  let helm;
  const helmPath = named(lookup.helm, "helm");
  const helmBinary = helmPath === null ? void 0 : helmPath ?? whichOnPath("helm", lookup.path);
  if (helmBinary) {
    const version = await versionOf(helmBinary, ["version", "--short"]);
    const major = version ? Number(version.slice(1).split(".")[0]) : NaN;
    if (version && (major === 3 || major === 4)) helm = { kind: "helm", path: helmBinary, version, major };
    else problems.push(`${helmBinary} did not report a Helm 3 or 4 version (helm version --short${version ? `: ${version}` : ""})`);
  }
  let kustomize;
  const kustomizePath = named(lookup.kustomize, "kustomize");
  const kubectlPath = named(lookup.kubectl, "kubectl");
  const standalone = kustomizePath === null ? void 0 : kustomizePath ?? (lookup.kubectl ? void 0 : whichOnPath("kustomize", lookup.path));
  if (standalone) {
    const version = await versionOf(standalone, ["version"]);
    if (version) kustomize = { kind: "kustomize", path: standalone, viaKubectl: false, version };
    else problems.push(`${standalone} did not report a Kustomize version (kustomize version)`);
  }
  if (!kustomize && kustomizePath === void 0 && kubectlPath !== null) {
    const kubectl = kubectlPath ?? whichOnPath("kubectl", lookup.path);
    if (kubectl) {
      let version;
      try {
        const r = await runEngine(kubectl, ["version", "--client"], { cwd, timeoutMs: 1e4, maxOutputBytes: 64 * 1024 });
        version = r.code === 0 ? parseVersion(/Kustomize Version:\s*(\S+)/.exec(r.stdout)?.[1] ?? "") : void 0;
      } catch {
        version = void 0;
      }
      if (version) kustomize = { kind: "kustomize", path: kubectl, viaKubectl: true, version };
      else problems.push(`${kubectl} did not report a built-in Kustomize version (kubectl version --client)`);
    }
  }
  return { helm, kustomize, problems };
}

// src/render/helm.ts
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as join2, sep } from "node:path";
import { gunzipSync } from "node:zlib";
var CHART_FILES = /* @__PURE__ */ new Set(["Chart.yaml", "Chart.lock", "requirements.yaml", "requirements.lock"]);
var dirOf = (p) => p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "";
var under = (dir, p) => dir === "" ? p : p.startsWith(`${dir}/`) ? p.slice(dir.length + 1) : void 0;
var joinRel = (dir, rel) => dir === "" ? rel : `${dir}/${rel}`;
function chartDirs(paths) {
  const dirs = /* @__PURE__ */ new Set();
  for (const p of paths) if (p === "Chart.yaml" || p.endsWith("/Chart.yaml")) dirs.add(dirOf(p));
  return dirs;
}
function nearest(dirs, dir) {
  for (let d = dir; d !== void 0; d = d === "" ? void 0 : dirOf(d)) if (dirs.has(d)) return d;
  return void 0;
}
function parentOf(dirs, dir) {
  const m = /^(?:(.*)\/)?charts\/[^/]+$/.exec(dir);
  if (!m) return void 0;
  const p = m[1] ?? "";
  return dirs.has(p) ? p : void 0;
}
function str(n) {
  const v = n?.value;
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : void 0;
}
function readChartFile(chart, text) {
  const f = parseYaml(text);
  const root = f.documents[0]?.root;
  const err = f.problems.find((p) => p.severity === "error");
  if (err || !root || root.kind !== "map") {
    chart.problems.push({
      code: "chart-yaml",
      severity: "error",
      file: chart.chartFile,
      line: err?.line ?? 1,
      message: err ? `Chart.yaml does not parse: ${err.message.split("\n")[0]}` : "Chart.yaml is not a map of chart fields"
    });
    return;
  }
  chart.apiVersion = str(root.get("apiVersion"));
  chart.name = str(root.get("name"));
  chart.version = str(root.get("version"));
  chart.type = str(root.get("type"));
  const at = (key) => root.get(key)?.keyRange.start.line ?? 1;
  if (chart.apiVersion !== "v1" && chart.apiVersion !== "v2")
    chart.problems.push({
      code: "chart-yaml",
      severity: "error",
      file: chart.chartFile,
      line: at("apiVersion"),
      message: `Chart.yaml apiVersion must be v1 or v2 (Helm 3 and 4 read these), not ${chart.apiVersion ?? "missing"}`
    });
  for (const key of ["name", "version"])
    if (!chart[key])
      chart.problems.push({ code: "chart-yaml", severity: "error", file: chart.chartFile, line: 1, message: `Chart.yaml has no ${key} (a string)` });
}
function readDependencies(chart, file, text) {
  const root = parseYaml(text).documents[0]?.root;
  const seq = root?.kind === "map" ? root.get("dependencies") : void 0;
  for (const item of seq?.kind === "seq" ? seq.items() : []) {
    if (item.kind !== "map") continue;
    const name = str(item.get("name"));
    if (!name) continue;
    chart.dependencies.push({
      name,
      version: str(item.get("version")),
      repository: str(item.get("repository")),
      alias: str(item.get("alias")),
      file,
      line: item.range.start.line
    });
  }
}
var KNOWN_META_SCHEMA = /^https?:\/\/json-schema\.org\/(?:schema|draft-0[467]\/schema|draft\/20(?:19-09|20-12)\/schema)#?$/;
var REF_KEYS = /* @__PURE__ */ new Set(["$ref", "$dynamicRef", "$recursiveRef"]);
function remoteReferences(text) {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (body.trim() === "") return [];
  let data;
  try {
    data = JSON.parse(body);
  } catch {
    return void 0;
  }
  const out = [];
  const stack = [{ node: data }];
  while (stack.length) {
    const item = stack.pop();
    if ("ref" in item) {
      out.push(item.ref);
      continue;
    }
    const v = item.node;
    if (v === null || typeof v !== "object") continue;
    const next = [];
    if (Array.isArray(v)) for (const x of v) next.push({ node: x });
    else
      for (const [k, x] of Object.entries(v)) {
        if (typeof x === "string" && REF_KEYS.has(k) && !(x === "#" || x.startsWith("#/"))) next.push({ ref: { key: k, value: x } });
        else if (typeof x === "string" && k === "$schema" && !KNOWN_META_SCHEMA.test(x)) next.push({ ref: { key: k, value: x } });
        else next.push({ node: x });
      }
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]);
  }
  return out;
}
function jsonLineOf(text, key, value, from) {
  const re = /"((?:[^"\\]|\\.)*)"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
  const seen = from.get(`${key}\0${value}`) ?? 0;
  let n = 0;
  for (const m of text.matchAll(re)) {
    let k, v;
    try {
      k = JSON.parse(`"${m[1]}"`);
      v = JSON.parse(`"${m[2]}"`);
    } catch {
      continue;
    }
    if (k === key && v === value && n++ === seen) {
      from.set(`${key}\0${value}`, seen + 1);
      return text.slice(0, m.index).split("\n").length;
    }
  }
  return 1;
}
var clip = (s, n = 200) => {
  const t = s.replace(/[\u0000-\u001f\u007f]/g, " ");
  return t.length > n ? `${t.slice(0, n)}\u2026` : t;
};
var escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function findHelmCharts(tree) {
  const dirs = chartDirs(tree.keys());
  const charts = /* @__PURE__ */ new Map();
  for (const dir of [...dirs].sort()) {
    charts.set(dir, {
      dir,
      chartFile: joinRel(dir, "Chart.yaml"),
      apiVersion: void 0,
      name: void 0,
      version: void 0,
      type: void 0,
      parent: parentOf(dirs, dir),
      templates: [],
      values: void 0,
      schema: void 0,
      crds: [],
      subcharts: [],
      archives: [],
      dependencies: [],
      problems: []
    });
  }
  for (const p of [...tree.keys()].sort()) {
    const c = charts.get(nearest(dirs, dirOf(p)) ?? "\0");
    if (!c) continue;
    const rel = under(c.dir, p);
    if (rel.startsWith("templates/")) c.templates.push(p);
    else if (rel.startsWith("crds/")) c.crds.push(p);
    else if (rel === "values.yaml") c.values = p;
    else if (rel === "values.schema.json") c.schema = p;
    else if (/^charts\/[^/]+\.tgz$/.test(rel)) c.archives.push(p);
  }
  for (const c of charts.values()) {
    if (c.parent !== void 0) charts.get(c.parent).subcharts.push(c.dir);
    readChartFile(c, tree.get(c.chartFile) ?? "");
    if (c.apiVersion === "v1") {
      const req = joinRel(c.dir, "requirements.yaml");
      if (tree.has(req)) readDependencies(c, req, tree.get(req));
    } else readDependencies(c, c.chartFile, tree.get(c.chartFile) ?? "");
  }
  for (const c of charts.values()) {
    const vendored = new Set(c.subcharts.map((d) => charts.get(d).name));
    const archiveNames = c.archives.map((a) => a.slice(a.lastIndexOf("/") + 1));
    for (const dep of c.dependencies) {
      if (vendored.has(dep.name) || archiveNames.some((a) => new RegExp(`^${escapeRe(dep.name)}-v?\\d[^/]*\\.tgz$`).test(a))) continue;
      const local = dep.repository?.startsWith("file://") ? ` (its repository ${clip(dep.repository)} is a folder helm dependency build would copy from)` : "";
      c.problems.push({
        code: "dependency-not-vendored",
        severity: "error",
        file: dep.file,
        line: dep.line,
        message: `dependency ${clip(dep.name)} is not vendored in ${joinRel(c.dir, "charts/")}${local}: kube-immutable renders only what is in the repository and never runs helm dependency update or build (they use the network); commit the subchart (helm dependency build) to render this chart`
      });
    }
    for (const a of c.archives)
      c.problems.push({
        code: "subchart-archive",
        severity: "warning",
        file: a,
        line: 1,
        message: `subchart archive ${a}: Helm reads it locally and it is rendered, its values schemas are checked when the chart is rendered, but its objects point at the archive, not at a line (links in it are harmless: Helm reads archives in memory)`
      });
    if (c.schema !== void 0) {
      const text = tree.get(c.schema) ?? "";
      const seen = /* @__PURE__ */ new Map();
      const refs = remoteReferences(text);
      if (refs === void 0)
        c.problems.push({
          code: "schema-remote-ref",
          severity: "error",
          file: c.schema,
          line: 1,
          message: "values schema is not strict JSON: Helm might still read it (its decoders are laxer) and load the references in it, which kube-immutable cannot check; fix the JSON"
        });
      for (const r of refs ?? [])
        c.problems.push({
          code: "schema-remote-ref",
          severity: "error",
          file: c.schema,
          line: jsonLineOf(text, r.key, r.value, seen),
          message: r.key === "$schema" ? `values schema names the meta-schema ${clip(r.value)}, which is not a JSON Schema draft Helm knows: it would be loaded from there; use a json-schema.org draft URL` : `values schema ${r.key} ${clip(r.value)} is not a local reference (#/...): Helm would load it from there; kube-immutable renders without network or outside files \u2014 inline it under $defs`
        });
    }
  }
  return [...charts.values()];
}
function helmFileRoles(tree) {
  const dirs = chartDirs(tree.keys());
  const out = /* @__PURE__ */ new Map();
  for (const p of tree.keys()) {
    const dir = nearest(dirs, dirOf(p));
    if (dir === void 0) continue;
    const rel = under(dir, p);
    const role = CHART_FILES.has(rel) ? "chart" : rel.startsWith("templates/") ? "template" : rel === "values.yaml" ? "values" : rel === "values.schema.json" ? "schema" : rel.startsWith("crds/") ? "crd" : rel.startsWith("charts/") ? "subchart" : "other";
    out.set(p, role !== "subchart" && parentOf(dirs, dir) !== void 0 ? [role, "subchart"] : [role]);
  }
  return out;
}
var DEFAULT_HELM_PROFILE = {
  name: "default",
  releaseName: "kube-immutable",
  namespace: "default",
  valuesFiles: [],
  kubeVersion: "",
  apiVersions: [],
  includeCrds: false,
  skipTests: true
};
var MAX_CHART_FILES = 1e4;
var MAX_CHART_BYTES = 64 * 1024 * 1024;
var RELEASE = new RegExp(HELM_PROFILE_RULES.releaseName);
var LABEL = new RegExp(HELM_PROFILE_RULES.namespace);
var KUBE_VERSION = new RegExp(HELM_PROFILE_RULES.kubeVersion);
var API_VERSION = new RegExp(HELM_PROFILE_RULES.apiVersion);
var SAFE_REL = (p) => p !== "" && !p.startsWith("/") && !p.includes("\\") && !p.includes("\0") && p.split("/").every((s) => s !== "" && s !== "." && s !== "..");
function profileProblems(p, file) {
  const bad = (message) => ({ code: "bad-profile", severity: "error", file, line: 1, message: `profile ${clip(p.name)}: ${message}` });
  const out = [];
  if (!RELEASE.test(p.releaseName) || p.releaseName.length > HELM_PROFILE_RULES.releaseNameMaxLength)
    out.push(bad(`release name ${clip(p.releaseName)} is not a lowercase DNS-1123 name of at most 53 characters`));
  if (!LABEL.test(p.namespace) || p.namespace.length > HELM_PROFILE_RULES.namespaceMaxLength)
    out.push(bad(`namespace ${clip(p.namespace)} is not a DNS-1123 label`));
  if (p.kubeVersion !== "" && !KUBE_VERSION.test(p.kubeVersion)) out.push(bad(`kube version ${clip(p.kubeVersion)} is not a version like 1.31.0`));
  for (const a of p.apiVersions)
    if (!API_VERSION.test(a) || a.length > HELM_PROFILE_RULES.apiVersionMaxLength)
      out.push(bad(`API version ${clip(a)} is not group/version or group/version/Kind`));
  for (const v of p.valuesFiles) if (!SAFE_REL(v)) out.push(bad(`values file ${clip(v)} is not a repository-relative path without . or .. segments`));
  return out;
}
var MAX_ARCHIVE_DEPTH = 10;
var cstr = (b, from, len) => {
  const part = b.subarray(from, from + len);
  const nul = part.indexOf(0);
  return (nul === -1 ? part : part.subarray(0, nul)).toString("utf8");
};
function archiveSchemas(data, maxBytes, depth = 0, at = "") {
  if (depth > MAX_ARCHIVE_DEPTH) throw new Error(`archives nested more than ${MAX_ARCHIVE_DEPTH} deep`);
  const tar = gunzipSync(data, { maxOutputLength: maxBytes });
  const out = [];
  let longName;
  let paxPath;
  for (let off = 0; off + 512 <= tar.length; ) {
    const h = tar.subarray(off, off + 512);
    if (h.every((x) => x === 0)) break;
    const size = parseInt(cstr(h, 124, 12).trim() || "0", 8);
    if (!Number.isFinite(size) || size < 0 || off + 512 + size > tar.length) throw new Error("not a tar archive Helm could read");
    const type = String.fromCharCode(h[156]);
    const body = tar.subarray(off + 512, off + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512;
    if (type === "L") {
      longName = cstr(body, 0, body.length);
      continue;
    }
    if (type === "x") {
      for (const rec of body.toString("utf8").split("\n")) {
        const m = /^\d+ path=(.*)$/.exec(rec);
        if (m) paxPath = m[1];
      }
      continue;
    }
    if (type === "g" || type === "K") continue;
    const prefix = cstr(h, 345, 155);
    const name = paxPath ?? longName ?? (prefix ? `${prefix}/${cstr(h, 0, 100)}` : cstr(h, 0, 100));
    paxPath = longName = void 0;
    if (type !== "0" && type !== "\0" && type !== "7") continue;
    const base = name.slice(name.lastIndexOf("/") + 1);
    if (base === "values.schema.json") out.push({ path: `${at}${name}`, text: body.toString("utf8") });
    else if (name.endsWith(".tgz")) out.push(...archiveSchemas(body, maxBytes, depth + 1, `${at}${name}!`));
  }
  return out;
}
function archiveSchemaProblems(charts, archives) {
  const out = [];
  for (const c of charts)
    for (const a of c.archives) {
      let schemas;
      try {
        schemas = archiveSchemas(archives.get(a) ?? Buffer.alloc(0), MAX_CHART_BYTES);
      } catch (e) {
        out.push({
          code: "subchart-archive",
          severity: "error",
          file: a,
          line: 1,
          message: `subchart archive ${a} cannot be checked: ${clip(e.message)}`
        });
        continue;
      }
      for (const s of schemas) {
        const refs = remoteReferences(s.text);
        if (refs === void 0 || refs.length > 0)
          out.push({
            code: "schema-remote-ref",
            severity: "error",
            file: a,
            line: 1,
            message: refs === void 0 ? `values schema ${clip(s.path)} in subchart archive ${a} is not strict JSON: Helm might still read it and load the references in it` : `values schema ${clip(s.path)} in subchart archive ${a} has ${refs.map((r) => `${r.key} ${clip(r.value)}`).join(", ")}: Helm would load it from there; kube-immutable renders without network or outside files`
          });
      }
    }
  return out;
}
function copyFolder(repoRoot, rel, dest, out, budget) {
  const src = rel === "" ? repoRoot : join2(repoRoot, ...rel.split("/"));
  let entries;
  try {
    entries = readdirSync(src, { withFileTypes: true });
  } catch (e) {
    out.problems.push({
      code: "outside-repository",
      severity: "error",
      file: rel,
      line: 1,
      message: `cannot read the folder ${rel || "."}: ${e.message}`
    });
    return;
  }
  mkdirSync(dest, { recursive: true });
  for (const e of entries.sort((a, b) => a.name < b.name ? -1 : 1)) {
    const r = joinRel(rel, e.name);
    const s = join2(src, e.name);
    let st;
    try {
      st = lstatSync(s);
    } catch (err) {
      out.problems.push({ code: "special-file", severity: "error", file: r, line: 1, message: `cannot read ${r}: ${err.message}` });
      continue;
    }
    if (st.isSymbolicLink()) {
      let target = "";
      try {
        target = readlinkSync(s);
      } catch {
      }
      out.problems.push({
        code: "symlink",
        severity: "error",
        file: r,
        line: 1,
        message: `${r} is a symbolic link${target ? ` (to ${clip(target)})` : ""}: Helm would follow it, possibly out of the repository; kube-immutable never follows links \u2014 commit the file itself`
      });
    } else if (st.isDirectory()) copyFolder(repoRoot, r, join2(dest, e.name), out, budget);
    else if (st.isFile()) {
      budget.files++;
      budget.bytes += st.size;
      if (budget.files > MAX_CHART_FILES || budget.bytes > MAX_CHART_BYTES) {
        if (!out.problems.some((p) => p.code === "too-large"))
          out.problems.push({
            code: "too-large",
            severity: "error",
            file: r,
            line: 1,
            message: `the chart has more than ${MAX_CHART_FILES} files or ${MAX_CHART_BYTES / 1024 / 1024} MiB: not rendered`
          });
        continue;
      }
      const data = readFileSync(s);
      writeFileSync(join2(dest, e.name), data);
      out.tree.set(r, e.name.endsWith(".tgz") ? "" : data.toString("utf8"));
      if (e.name.endsWith(".tgz")) (out.archives ??= /* @__PURE__ */ new Map()).set(r, data);
    } else out.problems.push({ code: "special-file", severity: "error", file: r, line: 1, message: `${r} is not a regular file or folder: not rendered` });
  }
}
function wayProblem(repoRoot, rel, kind) {
  const segs = rel === "" ? [] : rel.split("/");
  let abs = repoRoot;
  for (let i = 0; i < segs.length; i++) {
    abs = join2(abs, segs[i]);
    const r = segs.slice(0, i + 1).join("/");
    let st;
    try {
      st = lstatSync(abs);
    } catch {
      return { code: "outside-repository", severity: "error", file: rel, line: 1, message: `${rel} does not exist in the repository` };
    }
    if (st.isSymbolicLink())
      return {
        code: "symlink",
        severity: "error",
        file: r,
        line: 1,
        message: `${r} is a symbolic link on the way to ${rel}: kube-immutable never follows links`
      };
    const last = i === segs.length - 1;
    if (last ? kind === "file" ? !st.isFile() : !st.isDirectory() : !st.isDirectory())
      return { code: "special-file", severity: "error", file: r, line: 1, message: `${r} is not a ${last ? kind : "folder"}` };
  }
  try {
    const root = realpathSync(repoRoot);
    const real = realpathSync(join2(repoRoot, ...segs));
    if (real !== root && !real.startsWith(root + sep))
      return { code: "outside-repository", severity: "error", file: rel, line: 1, message: `${rel || "."} resolves outside the repository` };
  } catch (e) {
    return { code: "outside-repository", severity: "error", file: rel, line: 1, message: `${rel || "."}: ${e.message}` };
  }
  return void 0;
}
function sourcePrefixes(root, byDir) {
  const out = /* @__PURE__ */ new Map();
  const visit = (c, prefix, depth) => {
    out.set(prefix, { dir: c.dir });
    if (depth > 20) return;
    for (const d of c.subcharts) {
      const s = byDir.get(d);
      if (!s.name) continue;
      visit(s, `${prefix}/charts/${s.name}`, depth + 1);
      for (const dep of c.dependencies) if (dep.alias && dep.name === s.name) visit(s, `${prefix}/charts/${dep.alias}`, depth + 1);
    }
    for (const a of c.archives) {
      const base = a.slice(a.lastIndexOf("/") + 1);
      for (const dep of c.dependencies)
        if (new RegExp(`^${escapeRe(dep.name)}-v?\\d[^/]*\\.tgz$`).test(base)) {
          out.set(`${prefix}/charts/${dep.name}`, { archive: a });
          if (dep.alias) out.set(`${prefix}/charts/${dep.alias}`, { archive: a });
        }
      const guess = /^(.+?)-v?\d[^/]*\.tgz$/.exec(base)?.[1];
      if (guess && !out.has(`${prefix}/charts/${guess}`)) out.set(`${prefix}/charts/${guess}`, { archive: a });
    }
  };
  if (root.name) visit(root, root.name, 0);
  return out;
}
function mapSource(path, prefixes, tree) {
  let best;
  for (const p of prefixes.keys()) if (path.startsWith(`${p}/`) && (!best || p.length > best.length)) best = p;
  if (best === void 0) return {};
  const hit = prefixes.get(best);
  if (hit.archive) return { archive: hit.archive };
  const file = joinRel(hit.dir, path.slice(best.length + 1));
  return tree.has(file) ? { sourceFile: file } : {};
}
function splitHelmOutput(stdout) {
  const out = [];
  let current = [];
  let source = "";
  const flush = () => {
    let lines = current;
    current = [];
    const first = lines.findIndex((l) => l.trim() !== "");
    if (first === -1) return;
    const m = /^# Source: (.+?)\s*$/.exec(lines[first]);
    if (m) {
      source = m[1];
      lines = lines.slice(first + 1);
    }
    while (lines.length && lines[lines.length - 1].trim() === "") lines.pop();
    if (lines.every((l) => l.trim() === "")) return;
    out.push({ text: `${lines.join("\n")}
`, template: source });
  };
  for (const line of stdout.split(/\r?\n/)) {
    if (/^---\s*$/.test(line)) flush();
    else current.push(line);
  }
  flush();
  return out;
}
function stderrHead(stderr) {
  const lines = stderr.split(/\r?\n/).filter((l) => l.trim() !== "").slice(0, 10).map((l) => l.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " "));
  const t = lines.join("\n");
  return t.length > 2e3 ? `${t.slice(0, 2e3)}\u2026` : t;
}
async function renderHelmChart(opts) {
  const profile = { ...DEFAULT_HELM_PROFILE, ...stripUndefined(opts.profile ?? {}) };
  const chartDir = opts.chartDir;
  const chartFile = joinRel(chartDir, "Chart.yaml");
  const result = {
    chart: { dir: chartDir, name: void 0 },
    profile,
    engine: { version: opts.engine.version, major: opts.engine.major },
    rendered: false,
    objects: [],
    problems: []
  };
  if (chartDir !== "" && !SAFE_REL(chartDir)) {
    result.problems.push({
      code: "outside-repository",
      severity: "error",
      file: chartDir,
      line: 1,
      message: `${clip(chartDir)} is not a repository-relative folder`
    });
    return result;
  }
  result.problems.push(...profileProblems(profile, chartFile));
  const way = wayProblem(opts.repoRoot, chartDir, "folder");
  if (way) result.problems.push(way);
  for (const v of profile.valuesFiles) {
    if (!SAFE_REL(v)) continue;
    const w = wayProblem(opts.repoRoot, v, "file");
    if (w) result.problems.push(w);
  }
  if (result.problems.some((p) => p.severity === "error")) return result;
  const temp = mkdtempSync(join2(tmpdir(), "kube-immutable-helm-"));
  try {
    const copied = { tree: /* @__PURE__ */ new Map(), problems: [] };
    const budget = { files: 0, bytes: 0 };
    const chartCopy = join2(temp, "chart");
    copyFolder(opts.repoRoot, chartDir, chartCopy, copied, budget);
    const valuesCopies = [];
    for (const [rel, text] of opts.overrides ?? []) {
      const inChart = under(chartDir, rel);
      if (inChart === void 0 || !copied.tree.has(rel)) continue;
      writeFileSync(join2(chartCopy, ...inChart.split("/")), text);
      copied.tree.set(rel, text);
    }
    profile.valuesFiles.forEach((v, i) => {
      const override = opts.overrides?.get(v);
      const data = override !== void 0 ? Buffer.from(override, "utf8") : readFileSync(join2(opts.repoRoot, ...v.split("/")));
      budget.bytes += data.length;
      const dest = join2(temp, "values", `${i}.yaml`);
      mkdirSync(join2(temp, "values"), { recursive: true });
      writeFileSync(dest, data);
      valuesCopies.push(dest);
    });
    (opts.extraValues ?? []).forEach((text, i) => {
      mkdirSync(join2(temp, "values"), { recursive: true });
      const dest = join2(temp, "values", `extra-${i}.yaml`);
      budget.bytes += Buffer.byteLength(text);
      writeFileSync(dest, text);
      valuesCopies.push(dest);
    });
    if (budget.bytes > MAX_CHART_BYTES && !copied.problems.some((p) => p.code === "too-large"))
      copied.problems.push({
        code: "too-large",
        severity: "error",
        file: chartFile,
        line: 1,
        message: `the chart and its values files pass ${MAX_CHART_BYTES / 1024 / 1024} MiB: not rendered`
      });
    result.problems.push(...copied.problems);
    const charts = findHelmCharts(copied.tree);
    const byDir = new Map(charts.map((c) => [c.dir, c]));
    const root = byDir.get(chartDir);
    if (!root) {
      result.problems.push({ code: "chart-yaml", severity: "error", file: chartFile, line: 1, message: `${chartDir || "."} holds no Chart.yaml` });
      return result;
    }
    result.chart.name = root.name;
    const closure = [];
    const collect = (c) => {
      closure.push(c);
      for (const d of c.subcharts) collect(byDir.get(d));
    };
    collect(root);
    for (const c of closure) result.problems.push(...c.problems);
    result.problems.push(...archiveSchemaProblems(closure, copied.archives ?? /* @__PURE__ */ new Map()));
    if (profile.includeCrds)
      for (const c of closure)
        for (const f of c.crds) {
          const line = (copied.tree.get(f) ?? "").split("\n").findIndex((l) => /^# Source:/.test(l));
          if (line >= 0)
            result.problems.push({
              code: "crd-source-line",
              severity: "error",
              file: f,
              line: line + 1,
              message: `a CRD file with a line starting "# Source:" would make its documents look like another file's in helm template output: remove the line, or render without --include-crds`
            });
        }
    if (result.problems.some((p) => p.severity === "error")) return result;
    const args = ["template", profile.releaseName, chartCopy, `--namespace=${profile.namespace}`];
    for (const v of valuesCopies) args.push(`--values=${v}`);
    if (profile.kubeVersion) args.push(`--kube-version=${profile.kubeVersion}`);
    for (const a of profile.apiVersions) args.push(`--api-versions=${a}`);
    if (profile.includeCrds) args.push("--include-crds");
    if (profile.skipTests) args.push("--skip-tests");
    const run2 = await runEngine(opts.engine.path, args, {
      cwd: temp,
      timeoutMs: opts.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS,
      maxOutputBytes: opts.maxOutputBytes ?? DEFAULT_RENDER_OUTPUT_BYTES
    });
    const prefixes = sourcePrefixes(root, byDir);
    if (run2.timedOut || run2.truncated || run2.code !== 0) {
      const head = stderrHead(run2.stderr);
      const named = /(?:^|[\s(])([^\s():]+\/(?:templates|crds)\/[^\s():]+):(\d+)/m.exec(run2.stderr);
      const mapped = named ? mapSource(named[1], prefixes, copied.tree) : {};
      const code = run2.timedOut ? "render-timeout" : run2.truncated ? "render-output-limit" : "render-failed";
      const what = run2.timedOut ? `helm template did not finish within ${(opts.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS) / 1e3} s` : run2.truncated ? `helm template printed more than ${(opts.maxOutputBytes ?? DEFAULT_RENDER_OUTPUT_BYTES) / 1024 / 1024} MiB` : `helm template failed (exit ${run2.code ?? "signal"})`;
      result.problems.push({
        code,
        severity: "error",
        file: mapped.sourceFile ?? mapped.archive ?? chartFile,
        line: mapped.sourceFile && named ? Number(named[2]) : 1,
        message: head ? `${what}: ${head}` : what
      });
      return result;
    }
    const counts = /* @__PURE__ */ new Map();
    for (const d of splitHelmOutput(run2.stdout)) {
      const n = counts.get(d.template) ?? 0;
      counts.set(d.template, n + 1);
      const m = d.template ? mapSource(d.template, prefixes, copied.tree) : {};
      result.objects.push({ text: d.text, template: d.template, sourceFile: m.sourceFile, archive: m.archive, documentIndex: n });
    }
    result.rendered = true;
    return result;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
function stripUndefined(o) {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== void 0));
}

// src/render/helm-fix.ts
var PROBE_KEY = /^kiProbe(\d+)$/;
var PROBE_ITEM = /^ki-probe-(\d+)$/;
var MAP_NAME = /securitycontext$/i;
var LIST_NAME = /(?:volumes|volumemounts|mounts)$/i;
var MAX_CANDIDATES = 64;
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var joinRel2 = (dir, rel) => dir === "" ? rel : `${dir}/${rel}`;
var stepText2 = (s) => "key" in s ? s.key : "name" in s ? `[name=${s.name}]` : `[${s.index}]`;
var pathText = (steps) => steps.map(stepText2).join(".").replace(/\.\[/g, "[");
var sameStep = (a, b) => "key" in a ? "key" in b && a.key === b.key : "name" in a ? "name" in b && a.name === b.name : "index" in b && a.index === b.index;
function objectId(data) {
  const d = isObject(data) ? data : {};
  const m = isObject(d.metadata) ? d.metadata : {};
  const part = (v) => typeof v === "string" || typeof v === "number" ? String(v) : "";
  return `${part(d.kind)}/${part(m.namespace)}/${part(m.name)}`;
}
function dataOf(text) {
  const p = parseYaml(text);
  const d = p.documents.find((x) => x.root);
  return d && !d.hasErrors ? d.data : void 0;
}
function mergeValues(base, over) {
  if (!isObject(base) || !isObject(over)) return over === void 0 ? base : over;
  const out = new Map(Object.entries(base));
  for (const [k, v] of Object.entries(over)) {
    if (v === null) out.delete(k);
    else out.set(k, mergeValues(base[k], v));
  }
  return Object.fromEntries(out);
}
function getIn(data, key) {
  let cur = data;
  for (const k of key) {
    if (!isObject(cur)) return void 0;
    cur = cur[k];
  }
  return cur;
}
function withoutProbes(data) {
  if (Array.isArray(data)) return data.filter((i) => !(isObject(i) && typeof i.name === "string" && PROBE_ITEM.test(i.name))).map(withoutProbes);
  if (!isObject(data)) return data;
  const out = {};
  for (const [k, v] of Object.entries(data)) if (!PROBE_KEY.test(k)) out[k] = withoutProbes(v);
  return out;
}
var CHECKSUM_ANNOTATION = /^checksum\//i;
function withoutChecksums(data) {
  const strip = (m) => {
    if (!isObject(m) || !isObject(m.annotations)) return m;
    const annotations = Object.fromEntries(Object.entries(m.annotations).filter(([k]) => !CHECKSUM_ANNOTATION.test(k)));
    return { ...m, annotations };
  };
  if (!isObject(data)) return data;
  const out = { ...data, metadata: strip(data.metadata) };
  const spec = data.spec;
  if (isObject(spec) && isObject(spec.template)) out.spec = { ...spec, template: { ...spec.template, metadata: strip(spec.template.metadata) } };
  return out;
}
function dataChanges(before, after, path = []) {
  if (sameData(before, after)) return [];
  if (isObject(before) && isObject(after)) {
    const out = [];
    for (const k of Object.keys(before)) if (!(k in after)) return void 0;
    for (const [k, v] of Object.entries(after)) {
      if (!(k in before)) out.push({ op: "set", path: [...path, { key: k }], value: v });
      else {
        const c = dataChanges(before[k], v, [...path, { key: k }]);
        if (!c) return void 0;
        out.push(...c);
      }
    }
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const named = (l) => l.every((i) => isObject(i) && typeof i.name === "string");
    if (before.length > 0 && named(before) && named(after)) {
      const out = [];
      const byName = new Map(after.map((i) => [i.name, i]));
      for (const b of before) {
        const name = b.name;
        if (!byName.has(name)) return void 0;
        const c = dataChanges(b, byName.get(name), [...path, { name }]);
        if (!c) return void 0;
        out.push(...c);
      }
      const old = new Set(before.map((i) => i.name));
      for (const a of after) if (!old.has(a.name)) out.push({ op: "append", path, item: a });
      return out;
    }
    if (before.length <= after.length && before.every((b, i) => sameData(b, after[i])))
      return after.slice(before.length).map((item) => ({ op: "append", path, item }));
  }
  return [{ op: "set", path, value: after }];
}
function probeMarkers(data) {
  const out = [];
  const walk = (v, steps, depth) => {
    if (depth > 64) return;
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        const name = isObject(item) && typeof item.name === "string" ? item.name : void 0;
        const m = name === void 0 ? null : PROBE_ITEM.exec(name);
        if (m) out.push({ candidate: Number(m[1]), steps, type: "list" });
        else walk(item, [...steps, name !== void 0 ? { name } : { index: i }], depth + 1);
      });
    } else if (isObject(v)) {
      for (const [k, x] of Object.entries(v)) {
        const m = PROBE_KEY.exec(k);
        if (m && x === `ki-probe-${m[1]}`) out.push({ candidate: Number(m[1]), steps, type: "map" });
        else if (!m) walk(x, [...steps, { key: k }], depth + 1);
      }
    }
  };
  walk(data, [], 0);
  return out;
}
function dataAt(data, steps) {
  let cur = data;
  for (const s of steps) {
    if ("key" in s) cur = isObject(cur) ? cur[s.key] : void 0;
    else if (!Array.isArray(cur)) return void 0;
    else cur = "name" in s ? cur.find((i) => isObject(i) && i.name === s.name) : cur[s.index];
    if (cur === void 0) return void 0;
  }
  return cur;
}
function valuesCandidates(templates, merged) {
  const out = /* @__PURE__ */ new Map();
  for (const text of templates)
    for (const m of text.matchAll(/\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)/g)) {
      const segs = m[1].slice(1).split(".");
      for (let i = 1; i <= segs.length; i++) {
        const key = segs.slice(0, i);
        const last = key[key.length - 1];
        const type = MAP_NAME.test(last) ? "map" : LIST_NAME.test(last) ? "list" : void 0;
        if (!type || out.has(key.join("."))) continue;
        let ok = true;
        for (let j = 1; j < key.length; j++) {
          const v2 = getIn(merged, key.slice(0, j));
          if (v2 !== void 0 && v2 !== null && !isObject(v2)) ok = false;
        }
        const v = getIn(merged, key);
        if (v !== void 0 && v !== null && (type === "map" ? !isObject(v) : !Array.isArray(v))) ok = false;
        if (ok) out.set(key.join("."), { key, type });
      }
    }
  return [...out.values()].slice(0, MAX_CANDIDATES);
}
function probeValues(candidates, merged) {
  const root = {};
  candidates.forEach((c, i) => {
    let cur = root;
    for (const k of c.key.slice(0, -1)) {
      if (!isObject(cur[k])) cur[k] = {};
      cur = cur[k];
    }
    const last = c.key[c.key.length - 1];
    if (c.type === "map") {
      if (!isObject(cur[last])) cur[last] = {};
      cur[last][`kiProbe${i}`] = `ki-probe-${i}`;
    } else {
      const existing = getIn(merged, c.key);
      cur[last] = [...Array.isArray(existing) ? existing : [], { name: `ki-probe-${i}` }];
    }
  });
  return `${JSON.stringify(root)}
`;
}
function translate(changes, object, mappings, candidates, fixedObject, merged) {
  const t = { ops: [], keys: /* @__PURE__ */ new Set(), applied: [], unreached: void 0 };
  const replaced = /* @__PURE__ */ new Map();
  const own = mappings.filter((m) => m.object === object);
  for (const c of changes) {
    let best;
    for (const m of own) {
      if (m.steps.length > c.path.length || !m.steps.every((s, i) => sameStep(s, c.path[i]))) continue;
      const rest = c.path.slice(m.steps.length);
      if (m.type === "list" ? !(c.op === "append" && rest.length === 0) : !rest.every((s) => "key" in s)) continue;
      if (!best || m.steps.length > best.steps.length) best = m;
    }
    if (!best) {
      t.unreached ??= `no values key of the chart is rendered at ${pathText(c.path)}`;
      continue;
    }
    const key = [...candidates[best.candidate].key];
    if (best.type === "list") {
      t.ops.push({ kind: "append", path: key, item: c.item });
    } else if (best.mode === "replace") {
      if (!replaced.has(best)) {
        const rel = dataChanges(getIn(merged, key) ?? {}, dataAt(fixedObject, best.steps) ?? {});
        replaced.set(best, rel !== void 0);
        if (rel) for (const r of rel) t.ops.push(toOp(key, r));
      }
      if (!replaced.get(best)) {
        t.unreached ??= `.Values.${key.join(".")} holds keys the fixed ${pathText(best.steps)} does not`;
        continue;
      }
    } else t.ops.push(toOp(key, { ...c, path: c.path.slice(best.steps.length) }));
    t.keys.add(best.candidate);
    t.applied.push(c);
  }
  return t;
}
function toOp(key, c) {
  const path = [...key, ...c.path.map((s) => s.key)];
  return c.op === "set" ? { kind: "set", path, value: c.value } : { kind: "append", path, item: c.item };
}
function withChanges(data, changes) {
  const out = structuredClone(data);
  for (const c of changes) {
    let cur = out;
    const steps = c.op === "set" ? c.path.slice(0, -1) : c.path;
    const place = (s, make) => {
      if ("key" in s) {
        if (!isObject(cur)) return void 0;
        if (cur[s.key] === void 0 || cur[s.key] === null) cur[s.key] = make();
        return cur[s.key];
      }
      if (!Array.isArray(cur)) return void 0;
      return "name" in s ? cur.find((i) => isObject(i) && i.name === s.name) : cur[s.index];
    };
    for (let i = 0; i < steps.length; i++) {
      const next = steps[i + 1];
      const isLast = i === steps.length - 1;
      cur = place(steps[i], () => isLast && c.op === "append" || next && !("key" in next) ? [] : {});
      if (cur === void 0) return void 0;
    }
    if (c.op === "append") {
      if (!Array.isArray(cur)) return void 0;
      cur.push(structuredClone(c.item));
    } else {
      const last = c.path[c.path.length - 1];
      if (!last || !("key" in last) || !isObject(cur)) return void 0;
      cur[last.key] = structuredClone(c.value);
    }
  }
  return out;
}
function predictedChanges(ops, keys, candidates, mappings, newValues) {
  const out = [];
  for (const op of ops) {
    const owners = [...keys].filter((k2) => candidates[k2].key.every((s, i) => op.path[i] === s));
    if (owners.length === 0) return void 0;
    const k = owners.reduce((a, b) => candidates[b].key.length > candidates[a].key.length ? b : a);
    const key = candidates[k].key;
    const rel = op.path.slice(key.length).map((x) => ({ key: x }));
    for (const m of mappings.filter((x) => x.candidate === k)) {
      if (m.type === "list") {
        if (op.kind !== "append" || rel.length > 0) return void 0;
        out.push({ op: "append", path: m.steps, item: op.item });
      } else if (m.mode === "replace") {
        if (m.steps.length === 0) return void 0;
        out.push({ op: "set", path: m.steps, value: getIn(newValues, key) ?? {} });
      } else if (op.kind === "append") out.push({ op: "append", path: [...m.steps, ...rel], item: op.item });
      else if (rel.length === 0) return void 0;
      else out.push({ op: "set", path: [...m.steps, ...rel], value: op.value });
    }
  }
  return out;
}
function normaliseOps(ops, fileValues) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const push = (op) => {
    if (op.kind === "set" && isObject(op.value) && Object.keys(op.value).length > 0 && isObject(getIn(fileValues, op.path))) {
      for (const [k, v] of Object.entries(op.value)) push({ kind: "set", path: [...op.path, k], value: v });
      return;
    }
    const id = JSON.stringify(op);
    if (!seen.has(id)) {
      seen.add(id);
      out.push(op);
    }
  };
  for (const op of ops) push(op);
  return out;
}
function editValues(text, ops) {
  const parsed2 = parseYaml(text);
  const doc = parsed2.documents[0];
  if (parsed2.documents.length > 1) return { problem: "the values file holds several YAML documents" };
  if (parsed2.problems.some((p) => p.severity === "error") || !doc?.root || doc.root.kind !== "map") return { problem: "the values file is not a YAML map" };
  const root = doc.root;
  const fixOps = ops.map(
    (op) => op.kind === "set" ? { kind: "set", target: root, path: op.path, value: op.value } : { kind: "append", target: root, path: op.path, item: op.item }
  );
  const style = detectStyle(
    text,
    parsed2.documents.map((d) => d.doc)
  );
  const r = renderFixOps(text, style, fixOps, { fillPlaceholders: true });
  if (r.problems.length > 0) return { problem: r.problems[0] };
  if (r.edits.length === 0) return { problem: "the values change changes nothing" };
  const v = verifyEdits(
    text,
    r.edits,
    expectedData(
      parsed2.documents.map((d) => d.data),
      () => 0,
      fixOps
    )
  );
  if (!v.ok) return { problem: v.problem ?? "the edited values file does not verify" };
  const { node } = follow(
    root,
    ops[0].path.map((key) => ({ key }))
  );
  const at = node === root ? root.entries()[0]?.[1] ?? root : node;
  const range = at.pair ? at.keyRange : at.range;
  return { edits: r.edits, text: v.text, anchor: range };
}
function byIdentity(objects) {
  const out = /* @__PURE__ */ new Map();
  objects.forEach((o, index) => {
    const data = dataOf(o.text);
    const id = objectId(data);
    if (!out.has(id)) out.set(id, { index, data });
  });
  return out;
}
function sharedIdentities(objects) {
  const all = /* @__PURE__ */ new Map();
  for (const o of objects) {
    const data = dataOf(o.text);
    const id = objectId(data);
    all.set(id, [...all.get(id) ?? [], data]);
  }
  return new Map([...all].filter(([, l]) => l.length > 1));
}
function findingKeys(path, text, policies, opts) {
  const r = run([{ path, text }], policies, opts);
  return new Map(r.findings.map((f) => [`${f.policyId}\0${f.messageId}\0${f.container?.name ?? ""}`, f.fingerprint]));
}
function startValuesProbe(opts) {
  const valuesFiles = [joinRel2(opts.chartDir, "values.yaml"), ...opts.profile?.valuesFiles ?? []];
  const merged = valuesFiles.map((f) => opts.tree.has(f) ? dataOf(opts.tree.get(f)) : void 0).reduce((a, b) => mergeValues(a, b ?? {}), {});
  const templates = [...opts.tree.keys()].filter((p) => p.startsWith(joinRel2(opts.chartDir, "templates/"))).map((p) => opts.tree.get(p) ?? "");
  const candidates = valuesCandidates(templates, merged);
  if (candidates.length === 0) return void 0;
  const render = renderHelmChart({
    engine: opts.engine,
    repoRoot: opts.repoRoot,
    chartDir: opts.chartDir,
    profile: opts.profile,
    extraValues: [probeValues(candidates, merged)]
  });
  return { candidates, render };
}
async function proveHelmValuesFixes(opts) {
  const out = { file: void 0, groups: [], links: /* @__PURE__ */ new Map(), notes: /* @__PURE__ */ new Map(), fixedText: void 0, fixedEdits: void 0, renders: 0 };
  const { tree, objects, policies, engineOptions } = opts;
  const valuesFiles = [joinRel2(opts.chartDir, "values.yaml"), ...opts.profile?.valuesFiles ?? []];
  const fileData = valuesFiles.map((f) => tree.has(f) ? dataOf(tree.get(f)) : void 0);
  const merged = fileData.reduce((a, b) => mergeValues(a, b ?? {}), {});
  const runs2 = objects.map((o) => runRendered(o, opts.pathOf(o), policies, engineOptions));
  const note = (i, fp, why) => {
    if (!out.notes.has(i)) out.notes.set(i, /* @__PURE__ */ new Map());
    if (!out.notes.get(i).has(fp)) out.notes.get(i).set(fp, why);
  };
  const groups = [];
  const held = [];
  runs2.forEach((r, index) => {
    for (const g of r.fixes) if (g.verified && g.edits.length > 0) groups.push({ index, group: g });
    for (const f of r.findings) {
      const s = f.suggestions.find((x) => x.kind !== void 0 && x.reason !== void 0 && x.edits.length > 0);
      if (s && f.fixId === void 0) held.push({ index, finding: f, suggestion: s });
    }
  });
  if (groups.length === 0 && held.length === 0) return out;
  const noneFor = (why) => {
    for (const { index, group } of groups) for (const fp of group.findings) note(index, fp, why);
    for (const { index, finding } of held) note(index, finding.fingerprint, why);
    return out;
  };
  const started = opts.probe ?? startValuesProbe(opts);
  if (!started) return noneFor("the chart reads no values key for security contexts or volumes: change the template");
  const { candidates } = started;
  const probe = await started.render;
  out.renders++;
  if (!probe.rendered)
    return noneFor(
      `the chart does not render with marked values keys (${probe.problems[0]?.message.split("\n")[0] ?? "no output"}), so no values key could be proven`
    );
  const original = byIdentity(objects);
  const sharedOriginal = sharedIdentities(objects);
  const mappings = [];
  for (const o of probe.objects) {
    const data = dataOf(o.text);
    const id = objectId(data);
    const before = original.get(id)?.data;
    for (const m of probeMarkers(data)) {
      const orig = dataAt(before, m.steps);
      const mode = m.type === "map" && orig !== void 0 && !sameData(withoutProbes(dataAt(data, m.steps)), orig) ? "replace" : "merge";
      mappings.push({ candidate: m.candidate, object: id, steps: m.steps, type: m.type, mode });
    }
  }
  const fileFor = (key) => {
    for (let i = valuesFiles.length - 1; i > 0; i--) if (getIn(fileData[i], key.slice(0, 1)) !== void 0) return i;
    return 0;
  };
  const moveOne = (index, edits, whole) => {
    const m = { applied: /* @__PURE__ */ new Map(), ops: [], keys: /* @__PURE__ */ new Set(), file: 0, unreached: void 0 };
    const o = objects[index];
    const before = dataOf(o.text);
    if (original.get(objectId(before))?.index !== index) return { problem: "the object shares its kind and name with another object of the chart" };
    const parts = [];
    if (whole === "whole") parts.push([...edits]);
    else
      for (const id of whole.policyIds) {
        const policy = policies.filter((p) => p.id === id);
        const own = run([{ path: opts.pathOf(o), text: o.text }], policy, engineOptions).fixes.find(
          (g) => g.verified && g.edits.length > 0 && g.container === whole.container
        );
        if (own) parts.push(own.edits);
      }
    const applied = [];
    const seen = /* @__PURE__ */ new Set();
    for (const e of parts) {
      const after = dataOf(applyEdits(o.text, e));
      const changes = dataChanges(before, after);
      if (!changes) {
        m.unreached ??= "the fix removes a field";
        continue;
      }
      const t = translate(changes, objectId(before), mappings, candidates, after, merged);
      if (t.unreached) {
        m.unreached ??= t.unreached;
        continue;
      }
      m.ops.push(...t.ops);
      for (const k of t.keys) m.keys.add(k);
      for (const c of t.applied) {
        const id = JSON.stringify(c);
        if (!seen.has(id)) applied.push(c);
        seen.add(id);
      }
    }
    if (m.ops.length === 0) return { problem: m.unreached ?? "the fix changes nothing" };
    m.applied.set(index, applied);
    const files = new Set([...m.keys].map((k) => fileFor(candidates[k].key)));
    if (files.size > 1) return { problem: "the values keys it needs are set in different values files" };
    m.file = [...files][0] ?? 0;
    m.ops = normaliseOps(m.ops, fileData[m.file]);
    return m;
  };
  const prove = async (m, text) => {
    const file = valuesFiles[m.file];
    const left = opts.deadline === void 0 ? void 0 : opts.deadline - Date.now();
    if (left !== void 0 && left <= 0) return { problem: "not proven: the time budget of proof renders is spent" };
    const r = await renderHelmChart({
      engine: opts.engine,
      repoRoot: opts.repoRoot,
      chartDir: opts.chartDir,
      profile: opts.profile,
      overrides: /* @__PURE__ */ new Map([[file, text]]),
      ...left !== void 0 ? { timeoutMs: Math.min(DEFAULT_RENDER_TIMEOUT_MS, left) } : {}
    });
    out.renders++;
    const newValues = fileData.map((d, i) => i === m.file ? dataOf(text) : d).reduce((a, b) => mergeValues(a, b ?? {}), {});
    if (!r.rendered) return { problem: `the chart does not render with the edited ${file}: ${r.problems[0]?.message.split("\n")[0] ?? "no output"}` };
    const next = byIdentity(r.objects);
    if (next.size !== original.size || [...original.keys()].some((k) => !next.has(k))) return { problem: `the edited ${file} adds or removes objects` };
    const allNext = sharedIdentities(r.objects);
    for (const [id, list] of sharedOriginal) {
      const now = allNext.get(id) ?? [];
      if (now.length !== list.length) return { problem: `the edited ${file} adds or removes objects` };
      if (list.some((d, i) => !sameData(withoutChecksums(d), withoutChecksums(now[i])))) return { problem: `the edited ${file} also changes ${id}` };
    }
    if ([...allNext.keys()].some((k) => !sharedOriginal.has(k))) return { problem: `the edited ${file} adds or removes objects` };
    const cleared = /* @__PURE__ */ new Map();
    for (const [id, o] of original) {
      const n = next.get(id);
      const changes = m.applied.get(o.index);
      const want = changes === void 0 ? void 0 : withChanges(o.data, changes);
      if (want !== void 0) {
        if (!sameData(withoutChecksums(n.data), withoutChecksums(want))) {
          const diff = dataChanges(withoutChecksums(want), withoutChecksums(n.data));
          return { problem: `${id} does not render as the fix makes it${diff?.[0] ? ` (at ${pathText(diff[0].path)})` : ""}` };
        }
      } else if (sameData(withoutChecksums(n.data), withoutChecksums(o.data))) continue;
      else {
        const own = mappings.filter((x) => x.object === id && m.keys.has(x.candidate));
        const predicted = own.length === 0 ? void 0 : predictedChanges(m.ops, m.keys, candidates, own, newValues);
        const expected = predicted === void 0 ? void 0 : withChanges(o.data, predicted);
        if (expected === void 0 || !sameData(withoutChecksums(n.data), withoutChecksums(expected))) {
          const diff = dataChanges(withoutChecksums(expected ?? o.data), withoutChecksums(n.data));
          return { problem: `the edited ${file} also changes ${id}${diff?.[0] ? ` at ${pathText(diff[0].path)}` : ""}` };
        }
      }
      const path = opts.pathOf(objects[o.index]);
      const before = findingKeys(path, objects[o.index].text, policies, engineOptions);
      const after = findingKeys(path, r.objects[n.index].text, policies, engineOptions);
      const fresh = [...after.keys()].find((k) => !before.has(k));
      if (fresh) return { problem: `the edited ${file} gives ${id} a new ${fresh.split("\0")[0]} finding` };
      cleared.set(
        o.index,
        [...before].filter(([k]) => !after.has(k)).map(([, fp]) => fp)
      );
    }
    if (![...cleared.values()].some((l) => l.length > 0)) return { problem: `the edited ${file} clears no finding` };
    return { cleared };
  };
  const label = `helm template ${opts.chartDir || "."}`;
  const link = (index, fp, l) => {
    if (!out.links.has(index)) out.links.set(index, /* @__PURE__ */ new Map());
    if (!out.links.get(index).has(fp)) out.links.get(index).set(fp, l);
  };
  const keyText = (m) => [...m.keys].map((k) => `.Values.${candidates[k].key.join(".")}`).join(" and ");
  const merge = (list) => {
    const applied = /* @__PURE__ */ new Map();
    for (const x of list) for (const [i, c] of x.applied) applied.set(i, [...applied.get(i) ?? [], ...c]);
    return {
      applied,
      ops: normaliseOps(
        list.flatMap((x) => x.ops),
        fileData[list[0].file]
      ),
      keys: new Set(list.flatMap((x) => [...x.keys])),
      file: list[0].file,
      unreached: list.find((x) => x.unreached)?.unreached
    };
  };
  const maxGroups = opts.maxGroupProofs ?? 8;
  const moved = [];
  for (const g of groups) {
    const ids = [...new Set(runs2[g.index].findings.filter((f) => g.group.findings.includes(f.fingerprint)).map((f) => f.policyId))];
    const m = moveOne(g.index, g.group.edits, { policyIds: ids, container: g.group.container });
    if ("problem" in m) for (const fp of g.group.findings) note(g.index, fp, m.problem);
    else moved.push({ ...g, m, changes: /* @__PURE__ */ new Map() });
  }
  const accept = (members, m, edited, cleared) => {
    const file = valuesFiles[m.file];
    const id = fingerprintOf(["values-fix", file, ...members.map((x) => x.group.id)]);
    const fixed = [...cleared].flatMap(([index, fps]) => fps.map((fp) => ({ index, fp })));
    out.groups.push({
      id,
      file,
      docIndex: 0,
      object: members[0].group.object,
      container: members.length === 1 ? members[0].group.container : void 0,
      containers: [...new Set(members.flatMap((x) => x.group.containers))],
      findings: [...new Set(fixed.map((x) => x.fp))],
      edits: edited.edits,
      verified: true,
      problem: void 0,
      ...members.some((x) => x.group.kinds) ? { kinds: [...new Set(members.flatMap((x) => x.group.kinds ?? []))] } : {}
    });
    out.file = file;
    for (const { index, fp } of fixed) link(index, fp, { fixId: id, file, range: edited.anchor, key: keyText(m) });
    for (const x of members)
      for (const fp of x.group.findings)
        if (!out.links.get(x.index)?.has(fp))
          note(x.index, fp, `${x.m.unreached ?? `the values change does not clear it`} (the rest of its fix goes through ${keyText(m)})`);
  };
  const budget = opts.maxHeldProofs ?? 4;
  const heldMoved = held.map((h) => ({ h, m: moveOne(h.index, h.suggestion.edits, "whole") }));
  const tries = heldMoved.filter((x) => !("problem" in x.m)).slice(0, budget);
  for (const x of heldMoved) {
    if ("problem" in x.m) note(x.h.index, x.h.finding.fingerprint, x.m.problem);
    else if (!tries.some((t) => t.h === x.h)) note(x.h.index, x.h.finding.fingerprint, `not proven: at most ${budget} held-back fixes of a chart are rendered`);
  }
  const proveEdit = async (m) => {
    const edited = editValues(tree.get(valuesFiles[m.file]) ?? "", m.ops);
    if ("problem" in edited) return edited;
    const p = await prove(m, edited.text);
    return "problem" in p ? p : { edited, cleared: p.cleared };
  };
  const all = moved.length > 1 && moved.every((x) => x.m.file === moved[0].m.file) ? merge(moved.map((x) => x.m)) : moved.length === 1 ? moved[0].m : void 0;
  const [together, ...heldProofs] = await inTurn([
    async () => all ? proveEdit(all) : void 0,
    ...tries.map(
      ({ m }) => () => proveEdit(m)
    )
  ]);
  if (together && !("problem" in together)) {
    accept(moved, all, together.edited, together.cleared);
    out.fixedText = together.edited.text;
    out.fixedEdits = together.edited.edits;
  } else if (moved.length === 1 && together && "problem" in together) {
    for (const fp of moved[0].group.findings) note(moved[0].index, fp, `${together.problem} (${label}, through ${keyText(moved[0].m)})`);
  } else if (moved.length > 1) {
    const tried = moved.slice(0, maxGroups);
    for (const x of moved.slice(maxGroups))
      for (const fp of x.group.findings) note(x.index, fp, `not proven: at most ${maxGroups} fix groups of a chart are rendered one by one`);
    const proofs = await inTurn(tried.map((x) => () => proveEdit(x.m)));
    let fixedFile;
    let fixedEdits = [];
    proofs.forEach((p, i) => {
      const x = tried[i];
      if ("problem" in p) {
        for (const fp of x.group.findings) note(x.index, fp, `${p.problem} (${label}, through ${keyText(x.m)})`);
        return;
      }
      accept([x], x.m, p.edited, p.cleared);
      const file = valuesFiles[x.m.file];
      if (fixedFile === void 0 || fixedFile === file && !overlaps(fixedEdits, p.edited.edits)) {
        fixedFile = file;
        fixedEdits = [...fixedEdits, ...p.edited.edits];
      }
    });
    if (fixedFile !== void 0) {
      out.fixedEdits = fixedEdits;
      out.fixedText = applyEdits(tree.get(fixedFile) ?? "", fixedEdits);
      out.file = fixedFile;
    }
  }
  heldProofs.forEach((p, i) => {
    const { h, m } = tries[i];
    const fp = h.finding.fingerprint;
    if (!p) return;
    if ("problem" in p) return note(h.index, fp, `${p.problem} (${label}, through ${keyText(m)})`);
    if (!p.cleared.get(h.index)?.includes(fp))
      return note(h.index, fp, `${m.unreached ?? "the values change does not clear it"} (the rest of its fix goes through ${keyText(m)})`);
    const file = valuesFiles[m.file];
    const existing = out.links.get(h.index)?.get(fp);
    out.links.get(h.index)?.delete(fp);
    link(h.index, fp, {
      ...existing,
      file,
      range: existing?.range ?? p.edited.anchor,
      key: existing?.key ?? keyText(m),
      suggestion: { ...h.suggestion, edits: p.edited.edits, message: `${h.suggestion.message} (in ${file}, through ${keyText(m)}; proven by ${label})` }
    });
  });
  return out;
}
async function inTurn(tasks, width = 2) {
  const out = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, worker));
  return out;
}
function overlaps(a, b) {
  return a.some((x) => b.some((y) => x.range[0] <= y.range[1] && y.range[0] <= x.range[1]));
}
function keepFixesEveryProfileProves(renders, chartDir, tree) {
  if (renders.length < 2) return;
  const chartValues = joinRel2(chartDir, "values.yaml");
  const reads = (j, file) => file === chartValues || renders[j].valuesFiles.includes(file);
  const keyOf = (file, edits) => `${file}\0${JSON.stringify(edits)}`;
  const proven = renders.map(({ fixes }) => {
    const s = new Set(fixes.groups.map((g) => keyOf(g.file, g.edits)));
    for (const m of fixes.links.values()) for (const l of m.values()) if (l.suggestion) s.add(keyOf(l.file, l.suggestion.edits));
    return s;
  });
  const refuser = (i, file, edits) => renders.find((_, j) => j !== i && reads(j, file) && !proven[j].has(keyOf(file, edits)))?.profile;
  renders.forEach(({ fixes }, i) => {
    const why = (file, profile) => `the change of ${file} is proven with this profile only: profile ${profile} renders it too, and does not prove it`;
    const dropped = /* @__PURE__ */ new Map();
    fixes.groups = fixes.groups.filter((g) => {
      const p = refuser(i, g.file, g.edits);
      if (p !== void 0) dropped.set(g.id, why(g.file, p));
      return p === void 0;
    });
    for (const [index, m] of fixes.links)
      for (const [fp, l] of m) {
        const p = l.suggestion ? refuser(i, l.file, l.suggestion.edits) : void 0;
        const next = {
          ...l,
          fixId: l.fixId !== void 0 && dropped.has(l.fixId) ? void 0 : l.fixId,
          suggestion: p === void 0 ? l.suggestion : void 0
        };
        const reason = (l.fixId !== void 0 ? dropped.get(l.fixId) : void 0) ?? (p !== void 0 ? why(l.file, p) : void 0);
        if (next.fixId === void 0 && next.suggestion === void 0) {
          m.delete(fp);
          if (!fixes.notes.has(index)) fixes.notes.set(index, /* @__PURE__ */ new Map());
          fixes.notes.get(index).set(fp, reason ?? "not proven with every profile");
        } else m.set(fp, next);
      }
    if (dropped.size > 0 && fixes.fixedEdits !== void 0 && fixes.file !== void 0) {
      const all = new Set(fixes.fixedEdits.map((x) => JSON.stringify(x)));
      const kept = new Set(
        fixes.groups.filter((g) => g.file === fixes.file && g.edits.every((x) => all.has(JSON.stringify(x)))).flatMap((g) => g.edits.map((x) => JSON.stringify(x)))
      );
      const edits = fixes.fixedEdits.filter((x) => kept.has(JSON.stringify(x)));
      if (edits.length === 0) {
        fixes.fixedEdits = void 0;
        fixes.fixedText = void 0;
        fixes.file = fixes.groups[0]?.file;
      } else {
        fixes.fixedEdits = edits;
        fixes.fixedText = applyEdits(tree.get(fixes.file) ?? "", edits);
      }
    }
  });
}

// src/render/kustomize-fixes.ts
function objectKeyOf(text) {
  const d = parseOnce(text).documents.find((x) => x.root)?.data;
  const kind = typeof d?.kind === "string" ? d.kind : "";
  const name = typeof d?.metadata?.name === "string" ? d.metadata.name : "";
  const ns = typeof d?.metadata?.namespace === "string" ? d.metadata.namespace : "";
  return `${kind}/${ns}/${kind === "ConfigMap" || kind === "Secret" ? name.replace(NAME_HASH, "") : name}`;
}
function ignoreNameHash(data) {
  const d = data;
  if (d?.kind !== "ConfigMap" && d?.kind !== "Secret" || typeof d.metadata?.name !== "string") return data;
  return { ...d, metadata: { ...d.metadata, name: d.metadata.name.replace(NAME_HASH, "") } };
}
function textsByObject(objects) {
  const out = /* @__PURE__ */ new Map();
  for (const o of objects) {
    const k = objectKeyOf(o.text);
    out.set(k, [...out.get(k) ?? [], o.text]);
  }
  return out;
}
var editsKey = (edits) => JSON.stringify(edits.map((e) => [e.range[0], e.range[1], e.text]));
var placeKeyOf = (policyId, file, line) => `${policyId}\0${file}\0${line}`;
var identityOf = (f) => [f.policyId, f.object?.kind ?? "", f.object?.namespace ?? "", f.object?.name ?? "", f.container?.name ?? "", f.messageId].join("\0");
var describe = (f) => `${f.policyId} on ${f.object ? `${f.object.kind}/${f.object.name}` : f.file}${f.container ? ` (container "${f.container.name}")` : ""}`;
async function holds(ctx, b, before, cands) {
  const overrides = /* @__PURE__ */ new Map();
  for (const file of new Set(cands.map((c) => c.file))) {
    const text = ctx.read(file);
    if (text === void 0) return `${file} could not be read again`;
    try {
      overrides.set(
        file,
        applyEdits(
          text,
          cands.filter((c) => c.file === file).flatMap((c) => c.edits)
        )
      );
    } catch {
      return `its edits overlap others of ${file}`;
    }
  }
  const r = await buildKustomization(ctx.engine, ctx.analysis, b.root, ctx.repoRoot, { overrides });
  if (r.problems.length > 0 || r.objects.length === 0) return `${b.unit.label} fails with it (${r.problems[0]?.message.split("\n")[0] ?? "no objects"})`;
  const after = /* @__PURE__ */ new Map();
  for (const o of r.objects)
    for (const f of run([{ path: o.sourceFile ?? b.unit.root, text: o.text }], ctx.policies, ctx.opts).findings) after.set(identityOf(f), f);
  for (const [id, f] of after) if (!before.identities.has(id)) return `${b.unit.label} gives a new finding with it: ${describe(f)}`;
  const targets = new Set(cands.flatMap((c) => [...c.targets]));
  for (const p of before.placed)
    if (targets.has(placeKeyOf(p.rendered.policyId, p.file, p.range.start.line)) && after.has(identityOf(p.rendered)))
      return `${b.unit.label} still shows ${describe(p.rendered)} with it`;
  const predicted = /* @__PURE__ */ new Map();
  for (const c of cands) for (const [k, ch] of c.predicts) predicted.set(k, [...predicted.get(k) ?? [], ...ch]);
  const was = textsByObject(b.unit.objects);
  const now = textsByObject(r.objects);
  for (const k of /* @__PURE__ */ new Set([...was.keys(), ...now.keys()])) {
    const x = was.get(k) ?? [];
    const y = now.get(k) ?? [];
    const what = k.replace(/\/\//, "/");
    const changes = predicted.get(k);
    if (!changes) {
      if (x.length !== y.length || x.some((t, i) => t !== y[i])) return `${b.unit.label} also changes ${what} with it`;
      continue;
    }
    if (x.length !== 1 || y.length !== 1) return `${b.unit.label} renders ${what} ${x.length === 1 ? "other than once" : "more than once"} with it`;
    const want = withChanges(parseOnce(x[0]).documents.find((d) => d.root)?.data, changes);
    const got = parseOnce(y[0]).documents.find((d) => d.root)?.data;
    if (want === void 0 || !sameData(ignoreNameHash(want), ignoreNameHash(got))) return `${b.unit.label} does not render ${what} as the fix makes it`;
  }
  return void 0;
}
async function proveOnRoot(ctx, b, before, cands) {
  const out = /* @__PURE__ */ new Map();
  if (cands.length === 0) return out;
  const all = await holds(ctx, b, before, cands);
  const files = [...new Set(cands.map((c) => c.file))];
  for (const file of files) {
    const mine = cands.filter((c) => c.file === file);
    const together = all === void 0 || files.length === 1 ? all : await holds(ctx, b, before, mine);
    for (const c of mine) out.set(c, together === void 0 || mine.length === 1 ? together : await holds(ctx, b, before, [c]));
  }
  return out;
}
function patchCandidate(p, read) {
  if (!p.setByPatch || !p.fix) return void 0;
  const text = p.object.text;
  const rendered = parseOnce(text).documents.find((d) => d.root && !d.hasErrors)?.root;
  if (!rendered) return void 0;
  const node = nodeAtOffset(rendered, p.rendered.range.start.offset, p.rendered.range.end.offset);
  if (node.kind !== "scalar") return void 0;
  let fixedText;
  try {
    fixedText = applyEdits(text, p.fix.edits);
  } catch {
    return void 0;
  }
  const fixed = parseYaml(fixedText).documents.find((d) => d.root && !d.hasErrors)?.root;
  const steps = stepsTo(rendered, node);
  const to = fixed && follow(fixed, steps);
  if (!to || to.depth !== steps.length || to.node.kind !== "scalar") return void 0;
  const value = to.node.value;
  if (!(typeof value === "boolean" || typeof value === "number" || typeof value === "string" || value === null) || value === node.value) return void 0;
  const patchText = p.inline ? p.inline.text : read(p.file);
  const a = patchText === void 0 ? void 0 : attributeOffset(text, p.rendered.range.start.offset, patchText, p.rendered.range.end.offset);
  if (!a?.exact || a.node.kind !== "scalar" || patchText === void 0) return void 0;
  const rendered0 = renderFixOps(
    patchText,
    detectStyle(
      patchText,
      parseOnce(patchText).documents.map((d) => d.doc)
    ),
    [{ kind: "replace", target: a.node, value }]
  );
  if (rendered0.problems.length > 0 || rendered0.edits.length === 0) return void 0;
  const inline = p.inline;
  if (inline && rendered0.edits.some((e) => e.text.includes("\n") || patchText.slice(e.range[0], e.range[1]).includes("\n"))) return void 0;
  const r = inline ? { ...rendered0, edits: rendered0.edits.map((e) => ({ range: [inline.toFile(e.range[0]), inline.toFile(e.range[1])], text: e.text })) } : rendered0;
  const docs = parseOnce(patchText).documents;
  const docIndex = inline ? 0 : Math.max(
    0,
    docs.findIndex((d) => d.span[0] <= a.node.offsets[0] && a.node.offsets[0] < d.span[1])
  );
  const at = inline ? inline.toFile(a.node.offsets[0]) : a.node.offsets[0];
  const data = docs[docIndex]?.data;
  const ns = typeof data?.metadata?.namespace === "string" ? `${data.metadata.namespace}/` : "";
  const object = `${typeof data?.kind === "string" ? data.kind : "(unknown)"}/${ns}${typeof data?.metadata?.name === "string" ? data.metadata.name : "(unnamed)"}`;
  const container = p.rendered.container?.name;
  const group = {
    id: fingerprintOf(["kustomize-patch-fix", p.file, at]),
    file: p.file,
    docIndex,
    object,
    container,
    containers: container === void 0 ? [] : [container],
    findings: [],
    edits: r.edits,
    verified: true,
    problem: void 0,
    ...p.fix.kinds ? { kinds: p.fix.kinds } : {}
  };
  return {
    candidate: {
      file: p.file,
      edits: r.edits,
      targets: /* @__PURE__ */ new Set([placeKeyOf(p.rendered.policyId, p.file, p.range.start.line)]),
      predicts: /* @__PURE__ */ new Map([[objectKeyOf(p.object.text), [{ op: "set", path: steps, value }]]])
    },
    at,
    value,
    group
  };
}
function generatorCandidate(p, read) {
  if (p.rendered.policyId !== "immutable-configmap-secret" || p.rendered.object === void 0) return void 0;
  const text = read(p.file);
  if (text === void 0) return void 0;
  const g = generatorEntry(text, p.rendered.object.kind, p.rendered.object.name);
  if (!g?.hashed || g.entry.kind !== "map") return void 0;
  const r = renderFixOps(
    text,
    detectStyle(
      text,
      parseOnce(text).documents.map((d) => d.doc)
    ),
    [{ kind: "set", target: g.entry, path: ["options", "immutable"], value: true }]
  );
  if (r.problems.length > 0 || r.edits.length === 0) return void 0;
  const group = {
    id: fingerprintOf(["kustomize-generator-fix", p.file, g.entry.offsets[0]]),
    file: p.file,
    docIndex: 0,
    object: `${p.rendered.object.kind}/${p.rendered.object.namespace ? `${p.rendered.object.namespace}/` : ""}${p.rendered.object.name}`,
    container: void 0,
    containers: [],
    findings: [],
    edits: r.edits,
    verified: true,
    problem: void 0
  };
  return {
    candidate: {
      file: p.file,
      edits: r.edits,
      targets: /* @__PURE__ */ new Set([placeKeyOf(p.rendered.policyId, p.file, p.range.start.line)]),
      predicts: /* @__PURE__ */ new Map([[objectKeyOf(p.object.text), [{ op: "set", path: [{ key: "immutable" }], value: true }]]])
    },
    at: g.entry.offsets[0],
    value: true,
    group
  };
}
function predictPlain(text, edits, file, built) {
  let fixed;
  try {
    fixed = applyEdits(text, edits);
  } catch {
    return void 0;
  }
  const before = parseOnce(text).documents;
  const after = parseYaml(fixed).documents;
  if (before.length !== after.length) return void 0;
  const out = /* @__PURE__ */ new Map();
  for (const b of built)
    for (const o of b.unit.objects) {
      if (o.sourceFile !== file) continue;
      const data = parseOnce(o.text).documents.find((d) => d.root)?.data;
      const doc = sourceDocument(before, { kind: data?.kind, name: data?.metadata?.name });
      if (!doc) continue;
      const changes = dataChanges(doc.data, after[doc.index]?.data);
      if (!changes) return void 0;
      if (changes.length > 0) out.set(objectKeyOf(o.text), changes);
    }
  return out;
}
async function proveKustomizeFixes(ctx, built, resources) {
  const befores = /* @__PURE__ */ new Map();
  for (const b of built) {
    const placed = placeRendered(b.unit, ctx.policies, ctx.opts, ctx.read);
    befores.set(b, { placed, identities: new Set(placed.map((p) => identityOf(p.rendered))) });
  }
  const plainCands = /* @__PURE__ */ new Map();
  const texts = /* @__PURE__ */ new Map();
  for (const file of resources) {
    const text = ctx.read(file);
    if (text === void 0) continue;
    texts.set(file, text);
    const r = run([{ path: file, text }], ctx.policies, ctx.opts);
    for (const g of r.fixes) {
      if (!g.verified || g.edits.length === 0) continue;
      const targets = new Set(r.findings.filter((f) => g.findings.includes(f.fingerprint)).map((f) => placeKeyOf(f.policyId, f.file, f.range.start.line)));
      const predicts = predictPlain(text, g.edits, file, built);
      if (!predicts) continue;
      plainCands.set({ file, edits: g.edits, targets, predicts }, { file, key: editsKey(g.edits) });
    }
  }
  const patchCands = /* @__PURE__ */ new Map();
  for (const b of built)
    for (const p of befores.get(b).placed) {
      const c = patchCandidate(p, ctx.read) ?? generatorCandidate(p, ctx.read);
      if (!c) continue;
      const key = `${c.candidate.file}\0${c.at}`;
      const seen = patchCands.get(key);
      if (!seen) patchCands.set(key, { ...c, conflict: false });
      else if (JSON.stringify(seen.value) !== JSON.stringify(c.value)) seen.conflict = true;
      else {
        for (const t of c.candidate.targets) seen.candidate.targets.add(t);
        for (const [k, ch] of c.candidate.predicts) if (!seen.candidate.predicts.has(k)) seen.candidate.predicts.set(k, ch);
      }
    }
  const patchList = [...patchCands.values()].filter((c) => !c.conflict);
  const all = [...plainCands.keys(), ...patchList.map((c) => c.candidate)];
  const verdicts = /* @__PURE__ */ new Map();
  const perRoot = await Promise.all(
    built.map(
      (b) => proveOnRoot(
        ctx,
        b,
        befores.get(b),
        all.filter((c) => b.closure.has(c.file))
      )
    )
  );
  for (const m of perRoot) for (const [c, v] of m) if (!verdicts.has(c) || verdicts.get(c) === void 0 && v !== void 0) verdicts.set(c, v);
  const plain = /* @__PURE__ */ new Map();
  for (const [c, { file, key }] of plainCands) {
    const entry = plain.get(file) ?? { text: texts.get(file), verdicts: /* @__PURE__ */ new Map() };
    entry.verdicts.set(key, verdicts.has(c) ? verdicts.get(c) : "no build of a root holding it was made");
    plain.set(file, entry);
  }
  const groups = [];
  const byPlace = /* @__PURE__ */ new Map();
  const kept = /* @__PURE__ */ new Map();
  for (const c of patchList) {
    const problem2 = verdicts.has(c.candidate) ? verdicts.get(c.candidate) : "no build of a root holding it was made";
    for (const t of c.candidate.targets) byPlace.set(t, problem2 === void 0 ? { group: c.group.id, problem: problem2 } : { group: void 0, problem: problem2 });
    if (problem2 !== void 0) continue;
    groups.push(c.group);
    kept.set(c.candidate.file, [...kept.get(c.candidate.file) ?? [], ...c.candidate.edits]);
  }
  const files = [];
  for (const [path, edits] of kept) {
    const text = ctx.read(path);
    const fixedEdits = [...edits].sort((a, b) => a.range[0] - b.range[0]);
    files.push({ path, skipped: void 0, skippedDocuments: [], problems: [], manifests: 0, fixedText: applyEdits(text, fixedEdits), fixedEdits });
  }
  return { plain, patch: { groups, files, byPlace } };
}
var notKept = (why) => `the fix is not offered: ${why}`;
function withPatchFixes(result, fixes) {
  const { groups, files, byPlace } = fixes.patch;
  if (byPlace.size === 0) return result;
  const byId = new Map(groups.map((g) => [g.id, { ...g, findings: [...g.findings] }]));
  const findings = result.findings.map((f) => {
    const v = byPlace.get(placeKeyOf(f.policyId, f.file, f.range.start.line));
    if (!v) return f;
    if (v.group === void 0) return { ...f, fixProblem: notKept(v.problem ?? "not proven by a build") };
    byId.get(v.group).findings.push(f.fingerprint);
    return { ...f, fixId: v.group, fixProblem: void 0 };
  });
  const fixedOf = new Map(files.map((f) => [f.path, f]));
  const merged = result.files.map((f) => {
    const x = fixedOf.get(f.path);
    if (!x) return f;
    fixedOf.delete(f.path);
    return { ...f, fixedText: x.fixedText, fixedEdits: x.fixedEdits };
  });
  return { ...result, findings, fixes: [...result.fixes, ...byId.values()], files: [...merged, ...fixedOf.values()] };
}
function keepProvenPlainFixes(part, fixes) {
  if (!part.files.some((f) => fixes.plain.has(f.path))) return part;
  const dropped = /* @__PURE__ */ new Map();
  const groups = part.fixes.map((g) => {
    const entry = fixes.plain.get(g.file);
    if (!entry || !g.verified || g.edits.length === 0) return g;
    const key = editsKey(g.edits);
    const problem2 = entry.verdicts.has(key) ? entry.verdicts.get(key) : "no build was made with it";
    if (problem2 === void 0) return g;
    dropped.set(g.id, problem2);
    return { ...g, verified: false, edits: [], problem: notKept(problem2) };
  });
  if (dropped.size === 0) return part;
  const findings = part.findings.map(
    (f) => f.fixId !== void 0 && dropped.has(f.fixId) ? { ...f, fixId: void 0, fixProblem: notKept(dropped.get(f.fixId)) } : f
  );
  const files = part.files.map((fr) => {
    const entry = fixes.plain.get(fr.path);
    if (!entry || !part.fixes.some((g) => g.file === fr.path && dropped.has(g.id))) return fr;
    const edits = groups.filter((g) => g.file === fr.path && g.verified).flatMap((g) => g.edits);
    if (edits.length === 0) return { ...fr, fixedText: void 0, fixedEdits: void 0 };
    const fixedEdits = [...edits].sort((a, b) => a.range[0] - b.range[0]);
    try {
      return { ...fr, fixedText: applyEdits(entry.text, fixedEdits), fixedEdits };
    } catch {
      return { ...fr, fixedText: void 0, fixedEdits: void 0 };
    }
  });
  return { ...part, findings, fixes: groups, files };
}

// src/render/refused.ts
var problem = (path, r) => ({
  code: r.kind === "link" ? "symlink" : "special-file",
  severity: "error",
  file: path,
  line: 1,
  message: r.reason
});
function refusedInFolder(refused, dir) {
  if (!refused) return void 0;
  const hit = [...refused.keys()].sort().find((p) => dir === "" || p.startsWith(`${dir}/`));
  return hit === void 0 ? void 0 : problem(hit, refused.get(hit));
}
function refusedAmong(refused, paths) {
  if (!refused || refused.size === 0) return void 0;
  const hits = /* @__PURE__ */ new Set();
  for (const p of paths) {
    const parts = p.split("/");
    for (let i = 1; i <= parts.length; i++) {
      const up = parts.slice(0, i).join("/");
      if (refused.has(up)) hits.add(up);
    }
  }
  const first = [...hits].sort()[0];
  return first === void 0 ? void 0 : problem(first, refused.get(first));
}

// src/render/index.ts
var DEFAULT_PROOF_BUDGET_MS = 12e4;
function problemFinding(p, what, policies, opts, variant = "") {
  const range = { start: { line: p.line, column: p.column ?? 1, offset: 0 }, end: { line: p.line, column: p.column ?? 1, offset: 0 } };
  const raw = notScannedFinding(p.file, "renderProblem", { what, message: p.message }, range, `${p.code}:${p.line}${variant}`, policies, opts);
  return raw && (p.severity === "warning" ? { ...raw.finding, severity: "warning" } : raw.finding);
}
var FILE_START = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
async function renderForScan(tree, policies, engine, opts) {
  const deadline = Date.now() + (opts.proofBudgetMs ?? DEFAULT_PROOF_BUDGET_MS);
  const excluded = new Set(helmFileRoles(tree).keys());
  const changed = opts.changed;
  const profilesOf = /* @__PURE__ */ new Map();
  for (const c of opts.helmCharts ?? []) {
    if (c.profiles.length > 0) profilesOf.set(c.path === "." ? "" : c.path, c.profiles);
    for (const p of c.profiles) for (const v of p.valuesFiles ?? []) excluded.add(v);
  }
  const inChart = (dir) => (p) => dir === "" || p.startsWith(`${dir}/`) || (profilesOf.get(dir) ?? []).some((profile) => profile.valuesFiles?.includes(p));
  const allCharts = findHelmCharts(tree);
  const charts = allCharts.filter((c) => c.parent === void 0 && (!changed || [...changed].some(inChart(c.dir))));
  const kustomize = analyseKustomize(tree);
  const roots = changed ? kustomizeRootsFor(kustomize, changed) : kustomize.roots;
  for (const [path, roles] of kustomize.roles) if (!roles.includes("resource")) excluded.add(path);
  const resources = /* @__PURE__ */ new Set();
  const empty = {
    excluded,
    resources,
    result: { files: [], findings: [], fixes: [] },
    engines: { helm: void 0, kustomize: void 0, problems: [] },
    rendered: { charts: 0, objects: 0 }
  };
  if (charts.length === 0 && roots.length === 0) return empty;
  const engines = await findRenderEngines(opts.engines);
  const findings = [];
  const units = [];
  for (const c of allCharts)
    if (c.parent !== void 0 && profilesOf.has(c.dir) && (!changed || [...changed].some(inChart(c.dir)))) {
      const message = `render profiles are configured for ${c.dir}, a subchart: it renders with its parent ${c.parent || "."}; give the profiles for the parent chart`;
      const f = problemFinding(
        { code: "bad-profile", severity: "warning", file: c.chartFile, line: 1, message },
        `The Helm chart at ${c.dir}`,
        policies,
        engine
      );
      if (f) findings.push(f);
    }
  const built = [];
  for (const chart of charts) {
    const what = chart.name ? `The Helm chart "${chart.name}" at ${chart.dir || "."}` : `The Helm chart at ${chart.dir || "."}`;
    if (!engines.helm) {
      const reason = engines.problems.find((p) => p.startsWith("helm ")) ?? "no helm binary was found on PATH";
      const remedy = "install Helm 3 or 4 (or name it with --helm), or scan with --no-render to check its files as plain YAML.";
      const raw = notScannedFinding(chart.chartFile, "notRendered", { what, reason, remedy }, FILE_START, "no-helm", policies, engine);
      if (raw) findings.push(raw.finding);
      continue;
    }
    const refusal = refusedInFolder(opts.refused, chart.dir);
    if (refusal) {
      const f = problemFinding(refusal, `${what} (helm template)`, policies, engine);
      if (f) findings.push(f);
      continue;
    }
    const profiles = profilesOf.get(chart.dir);
    const proofs = [];
    for (const profile of profiles ?? [void 0]) {
      const probe = startValuesProbe({ engine: engines.helm, repoRoot: opts.repoRoot, chartDir: chart.dir, profile, tree });
      const [r] = await Promise.all([renderHelmChart({ engine: engines.helm, repoRoot: opts.repoRoot, chartDir: chart.dir, profile }), probe?.render]);
      const named = profile ? ` (${r.profile.name})` : "";
      for (const p of r.problems) {
        const f = problemFinding(p, `${what} (helm template, ${profile ? `profile ${r.profile.name}` : "default values"})`, policies, engine, named);
        if (f) findings.push(f);
      }
      if (!r.rendered) continue;
      const valuesFixes = await proveHelmValuesFixes({
        engine: engines.helm,
        repoRoot: opts.repoRoot,
        chartDir: chart.dir,
        profile,
        tree,
        objects: r.objects,
        pathOf: (o) => o.sourceFile ?? chart.dir,
        policies,
        engineOptions: engine,
        probe,
        deadline
      });
      proofs.push({ profile: r.profile.name, valuesFiles: r.profile.valuesFiles, fixes: valuesFixes });
      units.push({
        kind: "helm",
        root: chart.dir,
        label: `helm template ${chart.dir || "."}${named}`,
        profile: r.profile.name,
        // The same objects the values fixes ran the policies on (runRendered keeps their runs).
        objects: r.objects,
        valuesFixes
      });
    }
    keepFixesEveryProfileProves(proofs, chart.dir, tree);
  }
  const kustomizeEngine = engines.kustomize;
  const buildsOf = /* @__PURE__ */ new Map();
  if (kustomizeEngine) {
    const queue = roots.filter((root) => {
      const within = kustomizeClosure(kustomize, root);
      return !refusedAmong(opts.refused, [...within.kustomizations, ...within.files]);
    });
    const lanes = [Promise.resolve(), Promise.resolve()];
    queue.forEach((root, i) => {
      const lane = i % 2;
      const p = lanes[lane].then(() => buildKustomization(kustomizeEngine, kustomize, root, opts.repoRoot));
      lanes[lane] = p.catch(() => void 0);
      buildsOf.set(root, p);
    });
  }
  for (const root of roots) {
    const dir = root.includes("/") ? root.slice(0, root.lastIndexOf("/")) : ".";
    const what = `The Kustomize root ${dir}`;
    if (!engines.kustomize) {
      const reason = engines.problems.find((p) => p.startsWith("kustomize ") || p.startsWith("kubectl ")) ?? "neither kustomize nor kubectl was found on PATH";
      const remedy = "install kustomize or kubectl (or name one with --kustomize / --kubectl), or scan with --no-render to check its resources as plain YAML.";
      const raw = notScannedFinding(root, "notRendered", { what, reason, remedy }, FILE_START, "no-kustomize", policies, engine);
      if (raw) findings.push(raw.finding);
      continue;
    }
    const within = kustomizeClosure(kustomize, root);
    const refusal = refusedAmong(opts.refused, [...within.kustomizations, ...within.files]);
    if (refusal) {
      const f = problemFinding(refusal, `${what} (kustomize build)`, policies, engine);
      if (f) findings.push(f);
      continue;
    }
    const b = await (buildsOf.get(root) ?? buildKustomization(engines.kustomize, kustomize, root, opts.repoRoot));
    for (const p of b.problems) {
      const f = problemFinding(p, `${what} (kustomize build)`, policies, engine);
      if (f) findings.push(f);
    }
    if (b.objects.length === 0) continue;
    const closure = kustomizeClosure(kustomize, root);
    for (const f of closure.files) if (kustomize.roles.get(f)?.includes("resource")) resources.add(f);
    const patches = [...closure.kustomizations].reverse().flatMap(
      (k) => kustomize.kustomizations.get(k)?.references.filter((r) => r.role === "patch" && !r.folder).map((r) => r.path) ?? []
    );
    const unit = {
      kind: "kustomize",
      root: dir,
      label: `kustomize build ${dir}`,
      objects: b.objects.map((o) => ({ text: o.text, sourceFile: o.sourceFile })),
      patches: [...new Set(patches)],
      inlinePatches: [...closure.kustomizations].reverse().flatMap((k) => inlinePatchesOf(k, tree.get(k)))
    };
    units.push(unit);
    built.push({ root, closure: /* @__PURE__ */ new Set([...closure.kustomizations, ...closure.files]), unit });
  }
  const analysed = analyseRendered(units, policies, engine, (p) => tree.get(p));
  const kustomizeFixes = await proveBuiltFixes(engines.kustomize, kustomize, built, resources, tree, policies, engine, opts);
  const withFixes = kustomizeFixes ? withPatchFixes(analysed, kustomizeFixes) : analysed;
  return {
    excluded,
    resources,
    result: { ...withFixes, findings: [...findings, ...withFixes.findings] },
    engines,
    rendered: { charts: units.length, objects: units.reduce((n, u) => n + u.objects.length, 0) },
    ...kustomizeFixes ? { kustomizeFixes } : {}
  };
}
async function proveBuiltFixes(engine, analysis, built, resources, tree, policies, opts, render) {
  if (!engine || built.length === 0) return void 0;
  return proveKustomizeFixes({ engine, analysis, repoRoot: render.repoRoot, policies, opts, read: (p) => tree.get(p) }, built, resources);
}
function inlinePatchesOf(file, text) {
  if (text === void 0) return [];
  const root = parseOnce(text).documents.find((d) => d.root && !d.hasErrors)?.root;
  if (root?.kind !== "map") return [];
  const nodes = [
    ...(root.get("patches")?.items() ?? []).map((i) => i.kind === "map" ? i.get("patch") : void 0),
    ...(root.get("patchesStrategicMerge")?.items() ?? []).filter((i) => typeof i.value === "string" && i.value.includes("\n"))
  ];
  return nodes.flatMap((n) => {
    const ip = n && inlinePatch(file, text, n);
    return ip ? [ip] : [];
  });
}
var placeKey = (f) => `${f.policyId}\0${f.file}\0${f.range.start.line}`;
function renderedBy(message) {
  const at = message.lastIndexOf(" (rendered by ");
  return at >= 0 && message.endsWith(")") ? message.slice(at + " (rendered by ".length, -1) : "";
}
function renderReconciler(r) {
  const confirmed = /* @__PURE__ */ new Map();
  for (const f of r.result.findings) confirmed.set(placeKey(f), renderedBy(f.message));
  const given = /* @__PURE__ */ new Set();
  return {
    plain(whole) {
      const part = r.kustomizeFixes ? keepProvenPlainFixes(whole, r.kustomizeFixes) : whole;
      let changed = false;
      const findings = part.findings.flatMap((f) => {
        if (!r.resources.has(f.file)) return [f];
        changed = true;
        const builds = confirmed.get(placeKey(f));
        if (builds === void 0) return [];
        given.add(placeKey(f));
        return [builds ? { ...f, message: `${f.message} (rendered by ${builds})` } : f];
      });
      return changed ? { ...part, findings } : part;
    },
    rest() {
      return { ...r.result, findings: r.result.findings.filter((f) => !given.has(placeKey(f))) };
    },
    proven(part) {
      return r.kustomizeFixes ? keepProvenPlainFixes(part, r.kustomizeFixes) : part;
    }
  };
}
export {
  DEFAULT_PROOF_BUDGET_MS,
  analyseRendered,
  attributeOffset,
  findRenderEngines,
  renderForScan,
  renderReconciler,
  templateRange
};
