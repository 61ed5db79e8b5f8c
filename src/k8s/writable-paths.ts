import { parseImageReference, tagVersion } from './image.js';
import { IMAGE_TABLE, type ImageContent, type ImageEntry, type WritablePath, type WritablePurpose } from './image-table.js';

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

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** True when `version` lies in the entry's [min, max) range (an entry without bounds takes every version). */
export function versionInRange(e: Pick<ImageEntry, 'min' | 'max'>, version: readonly number[]): boolean {
  return (!e.min || compare(version, e.min) >= 0) && (!e.max || compare(version, e.max) < 0);
}

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/**
 * The names a reference is looked up by, most specific first: `registry/path` when written with a
 * registry other than Docker Hub, then the official image name (`nginx` for
 * `docker.io/library/nginx`, `mirror.gcr.io/library/nginx`, `public.ecr.aws/docker/library/nginx`)
 * or the repository path (`bitnami/postgresql` for `docker.io/bitnami/postgresql` or
 * `public.ecr.aws/bitnami/postgresql`, `keycloak/keycloak` for `quay.io/keycloak/keycloak`).
 */
export function imageLookupNames(image: string): string[] {
  const ref = parseImageReference(image);
  const names: string[] = [];
  if (ref.registry && !DOCKER_HUB.has(ref.registry.toLowerCase())) names.push(`${ref.registry}/${ref.path}`);
  names.push(ref.officialName ?? ref.repository);
  return names;
}

const BY_NAME = new Map<string, ImageEntry[]>();
for (const e of IMAGE_TABLE) for (const n of e.names) BY_NAME.set(n, [...(BY_NAME.get(n) ?? []), e]);

/**
 * The table entry for an image reference, or undefined. Several entries for one name are told
 * apart by the tag's leading version (`postgres:17.2` → the entry with `max: [18]`); `latest`, no
 * tag, a digest-only reference or a tag without a version take the entry marked `latest`. A
 * version no entry's range covers finds nothing.
 */
export function imageEntryFor(image: string | undefined): ImageEntry | undefined {
  if (!image) return undefined;
  const version = tagVersion(parseImageReference(image).tag);
  for (const name of imageLookupNames(image)) {
    // A registry-qualified name only ever matches entries that list it with that registry.
    const candidates = BY_NAME.get(name) ?? [];
    if (candidates.length === 0) continue;
    if (candidates.length === 1 && !candidates[0]!.min && !candidates[0]!.max) return candidates[0];
    if (version) return candidates.find((e) => versionInRange(e, version));
    return candidates.find((e) => e.latest) ?? candidates[0];
  }
  return undefined;
}

/** Extra nginx path: `/etc/nginx/conf.d` is written only when templates are used (`/etc/nginx/templates`). */
const NGINX_TEMPLATES = '/etc/nginx/templates';

const GUESS_SOURCE = 'guess for an unknown image';

/**
 * The paths an image writes to, from the table of known images (`src/k8s/image-table.ts`, matched
 * with or without registry, tag or digest), or `/tmp` as a guess for an unknown image or a base
 * image. `mountPaths` are the container's current mount paths (used for nginx's templates →
 * `/etc/nginx/conf.d`). Never throws.
 */
export function writablePathsFor(image: string | undefined, mountPaths: readonly string[] = []): ImageWritablePaths {
  const entry = imageEntryFor(image);
  if (!entry || entry.base) {
    return {
      image: undefined,
      paths: [{ path: '/tmp', purpose: 'tmp' }],
      guess: true,
      source: entry ? entry.sources[0]! : GUESS_SOURCE,
      sources: entry ? [...entry.sources] : [],
      volumes: [...(entry?.volumes ?? [])],
      contents: [...(entry?.contents ?? [])],
      user: entry?.user,
      home: entry?.home,
      caveats: [...(entry?.caveats ?? [])],
      baseImage: entry?.names[0],
    };
  }
  const paths = entry.paths.map((p) => ({ ...p }));
  if (entry.names[0] === 'nginx' && mountPaths.some((p) => normalisePath(p) === NGINX_TEMPLATES)) {
    paths.push({ path: '/etc/nginx/conf.d', purpose: 'config' });
  }
  return {
    image: entry.names[0],
    paths,
    guess: false,
    source: entry.sources[0]!,
    sources: [...entry.sources],
    volumes: [...(entry.volumes ?? [])],
    contents: [...(entry.contents ?? [])],
    user: entry.user,
    home: entry.home,
    caveats: [...(entry.caveats ?? [])],
    baseImage: undefined,
  };
}

/** Normalise a mount path: no trailing slash, `//` collapsed. */
export function normalisePath(p: string): string {
  const s = p.replace(/\/+/g, '/');
  return s.length > 1 ? s.replace(/\/$/, '') : s;
}

