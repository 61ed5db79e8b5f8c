import { LineCounter } from 'yaml';
import { fastDifferences } from '../../src/yaml/fast-compare.js';
import { fastParseAll } from '../../src/yaml/fast-parse.js';

/** What comparing the fast reader with the `yaml` library on one text found. */
export interface FastComparison {
  /** True when the fast reader read the text (did not give up). */
  accepted: boolean;
  /** Differences from `yaml` (empty when equal or not accepted). */
  differences: string[];
}

/**
 * Read `text` with the fast reader and with `yaml` and list every difference that matters
 * (src/yaml/fast-compare.ts `fastDifferences`, the comparison the reader's self-check makes).
 */
export function compareFast(text: string): FastComparison {
  const fastLines = new LineCounter();
  const fast = fastParseAll(text, fastLines);
  if (!fast) return { accepted: false, differences: [] };
  return { accepted: true, differences: fastDifferences(text, fast, fastLines) };
}
