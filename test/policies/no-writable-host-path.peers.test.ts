import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { run } from '../../src/engine/index.js';
import policy from '../../policies/no-writable-host-path.js';

const corpus = resolve('..', 'shared', 'corpus');
interface Entry {
  file: string;
  peer: string;
  check: string;
  concept: string;
  expected: 'pass' | 'fail' | null;
  resource: string | null;
  doc_index?: number | null;
}
const index = JSON.parse(readFileSync(join(corpus, 'index.json'), 'utf8')) as Entry[];

/** Deliberate differences (documented in policies/no-writable-host-path.md, Peers), by file and resource. */
const DIFFERENT: Record<string, string> = {
  // A hostPath volume that no container mounts exposes nothing: Polaris, Trivy KSV-0023 and KSV-0006 report the volume itself.
  'peers/polaris/hostPathSet/failure.yaml': 'unmounted hostPath volume',
  'peers/trivy-checks/examples/KSV-0023/bad-0.yaml': 'unmounted hostPath volume',
  'peers/trivy-checks/rego-tests/KSV-0023/test_host_path_specified_denied.yaml': 'unmounted hostPath volume',
  'peers/trivy-checks/rego-tests/KSV-0006/test_docker_socket_mounted_denied.yaml': 'unmounted hostPath volume',
  // kube-linter's docker-sock passes the writable /var/run/thing.sock mounts; we report every writable hostPath
  // mount (kube-linter's writable-host-mount would too).
  'peers/kube-linter/docker-sock.yml Deployment/dont-fire': 'writable hostPath mount',
  'peers/kube-linter/docker-sock.yml DeploymentConfig/dont-fire': 'writable hostPath mount',
};

const entries = index.filter(
  (e) => e.concept === 'host-path' && e.expected !== null && !(e.file in DIFFERENT) && !(`${e.file} ${e.resource}` in DIFFERENT),
);

describe('no-writable-host-path agrees with peers on their fixtures', () => {
  it('covers the fixtures', () => {
    expect(entries.length).toBeGreaterThanOrEqual(18);
  });
  it.each(entries.map((e) => [`${e.peer} ${e.check} ${e.file} ${e.resource ?? ''}`, e] as const))('%s', (_, e) => {
    const text = readFileSync(join(corpus, e.file), 'utf8');
    const slash = e.resource?.indexOf('/') ?? -1;
    const kind = e.resource?.slice(0, slash);
    const name = e.resource?.slice(slash + 1);
    const failed = run([{ path: e.file, text }], [policy]).findings.some(
      (f) =>
        f.policyId === policy.id &&
        (!e.resource || (f.object?.kind === kind && f.object?.name === name && (e.doc_index == null || f.object?.docIndex === e.doc_index))),
    );
    expect(failed ? 'fail' : 'pass').toBe(e.expected);
  });
});
