import { matchGlob } from '../glob.js';
import type { Manifest, Workload } from '../k8s/index.js';
import type { SourceRange, YNode } from '../yaml/index.js';
import type { BaseExemption, ConfigExemption, ExemptionGovernance, ExemptionRefusal, Finding, Suppression } from './types.js';

/** The annotation prefix of exemptions: `ignore.kube-immutable.io/<policy-id>` or `/all`. */
export const EXEMPTION_PREFIX = 'ignore.kube-immutable.io/';

/** One exemption written as an annotation on an object or its pod template. */
export interface AnnotationExemption {
  /** A policy id, or `*` for `ignore.kube-immutable.io/all`. */
  policy: string;
  /** Only these containers (by name); undefined: the whole object. */
  containers: string[] | undefined;
  reason: string;
  expires: string | undefined;
  /** The annotation key as written. */
  key: string;
  /** The annotation value as read (a non-string scalar as its string). */
  value: string;
  /** On the object's metadata or on its pod template's metadata. */
  on: 'metadata' | 'podTemplate';
  /** Where the annotation is (its key), for findings about it. */
  node: YNode;
  /** `annotation <key> on <Kind>/<name>` (or `... on the pod template of ...`). */
  source: string;
}

/** A problem with an exemption annotation (reported as a finding of the `exemption` check). */
export interface ExemptionProblem {
  messageId: 'missingReason' | 'unparsable' | 'unknownPolicy';
  message: string;
  node: YNode;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * True when the workload's pod metadata is not the object's own metadata (a Pod's is: node views
 * are fresh objects on each `get`, so they are compared by position).
 */
function hasOwnPodTemplate(m: Manifest, w: Workload | undefined): boolean {
  const pod = w?.podMetadata;
  if (!pod) return false;
  const meta = m.node.get('metadata');
  return !meta || pod.offsets[0] !== meta.offsets[0] || pod.offsets[1] !== meta.offsets[1];
}

/**
 * Parse the value of an exemption annotation. Syntax: optional `key=value;` settings, then the
 * reason: `"<reason>"`, `"containers=<name>[,<name>]; <reason>"`,
 * `"containers=a,b; expires=2027-01-31; <reason>"`. Settings: `containers` (comma-separated
 * container names) and `expires` (YYYY-MM-DD). Returns an error message for an unknown setting,
 * an empty container list or a bad date; `reason` is '' when missing.
 */
export function parseExemptionValue(value: string): { containers?: string[]; expires?: string; reason: string } | { error: string } {
  const parts = value.split(';');
  let i = 0;
  let containers: string[] | undefined;
  let expires: string | undefined;
  for (; i < parts.length; i++) {
    const m = parts[i]!.match(/^\s*([A-Za-z][\w-]*)\s*=\s*(.*?)\s*$/);
    if (!m || /\s/.test(parts[i]!.trim().split('=')[0]!)) break;
    const [, key, v] = m;
    if (key === 'containers') {
      containers = v!
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (containers.length === 0) return { error: 'containers= names no container' };
    } else if (key === 'expires') {
      if (!DATE.test(v!) || Number.isNaN(Date.parse(v!))) return { error: `expires=${v} is not a date (YYYY-MM-DD)` };
      expires = v;
    } else return { error: `unknown setting "${key}" (settings are containers= and expires=)` };
  }
  const reason = parts.slice(i).join(';').trim();
  return { containers, expires, reason };
}

/**
 * The exemption annotations of a manifest: on the object's metadata and, for workloads, on the
 * pod template's metadata. `knownPolicies` lets an unknown policy id be reported.
 */
export function annotationExemptions(
  m: Manifest,
  w: Workload | undefined,
  knownPolicies: ReadonlySet<string>,
): { exemptions: AnnotationExemption[]; problems: ExemptionProblem[] } {
  const exemptions: AnnotationExemption[] = [];
  const problems: ExemptionProblem[] = [];
  const label = `${m.kind}/${m.name || '(unnamed)'}`;
  const sources: [YNode | undefined, string, 'metadata' | 'podTemplate'][] = [[m.node.get('metadata'), label, 'metadata']];
  if (hasOwnPodTemplate(m, w)) sources.push([w!.podMetadata, `the pod template of ${label}`, 'podTemplate']);
  for (const [meta, where, on] of sources) {
    const annotations = meta?.get('annotations');
    if (!annotations || annotations.kind !== 'map') continue;
    for (const [key, node] of annotations.entries()) {
      if (!key.startsWith(EXEMPTION_PREFIX)) continue;
      const id = key.slice(EXEMPTION_PREFIX.length);
      const policy = id === 'all' ? '*' : id;
      if (policy !== '*' && !knownPolicies.has(policy)) {
        problems.push({ messageId: 'unknownPolicy', message: `exemption ${key}: there is no policy "${id}"`, node });
        continue;
      }
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- an annotation's value is a scalar (a number, boolean or YAML 1.1 timestamp here), written by String()
      const value = typeof node.value === 'string' ? node.value : node.value == null ? '' : String(node.value);
      const parsed = parseExemptionValue(value);
      if ('error' in parsed) {
        problems.push({ messageId: 'unparsable', message: `exemption ${key} does not parse: ${parsed.error}`, node });
        continue;
      }
      if (parsed.reason === '') {
        problems.push({ messageId: 'missingReason', message: `exemption ${key} gives no reason: write why the finding is accepted (it still applies)`, node });
      }
      exemptions.push({
        policy,
        containers: parsed.containers,
        reason: parsed.reason,
        expires: parsed.expires,
        key,
        value,
        on,
        node,
        source: `annotation ${key} on ${where}`,
      });
    }
  }
  return { exemptions, problems };
}

/**
 * The exemption annotations of a manifest as base-commit identities (object kind, namespace and
 * name, place, key, value), whether or not they parse or name a known policy: what
 * {@link refusalsOf} compares a pull request's annotations with under `base-only`.
 */
export function baseExemptionsOf(m: Manifest, w: Workload | undefined): BaseExemption[] {
  const out: BaseExemption[] = [];
  const places: [YNode | undefined, 'metadata' | 'podTemplate'][] = [[m.node.get('metadata'), 'metadata']];
  if (hasOwnPodTemplate(m, w)) places.push([w!.podMetadata, 'podTemplate']);
  for (const [meta, on] of places) {
    const annotations = meta?.get('annotations');
    if (!annotations || annotations.kind !== 'map') continue;
    for (const [key, node] of annotations.entries()) {
      if (!key.startsWith(EXEMPTION_PREFIX)) continue;
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- an annotation's value is a scalar (a number, boolean or YAML 1.1 timestamp here), written by String()
      const value = typeof node.value === 'string' ? node.value : node.value == null ? '' : String(node.value);
      out.push({ kind: m.kind, namespace: m.namespace, name: m.name, on, key, value });
    }
  }
  return out;
}

/** Whole days from `today` to `date` (both YYYY-MM-DD, UTC). */
function daysUntil(date: string, today: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/**
 * Why the configuration's rules refuse an annotation exemption of object `m` ([] when it is
 * honoured), most fundamental first: annotations disabled; a policy outside `policies` (`all`
 * whenever a list is given); no expiry under `requireExpiry`; an expiry more than `maxDays`
 * after `today`; under `base-only` with a known base (`base` defined: the annotations of the
 * file at the base commit), no identical annotation there. `governance` undefined refuses
 * nothing (the engine's API default).
 */
export function refusalsOf(
  a: AnnotationExemption,
  m: Pick<Manifest, 'kind' | 'namespace' | 'name'>,
  governance: ExemptionGovernance | undefined,
  base: readonly BaseExemption[] | undefined,
  today: string,
): ExemptionRefusal[] {
  if (!governance) return [];
  if (governance.annotations === 'disabled') return ['annotationsDisabled'];
  const out: ExemptionRefusal[] = [];
  if (governance.policies && (a.policy === '*' || !governance.policies.includes(a.policy))) out.push('policyNotAllowed');
  if (governance.requireExpiry && !a.expires) out.push('expiryRequired');
  if (governance.maxDays !== undefined && a.expires && daysUntil(a.expires, today) > governance.maxDays) out.push('expiryTooFar');
  if (governance.annotations === 'base-only' && base && !isAtBase(a, m, base)) out.push('notAtBase');
  return out;
}

/** True when `base` holds the same annotation (object, place, key and value) as `a` on `m`. */
export function isAtBase(
  a: Pick<AnnotationExemption, 'key' | 'value' | 'on'>,
  m: Pick<Manifest, 'kind' | 'namespace' | 'name'>,
  base: readonly BaseExemption[],
): boolean {
  return base.some(
    (b) => b.key === a.key && b.value === a.value && b.on === a.on && b.kind === m.kind && b.name === m.name && (b.namespace ?? '') === (m.namespace ?? ''),
  );
}

/** The refusals of an exemption in words, for messages and reports (`; `-separated). */
export function describeRefusals(
  refusals: readonly ExemptionRefusal[],
  a: Pick<AnnotationExemption, 'policy' | 'expires'>,
  governance: ExemptionGovernance | undefined,
): string {
  const words: Record<ExemptionRefusal, () => string> = {
    annotationsDisabled: () => 'the configuration disables exemption annotations (exemptions.annotations: disabled); ask for an exemption in the configuration',
    policyNotAllowed: () =>
      a.policy === '*'
        ? `the configuration allows annotation exemptions only for named policies (${(governance?.policies ?? []).join(', ')}), never ignore.kube-immutable.io/all`
        : `the configuration does not allow exempting ${a.policy} by annotation (exemptions.policies: ${(governance?.policies ?? []).join(', ')})`,
    expiryRequired: () => 'the configuration requires an expiry date (exemptions.requireExpiry): add "expires=YYYY-MM-DD; " before the reason',
    expiryTooFar: () => `expires=${a.expires} is more than ${governance?.maxDays} days away (exemptions.maxDays: ${governance?.maxDays})`,
    notAtBase: () =>
      'it is not at the base commit, and the configuration honours only exemptions already there (exemptions.annotations: base-only): a reviewer decides',
  };
  return refusals.map((r) => words[r]()).join('; ');
}

/** True when exemption `a` names finding `f` (policy, and container when it lists containers). */
export function exemptionCovers(a: Pick<AnnotationExemption, 'policy' | 'containers'>, f: Finding): boolean {
  if (a.policy !== '*' && a.policy !== f.policyId) return false;
  const container = f.container?.name;
  return !a.containers || (container !== undefined && a.containers.includes(container));
}

/** What {@link findSuppression} decided for one finding. */
export type SuppressionMatch = { suppression: Suppression } | { expired: { source: string; expires: string; range?: SourceRange } } | undefined;

/**
 * The exemption that suppresses a finding, if any: annotation exemptions of its object first,
 * then configuration exemptions (policy id or `*`, file globs, kind, name, namespace,
 * containers). An exemption whose `expires` date is on or before `today` does not apply: it is
 * returned as `expired` so the caller can say so.
 */
export function findSuppression(f: Finding, annotations: readonly AnnotationExemption[], config: readonly ConfigExemption[], today: string): SuppressionMatch {
  let expired: SuppressionMatch;
  const container = f.container?.name;
  for (const a of annotations) {
    if (a.policy !== '*' && a.policy !== f.policyId) continue;
    if (a.containers && (container === undefined || !a.containers.includes(container))) continue;
    if (a.expires && a.expires <= today) {
      expired ??= { expired: { source: a.source, expires: a.expires, range: a.node.keyRange } };
      continue;
    }
    return { suppression: { kind: 'inSource', justification: a.reason, source: a.source, ...(a.expires ? { expires: a.expires } : {}) } };
  }
  for (const e of config) {
    if (e.policy !== '*' && e.policy !== f.policyId) continue;
    if (e.files && !e.files.some((g) => matchGlob(f.file, g))) continue;
    if (e.kind && e.kind !== f.object?.kind) continue;
    if (e.name && e.name !== f.object?.name) continue;
    if (e.namespace && e.namespace !== f.object?.namespace) continue;
    if (e.containers && (container === undefined || !e.containers.includes(container))) continue;
    if (e.expires && e.expires <= today) {
      expired ??= { expired: { source: e.source, expires: e.expires } };
      continue;
    }
    return { suppression: { kind: 'external', justification: e.reason, source: e.source, ...(e.expires ? { expires: e.expires } : {}) } };
  }
  return expired;
}
