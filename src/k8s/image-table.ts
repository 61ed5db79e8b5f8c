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
   * True when the image declares the path a `VOLUME`: containerd and CRI-O (by default) give it an
   * anonymous writable volume even under `readOnlyRootFilesystem`, emptied with each new container.
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
  caveats?: readonly string[];
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
const NGINX = `${GH}/nginxinc/docker-nginx/blob/b430becb8f0f6b8d69e68cc73a82ea2873c38639/mainline/debian`;
const NGINX_UNPRIV = `${GH}/nginx/docker-nginx-unprivileged/blob/e26803b6ff7ca01455284231c59f20cb5e3ae82e/mainline/debian`;
const REDIS = `${GH}/docker-library/redis/blob/e92049967d6baa9b4b3d6fd950553e6458e61f13/7.2/debian`;
const PG = `${GH}/docker-library/postgres/blob/6edb0a8c4def40c371514b34aef9037ec82d9110`;
const MYSQL = `${GH}/docker-library/mysql/blob/7f30fdb0738041fc5125e8218e393e0a891243e9/8.4`;
const MONGO = `${GH}/docker-library/mongo/blob/2c69a57b939afb99266e8f97258adb178e9559e0/8.0`;
const HTTPD = `${GH}/docker-library/httpd/blob/9b63b37c9be3b42d16b924ebb40af3cc40793119/2.4`;
const RABBITMQ = `${GH}/docker-library/rabbitmq/blob/9193c1de6d32046e0c1132841a7a4995b0dc32e0/4.1/ubuntu`;
const WORDPRESS = `${GH}/docker-library/wordpress/blob/bf223d1c2087b0b2c3b86eefa830fe4bbc2bce07/latest/php8.3/apache`;

const JVMS = ['eclipse-temurin', 'openjdk', 'amazoncorretto', 'ibm-semeru-runtimes', 'ibmjava', 'sapmachine'];

