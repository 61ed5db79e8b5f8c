import {
  blobRedirectRefusal,
  DEFAULT_REGISTRIES,
  DOCKER_HUB_HOST,
  isLoopbackHost,
  nonPublicRange,
  parseAllowEntry,
  realmRefusal,
  redirectRefusal,
  registryAccess,
  registryRefusal,
  registryTarget,
  type RegistryTarget,
} from '../../src/registry/index.js';

const defaults = registryAccess({ setting: 'input registries' });
const allowed = (access: ReturnType<typeof registryAccess>, image: string) =>
  registryRefusal(access, (registryTarget(image) as RegistryTarget).host) === undefined;

describe('the registry allow-list', () => {
  it('by default allows the public registries, and nothing else', () => {
    for (const image of [
      'nginx',
      'docker.io/library/nginx:1.27',
      'bitnami/redis:7',
      'ghcr.io/acme/app:1',
      'quay.io/prometheus/prometheus:v2',
      'gcr.io/distroless/static:nonroot',
      'mirror.gcr.io/library/redis:7',
      'us.gcr.io/p/app:1',
      'registry.k8s.io/pause:3.9',
      'us-docker.pkg.dev/p/r/app:1',
      'public.ecr.aws/nginx/nginx:1',
      'mcr.microsoft.com/dotnet/runtime:8.0',
      'ghcr.io:443/acme/app:1',
    ]) {
      expect([image, allowed(defaults, image)]).toEqual([image, true]);
    }
    for (const image of [
      '127.0.0.1:5000/app',
      'localhost:5000/app',
      'localhost/app',
      '[::1]:5000/app',
      '10.0.0.1:5000/app',
      '169.254.169.254/latest:1',
      'registry.internal/app:1',
      'ghcr.io:8443/acme/app:1', // another port of an allowed host
      'a.b.gcr.io/app:1', // a wildcard is one label
      'gcr.io.evil.example/app:1',
      'evilgcr.io/app:1',
      'pkg.dev/app:1',
      'myregistry.azurecr.io/app:1',
    ]) {
      expect([image, allowed(defaults, image)]).toEqual([image, false]);
    }
    expect(registryRefusal(defaults, '127.0.0.1:5000')).toBe('registry 127.0.0.1:5000 is not on the allow-list (input registries); no request was made');
  });

  it('the hosts named replace the defaults; the keyword defaults adds them back', () => {
    const own = registryAccess({ registries: ['registry.example.com:5000', '*.corp.example'] });
    expect(allowed(own, 'registry.example.com:5000/app')).toBe(true);
    expect(allowed(own, 'registry.example.com/app')).toBe(false);
    expect(allowed(own, 'eu.corp.example/app')).toBe(true);
    expect(allowed(own, 'nginx')).toBe(false);
    expect(allowed(own, 'ghcr.io/a/b')).toBe(false);
    const both = registryAccess({ registries: ['DEFAULTS', 'registry.example.com:5000'] });
    expect(allowed(both, 'nginx')).toBe(true);
    expect(allowed(both, 'registry.example.com:5000/app')).toBe(true);
    expect(registryAccess({ registries: [' ', ''] }).entries.map((e) => e.text)).toEqual([...DEFAULT_REGISTRIES]);
  });

  it('insecure registries are allowed exactly, and get plain http; wildcards never match an IP address', () => {
    const access = registryAccess({ insecureRegistries: ['127.0.0.1:5000'] });
    expect(registryRefusal(access, '127.0.0.1:5000')).toBeUndefined();
    expect(registryRefusal(access, '127.0.0.1:5001')).toBeDefined();
    expect(registryRefusal(registryAccess({ registries: ['*.0.0.1'] }), '127.0.0.1')).toBeDefined();
    expect(registryAccess({ insecureRegistries: ['Registry.Local:5000', 'docker.io'] }).insecure).toEqual(new Set(['registry.local:5000', DOCKER_HUB_HOST]));
    expect(() => registryAccess({ insecureRegistries: ['a.example=b.example'] })).toThrow('without a wildcard or "="');
  });

  it('parses entries, and refuses what is not a host (naming the entry)', () => {
    expect(parseAllowEntry('docker.io=auth.docker.io')).toEqual({
      text: 'docker.io=auth.docker.io',
      host: DOCKER_HUB_HOST,
      wildcard: false,
      port: undefined,
      authHosts: ['auth.docker.io'],
      source: 'user',
    });
    expect(parseAllowEntry('*.GCR.io:443')).toMatchObject({ host: 'gcr.io', wildcard: true, port: undefined });
    expect(parseAllowEntry('[::1]:5000')).toMatchObject({ host: '[::1]', port: 5000 });
    for (const [bad, why] of [
      ['http://evil.example', 'is not a registry host'],
      ['evil.*.com', 'only a leading "*." is a wildcard'],
      ['*', 'is not a registry host'],
      ['*.com', 'a wildcard needs a domain with a dot'],
      ['*.10.0.0.1', 'is not a registry host'],
      ['host:99999', 'port out of range'],
      ['::1', 'an IPv6 address goes in brackets'],
      ['a=b=c', 'more than one "="'],
      ['a=https://b', 'invalid auth host'],
      ['a=*.b.com', 'invalid auth host'],
      ['ghcr.io/acme', 'is not a registry host'],
    ]) {
      expect(() => parseAllowEntry(bad!)).toThrow(why!);
    }
    expect(() => registryAccess({ registries: ['ok.example', 'no way', 'x/y'], setting: 'input registries' })).toThrow(
      'input registries: "no way" is not a registry host; expected host[:port], *.domain or host=auth-host; ' +
        'input registries: "x/y" is not a registry host; expected host[:port], *.domain or host=auth-host',
    );
    expect(() => registryAccess({ insecureRegistries: ['*.example.com'] })).toThrow(
      'KUBE_IMMUTABLE_INSECURE_REGISTRIES: "*.example.com": an insecure registry is one host[:port], without a wildcard or "="',
    );
  });
});

