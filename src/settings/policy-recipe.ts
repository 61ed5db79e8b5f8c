/**
 * How a worker thread of a parallel scan rebuilds a run's policies without reading anything: the
 * recipe is plain data (structured-cloneable) that the settings write while they load the
 * custom policies (src/settings/load.ts), the engine hands to its workers without looking inside
 * (src/engine/parallel.ts: `recipe: unknown`), and the worker entry (src/scan-worker.ts) turns
 * back into policies with {@link policiesFromRecipe}.
 */
import { builtinPolicies } from '../../policies/index.js';
import type { AnyPolicy } from '../engine/index.js';

/**
 * A snapshot of one custom policy folder as it was read: what a worker thread needs to load the
 * same policies without reading anything itself. Paths are repository-relative POSIX paths.
 */
export interface CustomFolderSnapshot {
  folder: string;
  /** `list(folder)` answers by folder (null: the folder does not exist). */
  entries: Record<string, string[] | null>;
  /** `read(path)` answers by path (null: absent). */
  files: Record<string, string | null>;
}

/**
 * How a worker thread rebuilds a run's policies: the built-in policies, then the custom policy
 * folders loaded from their snapshots, in order. The ids must come out equal to the run's.
 */
export interface PolicyRecipe {
  customFolders: CustomFolderSnapshot[];
}

/**
 * The policies a recipe describes: the built-ins, then each folder's custom policies loaded from
 * its snapshot. The custom-policy loader (with sucrase) is imported only when the recipe has a
 * custom folder. Throws a TypeError for something that is not a recipe.
 */
export async function policiesFromRecipe(recipe: PolicyRecipe): Promise<AnyPolicy[]> {
  if (typeof recipe !== 'object' || recipe === null || !Array.isArray(recipe.customFolders)) {
    throw new TypeError('policiesFromRecipe: the recipe must be an object with a customFolders list');
  }
  const policies: AnyPolicy[] = [...builtinPolicies];
  const loadCustomPolicies = recipe.customFolders.length > 0 ? (await import('./custom-policies.js')).loadCustomPolicies : undefined;
  for (const snapshot of recipe.customFolders) {
    const loaded = loadCustomPolicies!(
      snapshot.folder,
      (f) => snapshot.entries[f] ?? undefined,
      (p) => snapshot.files[p] ?? undefined,
      policies,
    );
    policies.push(...loaded.policies);
  }
  return policies;
}
