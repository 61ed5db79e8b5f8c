import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  fileSkipReason
} from "./chunk-BWIBLJZ3.js";
import {
  extractManifests,
  parseImageReference,
  toWorkload
} from "./chunk-XJ4RNHDL.js";
import {
  parseYaml
} from "./chunk-P3YRBRJ7.js";

// src/registry/hosts.ts
var DOCKER_HUB_HOST = "registry-1.docker.io";
var DOCKER_HUB_ALIASES = /* @__PURE__ */ new Set(["docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"]);
function registryHost(registry) {
  const host = (registry ?? "docker.io").toLowerCase();
  return DOCKER_HUB_ALIASES.has(host) ? DOCKER_HUB_HOST : host;
}

// src/registry/reference.ts
function registryTarget(image, insecureRegistries = []) {
  const ref = parseImageReference(image);
  if (ref.problem) return { error: `invalid image reference: ${ref.problem}` };
  const host = registryHost(ref.registry);
  const repository = host === DOCKER_HUB_HOST && !ref.path.includes("/") ? `library/${ref.path}` : ref.path;
  const insecure = new Set(insecureRegistries.map((r) => registryHost(r.trim())));
  const scheme = insecure.has(host) ? "http" : "https";
  return { image, scheme, host, repository, reference: ref.digest ?? ref.tag ?? "latest" };
}

// src/registry/addresses.ts
import { BlockList, isIP } from "node:net";
var NON_PUBLIC = [
  ["0.0.0.0", 8, "ipv4", '"this network" (RFC 1122)'],
  ["10.0.0.0", 8, "ipv4", "private (RFC 1918)"],
  ["100.64.0.0", 10, "ipv4", "shared address space (RFC 6598)"],
  ["127.0.0.0", 8, "ipv4", "loopback (RFC 1122)"],
  ["169.254.0.0", 16, "ipv4", "link-local (RFC 3927), e.g. cloud metadata services"],
  ["172.16.0.0", 12, "ipv4", "private (RFC 1918)"],
  ["192.0.0.0", 24, "ipv4", "IETF protocol assignments (RFC 6890)"],
  ["192.168.0.0", 16, "ipv4", "private (RFC 1918)"],
  ["198.18.0.0", 15, "ipv4", "benchmarking (RFC 2544)"],
  ["224.0.0.0", 4, "ipv4", "multicast (RFC 5771)"],
  ["240.0.0.0", 4, "ipv4", "reserved (RFC 1112), incl. broadcast"],
  ["::", 128, "ipv6", "unspecified (RFC 4291)"],
  ["::1", 128, "ipv6", "loopback (RFC 4291)"],
  ["fc00::", 7, "ipv6", "unique local (RFC 4193)"],
  ["fe80::", 10, "ipv6", "link-local (RFC 4291)"],
  ["ff00::", 8, "ipv6", "multicast (RFC 4291)"]
];
var RANGES = NON_PUBLIC.map(([net, prefix, family, why]) => {
  const list = new BlockList();
  list.addSubnet(net, prefix, family);
  return { list, why };
});
function nonPublicRange(address) {
  const family = isIP(address);
  if (family === 0) return void 0;
  const type = family === 4 ? "ipv4" : "ipv6";
  return RANGES.find((r) => r.list.check(address, type))?.why;
}
function splitHostPort(host) {
  const h = host.toLowerCase();
  if (h.startsWith("[")) {
    const end = h.indexOf("]");
    const rest = h.slice(end + 1);
    return { hostname: h.slice(1, end), port: rest.startsWith(":") ? Number(rest.slice(1)) : void 0 };
  }
  const m = /^(.*):(\d+)$/.exec(h);
  return m ? { hostname: m[1], port: Number(m[2]) } : { hostname: h, port: void 0 };
}

