import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  resolveInside
} from "./chunk-SFQXZAG2.js";
import {
  DEFAULT_CONFIG_PATH
} from "./chunk-GCJCDDRW.js";

// src/settings/load.ts
import { readdirSync, readFileSync } from "node:fs";
async function loadRunSettings(files, configPath) {
  const [{ builtinPolicies }, { DEFAULT_EXEMPTION_GOVERNANCE, engineSettings, formatConfigProblem, loadConfig }] = await Promise.all([
    import("./chunk-RF23VY7O.js"),
    import("./chunk-D4ZIMS33.js").then(async (config2) => ({ ...config2, ...await import("./chunk-XK3I25JP.js") }))
  ]);
  const filesRead = /* @__PURE__ */ new Set();
  const read = (p) => {
    const text = files.read(p);
    if (text !== void 0) filesRead.add(p);
    return text;
  };
  const problems = [];
  const loaded = loadConfig(configPath ?? DEFAULT_CONFIG_PATH, read, { required: configPath !== void 0 });
  for (const p of loaded.problems) problems.push(formatConfigProblem(p));
  const config = loaded.config;
  const recipe = { customFolders: [] };
  if (!config)
    return {
      policies: [...builtinPolicies],
      engine: { exemptionGovernance: { ...DEFAULT_EXEMPTION_GOVERNANCE } },
      include: void 0,
      exclude: void 0,
      helmCharts: [],
      filesRead: [...filesRead],
      recipe,
      problems
    };
  const policies = [...builtinPolicies];
  const loadCustomPolicies = config.customPolicies.length > 0 ? (await import("./chunk-2G25W2BZ.js")).loadCustomPolicies : void 0;
  for (const folder of config.customPolicies) {
    const snapshot = { folder, entries: {}, files: {} };
    recipe.customFolders.push(snapshot);
    const list = (f) => {
      const names = files.list(f);
      snapshot.entries[f] = names ?? null;
      return names;
    };
    const readPolicyFile = (p) => {
      const text = read(p);
      snapshot.files[p] = text ?? null;
      return text;
    };
    const custom = loadCustomPolicies(folder, list, readPolicyFile, policies);
    policies.push(...custom.policies);
    for (const p of custom.problems) problems.push(`${p.file}: ${p.message}`);
  }
  const settings = engineSettings(config, policies, loaded.origins);
  for (const p of settings.problems) problems.push(formatConfigProblem(p));
  return {
    policies,
    engine: {
      severity: settings.severity,
      options: settings.options,
      exemptions: config.exemptions,
      exemptionGovernance: config.exemptionGovernance ?? { ...DEFAULT_EXEMPTION_GOVERNANCE },
      knownPolicyIds: policies.map((p) => p.id),
      ...config.fixes ? { applyFixes: { guesses: config.fixes.includeGuesses, behaviour: config.fixes.applyBehaviourChanges } } : {}
    },
    include: config.include,
    exclude: config.exclude,
    helmCharts: config.render?.helm.charts ?? [],
    filesRead: [...filesRead],
    recipe,
    problems
  };
}
function diskFiles(root) {
  const inside = (p) => resolveInside(root, p);
  return {
    read(p) {
      const abs = inside(p);
      if (!abs) return void 0;
      try {
        return readFileSync(abs, "utf8");
      } catch {
        return void 0;
      }
    },
    list(folder) {
      const abs = inside(folder);
      if (!abs) return void 0;
      try {
        return readdirSync(abs).sort();
      } catch {
        return void 0;
      }
    }
  };
}

export {
  loadRunSettings,
  diskFiles
};
