/**
 * The table of known images: the paths each writes under a read-only root filesystem, its
 * declared `VOLUME`s, the paths holding image content that must not be mounted over, its user and
 * `$HOME`, each with the source it comes from (a permalink to the Dockerfile line, the entrypoint,
 * the project's own Kubernetes manifest or Helm chart that runs it read-only, or the
 * documentation page). Data only: matching is in `writable-paths.ts`.
 *
 * Rules for an entry: every fact has a source in `sources`; an image that cannot be sourced is not
 * listed; `paths` are absolute and normalised; a path both written and holding image content goes
 * in `contents` with a caveat (an emptyDir there would hide the content), never in `paths`.
 */
/** Why an image writes to a path. `data` paths hold state that belongs on a PersistentVolumeClaim. */
export type WritablePurpose = 'cache' | 'run' | 'tmp' | 'logs' | 'config' | 'data';
/** One path an image must be able to write under a read-only root filesystem. */
export interface WritablePath {
    /** Absolute path in the container. */
    path: string;
    purpose: WritablePurpose;
    /**
     * True when the image declares the path a `VOLUME`. Under `readOnlyRootFilesystem` it then
     * depends on the runtime: containerd's CRI (by default) mounts a writable anonymous volume there,
     * discarded with the container; CRI-O's default (`image_volumes = "mkdir"`) only creates the
     * folder in the read-only root filesystem (sources: policies/writable-paths-mounted.md).
     */
    declaredVolume?: boolean;
    /** What writes there, when it is not obvious from the purpose. */
    note?: string;
}
/** A path holding image content the container needs (an emptyDir mounted there would hide it). */
export interface ImageContent {
    /** Absolute path in the container. */
    path: string;
    /** What the image keeps there. */
    what: string;
}
/**
 * When a caveat breaks the container under a read-only root filesystem even with every path of
 * the entry mounted: `always`; when the container's env sets one of `whenEnv` (`NAME`, or
 * `NAME=value` for that value only); unless its env sets
 * one of `unlessEnv` (to anything but '', `false`, `0`); `depends` on settings the manifest does not
 * show plainly (the fix is then a guess).
 */
export type BreaksReadOnly = 'always' | 'depends' | {
    whenEnv: readonly string[];
} | {
    unlessEnv: readonly string[];
};
/** A caveat that can break a read-only root filesystem (see {@link BreaksReadOnly}). */
export interface Caveat {
    text: string;
    breaksReadOnly: BreaksReadOnly;
}
/** One row of the table. */
export interface ImageEntry {
    /**
     * Repository paths matched on any registry (`nginx` for Docker Hub's official image and its
     * mirrors, `bitnami/postgresql`, `keycloak/keycloak` for `quay.io/keycloak/keycloak`), or
     * `registry/path` matched on that registry only (`registry.k8s.io/etcd`). The first is the
     * entry's display name.
     */
    names: readonly string[];
    /** Applies when the tag's version is within [min, max) (inclusive min). */
    min?: readonly number[];
    max?: readonly number[];
    /** Entry used for `latest`, a missing tag, a digest-only reference or a tag without a version. */
    latest?: boolean;
    /** The paths the image writes. Empty when it writes nothing (the image's own manifests run it read-only). */
    paths: readonly WritablePath[];
    /** Declared `VOLUME`s. */
    volumes?: readonly string[];
    contents?: readonly ImageContent[];
    /** The user its main process runs as. */
    user?: string;
    home?: string;
    /** What the paths alone do not cover, each a sentence; a {@link Caveat} when it can break a read-only root filesystem. */
    caveats?: readonly (string | Caveat)[];
    /**
     * Environment variables the image's own Dockerfile sets (`ENV PG_MAJOR 17`), which images
     * built `FROM` it inherit: an inspected image config (`--inspect-images`) that carries every
     * one of them, and matches no entry by name or base-image label, is taken for a derivative of
     * this image (src/k8s/writable-paths.ts). Each name must be on a Dockerfile line cited in
     * `sources`, and be specific to this image (no `PATH`, `LANG`, `JAVA_HOME`).
     */
    signatureEnv?: readonly string[];
    /**
     * The config `User` the image itself has (`root` for none), when another image sets the same
     * `signatureEnv` names (nginx and nginx-unprivileged): a config is then matched to the entry
     * whose user it has, never guessed between them. Must be on a cited Dockerfile line (or the
     * absence of a `USER` line, for `root`).
     */
    signatureUser?: string;
    /**
     * A base image (`busybox`, `python`, `distroless`): what it writes depends on the command or
     * the application built on it, so the paths stay a guess (`/tmp`).
     */
    base?: boolean;
    /** URLs (permalinks to the line where possible), the primary first. */
    sources: readonly string[];
}
/** The table. Order is the documentation order (docs/known-images.md). */
export declare const IMAGE_TABLE: readonly ImageEntry[];
