import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { validateDefinition, validateObject, type SchemaProblem } from '../../src/k8s/schema-validate.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function nginxDeployment(): Record<string, any> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'nginx', labels: { app: 'nginx' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'nginx' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: {
          containers: [
            {
              name: 'nginx',
              image: 'nginx:1.27',
              ports: [{ containerPort: 80, name: 'http' }],
              resources: { limits: { memory: '512Mi', cpu: 1 }, requests: { cpu: '100m', memory: '128Mi' } },
              securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
              readinessProbe: { httpGet: { path: '/', port: 'http' } },
              volumeMounts: [{ name: 'cache-volume', mountPath: '/var/cache/nginx' }],
            },
          ],
          volumes: [{ name: 'cache-volume', emptyDir: { sizeLimit: '1Gi' } }],
        },
      },
    },
  };
}

function pod(spec: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec };
}

const container = { name: 'app', image: 'app:1.0' };

function codesAt(problems: SchemaProblem[], path: (string | number)[]): string[] {
  return problems.filter((p) => JSON.stringify(p.path) === JSON.stringify(path)).map((p) => p.code);
}

describe('validateObject', () => {
  it('accepts a valid nginx Deployment', () => {
    const r = validateObject(nginxDeployment());
    expect(r.known).toBe(true);
    expect(r.kubernetesVersion).toMatch(/^1\.\d+/);
    expect(r.problems).toEqual([]);
  });

  it('reports the seed bug volumes[0].names as unknown field plus missing name', () => {
    const r = validateObject(pod({ containers: [container], volumes: [{ names: 'cache-volume', emptyDir: {} }] }));
    expect(r.known).toBe(true);
    expect(r.problems).toContainEqual({
      path: ['spec', 'volumes', 0, 'names'],
      code: 'unknown-field',
      message: 'unknown field "names" in Volume',
    });
    expect(r.problems).toContainEqual({
      path: ['spec', 'volumes', 0],
      code: 'missing-required',
      message: 'missing required field "name"',
    });
    expect(r.problems).toHaveLength(2);
  });

  it('finds the seed bug inside a Deployment pod template with the full path', () => {
    const d = nginxDeployment();
    d.spec.template.spec.volumes = [{ names: 'cache-volume', emptyDir: {} }];
    const r = validateObject(d);
    expect(codesAt(r.problems, ['spec', 'template', 'spec', 'volumes', 0, 'names'])).toEqual(['unknown-field']);
    expect(codesAt(r.problems, ['spec', 'template', 'spec', 'volumes', 0])).toEqual(['missing-required']);
  });

  it('reports pod-level securityContext.readOnlyRootFilesystem as unknown (container-only field)', () => {
    const r = validateObject(pod({ containers: [container], securityContext: { runAsNonRoot: true, readOnlyRootFilesystem: true } }));
    expect(r.problems).toEqual([
      {
        path: ['spec', 'securityContext', 'readOnlyRootFilesystem'],
        code: 'unknown-field',
        message: 'unknown field "readOnlyRootFilesystem" in PodSecurityContext',
      },
    ]);
  });

  it('reports a string readOnlyRootFilesystem as wrong type', () => {
    const r = validateObject(pod({ containers: [{ ...container, securityContext: { readOnlyRootFilesystem: 'yes' } }] }));
    expect(r.problems).toEqual([
      {
        path: ['spec', 'containers', 0, 'securityContext', 'readOnlyRootFilesystem'],
        code: 'wrong-type',
        message: 'expected boolean, got string',
      },
    ]);
  });

  it('rejects containerPort "80" (int32) but accepts IntOrString targetPort "http" in a Service', () => {
    const bad = validateObject(pod({ containers: [{ ...container, ports: [{ containerPort: '80' }] }] }));
    expect(bad.problems).toEqual([
      { path: ['spec', 'containers', 0, 'ports', 0, 'containerPort'], code: 'wrong-type', message: 'expected integer, got string' },
    ]);
    const svc = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: {
        selector: { app: 'web' },
        ports: [
          { port: 80, targetPort: 'http' },
          { port: 81, targetPort: 8081 },
        ],
      },
    };
    expect(validateObject(svc)).toEqual({ known: true, kubernetesVersion: expect.any(String), problems: [] });
  });

  it('reports one wrong-type problem for a bad IntOrString, not one per alternative', () => {
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 80, targetPort: true }] } };
    expect(validateObject(svc).problems).toEqual([
      { path: ['spec', 'ports', 0, 'targetPort'], code: 'wrong-type', message: 'expected integer or string, got boolean' },
    ]);
  });

  it('reports one problem when an object field has a scalar value', () => {
    const r = validateObject(pod({ containers: [{ ...container, securityContext: 'restricted' }] }));
    expect(r.problems).toEqual([{ path: ['spec', 'containers', 0, 'securityContext'], code: 'wrong-type', message: 'expected object, got string' }]);
  });

  it('validates a batch/v1 CronJob through jobTemplate.spec.template', () => {
    const cron = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'hello' },
      spec: {
        schedule: '*/5 * * * *',
        jobTemplate: {
          spec: {
            template: {
              spec: {
                restartPolicy: 'OnFailure',
                containers: [{ name: 'hello', image: 'busybox', command: ['date'], securityContext: { readOnlyRootFilesystem: 'true' } }],
              },
            },
          },
        },
      },
    };
    const path = ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers', 0, 'securityContext', 'readOnlyRootFilesystem'];
    expect(validateObject(cron).problems).toEqual([{ path, code: 'wrong-type', message: 'expected boolean, got string' }]);
    delete (cron.spec.jobTemplate.spec.template.spec.containers[0] as Record<string, unknown>).securityContext;
    expect(validateObject(cron).problems).toEqual([]);
    delete (cron.spec as Record<string, unknown>).schedule;
    expect(validateObject(cron).problems).toEqual([{ path: ['spec'], code: 'missing-required', message: 'missing required field "schedule"' }]);
  });

  it('returns known=false for kinds and values outside the schema', () => {
    const rollout = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', spec: { bogus: 1 } };
    expect(validateObject(rollout)).toEqual({ known: false, kubernetesVersion: expect.any(String), problems: [] });
    expect(validateObject({ apiVersion: 'extensions/v1beta1', kind: 'Deployment' }).known).toBe(false);
    expect(validateObject(null).known).toBe(false);
    expect(validateObject('Pod').known).toBe(false);
    expect(validateObject([]).known).toBe(false);
    expect(validateObject({ kind: 'Pod' }).known).toBe(false);
  });

  it('accepts null for optional fields (kubectl treats `foo:` as unset)', () => {
    const r = validateObject({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', creationTimestamp: null, labels: null },
      spec: { containers: [{ ...container, securityContext: null, resources: null, args: null, ports: null }], volumes: null },
      status: {},
    });
    expect(r.problems).toEqual([]);
  });

  it('rejects null for required fields', () => {
    const r = validateObject(pod({ containers: [{ name: null, image: 'x' }] }));
    expect(r.problems).toEqual([{ path: ['spec', 'containers', 0, 'name'], code: 'wrong-type', message: 'expected string, got null' }]);
  });

  it('accepts Quantity strings and numbers for resources, and rejects other types', () => {
    const ok = validateObject(pod({ containers: [{ ...container, resources: { limits: { memory: '512Mi', cpu: 1 }, requests: { cpu: 0.5 } } }] }));
    expect(ok.problems).toEqual([]);
    const bad = validateObject(pod({ containers: [{ ...container, resources: { limits: { cpu: true } } }] }));
    expect(bad.problems).toEqual([
      { path: ['spec', 'containers', 0, 'resources', 'limits', 'cpu'], code: 'wrong-type', message: 'expected string or number, got boolean' },
    ]);
  });

  it('allows status in exported manifests', () => {
    const d = nginxDeployment();
    d.status = { replicas: 3, availableReplicas: 3, conditions: [{ type: 'Available', status: 'True' }] };
    expect(validateObject(d).problems).toEqual([]);
  });

  it('validates RBAC kinds', () => {
    const role = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'r' },
      rules: [
        { apiGroups: [''], resources: ['pods'], verbs: ['get'] },
        { resources: ['pods'], verb: ['list'] },
      ],
    };
    const r = validateObject(role);
    expect(r.problems).toEqual([
      { path: ['rules', 1], code: 'missing-required', message: 'missing required field "verbs"' },
      { path: ['rules', 1, 'verb'], code: 'unknown-field', message: 'unknown field "verb" in PolicyRule' },
    ]);
  });
});

