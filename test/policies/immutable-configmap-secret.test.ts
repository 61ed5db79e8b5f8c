import { testPolicy } from '../../src/api/testing.js';
import policy from '../../policies/immutable-configmap-secret.js';

const cm = (name: string, extra = '') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${extra}data:\n  a: b\n`;
const deployment = (annotations: string, spec: string) => `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${annotations}spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
${spec}`;
const usesCfg = `      containers:
      - name: app
        image: app:1.0
        envFrom:
        - configMapRef: {name: cfg}
`;
const mountsCfg = (sidecar: string) => `      containers:
      - name: app
        image: app:1.0
        volumeMounts:
        - {name: config, mountPath: /etc/app}
      - name: reload
        image: ${sidecar}
        volumeMounts:
        - {name: config, mountPath: /etc/app}
      volumes:
      - name: config
        configMap: {name: cfg}
`;
/** The one suggestion: immutable: true (and rename per change). */
const suggestion = (output: string) => [{ messageId: 'suggestImmutable', output }];

testPolicy(policy, {
  valid: [
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nimmutable: true\ndata:\n  a: b\n',
    {
      name: 'service account token secrets are filled by a controller',
      code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: t\n  annotations:\n    kubernetes.io/service-account.name: app\ntype: kubernetes.io/service-account-token\n',
    },
    { name: 'other groups are not core ConfigMaps', code: 'apiVersion: example.com/v1\nkind: ConfigMap\nmetadata:\n  name: c\n' },
    {
      name: 'Reloader: reloader.stakater.com/auto on a workload of the file that uses it (envFrom)',
      code: cm('cfg') + deployment('  annotations:\n    reloader.stakater.com/auto: "true"\n', usesCfg),
    },
    {
      name: 'Reloader: auto on a workload that uses the Secret through env valueFrom',
      code:
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\nstringData: {p: q}\n' +
        deployment(
          '  annotations:\n    reloader.stakater.com/auto: "true"\n',
          '      containers:\n      - name: app\n        image: app:1.0\n        env:\n        - name: P\n          valueFrom: {secretKeyRef: {name: creds, key: p}}\n',
        ),
    },
    {
      name: 'Reloader: configmap.reloader.stakater.com/reload names it (in a list)',
      code: cm('cfg') + deployment('  annotations:\n    configmap.reloader.stakater.com/reload: "other, cfg"\n', usesCfg),
    },
    {
      name: 'Reloader: secret.reloader.stakater.com/reload names the Secret',
      code:
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\nstringData: {p: q}\n' +
        deployment('  annotations:\n    secret.reloader.stakater.com/reload: creds\n', usesCfg),
    },
    {
      name: 'a jimmidyson/configmap-reload sidecar in a pod that mounts it',
      code: cm('cfg') + deployment('', mountsCfg('jimmidyson/configmap-reload:v0.13.1')),
    },
    { name: 'ghcr.io/jimmidyson/configmap-reload', code: cm('cfg') + deployment('', mountsCfg('ghcr.io/jimmidyson/configmap-reload:v0.14.0')) },
    {
      name: 'quay.io/prometheus-operator/prometheus-config-reloader',
      code: cm('cfg') + deployment('', mountsCfg('quay.io/prometheus-operator/prometheus-config-reloader:v0.75.0')),
    },
    { name: 'kiwigrid/k8s-sidecar (Docker Hub, written in full)', code: cm('cfg') + deployment('', mountsCfg('docker.io/kiwigrid/k8s-sidecar:1.27.5')) },
  ],
  invalid: [
    {
      name: 'ConfigMap with a block scalar: immutable only suggested (after the block scalar), never a fix',
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: nginx-conf
data:
  nginx.conf: |
    events {}
    http {}
`,
      errors: [
        {
          messageId: 'missing',
          line: 2,
          suggestions: suggestion(`apiVersion: v1
kind: ConfigMap
metadata:
  name: nginx-conf
data:
  nginx.conf: |
    events {}
    http {}
immutable: true
`),
        },
      ],
      output: null,
    },
    {
      name: 'Secret with immutable: false and no final newline',
      code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nimmutable: false\nstringData:\n  password: hunter2',
      errors: [
        {
          messageId: 'disabled',
          line: 5,
          suggestions: [
            {
              messageId: 'suggestImmutable',
              kind: 'behaviour',
              data: { kind: 'Secret', generator: 'secretGenerator' },
              output: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nimmutable: true\nstringData:\n  password: hunter2',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'items of a List',
      code: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n  data: {k: v}\n',
      errors: [
        {
          messageId: 'missing',
          line: 5,
          suggestions: suggestion(
            'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n  data: {k: v}\n  immutable: true\n',
          ),
        },
      ],
      output: null,
    },
    {
      name: "a kustomize content-hash suffix: the remedy is the generator's options.immutable",
      code: cm('app-config-7m8dk4ht2b'),
      errors: [
        {
          messageId: 'generated',
          line: 2,
          data: {
            kind: 'ConfigMap',
            name: 'app-config-7m8dk4ht2b',
            generator: 'configMapGenerator',
            evidence: "its name ends in a content hash (as kustomize's generators and kubectl create --append-hash make it)",
          },
          suggestions: suggestion(cm('app-config-7m8dk4ht2b') + 'immutable: true\n'),
        },
      ],
      output: null,
    },
    {
      name: 'kustomize origin annotation naming a SecretGenerator',
      code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n  annotations:\n    config.kubernetes.io/origin: |\n      configuredIn: kustomization.yaml\n      configuredBy:\n        apiVersion: builtin\n        kind: SecretGenerator\nstringData: {p: q}\n',
      errors: [
        {
          messageId: 'generated',
          line: 2,
          data: {
            kind: 'Secret',
            name: 'creds',
            generator: 'secretGenerator',
            evidence: 'its config.kubernetes.io/origin annotation says a kustomize SecretGenerator made it',
          },
        },
      ],
      output: null,
    },
    {
      name: 'not a content hash: too short, or with a letter kustomize never writes (a, e)',
      code: cm('app-config-7m8dk4ht2') + '---\n' + cm('app-config-7m8dk4ht2a'),
      errors: [
        { messageId: 'missing', line: 2 },
        { messageId: 'missing', line: 9 },
      ],
      output: null,
    },
    {
      name: 'Reloader annotations that do not cover it: auto on a workload that does not use it, a reload list of other names, the Secret list for a ConfigMap',
      code:
        cm('cfg') +
        deployment(
          '  annotations:\n    reloader.stakater.com/auto: "true"\n    configmap.reloader.stakater.com/reload: "cfg2"\n    secret.reloader.stakater.com/reload: cfg\n',
          '      containers:\n      - name: app\n        image: app:1.0\n',
        ),
      errors: [{ messageId: 'missing', line: 2 }],
      output: null,
    },
    {
      name: "a reloader sidecar in a pod that does not mount it, or another namespace's workload",
      code:
        cm('cfg') +
        deployment(
          '',
          '      containers:\n      - name: reload\n        image: jimmidyson/configmap-reload:v0.13.1\n      volumes:\n      - name: other\n        configMap: {name: other}\n',
        ) +
        '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ns-cfg\n  namespace: a\ndata: {k: v}\n' +
        '---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: b\n  annotations:\n    reloader.stakater.com/auto: "true"\nspec:\n  containers:\n  - name: app\n    image: app:1.0\n    envFrom:\n    - configMapRef: {name: ns-cfg}\n',
      errors: [
        { messageId: 'missing', line: 2 },
        { messageId: 'missing', line: 25 },
      ],
      output: null,
    },
    {
      name: 'with its behaviour changes applied, immutable: true is a fix',
      code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nimmutable: false\nstringData:\n  password: hunter2',
      applyFixes: { behaviour: ['immutable-configmap-secret'] },
      errors: [{ messageId: 'disabled', line: 5 }],
      output: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nimmutable: true\nstringData:\n  password: hunter2',
    },
  ],
});
