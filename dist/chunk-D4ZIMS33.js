import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  DATE,
  DEFAULT_EXEMPTION_GOVERNANCE,
  DEFAULT_PRESET,
  PRESETS,
  SEVERITY_VALUES,
  errorToProblem,
  errorsToProblems,
  formatConfigProblem,
  isCalendarDate,
  isPresetName,
  locOf,
  newAjv,
  noOrigins
} from "./chunk-BDGX46SE.js";
import {
  parseYaml
} from "./chunk-P3YRBRJ7.js";
import "./chunk-23UJLTM7.js";
import {
  Minimatch
} from "./chunk-FSFUDRU3.js";
import {
  HELM_PROFILE_RULES
} from "./chunk-GCJCDDRW.js";
import "./chunk-EAZCXRIZ.js";

// src/settings/config.ts
import { posix } from "node:path";
var ID_PATTERN = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$";
var stringOrList = (what) => ({
  type: ["string", "array"],
  minLength: 1,
  minItems: 1,
  items: { type: "string", minLength: 1, "x-message": `must be a non-empty ${what}` },
  "x-message": `must be a non-empty ${what} or a list of them`
});
var nonEmptyString = { type: "string", minLength: 1, "x-message": "must not be empty" };
var CONFIG_SCHEMA = {
  title: "kube-immutable configuration",
  type: "object",
  additionalProperties: false,
  properties: {
    extends: stringOrList("path"),
    preset: { type: "string", enum: Object.keys(PRESETS) },
    include: stringOrList("glob"),
    exclude: stringOrList("glob"),
    policies: {
      type: "object",
      additionalProperties: {
        type: ["string", "object"],
        if: { type: "string" },
        then: { enum: SEVERITY_VALUES },
        else: {
          additionalProperties: false,
          properties: { severity: { type: "string", enum: SEVERITY_VALUES }, options: { type: "object" } }
        }
      }
    },
    customPolicies: stringOrList("path"),
    fixes: {
      type: "object",
      additionalProperties: false,
      properties: {
        includeGuesses: { type: "boolean" },
        applyBehaviourChanges: {
          type: ["array", "string"],
          "x-message": "must be a list of policy ids, or all",
          if: { type: "string" },
          then: { const: "all", "x-message": "must be a list of policy ids, or all" },
          else: { items: { type: "string", pattern: ID_PATTERN, "x-message": "must be a policy id (kebab-case)" } }
        }
      }
    },
    render: {
      type: "object",
      additionalProperties: false,
      properties: {
        helm: {
          type: "object",
          additionalProperties: false,
          properties: { charts: { type: "array", items: { $ref: "#/$defs/helmChart" } } }
        }
      }
    },
    exemptions: {
      type: ["array", "object"],
      "x-message": "must be a list of exemptions, or a map of exemption settings (annotations, policies, requireExpiry, maxDays, rules)",
      if: { type: "array" },
      then: { items: { $ref: "#/$defs/exemption" } },
      else: {
        additionalProperties: false,
        "x-unknown-key-hint": "exemptions themselves go in a list: under rules:, or as the list exemptions: [- policy: ...]",
        properties: {
          annotations: { type: "string", enum: ["allowed", "disabled", "base-only"] },
          policies: {
            type: "array",
            minItems: 1,
            items: { type: "string", pattern: ID_PATTERN, "x-message": "must be a policy id (kebab-case)" },
            "x-message": "must list at least one policy id (to allow none, set annotations: disabled)"
          },
          requireExpiry: { type: "boolean" },
          maxDays: {
            type: ["integer", "boolean"],
            if: { type: "boolean" },
            then: { const: false, "x-message": "must be a number of days, or false for no limit" },
            else: { minimum: 1, "x-message": "must be at least 1 day (false: no limit)" }
          },
          rules: { type: "array", items: { $ref: "#/$defs/exemption" } }
        }
      }
    }
  },
  $defs: {
    helmChart: {
      type: "object",
      additionalProperties: false,
      required: ["path", "profiles"],
      properties: {
        path: { ...nonEmptyString, "x-message": "must be the chart folder (repository-relative)" },
        profiles: { type: "array", minItems: 1, items: { $ref: "#/$defs/helmProfile" }, "x-message": "must list at least one profile" }
      }
    },
    helmProfile: {
      type: "object",
      additionalProperties: false,
      required: ["name"],
      properties: {
        name: {
          type: "string",
          pattern: HELM_PROFILE_RULES.profileName,
          "x-message": 'must be 1 to 63 letters, digits, ".", "_" or "-", starting and ending with a letter or digit'
        },
        valuesFiles: { type: "array", items: { ...nonEmptyString, "x-message": "must be a values file (repository-relative)" } },
        releaseName: {
          type: "string",
          pattern: HELM_PROFILE_RULES.releaseName,
          maxLength: HELM_PROFILE_RULES.releaseNameMaxLength,
          "x-message": `must be a lowercase DNS-1123 name of at most ${HELM_PROFILE_RULES.releaseNameMaxLength} characters (Helm's rule for release names)`
        },
        namespace: {
          type: "string",
          pattern: HELM_PROFILE_RULES.namespace,
          maxLength: HELM_PROFILE_RULES.namespaceMaxLength,
          "x-message": 'must be a DNS-1123 label (lowercase letters, digits and "-", at most 63)'
        },
        kubeVersion: { type: "string", pattern: HELM_PROFILE_RULES.kubeVersion, "x-message": "must be a Kubernetes version like 1.31.0 or v1.31" },
        apiVersions: {
          type: "array",
          items: {
            type: "string",
            pattern: HELM_PROFILE_RULES.apiVersion,
            maxLength: HELM_PROFILE_RULES.apiVersionMaxLength,
            "x-message": "must be group/version or group/version/Kind (apps/v1, monitoring.coreos.com/v1/ServiceMonitor)"
          }
        },
        includeCrds: { type: "boolean" },
        skipTests: { type: "boolean" }
      }
    },
    exemption: {
      type: "object",
      additionalProperties: false,
      required: ["policy", "reason"],
      properties: {
        policy: { type: "string", pattern: `${ID_PATTERN.slice(0, -1)}|^\\*$`, "x-message": 'must be a policy id (kebab-case) or "*"' },
        files: { type: "array", minItems: 1, items: nonEmptyString, "x-message": "must list at least one glob" },
        kind: nonEmptyString,
        name: nonEmptyString,
        namespace: nonEmptyString,
        containers: { type: "array", minItems: 1, items: nonEmptyString, "x-message": "must list at least one container name" },
        reason: { type: "string", pattern: "\\S", "x-message": "must say why the exemption is needed (it is empty)" },
        expires: { type: "string", pattern: DATE.source, "x-calendar-date": true, "x-message": "must be a date YYYY-MM-DD" }
      }
    }
  }
};
var configValidator;
function toData(node, text, path) {
  if (node.kind === "map") {
    const out = {};
    for (const [k, child] of node.entries()) {
      Object.defineProperty(out, k, { value: toData(child, text, [...path, k]), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  if (node.kind === "seq") return node.items().map((child, i) => toData(child, text, [...path, i]));
  if (node.kind !== "scalar") return null;
  const v = node.value;
  const source = () => text.slice(node.offsets[0], node.offsets[1]);
  if (v instanceof Date) return source();
  const severityPath = path[0] === "policies" && (path.length === 2 || path.length === 3 && path[2] === "severity");
  if (typeof v === "boolean" && severityPath && node.scalarType === "PLAIN") return source();
  if ((typeof v === "number" || typeof v === "boolean") && node.scalarType === "PLAIN" && path[0] === "render" && RENDER_TEXT_KEYS.has(String([...path].reverse().find((k) => typeof k === "string"))))
    return source();
  return v;
}
var RENDER_TEXT_KEYS = /* @__PURE__ */ new Set(["path", "name", "valuesFiles", "releaseName", "namespace", "kubeVersion", "apiVersions"]);
var isRecord = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function resolvePath(from, ref) {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) return { error: `"${ref}" is a URL; only paths inside the repository are supported` };
  if (ref.startsWith("/") || /^[A-Za-z]:[\\/]/.test(ref))
    return { error: `"${ref}" is an absolute path; give a path relative to ${from ?? "the repository root"}` };
  if (ref.includes("\\")) return { error: `"${ref}" contains "\\"; separate folders with "/"` };
  const path = posix.normalize(from === void 0 ? ref : posix.join(posix.dirname(from), ref)).replace(/\/+$/, "") || ".";
  if (path === ".." || path.startsWith("../")) return { error: `"${ref}" resolves to "${path}", outside the repository` };
  return { path };
}
function stringsOf(root, value, key) {
  const node = root?.get(key);
  if (typeof value === "string") return [{ value, node, key }];
  if (!Array.isArray(value)) return [];
  const items = node?.items() ?? [];
  return value.flatMap((v, i) => typeof v === "string" && v !== "" ? [{ value: v, node: items[i], key: `${key}[${i}]` }] : []);
}
function loadFile(file, text, chain, st) {
  st.started.add(file);
  const parsed = parseYaml(text);
  const errors = parsed.problems.filter((p) => p.severity === "error");
  for (const p of errors) st.problems.push({ file, line: p.line, column: p.column, key: "", message: `YAML syntax error: ${p.message}` });
  if (errors.length > 0) return;
  if (parsed.documents.length > 1) {
    const at = parsed.position(parsed.documents[1].span[0]);
    st.problems.push({
      file,
      line: at.line,
      column: at.column,
      key: "",
      message: `a configuration file holds one YAML document; found ${parsed.documents.length}`
    });
  }
  const root = parsed.documents[0]?.root;
  const data = root ? toData(root, text, []) : {};
  configValidator ??= newAjv(true).compile(CONFIG_SCHEMA);
  if (!configValidator(data)) {
    const fallback = { file, line: 1, column: 1 };
    st.problems.push(...errorsToProblems(configValidator.errors ?? [], (e) => errorToProblem(e, file, root, [], fallback)));
  }
  if (!isRecord(data)) return;
  for (const ref of stringsOf(root, data.extends, "extends")) {
    const at = ref.node ? locOf(file, ref.node) : { file, line: 1, column: 1 };
    const problem = (message) => st.problems.push({ ...at, key: ref.key, message });
    const target = resolvePath(file, ref.value);
    if ("error" in target) {
      problem(target.error);
      continue;
    }
    const path = target.path;
    if (path === file || chain.includes(path)) {
      problem(`extends cycle: ${[...chain, file, path].join(" \u2192 ")}`);
      continue;
    }
    if (st.started.has(path)) continue;
    const baseText = st.read(path);
    if (baseText === void 0) {
      problem(`extended file "${path}" not found`);
      continue;
    }
    loadFile(path, baseText, [...chain, file], st);
  }
  st.layers.push({ file, data, root });
}
function merge(layers, st) {
  const origins = noOrigins();
  const config = {
    files: layers.map((l) => l.file),
    preset: DEFAULT_PRESET,
    include: void 0,
    exclude: void 0,
    policySettings: {},
    customPolicies: [],
    exemptions: [],
    exemptionGovernance: { ...DEFAULT_EXEMPTION_GOVERNANCE }
  };
  for (const { file, data, root } of layers) {
    const problem = (node, key, message) => {
      const at = node ? locOf(file, node) : { file, line: 1, column: 1 };
      st.problems.push({ ...at, key, message });
    };
    const globs = (key) => stringsOf(root, data[key], key).map(({ value, node, key: at }) => {
      checkGlob(value, (m) => problem(node, at, m));
      return value.replace(/^(\.\/)+/, "");
    });
    if (isPresetName(data.preset)) {
      config.preset = data.preset;
      const presetNode = root?.get("preset");
      if (presetNode) origins.preset = locOf(file, presetNode);
    }
    if (data.include !== void 0) config.include = globs("include");
    if (data.exclude !== void 0) config.exclude = globs("exclude");
    if (isRecord(data.policies)) mergePolicies(config, origins, file, data.policies, root?.get("policies"));
    for (const { value, node, key } of stringsOf(root, data.customPolicies, "customPolicies")) {
      const r = resolvePath(file, value);
      if ("error" in r) problem(node, key, r.error);
      else if (!config.customPolicies.includes(r.path)) config.customPolicies.push(r.path);
    }
    if (isRecord(data.fixes)) {
      const f = config.fixes ??= { includeGuesses: false, applyBehaviourChanges: [] };
      if (typeof data.fixes.includeGuesses === "boolean") f.includeGuesses = data.fixes.includeGuesses;
      const b = data.fixes.applyBehaviourChanges;
      if (b === "all") f.applyBehaviourChanges = "all";
      else if (Array.isArray(b)) {
        f.applyBehaviourChanges = b.filter((x) => typeof x === "string");
        const items2 = root?.get("fixes")?.get("applyBehaviourChanges")?.items() ?? [];
        const at = /* @__PURE__ */ new Map();
        b.forEach((id, i) => {
          if (typeof id === "string" && !at.has(id))
            at.set(id, { ...items2[i] ? locOf(file, items2[i]) : { file, line: 1, column: 1 }, key: `fixes.applyBehaviourChanges[${i}]` });
        });
        origins.behaviourChanges = at;
      }
    }
    const exemptionsNode = root?.get("exemptions");
    const asMap = isRecord(data.exemptions) ? data.exemptions : void 0;
    if (asMap) mergeGovernance(config, origins, file, asMap, exemptionsNode);
    const rules = Array.isArray(data.exemptions) ? data.exemptions : asMap && Array.isArray(asMap.rules) ? asMap.rules : [];
    const items = (asMap ? exemptionsNode?.get("rules") : exemptionsNode)?.items() ?? [];
    const prefix = asMap ? "exemptions.rules" : "exemptions";
    rules.forEach((raw, i) => {
      const read = toExemption(file, raw, items[i], `${prefix}[${i}]`, problem);
      if (!read) return;
      origins.exemptions[config.exemptions.length] = read.origin;
      config.exemptions.push(read.exemption);
    });
    if (isRecord(data.render)) mergeRender(config, file, data.render, root?.get("render"), problem);
  }
  return { config, origins };
}
function renderPath(value, what) {
  if (value.split("/").includes("..")) return { error: `"${value}" has a ".." segment; give the path from the repository root` };
  const r = resolvePath(void 0, value);
  if ("error" in r) return r;
  if (what === "file" && r.path === ".") return { error: `"${value}" is not a file` };
  return r;
}
function mergeRender(config, file, render, node, problem) {
  const charts = (config.render ??= { helm: { charts: [] } }).helm.charts;
  const helm = isRecord(render.helm) ? render.helm : void 0;
  if (!helm || !Array.isArray(helm.charts)) return;
  const chartNodes = node?.get("helm")?.get("charts")?.items() ?? [];
  const here = /* @__PURE__ */ new Set();
  helm.charts.forEach((raw, i) => {
    const chartNode = chartNodes[i];
    const key = `render.helm.charts[${i}]`;
    if (!isRecord(raw) || typeof raw.path !== "string" || raw.path === "" || !Array.isArray(raw.profiles)) return;
    const dir = renderPath(raw.path, "folder");
    if ("error" in dir) {
      problem(chartNode?.get("path"), `${key}.path`, dir.error);
      return;
    }
    if (here.has(dir.path)) {
      problem(chartNode?.get("path"), `${key}.path`, `chart "${dir.path}" is listed twice; give all its profiles in one entry`);
      return;
    }
    here.add(dir.path);
    const profileNodes = chartNode?.get("profiles")?.items() ?? [];
    const names = /* @__PURE__ */ new Set();
    const profiles = [];
    raw.profiles.forEach((p, j) => {
      const pNode = profileNodes[j];
      const pKey = `${key}.profiles[${j}]`;
      if (!isRecord(p) || typeof p.name !== "string") return;
      if (names.has(p.name)) problem(pNode?.get("name"), `${pKey}.name`, `profile "${p.name}" is named twice in chart "${dir.path}"`);
      names.add(p.name);
      const profile = { name: p.name, source: `${file}:${pNode ? pNode.range.start.line : 1}` };
      if (Array.isArray(p.valuesFiles)) {
        const items = pNode?.get("valuesFiles")?.items() ?? [];
        profile.valuesFiles = [];
        p.valuesFiles.forEach((v, k) => {
          if (typeof v !== "string" || v === "") return;
          const r = renderPath(v, "file");
          if ("error" in r) problem(items[k], `${pKey}.valuesFiles[${k}]`, r.error);
          else profile.valuesFiles.push(r.path);
        });
      }
      for (const k of ["releaseName", "namespace", "kubeVersion"]) if (typeof p[k] === "string") profile[k] = p[k];
      if (Array.isArray(p.apiVersions)) profile.apiVersions = p.apiVersions.filter((a) => typeof a === "string");
      for (const k of ["includeCrds", "skipTests"]) if (typeof p[k] === "boolean") profile[k] = p[k];
      profiles.push(profile);
    });
    const entry = { path: dir.path, profiles, source: `${file}:${chartNode ? chartNode.range.start.line : 1}` };
    const earlier = charts.findIndex((c) => c.path === dir.path);
    if (earlier >= 0) charts[earlier] = entry;
    else charts.push(entry);
  });
}
function mergeGovernance(config, origins, file, settings, node) {
  const g = config.exemptionGovernance ??= { ...DEFAULT_EXEMPTION_GOVERNANCE };
  if (settings.annotations === "allowed" || settings.annotations === "disabled" || settings.annotations === "base-only") g.annotations = settings.annotations;
  if (typeof settings.requireExpiry === "boolean") g.requireExpiry = settings.requireExpiry;
  if (settings.maxDays === false) delete g.maxDays;
  else if (typeof settings.maxDays === "number" && Number.isInteger(settings.maxDays) && settings.maxDays >= 1) g.maxDays = settings.maxDays;
  if (Array.isArray(settings.policies) && settings.policies.length > 0 && settings.policies.every((p) => typeof p === "string")) {
    g.policies = [...new Set(settings.policies)];
    const items = node?.get("policies")?.items() ?? [];
    const at = /* @__PURE__ */ new Map();
    settings.policies.forEach((id, i) => {
      if (!at.has(id)) at.set(id, { ...items[i] ? locOf(file, items[i]) : { file, line: 1, column: 1 }, key: `exemptions.policies[${i}]` });
    });
    origins.governancePolicies = at;
  }
}
function checkGlob(glob, report) {
  if (glob.startsWith("/")) report(`glob "${glob}" starts with "/"; globs are relative to the repository root`);
  else {
    try {
      new Minimatch(glob);
    } catch (err) {
      report(`"${glob.slice(0, 40)}" is not a valid glob: ${err.message}`);
    }
  }
}
function mergePolicies(config, origins, file, policies, node) {
  for (const [id, value] of Object.entries(policies)) {
    const keyNode = node?.get(id);
    let setting = Object.hasOwn(config.policySettings, id) ? config.policySettings[id] : void 0;
    if (!setting) {
      setting = { source: "" };
      Object.defineProperty(config.policySettings, id, { value: setting, enumerable: true, writable: true, configurable: true });
    }
    let origin = origins.settings.get(id);
    if (!origin) origins.settings.set(id, origin = { keys: [], optionKeys: /* @__PURE__ */ new Map() });
    const keyLoc = keyNode ? locOf(file, keyNode, true) : { file, line: 1, column: 1 };
    origin.keys.push(keyLoc);
    setting.source = `${file}:${keyLoc.line}`;
    const severityNode = typeof value === "string" ? keyNode : keyNode?.get("severity");
    const severity = typeof value === "string" ? value : isRecord(value) ? value.severity : void 0;
    if (typeof severity === "string" && SEVERITY_VALUES.includes(severity)) {
      setting.severity = severity;
      origin.severity = severityNode ? locOf(file, severityNode) : keyLoc;
    }
    const options = isRecord(value) ? value.options : void 0;
    const optionsNode = keyNode?.get("options");
    if (isRecord(options)) {
      setting.options = { ...setting.options, ...options };
      if (optionsNode) {
        origin.options = { file, node: optionsNode };
        for (const k of Object.keys(options)) {
          const n = optionsNode.get(k);
          if (n) origin.optionKeys.set(k, { file, node: n });
        }
      }
    }
  }
}
function toExemption(file, raw, node, key, problem) {
  if (!isRecord(raw) || typeof raw.policy !== "string" || typeof raw.reason !== "string" || !/\S/.test(raw.reason)) return void 0;
  const strings = (v) => Array.isArray(v) && v.every((x) => typeof x === "string") ? v : void 0;
  const source = `${file}:${node ? node.range.start.line : 1}`;
  const exemption = { policy: raw.policy, reason: raw.reason, source };
  const files = strings(raw.files);
  if (files) {
    const items = node?.get("files")?.items() ?? [];
    files.forEach((g, i) => checkGlob(g, (m) => problem(items[i], `${key}.files[${i}]`, m)));
    exemption.files = files.map((g) => g.replace(/^(\.\/)+/, ""));
  }
  for (const k of ["kind", "name", "namespace"]) if (typeof raw[k] === "string") exemption[k] = raw[k];
  const containers = strings(raw.containers);
  if (containers) exemption.containers = containers;
  if (typeof raw.expires === "string") exemption.expires = raw.expires;
  const policyNode = node?.get("policy");
  if (exemption.policy === "*" && !files && !exemption.kind && !exemption.name && !exemption.namespace && !containers) {
    problem(policyNode, `${key}.policy`, '"*" without a scope would exempt every policy everywhere; add files, kind, name, namespace or containers');
  }
  return { exemption, origin: policyNode ? { ...locOf(file, policyNode), key: `${key}.policy` } : void 0 };
}
function loadConfig(path, read, options = {}) {
  const safeRead = (p) => {
    try {
      return read(p);
    } catch {
      return void 0;
    }
  };
  const st = { read: safeRead, problems: [], layers: [], started: /* @__PURE__ */ new Set() };
  const resolved = resolvePath(void 0, path);
  if ("error" in resolved)
    return { config: void 0, origins: void 0, problems: [{ file: path, line: 0, column: 0, key: "", message: `configuration file ${resolved.error}` }] };
  const file = resolved.path;
  const text = safeRead(file);
  if (text === void 0) {
    if (!options.required) return { ...merge([], st), problems: [] };
    return { config: void 0, origins: void 0, problems: [{ file, line: 0, column: 0, key: "", message: `configuration file "${file}" not found` }] };
  }
  loadFile(file, text, [], st);
  const merged = merge(st.layers, st);
  const order = [...new Set(st.problems.map((p) => p.file))];
  const problems = st.problems.map((p, i) => ({ p, i })).sort((a, b) => order.indexOf(a.p.file) - order.indexOf(b.p.file) || a.p.line - b.p.line || a.p.column - b.p.column || a.i - b.i).map(({ p }) => p);
  return problems.length > 0 ? { config: void 0, origins: void 0, problems } : { ...merged, problems: [] };
}
export {
  CONFIG_SCHEMA,
  DEFAULT_EXEMPTION_GOVERNANCE,
  SEVERITY_VALUES,
  formatConfigProblem,
  isCalendarDate,
  loadConfig
};
