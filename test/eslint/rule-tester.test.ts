// The plugin's rules under @typescript-eslint/rule-tester, over the same fixtures as the CLI:
// same findings, same messages, same locations. Leak rules get a TypeScript Program (type
// information), as with `parserOptions.projectService`; a second run without one must be silent.
import path from 'node:path';
import ts from 'typescript';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, expect, it } from 'vitest';
import plugin, { eslintRules, ESLINT_FILES } from '../../src/eslint/plugin.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { eslintFixtureCases } from './fixture-cases.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester();
const ids = eslintRules().map((r) => r.meta.id);
const leakIds = new Set(ALL_RULES.filter((r) => r.meta.area === 'leak').map((r) => r.meta.id));

function programFor(files: string[]): ts.Program {
  return ts.createProgram({
    rootNames: files,
    options: { allowJs: true, checkJs: false, noEmit: true, strict: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, types: [] },
  });
}

describe('plugin shape', () => {
  it('exposes the TS/JS rules under the clavis namespace with meta from the rule modules', () => {
    expect(plugin.meta.namespace).toBe('clavis');
    expect(ids).toContain('no-direct-env-read');
    expect(ids).not.toContain('registry-duplicate');
    expect(ids).not.toContain('docs-drift');
    for (const id of ids) {
      const meta = ALL_RULES.find((r) => r.meta.id === id)!.meta;
      const eslintMeta = plugin.rules[id].meta;
      expect(eslintMeta.docs.description).toBe(meta.description);
      expect(eslintMeta.docs.url).toBe(`https://github.com/clavis-lint/clavis-lint/blob/main/docs/rules/${id}.md`);
      expect(eslintMeta.messages).toEqual(meta.messages);
      const schema = eslintMeta.schema[0] as { properties: Record<string, unknown> };
      expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['config', 'registry', ...Object.keys((meta.optionsSchema?.properties as object) ?? {})]));
    }
  });

  it('has a recommended config scoped to JS/TS files', () => {
    const recommended = plugin.configs.recommended as { files: string[]; rules: Record<string, string>; plugins: Record<string, unknown> };
    expect(recommended.files).toEqual(ESLINT_FILES);
    expect(recommended.plugins.clavis).toBe(plugin);
    expect(recommended.rules['clavis/no-direct-env-read']).toBe('error');
    expect(Object.keys(recommended.rules).every((k) => k.startsWith('clavis/'))).toBe(true);
  });
});

for (const id of ids) {
  const cases = eslintFixtureCases(id);
  const runnable = cases.filter((c) => !c.skip);
  describe(`clavis/${id}`, () => {
    for (const c of cases.filter((x) => x.skip)) it.skip(`${c.title}: ${c.skip}`, () => {});
    if (runnable.length === 0) {
      it.skip('no single-file TS/JS fixtures', () => {});
      return;
    }
    const isLeak = leakIds.has(id);
    const program = isLeak ? programFor(runnable.map((c) => c.filename)) : undefined;
    const languageOptions = program ? { parserOptions: { programs: [program] } } : undefined;
    ruleTester.run(id, plugin.rules[id] as never, {
      valid: runnable.filter((c) => c.kind === 'valid').map((c) => ({ name: c.title, code: c.code, filename: c.filename, languageOptions })),
      invalid: runnable
        .filter((c) => c.kind === 'invalid')
        .map((c) => ({ name: c.title, code: c.code, filename: c.filename, languageOptions, errors: c.errors as never })),
    });
    if (isLeak) {
      // No type information: leak rules degrade quietly (no report, no crash).
      ruleTester.run(`${id} without type information`, plugin.rules[id] as never, {
        valid: runnable.map((c) => ({ name: `${c.title} (untyped)`, code: c.code, filename: c.filename })),
        invalid: [],
      });
    }
  });
}

it('covers every plugin rule with at least one fixture case', () => {
  const uncovered = ids.filter((id) => eslintFixtureCases(id).every((c) => c.skip));
  expect(uncovered, `rules without runnable TS/JS fixtures: ${uncovered.join(', ')}`).toEqual([]);
  void path;
});
