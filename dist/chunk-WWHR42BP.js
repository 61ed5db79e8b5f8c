import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  workloadKindOf
} from "./chunk-XJ4RNHDL.js";
import {
  matchGlob
} from "./chunk-QPSMOZU7.js";

// src/engine/policy.ts
var SEVERITY_RANK = { info: 1, warning: 2, error: 3, none: 4 };
var ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
function builtinDocsUrl(id) {
  return `https://github.com/kube-immutable/kube-immutable/blob/main/policies/${id}.md`;
}
var BUILTIN_POLICY_IDS = /* @__PURE__ */ new Set([
  "read-only-root-filesystem",
  "writable-paths-mounted",
  "no-privileged-container",
  "no-privilege-escalation",
  "no-runtime-mutation",
  "no-writable-host-path",
  "no-exec-access",
  "immutable-configmap-secret",
  "image-digest",
  "run-as-non-root",
  "drop-all-capabilities",
  "seccomp-runtime-default",
  "no-host-namespaces",
  "valid-manifest",
  "file-not-scanned",
  "exemption"
]);
function definePolicy(policy) {
  if (!policy || typeof policy !== "object") throw new TypeError("definePolicy: expected an object");
  if (typeof policy.id !== "string" || !ID.test(policy.id)) throw new TypeError(`definePolicy: id must be kebab-case, got ${JSON.stringify(policy.id)}`);
  if (typeof policy.check !== "function") throw new TypeError(`definePolicy(${policy.id}): check must be a function`);
  const m = policy.meta;
  if (!m || typeof m !== "object") throw new TypeError(`definePolicy(${policy.id}): meta is required`);
  if (!["error", "warning", "info"].includes(m.defaultSeverity))
    throw new TypeError(`definePolicy(${policy.id}): unknown defaultSeverity ${JSON.stringify(m.defaultSeverity)}`);
  if (!["immutability", "hardening", "validity"].includes(m.category))
    throw new TypeError(`definePolicy(${policy.id}): unknown category ${JSON.stringify(m.category)}`);
  if (!m.messages || Object.keys(m.messages).length === 0) throw new TypeError(`definePolicy(${policy.id}): meta.messages must not be empty`);
  if (m.docsUrl === void 0 && BUILTIN_POLICY_IDS.has(policy.id)) m.docsUrl = builtinDocsUrl(policy.id);
  return policy;
}
function formatMessage(template, data = {}) {
  const parts = templateParts(template);
  if (parts.length === 1) return template;
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const [key, raw] = parts[i];
    out += (key in data ? String(data[key]) : raw) + parts[i + 1];
  }
  return out;
}
var templateCache = /* @__PURE__ */ new Map();
function templateParts(template) {
  let parts = templateCache.get(template);
  if (!parts) {
    parts = [];
    let last = 0;
    for (const m of template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
      parts.push(template.slice(last, m.index), [m[1], m[0]]);
      last = m.index + m[0].length;
    }
    parts.push(template.slice(last));
    if (templateCache.size > 1e4) templateCache.clear();
    templateCache.set(template, parts);
  }
  return parts;
}

// src/engine/fingerprint.ts
import * as crypto from "node:crypto";
var oneShotHash = crypto.hash;
function fingerprintOf(parts) {
  let data = "";
  for (let i = 0; i < parts.length; i++) data += (i > 0 ? "\0" : "") + String(parts[i] ?? "");
  return (oneShotHash ? oneShotHash("sha256", data, "hex") : crypto.createHash("sha256").update(data).digest("hex")).slice(0, 16);
}

