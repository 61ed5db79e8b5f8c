import { createHash } from 'node:crypto';
import { registryAccess } from './allow-list.js';
import { MANIFEST_ACCEPT, manifestPath } from './client.js';
import { MAX_BODY_BYTES, readBody } from './http.js';
import type { RegistryTarget } from './reference.js';
import { lookUpEach } from './resolve.js';
import { openRepository, type RegistryClientOptions, type RepositorySession } from './session.js';

/**
 * Upper bound of an image manifest or index read by {@link inspectImage}, in bytes: 4 MiB, the
 * size the OCI distribution spec says registries should accept for a manifest
 * (= {@link MAX_BODY_BYTES}).
 */
export const MAX_MANIFEST_BYTES = MAX_BODY_BYTES;

/**
 * Upper bound of an image config blob read by {@link inspectImage}, in bytes: 4 MiB. Real
 * configs are a few KiB (tens with a long build history); a config whose descriptor gives a
 * larger size is not requested, and no more than the size its descriptor gives is read.
 */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

/** Media types of an image config: OCI, and Docker's (v2 schema 2). */
export const CONFIG_MEDIA_TYPES = ['application/vnd.oci.image.config.v1+json', 'application/vnd.docker.container.image.v1+json'] as const;

const INDEX_TYPES = new Set(['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json']);
const IMAGE_TYPES = new Set(['application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json']);
const SCHEMA1 = /^application\/vnd\.docker\.distribution\.manifest\.v1\+(?:json|prettyjws)$/;
const SHA256 = /^sha256:[a-f0-9]{64}$/;

/** What an image's config says about how its containers run, and which manifest and config it was read from. */
export interface ImageConfigFacts {
  /** The digest of the manifest the reference names: the index's (manifest list's) for a multi-platform image. */
  digest: string;
  /** The digest of the image manifest read (the chosen platform's; equal to `digest` for a single-platform image). */
  manifestDigest: string;
  /** The digest of the config blob, checked against its bytes. */
  configDigest: string;
  /** The config's `os`, `architecture` and `variant` (empty strings when it gives none; no variant when it gives none). */
  platform: { os: string; architecture: string; variant?: string };
  /** `config.Volumes`: the paths declared with `VOLUME`, in the config's order (empty when none). */
  volumes: string[];
  /** `config.User` (`999`, `app`, `1000:1000`); undefined when absent or empty (the image's default user, root). */
  user: string | undefined;
  /** `config.WorkingDir`; undefined when absent or empty. */
  workingDir: string | undefined;
  /** `config.Env` as a map (`HOME=/home/app` is `{ HOME: '/home/app' }`; an entry without `=` has the value `''`; a name given twice keeps its last value). */
  env: Record<string, string>;
  /** `config.Entrypoint`; undefined when absent or null. */
  entrypoint: string[] | undefined;
  /** `config.Cmd`; undefined when absent or null. */
  cmd: string[] | undefined;
  /** `config.Labels` (incl. base-image labels like `org.opencontainers.image.base.name`); empty when none. */
  labels: Record<string, string>;
}

/** The outcome of inspecting one image: its facts, or why they could not be read (one line). */
export type ImageConfigResult = ImageConfigFacts | { error: string };

/** Options of {@link inspectImage}: the client's, and the platform chosen from an index. */
export interface InspectImageOptions extends RegistryClientOptions {
  /** The architecture chosen from an index or manifest list (`amd64`, `arm64`…; default `amd64`). The OS is always `linux`. */
  architecture?: string;
  /** The variant chosen with it (`v8` for `arm64`); absent: any variant (the first listed). */
  variant?: string;
}

/** An answer that cannot be trusted or read (one line for the user). */
class InspectError extends Error {}

interface Descriptor {
  mediaType: string | undefined;
  digest: string;
  size: number;
  platform?: { os?: unknown; architecture?: unknown; variant?: unknown };
}

