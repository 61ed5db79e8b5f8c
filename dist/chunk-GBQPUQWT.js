import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  fileSkipReason
} from "./chunk-BWIBLJZ3.js";
import {
  baseExemptionsOf
} from "./chunk-WWHR42BP.js";
import {
  extractManifests,
  toWorkload
} from "./chunk-XJ4RNHDL.js";
import {
  parseYaml
} from "./chunk-P3YRBRJ7.js";

// src/engine/types.ts
function confidenceOfKinds(kinds) {
  if (kinds?.includes("guess")) return "guess";
  if (kinds?.includes("behaviour")) return "behaviour change";
  return "known fact";
}
function fixGroupLabel(group) {
  const names = group.containers.map((c) => `"${c}"`).join(", ");
  if (group.containers.length > 1) return `containers ${names} of ${group.object}`;
  if (group.containers.length === 1) return `container ${names} of ${group.object}`;
  return group.object;
}

// src/engine/base-exemptions.ts
function baseExemptionsInText(text, maxBytes = 5 * 1024 * 1024) {
  if (fileSkipReason(text, maxBytes)) return [];
  try {
    const { manifests } = extractManifests(parseYaml(text));
    return manifests.flatMap((m) => baseExemptionsOf(m, toWorkload(m)));
  } catch {
    return [];
  }
}

export {
  confidenceOfKinds,
  fixGroupLabel,
  baseExemptionsInText
};
