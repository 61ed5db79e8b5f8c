/**
 * The API server's own cross-field rules of a PodSpec that the OpenAPI schema cannot express,
 * restricted to the rules a fix of ours (securityContext fields, emptyDir volumes and their
 * mounts) can break or a manifest commonly breaks. Each rule is written from the semantics of
 * the Kubernetes source it cites (kubernetes/kubernetes, `pkg/apis/core/validation/validation.go`
 * unless said otherwise); no code is copied. Pure: plain data in, violations out.
 *
 * What the API server does NOT check, so neither do we (read in the same source):
 * - a mountPath containing ':' (no such rule in ValidateVolumeMounts);
 * - a volume without any source: SetDefaults_Volume (`pkg/apis/core/v1/defaults.go`) makes it an
 *   emptyDir before validation, so only MORE than one source is an error;
 * - `emptyDir.medium`: validateVolumeSource checks only sizeLimit;
 * - `SYS_ADMIN` (without the `CAP_` prefix, or in lower case) next to
 *   `allowPrivilegeEscalation: false`: ValidateSecurityContext compares the exact string
 *   `CAP_SYS_ADMIN`.
 */
import type { PathKey } from '../yaml/index.js';
import { workloadKindOf, type ContainerType } from './workload.js';

/** One rule of the API server's validation. */
export interface ApiRule {
  /** Stable id, e.g. `bidirectional-requires-privileged`. */
  id: string;
  /** What the rule requires, in one sentence. */
  summary: string;
  /** The Kubernetes source it implements: file + function (+ the check), in kubernetes/kubernetes. */
  source: string;
}

/** One broken rule. */
export interface ApiViolation {
  /** The {@link ApiRule} id. */
  rule: string;
  /**
   * Path of the offending value: from the PodSpec for {@link validatePodSpecRules}, from the
   * object root for {@link validateObjectRules}. Keys are strings, array indexes 0-based numbers,
   * e.g. `['containers', 0, 'volumeMounts', 1, 'mountPropagation']`.
   */
  path: PathKey[];
  /** What is wrong, naming the value, e.g. `Bidirectional mount propagation is available only to privileged containers`. */
  message: string;
  /** The rule's {@link ApiRule.source}. */
  source: string;
}

const VALIDATION = 'pkg/apis/core/validation/validation.go';
const UTIL_VALIDATION = 'staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go';