// src/registry/allow-list.ts
import { isIP as isIP2 } from "node:net";
var DEFAULT_REGISTRIES = [
  "docker.io=auth.docker.io",
  "ghcr.io",
  "quay.io",
  "gcr.io",
  "*.gcr.io=gcr.io",
  "registry.k8s.io",
  "*.pkg.dev",
  "public.ecr.aws",
  "mcr.microsoft.com"
];
var DEFAULTS_KEYWORD = "defaults";
var LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
var HOST_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
function parseAllowEntry(text, source = "user") {
  const [hostPart = "", authPart, extra] = text.trim().toLowerCase().split("=");
  const bad = (why) => new Error(`"${text.trim()}" is not a registry host${why ? ` (${why})` : ""}; expected host[:port], *.domain or host=auth-host`);
  if (extra !== void 0) throw bad('more than one "="');
  if (!hostPart.startsWith("[") && (hostPart.match(/:/g) ?? []).length > 1) throw bad("an IPv6 address goes in brackets: [::1]:5000");
  const wildcard = hostPart.startsWith("*.");
  const { hostname, port } = splitHostPort(wildcard ? hostPart.slice(2) : hostPart);
  if (port !== void 0 && !(port > 0 && port < 65536)) throw bad("port out of range");
  if (/[*?[\]{}]/.test(hostname)) throw bad('only a leading "*." is a wildcard');
  const ip = isIP2(hostname);
  if (ip === 0 && !HOST_NAME.test(hostname)) throw bad("");
  if (ip !== 0 && wildcard) throw bad("an IP address cannot have a wildcard");
  if (wildcard && !hostname.includes(".")) throw bad("a wildcard needs a domain with a dot, like *.gcr.io");
  const authHosts = [];
  if (authPart !== void 0) {
    let u;
    try {
      u = new URL(`https://${authPart}`);
    } catch {
      throw bad("invalid auth host");
    }
    if (u.host !== authPart.replace(/:443$/, "") || authPart.includes("*")) throw bad("invalid auth host");
    authHosts.push(u.host);
  }
  const host = ip === 6 ? `[${hostname}]` : wildcard ? hostname : registryHost(hostname);
  return { text: text.trim(), host, wildcard, port: port === 443 ? void 0 : port, authHosts, source };
}
function registryAccess(opts = {}) {
  const given = (opts.registries ?? []).map((s) => s.trim()).filter(Boolean);
  const entries = [];
  const problems = [];
  if (given.length === 0 || given.some((g) => g.toLowerCase() === DEFAULTS_KEYWORD))
    entries.push(...DEFAULT_REGISTRIES.map((d) => parseAllowEntry(d, "default")));
  const setting = opts.setting ?? "the registries setting";
  for (const g of given) {
    if (g.toLowerCase() === DEFAULTS_KEYWORD) continue;
    try {
      entries.push(parseAllowEntry(g));
    } catch (err) {
      problems.push(`${setting}: ${err.message}`);
    }
  }
  const insecure = /* @__PURE__ */ new Set();
  for (const r of (opts.insecureRegistries ?? []).map((s) => s.trim()).filter(Boolean)) {
    try {
      const e = parseAllowEntry(r);
      if (e.wildcard || e.authHosts.length > 0) throw new Error(`"${r}": an insecure registry is one host[:port], without a wildcard or "="`);
      entries.push(e);
      insecure.add(e.port === void 0 ? e.host : `${e.host}:${e.port}`);
    } catch (err) {
      problems.push(`KUBE_IMMUTABLE_INSECURE_REGISTRIES: ${err.message}`);
    }
  }
  if (problems.length > 0) throw new Error(problems.join("; "));
  return { entries, insecure, setting };
}
function matches(entry, host) {
  const { hostname, port } = splitHostPort(host);
  const name = hostname.includes(":") ? `[${hostname}]` : hostname;
  const p = port === 443 ? void 0 : port;
  if (p !== entry.port) return false;
  if (!entry.wildcard) return name === entry.host;
  if (!name.endsWith(`.${entry.host}`)) return false;
  const label = name.slice(0, -entry.host.length - 1);
  return label !== "" && !label.includes(".") && isIP2(hostname) === 0;
}
function entriesFor(access, host) {
  return access.entries.filter((e) => matches(e, host));
}
function registryRefusal(access, host) {
  if (entriesFor(access, host).length > 0) return void 0;
  return `registry ${host} is not on the allow-list (${access.setting}); no request was made`;
}
function mayBeNonPublic(access, host) {
  return entriesFor(access, host).some((e) => e.source === "user" && !e.wildcard);
}
function urlRefusal(access, url, allowed, what) {
  const host = registryHost(url.host);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && access.insecure.has(host))) {
    return `${what} ${url.origin} is not https`;
  }
  if (!allowed.some((a) => registryHost(a) === host)) return `${what} ${url.origin} is on another host`;
  const bare = url.hostname.replace(/^\[|\]$/g, "");
  const range = nonPublicRange(bare);
  if (range && !mayBeNonPublic(access, host)) return `${what} ${url.origin} is a ${range} address`;
  return void 0;
}
function realmRefusal(access, registry, realm) {
  const allowed = [registry, ...entriesFor(access, registry).flatMap((e) => e.authHosts)];
  const why = urlRefusal(access, realm, allowed, "the token realm");
  return why && `${why}; refusing to send a token request there (allowed: ${allowed.join(", ")})`;
}
function redirectRefusal(access, from, location) {
  const to = registryHost(location.host);
  if (to !== from && entriesFor(access, to).length === 0) {
    return `${from} redirected to ${location.origin}, which is not on the allow-list (${access.setting}); not followed`;
  }
  const why = urlRefusal(access, location, [to], "the redirect to");
  return why && `${from} redirected to ${location.origin}: ${why}; not followed`;
}
function blobRedirectRefusal(access, from, location) {
  const to = registryHost(location.host);
  if (entriesFor(access, to).length > 0) return redirectRefusal(access, from, location);
  const why = urlRefusal(access, location, [to], "the redirect to");
  return why && `${from} redirected to ${location.origin}: ${why}; not followed`;
}