// src/engine/not-scanned.ts
var FILE_NOT_SCANNED_ID = "file-not-scanned";
var NOT_SCANNED_MESSAGES = {
  tooLarge: "This file was not scanned: it is {{size}} bytes, more than the limit of {{limit}} bytes, and kubectl would apply it all the same. Split it, or raise the size limit.",
  binary: "This file was not scanned: it is binary (it contains NUL bytes). A manifest is text; remove the file or keep it out of the scanned paths.",
  unreadable: "This file was not scanned: {{reason}}. Save it as UTF-8 text (kubectl reads manifests as UTF-8).",
  template: "This file was not scanned: it is not valid YAML (line {{line}}: {{message}}) and holds Helm/Go template syntax ({{ ... }}). Render it first (e.g. `helm template`) and scan the output.",
  notRendered: "{{what}} was not analysed: {{reason}}. Its templates and values are not plain manifests, so nothing of it was checked; {{remedy}}",
  renderProblem: "{{what}}: {{message}}",
  documentLimit: "Not all of this file was scanned: {{message}}.",
  flowLimit: "A document of this file was not scanned: {{message}}.",
  timeBudget: "The scan of this file stopped when its time budget of {{budget}} s ran out: {{what}} not checked. Split the file, or raise the budget (policies: file-not-scanned: options: timeBudgetSeconds).",
  timeBudgetFixes: "The time budget of {{budget}} s of this file ran out while its fixes were verified: {{count}} fix verifications were not made, so those fixes are not offered (or not in the fixed file). Split the file, or raise the budget (policies: file-not-scanned: options: timeBudgetSeconds)."
};
var NOT_SCANNED_DEFAULTS = Object.freeze({ timeBudgetSeconds: 10, maxDocuments: 1e4, maxFlowItems: 1e5 });
function notScannedOptions(opts) {
  const given = opts.options?.[FILE_NOT_SCANNED_ID] ?? {};
  const pick = (k) => typeof given[k] === "number" && given[k] > 0 ? given[k] : NOT_SCANNED_DEFAULTS[k];
  return { timeBudgetSeconds: pick("timeBudgetSeconds"), maxDocuments: pick("maxDocuments"), maxFlowItems: pick("maxFlowItems") };
}
function timeBudgetMs(opts) {
  return opts.timeBudgetMs ?? notScannedOptions(opts).timeBudgetSeconds * 1e3;
}
function budgetSeconds(opts) {
  return Number((timeBudgetMs(opts) / 1e3).toPrecision(3));
}
function notScannedFinding(path, messageId, data, range, detail, policies, opts) {
  const configured = opts.severity?.[FILE_NOT_SCANNED_ID];
  if (configured === "off") return void 0;
  const policy = policies.find((p) => p.id === FILE_NOT_SCANNED_ID);
  const severity = configured ?? policy?.meta.defaultSeverity ?? "error";
  const template = policy?.meta.messages[messageId] ?? NOT_SCANNED_MESSAGES[messageId];
  const fingerprint = fingerprintOf([FILE_NOT_SCANNED_ID, path, messageId, detail]);
  return {
    finding: {
      policyId: FILE_NOT_SCANNED_ID,
      severity,
      messageId,
      message: formatMessage(template, data),
      file: path,
      range,
      object: void 0,
      container: void 0,
      fingerprint,
      fixId: void 0,
      fixProblem: void 0,
      suggestions: []
    },
    groupKey: `${FILE_NOT_SCANNED_ID}:${fingerprint}`,
    groupLabel: { docIndex: -1, object: path, container: void 0 },
    manifestIndex: void 0,
    fix: void 0,
    suggestions: []
  };
}
function fileStart() {
  return { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
}

// src/engine/exemptions.ts
var EXEMPTION_PREFIX = "ignore.kube-immutable.io/";
var DATE = /^\d{4}-\d{2}-\d{2}$/;
function hasOwnPodTemplate(m, w) {
  const pod = w?.podMetadata;
  if (!pod) return false;
  const meta = m.node.get("metadata");
  return !meta || pod.offsets[0] !== meta.offsets[0] || pod.offsets[1] !== meta.offsets[1];
}
function parseExemptionValue(value) {
  const parts = value.split(";");
  let i = 0;
  let containers;
  let expires;
  for (; i < parts.length; i++) {
    const m = parts[i].match(/^\s*([A-Za-z][\w-]*)\s*=\s*(.*?)\s*$/);
    if (!m || /\s/.test(parts[i].trim().split("=")[0])) break;
    const [, key, v] = m;
    if (key === "containers") {
      containers = v.split(",").map((s) => s.trim()).filter(Boolean);
      if (containers.length === 0) return { error: "containers= names no container" };
    } else if (key === "expires") {
      if (!DATE.test(v) || Number.isNaN(Date.parse(v))) return { error: `expires=${v} is not a date (YYYY-MM-DD)` };
      expires = v;
    } else return { error: `unknown setting "${key}" (settings are containers= and expires=)` };
  }
  const reason = parts.slice(i).join(";").trim();
  return { containers, expires, reason };
}
function annotationExemptions(m, w, knownPolicies) {
  const exemptions = [];
  const problems = [];
  const label = `${m.kind}/${m.name || "(unnamed)"}`;
  const sources = [[m.node.get("metadata"), label, "metadata"]];
  if (hasOwnPodTemplate(m, w)) sources.push([w.podMetadata, `the pod template of ${label}`, "podTemplate"]);
  for (const [meta, where, on] of sources) {
    const annotations = meta?.get("annotations");
    if (!annotations || annotations.kind !== "map") continue;
    for (const [key, node] of annotations.entries()) {
      if (!key.startsWith(EXEMPTION_PREFIX)) continue;
      const id = key.slice(EXEMPTION_PREFIX.length);
      const policy = id === "all" ? "*" : id;
      if (policy !== "*" && !knownPolicies.has(policy)) {
        problems.push({ messageId: "unknownPolicy", message: `exemption ${key}: there is no policy "${id}"`, node });
        continue;
      }
      const value = typeof node.value === "string" ? node.value : node.value == null ? "" : String(node.value);
      const parsed = parseExemptionValue(value);
      if ("error" in parsed) {
        problems.push({ messageId: "unparsable", message: `exemption ${key} does not parse: ${parsed.error}`, node });
        continue;
      }
      if (parsed.reason === "") {
        problems.push({ messageId: "missingReason", message: `exemption ${key} gives no reason: write why the finding is accepted (it still applies)`, node });
      }
      exemptions.push({
        policy,
        containers: parsed.containers,
        reason: parsed.reason,
        expires: parsed.expires,
        key,
        value,
        on,
        node,
        source: `annotation ${key} on ${where}`
      });
    }
  }
  return { exemptions, problems };
}
function baseExemptionsOf(m, w) {
  const out = [];
  const places = [[m.node.get("metadata"), "metadata"]];
  if (hasOwnPodTemplate(m, w)) places.push([w.podMetadata, "podTemplate"]);
  for (const [meta, on] of places) {
    const annotations = meta?.get("annotations");
    if (!annotations || annotations.kind !== "map") continue;
    for (const [key, node] of annotations.entries()) {
      if (!key.startsWith(EXEMPTION_PREFIX)) continue;
      const value = typeof node.value === "string" ? node.value : node.value == null ? "" : String(node.value);
      out.push({ kind: m.kind, namespace: m.namespace, name: m.name, on, key, value });
    }
  }
  return out;
}
function daysUntil(date, today) {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 864e5);
}
function refusalsOf(a, m, governance, base, today) {
  if (!governance) return [];
  if (governance.annotations === "disabled") return ["annotationsDisabled"];
  const out = [];
  if (governance.policies && (a.policy === "*" || !governance.policies.includes(a.policy))) out.push("policyNotAllowed");
  if (governance.requireExpiry && !a.expires) out.push("expiryRequired");
  if (governance.maxDays !== void 0 && a.expires && daysUntil(a.expires, today) > governance.maxDays) out.push("expiryTooFar");
  if (governance.annotations === "base-only" && base && !isAtBase(a, m, base)) out.push("notAtBase");
  return out;
}
function isAtBase(a, m, base) {
  return base.some(
    (b) => b.key === a.key && b.value === a.value && b.on === a.on && b.kind === m.kind && b.name === m.name && (b.namespace ?? "") === (m.namespace ?? "")
  );
}
function describeRefusals(refusals, a, governance) {
  const words = {
    annotationsDisabled: () => "the configuration disables exemption annotations (exemptions.annotations: disabled); ask for an exemption in the configuration",
    policyNotAllowed: () => a.policy === "*" ? `the configuration allows annotation exemptions only for named policies (${(governance?.policies ?? []).join(", ")}), never ignore.kube-immutable.io/all` : `the configuration does not allow exempting ${a.policy} by annotation (exemptions.policies: ${(governance?.policies ?? []).join(", ")})`,
    expiryRequired: () => 'the configuration requires an expiry date (exemptions.requireExpiry): add "expires=YYYY-MM-DD; " before the reason',
    expiryTooFar: () => `expires=${a.expires} is more than ${governance?.maxDays} days away (exemptions.maxDays: ${governance?.maxDays})`,
    notAtBase: () => "it is not at the base commit, and the configuration honours only exemptions already there (exemptions.annotations: base-only): a reviewer decides"
  };
  return refusals.map((r) => words[r]()).join("; ");
}
function exemptionCovers(a, f) {
  if (a.policy !== "*" && a.policy !== f.policyId) return false;
  const container = f.container?.name;
  return !a.containers || container !== void 0 && a.containers.includes(container);
}
function findSuppression(f, annotations, config, today) {
  let expired;
  const container = f.container?.name;
  for (const a of annotations) {
    if (a.policy !== "*" && a.policy !== f.policyId) continue;
    if (a.containers && (container === void 0 || !a.containers.includes(container))) continue;
    if (a.expires && a.expires <= today) {
      expired ??= { expired: { source: a.source, expires: a.expires, range: a.node.keyRange } };
      continue;
    }
    return { suppression: { kind: "inSource", justification: a.reason, source: a.source, ...a.expires ? { expires: a.expires } : {} } };
  }
  for (const e of config) {
    if (e.policy !== "*" && e.policy !== f.policyId) continue;
    if (e.files && !e.files.some((g) => matchGlob(f.file, g))) continue;
    if (e.kind && e.kind !== f.object?.kind) continue;
    if (e.name && e.name !== f.object?.name) continue;
    if (e.namespace && e.namespace !== f.object?.namespace) continue;
    if (e.containers && (container === void 0 || !e.containers.includes(container))) continue;
    if (e.expires && e.expires <= today) {
      expired ??= { expired: { source: e.source, expires: e.expires } };
      continue;
    }
    return { suppression: { kind: "external", justification: e.reason, source: e.source, ...e.expires ? { expires: e.expires } : {} } };
  }
  return expired;
}