/** Every rule {@link validatePodSpecRules} checks, in the order it reports them. */
export const API_RULES: readonly ApiRule[] = [
  {
    id: 'volume-name-required',
    summary: 'A volume has a non-empty name.',
    source: `${VALIDATION} ValidateVolumes: Required(name)`,
  },
  {
    id: 'volume-name-format',
    summary: 'A volume name is a DNS-1123 label: at most 63 characters of [a-z0-9-], starting and ending with a letter or digit.',
    source: `${VALIDATION} ValidateVolumes: ValidateDNS1123Label; ${UTIL_VALIDATION} IsDNS1123Label`,
  },
  {
    id: 'volume-name-unique',
    summary: 'Volume names are unique within the pod.',
    source: `${VALIDATION} ValidateVolumes: Duplicate(name)`,
  },
  {
    id: 'volume-source-multiple',
    summary: 'A volume has at most one source (emptyDir, hostPath, configMap, ...).',
    source: `${VALIDATION} validateVolumeSource: "may not specify more than 1 volume type"`,
  },
  {
    id: 'empty-dir-size-limit',
    summary: 'emptyDir.sizeLimit is a valid, non-negative resource quantity.',
    source: `${VALIDATION} validateVolumeSource: EmptyDir.SizeLimit; staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go ParseQuantity`,
  },
  {
    id: 'container-name-required',
    summary: 'A container (regular, init or ephemeral) has a non-empty name.',
    source: `${VALIDATION} validateContainerCommon: Required(name)`,
  },
  {
    id: 'container-name-format',
    summary: 'A container name is a DNS-1123 label.',
    source: `${VALIDATION} validateContainerCommon: ValidateDNS1123Label; ${UTIL_VALIDATION} IsDNS1123Label`,
  },
  {
    id: 'container-name-unique',
    summary: 'Container names are unique across containers, initContainers and ephemeralContainers.',
    source: `${VALIDATION} validateContainers, validateInitContainers, validateEphemeralContainers: Duplicate(name)`,
  },
  {
    id: 'mount-volume-exists',
    summary: 'A volumeMount names a volume of the pod (for a StatefulSet, also a volumeClaimTemplate).',
    source: `${VALIDATION} ValidateVolumeMounts: NotFound(name) (IsMatchedVolume)`,
  },
  {
    id: 'mount-path-unique',
    summary: 'mountPath values are unique within a container (compared as written).',
    source: `${VALIDATION} ValidateVolumeMounts: mountPath "must be unique"`,
  },
  {
    id: 'sub-path-relative',
    summary: "subPath and subPathExpr are relative paths without a '..' element.",
    source: `${VALIDATION} ValidateVolumeMounts: validateLocalDescendingPath, validatePathNoBacksteps`,
  },
  {
    id: 'sub-path-exclusive',
    summary: 'subPath and subPathExpr are not both set.',
    source: `${VALIDATION} ValidateVolumeMounts: "subPathExpr and subPath are mutually exclusive"`,
  },
  {
    id: 'ephemeral-no-sub-path',
    summary: 'An ephemeral container sets neither subPath nor subPathExpr.',
    source: `${VALIDATION} validateEphemeralContainers: volumeMounts subPath "cannot be set for an Ephemeral Container"`,
  },
  {
    id: 'mount-propagation-value',
    summary: 'mountPropagation is Bidirectional, HostToContainer or None.',
    source: `${VALIDATION} validateMountPropagation: supportedMountPropagations`,
  },
  {
    id: 'bidirectional-requires-privileged',
    summary: 'mountPropagation: Bidirectional only in a container whose own securityContext.privileged is true.',
    source: `${VALIDATION} validateMountPropagation: "Bidirectional mount propagation is available only to privileged containers"`,
  },
  {
    id: 'recursive-read-only-value',
    summary: 'recursiveReadOnly is Disabled, IfPossible or Enabled.',
    source: `${VALIDATION} validateMountRecursiveReadOnly: supportedRRO`,
  },
  {
    id: 'recursive-read-only-requires-read-only',
    summary: 'recursiveReadOnly IfPossible or Enabled only with readOnly: true.',
    source: `${VALIDATION} validateMountRecursiveReadOnly: "may only be specified when readOnly is true"`,
  },
  {
    id: 'recursive-read-only-requires-no-propagation',
    summary: 'recursiveReadOnly IfPossible or Enabled only when mountPropagation is None or unset.',
    source: `${VALIDATION} validateMountRecursiveReadOnly: "may only be specified when mountPropagation is None or not specified"`,
  },
  {
    id: 'ape-false-privileged',
    summary: 'allowPrivilegeEscalation: false is not combined with privileged: true.',
    source: `${VALIDATION} ValidateSecurityContext: AllowPrivilegeEscalation false with Privileged true`,
  },
  {
    id: 'ape-false-cap-sys-admin',
    summary: 'allowPrivilegeEscalation: false is not combined with capabilities.add containing exactly "CAP_SYS_ADMIN".',
    source: `${VALIDATION} ValidateSecurityContext: AllowPrivilegeEscalation false with Capabilities.Add "CAP_SYS_ADMIN"`,
  },
];

const RULES = new Map(API_RULES.map((r) => [r.id, r]));

/**
 * The volume source fields of a v1 Volume, in the order validateVolumeSource counts them (the
 * second one set is the one reported). Source: `validateVolumeSource`; JSON names from the v1 API.
 */
const VOLUME_SOURCES = [
  'emptyDir',
  'hostPath',
  'gitRepo',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'flocker',
  'persistentVolumeClaim',
  'rbd',
  'cinder',
  'cephfs',
  'quobyte',
  'downwardAPI',
  'fc',
  'flexVolume',
  'configMap',
  'azureFile',
  'vsphereVolume',
  'photonPersistentDisk',
  'portworxVolume',
  'azureDisk',
  'storageos',
  'projected',
  'scaleIO',
  'csi',
  'ephemeral',
  'image',
] as const;

