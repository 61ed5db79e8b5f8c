import { minimatch } from 'minimatch';
import { globOptions } from './constants.js';

/**
 * True when `path` (repository- or cwd-relative, `/` separators) matches `glob` as include,
 * exclude and exemption `files` globs match everywhere ({@link globOptions}: dot files match; a
 * glob without `/` matches the file name in any folder).
 */
export function matchGlob(path: string, glob: string): boolean {
  return minimatch(path, glob, globOptions(glob));
}
