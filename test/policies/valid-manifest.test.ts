import { readFileSync } from 'node:fs';
import { testPolicy } from '../../src/api/testing.js';
import policy from '../../policies/valid-manifest.js';

const seed = (name: string) => readFileSync(new URL(`../../examples/seeds/${name}`, import.meta.url), 'utf8');

testPolicy(policy, {
  valid: [
    seed('nginx-pod-readonly.yaml'),
    {
      name: 'Argo Rollout: only its pod template is validated',
      code: `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: r
spec:
  strategy:
    canary: {steps: [{setWeight: 20}]}
  template:
    spec:
      containers:
      - name: a
        image: x
`,
    },
    { name: 'a non-manifest document is skipped, not reported', code: 'replicaCount: 2\nimage:\n  repository: nginx\n' },
    {
      name: 'a merge key first, explicit keys after it: kubectl and YAML agree',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  <<: {name: a, namespace: b}\n  name: c\ndata: {a: b}\n',
    },
    {
      name: '"--- #" is a separator for both',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n--- # next\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n',
    },
    {
      name: 'API rules: what the API server accepts (SYS_ADMIN without CAP_, Bidirectional when privileged, a volume without a source)',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    image: x
    securityContext:
      allowPrivilegeEscalation: false
      capabilities: {add: [SYS_ADMIN]}
  - name: b
    image: x
    securityContext: {privileged: true}
    volumeMounts:
    - {name: host, mountPath: /host, mountPropagation: Bidirectional}
    - {name: scratch, mountPath: /scratch, readOnly: true, recursiveReadOnly: Enabled}
  volumes:
  - {name: host, hostPath: {path: /mnt}}
  - name: scratch
`,
    },
  ],
  invalid: [
    {
      name: 'a "---#" line: a document separator for kubectl, text for YAML',
      code: '!!null |\n---#\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: x\n',
      errors: [{ messageId: 'kubectlDifference', line: 2 }],
      output: null,
    },
    {
      name: 'a merge key that overrides keys set above it (go-yaml v2 order)',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: false\n  <<: {hostPID: true}\n  containers:\n  - name: c\n    image: x\n',
      errors: [{ messageId: 'kubectlDifference', line: 7 }],
      output: null,
    },
    {
      name: 'items under a kind that is not a List: kubectl applies the items and ignores the outer object',
      code: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: c\n  data: {a: b}\n',
      errors: [{ messageId: 'invalidObject', line: 5 }],
      output: null,
    },
    {
      name: "the seed pod: names: instead of name:, and the mounts' volumes undefined",
      code: seed('nginx-pod-typos.yaml'),
      errors: [
        { messageId: 'undefinedVolume', line: 13 },
        { messageId: 'undefinedVolume', line: 15 },
        { messageId: 'volumeWithoutName', line: 18 },
        { messageId: 'volumeWithoutName', line: 20 },
      ],
      output: null,
    },
    {
      name: 'the seed pod with the mis-indented volumes: key is a parse error at its line',
      code: seed('nginx-pod-misindented-volumes.yaml'),
      errors: [{ messageId: 'parseError', line: 18 }],
      output: null,
    },
    {
      name: 'unknown fields and wrong types, pointed at exactly',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  selector:
    matchLabels: {app: d}
  template:
    metadata:
      labels: {app: d}
    spec:
      securityContext:
        readOnlyRootFilesystem: true
      containers:
      - name: a
        image: x
        securityContext:
          readOnlyRootFilesystem: "yes please"
        ports:
        - containerPort: "80"
`,
      errors: [
        { messageId: 'schema', line: 13 },
        { messageId: 'schema', line: 18 },
        { messageId: 'schema', line: 20 },
      ],
    },
    {
      name: 'Windows pods: Linux-only securityContext fields are rejected by the API server',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: win
spec:
  os:
    name: windows
  securityContext:
    runAsUser: 1000
    windowsOptions: {runAsUserName: ContainerUser}
  containers:
  - name: iis
    image: mcr.microsoft.com/windows/servercore/iis
    securityContext:
      privileged: true
      readOnlyRootFilesystem: true
      capabilities: {drop: [ALL]}
`,
      errors: [
        { messageId: 'windowsField', line: 9 },
        { messageId: 'windowsField', line: 15 },
        { messageId: 'windowsField', line: 16 },
        { messageId: 'windowsField', line: 17 },
      ],
      output: null,
    },
    {
      name: 'duplicate volume names and mount paths',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    image: x
    volumeMounts:
    - {name: v, mountPath: /tmp}
    - {name: v, mountPath: /tmp/}
  volumes:
  - {name: v, emptyDir: {}}
  - {name: v, emptyDir: {}}
`,
      errors: [
        { messageId: 'duplicateMountPath', line: 11 },
        { messageId: 'duplicateVolume', line: 14 },
      ],
    },
    {
      name: 'API rules the schema cannot express, each pointed at its field',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  selector:
    matchLabels: {app: d}
  template:
    metadata:
      labels: {app: d}
    spec:
      containers:
      - name: a
        image: x
        securityContext:
          privileged: true
          allowPrivilegeEscalation: false
      - name: b
        image: x
        securityContext:
          allowPrivilegeEscalation: false
          capabilities:
            add: [NET_ADMIN, CAP_SYS_ADMIN]
        volumeMounts:
        - name: host
          mountPath: /host
          mountPropagation: Bidirectional
        - name: Cache
          mountPath: /cache
          recursiveReadOnly: Enabled
      volumes:
      - name: host
        hostPath: {path: /mnt}
        emptyDir: {}
      - name: Cache
        emptyDir:
          sizeLimit: -1Gi
`,
      errors: [
        { messageId: 'apiRule', line: 17 }, // allowPrivilegeEscalation: false with privileged: true
        { messageId: 'apiRule', line: 23 }, // CAP_SYS_ADMIN with allowPrivilegeEscalation: false
        { messageId: 'apiRule', line: 27 }, // Bidirectional in a container that is not privileged
        { messageId: 'apiRule', line: 30 }, // recursiveReadOnly without readOnly: true
        { messageId: 'apiRule', line: 33 }, // a second source (hostPath after emptyDir in the API's order)
        { messageId: 'apiRule', line: 35 }, // a volume name that is not a DNS-1123 label
        { messageId: 'apiRule', line: 37 }, // a negative sizeLimit
      ],
      output: null,
    },
  ],
});
