/** The engine: the policy API, running policies over files, verified fixes. */
export * from './policy.js';
export * from './types.js';
export { run } from './run.js';
export { analyse, fileSkipReason, hasTemplateSyntax, fingerprintOf, type EngineOptions, type Analysis } from './analyse.js';
export { computeFixes } from './fixes.js';
export { FILE_NOT_SCANNED_ID, NOT_SCANNED_DEFAULTS, NOT_SCANNED_MESSAGES, notScannedFinding, type NotScannedOptions } from './not-scanned.js';
export { editDistance, isLikelyTypo } from './edit-distance.js';
export { baseExemptionsInText } from './base-exemptions.js';
