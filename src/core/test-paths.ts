// Test-code detection by path, shared by every language: a finding in test code is reported at
// the `test_code` severity (default warning) or not at all.
// Test runners' own configuration and setup files are test code too (`vitest.config.mts`,
// `jest.setup.ts`, `playwright.config.ts`, CRA's `setupTests.ts`): what they read from the
// environment configures test runs. A bundler's config (`vite.config.ts`) is not: it builds the app.
const TEST_PATH = /(^|\/)(tests?|__tests__|benches|spec|__mocks__|fixtures)\/|(^|\/)[^/]*[._-](test|spec|vitest)\.[cm]?[jt]sx?$|(^|\/)(vitest|jest|playwright|cypress)\.(config|workspace|setup)(\.[\w-]+)?\.[cm]?[jt]sx?$|(^|\/)setupTests\.[jt]sx?$|(^|\/)test_[^/]*\.py$|_test\.py$|(^|\/)conftest\.py$/;

export function isTestPath(file: string): boolean {
  return TEST_PATH.test(file);
}