describe('validateDefinition', () => {
  it('validates a PodTemplateSpec with paths relative to the value', () => {
    const template = { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'x', image: 'x', imagePullPolicy: 'Always', tty: 'yes' }] } };
    expect(validateDefinition('V1PodTemplateSpec', template)).toEqual([
      { path: ['spec', 'containers', 0, 'tty'], code: 'wrong-type', message: 'expected boolean, got string' },
    ]);
    template.spec.containers[0].tty = true as unknown as string;
    expect(validateDefinition('V1PodTemplateSpec', template)).toEqual([]);
  });

  it('reports a missing containers list in a PodSpec and a non-object value', () => {
    expect(validateDefinition('V1PodSpec', {})).toEqual([{ path: [], code: 'missing-required', message: 'missing required field "containers"' }]);
    expect(validateDefinition('V1PodSpec', 42)).toEqual([{ path: [], code: 'wrong-type', message: 'expected object, got number' }]);
  });

  it('throws only for an unknown definition name', () => {
    expect(() => validateDefinition('V1NoSuchThing', {})).toThrow(/unknown schema definition/);
  });
});

describe('generated schema', () => {
  it('is up to date with the generator (--check)', async () => {
    const result = await new Promise<{ code: number | null; out: string }>((resolveRun) => {
      execFile(process.execPath, ['scripts/gen-k8s-schema.mjs', '--check'], { cwd: ROOT }, (error, stdout, stderr) => {
        resolveRun({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out: `${stdout}${stderr}` });
      });
    });
    expect(result.out).toMatch(/up to date/);
    expect(result.code).toBe(0);
  });
});

describe('YAML-specific values', () => {
  it('checks Date values (unquoted YAML 1.1 timestamps) as strings without mutating the input', () => {
    const created = new Date('2024-01-01T00:00:00Z');
    const obj = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', creationTimestamp: created, annotations: { released: new Date('2024-05-01') } },
      data: { when: created, port: 8080 },
    };
    expect(validateObject(obj).problems).toEqual([{ path: ['data', 'port'], code: 'wrong-type', message: 'expected string, got number' }]);
    expect(obj.metadata.creationTimestamp).toBe(created);
  });
});
