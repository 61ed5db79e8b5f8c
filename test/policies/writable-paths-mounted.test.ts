import { readFileSync } from 'node:fs';
import { testPolicy } from '../../src/api/testing.js';
import policy from '../../policies/writable-paths-mounted.js';

const seedTypos = readFileSync(new URL('../../examples/seeds/nginx-pod-typos.yaml', import.meta.url), 'utf8');

testPolicy(policy, {
  valid: [
    {
      name: 'the corrected seed: nginx with both emptyDir mounts',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  containers:
  - image: nginx
    name: nginx
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
    - name: cache-volume
      mountPath: /var/cache/nginx
    - name: runtime-volume
      mountPath: /run
  volumes:
  - name: cache-volume
    emptyDir: {}
  - name: runtime-volume
    emptyDir: {}
`,
    },
    {
      name: 'unknown image with a read-only root filesystem is not guessed at',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: ghcr.io/acme/app:1.0
    securityContext:
      readOnlyRootFilesystem: true
`,
    },
    {
      name: 'root filesystem not read-only: left to read-only-root-filesystem',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx
`,
    },
  ],
  invalid: [
    {
      name: 'a declared VOLUME only (redis /data): the message says it depends on the runtime; the remedy is still to mount it',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: cache
spec:
  containers:
  - name: redis
    image: redis:7.2
    securityContext:
      readOnlyRootFilesystem: true
`,
      errors: [
        {
          messageId: 'notMountedVolume',
          line: 10,
          data: {
            container: 'container "redis"',
            image: 'redis',
            paths: '/data',
            mounts:
              'The fix mounts emptyDir volumes at /data, which redis writes to. /data holds data: use a PersistentVolumeClaim there instead of an emptyDir to keep it.',
          },
        },
      ],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: cache
spec:
  containers:
  - name: redis
    image: redis:7.2
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    emptyDir: {}
`,
    },
    {
      name: 'a declared VOLUME next to a path that fails (postgres): "fails" names only the latter, the VOLUME gets the runtime note',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  containers:
  - name: pg
    image: postgres:16
    securityContext:
      readOnlyRootFilesystem: true
`,
      errors: [
        {
          messageId: 'notMounted',
          line: 10,
          data: {
            container: 'container "pg"',
            image: 'postgres',
            paths: '/var/run/postgresql',
            mounts:
              '/var/lib/postgresql/data is not mounted either, but postgres declares it a VOLUME: whether it is writable depends on the container runtime: containerd (by default) mounts a writable anonymous volume there, which Kubernetes does not manage (no size limit, not shown in the pod) and whose data is lost whenever the container restarts; CRI-O (by default) only creates the folder, which stays read-only, so writes fail. The fix mounts emptyDir volumes at /var/lib/postgresql/data, /var/run/postgresql, which postgres writes to. /var/lib/postgresql/data holds data: use a PersistentVolumeClaim there instead of an emptyDir to keep it.',
          },
        },
      ],
    },
    {
      name: 'a declared VOLUME mounted read-only at that path fails whatever the runtime (the mount replaces the image volume)',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: cache
spec:
  containers:
  - name: redis
    image: redis:7.2
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
    - name: seed
      mountPath: /data
  volumes:
  - name: seed
    configMap: {name: seed}
`,
      errors: [
        {
          messageId: 'notMounted',
          line: 11,
          data: {
            container: 'container "redis"',
            image: 'redis',
            paths: '/data',
            mounts: '/data is mounted read-only (volume "seed"), but redis writes there: mount a writable volume there instead (no fix is offered).',
          },
        },
      ],
      output: null,
    },
    {
      name: 'the seed pod: the /var/cache/nginc typo mount is corrected in place',
      code: seedTypos,
      errors: [{ messageId: 'notMounted', line: 12 }],
      output: seedTypos.replace('mountPath: /var/cache/nginc', 'mountPath: /var/cache/nginx'),
    },
    {
      name: 'a read-only configMap mount at /var/cache/nginx is reported without a second mount; a StatefulSet claim covers postgres data',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
      - name: web
        image: nginx:1.25-alpine
        securityContext:
          readOnlyRootFilesystem: true
        volumeMounts:
        - name: conf
          mountPath: /var/cache/nginx
        - name: run
          mountPath: /var/run
      - name: pg
        image: postgres:16
        securityContext:
          readOnlyRootFilesystem: true
        volumeMounts:
        - name: pgdata
          mountPath: /var/lib/postgresql/data
      volumes:
      - name: conf
        configMap:
          name: nginx-conf
      - name: run
        emptyDir: {}
  volumeClaimTemplates:
  - metadata:
      name: pgdata
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 1Gi
`,
      errors: [
        { messageId: 'notMounted', line: 18 },
        { messageId: 'notMounted', line: 27 },
      ],
      output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
      - name: web
        image: nginx:1.25-alpine
        securityContext:
          readOnlyRootFilesystem: true
        volumeMounts:
        - name: conf
          mountPath: /var/cache/nginx
        - name: run
          mountPath: /var/run
      - name: pg
        image: postgres:16
        securityContext:
          readOnlyRootFilesystem: true
        volumeMounts:
        - name: pgdata
          mountPath: /var/lib/postgresql/data
        - name: var-run-postgresql
          mountPath: /var/run/postgresql
      volumes:
      - name: conf
        configMap:
          name: nginx-conf
      - name: run
        emptyDir: {}
      - name: var-run-postgresql
        emptyDir: {}
  volumeClaimTemplates:
  - metadata:
      name: pgdata
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 1Gi
`,
    },
  ],
});

describe('typo detection of mount paths', () => {
  it('does not take a different short name (/app for /tmp) or a shared volume for a typo', async () => {
    const { run } = await import('../../src/engine/index.js');
    const rofs = (await import('../../policies/read-only-root-filesystem.js')).default;
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: javaweb
spec:
  initContainers:
  - name: war
    image: busybox
    command: ["cp", "/sample.war", "/app"]
    volumeMounts:
    - name: app-volume
      mountPath: /app
  containers:
  - name: tomcat
    image: tomcat:9
    volumeMounts:
    - name: app-volume
      mountPath: /usr/local/tomcat/webapps
  volumes:
  - name: app-volume
    emptyDir: {}
`;
    const r = run([{ path: 'p.yaml', text }], [rofs]);
    const fixed = r.files[0]!.fixedText!;
    expect(fixed).toContain('      mountPath: /app\n');
    expect(fixed).not.toMatch(/looks like a typo/);
    expect(r.findings.every((f) => !/typo/.test(f.message))).toBe(true);
  });
});
