import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  getInput,
  notice,
  setFailed,
  setSecret
} from "./chunk-IUBWPHFZ.js";
import "./chunk-EAZCXRIZ.js";

// src/github/event.ts
import { readFileSync } from "node:fs";
function readEvent(env = process.env) {
  const name = env.GITHUB_EVENT_NAME ?? "";
  let payload = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
    } catch (err) {
      throw new Error(`cannot read the event payload at GITHUB_EVENT_PATH (${env.GITHUB_EVENT_PATH}): ${err.message}`, { cause: err });
    }
  }
  const full = env.GITHUB_REPOSITORY ?? payload?.repository?.full_name ?? "";
  const [owner = "", repo = ""] = asText(full).split("/");
  const pr = payload?.pull_request;
  let pullRequest;
  if ((name === "pull_request" || name === "pull_request_target") && pr) {
    pullRequest = {
      number: Number(pr.number ?? payload?.number),
      headSha: asText(pr.head?.sha ?? ""),
      baseSha: asText(pr.base?.sha ?? ""),
      htmlUrl: typeof pr.html_url === "string" ? pr.html_url : void 0,
      fromFork: Boolean(pr.head?.repo && pr.base?.repo && pr.head.repo.full_name !== pr.base.repo.full_name)
    };
    if (!pullRequest.headSha || !Number.isInteger(pullRequest.number)) throw new Error("the pull_request payload has no head SHA or number");
  }
  let range;
  if (name === "push" && payload?.before && payload?.after) range = { base: asText(payload.before), head: asText(payload.after) };
  if (name === "merge_group" && payload?.merge_group) range = { base: asText(payload.merge_group.base_sha), head: asText(payload.merge_group.head_sha) };
  return { name, owner, repo, pullRequest, range, sha: pullRequest?.headSha ?? range?.head ?? env.GITHUB_SHA ?? "" };
}
function asText(v) {
  return String(v);
}

// src/github/inputs.ts
function list(name) {
  return getInput(name).split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
}
function oneOf(name, allowed, fallback) {
  const v = getInput(name).trim();
  if (v === "") return fallback;
  const found = allowed.find((a) => a.toLowerCase() === v.toLowerCase());
  if (!found) throw new Error(`input ${name} must be one of ${allowed.join(", ")}; got ${JSON.stringify(v)}`);
  return found;
}
function bool(name, fallback) {
  const v = getInput(name).trim().toLowerCase();
  if (v === "") return fallback;
  if (v === "true") return true;
  if (v === "false") return false;
  throw new Error(`input ${name} must be true or false; got ${JSON.stringify(getInput(name).trim())}`);
}
function readInputs() {
  const maxRaw = getInput("max-comments").trim();
  const maxComments = maxRaw === "" ? 30 : Number(maxRaw);
  if (!Number.isInteger(maxComments) || maxComments < 0) throw new Error(`input max-comments must be a whole number \u2265 0; got ${JSON.stringify(maxRaw)}`);
  const token = getInput("github-token");
  if (token) setSecret(token);
  const include = list("include");
  const exclude = list("exclude");
  const registries = list("registries");
  return {
    token,
    include: include.length > 0 ? include : void 0,
    exclude: exclude.length > 0 ? exclude : void 0,
    config: getInput("config").trim() || void 0,
    trustedFolders: getInput("trusted-folder").split("\n").map((s) => s.trim()).filter(Boolean),
    filterMode: oneOf("filter-mode", ["added", "diff_context", "file", "nofilter"], "diff_context"),
    failLevel: oneOf("fail-level", ["error", "warning", "info", "none"], "error"),
    reviewEvent: oneOf("review-event", ["COMMENT", "REQUEST_CHANGES"], "COMMENT"),
    maxComments,
    commentLevel: oneOf("comment-level", ["error", "warning", "info", "none"], "error"),
    sarifFile: getInput("sarif-file").trim() || void 0,
    patchFile: getInput("patch-file").trim() || void 0,
    resolveDigests: bool("resolve-digests", false),
    inspectImages: bool("inspect-images", false),
    render: bool("render", true),
    helm: getInput("helm").trim() || void 0,
    kustomize: getInput("kustomize").trim() || void 0,
    kubectl: getInput("kubectl").trim() || void 0,
    registries
  };
}

// src/main.ts
async function run() {
  try {
    const inputs = readInputs();
    const event = readEvent();
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    let failing = 0;
    if (event.pullRequest) failing = (await (await import("./chunk-F7EAQ4NB.js")).pullRequestFlow(event, event.pullRequest, inputs, workspace)).failing;
    else if (event.range) failing = await (await import("./chunk-KGI3WZ6G.js")).rangeFlow(event, inputs, workspace);
    else if (event.name === "workflow_dispatch" || event.name === "")
      failing = await (await import("./chunk-KGI3WZ6G.js")).workspaceFlow(event, inputs, workspace);
    else {
      notice(
        `kube-immutable does nothing on "${event.name}" events; it runs on pull_request, pull_request_target, merge_group, push and workflow_dispatch.`
      );
      return;
    }
    if (failing > 0) setFailed(`kube-immutable: ${failing} finding${failing === 1 ? "" : "s"} at or above fail-level ${inputs.failLevel}.`);
  } catch (err) {
    setFailed(`kube-immutable: ${err instanceof Error ? err.message : String(err)}`);
  }
}

// src/index.ts
void run();
