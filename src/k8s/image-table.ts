/**
 * The table of known images: the paths each writes under a read-only root filesystem, its
 * declared `VOLUME`s, the paths holding image content that must not be mounted over, its user and
 * `$HOME`, each with the source it comes from (a permalink to the Dockerfile line, the entrypoint,
 * the project's own Kubernetes manifest or Helm chart that runs it read-only, or the
 * documentation page). Data only: matching is in `writable-paths.ts`.
 *
 * Rules for an entry: every fact has a source in `sources`; an image that cannot be sourced is not
 * listed; `paths` are absolute and normalised; a path both written and holding image content goes
 * in `contents` with a caveat (an emptyDir there would hide the content), never in `paths`.
 */

/** Why an image writes to a path. `data` paths hold state that belongs on a PersistentVolumeClaim. */
export type WritablePurpose = 'cache' | 'run' | 'tmp' | 'logs' | 'config' | 'data';

/** One path an image must be able to write under a read-only root filesystem. */
export interface WritablePath {
  /** Absolute path in the container. */
  path: string;
  purpose: WritablePurpose;
  /**
   * True when the image declares the path a `VOLUME`. Under `readOnlyRootFilesystem` it then
   * depends on the runtime: containerd's CRI (by default) mounts a writable anonymous volume there,
   * discarded with the container; CRI-O's default (`image_volumes = "mkdir"`) only creates the
   * folder in the read-only root filesystem (sources: policies/writable-paths-mounted.md).
   */
  declaredVolume?: boolean;
  /** What writes there, when it is not obvious from the purpose. */
  note?: string;
}

/** A path holding image content the container needs (an emptyDir mounted there would hide it). */
export interface ImageContent {
  /** Absolute path in the container. */
  path: string;
  /** What the image keeps there. */
  what: string;
}

/**
 * When a caveat breaks the container under a read-only root filesystem even with every path of
 * the entry mounted: `always`; when the container's env sets one of `whenEnv` (`NAME`, or
 * `NAME=value` for that value only); unless its env sets
 * one of `unlessEnv` (to anything but '', `false`, `0`); `depends` on settings the manifest does not
 * show plainly (the fix is then a guess).
 */
export type BreaksReadOnly = 'always' | 'depends' | { whenEnv: readonly string[] } | { unlessEnv: readonly string[] };

/** A caveat that can break a read-only root filesystem (see {@link BreaksReadOnly}). */
export interface Caveat {
  text: string;
  breaksReadOnly: BreaksReadOnly;
}

/** One row of the table. */
export interface ImageEntry {
  /**
   * Repository paths matched on any registry (`nginx` for Docker Hub's official image and its
   * mirrors, `bitnami/postgresql`, `keycloak/keycloak` for `quay.io/keycloak/keycloak`), or
   * `registry/path` matched on that registry only (`registry.k8s.io/etcd`). The first is the
   * entry's display name.
   */
  names: readonly string[];
  /** Applies when the tag's version is within [min, max) (inclusive min). */
  min?: readonly number[];
  max?: readonly number[];
  /** Entry used for `latest`, a missing tag, a digest-only reference or a tag without a version. */
  latest?: boolean;
  /** The paths the image writes. Empty when it writes nothing (the image's own manifests run it read-only). */
  paths: readonly WritablePath[];
  /** Declared `VOLUME`s. */
  volumes?: readonly string[];
  contents?: readonly ImageContent[];
  /** The user its main process runs as. */
  user?: string;
  home?: string;
  /** What the paths alone do not cover, each a sentence; a {@link Caveat} when it can break a read-only root filesystem. */
  caveats?: readonly (string | Caveat)[];
  /**
   * Environment variables the image's own Dockerfile sets (`ENV PG_MAJOR 17`), which images
   * built `FROM` it inherit: an inspected image config (`--inspect-images`) that carries every
   * one of them, and matches no entry by name or base-image label, is taken for a derivative of
   * this image (src/k8s/writable-paths.ts). Each name must be on a Dockerfile line cited in
   * `sources`, and be specific to this image (no `PATH`, `LANG`, `JAVA_HOME`).
   */
  signatureEnv?: readonly string[];
  /**
   * The config `User` the image itself has (`root` for none), when another image sets the same
   * `signatureEnv` names (nginx and nginx-unprivileged): a config is then matched to the entry
   * whose user it has, never guessed between them. Must be on a cited Dockerfile line (or the
   * absence of a `USER` line, for `root`).
   */
  signatureUser?: string;
  /**
   * A base image (`busybox`, `python`, `distroless`): what it writes depends on the command or
   * the application built on it, so the paths stay a guess (`/tmp`).
   */
  base?: boolean;
  /** URLs (permalinks to the line where possible), the primary first. */
  sources: readonly string[];
}

const w = (path: string, purpose: WritablePurpose, extra: Pick<WritablePath, 'declaredVolume' | 'note'> = {}): WritablePath => ({ path, purpose, ...extra });
const vol = { declaredVolume: true } as const;

