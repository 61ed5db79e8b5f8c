import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  require_ajv
} from "./chunk-22JQICQG.js";
import {
  isLikelyTypo,
  parseYaml
} from "./chunk-XGP3YI6V.js";
import {
  Minimatch
} from "./chunk-FSFUDRU3.js";
import {
  __toESM
} from "./chunk-EAZCXRIZ.js";

// src/engine/config.ts
import { posix } from "node:path";

// src/engine/presets.ts
var PRESETS = Object.freeze({
  recommended: {
    description: "each policy at its default severity (the policy's meta.defaultSeverity)",
    severity: (policy) => policy.meta.defaultSeverity
  },
  strict: {
    description: "every policy is an error",
    severity: () => "error"
  },
  immutability: {
    description: "the immutability policies (and the validity checks), at their default severity; the hardening ones are off",
    severity: (policy) => policy.meta.category === "hardening" ? "off" : policy.meta.defaultSeverity
  }
});
var DEFAULT_PRESET = "recommended";
function isPresetName(name) {
  return typeof name === "string" && Object.prototype.hasOwnProperty.call(PRESETS, name);
}
function presetSeverities(preset, policies) {
  if (!isPresetName(preset)) {
    throw new TypeError(`presetSeverities: unknown preset ${JSON.stringify(preset)} (presets: ${Object.keys(PRESETS).join(", ")})`);
  }
  const out = {};
  for (const policy of policies) out[policy.id] = PRESETS[preset].severity(policy);
  return out;
}

