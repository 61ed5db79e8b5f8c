// `--inspect-images` end to end: the CLI reads image configs from a REAL registry (Debian's
// docker-registry on loopback, images pushed by the test) and the policies use them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../src/engine/index.js';
import { cli, tempTree } from '../cli/helpers.js';
import { pushImage, startRegistry, type LocalRegistry } from './helpers.js';

let registry: LocalRegistry;
let host: string;

beforeAll(async () => {
  registry = await startRegistry();
  host = registry.host;
  // Built FROM postgres:17: the VOLUME and PG_MAJOR it inherits, its own user.
  await pushImage(host, 'team/pg-custom', '1', 'pg', {
    config: { User: '999', Env: ['PG_MAJOR=17', 'PGDATA=/var/lib/postgresql/data'], Volumes: { '/var/lib/postgresql/data': {} } },
  });
  // An application image with a numeric non-root user and nothing else known.
  await pushImage(host, 'team/api', '2', 'api', { config: { User: '10001', Env: ['PATH=/usr/bin'] } });
}, 30000);

afterAll(async () => {
  await registry?.stop();
});

const pod = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: ${image}\n`;
const insecure = () => ({ env: { KUBE_IMMUTABLE_INSECURE_REGISTRIES: host } });
const findingsOf = (json: string) => (JSON.parse(json) as { findings: Finding[] }).findings;

describe('--inspect-images against a real registry', () => {
  it('an image built on postgres gets the postgres read-only fix (a known fact), not the /tmp guess', async () => {
    const dir = tempTree({ 'pod.yaml': pod(`${host}/team/pg-custom:1`) }, { presetConfig: false });
    const without = await cli(['scan', '.', '--format', 'json'], dir);
    const before = findingsOf(without.stdout).find((f) => f.policyId === 'read-only-root-filesystem')!;
    expect(before.fixId ?? null).toBeNull();
    expect(before.suggestions[0]?.kind).toBe('guess');

    const withFlag = await cli(['scan', '.', '--format', 'json', '--inspect-images', '--registries', host], dir, insecure());
    expect(withFlag.stderr).toBe('');
    const after = findingsOf(withFlag.stdout).find((f) => f.policyId === 'read-only-root-filesystem')!;
    expect(after.fixId ?? null).not.toBeNull();
    expect(after.message).toContain('is taken for postgres');

    const fixed = await cli(['fix', '.', '--inspect-images', '--registries', host], dir, insecure());
    expect(fixed.stderr).toBe('');
    const text = readFileSync(join(dir, 'pod.yaml'), 'utf8');
    expect(text).toContain('mountPath: /var/lib/postgresql/data');
    expect(text).toContain('mountPath: /var/run/postgresql');
    expect(text).not.toContain('mountPath: /tmp');
  });

  it('a numeric non-root User makes runAsNonRoot: true a fix; drop ALL becomes a fix too', async () => {
    const dir = tempTree({ 'pod.yaml': pod(`${host}/team/api:2`) }, { presetConfig: false });
    const r = await cli(['scan', '.', '--format', 'json', '--inspect-images', '--registries', host], dir, insecure());
    const findings = findingsOf(r.stdout);
    const nonRoot = findings.find((f) => f.policyId === 'run-as-non-root')!;
    expect(nonRoot.fixId ?? null).not.toBeNull();
    expect(nonRoot.message).toContain('as uid 10001');
    expect(findings.find((f) => f.policyId === 'drop-all-capabilities')!.fixId ?? null).not.toBeNull();
  });

  it('an image the registry does not have: one line on stderr, the run goes on with the guess', async () => {
    const dir = tempTree({ 'pod.yaml': pod(`${host}/team/missing:1`) }, { presetConfig: false });
    const r = await cli(['scan', '.', '--format', 'json', '--inspect-images', '--registries', host], dir, insecure());
    expect(r.stderr).toMatch(new RegExp(`^kube-immutable: cannot read the image config of ${host}/team/missing:1: .*\\n$`));
    expect(findingsOf(r.stdout).find((f) => f.policyId === 'read-only-root-filesystem')!.suggestions[0]?.kind).toBe('guess');
  });

  it('a registry not on the allow-list is never asked', async () => {
    const dir = tempTree({ 'pod.yaml': pod(`${host}/team/api:2`) }, { presetConfig: false });
    const r = await cli(['scan', '.', '--format', 'json', '--inspect-images'], dir);
    expect(r.stderr).toContain(`registry ${host} is not on the allow-list (--registries); no request was made`);
    expect(findingsOf(r.stdout).find((f) => f.policyId === 'run-as-non-root')!.fixId ?? null).toBeNull();
  });
});
