/** The Kubernetes layer: manifests, workload kinds, container views, images and volumes. */
export * from './manifest.js';
export * from './workload.js';
export * from './image.js';
export * from './writable-paths.js';
export * from './volumes.js';
export type { YNode, PathKey, JsonValue, SourceRange, Position } from '../yaml/index.js';
export * from './file-names.js';
