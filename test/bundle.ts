/**
 * The bundle the tests run: scripts/build.mjs's output for the sources under test, built once per
 * jest run into a temporary folder by jest's globalSetup (test/setup/bundle-setup.mjs, `slow`
 * project in jest.config.js), which names it in KI_TEST_BUNDLE. Tests never build or read the
 * committed dist/ (a fresh build equals it; CI checks that).
 */
import { join } from 'node:path';

const dir = process.env.KI_TEST_BUNDLE;
if (!dir)
  throw new Error("KI_TEST_BUNDLE is not set: this test runs the bundle that jest's globalSetup builds; it belongs to the `slow` project of jest.config.js");

/** The folder holding the bundle, laid out as dist/ (index.js, cli.js, scan-worker.js, chunk-*.js, policy.js, testing.js, types/). */
export const BUNDLE: string = dir;

/** The path of `file` in the bundle, as `dist/<file>` in the committed build (e.g. `bundled('cli.js')`). */
export const bundled = (...file: string[]): string => join(BUNDLE, ...file);
