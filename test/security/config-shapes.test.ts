// Issue 13, item 16 (config half): every key of `.clavis-lint.yaml` rejects a wrong shape with an
// error at file:line:col saying what was expected, instead of silently accepting it; an unknown
// rule id is located at its own line. Messages never quote what was written (a config path can
// point at any file), only the words the linter knows.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/config-types.js';
import { loadConfig } from '../../src/core/config.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { tempProject } from '../registry/temp-project.js';
import { runCli } from '../support/run-cli.js';
import { CANARY, hostileTree } from './hostile-tree.js';

function configError(yaml: string): ConfigError {
  const root = tempProject({ '.clavis-lint.yaml': yaml });
  try {
    loadConfig({ cwd: root });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(yaml)}`);
}

// [what, config text, line, column, message]
const WRONG_SHAPES: Array<[string, string, number, number, RegExp]> = [
  ['a top-level key the config does not have (`files`)', 'files: [src/a.ts]\n', 1, 1, /^config: unknown key; expected one of: registry, include, exclude, rules, docs/],
  ['registry as a number', 'registry: 42\n', 1, 11, /^registry: expected a registry file path or a source object \(\{ from, path \}\), got a number$/],
  ['a registry list item that is a number', 'registry: [a.yaml, 3]\n', 1, 20, /^registry\[1\]: expected a registry file path or a source object .*, got a number$/],
  ['a registry source path that is a list', 'registry: { from: rust, path: [a.rs] }\n', 1, 31, /^registry\.path: expected a non-empty string, got a list$/],
  ['Rust field names that are not strings', 'registry: { from: rust, path: s.rs, fields: { id: [x] } }\n', 1, 51, /^registry\.fields\.id: expected a non-empty string, got a list$/],
  ['include as a string', 'include: "src/**"\n', 1, 10, /^include: expected a list, got a string$/],
  ['an include item that is a number', 'include: [1]\n', 1, 11, /^include\[0\]: expected a non-empty string, got a number$/],
  ['exclude as a mapping', 'exclude: { a: b }\n', 1, 10, /^exclude: expected a list, got a mapping$/],
  ['a rule map that is a string', 'rules: no-direct-env-read\n', 1, 8, /^rules: expected a mapping, got a string$/],
  ['a rule map that is a list', 'rules: [no-direct-env-read]\n', 1, 8, /^rules: expected a mapping, got a list$/],
  ['rules with no value', 'rules:\n', 1, 7, /^rules: expected a mapping, got nothing$/],
  ['a rule setting that is an empty list', 'rules:\n  no-direct-env-read: []\n', 2, 23, /^rules\.no-direct-env-read: expected off \| warn \| error, or \[level, \{ options \}\], got a list$/],
  ['a rule setting that is a mapping', 'rules:\n  no-direct-env-read: { level: error }\n', 2, 23, /^rules\.no-direct-env-read: expected off \| warn \| error, or \[level, \{ options \}\], got a mapping$/],
  ['an unknown rule id', 'include: ["**/*"]\nrules:\n  no-direct-env-reads: error\n', 3, 3, /^rules: unknown rule id; expected an id listed by 'clavis-lint rules'; did you mean "no-direct-env-read"\?$/],
  ['a boolean option given a string', 'rules:\n  no-direct-env-read: [warn, { includeConfig: "yes" }]\n', 2, 47, /^rules\.no-direct-env-read\[1\] \(rule options\): includeConfig: expected true or false, got a string$/],
  ['an option the rule does not have', 'rules:\n  no-direct-env-read: [warn, { includeConfigs: true }]\n', 2, 32, /^rules\.no-direct-env-read\[1\] \(rule options\): unknown option; expected one of: includeConfig, includeCi(, .*)?; did you mean "includeConfig"\?$/],
  ['options for a rule that takes none', 'rules:\n  registry-unreferenced: [warn, { ignore: [Legacy] }]\n', 2, 35, /^rules\.registry-unreferenced\[1\] \(rule options\): this rule takes no options; expected \{\}$/],
  ['a list option given a string', 'rules:\n  no-compile-time-secret: [warn, { prefixes: GATSBY_ }]\n', 2, 46, /prefixes: expected a list, got a string$/],
  ['a list option item that breaks its pattern', 'rules:\n  no-compile-time-secret: [warn, { prefixes: [gatsby_] }]\n', 2, 47, /prefixes\[0\]: expected a string matching \^\[A-Z0-9_\]\+\$$/],
  ['docs as a string', 'docs: docs/secrets.md\n', 1, 7, /^docs: expected a list, got a string$/],
  ['a docs entry that is a number', 'docs: [3]\n', 1, 8, /^docs\[0\]: expected a docs page path or \{ path, columns \}, got a number$/],
  ['a docs entry that is a list', 'docs: [[a.md]]\n', 1, 8, /^docs\[0\]: expected a docs page path or \{ path, columns \}, got a list$/],
  ['docs columns as a string', 'docs: [{ path: a.md, columns: id }]\n', 1, 31, /^docs\[0\]\.columns: expected a list, got a string$/],
  ['an unknown docs column', 'docs: [{ path: a.md, columns: [id, envv] }]\n', 1, 36, /^docs\[0\]\.columns\[1\]: unknown column; expected one of: id, env, .*; did you mean "env"\?$/],
  ['secret_patterns as a string', "secret_patterns: 'key'\n", 1, 18, /^secret_patterns: expected a list, got a string$/],
  ['test_code as a boolean', 'test_code: true\n', 1, 12, /^test_code: expected a mapping, got a boolean$/],
  ['lifecycle.today as a list', 'lifecycle: { today: [2026] }\n', 1, 21, /^lifecycle\.today: expected a real date YYYY-MM-DD, got a list$/],
  ['require.owner as a number', 'require: { owner: 1 }\n', 1, 19, /^require\.owner: expected true or false, got a number$/],
  ['leak as a list', 'leak: []\n', 1, 7, /^leak: expected a mapping, got a list$/],
  ['leak.sinks as a mapping', 'leak: { sinks: {} }\n', 1, 16, /^leak\.sinks: expected a list, got a mapping$/],
  ['secret_stores as a mapping', 'secret_stores: {}\n', 1, 16, /^secret_stores: expected a list, got a mapping$/],
  ['max_file_bytes as a string', 'max_file_bytes: "100"\n', 1, 17, /^max_file_bytes: expected an integer >= 1, got a string$/],
];

describe('config: wrong shapes are located errors, never silently accepted', () => {
  it.each(WRONG_SHAPES)('%s', (_what, yaml, line, column, message) => {
    const error = configError(yaml);
    expect(error.file).toBe('.clavis-lint.yaml');
    expect(error.message).toMatch(message);
    expect({ line: error.line, column: error.column }).toEqual({ line, column });
  });

  it('never quotes the rejected word: an unknown key, rule id, enum value or column is described, not echoed', () => {
    for (const yaml of [
      `${CANARY}: 1\n`,
      `rules:\n  ${CANARY}: warn\n`,
      `rules:\n  no-direct-env-read: ${CANARY}\n`,
      `registry: { from: ${CANARY}, path: a }\n`,
      `docs: [{ path: a.md, columns: [${CANARY}] }]\n`,
      `rules:\n  no-direct-env-read: [warn, { ${CANARY}: true }]\n`,
      `lifecycle: { today: ${CANARY} }\n`,
    ]) {
      expect(configError(yaml).located()).not.toContain('hunter2');
    }
  });

  it('the CLI reports an unknown rule id at its line with exit 2', () => {
    const tree = hostileTree({ '.clavis-lint.yaml': 'include: ["**/*"]\nrules:\n  no-secret-in-logs: error\n', 'a.ts': 'export {};\n' }, {});
    const run = runCli(['scan'], tree.repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`clavis-lint: .clavis-lint.yaml:3:3: rules: unknown rule id; expected an id listed by 'clavis-lint rules'; did you mean "no-secret-in-log"?\n`);
  });

  it('the published schema lists exactly the catalog rule ids, so editors flag an unknown id too', () => {
    const schema = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../schema/clavis-lint.schema.json'), 'utf8')) as {
      properties: { rules: { propertyNames: { enum: string[] } } };
    };
    const ids = ALL_RULES.map((r) => r.meta.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(schema.properties.rules.propertyNames.enum).toEqual(ids);
  });
});