const PROPAGATIONS = ['Bidirectional', 'HostToContainer', 'None'];
const RECURSIVE_READ_ONLY = ['Disabled', 'IfPossible', 'Enabled'];

/** Options of {@link validatePodSpecRules}. */
export interface PodSpecRuleOptions {
  /**
   * Names that count as volumes for volumeMounts besides `volumes` (a StatefulSet's
   * volumeClaimTemplates: its controller adds them to each pod as volumes).
   */
  extraVolumeNames?: readonly string[];
}

/**
 * Check a PodSpec's plain data (as parsed from YAML/JSON, of any workload kind) against
 * {@link API_RULES}. Returns the violations in the order the API server reports them: volumes,
 * then containers, initContainers and ephemeralContainers (each with its mounts, then its
 * securityContext); paths are relative to the PodSpec. Values of a wrong type are the schema's business and skipped here
 * (a missing name is `''`, as Go's zero value). Never throws; `[]` for a non-object.
 */
export function validatePodSpecRules(podSpec: unknown, options: PodSpecRuleOptions = {}): ApiViolation[] {
  const out: ApiViolation[] = [];
  if (!isObject(podSpec)) return out;
  const add = (rule: string, path: PathKey[], message: string) => out.push({ rule, path, message, source: RULES.get(rule)!.source });

  // Volumes: a volume enters the set of mountable names only when it has no error (ValidateVolumes).
  const mountable = new Set<string>(options.extraVolumeNames ?? []);
  const names = new Set<string>();
  listOf(podSpec.volumes).forEach((vol, i) => {
    if (!isObject(vol)) return;
    const before = out.length;
    const name = typeof vol.name === 'string' ? vol.name : '';
    const at: PathKey[] = ['volumes', i];
    if (name === '') add('volume-name-required', [...at, 'name'], 'a volume needs a name');
    else for (const why of dns1123LabelProblems(name)) add('volume-name-format', [...at, 'name'], `volume name "${name}": ${why}`);
    if (names.has(name)) add('volume-name-unique', [...at, 'name'], `volume name "${name}" is already used by another volume of the pod`);
    const sources = VOLUME_SOURCES.filter((k) => vol[k] !== undefined && vol[k] !== null);
    for (const extra of sources.slice(1)) add('volume-source-multiple', [...at, extra], `volume "${name}" has more than one source (${sources.join(', ')})`);
    const sizeLimit = isObject(vol.emptyDir) ? vol.emptyDir.sizeLimit : undefined;
    if (sizeLimit !== undefined && sizeLimit !== null) {
      const q = quantitySign(sizeLimit);
      if (q === undefined)
        add('empty-dir-size-limit', [...at, 'emptyDir', 'sizeLimit'], `emptyDir.sizeLimit ${JSON.stringify(sizeLimit)} is not a resource quantity`);
      else if (q < 0) add('empty-dir-size-limit', [...at, 'emptyDir', 'sizeLimit'], `emptyDir.sizeLimit ${JSON.stringify(sizeLimit)} is negative`);
    }
    if (out.length === before) {
      names.add(name);
      mountable.add(name);
    }
  });

  // Container names: unique within containers; init containers also against containers; ephemeral against both.
  const containerNames = (type: ContainerType) => listOf(podSpec[type]).map((c) => (isObject(c) && typeof c.name === 'string' ? c.name : ''));
  const regular = new Set<string>();
  const others = new Set<string>(containerNames('containers'));
  for (const type of ['containers', 'initContainers', 'ephemeralContainers'] as const) {
    if (type === 'ephemeralContainers') for (const n of containerNames('initContainers')) others.add(n);
    listOf(podSpec[type]).forEach((c, i) => {
      if (!isObject(c)) return;
      const at: PathKey[] = [type, i];
      const name = typeof c.name === 'string' ? c.name : '';
      if (name === '') add('container-name-required', [...at, 'name'], 'a container needs a name');
      else for (const why of dns1123LabelProblems(name)) add('container-name-format', [...at, 'name'], `container name "${name}": ${why}`);
      const seen = type === 'containers' ? regular : others;
      if (seen.has(name)) add('container-name-unique', [...at, 'name'], `container name "${name}" is already used by another container of the pod`);
      else if (type !== 'initContainers' || name !== '') seen.add(name);
      checkContainer(c, type, at, mountable, add);
    });
  }
  return out;
}

