import type { SourceFile } from './engine/index.js';
import { registryEnvironment, inspectImages, type ImageConfigResult, type InspectImagesOptions } from './registry/index.js';
import { accessForRun, containerImages } from './resolve-digests.js';

/** Options of {@link inspectManifestImages}: the client's and the platform's, and the allow-list as the user wrote it. */
export interface ImageInspectionOptions extends InspectImagesOptions {
  /**
   * Entries of the registry allow-list (syntax: src/registry/allow-list.ts). Empty or absent:
   * the default public registries. Ignored when `access` is given.
   */
  registries?: readonly string[];
  /** How the user names that setting in messages (`input registries`, `--registries`). */
  setting?: string;
  /** Files larger than this many bytes are skipped, as the engine skips them (default 5 MiB). */
  maxFileSizeBytes?: number;
}

/** What {@link inspectManifestImages} found. */
export interface ImageInspection {
  /** Each image of the manifests, as written (in order of first appearance), to its config facts or `{ error }`. */
  results: Map<string, ImageConfigResult>;
  /** What was wrong with the registry settings of the environment (KUBE_IMMUTABLE_REGISTRY_AUTH…); those values are ignored. */
  problems: string[];
}

/**
 * Read the image config (volumes, user, working directory, environment, entrypoint, command,
 * labels) of every valid image of every container of the workloads in `files` — pinned or
 * not — from its registry, at most `opts.concurrency` (default 4) at a time, each image once
 * (and once per `opts.cache`). Only registries on the allow-list (`opts.registries`, or
 * `opts.access`) are asked: an image elsewhere is `{ error }` without any request. Credentials
 * and insecure registries come from `env` (see src/registry/credentials.ts); the platform read
 * from an index is `linux/<opts.architecture>` (default amd64), else its first linux image.
 * Throws an Error (naming the setting and each bad entry) when `opts.registries` or
 * KUBE_IMMUTABLE_INSECURE_REGISTRIES has a bad entry; registry failures never throw.
 */
export async function inspectManifestImages(
  files: readonly SourceFile[],
  env: Readonly<Record<string, string | undefined>>,
  opts: ImageInspectionOptions = {},
): Promise<ImageInspection> {
  const registryEnv = registryEnvironment(env);
  const access = opts.access ?? accessForRun(opts.registries, env, opts.setting ?? 'the registries setting');
  const { registries: _registries, setting: _setting, maxFileSizeBytes, ...clientOpts } = opts;
  const images = containerImages(files, maxFileSizeBytes);
  const results =
    images.length === 0 ? new Map<string, ImageConfigResult>() : await inspectImages(images, { credentials: registryEnv.credentials, ...clientOpts, access });
  return { results, problems: registryEnv.problems };
}
