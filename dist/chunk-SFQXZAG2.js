import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  matchGlob
} from "./chunk-QPSMOZU7.js";
import {
  minimatch
} from "./chunk-FSFUDRU3.js";
import {
  DEFAULT_INCLUDE
} from "./chunk-GCJCDDRW.js";

// src/files.ts
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
var SKIP_DIRS = /* @__PURE__ */ new Set([".git", "node_modules"]);
var utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function collectFiles(paths, options = {}) {
  const cwd = resolve(options.cwd ?? process.cwd());
  const include = options.include && options.include.length > 0 ? options.include : DEFAULT_INCLUDE;
  const exclude = options.exclude ?? [];
  const files = [];
  const errors = [];
  const seen = /* @__PURE__ */ new Set();
  const rel = (abs) => relative(cwd, abs).split(sep).join("/") || ".";
  const globPath = (r) => r.replace(/^(\.\.\/)+/, "");
  const excluded = (r) => exclude.some((g) => matchGlob(globPath(r), g));
  const included = (r) => include.some((g) => matchGlob(globPath(r), g));
  const addFile = (abs) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    const r = rel(abs);
    if (excluded(r)) return;
    try {
      const buf = readFileSync(abs);
      let text;
      if (buf.includes(0)) text = "\0";
      else {
        try {
          text = utf8.decode(buf);
        } catch {
          files.push({ path: r, text: "", unreadable: "it is not valid UTF-8 text" });
          return;
        }
      }
      files.push({ path: r, text });
    } catch (err) {
      errors.push(`${r}: cannot read: ${err.code ?? err.message}`);
    }
  };
  const walk = (dir, accept) => {
    let entries;
    try {
      entries = readdirSync(dir).sort();
    } catch (err) {
      errors.push(`${rel(dir)}: cannot read folder: ${err.code ?? err.message}`);
      return;
    }
    for (const name of entries) {
      const abs = join(dir, name);
      let st;
      try {
        st = lstatSync(abs);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(name) && !excluded(rel(abs))) walk(abs, accept);
        continue;
      }
      if (!(st.isFile() || st.isSymbolicLink()) || !accept(rel(abs))) continue;
      if (st.isSymbolicLink()) {
        if (options.followLinks === false) {
          errors.push(`${rel(abs)}: symbolic link; not followed (links in a checkout are never followed)`);
          continue;
        }
        let target;
        try {
          target = realpathSync(abs);
          if (!statSync(target).isFile()) continue;
        } catch {
          errors.push(`${rel(abs)}: broken symbolic link; skipped`);
          continue;
        }
        if (target.split(sep).includes(".git")) {
          errors.push(`${rel(abs)}: symbolic link into a .git folder; not followed`);
          continue;
        }
        if (!resolveInside(cwd, relative(cwd, abs))) {
          errors.push(`${rel(abs)}: symbolic link to a file outside ${rel(cwd)}; not followed`);
          continue;
        }
      }
      addFile(abs);
    }
  };
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      if (/[*?[{]/.test(p)) {
        const before = files.length;
        walk(cwd, (r) => minimatch(r, p, { dot: true }));
        if (files.length === before) errors.push(`${p}: no file matches this pattern`);
      } else errors.push(`${p}: no such file or folder`);
      continue;
    }
    if (st.isDirectory()) walk(abs, included);
    else addFile(abs);
  }
  return { files, errors };
}
function realpathOrSelf(p) {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
function resolveInside(root, path) {
  const base = realpathOrSelf(resolve(root));
  const inside = (p) => p === base || p.startsWith(base + sep);
  const abs = resolve(base, path);
  if (!inside(abs)) return void 0;
  let real;
  try {
    real = realpathSync(abs);
  } catch {
    return void 0;
  }
  return inside(real) ? real : void 0;
}
function firstLinkOnTheWay(root, path) {
  let at = resolve(root);
  const walked = [];
  for (const part of path.split(/[\\/]/)) {
    if (part === "" || part === ".") continue;
    at = join(at, part);
    walked.push(part);
    try {
      if (lstatSync(at).isSymbolicLink()) return walked.join("/");
    } catch {
      return void 0;
    }
  }
  return void 0;
}

export {
  collectFiles,
  resolveInside,
  firstLinkOnTheWay
};
