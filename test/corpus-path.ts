/**
 * The test corpus: real manifests and peer tools' fixtures, with their index, sources and
 * licences (test/corpus/README.md, test/corpus/LICENSES/). It lives in the repository, so the
 * tests and `npm run corpus` need nothing beside the clone; the folder is found from this file,
 * whatever the working directory. Later corpora go into the repository too.
 */
import { fileURLToPath } from 'node:url';

/** Absolute path of test/corpus. */
export const CORPUS = fileURLToPath(new URL('corpus', import.meta.url));
