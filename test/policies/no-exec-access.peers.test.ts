import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { run } from '../../src/engine/index.js';
import policy from '../../policies/no-exec-access.js';

const corpus = resolve('..', 'shared', 'corpus');
interface Entry {
  file: string;
  peer: string;
  check: string;
  concept: string;
  expected: 'pass' | 'fail' | null;
  resource: string | null;
}
const index = JSON.parse(readFileSync(join(corpus, 'index.json'), 'utf8')) as Entry[];

/** Deliberate differences (documented in policies/no-exec-access.md, Peers), by file. */
const DIFFERENT: Record<string, string> = {
  // Polaris exempts roles and bindings by name (admin, cluster-admin, system:*, gce:podsecuritypolicy:calico-sa).
  // We do not: a role shipped in a repository grants what its rules say, whatever its name; exempt it with a reason.
  'peers/polaris/clusterrolePodExecAttach/success.defaultclusterrole_admin.yaml': 'name-based exemption',
  'peers/polaris/clusterrolePodExecAttach/success.defaultclusterrole_clusteradmin.yaml': 'name-based exemption',
  'peers/polaris/clusterrolePodExecAttach/success.gce_calico_clusterrole.yaml': 'name-based exemption',
  'peers/polaris/clusterrolePodExecAttach/success.system_prefix.yaml': 'name-based exemption',
  'peers/polaris/rolePodExecAttach/success.gce_calico_binding.yaml': 'name-based exemption',
  'peers/polaris/rolePodExecAttach/success.system_prefix_binding.yaml': 'name-based exemption',
  'peers/polaris/clusterrolebindingPodExecAttach/success.defaultclusterrolebinding_clusteradmin.yaml': 'name-based exemption',
  'peers/polaris/clusterrolebindingPodExecAttach/success.defaultclusterrolebinding_system-controller-generic-garbage-collector.yaml': 'name-based exemption',
  'peers/polaris/clusterrolebindingPodExecAttach/success.gce_calico_binding.yaml': 'name-based exemption',
  'peers/polaris/clusterrolebindingPodExecAttach/success.system_prefix_binding.yaml': 'name-based exemption',
  'peers/polaris/rolebindingClusterRolePodExecAttach/success.gce_calico_binding.yaml': 'name-based exemption',
  'peers/polaris/rolebindingClusterRolePodExecAttach/success.system_prefix_binding.yaml': 'name-based exemption',
  'peers/polaris/rolebindingRolePodExecAttach/success.gce_calico_binding.yaml': 'name-based exemption',
  'peers/polaris/rolebindingRolePodExecAttach/success.system_prefix_binding.yaml': 'name-based exemption',
  // Polaris' RoleBinding-to-Role check ignores the ClusterRole a RoleBinding references; we check every role in the file.
  'peers/polaris/rolebindingRolePodExecAttach/success.role_binding_cluster_role_binding.yaml': 'the ClusterRole in the file grants *',
  // Polaris fails a binding whose role is missing; we check roles, not bindings (nothing to check in the file).
  'peers/polaris/clusterrolebindingPodExecAttach/failure.binding_points_to_missing_ref.yaml': 'binding without a role',
  'peers/polaris/rolebindingClusterRolePodExecAttach/failure.binding_points_to_missing_ref.yaml': 'binding without a role',
  'peers/polaris/rolebindingRolePodExecAttach/failure.binding_points_to_missing_ref.yaml': 'binding without a role',
  // Checkov CKV2_K8S_2 also fails create/bind on rbac.authorization.k8s.io resources (privilege escalation, not exec).
  'peers/checkov/graph/NoCreateNodesProxyOrPodsExec/Failing/4/clusterrolebinding4.yaml': 'RBAC escalation is out of scope',
};

const fails = (files: { path: string; text: string }[], object?: { kind: string; name: string }) =>
  run(files, [policy]).findings.some((f) => f.policyId === policy.id && (!object || (f.object?.kind === object.kind && f.object?.name === object.name)));

/**
 * Checkov's CKV2_K8S_2 verdicts are about bindings (a graph check): compare with our verdict on
 * the role the binding references, found among the YAML files of its folder.
 */
function checkovVerdict(e: Entry): boolean {
  const dir = join(corpus, dirname(e.file));
  const binding = readFileSync(join(corpus, e.file), 'utf8');
  const roleRef = /roleRef:\s*\n\s*kind:\s*(\w+)\s*\n\s*name:\s*(\S+)/.exec(binding)!;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ path: f, text: readFileSync(join(dir, f), 'utf8') }));
  return fails(files, { kind: roleRef[1]!, name: roleRef[2]! });
}

const entries = index.filter((e) => (e.concept === 'rbac-pods-exec' || e.concept === 'rbac-pods-attach') && e.expected !== null && !(e.file in DIFFERENT));

describe('no-exec-access agrees with peers on their fixtures', () => {
  it('covers the fixtures', () => {
    expect(entries.length).toBeGreaterThanOrEqual(90);
  });
  it.each(entries.map((e) => [`${e.peer} ${e.check} ${e.file} ${e.resource ?? ''}`, e] as const))('%s', (_, e) => {
    let failed: boolean;
    if (e.peer === 'checkov') failed = checkovVerdict(e);
    else {
      const text = readFileSync(join(corpus, e.file), 'utf8');
      const [kind, name] = e.resource ? [e.resource.slice(0, e.resource.indexOf('/')), e.resource.slice(e.resource.indexOf('/') + 1)] : [];
      failed = fails([{ path: e.file, text }], kind ? { kind, name: name! } : undefined);
    }
    expect(failed ? 'fail' : 'pass').toBe(e.expected);
  });
});