// src/registry/http.ts
import { lookup as dnsLookup } from "node:dns";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP as isIP3 } from "node:net";
import { Readable } from "node:stream";
var RegistryRefusal = class extends Error {
  constructor(message) {
    super(message);
    this.name = "RegistryRefusal";
  }
};
function guardedFetch(access) {
  return (input, init) => {
    const url = new URL(String(input));
    const host = registryHost(url.host);
    const permitted = mayBeNonPublic(access, host);
    const refuse = (address) => {
      const range = permitted ? void 0 : nonPublicRange(address);
      return range === void 0 ? void 0 : new RegistryRefusal(
        `${url.hostname} is (or resolves to) ${address}, a ${range} address; no request was made (name the host exactly in ${access.setting} to allow it)`
      );
    };
    const literal = url.hostname.replace(/^\[|\]$/g, "");
    if (isIP3(literal) !== 0) {
      const r = refuse(literal);
      if (r) return Promise.reject(r);
    }
    const lookup = (hostname, options, callback) => {
      dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
        if (err) return callback(err, "", 0);
        const list = addresses;
        const bad = list.map((a) => refuse(a.address)).find(Boolean);
        if (bad) return callback(bad, "", 0);
        if (options.all) callback(null, list);
        else callback(null, list[0].address, list[0].family);
      });
    };
    const send = url.protocol === "https:" ? httpsRequest : url.protocol === "http:" ? httpRequest : void 0;
    if (!send) return Promise.reject(new RegistryRefusal(`${url.origin}: only https (and http for insecure registries) is used`));
    const method = init.method ?? "GET";
    return new Promise((resolve, reject) => {
      const req = send(url, { method, headers: init.headers, lookup, signal: init.signal, agent: false }, (res) => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) {
          if (v === void 0) continue;
          for (const one of Array.isArray(v) ? v : [v]) headers.append(k, one);
        }
        const status = res.statusCode ?? 500;
        const noBody = method === "HEAD" || status === 204 || status === 304;
        if (noBody) res.on("error", () => void 0).resume();
        const body = noBody ? null : Readable.toWeb(res);
        resolve(new Response(body, { status, statusText: res.statusMessage, headers }));
      });
      req.on("error", (err) => reject(init.signal?.aborted ? init.signal.reason : err));
      req.end();
    });
  };
}
var MAX_BODY_BYTES = 4 * 1024 * 1024;
async function readBody(res, what, limit = MAX_BODY_BYTES) {
  const declared = Number(res.headers.get("content-length") ?? NaN);
  const tooLarge = () => new RegistryRefusal(`${what} is larger than ${limit} bytes; not read`);
  if (declared > limit) {
    await res.body?.cancel().catch(() => void 0);
    throw tooLarge();
  }
  const chunks = [];
  let size = 0;
  const reader = res.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => void 0);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

// src/registry/credentials.ts
var REGISTRY_AUTH_ENV = "KUBE_IMMUTABLE_REGISTRY_AUTH";
var INSECURE_REGISTRIES_ENV = "KUBE_IMMUTABLE_INSECURE_REGISTRIES";
function registryEnvironment(env) {
  const credentials = {};
  const problems = [];
  const raw = env[REGISTRY_AUTH_ENV]?.trim();
  if (raw) {
    let parsed;
    try {
      parsed = JSON.parse(raw);
    } catch {
      problems.push(`${REGISTRY_AUTH_ENV} is not valid JSON; expected {"<registry host>": {"username": "...", "password": "..."} | {"token": "..."}}`);
    }
    if (parsed !== void 0 && (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))) {
      problems.push(`${REGISTRY_AUTH_ENV} must be a JSON object keyed by registry host`);
    } else if (parsed !== void 0) {
      for (const [host, value] of Object.entries(parsed)) {
        const v = value;
        if (v && typeof v === "object" && typeof v.token === "string" && v.token !== "") credentials[registryHost(host)] = { token: v.token };
        else if (v && typeof v === "object" && typeof v.username === "string" && typeof v.password === "string") {
          credentials[registryHost(host)] = { username: v.username, password: v.password };
        } else problems.push(`${REGISTRY_AUTH_ENV}: the entry of "${host}" needs "username" and "password" strings, or a "token" string`);
      }
    }
  }
  const insecureRegistries = (env[INSECURE_REGISTRIES_ENV] ?? "").split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
  return { credentials, insecureRegistries, problems };
}