// Permalinks (commit as read for this table) of the repositories the entries cite.
const GH = 'https://github.com';
const DOCS = `${GH}/docker-library/docs/blob/c4a9ba41443427b2ec1d5c4cc01879076aa4a1eb`;
const OFFICIAL = `${GH}/docker-library/official-images/blob/37079fb336f572a88700cf32e5e1f6be54a04e8f/library`;
const NGINX = `${GH}/nginxinc/docker-nginx/blob/b430becb8f0f6b8d69e68cc73a82ea2873c38639/mainline/debian`;
const NGINX_UNPRIV = `${GH}/nginx/docker-nginx-unprivileged/blob/e26803b6ff7ca01455284231c59f20cb5e3ae82e/mainline/debian`;
const REDIS = `${GH}/docker-library/redis/blob/e92049967d6baa9b4b3d6fd950553e6458e61f13/7.2/debian`;
const PG = `${GH}/docker-library/postgres/blob/6edb0a8c4def40c371514b34aef9037ec82d9110`;
const MYSQL = `${GH}/docker-library/mysql/blob/7f30fdb0738041fc5125e8218e393e0a891243e9/8.4`;
const MONGO = `${GH}/docker-library/mongo/blob/2c69a57b939afb99266e8f97258adb178e9559e0/8.0`;
const HTTPD = `${GH}/docker-library/httpd/blob/9b63b37c9be3b42d16b924ebb40af3cc40793119/2.4`;
const RABBITMQ = `${GH}/docker-library/rabbitmq/blob/9193c1de6d32046e0c1132841a7a4995b0dc32e0/4.1/ubuntu`;
const WORDPRESS = `${GH}/docker-library/wordpress/blob/bf223d1c2087b0b2c3b86eefa830fe4bbc2bce07/latest/php8.3/apache`;
const TOMCAT = `${GH}/docker-library/tomcat/blob/40f27d562f94c0dbfb861587ee8837047b1cd555/10.1/jdk21/temurin-noble`;
const MARIADB = `${GH}/MariaDB/mariadb-docker/blob/1b6429ba3544e134715c15f8c56cc6f665f827c9/11.8`;
const MEMCACHED = `${GH}/docker-library/memcached/blob/53ac0ecb0bf88b471a0110f8996ce791baf1a667/1/debian`;
const CASSANDRA = `${GH}/docker-library/cassandra/blob/7b9da8f4f58f48af79feb0fc2f7a1e2c639965f1/5.0`;
const ZOOKEEPER = `${GH}/31z4/zookeeper-docker/blob/52a83649bc332b3324e0f0ecd96a1c88b2793022/3.9.4`;
const HAPROXY = `${GH}/docker-library/haproxy/blob/ec437dd2a3656610b10a42c08763d8fa1c591efe/3.2`;
const CADDY = `${GH}/caddyserver/caddy-docker/blob/62d1326421cc6d6245f5178d3c277b0e69fb8fb6`;
const GHOST = `${GH}/TryGhost/docker-library-ghost/blob/bc5d011df043fce635b082c8fa43720ea5681a82/6/bookworm`;
const NEXTCLOUD = `${GH}/nextcloud/docker/blob/4de1eed65a44c61ecce601ef1d27abd2059b52e6/34/fpm`;
const VALKEY = `${GH}/valkey-io/valkey-container/blob/ae6141ea5d62c775b8bdb9be7396b951da435673/8.0/debian`;
const VARNISH = `${GH}/varnish/docker-varnish/blob/eb60dff6f8f825b267b28b3d8da520e9f73f2ff1/stable/debian`;
const INFLUX = `${GH}/influxdata/influxdata-docker/blob/d457cb9363532cbbc8d63ef7d1b065336ef0302d/influxdb`;
const SONAR = `${GH}/SonarSource/docker-sonarqube/blob/df5a6ae20bb7ce8e464d6895178e763c77a6a402/community-build`;
const REGISTRY = `${GH}/distribution/distribution-library-image/blob/a829ed8cbcd822f50c3c4dfb1c3a5b4fcf8108f1`;
const JENKINS = `${GH}/jenkinsci/docker/blob/ab3f5e0a80d666b1d554c2b7cad38b5c5ee35f1c/debian`;
const FLUENTD = `${GH}/fluent/fluentd-docker-image/blob/426b4a18a0e5a1fd8035ea581a7ce8401c68742b/v1.19/debian`;
const OTEL = `${GH}/open-telemetry/opentelemetry-collector-releases/blob/ceccc19da2df99e24c1d826bd1600e0edbdbea3d/distributions`;
const INGRESS_NGINX = `${GH}/kubernetes/ingress-nginx/blob/dbb11b92ddb77bee9c35e462479129354c84f939`;
const KSM = `${GH}/kubernetes/kube-state-metrics/blob/c92fe0c5ce02d3b52abf54490e00db6c706f2ba5`;
const METRICS_SERVER = `${GH}/kubernetes-sigs/metrics-server/blob/5ed5d3a2cf940a8c7541cfbac19af822f4c97844`;
const EXTERNAL_DNS = `${GH}/kubernetes-sigs/external-dns/blob/2bf1bf8af2b70f23579f9147c1f7e9394f7f83d5`;
const CERT_MANAGER = `${GH}/cert-manager/cert-manager/blob/2d0d7f7f74241a9cbf79f0e2a7bb247238ee09fd`;
const ARGOCD = `${GH}/argoproj/argo-cd/blob/37ee0097cf851bc2dd7665fc081bbce61a7e836e`;
const PROMETHEUS = `${GH}/prometheus/prometheus/blob/d15adb9ad7e5d9fbde3a9a8f30200593a5a14d86`;
const ALERTMANAGER = `${GH}/prometheus/alertmanager/blob/68fb2d5759b3a92c0bb2a1a13d4ef7ff5b06256d`;
const NODE_EXPORTER = `${GH}/prometheus/node_exporter/blob/a7dcc3a01545180d4f2087db70994cbc3abfed13`;
const BITNAMI_CHARTS = `${GH}/bitnami/charts/blob/5165628ae06697f8f68a670bef7739d93c4b7f44/bitnami`;
const BITNAMI = `${GH}/bitnami/containers/blob/0293904cf4e5d8585b9ff3c4032325953be97e76/bitnami`;
const TRAEFIK = `${GH}/traefik/traefik-library-image/blob/697393828fd83340553fe3edd13e961a9c3b971a/v3.7`;
const TRAEFIK_CHART = `${GH}/traefik/traefik-helm-chart/blob/a8a66d0098703627b2cf352c66b1725c196a734a/traefik`;
const CONSUL = `${GH}/hashicorp/docker-consul/blob/aedd0844f06e9eac9c4e130206219b1ff044a8c4/0.X`;
const VAULT = `${GH}/hashicorp/docker-vault/blob/ed323958b3c65c551e88424fd7352d99afe900ac/0.X`;
const ELASTIC = `${GH}/elastic/dockerfiles/blob/0bbe2f0a64566b01dd591cd9f8188eda17c40bab`;
const OPENSEARCH = `${GH}/opensearch-project/opensearch-build/blob/4372bf71a2407ae25aa8ec2d86de9b4d2cc22687/docker/release`;
const CP_KAFKA = `${GH}/confluentinc/kafka-images/blob/f8e3015a9a60a4f4713de29f61c3ffa15a18b3ae/kafka`;
const APACHE_KAFKA = `${GH}/apache/kafka/blob/120d52df7d4a1e7eaf90e4e069b9c49c27e3d0de/docker`;
const TEMPO = `${GH}/grafana/tempo/blob/ad33aa8fafc41a4ea58519f7b7a88b1aa1383224`;
const JAEGER = `${GH}/jaegertracing/jaeger/blob/8498073ff809b1a3923521920a9b1b017ea97ecf`;
const JAEGER_V1 = `${GH}/jaegertracing/jaeger/blob/f1201e77e160681ed35773f1d0edf0c8da8d1a75`;
const ETCD = `${GH}/etcd-io/etcd/blob/c34dc7ee0048fd2bcc44d50beff002e5e8069b69`;
const DISTROLESS = `${GH}/GoogleContainerTools/distroless/blob/cd080764af3103b2f49fb5eb23297c72c945e77a`;

const JVMS = ['eclipse-temurin', 'openjdk', 'amazoncorretto', 'ibm-semeru-runtimes', 'ibmjava', 'sapmachine'];

