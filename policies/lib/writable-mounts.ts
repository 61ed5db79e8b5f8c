import {
  allocateVolumeName,
  type Container,
  type Fixer,
  type FixOperation,
  isLikelyTypo,
  isPathWritable,
  isWritableMount,
  mountCovers,
  normalisePath,
  volumeMounts,
  volumeSources,
  type Workload,
  type WritablePath,
  writablePathsFor,
  type YNode,
} from '../../src/api/policy.js';

/** The writable paths a container still lacks, with what the message should say about them. */
export interface MissingMounts {
  /** Paths to mount an emptyDir on. */
  paths: WritablePath[];
  /** Paths the image writes that are mounted read-only at exactly that path: no second mount can go there. */
  blocked: WritablePath[];
  /** Paths a writable mount misses by a typo (`/var/cache/nginc`): the fix corrects that mount's path. */
  typos: { path: WritablePath; mount: YNode; mountPath: string }[];
  /** The table entry's image name, or undefined for the `/tmp` guess. */
  image: string | undefined;
  guess: boolean;
  /** Sentence(s) for the message: which paths, why, guesses, PersistentVolumeClaim advice, typos. */
  explanation: string;
}

/**
 * The paths `container`'s image writes to (the known-images table, src/k8s/image-table.ts, or `/tmp` as a guess) that are
 * not already writable through one of its mounts.
 */
export function missingMounts(w: Workload, c: Container): MissingMounts {
  // Several policies and the volume-name plan ask for the same container: computed once.
  const cached = missingCache.get(c);
  if (cached && cached.w === w) return cached.result;
  const result = computeMissingMounts(w, c);
  missingCache.set(c, { w, result });
  return result;
}

const missingCache = new WeakMap<Container, { w: Workload; result: MissingMounts }>();

function computeMissingMounts(w: Workload, c: Container): MissingMounts {
  const mounts = volumeMounts(c);
  const known = writablePathsFor(
    c.image,
    mounts.map((m) => m.mountPath),
  );
  const notWritable = known.paths.filter((p) => !isPathWritable(c, w, p.path));
  const mountedAt = (p: WritablePath) => mounts.find((m) => mountCovers(m.mountPath, p.path) && mountCovers(p.path, m.mountPath));
  const blocked = notWritable.filter((p) => mountedAt(p));
  const sources = volumeSources(w);
  const neededPaths = new Set(known.paths.map((p) => normalisePath(p.path)));
  const typos: MissingMounts['typos'] = [];
  const used = new Set<YNode>();
  for (const p of notWritable) {
    if (mountedAt(p)) continue;
    // A writable mount whose path is one or two characters off, and is not itself a path the image needs.
    const node = (c.node.get('volumeMounts')?.items() ?? []).find((n) => {
      const mp = n.get('mountPath')?.value;
      const name = n.get('name')?.value;
      if (typeof mp !== 'string' || typeof name !== 'string' || used.has(n) || neededPaths.has(normalisePath(mp))) return false;
      return (
        isWritableMount({ name, mountPath: mp, readOnly: n.get('readOnly')?.value === true }, sources) &&
        isPathTypo(normalisePath(mp), p.path) &&
        !sharedWithAnotherContainer(w, c, name)
      );
    });
    if (node) {
      used.add(node);
      typos.push({ path: p, mount: node, mountPath: String(node.get('mountPath')!.value) });
    }
  }
  const paths = notWritable.filter((p) => !mountedAt(p) && !typos.some((t) => t.path === p));
  const parts: string[] = [];
  for (const t of typos) parts.push(`The mount at ${t.mountPath} looks like a typo of ${t.path.path}: the fix corrects its mountPath.`);
  for (const p of blocked) {
    parts.push(
      `${p.path} is mounted read-only (volume "${mountedAt(p)!.name}"), but ${known.image ?? 'the image'} writes there: mount a writable volume there instead (no fix is offered).`,
    );
  }
  if (paths.length > 0) {
    const list = paths.map((p) => p.path).join(', ');
    parts.push(
      known.guess
        ? `The suggested fix mounts an emptyDir at ${list}: a guess, since the image ${c.image ? `"${c.image}"` : '(none)'} is not in the table of known images; check which paths it writes (it is not applied unless guesses are included).`
        : `The fix mounts emptyDir volumes at ${list}, which ${known.image} writes to.`,
    );
    const data = paths.filter((p) => p.purpose === 'data').map((p) => p.path);
    if (data.length > 0) {
      parts.push(`${data.join(', ')} holds data: use a PersistentVolumeClaim there instead of an emptyDir to keep it.`);
    }
  }
  return { paths, blocked, typos, image: known.image, guess: known.guess, explanation: parts.join(' ') };
}

