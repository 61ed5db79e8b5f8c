import { fileSkipReason, type EngineOptions, type SourceFile } from './engine/index.js';
import { extractManifests, parseImageReference, toWorkload, type ImageReference } from './k8s/index.js';
import { registryAccess, registryEnvironment, resolveDigests, type RegistryAccess, type ResolveDigestsOptions } from './registry/index.js';
import { parseYaml } from './yaml/index.js';

/** The id of the policy that reads resolved digests (policies/image-digest.ts). */
export const IMAGE_DIGEST_POLICY_ID = 'image-digest';

/**
 * The image references of every container (init, regular, ephemeral) of every workload in
 * `files` that are valid and not yet pinned by digest, as written, each once, in order.
 * Files the engine does not read (too large, binary) are skipped here too. With
 * `tagged: false`, images with a tag other than `latest` are left out.
 */
export function unpinnedImages(files: readonly SourceFile[], maxFileSizeBytes = 5 * 1024 * 1024, opts: { tagged?: boolean } = {}): string[] {
  return containerImages(files, maxFileSizeBytes, (ref) => !ref.pinned && !(opts.tagged === false && ref.tag !== undefined && ref.tag !== 'latest'));
}

/**
 * The valid image references of every container (init, regular, ephemeral) of every workload
 * in `files` that `keep` accepts (default: all), as written, each once, in order. Files the
 * engine does not read (larger than `maxFileSizeBytes`, binary) are skipped.
 */
export function containerImages(
  files: readonly SourceFile[],
  maxFileSizeBytes = 5 * 1024 * 1024,
  keep: (ref: ImageReference) => boolean = () => true,
): string[] {
  const images = new Set<string>();
  for (const f of files) {
    if (fileSkipReason(f.text, maxFileSizeBytes)) continue;
    for (const m of extractManifests(parseYaml(f.text)).manifests) {
      for (const c of toWorkload(m)?.containers ?? []) {
        if (c.image === undefined) continue;
        const ref = parseImageReference(c.image);
        if (ref.problem || !keep(ref)) continue;
        images.add(c.image);
      }
    }
  }
  return [...images];
}

/** The engine options with resolved digests (`engine.images`), and one line per image that could not be resolved. */
export interface DigestResolution {
  engine: EngineOptions;
  resolved: number;
  failures: string[];
}

/** Options of {@link resolveImageDigests}: the client's, and the allow-list as the user wrote it. */
export interface ImageDigestOptions extends ResolveDigestsOptions {
  /**
   * Entries of the registry allow-list (the action input `registries`, the CLI's `--registries`;
   * syntax: src/registry/allow-list.ts). Empty or absent: the default public registries.
   */
  registries?: readonly string[];
  /** How the user names that setting in messages (`input registries`, `--registries`). */
  setting?: string;
}

/**
 * The registry access of a run: the allow-list `registries` (default: the public registries of
 * DEFAULT_REGISTRIES) plus the insecure registries of `env` (KUBE_IMMUTABLE_INSECURE_REGISTRIES:
 * set by whoever runs the tool — the workflow's `env:`, never a manifest). Throws an Error
 * naming each bad entry and where it comes from (`setting` or the variable).
 */
export function accessForRun(registries: readonly string[] | undefined, env: Readonly<Record<string, string | undefined>>, setting: string): RegistryAccess {
  return registryAccess({ registries, insecureRegistries: registryEnvironment(env).insecureRegistries, setting });
}

/**
 * Look up the digests of the unpinned images of `files` in their registries and add them to the
 * image facts of `engine` (`engine.images.digests`, `engine.images.digestErrors`, which the
 * policies read as `context.images`; other facts given are kept). Only registries on the allow-list (`opts.registries`) are
 * asked; an image elsewhere is a failure line ("registry X is not on the allow-list") and keeps
 * its finding without a fix. Registry credentials and insecure registries come from `env` (see
 * src/registry/credentials.ts). Nothing is looked up when the policy is off, and tag-only
 * images are not when its option `tagWithoutDigest` is `off`. Throws an Error (naming the
 * setting and each bad entry) when `opts.registries` or KUBE_IMMUTABLE_INSECURE_REGISTRIES has a
 * bad entry (unless the policy is off); registry failures never throw.
 * This is the only path from a run to the network; runs without it make no request.
 */
export async function resolveImageDigests(
  files: readonly SourceFile[],
  engine: EngineOptions,
  env: Readonly<Record<string, string | undefined>>,
  opts: ImageDigestOptions = {},
): Promise<DigestResolution> {
  if (engine.severity?.[IMAGE_DIGEST_POLICY_ID] === 'off') return { engine, resolved: 0, failures: [] };
  // Tag-only images are not reported with tagWithoutDigest: off, so they need no lookup.
  const tagged = engine.options?.[IMAGE_DIGEST_POLICY_ID]?.tagWithoutDigest !== 'off';
  const images = unpinnedImages(files, engine.maxFileSizeBytes, { tagged });
  const registryEnv = registryEnvironment(env);
  const failures = [...registryEnv.problems];
  // A bad allow-list is the configuration's error, not a registry's: it throws, images or not.
  const access = opts.access ?? accessForRun(opts.registries, env, opts.setting ?? 'the registries setting');
  if (images.length === 0) return { engine, resolved: 0, failures };
  const { registries: _registries, setting: _setting, ...clientOpts } = opts;
  const results = await resolveDigests(images, { credentials: registryEnv.credentials, ...clientOpts, access });
  const digests = new Map<string, string>();
  const digestErrors = new Map<string, string>();
  for (const [image, r] of results) {
    if ('digest' in r) digests.set(image, r.digest);
    else {
      digestErrors.set(image, r.error);
      failures.push(`cannot resolve the digest of ${image}: ${r.error}`);
    }
  }
  return { engine: { ...engine, images: { ...engine.images, digests, digestErrors } }, resolved: digests.size, failures };
}
