// setupFilesAfterEnv of the `slow` project (jest.config.js): its tests spawn the bundle, walk the
// corpus or run many generated cases, so each test gets 5 minutes unless it says otherwise (a test's
// own timeout argument still wins). The `unit` project keeps the config's testTimeout.
import { jest } from '@jest/globals';

jest.setTimeout(300_000);
