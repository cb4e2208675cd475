// Test-code detection by path, shared by every language: a finding in test code is reported at
// the `test_code` severity (default warning) or not at all.
const TEST_PATH = /(^|\/)(tests?|__tests__|benches|spec|__mocks__|fixtures)\/|(^|\/)[^/]*[._-](test|spec|vitest)\.[cm]?[jt]sx?$|(^|\/)test_[^/]*\.py$|_test\.py$|(^|\/)conftest\.py$/;

export function isTestPath(file: string): boolean {
  return TEST_PATH.test(file);
}