/**
 * Read the config of the image `target` names: GET its manifest; for an index (OCI index,
 * Docker manifest list) choose the `linux/<architecture>` entry (`opts.architecture`, default
 * `amd64`; with `opts.variant`, that variant), else the first `linux` entry, and GET that
 * manifest by digest; then GET the config blob the manifest names. Every manifest read by
 * digest, and the config, must hash (sha256) to the digest asked for, or nothing is trusted;
 * a manifest or index is read up to {@link MAX_MANIFEST_BYTES}, a config up to the size its
 * descriptor gives, which must be at most {@link MAX_CONFIG_BYTES}. Media types: OCI and Docker
 * v2 manifests, indexes and manifest lists; schema 1 manifests and configs of other types
 * (Helm charts, other artifacts) are refused with a message saying so. Requests go through
 * {@link openRepository}: nothing is sent when the registry is not on the allow-list; the
 * token a 401 gave is reused for the config. Never throws: failures are `{ error }`.
 */
export async function inspectImage(target: RegistryTarget, opts: InspectImageOptions = {}): Promise<ImageConfigResult> {
  const session = openRepository(target, opts);
  if ('error' in session) return session;
  const base = `${target.host}/${target.repository}`;
  try {
    // A tag cannot hold a ':'; a reference with one is a digest, which the manifest must match.
    const asked = target.reference.includes(':') ? target.reference : undefined;
    const top = await getManifest(session, target.reference, asked, session.where);
    let image = top;
    if (top.kind === 'index') {
      const entry = choosePlatform(top.json, opts, session.where);
      image = await getManifest(session, entry.digest, entry.digest, `${base}@${entry.digest}`);
      if (image.kind !== 'image') throw new InspectError(`the ${platformName(entry)} entry of ${session.where} is not an image manifest (${image.mediaType})`);
    }
    const config = configDescriptor(image.json, image.where);
    // The config is checked against its digest below: its storage host may be off the allow-list.
    const res = await session.send('GET', `blobs/${config.digest}`, [...CONFIG_MEDIA_TYPES, '*/*'].join(', '), { contentAddressed: true });
    const where = `the config of ${session.where} (${config.digest})`;
    if (!res.ok) throw new InspectError(await session.failure(res, `${base}@${config.digest}`));
    const body = await readBody(res, where, config.size);
    const got = sha256(body);
    if (got !== config.digest) throw new InspectError(`${where} has the digest ${got} (${body.length} bytes): it does not match its manifest; not trusted`);
    return { digest: top.digest, manifestDigest: image.digest, configDigest: config.digest, ...readConfig(parseJson(body, where), where) };
  } catch (err) {
    return { error: err instanceof InspectError ? err.message : session.explain(err) };
  }
}

const sha256 = (data: Buffer) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