/** `/var/run` is a symlink to `/run` in Debian and Alpine images: a mount on either covers both. */
const EQUIVALENT_PREFIXES: readonly [string, string][] = [['/var/run', '/run']];

/**
 * True when a writable mount at `mountPath` makes `path` writable: the same path, an ancestor,
 * or the other side of the `/var/run` ↔ `/run` symlink.
 */
export function mountCovers(mountPath: string, path: string): boolean {
  const m = normalisePath(mountPath);
  const variants = [normalisePath(path)];
  for (const [a, b] of EQUIVALENT_PREFIXES) {
    for (const v of [...variants]) {
      if (v === a || v.startsWith(a + '/')) variants.push(b + v.slice(a.length));
      if (v === b || v.startsWith(b + '/')) variants.push(a + v.slice(b.length));
    }
  }
  return variants.some((v) => m === '/' || v === m || v.startsWith(m + '/'));
}

/** The plain data of a container that hints are read from (no YAML nodes). */
export interface ContainerFacts {
  image?: string;
  /** `env` entries; entries without a literal `value` (valueFrom) are ignored. */
  env?: readonly { name: string; value?: unknown }[];
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

/** Variables whose value is a folder the process writes, by their documented meaning. */
const PATH_VARIABLES: readonly { name: string; purpose: WritablePurpose; reason: string }[] = [
  { name: 'PGDATA', purpose: 'data', reason: 'PGDATA is where PostgreSQL keeps its database cluster' },
  { name: 'TMPDIR', purpose: 'tmp', reason: 'TMPDIR is where programs create their temporary files' },
  { name: 'XDG_CACHE_HOME', purpose: 'cache', reason: 'XDG_CACHE_HOME is where programs following the XDG base directory specification write their caches' },
  { name: 'HF_HOME', purpose: 'cache', reason: 'HF_HOME is where Hugging Face libraries download models and datasets' },
  { name: 'HF_HUB_CACHE', purpose: 'cache', reason: 'HF_HUB_CACHE is where Hugging Face libraries download models' },
  { name: 'HUGGINGFACE_HUB_CACHE', purpose: 'cache', reason: 'HUGGINGFACE_HUB_CACHE is where Hugging Face libraries download models' },
  { name: 'TRANSFORMERS_CACHE', purpose: 'cache', reason: 'TRANSFORMERS_CACHE is where the transformers library downloads models' },
];

/** Variables the JVM reads options from (`-Djava.io.tmpdir=` sets its temporary folder). */
const JVM_OPTION_VARIABLES = ['JAVA_TOOL_OPTIONS', 'JDK_JAVA_OPTIONS', '_JAVA_OPTIONS'];

/** An absolute, literal path (no `$(VAR)` or `$VAR` reference left for the kubelet or a shell to expand). */
function literalPath(v: string): string | undefined {
  const s = v.trim();
  if (!s.startsWith('/') || s.includes('$')) return undefined;
  return normalisePath(s);
}

/**
 * Paths the container's own manifest says it writes: folders named by environment variables with
 * a documented meaning (PGDATA, TMPDIR, XDG_CACHE_HOME, HF_HOME, HF_HUB_CACHE,
 * HUGGINGFACE_HUB_CACHE, TRANSFORMERS_CACHE) and `-Djava.io.tmpdir=` in JAVA_TOOL_OPTIONS,
 * JDK_JAVA_OPTIONS or _JAVA_OPTIONS. Only absolute literal values count; one hint per path (the
 * first variable naming it), in `env` order. Pure; never throws.
 */
export function writablePathHints(container: ContainerFacts): WritablePathHint[] {
  const hints: WritablePathHint[] = [];
  const add = (path: string | undefined, purpose: WritablePurpose, env: string, reason: string) => {
    if (path && path !== '/' && !hints.some((h) => h.path === path)) hints.push({ path, purpose, env, reason });
  };
  for (const e of container.env ?? []) {
    if (typeof e?.name !== 'string' || typeof e.value !== 'string') continue;
    const known = PATH_VARIABLES.find((v) => v.name === e.name);
    if (known) add(literalPath(e.value), known.purpose, e.name, `${known.reason}.`);
    if (JVM_OPTION_VARIABLES.includes(e.name)) {
      for (const m of e.value.matchAll(/(?:^|\s)-Djava\.io\.tmpdir=(\S+)/g)) {
        add(literalPath(m[1]!.replace(/^(["'])(.*)\1$/, '$2')), 'tmp', e.name, `-Djava.io.tmpdir in ${e.name} sets the JVM's temporary folder.`);
      }
    }
  }
  return hints;
}
