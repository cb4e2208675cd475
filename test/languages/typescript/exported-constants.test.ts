import { describe, expect, it } from 'vitest';
import type { EnvReadFact } from '../../../src/core/facts.js';
import { collectTypeScriptConstants, typescriptFrontEnd } from '../../../src/languages/typescript/index.js';
import { analyze, optionsWith } from './front-end-harness.js';

function exportedConstants(source: string): Record<string, string> | undefined {
  const result = typescriptFrontEnd.analyze('src/names.ts', source, optionsWith());
  if (result instanceof Promise) throw new Error('synchronous front end expected');
  return result.exportedConstants;
}

describe('TypeScript front end: exported constants (for cross-file resolution)', () => {
  it('returns exported string constants, templates and concatenations of constants', () => {
    const source = [
      "const PREFIX = 'OPENROUTER';",
      "export const KEY_NAME = 'OPENROUTER_API_KEY';",
      'export const TEMPLATED = `${PREFIX}_KEY`, JOINED = PREFIX + "_TOKEN";',
      "export let MUTABLE = 'NOT_CONST';",
      "const LOCAL = 'LOCAL_ONLY';",
      "const RENAMED = 'GITHUB_TOKEN';",
      'export { RENAMED as GH_NAME };',
    ].join('\n');
    expect(exportedConstants(source)).toEqual({ KEY_NAME: 'OPENROUTER_API_KEY', TEMPLATED: 'OPENROUTER_KEY', JOINED: 'OPENROUTER_TOKEN', GH_NAME: 'GITHUB_TOKEN' });
  });

  it('returns members of exported const objects and string enums as Owner.member', () => {
    const source = "export const ENV = { KEY: 'A_KEY', 'B': `B_KEY` } as const;\nexport enum Names { Token = 'C_TOKEN', Count = 3 }";
    expect(exportedConstants(source)).toEqual({ 'ENV.KEY': 'A_KEY', 'ENV.B': 'B_KEY', 'Names.Token': 'C_TOKEN', 'Names.Count': '3' });
  });

  it('never exports values that do not look like env names (a secret value is not a name)', () => {
    expect(exportedConstants("export const TOKEN = 'sk-test-FAKE-not-a-name';\nexport const URL = 'https://example.com';")).toBeUndefined();
  });
});

describe('TypeScript front end: constRef for imported keys', () => {
  function constRefs(source: string): unknown[] {
    return analyze(source)
      .filter((fact): fact is EnvReadFact => fact.kind === 'env-read')
      .map((fact) => [fact.name, fact.constRef]);
  }

  it('marks reads keyed by a named import, a namespace member and an imported object member', () => {
    const source = [
      "import { KEY_NAME as K } from './names';",
      "import * as names from './names';",
      "import { ENV } from '../env-names.js';",
      'const a = process.env[K];',
      'const b = process.env[names.OTHER];',
      'const c = process.env[ENV.KEY];',
    ].join('\n');
    expect(constRefs(source)).toEqual([
      [null, { identifier: 'KEY_NAME', from: './names' }],
      [null, { identifier: 'OTHER', from: './names' }],
      [null, { identifier: 'ENV.KEY', from: '../env-names.js' }],
    ]);
  });

  it('gives no constRef for local dynamic keys', () => {
    expect(constRefs('function f(k: string) { return process.env[k]; }')).toEqual([[null, undefined]]);
  });
});

describe('collectTypeScriptConstants (lexer-only first pass)', () => {
  it('collects exported string constants and flat const objects without parsing', () => {
    const source = [
      '// export const COMMENTED = "NO"',
      "export const A = 'A_KEY';",
      'export const B: string = "B_KEY", C = `C_KEY`;',
      "export const ENV = { KEY: 'D_KEY', 'E': 'E_KEY' } as const;",
      "export const JOINED = 'X' + SUFFIX;",
      "export const SECRET = 'sk-test-FAKE-value';",
      "  export const INDENTED = 'F_KEY'",
      "const s = 'export const G = \"G_KEY\"';",
    ].join('\n');
    expect(collectTypeScriptConstants('src/names.ts', source)).toEqual({
      A: 'A_KEY',
      B: 'B_KEY',
      C: 'C_KEY',
      'ENV.KEY': 'D_KEY',
      'ENV.E': 'E_KEY',
      INDENTED: 'F_KEY',
    });
  });

  it('returns nothing for files without exported constants', () => {
    expect(collectTypeScriptConstants('src/a.ts', 'export function f() {}')).toEqual({});
  });

  it('collects CommonJS exports: string members, local constants, until a member it cannot read', () => {
    const source = [
      "const LOCAL = 'LOCAL_KEY', COUNT = 3;",
      "module.exports = { A: 'A_KEY', LOCAL, type: 'T_KEY', B: 'x'.toUpperCase(), C: 'C_KEY' };",
      "module.exports.D = 'D_KEY';",
      'exports.E = LOCAL;',
      "exports.F = 'F_' + suffix;",
      "exports.SECRET = 'sk-test-FAKE-value';",
      "const s = 'module.exports.G = \"G_KEY\"';",
    ].join('\n');
    // B is a call: the object stops being read there (C is lost, never guessed).
    expect(collectTypeScriptConstants('server/names.js', source)).toEqual({ A: 'A_KEY', LOCAL: 'LOCAL_KEY', type: 'T_KEY', D: 'D_KEY', E: 'LOCAL_KEY' });
  });
});

describe('TypeScript front end: CommonJS exported constants', () => {
  it('returns the members of module.exports and exports.NAME that are constant names', () => {
    const source = "const K = 'K_KEY';\nmodule.exports = { A: 'A_KEY', K, B: compute() };\nexports.C = K;\nmodule.exports.D = 'D_KEY';";
    expect(exportedConstants(source)).toEqual({ A: 'A_KEY', K: 'K_KEY', C: 'K_KEY', D: 'D_KEY' });
  });
});