// src/registry/auth.ts
function parseChallenge(header) {
  const text = header?.trim();
  if (!text) return void 0;
  const m = /^([A-Za-z][\w-]*)\s*(.*)$/s.exec(text);
  const params = {};
  const re = /([A-Za-z][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  for (let p = re.exec(m[2]); p; p = re.exec(m[2])) params[p[1].toLowerCase()] = p[2] !== void 0 ? p[2].replace(/\\(.)/g, "$1") : p[3];
  return { scheme: m[1].toLowerCase(), params };
}
function basicAuthorization(username, password) {
  return `Basic ${Buffer.from(`${username}:${password}`, "utf8").toString("base64")}`;
}
async function fetchBearerToken(req) {
  const realm = req.challenge.params.realm;
  if (!realm) throw new Error(`${req.host} asked for a bearer token without a realm`);
  let url;
  try {
    url = new URL(realm);
  } catch {
    throw new Error(`${req.host} gave an invalid token realm ${JSON.stringify(realm)}`);
  }
  const refused = realmRefusal(req.access, req.host, url);
  if (refused) throw new Error(`${req.host} asked for a token: ${refused}`);
  if (req.challenge.params.service) url.searchParams.set("service", req.challenge.params.service);
  url.searchParams.set("scope", req.challenge.params.scope ?? `repository:${req.repository}:pull`);
  const headers = { Accept: "application/json" };
  const cred = req.credential;
  if (cred && "username" in cred) headers.Authorization = basicAuthorization(cred.username, cred.password);
  const res = await req.fetch(url, { headers, signal: AbortSignal.timeout(req.timeoutMs), redirect: "manual" });
  if (!res.ok) {
    await res.body?.cancel().catch(() => void 0);
    const why = res.status === 401 || res.status === 403 ? cred ? ": check the credentials" : ": the registry needs credentials" : res.status >= 300 && res.status < 400 ? " (a redirect; token services are asked directly, redirects are not followed)" : "";
    throw new Error(`the token service of ${req.host} (${url.origin}) answered HTTP ${res.status}${why}`);
  }
  let body;
  try {
    body = JSON.parse((await readBody(res, "the token answer")).toString("utf8"));
  } catch {
    throw new Error(`the token service of ${req.host} (${url.origin}) did not answer JSON`);
  }
  const b = body;
  const token = typeof b.token === "string" && b.token ? b.token : typeof b.access_token === "string" && b.access_token ? b.access_token : void 0;
  if (!token) throw new Error(`the token service of ${req.host} (${url.origin}) answered without a token`);
  return token;
}

// src/registry/client.ts
import { createHash } from "node:crypto";

// src/registry/session.ts
var REDIRECTS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
var MAX_REDIRECTS = 5;
function openRepository(target, opts = {}) {
  const access = opts.access ?? registryAccess({ insecureRegistries: opts.insecureRegistries });
  const refused = registryRefusal(access, target.host);
  if (refused) return { error: refused };
  const doFetch = opts.fetch ?? guardedFetch(access);
  const timeoutMs = opts.timeoutMs ?? 15e3;
  const tokens = opts.tokens ?? /* @__PURE__ */ new Map();
  const base = `${target.scheme}://${target.host}/v2/${target.repository}/`;
  const where = `${target.host}/${target.repository}:${target.reference}`;
  const defaultScope = `repository:${target.repository}:pull`;
  const credentialOf = (host) => opts.credentials?.[host];
  const authorizationFor = (host) => {
    const c = credentialOf(host);
    if (c && "token" in c) return `Bearer ${c.token}`;
    const cached = tokens.get(`${host} ${defaultScope}`);
    return cached && `Bearer ${cached}`;
  };
  const authorization = /* @__PURE__ */ new Map();
  const follow = async (method, url, accept, contentAddressed) => {
    let host = registryHost(url.host);
    const onAllowList = (h) => registryRefusal(access, h) === void 0;
    for (let hops = 0; ; hops++) {
      const headers = { Accept: accept };
      const auth = !onAllowList(host) ? void 0 : authorization.has(host) ? authorization.get(host) : authorizationFor(host);
      if (auth) headers.Authorization = auth;
      const res = await doFetch(url, { method, headers, signal: AbortSignal.timeout(timeoutMs), redirect: "manual" });
      if (!REDIRECTS.has(res.status)) return { res, url, host };
      await res.body?.cancel().catch(() => void 0);
      const location = res.headers.get("location");
      if (!location) throw new RegistryRefusal(`${host} answered HTTP ${res.status} without a Location`);
      if (hops >= MAX_REDIRECTS) throw new RegistryRefusal(`${target.host} redirected more than ${MAX_REDIRECTS} times for ${where}`);
      let next;
      try {
        next = new URL(location, url);
      } catch {
        throw new RegistryRefusal(`${host} redirected to an invalid URL`);
      }
      const why = contentAddressed && method === "GET" ? blobRedirectRefusal(access, host, next) : redirectRefusal(access, host, next);
      if (why) throw new RegistryRefusal(why);
      url = next;
      host = registryHost(next.host);
      if (res.status === 303) method = "GET";
    }
  };
  const send = async (method, path, accept, sendOpts = {}) => {
    const contentAddressed = sendOpts.contentAddressed === true && /^blobs\/sha256:[a-f0-9]{64}$/.test(path);
    const first = await follow(method, new URL(base + path), accept, contentAddressed);
    if (first.res.status !== 401) return first.res;
    if (registryRefusal(access, first.host) !== void 0) return first.res;
    const challenge = parseChallenge(first.res.headers.get("www-authenticate"));
    const credential = credentialOf(first.host);
    if (challenge?.scheme === "bearer") {
      await first.res.body?.cancel().catch(() => void 0);
      const scope = challenge.params.scope ?? defaultScope;
      const token = await fetchBearerToken({ challenge, host: first.host, repository: target.repository, credential, access, fetch: doFetch, timeoutMs });
      tokens.set(`${first.host} ${scope}`, token);
      authorization.set(first.host, `Bearer ${token}`);
    } else if (challenge?.scheme === "basic" && credential && "username" in credential) {
      await first.res.body?.cancel().catch(() => void 0);
      authorization.set(first.host, basicAuthorization(credential.username, credential.password));
    } else return first.res;
    return (await follow(method, first.url, accept, contentAddressed)).res;
  };
  return {
    where,
    send,
    failure: (res, at = where) => describeFailure(res, at, target.host, credentialOf(target.host)),
    explain: (err) => describeError(err, target.host, timeoutMs)
  };
}
async function describeFailure(res, where, host, credential) {
  let code = "";
  try {
    const body = JSON.parse((await readBody(res, "the error answer")).toString("utf8"));
    const e = body.errors?.[0];
    const clip = (v) => v.length > 200 ? `${v.slice(0, 200)}\u2026` : v;
    if (e && typeof e.code === "string") code = `, ${clip(e.code)}${typeof e.message === "string" && e.message ? `: ${clip(e.message)}` : ""}`;
  } catch {
  }
  const status = `HTTP ${res.status}${code}`;
  if (res.status === 404) return `${where} was not found (${status})`;
  if (res.status === 401 || res.status === 403) {
    return credential ? `access to ${where} was denied with the credentials of ${REGISTRY_AUTH_ENV} for ${host} (${status})` : `access to ${where} was denied (${status}); if the registry needs credentials, set them in ${REGISTRY_AUTH_ENV}`;
  }
  if (res.status === 429) return `${host} limits the request rate (${status}); try again later or give credentials in ${REGISTRY_AUTH_ENV}`;
  return `${host} answered ${status} for ${where}`;
}
function describeError(err, host, timeoutMs) {
  const e = err;
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return `${host} did not answer within ${timeoutMs / 1e3} s`;
  if (e?.name === "RegistryRefusal") return e.message;
  if (typeof e?.code === "string" && /^E[A-Z_]+$/.test(e.code)) return `cannot reach ${host}: ${e.code}`;
  if (e?.name === "TypeError" && e.message === "fetch failed") {
    const cause = e.cause;
    return `cannot reach ${host}: ${cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message ?? "connection failed"}`;
  }
  return e?.message ?? String(err);
}

// src/registry/client.ts
var MANIFEST_MEDIA_TYPES = [
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.v2+json"
];
var MANIFEST_ACCEPT = MANIFEST_MEDIA_TYPES.join(", ");
function manifestPath(reference) {
  return `manifests/${encodeURIComponent(reference)}`;
}
var SHA256 = /^sha256:[a-f0-9]{64}$/;
async function resolveManifestDigest(target, opts = {}) {
  const session = openRepository(target, opts);
  if ("error" in session) return session;
  const path = manifestPath(target.reference);
  try {
    const head = await session.send("HEAD", path, MANIFEST_ACCEPT);
    const headDigest = head.headers.get("docker-content-digest");
    if (head.ok && headDigest && SHA256.test(headDigest)) return { digest: headDigest };
    if (!head.ok && ![400, 405, 501].includes(head.status)) return { error: await session.failure(head) };
    const get = await session.send("GET", path, MANIFEST_ACCEPT);
    if (!get.ok) return { error: await session.failure(get) };
    const body = await readBody(get, `the manifest of ${session.where}`);
    const getDigest = get.headers.get("docker-content-digest");
    return { digest: getDigest && SHA256.test(getDigest) ? getDigest : `sha256:${createHash("sha256").update(body).digest("hex")}` };
  } catch (err) {
    return { error: session.explain(err) };
  }
}

// src/registry/resolve.ts
function createDigestCache() {
  return /* @__PURE__ */ new Map();
}
async function resolveDigests(images, opts = {}) {
  const access = opts.access ?? registryAccess({ insecureRegistries: opts.insecureRegistries });
  const clientOpts = { ...opts, access, tokens: opts.tokens ?? /* @__PURE__ */ new Map() };
  return lookUpEach(
    images,
    { access, concurrency: opts.concurrency, cache: opts.cache ?? createDigestCache() },
    (target) => resolveManifestDigest(target, clientOpts)
  );
}
async function lookUpEach(images, opts, lookup) {
  const { access, cache } = opts;
  const insecure = [...access.insecure];
  const unique = [...new Set(images)];
  const out = /* @__PURE__ */ new Map();
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const image = unique[next++];
      const target = registryTarget(image, insecure);
      if ("error" in target) {
        out.set(image, { error: target.error });
        continue;
      }
      const refused = registryRefusal(access, target.host);
      if (refused) {
        out.set(image, { error: refused });
        continue;
      }
      const key = `${target.scheme}://${target.host}/${target.repository}:${target.reference}${opts.keySuffix ?? ""}`;
      let pending = cache.get(key);
      if (!pending) {
        pending = lookup(target);
        cache.set(key, pending);
      }
      out.set(image, await pending);
    }
  };
  const n = Math.max(1, Math.min(opts.concurrency ?? 4, unique.length));
  await Promise.all(Array.from({ length: n }, worker));
  return new Map(images.map((i) => [i, out.get(i)]));
}

