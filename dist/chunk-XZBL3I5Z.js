import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  extractManifests,
  fileSkipReason,
  parseImageReference,
  toWorkload
} from "./chunk-TD7DL4WF.js";
import {
  parseYaml
} from "./chunk-H6EUGKT7.js";

// src/registry/reference.ts
var DOCKER_HUB_HOST = "registry-1.docker.io";
var DOCKER_HUB_ALIASES = /* @__PURE__ */ new Set(["docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"]);
function registryHost(registry) {
  const host = (registry ?? "docker.io").toLowerCase();
  return DOCKER_HUB_ALIASES.has(host) ? DOCKER_HUB_HOST : host;
}
function isLoopbackHost(host) {
  const name = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.replace(/:\d+$/, "");
  return name === "localhost" || name === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}
function registryTarget(image, insecureRegistries = []) {
  const ref = parseImageReference(image);
  if (ref.problem) return { error: `invalid image reference: ${ref.problem}` };
  const host = registryHost(ref.registry);
  const repository = host === DOCKER_HUB_HOST && !ref.path.includes("/") ? `library/${ref.path}` : ref.path;
  const insecure = new Set(insecureRegistries.map((r) => registryHost(r.trim())));
  const scheme = isLoopbackHost(host) || insecure.has(host) ? "http" : "https";
  return { image, scheme, host, repository, reference: ref.digest ?? ref.tag ?? "latest" };
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
  if (url.protocol !== "https:" && !(url.protocol === "http:" && (isLoopbackHost(url.host) || req.insecureHosts.has(url.host.toLowerCase())))) {
    throw new Error(`${req.host} gave a token realm that is not https (${url.origin}); refusing to send a token request there`);
  }
  if (req.challenge.params.service) url.searchParams.set("service", req.challenge.params.service);
  url.searchParams.set("scope", req.challenge.params.scope ?? `repository:${req.repository}:pull`);
  const headers = { Accept: "application/json" };
  const cred = req.credential;
  if (cred && "username" in cred) headers.Authorization = basicAuthorization(cred.username, cred.password);
  const res = await req.fetch(url, { headers, signal: AbortSignal.timeout(req.timeoutMs), redirect: "follow" });
  if (!res.ok) {
    await res.body?.cancel().catch(() => void 0);
    const why = res.status === 401 || res.status === 403 ? cred ? ": check the credentials" : ": the registry needs credentials" : "";
    throw new Error(`the token service of ${req.host} (${url.origin}) answered HTTP ${res.status}${why}`);
  }
  let body;
  try {
    body = await res.json();
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
var MANIFEST_MEDIA_TYPES = [
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.v2+json"
];
var SHA256 = /^sha256:[a-f0-9]{64}$/;
async function resolveManifestDigest(target, opts = {}) {
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 15e3;
  const tokens = opts.tokens ?? /* @__PURE__ */ new Map();
  const credential = opts.credentials?.[target.host];
  const insecureHosts = new Set((opts.insecureRegistries ?? []).map((r) => registryHost(r.trim())));
  const url = `${target.scheme}://${target.host}/v2/${target.repository}/manifests/${encodeURIComponent(target.reference)}`;
  const where = `${target.host}/${target.repository}:${target.reference}`;
  const defaultScope = `repository:${target.repository}:pull`;
  const cachedToken = tokens.get(`${target.host} ${defaultScope}`);
  let authorization = credential && "token" in credential ? `Bearer ${credential.token}` : cachedToken && `Bearer ${cachedToken}`;
  let challenged = false;
  const send = async (method) => {
    const headers = { Accept: MANIFEST_MEDIA_TYPES.join(", ") };
    if (authorization) headers.Authorization = authorization;
    let res = await doFetch(url, { method, headers, signal: AbortSignal.timeout(timeoutMs), redirect: "follow" });
    if (res.status !== 401 || challenged) return res;
    challenged = true;
    await res.body?.cancel().catch(() => void 0);
    const challenge = parseChallenge(res.headers.get("www-authenticate"));
    if (challenge?.scheme === "bearer") {
      const scope = challenge.params.scope ?? defaultScope;
      const token = await fetchBearerToken({ challenge, host: target.host, repository: target.repository, credential, insecureHosts, fetch: doFetch, timeoutMs });
      tokens.set(`${target.host} ${scope}`, token);
      authorization = `Bearer ${token}`;
    } else if (challenge?.scheme === "basic" && credential && "username" in credential) {
      authorization = basicAuthorization(credential.username, credential.password);
    } else return res;
    headers.Authorization = authorization;
    res = await doFetch(url, { method, headers, signal: AbortSignal.timeout(timeoutMs), redirect: "follow" });
    return res;
  };
  try {
    const head = await send("HEAD");
    const headDigest = head.headers.get("docker-content-digest");
    if (head.ok && headDigest && SHA256.test(headDigest)) return { digest: headDigest };
    if (!head.ok && ![400, 405, 501].includes(head.status)) return { error: await describeFailure(head, where, target.host, credential) };
    const get = await send("GET");
    if (!get.ok) return { error: await describeFailure(get, where, target.host, credential) };
    const body = Buffer.from(await get.arrayBuffer());
    const getDigest = get.headers.get("docker-content-digest");
    return { digest: getDigest && SHA256.test(getDigest) ? getDigest : `sha256:${createHash("sha256").update(body).digest("hex")}` };
  } catch (err) {
    return { error: describeError(err, target.host, timeoutMs) };
  }
}
async function describeFailure(res, where, host, credential) {
  let code = "";
  try {
    const body = await res.json();
    const e = body.errors?.[0];
    if (e && typeof e.code === "string") code = `, ${e.code}${typeof e.message === "string" && e.message ? `: ${e.message}` : ""}`;
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
  if (e?.name === "TypeError" && e.message === "fetch failed") {
    const cause = e.cause;
    return `cannot reach ${host}: ${cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message ?? "connection failed"}`;
  }
  return e?.message ?? String(err);
}

// src/registry/resolve.ts
function createDigestCache() {
  return /* @__PURE__ */ new Map();
}
async function resolveDigests(images, opts = {}) {
  const cache = opts.cache ?? createDigestCache();
  const clientOpts = { ...opts, tokens: opts.tokens ?? /* @__PURE__ */ new Map() };
  const unique = [...new Set(images)];
  const out = /* @__PURE__ */ new Map();
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const image = unique[next++];
      const target = registryTarget(image, opts.insecureRegistries);
      if ("error" in target) {
        out.set(image, { error: target.error });
        continue;
      }
      const key = `${target.scheme}://${target.host}/${target.repository}:${target.reference}`;
      let pending = cache.get(key);
      if (!pending) {
        pending = resolveManifestDigest(target, clientOpts);
        cache.set(key, pending);
      }
      out.set(image, await pending);
    }
  };
  const n = Math.max(1, Math.min(opts.concurrency ?? 4, unique.length));
  await Promise.all(Array.from({ length: n }, worker));
  return new Map(images.map((i) => [i, out.get(i)]));
}

// src/resolve-digests.ts
var IMAGE_DIGEST_POLICY_ID = "image-digest";
function unpinnedImages(files, maxFileSizeBytes = 5 * 1024 * 1024, opts = {}) {
  const images = /* @__PURE__ */ new Set();
  for (const f of files) {
    if (fileSkipReason(f.text, maxFileSizeBytes)) continue;
    for (const m of extractManifests(parseYaml(f.text)).manifests) {
      for (const c of toWorkload(m)?.containers ?? []) {
        if (c.image === void 0) continue;
        const ref = parseImageReference(c.image);
        if (ref.problem || ref.pinned) continue;
        if (opts.tagged === false && ref.tag !== void 0 && ref.tag !== "latest") continue;
        images.add(c.image);
      }
    }
  }
  return [...images];
}
async function resolveImageDigests(files, engine, env, opts = {}) {
  if (engine.severity?.[IMAGE_DIGEST_POLICY_ID] === "off") return { engine, resolved: 0, failures: [] };
  const tagged = engine.options?.[IMAGE_DIGEST_POLICY_ID]?.tagWithoutDigest !== "off";
  const images = unpinnedImages(files, engine.maxFileSizeBytes, { tagged });
  const registryEnv = registryEnvironment(env);
  const failures = [...registryEnv.problems];
  if (images.length === 0) return { engine, resolved: 0, failures };
  const results = await resolveDigests(images, {
    credentials: registryEnv.credentials,
    insecureRegistries: registryEnv.insecureRegistries,
    ...opts
  });
  const resolvedDigests = {};
  const resolutionErrors = {};
  for (const [image, r] of results) {
    if ("digest" in r) resolvedDigests[image] = r.digest;
    else {
      resolutionErrors[image] = r.error;
      failures.push(`cannot resolve the digest of ${image}: ${r.error}`);
    }
  }
  const own = engine.options?.[IMAGE_DIGEST_POLICY_ID] ?? {};
  return {
    engine: { ...engine, options: { ...engine.options, [IMAGE_DIGEST_POLICY_ID]: { ...own, resolvedDigests, resolutionErrors } } },
    resolved: Object.keys(resolvedDigests).length,
    failures
  };
}

export {
  IMAGE_DIGEST_POLICY_ID,
  unpinnedImages,
  resolveImageDigests
};
