/**
 * Container image references, parsed by the grammar of the OCI distribution reference
 * (github.com/distribution/reference): `[registry[:port]/]repository[:tag][@digest]`.
 */
export interface ImageReference {
  /** The text as written. */
  raw: string;
  /** Registry host (with port) when written, e.g. `registry:5000`, `ghcr.io`; undefined for Docker Hub shorthand. */
  registry: string | undefined;
  /** Repository path without registry, e.g. `library/nginx` is normalised to `nginx`. */
  repository: string;
  /** Tag when written (`registry:5000/app` has none: the `:5000` is a port). */
  tag: string | undefined;
  /** Digest when written, e.g. `sha256:<64 hex>`. */
  digest: string | undefined;
  /** True when the reference carries a valid `sha256:` (64 hex) or `sha512:` (128 hex) digest. */
  pinned: boolean;
  /**
   * The Docker Hub official image name (`nginx` for `nginx`, `docker.io/library/nginx:1.27`,
   * `mirror.gcr.io/library/nginx`, `public.ecr.aws/docker/library/nginx`), else undefined.
   */
  officialName: string | undefined;
}

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);
const LIBRARY_MIRRORS = ['mirror.gcr.io/library/', 'public.ecr.aws/docker/library/'];

/** Parse an image reference. Never throws: odd text yields its best reading. */
export function parseImageReference(raw: string): ImageReference {
  let rest = raw.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash !== -1) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon !== -1) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const pinned = digest !== undefined && /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/.test(digest);
  let officialName: string | undefined;
  const full = `${registry ? registry + '/' : ''}${rest}`;
  if (!registry || DOCKER_HUB.has(registry)) {
    if (!rest.includes('/')) officialName = rest;
    else if (rest.startsWith('library/') && rest.split('/').length === 2) officialName = rest.slice('library/'.length);
  } else {
    for (const m of LIBRARY_MIRRORS) if (full.startsWith(m) && !full.slice(m.length).includes('/')) officialName = full.slice(m.length);
  }
  const repository = officialName ?? rest;
  return { raw, registry, repository, tag, digest, pinned, officialName };
}

/** The leading numeric version of a tag (`1.27.5-alpine` → [1, 27, 5]; `latest` → undefined). */
export function tagVersion(tag: string | undefined): number[] | undefined {
  const m = tag?.match(/^v?(\d+(?:\.\d+)*)/);
  return m ? m[1]!.split('.').map(Number) : undefined;
}
