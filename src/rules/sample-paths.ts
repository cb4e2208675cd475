// Paths of sample projects, tutorials and test data inside a repository (`examples/discord/`,
// `e2e_tests/`): their code and example env files belong to the sample, not to the project.

/** Directories that hold sample projects, tutorials or test data rather than the project itself. */
const SAMPLE_DIRECTORIES = new Set(['example', 'examples', 'sample', 'samples', 'demo', 'demos', 'tutorial', 'tutorials', 'cookbook', 'cookbooks', 'recipes', 'fixtures', 'testdata', 'test', 'tests', '__tests__', 'e2e']);

/**
 * Test suites under a compound name (`e2e_tests`, `integration-tests`, `test_utils`): a helper
 * there reads the keys a test run is given, which the app's example file need not list
 * (tensorzero's `ui/e2e_tests/` reads the gateway's Autopilot key; the UI does not).
 */
const COMPOUND_TEST_DIRECTORY = /^(?:(?:e2e|integration|unit|functional|acceptance|smoke|system|api|ui|component|end[-_]to[-_]end)[-_]tests?|tests?[-_](?:e2e|integration|utils?|helpers?|support|data|setup|resources))$/;

/** Whether `file` (root-relative) lies in a directory of a sample project, a tutorial or test data. */
export function isSampleProjectPath(file: string): boolean {
  return file
    .split('/')
    .slice(0, -1)
    .some((segment) => SAMPLE_DIRECTORIES.has(segment.toLowerCase()) || COMPOUND_TEST_DIRECTORY.test(segment.toLowerCase()));
}
