import { isIP } from 'node:net';
import { nonPublicRange, splitHostPort } from './addresses.js';
import { registryHost } from './hosts.js';

/**
 * The registries asked by default, in the syntax of the `registries` input (`host` or
 * `*.domain`, optionally `=auth-host`: the host of their token realm, when it is another):
 * - `docker.io=auth.docker.io`: Docker Hub (served by registry-1.docker.io; tokens from auth.docker.io);
 * - `ghcr.io`: GitHub Container Registry; `quay.io`: Red Hat Quay;
 * - `gcr.io`, `*.gcr.io=gcr.io`: Google Container Registry and its regional hosts and mirror (mirror.gcr.io, us.gcr.io…);
 * - `registry.k8s.io`: the Kubernetes project's images (it redirects to `*.pkg.dev`);
 * - `*.pkg.dev`: Google Artifact Registry (`us-docker.pkg.dev`, `europe-west1-docker.pkg.dev`…);
 * - `public.ecr.aws`: Amazon ECR Public; `mcr.microsoft.com`: Microsoft Artifact Registry.
 * Private registries (`*.azurecr.io`, `*.dkr.ecr.*.amazonaws.com`, self-hosted) are not on it:
 * they need credentials anyway, and whoever configures those names them in `registries`.
 */
export const DEFAULT_REGISTRIES: readonly string[] = [
  'docker.io=auth.docker.io',
  'ghcr.io',
  'quay.io',
  'gcr.io',
  '*.gcr.io=gcr.io',
  'registry.k8s.io',
  '*.pkg.dev',
  'public.ecr.aws',
  'mcr.microsoft.com',
];

/** The keyword of the `registries` input (and `--registries`) that stands for {@link DEFAULT_REGISTRIES}. */
export const DEFAULTS_KEYWORD = 'defaults';

/** One entry of the allow-list. */
export interface AllowEntry {
  /** The entry as written (`*.gcr.io=gcr.io`). */
  text: string;
  /** Host name, IP address (IPv6 in brackets) or, for a wildcard, the domain below the `*.`, lowercased; Docker Hub as {@link registryHost} names it. */
  host: string;
  /** `*.domain`: any host exactly one label below `domain`. */
  wildcard: boolean;
  /** The port; undefined matches a host written without a port (or with 443). */
  port: number | undefined;
  /** Hosts (with port, as `URL.host` gives them) its token realm may be on besides the registry itself. */
  authHosts: string[];
  /** From {@link DEFAULT_REGISTRIES}, or named by the user. Only a user's exact (non-wildcard) entry may resolve to a non-public address. */
  source: 'default' | 'user';
}

/** Which registries may be asked, and how (see {@link registryAccess}). */
export interface RegistryAccess {
  entries: readonly AllowEntry[];
  /** Hosts (as {@link registryHost} names them) reached over plain http; each is also an exact user entry of `entries`. */
  insecure: ReadonlySet<string>;
  /** How the user names the allow-list setting in messages (`input registries`, `--registries`). */
  setting: string;
}

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);

/**
 * Parse one entry: `host[:port]`, `*.domain[:port]`, an IPv4 address or `[IPv6]` with an optional
 * port, each optionally followed by `=auth-host[:port]`. Throws an Error naming the entry when
 * it is none of these.
 */
export function parseAllowEntry(text: string, source: AllowEntry['source'] = 'user'): AllowEntry {
  const [hostPart = '', authPart, extra] = text.trim().toLowerCase().split('=');
  const bad = (why: string) => new Error(`"${text.trim()}" is not a registry host${why ? ` (${why})` : ''}; expected host[:port], *.domain or host=auth-host`);
  if (extra !== undefined) throw bad('more than one "="');
  if (!hostPart.startsWith('[') && (hostPart.match(/:/g) ?? []).length > 1) throw bad('an IPv6 address goes in brackets: [::1]:5000');
  const wildcard = hostPart.startsWith('*.');
  const { hostname, port } = splitHostPort(wildcard ? hostPart.slice(2) : hostPart);
  if (port !== undefined && !(port > 0 && port < 65536)) throw bad('port out of range');
  if (/[*?[\]{}]/.test(hostname)) throw bad('only a leading "*." is a wildcard');
  const ip = isIP(hostname);
  if (ip === 0 && !HOST_NAME.test(hostname)) throw bad('');
  if (ip !== 0 && wildcard) throw bad('an IP address cannot have a wildcard');
  if (wildcard && !hostname.includes('.')) throw bad('a wildcard needs a domain with a dot, like *.gcr.io');
  const authHosts: string[] = [];
  if (authPart !== undefined) {
    let u: URL;
    try {
      u = new URL(`https://${authPart}`);
    } catch {
      throw bad('invalid auth host');
    }
    if (u.host !== authPart.replace(/:443$/, '') || authPart.includes('*')) throw bad('invalid auth host');
    authHosts.push(u.host);
  }
  const host = ip === 6 ? `[${hostname}]` : wildcard ? hostname : registryHost(hostname);
  return { text: text.trim(), host, wildcard, port: port === 443 ? undefined : port, authHosts, source };
}