/** The mount and securityContext rules of one container. */
function checkContainer(
  c: Record<string, unknown>,
  type: ContainerType,
  at: PathKey[],
  mountable: ReadonlySet<string>,
  add: (rule: string, path: PathKey[], message: string) => void,
): void {
  const sc = isObject(c.securityContext) ? c.securityContext : undefined;
  const privileged = sc?.privileged === true;
  const mountPaths = new Set<string>();
  listOf(c.volumeMounts).forEach((m, j) => {
    if (!isObject(m)) return;
    const mp: PathKey[] = [...at, 'volumeMounts', j];
    const name = typeof m.name === 'string' ? m.name : '';
    if (!mountable.has(name))
      add('mount-volume-exists', [...mp, 'name'], `volumeMount names volume "${name}", which the pod does not define (or defines invalidly)`);
    const mountPath = typeof m.mountPath === 'string' ? m.mountPath : '';
    if (mountPaths.has(mountPath)) add('mount-path-unique', [...mp, 'mountPath'], `mountPath "${mountPath}" is mounted more than once in the container`);
    mountPaths.add(mountPath);
    const subPath = typeof m.subPath === 'string' ? m.subPath : '';
    const subPathExpr = typeof m.subPathExpr === 'string' ? m.subPathExpr : '';
    for (const [key, value] of [
      ['subPath', subPath],
      ['subPathExpr', subPathExpr],
    ] as const) {
      if (value === '') continue;
      if (value.startsWith('/')) add('sub-path-relative', [...mp, key], `${key} "${value}" must be a relative path`);
      if (value.split('/').includes('..')) add('sub-path-relative', [...mp, key], `${key} "${value}" must not contain '..'`);
      if (type === 'ephemeralContainers') add('ephemeral-no-sub-path', [...mp, key], `${key} cannot be set for an ephemeral container`);
    }
    if (subPath !== '' && subPathExpr !== '') add('sub-path-exclusive', [...mp, 'subPathExpr'], 'subPathExpr and subPath are mutually exclusive');
    const propagation = m.mountPropagation;
    if (typeof propagation === 'string') {
      if (!PROPAGATIONS.includes(propagation))
        add('mount-propagation-value', [...mp, 'mountPropagation'], `mountPropagation "${propagation}" is not one of ${PROPAGATIONS.join(', ')}`);
      if (propagation === 'Bidirectional' && !privileged) {
        add(
          'bidirectional-requires-privileged',
          [...mp, 'mountPropagation'],
          'Bidirectional mount propagation is available only to privileged containers (securityContext.privileged: true)',
        );
      }
    }
    const rro = m.recursiveReadOnly;
    if (typeof rro === 'string') {
      if (!RECURSIVE_READ_ONLY.includes(rro))
        add('recursive-read-only-value', [...mp, 'recursiveReadOnly'], `recursiveReadOnly "${rro}" is not one of ${RECURSIVE_READ_ONLY.join(', ')}`);
      else if (rro !== 'Disabled') {
        if (m.readOnly !== true)
          add('recursive-read-only-requires-read-only', [...mp, 'recursiveReadOnly'], `recursiveReadOnly: ${rro} may only be specified when readOnly is true`);
        if (typeof propagation === 'string' && propagation !== 'None') {
          add(
            'recursive-read-only-requires-no-propagation',
            [...mp, 'recursiveReadOnly'],
            `recursiveReadOnly: ${rro} may only be specified when mountPropagation is None or not specified`,
          );
        }
      }
    }
  });
  if (sc?.allowPrivilegeEscalation === false) {
    const scPath: PathKey[] = [...at, 'securityContext'];
    if (privileged) add('ape-false-privileged', [...scPath, 'allowPrivilegeEscalation'], 'cannot set allowPrivilegeEscalation to false and privileged to true');
    const caps = isObject(sc.capabilities) ? sc.capabilities : undefined;
    listOf(caps?.add).forEach((cap, k) => {
      if (cap === 'CAP_SYS_ADMIN')
        add(
          'ape-false-cap-sys-admin',
          [...scPath, 'capabilities', 'add', k],
          'cannot set allowPrivilegeEscalation to false and add the capability CAP_SYS_ADMIN',
        );
    });
  }
}

