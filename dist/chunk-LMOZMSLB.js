import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  publish
} from "./chunk-BWY4PKAK.js";
import "./chunk-GSS4W2O2.js";
import {
  commitReader,
  compareFiles,
  createClient,
  engineWithDigests,
  gitChanges,
  matchesGlobs,
  readSources,
  reportSettingsProblems
} from "./chunk-7ELZAS2L.js";
import {
  collectFiles,
  diskFiles,
  loadRunSettings
} from "./chunk-QGFIMFNP.js";
import {
  DEFAULT_EXCLUDE,
  DEFAULT_INCLUDE
} from "./chunk-RDE2JGST.js";
import "./chunk-XEPHYLKO.js";
import {
  info,
  notice,
  warning
} from "./chunk-IUBWPHFZ.js";
import "./chunk-ZFWYZKH6.js";
import {
  run
} from "./chunk-TD7DL4WF.js";
import "./chunk-H6EUGKT7.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";

// src/action/other-events.ts
function repoUrl(event) {
  return `${process.env.GITHUB_SERVER_URL || "https://github.com"}/${event.owner}/${event.repo}`;
}
async function workspaceSettings(inputs, workspace) {
  const settings = await loadRunSettings(diskFiles(workspace), inputs.config);
  const failed = reportSettingsProblems(settings.problems);
  return { ...settings, failed, include: inputs.include ?? settings.include ?? DEFAULT_INCLUDE, exclude: inputs.exclude ?? settings.exclude ?? DEFAULT_EXCLUDE };
}
async function report(event, inputs, settings, sources, sha) {
  const engine = await engineWithDigests(inputs, settings.engine, sources);
  const result = run(sources, settings.policies, engine);
  const failing = await publish(result, { inputs, sources, repoUrl: repoUrl(event), sha, annotate: true, reviewUrl: void 0, notes: [], policies: settings.policies });
  return failing + (settings.failed ? 1 : 0);
}
async function rangeFlow(event, inputs, workspace) {
  const range = event.range;
  const api = inputs.token && event.owner ? { client: await createClient(inputs.token, { info, warning }), owner: event.owner, repo: event.repo } : void 0;
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
    notice(`kube-immutable: commit ${range.base.slice(0, 12)} is not in the local history, so the changed files are unknown; scanning the whole workspace instead (use actions/checkout with fetch-depth: 0 to scan only the changes).`);
    return workspaceFlow(event, inputs, workspace);
  }
  const settings = await workspaceSettings(inputs, workspace);
  const candidates = changes.filter((c) => c.status !== "removed" && matchesGlobs(c.path, settings.include, settings.exclude));
  if (candidates.length === 0) notice("kube-immutable: no Kubernetes manifest changed.");
  const { sources, missing } = await readSources(commitReader(workspace, range.head, api), candidates.map((c) => ({ path: c.path, blobSha: c.blobSha || void 0 })));
  for (const m of missing) warning(`kube-immutable: could not read ${m.path} (${m.reason}); it was not scanned.`);
  return report(event, inputs, settings, sources, range.head);
}
async function workspaceFlow(event, inputs, workspace) {
  const settings = await workspaceSettings(inputs, workspace);
  const { files, errors } = collectFiles(["."], { cwd: workspace, include: settings.include, exclude: settings.exclude });
  for (const e of errors) warning(`kube-immutable: ${e}`);
  return report(event, inputs, settings, files, event.sha);
}
export {
  rangeFlow,
  workspaceFlow
};
