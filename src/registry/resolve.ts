import { registryAccess, registryRefusal, type RegistryAccess } from './allow-list.js';
import { resolveManifestDigest, type DigestResult, type RegistryClientOptions } from './client.js';
import { registryTarget, type RegistryTarget } from './reference.js';

/** Digests resolved so far, by `scheme://host/repository:reference`, shared between runs. */
export type DigestCache = Map<string, Promise<DigestResult>>;

/** A new, empty {@link DigestCache}. */
export function createDigestCache(): DigestCache {
  return new Map();
}

/** Options of {@link resolveDigests}. */
export interface ResolveDigestsOptions extends RegistryClientOptions {
  /** At most this many registry lookups at a time (default 4). */
  concurrency?: number;
  /** Results of earlier lookups; images naming the same manifest are looked up once. */
  cache?: DigestCache;
}

/**
 * Resolve the manifest digest of each image reference (`nginx:1.27`, `ghcr.io/acme/app:1.2`,
 * `127.0.0.1:5000/app`): the result maps each reference as given to `{ digest }` or `{ error }`.
 * References naming the same manifest (`nginx` and `docker.io/library/nginx:latest`) are
 * looked up once. An image whose registry is not on the allow-list (`opts.access`, default
 * the default allow-list) is `{ error }` without any request. Never throws.
 */
export async function resolveDigests(images: readonly string[], opts: ResolveDigestsOptions = {}): Promise<Map<string, DigestResult>> {
  const access = opts.access ?? registryAccess({ insecureRegistries: opts.insecureRegistries });
  const clientOpts: RegistryClientOptions = { ...opts, access, tokens: opts.tokens ?? new Map() };
  return lookUpEach(images, { access, concurrency: opts.concurrency, cache: opts.cache ?? createDigestCache() }, (target) =>
    resolveManifestDigest(target, clientOpts),
  );
}

/** How {@link lookUpEach} runs. */
export interface LookUpEachOptions<R> {
  /** Which registries may be asked (images elsewhere are `{ error }`, no request made). */
  access: RegistryAccess;
  /** At most this many lookups at a time (default 4). */
  concurrency?: number;
  /** Lookups by `scheme://host/repository:reference` (plus `keySuffix`), shared between calls. */
  cache: Map<string, Promise<R>>;
  /** Appended to each cache key (what else than the reference the result depends on). */
  keySuffix?: string;
}

/**
 * Run `lookup` for each image reference, each manifest once however it is written (`nginx`
 * and `docker.io/library/nginx:latest`), at most `concurrency` at a time. The result maps each
 * reference as given to what `lookup` gave; an invalid reference or a registry not on the
 * allow-list is `{ error }` without any request. Never throws when `lookup` does not.
 */
export async function lookUpEach<R>(
  images: readonly string[],
  opts: LookUpEachOptions<R>,
  lookup: (target: RegistryTarget) => Promise<R>,
): Promise<Map<string, R | { error: string }>> {
  const { access, cache } = opts;
  const insecure = [...access.insecure];
  const unique = [...new Set(images)];
  const out = new Map<string, R | { error: string }>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < unique.length) {
      const image = unique[next++]!;
      const target = registryTarget(image, insecure);
      if ('error' in target) {
        out.set(image, { error: target.error });
        continue;
      }
      const refused = registryRefusal(access, target.host);
      if (refused) {
        out.set(image, { error: refused });
        continue;
      }
      const key = `${target.scheme}://${target.host}/${target.repository}:${target.reference}${opts.keySuffix ?? ''}`;
      let pending = cache.get(key);
      if (!pending) {
        pending = lookup(target);
        cache.set(key, pending);
      }
      out.set(image, await pending);
    }
  };
  const n = Math.max(1, Math.min(opts.concurrency ?? 4, unique.length));
  await Promise.all(Array.from({ length: n }, worker));
  return new Map(images.map((i) => [i, out.get(i)!]));
}
