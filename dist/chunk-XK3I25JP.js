import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  DEFAULT_PRESET,
  PRESETS,
  SEVERITY_VALUES,
  describeError,
  describeValue,
  didYouMean,
  errorToProblem,
  errorsToProblems,
  formatKey,
  isPresetName,
  locOf,
  newAjv,
  pointerSegments,
  presetSeverities,
  sourceLoc
} from "./chunk-BDGX46SE.js";
import "./chunk-23UJLTM7.js";
import {
  DEFAULT_CONFIG_PATH
} from "./chunk-GCJCDDRW.js";
import "./chunk-EAZCXRIZ.js";

// src/settings/config-settings.ts
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
function engineSettings(config, policies, origins) {
  const problems = [];
  const known = new Map(policies.map((p) => [p.id, p]));
  const ids = [...known.keys()];
  const at = (loc, key, message) => problems.push({ file: loc.file, line: loc.line, column: loc.column, key, message });
  const lastFile = config.files[config.files.length - 1] ?? DEFAULT_CONFIG_PATH;
  let severity;
  if (isPresetName(config.preset)) severity = presetSeverities(config.preset, policies);
  else {
    at(
      origins?.preset ?? { file: lastFile, line: 0, column: 0 },
      "preset",
      `unknown preset ${JSON.stringify(config.preset)}; presets: ${Object.keys(PRESETS).join(", ")}`
    );
    severity = presetSeverities(DEFAULT_PRESET, policies);
  }
  const options = {};
  const unknownPolicy = (id) => `unknown policy "${id}"${didYouMean(id, ids)}; known policies: ${ids.join(", ") || "(none)"}`;
  for (const [id, setting] of Object.entries(config.policySettings)) {
    const origin = origins?.settings.get(id);
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
  for (const [i, e] of config.exemptions.entries()) {
    if (e.policy === "*" || known.has(e.policy)) continue;
    const origin = origins?.exemptions[i];
    at(origin ?? sourceLoc(e.source), origin?.key ?? "exemptions.policy", unknownPolicy(e.policy));
  }
  const allowed = config.exemptionGovernance?.policies ?? [];
  const allowedOrigins = origins?.governancePolicies;
  for (const id of allowed) {
    if (known.has(id)) continue;
    const origin = allowedOrigins?.get(id);
    at(origin ?? { file: lastFile, line: 0, column: 0 }, origin?.key ?? "exemptions.policies", unknownPolicy(id));
  }
  const behaviour = config.fixes?.applyBehaviourChanges;
  if (Array.isArray(behaviour)) {
    for (const id of behaviour) {
      if (known.has(id)) continue;
      const origin = origins?.behaviourChanges?.get(id);
      at(origin ?? { file: lastFile, line: 0, column: 0 }, origin?.key ?? "fixes.applyBehaviourChanges", unknownPolicy(id));
    }
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
function optionsProblems(policy, given) {
  const merged = { ...policy.meta.defaultOptions ?? {}, ...given };
  return checkOptions(policy, given, merged, void 0, { file: "", line: 0, column: 0 }, ["options"]).map(
    (p) => p.key ? `${p.key}: ${p.message}` : p.message
  );
}
export {
  engineSettings,
  optionsProblems
};
