import { parseImageReference, tagVersion } from './image.js';

/** Why an image writes to a path. `data` paths hold state that belongs on a PersistentVolumeClaim. */
export type WritablePurpose = 'cache' | 'run' | 'tmp' | 'logs' | 'config' | 'data';

/** One path an image must be able to write under a read-only root filesystem. */
export interface WritablePath {
  /** Absolute path in the container. */
  path: string;
  purpose: WritablePurpose;
}

/** The writable paths of an image: known from the table, or `/tmp` as a stated guess. */
export interface ImageWritablePaths {
  /** The table entry's name (e.g. `nginx`), or undefined for a guess. */
  image: string | undefined;
  paths: WritablePath[];
  /** True when the image is unknown and `/tmp` is only a guess. */
  guess: boolean;
  /** Where the entry comes from (a docs page or Dockerfile). */
  source: string;
}

interface Entry {
  names: readonly string[];
  /** Applies when the tag's version is within [min, max) (inclusive min); unknown versions use `latest`. */
  min?: number[];
  max?: number[];
  /** Entry used for `latest`, a missing tag, a digest-only reference or a tag without a version. */
  latest?: boolean;
  paths: readonly WritablePath[];
  source: string;
}

const JVMS = ['eclipse-temurin', 'openjdk', 'amazoncorretto', 'ibm-semeru-runtimes', 'ibmjava', 'sapmachine'];

/**
 * Paths official images write to. Source: KNOWLEDGE.md's table, itself from the docker-library
 * Dockerfiles and docs of each image and the nginx/docker-nginx-unprivileged README.
 */
const TABLE: readonly Entry[] = [
  { names: ['nginx'], paths: [{ path: '/var/cache/nginx', purpose: 'cache' }, { path: '/var/run', purpose: 'run' }], source: 'docker-library docs (nginx)' },
  { names: ['nginxinc/nginx-unprivileged', 'nginx/nginx-unprivileged'], paths: [{ path: '/tmp', purpose: 'tmp' }], source: 'nginx/docker-nginx-unprivileged README' },
  { names: ['redis'], paths: [{ path: '/data', purpose: 'data' }], source: 'docker-library/redis Dockerfile' },
  {
    names: ['postgres'],
    max: [18],
    paths: [{ path: '/var/lib/postgresql/data', purpose: 'data' }, { path: '/var/run/postgresql', purpose: 'run' }],
    source: 'docker-library/postgres Dockerfile (PGDATA up to 17)',
  },
  {
    names: ['postgres'],
    min: [18],
    latest: true,
    paths: [{ path: '/var/lib/postgresql', purpose: 'data' }, { path: '/var/run/postgresql', purpose: 'run' }],
    source: 'docker-library docs (postgres 18 and later)',
  },
  { names: ['mysql'], paths: [{ path: '/var/lib/mysql', purpose: 'data' }, { path: '/var/run/mysqld', purpose: 'run' }], source: 'docker-library/mysql Dockerfile' },
  {
    names: ['mongo'],
    paths: [{ path: '/data/db', purpose: 'data' }, { path: '/data/configdb', purpose: 'data' }, { path: '/tmp', purpose: 'tmp' }],
    source: 'docker-library/mongo Dockerfile and entrypoint',
  },
  { names: ['httpd'], paths: [{ path: '/usr/local/apache2/logs', purpose: 'logs' }], source: 'docker-library docs (httpd)' },
  {
    names: ['rabbitmq'],
    paths: [
      { path: '/var/lib/rabbitmq', purpose: 'data' },
      { path: '/etc/rabbitmq', purpose: 'config' },
      { path: '/var/log/rabbitmq', purpose: 'logs' },
      { path: '/tmp', purpose: 'tmp' },
    ],
    source: 'docker-library/rabbitmq Dockerfile',
  },
  {
    names: ['wordpress'],
    paths: [{ path: '/tmp', purpose: 'tmp' }, { path: '/run', purpose: 'run' }, { path: '/var/www/html/wp-content/uploads', purpose: 'data' }],
    source: 'docker-library docs (wordpress)',
  },
  { names: ['jetty'], paths: [{ path: '/tmp/jetty', purpose: 'tmp' }, { path: '/run/jetty', purpose: 'run' }], source: 'docker-library docs (jetty)' },
  { names: JVMS, paths: [{ path: '/tmp', purpose: 'tmp' }], source: 'docker-library docs (eclipse-temurin)' },
  {
    names: ['open-liberty'],
    paths: [{ path: '/opt/ol/wlp/output', purpose: 'run' }, { path: '/logs', purpose: 'logs' }],
    source: 'docker-library docs (open-liberty)',
  },
  {
    names: ['websphere-liberty'],
    paths: [{ path: '/opt/ibm/wlp/output', purpose: 'run' }, { path: '/logs', purpose: 'logs' }],
    source: 'docker-library docs (websphere-liberty)',
  },
];

/** Extra nginx path: `/etc/nginx/conf.d` is written only when templates are used (`/etc/nginx/templates`). */
const NGINX_TEMPLATES = '/etc/nginx/templates';

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The paths an image writes to, from the table of official images (matched with or without
 * registry, tag or digest), or `/tmp` as a guess for an unknown image. `mountPaths` are the
 * container's current mount paths (used for nginx's templates → `/etc/nginx/conf.d`).
 */
export function writablePathsFor(image: string | undefined, mountPaths: readonly string[] = []): ImageWritablePaths {
  const ref = parseImageReference(image ?? '');
  const name = ref.officialName ?? ref.repository;
  const version = tagVersion(ref.tag);
  const candidates = TABLE.filter((e) => e.names.includes(name));
  let entry: Entry | undefined;
  if (candidates.length === 1) entry = candidates[0];
  else if (candidates.length > 1) {
    entry = version
      ? candidates.find((e) => (!e.min || compare(version, e.min) >= 0) && (!e.max || compare(version, e.max) < 0))
      : candidates.find((e) => e.latest);
    entry ??= candidates.find((e) => e.latest) ?? candidates[0];
  }
  if (!entry) return { image: undefined, paths: [{ path: '/tmp', purpose: 'tmp' }], guess: true, source: 'guess for an unknown image' };
  const paths = [...entry.paths];
  if (name === 'nginx' && mountPaths.some((p) => normalisePath(p) === NGINX_TEMPLATES)) {
    paths.push({ path: '/etc/nginx/conf.d', purpose: 'config' });
  }
  return { image: entry.names[0], paths, guess: false, source: entry.source };
}

/** Normalise a mount path: no trailing slash, `//` collapsed. */
export function normalisePath(p: string): string {
  const s = p.replace(/\/+/g, '/');
  return s.length > 1 ? s.replace(/\/$/, '') : s;
}

/** `/var/run` is a symlink to `/run` in Debian and Alpine images: a mount on either covers both. */
const EQUIVALENT_PREFIXES: readonly [string, string][] = [['/var/run', '/run']];

/**
 * True when a writable mount at `mountPath` makes `path` writable: the same path, an ancestor,
 * or the other side of the `/var/run` ↔ `/run` symlink.
 */
export function mountCovers(mountPath: string, path: string): boolean {
  const m = normalisePath(mountPath);
  const variants = [normalisePath(path)];
  for (const [a, b] of EQUIVALENT_PREFIXES) {
    for (const v of [...variants]) {
      if (v === a || v.startsWith(a + '/')) variants.push(b + v.slice(a.length));
      if (v === b || v.startsWith(b + '/')) variants.push(a + v.slice(b.length));
    }
  }
  return variants.some((v) => m === '/' || v === m || v.startsWith(m + '/'));
}