/**
 * {@link validatePodSpecRules} of one object's PodSpec, found by its kind (src/k8s/workload.ts
 * WORKLOAD_KINDS: Pod `spec`, Deployment `spec.template.spec`, CronJob
 * `spec.jobTemplate.spec.template.spec`, ...); paths are from the object root. A StatefulSet's
 * volumeClaimTemplates count as volumes. `[]` when the object is not a workload or has no PodSpec
 * object there. Never throws.
 */
export function validateObjectRules(object: unknown): ApiViolation[] {
  if (!isObject(object) || typeof object.apiVersion !== 'string' || typeof object.kind !== 'string') return [];
  const kind = workloadKindOf({ apiVersion: object.apiVersion, kind: object.kind });
  if (!kind) return [];
  let podSpec: unknown = object;
  for (const k of kind.podSpecPath) podSpec = isObject(podSpec) ? podSpec[k] : undefined;
  if (!isObject(podSpec)) return [];
  const spec = isObject(object.spec) ? object.spec : undefined;
  const extraVolumeNames =
    kind.kind === 'StatefulSet'
      ? listOf(spec?.volumeClaimTemplates).flatMap((t) => (isObject(t) && isObject(t.metadata) && typeof t.metadata.name === 'string' ? [t.metadata.name] : []))
      : [];
  return validatePodSpecRules(podSpec, { extraVolumeNames }).map((v) => ({ ...v, path: [...kind.podSpecPath, ...v.path] }));
}

/**
 * {@link validateObjectRules} of a document's data: the object itself, or each item of an
 * object with an `items` list (as kubectl applies a List), with paths from the document root.
 */
export function validateDocumentRules(data: unknown): ApiViolation[] {
  if (isObject(data) && Array.isArray(data.items)) {
    return data.items.flatMap((item, i) => validateObjectRules(item).map((v) => ({ ...v, path: ['items', i, ...v.path] })));
  }
  return validateObjectRules(data);
}

/**
 * The violations of `after` (a document's data after a fix) that `before` (the same document's
 * data before it) does not have, compared by rule and path. A fix only sets fields, appends
 * list items and replaces scalars where they are, so existing paths keep their meaning. Never
 * throws.
 */
export function introducedApiViolations(before: unknown, after: unknown): ApiViolation[] {
  const had = new Set(validateDocumentRules(before).map(violationKey));
  return validateDocumentRules(after).filter((v) => !had.has(violationKey(v)));
}

function violationKey(v: ApiViolation): string {
  return `${v.rule}\u0000${JSON.stringify(v.path)}`;
}

/** A path as text: `spec.containers[0].volumeMounts[1].mountPropagation` (`(root)` when empty). */
export function apiPathText(path: readonly PathKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('') || '(root)';
}

/**
 * Why `value` is not a DNS-1123 label (`[]` when it is): at most 63 characters, lower-case
 * letters, digits and '-', starting and ending with a letter or digit. Source: apimachinery
 * `IsDNS1123Label`.
 */
export function dns1123LabelProblems(value: string): string[] {
  const out: string[] = [];
  if (value.length > 63) out.push('must be no more than 63 characters');
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(value)) {
    out.push("must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character");
  }
  return out;
}

/**
 * The sign (-1, 0 or 1) of a Kubernetes resource quantity given as YAML/JSON data, or undefined
 * when it is not one. A string is `[+-]` digits with an optional fraction, then an optional
 * suffix: binary (Ki Mi Gi Ti Pi Ei), decimal SI (n u m k M G T P E) or an exponent (e/E and a
 * signed integer). A number is a quantity when finite. Source: apimachinery
 * `pkg/api/resource/quantity.go` parseQuantityString and the suffixer.
 */
export function quantitySign(value: unknown): -1 | 0 | 1 | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? (Math.sign(value) as -1 | 0 | 1) : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/.exec(value);
  if (!m) return undefined;
  if (!/[1-9]/.test(m[2]!)) return 0;
  return m[1] === '-' ? -1 : 1;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function listOf(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