/**
 * The registry access of a run: `registries` (entries as {@link parseAllowEntry} reads them;
 * empty or absent: {@link DEFAULT_REGISTRIES}; the keyword {@link DEFAULTS_KEYWORD} adds the
 * defaults to the entries named, which otherwise replace them) and `insecureRegistries` (hosts
 * reached over plain http, each also allowed). Throws an Error listing every bad entry, each
 * prefixed with where it comes from (`setting`, e.g. `input registries`, or
 * `KUBE_IMMUTABLE_INSECURE_REGISTRIES`).
 */
export function registryAccess(opts: { registries?: readonly string[]; insecureRegistries?: readonly string[]; setting?: string } = {}): RegistryAccess {
  const given = (opts.registries ?? []).map((s) => s.trim()).filter(Boolean);
  const entries: AllowEntry[] = [];
  const problems: string[] = [];
  if (given.length === 0 || given.some((g) => g.toLowerCase() === DEFAULTS_KEYWORD))
    entries.push(...DEFAULT_REGISTRIES.map((d) => parseAllowEntry(d, 'default')));
  const setting = opts.setting ?? 'the registries setting';
  for (const g of given) {
    if (g.toLowerCase() === DEFAULTS_KEYWORD) continue;
    try {
      entries.push(parseAllowEntry(g));
    } catch (err) {
      problems.push(`${setting}: ${(err as Error).message}`);
    }
  }
  const insecure = new Set<string>();
  for (const r of (opts.insecureRegistries ?? []).map((s) => s.trim()).filter(Boolean)) {
    try {
      const e = parseAllowEntry(r);
      if (e.wildcard || e.authHosts.length > 0) throw new Error(`"${r}": an insecure registry is one host[:port], without a wildcard or "="`);
      entries.push(e);
      insecure.add(e.port === undefined ? e.host : `${e.host}:${e.port}`);
    } catch (err) {
      problems.push(`KUBE_IMMUTABLE_INSECURE_REGISTRIES: ${(err as Error).message}`);
    }
  }
  if (problems.length > 0) throw new Error(problems.join('; '));
  return { entries, insecure, setting };
}

/** True when `entry` names `host` (`name`, `name:port`, `[v6]:port`, as {@link registryHost} gives it). */
function matches(entry: AllowEntry, host: string): boolean {
  const { hostname, port } = splitHostPort(host);
  const name = hostname.includes(':') ? `[${hostname}]` : hostname;
  const p = port === 443 ? undefined : port;
  if (p !== entry.port) return false;
  if (!entry.wildcard) return name === entry.host;
  if (!name.endsWith(`.${entry.host}`)) return false;
  const label = name.slice(0, -entry.host.length - 1);
  return label !== '' && !label.includes('.') && isIP(hostname) === 0;
}

/** The entries of `access` that allow `host`. */
function entriesFor(access: RegistryAccess, host: string): AllowEntry[] {
  return access.entries.filter((e) => matches(e, host));
}

/**
 * Why no request may be sent to the registry `host` (as {@link registryHost} names it), or
 * undefined when it is on the allow-list (or named as insecure). Checked before any request, so
 * a registry name a pull request writes never reaches the network unless a maintainer allowed it.
 */
export function registryRefusal(access: RegistryAccess, host: string): string | undefined {
  if (entriesFor(access, host).length > 0) return undefined;
  return `registry ${host} is not on the allow-list (${access.setting}); no request was made`;
}

/**
 * True when `host` may resolve to (or be) a non-public address: only when a user's exact
 * entry, or the insecure list, names it. Default and wildcard entries never may.
 */
