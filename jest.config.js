/**
 * Jest 30 + ts-jest in ESM mode (run with node --experimental-vm-modules).
 * globalSetup builds the bundle ONCE per jest run into a temporary folder (test/setup/bundle-setup.mjs,
 * named in KI_TEST_BUNDLE; test/bundle.ts) and globalTeardown removes it, so no test writes or
 * reads the committed dist/.
 */
export default {
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
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/examples/**/*.test.ts'],
  testTimeout: 60000,
  globalSetup: '<rootDir>/test/setup/bundle-setup.mjs',
  globalTeardown: '<rootDir>/test/setup/bundle-teardown.mjs',
};