// src/registry/config.ts
import { createHash as createHash2 } from "node:crypto";
var MAX_MANIFEST_BYTES = MAX_BODY_BYTES;
var MAX_CONFIG_BYTES = 4 * 1024 * 1024;
var CONFIG_MEDIA_TYPES = ["application/vnd.oci.image.config.v1+json", "application/vnd.docker.container.image.v1+json"];
var INDEX_TYPES = /* @__PURE__ */ new Set(["application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json"]);
var IMAGE_TYPES = /* @__PURE__ */ new Set(["application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.v2+json"]);
var SCHEMA1 = /^application\/vnd\.docker\.distribution\.manifest\.v1\+(?:json|prettyjws)$/;
var SHA2562 = /^sha256:[a-f0-9]{64}$/;
var InspectError = class extends Error {
};
async function inspectImage(target, opts = {}) {
  const session = openRepository(target, opts);
  if ("error" in session) return session;
  const base = `${target.host}/${target.repository}`;
  try {
    const asked = target.reference.includes(":") ? target.reference : void 0;
    const top = await getManifest(session, target.reference, asked, session.where);
    let image = top;
    if (top.kind === "index") {
      const entry = choosePlatform(top.json, opts, session.where);
      image = await getManifest(session, entry.digest, entry.digest, `${base}@${entry.digest}`);
      if (image.kind !== "image") throw new InspectError(`the ${platformName(entry)} entry of ${session.where} is not an image manifest (${image.mediaType})`);
    }
    const config = configDescriptor(image.json, image.where);
    const res = await session.send("GET", `blobs/${config.digest}`, [...CONFIG_MEDIA_TYPES, "*/*"].join(", "), { contentAddressed: true });
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
var sha256 = (data) => `sha256:${createHash2("sha256").update(data).digest("hex")}`;
function parseJson(body, what) {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new InspectError(`${what} is not JSON`);
  }
}
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
async function getManifest(session, reference, expected, where) {
  if (expected && !SHA2562.test(expected)) throw new InspectError(`${where}: only sha256 digests are supported`);
  const res = await session.send("GET", manifestPath(reference), MANIFEST_ACCEPT);
  if (!res.ok) throw new InspectError(await session.failure(res, where));
  const what = `the manifest of ${where}`;
  const body = await readBody(res, what, MAX_MANIFEST_BYTES);
  const digest = sha256(body);
  if (expected && digest !== expected) throw new InspectError(`${what} has the digest ${digest}, not the ${expected} it was asked by; not trusted`);
  const json = parseJson(body, what);
  if (!isObject(json)) throw new InspectError(`${what} is not a JSON object`);
  const header = res.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  const mediaType = typeof json.mediaType === "string" ? json.mediaType : header || (Array.isArray(json.manifests) ? [...INDEX_TYPES][0] : [...IMAGE_TYPES][0]);
  if (json.schemaVersion === 1 || SCHEMA1.test(mediaType) || header && SCHEMA1.test(header)) {
    throw new InspectError(
      `${what} is a Docker schema 1 manifest, which is not supported (deprecated; push the image again with a current tool for an OCI or Docker v2 manifest)`
    );
  }
  if (INDEX_TYPES.has(mediaType)) return { kind: "index", mediaType, json, digest, where };
  if (IMAGE_TYPES.has(mediaType)) return { kind: "image", mediaType, json, digest, where };
  throw new InspectError(`${what} has the media type ${JSON.stringify(mediaType)}, not an image manifest or index`);
}
function descriptor(json, what) {
  if (!isObject(json)) throw new InspectError(`${what} is not a descriptor`);
  const { digest, size, mediaType, platform } = json;
  if (typeof digest !== "string" || !/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/.test(digest)) throw new InspectError(`${what} has no valid digest`);
  if (!SHA2562.test(digest)) throw new InspectError(`${what} has the digest ${digest}: only sha256 digests are supported`);
  if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 0) throw new InspectError(`${what} has no valid size`);
  return { digest, size, mediaType: typeof mediaType === "string" ? mediaType : void 0, platform: isObject(platform) ? platform : void 0 };
}
var platformField = (value) => typeof value === "string" ? value : "?";
var platformName = (d) => `${platformField(d.platform?.os)}/${platformField(d.platform?.architecture)}${typeof d.platform?.variant === "string" ? `/${d.platform.variant}` : ""}`;
function choosePlatform(index, opts, where) {
  if (!Array.isArray(index.manifests)) throw new InspectError(`the index of ${where} has no list of manifests`);
  const platformOf = (m) => isObject(m) && isObject(m.platform) ? m.platform : void 0;
  const manifests = index.manifests;
  const linux = manifests.filter((m) => platformOf(m)?.os === "linux");
  const architecture = opts.architecture ?? "amd64";
  const exact = linux.find((m) => platformOf(m)?.architecture === architecture && (opts.variant === void 0 || platformOf(m)?.variant === opts.variant));
  const chosen = exact ?? linux[0];
  if (chosen === void 0) {
    const platforms = manifests.map((m) => platformName({ platform: platformOf(m) }));
    throw new InspectError(`the index of ${where} has no linux image (platforms: ${platforms.join(", ") || "none"})`);
  }
  return descriptor(chosen, `the ${platformName({ platform: platformOf(chosen) })} entry of the index of ${where}`);
}
function configDescriptor(manifest, where) {
  const config = descriptor(manifest.config, `the config descriptor of the manifest of ${where}`);
  if (!CONFIG_MEDIA_TYPES.includes(config.mediaType ?? "")) {
    throw new InspectError(`the manifest of ${where} is not a container image: its config has the media type ${JSON.stringify(config.mediaType ?? "")}`);
  }
  if (config.size > MAX_CONFIG_BYTES)
    throw new InspectError(`the config of ${where} is ${config.size} bytes (its manifest says), more than the limit of ${MAX_CONFIG_BYTES} bytes; not read`);
  return config;
}
function readConfig(json, what) {
  if (!isObject(json)) throw new InspectError(`${what} is not a JSON object`);
  const c = json.config ?? {};
  if (!isObject(c)) throw new InspectError(`${what}: "config" is not an object`);
  const bad = (field, expected) => new InspectError(`${what}: config.${field} is not ${expected}`);
  const text = (field) => {
    const v = c[field];
    if (v === void 0 || v === null) return void 0;
    if (typeof v !== "string") throw bad(field, "a string");
    return v === "" ? void 0 : v;
  };
  const list = (field) => {
    const v = c[field];
    if (v === void 0 || v === null) return void 0;
    if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) throw bad(field, "a list of strings");
    return v;
  };
  const map = (field) => {
    const v = c[field];
    if (v === void 0 || v === null) return {};
    if (!isObject(v)) throw bad(field, "an object");
    return v;
  };
  const labels = map("Labels");
  if (!Object.values(labels).every((v) => typeof v === "string")) throw bad("Labels", "an object of strings");
  const env = Object.fromEntries(
    (list("Env") ?? []).map((e) => {
      const eq = e.indexOf("=");
      return eq < 0 ? [e, ""] : [e.slice(0, eq), e.slice(eq + 1)];
    })
  );
  const platform = {
    os: typeof json.os === "string" ? json.os : "",
    architecture: typeof json.architecture === "string" ? json.architecture : ""
  };
  if (typeof json.variant === "string") platform.variant = json.variant;
  return {
    platform,
    volumes: Object.keys(map("Volumes")),
    user: text("User"),
    workingDir: text("WorkingDir"),
    env,
    entrypoint: list("Entrypoint"),
    cmd: list("Cmd"),
    labels
  };
}
function createImageConfigCache() {
  return /* @__PURE__ */ new Map();
}
async function inspectImages(images, opts = {}) {
  const access = opts.access ?? registryAccess({ insecureRegistries: opts.insecureRegistries });
  const clientOpts = { ...opts, access, tokens: opts.tokens ?? /* @__PURE__ */ new Map() };
  const keySuffix = ` linux/${opts.architecture ?? "amd64"}${opts.variant === void 0 ? "" : `/${opts.variant}`}`;
  return lookUpEach(
    images,
    { access, concurrency: opts.concurrency, cache: opts.cache ?? createImageConfigCache(), keySuffix },
    (target) => inspectImage(target, clientOpts)
  );
}

