import { fileSkipReason, type EngineOptions, type SourceFile } from './engine/index.js';
import { extractManifests, parseImageReference, toWorkload } from './k8s/index.js';
import { registryEnvironment, resolveDigests, type ResolveDigestsOptions } from './registry/index.js';
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
  const images = new Set<string>();
  for (const f of files) {
    if (fileSkipReason(f.text, maxFileSizeBytes)) continue;
    for (const m of extractManifests(parseYaml(f.text)).manifests) {
      for (const c of toWorkload(m)?.containers ?? []) {
        if (c.image === undefined) continue;
        const ref = parseImageReference(c.image);
        if (ref.problem || ref.pinned) continue;
        if (opts.tagged === false && ref.tag !== undefined && ref.tag !== 'latest') continue;
        images.add(c.image);
      }
    }
  }
  return [...images];
}

/** The engine options with resolved digests, and one line per image that could not be resolved. */
export interface DigestResolution {
  engine: EngineOptions;
  resolved: number;
  failures: string[];
}

/**
 * Look up the digests of the unpinned images of `files` in their registries and add them to the
 * `image-digest` options of `engine` (`resolvedDigests`, `resolutionErrors`), merged over the
 * options the configuration gives. Registry credentials and insecure registries come from
 * `env` (see src/registry/credentials.ts). Nothing is looked up when the policy is off, and
 * tag-only images are not when its option `tagWithoutDigest` is `off`.
 * This is the only path from a run to the network; runs without it make no request.
 */
export async function resolveImageDigests(
  files: readonly SourceFile[],
  engine: EngineOptions,
  env: Readonly<Record<string, string | undefined>>,
  opts: ResolveDigestsOptions = {},
): Promise<DigestResolution> {
  if (engine.severity?.[IMAGE_DIGEST_POLICY_ID] === 'off') return { engine, resolved: 0, failures: [] };
  // Tag-only images are not reported with tagWithoutDigest: off, so they need no lookup.
  const tagged = engine.options?.[IMAGE_DIGEST_POLICY_ID]?.tagWithoutDigest !== 'off';
  const images = unpinnedImages(files, engine.maxFileSizeBytes, { tagged });
  const registryEnv = registryEnvironment(env);
  const failures = [...registryEnv.problems];
  if (images.length === 0) return { engine, resolved: 0, failures };
  const results = await resolveDigests(images, {
    credentials: registryEnv.credentials,
    insecureRegistries: registryEnv.insecureRegistries,
    ...opts,
  });
  const resolvedDigests: Record<string, string> = {};
  const resolutionErrors: Record<string, string> = {};
  for (const [image, r] of results) {
    if ('digest' in r) resolvedDigests[image] = r.digest;
    else {
      resolutionErrors[image] = r.error;
      failures.push(`cannot resolve the digest of ${image}: ${r.error}`);
    }
  }
  const own = engine.options?.[IMAGE_DIGEST_POLICY_ID] ?? {};
  return {
    engine: { ...engine, options: { ...engine.options, [IMAGE_DIGEST_POLICY_ID]: { ...own, resolvedDigests, resolutionErrors } } },
    resolved: Object.keys(resolvedDigests).length,
    failures,
  };
}