function parseJson(body: Buffer, what: string): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new InspectError(`${what} is not JSON`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** GET the manifest `reference`; check its digest when `expected`; tell an index from an image manifest. */
async function getManifest(
  session: RepositorySession,
  reference: string,
  expected: string | undefined,
  where: string,
): Promise<{ kind: 'index' | 'image'; mediaType: string; json: Record<string, unknown>; digest: string; where: string }> {
  if (expected && !SHA256.test(expected)) throw new InspectError(`${where}: only sha256 digests are supported`);
  const res = await session.send('GET', manifestPath(reference), MANIFEST_ACCEPT);
  if (!res.ok) throw new InspectError(await session.failure(res, where));
  const what = `the manifest of ${where}`;
  const body = await readBody(res, what, MAX_MANIFEST_BYTES);
  const digest = sha256(body);
  if (expected && digest !== expected) throw new InspectError(`${what} has the digest ${digest}, not the ${expected} it was asked by; not trusted`);
  const json = parseJson(body, what);
  if (!isObject(json)) throw new InspectError(`${what} is not a JSON object`);
  const header = res.headers.get('content-type')?.split(';')[0]!.trim().toLowerCase();
  const mediaType =
    typeof json.mediaType === 'string' ? json.mediaType : header || (Array.isArray(json.manifests) ? [...INDEX_TYPES][0]! : [...IMAGE_TYPES][0]!);
  if (json.schemaVersion === 1 || SCHEMA1.test(mediaType) || (header && SCHEMA1.test(header))) {
    throw new InspectError(
      `${what} is a Docker schema 1 manifest, which is not supported (deprecated; push the image again with a current tool for an OCI or Docker v2 manifest)`,
    );
  }
  if (INDEX_TYPES.has(mediaType)) return { kind: 'index', mediaType, json, digest, where };
  if (IMAGE_TYPES.has(mediaType)) return { kind: 'image', mediaType, json, digest, where };
  throw new InspectError(`${what} has the media type ${JSON.stringify(mediaType)}, not an image manifest or index`);
}

/** A descriptor (`{ mediaType, digest, size }`) of `json`, checked; `what` names it in errors. */
function descriptor(json: unknown, what: string): Descriptor {
  if (!isObject(json)) throw new InspectError(`${what} is not a descriptor`);
  const { digest, size, mediaType, platform } = json;
  if (typeof digest !== 'string' || !/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/.test(digest)) throw new InspectError(`${what} has no valid digest`);
  if (!SHA256.test(digest)) throw new InspectError(`${what} has the digest ${digest}: only sha256 digests are supported`);
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) throw new InspectError(`${what} has no valid size`);
  return { digest, size, mediaType: typeof mediaType === 'string' ? mediaType : undefined, platform: isObject(platform) ? platform : undefined };
}
/** A platform field as written in an error message: its text, or `?` when it is not a string. */
const platformField = (value: unknown): string => (typeof value === 'string' ? value : '?');

const platformName = (d: Pick<Descriptor, 'platform'>) =>
  `${platformField(d.platform?.os)}/${platformField(d.platform?.architecture)}${typeof d.platform?.variant === 'string' ? `/${d.platform.variant}` : ''}`;

/**
 * The entry of an index to read: the first `linux/<architecture>` one (of `opts.variant`, when
 * given), else the first `linux` entry whatever its architecture (attestation manifests,
 * `unknown/unknown`, are never chosen). Throws when there is no linux entry, or the chosen one
 * is not a valid descriptor (the others are not read).
 */
function choosePlatform(index: Record<string, unknown>, opts: InspectImageOptions, where: string): Descriptor {
  if (!Array.isArray(index.manifests)) throw new InspectError(`the index of ${where} has no list of manifests`);
  const platformOf = (m: unknown): Descriptor['platform'] => (isObject(m) && isObject(m.platform) ? m.platform : undefined);
  const manifests: unknown[] = index.manifests;
  const linux = manifests.filter((m) => platformOf(m)?.os === 'linux');
  const architecture = opts.architecture ?? 'amd64';
  const exact = linux.find((m) => platformOf(m)?.architecture === architecture && (opts.variant === undefined || platformOf(m)?.variant === opts.variant));
  const chosen = exact ?? linux[0];
  if (chosen === undefined) {
    const platforms = manifests.map((m) => platformName({ platform: platformOf(m) }));
    throw new InspectError(`the index of ${where} has no linux image (platforms: ${platforms.join(', ') || 'none'})`);
  }
  return descriptor(chosen, `the ${platformName({ platform: platformOf(chosen) })} entry of the index of ${where}`);
}

/** The config descriptor of an image manifest, checked: a container image config, within {@link MAX_CONFIG_BYTES}. */
function configDescriptor(manifest: Record<string, unknown>, where: string): Descriptor {
  const config = descriptor(manifest.config, `the config descriptor of the manifest of ${where}`);
  if (!(CONFIG_MEDIA_TYPES as readonly string[]).includes(config.mediaType ?? '')) {
    throw new InspectError(`the manifest of ${where} is not a container image: its config has the media type ${JSON.stringify(config.mediaType ?? '')}`);
  }
  if (config.size > MAX_CONFIG_BYTES)
    throw new InspectError(`the config of ${where} is ${config.size} bytes (its manifest says), more than the limit of ${MAX_CONFIG_BYTES} bytes; not read`);
  return config;
}

