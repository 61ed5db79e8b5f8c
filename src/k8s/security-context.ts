import type { YNode } from '../yaml/index.js';
import type { Container, Workload } from './workload.js';

/**
 * The securityContext fields a container inherits from the pod-level securityContext; the
 * container's own value wins when it sets one. Source: Kubernetes API reference,
 * PodSecurityContext ("... the value specified in SecurityContext takes precedence").
 * `capabilities`, `privileged`, `allowPrivilegeEscalation`, `readOnlyRootFilesystem` and
 * `procMount` exist on the container securityContext only.
 */
export const INHERITED_SECURITY_FIELDS = ['runAsUser', 'runAsGroup', 'runAsNonRoot', 'seLinuxOptions', 'seccompProfile', 'windowsOptions'] as const;
export type InheritedSecurityField = (typeof INHERITED_SECURITY_FIELDS)[number];

/** Where an effective value comes from. */
export type SecurityLevel = 'container' | 'pod';

/** The value a container runs with, and the node that sets it. */
export interface EffectiveValue {
  value: unknown;
  /** The field's value node (its key is the line to point at). */
  node: YNode;
  level: SecurityLevel;
}

/** The pod-level `securityContext` map of a workload, when it is a map. */
export function podSecurityContext(w: Pick<Workload, 'podSpec'>): YNode | undefined {
  const sc = w.podSpec.get('securityContext');
  return sc?.kind === 'map' ? sc : undefined;
}

/** A container's own `securityContext` map, when it is a map. */
export function containerSecurityContext(c: Pick<Container, 'securityContext'>): YNode | undefined {
  return c.securityContext?.kind === 'map' ? c.securityContext : undefined;
}

/** A field of a securityContext map that is set (present and not null). */
function setField(sc: YNode | undefined, field: string): YNode | undefined {
  const node = sc?.get(field);
  return node && !node.isNull ? node : undefined;
}

/**
 * The effective value of an inherited field for one container: the container's own value when
 * set (not null), else the pod-level value, else undefined. Values are returned as written (no
 * type check): a wrongly typed value still wins, as the API server would reject it anyway.
 * Throws a TypeError for a field that is not inherited (asking for `capabilities` here is a bug).
 */
export function effectiveSecurityField(
  w: Pick<Workload, 'podSpec'>,
  c: Pick<Container, 'securityContext'>,
  field: InheritedSecurityField,
): EffectiveValue | undefined {
  if (!(INHERITED_SECURITY_FIELDS as readonly string[]).includes(field)) {
    throw new TypeError(
      `effectiveSecurityField: ${JSON.stringify(field)} is not inherited from the pod-level securityContext (inherited: ${INHERITED_SECURITY_FIELDS.join(', ')})`,
    );
  }
  const own = setField(containerSecurityContext(c), field);
  if (own) return { value: own.value, node: own, level: 'container' };
  const pod = setField(podSecurityContext(w), field);
  if (pod) return { value: pod.value, node: pod, level: 'pod' };
  return undefined;
}

/**
 * True for a Windows HostProcess pod: `windowsOptions.hostProcess: true` at the pod level or on
 * any container (the API server requires all containers of such a pod to agree, and such pods
 * must use hostNetwork).
 */
export function isHostProcessPod(w: Pick<Workload, 'podSpec' | 'containers'>): boolean {
  const hp = (sc: YNode | undefined) => sc?.get('windowsOptions')?.get('hostProcess')?.value === true;
  return hp(podSecurityContext(w)) || w.containers.some((c) => hp(containerSecurityContext(c)));
}

/**
 * True when Linux-only securityContext settings do not apply: `spec.os.name: windows`, or a
 * HostProcess pod (HostProcess containers exist only on Windows).
 */
export function isWindowsPod(w: Pick<Workload, 'podSpec' | 'containers' | 'isWindows'>): boolean {
  return w.isWindows || isHostProcessPod(w);
}

/** The deprecated pod-wide seccomp annotation (on the pod, or the pod template's metadata). */
export const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
/** Prefix of the deprecated per-container seccomp annotation; the container name follows. */
export const SECCOMP_CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

