import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  KUSTOMIZATION_FILE_NAMES
} from "./chunk-GRKRAENP.js";
import {
  applyEdits,
  detectStyle,
  parseYaml,
  renderFixOps
} from "./chunk-P3YRBRJ7.js";

// src/render/kustomize.ts
import { lstatSync, mkdirSync as mkdirSync2, mkdtempSync as mkdtempSync2, readFileSync, rmSync as rmSync2, writeFileSync as writeFileSync2 } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join2, posix } from "node:path";

// src/render/run.ts
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
var DEFAULT_RENDER_TIMEOUT_MS = 3e4;
var DEFAULT_RENDER_OUTPUT_BYTES = 64 * 1024 * 1024;
var STDERR_BYTES = 64 * 1024;
var NO_NETWORK_PROXY = "http://127.0.0.1:9";
function sandboxEnvironment(home) {
  const dir = (...p) => {
    const d = join(home, ...p);
    mkdirSync(d, { recursive: true });
    return d;
  };
  const kubeconfig = join(dir(".kube"), "config");
  writeFileSync(kubeconfig, "");
  const registryConfig = join(dir("helm", "config", "registry"), "config.json");
  writeFileSync(registryConfig, "{}");
  return {
    HOME: home,
    PATH: dir("empty-path"),
    LANG: "C.UTF-8",
    TMPDIR: dir("tmp"),
    KUBECONFIG: kubeconfig,
    HELM_CONFIG_HOME: dir("helm", "config"),
    HELM_CACHE_HOME: dir("helm", "cache"),
    HELM_DATA_HOME: dir("helm", "data"),
    HELM_PLUGINS: dir("helm", "plugins"),
    HELM_REGISTRY_CONFIG: registryConfig,
    HELM_REPOSITORY_CONFIG: join(dir("helm", "config"), "repositories.yaml"),
    HELM_REPOSITORY_CACHE: dir("helm", "cache", "repository"),
    HELM_NO_PLUGINS: "1",
    HTTP_PROXY: NO_NETWORK_PROXY,
    HTTPS_PROXY: NO_NETWORK_PROXY,
    http_proxy: NO_NETWORK_PROXY,
    https_proxy: NO_NETWORK_PROXY,
    NO_PROXY: "",
    no_proxy: ""
  };
}
function runEngine(binary, args, opts) {
  const home = mkdtempSync(join(tmpdir(), "kube-immutable-render-"));
  const timeoutMs = opts.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS;
  const maxOut = opts.maxOutputBytes ?? DEFAULT_RENDER_OUTPUT_BYTES;
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [...args], { cwd: opts.cwd, env: sandboxEnvironment(home), stdio: ["ignore", "pipe", "pipe"] });
    const out = [];
    const err = [];
    let outBytes = 0;
    let errBytes = 0;
    let timedOut = false;
    let truncated = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout.on("data", (b) => {
      if (truncated) return;
      if (outBytes + b.length > maxOut) {
        out.push(b.subarray(0, maxOut - outBytes));
        outBytes = maxOut;
        truncated = true;
        child.kill("SIGKILL");
        return;
      }
      out.push(b);
      outBytes += b.length;
    });
    child.stderr.on("data", (b) => {
      if (errBytes >= STDERR_BYTES) return;
      const part = b.subarray(0, STDERR_BYTES - errBytes);
      err.push(part);
      errBytes += part.length;
    });
    const done = () => {
      clearTimeout(timer);
      rmSync(home, { recursive: true, force: true });
    };
    child.on("error", (e) => {
      done();
      reject(e);
    });
    child.on("close", (code) => {
      done();
      resolve({
        code: code ?? void 0,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        timedOut,
        truncated
      });
    });
  });
}

