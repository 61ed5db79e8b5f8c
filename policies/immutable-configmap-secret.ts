import { apiGroup, definePolicy, type Manifest, parseImageReference, type Workload } from '../src/api/policy.js';

/** Secret types whose data a controller writes after creation: immutable would break them. */
const CONTROLLER_FILLED_SECRET_TYPES = new Set(['kubernetes.io/service-account-token']);

/**
 * The content-hash suffix kustomize's generators (and `kubectl create configmap --append-hash`)
 * put on a name: `-` and 10 characters of a sha256 hex digest with 0, 1, 3, a, e mapped to g, h,
 * k, m, t (staging/src/k8s.io/kubectl/pkg/util/hash/hash.go `encode`, which kustomize's
 * api/hasher uses).
 */
const CONTENT_HASH_SUFFIX = /-[2456789bcdfghkmt]{10}$/;

/** Sidecars that reload a process when a mounted ConfigMap or Secret changes in place (repository paths, with registry). */
const RELOADER_SIDECARS = new Set([
  'docker.io/jimmidyson/configmap-reload',
  'ghcr.io/jimmidyson/configmap-reload',
  'quay.io/prometheus-operator/prometheus-config-reloader',
  'docker.io/kiwigrid/k8s-sidecar',
]);

/**
 * ConfigMaps and Secrets set `immutable: true` (stable since Kubernetes 1.21): configuration is
 * changed by creating a new object and rolling the workload, never by editing it in place. The
 * remedy is a behaviour change, a suggestion unless asked for (`--apply-behaviour-changes
 * immutable-configmap-secret`): with a fixed name, immutable breaks the next `kubectl apply` of
 * changed data. Objects a reloader watches (Stakater Reloader annotations, a configmap-reload
 * style sidecar) are meant to change in place and are not reported; only workloads of the same
 * file are visible.
 */
export default definePolicy({
  id: 'immutable-configmap-secret',
  meta: {
    description: 'ConfigMaps and Secrets set immutable: true.',
    category: 'immutability',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      missing:
        '{{kind}} "{{name}}" is not immutable: editing it in place changes running pods\' configuration without a rollout (configuration drift). Set immutable: true and ship a change as a new {{kind}} (e.g. a name with a content hash, as kustomize\'s {{generator}} makes) with a new rollout.',
      disabled: '{{kind}} "{{name}}" sets immutable: false: editing it in place changes running pods\' configuration without a rollout (configuration drift).',
      generated:
        '{{kind}} "{{name}}" is not immutable, and {{evidence}}: it is already renamed with every change, so immutable: true is safe. Set it where the object is generated: options.immutable: true on its kustomize {{generator}} entry (or generatorOptions.immutable: true for every generator of the kustomization), so the next build keeps it.',
      suggestImmutable:
        "Set immutable: true, and give the {{kind}} a new name with every change of its data (a content hash in the name, as kustomize's {{generator}} makes), updating the workloads that reference it. With a fixed name, the next kubectl apply of changed data fails (the data of an immutable object cannot change: delete and recreate it), and pods never see an in-place edit.",
    },
    remediation:
      'Set immutable: true and rename the ConfigMap or Secret with every change (kustomize configMapGenerator/secretGenerator add a content hash to the name; set their options.immutable: true), then roll the workload that uses it. Objects a reloader watches for in-place edits are not reported.',
  },
  check(context) {
    const m = context.manifest;
    if (apiGroup(m.apiVersion) !== '' || (m.kind !== 'ConfigMap' && m.kind !== 'Secret')) return;
    if (m.kind === 'Secret' && CONTROLLER_FILLED_SECRET_TYPES.has(String(m.data.type))) return;
    const field = m.node.get('immutable');
    if (field?.value === true) return;
    const kind = m.kind;
    if (context.fileObjects.some((o) => o.workload && watchedByReloader(o.manifest, o.workload, kind, m))) return;
    const generator = kind === 'ConfigMap' ? 'configMapGenerator' : 'secretGenerator';
    const evidence = generatedEvidence(m, kind);
    context.report({
      messageId: evidence ? 'generated' : field ? 'disabled' : 'missing',
      data: { kind, name: m.name || '(unnamed)', generator, ...(evidence ? { evidence } : {}) },
      node: field ?? m.node.get('kind') ?? m.node,
      key: true,
      fix: (fixer) => [fixer.set(m.node, ['immutable'], true)],
      // Immutable with a fixed name breaks the next rollout of changed data: a behaviour change,
      // shown as the suggestion below unless behaviour changes of this policy are applied.
      fixKind: 'behaviour',
      fixMessageId: 'suggestImmutable',
    });
  },
});

