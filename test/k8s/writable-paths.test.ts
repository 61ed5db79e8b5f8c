import {
  allocateVolumeName,
  derivedEntry,
  mountablePath,
  IMAGE_TABLE,
  imageEntryFor,
  imageLookupNames,
  mountCovers,
  normalisePath,
  versionInRange,
  writablePathHints,
  writablePathsFor,
  type InspectedImageConfig,
} from '../../src/k8s/index.js';

const paths = (image: string | undefined, mounts: string[] = []) => writablePathsFor(image, mounts).paths.map((p) => p.path);

describe('writablePathsFor', () => {
  it('knows the official images with or without registry, tag or digest', () => {
    for (const ref of ['nginx', 'nginx:1.27-alpine', 'docker.io/library/nginx', `nginx@sha256:${'c'.repeat(64)}`]) {
      expect(paths(ref)).toEqual(['/var/cache/nginx', '/var/run']);
    }
    expect(paths('nginxinc/nginx-unprivileged:1.27')).toEqual(['/tmp']);
    expect(paths('redis:7')).toEqual(['/data']);
    expect(paths('eclipse-temurin:21-jre')).toEqual(['/tmp']);
  });

  it('chooses postgres paths by major version; latest and untagged are 18+', () => {
    expect(paths('postgres:17.2')).toEqual(['/var/lib/postgresql/data', '/var/run/postgresql']);
    expect(paths('postgres:18')).toEqual(['/var/lib/postgresql', '/var/run/postgresql']);
    expect(paths('postgres')).toEqual(['/var/lib/postgresql', '/var/run/postgresql']);
    expect(paths('postgres:latest')).toEqual(['/var/lib/postgresql', '/var/run/postgresql']);
  });

  it('adds /etc/nginx/conf.d only when templates are mounted', () => {
    expect(paths('nginx', ['/etc/nginx/templates/'])).toContain('/etc/nginx/conf.d');
  });

  it('guesses /tmp for an unknown image and says so', () => {
    const r = writablePathsFor('ghcr.io/acme/app:1');
    expect(r.guess).toBe(true);
    expect(r.paths.map((p) => p.path)).toEqual(['/tmp']);
    expect(writablePathsFor('bitnami/nginx').guess).toBe(true);
  });

  it('marks database data directories as data', () => {
    expect(writablePathsFor('mysql:8').paths.find((p) => p.path === '/var/lib/mysql')?.purpose).toBe('data');
  });
});

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('matching an image reference to the table', () => {
  it.each([
    // official images, their Docker Hub spellings and mirrors
    ['redis:7', 'redis'],
    ['docker.io/library/redis:7.4-alpine', 'redis'],
    ['index.docker.io/library/mariadb:11', 'mariadb'],
    ['mirror.gcr.io/library/mariadb:11', 'mariadb'],
    ['public.ecr.aws/docker/library/cassandra:5', 'cassandra'],
    [`mongo@${DIGEST}`, 'mongo'],
    [`mongo:8.0@${DIGEST}`, 'mongo'],
    ['library/rabbitmq:4-management', 'rabbitmq'],
    // repository paths on any registry
    ['docker.io/bitnami/postgresql:17.2.0-debian-12-r8', 'bitnami/postgresql'],
    ['public.ecr.aws/bitnami/redis:7.4', 'bitnami/redis'],
    ['quay.io/keycloak/keycloak:26.1', 'keycloak/keycloak'],
    ['quay.io/argoproj/argocd:v2.13.2', 'argoproj/argocd'],
    ['quay.io/prometheus/prometheus:v3.1.0', 'prom/prometheus'],
    ['prom/prometheus', 'prom/prometheus'],
    ['ghcr.io/open-telemetry/opentelemetry-collector-releases/opentelemetry-collector-contrib:0.117.0', 'otel/opentelemetry-collector-contrib'],
    ['quay.io/jetstack/cert-manager-webhook:v1.16.2', 'jetstack/cert-manager-controller'],
    ['ghcr.io/nginxinc/nginx-unprivileged:1.27', 'nginxinc/nginx-unprivileged'],
    ['grafana/grafana-oss:11.4.0', 'grafana/grafana'],
    ['ghcr.io/huggingface/text-generation-inference:3.0.1', 'huggingface/text-generation-inference'],
    ['registry.k8s.io/coredns/coredns:v1.11.3', 'coredns/coredns'],
    ['vllm/vllm-openai:v0.7.0', 'vllm/vllm-openai'],
    // registry-qualified names
    [`registry.k8s.io/ingress-nginx/controller:v1.12.0@${DIGEST}`, 'registry.k8s.io/ingress-nginx/controller'],
    ['registry.k8s.io/metrics-server/metrics-server:v0.7.2', 'registry.k8s.io/metrics-server/metrics-server'],
    // proxies, service mesh and stores
    ['traefik:v3.7', 'traefik'],
    ['docker.io/library/traefik:3.7-alpine', 'traefik'],
    ['hashicorp/consul:1.20', 'hashicorp/consul'],
    ['docker.io/hashicorp/vault:1.18', 'hashicorp/vault'],
    ['quay.io/coreos/etcd:v3.5.17', 'quay.io/coreos/etcd'],
    [`gcr.io/etcd-development/etcd:v3.6.0@${DIGEST}`, 'quay.io/coreos/etcd'],
    // search and log pipelines: the official image and Elastic's registry
    ['elasticsearch:8.17.0', 'elasticsearch'],
    ['docker.elastic.co/elasticsearch/elasticsearch:9.2.4', 'elasticsearch'],
    ['opensearchproject/opensearch:3', 'opensearchproject/opensearch'],
    ['kibana:9.2.4', 'kibana'],
    ['docker.elastic.co/kibana/kibana:8.17.0', 'kibana'],
    ['docker.elastic.co/logstash/logstash:9.2.4', 'logstash'],
    ['confluentinc/cp-kafka:8.0.0', 'confluentinc/cp-kafka'],
    ['apache/kafka:3.9.0', 'apache/kafka'],
    // tracing
    ['grafana/tempo:2.7.0', 'grafana/tempo'],
    ['jaegertracing/all-in-one:1.65.0', 'jaegertracing/all-in-one'],
    ['cr.jaegertracing.io/jaegertracing/jaeger:2.2.0', 'jaegertracing/jaeger'],
    // version ranges
    ['influxdb:1.11-alpine', 'influxdb'],
    ['influxdb:2.7', 'influxdb'],
  ])('%s → %s', (ref, name) => {
    const r = writablePathsFor(ref);
    expect(r.guess).toBe(false);
    expect(r.image).toBe(name);
    expect(r.sources.length).toBeGreaterThan(0);
    expect(r.source).toBe(r.sources[0]);
  });

  it.each([
    ['ghcr.io/acme/app:1'],
    ['example.com/ingress-nginx/controller:v1.12.0'], // the qualified name matches on registry.k8s.io only
    ['registry.example.com/library/redis:7'], // not Docker Hub: library/ is an ordinary path there
    ['influxdb:3-core'], // a version no entry covers
    ['registry.k8s.io/etcd:3.5.16-0'], // Kubernetes' own etcd image is another build: not listed
    ['example.com/coreos/etcd:v3.5.17'], // the etcd names match on quay.io and gcr.io only
    ['example.com/elasticsearch/elasticsearch:9.2.4'], // nor Elastic's on docker.elastic.co only
    [''],
  ])('%s is unknown: /tmp is a guess', (ref) => {
    const r = writablePathsFor(ref || undefined);
    expect(r).toMatchObject({ image: undefined, guess: true, baseImage: undefined, source: 'guess for an unknown image', sources: [] });
    expect(r.paths.map((p) => p.path)).toEqual(['/tmp']);
  });

  it('chooses influxdb paths by major version; latest and untagged are 2.x', () => {
    expect(paths('influxdb:1.11')).toEqual(['/var/lib/influxdb']);
    expect(paths('influxdb:2.9.1')).toEqual(['/var/lib/influxdb2', '/etc/influxdb2']);
    expect(paths('influxdb')).toEqual(['/var/lib/influxdb2', '/etc/influxdb2']);
    expect(paths(`influxdb@${DIGEST}`)).toEqual(['/var/lib/influxdb2', '/etc/influxdb2']);
  });

  it('takes the latest postgres entry for a digest-only reference', () => {
    expect(paths(`postgres@${DIGEST}`)).toEqual(['/var/lib/postgresql', '/var/run/postgresql']);
    expect(paths(`docker.io/library/postgres:16@${DIGEST}`)).toEqual(['/var/lib/postgresql/data', '/var/run/postgresql']);
  });

  it('keeps base images a guess but tells what is known of them', () => {
    for (const ref of ['busybox', 'busybox:1.36', 'alpine:3.20', 'python:3.12-slim', 'gcr.io/distroless/static-debian12:nonroot']) {
      const r = writablePathsFor(ref);
      expect(r.guess).toBe(true);
      expect(r.image).toBeUndefined();
      expect(r.paths.map((p) => p.path)).toEqual(['/tmp']);
      expect(r.baseImage).toBeDefined();
      expect(r.sources.length).toBeGreaterThan(0);
    }
    expect(writablePathsFor('busybox')).toMatchObject({ baseImage: 'busybox', user: 'root', home: '/root' });
  });

  it('lists the declared volumes and marks the paths the runtime provides', () => {
    const r = writablePathsFor('postgres:17');
    expect(r.volumes).toEqual(['/var/lib/postgresql/data']);
    expect(r.paths.find((p) => p.path === '/var/lib/postgresql/data')?.declaredVolume).toBe(true);
    expect(r.paths.find((p) => p.path === '/var/run/postgresql')?.declaredVolume).toBeUndefined();
    expect(r).toMatchObject({ home: '/var/lib/postgresql' });
  });

  it('never mounts over /etc/rabbitmq: it holds enabled_plugins and conf.d', () => {
    const r = writablePathsFor('rabbitmq:4-management');
    expect(r.paths.map((p) => p.path)).toEqual(['/var/lib/rabbitmq', '/var/log/rabbitmq', '/tmp']);
    expect(r.contents.map((c) => c.path)).toEqual(['/etc/rabbitmq']);
    expect(r.contents[0]!.what).toMatch(/enabled_plugins/);
  });

  it('never mounts over the configuration folders the Elastic, OpenSearch and Kafka images write into', () => {
    for (const [ref, content] of [
      ['docker.elastic.co/elasticsearch/elasticsearch:9.2.4', '/usr/share/elasticsearch/config'],
      ['opensearchproject/opensearch:3', '/usr/share/opensearch/config'],
      ['logstash:9.2.4', '/usr/share/logstash/config'],
      ['confluentinc/cp-kafka:8.0.0', '/etc/kafka'],
    ] as const) {
      const r = writablePathsFor(ref);
      expect({ ref, contents: r.contents.map((c) => c.path) }).toEqual({ ref, contents: expect.arrayContaining([content]) });
      expect(r.paths.map((p) => p.path)).not.toContain(content);
      expect(r.caveats.join(' ')).toContain(content);
    }
    expect(paths('elasticsearch:8.17.0')).toEqual(['/usr/share/elasticsearch/data', '/usr/share/elasticsearch/logs', '/tmp']);
  });

  it('knows the paths of the proxies, stores and tracing images', () => {
    expect(paths('traefik:v3.7')).toEqual(['/data', '/tmp']);
    expect(paths('hashicorp/vault:1.18')).toEqual(['/vault/file', '/vault/logs', '/vault/config']);
    expect(writablePathsFor('hashicorp/vault:1.18').caveats.join(' ')).toMatch(/SKIP_SETCAP/);
    expect(paths('hashicorp/consul:1.20')).toEqual(['/consul/data', '/consul/config']);
    expect(paths('quay.io/coreos/etcd:v3.5.17')).toEqual(['/var/lib/etcd']);
    expect(paths('grafana/tempo:2.7.0')).toEqual(['/var/tempo']);
    expect(writablePathsFor('jaegertracing/jaeger:2.2.0')).toMatchObject({ volumes: ['/tmp'], paths: [{ path: '/tmp', declaredVolume: true }] });
  });

  it('states what paths alone cannot fix', () => {
    const r = writablePathsFor('registry.k8s.io/ingress-nginx/controller:v1.12.0');
    expect(r.paths.map((p) => p.path)).not.toContain('/etc/nginx');
    expect(r.contents.map((c) => c.path)).toContain('/etc/nginx');
    expect(r.caveats.join(' ')).toMatch(/writable copy of \/etc\/nginx/);
  });

  it('knows images that write nothing (their own manifests run them read-only)', () => {
    for (const ref of [
      'registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.14.0',
      'quay.io/jetstack/cert-manager-controller:v1.16.2',
      'prom/node-exporter:v1.8.2',
      'memcached:1.6',
    ]) {
      expect(writablePathsFor(ref)).toMatchObject({ guess: false, paths: [] });
    }
  });

  it('gives the lookup names most specific first', () => {
    expect(imageLookupNames('nginx')).toEqual(['nginx']);
    expect(imageLookupNames('docker.io/library/nginx:1.27')).toEqual(['nginx']);
    expect(imageLookupNames('quay.io/keycloak/keycloak:26')).toEqual(['quay.io/keycloak/keycloak', 'keycloak/keycloak']);
    expect(imageLookupNames('docker.io/bitnami/redis')).toEqual(['bitnami/redis']);
  });
});

