import * as core from '@actions/core';
import type { BaseExemption, EngineOptions } from '../engine/index.js';
import type { CommitReader } from './sources.js';

/** A scanned file and where it was at the base commit. */
export interface BaseFile {
  /** The path at the head (the key of the result). */
  path: string;
  /** The path at the base commit (differs for a renamed file). */
  previousPath?: string;
  /**
   * The change's status: `added` and `copied` files have no exemption at the base commit
   * (nothing is read: a copy's exemptions were granted to the original, not to it).
   */
  status: string;
}

/**
 * The engine options with `baseExemptions`: the exemption annotations of each scanned file as it
 * is at the base commit (`base`), read under its previous path when renamed; an added or copied
 * file has none. When the configuration says `base-only` these decide which exemption annotations are
 * honoured, and in every mode they tell which ones the change adds or alters (listed in the
 * review and the job summary). A file whose base version cannot be read counts as having none
 * (its exemptions are listed as requested, never honoured on trust), with a warning.
 * `disabled` mode reads nothing (no annotation is honoured anyway).
 */
export async function withBaseExemptions(engine: EngineOptions, files: readonly BaseFile[], base: CommitReader): Promise<EngineOptions> {
  if (engine.exemptionGovernance?.annotations === 'disabled') return engine;
  const { baseExemptionsInText } = await import('../engine/index.js');
  const baseExemptions: Record<string, BaseExemption[]> = {};
  for (const f of files) {
    let list: BaseExemption[] = [];
    if (f.status !== 'added' && f.status !== 'copied') {
      const at = f.previousPath ?? f.path;
      try {
        const text = await base.read(at);
        if (text !== undefined) list = baseExemptionsInText(text, engine.maxFileSizeBytes);
      } catch (err) {
        core.warning(
          `kube-immutable: could not read ${at} at the base commit (${(err as Error).message}); its exemption annotations count as requested by this change.`,
        );
      }
    }
    Object.defineProperty(baseExemptions, f.path, { value: list, enumerable: true, writable: true, configurable: true });
  }
  return { ...engine, baseExemptions };
}