/** A seccomp profile as the field would hold it. `type` is undefined when absent or not a string. */
export interface SeccompProfile {
  type: string | undefined;
  localhostProfile: string | undefined;
}

/**
 * The field value a deprecated seccomp annotation value stands for, as the API server converts
 * it when it creates a pod: `runtime/default` and `docker/default` → RuntimeDefault,
 * `unconfined` → Unconfined, `localhost/<path>` → Localhost with `<path>`. Any other value
 * gives `type: undefined`.
 */
export function seccompAnnotationProfile(value: unknown): SeccompProfile {
  if (value === 'runtime/default' || value === 'docker/default') return { type: 'RuntimeDefault', localhostProfile: undefined };
  if (value === 'unconfined') return { type: 'Unconfined', localhostProfile: undefined };
  if (typeof value === 'string' && value.startsWith('localhost/'))
    return { type: 'Localhost', localhostProfile: value.slice('localhost/'.length) || undefined };
  return { type: undefined, localhostProfile: undefined };
}

/** Where a container's effective seccomp profile comes from. */
export type SeccompSource = 'container' | 'containerAnnotation' | 'pod' | 'podAnnotation';

/** A container's effective seccomp profile and the node that sets it. */
export interface EffectiveSeccomp extends SeccompProfile {
  source: SeccompSource;
  /** The `seccompProfile` node, or the annotation's value node. */
  node: YNode;
}

/** The annotations map of the pod (template) metadata, when it is a map. */
function podAnnotations(w: Pick<Workload, 'podMetadata'>): YNode | undefined {
  const a = w.podMetadata?.get('annotations');
  return a?.kind === 'map' ? a : undefined;
}

/** The deprecated seccomp annotations of a pod (template), with their value nodes. */
export function seccompAnnotations(w: Pick<Workload, 'podMetadata'>): { key: string; container: string | undefined; node: YNode }[] {
  const a = podAnnotations(w);
  if (!a) return [];
  const out: { key: string; container: string | undefined; node: YNode }[] = [];
  for (const [key, node] of a.entries()) {
    if (key === SECCOMP_POD_ANNOTATION) out.push({ key, container: undefined, node });
    else if (key.startsWith(SECCOMP_CONTAINER_ANNOTATION_PREFIX)) out.push({ key, container: key.slice(SECCOMP_CONTAINER_ANNOTATION_PREFIX.length), node });
  }
  return out;
}

function fieldProfile(node: YNode): SeccompProfile {
  const type = node.get('type')?.value;
  const lp = node.get('localhostProfile')?.value;
  return { type: typeof type === 'string' ? type : undefined, localhostProfile: typeof lp === 'string' && lp !== '' ? lp : undefined };
}

/**
 * The seccomp profile a container runs with, following the API server's handling of the
 * deprecated annotations (an annotation fills its field only when the field is unset):
 * the container's `seccompProfile`, else its container annotation, else the pod-level
 * `seccompProfile`, else the pod annotation. Undefined when none is set (the runtime then runs
 * the container Unconfined, unless the kubelet runs with `--seccomp-default`).
 */
export function effectiveSeccomp(w: Pick<Workload, 'podSpec' | 'podMetadata'>, c: Pick<Container, 'securityContext' | 'name'>): EffectiveSeccomp | undefined {
  const own = setField(containerSecurityContext(c), 'seccompProfile');
  if (own) return { ...fieldProfile(own), source: 'container', node: own };
  const annotations = podAnnotations(w);
  const ca = c.name ? annotations?.get(SECCOMP_CONTAINER_ANNOTATION_PREFIX + c.name) : undefined;
  if (ca && !ca.isNull) return { ...seccompAnnotationProfile(ca.value), source: 'containerAnnotation', node: ca };
  const pod = setField(podSecurityContext(w), 'seccompProfile');
  if (pod) return { ...fieldProfile(pod), source: 'pod', node: pod };
  const pa = annotations?.get(SECCOMP_POD_ANNOTATION);
  if (pa && !pa.isNull) return { ...seccompAnnotationProfile(pa.value), source: 'podAnnotation', node: pa };
  return undefined;
}