describe('the table of known images', () => {
  const looksLikeSource = (s: string) => /^https:\/\/[a-z0-9.-]+\/\S+/.test(s) || /^[\w.-]+\/[\w.-]+ [\w./-]+/.test(s);

  it('holds at least 60 image names', () => {
    expect(IMAGE_TABLE.flatMap((e) => e.names).length).toBeGreaterThanOrEqual(60);
  });

  it('cites a source for every entry', () => {
    for (const e of IMAGE_TABLE) {
      expect({ entry: e.names[0], sources: e.sources.length }).toEqual({ entry: e.names[0], sources: expect.any(Number) });
      expect(e.sources.length).toBeGreaterThan(0);
      for (const s of e.sources) expect({ entry: e.names[0], source: s, ok: looksLikeSource(s) }).toEqual({ entry: e.names[0], source: s, ok: true });
    }
  });

  it('matches no image version to two entries', () => {
    const byName = new Map<string, (typeof IMAGE_TABLE)[number][]>();
    for (const e of IMAGE_TABLE) {
      expect(new Set(e.names).size).toBe(e.names.length);
      for (const n of e.names) byName.set(n, [...(byName.get(n) ?? []), e]);
    }
    for (const [name, entries] of byName) {
      if (entries.length === 1) continue;
      // Several entries for one name: version ranges that do not overlap, and exactly one for `latest`.
      expect({ name, latest: entries.filter((e) => e.latest).length }).toEqual({ name, latest: 1 });
      for (const a of entries) {
        expect({ name, ranged: Boolean(a.min || a.max) }).toEqual({ name, ranged: true });
        for (const b of entries) {
          if (a === b) continue;
          for (const v of [a.min, a.max && [a.max[0]! - 1, 999], [0]].filter((x): x is number[] => Boolean(x))) {
            expect({ name, v, both: versionInRange(a, v) && versionInRange(b, v) }).toEqual({ name, v, both: false });
          }
        }
      }
    }
    // A `latest` entry reaches `latest` through the matcher.
    for (const [name, entries] of byName) if (entries.length > 1) expect(imageEntryFor(`${name}:latest`)).toBe(entries.find((e) => e.latest));
  });

  // Variables many images set, or that come from a base image: never a sign of one particular image.
  const GENERIC_ENV = new Set([
    'PATH',
    'HOME',
    'LANG',
    'LANGUAGE',
    'LC_ALL',
    'TZ',
    'DEBIAN_FRONTEND',
    'LD_LIBRARY_PATH',
    'JAVA_HOME',
    'JAVA_VERSION',
    'JAVA_OPTS',
    'GOSU_VERSION',
    'GPG_KEYS',
    'GOPATH',
    'GOLANG_VERSION',
    'PYTHON_VERSION',
    'NODE_VERSION',
    'YARN_VERSION',
    'PHP_VERSION',
    'PHP_INI_DIR',
    'RUBY_VERSION',
    'GEM_HOME',
    'ELASTIC_CONTAINER',
    'APP_VERSION',
    'BITNAMI_APP_NAME',
  ]);

  it('gives signature ENV names only to images, each name to one image, and never a generic one', () => {
    const owner = new Map<string, string>();
    const sets = new Map<string, string>();
    const signed = IMAGE_TABLE.filter((e) => e.signatureEnv);
    expect(signed.length).toBeGreaterThanOrEqual(10);
    for (const e of signed) {
      const names = e.signatureEnv!;
      const image = e.names[0]!;
      expect({ image, base: Boolean(e.base) }).toEqual({ image, base: false });
      expect(names.length).toBeGreaterThan(0);
      expect(new Set(names).size).toBe(names.length);
      // Every name is cited on a Dockerfile line.
      expect({ image, dockerfileLine: e.sources.some((s) => /Dockerfile[^#\s]*#L\d+$/.test(s)) }).toEqual({ image, dockerfileLine: true });
      // Images sharing names are told apart by the user their own Dockerfiles give (nginx, nginx-unprivileged).
      const who = `${image} (user ${e.signatureUser ?? 'any'})`;
      for (const n of names) {
        expect({ image, n, generic: GENERIC_ENV.has(n) }).toEqual({ image, n, generic: false });
        expect(n).toMatch(/^[A-Z][A-Z0-9_]*$/);
        const key = `${n} ${e.signatureUser ?? '*'}`;
        expect({ key, image: owner.get(key) ?? image }).toEqual({ key, image });
        owner.set(key, image);
        // A name shared with another image needs a user on both sides.
        if (e.signatureUser === undefined)
          expect({ n, who, sharedWith: signed.filter((o) => o.names[0] !== image && o.signatureEnv!.includes(n)).map((o) => o.names[0]) }).toEqual({
            n,
            who,
            sharedWith: [],
          });
      }
      const key = `${[...names].sort().join(' ')} ${e.signatureUser ?? '*'}`;
      expect({ key, image: sets.get(key) ?? image }).toEqual({ key, image });
      sets.set(key, image);
    }
    // No image's signature is contained in another's: a config carrying the larger set would match both.
    for (const a of signed)
      for (const b of signed) {
        if (a.names[0] === b.names[0]) continue;
        if (a.signatureUser !== undefined && b.signatureUser !== undefined && a.signatureUser !== b.signatureUser) continue;
        expect({ a: a.names[0], b: b.names[0], within: a.signatureEnv!.every((n) => b.signatureEnv!.includes(n)) }).toEqual({
          a: a.names[0],
          b: b.names[0],
          within: false,
        });
      }
  });

  it('gives the versions of one image the same signature', () => {
    expect(IMAGE_TABLE.filter((e) => e.names[0] === 'postgres').map((e) => e.signatureEnv)).toEqual([
      ['PG_MAJOR', 'PG_VERSION'],
      ['PG_MAJOR', 'PG_VERSION'],
    ]);
    // nginx and nginx-unprivileged set the same ENV names: told apart by the user (none, USER 101).
    expect([imageEntryFor('nginx')?.signatureUser, imageEntryFor('nginxinc/nginx-unprivileged')?.signatureUser]).toEqual(['root', '101']);
    expect(imageEntryFor('nginx')?.signatureEnv).toEqual(imageEntryFor('nginxinc/nginx-unprivileged')?.signatureEnv);
  });

  it('has absolute, normalised paths, each listed once', () => {
    for (const e of IMAGE_TABLE) {
      const all = [...e.paths.map((p) => p.path), ...(e.volumes ?? []), ...(e.contents ?? []).map((c) => c.path)];
      for (const p of all)
        expect({ entry: e.names[0], p, ok: p.startsWith('/') && normalisePath(p) === p && !/\/\.\.?(\/|$)/.test(p) }).toEqual({
          entry: e.names[0],
          p,
          ok: true,
        });
      const written = e.paths.map((p) => p.path);
      expect(new Set(written).size).toBe(written.length);
      // A path holding image content is never a path to mount an emptyDir on.
      for (const c of e.contents ?? [])
        expect({ entry: e.names[0], content: c.path, written: written.includes(c.path) }).toEqual({ entry: e.names[0], content: c.path, written: false });
      // A path marked declaredVolume is one of the declared volumes.
      for (const p of e.paths.filter((x) => x.declaredVolume)) expect(e.volumes ?? []).toContain(p.path);
      if (e.base) expect(e.paths).toEqual([]);
    }
  });
});

describe('writablePathHints', () => {
  it.each([
    [{ env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }] }, [{ path: '/var/lib/postgresql/data/pgdata', purpose: 'data', env: 'PGDATA' }]],
    [{ env: [{ name: 'HF_HOME', value: '/models/hf/' }] }, [{ path: '/models/hf', purpose: 'cache', env: 'HF_HOME' }]],
    [
      {
        env: [
          { name: 'TRANSFORMERS_CACHE', value: '/cache' },
          { name: 'HUGGINGFACE_HUB_CACHE', value: '/cache' },
        ],
      },
      [{ path: '/cache', purpose: 'cache', env: 'TRANSFORMERS_CACHE' }],
    ],
    [
      {
        env: [
          { name: 'XDG_CACHE_HOME', value: '/home/app/.cache' },
          { name: 'TMPDIR', value: '/scratch' },
        ],
      },
      [
        { path: '/home/app/.cache', purpose: 'cache', env: 'XDG_CACHE_HOME' },
        { path: '/scratch', purpose: 'tmp', env: 'TMPDIR' },
      ],
    ],
    [
      { env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-Xmx512m -Djava.io.tmpdir=/work/tmp -XX:+UseG1GC' }] },
      [{ path: '/work/tmp', purpose: 'tmp', env: 'JAVA_TOOL_OPTIONS' }],
    ],
    [{ env: [{ name: 'JDK_JAVA_OPTIONS', value: '"-Djava.io.tmpdir=/jtmp"' }] }, []], // a quoted whole value is not an option list
    [{ env: [{ name: '_JAVA_OPTIONS', value: "-Djava.io.tmpdir='/jtmp'" }] }, [{ path: '/jtmp', purpose: 'tmp', env: '_JAVA_OPTIONS' }]],
  ])('%j', (facts, expected) => {
    expect(writablePathHints(facts).map(({ path, purpose, env }) => ({ path, purpose, env }))).toEqual(expected);
  });

  it('ignores values it cannot read literally', () => {
    const env = [
      { name: 'PGDATA', value: '$(DATA_ROOT)/pg' }, // expanded by the kubelet from another variable
      { name: 'HF_HOME', value: 'relative/cache' },
      { name: 'TMPDIR', value: '/' },
      { name: 'XDG_CACHE_HOME' }, // valueFrom
      { name: 'TMPDIR', value: 42 },
      { name: 'JAVA_OPTS', value: '-Djava.io.tmpdir=/x' }, // read by start scripts, not by the JVM
      { name: 'HOME', value: '/home/app' },
    ];
    expect(writablePathHints({ env })).toEqual([]);
    expect(writablePathHints({})).toEqual([]);
  });

  it('gives each hint its reason', () => {
    const [h] = writablePathHints({ env: [{ name: 'PGDATA', value: '/pgdata' }] });
    expect(h!.reason).toMatch(/^PGDATA is where PostgreSQL keeps its database cluster\.$/);
  });
});

describe('mountCovers', () => {
  it.each([
    ['/var/run', '/var/run', true],
    ['/var/run/', '/var/run', true],
    ['/var', '/var/run', true],
    ['/run', '/var/run', true],
    ['/var/run', '/run/nginx', true],
    ['/var/cache/nginc', '/var/cache/nginx', false],
    ['/var/cache/nginx/sub', '/var/cache/nginx', false],
    ['/tmpdir', '/tmp', false],
  ])('a mount at %s covers %s: %s', (mount, path, expected) => {
    expect(mountCovers(mount, path)).toBe(expected);
  });
});

describe('allocateVolumeName', () => {
  it('derives DNS labels from paths and avoids collisions', () => {
    const taken = new Set(['tmp']);
    expect(allocateVolumeName('/var/cache/nginx', 'web', taken)).toBe('var-cache-nginx');
    expect(allocateVolumeName('/tmp', 'web', taken)).toBe('web-tmp');
    expect(allocateVolumeName('/tmp', 'web', taken)).toBe('web-tmp-2');
    expect(taken.has('web-tmp-2')).toBe(true);
    const long = allocateVolumeName('/' + 'a'.repeat(100), 'x', new Set());
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
  });
});

describe('derivedEntry: an inspected config matched to the image it is built on', () => {
  const cfg = (c: Partial<InspectedImageConfig>): InspectedImageConfig => ({
    volumes: [],
    user: undefined,
    workingDir: undefined,
    env: {},
    labels: {},
    configDigest: `sha256:${'e'.repeat(64)}`,
    ...c,
  });
  const NGINX_ENV = { NGINX_VERSION: '1.27.4', NJS_VERSION: '0.8.9', PKG_RELEASE: '1~bookworm' };

  it.each([
    ['FROM nginx (no USER)', cfg({ env: NGINX_ENV }), 'nginx'],
    ['FROM nginx-unprivileged (USER 101)', cfg({ env: NGINX_ENV, user: '101' }), 'nginxinc/nginx-unprivileged'],
    ['FROM nginx with its own USER app: neither', cfg({ env: NGINX_ENV, user: 'app' }), undefined],
    ['FROM postgres:17 (PG_MAJOR picks the version)', cfg({ env: { PG_MAJOR: '17', PG_VERSION: '17.2-1' } }), 'postgres <18'],
    ['FROM postgres:18', cfg({ env: { PG_MAJOR: '18', PG_VERSION: '18.0-1' } }), 'postgres 18+'],
    ['VOLUME /data alone: redis or valkey, neither', cfg({ volumes: ['/data'] }), undefined],
    ['VOLUME /data with REDIS_VERSION (an old redis without REDIS_DOWNLOAD_SHA)', cfg({ volumes: ['/data'], env: { REDIS_VERSION: '3.0.7' } }), 'redis'],
    ['a label naming a base image (python) is no answer', cfg({ labels: { 'org.opencontainers.image.base.name': 'python:3.12' } }), undefined],
  ])('%s', (_n, config, expected) => {
    const e = derivedEntry(config);
    const name = e && (e.entry.names[0] === 'postgres' ? `postgres ${e.entry.max ? '<18' : '18+'}` : e.entry.names[0]);
    expect(name).toBe(expected);
  });
});

describe('mountablePath (paths from image configs and env become mounts only when the API server takes them)', () => {
  it.each([
    ['/data', '/data'],
    ['/var/lib//x/', '/var/lib/x'],
    ['/', undefined],
    ['relative/path', undefined],
    ['/a/../etc', undefined],
    ['/a/./b', undefined],
    ['/c:/x', undefined],
    ['/tmp/\u202eevil', undefined],
    ['/tmp/a\nb', undefined],
    [`/${'x'.repeat(1100)}`, undefined],
  ])('%j → %j', (p, expected) => {
    expect(mountablePath(p)).toBe(expected);
  });

  it('a hostile image config cannot make the fix mount over / or climb out', () => {
    const r = writablePathsFor('example.com/x:1', [], {
      volumes: ['/', '/../etc', '/ok'],
      user: undefined,
      workingDir: undefined,
      env: { XDG_CACHE_HOME: '/../../etc', HF_HOME: '/models' },
      labels: { 'org.opencontainers.image.base.name': 'x'.repeat(5000) },
      configDigest: `sha256:${'f'.repeat(64)}`,
    });
    expect(r.paths.map((p) => p.path)).toEqual(['/tmp', '/ok', '/models']);
  });
});
