import { blobRedirectRefusal, registryAccess, redirectRefusal, registryRefusal, type RegistryAccess } from './allow-list.js';
import { basicAuthorization, fetchBearerToken, parseChallenge } from './auth.js';
import { REGISTRY_AUTH_ENV, type RegistryCredential } from './credentials.js';
import { guardedFetch, readBody, RegistryRefusal, type RegistryFetch } from './http.js';
import { registryHost } from './hosts.js';
import type { RegistryTarget } from './reference.js';

/** How the client reaches registries. */
export interface RegistryClientOptions {
  /** Credentials by registry host (see {@link REGISTRY_AUTH_ENV}). */
  credentials?: Readonly<Record<string, RegistryCredential>>;
  /**
   * Which registries may be asked, and which over plain http (see allow-list.ts). Default:
   * the default allow-list plus `insecureRegistries`.
   */
  access?: RegistryAccess;
  /** Registries reached over plain http (used when `access` is not given). */
  insecureRegistries?: readonly string[];
  /** Time limit of each HTTP request, in milliseconds (default 15000). */
  timeoutMs?: number;
  /**
   * The fetch function (default: {@link guardedFetch} of `access`, which refuses non-public
   * addresses after DNS resolution). One given here is trusted to do its own address checks.
   */
  fetch?: RegistryFetch;
  /** Bearer tokens by `host scope`, shared between requests (a fresh map when omitted). */
  tokens?: Map<string, string>;
}

/**
 * Requests to one repository of one registry (`<scheme>://<host>/v2/<repository>/…`), sharing
 * the authorization a 401 challenge gave between them (see {@link openRepository}).
 */
