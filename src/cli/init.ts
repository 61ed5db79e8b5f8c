import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from './args.js';
import { INIT_FILES } from './init-templates.js';
import { EXIT, type CliIO } from './io.js';

/**
 * `kube-immutable init`: write the starter configuration (.github/kube-immutable.yaml) and an
 * example custom policy with its test (kube-immutable-policies/) below the working folder. When
 * one of them exists, nothing is written (exit 2) unless `--force` overwrites them. Prints each
 * file written and what to do next.
 */
export function initCommand(cmd: Extract<Command, { kind: 'init' }>, io: CliIO): number {
  const existing = INIT_FILES.filter((f) => existsSync(resolve(io.cwd, f.path)));
  if (existing.length > 0 && !cmd.force) {
    io.stderr(
      `kube-immutable: ${existing.map((f) => f.path).join(', ')} already ${existing.length === 1 ? 'exists' : 'exist'}; nothing written (use --force to overwrite)\n`,
    );
    return EXIT.usage;
  }
  const out: string[] = [];
  for (const f of INIT_FILES) {
    const abs = resolve(io.cwd, f.path);
    try {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, f.text);
    } catch (err) {
      if (out.length > 0) io.stdout(out.join('\n') + '\n');
      io.stderr(`kube-immutable: cannot write ${f.path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
      return EXIT.usage;
    }
    out.push(`${existing.some((e) => e.path === f.path) ? 'overwrote' : 'wrote'} ${f.path}`);
  }
  out.push(
    '',
    'Next steps:',
    `  - adjust ${INIT_FILES[0]!.path} (commit it: the action reads it from the base commit of each pull request)`,
    `  - write your policies in ${dirname(INIT_FILES[1]!.path)}/ (import the API from kube-immutable/policy)`,
    '  - test them with jest: npm install --save-dev kube-immutable jest ts-jest, then npx jest',
  );
  io.stdout(out.join('\n') + '\n');
  return EXIT.ok;
}
