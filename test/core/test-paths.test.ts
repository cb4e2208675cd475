// Which paths are test code (reported at the `test_code` severity): test directories and files,
// and test runners' own configuration and setup files (E2B's root `vitest.config.mts`).
import { describe, expect, it } from 'vitest';
import { isTestPath } from '../../src/core/test-paths.js';

describe('isTestPath', () => {
  it.each([
    'tests/unit/env.test.ts', 'src/__tests__/a.ts', 'pkg/a.spec.tsx', 'tests/conftest.py', 'lib/test_env.py',
    'packages/js-sdk/vitest.config.mts', 'vitest.workspace.ts', 'jest.config.js', 'jest.setup.ts', 'e2e/playwright.config.ts',
    'cypress.config.ts', 'src/setupTests.ts', 'apps/web/vitest.config.browser.ts',
  ])('%s is test code', (file) => expect(isTestPath(file)).toBe(true));

  it.each(['vite.config.ts', 'src/config.ts', 'apps/web/next.config.mjs', 'src/jest-helpers.ts', 'scripts/setup.ts', 'webpack.config.js'])('%s is not test code', (file) =>
    expect(isTestPath(file)).toBe(false),
  );
});
