import { type Caveat, type ImageContent, type ImageEntry, type WritablePath, type WritablePurpose } from './image-table.js';
export type { BreaksReadOnly, Caveat, ImageContent, ImageEntry, WritablePath, WritablePurpose } from './image-table.js';
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
    /** What the paths alone do not cover (e.g. a folder written in place that also holds image content), as sentences. */
    caveats: string[];
    /** The caveats that can break a read-only root filesystem, and when (see {@link Caveat}). */
    breaks: Caveat[];
    /** The table entry's name when the image is a known base image (paths are then a guess). */
    baseImage: string | undefined;
    /**
     * How an image the table does not name was matched to `image` through its inspected config
     * (one sentence, e.g. `its image config carries PG_MAJOR=17, set by the postgres image it is
     * built on`); undefined for a match by name, or no match.
     */
    matchedBy: string | undefined;
    /** The paths (of `paths`) that come from the inspected image config: its `Volumes` and folders its `Env` names. */
    fromConfig: string[];
}
/**
 * What an image's config declares, read from its registry (`--inspect-images`;
 * src/registry/config.ts reads it), as the writable-path rules use it. Plain data.
 * Source of the fields: the OCI image spec, config.md (`config.Volumes`, `User`, `WorkingDir`,
 * `Env`, `Labels`).
 */
export interface InspectedImageConfig {
    /** `config.Volumes`: the paths declared with `VOLUME`. */
    volumes: readonly string[];
    /** `config.User` (`999`, `app`, `1000:1000`); undefined when absent or empty (root). */
    user: string | undefined;
    /** `config.WorkingDir`; undefined when absent or empty. */
    workingDir: string | undefined;
    /** `config.Env` as a map. */
    env: Readonly<Record<string, string>>;
    /** `config.Labels`. */
    labels: Readonly<Record<string, string>>;
    /** The digest (`sha256:…`) of the config blob read: cited as the source of these facts. */
    configDigest: string;
}
/** The OCI annotation/label naming the image an image was built on (OCI image spec, annotations.md). */
export declare const BASE_NAME_LABEL = "org.opencontainers.image.base.name";
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
 * `/etc/nginx/conf.d`). With `config` (the image's inspected config, see
 * {@link InspectedImageConfig}), an image the table does not name is matched to the entry of the
 * image it is built on ({@link derivedEntry}: base-image label, inherited `ENV`, the same declared
 * `VOLUME`s) and then is a known fact; unmatched, it stays a guess, with its declared `VOLUME`s and
 * the folders its `Env` names (XDG_CACHE_HOME, HF_HOME, TMPDIR…) added to `/tmp`. Either way the
 * config's `VOLUME`s the entry does not list are added as declared volumes. Never throws.
 */
export declare function writablePathsFor(image: string | undefined, mountPaths?: readonly string[], config?: InspectedImageConfig): ImageWritablePaths;
/**
 * Whether a caveat breaks a container whose literal env is `env` (name → value): `yes`, `no`, or
 * `maybe` (the caveat depends on settings not shown plainly, or the container takes env from
 * `envFrom`/`valueFrom` that could set the variables). A value '', `false` or `0` does not count as
 * set for `unlessEnv`. Pure; never throws.
 */
export declare function caveatApplies(c: Caveat, env: ReadonlyMap<string, string>, opaqueEnv: boolean): 'yes' | 'no' | 'maybe';
/** An entry an inspected config was matched to, and how (one sentence). */
export interface DerivedEntry {
    entry: ImageEntry;
    why: string;
}
/**
 * The table entry of the image an image was built on, read from its inspected config, or
 * undefined: (1) the base-image label ({@link BASE_NAME_LABEL}) names a table image; else (2) the
 * config carries every `signatureEnv` variable of entries of exactly one image (the most
 * variables win; images sharing them are told apart by their `signatureUser`; versions of that
 * image by the first variable's value, e.g. `PG_MAJOR=17`); else (3) its `Volumes` are exactly the
 * non-empty declared volumes of entries of exactly one image (of several, the one whose signature
 * variables the config carries some of). Base images (`base: true`) are never the answer. Never throws.
 */
export declare function derivedEntry(config: InspectedImageConfig): DerivedEntry | undefined;
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
 * `p` normalised when a fix may mount a volume there, else undefined: absolute, not `/`, at most
 * 1,024 characters, no `.` or `..` segment, no `:` (the API server rejects a mountPath with one:
 * kubernetes/kubernetes pkg/apis/core/validation/validation.go, ValidateVolumeMounts), no control
 * or invisible formatting characters, nothing the runtime or the kubelet mounts itself (/proc,
 * /sys, /dev and below them, /etc/hosts, /etc/hostname, /etc/resolv.conf, the service account
 * token folder). Paths from an image config or the manifest's env are data
 * of whoever built the image or wrote the manifest, so they pass through here before a fix uses
 * them.
 */
export declare function mountablePath(p: string): string | undefined;
/**
 * Paths the container's own manifest says it writes: folders named by environment variables with
 * a documented meaning (PGDATA, TMPDIR, XDG_CACHE_HOME, HF_HOME, HF_HUB_CACHE,
 * HUGGINGFACE_HUB_CACHE, TRANSFORMERS_CACHE) and `-Djava.io.tmpdir=` in JAVA_TOOL_OPTIONS,
 * JDK_JAVA_OPTIONS or _JAVA_OPTIONS. Only absolute literal values count; one hint per path (the
 * first variable naming it), in `env` order. Pure; never throws.
 */
export declare function writablePathHints(container: ContainerFacts): WritablePathHint[];