describe('token realms (distribution token auth: the realm is any URL the registry names)', () => {
  const realm = (registry: string, url: string, access = defaults) => realmRefusal(access, registry, new URL(url));

  it('follows the realm on the registry itself or its auth host, over https', () => {
    expect(realm(DOCKER_HUB_HOST, 'https://auth.docker.io/token')).toBeUndefined();
    expect(realm('ghcr.io', 'https://ghcr.io/token')).toBeUndefined();
    expect(realm('quay.io', 'https://quay.io/v2/auth')).toBeUndefined();
    expect(realm('us.gcr.io', 'https://gcr.io/v2/token')).toBeUndefined();
    expect(realm('us.gcr.io', 'https://us.gcr.io/v2/token')).toBeUndefined();
    expect(realm('us-docker.pkg.dev', 'https://us-docker.pkg.dev/v2/token')).toBeUndefined();
    expect(realm('public.ecr.aws', 'https://public.ecr.aws/token/')).toBeUndefined();
    const gitlab = registryAccess({ registries: ['registry.gitlab.com=gitlab.com'] });
    expect(realm('registry.gitlab.com', 'https://gitlab.com/jwt/auth', gitlab)).toBeUndefined();
  });

  it('never follows it to another host, over http, to loopback or a private address', () => {
    expect(realm(DOCKER_HUB_HOST, 'http://auth.docker.io/token')).toBe(
      'the token realm http://auth.docker.io is not https; refusing to send a token request there (allowed: registry-1.docker.io, auth.docker.io)',
    );
    expect(realm(DOCKER_HUB_HOST, 'https://auth.evil.example/token')).toMatch(/^the token realm https:\/\/auth\.evil\.example is on another host;/);
    expect(realm('ghcr.io', 'https://auth.docker.io/token')).toMatch(/is on another host/); // another registry's auth host
    expect(realm('ghcr.io', 'https://ghcr.io:8443/token')).toMatch(/is on another host/);
    for (const url of [
      'https://127.0.0.1/token',
      'https://localhost/token',
      'https://[::1]/token',
      'https://169.254.169.254/latest/meta-data',
      'https://10.0.0.1/t',
      'https://2130706433/t',
    ]) {
      expect([url, realm('quay.io', url)]).toEqual([url, expect.stringMatching(/is on another host/)]);
    }
    // An auth host that is a private address is refused unless named exactly as a registry too.
    const mapped = registryAccess({ registries: ['registry.example.com=10.1.2.3'] });
    expect(realm('registry.example.com', 'https://10.1.2.3/token', mapped)).toMatch(/is a private \(RFC 1918\) address/);
    const named = registryAccess({ registries: ['registry.example.com=10.1.2.3', '10.1.2.3'] });
    expect(realm('registry.example.com', 'https://10.1.2.3/token', named)).toBeUndefined();
    // A registry that resolves to loopback (named exactly, insecure) may keep its realm on itself, over http.
    const local = registryAccess({ insecureRegistries: ['127.0.0.1:5000'] });
    expect(realm('127.0.0.1:5000', 'http://127.0.0.1:5000/token', local)).toBeUndefined();
    expect(realm('127.0.0.1:5000', 'http://127.0.0.1:5001/token', local)).toMatch(/is not https/);
  });
});

