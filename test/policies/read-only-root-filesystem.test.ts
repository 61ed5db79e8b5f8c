import { testPolicy } from '../../src/api/testing.js';
import policy from '../../policies/read-only-root-filesystem.js';

const pod = (container: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${extra}  containers:
${container}`;

testPolicy(policy, {
  valid: [
    pod(`  - name: app
    image: nginx:1.27
    securityContext:
      readOnlyRootFilesystem: true
`),
    {
      name: 'Windows pods are skipped',
      code: pod(
        `  - name: app
    image: mcr.microsoft.com/windows/nanoserver:ltsc2022
`,
        `  os:
    name: windows
`,
      ),
    },
    {
      name: 'not a workload',
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: 80\n',
    },
  ],
  invalid: [
    {
      name: 'nginx without securityContext gets the field and its emptyDir mounts',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: nginx
          image: docker.io/library/nginx:1.27@sha256:${'a'.repeat(64)}
          ports:
            - containerPort: 80
`,
      errors: [{ messageId: 'missing', line: 9 }],
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: nginx
          image: docker.io/library/nginx:1.27@sha256:${'a'.repeat(64)}
          ports:
            - containerPort: 80
          securityContext:
            readOnlyRootFilesystem: true
          volumeMounts:
            - name: var-cache-nginx
              mountPath: /var/cache/nginx
            - name: var-run
              mountPath: /var/run
      volumes:
        - name: var-cache-nginx
          emptyDir: {}
        - name: var-run
          emptyDir: {}
`,
    },
    {
      name: 'explicit false is replaced in place; existing mounts and volume names respected',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: cache
spec:
  containers:
  - name: redis
    image: redis:7
    securityContext:
      readOnlyRootFilesystem: false # set by hand
    volumeMounts:
    - name: tmp
      mountPath: /tmp
  volumes:
  - name: tmp
    emptyDir: {}
  - name: data
    configMap:
      name: x
`,
      errors: [{ messageId: 'disabled', line: 10 }],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: cache
spec:
  containers:
  - name: redis
    image: redis:7
    securityContext:
      readOnlyRootFilesystem: true # set by hand
    volumeMounts:
    - name: tmp
      mountPath: /tmp
    - name: redis-data
      mountPath: /data
  volumes:
  - name: tmp
    emptyDir: {}
  - name: data
    configMap:
      name: x
  - name: redis-data
    emptyDir: {}
`,
    },
    {
      name: 'unknown image, with guesses included: /tmp is a guess; init and ephemeral containers are checked; already mounted /tmp is not mounted again',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: holiday
spec:
  initContainers:
  - name: setup
    image: busybox
    volumeMounts:
    - name: scratch
      mountPath: /tmp
  containers:
  - name: c1
    image: bash:5.1.0
  ephemeralContainers:
  - name: debug
    image: busybox
    securityContext:
      readOnlyRootFilesystem: true
  volumes:
  - name: scratch
    emptyDir: {}
`,
      applyFixes: { guesses: true },
      errors: [
        { messageId: 'missing', line: 7 },
        { messageId: 'missing', line: 13 },
      ],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: holiday
spec:
  initContainers:
  - name: setup
    image: busybox
    volumeMounts:
    - name: scratch
      mountPath: /tmp
    securityContext:
      readOnlyRootFilesystem: true
  containers:
  - name: c1
    image: bash:5.1.0
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
    - name: tmp
      mountPath: /tmp
  ephemeralContainers:
  - name: debug
    image: busybox
    securityContext:
      readOnlyRootFilesystem: true
  volumes:
  - name: scratch
    emptyDir: {}
  - name: tmp
    emptyDir: {}
`,
    },
    {
      name: 'pod-level readOnlyRootFilesystem does nothing and is reported',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    readOnlyRootFilesystem: true
  containers:
  - name: app
    image: eclipse-temurin:21
    securityContext: {runAsNonRoot: true}
`,
      errors: [
        { messageId: 'podLevel', line: 7 },
        { messageId: 'missing', line: 11 },
      ],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    readOnlyRootFilesystem: true
  containers:
  - name: app
    image: eclipse-temurin:21
    securityContext: {runAsNonRoot: true, readOnlyRootFilesystem: true}
    volumeMounts:
    - name: tmp
      mountPath: /tmp
  volumes:
  - name: tmp
    emptyDir: {}
`,
    },
    {
      name: 'CronJob, two containers needing the same path get distinct volume names',
      code: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: job
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: a
            image: python:3.12
          - name: b
            image: python:3.12
`,
      applyFixes: { guesses: true },
      errors: [
        { messageId: 'missing', line: 13 },
        { messageId: 'missing', line: 15 },
      ],
      output: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: job
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: a
            image: python:3.12
            securityContext:
              readOnlyRootFilesystem: true
            volumeMounts:
            - name: tmp
              mountPath: /tmp
          - name: b
            image: python:3.12
            securityContext:
              readOnlyRootFilesystem: true
            volumeMounts:
            - name: b-tmp
              mountPath: /tmp
          volumes:
          - name: tmp
            emptyDir: {}
          - name: b-tmp
            emptyDir: {}
`,
    },
    {
      name: 'unknown image, by default: the /tmp mount is a guess, so a suggestion (verified alone), not a fix',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: example.com/app:1\n',
      errors: [
        {
          messageId: 'missing',
          line: 7,
          suggestions: [
            {
              messageId: 'guessedFix',
              data: { unknownImage: 'the image "example.com/app:1" is not in the table of known images', guessedMounts: ' and mount an emptyDir at /tmp' },
              kind: 'guess',
              output:
                'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: example.com/app:1\n    securityContext:\n      readOnlyRootFilesystem: true\n    volumeMounts:\n    - name: tmp\n      mountPath: /tmp\n  volumes:\n  - name: tmp\n    emptyDir: {}\n',
            },
          ],
        },
      ],
      output: null,
    },
  ],
});
