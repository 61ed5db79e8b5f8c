import { testPolicy } from '../../src/api/testing.js';
import policy from '../../policies/no-runtime-mutation.js';

const pod = (container: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: alpine:3.20
${container}${extra}`;

testPolicy(policy, {
  valid: [
    {
      name: 'waiting for a dependency in a shell loop',
      code: pod('    command: ["sh", "-c", "until nc -z db 5432; do echo waiting; sleep 2; done"]\n'),
    },
    {
      name: 'rm -rf /tmp/* is not a system path',
      code: pod('    command: ["sh", "-c", "rm -rf /tmp/* && exec /app"]\n'),
    },
    {
      name: 'a download piped to a filter, not to a shell; redirects to /dev',
      code: pod(
        "    command:\n    - /bin/sh\n    - -c\n    - |\n      CODE=$(wget --server-response http://web 2>&1 | awk '/HTTP/{print $2}')\n      echo $CODE > /dev/null 2>&1\n",
      ),
    },
    {
      name: 'pip install --target into a mounted emptyDir (init container preparing a volume)',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
  - name: deps
    image: python:3.12
    command: ["pip", "install", "--target", "/deps", "requests==2.32.3"]
    volumeMounts:
    - name: deps
      mountPath: /deps
  containers:
  - name: app
    image: python:3.12
  volumes:
  - name: deps
    emptyDir: {}
`,
    },
    {
      name: 'npm install in a working directory that is a mounted volume',
      code: pod(
        '    command: ["sh", "-c", "cd /work && npm ci && node ."]\n    volumeMounts:\n    - name: work\n      mountPath: /work\n',
        '  volumes:\n  - name: work\n    emptyDir: {}\n',
      ),
    },
    {
      name: 'sed -i on a file of a mounted emptyDir under /etc',
      code: pod(
        '    command: ["sh", "-c", "sed -i s/80/8080/ /etc/nginx/conf.d/default.conf; nginx -g \'daemon off;\'"]\n    volumeMounts:\n    - name: conf\n      mountPath: /etc/nginx/conf.d\n',
        '  volumes:\n  - name: conf\n    emptyDir: {}\n',
      ),
    },
    {
      name: 'words in comments, quotes and here-documents are not commands',
      code: pod(
        '    command:\n    - sh\n    - -c\n    - |\n      # apt-get install -y curl\n      echo \'rm -rf /usr/bin\' "apk add x"\n      cat <<EOF > /tmp/x\n      rm -rf /etc\n      EOF\n      exec /app\n',
      ),
    },
    {
      name: 'args alone are handed to the image entrypoint: only a -c script is read',
      code: pod('    args: ["install", "/usr/local/bin"]\n'),
    },
    {
      name: 'an exec probe that only reads',
      code: pod('    livenessProbe:\n      exec:\n        command: ["cat", "/etc/hostname"]\n'),
    },
  ],
  invalid: [
    {
      name: "the seeds' startupProbe deleting /bin/touch",
      code: pod('    startupProbe:\n      exec:\n        command:\n        - rm\n        - /bin/touch\n'),
      errors: [{ messageId: 'deleteBinary', line: 13 }],
      output: null,
    },
    {
      name: "the seeds' startupProbe deleting /bin/bash (flow sequence, through a shell)",
      code: pod('    startupProbe:\n      exec:\n        command: ["/bin/sh", "-c", "rm -f /bin/bash"]\n'),
      errors: [{ messageId: 'deleteBinary', line: 11 }],
      output: null,
    },
    {
      name: 'apt-get install inside sh -c',
      code: pod('    command: ["sh", "-c", "apt-get update && apt-get install -y curl && exec /app"]\n'),
      errors: [{ messageId: 'packageInstall', line: 9 }],
      output: null,
    },
    {
      name: 'a block script: curl piped to sh, chmod and a redirect into /etc',
      code: pod(
        '    command: ["/bin/bash", "-ec"]\n    args:\n    - |\n      curl -fsSL https://example.com/install.sh | sh\n      chmod 755 /usr/local/bin/tool\n      echo "10.0.0.1 db" >> /etc/hosts\n      exec tool\n',
      ),
      errors: [
        { messageId: 'pipeToShell', line: 11 },
        { messageId: 'systemPath', line: 11 },
        { messageId: 'systemPath', line: 11 },
      ],
      output: null,
    },
    {
      name: 'sed -i on a system file in exec form: reported at the path item',
      code: pod('    command:\n    - sed\n    - -i\n    - s/a/b/\n    - /etc/app.conf\n'),
      errors: [{ messageId: 'systemPath', line: 13 }],
      output: null,
    },
    {
      name: 'postStart hook, livenessProbe and a wrapped mv',
      code: pod(
        '    lifecycle:\n      postStart:\n        exec:\n          command: ["/bin/sh", "-c", "sudo mv /usr/bin/wget /tmp/"]\n    livenessProbe:\n      exec:\n        command: ["pip3", "install", "requests"]\n',
      ),
      errors: [
        { messageId: 'systemPath', line: 12 },
        { messageId: 'packageInstall', line: 15 },
      ],
      output: null,
    },
    {
      name: 'bash -c "$(curl ...)" and apk add in an init container of a Deployment',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      initContainers:
      - name: setup
        image: alpine:3.20
        command: ["sh", "-c", "apk add --no-cache git"]
      containers:
      - name: web
        image: alpine:3.20
        command: ["bash", "-c", "$(curl -fsSL https://get.example.com)"]
`,
      errors: [
        { messageId: 'packageInstall', line: 11 },
        { messageId: 'pipeToShell', line: 15 },
      ],
      output: null,
    },
    {
      name: 'pip install --target into a path that is not mounted',
      code: pod('    command: ["python3", "-m", "pip", "install", "--target", "/opt/deps", "flask"]\n'),
      errors: [{ messageId: 'packageInstall', line: 9 }],
      output: null,
    },
  ],
});
