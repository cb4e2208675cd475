// The plugin in ESLint's Linter (10, and 9 through the `eslint9` alias), on projects built in temp
// dirs: a registry alone is enough; every config or registry problem is one lint message on line
// 1 of the file, never a crash; leak rules without type information throw typescript-eslint's way
// on TypeScript files; the cache key follows the registry's content.
import fs from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter as Linter10 } from 'eslint';
import { Linter as Linter9 } from 'eslint9';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/eslint/plugin.js';
import { projectContentHash } from '../../src/eslint/project.js';
import { writeTree } from '../support/run-cli.js';

const REGISTRY = `version: 1
secrets:
  - id: StripeSecretKey
    env: STRIPE_SECRET_KEY
    kind: secret
`;
const APP = 'export const key = process.env.STRIPE_SECRET_KEY;\n';

interface Message {
  ruleId: string | null;
  line: number;
  column: number;
  message: string;
}

type LinterClass = typeof Linter10 | typeof Linter9;
const LINTERS: Array<{ name: string; Linter: LinterClass }> = [
  { name: 'eslint 10', Linter: Linter10 },
  { name: 'eslint 9', Linter: Linter9 },
];

function lint(Linter: LinterClass, root: string, file: string, extra: object[] = []): Message[] {
  const linter = new Linter({ cwd: root });
  const config = [{ ...plugin.configs.recommended, languageOptions: { parser: tsParser } }, plugin.configs['disable-type-checked'], ...extra];
  return linter.verify(fs.readFileSync(path.join(root, file), 'utf8'), config as never, path.join(root, file)) as Message[];
}