/** The facts of a config document (`what` names it in errors): every field of the shape the OCI image spec gives, or an error. */
function readConfig(json: unknown, what: string): Omit<ImageConfigFacts, 'digest' | 'manifestDigest' | 'configDigest'> {
  if (!isObject(json)) throw new InspectError(`${what} is not a JSON object`);
  const c = json.config ?? {};
  if (!isObject(c)) throw new InspectError(`${what}: "config" is not an object`);
  const bad = (field: string, expected: string) => new InspectError(`${what}: config.${field} is not ${expected}`);
  const text = (field: string): string | undefined => {
    const v = c[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw bad(field, 'a string');
    return v === '' ? undefined : v;
  };
  const list = (field: string): string[] | undefined => {
    const v = c[field];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw bad(field, 'a list of strings');
    return v as string[];
  };
  const map = (field: string): Record<string, unknown> => {
    const v = c[field];
    if (v === undefined || v === null) return {};
    if (!isObject(v)) throw bad(field, 'an object');
    return v;
  };
  const labels = map('Labels');
  if (!Object.values(labels).every((v) => typeof v === 'string')) throw bad('Labels', 'an object of strings');
  // Own properties whatever the name (`__proto__` included): fromEntries defines, never assigns.
  const env: Record<string, string> = Object.fromEntries(
    (list('Env') ?? []).map((e) => {
      const eq = e.indexOf('=');
      return eq < 0 ? [e, ''] : [e.slice(0, eq), e.slice(eq + 1)];
    }),
  );
  const platform: ImageConfigFacts['platform'] = {
    os: typeof json.os === 'string' ? json.os : '',
    architecture: typeof json.architecture === 'string' ? json.architecture : '',
  };
  if (typeof json.variant === 'string') platform.variant = json.variant;
  return {
    platform,
    volumes: Object.keys(map('Volumes')),
    user: text('User'),
    workingDir: text('WorkingDir'),
    env,
    entrypoint: list('Entrypoint'),
    cmd: list('Cmd'),
    labels: labels as Record<string, string>,
  };
}

/** Image configs read so far, by `scheme://host/repository:reference linux/<architecture>[/<variant>]`, shared between runs. */
export type ImageConfigCache = Map<string, Promise<ImageConfigResult>>;

/** A new, empty {@link ImageConfigCache}. */
export function createImageConfigCache(): ImageConfigCache {
  return new Map();
}

/** Options of {@link inspectImages}. */
export interface InspectImagesOptions extends InspectImageOptions {
  /** At most this many images read at a time (default 4). */
  concurrency?: number;
  /** Results of earlier reads; images naming the same manifest (and platform) are read once. */
  cache?: ImageConfigCache;
}

/**
 * {@link inspectImage} for each image reference: the result maps each reference as given to
 * its facts or `{ error }`. References naming the same manifest are read once (per platform,
 * and once per `opts.cache`); at most `opts.concurrency` at a time. An invalid reference, or an
 * image whose registry is not on the allow-list (`opts.access`, default the default
 * allow-list), is `{ error }` without any request. Never throws.
 */
export async function inspectImages(images: readonly string[], opts: InspectImagesOptions = {}): Promise<Map<string, ImageConfigResult>> {
  const access = opts.access ?? registryAccess({ insecureRegistries: opts.insecureRegistries });
  const clientOpts: InspectImageOptions = { ...opts, access, tokens: opts.tokens ?? new Map() };
  const keySuffix = ` linux/${opts.architecture ?? 'amd64'}${opts.variant === undefined ? '' : `/${opts.variant}`}`;
  return lookUpEach(images, { access, concurrency: opts.concurrency, cache: opts.cache ?? createImageConfigCache(), keySuffix }, (target) =>
    inspectImage(target, clientOpts),
  );
}
