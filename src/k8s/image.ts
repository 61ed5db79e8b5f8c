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
  /**
   * The repository path exactly as written after the registry, never normalised
   * (`mirror.gcr.io/library/redis` → `library/redis`; `nginx` → `nginx`).
   */
  path: string;
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
  /**
   * Why the reference is invalid (what a container runtime would refuse to pull), e.g.
   * `repository "Acme/App" must be lowercase`; undefined for a valid reference.
   */
  problem: string | undefined;
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
  const problem = referenceProblem(raw, registry, rest, tag, digest);
  return { raw, registry, repository, path: rest, tag, digest, pinned, officialName, problem };
}

// The grammar of github.com/distribution/reference (reference.go), as regular expressions.
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
/** The digest algorithms registered by the OCI image spec, with their hex lengths. */
const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const NAME_MAX = 255;

/** Why a parsed reference is invalid, or undefined. */
function referenceProblem(raw: string, registry: string | undefined, path: string, tag: string | undefined, digest: string | undefined): string | undefined {
  if (raw.trim() === '') return 'the image is empty';
  if (raw !== raw.trim()) return 'it has leading or trailing whitespace (the API server rejects it)';
  if (/\s/.test(raw)) return 'it contains whitespace';
  if (registry !== undefined && !DOMAIN.test(registry)) return `registry "${registry}" is not a valid host name with an optional :port`;
  if (path === '') return 'the repository name is missing';
  const components = path.split('/');
  if (components.some((c) => !PATH_COMPONENT.test(c))) {
    if (path !== path.toLowerCase() && components.every((c) => PATH_COMPONENT.test(c.toLowerCase()))) return `repository "${path}" must be lowercase`;
    return `repository "${path}" is not valid: each /-separated part is lowercase letters and digits, joined by ".", "_", "__" or "-"`;
  }
  const nameLength = (registry ? registry.length + 1 : 0) + path.length;
  if (nameLength > NAME_MAX) return `the name is longer than ${NAME_MAX} characters`;
  if (tag !== undefined) {
    if (tag === '') return 'the tag after ":" is empty';
    if (!TAG.test(tag)) return `tag "${tag}" is not valid: up to 128 letters, digits, "_", "." and "-", not starting with "." or "-"`;
  }
  if (digest !== undefined && !DIGEST.test(digest)) {
    return `digest "${digest}" is not valid: it must be sha256: and 64 lowercase hex digits (or sha512: and 128)`;
  }
  return undefined;
}

/** The leading numeric version of a tag (`1.27.5-alpine` → [1, 27, 5]; `latest` → undefined). */
export function tagVersion(tag: string | undefined): number[] | undefined {
  const m = tag?.match(/^v?(\d+(?:\.\d+)*)/);
  return m ? m[1]!.split('.').map(Number) : undefined;
}

/** Who an image's processes run as, by its config's `User`. */
export interface ImageUser {
  /** `root`: no `User`, uid 0 or the name `root`; `non-root`: a non-zero uid or another name. */
  kind: 'root' | 'non-root';
  /** The uid when `User` gives it as a number (`1000`, `1000:1000`). */
  uid: number | undefined;
  /** The user name when `User` gives a name (`app`, `app:app`). */
  name: string | undefined;
}

/** The largest uid Kubernetes accepts for `runAsUser` (and current containerd for a numeric `User`). */
const MAX_UID = 2147483647;

/**
 * Read an image config's `User` (OCI image spec, config.md: `user`, `uid`, `user:group`,
 * `uid:gid`, `uid:group`, `user:gid`; empty or absent means root). Only the part before `:`
 * decides, read as the container runtime reads it (containerd and CRI-O `getUserFromImage`:
 * split at `:`, no trimming): digits are a uid (at most 2,147,483,647; a larger number is not
 * taken as one), anything else — `app`, but also ` 1000` with a blank — a user name. The kubelet
 * can verify `runAsNonRoot: true` only against a numeric uid: with a name it refuses to start the
 * container ("image has non-numeric user … cannot verify user is non-root",
 * kubernetes/kubernetes pkg/kubelet/kuberuntime/security_context_others.go, verifyRunAsNonRoot).
 * Never throws.
 */
export function imageUser(user: string | undefined): ImageUser {
  const who = (user ?? '').split(':')[0]!;
  if (who === '' || who === 'root') return { kind: 'root', uid: who === '' ? undefined : 0, name: who === '' ? undefined : 'root' };
  if (/^\d+$/.test(who) && Number(who) <= MAX_UID) {
    const uid = Number(who);
    return { kind: uid === 0 ? 'root' : 'non-root', uid, name: undefined };
  }
  return { kind: 'non-root', uid: undefined, name: who };
}
