import { type ImageContent, type ImageEntry, type WritablePath, type WritablePurpose } from './image-table.js';
export type { ImageContent, ImageEntry, WritablePath, WritablePurpose } from './image-table.js';
export { IMAGE_TABLE } from './image-table.js';
/** The writable paths of an image: known from the table, or `/tmp` as a stated guess. */
export interface ImageWritablePaths {
    /**
     * The table entry's name (e.g. `nginx`), or undefined for a guess (an unknown image, or a base
     * image such as `busybox` whose writes depend on the command it runs: see `baseImage`).
     */
    image: string | undefined;
    /** Absolute, normalised paths to make writable (an emptyDir each, or a PersistentVolumeClaim for `data`). */
    paths: WritablePath[];
    /** True when the paths are only a guess (`/tmp`): the image is unknown, or a base image. */
    guess: boolean;
    /** The primary source: a URL to the Dockerfile line or documentation page (or `guess for an unknown image`). */
    source: string;
    /** Every source of the entry, the primary first (empty for an unknown image). */
    sources: string[];
    /** The image's declared `VOLUME`s, as absolute paths (runtimes give each an anonymous writable volume). */
    volumes: string[];
    /** Paths that hold image content the container needs: never mount an emptyDir over them. */
    contents: ImageContent[];
    /** The user the main process runs as (uid or name, as the source states it), when known. */
    user: string | undefined;
    /** `$HOME` of that user in the image, when known. */
    home: string | undefined;
    /** What the paths alone do not cover (e.g. a folder written in place that also holds image content). */
    caveats: string[];
    /** The table entry's name when the image is a known base image (paths are then a guess). */
    baseImage: string | undefined;
}
/** True when `version` lies in the entry's [min, max) range (an entry without bounds takes every version). */
export declare function versionInRange(e: Pick<ImageEntry, 'min' | 'max'>, version: readonly number[]): boolean;
/**
 * The names a reference is looked up by, most specific first: `registry/path` when written with a
 * registry other than Docker Hub, then the official image name (`nginx` for
 * `docker.io/library/nginx`, `mirror.gcr.io/library/nginx`, `public.ecr.aws/docker/library/nginx`)
 * or the repository path (`bitnami/postgresql` for `docker.io/bitnami/postgresql` or
 * `public.ecr.aws/bitnami/postgresql`, `keycloak/keycloak` for `quay.io/keycloak/keycloak`).
 */
export declare function imageLookupNames(image: string): string[];
/**
 * The table entry for an image reference, or undefined. Several entries for one name are told
 * apart by the tag's leading version (`postgres:17.2` → the entry with `max: [18]`); `latest`, no
 * tag, a digest-only reference or a tag without a version take the entry marked `latest`. A
 * version no entry's range covers finds nothing.
 */
export declare function imageEntryFor(image: string | undefined): ImageEntry | undefined;
/**
 * The paths an image writes to, from the table of known images (`src/k8s/image-table.ts`, matched
 * with or without registry, tag or digest), or `/tmp` as a guess for an unknown image or a base
 * image. `mountPaths` are the container's current mount paths (used for nginx's templates →
 * `/etc/nginx/conf.d`). Never throws.
 */
export declare function writablePathsFor(image: string | undefined, mountPaths?: readonly string[]): ImageWritablePaths;
/** Normalise a mount path: no trailing slash, `//` collapsed. */
export declare function normalisePath(p: string): string;
/**
 * True when a writable mount at `mountPath` makes `path` writable: the same path, an ancestor,
 * or the other side of the `/var/run` ↔ `/run` symlink.
 */
export declare function mountCovers(mountPath: string, path: string): boolean;
/** The plain data of a container that hints are read from (no YAML nodes). */
export interface ContainerFacts {
    image?: string;
    /** `env` entries; entries without a literal `value` (valueFrom) are ignored. */
    env?: readonly {
        name: string;
        value?: unknown;
    }[];
    command?: readonly string[];
    args?: readonly string[];
}
/** A path the manifest itself says the container writes, with the reason. */
export interface WritablePathHint {
    /** Absolute, normalised path. */
    path: string;
    purpose: WritablePurpose;
    /** The environment variable that names it. */
    env: string;
    /** One sentence: what the variable means for the path. */
    reason: string;
}
/**
 * Paths the container's own manifest says it writes: folders named by environment variables with
 * a documented meaning (PGDATA, TMPDIR, XDG_CACHE_HOME, HF_HOME, HF_HUB_CACHE,
 * HUGGINGFACE_HUB_CACHE, TRANSFORMERS_CACHE) and `-Djava.io.tmpdir=` in JAVA_TOOL_OPTIONS,
 * JDK_JAVA_OPTIONS or _JAVA_OPTIONS. Only absolute literal values count; one hint per path (the
 * first variable naming it), in `env` order. Pure; never throws.
 */
export declare function writablePathHints(container: ContainerFacts): WritablePathHint[];