const brief = (messages: Message[]) => messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`);

describe.each(LINTERS)('$name: configuration', ({ Linter }) => {
  it('works with a registry alone (no .clavis-lint.yaml, no git), for files in subdirectories', () => {
    const root = writeTree({ 'secrets.registry.yaml': REGISTRY, 'src/deep/app.ts': APP });
    const messages = lint(Linter, root, 'src/deep/app.ts');
    expect(brief(messages).map((m) => m.slice(0, m.indexOf(' ', m.indexOf(' ') + 1)))).toEqual(['1:20 clavis/no-direct-env-read']);
    // Found through the registry: named with its id, not "not in the registry".
    expect(messages[0].message).toContain('(StripeSecretKey)');
  });

  it('a long-lived process (an editor) sees a registry created, then fixed, after the first lint', () => {
    const root = writeTree({ 'src/app.ts': APP });
    expect(lint(Linter, root, 'src/app.ts').map((m) => m.ruleId)).toEqual(['clavis/no-unregistered-secret-env']);
    fs.writeFileSync(path.join(root, 'secrets.registry.yaml'), 'version: 1\nsecrets:\n  - id: [unclosed\n');
    expect(lint(Linter, root, 'src/app.ts').map((m) => m.ruleId)).toEqual(['clavis/setup']);
    fs.writeFileSync(path.join(root, 'secrets.registry.yaml'), REGISTRY);
    expect(lint(Linter, root, 'src/app.ts').map((m) => m.ruleId)).toEqual(['clavis/no-direct-env-read']);
  });

  it('a missing settings.clavis.config is one message on line 1, from clavis/setup', () => {
    const root = writeTree({ 'secrets.registry.yaml': REGISTRY, 'src/app.ts': APP });
    const messages = lint(Linter, root, 'src/app.ts', [{ settings: { clavis: { config: 'missing.yaml' } } }]);
    expect(brief(messages)).toEqual(['1:1 clavis/setup clavis-lint: missing.yaml: config file not found; expected a readable YAML file']);
  });

  it('a broken registry is one located message per file, whichever rule runs first when setup is off', () => {
    const root = writeTree({ 'secrets.registry.yaml': 'version: 1\nsecrets:\n  - id: [unclosed\n', 'src/a.ts': APP, 'src/b.ts': 'export const b = 1;\n' });
    for (const file of ['src/a.ts', 'src/b.ts']) {
      const withSetup = lint(Linter, root, file);
      expect(withSetup).toHaveLength(1);
      expect(withSetup[0]).toMatchObject({ ruleId: 'clavis/setup', line: 1, column: 1 });
      expect(withSetup[0].message).toMatch(/^clavis-lint: secrets\.registry\.yaml:\d+/);
      const withoutSetup = lint(Linter, root, file, [{ rules: { 'clavis/setup': 'off' } }]);
      expect(withoutSetup).toHaveLength(1);
      expect(withoutSetup[0].ruleId).toMatch(/^clavis\//);
      expect(withoutSetup[0].message).toBe(withSetup[0].message);
    }
  });

  it('a bad registry option on one rule is reported by that rule only', () => {
    const root = writeTree({ 'secrets.registry.yaml': REGISTRY, 'src/app.ts': APP });
    const messages = lint(Linter, root, 'src/app.ts', [{ rules: { 'clavis/no-dynamic-env-read': ['warn', { registry: 'nope.yaml' }] } }]);
    expect(brief(messages)[0]).toBe('1:1 clavis/no-dynamic-env-read clavis-lint: nope.yaml: registry source file not found; expected a readable registry file');
    expect(messages.slice(1).map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['1:20 clavis/no-direct-env-read']);
  });
});

describe.each(LINTERS)('$name: leak rules without type information', ({ Linter }) => {
  const root = writeTree({ 'secrets.registry.yaml': REGISTRY, 'src/app.ts': `${APP}console.log(key);\n`, 'src/app.js': 'export const key = process.env.STRIPE_SECRET_KEY;\nconsole.log(key);\n' });
  const linter = new Linter({ cwd: root });
  const config = [{ ...plugin.configs.recommended, languageOptions: { parser: tsParser } }];

  it('throw on a TypeScript file, naming projectService (as typescript-eslint typed rules do)', () => {
    const file = path.join(root, 'src/app.ts');
    expect(() => linter.verify(fs.readFileSync(file, 'utf8'), config as never, file)).toThrow(
      /Error while loading rule 'clavis\/no-[a-z-]+': clavis\/no-[a-z-]+ follows values through the TypeScript type checker, but this file has no type information\.\nSet `languageOptions\.parserOptions\.projectService: true`/,
    );
  });

  it('stay silent on a JavaScript file (a Program only exists with allowJs); the other rules still report', () => {
    const file = path.join(root, 'src/app.js');
    const messages = linter.verify(fs.readFileSync(file, 'utf8'), config as never, file) as Message[];
    expect(messages.map((m) => m.ruleId)).toEqual(['clavis/no-direct-env-read']);
  });

  it('are quiet with disable-type-checked', () => {
    const file = path.join(root, 'src/app.ts');
    const messages = linter.verify(fs.readFileSync(file, 'utf8'), [...config, plugin.configs['disable-type-checked']] as never, file) as Message[];
    expect(messages.map((m) => m.ruleId)).toEqual(['clavis/no-direct-env-read']);
  });
});

describe('cache key (settings.clavis.toJSON)', () => {
  it('changes with the content of the registry and the config, and names the location', () => {
    const root = writeTree({ 'secrets.registry.yaml': REGISTRY });
    const before = projectContentHash(root, {});
    expect(projectContentHash(root, {})).toBe(before);
    fs.writeFileSync(path.join(root, 'secrets.registry.yaml'), REGISTRY.replace('STRIPE_SECRET_KEY', 'STRIPE_API_KEY'));
    const afterRegistry = projectContentHash(root, {});
    expect(afterRegistry).not.toBe(before);
    fs.writeFileSync(path.join(root, '.clavis-lint.yaml'), 'lifecycle:\n  today: 2026-11-28\n');
    expect(projectContentHash(root, {})).not.toBe(afterRegistry);
  });

  it('changes when a registry is created where there was none', () => {
    const root = writeTree({ 'src/app.ts': APP });
    const before = projectContentHash(root, {});
    fs.writeFileSync(path.join(root, 'secrets.registry.yaml'), REGISTRY);
    expect(projectContentHash(root, {})).not.toBe(before);
  });

  it('is what ESLint serialises for settings.clavis, merged with the user settings', () => {
    const merged = { ...plugin.configs.recommended.settings!.clavis, config: 'custom.yaml' };
    const json = JSON.parse(JSON.stringify({ clavis: merged })) as { clavis: Record<string, string> };
    expect(Object.keys(json.clavis).sort()).toEqual(['config', 'contentHash']);
    expect(json.clavis.config).toBe('custom.yaml');
  });
});
