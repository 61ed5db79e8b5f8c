import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  commitReader,
  compareFiles,
  createClient,
  engineWithDigests,
  loadTrustedSettings,
  matchesGlobs,
  noManifestChanged,
  readSources,
  reportSettingsProblems,
  trustedBuildArtifacts,
  trustedReader,
  withBaseExemptions
} from "./chunk-CC5PRJCQ.js";
import {
  diskFiles,
  loadRunSettings
} from "./chunk-6NFZBB4S.js";
import {
  publish
} from "./chunk-QRUNJ76Y.js";
import {
  notice,
  warning
} from "./chunk-P2WBUBEO.js";
import "./chunk-NANHJDJB.js";
import "./chunk-FDLT4CX3.js";
import "./chunk-LYE55XUZ.js";
import "./chunk-MEH5RECA.js";
import {
  gitChanges,
  gitCommitOf
} from "./chunk-Q3QGX5ZW.js";
import {
  collectFiles
} from "./chunk-SFQXZAG2.js";
import "./chunk-UH6I2W3D.js";
import "./chunk-XEPHYLKO.js";
import {
  info
} from "./chunk-IUBWPHFZ.js";
import "./chunk-PEWCUQZX.js";
import "./chunk-GBQPUQWT.js";
import {
  run
} from "./chunk-BWIBLJZ3.js";
import "./chunk-HMAY3IZG.js";
import "./chunk-WWHR42BP.js";
import "./chunk-XJ4RNHDL.js";
import "./chunk-GRKRAENP.js";
import "./chunk-QPSMOZU7.js";
import "./chunk-P3YRBRJ7.js";
import "./chunk-23UJLTM7.js";
import "./chunk-FSFUDRU3.js";
import {
  DEFAULT_EXCLUDE,
  DEFAULT_INCLUDE
} from "./chunk-GCJCDDRW.js";
import "./chunk-EAZCXRIZ.js";

// src/action/other-events.ts
function repoUrl(event) {
  return `${process.env.GITHUB_SERVER_URL || "https://github.com"}/${event.owner}/${event.repo}`;
}
async function trustedSettings(event, inputs, workspace, api) {
  const mergeGroup = event.name === "merge_group" && event.range !== void 0;
  const sha = mergeGroup ? event.range.base : event.sha || gitCommitOf(workspace, "HEAD") || "";
  let settings;
  let trusted;
  if (!mergeGroup && (!sha || !gitCommitOf(workspace, sha) && !api)) {
    notice(`kube-immutable: commit ${sha.slice(0, 12) || "(unknown)"} cannot be read from git or the API; the configuration was read from the workspace.`);
    const disk = diskFiles(workspace);
    settings = await loadRunSettings(disk, inputs.config);
    trusted = { read: (p) => Promise.resolve(disk.read(p)), problems: [], commitIsLocal: true };
  } else {
    const src = { workspace, sha, role: mergeGroup ? "merge group's base commit" : "pushed commit", api, trustedFolders: inputs.trustedFolders };
    const reader = trustedReader(src);
    settings = await loadTrustedSettings(src, inputs.config, reader);
    info(`kube-immutable: configuration and custom policies from ${reader.sources.join(" and ")}.`);
    trusted = reader;
  }
  const failed = reportSettingsProblems(settings.problems);
  return {
    ...settings,
    failed,
    include: inputs.include ?? settings.include ?? [...DEFAULT_INCLUDE],
    exclude: inputs.exclude ?? settings.exclude ?? [...DEFAULT_EXCLUDE],
    trusted
  };
}
async function apiOf(event, inputs) {
  return inputs.token && event.owner ? { client: await createClient(inputs.token, { info, warning }), owner: event.owner, repo: event.repo } : void 0;
}
async function report(event, inputs, settings, sources, sha, workspace, changed, base) {
  const artifacts = await trustedBuildArtifacts(settings.engine, sources, settings.trusted, changed, workspace, "this merge group");
  const withDigests = await engineWithDigests(inputs, artifacts.engine, sources);
  const engine = base ? await withBaseExemptions(withDigests, base.files, base.reader) : withDigests;
  const result = run(sources, settings.policies, engine);
  const failing = await publish(result, {
    inputs,
    sources,
    repoUrl: repoUrl(event),
    sha,
    inReview: /* @__PURE__ */ new Set(),
    reviewUrl: void 0,
    notes: artifacts.notes,
    policies: settings.policies
  });
  return failing + (settings.failed ? 1 : 0);
}
async function rangeFlow(event, inputs, workspace) {
  const range = event.range;
  const api = await apiOf(event, inputs);
  let changes = /^0+$/.test(range.base) ? void 0 : gitChanges(workspace, range.base, range.head);
  if (!changes && !/^0+$/.test(range.base) && api) {
    try {
      const cmp = await compareFiles(api.client, api.owner, api.repo, range.base, range.head);
      if (cmp.capped) warning("kube-immutable: more than 300 files changed (the compare API limit); check out with fetch-depth: 0 to scan them all.");
      changes = cmp.files;
    } catch (err) {
      warning(`kube-immutable: could not list the changed files (${err.message}).`);
    }
  }
  if (!changes) {
    notice(
      `kube-immutable: commit ${range.base.slice(0, 12)} is not in the local history, so the changed files are unknown; scanning the whole workspace instead (use actions/checkout with fetch-depth: 0 to scan only the changes).`
    );
    return workspaceFlow(event, inputs, workspace, api);
  }
  const settings = await trustedSettings(event, inputs, workspace, api);
  const candidates = changes.filter((c) => c.status !== "removed" && matchesGlobs(c.path, settings.include, settings.exclude));
  if (candidates.length === 0) notice(`kube-immutable: ${noManifestChanged(changes.length, settings.include, settings.exclude, "")}`);
  const { sources, missing } = await readSources(
    commitReader(workspace, range.head, api),
    candidates.map((c) => ({ path: c.path, blobSha: c.blobSha || void 0 }))
  );
  for (const m of missing) warning(`kube-immutable: could not read ${m.path} (${m.reason}); it was not scanned.`);
  const base = event.name === "merge_group" ? { files: candidates, reader: commitReader(workspace, range.base, api) } : void 0;
  const changed = new Set(event.name === "merge_group" ? changes.flatMap((c) => c.previousPath ? [c.path, c.previousPath] : [c.path]) : []);
  return report(event, inputs, settings, sources, range.head, workspace, changed, base);
}
async function workspaceFlow(event, inputs, workspace, given) {
  const api = given ?? await apiOf(event, inputs);
  const settings = await trustedSettings(event, inputs, workspace, api);
  const { files, errors } = collectFiles(["."], { cwd: workspace, include: settings.include, exclude: settings.exclude, followLinks: false });
  for (const e of errors) warning(`kube-immutable: ${e}`);
  const mergeBase = event.name === "merge_group" && event.range ? event.range.base : void 0;
  const base = mergeBase ? { files: files.map((f) => ({ path: f.path, status: "modified" })), reader: commitReader(workspace, mergeBase, api) } : void 0;
  return report(event, inputs, settings, files, event.sha, workspace, /* @__PURE__ */ new Set(), base);
}
export {
  rangeFlow,
  workspaceFlow
};
