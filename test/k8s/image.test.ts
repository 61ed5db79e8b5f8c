import { parseImageReference, tagVersion } from '../../src/k8s/index.js';

const D = 'sha256:' + 'b'.repeat(64);

describe('parseImageReference', () => {
  it.each([
    ['nginx', { registry: undefined, repository: 'nginx', tag: undefined, digest: undefined, pinned: false, officialName: 'nginx' }],
    ['nginx:1.27', { registry: undefined, repository: 'nginx', tag: '1.27', pinned: false, officialName: 'nginx' }],
    ['docker.io/library/nginx:latest', { registry: 'docker.io', repository: 'nginx', tag: 'latest', officialName: 'nginx' }],
    ['registry:5000/app', { registry: 'registry:5000', repository: 'app', tag: undefined, officialName: undefined }],
    ['localhost/app:v1', { registry: 'localhost', repository: 'app', tag: 'v1', officialName: undefined }],
    [`nginx@${D}`, { repository: 'nginx', tag: undefined, digest: D, pinned: true, officialName: 'nginx' }],
    [`ghcr.io/acme/app:1.2@${D}`, { registry: 'ghcr.io', repository: 'acme/app', tag: '1.2', digest: D, pinned: true, officialName: undefined }],
    ['nginx@sha256:abc', { digest: 'sha256:abc', pinned: false }],
    ['mirror.gcr.io/library/redis:7', { registry: 'mirror.gcr.io', repository: 'redis', tag: '7', officialName: 'redis' }],
    ['public.ecr.aws/docker/library/postgres:16', { repository: 'postgres', officialName: 'postgres' }],
    ['bitnami/nginx:1.25', { registry: undefined, repository: 'bitnami/nginx', officialName: undefined }],
    ['registry.example.com:443/team/nginx:1.0', { registry: 'registry.example.com:443', repository: 'team/nginx', tag: '1.0' }],
  ])('%s', (raw, expected) => {
    expect(parseImageReference(raw)).toMatchObject(expected);
  });

  it.each([
    ['registry:5000/app', { registry: 'registry:5000', path: 'app', tag: undefined }],
    ['localhost:5000/app:1.0', { registry: 'localhost:5000', path: 'app', tag: '1.0' }],
    ['127.0.0.1:5000/busybox', { registry: '127.0.0.1:5000', path: 'busybox', tag: undefined }],
    ['mirror.gcr.io/library/redis:7', { path: 'library/redis', repository: 'redis' }],
    ['docker.io/library/nginx', { path: 'library/nginx', repository: 'nginx' }],
    ['[::1]:5000/app:1', { registry: '[::1]:5000', path: 'app', tag: '1' }],
  ])('keeps the path as written: %s', (raw, expected) => {
    expect(parseImageReference(raw)).toMatchObject({ ...expected, problem: undefined });
  });

  it.each([
    ['nginx', undefined],
    [`ghcr.io/acme/app:1.2@${D}`, undefined],
    [`nginx@sha512:${'c'.repeat(128)}`, undefined],
    ['a__b/c-d--e/f.g:x_y.z-1', undefined],
    ['', 'the image is empty'],
    [' nginx', 'it has leading or trailing whitespace (the API server rejects it)'],
    ['my image', 'it contains whitespace'],
    ['Acme/App:1.0', 'repository "App" must be lowercase'],
    ['acme/App:1.0', 'repository "acme/App" must be lowercase'],
    ['acme/-app', 'repository "acme/-app" is not valid: each /-separated part is lowercase letters and digits, joined by ".", "_", "__" or "-"'],
    ['acme//app', 'repository "acme//app" is not valid: each /-separated part is lowercase letters and digits, joined by ".", "_", "__" or "-"'],
    ['reg-.io/app', 'registry "reg-.io" is not a valid host name with an optional :port'],
    ['nginx:', 'the tag after ":" is empty'],
    ['nginx:.hidden', 'tag ".hidden" is not valid: up to 128 letters, digits, "_", "." and "-", not starting with "." or "-"'],
    ['nginx:1.0:2', 'tag "1.0:2" is not valid: up to 128 letters, digits, "_", "." and "-", not starting with "." or "-"'],
    ['nginx@sha256:abc', 'digest "sha256:abc" is not valid: it must be sha256: and 64 lowercase hex digits (or sha512: and 128)'],
    [`nginx@sha256:${'B'.repeat(64)}`, `digest "sha256:${'B'.repeat(64)}" is not valid: it must be sha256: and 64 lowercase hex digits (or sha512: and 128)`],
    [`nginx@md5:${'b'.repeat(32)}`, `digest "md5:${'b'.repeat(32)}" is not valid: it must be sha256: and 64 lowercase hex digits (or sha512: and 128)`],
    ['ghcr.io/', 'the repository name is missing'],
    [`r.io/${'a'.repeat(260)}`, 'the name is longer than 255 characters'],
  ])('validates %j', (raw, problem) => {
    expect(parseImageReference(raw).problem).toBe(problem);
  });

  it('reads leading numeric versions of tags', () => {
    expect(tagVersion('1.27.5-alpine')).toEqual([1, 27, 5]);
    expect(tagVersion('v2')).toEqual([2]);
    expect(tagVersion('latest')).toBeUndefined();
    expect(tagVersion(undefined)).toBeUndefined();
  });
});
