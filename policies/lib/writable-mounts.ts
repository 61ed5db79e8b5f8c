import { isLikelyTypo, type FixOperation, type Fixer } from '../../src/engine/index.js';
import {
  allocateVolumeName,
  isPathWritable,
  mountCovers,
  normalisePath,
  volumeMounts,
  volumeSources,
  writablePathsFor,
  type Container,
  type WritablePath,
  type Workload,
} from '../../src/k8s/index.js';

/** The writable paths a container still lacks, with what the message should say about them. */
export interface MissingMounts {
  /** Paths to mount an emptyDir on. */
  paths: WritablePath[];
  /** Paths the image writes that are mounted read-only at exactly that path: no second mount can go there. */
  blocked: WritablePath[];
  /** The table entry's image name, or undefined for the `/tmp` guess. */
  image: string | undefined;
  guess: boolean;
  /** Sentence(s) for the message: which paths, why, guesses, PersistentVolumeClaim advice, typos. */
  explanation: string;
}

/**
 * The paths `container`'s image writes to (KNOWLEDGE.md's table, or `/tmp` as a guess) that are
 * not already writable through one of its mounts.
 */
export function missingMounts(w: Workload, c: Container): MissingMounts {
  const mounts = volumeMounts(c);
  const known = writablePathsFor(c.image, mounts.map((m) => m.mountPath));
  const notWritable = known.paths.filter((p) => !isPathWritable(c, w, p.path));
  const mountedAt = (p: WritablePath) => mounts.find((m) => mountCovers(m.mountPath, p.path) && mountCovers(p.path, m.mountPath));
  const blocked = notWritable.filter((p) => mountedAt(p));
  const paths = notWritable.filter((p) => !mountedAt(p));
  const parts: string[] = [];
  for (const p of blocked) {
    parts.push(`${p.path} is mounted read-only (volume "${mountedAt(p)!.name}"), but ${known.image ?? 'the image'} writes there: mount a writable volume there instead (no fix is offered).`);
  }
  if (paths.length > 0) {
    const list = paths.map((p) => p.path).join(', ');
    parts.push(
      known.guess
        ? `The fix mounts an emptyDir at ${list}: a guess, since the image ${c.image ? `"${c.image}"` : '(none)'} is not in the table of known images; check which paths it writes.`
        : `The fix mounts emptyDir volumes at ${list}, which ${known.image} writes to.`,
    );
    const data = paths.filter((p) => p.purpose === 'data').map((p) => p.path);
    if (data.length > 0) {
      parts.push(`${data.join(', ')} holds data: use a PersistentVolumeClaim there instead of an emptyDir to keep it.`);
    }
    for (const p of paths) {
      const near = mounts.find((m) => isLikelyTypo(normalisePath(m.mountPath), p.path, 2));
      if (near) parts.push(`The mount at ${near.mountPath} looks like a typo of ${p.path}.`);
    }
  }
  return { paths, blocked, image: known.image, guess: known.guess, explanation: parts.join(' ') };
}

/** Volume names already used by the workload (volumes and volumeClaimTemplates). */
export function takenVolumeNames(w: Workload): Set<string> {
  return new Set(volumeSources(w).keys());
}

/**
 * Fix operations that mount a new emptyDir volume at each path: a volumeMount on the
 * container and a volume on the PodSpec, with names allocated from `taken`.
 */
export function emptyDirMountOps(fixer: Fixer, w: Workload, c: Container, paths: readonly WritablePath[], taken: Set<string>): FixOperation[] {
  const ops: FixOperation[] = [];
  for (const p of paths) {
    const name = allocateVolumeName(p.path, c.name, taken);
    ops.push(fixer.append(c.node, ['volumeMounts'], { name, mountPath: p.path }));
    ops.push(fixer.append(w.podSpec, ['volumes'], { name, emptyDir: {} }));
  }
  return ops;
}
