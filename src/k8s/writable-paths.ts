import { imageUser, parseImageReference, tagVersion } from './image.js';
import { IMAGE_TABLE, type Caveat, type ImageContent, type ImageEntry, type WritablePath, type WritablePurpose } from './image-table.js';

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
export const BASE_NAME_LABEL = 'org.opencontainers.image.base.name';

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
 * `/etc/nginx/conf.d`). With `config` (the image's inspected config, see
 * {@link InspectedImageConfig}), an image the table does not name is matched to the entry of the
 * image it is built on ({@link derivedEntry}: base-image label, inherited `ENV`, the same declared
 * `VOLUME`s) and then is a known fact; unmatched, it stays a guess, with its declared `VOLUME`s and
 * the folders its `Env` names (XDG_CACHE_HOME, HF_HOME, TMPDIR…) added to `/tmp`. Either way the
 * config's `VOLUME`s the entry does not list are added as declared volumes. Never throws.
 */
export function writablePathsFor(image: string | undefined, mountPaths: readonly string[] = [], config?: InspectedImageConfig): ImageWritablePaths {
  const named = imageEntryFor(image);
  const derived = (!named || named.base) && config ? derivedEntry(config) : undefined;
  const entry = derived?.entry ?? named;
  if (!entry || entry.base) {
    const result: ImageWritablePaths = {
      image: undefined,
      paths: [{ path: '/tmp', purpose: 'tmp' }],
      guess: true,
      source: entry ? entry.sources[0]! : GUESS_SOURCE,
      sources: entry ? [...entry.sources] : [],
      volumes: [...(entry?.volumes ?? [])],
      contents: [...(entry?.contents ?? [])],
      user: entry?.user,
      home: entry?.home,
      caveats: caveatTexts(entry),
      breaks: caveatBreaks(entry),
      baseImage: entry?.names[0],
      matchedBy: undefined,
      fromConfig: [],
    };
    if (config) addConfigPaths(result, config, true);
    return result;
  }
  const paths = entry.paths.map((p) => ({ ...p }));
  if (entry.names[0] === 'nginx' && mountPaths.some((p) => normalisePath(p) === NGINX_TEMPLATES)) {
    paths.push({ path: '/etc/nginx/conf.d', purpose: 'config' });
  }
  const result: ImageWritablePaths = {
    image: entry.names[0],
    paths,
    guess: false,
    source: derived ? configSource(config!) : entry.sources[0]!,
    sources: derived ? [configSource(config!), ...entry.sources] : [...entry.sources],
    volumes: [...(entry.volumes ?? [])],
    contents: [...(entry.contents ?? [])],
    user: entry.user,
    home: entry.home,
    caveats: caveatTexts(entry),
    breaks: caveatBreaks(entry),
    baseImage: undefined,
    matchedBy: derived?.why,
    fromConfig: [],
  };
  if (config) addConfigPaths(result, config, false);
  return result;
}

const caveatTexts = (e: ImageEntry | undefined) => (e?.caveats ?? []).map((c) => (typeof c === 'string' ? c : c.text));
const caveatBreaks = (e: ImageEntry | undefined) => (e?.caveats ?? []).filter((c): c is Caveat => typeof c !== 'string');

/**
 * Whether a caveat breaks a container whose literal env is `env` (name → value): `yes`, `no`, or
 * `maybe` (the caveat depends on settings not shown plainly, or the container takes env from
 * `envFrom`/`valueFrom` that could set the variables). A value '', `false` or `0` does not count as
 * set for `unlessEnv`. Pure; never throws.
 */
export function caveatApplies(c: Caveat, env: ReadonlyMap<string, string>, opaqueEnv: boolean): 'yes' | 'no' | 'maybe' {
  const when = c.breaksReadOnly;
  if (when === 'always') return 'yes';
  if (when === 'depends') return 'maybe';
  const set = (spec: string) => {
    const eq = spec.indexOf('=');
    const name = eq < 0 ? spec : spec.slice(0, eq);
    const v = env.get(name);
    return v !== undefined && (eq < 0 ? true : v === spec.slice(eq + 1));
  };
  if ('whenEnv' in when) return when.whenEnv.some(set) ? 'yes' : opaqueEnv ? 'maybe' : 'no';
  const truthy = (name: string) => {
    const v = env.get(name);
    return v !== undefined && v !== '' && v !== 'false' && v !== '0';
  };
  return when.unlessEnv.some(truthy) ? 'no' : opaqueEnv ? 'maybe' : 'yes';
}

const configSource = (config: InspectedImageConfig) => `the image config ${config.configDigest}`;

/**
 * Add to `r` what the inspected config itself declares: each `VOLUME` not already covered (a
 * declared volume; `data` unless the table gives it another purpose) and, for a guess, the
 * folders its `Env` names ({@link writablePathHints}). A path equal to, or under, one of the
 * entry's `contents` is never added (an emptyDir there would hide the image's files).
 */
