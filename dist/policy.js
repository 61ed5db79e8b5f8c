import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);

// src/engine/policy.ts
var SEVERITY_RANK = { info: 1, warning: 2, error: 3, none: 4 };
var ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
function definePolicy(policy) {
  if (!policy || typeof policy !== "object") throw new TypeError("definePolicy: expected an object");
  if (typeof policy.id !== "string" || !ID.test(policy.id)) throw new TypeError(`definePolicy: id must be kebab-case, got ${JSON.stringify(policy.id)}`);
  if (typeof policy.check !== "function") throw new TypeError(`definePolicy(${policy.id}): check must be a function`);
  const m = policy.meta;
  if (!m || typeof m !== "object") throw new TypeError(`definePolicy(${policy.id}): meta is required`);
  if (!["error", "warning", "info"].includes(m.defaultSeverity)) throw new TypeError(`definePolicy(${policy.id}): unknown defaultSeverity ${JSON.stringify(m.defaultSeverity)}`);
  if (!["immutability", "hardening", "validity"].includes(m.category)) throw new TypeError(`definePolicy(${policy.id}): unknown category ${JSON.stringify(m.category)}`);
  if (!m.messages || Object.keys(m.messages).length === 0) throw new TypeError(`definePolicy(${policy.id}): meta.messages must not be empty`);
  return policy;
}
function formatMessage(template, data = {}) {
  const parts = templateParts(template);
  if (parts.length === 1) return template;
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const [key, raw] = parts[i];
    out += (key in data ? String(data[key]) : raw) + parts[i + 1];
  }
  return out;
}
var templateCache = /* @__PURE__ */ new Map();
function templateParts(template) {
  let parts = templateCache.get(template);
  if (!parts) {
    parts = [];
    let last = 0;
    for (const m of template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
      parts.push(template.slice(last, m.index), [m[1], m[0]]);
      last = m.index + m[0].length;
    }
    parts.push(template.slice(last));
    if (templateCache.size > 1e4) templateCache.clear();
    templateCache.set(template, parts);
  }
  return parts;
}

