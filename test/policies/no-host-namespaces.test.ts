import { testPolicy } from '../../src/api/testing.js';
import policy from '../../policies/no-host-namespaces.js';

const pod = (spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
${spec}  containers:
  - name: app
    image: app:1.0
`;

testPolicy(policy, {
  valid: [
    pod(''),
    {
      name: 'explicit false is the same as unset',
      code: pod('  hostPID: false\n  hostIPC: false\n  hostNetwork: false\n'),
    },
    {
      name: 'hostUsers: true is the default and not reported',
      code: pod('  hostUsers: true\n'),
    },
    {
      name: 'a Windows HostProcess pod must use the host network',
      code: pod(`  os:
    name: windows
  hostNetwork: true
  securityContext:
    windowsOptions:
      hostProcess: true
      runAsUserName: "NT AUTHORITY\\\\SYSTEM"
`),
    },
    {
      name: 'HostProcess set on the containers only',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostNetwork: true
  containers:
  - name: agent
    image: agent:1.0
    securityContext:
      windowsOptions:
        hostProcess: true
`,
    },
  ],
  invalid: [
    {
      name: 'one finding per field, at its key (YAML 1.1 yes is true, as kubectl reads it); one fix sets each to false in place',
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      hostPID: true
      hostIPC: true # shared memory with the node
      hostNetwork: yes
      dnsPolicy: ClusterFirstWithHostNet
      containers:
        - name: agent
          image: agent:1.0
`,
      applyFixes: { behaviour: ['no-host-namespaces'] },
      errors: [
        { messageId: 'hostPID', line: 12 },
        { messageId: 'hostIPC', line: 13 },
        { messageId: 'hostNetwork', line: 14 },
      ],
      output: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      hostPID: false
      hostIPC: false # shared memory with the node
      hostNetwork: false
      dnsPolicy: ClusterFirstWithHostNet
      containers:
        - name: agent
          image: agent:1.0
`,
    },
    {
      name: 'hostNetwork on a Linux pod',
      code: pod('  hostNetwork: true\n'),
      applyFixes: { behaviour: ['no-host-namespaces'] },
      errors: [{ messageId: 'hostNetwork', line: 6 }],
      output: pod('  hostNetwork: false\n'),
    },
    {
      name: 'a HostProcess pod still may not share the host PID namespace',
      code: pod(`  hostNetwork: true
  hostPID: true
  securityContext:
    windowsOptions:
      hostProcess: true
`),
      applyFixes: { behaviour: ['no-host-namespaces'] },
      errors: [{ messageId: 'hostPID', line: 7 }],
      output: pod(`  hostNetwork: true
  hostPID: false
  securityContext:
    windowsOptions:
      hostProcess: true
`),
    },
    {
      name: 'by default hostNetwork: false is a behaviour suggestion, not a fix',
      code: pod('  hostNetwork: true\n'),
      errors: [
        {
          messageId: 'hostNetwork',
          line: 6,
          suggestions: [{ messageId: 'suggestOwnNamespace', data: { field: 'hostNetwork' }, kind: 'behaviour', output: pod('  hostNetwork: false\n') }],
        },
      ],
      output: null,
    },
    {
      name: 'a DaemonSet reading the host /proc (node-exporter): node-level access is its purpose; no fix, no suggestion',
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-exporter
spec:
  template:
    spec:
      hostNetwork: true
      hostPID: true
      containers:
      - name: node-exporter
        image: quay.io/prometheus/node-exporter:v1.8.0
        volumeMounts:
        - {name: proc, mountPath: /host/proc, readOnly: true}
      volumes:
      - name: proc
        hostPath: {path: /proc}
`,
      applyFixes: { behaviour: 'all' },
      errors: [
        {
          messageId: 'hostNetworkPurpose',
          line: 8,
          data: { purpose: `container "node-exporter": it mounts the host's /proc in a DaemonSet (a node agent)` },
          suggestions: [],
        },
        { messageId: 'hostPIDPurpose', line: 9, suggestions: [] },
      ],
      output: null,
    },
  ],
});