describe('redirects', () => {
  const redirect = (from: string, url: string, access = defaults) => redirectRefusal(access, from, new URL(url));

  it('are followed on the same host and to hosts on the allow-list, over https', () => {
    expect(redirect('registry.k8s.io', 'https://us-west1-docker.pkg.dev/v2/k8s-artifacts-prod/images/pause/manifests/3.9')).toBeUndefined();
    expect(redirect('ghcr.io', 'https://ghcr.io/v2/other/manifests/1')).toBeUndefined();
  });

  it('are refused to hosts off the allow-list, to http, loopback and private addresses', () => {
    expect(redirect('registry.k8s.io', 'http://us-west1-docker.pkg.dev/v2/x')).toBe(
      'registry.k8s.io redirected to http://us-west1-docker.pkg.dev: the redirect to http://us-west1-docker.pkg.dev is not https; not followed',
    );
    expect(redirect('ghcr.io', 'https://evil.example/v2/x')).toBe(
      'ghcr.io redirected to https://evil.example, which is not on the allow-list (input registries); not followed',
    );
    for (const url of [
      'https://127.0.0.1:5000/v2/x',
      'https://localhost/v2/x',
      'https://169.254.169.254/latest',
      'https://[fd00::1]/v2/x',
      'https://192.168.1.1/',
    ]) {
      expect([url, redirect('quay.io', url)]).toEqual([url, expect.stringMatching(/not on the allow-list/)]);
    }
  });
});

describe('non-public addresses (RFC 1918, 4193, 6598, loopback, link-local…)', () => {
  it.each([
    ['127.0.0.1', 'loopback (RFC 1122)'],
    ['127.255.0.9', 'loopback (RFC 1122)'],
    ['10.20.30.40', 'private (RFC 1918)'],
    ['172.16.0.1', 'private (RFC 1918)'],
    ['172.31.255.255', 'private (RFC 1918)'],
    ['192.168.0.10', 'private (RFC 1918)'],
    ['100.64.0.1', 'shared address space (RFC 6598)'],
    ['169.254.169.254', 'link-local (RFC 3927), e.g. cloud metadata services'],
    ['0.0.0.0', '"this network" (RFC 1122)'],
    ['::1', 'loopback (RFC 4291)'],
    ['::', 'unspecified (RFC 4291)'],
    ['fd12:3456::1', 'unique local (RFC 4193)'],
    ['fe80::1', 'link-local (RFC 4291)'],
    ['::ffff:10.0.0.1', 'private (RFC 1918)'],
    ['::ffff:127.0.0.1', 'loopback (RFC 1122)'],
  ])('%s is %s', (address, why) => {
    expect(nonPublicRange(address)).toBe(why);
  });

  it('public addresses and names are not', () => {
    expect(['8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', 'ghcr.io'].map(nonPublicRange)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(['localhost:5000', 'app.localhost', '127.0.0.2', '[::1]:80'].map(isLoopbackHost)).toEqual([true, true, true, true]);
  });
});

describe('blobRedirectRefusal (a content-addressed blob: the storage host may be off the allow-list)', () => {
  const access = registryAccess({ setting: '--registries' });
  it.each([
    ['https://production.cloudflare.docker.com/registry-v2/docker/registry/v2/blobs/sha256/aa/data?sig=1', undefined],
    ['https://pkg-containers.githubusercontent.com/ghcr1/blobs/sha256:aa', undefined],
    // On the allow-list: the ordinary rules.
    ['https://registry-1.docker.io/v2/library/nginx/blobs/sha256:aa', undefined],
    ['http://cdn.example.com/blob', 'docker.io redirected to http://cdn.example.com: the redirect to http://cdn.example.com is not https; not followed'],
    ['https://10.0.0.7/blob', 'docker.io redirected to https://10.0.0.7: the redirect to https://10.0.0.7 is a private (RFC 1918) address; not followed'],
    ['https://[::1]/blob', 'docker.io redirected to https://[::1]: the redirect to https://[::1] is a loopback (RFC 4291) address; not followed'],
    [
      'https://169.254.169.254/latest/meta-data',
      'docker.io redirected to https://169.254.169.254: the redirect to https://169.254.169.254 is a link-local (RFC 3927), e.g. cloud metadata services address; not followed',
    ],
  ])('%s', (url, why) => {
    expect(blobRedirectRefusal(access, 'docker.io', new URL(url))).toBe(why);
  });

  it('a manifest (not content-addressed) redirect off the allow-list is still refused', () => {
    expect(redirectRefusal(access, 'docker.io', new URL('https://production.cloudflare.docker.com/x'))).toBe(
      'docker.io redirected to https://production.cloudflare.docker.com, which is not on the allow-list (--registries); not followed',
    );
  });
});