// src/engine/edit-distance.ts
function editDistance(a, b) {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
function isLikelyTypo(a, b, max) {
  return a !== b && Math.abs(a.length - b.length) <= max && editDistance(a, b) <= max;
}

// src/k8s/workload.ts
var WORKLOAD_KINDS = [
  { kind: "Pod", groups: [""], podSpecPath: ["spec"] },
  { kind: "PodTemplate", groups: [""], podSpecPath: ["template", "spec"] },
  { kind: "ReplicationController", groups: [""], podSpecPath: ["spec", "template", "spec"] },
  { kind: "Deployment", groups: ["apps", "extensions"], podSpecPath: ["spec", "template", "spec"] },
  { kind: "StatefulSet", groups: ["apps"], podSpecPath: ["spec", "template", "spec"] },
  { kind: "DaemonSet", groups: ["apps", "extensions"], podSpecPath: ["spec", "template", "spec"] },
  { kind: "ReplicaSet", groups: ["apps", "extensions"], podSpecPath: ["spec", "template", "spec"] },
  { kind: "Job", groups: ["batch"], podSpecPath: ["spec", "template", "spec"] },
  { kind: "CronJob", groups: ["batch"], podSpecPath: ["spec", "jobTemplate", "spec", "template", "spec"] },
  { kind: "Rollout", groups: ["argoproj.io"], podSpecPath: ["spec", "template", "spec"] },
  { kind: "DeploymentConfig", groups: ["apps.openshift.io", ""], podSpecPath: ["spec", "template", "spec"] }
];
function apiGroup(apiVersion) {
  const i = apiVersion.indexOf("/");
  return i === -1 ? "" : apiVersion.slice(0, i);
}
function workloadKindOf(m) {
  const g = apiGroup(m.apiVersion);
  return WORKLOAD_KINDS.find((w) => w.kind === m.kind && w.groups.includes(g));
}
var CONTAINER_TYPES = ["initContainers", "containers", "ephemeralContainers"];
function containerLabel(c) {
  const what = c.type === "initContainers" ? "init container" : c.type === "ephemeralContainers" ? "ephemeral container" : "container";
  return c.name ? `${what} "${c.name}"` : `${what} #${c.index + 1}`;
}

// src/k8s/manifest.ts
function manifestLabel(m) {
  return [m.kind, m.namespace, m.name || "(unnamed)"].filter((x) => x !== void 0).join("/");
}

// src/k8s/image.ts
var DOCKER_HUB = /* @__PURE__ */ new Set(["docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"]);
var LIBRARY_MIRRORS = ["mirror.gcr.io/library/", "public.ecr.aws/docker/library/"];
function parseImageReference(raw) {
  let rest = raw.trim();
  let digest;
  const at = rest.indexOf("@");
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry;
  const slash = rest.indexOf("/");
  if (slash !== -1) {
    const first = rest.slice(0, slash);
    if (first.includes(".") || first.includes(":") || first === "localhost" || first !== first.toLowerCase()) {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.indexOf(":", lastSlash + 1);
  if (colon !== -1) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const pinned = digest !== void 0 && /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/.test(digest);
  let officialName;
  const full = `${registry ? registry + "/" : ""}${rest}`;
  if (!registry || DOCKER_HUB.has(registry)) {
    if (!rest.includes("/")) officialName = rest;
    else if (rest.startsWith("library/") && rest.split("/").length === 2) officialName = rest.slice("library/".length);
  } else {
    for (const m of LIBRARY_MIRRORS) if (full.startsWith(m) && !full.slice(m.length).includes("/")) officialName = full.slice(m.length);
  }
  const repository = officialName ?? rest;
  const problem = referenceProblem(raw, registry, rest, tag, digest);
  return { raw, registry, repository, path: rest, tag, digest, pinned, officialName, problem };
}
var DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
var DOMAIN = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?$`);
var PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
var TAG = /^[\w][\w.-]{0,127}$/;
var DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
var NAME_MAX = 255;
function referenceProblem(raw, registry, path, tag, digest) {
  if (raw.trim() === "") return "the image is empty";
  if (raw !== raw.trim()) return "it has leading or trailing whitespace (the API server rejects it)";
  if (/\s/.test(raw)) return "it contains whitespace";
  if (registry !== void 0 && !DOMAIN.test(registry)) return `registry "${registry}" is not a valid host name with an optional :port`;
  if (path === "") return "the repository name is missing";
  const components = path.split("/");
  if (components.some((c) => !PATH_COMPONENT.test(c))) {
    if (path !== path.toLowerCase() && components.every((c) => PATH_COMPONENT.test(c.toLowerCase()))) return `repository "${path}" must be lowercase`;
    return `repository "${path}" is not valid: each /-separated part is lowercase letters and digits, joined by ".", "_", "__" or "-"`;
  }
  const nameLength = (registry ? registry.length + 1 : 0) + path.length;
  if (nameLength > NAME_MAX) return `the name is longer than ${NAME_MAX} characters`;
  if (tag !== void 0) {
    if (tag === "") return 'the tag after ":" is empty';
    if (!TAG.test(tag)) return `tag "${tag}" is not valid: up to 128 letters, digits, "_", "." and "-", not starting with "." or "-"`;
  }
  if (digest !== void 0 && !DIGEST.test(digest)) {
    return `digest "${digest}" is not valid: it must be sha256: and 64 lowercase hex digits (or sha512: and 128)`;
  }
  return void 0;
}
function tagVersion(tag) {
  const m = tag?.match(/^v?(\d+(?:\.\d+)*)/);
  return m ? m[1].split(".").map(Number) : void 0;
}

// src/k8s/writable-paths.ts
var JVMS = ["eclipse-temurin", "openjdk", "amazoncorretto", "ibm-semeru-runtimes", "ibmjava", "sapmachine"];
var TABLE = [
  { names: ["nginx"], paths: [{ path: "/var/cache/nginx", purpose: "cache" }, { path: "/var/run", purpose: "run" }], source: "docker-library docs (nginx)" },
  { names: ["nginxinc/nginx-unprivileged", "nginx/nginx-unprivileged"], paths: [{ path: "/tmp", purpose: "tmp" }], source: "nginx/docker-nginx-unprivileged README" },
  { names: ["redis"], paths: [{ path: "/data", purpose: "data" }], source: "docker-library/redis Dockerfile" },
  {
    names: ["postgres"],
    max: [18],
    paths: [{ path: "/var/lib/postgresql/data", purpose: "data" }, { path: "/var/run/postgresql", purpose: "run" }],
    source: "docker-library/postgres Dockerfile (PGDATA up to 17)"
  },
  {
    names: ["postgres"],
    min: [18],
    latest: true,
    paths: [{ path: "/var/lib/postgresql", purpose: "data" }, { path: "/var/run/postgresql", purpose: "run" }],
    source: "docker-library docs (postgres 18 and later)"
  },
  { names: ["mysql"], paths: [{ path: "/var/lib/mysql", purpose: "data" }, { path: "/var/run/mysqld", purpose: "run" }], source: "docker-library/mysql Dockerfile" },
  {
    names: ["mongo"],
    paths: [{ path: "/data/db", purpose: "data" }, { path: "/data/configdb", purpose: "data" }, { path: "/tmp", purpose: "tmp" }],
    source: "docker-library/mongo Dockerfile and entrypoint"
  },
  { names: ["httpd"], paths: [{ path: "/usr/local/apache2/logs", purpose: "logs" }], source: "docker-library docs (httpd)" },
  {
    names: ["rabbitmq"],
    paths: [
      { path: "/var/lib/rabbitmq", purpose: "data" },
      { path: "/etc/rabbitmq", purpose: "config" },
      { path: "/var/log/rabbitmq", purpose: "logs" },
      { path: "/tmp", purpose: "tmp" }
    ],
    source: "docker-library/rabbitmq Dockerfile"
  },
  {
    names: ["wordpress"],
    paths: [{ path: "/tmp", purpose: "tmp" }, { path: "/run", purpose: "run" }, { path: "/var/www/html/wp-content/uploads", purpose: "data" }],
    source: "docker-library docs (wordpress)"
  },
  { names: ["jetty"], paths: [{ path: "/tmp/jetty", purpose: "tmp" }, { path: "/run/jetty", purpose: "run" }], source: "docker-library docs (jetty)" },
  { names: JVMS, paths: [{ path: "/tmp", purpose: "tmp" }], source: "docker-library docs (eclipse-temurin)" },
  {
    names: ["open-liberty"],
    paths: [{ path: "/opt/ol/wlp/output", purpose: "run" }, { path: "/logs", purpose: "logs" }],
    source: "docker-library docs (open-liberty)"
  },
  {
    names: ["websphere-liberty"],
    paths: [{ path: "/opt/ibm/wlp/output", purpose: "run" }, { path: "/logs", purpose: "logs" }],
    source: "docker-library docs (websphere-liberty)"
  }
];
var NGINX_TEMPLATES = "/etc/nginx/templates";
function compare(a, b) {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
function writablePathsFor(image, mountPaths = []) {
  const ref = parseImageReference(image ?? "");
  const name = ref.officialName ?? ref.repository;
  const version = tagVersion(ref.tag);
  const candidates = TABLE.filter((e) => e.names.includes(name));
  let entry;
  if (candidates.length === 1) entry = candidates[0];
  else if (candidates.length > 1) {
    entry = version ? candidates.find((e) => (!e.min || compare(version, e.min) >= 0) && (!e.max || compare(version, e.max) < 0)) : candidates.find((e) => e.latest);
    entry ??= candidates.find((e) => e.latest) ?? candidates[0];
  }
  if (!entry) return { image: void 0, paths: [{ path: "/tmp", purpose: "tmp" }], guess: true, source: "guess for an unknown image" };
  const paths = [...entry.paths];
  if (name === "nginx" && mountPaths.some((p) => normalisePath(p) === NGINX_TEMPLATES)) {
    paths.push({ path: "/etc/nginx/conf.d", purpose: "config" });
  }
  return { image: entry.names[0], paths, guess: false, source: entry.source };
}
function normalisePath(p) {
  const s = p.replace(/\/+/g, "/");
  return s.length > 1 ? s.replace(/\/$/, "") : s;
}
var EQUIVALENT_PREFIXES = [["/var/run", "/run"]];
function mountCovers(mountPath, path) {
  const m = normalisePath(mountPath);
  const variants = [normalisePath(path)];
  for (const [a, b] of EQUIVALENT_PREFIXES) {
    for (const v of [...variants]) {
      if (v === a || v.startsWith(a + "/")) variants.push(b + v.slice(a.length));
      if (v === b || v.startsWith(b + "/")) variants.push(a + v.slice(b.length));
    }
  }
  return variants.some((v) => m === "/" || v === m || v.startsWith(m + "/"));
}

// src/k8s/volumes.ts
function volumeMounts(c) {
  const list = c.data.volumeMounts;
  if (!Array.isArray(list)) return [];
  const out = [];
  for (const m of list) {
    if (!m || typeof m !== "object") continue;
    const { name, mountPath, readOnly } = m;
    if (typeof name === "string" && typeof mountPath === "string") out.push({ name, mountPath, readOnly: readOnly === true });
  }
  return out;
}
var READ_ONLY_SOURCES = ["configMap", "secret", "downwardAPI", "projected", "image"];
var sourcesCache = /* @__PURE__ */ new WeakMap();
function volumeSources(w) {
  let out = sourcesCache.get(w);
  if (!out) sourcesCache.set(w, out = buildVolumeSources(w));
  return out;
}
function buildVolumeSources(w) {
  const out = /* @__PURE__ */ new Map();
  const list = w.podSpecData.volumes;
  if (Array.isArray(list)) {
    for (const v of list) if (v && typeof v === "object" && typeof v.name === "string") out.set(v.name, v);
  }
  const spec = w.manifest.data.spec;
  if (w.manifest.kind === "StatefulSet" && Array.isArray(spec?.volumeClaimTemplates)) {
    for (const t of spec.volumeClaimTemplates) {
      const name = t?.metadata?.name;
      if (typeof name === "string") out.set(name, { name, persistentVolumeClaim: { claimName: name } });
    }
  }
  return out;
}
function isWritableMount(m, sources) {
  if (m.readOnly) return false;
  const src = sources.get(m.name);
  if (src && READ_ONLY_SOURCES.some((k) => k in src)) return false;
  return true;
}
function isPathWritable(c, w, path) {
  const sources = volumeSources(w);
  return volumeMounts(c).some((m) => isWritableMount(m, sources) && mountCovers(m.mountPath, path));
}
function allocateVolumeName(path, containerName, taken) {
  const slug = (s) => s.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "").replace(/-+/g, "-");
  const base = slug(normalisePath(path)) || "root";
  const candidates = [base, slug(`${containerName}-${base}`)].map((c) => c.slice(0, 63).replace(/-+$/, ""));
  for (const c of candidates) {
    if (c && !taken.has(c)) {
      taken.add(c);
      return c;
    }
  }
  for (let i = 2; ; i++) {
    const c = `${candidates[candidates.length - 1].slice(0, 58)}-${i}`;
    if (!taken.has(c)) {
      taken.add(c);
      return c;
    }
  }
}
export {
  CONTAINER_TYPES,
  SEVERITY_RANK,
  WORKLOAD_KINDS,
  allocateVolumeName,
  apiGroup,
  containerLabel,
  definePolicy,
  editDistance,
  formatMessage,
  isLikelyTypo,
  isPathWritable,
  isWritableMount,
  manifestLabel,
  mountCovers,
  normalisePath,
  parseImageReference,
  tagVersion,
  volumeMounts,
  volumeSources,
  workloadKindOf,
  writablePathsFor
};
