import { definePolicy, forEachContainer, type ForEachContainerOptions } from '../../src/api/policy.js';
import { run } from '../../src/engine/index.js';

/** The containers forEachContainer visits in `text`, as `type/name` by object. */
function visited(text: string, options?: ForEachContainerOptions): string[] {
  const seen: string[] = [];
  const policy = definePolicy({
    id: 'visit',
    meta: { description: 'd', category: 'hardening', defaultSeverity: 'info', fixable: false, messages: { m: 'm' }, remediation: '' },
    check(context) {
      forEachContainer(context, (c, w) => seen.push(`${context.manifest.name}: ${c.type}/${c.name} of ${w.kind.kind}`), options);
    },
  });
  run([{ path: 'a.yaml', text }], [policy]);
  return seen;
}

const pod = (name: string, extra = '') => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:${extra}
  initContainers:
    - {name: init, image: x}
  containers:
    - {name: app, image: x}
`;

describe('forEachContainer', () => {
  it('visits every container of a workload (init containers first, as Workload.containers lists them), with its workload; nothing for objects without a PodSpec', () => {
    const text = `${pod('p')}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\n`;
    expect(visited(text)).toEqual(['p: initContainers/init of Pod', 'p: containers/app of Pod']);
  });

  it("skips Windows pods with skip 'windows', and HostProcess pods too with 'windows-or-host-process'", () => {
    const windows = pod('win', '\n  os: {name: windows}');
    const hostProcess = pod('hp', '\n  securityContext: {windowsOptions: {hostProcess: true}}\n  hostNetwork: true');
    const text = [pod('linux'), windows, hostProcess].join('---\n');
    const names = (xs: string[]) => [...new Set(xs.map((x) => x.split(':')[0]))];
    expect(names(visited(text))).toEqual(['linux', 'win', 'hp']);
    expect(names(visited(text, { skip: 'windows' }))).toEqual(['linux', 'hp']);
    expect(names(visited(text, { skip: 'windows-or-host-process' }))).toEqual(['linux']);
  });
});
