import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import "./chunk-EAZCXRIZ.js";

// src/cli/policies.ts
function policiesTable(policies) {
  const rows = [
    ["ID", "CATEGORY", "SEVERITY", "FIXABLE", "DESCRIPTION"],
    ...policies.map((p) => [p.id, p.meta.category, p.meta.defaultSeverity, p.meta.fixable ? "yes" : "no", p.meta.description])
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => i === r.length - 1 ? cell : cell.padEnd(widths[i])).join("  ")).join("\n") + "\n";
}
export {
  policiesTable
};