// src/engine/config-problems.ts
var import_ajv = __toESM(require_ajv(), 1);
var DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function newAjv(strict) {
  const ajv = new import_ajv.Ajv({ allErrors: true, verbose: true, strict, allowUnionTypes: true });
  ajv.addKeyword({ keyword: "x-message", schemaType: "string" });
  ajv.addKeyword({
    keyword: "x-calendar-date",
    type: "string",
    schemaType: "boolean",
    errors: false,
    // Only real calendar dates; a string of another shape is left to `pattern`.
    validate: (enabled, data) => !enabled || !DATE.test(data) || isCalendarDate(data)
  });
  return ajv;
}
function isCalendarDate(s) {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = /* @__PURE__ */ new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
var locOf = (file, node, key = false) => {
  const { line, column } = (key ? node.keyRange : node.range).start;
  return { file, line, column };
};
function sourceLoc(source) {
  const m = /^(.*):(\d+)$/.exec(source);
  return m ? { file: m[1], line: Number(m[2]), column: 1 } : { file: source, line: 0, column: 0 };
}
function formatKey(path) {
  return path.reduce((out, k) => typeof k === "number" ? `${out}[${k}]` : out ? `${out}.${k}` : k, "");
}
function pointerSegments(pointer) {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}
function errorToProblem(err, file, node, prefix, fallback) {
  const message = describeError(err);
  if (message === void 0) return void 0;
  const path = [...prefix];
  let cur = node;
  for (const s of pointerSegments(err.instancePath)) {
    const k = cur?.kind === "seq" && /^\d+$/.test(s) ? Number(s) : s;
    path.push(k);
    cur = cur && (typeof k === "number" ? cur.items()[k] : cur.get(k));
  }
  let at = cur ? locOf(file, cur) : fallback;
  if (err.keyword === "additionalProperties") {
    const extra = String(err.params.additionalProperty);
    path.push(extra);
    const child = cur?.get(extra);
    if (child) at = locOf(file, child, true);
  } else if (err.keyword === "required") {
    path.push(String(err.params.missingProperty));
  } else if (cur && cur.offsets[0] === cur.offsets[1]) {
    at = locOf(file, cur, true);
  }
  return { file, line: at.line, column: at.column, key: formatKey(path), message };
}
var TYPE_NAMES = {
  string: "a string",
  array: "a list",
  object: "a map",
  number: "a number",
  integer: "an integer",
  boolean: "true or false",
  null: "empty"
};
function describeValue(v) {
  if (v === null || v === void 0) return "an empty value";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a map";
  if (typeof v === "string") return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v)}`;
  if (typeof v === "number") return `the number ${v}`;
  return String(v);
}
function didYouMean(value, candidates) {
  const hit = candidates.find((c) => isLikelyTypo(value, c, 2));
  return hit ? ` (did you mean "${hit}"?)` : "";
}
function describeError(err) {
  const parent = err.parentSchema ?? {};
  const custom = typeof parent["x-message"] === "string" ? parent["x-message"] : void 0;
  switch (err.keyword) {
    case "if":
      return void 0;
    case "additionalProperties": {
      const extra = String(err.params.additionalProperty);
      const props = parent.properties && typeof parent.properties === "object" ? Object.keys(parent.properties) : [];
      return `unknown key "${extra}"${didYouMean(extra, props)}${props.length ? `; allowed keys: ${props.join(", ")}` : ""}`;
    }
    case "required": {
      const missing = String(err.params.missingProperty);
      return `missing required key "${missing}"${REQUIRED_HINTS[missing] ? `: ${REQUIRED_HINTS[missing]}` : ""}`;
    }
    case "type": {
      const types = Array.isArray(err.params.type) ? err.params.type : String(err.params.type).split(",");
      return `must be ${types.map((t) => TYPE_NAMES[t] ?? t).join(" or ")}, got ${describeValue(err.data)}`;
    }
    case "enum": {
      const allowed = err.params.allowedValues.map(String);
      const hint = typeof err.data === "string" ? didYouMean(err.data, allowed) : "";
      return `must be one of ${allowed.join(", ")}; got ${describeValue(err.data)}${hint}`;
    }
    case "x-calendar-date":
      return `${JSON.stringify(err.data)} is not a calendar date (YYYY-MM-DD)`;
    case "pattern":
    case "minLength":
    case "maxLength":
    case "minItems":
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
    case "multipleOf":
    case "format":
    case "const":
      return custom ? `${custom}; got ${describeValue(err.data)}` : `${err.message ?? "is invalid"}; got ${describeValue(err.data)}`;
    default:
      return custom ?? err.message ?? `is invalid (${err.keyword})`;
  }
}
function errorsToProblems(errors, map) {
  const typed = new Set(errors.filter((e) => e.keyword === "type").map((e) => e.instancePath));
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const e of errors) {
    if (e.keyword !== "type" && typed.has(e.instancePath)) continue;
    const p = map(e);
    const id = p && JSON.stringify([p.line, p.column, p.key, p.message]);
    if (!p || seen.has(id)) continue;
    seen.add(id);
    out.push(p);
  }
  return out;
}
function formatConfigProblem(p) {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
  return `${where}: ${p.key ? `${p.key}: ` : ""}${p.message}`;
}
var REQUIRED_HINTS = {
  reason: "every exemption must say why it is needed",
  policy: 'a policy id, or "*" for every policy'
};
var settingOrigins = /* @__PURE__ */ new WeakMap();
var exemptionOrigins = /* @__PURE__ */ new WeakMap();
var presetOrigins = /* @__PURE__ */ new WeakMap();

// src/engine/config-settings.ts
var optionsAjv;
var optionValidators = /* @__PURE__ */ new WeakMap();
function optionsValidator(policy) {
  const schema = policy.meta.optionsSchema;
  if (!schema) return void 0;
  let v = optionValidators.get(schema);
  if (!v) {
    optionsAjv ??= newAjv(false);
    try {
      v = optionsAjv.compile(schema);
    } catch (err) {
      v = err instanceof Error ? err : new Error(String(err));
    }
    optionValidators.set(schema, v);
  }
  return v;
}
function engineSettings(config, policies) {
  const problems = [];
  const known = new Map(policies.map((p) => [p.id, p]));
  const ids = [...known.keys()];
  const at = (loc, key, message) => problems.push({ file: loc.file, line: loc.line, column: loc.column, key, message });
  const lastFile = config.files[config.files.length - 1] ?? DEFAULT_CONFIG_PATH;
  let severity;
  if (isPresetName(config.preset)) severity = presetSeverities(config.preset, policies);
  else {
    at(presetOrigins.get(config) ?? { file: lastFile, line: 0, column: 0 }, "preset", `unknown preset ${JSON.stringify(config.preset)}; presets: ${Object.keys(PRESETS).join(", ")}`);
    severity = presetSeverities(DEFAULT_PRESET, policies);
  }
  const options = {};
  const unknownPolicy = (id) => `unknown policy "${id}"${didYouMean(id, ids)}; known policies: ${ids.join(", ") || "(none)"}`;
  for (const [id, setting] of Object.entries(config.policySettings)) {
    const origin = settingOrigins.get(setting);
    const keyLocs = origin?.keys.length ? origin.keys : [sourceLoc(setting.source)];
    const lastKey = keyLocs[keyLocs.length - 1];
    const policy = known.get(id);
    if (!policy) {
      for (const loc of keyLocs) at(loc, `policies.${id}`, unknownPolicy(id));
      continue;
    }
    if (setting.severity !== void 0) {
      if (SEVERITY_VALUES.includes(setting.severity)) severity[id] = setting.severity;
      else at(origin?.severity ?? lastKey, `policies.${id}.severity`, `must be one of ${SEVERITY_VALUES.join(", ")}; got ${describeValue(setting.severity)}`);
    }
    if (setting.options === void 0) continue;
    const merged = { ...policy.meta.defaultOptions ?? {}, ...setting.options };
    const base = ["policies", id, "options"];
    const found = checkOptions(policy, setting.options, merged, origin, lastKey, base);
    problems.push(...found);
    if (found.length === 0) options[id] = merged;
  }
  for (const e of config.exemptions) {
    if (e.policy === "*" || known.has(e.policy)) continue;
    const origin = exemptionOrigins.get(e);
    at(origin ?? sourceLoc(e.source), origin?.key ?? "exemptions.policy", unknownPolicy(e.policy));
  }
  const order = (file) => (config.files.indexOf(file) + config.files.length + 1) % (config.files.length + 1);
  problems.sort((a, b) => order(a.file) - order(b.file) || a.line - b.line || a.column - b.column);
  return { severity, options, problems };
}
function checkOptions(policy, given, merged, origin, fallback, base) {
  const validate = optionsValidator(policy);
  const keyLoc = (k) => {
    const o = origin?.optionKeys.get(k);
    return o ? locOf(o.file, o.node, true) : fallback;
  };
  if (validate === void 0) {
    const allowed = Object.keys(policy.meta.defaultOptions ?? {});
    return Object.keys(given).filter((k) => !allowed.includes(k)).map((k) => ({
      ...keyLoc(k),
      key: formatKey([...base, k]),
      message: `policy "${policy.id}" has no option "${k}"${allowed.length ? `${didYouMean(k, allowed)}; options: ${allowed.join(", ")}` : " (it takes no options)"}`
    }));
  }
  if (validate instanceof Error) {
    const loc = origin?.options ? locOf(origin.options.file, origin.options.node) : fallback;
    return [{ ...loc, key: formatKey(base), message: `policy "${policy.id}" declares an invalid options schema: ${validate.message}` }];
  }
  if (validate(merged)) return [];
  return errorsToProblems(validate.errors ?? [], (err) => {
    const [first, ...rest] = pointerSegments(err.instancePath);
    if (first === void 0 && err.keyword === "additionalProperties") {
      const extra = String(err.params.additionalProperty);
      const message = describeError(err);
      return { ...keyLoc(extra), key: formatKey([...base, extra]), message };
    }
    const own = first !== void 0 ? origin?.optionKeys.get(first) : void 0;
    if (own) {
      const sub = { ...err, instancePath: rest.map((s) => `/${s.replace(/~/g, "~0").replace(/\//g, "~1")}`).join("") };
      return errorToProblem(sub, own.file, own.node, [...base, first], fallback);
    }
    if (origin?.options && first === void 0) return errorToProblem(err, origin.options.file, origin.options.node, base, fallback);
    return errorToProblem(err, fallback.file, void 0, base, fallback);
  });
}

