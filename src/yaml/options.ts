/**
 * Parse options shared by every parse of the YAML layer. YAML 1.1 matches what `kubectl`
 * (sigs.k8s.io/yaml on go-yaml v2) accepts: merge keys, `yes`/`no` booleans, `0777` octals.
 */
export const PARSE_OPTIONS = {
  version: '1.1' as const,
  merge: true,
  prettyErrors: false,
  uniqueKeys: true,
  keepSourceTokens: false,
};
