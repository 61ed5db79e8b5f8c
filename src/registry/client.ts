import { createHash } from 'node:crypto';
import { basicAuthorization, fetchBearerToken, parseChallenge } from './auth.js';
import { REGISTRY_AUTH_ENV, type RegistryCredential } from './credentials.js';
import { registryHost, type RegistryTarget } from './reference.js';

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

/** The outcome of resolving one image: its manifest digest, or why it could not be resolved. */
export type DigestResult = { digest: string } | { error: string };

/** How the client reaches registries. */
export interface RegistryClientOptions {
  /** Credentials by registry host (see {@link REGISTRY_AUTH_ENV}). */
  credentials?: Readonly<Record<string, RegistryCredential>>;
  /** Registries (besides loopback ones) reached over plain http. */
  insecureRegistries?: readonly string[];
  /** Time limit of each HTTP request, in milliseconds (default 15000). */
  timeoutMs?: number;
  /** The fetch function (default: Node's global fetch). */
  fetch?: typeof fetch;
  /** Bearer tokens by `host scope`, shared between requests (a fresh map when omitted). */
  tokens?: Map<string, string>;
}

const SHA256 = /^sha256:[a-f0-9]{64}$/;

/**
 * Resolve the manifest digest of `target`: `HEAD /v2/<name>/manifests/<reference>` and its
 * `Docker-Content-Digest` header; without the header (or when HEAD is refused), GET the
 * manifest and hash its bytes. A 401 answer is met once: Bearer challenges with the token flow
 * (anonymous, or with the configured user name and password), Basic challenges with the
 * configured credentials. Never throws: failures are `{ error }` with a one-line message.
 */
export async function resolveManifestDigest(target: RegistryTarget, opts: RegistryClientOptions = {}): Promise<DigestResult> {
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 15000;
  const tokens = opts.tokens ?? new Map<string, string>();
  const credential = opts.credentials?.[target.host];
  const insecureHosts = new Set((opts.insecureRegistries ?? []).map((r) => registryHost(r.trim())));
  const url = `${target.scheme}://${target.host}/v2/${target.repository}/manifests/${encodeURIComponent(target.reference)}`;
  const where = `${target.host}/${target.repository}:${target.reference}`;
  const defaultScope = `repository:${target.repository}:pull`;
  const cachedToken = tokens.get(`${target.host} ${defaultScope}`);
  let authorization: string | undefined = credential && 'token' in credential ? `Bearer ${credential.token}` : cachedToken && `Bearer ${cachedToken}`;
  let challenged = false;

  const send = async (method: 'HEAD' | 'GET'): Promise<Response> => {
    const headers: Record<string, string> = { Accept: MANIFEST_MEDIA_TYPES.join(', ') };
    if (authorization) headers.Authorization = authorization;
    let res = await doFetch(url, { method, headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    if (res.status !== 401 || challenged) return res;
    challenged = true;
    await res.body?.cancel().catch(() => undefined);
    const challenge = parseChallenge(res.headers.get('www-authenticate'));
    if (challenge?.scheme === 'bearer') {
      const scope = challenge.params.scope ?? defaultScope;
      const token = await fetchBearerToken({ challenge, host: target.host, repository: target.repository, credential, insecureHosts, fetch: doFetch, timeoutMs });
      tokens.set(`${target.host} ${scope}`, token);
      authorization = `Bearer ${token}`;
    } else if (challenge?.scheme === 'basic' && credential && 'username' in credential) {
      authorization = basicAuthorization(credential.username, credential.password);
    } else return res;
    headers.Authorization = authorization;
    res = await doFetch(url, { method, headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    return res;
  };

  try {
    const head = await send('HEAD');
    const headDigest = head.headers.get('docker-content-digest');
    if (head.ok && headDigest && SHA256.test(headDigest)) return { digest: headDigest };
    if (!head.ok && ![400, 405, 501].includes(head.status)) return { error: await describeFailure(head, where, target.host, credential) };
    const get = await send('GET');
    if (!get.ok) return { error: await describeFailure(get, where, target.host, credential) };
    const body = Buffer.from(await get.arrayBuffer());
    const getDigest = get.headers.get('docker-content-digest');
    return { digest: getDigest && SHA256.test(getDigest) ? getDigest : `sha256:${createHash('sha256').update(body).digest('hex')}` };
  } catch (err) {
    return { error: describeError(err, target.host, timeoutMs) };
  }
}

/** One line about a failed answer, with the registry's error code when it sent one. */
async function describeFailure(res: Response, where: string, host: string, credential: RegistryCredential | undefined): Promise<string> {
  let code = '';
  try {
    const body = (await res.json()) as { errors?: { code?: unknown; message?: unknown }[] };
    const e = body.errors?.[0];
    if (e && typeof e.code === 'string') code = `, ${e.code}${typeof e.message === 'string' && e.message ? `: ${e.message}` : ''}`;
  } catch {
    // HEAD answers and non-JSON bodies carry no error code.
  }
  const status = `HTTP ${res.status}${code}`;
  if (res.status === 404) return `${where} was not found (${status})`;
  if (res.status === 401 || res.status === 403) {
    return credential
      ? `access to ${where} was denied with the credentials of ${REGISTRY_AUTH_ENV} for ${host} (${status})`
      : `access to ${where} was denied (${status}); if the registry needs credentials, set them in ${REGISTRY_AUTH_ENV}`;
  }
  if (res.status === 429) return `${host} limits the request rate (${status}); try again later or give credentials in ${REGISTRY_AUTH_ENV}`;
  return `${host} answered ${status} for ${where}`;
}

/** One line about a failed request: timeout, connection error, or a token flow problem. */
function describeError(err: unknown, host: string, timeoutMs: number): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `${host} did not answer within ${timeoutMs / 1000} s`;
  // By name: fetch's TypeError may come from another realm (e.g. under a test runner's VM).
  if (e?.name === 'TypeError' && e.message === 'fetch failed') {
    const cause = e.cause as { code?: string; message?: string; errors?: { code?: string }[] } | undefined;
    return `cannot reach ${host}: ${cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message ?? 'connection failed'}`;
  }
  return e?.message ?? String(err);
}
