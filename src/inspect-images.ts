import type { EngineOptions, SourceFile } from './engine/index.js';
import type { InspectedImageConfig } from './k8s/index.js';
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

/** The engine options with inspected image configs (`engine.images.configs`), and one line per image that could not be read. */
export interface ConfigInspection {
  engine: EngineOptions;
  /** How many images' configs were read. */
  inspected: number;
  failures: string[];
}

/**
 * Read the config of every container image of `files` from its registry
 * ({@link inspectManifestImages}: allow-list, credentials and insecure registries as there) and
 * add them to the image facts of `engine` (`engine.images.configs`, `engine.images.configErrors`,
 * which the policies read as `context.images`; other facts given are kept): the read-only fix
 * then knows images built on a known one, the declared VOLUMEs and the image's user. One failure
 * line per image whose config could not be read (and per bad registry setting of `env`); the
 * run goes on. Throws an Error (naming the setting and each bad entry) for a bad `opts.registries`
 * entry or KUBE_IMMUTABLE_INSECURE_REGISTRIES host; registry failures never throw.
 */
export async function inspectImageConfigs(
  files: readonly SourceFile[],
  engine: EngineOptions,
  env: Readonly<Record<string, string | undefined>>,
  opts: ImageInspectionOptions = {},
): Promise<ConfigInspection> {
  const { results, problems } = await inspectManifestImages(files, env, { maxFileSizeBytes: engine.maxFileSizeBytes, ...opts });
  const configs = new Map<string, InspectedImageConfig>();
  const configErrors = new Map<string, string>();
  const failures = [...problems];
  for (const [image, r] of results) {
    if ('error' in r) {
      configErrors.set(image, r.error);
      failures.push(`cannot read the image config of ${image}: ${r.error}`);
      continue;
    }
    configs.set(image, { volumes: r.volumes, user: r.user, workingDir: r.workingDir, env: r.env, labels: r.labels, configDigest: r.configDigest });
  }
  return { engine: { ...engine, images: { ...engine.images, configs, configErrors } }, inspected: configs.size, failures };
}
