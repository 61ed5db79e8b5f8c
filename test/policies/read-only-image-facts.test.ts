/**
 * The read-only fix with facts from outside the table: the image's inspected config
 * (`context.images.configs`, from --inspect-images), the manifest's own env (PGDATA, TMPDIR…),
 * and files the manifest names under a folder a mount would hide.
 */
import rofs from '../../policies/read-only-root-filesystem.js';
import wpm from '../../policies/writable-paths-mounted.js';
import { run, type EngineOptions, type Finding } from '../../src/engine/index.js';
import type { InspectedImageConfig } from '../../src/k8s/index.js';

const CONFIG_DIGEST = `sha256:${'c'.repeat(64)}`;

const config = (c: Partial<InspectedImageConfig>): InspectedImageConfig => ({
  volumes: [],
  user: undefined,
  workingDir: undefined,
  env: {},
  labels: {},
  configDigest: CONFIG_DIGEST,
  ...c,
});

const pod = (image: string, extra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: ${image}\n${extra}`;

function scan(text: string, configs: Record<string, InspectedImageConfig> = {}, opts: EngineOptions = {}) {
  const r = run([{ path: 'p.yaml', text }], [rofs, wpm], { ...opts, images: { configs: new Map(Object.entries(configs)) } });
  const finding = r.findings.find((f) => f.policyId === 'read-only-root-filesystem')!;
  return { r, finding, fixed: r.files[0]!.fixedText, kind: kindOf(finding) };
}

/** `safe` for a finding with a fix group, the held-back fix's kind, or undefined for no fix at all. */
function kindOf(f: Finding): string | undefined {
  if (f.fixId !== undefined) return 'safe';
  return f.suggestions.find((s) => s.reason !== undefined)?.kind;
}

describe('read-only fix with an inspected image config', () => {
  it('an image built FROM postgres (its VOLUME) is a known fact: both postgres paths, a fix', () => {
    const image = 'ghcr.io/acme/pg-custom:1';
    const { finding, fixed, kind } = scan(pod(image), { [image]: config({ volumes: ['/var/lib/postgresql/data'] }) });
    expect(kind).toBe('safe');
    expect(finding.message).toContain('is taken for postgres');
    expect(finding.message).toContain('declares the VOLUMEs /var/lib/postgresql/data');
    expect(fixed).toContain('mountPath: /var/lib/postgresql/data');
    expect(fixed).toContain('mountPath: /var/run/postgresql');
    expect(fixed).not.toContain('mountPath: /tmp');
  });

  it('without the config the same image is a guess (/tmp only, not applied)', () => {
    const { fixed, kind } = scan(pod('ghcr.io/acme/pg-custom:1'));
    expect(kind).toBe('guess');
    expect(fixed).toBeUndefined();
  });

  it('the base-image label names a known image', () => {
    const image = 'registry.example.com/web:2';
    const { finding, fixed, kind } = scan(pod(image), {
      [image]: config({ labels: { 'org.opencontainers.image.base.name': 'docker.io/library/nginx:1.27' } }),
    });
    expect(kind).toBe('safe');
    expect(finding.message).toContain('org.opencontainers.image.base.name names docker.io/library/nginx:1.27');
    expect(fixed).toContain('mountPath: /var/cache/nginx');
  });

  it('volumes shared by two known images (redis and valkey: /data) match neither: a guess with /tmp and /data', () => {
    const image = 'example.com/kv:1';
    const { finding, kind } = scan(pod(image), { [image]: config({ volumes: ['/data'] }) });
    expect(kind).toBe('guess');
    expect(finding.message).toContain('its config matches none');
    expect(finding.message).toContain('/data: declared by the image config');
    const guess = finding.suggestions.find((s) => s.kind === 'guess')!;
    expect(guess.edits.map((e) => e.text).join('')).toContain('mountPath: /data');
  });

  it('an unmatched config adds the folders its Env names to the guess', () => {
    const image = 'example.com/llm:1';
    const { finding, kind } = scan(pod(image), { [image]: config({ env: { HF_HOME: '/models/hf', PATH: '/usr/bin' } }) });
    expect(kind).toBe('guess');
    const guess = finding.suggestions.find((s) => s.kind === 'guess')!;
    const text = guess.edits.map((e) => e.text).join('');
    expect(text).toContain('mountPath: /models/hf');
    expect(text).toContain('mountPath: /tmp');
  });

  it('a config VOLUME over content the table lists is not mounted (caddy keeps /etc/caddy); one whose content is unknown (/srv) makes the fix a guess', () => {
    const { finding, fixed, kind } = scan(pod('caddy:2'), { 'caddy:2': config({ volumes: ['/etc/caddy', '/srv'] }) });
    expect(kind).toBe('guess');
    expect(fixed).toBeUndefined();
    const text = finding.suggestions
      .find((s) => s.kind === 'guess')!
      .edits.map((e) => e.text)
      .join('');
    expect(text).toContain('mountPath: /srv');
    expect(text).not.toContain('mountPath: /etc/caddy');
  });
});

describe("read-only fix with the manifest's own hints", () => {
  it('TMPDIR names a folder the process writes: mounted with /tmp, the reason said', () => {
    const { finding, r } = scan(pod('example.com/app:1', '    env:\n    - name: TMPDIR\n      value: /scratch\n'), {}, { applyFixes: { guesses: true } });
    expect(finding.message).toContain('TMPDIR is where programs create their temporary files');
    expect(r.files[0]!.fixedText).toContain('mountPath: /scratch');
    expect(r.files[0]!.fixedText).toContain('mountPath: /tmp');
  });

  it('PGDATA outside the image paths of postgres is mounted too, as data', () => {
    const { finding, fixed, kind } = scan(pod('postgres:17', '    env:\n    - name: PGDATA\n      value: /pgdata/cluster\n'));
    expect(kind).toBe('safe');
    expect(fixed).toContain('mountPath: /pgdata/cluster');
    expect(finding.message).toMatch(/\/pgdata\/cluster holds data|\/pgdata\/cluster.* holds data/);
  });

  it('PGDATA under a path already planned adds nothing', () => {
    const { fixed } = scan(pod('postgres:17', '    env:\n    - name: PGDATA\n      value: /var/lib/postgresql/data/pgdata\n'));
    expect(fixed).not.toContain('mountPath: /var/lib/postgresql/data/pgdata');
    expect(fixed).toContain('mountPath: /var/lib/postgresql/data\n');
  });

  it('a -javaagent jar under /tmp: an emptyDir would hide it, so no fix, and the copy pattern is explained', () => {
    const { finding, r, kind } = scan(
      pod('example.com/kafka:3', '    env:\n    - name: JAVA_TOOL_OPTIONS\n      value: -javaagent:/tmp/opentelemetry-javaagent.jar\n'),
      {},
      { applyFixes: { guesses: true } },
    );
    expect(finding.message).toContain('names /tmp/opentelemetry-javaagent.jar in it, which an emptyDir there would hide');
    expect(finding.message).toContain('init container');
    expect(kind).toBeUndefined();
    expect(finding.suggestions).toEqual([]);
    expect(r.files[0]!.fixedText).toBeUndefined();
  });

  it('a jar already under a mounted volume hides nothing', () => {
    const text = pod(
      'example.com/kafka:3',
      '    env:\n    - name: JAVA_TOOL_OPTIONS\n      value: -javaagent:/otel/agent.jar\n    volumeMounts:\n    - name: otel\n      mountPath: /otel\n',
    ).concat('  volumes:\n  - name: otel\n    emptyDir: {}\n');
    const { kind } = scan(text);
    expect(kind).toBe('guess');
  });

  it('a file the process writes (a .pid) under /tmp is not content', () => {
    const { kind } = scan(pod('example.com/app:1', '    args: ["--pid-file=/tmp/app.pid"]\n'));
    expect(kind).toBe('guess');
  });
});

describe('caveats of known images that break a read-only root filesystem', () => {
  it('always (ingress-nginx rewrites /etc/nginx): no fix, the copy pattern explained', () => {
    const { finding, kind } = scan(pod('registry.k8s.io/ingress-nginx/controller:v1.12.0'));
    expect(kind).toBeUndefined();
    expect(finding.message).toContain('it needs a writable copy of /etc/nginx');
    expect(finding.message).toContain('No read-only fix is offered: mount a writable copy of that folder');
  });

  it('unless a variable is set (vault: SKIP_SETCAP): no fix without it, a fix with it', () => {
    expect(scan(pod('hashicorp/vault:1.18')).kind).toBeUndefined();
    const set = scan(pod('hashicorp/vault:1.18', '    env:\n    - name: SKIP_SETCAP\n      value: "true"\n'));
    expect(set.kind).toBe('safe');
    expect(set.finding.message).not.toContain('setcap');
    // 'false' does not count as set.
    expect(scan(pod('hashicorp/vault:1.18', '    env:\n    - name: SKIP_SETCAP\n      value: "false"\n')).kind).toBeUndefined();
  });

  it('when a variable is set (consul: CONSUL_ALLOW_PRIVILEGED_PORTS): a fix without it, none with it, a guess when envFrom could set it', () => {
    expect(scan(pod('hashicorp/consul:1.20')).kind).toBe('safe');
    expect(scan(pod('hashicorp/consul:1.20', '    env:\n    - name: CONSUL_ALLOW_PRIVILEGED_PORTS\n      value: "yes"\n')).kind).toBeUndefined();
    const opaque = scan(pod('hashicorp/consul:1.20', '    envFrom:\n    - configMapRef:\n        name: consul-env\n'));
    expect(opaque.kind).toBe('guess');
    expect(opaque.finding.message).toContain('depends on settings the manifest does not show plainly');
    expect(opaque.finding.suggestions.find((s) => s.reason !== undefined)!.message).toContain('a guess, since hashicorp/consul may write into its own files');
  });

  it('a NAME=value condition needs that value (elasticsearch: ES_LOG_STYLE=file)', () => {
    expect(scan(pod('elasticsearch:8.17.0', '    env:\n    - name: ES_LOG_STYLE\n      value: console\n')).kind).toBe('safe');
    expect(scan(pod('elasticsearch:8.17.0', '    env:\n    - name: ES_LOG_STYLE\n      value: file\n')).kind).toBeUndefined();
  });

  it('depends on settings (logstash): always a guess', () => {
    expect(scan(pod('logstash:9.2.4')).kind).toBe('guess');
  });
});

describe('why a read-only fix is a guess', () => {
  it('a base image says its writes depend on the command, not that it is unknown', () => {
    const { finding } = scan(pod('busybox:1.36'));
    expect(finding.message).toContain('"busybox:1.36" is a base image (busybox) whose writes depend on the command it runs');
    expect(finding.message).not.toContain('not in the table');
  });
});
