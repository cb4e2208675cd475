// Whether a path looks like test code. Facts carry `inTest` so rules can relax or skip them.
const TEST_FILE_NAME = /\.(test|spec)\.[cm]?[jt]sx?$/i;
const TEST_DIRECTORY = /(^|\/)(__tests__|__mocks__|tests?|spec|e2e)\//;

export function isTestPath(file: string): boolean {
  const path = file.replace(/\\/g, '/');
  return TEST_FILE_NAME.test(path) || TEST_DIRECTORY.test(path);
}
