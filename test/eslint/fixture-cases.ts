// The CLI's rule fixtures, read as ESLint test cases: every TS/JS file of fixtures/<rule>/{valid,
// invalid} for the rules the plugin has, with the findings of its `.expected.json` (for directory
// cases, the findings whose `file` is that file).
import fs from 'node:fs';
import path from 'node:path';
import { fixtureCases, type ExpectedFinding } from '../support/fixture-harness.js';

export const CODE_FILE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/** Cases whose findings need more than one file (cross-file constants, function summaries across modules). */
export const CROSS_FILE_CASES = new Set([
  'no-direct-env-read/invalid/imported-const',
  'no-secret-in-log/invalid/cross-file',
  // users.ts names no source: the editor's per-file text test skips it; the CLI pulls it in as an importer of api.ts.
  'no-secret-in-log/invalid/axios-error-through-helper',
  // app.ts names no source either: the CLI pulls it in as an importer of config/index.ts.
  'no-secret-in-log/invalid/index-module-spelled-out',
  // app.ts names no source: the CLI pulls it in as an importer of the getter keys.ts hands the key out through.
  'no-secret-in-log/invalid/importer-of-handed-on-export',
  // app.ts logs constants settings.ts holds: a module value the CLI follows into the importer.
  'no-secret-in-log/invalid/imported-const-value',
  // The environment handed to, or a name read through, a function of another file: the CLI's engine
  // passes (src/core/env-object-handoffs.ts, env-key-helpers.ts) judge it there; ESLint sees one file.
  'no-direct-env-read/invalid/cross-file-env-handoff',
  'no-direct-env-read/invalid/ts-cross-file-helper',
  'no-dynamic-env-read/valid/cross-file-env-handoff',
  // ... also to a function of the monorepo's own package or a tsconfig `paths` alias (src/core/workspace-imports.ts).
  'no-dynamic-env-read/valid/workspace-package-env-handoff',
  'no-dynamic-env-read/valid/ts-cross-file-helper',
  'no-dynamic-env-read/invalid/cross-file-env-handoff-escapes',
  'no-dynamic-env-read/invalid/ts-cross-file-helper-computed',
  'no-direct-env-read/invalid/js-cross-file-helper-commonjs',
  'no-dynamic-env-read/valid/js-cross-file-helper-commonjs',
  'no-dynamic-env-read/invalid/js-cross-file-helper-commonjs-computed',
  // A curated copy of the environment another file's function returns: the CLI's engine judges it at the importers (src/core/env-copy-helpers.ts).
  'no-dynamic-env-read/valid/ts-cross-file-returned-env-copy',
  // A filter of another file gives the env object back: the CLI's hand-off pass finds it out there.
  'no-direct-env-read/invalid/schema-through-imported-filter',
  'no-dynamic-env-read/valid/schema-through-imported-filter',
  'no-dynamic-env-read/invalid/imported-filter-that-sends-the-env',
  // A helper given a constant another module exports: the engine resolves it across files (src/core/const-refs.ts).
  'no-direct-env-read/invalid/helper-imported-const',
  'no-dynamic-env-read/valid/helper-imported-const',
  'no-direct-env-read/invalid/commonjs-imported-const',
  'no-dynamic-env-read/valid/commonjs-imported-const',
  // A helper of another file that only tests whether the variable is set: judged at its calls by the engine.
  'no-dynamic-env-read/valid/presence-test-helper',
  'no-dynamic-env-read/invalid/presence-helper-returns-value',
]);

export interface EslintFixtureCase {
  title: string;
  kind: 'valid' | 'invalid';
  filename: string;
  code: string;
  errors: Array<Pick<ExpectedFinding, 'message' | 'line' | 'column' | 'endLine' | 'endColumn'>>;
  /** Reason the case cannot run in ESLint, if any. */
  skip?: string;
}

function codeFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...codeFiles(full));
    else if (CODE_FILE.test(entry.name)) out.push(full);
  }
  return out.sort();
}

export function eslintFixtureCases(ruleId: string): EslintFixtureCase[] {
  const cases: EslintFixtureCase[] = [];
  for (const c of fixtureCases(ruleId)) {
    const files = c.isDir ? codeFiles(c.casePath) : CODE_FILE.test(c.name) ? [c.casePath] : [];
    if (files.length === 0) continue;
    const key = `${ruleId}/${c.kind}/${c.name}`;
    let expected: ExpectedFinding[] = [];
    let skip: string | undefined = CROSS_FILE_CASES.has(key) ? 'needs other files of the project' : undefined;
    if (c.kind === 'invalid') {
      if (fs.existsSync(c.expectedPath)) expected = JSON.parse(fs.readFileSync(c.expectedPath, 'utf8')) as ExpectedFinding[];
      else skip ??= 'no .expected.json yet (npm run fixtures:update)';
    }
    for (const file of files) {
      const rel = path.relative(c.casePath, file).split(path.sep).join('/');
      const errors = expected
        .filter((f) => (c.isDir ? f.file === rel : true))
        .map(({ message, line, column, endLine, endColumn }) => ({ message, line, column, endLine, endColumn }));
      // A directory case's other files carry no findings: they are valid cases of their own.
      const kind = c.kind === 'invalid' && errors.length > 0 ? 'invalid' : 'valid';
      cases.push({ title: c.isDir ? `${key}/${rel}` : key, kind, filename: file, code: fs.readFileSync(file, 'utf8'), errors, skip });
    }
  }
  return cases;
}
