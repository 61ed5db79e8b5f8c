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
/** Parse an image reference. Never throws: odd text yields its best reading. */
export declare function parseImageReference(raw: string): ImageReference;
/** The leading numeric version of a tag (`1.27.5-alpine` → [1, 27, 5]; `latest` → undefined). */
export declare function tagVersion(tag: string | undefined): number[] | undefined;
/** Who an image's processes run as, by its config's `User`. */
export interface ImageUser {
    /** `root`: no `User`, uid 0 or the name `root`; `non-root`: a non-zero uid or another name. */
    kind: 'root' | 'non-root';
    /** The uid when `User` gives it as a number (`1000`, `1000:1000`). */
    uid: number | undefined;
    /** The user name when `User` gives a name (`app`, `app:app`). */
    name: string | undefined;
}
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
export declare function imageUser(user: string | undefined): ImageUser;
