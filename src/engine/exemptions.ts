import { minimatch } from 'minimatch';
import type { Manifest, Workload } from '../k8s/index.js';
import type { SourceRange, YNode } from '../yaml/index.js';
import type { ConfigExemption, Finding, Suppression } from './types.js';

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
      containers = v!.split(',').map((s) => s.trim()).filter(Boolean);
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
export function annotationExemptions(m: Manifest, w: Workload | undefined, knownPolicies: ReadonlySet<string>): { exemptions: AnnotationExemption[]; problems: ExemptionProblem[] } {
  const exemptions: AnnotationExemption[] = [];
  const problems: ExemptionProblem[] = [];
  const label = `${m.kind}/${m.name || '(unnamed)'}`;
  const sources: [YNode | undefined, string][] = [[m.node.get('metadata'), label]];
  if (w?.podMetadata && w.podMetadata !== m.node.get('metadata')) sources.push([w.podMetadata, `the pod template of ${label}`]);
  for (const [meta, where] of sources) {
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
      const value = typeof node.value === 'string' ? node.value : node.value == null ? '' : String(node.value);
      const parsed = parseExemptionValue(value);
      if ('error' in parsed) {
        problems.push({ messageId: 'unparsable', message: `exemption ${key} does not parse: ${parsed.error}`, node });
        continue;
      }
      if (parsed.reason === '') {
        problems.push({ messageId: 'missingReason', message: `exemption ${key} gives no reason: write why the finding is accepted (it still applies)`, node });
      }
      exemptions.push({ policy, containers: parsed.containers, reason: parsed.reason, expires: parsed.expires, key, node, source: `annotation ${key} on ${where}` });
    }
  }
  return { exemptions, problems };
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
    if (e.files && !e.files.some((g) => minimatch(f.file, g, { dot: true, matchBase: !g.includes('/') }))) continue;
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
