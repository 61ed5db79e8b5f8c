import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  matchGlob
} from "./chunk-SKSSCPAE.js";
import {
  applyEdits,
  detectStyle,
  expectedData,
  parseYaml,
  renderFixOps,
  verifyEdits
} from "./chunk-PTN6QAU2.js";

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

// src/engine/types.ts
function fixGroupLabel(group) {
  const names = group.containers.map((c) => `"${c}"`).join(", ");
  if (group.containers.length > 1) return `containers ${names} of ${group.object}`;
  if (group.containers.length === 1) return `container ${names} of ${group.object}`;
  return group.object;
}

// src/k8s/manifest.ts
function extractManifests(file) {
  const manifests = [];
  const skipped = [];
  for (const d of file.documents) {
    const line = d.root ? d.root.range.start.line : file.position(d.span[0]).line;
    if (d.hasErrors) {
      skipped.push({ docIndex: d.index, line, reason: "the YAML document has parse errors" });
      continue;
    }
    if (d.root === void 0 || d.data == null) {
      if (file.documents.length > 1 || d.root !== void 0) skipped.push({ docIndex: d.index, line, reason: "empty document" });
      continue;
    }
    if (d.root.kind !== "map" || typeof d.data !== "object" || Array.isArray(d.data)) {
      skipped.push({ docIndex: d.index, line, reason: "not a Kubernetes object: the document is not a mapping" });
      continue;
    }
    const data = d.data;
    const invalid = invalidIdentity(d.root, data);
    if (invalid) {
      skipped.push({ docIndex: d.index, line, reason: `not a valid Kubernetes object: ${invalid.message}`, invalid });
      continue;
    }
    const why = notAManifest(data);
    if (why) {
      skipped.push({ docIndex: d.index, line, reason: why });
      continue;
    }
    if (Array.isArray(data.items)) {
      if (!/List$/.test(String(data.kind))) {
        const key = d.root.get("items");
        skipped.push({
          docIndex: d.index,
          line,
          reason: `a ${String(data.kind)} with items`,
          invalid: {
            message: `kubectl reads any object with an "items" list as a list: it applies the items and ignores this ${String(data.kind)} itself; use kind: List, or remove items`,
            offset: key ? key.keyRange.start.offset : d.root.offsets[0]
          }
        });
      }
      const items = d.root.get("items")?.items() ?? [];
      items.forEach((item, i) => {
        const itemData = data.items[i];
        if (item.kind === "map" && itemData && typeof itemData === "object" && !notAManifest(itemData)) {
          manifests.push(toManifest(item, itemData, d.index));
        } else {
          skipped.push({ docIndex: d.index, line: item.range.start.line, reason: `item ${i} of the ${String(data.kind)} has no apiVersion and kind` });
        }
      });
      continue;
    }
    manifests.push(toManifest(d.root, data, d.index));
  }
  return { manifests, skipped };
}
function toManifest(node, data, docIndex) {
  const meta = data.metadata && typeof data.metadata === "object" ? data.metadata : {};
  const name = typeof meta.name === "string" ? meta.name : typeof meta.generateName === "string" ? meta.generateName : "";
  return {
    apiVersion: String(data.apiVersion),
    kind: String(data.kind),
    name,
    namespace: typeof meta.namespace === "string" ? meta.namespace : void 0,
    docIndex,
    node,
    data
  };
}
function invalidIdentity(root, data) {
  if (!("apiVersion" in data) || !("kind" in data)) return void 0;
  for (const key of ["apiVersion", "kind"]) {
    const v = data[key];
    if (typeof v === "string" && v !== "") continue;
    const shown = v === null ? "null" : typeof v === "string" ? "an empty string" : `${Array.isArray(v) ? "a list" : typeof v === "object" ? "a map" : `the ${typeof v} ${String(v)}`}`;
    const node = root.get(key);
    return { message: `${key} must be a non-empty string, not ${shown} (kubectl rejects the object)`, offset: node ? node.offsets[0] : root.offsets[0] };
  }
  return void 0;
}
function notAManifest(data) {
  const hasApi = typeof data.apiVersion === "string" && data.apiVersion !== "";
  const hasKind = typeof data.kind === "string" && data.kind !== "";
  if (hasApi && hasKind) {
    if (data.kind === "Kustomization" || String(data.apiVersion).startsWith("kustomize.config.k8s.io")) {
      return "kustomization file (kustomize build input, not an object applied to a cluster)";
    }
    return void 0;
  }
  if (("on" in data || "true" in data) && "jobs" in data) return "not a Kubernetes object: a GitHub Actions workflow";
  if ("services" in data && !hasKind) return "not a Kubernetes object: a docker-compose file";
  if ((data.apiVersion === "v1" || data.apiVersion === "v2") && "name" in data && "version" in data) return "not a Kubernetes object: a Helm Chart.yaml";
  if ("resources" in data || "bases" in data || "patchesStrategicMerge" in data) return "kustomization file (no apiVersion/kind)";
  if (hasKind && !hasApi) return `not a Kubernetes object: kind ${String(data.kind)} without apiVersion`;
  if (typeof data.kind !== "undefined" && !hasKind) return "not a Kubernetes object: kind is not a string";
  return "not a Kubernetes object: no apiVersion and kind (e.g. Helm values or another YAML file)";
}
function manifestLabel(m) {
  return [m.kind, m.namespace, m.name || "(unnamed)"].filter((x) => x !== void 0).join("/");
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
function toWorkload(m) {
  const kind = workloadKindOf(m);
  if (!kind) return void 0;
  const podSpec = m.node.at(kind.podSpecPath);
  if (!podSpec || podSpec.kind !== "map") return void 0;
  const podSpecData = podSpec.value ?? {};
  const metaPath = [...kind.podSpecPath.slice(0, -1), "metadata"];
  const podMetadata = m.node.at(metaPath);
  const os = podSpecData.os;
  const containers = [];
  for (const type of CONTAINER_TYPES) {
    const list = podSpec.get(type);
    if (!list || list.kind !== "seq") continue;
    list.items().forEach((node, index) => {
      if (node.kind !== "map") return;
      const fromPodSpec = podSpecData[type]?.[index];
      const data = Array.isArray(podSpecData[type]) && isPlainObject(fromPodSpec) ? fromPodSpec : node.value ?? {};
      const sc = node.get("securityContext");
      containers.push({
        name: typeof data.name === "string" ? data.name : "",
        type,
        index,
        node,
        data,
        image: typeof data.image === "string" ? data.image : void 0,
        securityContext: sc,
        path: [...kind.podSpecPath, type, index]
      });
    });
  }
  return {
    manifest: m,
    kind,
    podSpec,
    podSpecData,
    podMetadata: podMetadata?.kind === "map" ? podMetadata : void 0,
    isWindows: typeof os?.name === "string" && os.name.toLowerCase() === "windows",
    containers
  };
}
function containerLabel(c) {
  const what = c.type === "initContainers" ? "init container" : c.type === "ephemeralContainers" ? "ephemeral container" : "container";
  return c.name ? `${what} "${c.name}"` : `${what} #${c.index + 1}`;
}
function isPlainObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
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

// src/engine/exemptions.ts
var EXEMPTION_PREFIX = "ignore.kube-immutable.io/";
var DATE = /^\d{4}-\d{2}-\d{2}$/;
function hasOwnPodTemplate(m, w) {
  const pod = w?.podMetadata;
  if (!pod) return false;
  const meta = m.node.get("metadata");
  return !meta || pod.offsets[0] !== meta.offsets[0] || pod.offsets[1] !== meta.offsets[1];
}
function parseExemptionValue(value) {
  const parts = value.split(";");
  let i = 0;
  let containers;
  let expires;
  for (; i < parts.length; i++) {
    const m = parts[i].match(/^\s*([A-Za-z][\w-]*)\s*=\s*(.*?)\s*$/);
    if (!m || /\s/.test(parts[i].trim().split("=")[0])) break;
    const [, key, v] = m;
    if (key === "containers") {
      containers = v.split(",").map((s) => s.trim()).filter(Boolean);
      if (containers.length === 0) return { error: "containers= names no container" };
    } else if (key === "expires") {
      if (!DATE.test(v) || Number.isNaN(Date.parse(v))) return { error: `expires=${v} is not a date (YYYY-MM-DD)` };
      expires = v;
    } else return { error: `unknown setting "${key}" (settings are containers= and expires=)` };
  }
  const reason = parts.slice(i).join(";").trim();
  return { containers, expires, reason };
}
function annotationExemptions(m, w, knownPolicies) {
  const exemptions = [];
  const problems = [];
  const label = `${m.kind}/${m.name || "(unnamed)"}`;
  const sources = [[m.node.get("metadata"), label, "metadata"]];
  if (hasOwnPodTemplate(m, w)) sources.push([w.podMetadata, `the pod template of ${label}`, "podTemplate"]);
  for (const [meta, where, on] of sources) {
    const annotations = meta?.get("annotations");
    if (!annotations || annotations.kind !== "map") continue;
    for (const [key, node] of annotations.entries()) {
      if (!key.startsWith(EXEMPTION_PREFIX)) continue;
      const id = key.slice(EXEMPTION_PREFIX.length);
      const policy = id === "all" ? "*" : id;
      if (policy !== "*" && !knownPolicies.has(policy)) {
        problems.push({ messageId: "unknownPolicy", message: `exemption ${key}: there is no policy "${id}"`, node });
        continue;
      }
      const value = typeof node.value === "string" ? node.value : node.value == null ? "" : String(node.value);
      const parsed = parseExemptionValue(value);
      if ("error" in parsed) {
        problems.push({ messageId: "unparsable", message: `exemption ${key} does not parse: ${parsed.error}`, node });
        continue;
      }
      if (parsed.reason === "") {
        problems.push({ messageId: "missingReason", message: `exemption ${key} gives no reason: write why the finding is accepted (it still applies)`, node });
      }
      exemptions.push({ policy, containers: parsed.containers, reason: parsed.reason, expires: parsed.expires, key, value, on, node, source: `annotation ${key} on ${where}` });
    }
  }
  return { exemptions, problems };
}
function baseExemptionsOf(m, w) {
  const out = [];
  const places = [[m.node.get("metadata"), "metadata"]];
  if (hasOwnPodTemplate(m, w)) places.push([w.podMetadata, "podTemplate"]);
  for (const [meta, on] of places) {
    const annotations = meta?.get("annotations");
    if (!annotations || annotations.kind !== "map") continue;
    for (const [key, node] of annotations.entries()) {
      if (!key.startsWith(EXEMPTION_PREFIX)) continue;
      const value = typeof node.value === "string" ? node.value : node.value == null ? "" : String(node.value);
      out.push({ kind: m.kind, namespace: m.namespace, name: m.name, on, key, value });
    }
  }
  return out;
}
function daysUntil(date, today) {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 864e5);
}
function refusalsOf(a, m, governance, base, today) {
  if (!governance) return [];
  if (governance.annotations === "disabled") return ["annotationsDisabled"];
  const out = [];
  if (governance.policies && (a.policy === "*" || !governance.policies.includes(a.policy))) out.push("policyNotAllowed");
  if (governance.requireExpiry && !a.expires) out.push("expiryRequired");
  if (governance.maxDays !== void 0 && a.expires && daysUntil(a.expires, today) > governance.maxDays) out.push("expiryTooFar");
  if (governance.annotations === "base-only" && base && !isAtBase(a, m, base)) out.push("notAtBase");
  return out;
}
function isAtBase(a, m, base) {
  return base.some((b) => b.key === a.key && b.value === a.value && b.on === a.on && b.kind === m.kind && b.name === m.name && (b.namespace ?? "") === (m.namespace ?? ""));
}
function describeRefusals(refusals, a, governance) {
  const words = {
    annotationsDisabled: () => "the configuration disables exemption annotations (exemptions.annotations: disabled); ask for an exemption in the configuration",
    policyNotAllowed: () => a.policy === "*" ? `the configuration allows annotation exemptions only for named policies (${(governance?.policies ?? []).join(", ")}), never ignore.kube-immutable.io/all` : `the configuration does not allow exempting ${a.policy} by annotation (exemptions.policies: ${(governance?.policies ?? []).join(", ")})`,
    expiryRequired: () => 'the configuration requires an expiry date (exemptions.requireExpiry): add "expires=YYYY-MM-DD; " before the reason',
    expiryTooFar: () => `expires=${a.expires} is more than ${governance?.maxDays} days away (exemptions.maxDays: ${governance?.maxDays})`,
    notAtBase: () => "it is not at the base commit, and the configuration honours only exemptions already there (exemptions.annotations: base-only): a reviewer decides"
  };
  return refusals.map((r) => words[r]()).join("; ");
}
function exemptionCovers(a, f) {
  if (a.policy !== "*" && a.policy !== f.policyId) return false;
  const container = f.container?.name;
  return !a.containers || container !== void 0 && a.containers.includes(container);
}
function findSuppression(f, annotations, config, today) {
  let expired;
  const container = f.container?.name;
  for (const a of annotations) {
    if (a.policy !== "*" && a.policy !== f.policyId) continue;
    if (a.containers && (container === void 0 || !a.containers.includes(container))) continue;
    if (a.expires && a.expires <= today) {
      expired ??= { expired: { source: a.source, expires: a.expires, range: a.node.keyRange } };
      continue;
    }
    return { suppression: { kind: "inSource", justification: a.reason, source: a.source, ...a.expires ? { expires: a.expires } : {} } };
  }
  for (const e of config) {
    if (e.policy !== "*" && e.policy !== f.policyId) continue;
    if (e.files && !e.files.some((g) => matchGlob(f.file, g))) continue;
    if (e.kind && e.kind !== f.object?.kind) continue;
    if (e.name && e.name !== f.object?.name) continue;
    if (e.namespace && e.namespace !== f.object?.namespace) continue;
    if (e.containers && (container === void 0 || !e.containers.includes(container))) continue;
    if (e.expires && e.expires <= today) {
      expired ??= { expired: { source: e.source, expires: e.expires } };
      continue;
    }
    return { suppression: { kind: "external", justification: e.reason, source: e.source, ...e.expires ? { expires: e.expires } : {} } };
  }
  return expired;
}

