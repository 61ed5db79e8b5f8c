import { extractManifests, toWorkload } from '../k8s/index.js';
import { parseYaml } from '../yaml/index.js';
import { baseExemptionsOf } from './exemptions.js';
import { fileSkipReason } from './analyse.js';
import type { BaseExemption } from './types.js';

/**
 * The exemption annotations in one file's text as it is at the base commit (every object of
 * every document, on its metadata and its pod template), for `exemptions.annotations: base-only`.
 * A file the engine would skip (binary, larger than `maxBytes`, a Helm template) or that does not
 * parse yields what could be read — possibly [] — so its exemptions count as requested. Never throws.
 */
export function baseExemptionsInText(text: string, maxBytes = 5 * 1024 * 1024): BaseExemption[] {
  if (fileSkipReason(text, maxBytes)) return [];
  try {
    const { manifests } = extractManifests(parseYaml(text));
    return manifests.flatMap((m) => baseExemptionsOf(m, toWorkload(m)));
  } catch {
    return [];
  }
}
