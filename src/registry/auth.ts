import { realmRefusal, type RegistryAccess } from './allow-list.js';
import type { RegistryCredential } from './credentials.js';
import { readBody, type RegistryFetch } from './http.js';

/** A `WWW-Authenticate` challenge: its scheme (lowercased) and parameters. */
export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/**
 * Parse a `WWW-Authenticate` header with one challenge, e.g.
 * `Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"`.
 * Returns undefined for an empty header.
 */
export function parseChallenge(header: string | null | undefined): Challenge | undefined {
  const text = header?.trim();
  if (!text) return undefined;
  const m = /^([A-Za-z][\w-]*)\s*(.*)$/s.exec(text)!;
  const params: Record<string, string> = {};
  const re = /([A-Za-z][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  for (let p = re.exec(m[2]!); p; p = re.exec(m[2]!)) params[p[1]!.toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : p[3]!;
  return { scheme: m[1]!.toLowerCase(), params };
}

/** `Basic <base64(user:password)>`. */
export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/** What a token request needs. */
export interface TokenRequest {
  challenge: Challenge;
  /** Registry host that sent the challenge (the realm must be on it or on one of its auth hosts). */
  host: string;
  repository: string;
  credential: RegistryCredential | undefined;
  /** The allow-list and insecure hosts the realm is checked against ({@link realmRefusal}). */
  access: RegistryAccess;
  fetch: RegistryFetch;
  timeoutMs: number;
}

/**
 * The distribution token flow: GET the challenge's realm with its `service` and `scope`
 * (default `repository:<repository>:pull`), anonymously or with the user name and password
 * as Basic credentials, and read `token` (or `access_token`) from the JSON answer
 * (distribution token authentication spec, docs/spec/auth/token.md in distribution/distribution).
 * The realm is asked only when {@link realmRefusal} allows it: https, on the registry's own host
 * or a configured auth host of it, not a non-public address; a redirect from the token service
 * is not followed. Throws an Error with a one-line message when that fails (no request is
 * sent for a refused realm).
 */
export async function fetchBearerToken(req: TokenRequest): Promise<string> {
  const realm = req.challenge.params.realm;
  if (!realm) throw new Error(`${req.host} asked for a bearer token without a realm`);
  let url: URL;
  try {
    url = new URL(realm);
  } catch {
    throw new Error(`${req.host} gave an invalid token realm ${JSON.stringify(realm)}`);
  }
  const refused = realmRefusal(req.access, req.host, url);
  if (refused) throw new Error(`${req.host} asked for a token: ${refused}`);
  if (req.challenge.params.service) url.searchParams.set('service', req.challenge.params.service);
  url.searchParams.set('scope', req.challenge.params.scope ?? `repository:${req.repository}:pull`);
  const headers: Record<string, string> = { Accept: 'application/json' };
  const cred = req.credential;
  if (cred && 'username' in cred) headers.Authorization = basicAuthorization(cred.username, cred.password);
  const res = await req.fetch(url, { headers, signal: AbortSignal.timeout(req.timeoutMs), redirect: 'manual' });
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    const why =
      res.status === 401 || res.status === 403
        ? cred
          ? ': check the credentials'
          : ': the registry needs credentials'
        : res.status >= 300 && res.status < 400
          ? ' (a redirect; token services are asked directly, redirects are not followed)'
          : '';
    throw new Error(`the token service of ${req.host} (${url.origin}) answered HTTP ${res.status}${why}`);
  }
  let body: unknown;
  try {
    body = JSON.parse((await readBody(res, 'the token answer')).toString('utf8'));
  } catch {
    throw new Error(`the token service of ${req.host} (${url.origin}) did not answer JSON`);
  }
  const b = body as { token?: unknown; access_token?: unknown };
  const token = typeof b.token === 'string' && b.token ? b.token : typeof b.access_token === 'string' && b.access_token ? b.access_token : undefined;
  if (!token) throw new Error(`the token service of ${req.host} (${url.origin}) answered without a token`);
  return token;
}
