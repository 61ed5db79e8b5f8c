import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import "./chunk-HMAY3IZG.js";
import {
  parseImageReference
} from "./chunk-XJ4RNHDL.js";
import "./chunk-GRKRAENP.js";
import {
  parseYaml
} from "./chunk-P3YRBRJ7.js";
import {
  minimatch
} from "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";

// src/skaffold.ts
import { posix } from "node:path";
var SKAFFOLD_FILE = "skaffold.yaml";
var MAX_REQUIRES_DEPTH = 10;
var isRecord = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var listOf = (v) => Array.isArray(v) ? v : [];
var stringsOf = (v) => listOf(v).filter((s) => typeof s === "string" && s !== "");
function partsOf(o) {
  const build = isRecord(o.build) ? o.build : {};
  const images = listOf(build.artifacts).map((a) => isRecord(a) ? a.image : void 0);
  const manifests = isRecord(o.manifests) ? stringsOf(o.manifests.rawYaml) : [];
  const deploy = isRecord(o.deploy) && isRecord(o.deploy.kubectl) ? stringsOf(o.deploy.kubectl.manifests) : [];
  const requires = listOf(o.requires).flatMap((r) => isRecord(r) && typeof r.path === "string" && r.path !== "" ? [r.path] : []);
  return { images, manifests: [...manifests, ...deploy], requires };
}
function artifactName(v) {
  if (typeof v !== "string" || v === "") return void 0;
  const ref = parseImageReference(v);
  if (ref.problem) return { problem: `artifact image "${v}" is not a valid image name (${ref.problem})` };
  if (ref.tag !== void 0 || ref.digest !== void 0) return { problem: `artifact image "${v}" has a tag or digest, which Skaffold refuses` };
  return { name: v };
}
async function readSkaffoldProject(configPath, files) {
  const images = /* @__PURE__ */ new Set();
  const manifests = /* @__PURE__ */ new Set();
  const problems = [];
  const seen = /* @__PURE__ */ new Set();
  const readOne = async (path, depth) => {
    if (seen.has(path)) return true;
    seen.add(path);
    const text = await files.read(path);
    if (text === void 0) return false;
    const parsed = parseYaml(text);
    const dir = posix.dirname(path);
    let configs = 0;
    for (const doc of parsed.documents) {
      if (doc.hasErrors) {
        problems.push(`${path}: a document has a YAML syntax error; it was not read`);
        continue;
      }
      const data = doc.data;
      if (!isRecord(data) || typeof data.apiVersion !== "string" || !data.apiVersion.startsWith("skaffold/")) continue;
      configs++;
      const parts = [partsOf(data), ...listOf(data.profiles).flatMap((p) => isRecord(p) ? [partsOf(p)] : [])];
      const own = parts.flatMap((p) => p.manifests).filter((g) => !g.includes("://") && !g.startsWith("/"));
      if (own.length === 0) manifests.add(dir === "." ? "**" : `${dir}/**`);
      for (const g of own) manifests.add(posix.normalize(posix.join(dir, g)));
      for (const v of parts.flatMap((p) => p.images)) {
        const a = artifactName(v);
        if (a && "name" in a) images.add(a.name);
        else if (a) problems.push(`${path}: ${a.problem}; it was not used`);
      }
      for (const r of parts.flatMap((p) => p.requires)) {
        if (r.startsWith("/") || depth >= MAX_REQUIRES_DEPTH) continue;
        const target = posix.normalize(posix.join(dir, r));
        const file = /\.ya?ml$/.test(target) ? target : posix.join(target, SKAFFOLD_FILE);
        if (!await readOne(file, depth + 1)) problems.push(`${path}: the required config ${file} was not found`);
      }
    }
    return configs > 0;
  };
  if (!await readOne(configPath, 0)) return void 0;
  return { config: configPath, images: [...images], manifests: [...manifests], problems };
}
function deploysFile(project, file) {
  return project.manifests.some((g) => minimatch(file, g, { dot: true }));
}
function foldersUp(file) {
  if (file.startsWith("/") || file === ".." || file.startsWith("../")) return [];
  const out = [];
  let dir = posix.dirname(file);
  for (; ; ) {
    out.push(dir);
    if (dir === "." || dir === "") return out;
    dir = posix.dirname(dir);
  }
}
async function skaffoldArtifacts(files, reader, lookIn = () => true) {
  const projects = /* @__PURE__ */ new Map();
  const byFile = {};
  for (const file of files) {
    const found = [];
    for (const dir of foldersUp(file)) {
      const config = posix.join(dir, SKAFFOLD_FILE);
      if (!projects.has(config)) projects.set(config, lookIn(config) ? await readSkaffoldProject(config, reader) : void 0);
      const p = projects.get(config);
      if (p && p.images.length > 0 && deploysFile(p, file)) found.push({ tool: "skaffold", config: p.config, images: p.images });
    }
    if (found.length > 0) Object.defineProperty(byFile, file, { value: found, enumerable: true, writable: true, configurable: true });
  }
  const read = [...projects.values()].filter((p) => p !== void 0);
  return { byFile, projects: read, problems: read.flatMap((p) => p.problems) };
}
async function withBuildArtifacts(engine, files, reader, lookIn) {
  const { byFile, projects, problems } = await skaffoldArtifacts(files, reader, lookIn);
  if (Object.keys(byFile).length === 0) return { engine, projects, problems };
  return { engine: { ...engine, buildArtifacts: { ...engine.buildArtifacts, ...byFile } }, projects, problems };
}
export {
  SKAFFOLD_FILE,
  deploysFile,
  readSkaffoldProject,
  skaffoldArtifacts,
  withBuildArtifacts
};
