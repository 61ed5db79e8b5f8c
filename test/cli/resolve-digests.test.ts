import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinPolicies } from '../../policies/index.js';
import { parseCommandLine } from '../../src/cli/args.js';
import { fakeServer, freePort, type FakeServer } from '../registry/helpers.js';
import { cli, tempTree } from './helpers.js';

const DIGEST = 'sha256:' + '7'.repeat(64);
const manifest = (host: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: ${host}/team/app:1.0\n`;

describe('--resolve-digests', () => {
  let registry: FakeServer;
  beforeEach(async () => {
    // A registry that counts requests (every request is recorded).
    registry = await fakeServer((_req, res) => void res.writeHead(200, { 'Docker-Content-Digest': DIGEST }).end());
  });
  afterEach(() => registry.close());

  it('is a flag of scan and fix, off by default', () => {
    expect(parseCommandLine(['scan', '.'])).toMatchObject({ resolveDigests: false });
    expect(parseCommandLine(['scan', '.', '--resolve-digests'])).toMatchObject({ resolveDigests: true });
    expect(parseCommandLine(['fix', '--resolve-digests', '--dry-run'])).toMatchObject({ resolveDigests: true, dryRun: true });
  });

  it('is in the help of scan and fix', async () => {
    expect((await cli(['scan', '--help'], '.')).stdout).toContain('--resolve-digests');
    expect((await cli(['fix', '--help'], '.')).stdout).toContain('--resolve-digests');
  });

  it('without the flag, scan and fix make no network request at all', async () => {
    const dir = tempTree({ 'pod.yaml': manifest(registry.host) }, { presetConfig: false });
    await cli(['scan', '.', '--format', 'json'], dir);
    await cli(['fix', '.'], dir);
    await cli(['fix', '.', '--dry-run'], dir);
    expect(registry.requests).toEqual([]);
  });

  /** The explicit opt-in for a plain-http registry on loopback: set by whoever runs the tool, never by a manifest. */
  const insecure = (...hosts: string[]) => ({ env: { KUBE_IMMUTABLE_INSECURE_REGISTRIES: hosts.join(',') } });

  it('with the flag, the images are looked up in their registry', async () => {
    const dir = tempTree({ 'pod.yaml': manifest(registry.host) }, { presetConfig: false });
    await cli(['scan', '.', '--format', 'json', '--resolve-digests'], dir, insecure(registry.host));
    expect(registry.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['HEAD /v2/team/app/manifests/1.0']);
  });

  it('never asks a registry that is not on the allow-list (a loopback host a manifest names): a message, no request', async () => {
    const dir = tempTree({ 'pod.yaml': manifest(registry.host) }, { presetConfig: false });
    const port = registry.host.split(':')[1];
    // The defaults; a list replacing them; a wildcard (which never matches an IP address).
    for (const extra of [[], ['--registries', 'ghcr.io,quay.io'], ['--registries', 'defaults', '--registries', `*.0.0.1:${port}`]]) {
      const r = await cli(['scan', '.', '--format', 'json', '--resolve-digests', ...extra], dir);
      expect(r.stderr).toBe(
        `kube-immutable: cannot resolve the digest of ${registry.host}/team/app:1.0: registry ${registry.host} is not on the allow-list (--registries); no request was made\n`,
      );
    }
    // Named exactly but not as insecure: https only, never plain http (the http server sees no request).
    const r = await cli(['scan', '.', '--format', 'json', '--resolve-digests', '--registries', registry.host], dir);
    expect(r.stderr).toMatch(
      new RegExp(`^kube-immutable: cannot resolve the digest of ${registry.host}/team/app:1.0: cannot reach ${registry.host}: E[A-Z_]+\n$`),
    );
    expect(registry.requests).toEqual([]);
  });

  it('--registries is repeatable and comma-separated; a bad entry is a usage error', async () => {
    expect(parseCommandLine(['scan', '--registries', 'ghcr.io, quay.io', '--registries', 'defaults'])).toMatchObject({
      registries: ['ghcr.io', 'quay.io', 'defaults'],
    });
    expect(parseCommandLine(['scan', '.'])).toMatchObject({ registries: [] });
    const dir = tempTree({ 'pod.yaml': manifest(registry.host) }, { presetConfig: false });
    const r = await cli(['scan', '.', '--resolve-digests', '--registries', 'evil.*.com'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('kube-immutable: --registries: "evil.*.com" is not a registry host (only a leading "*." is a wildcard)');
    expect(registry.requests).toEqual([]);
    expect((await cli(['scan', '--help'], '.')).stdout).toContain('--registries <hosts>');
    // A bad KUBE_IMMUTABLE_INSECURE_REGISTRIES matters only when digests are resolved.
    const badEnv = { env: { KUBE_IMMUTABLE_INSECURE_REGISTRIES: '*.example.com' } };
    expect((await cli(['scan', '.', '--format', 'json'], dir, badEnv)).stderr).toBe('');
    const withFlag = await cli(['scan', '.', '--resolve-digests'], dir, badEnv);
    expect(withFlag.code).toBe(2);
    expect(withFlag.stderr).toContain(
      'kube-immutable: KUBE_IMMUTABLE_INSECURE_REGISTRIES: "*.example.com": an insecure registry is one host[:port], without a wildcard or "="',
    );
    expect(registry.requests).toEqual([]);
  });

  it('prints each image it could not resolve on stderr and goes on', async () => {
    const closed = `127.0.0.1:${await freePort()}`;
    const dir = tempTree({ 'pod.yaml': manifest(registry.host).replace('team/app:1.0', 'Team/App:1.0') + '---\n' + manifest(closed) }, { presetConfig: false });
    const r = await cli(['scan', '.', '--resolve-digests'], dir, insecure(registry.host, closed));
    // The invalid reference is the policy's finding, not looked up.
    expect(r.stderr).toBe(`kube-immutable: cannot resolve the digest of ${closed}/team/app:1.0: cannot reach ${closed}: ECONNREFUSED\n`);
    expect(registry.requests).toEqual([]);
  });

  const wired = builtinPolicies.some((p) => p.id === 'image-digest');
  // Runs once policies/index.ts lists image-digest.
  (wired ? it : it.skip)('fix --resolve-digests pins the image in place', async () => {
    const dir = tempTree({ 'pod.yaml': manifest(registry.host) }, { presetConfig: false });
    const r = await cli(['fix', '.', '--resolve-digests'], dir, insecure(registry.host));
    expect(r.stderr).toBe('');
    // Other policies fix the container too; the image line is pinned.
    expect(readFileSync(join(dir, 'pod.yaml'), 'utf8')).toContain(`    image: ${registry.host}/team/app:1.0@${DIGEST}\n`);
    expect(registry.requests).toHaveLength(1);
  });
});
