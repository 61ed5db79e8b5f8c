/**
 * Jest 30 + ts-jest in ESM mode (run with node --experimental-vm-modules), in two projects:
 *
 * - `unit`: every test not listed in SLOW; no build, no corpus walk (`npm run test:unit`).
 * - `slow`: the tests that run the bundle (the action, the CLI, the emitted declarations), walk
 *   the corpus or run many generated cases. Its globalSetup builds the bundle ONCE per jest run
 *   into a temporary folder (test/setup/bundle-setup.mjs, named in KI_TEST_BUNDLE; test/bundle.ts)
 *   and its globalTeardown removes it, so no test writes or reads the committed dist/. It runs only
 *   when a selected test is in this project.
 *
 * `npm test` runs both.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(fileURLToPath(import.meta.url));
/** As jest escapes <rootDir> in globs. */
const globRoot = ROOT.replace(/([()*{}[\]!?\\])/g, '\\$1');

const ALL = ['<rootDir>/test/**/*.test.ts', '<rootDir>/examples/**/*.test.ts'];

/** The `slow` project's tests (globs under the repository root). */
const SLOW = [
  // The bundle: the action end to end (node <bundle>/index.js against the local GitHub API server).
  'test/e2e/**/*.test.ts',
  // The bundle: the CLI end to end, and its worker-thread scan on the whole corpus.
  'test/cli/e2e.test.ts',
  'test/cli/parallel.test.ts',
  // kube-immutable init, then its printed next steps (a package built from the sources, tsc, jest).
  'test/cli/init-e2e.test.ts',
  // The bundle's declarations (dist/types) type-checked by tsc.
  'test/api/types.test.ts',
  // Hostile input and the bounds on it (large and deep generated files; the CLI from the bundle).
  'test/hardening/**/*.test.ts',
  // Generated cases (fast-check) and every fix of the corpus.
  'test/property/**/*.test.ts',
  // The corpus (test/corpus) read, scanned and fixed whole.
  'test/accuracy.test.ts',
  'test/engine/corpus.test.ts',
  'test/engine/fast-reader.test.ts',
  'test/report/patch.test.ts',
  'test/report/github.test.ts',
  'test/**/*.corpus.test.ts',
  // A real registry (Debian's docker-registry) started on loopback.
  'test/registry/real-registry.test.ts',
  'test/registry/inspect.test.ts',
  'test/registry/inspect-images-cli.test.ts',
];

const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // The package's public entry points, as custom policies and their tests import them.
    '^kube-immutable/(policy|testing)$': '<rootDir>/src/api/$1.ts',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } }],
  },
};

export default {
  // The unit tests' timeout (jest's per-test timeout is global; the slow project raises it in its setup file).
  testTimeout: 30_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [...ALL, ...SLOW.map((g) => `!${globRoot}/${g}`)],
    },
    {
      ...common,
      displayName: 'slow',
      testMatch: SLOW.map((g) => `<rootDir>/${g}`),
      globalSetup: '<rootDir>/test/setup/bundle-setup.mjs',
      globalTeardown: '<rootDir>/test/setup/bundle-teardown.mjs',
      // 5 minutes a test (test/setup/slow-timeout.ts).
      setupFilesAfterEnv: ['<rootDir>/test/setup/slow-timeout.ts'],
    },
  ],
};