/** The table. Order is the documentation order (docs/known-images.md). */
export const IMAGE_TABLE: readonly ImageEntry[] = [
  {
    names: ['nginx'],
    paths: [w('/var/cache/nginx', 'cache'), w('/var/run', 'run', { note: 'nginx.pid' })],
    user: 'root (worker processes run as nginx, uid 101)',
    home: '/nonexistent',
    sources: [`${DOCS}/nginx/content.md#L124`, `${NGINX}/Dockerfile#L19`],
  },
  {
    names: ['nginxinc/nginx-unprivileged', 'nginx/nginx-unprivileged'],
    paths: [w('/tmp', 'tmp', { note: 'nginx.pid and the proxy, client body, fastcgi, uwsgi and scgi temp paths' })],
    user: '101 (nginx)',
    home: '/nonexistent',
    sources: [`${NGINX_UNPRIV}/Dockerfile#L142`, `${NGINX_UNPRIV}/Dockerfile#L161`],
  },
  {
    names: ['httpd'],
    paths: [w('/usr/local/apache2/logs', 'logs', { note: 'httpd.pid (access and error logs go to stdout/stderr)' })],
    user: 'root (children run as www-data)',
    sources: [`${HTTPD}/Dockerfile#L6`, `${HTTPD}/Dockerfile#L200`],
  },
  {
    names: ['redis'],
    paths: [w('/data', 'data', vol)],
    volumes: ['/data'],
    user: 'root, then redis (uid 999) via the entrypoint',
    sources: [`${REDIS}/Dockerfile#L143`, `${REDIS}/Dockerfile#L12`, `${REDIS}/docker-entrypoint.sh#L13`],
  },
  {
    names: ['postgres'],
    max: [18],
    paths: [w('/var/lib/postgresql/data', 'data', vol), w('/var/run/postgresql', 'run', { note: 'the Unix socket and lock file' })],
    volumes: ['/var/lib/postgresql/data'],
    user: 'root, then postgres (uid 999) via the entrypoint',
    home: '/var/lib/postgresql',
    sources: [`${PG}/17/bookworm/Dockerfile#L187`, `${PG}/17/bookworm/Dockerfile#L182`, `${PG}/17/bookworm/Dockerfile#L13`, `${PG}/17/bookworm/docker-entrypoint.sh#L338`],
  },
  {
    names: ['postgres'],
    min: [18],
    latest: true,
    paths: [w('/var/lib/postgresql', 'data', vol), w('/var/run/postgresql', 'run', { note: 'the Unix socket and lock file' })],
    volumes: ['/var/lib/postgresql'],
    user: 'root, then postgres (uid 999) via the entrypoint',
    home: '/var/lib/postgresql',
    sources: [`${PG}/18/trixie/Dockerfile#L192`, `${PG}/18/trixie/Dockerfile#L186`, `${PG}/18/trixie/Dockerfile#L13`],
  },
  {
    names: ['mysql'],
    paths: [w('/var/lib/mysql', 'data', vol), w('/var/run/mysqld', 'run', { note: 'the socket and lock files' })],
    volumes: ['/var/lib/mysql'],
    user: 'root, then mysql (uid 999) via the entrypoint',
    home: '/var/lib/mysql',
    sources: [`${MYSQL}/Dockerfile.oracle#L117`, `${MYSQL}/Dockerfile.oracle#L89`, `${MYSQL}/Dockerfile.oracle#L11`, `${MYSQL}/docker-entrypoint.sh#L380`],
  },
  {
    names: ['mongo'],
    paths: [w('/data/db', 'data', vol), w('/data/configdb', 'data', vol), w('/tmp', 'tmp', { note: 'the mongod socket' })],
    volumes: ['/data/db', '/data/configdb'],
    user: 'root, then mongodb (uid 999) via the entrypoint',
    home: '/data/db',
    sources: [`${MONGO}/Dockerfile#L111`, `${MONGO}/Dockerfile#L115`, `${MONGO}/Dockerfile#L12`, `${MONGO}/docker-entrypoint.sh#L22`],
  },
  {
    names: ['rabbitmq'],
    paths: [w('/var/lib/rabbitmq', 'data', vol), w('/var/log/rabbitmq', 'logs'), w('/tmp', 'tmp')],
    volumes: ['/var/lib/rabbitmq'],
    contents: [{ path: '/etc/rabbitmq', what: 'enabled_plugins (rabbitmq_prometheus, and rabbitmq_management in the management tags) and conf.d/10-defaults.conf' }],
    user: 'root, then rabbitmq (uid 999) via the entrypoint',
    home: '/var/lib/rabbitmq',
    sources: [`${RABBITMQ}/Dockerfile#L230`, `${RABBITMQ}/Dockerfile#L310`, `${RABBITMQ}/Dockerfile#L302`, `${RABBITMQ}/Dockerfile#L321`, `${RABBITMQ}/Dockerfile#L308`],
  },
  {
    names: ['wordpress'],
    paths: [w('/tmp', 'tmp'), w('/run', 'run'), w('/var/www/html/wp-content/uploads', 'data')],
    volumes: ['/var/www/html'],
    user: 'root (Apache children run as www-data)',
    caveats: ['/var/www/html is a declared VOLUME that the entrypoint fills with WordPress on first start.'],
    sources: [`${DOCS}/wordpress/content.md#L91`, `${WORDPRESS}/Dockerfile#L168`],
  },
  { names: ['jetty'], paths: [w('/tmp/jetty', 'tmp'), w('/run/jetty', 'run')], sources: [`${DOCS}/jetty/content.md#L76`] },
  { names: JVMS, paths: [w('/tmp', 'tmp', { note: 'java.io.tmpdir, hsperfdata, the truststore built from mounted certificates' })], sources: [`${DOCS}/eclipse-temurin/content.md#L29`] },
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
];
