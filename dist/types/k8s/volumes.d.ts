import type { Container, Workload } from './workload.js';
/** A volumeMount of a container, as data. */
export interface VolumeMount {
    name: string;
    mountPath: string;
    readOnly: boolean;
}
/** The volumeMounts of a container (entries without a string name or mountPath are left out). */
export declare function volumeMounts(c: Container): VolumeMount[];
/**
 * The volumes of a pod by name, plus the names of its StatefulSet volumeClaimTemplates. Built
 * once per workload and shared by every caller (a pod of 10,000 containers asks once per
 * container): do not mutate the map.
 */
export declare function volumeSources(w: Workload): Map<string, Record<string, unknown>>;
/** True when a mount of `volume` can be written (not `readOnly`, and not a read-only source). */
export declare function isWritableMount(m: VolumeMount, sources: Map<string, Record<string, unknown>>): boolean;
/** True when `path` is writable in the container through one of its writable mounts. */
export declare function isPathWritable(c: Container, w: Workload, path: string): boolean;
/**
 * A volume name for a new emptyDir that collides with no existing or already allocated name:
 * a DNS-1123 label (≤ 63 characters) derived from the path (`/var/cache/nginx` → `var-cache-nginx`),
 * prefixed with the container's name on a collision, then given a numeric suffix. The name is
 * added to `taken`.
 */
export declare function allocateVolumeName(path: string, containerName: string, taken: Set<string>): string;
