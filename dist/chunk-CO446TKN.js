import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  gitBlob,
  gitTreeFiles,
  hasCommit
} from "./chunk-Q3QGX5ZW.js";
import {
  firstLinkOnTheWay
} from "./chunk-SFQXZAG2.js";
import {
  analyseKustomize,
  isKustomizationFile,
  kustomizeClosure,
  kustomizeRootsFor
} from "./chunk-FHELKB6D.js";

// src/action/head-tree.ts
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";

// src/github/trees.ts
async function fetchTreeFiles(client, owner, repo, sha) {
  let data;
  try {
    ({ data } = await client.rest.git.getTree({ owner, repo, tree_sha: sha, recursive: "1" }));
  } catch (err) {
    if (err.status === 404) return void 0;
    throw err;
  }
  const files = [];
  for (const e of data.tree) {
    if (e.type === "tree" || typeof e.path !== "string" || typeof e.mode !== "string" || typeof e.sha !== "string" || typeof e.type !== "string") continue;
    files.push({ path: e.path, mode: e.mode, type: e.type, oid: e.sha, size: e.type === "blob" ? e.size : void 0 });
  }
  return { files, truncated: data.truncated };
}
async function fetchBlob(client, owner, repo, oid) {
  try {
    const { data } = await client.rest.git.getBlob({ owner, repo, file_sha: oid });
    return Buffer.from(data.content, data.encoding || "base64");
  } catch (err) {
    if (err.status === 404) return void 0;
    throw err;
  }
}

// src/action/head-tree.ts
var MAX_HEAD_FILES = 1e4;
var MAX_HEAD_BYTES = 64 * 1024 * 1024;
function commitObjects(workspace, sha, api) {
  const label = `the head commit ${sha.slice(0, 12)}`;
  if (hasCommit(workspace, sha)) {
    return {
      label,
      list: async () => {
        const files = gitTreeFiles(workspace, sha);
        return files ? { files } : { problem: `git could not list the tree of ${label}` };
      },
      blob: async (oid) => gitBlob(workspace, oid)
    };
  }
  return {
    label,
    list: async () => {
      if (!api) return { problem: `${label} is not in the local repository` };
      const r = await fetchTreeFiles(api.client, api.owner, api.repo, sha);
      if (!r) return { problem: `GitHub does not know ${label}` };
      if (r.truncated) return { problem: `GitHub lists only part of the tree of ${label} (more than 100,000 entries or 7 MB)` };
      return { files: r.files };
    },
    blob: async (oid) => api ? fetchBlob(api.client, api.owner, api.repo, oid) : void 0
  };
}
var utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function textOf(bytes) {
  if (bytes.includes(0)) return "\0";
  try {
    return utf8.decode(bytes);
  } catch {
    return "";
  }
}
function unsafePath(path) {
  const parts = path.split("/");
  if (parts.some((s) => s === "" || s === "." || s === "..")) return "is not a plain relative path";
  if (parts.some((s) => s.toLowerCase() === ".git")) return "names a .git folder";
  if (/[\\\0]/.test(path)) return "holds a backslash or NUL";
  return void 0;
}
var inside = (dir, path) => dir === "" || path.startsWith(`${dir}/`);
async function materialiseRenderTree(objects, changed, budget = { files: MAX_HEAD_FILES, bytes: MAX_HEAD_BYTES }, valuesFiles = /* @__PURE__ */ new Map()) {
  const listed = await objects.list();
  if ("problem" in listed) return listed;
  const byPath = new Map(listed.files.map((f) => [f.path, f]));
  const chartDirs = listed.files.filter((f) => posix.basename(f.path) === "Chart.yaml").map((f) => posix.dirname(f.path).replace(/^\.$/, ""));
  const kustomizations = listed.files.filter((f) => isKustomizationFile(f.path));
  if (chartDirs.length === 0 && kustomizations.length === 0) return void 0;
  const dir = mkdtempSync(join(tmpdir(), "kube-immutable-head-"));
  const tree = /* @__PURE__ */ new Map();
  const refused = /* @__PURE__ */ new Map();
  const read = { files: 0, bytes: 0 };
  const size = budget.bytes % (1024 * 1024) === 0 ? `${budget.bytes / 1024 / 1024} MiB` : `${budget.bytes} bytes`;
  const pastBudget = `passes the budget of files read for renders (${budget.files} files, ${size}): not rendered`;
  const refuse = (path, kind, why) => {
    refused.set(path, { kind, reason: `${path} ${why}` });
    tree.set(path, "");
  };
  const take = async (f) => {
    if (tree.has(f.path)) return;
    if (f.mode === "120000")
      return refuse(
        f.path,
        "link",
        `is a symbolic link in ${objects.label}: kube-immutable never follows links, so it is not rendered (commit the file itself)`
      );
    if (f.mode === "160000" || f.type !== "blob")
      return refuse(f.path, "other", `is a submodule in ${objects.label}: files of another repository are never read, so it is not rendered`);
    if (f.mode !== "100644" && f.mode !== "100755")
      return refuse(f.path, "other", `has the git mode ${f.mode} in ${objects.label}, not a regular file's: not rendered`);
    const unsafe = unsafePath(f.path);
    if (unsafe) return refuse(f.path, "other", `${unsafe}: it is never written, so it is not rendered`);
    if (read.files + 1 > budget.files || read.bytes + (f.size ?? 0) > budget.bytes) return refuse(f.path, "other", pastBudget);
    const bytes = await objects.blob(f.oid);
    if (bytes === void 0) return refuse(f.path, "other", `could not be read from ${objects.label}: not rendered`);
    if (read.bytes + bytes.length > budget.bytes) return refuse(f.path, "other", pastBudget);
    try {
      mkdirSync(join(dir, posix.dirname(f.path)), { recursive: true });
      if (firstLinkOnTheWay(dir, f.path) !== void 0) throw new Error("a link on the way");
      writeFileSync(join(dir, f.path), bytes, { flag: "wx", mode: 384 });
    } catch {
      return refuse(f.path, "other", `collides with another path of ${objects.label} on this file system: not rendered`);
    }
    read.files++;
    read.bytes += bytes.length;
    tree.set(f.path, textOf(bytes));
  };
  try {
    for (const k of kustomizations.sort((a, b) => a.path < b.path ? -1 : 1)) await take(k);
    const skeleton = new Map([...listed.files.map((f) => [f.path, ""]), ...tree]);
    const analysis = analyseKustomize(skeleton);
    const wanted = /* @__PURE__ */ new Set();
    for (const root of kustomizeRootsFor(analysis, changed)) {
      const c = kustomizeClosure(analysis, root);
      for (const p of [...c.kustomizations, ...c.files]) {
        const parts = p.split("/");
        for (let i = 1; i <= parts.length; i++) if (byPath.has(parts.slice(0, i).join("/"))) wanted.add(parts.slice(0, i).join("/"));
      }
    }
    const charts = chartDirs.filter((d) => [...changed].some((p) => inside(d, p) || valuesFiles.get(d)?.includes(p)));
    for (const f of listed.files) if (charts.some((d) => inside(d, f.path) || valuesFiles.get(d)?.includes(f.path))) wanted.add(f.path);
    for (const p of [...wanted].sort()) await take(byPath.get(p));
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return { dir, tree, refused, read, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export {
  MAX_HEAD_FILES,
  MAX_HEAD_BYTES,
  commitObjects,
  materialiseRenderTree
};
