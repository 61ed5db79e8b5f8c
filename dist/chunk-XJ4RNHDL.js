import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  chartFolderOf,
  isHelmValuesFileName,
  isKustomizationFileName
} from "./chunk-GRKRAENP.js";

// src/k8s/manifest.ts
function extractManifests(file, place) {
  const manifests = [];
  const skipped = [];
  for (const d of file.documents) {
    const line = d.root ? d.root.range.start.line : file.position(d.span[0]).line;
    if (d.hasErrors && !d.lastKeyWins) {
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
    const why = notAManifest(data, place);
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
        if (item.kind === "map" && itemData && typeof itemData === "object" && !notAManifest(itemData, place)) {
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
    const shown = v === null ? "null" : typeof v === "string" ? "an empty string" : Array.isArray(v) ? "a list" : typeof v === "object" ? "a map" : (
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- v is a number or boolean here: maps, lists, strings and null are named before
      `the ${typeof v} ${String(v)}`
    );
    const node = root.get(key);
    return { message: `${key} must be a non-empty string, not ${shown} (kubectl rejects the object)`, offset: node ? node.offsets[0] : root.offsets[0] };
  }
  return void 0;
}
var KUSTOMIZE_GROUP = "kustomize.config.k8s.io/";
function notAManifest(data, place) {
  const hasApi = typeof data.apiVersion === "string" && data.apiVersion !== "";
  const hasKind = typeof data.kind === "string" && data.kind !== "";
  if (hasApi && hasKind) {
    if (String(data.apiVersion).startsWith(KUSTOMIZE_GROUP)) {
      const what = data.kind === "Component" ? "kustomize component" : "kustomization file";
      return `${what} (kustomize build input, not an object applied to a cluster)`;
    }
    return void 0;
  }
  if (place && isKustomizationFileName(place.path)) return "kustomization file (kustomize build input, not an object applied to a cluster)";
  if (("on" in data || "true" in data) && "jobs" in data) return "not a Kubernetes object: a GitHub Actions workflow";
  if ("services" in data && !hasKind) return "not a Kubernetes object: a docker-compose file";
  if ((data.apiVersion === "v1" || data.apiVersion === "v2") && "name" in data && "version" in data) return "not a Kubernetes object: a Helm Chart.yaml";
  if (hasKind && !hasApi) return `not a Kubernetes object: kind ${String(data.kind)} without apiVersion`;
  if (typeof data.kind !== "undefined" && !hasKind) return "not a Kubernetes object: kind is not a string";
  if (place && isHelmValuesFileName(place.path)) {
    const chart = chartFolderOf(place.path, place.chartFolders ?? []);
    if (chart !== void 0) return `not a Kubernetes object: Helm values of the chart ${chart === "" ? "at the top folder" : `in ${chart}`}`;
  }
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
  return WORKLOAD_KINDS.find((w2) => w2.kind === m.kind && w2.groups.includes(g));
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
var MAX_UID = 2147483647;
function imageUser(user) {
  const who = (user ?? "").split(":")[0];
  if (who === "" || who === "root") return { kind: "root", uid: who === "" ? void 0 : 0, name: who === "" ? void 0 : "root" };
  if (/^\d+$/.test(who) && Number(who) <= MAX_UID) {
    const uid = Number(who);
    return { kind: uid === 0 ? "root" : "non-root", uid, name: void 0 };
  }
  return { kind: "non-root", uid: void 0, name: who };
}

// src/k8s/image-table.ts
var w = (path, purpose, extra = {}) => ({ path, purpose, ...extra });
var vol = { declaredVolume: true };
var GH = "https://github.com";
var DOCS = `${GH}/docker-library/docs/blob/c4a9ba41443427b2ec1d5c4cc01879076aa4a1eb`;
var OFFICIAL = `${GH}/docker-library/official-images/blob/37079fb336f572a88700cf32e5e1f6be54a04e8f/library`;
var NGINX = `${GH}/nginxinc/docker-nginx/blob/b430becb8f0f6b8d69e68cc73a82ea2873c38639/mainline/debian`;
var NGINX_UNPRIV = `${GH}/nginx/docker-nginx-unprivileged/blob/e26803b6ff7ca01455284231c59f20cb5e3ae82e/mainline/debian`;
var REDIS = `${GH}/docker-library/redis/blob/e92049967d6baa9b4b3d6fd950553e6458e61f13/7.2/debian`;
var PG = `${GH}/docker-library/postgres/blob/6edb0a8c4def40c371514b34aef9037ec82d9110`;
var MYSQL = `${GH}/docker-library/mysql/blob/7f30fdb0738041fc5125e8218e393e0a891243e9/8.4`;
var MONGO = `${GH}/docker-library/mongo/blob/2c69a57b939afb99266e8f97258adb178e9559e0/8.0`;
var HTTPD = `${GH}/docker-library/httpd/blob/9b63b37c9be3b42d16b924ebb40af3cc40793119/2.4`;
var RABBITMQ = `${GH}/docker-library/rabbitmq/blob/9193c1de6d32046e0c1132841a7a4995b0dc32e0/4.1/ubuntu`;
var WORDPRESS = `${GH}/docker-library/wordpress/blob/bf223d1c2087b0b2c3b86eefa830fe4bbc2bce07/latest/php8.3/apache`;
var TOMCAT = `${GH}/docker-library/tomcat/blob/40f27d562f94c0dbfb861587ee8837047b1cd555/10.1/jdk21/temurin-noble`;
var MARIADB = `${GH}/MariaDB/mariadb-docker/blob/1b6429ba3544e134715c15f8c56cc6f665f827c9/11.8`;
var MEMCACHED = `${GH}/docker-library/memcached/blob/53ac0ecb0bf88b471a0110f8996ce791baf1a667/1/debian`;
var CASSANDRA = `${GH}/docker-library/cassandra/blob/7b9da8f4f58f48af79feb0fc2f7a1e2c639965f1/5.0`;
var ZOOKEEPER = `${GH}/31z4/zookeeper-docker/blob/52a83649bc332b3324e0f0ecd96a1c88b2793022/3.9.4`;
var HAPROXY = `${GH}/docker-library/haproxy/blob/ec437dd2a3656610b10a42c08763d8fa1c591efe/3.2`;
var CADDY = `${GH}/caddyserver/caddy-docker/blob/62d1326421cc6d6245f5178d3c277b0e69fb8fb6`;
var GHOST = `${GH}/TryGhost/docker-library-ghost/blob/bc5d011df043fce635b082c8fa43720ea5681a82/6/bookworm`;
var NEXTCLOUD = `${GH}/nextcloud/docker/blob/4de1eed65a44c61ecce601ef1d27abd2059b52e6/34/fpm`;
var VALKEY = `${GH}/valkey-io/valkey-container/blob/ae6141ea5d62c775b8bdb9be7396b951da435673/8.0/debian`;
var VARNISH = `${GH}/varnish/docker-varnish/blob/eb60dff6f8f825b267b28b3d8da520e9f73f2ff1/stable/debian`;
var INFLUX = `${GH}/influxdata/influxdata-docker/blob/d457cb9363532cbbc8d63ef7d1b065336ef0302d/influxdb`;
var SONAR = `${GH}/SonarSource/docker-sonarqube/blob/df5a6ae20bb7ce8e464d6895178e763c77a6a402/community-build`;
var REGISTRY = `${GH}/distribution/distribution-library-image/blob/a829ed8cbcd822f50c3c4dfb1c3a5b4fcf8108f1`;
var JENKINS = `${GH}/jenkinsci/docker/blob/ab3f5e0a80d666b1d554c2b7cad38b5c5ee35f1c/debian`;
var FLUENTD = `${GH}/fluent/fluentd-docker-image/blob/426b4a18a0e5a1fd8035ea581a7ce8401c68742b/v1.19/debian`;
var OTEL = `${GH}/open-telemetry/opentelemetry-collector-releases/blob/ceccc19da2df99e24c1d826bd1600e0edbdbea3d/distributions`;
var INGRESS_NGINX = `${GH}/kubernetes/ingress-nginx/blob/dbb11b92ddb77bee9c35e462479129354c84f939`;
var KSM = `${GH}/kubernetes/kube-state-metrics/blob/c92fe0c5ce02d3b52abf54490e00db6c706f2ba5`;
var METRICS_SERVER = `${GH}/kubernetes-sigs/metrics-server/blob/5ed5d3a2cf940a8c7541cfbac19af822f4c97844`;
var EXTERNAL_DNS = `${GH}/kubernetes-sigs/external-dns/blob/2bf1bf8af2b70f23579f9147c1f7e9394f7f83d5`;
var CERT_MANAGER = `${GH}/cert-manager/cert-manager/blob/2d0d7f7f74241a9cbf79f0e2a7bb247238ee09fd`;
var ARGOCD = `${GH}/argoproj/argo-cd/blob/37ee0097cf851bc2dd7665fc081bbce61a7e836e`;
var PROMETHEUS = `${GH}/prometheus/prometheus/blob/d15adb9ad7e5d9fbde3a9a8f30200593a5a14d86`;
var ALERTMANAGER = `${GH}/prometheus/alertmanager/blob/68fb2d5759b3a92c0bb2a1a13d4ef7ff5b06256d`;
var NODE_EXPORTER = `${GH}/prometheus/node_exporter/blob/a7dcc3a01545180d4f2087db70994cbc3abfed13`;
var BITNAMI_CHARTS = `${GH}/bitnami/charts/blob/5165628ae06697f8f68a670bef7739d93c4b7f44/bitnami`;
var BITNAMI = `${GH}/bitnami/containers/blob/0293904cf4e5d8585b9ff3c4032325953be97e76/bitnami`;
var TRAEFIK = `${GH}/traefik/traefik-library-image/blob/697393828fd83340553fe3edd13e961a9c3b971a/v3.7`;
var TRAEFIK_CHART = `${GH}/traefik/traefik-helm-chart/blob/a8a66d0098703627b2cf352c66b1725c196a734a/traefik`;
var CONSUL = `${GH}/hashicorp/docker-consul/blob/aedd0844f06e9eac9c4e130206219b1ff044a8c4/0.X`;
var VAULT = `${GH}/hashicorp/docker-vault/blob/ed323958b3c65c551e88424fd7352d99afe900ac/0.X`;
var ELASTIC = `${GH}/elastic/dockerfiles/blob/0bbe2f0a64566b01dd591cd9f8188eda17c40bab`;
var OPENSEARCH = `${GH}/opensearch-project/opensearch-build/blob/4372bf71a2407ae25aa8ec2d86de9b4d2cc22687/docker/release`;
var CP_KAFKA = `${GH}/confluentinc/kafka-images/blob/f8e3015a9a60a4f4713de29f61c3ffa15a18b3ae/kafka`;
var APACHE_KAFKA = `${GH}/apache/kafka/blob/120d52df7d4a1e7eaf90e4e069b9c49c27e3d0de/docker`;
var TEMPO = `${GH}/grafana/tempo/blob/ad33aa8fafc41a4ea58519f7b7a88b1aa1383224`;
var JAEGER = `${GH}/jaegertracing/jaeger/blob/8498073ff809b1a3923521920a9b1b017ea97ecf`;
var JAEGER_V1 = `${GH}/jaegertracing/jaeger/blob/f1201e77e160681ed35773f1d0edf0c8da8d1a75`;
var ETCD = `${GH}/etcd-io/etcd/blob/c34dc7ee0048fd2bcc44d50beff002e5e8069b69`;
var DISTROLESS = `${GH}/GoogleContainerTools/distroless/blob/cd080764af3103b2f49fb5eb23297c72c945e77a`;
var JVMS = ["eclipse-temurin", "openjdk", "amazoncorretto", "ibm-semeru-runtimes", "ibmjava", "sapmachine"];
var IMAGE_TABLE = [
  // --- Web servers and proxies -------------------------------------------------------------
  // No signatureEnv for nginx nor nginx-unprivileged: both Dockerfiles set the same ENV names
  // (NGINX_VERSION, NJS_VERSION, NJS_RELEASE, PKG_RELEASE, DYNPKG_RELEASE; nginx mainline/debian
  // lines 10-14, nginx-unprivileged lines 11-15 at the cited commits), so a derived image's config
  // cannot tell which of the two it comes from, and their paths differ.
  {
    names: ["nginx"],
    paths: [w("/var/cache/nginx", "cache"), w("/var/run", "run", { note: "nginx.pid" })],
    // The same ENV names as nginx-unprivileged (its Dockerfile derives from this one): told apart by the user.
    signatureEnv: ["NGINX_VERSION", "NJS_VERSION", "PKG_RELEASE"],
    signatureUser: "root",
    user: "root (worker processes run as nginx, uid 101)",
    home: "/nonexistent",
    sources: [`${DOCS}/nginx/content.md#L124`, `${NGINX}/Dockerfile#L19`, `${NGINX}/Dockerfile#L10-L13`]
  },
  {
    names: ["nginxinc/nginx-unprivileged", "nginx/nginx-unprivileged"],
    paths: [w("/tmp", "tmp", { note: "nginx.pid and the proxy, client body, fastcgi, uwsgi and scgi temp paths" })],
    user: "101 (nginx)",
    home: "/nonexistent",
    signatureEnv: ["NGINX_VERSION", "NJS_VERSION", "PKG_RELEASE"],
    signatureUser: "101",
    sources: [`${NGINX_UNPRIV}/Dockerfile#L142`, `${NGINX_UNPRIV}/Dockerfile#L161`, `${NGINX_UNPRIV}/Dockerfile#L11-L14`, `${NGINX_UNPRIV}/Dockerfile#L17`]
  },
  {
    names: ["httpd"],
    paths: [w("/usr/local/apache2/logs", "logs", { note: "httpd.pid (access and error logs go to stdout/stderr)" })],
    user: "root (children run as www-data)",
    signatureEnv: ["HTTPD_VERSION", "HTTPD_SHA256"],
    sources: [`${HTTPD}/Dockerfile#L6`, `${HTTPD}/Dockerfile#L200`, `${HTTPD}/Dockerfile#L24`, `${HTTPD}/Dockerfile#L25`]
  },
  {
    names: ["haproxy"],
    base: true,
    paths: [],
    user: "haproxy",
    caveats: [
      "The image has no default configuration: what HAProxy writes (stats socket, state files) is set by the mounted haproxy.cfg; /var/lib/haproxy is its writable working folder."
    ],
    sources: [`${HAPROXY}/Dockerfile#L110`, `${HAPROXY}/Dockerfile#L30`, `${DOCS}/haproxy/content.md#L11`]
  },
  {
    names: ["caddy"],
    paths: [
      w("/data", "data", { note: "certificates and keys (XDG_DATA_HOME)" }),
      w("/config", "config", { note: "autosaved configuration (XDG_CONFIG_HOME)" })
    ],
    contents: [{ path: "/etc/caddy", what: "the default Caddyfile" }],
    user: "root",
    sources: [`${CADDY}/Dockerfile.tmpl#L44`, `${CADDY}/Dockerfile.tmpl#L10`, `${DOCS}/caddy/content.md#L17`]
  },
  {
    names: ["varnish"],
    paths: [w("/var/lib/varnish/varnishd", "run", { note: "the working directory; the docs mount it as tmpfs with exec" })],
    user: "varnish (uid 1000) and vcache (uid 1001)",
    home: "/nonexistent",
    sources: [`${DOCS}/varnish/content.md#L12`, `${VARNISH}/Dockerfile#L33`]
  },
  {
    names: ["traefik"],
    paths: [
      w("/data", "data", { note: "ACME certificates (acme.storage); the Helm chart's persistence path, an emptyDir unless persistence is enabled" }),
      w("/tmp", "tmp", { note: "the Helm chart mounts an emptyDir; a declared VOLUME in the scratch tags" })
    ],
    user: "root (the Helm chart runs it as 65532)",
    sources: [
      `${TRAEFIK_CHART}/values.yaml#L1260`,
      `${TRAEFIK_CHART}/templates/_podtemplate.tpl#L159`,
      `${TRAEFIK_CHART}/templates/_podtemplate.tpl#L164`,
      `${TRAEFIK_CHART}/values.yaml#L1180`,
      `${TRAEFIK_CHART}/values.yaml#L1267`,
      `${TRAEFIK}/scratch/Dockerfile#L7`
    ]
  },
  {
    names: ["registry.k8s.io/ingress-nginx/controller", "registry.k8s.io/ingress-nginx/controller-chroot"],
    paths: [
      w("/tmp", "tmp", { note: "candidate nginx configurations (/tmp/nginx)" }),
      w("/etc/ingress-controller", "config", { note: "ssl, auth, geoip and telemetry files" })
    ],
    contents: [
      { path: "/etc/nginx", what: "the nginx.conf template, Lua code and modules; the controller rewrites nginx.conf and lua/cfg.json here" },
      { path: "/var/log/nginx", what: "access.log and error.log as symbolic links to stdout and stderr" }
    ],
    user: "www-data",
    caveats: [
      {
        text: "The controller rewrites /etc/nginx/nginx.conf and /etc/nginx/lua/cfg.json, and /etc/nginx holds the image's templates and Lua code: it needs a writable copy of /etc/nginx (the Helm chart leaves readOnlyRootFilesystem false by default).",
        breaksReadOnly: "always"
      }
    ],
    sources: [
      `${INGRESS_NGINX}/rootfs/Dockerfile#L51`,
      `${INGRESS_NGINX}/internal/ingress/controller/util.go#L102`,
      `${INGRESS_NGINX}/internal/ingress/controller/nginx.go#L648`,
      `${INGRESS_NGINX}/rootfs/Dockerfile#L84`,
      `${INGRESS_NGINX}/charts/ingress-nginx/values.yaml#L47`
    ]
  },
  // --- Databases, caches, queues -----------------------------------------------------------
  {
    names: ["redis"],
    paths: [w("/data", "data", vol)],
    volumes: ["/data"],
    user: "root, then redis (uid 999) via the entrypoint",
    signatureEnv: ["REDIS_VERSION", "REDIS_DOWNLOAD_SHA"],
    sources: [`${REDIS}/Dockerfile#L143`, `${REDIS}/Dockerfile#L12`, `${REDIS}/docker-entrypoint.sh#L13`, `${REDIS}/Dockerfile#L59`, `${REDIS}/Dockerfile#L61`]
  },
  {
    names: ["valkey/valkey"],
    paths: [w("/data", "data", vol)],
    volumes: ["/data"],
    user: "root, then valkey (uid 999) via the entrypoint",
    sources: [`${VALKEY}/Dockerfile#L107`, `${VALKEY}/Dockerfile#L12`, `${VALKEY}/docker-entrypoint.sh#L13`]
  },
  {
    names: ["memcached"],
    paths: [],
    user: "memcache (uid 11211)",
    signatureEnv: ["MEMCACHED_VERSION", "MEMCACHED_SHA1"],
    sources: [
      `${MEMCACHED}/Dockerfile#L98`,
      `${MEMCACHED}/Dockerfile#L12`,
      `${DOCS}/memcached/content.md#L3`,
      `${MEMCACHED}/Dockerfile#L22`,
      `${MEMCACHED}/Dockerfile#L24`
    ]
  },
  {
    names: ["postgres"],
    max: [18],
    paths: [w("/var/lib/postgresql/data", "data", vol), w("/var/run/postgresql", "run", { note: "the Unix socket and lock file" })],
    volumes: ["/var/lib/postgresql/data"],
    user: "root, then postgres (uid 999) via the entrypoint",
    home: "/var/lib/postgresql",
    signatureEnv: ["PG_MAJOR", "PG_VERSION"],
    sources: [
      `${PG}/17/bookworm/Dockerfile#L187`,
      `${PG}/17/bookworm/Dockerfile#L182`,
      `${PG}/17/bookworm/Dockerfile#L13`,
      `${PG}/17/bookworm/docker-entrypoint.sh#L338`,
      `${PG}/17/bookworm/Dockerfile#L89`,
      `${PG}/17/bookworm/Dockerfile#L92`
    ]
  },
  {
    names: ["postgres"],
    min: [18],
    latest: true,
    paths: [w("/var/lib/postgresql", "data", vol), w("/var/run/postgresql", "run", { note: "the Unix socket and lock file" })],
    volumes: ["/var/lib/postgresql"],
    user: "root, then postgres (uid 999) via the entrypoint",
    home: "/var/lib/postgresql",
    signatureEnv: ["PG_MAJOR", "PG_VERSION"],
    sources: [
      `${PG}/18/trixie/Dockerfile#L192`,
      `${PG}/18/trixie/Dockerfile#L186`,
      `${PG}/18/trixie/Dockerfile#L13`,
      `${PG}/18/trixie/Dockerfile#L89`,
      `${PG}/18/trixie/Dockerfile#L92`
    ]
  },
  {
    names: ["mysql"],
    paths: [w("/var/lib/mysql", "data", vol), w("/var/run/mysqld", "run", { note: "the socket and lock files" })],
    volumes: ["/var/lib/mysql"],
    user: "root, then mysql (uid 999) via the entrypoint",
    home: "/var/lib/mysql",
    signatureEnv: ["MYSQL_MAJOR", "MYSQL_VERSION"],
    sources: [
      `${MYSQL}/Dockerfile.oracle#L117`,
      `${MYSQL}/Dockerfile.oracle#L89`,
      `${MYSQL}/Dockerfile.oracle#L11`,
      `${MYSQL}/docker-entrypoint.sh#L380`,
      `${MYSQL}/Dockerfile.oracle#L58`,
      `${MYSQL}/Dockerfile.oracle#L59`
    ]
  },
  {
    names: ["mariadb"],
    paths: [w("/var/lib/mysql", "data", vol), w("/run/mysqld", "run", { note: "the socket and lock files" })],
    volumes: ["/var/lib/mysql"],
    user: "root, then mysql via the entrypoint",
    home: "/var/lib/mysql",
    signatureEnv: ["MARIADB_VERSION"],
    sources: [
      `${MARIADB}/Dockerfile#L137`,
      `${MARIADB}/Dockerfile#L120`,
      `${MARIADB}/Dockerfile#L5`,
      `${MARIADB}/docker-entrypoint.sh#L699`,
      `${MARIADB}/Dockerfile#L85`
    ]
  },
  {
    names: ["mongo"],
    paths: [w("/data/db", "data", vol), w("/data/configdb", "data", vol), w("/tmp", "tmp", { note: "the mongod socket" })],
    volumes: ["/data/db", "/data/configdb"],
    user: "root, then mongodb (uid 999) via the entrypoint",
    home: "/data/db",
    signatureEnv: ["MONGO_MAJOR", "MONGO_VERSION"],
    sources: [
      `${MONGO}/Dockerfile#L111`,
      `${MONGO}/Dockerfile#L115`,
      `${MONGO}/Dockerfile#L12`,
      `${MONGO}/docker-entrypoint.sh#L22`,
      `${MONGO}/Dockerfile#L88`,
      `${MONGO}/Dockerfile#L92`
    ]
  },
  {
    names: ["cassandra"],
    paths: [w("/var/lib/cassandra", "data", vol), w("/var/log/cassandra", "logs")],
    volumes: ["/var/lib/cassandra"],
    contents: [{ path: "/etc/cassandra", what: "cassandra.yaml and the other configuration files, edited in place by the entrypoint" }],
    user: "root, then cassandra (uid 999) via the entrypoint",
    caveats: [
      {
        text: "The entrypoint edits /etc/cassandra/cassandra.yaml in place: under a read-only root filesystem it needs a writable copy of /etc/cassandra (or the configuration mounted and the edits disabled).",
        breaksReadOnly: "always"
      }
    ],
    signatureEnv: ["CASSANDRA_VERSION", "CASSANDRA_SHA512"],
    sources: [
      `${CASSANDRA}/Dockerfile#L170`,
      `${CASSANDRA}/Dockerfile#L160`,
      `${CASSANDRA}/docker-entrypoint.sh#L63`,
      `${CASSANDRA}/docker-entrypoint.sh#L14`,
      `${CASSANDRA}/Dockerfile#L98`,
      `${CASSANDRA}/Dockerfile#L99`
    ]
  },
  {
    names: ["zookeeper"],
    paths: [
      w("/data", "data", vol),
      w("/datalog", "data", vol),
      w("/logs", "logs", vol),
      w("/conf", "config", { note: "the entrypoint writes zoo.cfg when none is mounted" })
    ],
    volumes: ["/data", "/datalog", "/logs"],
    user: "root, then zookeeper (uid 1000) via the entrypoint",
    signatureEnv: ["ZOO_CONF_DIR", "ZOO_DATA_LOG_DIR"],
    sources: [
      `${ZOOKEEPER}/Dockerfile#L75`,
      `${ZOOKEEPER}/Dockerfile#L3`,
      `${ZOOKEEPER}/docker-entrypoint.sh#L12`,
      `${ZOOKEEPER}/docker-entrypoint.sh#L8`,
      `${ZOOKEEPER}/Dockerfile#L5`
    ]
  },
  {
    names: ["rabbitmq"],
    paths: [w("/var/lib/rabbitmq", "data", vol), w("/var/log/rabbitmq", "logs"), w("/tmp", "tmp")],
    volumes: ["/var/lib/rabbitmq"],
    contents: [
      { path: "/etc/rabbitmq", what: "enabled_plugins (rabbitmq_prometheus, and rabbitmq_management in the management tags) and conf.d/10-defaults.conf" }
    ],
    user: "root, then rabbitmq (uid 999) via the entrypoint",
    home: "/var/lib/rabbitmq",
    signatureEnv: ["RABBITMQ_VERSION", "RABBITMQ_HOME"],
    sources: [
      `${RABBITMQ}/Dockerfile#L230`,
      `${RABBITMQ}/Dockerfile#L310`,
      `${RABBITMQ}/Dockerfile#L302`,
      `${RABBITMQ}/Dockerfile#L321`,
      `${RABBITMQ}/Dockerfile#L308`,
      `${RABBITMQ}/Dockerfile#L236`,
      `${RABBITMQ}/Dockerfile#L239`
    ]
  },
  {
    names: ["influxdb"],
    max: [2],
    paths: [w("/var/lib/influxdb", "data", vol)],
    volumes: ["/var/lib/influxdb"],
    user: "influxdb",
    sources: [`${INFLUX}/1.11/Dockerfile#L27`]
  },
  {
    names: ["influxdb"],
    min: [2],
    max: [3],
    latest: true,
    paths: [w("/var/lib/influxdb2", "data", vol), w("/etc/influxdb2", "config", { ...vol, note: "influx CLI configs written at setup" })],
    volumes: ["/var/lib/influxdb2", "/etc/influxdb2"],
    user: "root, then influxdb (uid 1000) via the entrypoint",
    home: "/home/influxdb",
    signatureEnv: ["INFLUXDB_VERSION", "INFLUX_CLI_VERSION"],
    sources: [
      `${INFLUX}/2.9/Dockerfile#L80`,
      `${INFLUX}/2.9/Dockerfile#L30`,
      `${OFFICIAL}/influxdb#L69`,
      `${INFLUX}/2.9/Dockerfile#L33`,
      `${INFLUX}/2.9/Dockerfile#L55`
    ]
  },
  {
    names: ["quay.io/coreos/etcd", "gcr.io/etcd-development/etcd"],
    paths: [w("/var/lib/etcd", "data", { note: "the working directory: the default --data-dir '${name}.etcd' is /var/lib/etcd/default.etcd" })],
    sources: [`${ETCD}/Dockerfile#L12`, `${ETCD}/server/etcdmain/help.go#L58`, `${ETCD}/scripts/build-docker.sh#L50`]
  },
  {
    names: ["hashicorp/consul"],
    paths: [
      w("/consul/data", "data", vol),
      w("/consul/config", "config", { note: "the entrypoint writes local.json from CONSUL_LOCAL_CONFIG; an empty folder in the image" })
    ],
    volumes: ["/consul/data"],
    user: "root, then consul via the entrypoint (su-exec)",
    caveats: [
      {
        text: "With CONSUL_ALLOW_PRIVILEGED_PORTS set, the entrypoint runs setcap on /bin/consul, which a read-only root filesystem refuses.",
        breaksReadOnly: { whenEnv: ["CONSUL_ALLOW_PRIVILEGED_PORTS"] }
      }
    ],
    sources: [
      `${CONSUL}/Dockerfile#L77`,
      `${CONSUL}/Dockerfile#L68`,
      `${CONSUL}/docker-entrypoint.sh#L60`,
      `${CONSUL}/docker-entrypoint.sh#L111`,
      `${CONSUL}/docker-entrypoint.sh#L114`
    ]
  },
  {
    names: ["hashicorp/vault"],
    paths: [
      w("/vault/file", "data", { ...vol, note: "the file storage backend" }),
      w("/vault/logs", "logs", vol),
      w("/vault/config", "config", { note: "the entrypoint writes local.json from VAULT_LOCAL_CONFIG" })
    ],
    volumes: ["/vault/logs", "/vault/file"],
    user: "root, then vault via the entrypoint (su-exec)",
    caveats: [
      {
        text: "Unless SKIP_SETCAP is set, the entrypoint (set -e) runs setcap on the vault binary, which a read-only root filesystem refuses: set SKIP_SETCAP.",
        breaksReadOnly: { unlessEnv: ["SKIP_SETCAP"] }
      }
    ],
    sources: [
      `${VAULT}/Dockerfile#L63`,
      `${VAULT}/Dockerfile#L67`,
      `${VAULT}/Dockerfile#L56`,
      `${VAULT}/docker-entrypoint.sh#L43`,
      `${VAULT}/docker-entrypoint.sh#L90`,
      `${VAULT}/docker-entrypoint.sh#L100`
    ]
  },
  {
    names: ["registry"],
    paths: [w("/var/lib/registry", "data", vol)],
    volumes: ["/var/lib/registry"],
    user: "root",
    sources: [`${REGISTRY}/Dockerfile#L29`]
  },
  {
    names: ["minio/minio", "quay.io/minio/minio"],
    paths: [w("/data", "data", vol)],
    volumes: ["/data"],
    sources: [`${GH}/minio/minio/blob/0031b1205fe3af70a9d80465736fae5ed0ac9003/Dockerfile.release (VOLUME ["/data"])`]
  },
  // --- Applications ------------------------------------------------------------------------
  {
    names: ["wordpress"],
    paths: [w("/tmp", "tmp"), w("/run", "run"), w("/var/www/html/wp-content/uploads", "data")],
    volumes: ["/var/www/html"],
    user: "root (Apache children run as www-data)",
    caveats: ["/var/www/html is a declared VOLUME that the entrypoint fills with WordPress on first start."],
    sources: [`${DOCS}/wordpress/content.md#L91`, `${WORDPRESS}/Dockerfile#L168`]
  },
  {
    names: ["ghost"],
    paths: [w("/var/lib/ghost/content", "data", vol)],
    volumes: ["/var/lib/ghost/content"],
    user: "root, then node via the entrypoint",
    sources: [`${GHOST}/Dockerfile#L92`, `${GHOST}/Dockerfile#L49`, `${GHOST}/docker-entrypoint.sh#L7`]
  },
  {
    names: ["nextcloud"],
    paths: [w("/var/www/html", "data", { ...vol, note: "the entrypoint copies Nextcloud here on start" })],
    volumes: ["/var/www/html"],
    sources: [`${NEXTCLOUD}/Dockerfile#L135`]
  },
  {
    names: ["sonarqube"],
    paths: [
      w("/opt/sonarqube/data", "data", vol),
      w("/opt/sonarqube/extensions", "data", vol),
      w("/opt/sonarqube/logs", "logs", vol),
      w("/opt/sonarqube/temp", "tmp", { ...vol, note: "also ES_TMPDIR" })
    ],
    volumes: ["/opt/sonarqube/data", "/opt/sonarqube/extensions", "/opt/sonarqube/logs", "/opt/sonarqube/temp"],
    user: "sonarqube (uid 1000)",
    sources: [`${SONAR}/Dockerfile#L66`, `${SONAR}/Dockerfile#L23`, `${SONAR}/Dockerfile#L33`]
  },
  {
    names: ["jenkins/jenkins"],
    paths: [w("/var/jenkins_home", "data", vol)],
    volumes: ["/var/jenkins_home"],
    user: "jenkins (uid 1000)",
    home: "/var/jenkins_home",
    sources: [`${JENKINS}/Dockerfile#L116`, `${JENKINS}/Dockerfile#L99`, `${JENKINS}/Dockerfile#L148`]
  },
  {
    names: ["keycloak/keycloak"],
    paths: [w("/opt/keycloak/data", "data", { note: "created group-writable by the image; tmp files, the dev database and transaction logs" })],
    user: "1000 (keycloak)",
    home: "/opt/keycloak",
    sources: [`${GH}/keycloak/keycloak/blob/0463815bc93acbe22cf0b347af7cbd11e5a56d65/quarkus/container/Dockerfile (mkdir -p /opt/keycloak/data; USER 1000)`]
  },
  {
    names: ["argoproj/argocd"],
    paths: [
      w("/tmp", "tmp"),
      w("/home/argocd", "cache", { note: "the server and application controller mount an emptyDir here" }),
      w("/app/config/gpg/keys", "config", { note: "the repo server's GnuPG keyring" }),
      w("/helm-working-dir", "cache", { note: "the repo server's Helm working folder" })
    ],
    user: "999 (argocd)",
    home: "/home/argocd",
    sources: [
      `${ARGOCD}/manifests/base/repo-server/argocd-repo-server-deployment.yaml#L344`,
      `${ARGOCD}/manifests/base/server/argocd-server-deployment.yaml#L434`,
      `${ARGOCD}/Dockerfile#L44`
    ]
  },
  // --- Search and log pipelines (Elastic, OpenSearch) -----------------------------------------
  {
    names: ["elasticsearch", "docker.elastic.co/elasticsearch/elasticsearch"],
    paths: [
      w("/usr/share/elasticsearch/data", "data"),
      w("/usr/share/elasticsearch/logs", "logs", { note: "file logs with ES_LOG_STYLE=file (the default logs to the console)" }),
      w("/tmp", "tmp", { note: "the private temporary folder the start script creates (ES_TMPDIR)" })
    ],
    contents: [
      {
        path: "/usr/share/elasticsearch/config",
        what: "elasticsearch.yml, jvm.options and the log4j2 files; the entrypoint creates elasticsearch.keystore here (ELASTIC_PASSWORD) and copies log4j2.file.properties over log4j2.properties (ES_LOG_STYLE=file)"
      }
    ],
    user: "1000:0 (elasticsearch)",
    caveats: [
      {
        text: "With ELASTIC_PASSWORD or ES_LOG_STYLE=file the entrypoint writes into /usr/share/elasticsearch/config, which holds the image configuration: it then needs a writable copy of that folder.",
        breaksReadOnly: { whenEnv: ["ELASTIC_PASSWORD", "ES_LOG_STYLE=file"] }
      }
    ],
    sources: [
      `${ELASTIC}/elasticsearch/Dockerfile#L47`,
      `${ELASTIC}/elasticsearch/Dockerfile#L36`,
      `${ELASTIC}/elasticsearch/Dockerfile#L138`,
      `${ELASTIC}/elasticsearch/bin/docker-entrypoint.sh#L43`,
      `${ELASTIC}/elasticsearch/bin/docker-entrypoint.sh#L68`,
      "https://elastic.co/docs/deploy-manage/deploy/self-managed/executable-jna-tmpdir"
    ]
  },
  {
    names: ["opensearchproject/opensearch"],
    paths: [w("/usr/share/opensearch/data", "data"), w("/usr/share/opensearch/logs", "logs", { note: "PerformanceAnalyzer.log from the entrypoint" })],
    contents: [
      {
        path: "/usr/share/opensearch/config",
        what: "opensearch.yml and the plugins' configuration; the security plugin's demo setup, run by the entrypoint, writes certificates and settings here"
      }
    ],
    user: "1000 (opensearch)",
    home: "/usr/share/opensearch",
    caveats: [
      {
        text: "Unless DISABLE_INSTALL_DEMO_CONFIG or DISABLE_SECURITY_PLUGIN is true, the entrypoint runs install_demo_configuration.sh, which writes into /usr/share/opensearch/config (image content): it then needs a writable copy of that folder.",
        breaksReadOnly: { unlessEnv: ["DISABLE_INSTALL_DEMO_CONFIG", "DISABLE_SECURITY_PLUGIN"] }
      }
    ],
    sources: [
      `${OPENSEARCH}/dockerfiles/opensearch.al2023.dockerfile#L46`,
      `${OPENSEARCH}/dockerfiles/opensearch.al2023.dockerfile#L89`,
      `${OPENSEARCH}/dockerfiles/opensearch.al2023.dockerfile#L35`,
      `${OPENSEARCH}/config/opensearch/opensearch-docker-entrypoint-3.x.sh#L40`,
      `${OPENSEARCH}/config/opensearch/opensearch-docker-entrypoint-3.x.sh#L44`,
      `${OPENSEARCH}/config/opensearch/opensearch-docker-entrypoint-3.x.sh#L60`
    ]
  },
  {
    names: ["kibana", "docker.elastic.co/kibana/kibana"],
    paths: [w("/usr/share/kibana/data", "data", { note: "path.data (default data, under the installation folder): the instance UUID" })],
    contents: [{ path: "/usr/share/kibana/config", what: "kibana.yml" }],
    user: "1000 (kibana)",
    sources: [
      `${ELASTIC}/kibana/Dockerfile#L142`,
      `${ELASTIC}/kibana/Dockerfile#L87`,
      `${ELASTIC}/kibana/Dockerfile#L79`,
      `${GH}/elastic/kibana-docker/issues/12`
    ]
  },
  {
    names: ["logstash", "docker.elastic.co/logstash/logstash"],
    paths: [
      w("/usr/share/logstash/data", "data", { note: "path.data: persistent queues, the dead letter queue, the node UUID" }),
      w("/usr/share/logstash/logs", "logs", { note: "path.logs" })
    ],
    contents: [
      {
        path: "/usr/share/logstash/config",
        what: "logstash.yml, pipelines.yml and the log4j2 files; the entrypoint rewrites logstash.yml in place from the environment"
      },
      { path: "/usr/share/logstash/pipeline", what: "the default logstash.conf pipeline" }
    ],
    user: "1000 (logstash)",
    caveats: [
      {
        text: "The entrypoint rewrites /usr/share/logstash/config/logstash.yml in place (env2yaml) when settings are given as environment variables, and copies log4j2.file.properties with LOG_STYLE=file: it then needs a writable copy of that folder.",
        breaksReadOnly: "depends"
      }
    ],
    sources: [
      `${ELASTIC}/logstash/Dockerfile#L51`,
      `${ELASTIC}/logstash/Dockerfile#L44`,
      `${ELASTIC}/logstash/Dockerfile#L45`,
      `${ELASTIC}/logstash/bin/docker-entrypoint#L7`,
      `${ELASTIC}/logstash/bin/docker-entrypoint#L17`,
      "https://elastic.co/docs/reference/logstash/dir-layout"
    ]
  },
  // --- Java application servers -----------------------------------------------------------
  {
    names: ["tomcat"],
    paths: [
      w("/usr/local/tomcat/logs", "logs"),
      w("/usr/local/tomcat/temp", "tmp", { note: "CATALINA_TMPDIR" }),
      w("/usr/local/tomcat/work", "cache", { note: "compiled JSPs" })
    ],
    contents: [{ path: "/usr/local/tomcat/conf", what: "server.xml and the rest of the configuration" }],
    user: "root",
    signatureEnv: ["TOMCAT_MAJOR", "TOMCAT_VERSION"],
    sources: [`${TOMCAT}/Dockerfile#L138`, `${TOMCAT}/Dockerfile#L9`, `${TOMCAT}/Dockerfile#L18`, `${TOMCAT}/Dockerfile#L19`]
  },
  { names: ["jetty"], paths: [w("/tmp/jetty", "tmp"), w("/run/jetty", "run")], sources: [`${DOCS}/jetty/content.md#L76`] },
  {
    names: JVMS,
    paths: [w("/tmp", "tmp", { note: "java.io.tmpdir, hsperfdata, the truststore built from mounted certificates" })],
    sources: [`${DOCS}/eclipse-temurin/content.md#L29`]
  },
  {
    names: ["open-liberty"],
    paths: [w("/opt/ol/wlp/output", "run"), w("/logs", "logs")],
    sources: [`${DOCS}/open-liberty/content.md#L204`]
  },
  {
    names: ["websphere-liberty"],
    paths: [w("/opt/ibm/wlp/output", "run"), w("/logs", "logs")],
    sources: [`${DOCS}/websphere-liberty/content.md#L182`]
  },
  // --- Apache Kafka ------------------------------------------------------------------------
  {
    names: ["apache/kafka"],
    paths: [w("/var/lib/kafka/data", "data", vol)],
    volumes: ["/etc/kafka/secrets", "/var/lib/kafka/data", "/mnt/shared/config"],
    contents: [{ path: "/opt/kafka/config", what: "the distribution's configuration files; the start script writes server.properties and log4j files here" }],
    user: "appuser",
    home: "/home/appuser",
    caveats: [
      {
        text: "The start script requires /opt/kafka/config to be writable and writes the broker configuration there, next to the distribution's files: it needs a writable copy of that folder.",
        breaksReadOnly: "always"
      }
    ],
    sources: [
      `${APACHE_KAFKA}/jvm/Dockerfile#L93`,
      `${APACHE_KAFKA}/jvm/Dockerfile#L75`,
      `${GH}/apache/kafka/blob/070305685295c4104e47a64d49b2b7b22368e4e0/docker/resources/common-scripts/configure#L65`
    ]
  },
  {
    names: ["confluentinc/cp-kafka"],
    paths: [w("/var/lib/kafka/data", "data", vol)],
    volumes: ["/var/lib/kafka/data", "/etc/kafka/secrets"],
    contents: [
      { path: "/etc/kafka", what: "the Kafka distribution's configuration files; the configure script writes kafka.properties and the log4j2 files here" }
    ],
    caveats: [
      {
        text: "The configure script requires /etc/kafka to be writable and renders kafka.properties, log4j2.yaml and tools-log4j2.yaml there, next to the distribution files: it needs a writable copy of that folder.",
        breaksReadOnly: "always"
      }
    ],
    sources: [
      `${CP_KAFKA}/Dockerfile.ubi9#L99`,
      `${CP_KAFKA}/Dockerfile.ubi9#L89`,
      `${CP_KAFKA}/include/etc/confluent/docker/configure#L44`,
      `${CP_KAFKA}/include/etc/confluent/docker/configure#L134`
    ]
  },
  // --- Observability -----------------------------------------------------------------------
  {
    names: ["prom/prometheus", "prometheus/prometheus"],
    paths: [w("/prometheus", "data", vol)],
    volumes: ["/prometheus"],
    contents: [{ path: "/etc/prometheus", what: "the default prometheus.yml" }],
    user: "nobody",
    sources: [`${PROMETHEUS}/Dockerfile#L28`, `${PROMETHEUS}/Dockerfile#L26`]
  },
  {
    names: ["prom/alertmanager", "prometheus/alertmanager"],
    paths: [w("/alertmanager", "data", vol)],
    volumes: ["/alertmanager"],
    contents: [{ path: "/etc/alertmanager", what: "the default alertmanager.yml" }],
    user: "nobody",
    sources: [`${ALERTMANAGER}/Dockerfile#L19`]
  },
  { names: ["prom/node-exporter", "prometheus/node-exporter"], paths: [], user: "nobody", sources: [`${NODE_EXPORTER}/Dockerfile#L20`] },
  {
    names: ["grafana/grafana", "grafana/grafana-oss", "grafana/grafana-enterprise"],
    paths: [
      w("/var/lib/grafana", "data", { note: "the database and plugins (GF_PATHS_DATA, GF_PATHS_PLUGINS)" }),
      w("/var/log/grafana", "logs", { note: "GF_PATHS_LOGS" })
    ],
    contents: [{ path: "/etc/grafana", what: "grafana.ini and the provisioning folder (GF_PATHS_CONFIG, GF_PATHS_PROVISIONING)" }],
    sources: ["https://grafana.com/docs/grafana/v8.5/administration/configure-docker/", "https://grafana.com/docs/v5.3/installation/docker/"]
  },
  {
    names: ["grafana/loki"],
    paths: [w("/loki", "data", { note: "the path_prefix of the default local-config.yaml" })],
    contents: [{ path: "/etc/loki", what: "local-config.yaml" }],
    user: "10001 (loki)",
    sources: [`${GH}/grafana/loki/blob/0230065a10abdce767a9c3b84a9e43cdf61a1b87/cmd/loki/Dockerfile (mkdir -p /loki/rules /loki/rules-temp; USER 10001)`]
  },
  {
    names: ["otel/opentelemetry-collector", "open-telemetry/opentelemetry-collector-releases/opentelemetry-collector"],
    paths: [],
    contents: [{ path: "/etc/otelcol", what: "the default config.yaml" }],
    user: "10001",
    sources: [`${OTEL}/otelcol/Dockerfile#L8`, `${OTEL}/otelcol/Dockerfile#L12`]
  },
  {
    names: ["otel/opentelemetry-collector-contrib", "open-telemetry/opentelemetry-collector-releases/opentelemetry-collector-contrib"],
    paths: [],
    contents: [{ path: "/etc/otelcol-contrib", what: "the default config.yaml" }],
    user: "10001",
    sources: [`${OTEL}/otelcol-contrib/Dockerfile#L8`, `${OTEL}/otelcol-contrib/Dockerfile#L12`]
  },
  {
    names: ["grafana/tempo"],
    paths: [w("/var/tempo", "data", { note: "created for uid 10001 by the image; the wal and blocks paths of the example configurations" })],
    user: "10001 (tempo)",
    sources: [`${TEMPO}/cmd/tempo/Dockerfile#L18`, `${TEMPO}/cmd/tempo/Dockerfile#L20`, `${TEMPO}/example/docker-compose/single-binary/tempo.yaml#L39`]
  },
  {
    names: ["jaegertracing/jaeger"],
    paths: [w("/tmp", "tmp", vol)],
    volumes: ["/tmp"],
    user: "10001",
    sources: [`${JAEGER}/cmd/jaeger/Dockerfile#L48`, `${JAEGER}/cmd/jaeger/Dockerfile#L50`, `${JAEGER}/cmd/jaeger/Dockerfile#L11`]
  },
  {
    names: ["jaegertracing/all-in-one"],
    paths: [w("/tmp", "tmp", vol)],
    volumes: ["/tmp"],
    user: "10001",
    sources: [`${JAEGER_V1}/cmd/all-in-one/Dockerfile#L35`, `${JAEGER_V1}/cmd/all-in-one/Dockerfile#L37`, `${JAEGER_V1}/cmd/all-in-one/Dockerfile#L9`]
  },
  {
    names: ["fluent/fluentd"],
    paths: [w("/fluentd/log", "logs")],
    contents: [{ path: "/fluentd/etc", what: "fluent.conf" }],
    user: "fluent",
    sources: [`${FLUENTD}/Dockerfile#L50`, `${FLUENTD}/Dockerfile#L52`, `${FLUENTD}/Dockerfile#L65`]
  },
  // --- Kubernetes add-ons (their own manifests run them read-only) --------------------------
  {
    names: ["registry.k8s.io/kube-state-metrics/kube-state-metrics"],
    paths: [],
    user: "nobody",
    sources: [`${KSM}/examples/standard/deployment.yaml#L48`, `${KSM}/Dockerfile#L14`]
  },
  {
    names: ["coredns/coredns"],
    paths: [],
    contents: [{ path: "/etc/coredns", what: "the Corefile (a configMap in kubeadm's manifest)" }],
    sources: [
      `${GH}/kubernetes/kubernetes/blob/008b3652959ca58af8be3fb5b6ecfe9ae7638282/cmd/kubeadm/app/phases/addons/dns/manifests.go (readOnlyRootFilesystem: true, only /etc/coredns mounted)`
    ]
  },
  {
    names: ["registry.k8s.io/metrics-server/metrics-server"],
    paths: [w("/tmp", "tmp")],
    sources: [`${METRICS_SERVER}/manifests/base/deployment.yaml#L64`]
  },
  {
    names: ["registry.k8s.io/external-dns/external-dns"],
    paths: [],
    user: "65532",
    sources: [`${EXTERNAL_DNS}/charts/external-dns/values.yaml#L128`]
  },
  {
    names: ["jetstack/cert-manager-controller", "jetstack/cert-manager-webhook", "jetstack/cert-manager-cainjector", "jetstack/cert-manager-startupapicheck"],
    paths: [],
    sources: [`${CERT_MANAGER}/deploy/charts/cert-manager/values.yaml#L437`]
  },
  // --- Bitnami images: /opt/bitnami/<app>/{conf,tmp,logs}, data under /bitnami/<app> ------------
  {
    names: ["bitnami/postgresql"],
    paths: [
      w("/bitnami/postgresql", "data", vol),
      w("/tmp", "tmp"),
      w("/opt/bitnami/postgresql/conf", "config", { note: "the entrypoint copies the defaults from conf.default into it" }),
      w("/opt/bitnami/postgresql/tmp", "run", { note: "pid file and the .initialized marker" })
    ],
    volumes: ["/bitnami/postgresql", "/docker-entrypoint-initdb.d", "/docker-entrypoint-preinitdb.d"],
    contents: [{ path: "/opt/bitnami/postgresql/logs", what: "postgresql.log as a symbolic link to stdout" }],
    user: "1001",
    home: "/",
    sources: [
      `${BITNAMI_CHARTS}/postgresql/templates/primary/statefulset.yaml#L467`,
      `${BITNAMI}/postgresql/17/debian-12/Dockerfile (VOLUME [ "/bitnami/postgresql", ...]; USER 1001)`,
      `${GH}/bitnami/containers/blob/4a136e150c68cb364f100421bece11fd5d08d33d/bitnami/postgresql/17/debian-12/rootfs/opt/bitnami/scripts/postgresql/postunpack.sh`
    ]
  },
  {
    names: ["bitnami/mysql"],
    paths: [w("/bitnami/mysql", "data"), w("/tmp", "tmp"), w("/opt/bitnami/mysql/conf", "config"), w("/opt/bitnami/mysql/tmp", "run")],
    contents: [{ path: "/opt/bitnami/mysql/logs", what: "log files as symbolic links to stdout (the chart copies them into its emptyDir first)" }],
    user: "1001",
    sources: [`${BITNAMI_CHARTS}/mysql/templates/primary/statefulset.yaml#L311`, `${BITNAMI_CHARTS}/mysql/templates/primary/statefulset.yaml#L89`]
  },
  {
    names: ["bitnami/mongodb"],
    paths: [
      w("/bitnami/mongodb", "data"),
      w("/tmp", "tmp"),
      w("/opt/bitnami/mongodb/conf", "config"),
      w("/opt/bitnami/mongodb/tmp", "run"),
      w("/opt/bitnami/mongodb/logs", "logs")
    ],
    user: "1001",
    sources: [`${BITNAMI_CHARTS}/mongodb/templates/standalone/dep-sts.yaml#L307`, `${BITNAMI_CHARTS}/mongodb/values.yaml#L1347`]
  },
  {
    names: ["bitnami/redis"],
    paths: [w("/data", "data", { note: "the chart's default persistence path" }), w("/tmp", "tmp"), w("/opt/bitnami/redis/etc", "config")],
    user: "1001",
    sources: [`${BITNAMI_CHARTS}/redis/templates/master/application.yaml#L263`]
  },
  {
    names: ["bitnami/rabbitmq"],
    paths: [
      w("/tmp", "tmp"),
      w("/opt/bitnami/rabbitmq/etc/rabbitmq", "config"),
      w("/opt/bitnami/rabbitmq/var/lib/rabbitmq", "run"),
      w("/opt/bitnami/rabbitmq/.rabbitmq", "config", { note: "the Erlang cookie" }),
      w("/opt/bitnami/rabbitmq/.rabbitmq/mnesia", "data", { note: "the chart's default persistence path" }),
      w("/opt/bitnami/rabbitmq/var/log/rabbitmq", "logs")
    ],
    contents: [{ path: "/opt/bitnami/rabbitmq/plugins", what: "the plugins (the chart copies them into its emptyDir with an init container)" }],
    user: "1001",
    sources: [
      `${BITNAMI_CHARTS}/rabbitmq/templates/statefulset.yaml#L382`,
      `${BITNAMI_CHARTS}/rabbitmq/templates/statefulset.yaml#L156`,
      `${BITNAMI_CHARTS}/rabbitmq/values.yaml#L1001`
    ]
  },
  // --- Machine learning serving -----------------------------------------------------------
  {
    names: ["vllm/vllm-openai"],
    paths: [w("/root/.cache/huggingface", "cache", { note: "downloaded model weights (HF_HOME default)" })],
    user: "root",
    home: "/root",
    sources: ["https://docs.vllm.ai/en/stable/deployment/docker/"]
  },
  {
    names: ["huggingface/text-generation-inference"],
    paths: [w("/data", "cache", { note: "downloaded model weights (the README shares a volume there)" })],
    caveats: ["For tensor parallelism over NCCL the README mounts an emptyDir with medium Memory at /dev/shm (1Gi)."],
    sources: [`${GH}/huggingface/text-generation-inference/blob/01b82b58d2a94ceeedb7a29b98b00f0a7eda8de6/README.md#docker`]
  },
  // --- Base images: the paths depend on the command, so they stay a guess ---------------------
  { names: ["busybox"], base: true, paths: [], user: "root", home: "/root", sources: [`${OFFICIAL}/busybox`] },
  { names: ["alpine"], base: true, paths: [], user: "root", home: "/root", sources: [`${OFFICIAL}/alpine`] },
  { names: ["debian"], base: true, paths: [], user: "root", home: "/root", sources: [`${OFFICIAL}/debian`] },
  { names: ["ubuntu"], base: true, paths: [], user: "root", home: "/root", sources: [`${OFFICIAL}/ubuntu`] },
  { names: ["bash"], base: true, paths: [], user: "root", home: "/root", sources: [`${OFFICIAL}/bash`] },
  {
    names: ["python"],
    base: true,
    paths: [],
    user: "root",
    home: "/root",
    sources: [`${GH}/docker-library/python/blob/4f07059567fa61c80397126e8063dbbde011b794/3.14/trixie/Dockerfile`, `${OFFICIAL}/python`]
  },
  {
    names: ["node"],
    base: true,
    paths: [],
    user: "root (a node user, uid 1000, exists)",
    home: "/root",
    sources: [`${GH}/nodejs/docker-node/blob/f27d936f7d7ccdeec25cd2de33584c1a841f561d/26/trixie/Dockerfile#L4`, `${OFFICIAL}/node`]
  },
  {
    names: ["golang"],
    base: true,
    paths: [],
    user: "root",
    home: "/root",
    caveats: ["GOPATH is /go (the working directory): `go build` or `go run` in the container writes the module and build caches under /go and $HOME/.cache."],
    sources: [`${GH}/docker-library/golang/blob/7c8c182bfc19ee3169d0596ae63917d2c7166f94/tip/trixie/Dockerfile#L135`, `${OFFICIAL}/golang`]
  },
  {
    names: ["ruby"],
    base: true,
    paths: [],
    user: "root",
    home: "/root",
    caveats: ["GEM_HOME is /usr/local/bundle: installing gems at run time writes there."],
    sources: [`${GH}/docker-library/ruby/blob/d55e25ae709885250a4e9718c27a09f1e963ca79/4.0/trixie/Dockerfile#L102`, `${OFFICIAL}/ruby`]
  },
  {
    names: ["php"],
    base: true,
    paths: [],
    user: "root",
    home: "/root",
    sources: [`${GH}/docker-library/php/blob/445bf414f1d5866f7aef715f1203eae043710070/8.5/trixie/zts/Dockerfile`, `${OFFICIAL}/php`]
  },
  {
    names: [
      "gcr.io/distroless/static",
      "gcr.io/distroless/static-debian12",
      "gcr.io/distroless/static-debian13",
      "gcr.io/distroless/base",
      "gcr.io/distroless/base-debian12",
      "gcr.io/distroless/base-debian13",
      "gcr.io/distroless/base-nossl-debian12",
      "gcr.io/distroless/base-nossl-debian13",
      "gcr.io/distroless/cc",
      "gcr.io/distroless/cc-debian12",
      "gcr.io/distroless/cc-debian13"
    ],
    base: true,
    paths: [],
    user: "root (uid 65532, nonroot, in the nonroot tags)",
    home: "/root (/home/nonroot for nonroot)",
    sources: [`${DISTROLESS}/README.md#L38`, `${DISTROLESS}/common/variables.bzl#L18`]
  }
];

// src/k8s/writable-paths.ts
var BASE_NAME_LABEL = "org.opencontainers.image.base.name";
function compare(a, b) {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
function versionInRange(e, version) {
  return (!e.min || compare(version, e.min) >= 0) && (!e.max || compare(version, e.max) < 0);
}
var DOCKER_HUB2 = /* @__PURE__ */ new Set(["docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"]);
function imageLookupNames(image) {
  const ref = parseImageReference(image);
  const names = [];
  if (ref.registry && !DOCKER_HUB2.has(ref.registry.toLowerCase())) names.push(`${ref.registry}/${ref.path}`);
  names.push(ref.officialName ?? ref.repository);
  return names;
}
var BY_NAME = /* @__PURE__ */ new Map();
for (const e of IMAGE_TABLE) for (const n of e.names) BY_NAME.set(n, [...BY_NAME.get(n) ?? [], e]);
function imageEntryFor(image) {
  if (!image) return void 0;
  const version = tagVersion(parseImageReference(image).tag);
  for (const name of imageLookupNames(image)) {
    const candidates = BY_NAME.get(name) ?? [];
    if (candidates.length === 0) continue;
    if (candidates.length === 1 && !candidates[0].min && !candidates[0].max) return candidates[0];
    if (version) return candidates.find((e) => versionInRange(e, version));
    return candidates.find((e) => e.latest) ?? candidates[0];
  }
  return void 0;
}
var NGINX_TEMPLATES = "/etc/nginx/templates";
var GUESS_SOURCE = "guess for an unknown image";
function writablePathsFor(image, mountPaths = [], config) {
  const named = imageEntryFor(image);
  const derived = (!named || named.base) && config ? derivedEntry(config) : void 0;
  const entry = derived?.entry ?? named;
  if (!entry || entry.base) {
    const result2 = {
      image: void 0,
      paths: [{ path: "/tmp", purpose: "tmp" }],
      guess: true,
      source: entry ? entry.sources[0] : GUESS_SOURCE,
      sources: entry ? [...entry.sources] : [],
      volumes: [...entry?.volumes ?? []],
      contents: [...entry?.contents ?? []],
      user: entry?.user,
      home: entry?.home,
      caveats: caveatTexts(entry),
      breaks: caveatBreaks(entry),
      baseImage: entry?.names[0],
      matchedBy: void 0,
      fromConfig: []
    };
    if (config) addConfigPaths(result2, config, true);
    return result2;
  }
  const paths = entry.paths.map((p) => ({ ...p }));
  if (entry.names[0] === "nginx" && mountPaths.some((p) => normalisePath(p) === NGINX_TEMPLATES)) {
    paths.push({ path: "/etc/nginx/conf.d", purpose: "config" });
  }
  const result = {
    image: entry.names[0],
    paths,
    guess: false,
    source: derived ? configSource(config) : entry.sources[0],
    sources: derived ? [configSource(config), ...entry.sources] : [...entry.sources],
    volumes: [...entry.volumes ?? []],
    contents: [...entry.contents ?? []],
    user: entry.user,
    home: entry.home,
    caveats: caveatTexts(entry),
    breaks: caveatBreaks(entry),
    baseImage: void 0,
    matchedBy: derived?.why,
    fromConfig: []
  };
  if (config) addConfigPaths(result, config, false);
  return result;
}
var caveatTexts = (e) => (e?.caveats ?? []).map((c) => typeof c === "string" ? c : c.text);
var caveatBreaks = (e) => (e?.caveats ?? []).filter((c) => typeof c !== "string");
function caveatApplies(c, env, opaqueEnv) {
  const when = c.breaksReadOnly;
  if (when === "always") return "yes";
  if (when === "depends") return "maybe";
  const set = (spec) => {
    const eq = spec.indexOf("=");
    const name = eq < 0 ? spec : spec.slice(0, eq);
    const v = env.get(name);
    return v !== void 0 && (eq < 0 ? true : v === spec.slice(eq + 1));
  };
  if ("whenEnv" in when) return when.whenEnv.some(set) ? "yes" : opaqueEnv ? "maybe" : "no";
  const truthy = (name) => {
    const v = env.get(name);
    return v !== void 0 && v !== "" && v !== "false" && v !== "0";
  };
  return when.unlessEnv.some(truthy) ? "no" : opaqueEnv ? "maybe" : "yes";
}
var configSource = (config) => `the image config ${config.configDigest}`;
function addConfigPaths(r, config, guess) {
  const hidden = (p) => r.contents.some((c) => mountCovers(p, c.path) || mountCovers(c.path, p));
  const add = (path, purpose, extra) => {
    if (path === "/" || hidden(path) || r.paths.some((p) => normalisePath(p.path) === path)) return;
    r.paths.push({ path, purpose, ...extra });
    r.fromConfig.push(path);
  };
  for (const v of config.volumes) {
    const path = mountablePath(v);
    if (path === void 0) continue;
    if (!r.volumes.includes(path)) r.volumes.push(path);
    add(path, "data", { declaredVolume: true, note: "a VOLUME of the image config" });
  }
  if (!guess) return;
  const env = Object.entries(config.env).map(([name, value]) => ({ name, value }));
  for (const h of writablePathHints({ env })) add(h.path, h.purpose, { note: `${h.env} in the image config` });
  if (r.home === void 0 && config.env.HOME) r.home = mountablePath(config.env.HOME);
}
var clip = (v) => v.length > 100 ? `${v.slice(0, 100)}\u2026` : v;
function derivedEntry(config) {
  const label = config.labels[BASE_NAME_LABEL];
  if (label) {
    const e = imageEntryFor(label);
    if (e && !e.base) return { entry: e, why: `its image config's label ${BASE_NAME_LABEL} names ${clip(label)}, a known image` };
  }
  const bySignature = IMAGE_TABLE.filter((e) => !e.base && e.signatureEnv?.length && e.signatureEnv.every((n) => n in config.env));
  const most = Math.max(0, ...bySignature.map((e) => e.signatureEnv.length));
  const user = imageUser(config.user);
  const userName = user.kind === "root" ? "root" : user.name ?? String(user.uid);
  const signed = pickOneImage(
    bySignature.filter((e) => e.signatureEnv.length === most && (e.signatureUser === void 0 || e.signatureUser === userName)),
    (e) => config.env[e.signatureEnv[0]]
  );
  if (signed) {
    const vars = signed.signatureEnv.map((n) => `${n}=${clip(config.env[n])}`).join(", ");
    return { entry: signed, why: `its image config carries ${vars}, set by the ${signed.names[0]} image it is built on` };
  }
  const declared = [...new Set(config.volumes.filter((v) => v.startsWith("/")).map(normalisePath))].sort();
  if (declared.length === 0) return void 0;
  const same = (e) => {
    const v = [...new Set((e.volumes ?? []).map(normalisePath))].sort();
    return v.length === declared.length && v.every((x, i) => x === declared[i]);
  };
  const sameVolumes = IMAGE_TABLE.filter((e) => !e.base && same(e));
  const narrowed = sameVolumes.filter((e) => e.signatureEnv?.some((n) => n in config.env));
  const byVolumes = pickOneImage(narrowed.length > 0 ? narrowed : sameVolumes, () => void 0);
  if (!byVolumes) return void 0;
  const carried = narrowed.length > 0 ? ` and carries ${byVolumes.signatureEnv.filter((n) => n in config.env).join(", ")}` : "";
  return { entry: byVolumes, why: `its image config declares the VOLUMEs ${declared.join(", ")}${carried}, as the ${byVolumes.names[0]} image does` };
}
function pickOneImage(entries, versionOf) {
  if (entries.length === 0 || new Set(entries.map((e) => e.names[0])).size > 1) return void 0;
  if (entries.length === 1) return entries[0];
  const version = tagVersion(versionOf(entries[0]));
  if (version) return entries.find((e) => versionInRange(e, version));
  return entries.find((e) => e.latest) ?? entries[0];
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
var PATH_VARIABLES = [
  { name: "PGDATA", purpose: "data", reason: "PGDATA is where PostgreSQL keeps its database cluster" },
  { name: "TMPDIR", purpose: "tmp", reason: "TMPDIR is where programs create their temporary files" },
  { name: "XDG_CACHE_HOME", purpose: "cache", reason: "XDG_CACHE_HOME is where programs following the XDG base directory specification write their caches" },
  { name: "HF_HOME", purpose: "cache", reason: "HF_HOME is where Hugging Face libraries download models and datasets" },
  { name: "HF_HUB_CACHE", purpose: "cache", reason: "HF_HUB_CACHE is where Hugging Face libraries download models" },
  { name: "HUGGINGFACE_HUB_CACHE", purpose: "cache", reason: "HUGGINGFACE_HUB_CACHE is where Hugging Face libraries download models" },
  { name: "TRANSFORMERS_CACHE", purpose: "cache", reason: "TRANSFORMERS_CACHE is where the transformers library downloads models" }
];
var JVM_OPTION_VARIABLES = ["JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"];
function literalPath(v) {
  const s = v.trim();
  if (!s.startsWith("/") || s.includes("$")) return void 0;
  return mountablePath(s);
}
function mountablePath(p) {
  if (!p.startsWith("/") || p.length > 1024 || p.includes(":")) return void 0;
  if (/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(p)) return void 0;
  const n = normalisePath(p);
  if (n === "/" || n.split("/").some((seg) => seg === "." || seg === "..")) return void 0;
  if (RUNTIME_MOUNTS.includes(n) || RUNTIME_TREES.some((t) => n === t || n.startsWith(t + "/"))) return void 0;
  return n;
}
var RUNTIME_TREES = ["/proc", "/sys", "/dev", "/var/run/secrets/kubernetes.io", "/run/secrets/kubernetes.io"];
var RUNTIME_MOUNTS = ["/etc/hosts", "/etc/hostname", "/etc/resolv.conf"];
function writablePathHints(container) {
  const hints = [];
  const add = (path, purpose, env, reason) => {
    if (path && path !== "/" && !hints.some((h) => h.path === path)) hints.push({ path, purpose, env, reason });
  };
  for (const e of container.env ?? []) {
    if (typeof e?.name !== "string" || typeof e.value !== "string") continue;
    const known = PATH_VARIABLES.find((v) => v.name === e.name);
    if (known) add(literalPath(e.value), known.purpose, e.name, `${known.reason}.`);
    if (JVM_OPTION_VARIABLES.includes(e.name)) {
      for (const m of e.value.matchAll(/(?:^|\s)-Djava\.io\.tmpdir=(\S+)/g)) {
        add(literalPath(m[1].replace(/^(["'])(.*)\1$/, "$2")), "tmp", e.name, `-Djava.io.tmpdir in ${e.name} sets the JVM's temporary folder.`);
      }
    }
  }
  return hints;
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
function volumeSources(w2) {
  let out = sourcesCache.get(w2);
  if (!out) sourcesCache.set(w2, out = buildVolumeSources(w2));
  return out;
}
function buildVolumeSources(w2) {
  const out = /* @__PURE__ */ new Map();
  const list = w2.podSpecData.volumes;
  if (Array.isArray(list)) {
    for (const v of list)
      if (v && typeof v === "object" && typeof v.name === "string") out.set(v.name, v);
  }
  const spec = w2.manifest.data.spec;
  if (w2.manifest.kind === "StatefulSet" && Array.isArray(spec?.volumeClaimTemplates)) {
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
function isPathWritable(c, w2, path) {
  const sources = volumeSources(w2);
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
  imageUser,
  writablePathsFor,
  caveatApplies,
  normalisePath,
  mountCovers,
  writablePathHints,
  volumeMounts,
  volumeSources,
  isWritableMount,
  isPathWritable,
  allocateVolumeName
};