export function mayBeNonPublic(access: RegistryAccess, host: string): boolean {
  return entriesFor(access, host).some((e) => e.source === 'user' && !e.wildcard);
}

/** `http` for the hosts of the insecure list, else `https`. */
export function schemeFor(access: RegistryAccess, host: string): 'https' | 'http' {
  return access.insecure.has(host) ? 'http' : 'https';
}

/**
 * Why the request URL `url` may not be sent (a registry host, a redirect target or a token
 * realm), or undefined. `allowed` are the hosts it may be on (`URL.host` form). Rules: the host
 * is one of `allowed`; the scheme is https, or http for a host on the insecure list; an IP
 * literal in a non-public range ({@link nonPublicRange}) needs a user's exact entry.
 */
function urlRefusal(access: RegistryAccess, url: URL, allowed: readonly string[], what: string): string | undefined {
  const host = registryHost(url.host);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && access.insecure.has(host))) {
    return `${what} ${url.origin} is not https`;
  }
  if (!allowed.some((a) => registryHost(a) === host)) return `${what} ${url.origin} is on another host`;
  const bare = url.hostname.replace(/^\[|\]$/g, '');
  const range = nonPublicRange(bare);
  if (range && !mayBeNonPublic(access, host)) return `${what} ${url.origin} is a ${range} address`;
  return undefined;
}

/**
 * Why the token realm `realm` of a `WWW-Authenticate: Bearer` challenge from `registry` (the
 * host that answered 401) may not be asked, or undefined. Per the distribution token
 * authentication spec (distribution/distribution docs/spec/auth/token.md) the realm is any URL
 * the registry names; we follow it only when it is https (or http on the insecure list) and
 * its host is the registry itself or an auth host of a matching entry (`docker.io=auth.docker.io`),
 * never a non-public IP literal (unless named exactly). The token request carries the
 * registry's credentials, so it must never go to a host the registry's owner (or a pull
 * request) chose freely.
 */
export function realmRefusal(access: RegistryAccess, registry: string, realm: URL): string | undefined {
  const allowed = [registry, ...entriesFor(access, registry).flatMap((e) => e.authHosts)];
  const why = urlRefusal(access, realm, allowed, 'the token realm');
  return why && `${why}; refusing to send a token request there (allowed: ${allowed.join(', ')})`;
}

/**
 * Why a redirect from registry `from` to `location` may not be followed, or undefined. A
 * redirect stays on `from`, or goes to another host on the allow-list (registry.k8s.io sends
 * clients to `*.pkg.dev`), under the rules of {@link realmRefusal} for scheme and addresses.
 */
export function redirectRefusal(access: RegistryAccess, from: string, location: URL): string | undefined {
  const to = registryHost(location.host);
  if (to !== from && entriesFor(access, to).length === 0) {
    return `${from} redirected to ${location.origin}, which is not on the allow-list (${access.setting}); not followed`;
  }
  const why = urlRefusal(access, location, [to], 'the redirect to');
  return why && `${from} redirected to ${location.origin}: ${why}; not followed`;
}

/**
 * Why a redirect of a content-addressed blob request (`GET /v2/<name>/blobs/<digest>`, whose
 * bytes the caller checks against the digest before using them) from registry `from` to
 * `location` may not be followed, or undefined. Registries serve blobs from storage hosts of
 * their own choosing (Docker Hub: production.cloudflare.docker.com; ghcr.io:
 * pkg-containers.githubusercontent.com; Quay: its CDN and S3; the OCI distribution spec,
 * spec.md "Pulling blobs", allows a 307 to any location), so the target need not be on the
 * allow-list. It must still be https (http only for a host of the insecure list), and not a
 * non-public IP literal (resolved names are checked on connecting, see http.ts guardedFetch);
 * no credential or token is sent there (the session sends them per host). Anything the host
 * returns that does not hash to the digest is discarded.
 */
export function blobRedirectRefusal(access: RegistryAccess, from: string, location: URL): string | undefined {
  const to = registryHost(location.host);
  if (entriesFor(access, to).length > 0) return redirectRefusal(access, from, location);
  const why = urlRefusal(access, location, [to], 'the redirect to');
  return why && `${from} redirected to ${location.origin}: ${why}; not followed`;
}
