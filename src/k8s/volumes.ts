import type { Container, Workload } from './workload.js';
import { mountCovers, normalisePath } from './writable-paths.js';

/** A volumeMount of a container, as data. */
export interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly: boolean;
}

/** The volumeMounts of a container (entries without a string name or mountPath are left out). */
export function volumeMounts(c: Container): VolumeMount[] {
  const list = c.data.volumeMounts;
  if (!Array.isArray(list)) return [];
  const out: VolumeMount[] = [];
  for (const m of list) {
    if (!m || typeof m !== 'object') continue;
    const { name, mountPath, readOnly } = m as Record<string, unknown>;
    if (typeof name === 'string' && typeof mountPath === 'string') out.push({ name, mountPath, readOnly: readOnly === true });
  }
  return out;
}

/** Volume sources that are always mounted read-only by the kubelet. Source: Kubernetes docs, Volumes. */
const READ_ONLY_SOURCES = ['configMap', 'secret', 'downwardAPI', 'projected', 'image'];

const sourcesCache = new WeakMap<Workload, Map<string, Record<string, unknown>>>();

/**
 * The volumes of a pod by name, plus the names of its StatefulSet volumeClaimTemplates. Built
 * once per workload and shared by every caller (a pod of 10,000 containers asks once per
 * container): do not mutate the map.
 */
export function volumeSources(w: Workload): Map<string, Record<string, unknown>> {
  let out = sourcesCache.get(w);
  if (!out) sourcesCache.set(w, (out = buildVolumeSources(w)));
  return out;
}

function buildVolumeSources(w: Workload): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  const list = w.podSpecData.volumes;
  if (Array.isArray(list)) {
    for (const v of list as unknown[])
      if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') out.set((v as { name: string }).name, v as Record<string, unknown>);
  }
  const spec = w.manifest.data.spec as Record<string, unknown> | undefined;
  if (w.manifest.kind === 'StatefulSet' && Array.isArray(spec?.volumeClaimTemplates)) {
    for (const t of spec.volumeClaimTemplates as unknown[]) {
      const name = (t as { metadata?: { name?: unknown } } | null | undefined)?.metadata?.name;
      if (typeof name === 'string') out.set(name, { name, persistentVolumeClaim: { claimName: name } });
    }
  }
  return out;
}

/** True when a mount of `volume` can be written (not `readOnly`, and not a read-only source). */
export function isWritableMount(m: VolumeMount, sources: Map<string, Record<string, unknown>>): boolean {
  if (m.readOnly) return false;
  const src = sources.get(m.name);
  if (src && READ_ONLY_SOURCES.some((k) => k in src)) return false;
  return true;
}

/** True when `path` is writable in the container through one of its writable mounts. */
export function isPathWritable(c: Container, w: Workload, path: string): boolean {
  const sources = volumeSources(w);
  return volumeMounts(c).some((m) => isWritableMount(m, sources) && mountCovers(m.mountPath, path));
}

/**
 * A volume name for a new emptyDir that collides with no existing or already allocated name:
 * a DNS-1123 label (≤ 63 characters) derived from the path (`/var/cache/nginx` → `var-cache-nginx`),
 * prefixed with the container's name on a collision, then given a numeric suffix. The name is
 * added to `taken`.
 */
export function allocateVolumeName(path: string, containerName: string, taken: Set<string>): string {
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .replace(/-+/g, '-');
  const base = slug(normalisePath(path)) || 'root';
  const candidates = [base, slug(`${containerName}-${base}`)].map((c) => c.slice(0, 63).replace(/-+$/, ''));
  for (const c of candidates) {
    if (c && !taken.has(c)) {
      taken.add(c);
      return c;
    }
  }
  for (let i = 2; ; i++) {
    const c = `${candidates[candidates.length - 1]!.slice(0, 58)}-${i}`;
    if (!taken.has(c)) {
      taken.add(c);
      return c;
    }
  }
}
