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
