// The plugin's rules under @typescript-eslint/rule-tester, over the same fixtures as the CLI:
// same findings, same messages, same locations. Leak rules get a TypeScript Program (type
// information), as with `parserOptions.projectService` (without one they throw on TS files: see
// config-problems.test.ts).
import path from 'node:path';
import ts from 'typescript';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, expect, it } from 'vitest';
import plugin, { eslintRules, ESLINT_FILES, type EslintRuleModule } from '../../src/eslint/plugin.js';
import type { EslintContext } from '../../src/eslint/eslint-context.js';
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

/** The rule with its reports' `fix` and `suggest` dropped (and its meta saying so). */
function withoutFixes(rule: EslintRuleModule): EslintRuleModule {
  const { fixable: _fixable, hasSuggestions: _hasSuggestions, ...meta } = rule.meta;
  return {
    meta,
    create: (context) =>
      rule.create(
        Object.create(context, {
          report: { value: ({ fix: _fix, suggest: _suggest, ...descriptor }: Parameters<EslintContext['report']>[0]) => context.report(descriptor) },
        }) as EslintContext,
      ),
  };
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
      expect(eslintMeta.messages).toEqual({ ...meta.messages, ...meta.suggestionMessages, clavisConfigProblem: '{{problem}}' });
      const schema = eslintMeta.schema[0] as { properties: Record<string, unknown> };
      expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['config', 'registry', ...Object.keys((meta.optionsSchema?.properties as object) ?? {})]));
    }
  });

  it('has recommended, strict and all configs scoped to JS/TS files, clavis/setup first', () => {
    for (const name of ['recommended', 'strict', 'all'] as const) {
      const config = plugin.configs[name];
      expect(config.name).toBe(`clavis/${name}`);
      expect(config.files).toEqual(ESLINT_FILES);
      expect(config.plugins?.clavis).toBe(plugin);
      expect(Object.keys(config.rules)[0]).toBe('clavis/setup');
      expect(Object.keys(config.rules).sort()).toEqual(['clavis/setup', ...ids.map((id) => `clavis/${id}`)].sort());
    }
    expect(plugin.configs.recommended.rules['clavis/no-direct-env-read']).toBe('error');
    expect(plugin.configs.recommended.rules['clavis/no-dynamic-env-read']).toBe('warn');
    expect(Object.values(plugin.configs.strict.rules).every((level) => level === 'error')).toBe(true);
    expect(Object.values(plugin.configs.all.rules).every((level) => level === 'error')).toBe(true);
    const disabled = plugin.configs['disable-type-checked'].rules;
    expect(Object.keys(disabled).sort()).toEqual(ids.filter((id) => leakIds.has(id)).map((id) => `clavis/${id}`).sort());
    expect(Object.values(disabled).every((level) => level === 'off')).toBe(true);
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
    // These cases check findings (parity with the CLI fixtures); fixes and suggestions have their own
    // rule-tester cases with `output` and `suggestions` in test/fix/eslint-fixes.test.ts.
    ruleTester.run(id, withoutFixes(plugin.rules[id]) as never, {
      valid: runnable.filter((c) => c.kind === 'valid').map((c) => ({ name: c.title, code: c.code, filename: c.filename, languageOptions })),
      invalid: runnable
        .filter((c) => c.kind === 'invalid')
        .map((c) => ({ name: c.title, code: c.code, filename: c.filename, languageOptions, errors: c.errors as never })),
    });
  });
}

describe('parity with the CLI on a sample project', () => {
  // One file exercising the rules that have no single-file TS fixtures yet, plus the common ones.
  const SAMPLE = [
    'const a = import.meta.env.VITE_OPENROUTER_API_KEY;',
    'const b = process.env.NEXT_PUBLIC_STRIPE_SECRET_KEY;',
    "import { SecretManagerServiceClient } from '@google-cloud/secret-manager';",
    'const c = new SecretManagerServiceClient();',
    "export async function f() { return c.accessSecretVersion({ name: 'x' }); }",
    "import keytar from 'keytar';",
    "export const p = keytar.getPassword('svc', 'acct');",
    'export const d = process.env.OPENROUTER_KEY;',
    'export const e = process.env.GITHUB_TOKEN;',
    // Unregistered and secret-looking (a VITE_ name is bundler-public: config by its shape, not a secret).
    'export const s = process.env.SLACK_BOT_TOKEN;',
    'export const g = (name: string) => process.env[name];',
    '// clavis-lint-disable-next-line no-direct-env-read -- migration ticket 42',
    'export const h = process.env.STRIPE_SECRET_KEY;',
    'export { a, b };',
    '',
  ].join('\n');

  it('reports what `clavis-lint scan` reports for the plugin rules, at the same places', async () => {
    const fs = await import('node:fs');
    const { Linter } = await import('eslint');
    const tsParser = await import('@typescript-eslint/parser');
    const { scan } = await import('../../src/core/engine.js');
    const { writeTree } = await import('../support/run-cli.js');
    const registry = fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/registry.yaml'), 'utf8');
    const root = writeTree({ '.clavis-lint.yaml': 'registry: registry.yaml\nlifecycle:\n  today: 2026-11-28\n', 'registry.yaml': registry, 'src/sample.ts': SAMPLE });
    // ESLint reports each rule on its own, so compare with the scan before shared spans are merged.
    const result = await scan({ cwd: root, workers: 0, mergeOverlapping: false });
    const cli = result.findings
      .filter((f) => ids.includes(f.ruleId))
      .map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${f.message}`)
      .sort();

    const linter = new Linter({ cwd: root });
    const messages = linter.verify(
      SAMPLE,
      // No type information here: the leak rules are off (they would throw), as with disable-type-checked.
      [{ ...plugin.configs.recommended, languageOptions: { parser: tsParser } }, plugin.configs['disable-type-checked']] as never,
      path.join(root, 'src/sample.ts'),
    );
    const eslint = messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId?.replace('clavis/', '')} ${m.message}`).sort();
    expect(eslint).toEqual(cli);
    expect(new Set(messages.map((m) => m.ruleId))).toEqual(
      new Set(['clavis/no-compile-time-secret', 'clavis/no-direct-secret-store-access', 'clavis/no-deprecated-alias', 'clavis/no-direct-env-read', 'clavis/no-dynamic-env-read', 'clavis/no-unregistered-secret-env']),
    );
    // The clavis-lint suppression on line 11 holds in both.
    expect(messages.some((m) => m.line === 12)).toBe(false);
  });
});