// src/resolve-digests.ts
var IMAGE_DIGEST_POLICY_ID = "image-digest";
function unpinnedImages(files, maxFileSizeBytes = 5 * 1024 * 1024, opts = {}) {
  return containerImages(files, maxFileSizeBytes, (ref) => !ref.pinned && !(opts.tagged === false && ref.tag !== void 0 && ref.tag !== "latest"));
}
function containerImages(files, maxFileSizeBytes = 5 * 1024 * 1024, keep = () => true) {
  const images = /* @__PURE__ */ new Set();
  for (const f of files) {
    if (fileSkipReason(f.text, maxFileSizeBytes)) continue;
    for (const m of extractManifests(parseYaml(f.text)).manifests) {
      for (const c of toWorkload(m)?.containers ?? []) {
        if (c.image === void 0) continue;
        const ref = parseImageReference(c.image);
        if (ref.problem || !keep(ref)) continue;
        images.add(c.image);
      }
    }
  }
  return [...images];
}
function accessForRun(registries, env, setting) {
  return registryAccess({ registries, insecureRegistries: registryEnvironment(env).insecureRegistries, setting });
}
async function resolveImageDigests(files, engine, env, opts = {}) {
  if (engine.severity?.[IMAGE_DIGEST_POLICY_ID] === "off") return { engine, resolved: 0, failures: [] };
  const tagged = engine.options?.[IMAGE_DIGEST_POLICY_ID]?.tagWithoutDigest !== "off";
  const images = unpinnedImages(files, engine.maxFileSizeBytes, { tagged });
  const registryEnv = registryEnvironment(env);
  const failures = [...registryEnv.problems];
  const access = opts.access ?? accessForRun(opts.registries, env, opts.setting ?? "the registries setting");
  if (images.length === 0) return { engine, resolved: 0, failures };
  const { registries: _registries, setting: _setting, ...clientOpts } = opts;
  const results = await resolveDigests(images, { credentials: registryEnv.credentials, ...clientOpts, access });
  const digests = /* @__PURE__ */ new Map();
  const digestErrors = /* @__PURE__ */ new Map();
  for (const [image, r] of results) {
    if ("digest" in r) digests.set(image, r.digest);
    else {
      digestErrors.set(image, r.error);
      failures.push(`cannot resolve the digest of ${image}: ${r.error}`);
    }
  }
  return { engine: { ...engine, images: { ...engine.images, digests, digestErrors } }, resolved: digests.size, failures };
}

export {
  registryEnvironment,
  inspectImages,
  IMAGE_DIGEST_POLICY_ID,
  unpinnedImages,
  containerImages,
  accessForRun,
  resolveImageDigests
};