/**
 * Why the object looks generated with a content hash in its name, or undefined: kustomize's
 * origin annotation (`buildMetadata: [originAnnotations]`) naming a ConfigMapGenerator or
 * SecretGenerator, or the name's content-hash suffix.
 */
function generatedEvidence(m: Manifest, kind: 'ConfigMap' | 'Secret'): string | undefined {
  const origin = annotations(m.data)['config.kubernetes.io/origin'];
  if (origin?.includes(`${kind}Generator`)) return `its config.kubernetes.io/origin annotation says a kustomize ${kind}Generator made it`;
  if (CONTENT_HASH_SUFFIX.test(m.name)) return "its name ends in a content hash (as kustomize's generators and kubectl create --append-hash make it)";
  return undefined;
}

/**
 * True when the workload `w` (object `owner`, in the same file) watches the ConfigMap or Secret
 * `target` for in-place changes: Stakater Reloader's `reloader.stakater.com/auto: "true"` on a
 * workload that uses it, or its `configmap.reloader.stakater.com/reload` /
 * `secret.reloader.stakater.com/reload` list naming it; or a reloader sidecar in a pod that
 * mounts it.
 */
function watchedByReloader(owner: Manifest, w: Workload, kind: 'ConfigMap' | 'Secret', target: Manifest): boolean {
  if (owner.namespace !== undefined && target.namespace !== undefined && owner.namespace !== target.namespace) return false;
  const a = annotations(owner.data);
  const listed = a[kind === 'ConfigMap' ? 'configmap.reloader.stakater.com/reload' : 'secret.reloader.stakater.com/reload'];
  if (listed?.split(',').some((n) => n.trim() === target.name)) return true;
  const refs = references(w, kind);
  if (!refs.used.has(target.name)) return false;
  if (a['reloader.stakater.com/auto'] === 'true') return true;
  return refs.mounted.has(target.name) && w.containers.some((c) => c.image !== undefined && isReloaderSidecar(c.image));
}

function isReloaderSidecar(image: string): boolean {
  const ref = parseImageReference(image);
  return RELOADER_SIDECARS.has(`${ref.registry ?? 'docker.io'}/${ref.path}`);
}

/** The names of the ConfigMaps (or Secrets) a pod uses: all of them, and those it mounts as volumes. */
function references(w: Workload, kind: 'ConfigMap' | 'Secret'): { used: Set<string>; mounted: Set<string> } {
  const mounted = new Set<string>();
  const spec = record(w.podSpec.value);
  for (const v of list(spec.volumes)) {
    const vol = record(v);
    const direct = kind === 'ConfigMap' ? record(vol.configMap).name : record(vol.secret).secretName;
    if (typeof direct === 'string') mounted.add(direct);
    for (const s of list(record(vol.projected).sources)) {
      const name = record(record(s)[kind === 'ConfigMap' ? 'configMap' : 'secret']).name;
      if (typeof name === 'string') mounted.add(name);
    }
  }
  const used = new Set(mounted);
  const refKey = kind === 'ConfigMap' ? 'configMapRef' : 'secretRef';
  const keyRefKey = kind === 'ConfigMap' ? 'configMapKeyRef' : 'secretKeyRef';
  for (const c of w.containers) {
    const data = record(c.node.value);
    for (const e of list(data.envFrom)) {
      const name = record(record(e)[refKey]).name;
      if (typeof name === 'string') used.add(name);
    }
    for (const e of list(data.env)) {
      const name = record(record(record(e).valueFrom)[keyRefKey]).name;
      if (typeof name === 'string') used.add(name);
    }
  }
  return { used, mounted };
}

/** An object's `metadata.annotations` with string values only. */
function annotations(data: Record<string, unknown>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(record(record(data.metadata).annotations))) if (typeof v === 'string') out[k] = v;
  return out;
}

function record(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
