import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from './args.js';
import { DEFAULT_CONFIG_PATH } from '../constants.js';
import { CUSTOM_POLICIES_FOLDER, INIT_FILES, KUBE_IMMUTABLE_PACKAGE_SPEC } from './init-templates.js';
import { EXIT, type CliIO } from './io.js';

/**
 * `kube-immutable init`: write the starter configuration (.github/kube-immutable.yaml), an
 * example custom policy with its test and the package.json that runs the test
 * (kube-immutable-policies/) below the working folder. When
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
    `  - adjust ${DEFAULT_CONFIG_PATH} (commit it: the action reads it from the base commit of each pull request)`,
    `  - write your policies in ${CUSTOM_POLICIES_FOLDER}/ (import the API from kube-immutable/policy)`,
    `  - test them: cd ${CUSTOM_POLICIES_FOLDER} && npm install && npm test`,
    `    (its package.json type-checks with tsc and runs jest with ts-jest. kube-immutable is not on`,
    `    the npm registry: npm installs it from GitHub, ${KUBE_IMMUTABLE_PACKAGE_SPEC},`,
    `    which needs git; from a clone instead: npm install --save-dev <path of the clone>)`,
  );
  io.stdout(out.join('\n') + '\n');
  return EXIT.ok;
}
