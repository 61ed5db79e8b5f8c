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

  it('reads leading numeric versions of tags', () => {
    expect(tagVersion('1.27.5-alpine')).toEqual([1, 27, 5]);
    expect(tagVersion('v2')).toEqual([2]);
    expect(tagVersion('latest')).toBeUndefined();
    expect(tagVersion(undefined)).toBeUndefined();
  });
});