// src/render/kustomize.ts
var FUNCTION_ANNOTATIONS = ["config.kubernetes.io/function", "config.k8s.io/function"];
function isKustomizationFile(path) {
  return KUSTOMIZATION_FILE_NAMES.includes(posix.basename(path));
}
function remoteReason(entry) {
  const e = entry.trim();
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(e)) return "a URL";
  if (/^[A-Za-z0-9]+::/.test(e)) return "a go-getter address";
  if (/^[^/\s]+@[^/\s]+:/.test(e)) return "an SSH git address";
  if (/[?&](ref|version|submodules|timeout)=/.test(e)) return "a remote ref";
  if (/^(github\.com|gitlab\.com|bitbucket\.org)(\/|:)/i.test(e)) return "a git host";
  if (e.includes("//")) return "a remote subfolder (//)";
  return void 0;
}
function dirOf(path) {
  const d = posix.dirname(path);
  return d === "." ? "" : d;
}
function resolveEntry(dir, entry) {
  if (entry.startsWith("/") || /^[A-Za-z]:[\\/]/.test(entry) || entry.startsWith("\\")) return { problem: "an absolute path" };
  const joined = posix.normalize(posix.join(dir === "" ? "." : dir, entry.replace(/\\/g, "/")));
  if (joined === ".." || joined.startsWith("../")) return { problem: "a path out of the repository" };
  return { path: joined === "." ? "" : joined.replace(/\/$/, "") };
}
function kustomizationIn(tree, dir) {
  for (const n of KUSTOMIZATION_FILE_NAMES) {
    const p = dir === "" ? n : `${dir}/${n}`;
    if (tree.has(p)) return p;
  }
  return void 0;
}
function isFolder(tree, dir) {
  if (dir === "") return true;
  const prefix = `${dir}/`;
  for (const k of tree.keys()) if (k.startsWith(prefix)) return true;
  return false;
}
function at(node) {
  const s = node.range.start;
  return { line: s.line, column: s.column };
}
function isInline(s) {
  return s.includes("\n") || /^\s*[A-Za-z0-9_.-]+:\s/.test(s) || s.trim().startsWith("{");
}
function readKustomization(tree, path) {
  const dir = dirOf(path);
  const out = { path, dir, references: [], children: [], problems: [] };
  const problem = (code, where, message) => out.problems.push({ code, file: path, line: where.line, column: where.column, message });
  const parsed = parseYaml(tree.get(path) ?? "");
  const doc = parsed.documents.find((d) => d.root && !d.root.isNull);
  if (parsed.problems.some((p) => p.severity === "error") || doc?.hasErrors) {
    const p = parsed.problems.find((x) => x.severity === "error");
    problem("invalid", { line: p?.line ?? 1, column: p?.column ?? 1 }, `${path} is not valid YAML${p ? `: ${p.message.split("\n")[0]}` : ""}`);
    return out;
  }
  const root = doc?.root;
  if (!root) return out;
  if (root.kind !== "map") {
    problem("invalid", at(root), `${path} is not a map of kustomization fields`);
    return out;
  }
  for (const key of ["helmCharts", "helmChartInflationGenerator", "helmGlobals"]) {
    const n = root.get(key);
    if (n)
      problem(
        "helm",
        { line: n.keyRange.start.line, column: n.keyRange.start.column },
        `${key} needs kustomize --enable-helm, which is never enabled: render the chart as a Helm chart instead`
      );
  }
  const ref = (field, node, role, opts) => {
    const raw = opts.value ?? node.value;
    if (typeof raw !== "string" || raw.trim() === "") return;
    const entry = raw.trim();
    const where = at(node);
    const remote = remoteReason(entry);
    if (remote) {
      problem(
        "remote",
        where,
        `${field} entry ${JSON.stringify(entry)} is ${remote}: remote bases and files are never loaded (vendor them into the repository)`
      );
      return;
    }
    const r = resolveEntry(dir, entry);
    if ("problem" in r) {
      problem("outside", where, `${field} entry ${JSON.stringify(entry)} is ${r.problem}: only files inside the repository are read`);
      return;
    }
    const child = opts.folderAllowed && !tree.has(r.path) ? kustomizationIn(tree, r.path) : void 0;
    const folder = opts.folderAllowed && !tree.has(r.path) && (child !== void 0 || isFolder(tree, r.path));
    out.references.push({ field, entry, path: r.path, folder, role: folder ? "kustomization" : role, ...where });
    if (child) out.children.push(child);
  };
  const strings = (field, role, folderAllowed) => {
    for (const item of root.get(field)?.items() ?? []) ref(field, item, role, { folderAllowed });
  };
  strings("resources", "resource", true);
  strings("bases", "resource", true);
  strings("components", "resource", true);
  strings("crds", "other-config", false);
  strings("configurations", "other-config", false);
  for (const item of root.get("patches")?.items() ?? []) {
    const p = item.get("path");
    if (p) ref("patches", p, "patch", { folderAllowed: false });
  }
  for (const item of root.get("patchesJson6902")?.items() ?? []) {
    const p = item.get("path");
    if (p) ref("patchesJson6902", p, "patch", { folderAllowed: false });
  }
  for (const item of root.get("patchesStrategicMerge")?.items() ?? []) {
    if (typeof item.value === "string" && !isInline(item.value)) ref("patchesStrategicMerge", item, "patch", { folderAllowed: false });
  }
  for (const item of root.get("replacements")?.items() ?? []) {
    const p = item.get("path");
    if (p) ref("replacements", p, "other-config", { folderAllowed: false });
  }
  const openapi = root.get("openapi")?.get("path");
  if (openapi) ref("openapi", openapi, "other-config", { folderAllowed: false });
  for (const gen of ["configMapGenerator", "secretGenerator"]) {
    for (const item of root.get(gen)?.items() ?? []) {
      for (const f of item.get("files")?.items() ?? []) {
        const v = typeof f.value === "string" ? f.value : "";
        ref(`${gen}.files`, f, "generator-source", { folderAllowed: false, value: v.includes("=") ? v.slice(v.indexOf("=") + 1) : v });
      }
      for (const f of item.get("envs")?.items() ?? []) ref(`${gen}.envs`, f, "generator-source", { folderAllowed: false });
      const env = item.get("env");
      if (env) ref(`${gen}.env`, env, "generator-source", { folderAllowed: false });
    }
  }
  for (const field of ["transformers", "generators", "validators"]) {
    for (const item of root.get(field)?.items() ?? []) {
      const where = at(item);
      if (item.kind === "map" || typeof item.value === "string" && isInline(item.value)) {
        const text2 = item.kind === "map" ? JSON.stringify(item.value) : String(item.value);
        const fn2 = functionAnnotation(text2);
        if (fn2) problem("function", where, `${field} entry is a KRM function (${fn2}): exec and container functions are never run`);
        continue;
      }
      const before = out.references.length;
      ref(field, item, "other-config", { folderAllowed: true });
      const added = out.references[before];
      if (!added || added.folder) continue;
      const text = tree.get(added.path);
      if (text === void 0) {
        problem("unreadable", where, `${field} entry ${JSON.stringify(added.entry)} is not among the files read, so it cannot be checked for KRM functions`);
        continue;
      }
      const fn = functionAnnotation(text);
      if (fn) problem("function", where, `${field} entry ${JSON.stringify(added.entry)} is a KRM function (${fn}): exec and container functions are never run`);
    }
  }
  return out;
}
function functionAnnotation(text) {
  const parsed = parseYaml(text);
  for (const d of parsed.documents) {
    const ann = d.data?.metadata?.annotations;
    if (ann && typeof ann === "object") {
      for (const a of FUNCTION_ANNOTATIONS) if (a in ann) return a;
    }
  }
  for (const a of FUNCTION_ANNOTATIONS) if (text.includes(a)) return a;
  return void 0;
}
function checkPluginKustomizations(tree, kustomizations) {
  const plugin = /* @__PURE__ */ new Set();
  const queue = [];
  for (const k of kustomizations.values())
    for (const r of k.references)
      if (r.folder && ["transformers", "generators", "validators"].includes(r.field)) {
        const child = kustomizationIn(tree, r.path);
        if (child) queue.push(child);
      }
  while (queue.length) {
    const p = queue.shift();
    if (plugin.has(p)) continue;
    plugin.add(p);
    const k = kustomizations.get(p);
    if (!k) continue;
    for (const r of k.references) {
      if (r.folder) {
        const child = kustomizationIn(tree, r.path);
        if (child) queue.push(child);
        continue;
      }
      if (r.field !== "resources" && r.field !== "bases") continue;
      const text = tree.get(r.path);
      const fn = text === void 0 ? void 0 : functionAnnotation(text);
      if (text === void 0)
        k.problems.push({
          code: "unreadable",
          file: k.path,
          line: r.line,
          column: r.column,
          message: `plugin config ${JSON.stringify(r.entry)} is not among the files read, so it cannot be checked for KRM functions`
        });
      else if (fn)
        k.problems.push({
          code: "function",
          file: k.path,
          line: r.line,
          column: r.column,
          message: `plugin config ${JSON.stringify(r.entry)} is a KRM function (${fn}): exec and container functions are never run`
        });
    }
  }
}
function addRole(roles, path, role) {
  const list = roles.get(path);
  if (!list) roles.set(path, [role]);
  else if (!list.includes(role)) list.push(role);
}
function analyseKustomize(tree) {
  const kustomizations = /* @__PURE__ */ new Map();
  for (const path of [...tree.keys()].sort()) if (isKustomizationFile(path)) kustomizations.set(path, readKustomization(tree, path));
  const roles = /* @__PURE__ */ new Map();
  const referenced = /* @__PURE__ */ new Set();
  for (const k of kustomizations.values()) {
    addRole(roles, k.path, "kustomization");
    for (const r of k.references) if (!r.folder) addRole(roles, r.path, r.role);
    for (const c of k.children) if (c !== k.path) referenced.add(c);
  }
  for (const list of roles.values()) list.sort();
  checkPluginKustomizations(tree, kustomizations);
  const roots = [...kustomizations.keys()].filter((p) => !referenced.has(p));
  return { kustomizations, roles, roots };
}
function kustomizeClosure(analysis, root) {
  if (!analysis.kustomizations.has(root)) throw new Error(`${root} is not a kustomization file of the tree`);
  const seen = [];
  const files = /* @__PURE__ */ new Set();
  const problems = [];
  const visit = (p) => {
    if (seen.includes(p)) return;
    const k = analysis.kustomizations.get(p);
    if (!k) return;
    seen.push(p);
    problems.push(...k.problems);
    for (const r of k.references) if (!r.folder) files.add(r.path);
    for (const c of k.children) visit(c);
  };
  visit(root);
  return { root, kustomizations: seen, files: [...files].filter((f) => !seen.includes(f)).sort(), problems };
}
function kustomizeRootsFor(analysis, changed) {
  const want = new Set(changed);
  return analysis.roots.filter((r) => {
    const c = kustomizeClosure(analysis, r);
    return c.kustomizations.some((k) => want.has(k)) || c.files.some((f) => want.has(f));
  });
}
function kustomizeArgs(engine, dir) {
  return engine.viaKubectl ? ["kustomize", dir] : ["build", dir];
}
function linkOnTheWay(repoDir, path) {
  const parts = path.split("/");
  for (let i = 1; i <= parts.length; i++) {
    const sub = parts.slice(0, i).join("/");
    try {
      if (lstatSync(join2(repoDir, sub)).isSymbolicLink()) return sub;
    } catch {
      return void 0;
    }
  }
  return void 0;
}
function withOriginAnnotations(text) {
  const parsed = parseYaml(text);
  const doc = parsed.documents.find((d) => d.root && !d.root.isNull);
  if (!doc?.root) return `${text}${text === "" || text.endsWith("\n") ? "" : "\n"}buildMetadata: [originAnnotations]
`;
  if (doc.hasErrors || doc.root.kind !== "map") return void 0;
  const existing = doc.root.get("buildMetadata");
  if (existing && existing.kind !== "seq" && !existing.isNull) return void 0;
  if (existing?.items().some((i) => i.value === "originAnnotations")) return text;
  const op = existing && !existing.isNull ? { kind: "append", target: doc.root, path: ["buildMetadata"], item: "originAnnotations" } : { kind: "set", target: doc.root, path: ["buildMetadata"], value: ["originAnnotations"] };
  const r = renderFixOps(text, detectStyle(text, [doc.doc]), [op]);
  if (r.problems.length) return void 0;
  const out = applyEdits(text, r.edits);
  const check = parseYaml(out).documents.find((d) => d.root && !d.root.isNull)?.data;
  return Array.isArray(check?.buildMetadata) && check.buildMetadata.includes("originAnnotations") ? out : void 0;
}
var ORIGIN = "config.kubernetes.io/origin";
function lineStart(text, offset) {
  return text.lastIndexOf("\n", offset - 1) + 1;
}
function lineEndAfter(text, end) {
  if (end > 0 && text[end - 1] === "\n") return end;
  const nl = text.indexOf("\n", end);
  return nl === -1 ? text.length : nl + 1;
}
function stripOrigin(text) {
  const parsed = parseYaml(text);
  const doc = parsed.documents[0];
  const root = doc?.root;
  if (!root || doc.hasErrors || parsed.documents.length !== 1) return void 0;
  const annotations = root.get("metadata")?.get("annotations");
  const origin = annotations?.get(ORIGIN);
  if (!annotations || !origin) return { text, data: doc.data };
  const only = annotations.keys().length === 1;
  const from = lineStart(text, (only ? annotations : origin).keyRange.start.offset);
  const to = lineEndAfter(text, (only ? annotations : origin).offsets[1]);
  const out = text.slice(0, from) + text.slice(to);
  const expected = structuredClone(doc.data);
  delete expected.metadata.annotations[ORIGIN];
  if (only) delete expected.metadata.annotations;
  const again = parseYaml(out);
  if (again.documents.length !== 1 || again.documents[0].hasErrors || JSON.stringify(again.documents[0].data) !== JSON.stringify(expected)) return void 0;
  return { text: out, data: again.documents[0].data };
}
function parseOrigin(value) {
  if (typeof value !== "string") return void 0;
  const data = parseYaml(value).documents[0]?.data;
  if (!data || typeof data !== "object" || Array.isArray(data)) return void 0;
  const d = data;
  const o = {};
  for (const k of ["path", "repo", "ref", "configuredIn"]) if (typeof d[k] === "string") o[k] = d[k];
  if (d.configuredBy && typeof d.configuredBy === "object") {
    const by = d.configuredBy;
    o.configuredBy = {};
    for (const k of ["apiVersion", "kind", "name"]) if (typeof by[k] === "string") o.configuredBy[k] = by[k];
  }
  return o;
}
function originFile(rootDir, origin) {
  if (!origin || origin.repo !== void 0) return void 0;
  const rel = origin.path ?? origin.configuredIn;
  if (rel === void 0 || remoteReason(rel)) return void 0;
  const r = resolveEntry(rootDir, rel);
  return "path" in r && r.path !== "" ? r.path : void 0;
}
function engineMessage(stderr, copyDir) {
  const lines = stderr.split(copyDir + "/").join("").split(copyDir).join(".").split("\n").map((l) => l.trimEnd()).filter((l) => l !== "");
  return lines.slice(0, 5).join("\n").slice(0, 2e3);
}
async function buildKustomization(engine, analysis, root, repoDir, opts = {}) {
  const closure = kustomizeClosure(analysis, root);
  const result = { root, objects: [], problems: [] };
  if (closure.problems.length) {
    result.problems = closure.problems;
    return result;
  }
  const refAt = (file) => {
    for (const k of closure.kustomizations) {
      const r = analysis.kustomizations.get(k).references.find((x) => x.path === file);
      if (r) return { file: k, line: r.line, column: r.column };
    }
    return { file, line: 1, column: 1 };
  };
  const copy = mkdtempSync2(join2(tmpdir2(), "kube-immutable-kustomize-"));
  try {
    for (const file of [...closure.kustomizations, ...closure.files]) {
      const link = linkOnTheWay(repoDir, file);
      if (link !== void 0) {
        result.problems.push({ code: "symlink", ...refAt(file), message: `${link} is a symbolic link: links are never followed, so ${root} is not built` });
        return result;
      }
      let bytes;
      const override = opts.overrides?.get(file);
      try {
        if (override !== void 0) bytes = override;
        else if (!lstatSync(join2(repoDir, file)).isFile()) continue;
        else bytes = readFileSync(join2(repoDir, file));
      } catch {
        continue;
      }
      mkdirSync2(join2(copy, dirOf(file)), { recursive: true });
      writeFileSync2(join2(copy, file), bytes);
    }
    let rootText;
    try {
      rootText = readFileSync(join2(copy, root), "utf8");
    } catch {
      rootText = void 0;
    }
    const edited = rootText === void 0 ? void 0 : withOriginAnnotations(rootText);
    if (edited === void 0) {
      result.problems.push({
        code: "origin",
        file: root,
        line: 1,
        column: 1,
        message: `cannot add buildMetadata: [originAnnotations] to ${root} (missing, not a map, or buildMetadata is not a list)`
      });
      return result;
    }
    writeFileSync2(join2(copy, root), edited);
    const rootDir = dirOf(root);
    const dir = rootDir === "" ? copy : join2(copy, rootDir);
    let run;
    try {
      run = await runEngine(engine.path, kustomizeArgs(engine, dir), { cwd: copy, timeoutMs: opts.timeoutMs, maxOutputBytes: opts.maxOutputBytes });
    } catch (err) {
      const message = `kustomize could not build ${root}: ${engine.path} could not be started (${err.code ?? String(err)})`;
      result.problems.push({ code: "build-failed", file: root, line: 1, column: 1, message });
      return result;
    }
    if (run.code !== 0 || run.timedOut || run.truncated) {
      const why = run.timedOut ? "the build ran out of time" : run.truncated ? "the build output passed its size budget" : engineMessage(run.stderr, copy) || `the engine exited with code ${String(run.code)}`;
      result.problems.push({ code: "build-failed", file: root, line: 1, column: 1, message: `kustomize could not build ${root}: ${why}` });
      return result;
    }
    const out = parseYaml(run.stdout);
    for (const d of out.documents) {
      if (!d.root || d.root.isNull) continue;
      const text = run.stdout.slice(d.span[0], d.span[1]).replace(/^---[ \t]*\r?\n/, "");
      const docText = text.endsWith("\n") ? text : `${text}
`;
      const originValue = d.data?.metadata?.annotations?.[ORIGIN];
      const origin = parseOrigin(originValue);
      const stripped = stripOrigin(docText);
      if (!stripped) {
        result.problems.push({
          code: "origin",
          file: root,
          line: 1,
          column: 1,
          message: `an object rendered from ${root} could not have its origin annotation removed; it is left out`
        });
        continue;
      }
      result.objects.push({ text: stripped.text, sourceFile: originFile(rootDir, origin), origin });
    }
    return result;
  } finally {
    rmSync2(copy, { recursive: true, force: true });
  }
}

export {
  DEFAULT_RENDER_TIMEOUT_MS,
  DEFAULT_RENDER_OUTPUT_BYTES,
  runEngine,
  isKustomizationFile,
  analyseKustomize,
  kustomizeClosure,
  kustomizeRootsFor,
  buildKustomization
};
