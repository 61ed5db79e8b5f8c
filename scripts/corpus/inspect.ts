/**
 * The `--inspect-images` measurement on the test corpus: the image configs of
 * test/image-configs/corpus-images.json (reconstructed from each image's public Dockerfiles, sources
 * per entry) are pushed to a REAL registry on loopback (Debian's docker-registry, as the tests
 * start it), and the corpus images' configs are read from it through the product's own
 * inspection (src/inspect-images.ts: the default allow-list, the same client). Every registry
 * request of the run goes to that local registry (same path, plain http): images that are not in
 * the file are not there, so their lookups fail as for an image missing from its registry — the
 * figures are what the reconstructed configs add, a lower bound of a real run.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { collectFiles } from '../../src/files.js';
import type { ImageFacts, SourceFile } from '../../src/engine/index.js';
import { inspectImageConfigs } from '../../src/inspect-images.js';
import { registryTarget, type RegistryFetch, type RegistryTarget } from '../../src/registry/index.js';
import { CORPUS } from '../../test/corpus-path.js';
import { pushImage, startRegistry } from '../../test/registry/helpers.js';

/** The reconstructed image configs (test/image-configs/README.md). */
export const IMAGE_CONFIGS = fileURLToPath(new URL('../../test/image-configs/corpus-images.json', import.meta.url));

/** One entry of test/image-configs/corpus-images.json (see the README beside it). */
export interface CorpusImageConfig {
  /** The image as the corpus manifests write it. */
  image: string;
  dockerfile: string;
  base?: string[];
  baseSources?: string[];
  config: { User?: string; Env?: string[]; Volumes?: Record<string, object>; WorkingDir?: string; Labels?: Record<string, string> };
  note?: string;
}

/** The entries of test/image-configs/corpus-images.json ([] when the file is absent). */
export function corpusImageConfigs(): CorpusImageConfig[] {
  try {
    return JSON.parse(readFileSync(IMAGE_CONFIGS, 'utf8')) as CorpusImageConfig[];
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** What the measurement read. */
export interface CorpusInspection {
  /** The image facts to scan with (`EngineOptions.images`). */
  images: Partial<ImageFacts>;
  /** Entries of corpus-images.json pushed to the local registry. */
  pushed: number;
  /** Distinct container images of the corpus whose configs were asked for, and how many were read. */
  asked: number;
  read: number;
  /** Why an entry could not be pushed (a digest-pinned reference cannot be reproduced by a push). */
  notPushed: string[];
}

/** The corpus files, as scanCorpus reads them. */
export function corpusFiles(): SourceFile[] {
  return collectFiles(['.'], { cwd: CORPUS, exclude: ['index.json', 'sources.json'] }).files;
}

/**
 * Start a local registry, push the entries of corpus-images.json (each at its repository path
 * and tag), read the configs of every corpus image through {@link inspectImageConfigs} with every
 * request sent to that registry, stop it. Throws when the registry cannot start (the binary is
 * missing: `apt-get install docker-registry`).
 */
export async function inspectCorpusImages(): Promise<CorpusInspection> {
  const entries = corpusImageConfigs();
  const registry = await startRegistry();
  try {
    const notPushed: string[] = [];
    let pushed = 0;
    for (const e of entries) {
      const t = registryTarget(e.image) as RegistryTarget | { error: string };
      if ('error' in t) {
        notPushed.push(`${e.image}: ${t.error}`);
        continue;
      }
      if (t.reference.includes(':')) {
        notPushed.push(`${e.image}: pinned by digest, which a reconstructed image cannot have`);
        continue;
      }
      await pushImage(registry.host, t.repository, t.reference, e.image, { config: e.config });
      pushed++;
    }
    // Every request, whichever registry the image names, goes to the local one (same path).
    const local: RegistryFetch = (url, init) => {
      const u = new URL(String(url));
      return fetch(`http://${registry.host}${u.pathname}${u.search}`, init);
    };
    const files = corpusFiles();
    const r = await inspectImageConfigs(files, {}, {}, { fetch: local });
    return {
      images: r.engine.images ?? {},
      pushed,
      asked: (r.engine.images?.configs?.size ?? 0) + (r.engine.images?.configErrors?.size ?? 0),
      read: r.inspected,
      notPushed,
    };
  } finally {
    await registry.stop();
  }
}
