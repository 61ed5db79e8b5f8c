/**
 * Generators of the hostile inputs of issue #13 (bounded work): each builds the text of one
 * manifest file of about `bytes` bytes (UTF-8, all ASCII) that once made the analysis superlinear
 * in time or memory. Used by test/hardening/bounds.test.ts (findings asserted, no timing) and by
 * `npm run hostile` (scripts/hostile.ts: time and peak RSS, the figures of docs/performance.md).
 */

/**
 * A Pod whose one container runs `x | sh | sh | ...` through `sh -c`, about `bytes` bytes;
 * `first` is the pipeline's first command (`curl http://x` makes it a download run by a shell).
 */
export function shellPipeline(bytes = 200_000, first = 'x'): string {
  const head = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: pipe\nspec:\n  containers:\n  - name: c\n    image: busybox\n    command: ["sh", "-c", "${first}`;
  const n = Math.max(1, Math.floor((bytes - head.length - 3) / 5));
  return `${head}${' | sh'.repeat(n)}"]\n`;
}

/** A Pod whose container runs `sudo -a -a -a ...` then `last` (through `sh -c`), about `bytes` bytes. */
export function sudoFlags(bytes = 300_000, last = ''): string {
  const head = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: sudo\nspec:\n  containers:\n  - name: c\n    image: busybox\n    command: ["sh", "-c", "sudo';
  const n = Math.max(1, Math.floor((bytes - head.length - last.length - 4) / 3));
  return `${head}${' -a'.repeat(n)}${last ? ` ${last}` : ''}"]\n`;
}

/** One Pod with `count` containers (`c0`, `c1`, ... without a securityContext): about 40 bytes each. */
export function manyContainers(count = 10_000): string {
  const lines = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: many', 'spec:', '  containers:'];
  for (let i = 0; i < count; i++) lines.push(`  - name: c${i}`, '    image: nginx:1.25');
  return lines.join('\n') + '\n';
}

/** A ConfigMap whose data holds one flow sequence `[1, 1, 1, ...]`, about `bytes` bytes in all. */
export function flowSequence(bytes = 4_900_000): string {
  const head = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flow\nimmutable: true\ndata:\n  list: [1';
  const n = Math.max(1, Math.floor((bytes - head.length - 2) / 3));
  return `${head}${', 1'.repeat(n)}]\n`;
}

/** `count` documents, each a one-line empty map `{}` (about 7 bytes a document). */
export function manyDocuments(count = 100_000): string {
  return '---\n{}\n'.repeat(count);
}

/** A Pod whose container command is `rm /bin/x0 /bin/x1 ...`: `count` argv items, each a deleted binary. */
export function longArgv(count = 8_000): string {
  const lines = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: argv',
    'spec:',
    '  containers:',
    '  - name: c',
    '    image: nginx:1.25',
    '    command:',
    '    - rm',
  ];
  for (let i = 0; i < count; i++) lines.push(`    - /bin/x${i}`);
  return lines.join('\n') + '\n';
}

/** A Pod whose container has `count` env entries whose value is a number (a schema error each). */
export function numericEnv(count = 8_000): string {
  const lines = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: env', 'spec:', '  containers:', '  - name: c', '    image: nginx:1.25', '    env:'];
  for (let i = 0; i < count; i++) lines.push(`    - name: VAR_${i}`, '      value: 1');
  return lines.join('\n') + '\n';
}

/** The inputs of the issue, by name, with their sizes there. */
export const HOSTILE_INPUTS: ReadonlyArray<{ name: string; description: string; make: () => string }> = [
  { name: 'shell-pipeline', description: '200 KB `x | sh | sh ...` in a container command', make: () => shellPipeline(200_000) },
  { name: 'sudo-flags', description: '300 KB `sudo -a -a ...` in a container command', make: () => sudoFlags(300_000) },
  { name: 'many-containers', description: '10,000 containers in one Pod (398 KB)', make: () => manyContainers(10_000) },
  { name: 'flow-sequence', description: '4.9 MB flow sequence', make: () => flowSequence(4_900_000) },
  { name: 'many-documents', description: '100,000 documents `{}` in one file', make: () => manyDocuments(100_000) },
  { name: 'long-argv', description: '`rm /bin/x0 ...`: 8,000 argv items, a finding each', make: () => longArgv(8_000) },
  { name: 'numeric-env', description: '8,000 env entries with a number value, a schema finding each', make: () => numericEnv(8_000) },
  { name: 'many-configmaps', description: '80,000 ConfigMaps in one file, a fix each (4.8 MB)', make: () => manyConfigMaps(80_000) },
];

/** `count` documents, each a ConfigMap `c<i>` without `immutable: true` (a finding each, whose immutable: true is a behaviour change: a suggestion, or a fix with applyFixes), about 60 bytes a document. */
export function manyConfigMaps(count = 50_000): string {
  let out = '';
  for (let i = 0; i < count; i++) out += `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`;
  return out;
}
