import type { Container, Workload } from '../k8s/index.js';
import type { PolicyContext } from './policy.js';
/** Which pods {@link forEachContainer} leaves out. */
export interface ForEachContainerOptions {
    /**
     * `'windows'`: pods with `spec.os.name: windows` (`Workload.isWindows`), where Linux-only
     * security fields cannot be set; `'windows-or-host-process'`: those and Windows HostProcess
     * pods (`windowsOptions.hostProcess: true` on the pod or on every container). Default: none.
     */
    skip?: 'windows' | 'windows-or-host-process';
}
/**
 * Call `callback` for every container of the object's workload, in the order of
 * `Workload.containers` (init containers, containers, ephemeral containers), with the workload; nothing when the object has no PodSpec (`context.workload` undefined) or the pod is
 * one `options.skip` leaves out. The per-container loop most policies start with (kube-linter's
 * per-container checks): `forEachContainer(context, (c) => { ... context.report({ container: c, ... }) })`.
 */
export declare function forEachContainer(context: Pick<PolicyContext<unknown>, 'workload'>, callback: (container: Container, workload: Workload) => void, options?: ForEachContainerOptions): void;
