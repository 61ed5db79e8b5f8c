/** Why an image writes to a path. `data` paths hold state that belongs on a PersistentVolumeClaim. */
export type WritablePurpose = 'cache' | 'run' | 'tmp' | 'logs' | 'config' | 'data';
/** One path an image must be able to write under a read-only root filesystem. */
export interface WritablePath {
    /** Absolute path in the container. */
    path: string;
    purpose: WritablePurpose;
}
/** The writable paths of an image: known from the table, or `/tmp` as a stated guess. */
export interface ImageWritablePaths {
    /** The table entry's name (e.g. `nginx`), or undefined for a guess. */
    image: string | undefined;
    paths: WritablePath[];
    /** True when the image is unknown and `/tmp` is only a guess. */
    guess: boolean;
    /** Where the entry comes from (a docs page or Dockerfile). */
    source: string;
}
/**
 * The paths an image writes to, from the table of official images (matched with or without
 * registry, tag or digest), or `/tmp` as a guess for an unknown image. `mountPaths` are the
 * container's current mount paths (used for nginx's templates → `/etc/nginx/conf.d`).
 */
export declare function writablePathsFor(image: string | undefined, mountPaths?: readonly string[]): ImageWritablePaths;
/** Normalise a mount path: no trailing slash, `//` collapsed. */
export declare function normalisePath(p: string): string;
/**
 * True when a writable mount at `mountPath` makes `path` writable: the same path, an ancestor,
 * or the other side of the `/var/run` ↔ `/run` symlink.
 */
export declare function mountCovers(mountPath: string, path: string): boolean;
