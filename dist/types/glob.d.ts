/**
 * True when `path` (repository- or cwd-relative, `/` separators) matches `glob` as include,
 * exclude and exemption `files` globs match everywhere ({@link globOptions}: dot files match; a
 * glob without `/` matches the file name in any folder).
 */
export declare function matchGlob(path: string, glob: string): boolean;
