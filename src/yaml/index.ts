/**
 * The YAML layer: the only code that imports the `yaml` library. Parse with source ranges,
 * node views, fix operations rendered to minimal text edits, applying and verifying edits.
 */
export * from './types.js';
export {
  parseYaml,
  fastReaderStatus,
  nestsDeeperThan,
  DEFAULT_MAX_ALIAS_COUNT,
  DEFAULT_MAX_NESTING_DEPTH,
  type ParsedDocument,
  type ParsedFile,
  type ParseYamlOptions,
} from './parse.js';
export { YNode, type YNodeKind, type PathKey } from './node.js';
export { type FileStyle } from './style.js';
/** @internal It takes the `yaml` library's documents (not in the published types). */
export { detectStyle } from './style.js';
export { renderFixOps, type FixOp, type RenderFixOptions, type RenderResult } from './fix-ops.js';
export { applyEdits, expectedData, sameData, verifyEdits, OverlappingEditsError, type VerifyResult } from './apply.js';
