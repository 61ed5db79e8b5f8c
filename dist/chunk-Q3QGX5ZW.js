import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);

// src/github/git.ts
import { execFileSync } from "node:child_process";
function git(cwd, args, maxBuffer = 256 * 1024 * 1024) {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", maxBuffer, stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return void 0;
  }
}
function gitHead(cwd) {
  return git(cwd, ["rev-parse", "HEAD"])?.trim() || void 0;
}
function hasCommit(cwd, sha) {
  return /^[0-9a-f]{7,64}$/i.test(sha) && git(cwd, ["cat-file", "-e", `${sha}^{commit}`]) !== void 0;
}
function gitShow(cwd, sha, path) {
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) return void 0;
  return git(cwd, ["show", "--no-textconv", `${sha}:${path}`]);
}
var STATUS = { A: "added", M: "modified", D: "removed", R: "renamed", C: "copied", T: "changed" };
function gitChanges(cwd, base, head) {
  if (!hasCommit(cwd, base) || !hasCommit(cwd, head)) return void 0;
  const out = git(cwd, ["diff", "--no-textconv", "--no-ext-diff", "--no-color", "-M", "-U3", "-z", "--name-status", base, head]);
  if (out === void 0) return void 0;
  const parts = out.split("\0").filter((p) => p !== "");
  const changes = [];
  for (let i = 0; i < parts.length; ) {
    const code = parts[i++];
    const kind = STATUS[code[0]] ?? "changed";
    if (kind === "renamed" || kind === "copied") {
      const from = parts[i++];
      const to = parts[i++];
      changes.push({ path: to, previousPath: from, status: kind, patch: void 0 });
    } else changes.push({ path: parts[i++], previousPath: void 0, status: kind, patch: void 0 });
  }
  for (const c of changes) {
    if (c.status === "removed") continue;
    const diff = git(cwd, [
      "diff",
      "--no-textconv",
      "--no-ext-diff",
      "--no-color",
      "-M",
      "-U3",
      base,
      head,
      "--",
      ...c.previousPath ? [c.previousPath] : [],
      c.path
    ]);
    const at = diff?.indexOf("\n@@");
    c.patch = diff && at !== void 0 && at !== -1 ? diff.slice(at + 1) : void 0;
  }
  return changes;
}
function gitTreeEntries(cwd, treeish) {
  if (!/^[0-9a-f]{7,64}$/i.test(treeish)) return void 0;
  const out = git(cwd, ["ls-tree", "-z", "--full-tree", treeish]);
  if (out === void 0) return void 0;
  const entries = [];
  for (const rec of out.split("\0")) {
    const m = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(rec);
    if (m) entries.push({ mode: m[1], type: m[2], oid: m[3], name: m[4] });
  }
  return entries;
}
function gitBlob(cwd, oid) {
  if (!/^[0-9a-f]{7,64}$/i.test(oid)) return void 0;
  try {
    return execFileSync("git", ["cat-file", "blob", oid], { cwd, maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return void 0;
  }
}
function gitCommitOf(cwd, rev) {
  if (rev !== "HEAD" && !/^[0-9a-f]{7,64}$/i.test(rev)) return void 0;
  return git(cwd, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`])?.trim() || void 0;
}
function gitTopLevel(cwd) {
  return git(cwd, ["rev-parse", "--show-toplevel"])?.trim() || void 0;
}
function gitTreeFiles(cwd, commit) {
  if (!/^[0-9a-f]{7,64}$/i.test(commit)) return void 0;
  const out = git(cwd, ["ls-tree", "-r", "-l", "-z", "--full-tree", commit]);
  if (out === void 0) return void 0;
  const files = [];
  for (const rec of out.split("\0")) {
    const m = /^(\d+) (\w+) ([0-9a-f]+) +(\d+|-)\t(.*)$/s.exec(rec);
    if (m) files.push({ mode: m[1], type: m[2], oid: m[3], size: m[4] === "-" ? void 0 : Number(m[4]), path: m[5] });
  }
  return files;
}

export {
  gitHead,
  hasCommit,
  gitShow,
  gitChanges,
  gitTreeEntries,
  gitBlob,
  gitCommitOf,
  gitTopLevel,
  gitTreeFiles
};