// src/engine/fingerprint.ts
import * as crypto from "node:crypto";
var oneShotHash = crypto.hash;
function fingerprintOf(parts) {
  let data = "";
  for (let i = 0; i < parts.length; i++) data += (i > 0 ? "\0" : "") + String(parts[i] ?? "");
  return (oneShotHash ? oneShotHash("sha256", data, "hex") : crypto.createHash("sha256").update(data).digest("hex")).slice(0, 16);
}

// src/engine/not-scanned.ts
var FILE_NOT_SCANNED_ID = "file-not-scanned";
var NOT_SCANNED_MESSAGES = {
  tooLarge: "This file was not scanned: it is {{size}} bytes, more than the limit of {{limit}} bytes, and kubectl would apply it all the same. Split it, or raise the size limit.",
  binary: "This file was not scanned: it is binary (it contains NUL bytes). A manifest is text; remove the file or keep it out of the scanned paths.",
  unreadable: "This file was not scanned: {{reason}}. Save it as UTF-8 text (kubectl reads manifests as UTF-8).",
  template: "This file was not scanned: it is not valid YAML (line {{line}}: {{message}}) and holds Helm/Go template syntax ({{ ... }}). Render it first (e.g. `helm template`) and scan the output.",
  documentLimit: "Not all of this file was scanned: {{message}}.",
  flowLimit: "A document of this file was not scanned: {{message}}.",
  timeBudget: "The scan of this file stopped when its time budget of {{budget}} s ran out: {{what}} not checked. Split the file, or raise the budget (policies: file-not-scanned: options: timeBudgetSeconds).",
  timeBudgetFixes: "The time budget of {{budget}} s of this file ran out while its fixes were verified: {{count}} fix verifications were not made, so those fixes are not offered (or not in the fixed file). Split the file, or raise the budget (policies: file-not-scanned: options: timeBudgetSeconds)."
};
var NOT_SCANNED_DEFAULTS = Object.freeze({ timeBudgetSeconds: 10, maxDocuments: 1e4, maxFlowItems: 1e5 });
function notScannedOptions(opts) {
  const given = opts.options?.[FILE_NOT_SCANNED_ID] ?? {};
  const pick = (k) => typeof given[k] === "number" && given[k] > 0 ? given[k] : NOT_SCANNED_DEFAULTS[k];
  return { timeBudgetSeconds: pick("timeBudgetSeconds"), maxDocuments: pick("maxDocuments"), maxFlowItems: pick("maxFlowItems") };
}
function timeBudgetMs(opts) {
  return opts.timeBudgetMs ?? notScannedOptions(opts).timeBudgetSeconds * 1e3;
}
function budgetSeconds(opts) {
  return Number((timeBudgetMs(opts) / 1e3).toPrecision(3));
}
function notScannedFinding(path, messageId, data, range, detail, policies, opts) {
  const configured = opts.severity?.[FILE_NOT_SCANNED_ID];
  if (configured === "off") return void 0;
  const policy = policies.find((p) => p.id === FILE_NOT_SCANNED_ID);
  const severity = configured ?? policy?.meta.defaultSeverity ?? "error";
  const template = policy?.meta.messages[messageId] ?? NOT_SCANNED_MESSAGES[messageId];
  const fingerprint = fingerprintOf([FILE_NOT_SCANNED_ID, path, messageId, detail]);
  return {
    finding: {
      policyId: FILE_NOT_SCANNED_ID,
      severity,
      messageId,
      message: formatMessage(template, data),
      file: path,
      range,
      object: void 0,
      container: void 0,
      fingerprint,
      fixId: void 0,
      fixProblem: void 0,
      suggestions: []
    },
    groupKey: `${FILE_NOT_SCANNED_ID}:${fingerprint}`,
    groupLabel: { docIndex: -1, object: path, container: void 0 },
    manifestIndex: void 0,
    fix: void 0,
    suggestions: []
  };
}
function fileStart() {
  return { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
}

// src/engine/analyse.ts
var EXEMPTION_CHECK_ID = "exemption";
var fixer = {
  set: (target, path, value) => ({ kind: "set", target, path: [...path], value }),
  append: (target, path, item) => ({ kind: "append", target, path: [...path], item })
};
var HELM_CONTROL_LINE = /^[ \t]*\{\{-?\s*(?:if|else|end|range|with|define|template|include|block|toYaml|tpl|\.|\/\*)/m;
var HELM_UNQUOTED_VALUE = /^[^#\n'"]*(?::|^[ \t]*-)[ \t]+\{\{/m;
function hasTemplateSyntax(text) {
  return text.includes("{{") && (HELM_CONTROL_LINE.test(text) || HELM_UNQUOTED_VALUE.test(text));
}
function fileSkipReason(text, maxBytes) {
  return unreadableFile(text, maxBytes)?.reason;
}
function unreadableFile(text, maxBytes) {
  const bytes = text.length * 3 > maxBytes ? Buffer.byteLength(text, "utf8") : text.length;
  if (bytes > maxBytes) {
    return { reason: `file is larger than ${maxBytes} bytes (${bytes} bytes); raise the size limit to scan it`, messageId: "tooLarge", data: { size: bytes, limit: maxBytes } };
  }
  if (text.includes("\0")) return { reason: "binary file (contains NUL bytes)", messageId: "binary", data: {} };
  return void 0;
}
function checkJson(text, parsed) {
  const body = text.charCodeAt(0) === 65279 ? text.slice(1) : text;
  if (!body.trimStart().startsWith("{") || parsed.problems.some((p) => p.severity === "error")) return;
  let error;
  try {
    JSON.parse(body);
    return;
  } catch (err) {
    error = err;
  }
  const skip = text.length - body.length;
  const comment = firstJsonComment(body);
  const position = /position (\d+)/.exec(error.message);
  const offset = skip + (comment ?? (position ? Number(position[1]) : 0));
  const message = comment !== void 0 ? "comments are not allowed in JSON, and kubectl reads a .json file starting with { as JSON: remove the comment, or write the file as YAML" : `${error.message.replace(/ in JSON at position \d+.*$/, "").replace(/\s*\(line \d+ column \d+\)$/, "")} (kubectl reads a .json file starting with { as JSON)`;
  const at = parsed.position(offset);
  parsed.problems.push({ code: "json-syntax", message, severity: "error", line: at.line, column: at.column, offset: at.offset, docIndex: 0 });
  for (const d of parsed.documents) d.hasErrors = true;
}
function firstJsonComment(json) {
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "/" && (json[i + 1] === "/" || json[i + 1] === "*")) return i;
  }
  return void 0;
}
var NO_RANGE = Object.freeze({ start: Object.freeze({ line: 1, column: 1, offset: 0 }), end: Object.freeze({ line: 1, column: 1, offset: 0 }) });
var containerCounts = /* @__PURE__ */ new WeakMap();
function containerNameCount(w, type, name) {
  let counts = containerCounts.get(w);
  if (!counts) {
    counts = /* @__PURE__ */ new Map();
    for (const x of w.containers) counts.set(`${x.type}\0${x.name}`, (counts.get(`${x.type}\0${x.name}`) ?? 0) + 1);
    containerCounts.set(w, counts);
  }
  return counts.get(`${type}\0${name}`) ?? 0;
}
function analyse(path, text, policies, opts = {}, unreadable) {
  return analyseText(path, text, void 0, policies, opts, unreadable);
}
function analyseText(path, text, parsedAlready, policies, opts = {}, unreadable) {
  const verifying = opts.verification === true;
  const started = performance.now();
  const deadline = verifying ? void 0 : started + timeBudgetMs(opts);
  const notScanned = (messageId, data, range, detail) => {
    const r = notScannedFinding(path, messageId, data, range, detail, policies, opts);
    return r ? [r] : [];
  };
  const nothing = { manifests: [], skipped: [] };
  if (unreadable !== void 0) {
    return { parsed: void 0, manifests: nothing, skipped: unreadable, raw: notScanned("unreadable", { reason: unreadable }, fileStart(), "unreadable"), deadline, exemptions: [] };
  }
  const maxBytes = opts.maxFileSizeBytes ?? 5 * 1024 * 1024;
  const whole = unreadableFile(text, maxBytes);
  if (whole) return { parsed: void 0, manifests: nothing, skipped: whole.reason, raw: notScanned(whole.messageId, whole.data, fileStart(), whole.messageId), deadline, exemptions: [] };
  const limits = notScannedOptions(opts);
  const parsed = parsedAlready ?? parseYaml(text, { maxDocuments: limits.maxDocuments, maxFlowItems: limits.maxFlowItems });
  const firstError = parsed.problems.find((p) => p.severity === "error");
  if (firstError && hasTemplateSyntax(text)) {
    const skipped = "Helm/Go template syntax ({{ ... }}) that is not valid YAML: render it first (e.g. `helm template`) and scan the output";
    const at = { line: firstError.line, column: firstError.column, offset: firstError.offset };
    return { parsed, manifests: nothing, skipped, raw: notScanned("template", { line: firstError.line, message: firstError.message }, { start: at, end: at }, "template"), deadline, exemptions: [] };
  }
  if (/\.json$/i.test(path)) checkJson(text, parsed);
  const manifests = extractManifests(parsed);
  for (const sk of manifests.skipped) {
    if (!sk.invalid || parsed.problems.some((p) => p.code === "invalid-object" && p.offset === sk.invalid.offset)) continue;
    const at = parsed.position(sk.invalid.offset);
    parsed.problems.push({ code: "invalid-object", message: sk.invalid.message, severity: "error", line: at.line, column: at.column, offset: at.offset, docIndex: sk.docIndex });
  }
  if (opts.docIndexOffset) {
    for (const m of manifests.manifests) m.docIndex += opts.docIndexOffset;
    for (const p of parsed.problems) p.docIndex += opts.docIndexOffset;
  }
  const raw = [];
  const seen = /* @__PURE__ */ new Map();
  const workloads = manifests.manifests.map((m) => toWorkload(m));
  const policyIds = /* @__PURE__ */ new Set([...policies.map((p) => p.id), ...opts.knownPolicyIds ?? []]);
  const fileRange = () => ({ start: parsed.position(0), end: parsed.position(0) });
  const objects = /* @__PURE__ */ new Map();
  const objectOf = (m) => {
    let o = objects.get(m);
    if (!o) objects.set(m, o = { apiVersion: m.apiVersion, kind: m.kind, name: m.name, namespace: m.namespace, docIndex: m.docIndex });
    return o;
  };
  const containers = /* @__PURE__ */ new Map();
  const containerOf = (c) => {
    let o = containers.get(c);
    if (!o) containers.set(c, o = { name: c.name, type: c.type, index: c.index });
    return o;
  };
  for (const p of parsed.problems) {
    if (p.code !== "document-limit" && p.code !== "flow-limit") continue;
    const at = { line: p.line, column: p.column, offset: p.offset };
    raw.push(...notScanned(p.code === "document-limit" ? "documentLimit" : "flowLimit", { message: p.message }, { start: at, end: at }, `${p.code}:${p.docIndex}`));
  }
  const enabled = policies.filter((p) => opts.severity?.[p.id] !== "off");
  let outOfTime;
  for (const [policyIndex, policy] of enabled.entries()) {
    if (outOfTime) break;
    const severityOverride = opts.severity?.[policy.id];
    if (severityOverride === "off") continue;
    const severity = severityOverride ?? policy.meta.defaultSeverity;
    const options = { ...policy.meta.defaultOptions ?? {}, ...opts.options?.[policy.id] ?? {} };
    const makeReport = (m, w, manifestIndex) => (d) => {
      const template = policy.meta.messages[d.messageId];
      if (template === void 0) throw new TypeError(`policy ${policy.id} reported unknown messageId ${JSON.stringify(d.messageId)}`);
      const message = formatMessage(template, d.data);
      const range = opts.verification ? NO_RANGE : d.node ? d.key ? d.node.keyRange : d.node.range : d.range ?? (m ? m.node.range : fileRange());
      const object = m && objectOf(m);
      const c = d.container;
      const shared = c && (!c.name || (w ? containerNameCount(w, c.type, c.name) : 0) > 1);
      const containerId = c ? shared ? `${c.name}#${c.index}` : c.name : void 0;
      const base = fingerprintOf([policy.id, path, m?.kind, m?.namespace, m?.name, m?.docIndex, c?.type, containerId, d.messageId, d.detail]);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      const fingerprint = n === 0 ? base : fingerprintOf([base, n]);
      const objectLabel = m ? `${m.kind}/${m.namespace ? m.namespace + "/" : ""}${m.name || "(unnamed)"}` : path;
      const groupKey = c ? `${m?.docIndex}:${c.path.join(".")}` : `${m?.docIndex ?? -1}:${m ? m.node.path.join(".") : ""}:object`;
      raw.push({
        finding: {
          policyId: policy.id,
          severity: d.severity !== void 0 && SEVERITY_RANK[d.severity] < SEVERITY_RANK[severity] ? d.severity : severity,
          messageId: d.messageId,
          message,
          file: path,
          range,
          object,
          container: c ? containerOf(c) : void 0,
          fingerprint,
          fixId: void 0,
          fixProblem: void 0,
          suggestions: []
        },
        groupKey,
        groupLabel: { docIndex: m?.docIndex ?? -1, object: objectLabel, container: c?.name },
        manifestIndex,
        fix: d.fix && !opts.verification ? d.fix(fixer) : void 0,
        suggestions: opts.verification ? [] : (d.suggest ?? []).map((s) => ({ message: formatMessage(policy.meta.messages[s.messageId] ?? s.messageId, s.data), ops: s.fix(fixer) }))
      });
    };
    const failed = (m, err) => {
      const detail = err instanceof Error ? err.message : String(err);
      raw.push({
        finding: {
          policyId: "policy-error",
          severity: "error",
          messageId: "policyFailed",
          message: `policy ${policy.id} failed on file ${path}${m ? ` (${m.kind} ${m.name})` : ""}: ${detail}`,
          file: path,
          range: m ? m.node.range : fileRange(),
          object: m && { apiVersion: m.apiVersion, kind: m.kind, name: m.name, namespace: m.namespace, docIndex: m.docIndex },
          container: void 0,
          fingerprint: fingerprintOf(["policy-error", policy.id, path, m?.docIndex, m?.kind, m?.name]),
          fixId: void 0,
          fixProblem: void 0,
          suggestions: []
        },
        groupKey: `error:${policy.id}:${m?.docIndex}`,
        groupLabel: { docIndex: m?.docIndex ?? -1, object: m?.name ?? path, container: void 0 },
        manifestIndex: void 0,
        fix: void 0,
        suggestions: []
      });
    };
    if (policy.checkFile) {
      try {
        policy.checkFile({ file: path, text, problems: parsed.problems, options, report: makeReport(void 0) });
      } catch (err) {
        failed(void 0, err);
      }
    }
    for (const [i, m] of manifests.manifests.entries()) {
      if (deadline !== void 0 && performance.now() > deadline) {
        outOfTime = { policy: policyIndex, manifest: i };
        break;
      }
      try {
        policy.check({ file: path, policyIds, manifest: m, workload: workloads[i], options, report: makeReport(m, workloads[i], i) });
      } catch (err) {
        failed(m, err);
      }
    }
  }
  if (outOfTime) {
    const objects2 = manifests.manifests.length;
    const left = enabled.slice(outOfTime.policy + 1).map((p) => p.id).filter((id) => id !== FILE_NOT_SCANNED_ID);
    const first = manifests.manifests[outOfTime.manifest];
    const what = `${enabled[outOfTime.policy].id} from document ${first.docIndex + 1} (${first.kind} ${first.name || "(unnamed)"}) on` + (left.length > 0 ? `, and ${left.join(", ")} on ${objects2 === 1 ? "the object" : `all ${objects2} objects`}, were` : " was");
    const at = first.node.range.start;
    raw.push(...notScanned("timeBudget", { budget: budgetSeconds(opts), what }, { start: at, end: at }, "time-budget"));
  }
  const exemptions = applyExemptions(path, raw, manifests.manifests, workloads, policies, opts);
  return { parsed, manifests, skipped: void 0, raw, deadline, exemptions };
}
var REFUSAL_MESSAGES = {
  annotationsDisabled: "annotationsDisabled",
  policyNotAllowed: "policyNotAllowed",
  expiryRequired: "expiryRequired",
  expiryTooFar: "expiryTooFar"
};
function applyExemptions(path, raw, manifests, workloads, policies, opts) {
  const policyIds = /* @__PURE__ */ new Set([...policies.map((p) => p.id), ...opts.knownPolicyIds ?? []]);
  const exemptionPolicy = policies.find((p) => p.id === EXEMPTION_CHECK_ID);
  const expiredTemplate = exemptionPolicy?.meta.messages.expired ?? "The exemption {{source}} expired on {{expires}}: the findings it covered are reported again.";
  const today = opts.today ?? (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
  const config = opts.exemptions ?? [];
  const governance = opts.exemptionGovernance;
  const base = opts.baseExemptions ? Object.hasOwn(opts.baseExemptions, path) ? opts.baseExemptions[path] : [] : void 0;
  const records = [];
  const recordOf = /* @__PURE__ */ new Map();
  const honoured = manifests.map((m, i) => {
    const all = annotationExemptions(m, workloads[i], policyIds).exemptions;
    const kept = [];
    for (const a of all) {
      const refusals = refusalsOf(a, m, governance, base, today);
      const atBase = base === void 0 ? void 0 : refusals.includes("notAtBase") ? false : isAtBase(a, m, base);
      if (refusals.length === 0) kept.push(a);
      if (refusals.length === 0 && atBase !== false) continue;
      const at = a.node.keyRange.start;
      const record = {
        file: path,
        line: at.line,
        column: at.column,
        object: { kind: m.kind, namespace: m.namespace, name: m.name },
        on: a.on,
        key: a.key,
        policy: a.policy,
        containers: a.containers,
        reason: a.reason,
        expires: a.expires,
        atBase,
        honoured: refusals.length === 0,
        refusals,
        why: describeRefusals(refusals, a, governance),
        fingerprints: []
      };
      records.push(record);
      recordOf.set(a, record);
    }
    return { all, kept };
  });
  const expiredSeen = /* @__PURE__ */ new Set();
  const push = (finding, manifestIndex) => raw.push({
    finding,
    groupKey: `exemption:${finding.fingerprint}`,
    groupLabel: { docIndex: finding.object?.docIndex ?? -1, object: path, container: void 0 },
    manifestIndex,
    fix: void 0,
    suggestions: []
  });
  for (const r of [...raw]) {
    const f = r.finding;
    if (f.policyId === "policy-error" || f.policyId === EXEMPTION_CHECK_ID) continue;
    const own = r.manifestIndex !== void 0 ? honoured[r.manifestIndex] : { all: [], kept: [] };
    for (const a of own.all) {
      const record = recordOf.get(a);
      if (record && exemptionCovers(a, f)) record.fingerprints.push(f.fingerprint);
    }
    const notScanned = f.policyId === FILE_NOT_SCANNED_ID;
    const match = notScanned ? findSuppression(f, [], config.filter((e2) => e2.policy === FILE_NOT_SCANNED_ID), today) : findSuppression(f, own.kept, config, today);
    if (!match) continue;
    if ("suppression" in match) {
      f.suppressed = match.suppression;
      continue;
    }
    const e = match.expired;
    const fingerprint = fingerprintOf([EXEMPTION_CHECK_ID, path, e.source, e.expires, f.policyId]);
    if (expiredSeen.has(fingerprint)) continue;
    expiredSeen.add(fingerprint);
    push(
      {
        policyId: EXEMPTION_CHECK_ID,
        severity: "info",
        messageId: "expired",
        message: formatMessage(expiredTemplate, { source: e.source, expires: e.expires }),
        file: path,
        range: e.range ?? f.range,
        object: f.object,
        container: void 0,
        fingerprint,
        fixId: void 0,
        fixProblem: void 0,
        suggestions: []
      },
      r.manifestIndex
    );
  }
  const severity = opts.severity?.[EXEMPTION_CHECK_ID] ?? exemptionPolicy?.meta.defaultSeverity ?? "warning";
  if (severity === "off") return records;
  manifests.forEach((m, i) => {
    for (const a of honoured[i].all) {
      const record = recordOf.get(a);
      const messageId = record?.refusals.map((x) => REFUSAL_MESSAGES[x]).find((x) => x !== void 0);
      if (!record || !messageId) continue;
      const template = exemptionPolicy?.meta.messages[messageId] ?? "The exemption {{source}} is not honoured: {{why}}.";
      const fingerprint = fingerprintOf([EXEMPTION_CHECK_ID, path, m.kind, m.namespace, m.name, m.docIndex, a.on, a.key, messageId]);
      const object = { apiVersion: m.apiVersion, kind: m.kind, name: m.name, namespace: m.namespace, docIndex: m.docIndex };
      push(
        {
          policyId: EXEMPTION_CHECK_ID,
          severity,
          messageId,
          message: formatMessage(template, { source: a.source, why: record.why, findings: String(record.fingerprints.length) }),
          file: path,
          range: opts.verification ? NO_RANGE : a.node.keyRange,
          object,
          container: void 0,
          fingerprint,
          fixId: void 0,
          fixProblem: void 0,
          suggestions: []
        },
        i
      );
    }
  });
  return records;
}

// src/engine/fixes.ts
function renderAndVerify(path, parsed, style, ops, fixes, before, policies, opts) {
  const rendered = render(parsed, style, ops);
  if (!rendered.ok) return rendered;
  return verifyRendered(path, parsed, ops, rendered.edits, fixes, before, policies, opts);
}
function render(parsed, style, ops) {
  const rendered = renderFixOps(parsed.text, style, ops);
  if (rendered.problems.length > 0) return { ok: false, edits: [], problem: rendered.problems[0] };
  if (rendered.edits.length === 0) return { ok: false, edits: [], problem: "the fix changes nothing" };
  return { ok: true, edits: rendered.edits };
}
function docsOf(parsed, ops) {
  const docOf = documentIndexes(parsed);
  return new Set(ops.map((op) => docOf.get(op.target.doc) ?? 0));
}
var documentIndexCache = /* @__PURE__ */ new WeakMap();
function documentIndexes(parsed) {
  let map = documentIndexCache.get(parsed);
  if (!map) {
    map = new Map(parsed.documents.map((d) => [d.doc, d.index]));
    documentIndexCache.set(parsed, map);
  }
  return map;
}
function verifyRendered(path, parsed, ops, edits, fixes, before, policies, opts) {
  const docs = docsOf(parsed, ops);
  if (docs.size === 1 && parsed.documents.length > 1) {
    const scoped = verifyInDocument(path, parsed, [...docs][0], edits, ops, fixes, before, policies, opts);
    if (scoped) return scoped;
  }
  const docOf = documentIndexes(parsed);
  const expected = expectedData(
    parsed.documents.map((d) => d.data),
    (op) => docOf.get(op.target.doc) ?? 0,
    ops
  );
  const v = verifyEdits(parsed.text, edits, expected);
  if (!v.ok) return { ok: false, edits: [], problem: v.problem };
  const again = analyseText(path, v.text, v.parsed, policies, { ...opts, verification: true });
  const problem = compareFindings(again, fixes, before);
  if (problem) return { ok: false, edits: [], problem };
  return { ok: true, edits };
}
function verifyInDocument(path, parsed, d, edits, ops, fixes, before, policies, opts) {
  const docs = parsed.documents;
  const start = docs[d].span[0];
  const end = d + 1 < docs.length ? docs[d + 1].span[0] : parsed.readEnd ?? parsed.text.length;
  if (edits.some((e) => e.range[0] < start || e.range[1] > end)) return void 0;
  if (/^%/m.test(parsed.text.slice(0, docs[0].span[0]))) return void 0;
  const slice = parsed.text.slice(start, end);
  const shifted = edits.map((e) => ({ range: [e.range[0] - start, e.range[1] - start], text: e.text }));
  const v = verifyEdits(slice, shifted, expectedData([docs[d].data], () => 0, ops));
  if (!v.ok) return void 0;
  const again = analyseText(path, v.text, v.parsed, policies, { ...opts, docIndexOffset: d, verification: true });
  const problem = compareFindings(again, fixes, before);
  if (problem) return { ok: false, edits: [], problem };
  return { ok: true, edits };
}
function compareFindings(again, fixes, before) {
  const after = new Set(again.raw.map((r) => r.finding.fingerprint));
  for (const fp of fixes) if (after.has(fp)) return "the fixed finding is still reported after the fix";
  for (const fp of after) {
    if (!before.has(fp)) {
      const r = again.raw.find((x) => x.finding.fingerprint === fp);
      return `the fix causes a new finding: ${r.finding.policyId}: ${r.finding.message}`;
    }
  }
  return void 0;
}
function budgetOf(deadline) {
  let out = false;
  return {
    left: () => (out ||= deadline !== void 0 && performance.now() > deadline) === false,
    skipped: 0
  };
}
var OUT_OF_TIME = "not verified: the file's time budget ran out (see the file-not-scanned finding)";
function computeFixes(path, analysis, policies, opts) {
  const parsed = analysis.parsed;
  if (!parsed) return { groups: [], fixedText: void 0, fixedEdits: void 0 };
  const budget = budgetOf(analysis.deadline);
  const result = computeFixesWithin(path, analysis, parsed, policies, opts, budget);
  if (budget.skipped > 0 && !analysis.raw.some((r) => r.finding.policyId === FILE_NOT_SCANNED_ID && r.finding.messageId.startsWith("timeBudget"))) {
    const at = parsed.position(0);
    const r = notScannedFinding(path, "timeBudgetFixes", { budget: budgetSeconds(opts), count: budget.skipped }, { start: at, end: at }, "time-budget-fixes", policies, opts);
    if (r) analysis.raw.push(r);
  }
  return result;
}
function computeFixesWithin(path, analysis, parsed, policies, opts, budget) {
  const byKey = /* @__PURE__ */ new Map();
  for (const r of analysis.raw) {
    if (!r.fix || r.fix.length === 0 || r.finding.suppressed) continue;
    const arr = byKey.get(r.groupKey) ?? [];
    arr.push(r);
    byKey.set(r.groupKey, arr);
  }
  const style = detectStyle(parsed.text, parsed.documents.map((d) => d.doc));
  const before = new Set(analysis.raw.map((r) => r.finding.fingerprint));
  const entries = [...byKey].map(([key, members]) => {
    const ops = members.flatMap((m) => m.fix);
    const label = members[0].groupLabel;
    const group = {
      id: fingerprintOf(["fix", path, key]),
      file: path,
      docIndex: label.docIndex,
      object: label.object,
      container: label.container,
      containers: label.container !== void 0 ? [label.container] : [],
      findings: [...new Set(members.map((m) => m.finding.fingerprint))],
      edits: [],
      verified: false,
      problem: void 0
    };
    return { group, members, ops, rendered: render(parsed, style, ops), merged: void 0 };
  });
  const renderedOk = entries.filter((e) => e.rendered.ok);
  for (const cluster of sharedLineClusters(parsed, renderedOk.map((e) => ({ item: e, docIndex: e.group.docIndex, edits: e.rendered.edits })))) {
    if (cluster.length < 2) continue;
    const ops = cluster.flatMap((e) => e.ops);
    const fps = new Set(cluster.flatMap((e) => e.group.findings));
    if (!budget.left()) break;
    const v = renderAndVerify(path, parsed, style, ops, fps, before, policies, opts);
    if (!v.ok) continue;
    const merged = { group: mergedGroup(path, cluster.map((e) => e.group), fps, v.edits), ops };
    for (const e of cluster) e.merged = merged;
  }
  const groups = [];
  const verifiedOps = [];
  const emitted = /* @__PURE__ */ new Set();
  for (const e of entries) {
    if (e.merged) {
      if (emitted.has(e.merged.group)) continue;
      emitted.add(e.merged.group);
      groups.push(e.merged.group);
      verifiedOps.push(e.merged);
      continue;
    }
    let v;
    if (!e.rendered.ok) v = e.rendered;
    else if (!budget.left()) {
      budget.skipped++;
      v = { ok: false, edits: [], problem: OUT_OF_TIME };
    } else v = verifyRendered(path, parsed, e.ops, e.rendered.edits, new Set(e.group.findings), before, policies, opts);
    e.group.edits = v.edits;
    e.group.verified = v.ok;
    e.group.problem = v.ok ? void 0 : v.problem;
    groups.push(e.group);
    if (v.ok) verifiedOps.push({ group: e.group, ops: e.ops });
  }
  for (const e of entries) {
    for (const m of e.members) {
      if (e.merged) m.finding.fixId = e.merged.group.id;
      else if (e.group.verified) m.finding.fixId = e.group.id;
      else m.finding.fixProblem = e.group.problem;
    }
  }
  const unmerged = new Set(entries.filter((e) => !e.merged && e.group.verified).map((e) => e.group));
  if (budget.left()) mergeSharedLines(path, parsed, style, groups, verifiedOps, unmerged, analysis.raw, before, policies, opts, budget);
  for (const r of analysis.raw) {
    for (const s of r.suggestions) {
      const rendered = renderFixOps(parsed.text, style, s.ops);
      if (rendered.problems.length === 0 && rendered.edits.length > 0) r.finding.suggestions.push({ message: s.message, edits: rendered.edits });
    }
  }
  const fixedEdits = combinedEdits(path, parsed, style, verifiedOps, before, policies, opts, budget);
  return { groups, fixedText: fixedEdits ? applyEdits(parsed.text, fixedEdits) : void 0, fixedEdits };
}
function combinedEdits(path, parsed, style, verifiedOps, before, policies, opts, budget) {
  if (verifiedOps.length === 0) return void 0;
  if (verifiedOps.length === 1) return verifiedOps[0].group.edits;
  const docSets = verifiedOps.map((g) => docsOf(parsed, g.ops));
  const perDocument = parsed.documents.length > 1 && docSets.every((d) => d.size === 1);
  const parts = /* @__PURE__ */ new Map();
  verifiedOps.forEach((g, i) => {
    const d = perDocument ? [...docSets[i]][0] : -1;
    parts.set(d, [...parts.get(d) ?? [], g]);
  });
  const edits = [];
  for (const part of parts.values()) {
    if (part.length === 1) {
      for (const e of part[0].group.edits) edits.push(e);
      continue;
    }
    if (!budget.left()) {
      budget.skipped += part.length;
      continue;
    }
    const allFps = new Set(part.flatMap((g) => g.group.findings));
    const all = renderAndVerify(path, parsed, style, part.flatMap((g) => g.ops), allFps, before, policies, opts);
    if (all.ok) {
      for (const e of all.edits) edits.push(e);
      continue;
    }
    let kept = [];
    let keptEdits = [];
    const keptFps = /* @__PURE__ */ new Set();
    for (const g of part) {
      if (!budget.left()) break;
      const ops = [...kept, ...g.ops];
      const fps = /* @__PURE__ */ new Set([...keptFps, ...g.group.findings]);
      const v = renderAndVerify(path, parsed, style, ops, fps, before, policies, opts);
      if (v.ok) {
        kept = ops;
        keptEdits = v.edits;
        for (const f of g.group.findings) keptFps.add(f);
      }
    }
    for (const e of keptEdits) edits.push(e);
  }
  return edits.length > 0 ? edits : void 0;
}
function mergedGroup(path, members, fps, edits) {
  const first = members[0];
  const objects = [...new Set(members.map((m) => m.object))];
  const containers = members.flatMap((m) => m.containers);
  return {
    id: fingerprintOf(["fix", path, ...members.map((m) => m.id)]),
    file: path,
    docIndex: first.docIndex,
    object: objects.join(", "),
    container: containers.length === 1 ? containers[0] : void 0,
    containers,
    findings: [...fps],
    edits,
    verified: true,
    problem: void 0
  };
}
function sharedLineClusters(parsed, items) {
  const spans = items.map((x) => ({ x, span: lineSpan(parsed, x.edits) }));
  spans.sort((a, b) => a.x.docIndex - b.x.docIndex || a.span[0] - b.span[0]);
  const clusters = [];
  for (const s of spans) {
    const last = clusters[clusters.length - 1];
    if (last && last.docIndex === s.x.docIndex && s.span[0] <= last.end) {
      last.items.push(s.x.item);
      last.end = Math.max(last.end, s.span[1]);
    } else clusters.push({ docIndex: s.x.docIndex, end: s.span[1], items: [s.x.item] });
  }
  return clusters.map((c) => c.items);
}
function lineSpan(parsed, edits) {
  let start = Infinity;
  let end = -Infinity;
  for (const e of edits) {
    if (e.range[0] < start) start = e.range[0];
    if (e.range[1] > end) end = e.range[1];
  }
  return [parsed.position(start).line - 1, parsed.position(end).line + 1];
}
function mergeSharedLines(path, parsed, style, groups, verified, candidates, raw, before, policies, opts, budget) {
  const items = verified.filter((v) => candidates.has(v.group)).map((v) => ({ item: v, docIndex: v.group.docIndex, edits: v.group.edits }));
  const replaced = /* @__PURE__ */ new Map();
  for (const members of sharedLineClusters(parsed, items)) {
    if (members.length < 2) continue;
    const ops = members.flatMap((m) => m.ops);
    const fps = new Set(members.flatMap((m) => m.group.findings));
    if (!budget.left()) break;
    const v = renderAndVerify(path, parsed, style, ops, fps, before, policies, opts);
    if (!v.ok) continue;
    const group = mergedGroup(path, members.map((m) => m.group), fps, v.edits);
    for (const m of members) replaced.set(m.group.id, { group, ops });
  }
  if (replaced.size === 0) return;
  const placed = /* @__PURE__ */ new Set();
  const keep = (list, groupOf, merged) => {
    placed.clear();
    const out = [];
    for (const x of list) {
      const m = replaced.get(groupOf(x).id);
      if (!m) out.push(x);
      else if (!placed.has(m.group)) {
        placed.add(m.group);
        out.push(merged(m));
      }
    }
    return out;
  };
  const refill = (list, items2) => {
    list.length = 0;
    for (const x of items2) list.push(x);
  };
  refill(groups, keep(groups, (g) => g, (m) => m.group));
  refill(verified, keep(verified, (x) => x.group, (m) => m));
  for (const r of raw) {
    const m = r.finding.fixId !== void 0 ? replaced.get(r.finding.fixId) : void 0;
    if (m) r.finding.fixId = m.group.id;
  }
}

// src/engine/run.ts
function run(files, policies, opts = {}) {
  const result = { files: [], findings: [], fixes: [] };
  for (const f of files) {
    const a = analyse(f.path, f.text, policies, opts, f.unreadable);
    const fixes = computeFixes(f.path, a, policies, opts);
    const fr = {
      path: f.path,
      skipped: a.skipped,
      skippedDocuments: a.manifests.skipped,
      problems: a.parsed?.problems ?? [],
      manifests: a.manifests.manifests.length,
      fixedText: fixes.fixedText,
      ...fixes.fixedEdits ? { fixedEdits: fixes.fixedEdits } : {}
    };
    result.files.push(fr);
    const findings = a.raw.map((r) => r.finding);
    findings.sort((x, y) => x.range.start.offset - y.range.start.offset || x.policyId.localeCompare(y.policyId));
    for (const x of findings) result.findings.push(x);
    for (const g of fixes.groups) result.fixes.push(g);
    if (a.exemptions.length > 0) for (const x of a.exemptions) (result.exemptions ??= []).push(x);
  }
  return result;
}

// src/engine/tester.ts
var settings = {};
function engineOptions(policy, options) {
  const base = settings.engine ?? {};
  return options ? { ...base, options: { ...base.options ?? {}, [policy.id]: options } } : base;
}
function testPolicy(policy, table, tableSettings = {}) {
  const seen = /* @__PURE__ */ new Set();
  const key = (code, options) => JSON.stringify([code, options ?? null]);
  for (const c of [...table.valid, ...table.invalid]) {
    const code = typeof c === "string" ? c : c.code;
    const k = key(code, typeof c === "string" ? void 0 : c.options);
    if (seen.has(k)) throw new TypeError(`testPolicy(${policy.id}): duplicate case:
${code}`);
    seen.add(k);
  }
  describe(policy.id, () => {
    beforeAll(() => {
      settings = tableSettings;
    });
    afterAll(() => {
      settings = {};
    });
    describe("valid", () => {
      table.valid.forEach((c, i) => {
        const code = typeof c === "string" ? c : c.code;
        const name = typeof c !== "string" && c.name || `valid #${i + 1}`;
        it(name, () => {
          const result = run([{ path: "test.yaml", text: code }], [policy], engineOptions(policy, typeof c === "string" ? void 0 : c.options));
          expect(result.findings.map((f) => `${f.range.start.line}: ${f.messageId}: ${f.message}`)).toEqual([]);
        });
      });
    });
    describe("invalid", () => {
      table.invalid.forEach((c, i) => {
        it(c.name ?? `invalid #${i + 1}`, () => {
          const opts = engineOptions(policy, c.options);
          const result = run([{ path: "test.yaml", text: c.code }], [policy], opts);
          const actual = result.findings.map((f) => ({ messageId: f.messageId, line: f.range.start.line }));
          const sort = (a) => [...a].sort((x, y) => x.line - y.line || x.messageId.localeCompare(y.messageId));
          expect(sort(actual)).toEqual(sort(c.errors));
          expect(result.findings.filter((f) => f.fixProblem).map((f) => f.fixProblem)).toEqual([]);
          const fixed = result.files[0]?.fixedText;
          if (c.output === void 0) return;
          if (c.output === null) {
            expect(fixed).toBeUndefined();
            return;
          }
          expect(fixed).toBe(c.output);
          expect(parseYaml(c.output).problems.filter((p) => p.severity === "error")).toEqual([]);
          const fixedFps = new Set(result.findings.filter((f) => f.fixId).map((f) => f.fingerprint));
          const again = run([{ path: "test.yaml", text: c.output }], [policy], opts);
          expect(again.findings.filter((f) => fixedFps.has(f.fingerprint)).map((f) => f.message)).toEqual([]);
        });
      });
    });
  });
}

// src/engine/base-exemptions.ts
function baseExemptionsInText(text, maxBytes = 5 * 1024 * 1024) {
  if (fileSkipReason(text, maxBytes)) return [];
  try {
    const { manifests } = extractManifests(parseYaml(text));
    return manifests.flatMap((m) => baseExemptionsOf(m, toWorkload(m)));
  } catch {
    return [];
  }
}

export {
  SEVERITY_RANK,
  definePolicy,
  formatMessage,
  fixGroupLabel,
  extractManifests,
  manifestLabel,
  WORKLOAD_KINDS,
  apiGroup,
  workloadKindOf,
  CONTAINER_TYPES,
  toWorkload,
  containerLabel,
  parseImageReference,
  tagVersion,
  writablePathsFor,
  normalisePath,
  mountCovers,
  volumeMounts,
  volumeSources,
  isWritableMount,
  isPathWritable,
  allocateVolumeName,
  annotationExemptions,
  fingerprintOf,
  FILE_NOT_SCANNED_ID,
  NOT_SCANNED_MESSAGES,
  NOT_SCANNED_DEFAULTS,
  hasTemplateSyntax,
  fileSkipReason,
  analyse,
  computeFixes,
  run,
  testPolicy,
  baseExemptionsInText
};
