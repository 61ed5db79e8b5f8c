import type { AnyPolicy } from '../engine/index.js';

/**
 * The `policies` table: one row per policy with columns ID, CATEGORY, SEVERITY (default),
 * FIXABLE (yes/no) and DESCRIPTION, padded with spaces (two between columns). Ends with a newline.
 */
export function policiesTable(policies: readonly AnyPolicy[]): string {
  const rows = [
    ['ID', 'CATEGORY', 'SEVERITY', 'FIXABLE', 'DESCRIPTION'],
    ...policies.map((p) => [p.id, p.meta.category, p.meta.defaultSeverity, p.meta.fixable ? 'yes' : 'no', p.meta.description]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n') + '\n';
}
