// The ESLint plugin's fixes and suggestions under @typescript-eslint/rule-tester: the same certain
// renames as `clavis-lint --fix` (meta.fixable), and the resolver call as a suggestion only
// (meta.hasSuggestions), never as a fix. Files sit in fixtures/ so the fixtures' config and
// registry apply (OPENROUTER_KEY, STRIPE_KEY: deprecated aliases; resolver: resolveSecret).
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/eslint/plugin.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester();
const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const inFixtures = (rel: string): string => path.join(FIXTURES, rel);

describe('plugin meta', () => {
  it('marks the fixable rule and the rule with suggestions from the rule metadata', () => {
    expect(plugin.rules['no-deprecated-alias'].meta.fixable).toBe('code');
    expect(plugin.rules['no-deprecated-alias'].meta.hasSuggestions).toBe(true);
    expect(plugin.rules['no-direct-env-read'].meta.hasSuggestions).toBe(true);
    expect(plugin.rules['no-direct-env-read'].meta.fixable).toBeUndefined();
    expect(plugin.rules['no-dynamic-env-read'].meta.fixable).toBeUndefined();
  });
});

const aliasFile = inFixtures('no-deprecated-alias/invalid/eslint-fix.ts');

ruleTester.run('no-deprecated-alias (fixes)', plugin.rules['no-deprecated-alias'] as never, {
  valid: [{ code: 'export const k = process.env.OPENROUTER_API_KEY;', filename: aliasFile }],
  invalid: [
    {
      name: 'process.env.X and process.env["X"]: the name token is renamed',
      code: "export const a = process.env.OPENROUTER_KEY;\nexport const b = process.env['STRIPE_KEY'];\n",
      filename: aliasFile,
      output: "export const a = process.env.OPENROUTER_API_KEY;\nexport const b = process.env['STRIPE_SECRET_KEY'];\n",
      errors: [{ messageId: 'removed' }, { messageId: 'deprecated' }],
    },
    {
      name: 'CRLF line endings and a BOM stay as they are',
      code: '\uFEFFexport const a = 1;\r\nexport const b = process.env.STRIPE_KEY;\r\n',
      filename: aliasFile,
      output: '\uFEFFexport const a = 1;\r\nexport const b = process.env.STRIPE_SECRET_KEY;\r\n',
      errors: [{ messageId: 'deprecated', line: 2 }],
    },
    {
      name: 'a string literal naming the alias is only a suggestion: other spellings of the key are out of sight',
      code: "export const name = 'STRIPE_KEY';\n",
      filename: aliasFile,
      output: null,
      errors: [{ messageId: 'deprecated', suggestions: [{ messageId: 'renameLiteral', output: "export const name = 'STRIPE_SECRET_KEY';\n" }] }],
    },
    {
      name: 'a shorthand destructuring renames the key and keeps the local variable',
      code: 'export const { STRIPE_KEY, OTHER } = process.env;\nexport const n = STRIPE_KEY?.length;\n',
      filename: aliasFile,
      output: 'export const { STRIPE_SECRET_KEY: STRIPE_KEY, OTHER } = process.env;\nexport const n = STRIPE_KEY?.length;\n',
      errors: [{ messageId: 'deprecated' }],
    },
    {
      name: 'a shorthand in a destructuring assignment too',
      code: 'let STRIPE_KEY: string | undefined;\n({ STRIPE_KEY } = process.env);\nexport { STRIPE_KEY };\n',
      filename: aliasFile,
      output: 'let STRIPE_KEY: string | undefined;\n({ STRIPE_SECRET_KEY: STRIPE_KEY } = process.env);\nexport { STRIPE_KEY };\n',
      errors: [{ messageId: 'deprecated' }],
    },
    {
      name: 'a keyed destructuring renames the key, not the local',
      code: 'export const { STRIPE_KEY: stripe } = process.env;\n',
      filename: aliasFile,
      output: 'export const { STRIPE_SECRET_KEY: stripe } = process.env;\n',
      errors: [{ messageId: 'deprecated' }],
    },
    {
      name: 'a schema key is not fixed: the parsed object is read by that key elsewhere',
      code: "import { z } from 'zod';\nexport const env = z.object({ 'STRIPE_KEY': z.string() }).parse(process.env);\nexport const k = env['STRIPE_KEY'];\n",
      filename: aliasFile,
      output: null,
      errors: [
        { messageId: 'deprecated', line: 2, suggestions: [] },
        { messageId: 'deprecated', line: 3, suggestions: [{ messageId: 'renameLiteral', output: "import { z } from 'zod';\nexport const env = z.object({ 'STRIPE_KEY': z.string() }).parse(process.env);\nexport const k = env['STRIPE_SECRET_KEY'];\n" }] },
      ],
    },
    {
      name: 'every use of an alias in a file is renamed, or none: one use without a certain edit holds the others back',
      code: "const K = 'STRIPE_' + 'KEY';\nexport const a = process.env[K];\nexport const b = process.env.STRIPE_KEY;\n",
      filename: aliasFile,
      output: null,
      errors: [{ messageId: 'deprecated', line: 2 }, { messageId: 'deprecated', line: 3 }],
    },
    {
      name: 'a name built from a constant is not fixed: the constant may be used elsewhere',
      code: "const K = 'STRIPE_' + 'KEY';\nexport const s = process.env[K];\n",
      filename: aliasFile,
      output: null,
      errors: [{ messageId: 'deprecated' }],
    },
  ],
});

const readFile = inFixtures('no-direct-env-read/invalid/eslint-suggest.ts');

ruleTester.run('no-direct-env-read (suggestions)', plugin.rules['no-direct-env-read'] as never, {
  valid: [],
  invalid: [
    {
      name: 'process.env.X: replace with the resolver call, offered as a suggestion only',
      code: 'export const k = process.env.OPENROUTER_API_KEY;\n',
      filename: readFile,
      output: null,
      errors: [
        {
          messageId: 'direct',
          suggestions: [{ messageId: 'useResolver', data: { call: "resolveSecret('OpenRouterApiKey')" }, output: "export const k = resolveSecret('OpenRouterApiKey');\n" }],
        },
      ],
    },
    {
      name: 'Bun.env is not offered (only the dotted process.env read, whose whole text the rule knows)',
      code: 'export const k = process.env.STRIPE_SECRET_KEY ?? Bun.env.STRIPE_SECRET_KEY;\n',
      filename: readFile,
      output: null,
      errors: [
        { messageId: 'direct', column: 18, suggestions: [{ messageId: 'useResolver', output: "export const k = resolveSecret('StripeSecretKey') ?? Bun.env.STRIPE_SECRET_KEY;\n" }] },
        { messageId: 'direct', column: 51, suggestions: [] },
      ],
    },
    {
      name: 'import.meta.env.X is inlined at build time: no suggestion (a runtime call changes when the value is read)',
      code: 'export const k = import.meta.env.STRIPE_SECRET_KEY;\n',
      filename: readFile,
      output: null,
      errors: [{ messageId: 'direct', suggestions: [] }],
    },
    {
      name: 'a destructured read gets no suggestion (a call cannot replace a binding)',
      code: 'export const { OPENROUTER_API_KEY: k } = process.env;\n',
      filename: readFile,
      output: null,
      errors: [{ messageId: 'direct', suggestions: [] }],
    },
  ],
});
