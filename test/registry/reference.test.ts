import { DOCKER_HUB_HOST, isLoopbackHost, parseChallenge, registryEnvironment, registryTarget } from '../../src/registry/index.js';

const D = 'sha256:' + 'd'.repeat(64);

describe('registryTarget: image reference → registry, repository, reference', () => {
  it.each([
    ['nginx', 'https', DOCKER_HUB_HOST, 'library/nginx', 'latest'],
    ['nginx:1.27', 'https', DOCKER_HUB_HOST, 'library/nginx', '1.27'],
    ['docker.io/nginx:1.27', 'https', DOCKER_HUB_HOST, 'library/nginx', '1.27'],
    ['docker.io/library/nginx', 'https', DOCKER_HUB_HOST, 'library/nginx', 'latest'],
    ['index.docker.io/library/nginx:1', 'https', DOCKER_HUB_HOST, 'library/nginx', '1'],
    ['registry.hub.docker.com/bitnami/redis:7', 'https', DOCKER_HUB_HOST, 'bitnami/redis', '7'],
    ['bitnami/nginx:1.25', 'https', DOCKER_HUB_HOST, 'bitnami/nginx', '1.25'],
    ['ghcr.io/acme/app:1.2', 'https', 'ghcr.io', 'acme/app', '1.2'],
    ['GHCR.IO/acme/app:1.2', 'https', 'ghcr.io', 'acme/app', '1.2'],
    ['mirror.gcr.io/library/redis:7', 'https', 'mirror.gcr.io', 'library/redis', '7'],
    ['registry:5000/app', 'https', 'registry:5000', 'app', 'latest'],
    // Loopback too is https unless named as insecure (a pull request cannot choose plain http).
    ['localhost:5000/app:1.0', 'https', 'localhost:5000', 'app', '1.0'],
    ['localhost/app', 'https', 'localhost', 'app', 'latest'],
    ['127.0.0.1:5000/team/busybox', 'https', '127.0.0.1:5000', 'team/busybox', 'latest'],
    ['[::1]:5000/app:2', 'https', '[::1]:5000', 'app', '2'],
    [`ghcr.io/acme/app:1.2@${D}`, 'https', 'ghcr.io', 'acme/app', D],
  ])('%s', (image, scheme, host, repository, reference) => {
    expect(registryTarget(image)).toEqual({ image, scheme, host, repository, reference });
  });

  it('uses http only for the insecure registries named', () => {
    expect(registryTarget('registry.local:5000/app:1', ['registry.local:5000'])).toMatchObject({ scheme: 'http' });
    expect(registryTarget('127.0.0.1:5000/app:1', ['127.0.0.1:5000'])).toMatchObject({ scheme: 'http' });
    expect(registryTarget('127.0.0.1:5000/app:1', ['127.0.0.1:5001'])).toMatchObject({ scheme: 'https' });
    expect(registryTarget('registry.local:5000/app:1', ['registry.local'])).toMatchObject({ scheme: 'https' });
    expect(registryTarget('127.0.0.2.example.com/app:1')).toMatchObject({ scheme: 'https' });
  });

  it('refuses invalid references with the reason', () => {
    expect(registryTarget('Acme/App:1')).toEqual({ error: 'invalid image reference: repository "App" must be lowercase' });
  });

  it('recognises loopback hosts', () => {
    expect(['localhost', 'localhost:5000', '127.0.0.1', '127.1.2.3:80', '[::1]', '[::1]:5000'].map(isLoopbackHost)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['localhost.example.com', '10.0.0.1:5000', 'registry', '[::2]:5000'].map(isLoopbackHost)).toEqual([false, false, false, false]);
  });
});

describe('registryEnvironment', () => {
  it('reads credentials by host (Docker Hub aliases are one host) and insecure registries', () => {
    const env = registryEnvironment({
      KUBE_IMMUTABLE_REGISTRY_AUTH: JSON.stringify({ 'docker.io': { username: 'me', password: 'pw' }, 'GHCR.io': { token: 't' } }),
      KUBE_IMMUTABLE_INSECURE_REGISTRIES: 'registry.local:5000, other:80',
    });
    expect(env).toEqual({
      credentials: { [DOCKER_HUB_HOST]: { username: 'me', password: 'pw' }, 'ghcr.io': { token: 't' } },
      insecureRegistries: ['registry.local:5000', 'other:80'],
      problems: [],
    });
  });

  it('reports malformed values without their secrets', () => {
    expect(registryEnvironment({ KUBE_IMMUTABLE_REGISTRY_AUTH: '{"a": secret' }).problems).toEqual([
      'KUBE_IMMUTABLE_REGISTRY_AUTH is not valid JSON; expected {"<registry host>": {"username": "...", "password": "..."} | {"token": "..."}}',
    ]);
    expect(registryEnvironment({ KUBE_IMMUTABLE_REGISTRY_AUTH: '["secret"]' }).problems).toEqual([
      'KUBE_IMMUTABLE_REGISTRY_AUTH must be a JSON object keyed by registry host',
    ]);
    const bad = registryEnvironment({ KUBE_IMMUTABLE_REGISTRY_AUTH: '{"ghcr.io": {"username": "secret"}}' });
    expect(bad).toEqual({
      credentials: {},
      insecureRegistries: [],
      problems: ['KUBE_IMMUTABLE_REGISTRY_AUTH: the entry of "ghcr.io" needs "username" and "password" strings, or a "token" string'],
    });
    expect(registryEnvironment({})).toEqual({ credentials: {}, insecureRegistries: [], problems: [] });
  });
});

describe('parseChallenge', () => {
  it('reads Bearer and Basic challenges', () => {
    expect(parseChallenge('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"')).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/nginx:pull' },
    });
    expect(parseChallenge('Basic realm="Registry Realm"')).toEqual({ scheme: 'basic', params: { realm: 'Registry Realm' } });
    expect(parseChallenge('Bearer realm=https://x/token, service=x, scope="repository:a/b:pull,push"')).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://x/token', service: 'x', scope: 'repository:a/b:pull,push' },
    });
    expect(parseChallenge('')).toBeUndefined();
    expect(parseChallenge(null)).toBeUndefined();
  });
});