export interface RepositorySession {
  /** `host/repository:reference` of the target, as messages name it. */
  readonly where: string;
  /**
   * `method` to `/v2/<repository>/<path>` (`path` already URL-encoded, e.g. `manifests/1.0`,
   * `blobs/sha256:…`) with `Accept: accept`. Follows allowed redirects; meets a 401 once (see
   * {@link openRepository}). Resolves to the final answer, whatever its status; its body is
   * the caller's to read or cancel. Throws a {@link RegistryRefusal} (a redirect or realm
   * refused), a token-flow Error, a Node system error or the timeout's abort reason.
   * `contentAddressed: true` (a `blobs/<digest>` GET whose bytes the caller checks against the
   * digest) lets a redirect go to the registry's storage host off the allow-list (see
   * allow-list.ts {@link blobRedirectRefusal}); nothing is sent there but the request (a 401
   * from such a host is the answer: no token flow, no credential).
   */
  send(method: 'HEAD' | 'GET', path: string, accept: string, opts?: { contentAddressed?: boolean }): Promise<Response>;
  /** One line about a failed answer `res` for `where` (default: the target's), with the registry's error code when it sent one. Reads the body. */
  failure(res: Response, where?: string): Promise<string>;
  /** One line about an error {@link send} (or reading a body) threw: timeout, connection error, refusal, token flow. */
  explain(err: unknown): string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** At most this many redirects per request. */
const MAX_REDIRECTS = 5;

/**
 * The requests to `target`'s repository, or `{ error }` when its registry is not on the
 * allow-list (`opts.access`; nothing is sent then). A 401 answer is met once per request:
 * Bearer challenges with the token flow (anonymous, or with the configured user name and
 * password; the realm only when allow-list.ts `realmRefusal` allows it), Basic challenges with
 * the configured credentials; the authorization got is kept for the session's later requests.
 * Redirects are followed (at most 5) only to hosts `redirectRefusal` allows (for a
 * content-addressed blob, `blobRedirectRefusal`); credentials and tokens never go to another
 * host than the one they are for, and none to a host off the allow-list.
 */
export function openRepository(target: RegistryTarget, opts: RegistryClientOptions = {}): RepositorySession | { error: string } {
  const access = opts.access ?? registryAccess({ insecureRegistries: opts.insecureRegistries });
  const refused = registryRefusal(access, target.host);
  if (refused) return { error: refused };
  const doFetch = opts.fetch ?? guardedFetch(access);
  const timeoutMs = opts.timeoutMs ?? 15000;
  const tokens = opts.tokens ?? new Map<string, string>();
  const base = `${target.scheme}://${target.host}/v2/${target.repository}/`;
  const where = `${target.host}/${target.repository}:${target.reference}`;
  const defaultScope = `repository:${target.repository}:pull`;
  const credentialOf = (host: string) => opts.credentials?.[host];
  /** What to send a host up front: its configured bearer token, else a token got earlier. */
  const authorizationFor = (host: string): string | undefined => {
    const c = credentialOf(host);
    if (c && 'token' in c) return `Bearer ${c.token}`;
    const cached = tokens.get(`${host} ${defaultScope}`);
    return cached && `Bearer ${cached}`;
  };
  const authorization = new Map<string, string | undefined>();

  /** One request, following allowed redirects; the answer, and the URL and host that gave it. */
  const follow = async (method: 'HEAD' | 'GET', url: URL, accept: string, contentAddressed: boolean): Promise<{ res: Response; url: URL; host: string }> => {
    let host = registryHost(url.host);
    const onAllowList = (h: string) => registryRefusal(access, h) === undefined;
    for (let hops = 0; ; hops++) {
      const headers: Record<string, string> = { Accept: accept };
      // A storage host off the allow-list gets no credential at all, configured or not.
      const auth = !onAllowList(host) ? undefined : authorization.has(host) ? authorization.get(host) : authorizationFor(host);
      if (auth) headers.Authorization = auth;
      const res = await doFetch(url, { method, headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
      if (!REDIRECTS.has(res.status)) return { res, url, host };
      await res.body?.cancel().catch(() => undefined);
      const location = res.headers.get('location');
      if (!location) throw new RegistryRefusal(`${host} answered HTTP ${res.status} without a Location`);
      if (hops >= MAX_REDIRECTS) throw new RegistryRefusal(`${target.host} redirected more than ${MAX_REDIRECTS} times for ${where}`);
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        throw new RegistryRefusal(`${host} redirected to an invalid URL`);
      }
      const why = contentAddressed && method === 'GET' ? blobRedirectRefusal(access, host, next) : redirectRefusal(access, host, next);
      if (why) throw new RegistryRefusal(why);
      url = next;
      host = registryHost(next.host);
      if (res.status === 303) method = 'GET';
    }
  };

  const send = async (method: 'HEAD' | 'GET', path: string, accept: string, sendOpts: { contentAddressed?: boolean } = {}): Promise<Response> => {
    const contentAddressed = sendOpts.contentAddressed === true && /^blobs\/sha256:[a-f0-9]{64}$/.test(path);
    const first = await follow(method, new URL(base + path), accept, contentAddressed);
    if (first.res.status !== 401) return first.res;
    // A storage host off the allow-list (a blob redirect) is sent nothing but the request: its
    // 401 is the answer, with no token flow (which would carry its configured credentials) there.
    if (registryRefusal(access, first.host) !== undefined) return first.res;
    const challenge = parseChallenge(first.res.headers.get('www-authenticate'));
    const credential = credentialOf(first.host);
    if (challenge?.scheme === 'bearer') {
      await first.res.body?.cancel().catch(() => undefined);
      const scope = challenge.params.scope ?? defaultScope;
      const token = await fetchBearerToken({ challenge, host: first.host, repository: target.repository, credential, access, fetch: doFetch, timeoutMs });
      tokens.set(`${first.host} ${scope}`, token);
      authorization.set(first.host, `Bearer ${token}`);
    } else if (challenge?.scheme === 'basic' && credential && 'username' in credential) {
      await first.res.body?.cancel().catch(() => undefined);
      authorization.set(first.host, basicAuthorization(credential.username, credential.password));
    } else return first.res;
    return (await follow(method, first.url, accept, contentAddressed)).res;
  };

  return {
    where,
    send,
    failure: (res, at = where) => describeFailure(res, at, target.host, credentialOf(target.host)),
    explain: (err) => describeError(err, target.host, timeoutMs),
  };
}

/** One line about a failed answer, with the registry's error code when it sent one. */
async function describeFailure(res: Response, where: string, host: string, credential: RegistryCredential | undefined): Promise<string> {
  let code = '';
  try {
    const body = JSON.parse((await readBody(res, 'the error answer')).toString('utf8')) as { errors?: { code?: unknown; message?: unknown }[] };
    const e = body.errors?.[0];
    // The registry's words, at most 200 characters each (an answer may be megabytes).
    const clip = (v: string) => (v.length > 200 ? `${v.slice(0, 200)}…` : v);
    if (e && typeof e.code === 'string') code = `, ${clip(e.code)}${typeof e.message === 'string' && e.message ? `: ${clip(e.message)}` : ''}`;
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
  const e = err as Error & { code?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `${host} did not answer within ${timeoutMs / 1000} s`;
  if (e?.name === 'RegistryRefusal') return e.message;
  // Node's http/https (guardedFetch): a system error with its code.
  if (typeof e?.code === 'string' && /^E[A-Z_]+$/.test(e.code)) return `cannot reach ${host}: ${e.code}`;
  // By name: fetch's TypeError may come from another realm (e.g. under a test runner's VM).
  if (e?.name === 'TypeError' && e.message === 'fetch failed') {
    const cause = e.cause as { code?: string; message?: string; errors?: { code?: string }[] } | undefined;
    return `cannot reach ${host}: ${cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message ?? 'connection failed'}`;
  }
  return e?.message ?? String(err);
}