// src/engine/config.ts
var DEFAULT_CONFIG_PATH = ".github/kube-immutable.yaml";
var ID_PATTERN = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$";
var SEVERITY_VALUES = ["error", "warning", "info", "off"];
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
    exemptions: {
      type: "array",
      items: {
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
  return v;
}
var isRecord = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function resolvePath(from, ref) {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) return { error: `"${ref}" is a URL; only paths inside the repository are supported` };
  if (ref.startsWith("/") || /^[A-Za-z]:[\\/]/.test(ref)) return { error: `"${ref}" is an absolute path; give a path relative to ${from ?? "the repository root"}` };
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
    st.problems.push({ file, line: at.line, column: at.column, key: "", message: `a configuration file holds one YAML document; found ${parsed.documents.length}` });
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
  const config = {
    files: layers.map((l) => l.file),
    preset: DEFAULT_PRESET,
    include: void 0,
    exclude: void 0,
    policySettings: {},
    customPolicies: [],
    exemptions: []
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
      if (root?.get("preset")) presetOrigins.set(config, locOf(file, root.get("preset")));
    }
    if (data.include !== void 0) config.include = globs("include");
    if (data.exclude !== void 0) config.exclude = globs("exclude");
    if (isRecord(data.policies)) mergePolicies(config, file, data.policies, root?.get("policies"));
    for (const { value, node, key } of stringsOf(root, data.customPolicies, "customPolicies")) {
      const r = resolvePath(file, value);
      if ("error" in r) problem(node, key, r.error);
      else if (!config.customPolicies.includes(r.path)) config.customPolicies.push(r.path);
    }
    const items = root?.get("exemptions")?.items() ?? [];
    if (Array.isArray(data.exemptions)) {
      data.exemptions.forEach((raw, i) => {
        const exemption = toExemption(file, raw, items[i], `exemptions[${i}]`, problem);
        if (exemption) config.exemptions.push(exemption);
      });
    }
  }
  return config;
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
function mergePolicies(config, file, policies, node) {
  for (const [id, value] of Object.entries(policies)) {
    const keyNode = node?.get(id);
    let setting = Object.hasOwn(config.policySettings, id) ? config.policySettings[id] : void 0;
    if (!setting) {
      setting = { source: "" };
      Object.defineProperty(config.policySettings, id, { value: setting, enumerable: true, writable: true, configurable: true });
    }
    let origin = settingOrigins.get(setting);
    if (!origin) settingOrigins.set(setting, origin = { keys: [], optionKeys: /* @__PURE__ */ new Map() });
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
  if (policyNode) exemptionOrigins.set(exemption, { ...locOf(file, policyNode), key: `${key}.policy` });
  return exemption;
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
  if ("error" in resolved) return { config: void 0, problems: [{ file: path, line: 0, column: 0, key: "", message: `configuration file ${resolved.error}` }] };
  const file = resolved.path;
  const text = safeRead(file);
  if (text === void 0) {
    if (!options.required) return { config: merge([], st), problems: [] };
    return { config: void 0, problems: [{ file, line: 0, column: 0, key: "", message: `configuration file "${file}" not found` }] };
  }
  loadFile(file, text, [], st);
  const config = merge(st.layers, st);
  const order = [...new Set(st.problems.map((p) => p.file))];
  const problems = st.problems.map((p, i) => ({ p, i })).sort((a, b) => order.indexOf(a.p.file) - order.indexOf(b.p.file) || a.p.line - b.p.line || a.p.column - b.p.column || a.i - b.i).map(({ p }) => p);
  return problems.length > 0 ? { config: void 0, problems } : { config, problems: [] };
}
export {
  CONFIG_SCHEMA,
  DEFAULT_CONFIG_PATH,
  SEVERITY_VALUES,
  engineSettings,
  formatConfigProblem,
  isCalendarDate,
  loadConfig
};