function addConfigPaths(r: ImageWritablePaths, config: InspectedImageConfig, guess: boolean): void {
  const hidden = (p: string) => r.contents.some((c) => mountCovers(p, c.path) || mountCovers(c.path, p));
  const add = (path: string, purpose: WritablePurpose, extra: Pick<WritablePath, 'declaredVolume' | 'note'>) => {
    if (path === '/' || hidden(path) || r.paths.some((p) => normalisePath(p.path) === path)) return;
    r.paths.push({ path, purpose, ...extra });
    r.fromConfig.push(path);
  };
  for (const v of config.volumes) {
    const path = mountablePath(v);
    if (path === undefined) continue;
    if (!r.volumes.includes(path)) r.volumes.push(path);
    add(path, 'data', { declaredVolume: true, note: 'a VOLUME of the image config' });
  }
  if (!guess) return;
  const env = Object.entries(config.env).map(([name, value]) => ({ name, value }));
  for (const h of writablePathHints({ env })) add(h.path, h.purpose, { note: `${h.env} in the image config` });
  if (r.home === undefined && config.env.HOME) r.home = mountablePath(config.env.HOME);
}

/** A registry-given value as a message quotes it: at most 100 characters. */
const clip = (v: string) => (v.length > 100 ? `${v.slice(0, 100)}…` : v);

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
export function derivedEntry(config: InspectedImageConfig): DerivedEntry | undefined {
  const label = config.labels[BASE_NAME_LABEL];
  if (label) {
    const e = imageEntryFor(label);
    if (e && !e.base) return { entry: e, why: `its image config's label ${BASE_NAME_LABEL} names ${clip(label)}, a known image` };
  }
  const bySignature = IMAGE_TABLE.filter((e) => !e.base && e.signatureEnv?.length && e.signatureEnv.every((n) => n in config.env));
  const most = Math.max(0, ...bySignature.map((e) => e.signatureEnv!.length));
  // Images sharing the names (nginx, nginx-unprivileged) are told apart by the config's user, never guessed.
  const user = imageUser(config.user);
  const userName = user.kind === 'root' ? 'root' : (user.name ?? String(user.uid));
  const signed = pickOneImage(
    bySignature.filter((e) => e.signatureEnv!.length === most && (e.signatureUser === undefined || e.signatureUser === userName)),
    (e) => config.env[e.signatureEnv![0]!],
  );
  if (signed) {
    const vars = signed.signatureEnv!.map((n) => `${n}=${clip(config.env[n]!)}`).join(', ');
    return { entry: signed, why: `its image config carries ${vars}, set by the ${signed.names[0]} image it is built on` };
  }
  const declared = [...new Set(config.volumes.filter((v) => v.startsWith('/')).map(normalisePath))].sort();
  if (declared.length === 0) return undefined;
  const same = (e: ImageEntry) => {
    const v = [...new Set((e.volumes ?? []).map(normalisePath))].sort();
    return v.length === declared.length && v.every((x, i) => x === declared[i]);
  };
  const sameVolumes = IMAGE_TABLE.filter((e) => !e.base && same(e));
  // Several images with these volumes (redis, valkey: /data): the one whose own variables the config carries some of.
  const narrowed = sameVolumes.filter((e) => e.signatureEnv?.some((n) => n in config.env));
  const byVolumes = pickOneImage(narrowed.length > 0 ? narrowed : sameVolumes, () => undefined);
  if (!byVolumes) return undefined;
  const carried = narrowed.length > 0 ? ` and carries ${byVolumes.signatureEnv!.filter((n) => n in config.env).join(', ')}` : '';
  return { entry: byVolumes, why: `its image config declares the VOLUMEs ${declared.join(', ')}${carried}, as the ${byVolumes.names[0]} image does` };
}

/**
 * The one entry of `entries` when they all belong to one image (the same display name): by the
 * version `versionOf` gives (the entry whose range holds it), else the `latest` entry. Entries of
 * two images: undefined (ambiguous).
 */
function pickOneImage(entries: readonly ImageEntry[], versionOf: (e: ImageEntry) => string | undefined): ImageEntry | undefined {
  if (entries.length === 0 || new Set(entries.map((e) => e.names[0])).size > 1) return undefined;
  if (entries.length === 1) return entries[0];
  const version = tagVersion(versionOf(entries[0]!));
  if (version) return entries.find((e) => versionInRange(e, version));
  return entries.find((e) => e.latest) ?? entries[0];
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
  return mountablePath(s);
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
export function mountablePath(p: string): string | undefined {
  if (!p.startsWith('/') || p.length > 1024 || p.includes(':')) return undefined;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(p)) return undefined;
  const n = normalisePath(p);
  if (n === '/' || n.split('/').some((seg) => seg === '.' || seg === '..')) return undefined;
  if (RUNTIME_MOUNTS.includes(n) || RUNTIME_TREES.some((t) => n === t || n.startsWith(t + '/'))) return undefined;
  return n;
}

/**
 * Folders the container runtime mounts itself whatever the image (OCI runtime spec, config-linux.md
 * "Default Filesystems": /proc, /sys, /dev with its device nodes, /dev/pts, /dev/shm, /dev/mqueue),
 * and the service account token Kubernetes mounts: an emptyDir there hides the device nodes,
 * the kernel interfaces or the token (runc refuses a mount over /proc); /dev and /dev/shm are
 * writable without one. Nothing at or below them is mounted.
 */
const RUNTIME_TREES = ['/proc', '/sys', '/dev', '/var/run/secrets/kubernetes.io', '/run/secrets/kubernetes.io'];

/** Files the kubelet mounts into every container (hosts, hostname, resolv.conf): never a volume's mountPath. */
const RUNTIME_MOUNTS = ['/etc/hosts', '/etc/hostname', '/etc/resolv.conf'];

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