const plans = new WeakMap<Workload, Map<Container, Map<string, string>>>();

/**
 * The names of the new emptyDir volumes of a whole pod, planned once for all its containers in
 * order, so that every policy proposing mounts in the same pod uses the same, non-colliding
 * names (fix groups of different containers must combine into one valid pod).
 */
function volumeNamePlan(w: Workload): Map<Container, Map<string, string>> {
  let plan = plans.get(w);
  if (!plan) {
    plan = new Map();
    const taken = new Set(volumeSources(w).keys());
    for (const c of w.containers) {
      const names = new Map<string, string>();
      for (const p of missingMounts(w, c).paths) names.set(p.path, allocateVolumeName(p.path, c.name, taken));
      plan.set(c, names);
    }
    plans.set(w, plan);
  }
  return plan;
}

/**
 * Fix operations for missing mounts: correct the mountPath of each typo mount, and mount a new
 * emptyDir volume at each other path (a volumeMount on the container and a volume on the
 * PodSpec, named by the pod's volume-name plan).
 */
export function mountFixOps(fixer: Fixer, w: Workload, c: Container, missing: Pick<MissingMounts, 'paths' | 'typos'>): FixOperation[] {
  const ops: FixOperation[] = missing.typos.map((t) => fixer.set(t.mount, ['mountPath'], t.path.path));
  const names = volumeNamePlan(w).get(c);
  for (const p of missing.paths) {
    const name = names?.get(p.path);
    if (!name) throw new Error(`no volume name planned for ${p.path}`);
    ops.push(fixer.append(c.node, ['volumeMounts'], { name, mountPath: p.path }));
    ops.push(fixer.append(w.podSpec, ['volumes'], { name, emptyDir: {} }));
  }
  return ops;
}

/**
 * True when `mounted` looks like a typo of `wanted`: the same parent folder and a last segment a
 * character or two off (two only for segments of 8 characters or more), e.g. `/var/cache/nginc`
 * for `/var/cache/nginx` — but not `/app` for `/tmp`, a different short name.
 */
function isPathTypo(mounted: string, wanted: string): boolean {
  const cut = (p: string) => [p.slice(0, p.lastIndexOf('/') + 1), p.slice(p.lastIndexOf('/') + 1)] as const;
  const [mp, ms] = cut(mounted);
  const [wp, ws] = cut(wanted);
  if (mp !== wp || ms === ws) return false;
  return isLikelyTypo(ms, ws, Math.min(ms.length, ws.length) >= 8 ? 2 : 1);
}

const mountersCache = new WeakMap<Workload, Map<string, Set<Container>>>();

/** True when another container mounts the same volume: a deliberately shared folder, not a typo. */
function sharedWithAnotherContainer(w: Workload, c: Container, volume: string): boolean {
  // Who mounts each volume, built once per pod (not a walk of every container per question).
  let mounters = mountersCache.get(w);
  if (!mounters) {
    mounters = new Map();
    for (const o of w.containers) for (const m of volumeMounts(o)) mounters.set(m.name, (mounters.get(m.name) ?? new Set()).add(o));
    mountersCache.set(w, mounters);
  }
  const set = mounters.get(volume);
  return set !== undefined && (set.size > 1 || !set.has(c));
}
