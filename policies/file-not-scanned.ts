import { definePolicy, NOT_SCANNED_DEFAULTS, NOT_SCANNED_MESSAGES } from '../src/api/policy.js';

/**
 * Nothing is skipped silently: a file the scan cannot read — larger than the size limit, binary,
 * not UTF-8, not YAML and a Helm/Go template — or reads only in part — documents or flow items
 * past the limits, checks left when the file's time budget ran out — is a finding at line 1 (or
 * where reading stopped). The engine reports these itself (src/engine/not-scanned.ts), since the
 * file's other checks never run; this module carries the check's metadata, messages and options.
 */
export default definePolicy({
  id: 'file-not-scanned',
  meta: {
    description: 'Every changed file is scanned whole: files too large, binary, not UTF-8, unparseable templates, or past the limits are reported.',
    category: 'validity',
    defaultSeverity: 'error',
    fixable: false,
    messages: { ...NOT_SCANNED_MESSAGES },
    remediation:
      'kubectl would apply the file all the same: make it a manifest the scan can read (UTF-8 YAML or JSON, under the size limit, templates rendered), split very large files, or raise the limits in the configuration.',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        timeBudgetSeconds: { type: 'number', exclusiveMinimum: 0 },
        maxDocuments: { type: 'integer', minimum: 1 },
        maxFlowItems: { type: 'integer', minimum: 1 },
      },
    },
    defaultOptions: { ...NOT_SCANNED_DEFAULTS },
  },
  // The engine reports this check's findings (before and around the other policies).
  check() {},
});