// src/k8s/api-validation.ts
var VALIDATION = "pkg/apis/core/validation/validation.go";
var UTIL_VALIDATION = "staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go";
var API_RULES = [
  {
    id: "volume-name-required",
    summary: "A volume has a non-empty name.",
    source: `${VALIDATION} ValidateVolumes: Required(name)`
  },
  {
    id: "volume-name-format",
    summary: "A volume name is a DNS-1123 label: at most 63 characters of [a-z0-9-], starting and ending with a letter or digit.",
    source: `${VALIDATION} ValidateVolumes: ValidateDNS1123Label; ${UTIL_VALIDATION} IsDNS1123Label`
  },
  {
    id: "volume-name-unique",
    summary: "Volume names are unique within the pod.",
    source: `${VALIDATION} ValidateVolumes: Duplicate(name)`
  },
  {
    id: "volume-source-multiple",
    summary: "A volume has at most one source (emptyDir, hostPath, configMap, ...).",
    source: `${VALIDATION} validateVolumeSource: "may not specify more than 1 volume type"`
  },
  {
    id: "empty-dir-size-limit",
    summary: "emptyDir.sizeLimit is a valid, non-negative resource quantity.",
    source: `${VALIDATION} validateVolumeSource: EmptyDir.SizeLimit; staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go ParseQuantity`
  },
  {
    id: "container-name-required",
    summary: "A container (regular, init or ephemeral) has a non-empty name.",
    source: `${VALIDATION} validateContainerCommon: Required(name)`
  },
  {
    id: "container-name-format",
    summary: "A container name is a DNS-1123 label.",
    source: `${VALIDATION} validateContainerCommon: ValidateDNS1123Label; ${UTIL_VALIDATION} IsDNS1123Label`
  },
  {
    id: "container-name-unique",
    summary: "Container names are unique across containers, initContainers and ephemeralContainers.",
    source: `${VALIDATION} validateContainers, validateInitContainers, validateEphemeralContainers: Duplicate(name)`
  },
  {
    id: "mount-volume-exists",
    summary: "A volumeMount names a volume of the pod (for a StatefulSet, also a volumeClaimTemplate).",
    source: `${VALIDATION} ValidateVolumeMounts: NotFound(name) (IsMatchedVolume)`
  },
  {
    id: "mount-path-unique",
    summary: "mountPath values are unique within a container (compared as written).",
    source: `${VALIDATION} ValidateVolumeMounts: mountPath "must be unique"`
  },
  {
    id: "sub-path-relative",
    summary: "subPath and subPathExpr are relative paths without a '..' element.",
    source: `${VALIDATION} ValidateVolumeMounts: validateLocalDescendingPath, validatePathNoBacksteps`
  },
  {
    id: "sub-path-exclusive",
    summary: "subPath and subPathExpr are not both set.",
    source: `${VALIDATION} ValidateVolumeMounts: "subPathExpr and subPath are mutually exclusive"`
  },
  {
    id: "ephemeral-no-sub-path",
    summary: "An ephemeral container sets neither subPath nor subPathExpr.",
    source: `${VALIDATION} validateEphemeralContainers: volumeMounts subPath "cannot be set for an Ephemeral Container"`
  },
  {
    id: "mount-propagation-value",
    summary: "mountPropagation is Bidirectional, HostToContainer or None.",
    source: `${VALIDATION} validateMountPropagation: supportedMountPropagations`
  },
  {
    id: "bidirectional-requires-privileged",
    summary: "mountPropagation: Bidirectional only in a container whose own securityContext.privileged is true.",
    source: `${VALIDATION} validateMountPropagation: "Bidirectional mount propagation is available only to privileged containers"`
  },
  {
    id: "recursive-read-only-value",
    summary: "recursiveReadOnly is Disabled, IfPossible or Enabled.",
    source: `${VALIDATION} validateMountRecursiveReadOnly: supportedRRO`
  },
  {
    id: "recursive-read-only-requires-read-only",
    summary: "recursiveReadOnly IfPossible or Enabled only with readOnly: true.",
    source: `${VALIDATION} validateMountRecursiveReadOnly: "may only be specified when readOnly is true"`
  },
  {
    id: "recursive-read-only-requires-no-propagation",
    summary: "recursiveReadOnly IfPossible or Enabled only when mountPropagation is None or unset.",
    source: `${VALIDATION} validateMountRecursiveReadOnly: "may only be specified when mountPropagation is None or not specified"`
  },
  {
    id: "ape-false-privileged",
    summary: "allowPrivilegeEscalation: false is not combined with privileged: true.",
    source: `${VALIDATION} ValidateSecurityContext: AllowPrivilegeEscalation false with Privileged true`
  },
  {
    id: "ape-false-cap-sys-admin",
    summary: 'allowPrivilegeEscalation: false is not combined with capabilities.add containing exactly "CAP_SYS_ADMIN".',
    source: `${VALIDATION} ValidateSecurityContext: AllowPrivilegeEscalation false with Capabilities.Add "CAP_SYS_ADMIN"`
  }
];
var RULES = new Map(API_RULES.map((r) => [r.id, r]));
var VOLUME_SOURCES = [
  "emptyDir",
  "hostPath",
  "gitRepo",
  "gcePersistentDisk",
  "awsElasticBlockStore",
  "secret",
  "nfs",
  "iscsi",
  "glusterfs",
  "flocker",
  "persistentVolumeClaim",
  "rbd",
  "cinder",
  "cephfs",
  "quobyte",
  "downwardAPI",
  "fc",
  "flexVolume",
  "configMap",
  "azureFile",
  "vsphereVolume",
  "photonPersistentDisk",
  "portworxVolume",
  "azureDisk",
  "storageos",
  "projected",
  "scaleIO",
  "csi",
  "ephemeral",
  "image"
];
var PROPAGATIONS = ["Bidirectional", "HostToContainer", "None"];
var RECURSIVE_READ_ONLY = ["Disabled", "IfPossible", "Enabled"];
function validatePodSpecRules(podSpec, options = {}) {
  const out = [];
  if (!isObject(podSpec)) return out;
  const add = (rule, path, message) => out.push({ rule, path, message, source: RULES.get(rule).source });
  const mountable = new Set(options.extraVolumeNames ?? []);
  const names = /* @__PURE__ */ new Set();
  listOf(podSpec.volumes).forEach((vol, i) => {
    if (!isObject(vol)) return;
    const before = out.length;
    const name = typeof vol.name === "string" ? vol.name : "";
    const at = ["volumes", i];
    if (name === "") add("volume-name-required", [...at, "name"], "a volume needs a name");
    else for (const why of dns1123LabelProblems(name)) add("volume-name-format", [...at, "name"], `volume name "${name}": ${why}`);
    if (names.has(name)) add("volume-name-unique", [...at, "name"], `volume name "${name}" is already used by another volume of the pod`);
    const sources = VOLUME_SOURCES.filter((k) => vol[k] !== void 0 && vol[k] !== null);
    for (const extra of sources.slice(1)) add("volume-source-multiple", [...at, extra], `volume "${name}" has more than one source (${sources.join(", ")})`);
    const sizeLimit = isObject(vol.emptyDir) ? vol.emptyDir.sizeLimit : void 0;
    if (sizeLimit !== void 0 && sizeLimit !== null) {
      const q = quantitySign(sizeLimit);
      if (q === void 0)
        add("empty-dir-size-limit", [...at, "emptyDir", "sizeLimit"], `emptyDir.sizeLimit ${JSON.stringify(sizeLimit)} is not a resource quantity`);
      else if (q < 0) add("empty-dir-size-limit", [...at, "emptyDir", "sizeLimit"], `emptyDir.sizeLimit ${JSON.stringify(sizeLimit)} is negative`);
    }
    if (out.length === before) {
      names.add(name);
      mountable.add(name);
    }
  });
  const containerNames = (type) => listOf(podSpec[type]).map((c) => isObject(c) && typeof c.name === "string" ? c.name : "");
  const regular = /* @__PURE__ */ new Set();
  const others = new Set(containerNames("containers"));
  for (const type of ["containers", "initContainers", "ephemeralContainers"]) {
    if (type === "ephemeralContainers") for (const n of containerNames("initContainers")) others.add(n);
    listOf(podSpec[type]).forEach((c, i) => {
      if (!isObject(c)) return;
      const at = [type, i];
      const name = typeof c.name === "string" ? c.name : "";
      if (name === "") add("container-name-required", [...at, "name"], "a container needs a name");
      else for (const why of dns1123LabelProblems(name)) add("container-name-format", [...at, "name"], `container name "${name}": ${why}`);
      const seen = type === "containers" ? regular : others;
      if (seen.has(name)) add("container-name-unique", [...at, "name"], `container name "${name}" is already used by another container of the pod`);
      else if (type !== "initContainers" || name !== "") seen.add(name);
      checkContainer(c, type, at, mountable, add);
    });
  }
  return out;
}
function checkContainer(c, type, at, mountable, add) {
  const sc = isObject(c.securityContext) ? c.securityContext : void 0;
  const privileged = sc?.privileged === true;
  const mountPaths = /* @__PURE__ */ new Set();
  listOf(c.volumeMounts).forEach((m, j) => {
    if (!isObject(m)) return;
    const mp = [...at, "volumeMounts", j];
    const name = typeof m.name === "string" ? m.name : "";
    if (!mountable.has(name))
      add("mount-volume-exists", [...mp, "name"], `volumeMount names volume "${name}", which the pod does not define (or defines invalidly)`);
    const mountPath = typeof m.mountPath === "string" ? m.mountPath : "";
    if (mountPaths.has(mountPath)) add("mount-path-unique", [...mp, "mountPath"], `mountPath "${mountPath}" is mounted more than once in the container`);
    mountPaths.add(mountPath);
    const subPath = typeof m.subPath === "string" ? m.subPath : "";
    const subPathExpr = typeof m.subPathExpr === "string" ? m.subPathExpr : "";
    for (const [key, value] of [
      ["subPath", subPath],
      ["subPathExpr", subPathExpr]
    ]) {
      if (value === "") continue;
      if (value.startsWith("/")) add("sub-path-relative", [...mp, key], `${key} "${value}" must be a relative path`);
      if (value.split("/").includes("..")) add("sub-path-relative", [...mp, key], `${key} "${value}" must not contain '..'`);
      if (type === "ephemeralContainers") add("ephemeral-no-sub-path", [...mp, key], `${key} cannot be set for an ephemeral container`);
    }
    if (subPath !== "" && subPathExpr !== "") add("sub-path-exclusive", [...mp, "subPathExpr"], "subPathExpr and subPath are mutually exclusive");
    const propagation = m.mountPropagation;
    if (typeof propagation === "string") {
      if (!PROPAGATIONS.includes(propagation))
        add("mount-propagation-value", [...mp, "mountPropagation"], `mountPropagation "${propagation}" is not one of ${PROPAGATIONS.join(", ")}`);
      if (propagation === "Bidirectional" && !privileged) {
        add(
          "bidirectional-requires-privileged",
          [...mp, "mountPropagation"],
          "Bidirectional mount propagation is available only to privileged containers (securityContext.privileged: true)"
        );
      }
    }
    const rro = m.recursiveReadOnly;
    if (typeof rro === "string") {
      if (!RECURSIVE_READ_ONLY.includes(rro))
        add("recursive-read-only-value", [...mp, "recursiveReadOnly"], `recursiveReadOnly "${rro}" is not one of ${RECURSIVE_READ_ONLY.join(", ")}`);
      else if (rro !== "Disabled") {
        if (m.readOnly !== true)
          add("recursive-read-only-requires-read-only", [...mp, "recursiveReadOnly"], `recursiveReadOnly: ${rro} may only be specified when readOnly is true`);
        if (typeof propagation === "string" && propagation !== "None") {
          add(
            "recursive-read-only-requires-no-propagation",
            [...mp, "recursiveReadOnly"],
            `recursiveReadOnly: ${rro} may only be specified when mountPropagation is None or not specified`
          );
        }
      }
    }
  });
  if (sc?.allowPrivilegeEscalation === false) {
    const scPath = [...at, "securityContext"];
    if (privileged) add("ape-false-privileged", [...scPath, "allowPrivilegeEscalation"], "cannot set allowPrivilegeEscalation to false and privileged to true");
    const caps = isObject(sc.capabilities) ? sc.capabilities : void 0;
    listOf(caps?.add).forEach((cap, k) => {
      if (cap === "CAP_SYS_ADMIN")
        add(
          "ape-false-cap-sys-admin",
          [...scPath, "capabilities", "add", k],
          "cannot set allowPrivilegeEscalation to false and add the capability CAP_SYS_ADMIN"
        );
    });
  }
}
function validateObjectRules(object) {
  if (!isObject(object) || typeof object.apiVersion !== "string" || typeof object.kind !== "string") return [];
  const kind = workloadKindOf({ apiVersion: object.apiVersion, kind: object.kind });
  if (!kind) return [];
  let podSpec = object;
  for (const k of kind.podSpecPath) podSpec = isObject(podSpec) ? podSpec[k] : void 0;
  if (!isObject(podSpec)) return [];
  const spec = isObject(object.spec) ? object.spec : void 0;
  const extraVolumeNames = kind.kind === "StatefulSet" ? listOf(spec?.volumeClaimTemplates).flatMap((t) => isObject(t) && isObject(t.metadata) && typeof t.metadata.name === "string" ? [t.metadata.name] : []) : [];
  return validatePodSpecRules(podSpec, { extraVolumeNames }).map((v) => ({ ...v, path: [...kind.podSpecPath, ...v.path] }));
}
function validateDocumentRules(data) {
  if (isObject(data) && Array.isArray(data.items)) {
    return data.items.flatMap((item, i) => validateObjectRules(item).map((v) => ({ ...v, path: ["items", i, ...v.path] })));
  }
  return validateObjectRules(data);
}
function introducedApiViolations(before, after) {
  const had = new Set(validateDocumentRules(before).map(violationKey));
  return validateDocumentRules(after).filter((v) => !had.has(violationKey(v)));
}
function violationKey(v) {
  return `${v.rule}\0${JSON.stringify(v.path)}`;
}
function apiPathText(path) {
  return path.map((k, i) => typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`).join("") || "(root)";
}
function dns1123LabelProblems(value) {
  const out = [];
  if (value.length > 63) out.push("must be no more than 63 characters");
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(value)) {
    out.push("must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character");
  }
  return out;
}
function quantitySign(value) {
  if (typeof value === "number") return Number.isFinite(value) ? Math.sign(value) : void 0;
  if (typeof value !== "string") return void 0;
  const m = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/.exec(value);
  if (!m) return void 0;
  if (!/[1-9]/.test(m[2])) return 0;
  return m[1] === "-" ? -1 : 1;
}
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function listOf(v) {
  return Array.isArray(v) ? v : [];
}

export {
  SEVERITY_RANK,
  builtinDocsUrl,
  BUILTIN_POLICY_IDS,
  definePolicy,
  formatMessage,
  annotationExemptions,
  baseExemptionsOf,
  refusalsOf,
  isAtBase,
  describeRefusals,
  exemptionCovers,
  findSuppression,
  fingerprintOf,
  FILE_NOT_SCANNED_ID,
  NOT_SCANNED_MESSAGES,
  NOT_SCANNED_DEFAULTS,
  notScannedOptions,
  timeBudgetMs,
  budgetSeconds,
  notScannedFinding,
  fileStart,
  API_RULES,
  validateObjectRules,
  introducedApiViolations,
  apiPathText
};
