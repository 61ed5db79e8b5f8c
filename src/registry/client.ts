import { createHash } from 'node:crypto';
import { readBody } from './http.js';
import type { RegistryTarget } from './reference.js';
import { openRepository, type RegistryClientOptions } from './session.js';

export type { RegistryClientOptions } from './session.js';

/**
 * Media types a manifest may have: OCI index and manifest, Docker manifest list and v2
 * manifest. Asking for the index types first keeps multi-platform images at their index digest.
 */
export const MANIFEST_MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
] as const;

/** The `Accept` header of manifest requests: {@link MANIFEST_MEDIA_TYPES}, index types first. */
export const MANIFEST_ACCEPT = MANIFEST_MEDIA_TYPES.join(', ');

/** The path of a manifest below `/v2/<repository>/`: `manifests/<reference>` (tag or digest, URL-encoded). */
export function manifestPath(reference: string): string {
  return `manifests/${encodeURIComponent(reference)}`;
}

/** The outcome of resolving one image: its manifest digest, or why it could not be resolved. */
export type DigestResult = { digest: string } | { error: string };

const SHA256 = /^sha256:[a-f0-9]{64}$/;

/**
 * Resolve the manifest digest of `target`: `HEAD /v2/<name>/manifests/<reference>` and its
 * `Docker-Content-Digest` header; without the header (or when HEAD is refused), GET the
 * manifest and hash its bytes. Nothing is sent when the registry is not on the allow-list
 * (`access`). A 401 answer is met once: Bearer challenges with the token flow (anonymous, or
 * with the configured user name and password; the realm only when allow-list.ts `realmRefusal`
 * allows it), Basic challenges with the configured credentials. Redirects are followed (at most
 * 5) only to hosts `redirectRefusal` allows; credentials and tokens never go to another host
 * than the one they are for. Never throws: failures are `{ error }` with a one-line message.
 */
export async function resolveManifestDigest(target: RegistryTarget, opts: RegistryClientOptions = {}): Promise<DigestResult> {
  const session = openRepository(target, opts);
  if ('error' in session) return session;
  const path = manifestPath(target.reference);
  try {
    const head = await session.send('HEAD', path, MANIFEST_ACCEPT);
    const headDigest = head.headers.get('docker-content-digest');
    if (head.ok && headDigest && SHA256.test(headDigest)) return { digest: headDigest };
    if (!head.ok && ![400, 405, 501].includes(head.status)) return { error: await session.failure(head) };
    const get = await session.send('GET', path, MANIFEST_ACCEPT);
    if (!get.ok) return { error: await session.failure(get) };
    const body = await readBody(get, `the manifest of ${session.where}`);
    const getDigest = get.headers.get('docker-content-digest');
    return { digest: getDigest && SHA256.test(getDigest) ? getDigest : `sha256:${createHash('sha256').update(body).digest('hex')}` };
  } catch (err) {
    return { error: session.explain(err) };
  }
}
