import type { YNode } from 'kube-immutable/policy';

/** A label of a `metadata` map: its value node (when present) and its value as a trimmed string. */
export interface LabelLookup {
  /** The `labels` map node, when present. */
  labels: YNode | undefined;
  /** The label's value node, when the label is present. */
  node: YNode | undefined;
  /** The label's value ('' when absent, empty or not a string). */
  value: string;
}

/** Look up label `key` in a `metadata` node (`metadata.labels[key]`). */
export function labelOf(metadata: YNode | undefined, key: string): LabelLookup {
  const labels = metadata?.get('labels');
  const node = labels?.kind === 'map' ? labels.get(key) : undefined;
  const raw = node?.value;
  return { labels, node, value: typeof raw === 'string' ? raw.trim() : '' };
}