/** The table. Order is the documentation order (docs/known-images.md). */
export const IMAGE_TABLE: readonly ImageEntry[] = [
  // --- Web servers and proxies -------------------------------------------------------------
  // No signatureEnv for nginx nor nginx-unprivileged: both Dockerfiles set the same ENV names
  // (NGINX_VERSION, NJS_VERSION, NJS_RELEASE, PKG_RELEASE, DYNPKG_RELEASE; nginx mainline/debian
  // lines 10-14, nginx-unprivileged lines 11-15 at the cited commits), so a derived image's config
  // cannot tell which of the two it comes from, and their paths differ.
  {
    names: ['nginx'],
    paths: [w('/var/cache/nginx', 'cache'), w('/var/run', 'run', { note: 'nginx.pid' })],
    // The same ENV names as nginx-unprivileged (its Dockerfile derives from this one): told apart by the user.
    signatureEnv: ['NGINX_VERSION', 'NJS_VERSION', 'PKG_RELEASE'],
    signatureUser: 'root',
    user: 'root (worker processes run as nginx, uid 101)',
    home: '/nonexistent',
    sources: [`${DOCS}/nginx/content.md#L124`, `${NGINX}/Dockerfile#L19`, `${NGINX}/Dockerfile#L10-L13`],
  },
  {
    names: ['nginxinc/nginx-unprivileged', 'nginx/nginx-unprivileged'],
    paths: [w('/tmp', 'tmp', { note: 'nginx.pid and the proxy, client body, fastcgi, uwsgi and scgi temp paths' })],
    user: '101 (nginx)',
    home: '/nonexistent',
    signatureEnv: ['NGINX_VERSION', 'NJS_VERSION', 'PKG_RELEASE'],
    signatureUser: '101',
    sources: [`${NGINX_UNPRIV}/Dockerfile#L142`, `${NGINX_UNPRIV}/Dockerfile#L161`, `${NGINX_UNPRIV}/Dockerfile#L11-L14`, `${NGINX_UNPRIV}/Dockerfile#L17`],
  },
  {
    names: ['httpd'],
    paths: [w('/usr/local/apache2/logs', 'logs', { note: 'httpd.pid (access and error logs go to stdout/stderr)' })],
    user: 'root (children run as www-data)',
    signatureEnv: ['HTTPD_VERSION', 'HTTPD_SHA256'],
    sources: [`${HTTPD}/Dockerfile#L6`, `${HTTPD}/Dockerfile#L200`, `${HTTPD}/Dockerfile#L24`, `${HTTPD}/Dockerfile#L25`],
  },
  {
    names: ['haproxy'],
    base: true,
    paths: [],
    user: 'haproxy',
    caveats: [
      'The image has no default configuration: what HAProxy writes (stats socket, state files) is set by the mounted haproxy.cfg; /var/lib/haproxy is its writable working folder.',
    ],
    sources: [`${HAPROXY}/Dockerfile#L110`, `${HAPROXY}/Dockerfile#L30`, `${DOCS}/haproxy/content.md#L11`],
  },
  {
    names: ['caddy'],
    paths: [
      w('/data', 'data', { note: 'certificates and keys (XDG_DATA_HOME)' }),
      w('/config', 'config', { note: 'autosaved configuration (XDG_CONFIG_HOME)' }),
    ],
    contents: [{ path: '/etc/caddy', what: 'the default Caddyfile' }],
    user: 'root',
    sources: [`${CADDY}/Dockerfile.tmpl#L44`, `${CADDY}/Dockerfile.tmpl#L10`, `${DOCS}/caddy/content.md#L17`],
  },
  {
    names: ['varnish'],
    paths: [w('/var/lib/varnish/varnishd', 'run', { note: 'the working directory; the docs mount it as tmpfs with exec' })],
    user: 'varnish (uid 1000) and vcache (uid 1001)',
    home: '/nonexistent',
    sources: [`${DOCS}/varnish/content.md#L12`, `${VARNISH}/Dockerfile#L33`],
  },
  {
    names: ['traefik'],
    paths: [
      w('/data', 'data', { note: "ACME certificates (acme.storage); the Helm chart's persistence path, an emptyDir unless persistence is enabled" }),
      w('/tmp', 'tmp', { note: 'the Helm chart mounts an emptyDir; a declared VOLUME in the scratch tags' }),
    ],
    user: 'root (the Helm chart runs it as 65532)',
    sources: [
      `${TRAEFIK_CHART}/values.yaml#L1260`,
      `${TRAEFIK_CHART}/templates/_podtemplate.tpl#L159`,
      `${TRAEFIK_CHART}/templates/_podtemplate.tpl#L164`,
      `${TRAEFIK_CHART}/values.yaml#L1180`,
      `${TRAEFIK_CHART}/values.yaml#L1267`,
      `${TRAEFIK}/scratch/Dockerfile#L7`,
    ],
  },
  {
    names: ['registry.k8s.io/ingress-nginx/controller', 'registry.k8s.io/ingress-nginx/controller-chroot'],
    paths: [
      w('/tmp', 'tmp', { note: 'candidate nginx configurations (/tmp/nginx)' }),
      w('/etc/ingress-controller', 'config', { note: 'ssl, auth, geoip and telemetry files' }),
    ],
    contents: [
      { path: '/etc/nginx', what: 'the nginx.conf template, Lua code and modules; the controller rewrites nginx.conf and lua/cfg.json here' },
      { path: '/var/log/nginx', what: 'access.log and error.log as symbolic links to stdout and stderr' },
    ],
    user: 'www-data',
    caveats: [
      {
        text: "The controller rewrites /etc/nginx/nginx.conf and /etc/nginx/lua/cfg.json, and /etc/nginx holds the image's templates and Lua code: it needs a writable copy of /etc/nginx (the Helm chart leaves readOnlyRootFilesystem false by default).",
        breaksReadOnly: 'always',
      },
    ],
    sources: [
      `${INGRESS_NGINX}/rootfs/Dockerfile#L51`,
      `${INGRESS_NGINX}/internal/ingress/controller/util.go#L102`,
      `${INGRESS_NGINX}/internal/ingress/controller/nginx.go#L648`,
      `${INGRESS_NGINX}/rootfs/Dockerfile#L84`,
      `${INGRESS_NGINX}/charts/ingress-nginx/values.yaml#L47`,
    ],
  },

  // --- Databases, caches, queues -----------------------------------------------------------
  {
    names: ['redis'],
    paths: [w('/data', 'data', vol)],
    volumes: ['/data'],
    user: 'root, then redis (uid 999) via the entrypoint',
    signatureEnv: ['REDIS_VERSION', 'REDIS_DOWNLOAD_SHA'],
    sources: [`${REDIS}/Dockerfile#L143`, `${REDIS}/Dockerfile#L12`, `${REDIS}/docker-entrypoint.sh#L13`, `${REDIS}/Dockerfile#L59`, `${REDIS}/Dockerfile#L61`],
  },
  {
    names: ['valkey/valkey'],
    paths: [w('/data', 'data', vol)],
    volumes: ['/data'],
    user: 'root, then valkey (uid 999) via the entrypoint',
    sources: [`${VALKEY}/Dockerfile#L107`, `${VALKEY}/Dockerfile#L12`, `${VALKEY}/docker-entrypoint.sh#L13`],
  },
  {
    names: ['memcached'],
    paths: [],
    user: 'memcache (uid 11211)',
    signatureEnv: ['MEMCACHED_VERSION', 'MEMCACHED_SHA1'],
    sources: [
      `${MEMCACHED}/Dockerfile#L98`,
      `${MEMCACHED}/Dockerfile#L12`,
      `${DOCS}/memcached/content.md#L3`,
      `${MEMCACHED}/Dockerfile#L22`,
      `${MEMCACHED}/Dockerfile#L24`,
    ],
  },
  {
    names: ['postgres'],
    max: [18],
    paths: [w('/var/lib/postgresql/data', 'data', vol), w('/var/run/postgresql', 'run', { note: 'the Unix socket and lock file' })],
    volumes: ['/var/lib/postgresql/data'],
    user: 'root, then postgres (uid 999) via the entrypoint',
    home: '/var/lib/postgresql',
    signatureEnv: ['PG_MAJOR', 'PG_VERSION'],
    sources: [
      `${PG}/17/bookworm/Dockerfile#L187`,
      `${PG}/17/bookworm/Dockerfile#L182`,
      `${PG}/17/bookworm/Dockerfile#L13`,
      `${PG}/17/bookworm/docker-entrypoint.sh#L338`,
      `${PG}/17/bookworm/Dockerfile#L89`,
      `${PG}/17/bookworm/Dockerfile#L92`,
    ],
  },
  {
    names: ['postgres'],
    min: [18],
    latest: true,
    paths: [w('/var/lib/postgresql', 'data', vol), w('/var/run/postgresql', 'run', { note: 'the Unix socket and lock file' })],
    volumes: ['/var/lib/postgresql'],
    user: 'root, then postgres (uid 999) via the entrypoint',
    home: '/var/lib/postgresql',
    signatureEnv: ['PG_MAJOR', 'PG_VERSION'],
    sources: [
      `${PG}/18/trixie/Dockerfile#L192`,
      `${PG}/18/trixie/Dockerfile#L186`,
      `${PG}/18/trixie/Dockerfile#L13`,
      `${PG}/18/trixie/Dockerfile#L89`,
      `${PG}/18/trixie/Dockerfile#L92`,
    ],
  },
  {
    names: ['mysql'],
    paths: [w('/var/lib/mysql', 'data', vol), w('/var/run/mysqld', 'run', { note: 'the socket and lock files' })],
    volumes: ['/var/lib/mysql'],
    user: 'root, then mysql (uid 999) via the entrypoint',
    home: '/var/lib/mysql',
    signatureEnv: ['MYSQL_MAJOR', 'MYSQL_VERSION'],
    sources: [
      `${MYSQL}/Dockerfile.oracle#L117`,
      `${MYSQL}/Dockerfile.oracle#L89`,
      `${MYSQL}/Dockerfile.oracle#L11`,
      `${MYSQL}/docker-entrypoint.sh#L380`,
      `${MYSQL}/Dockerfile.oracle#L58`,
      `${MYSQL}/Dockerfile.oracle#L59`,
    ],
  },
  {
    names: ['mariadb'],
    paths: [w('/var/lib/mysql', 'data', vol), w('/run/mysqld', 'run', { note: 'the socket and lock files' })],
    volumes: ['/var/lib/mysql'],
    user: 'root, then mysql via the entrypoint',
    home: '/var/lib/mysql',
    signatureEnv: ['MARIADB_VERSION'],
    sources: [
      `${MARIADB}/Dockerfile#L137`,
      `${MARIADB}/Dockerfile#L120`,
      `${MARIADB}/Dockerfile#L5`,
      `${MARIADB}/docker-entrypoint.sh#L699`,
      `${MARIADB}/Dockerfile#L85`,
    ],
  },
  {
    names: ['mongo'],
    paths: [w('/data/db', 'data', vol), w('/data/configdb', 'data', vol), w('/tmp', 'tmp', { note: 'the mongod socket' })],
    volumes: ['/data/db', '/data/configdb'],
    user: 'root, then mongodb (uid 999) via the entrypoint',
    home: '/data/db',
    signatureEnv: ['MONGO_MAJOR', 'MONGO_VERSION'],
    sources: [
      `${MONGO}/Dockerfile#L111`,
      `${MONGO}/Dockerfile#L115`,
      `${MONGO}/Dockerfile#L12`,
      `${MONGO}/docker-entrypoint.sh#L22`,
      `${MONGO}/Dockerfile#L88`,
      `${MONGO}/Dockerfile#L92`,
    ],
  },
  {
    names: ['cassandra'],
    paths: [w('/var/lib/cassandra', 'data', vol), w('/var/log/cassandra', 'logs')],
    volumes: ['/var/lib/cassandra'],
    contents: [{ path: '/etc/cassandra', what: 'cassandra.yaml and the other configuration files, edited in place by the entrypoint' }],
    user: 'root, then cassandra (uid 999) via the entrypoint',
    caveats: [
      {
        text: 'The entrypoint edits /etc/cassandra/cassandra.yaml in place: under a read-only root filesystem it needs a writable copy of /etc/cassandra (or the configuration mounted and the edits disabled).',
        breaksReadOnly: 'always',
      },
    ],
    signatureEnv: ['CASSANDRA_VERSION', 'CASSANDRA_SHA512'],
    sources: [
      `${CASSANDRA}/Dockerfile#L170`,
      `${CASSANDRA}/Dockerfile#L160`,
      `${CASSANDRA}/docker-entrypoint.sh#L63`,
      `${CASSANDRA}/docker-entrypoint.sh#L14`,
      `${CASSANDRA}/Dockerfile#L98`,
      `${CASSANDRA}/Dockerfile#L99`,
    ],
  },
  {
    names: ['zookeeper'],
    paths: [
      w('/data', 'data', vol),
      w('/datalog', 'data', vol),
      w('/logs', 'logs', vol),
      w('/conf', 'config', { note: 'the entrypoint writes zoo.cfg when none is mounted' }),
    ],
    volumes: ['/data', '/datalog', '/logs'],
    user: 'root, then zookeeper (uid 1000) via the entrypoint',
    signatureEnv: ['ZOO_CONF_DIR', 'ZOO_DATA_LOG_DIR'],
    sources: [
      `${ZOOKEEPER}/Dockerfile#L75`,
      `${ZOOKEEPER}/Dockerfile#L3`,
      `${ZOOKEEPER}/docker-entrypoint.sh#L12`,
      `${ZOOKEEPER}/docker-entrypoint.sh#L8`,
      `${ZOOKEEPER}/Dockerfile#L5`,
    ],
  },
  {
    names: ['rabbitmq'],
    paths: [w('/var/lib/rabbitmq', 'data', vol), w('/var/log/rabbitmq', 'logs'), w('/tmp', 'tmp')],
    volumes: ['/var/lib/rabbitmq'],
    contents: [
      { path: '/etc/rabbitmq', what: 'enabled_plugins (rabbitmq_prometheus, and rabbitmq_management in the management tags) and conf.d/10-defaults.conf' },
    ],
    user: 'root, then rabbitmq (uid 999) via the entrypoint',
    home: '/var/lib/rabbitmq',
    signatureEnv: ['RABBITMQ_VERSION', 'RABBITMQ_HOME'],
    sources: [
      `${RABBITMQ}/Dockerfile#L230`,
      `${RABBITMQ}/Dockerfile#L310`,
      `${RABBITMQ}/Dockerfile#L302`,
      `${RABBITMQ}/Dockerfile#L321`,
      `${RABBITMQ}/Dockerfile#L308`,
      `${RABBITMQ}/Dockerfile#L236`,
      `${RABBITMQ}/Dockerfile#L239`,
    ],
  },
  {
    names: ['influxdb'],
    max: [2],
    paths: [w('/var/lib/influxdb', 'data', vol)],
    volumes: ['/var/lib/influxdb'],
    user: 'influxdb',
    sources: [`${INFLUX}/1.11/Dockerfile#L27`],
  },
  {
    names: ['influxdb'],
    min: [2],
    max: [3],
    latest: true,
    paths: [w('/var/lib/influxdb2', 'data', vol), w('/etc/influxdb2', 'config', { ...vol, note: 'influx CLI configs written at setup' })],
    volumes: ['/var/lib/influxdb2', '/etc/influxdb2'],
    user: 'root, then influxdb (uid 1000) via the entrypoint',
    home: '/home/influxdb',
    signatureEnv: ['INFLUXDB_VERSION', 'INFLUX_CLI_VERSION'],
    sources: [
      `${INFLUX}/2.9/Dockerfile#L80`,
      `${INFLUX}/2.9/Dockerfile#L30`,
      `${OFFICIAL}/influxdb#L69`,
      `${INFLUX}/2.9/Dockerfile#L33`,
      `${INFLUX}/2.9/Dockerfile#L55`,
    ],
  },
  {
    names: ['quay.io/coreos/etcd', 'gcr.io/etcd-development/etcd'],
    paths: [w('/var/lib/etcd', 'data', { note: "the working directory: the default --data-dir '${name}.etcd' is /var/lib/etcd/default.etcd" })],
    sources: [`${ETCD}/Dockerfile#L12`, `${ETCD}/server/etcdmain/help.go#L58`, `${ETCD}/scripts/build-docker.sh#L50`],
  },
  {
    names: ['hashicorp/consul'],
    paths: [
      w('/consul/data', 'data', vol),
      w('/consul/config', 'config', { note: 'the entrypoint writes local.json from CONSUL_LOCAL_CONFIG; an empty folder in the image' }),
    ],
    volumes: ['/consul/data'],
    user: 'root, then consul via the entrypoint (su-exec)',
    caveats: [
      {
        text: 'With CONSUL_ALLOW_PRIVILEGED_PORTS set, the entrypoint runs setcap on /bin/consul, which a read-only root filesystem refuses.',
        breaksReadOnly: { whenEnv: ['CONSUL_ALLOW_PRIVILEGED_PORTS'] },
      },
    ],
    sources: [
      `${CONSUL}/Dockerfile#L77`,
      `${CONSUL}/Dockerfile#L68`,
      `${CONSUL}/docker-entrypoint.sh#L60`,
      `${CONSUL}/docker-entrypoint.sh#L111`,
      `${CONSUL}/docker-entrypoint.sh#L114`,
    ],
  },
  {
    names: ['hashicorp/vault'],
    paths: [
      w('/vault/file', 'data', { ...vol, note: 'the file storage backend' }),
      w('/vault/logs', 'logs', vol),
      w('/vault/config', 'config', { note: 'the entrypoint writes local.json from VAULT_LOCAL_CONFIG' }),
    ],
    volumes: ['/vault/logs', '/vault/file'],
    user: 'root, then vault via the entrypoint (su-exec)',
    caveats: [
      {
        text: 'Unless SKIP_SETCAP is set, the entrypoint (set -e) runs setcap on the vault binary, which a read-only root filesystem refuses: set SKIP_SETCAP.',
        breaksReadOnly: { unlessEnv: ['SKIP_SETCAP'] },
      },
    ],
    sources: [
      `${VAULT}/Dockerfile#L63`,
      `${VAULT}/Dockerfile#L67`,
      `${VAULT}/Dockerfile#L56`,
      `${VAULT}/docker-entrypoint.sh#L43`,
      `${VAULT}/docker-entrypoint.sh#L90`,
      `${VAULT}/docker-entrypoint.sh#L100`,
    ],
  },
  {
    names: ['registry'],
    paths: [w('/var/lib/registry', 'data', vol)],
    volumes: ['/var/lib/registry'],
    user: 'root',
    sources: [`${REGISTRY}/Dockerfile#L29`],
  },
  {
    names: ['minio/minio', 'quay.io/minio/minio'],
    paths: [w('/data', 'data', vol)],
    volumes: ['/data'],
    sources: [`${GH}/minio/minio/blob/0031b1205fe3af70a9d80465736fae5ed0ac9003/Dockerfile.release (VOLUME ["/data"])`],
  },

  // --- Applications ------------------------------------------------------------------------
  {
    names: ['wordpress'],
    paths: [w('/tmp', 'tmp'), w('/run', 'run'), w('/var/www/html/wp-content/uploads', 'data')],
    volumes: ['/var/www/html'],
    user: 'root (Apache children run as www-data)',
    caveats: ['/var/www/html is a declared VOLUME that the entrypoint fills with WordPress on first start.'],
    sources: [`${DOCS}/wordpress/content.md#L91`, `${WORDPRESS}/Dockerfile#L168`],
  },
  {
    names: ['ghost'],
    paths: [w('/var/lib/ghost/content', 'data', vol)],
    volumes: ['/var/lib/ghost/content'],
    user: 'root, then node via the entrypoint',
    sources: [`${GHOST}/Dockerfile#L92`, `${GHOST}/Dockerfile#L49`, `${GHOST}/docker-entrypoint.sh#L7`],
  },
  {
    names: ['nextcloud'],
    paths: [w('/var/www/html', 'data', { ...vol, note: 'the entrypoint copies Nextcloud here on start' })],
    volumes: ['/var/www/html'],
    sources: [`${NEXTCLOUD}/Dockerfile#L135`],
  },
  {
    names: ['sonarqube'],
    paths: [
      w('/opt/sonarqube/data', 'data', vol),
      w('/opt/sonarqube/extensions', 'data', vol),
      w('/opt/sonarqube/logs', 'logs', vol),
      w('/opt/sonarqube/temp', 'tmp', { ...vol, note: 'also ES_TMPDIR' }),
    ],
    volumes: ['/opt/sonarqube/data', '/opt/sonarqube/extensions', '/opt/sonarqube/logs', '/opt/sonarqube/temp'],
    user: 'sonarqube (uid 1000)',
    sources: [`${SONAR}/Dockerfile#L66`, `${SONAR}/Dockerfile#L23`, `${SONAR}/Dockerfile#L33`],
  },
  {
    names: ['jenkins/jenkins'],
    paths: [w('/var/jenkins_home', 'data', vol)],
    volumes: ['/var/jenkins_home'],
    user: 'jenkins (uid 1000)',
    home: '/var/jenkins_home',
    sources: [`${JENKINS}/Dockerfile#L116`, `${JENKINS}/Dockerfile#L99`, `${JENKINS}/Dockerfile#L148`],
  },
  {
    names: ['keycloak/keycloak'],
    paths: [w('/opt/keycloak/data', 'data', { note: 'created group-writable by the image; tmp files, the dev database and transaction logs' })],
    user: '1000 (keycloak)',
    home: '/opt/keycloak',
    sources: [`${GH}/keycloak/keycloak/blob/0463815bc93acbe22cf0b347af7cbd11e5a56d65/quarkus/container/Dockerfile (mkdir -p /opt/keycloak/data; USER 1000)`],
  },
  {
    names: ['argoproj/argocd'],
    paths: [
      w('/tmp', 'tmp'),
      w('/home/argocd', 'cache', { note: 'the server and application controller mount an emptyDir here' }),
      w('/app/config/gpg/keys', 'config', { note: "the repo server's GnuPG keyring" }),
      w('/helm-working-dir', 'cache', { note: "the repo server's Helm working folder" }),
    ],
    user: '999 (argocd)',
    home: '/home/argocd',
    sources: [
      `${ARGOCD}/manifests/base/repo-server/argocd-repo-server-deployment.yaml#L344`,
      `${ARGOCD}/manifests/base/server/argocd-server-deployment.yaml#L434`,
      `${ARGOCD}/Dockerfile#L44`,
    ],
  },

  // --- Search and log pipelines (Elastic, OpenSearch) -----------------------------------------
  {
    names: ['elasticsearch', 'docker.elastic.co/elasticsearch/elasticsearch'],
    paths: [
      w('/usr/share/elasticsearch/data', 'data'),
      w('/usr/share/elasticsearch/logs', 'logs', { note: 'file logs with ES_LOG_STYLE=file (the default logs to the console)' }),
      w('/tmp', 'tmp', { note: 'the private temporary folder the start script creates (ES_TMPDIR)' }),
    ],
    contents: [
      {
        path: '/usr/share/elasticsearch/config',
        what: 'elasticsearch.yml, jvm.options and the log4j2 files; the entrypoint creates elasticsearch.keystore here (ELASTIC_PASSWORD) and copies log4j2.file.properties over log4j2.properties (ES_LOG_STYLE=file)',
      },
    ],
    user: '1000:0 (elasticsearch)',
    caveats: [
      {
        text: 'With ELASTIC_PASSWORD or ES_LOG_STYLE=file the entrypoint writes into /usr/share/elasticsearch/config, which holds the image configuration: it then needs a writable copy of that folder.',
        breaksReadOnly: { whenEnv: ['ELASTIC_PASSWORD', 'ES_LOG_STYLE=file'] },
      },
    ],
    sources: [
      `${ELASTIC}/elasticsearch/Dockerfile#L47`,
      `${ELASTIC}/elasticsearch/Dockerfile#L36`,
      `${ELASTIC}/elasticsearch/Dockerfile#L138`,
      `${ELASTIC}/elasticsearch/bin/docker-entrypoint.sh#L43`,
      `${ELASTIC}/elasticsearch/bin/docker-entrypoint.sh#L68`,
      'https://elastic.co/docs/deploy-manage/deploy/self-managed/executable-jna-tmpdir',
    ],
  },
  {
    names: ['opensearchproject/opensearch'],
    paths: [w('/usr/share/opensearch/data', 'data'), w('/usr/share/opensearch/logs', 'logs', { note: 'PerformanceAnalyzer.log from the entrypoint' })],
    contents: [
      {
        path: '/usr/share/opensearch/config',
        what: "opensearch.yml and the plugins' configuration; the security plugin's demo setup, run by the entrypoint, writes certificates and settings here",
      },
    ],
    user: '1000 (opensearch)',
    home: '/usr/share/opensearch',
    caveats: [
      {
        text: 'Unless DISABLE_INSTALL_DEMO_CONFIG or DISABLE_SECURITY_PLUGIN is true, the entrypoint runs install_demo_configuration.sh, which writes into /usr/share/opensearch/config (image content): it then needs a writable copy of that folder.',
        breaksReadOnly: { unlessEnv: ['DISABLE_INSTALL_DEMO_CONFIG', 'DISABLE_SECURITY_PLUGIN'] },
      },
    ],
    sources: [
      `${OPENSEARCH}/dockerfiles/opensearch.al2023.dockerfile#L46`,
      `${OPENSEARCH}/dockerfiles/opensearch.al2023.dockerfile#L89`,
      `${OPENSEARCH}/dockerfiles/opensearch.al2023.dockerfile#L35`,
      `${OPENSEARCH}/config/opensearch/opensearch-docker-entrypoint-3.x.sh#L40`,
      `${OPENSEARCH}/config/opensearch/opensearch-docker-entrypoint-3.x.sh#L44`,
      `${OPENSEARCH}/config/opensearch/opensearch-docker-entrypoint-3.x.sh#L60`,
    ],
  },
  {
    names: ['kibana', 'docker.elastic.co/kibana/kibana'],
    paths: [w('/usr/share/kibana/data', 'data', { note: 'path.data (default data, under the installation folder): the instance UUID' })],
    contents: [{ path: '/usr/share/kibana/config', what: 'kibana.yml' }],
    user: '1000 (kibana)',
    sources: [
      `${ELASTIC}/kibana/Dockerfile#L142`,
      `${ELASTIC}/kibana/Dockerfile#L87`,
      `${ELASTIC}/kibana/Dockerfile#L79`,
      `${GH}/elastic/kibana-docker/issues/12`,
    ],
  },
  {
    names: ['logstash', 'docker.elastic.co/logstash/logstash'],
    paths: [
      w('/usr/share/logstash/data', 'data', { note: 'path.data: persistent queues, the dead letter queue, the node UUID' }),
      w('/usr/share/logstash/logs', 'logs', { note: 'path.logs' }),
    ],
    contents: [
      {
        path: '/usr/share/logstash/config',
        what: 'logstash.yml, pipelines.yml and the log4j2 files; the entrypoint rewrites logstash.yml in place from the environment',
      },
      { path: '/usr/share/logstash/pipeline', what: 'the default logstash.conf pipeline' },
    ],
    user: '1000 (logstash)',
    caveats: [
      {
        text: 'The entrypoint rewrites /usr/share/logstash/config/logstash.yml in place (env2yaml) when settings are given as environment variables, and copies log4j2.file.properties with LOG_STYLE=file: it then needs a writable copy of that folder.',
        breaksReadOnly: 'depends',
      },
    ],
    sources: [
      `${ELASTIC}/logstash/Dockerfile#L51`,
      `${ELASTIC}/logstash/Dockerfile#L44`,
      `${ELASTIC}/logstash/Dockerfile#L45`,
      `${ELASTIC}/logstash/bin/docker-entrypoint#L7`,
      `${ELASTIC}/logstash/bin/docker-entrypoint#L17`,
      'https://elastic.co/docs/reference/logstash/dir-layout',
    ],
  },

  // --- Java application servers -----------------------------------------------------------
  {
    names: ['tomcat'],
    paths: [
      w('/usr/local/tomcat/logs', 'logs'),
      w('/usr/local/tomcat/temp', 'tmp', { note: 'CATALINA_TMPDIR' }),
      w('/usr/local/tomcat/work', 'cache', { note: 'compiled JSPs' }),
    ],
    contents: [{ path: '/usr/local/tomcat/conf', what: 'server.xml and the rest of the configuration' }],
    user: 'root',
    signatureEnv: ['TOMCAT_MAJOR', 'TOMCAT_VERSION'],
    sources: [`${TOMCAT}/Dockerfile#L138`, `${TOMCAT}/Dockerfile#L9`, `${TOMCAT}/Dockerfile#L18`, `${TOMCAT}/Dockerfile#L19`],
  },
  { names: ['jetty'], paths: [w('/tmp/jetty', 'tmp'), w('/run/jetty', 'run')], sources: [`${DOCS}/jetty/content.md#L76`] },
  {
    names: JVMS,
    paths: [w('/tmp', 'tmp', { note: 'java.io.tmpdir, hsperfdata, the truststore built from mounted certificates' })],
    sources: [`${DOCS}/eclipse-temurin/content.md#L29`],
  },
  {
    names: ['open-liberty'],
    paths: [w('/opt/ol/wlp/output', 'run'), w('/logs', 'logs')],
    sources: [`${DOCS}/open-liberty/content.md#L204`],
  },
  {
    names: ['websphere-liberty'],
    paths: [w('/opt/ibm/wlp/output', 'run'), w('/logs', 'logs')],
    sources: [`${DOCS}/websphere-liberty/content.md#L182`],
  },

  // --- Apache Kafka ------------------------------------------------------------------------
  {
    names: ['apache/kafka'],
    paths: [w('/var/lib/kafka/data', 'data', vol)],
    volumes: ['/etc/kafka/secrets', '/var/lib/kafka/data', '/mnt/shared/config'],
    contents: [{ path: '/opt/kafka/config', what: "the distribution's configuration files; the start script writes server.properties and log4j files here" }],
    user: 'appuser',
    home: '/home/appuser',
    caveats: [
      {
        text: "The start script requires /opt/kafka/config to be writable and writes the broker configuration there, next to the distribution's files: it needs a writable copy of that folder.",
        breaksReadOnly: 'always',
      },
    ],
    sources: [
      `${APACHE_KAFKA}/jvm/Dockerfile#L93`,
      `${APACHE_KAFKA}/jvm/Dockerfile#L75`,
      `${GH}/apache/kafka/blob/070305685295c4104e47a64d49b2b7b22368e4e0/docker/resources/common-scripts/configure#L65`,
    ],
  },
  {
    names: ['confluentinc/cp-kafka'],
    paths: [w('/var/lib/kafka/data', 'data', vol)],
    volumes: ['/var/lib/kafka/data', '/etc/kafka/secrets'],
    contents: [
      { path: '/etc/kafka', what: "the Kafka distribution's configuration files; the configure script writes kafka.properties and the log4j2 files here" },
    ],
    caveats: [
      {
        text: 'The configure script requires /etc/kafka to be writable and renders kafka.properties, log4j2.yaml and tools-log4j2.yaml there, next to the distribution files: it needs a writable copy of that folder.',
        breaksReadOnly: 'always',
      },
    ],
    sources: [
      `${CP_KAFKA}/Dockerfile.ubi9#L99`,
      `${CP_KAFKA}/Dockerfile.ubi9#L89`,
      `${CP_KAFKA}/include/etc/confluent/docker/configure#L44`,
      `${CP_KAFKA}/include/etc/confluent/docker/configure#L134`,
    ],
  },

  // --- Observability -----------------------------------------------------------------------
  {
    names: ['prom/prometheus', 'prometheus/prometheus'],
    paths: [w('/prometheus', 'data', vol)],
    volumes: ['/prometheus'],
    contents: [{ path: '/etc/prometheus', what: 'the default prometheus.yml' }],
    user: 'nobody',
    sources: [`${PROMETHEUS}/Dockerfile#L28`, `${PROMETHEUS}/Dockerfile#L26`],
  },
  {
    names: ['prom/alertmanager', 'prometheus/alertmanager'],
    paths: [w('/alertmanager', 'data', vol)],
    volumes: ['/alertmanager'],
    contents: [{ path: '/etc/alertmanager', what: 'the default alertmanager.yml' }],
    user: 'nobody',
    sources: [`${ALERTMANAGER}/Dockerfile#L19`],
  },
  { names: ['prom/node-exporter', 'prometheus/node-exporter'], paths: [], user: 'nobody', sources: [`${NODE_EXPORTER}/Dockerfile#L20`] },
  {
    names: ['grafana/grafana', 'grafana/grafana-oss', 'grafana/grafana-enterprise'],
    paths: [
      w('/var/lib/grafana', 'data', { note: 'the database and plugins (GF_PATHS_DATA, GF_PATHS_PLUGINS)' }),
      w('/var/log/grafana', 'logs', { note: 'GF_PATHS_LOGS' }),
    ],
    contents: [{ path: '/etc/grafana', what: 'grafana.ini and the provisioning folder (GF_PATHS_CONFIG, GF_PATHS_PROVISIONING)' }],
    sources: ['https://grafana.com/docs/grafana/v8.5/administration/configure-docker/', 'https://grafana.com/docs/v5.3/installation/docker/'],
  },
  {
    names: ['grafana/loki'],
    paths: [w('/loki', 'data', { note: 'the path_prefix of the default local-config.yaml' })],
    contents: [{ path: '/etc/loki', what: 'local-config.yaml' }],
    user: '10001 (loki)',
    sources: [`${GH}/grafana/loki/blob/0230065a10abdce767a9c3b84a9e43cdf61a1b87/cmd/loki/Dockerfile (mkdir -p /loki/rules /loki/rules-temp; USER 10001)`],
  },
  {
    names: ['otel/opentelemetry-collector', 'open-telemetry/opentelemetry-collector-releases/opentelemetry-collector'],
    paths: [],
    contents: [{ path: '/etc/otelcol', what: 'the default config.yaml' }],
    user: '10001',
    sources: [`${OTEL}/otelcol/Dockerfile#L8`, `${OTEL}/otelcol/Dockerfile#L12`],
  },
  {
    names: ['otel/opentelemetry-collector-contrib', 'open-telemetry/opentelemetry-collector-releases/opentelemetry-collector-contrib'],
    paths: [],
    contents: [{ path: '/etc/otelcol-contrib', what: 'the default config.yaml' }],
    user: '10001',
    sources: [`${OTEL}/otelcol-contrib/Dockerfile#L8`, `${OTEL}/otelcol-contrib/Dockerfile#L12`],
  },
  {
    names: ['grafana/tempo'],
    paths: [w('/var/tempo', 'data', { note: 'created for uid 10001 by the image; the wal and blocks paths of the example configurations' })],
    user: '10001 (tempo)',
    sources: [`${TEMPO}/cmd/tempo/Dockerfile#L18`, `${TEMPO}/cmd/tempo/Dockerfile#L20`, `${TEMPO}/example/docker-compose/single-binary/tempo.yaml#L39`],
  },
  {
    names: ['jaegertracing/jaeger'],
    paths: [w('/tmp', 'tmp', vol)],
    volumes: ['/tmp'],
    user: '10001',
    sources: [`${JAEGER}/cmd/jaeger/Dockerfile#L48`, `${JAEGER}/cmd/jaeger/Dockerfile#L50`, `${JAEGER}/cmd/jaeger/Dockerfile#L11`],
  },
  {
    names: ['jaegertracing/all-in-one'],
    paths: [w('/tmp', 'tmp', vol)],
    volumes: ['/tmp'],
    user: '10001',
    sources: [`${JAEGER_V1}/cmd/all-in-one/Dockerfile#L35`, `${JAEGER_V1}/cmd/all-in-one/Dockerfile#L37`, `${JAEGER_V1}/cmd/all-in-one/Dockerfile#L9`],
  },
  {
    names: ['fluent/fluentd'],
    paths: [w('/fluentd/log', 'logs')],
    contents: [{ path: '/fluentd/etc', what: 'fluent.conf' }],
    user: 'fluent',
    sources: [`${FLUENTD}/Dockerfile#L50`, `${FLUENTD}/Dockerfile#L52`, `${FLUENTD}/Dockerfile#L65`],
  },

  // --- Kubernetes add-ons (their own manifests run them read-only) --------------------------
  {
    names: ['registry.k8s.io/kube-state-metrics/kube-state-metrics'],
    paths: [],
    user: 'nobody',
    sources: [`${KSM}/examples/standard/deployment.yaml#L48`, `${KSM}/Dockerfile#L14`],
  },
  {
    names: ['coredns/coredns'],
    paths: [],
    contents: [{ path: '/etc/coredns', what: "the Corefile (a configMap in kubeadm's manifest)" }],
    sources: [
      `${GH}/kubernetes/kubernetes/blob/008b3652959ca58af8be3fb5b6ecfe9ae7638282/cmd/kubeadm/app/phases/addons/dns/manifests.go (readOnlyRootFilesystem: true, only /etc/coredns mounted)`,
    ],
  },
  {
    names: ['registry.k8s.io/metrics-server/metrics-server'],
    paths: [w('/tmp', 'tmp')],
    sources: [`${METRICS_SERVER}/manifests/base/deployment.yaml#L64`],
  },
  {
    names: ['registry.k8s.io/external-dns/external-dns'],
    paths: [],
    user: '65532',
    sources: [`${EXTERNAL_DNS}/charts/external-dns/values.yaml#L128`],
  },
  {
    names: ['jetstack/cert-manager-controller', 'jetstack/cert-manager-webhook', 'jetstack/cert-manager-cainjector', 'jetstack/cert-manager-startupapicheck'],
    paths: [],
    sources: [`${CERT_MANAGER}/deploy/charts/cert-manager/values.yaml#L437`],
  },

  // --- Bitnami images: /opt/bitnami/<app>/{conf,tmp,logs}, data under /bitnami/<app> ------------
  {
    names: ['bitnami/postgresql'],
    paths: [
      w('/bitnami/postgresql', 'data', vol),
      w('/tmp', 'tmp'),
      w('/opt/bitnami/postgresql/conf', 'config', { note: 'the entrypoint copies the defaults from conf.default into it' }),
      w('/opt/bitnami/postgresql/tmp', 'run', { note: 'pid file and the .initialized marker' }),
    ],
    volumes: ['/bitnami/postgresql', '/docker-entrypoint-initdb.d', '/docker-entrypoint-preinitdb.d'],
    contents: [{ path: '/opt/bitnami/postgresql/logs', what: 'postgresql.log as a symbolic link to stdout' }],
    user: '1001',
    home: '/',
    sources: [
      `${BITNAMI_CHARTS}/postgresql/templates/primary/statefulset.yaml#L467`,
      `${BITNAMI}/postgresql/17/debian-12/Dockerfile (VOLUME [ "/bitnami/postgresql", ...]; USER 1001)`,
      `${GH}/bitnami/containers/blob/4a136e150c68cb364f100421bece11fd5d08d33d/bitnami/postgresql/17/debian-12/rootfs/opt/bitnami/scripts/postgresql/postunpack.sh`,
    ],
  },
  {
    names: ['bitnami/mysql'],
    paths: [w('/bitnami/mysql', 'data'), w('/tmp', 'tmp'), w('/opt/bitnami/mysql/conf', 'config'), w('/opt/bitnami/mysql/tmp', 'run')],
    contents: [{ path: '/opt/bitnami/mysql/logs', what: 'log files as symbolic links to stdout (the chart copies them into its emptyDir first)' }],
    user: '1001',
    sources: [`${BITNAMI_CHARTS}/mysql/templates/primary/statefulset.yaml#L311`, `${BITNAMI_CHARTS}/mysql/templates/primary/statefulset.yaml#L89`],
  },
  {
    names: ['bitnami/mongodb'],
    paths: [
      w('/bitnami/mongodb', 'data'),
      w('/tmp', 'tmp'),
      w('/opt/bitnami/mongodb/conf', 'config'),
      w('/opt/bitnami/mongodb/tmp', 'run'),
      w('/opt/bitnami/mongodb/logs', 'logs'),
    ],
    user: '1001',
    sources: [`${BITNAMI_CHARTS}/mongodb/templates/standalone/dep-sts.yaml#L307`, `${BITNAMI_CHARTS}/mongodb/values.yaml#L1347`],
  },
  {
    names: ['bitnami/redis'],
    paths: [w('/data', 'data', { note: "the chart's default persistence path" }), w('/tmp', 'tmp'), w('/opt/bitnami/redis/etc', 'config')],
    user: '1001',
    sources: [`${BITNAMI_CHARTS}/redis/templates/master/application.yaml#L263`],
  },
  {
    names: ['bitnami/rabbitmq'],
    paths: [
      w('/tmp', 'tmp'),
      w('/opt/bitnami/rabbitmq/etc/rabbitmq', 'config'),
      w('/opt/bitnami/rabbitmq/var/lib/rabbitmq', 'run'),
      w('/opt/bitnami/rabbitmq/.rabbitmq', 'config', { note: 'the Erlang cookie' }),
      w('/opt/bitnami/rabbitmq/.rabbitmq/mnesia', 'data', { note: "the chart's default persistence path" }),
      w('/opt/bitnami/rabbitmq/var/log/rabbitmq', 'logs'),
    ],
    contents: [{ path: '/opt/bitnami/rabbitmq/plugins', what: 'the plugins (the chart copies them into its emptyDir with an init container)' }],
    user: '1001',
    sources: [
      `${BITNAMI_CHARTS}/rabbitmq/templates/statefulset.yaml#L382`,
      `${BITNAMI_CHARTS}/rabbitmq/templates/statefulset.yaml#L156`,
      `${BITNAMI_CHARTS}/rabbitmq/values.yaml#L1001`,
    ],
  },

  // --- Machine learning serving -----------------------------------------------------------
  {
    names: ['vllm/vllm-openai'],
    paths: [w('/root/.cache/huggingface', 'cache', { note: 'downloaded model weights (HF_HOME default)' })],
    user: 'root',
    home: '/root',
    sources: ['https://docs.vllm.ai/en/stable/deployment/docker/'],
  },

  {
    names: ['huggingface/text-generation-inference'],
    paths: [w('/data', 'cache', { note: 'downloaded model weights (the README shares a volume there)' })],
    caveats: ['For tensor parallelism over NCCL the README mounts an emptyDir with medium Memory at /dev/shm (1Gi).'],
    sources: [`${GH}/huggingface/text-generation-inference/blob/01b82b58d2a94ceeedb7a29b98b00f0a7eda8de6/README.md#docker`],
  },

  // --- Base images: the paths depend on the command, so they stay a guess ---------------------
  { names: ['busybox'], base: true, paths: [], user: 'root', home: '/root', sources: [`${OFFICIAL}/busybox`] },
  { names: ['alpine'], base: true, paths: [], user: 'root', home: '/root', sources: [`${OFFICIAL}/alpine`] },
  { names: ['debian'], base: true, paths: [], user: 'root', home: '/root', sources: [`${OFFICIAL}/debian`] },
  { names: ['ubuntu'], base: true, paths: [], user: 'root', home: '/root', sources: [`${OFFICIAL}/ubuntu`] },
  { names: ['bash'], base: true, paths: [], user: 'root', home: '/root', sources: [`${OFFICIAL}/bash`] },
  {
    names: ['python'],
    base: true,
    paths: [],
    user: 'root',
    home: '/root',
    sources: [`${GH}/docker-library/python/blob/4f07059567fa61c80397126e8063dbbde011b794/3.14/trixie/Dockerfile`, `${OFFICIAL}/python`],
  },
  {
    names: ['node'],
    base: true,
    paths: [],
    user: 'root (a node user, uid 1000, exists)',
    home: '/root',
    sources: [`${GH}/nodejs/docker-node/blob/f27d936f7d7ccdeec25cd2de33584c1a841f561d/26/trixie/Dockerfile#L4`, `${OFFICIAL}/node`],
  },
  {
    names: ['golang'],
    base: true,
    paths: [],
    user: 'root',
    home: '/root',
    caveats: ['GOPATH is /go (the working directory): `go build` or `go run` in the container writes the module and build caches under /go and $HOME/.cache.'],
    sources: [`${GH}/docker-library/golang/blob/7c8c182bfc19ee3169d0596ae63917d2c7166f94/tip/trixie/Dockerfile#L135`, `${OFFICIAL}/golang`],
  },
  {
    names: ['ruby'],
    base: true,
    paths: [],
    user: 'root',
    home: '/root',
    caveats: ['GEM_HOME is /usr/local/bundle: installing gems at run time writes there.'],
    sources: [`${GH}/docker-library/ruby/blob/d55e25ae709885250a4e9718c27a09f1e963ca79/4.0/trixie/Dockerfile#L102`, `${OFFICIAL}/ruby`],
  },
  {
    names: ['php'],
    base: true,
    paths: [],
    user: 'root',
    home: '/root',
    sources: [`${GH}/docker-library/php/blob/445bf414f1d5866f7aef715f1203eae043710070/8.5/trixie/zts/Dockerfile`, `${OFFICIAL}/php`],
  },
  {
    names: [
      'gcr.io/distroless/static',
      'gcr.io/distroless/static-debian12',
      'gcr.io/distroless/static-debian13',
      'gcr.io/distroless/base',
      'gcr.io/distroless/base-debian12',
      'gcr.io/distroless/base-debian13',
      'gcr.io/distroless/base-nossl-debian12',
      'gcr.io/distroless/base-nossl-debian13',
      'gcr.io/distroless/cc',
      'gcr.io/distroless/cc-debian12',
      'gcr.io/distroless/cc-debian13',
    ],
    base: true,
    paths: [],
    user: 'root (uid 65532, nonroot, in the nonroot tags)',
    home: '/root (/home/nonroot for nonroot)',
    sources: [`${DISTROLESS}/README.md#L38`, `${DISTROLESS}/common/variables.bzl#L18`],
  },
];
