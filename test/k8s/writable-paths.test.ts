import { allocateVolumeName, mountCovers, writablePathsFor } from '../../src/k8s/index.js';

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

  it('never mounts over /etc/rabbitmq: it holds enabled_plugins and conf.d', () => {
    const r = writablePathsFor('rabbitmq:4-management');
    expect(r.paths.map((p) => p.path)).toEqual(['/var/lib/rabbitmq', '/var/log/rabbitmq', '/tmp']);
    expect(r.contents.map((c) => c.path)).toEqual(['/etc/rabbitmq']);
    expect(r.contents[0]!.what).toMatch(/enabled_plugins/);
  });

  it('marks database data directories as data', () => {
    expect(writablePathsFor('mysql:8').paths.find((p) => p.path === '/var/lib/mysql')?.purpose).toBe('data');
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
