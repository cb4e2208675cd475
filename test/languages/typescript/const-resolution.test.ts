import { describe, expect, it } from 'vitest';
import { analyze, readNames } from './front-end-harness.js';

describe('TypeScript front end: constant keys', () => {
  it('resolves a same-file const', () => {
    expect(readNames("const KEY = 'OPENROUTER_API_KEY';\nconst a = process.env[KEY];")).toEqual(['OPENROUTER_API_KEY']);
  });

  it('resolves a const declared after use (hoisted binding)', () => {
    expect(readNames("function f() { return process.env[KEY]; }\nconst KEY = 'A';")).toEqual(['A']);
  });

  it('resolves template literals and concatenation of constants', () => {
    const source = [
      "const PREFIX = 'OPENROUTER';",
      "const SUFFIX = '_KEY' as const;",
      'const a = process.env[`${PREFIX}_API${SUFFIX}`];',
      "const b = process.env[PREFIX + '_API' + SUFFIX];",
      'const FULL = `${PREFIX}_TOKEN`;',
      'const c = process.env[FULL];',
    ].join('\n');
    expect(readNames(source)).toEqual(['OPENROUTER_API_KEY', 'OPENROUTER_API_KEY', 'OPENROUTER_TOKEN']);
  });

  it('leaves templates with a non-constant part dynamic', () => {
    expect(readNames('function f(p: string) { return process.env[`${p}_KEY`] ?? process.env[p + "_KEY"]; }')).toEqual([null, null]);
  });

  it('resolves members of a const object literal and of a string enum', () => {
    const source = [
      "const ENV = { KEY: 'A_KEY', 'OTHER': `B_KEY` } as const;",
      "enum Names { Token = 'C_TOKEN' }",
      "const a = process.env[ENV.KEY] + process.env[ENV['OTHER']] + process.env[Names.Token];",
    ].join('\n');
    expect(readNames(source)).toEqual(['A_KEY', 'B_KEY', 'C_TOKEN']);
  });

  it('resolves a named import through projectConstants, by imported name', () => {
    const source = "import { API_KEY_NAME as N } from './names';\nconst a = process.env[N];";
    expect(readNames(source, { projectConstants: { API_KEY_NAME: 'OPENROUTER_API_KEY' } })).toEqual(['OPENROUTER_API_KEY']);
  });

  it('resolves namespace-import members and imported object members through projectConstants', () => {
    const source = "import * as names from './names';\nimport { ENV } from './env-names';\nconst a = process.env[names.A_NAME] + process.env[ENV.B];";
    expect(readNames(source, { projectConstants: { A_NAME: 'A_KEY', 'ENV.B': 'B_KEY' } })).toEqual(['A_KEY', 'B_KEY']);
  });

  it('leaves an import missing from projectConstants dynamic', () => {
    expect(readNames("import { UNKNOWN } from './names';\nconst a = process.env[UNKNOWN];", { projectConstants: {} })).toEqual([null]);
  });

  it('uses the constant key literal for the read, not as a separate name ref', () => {
    const facts = analyze("const K = 'OPENROUTER_KEY';\nconst a = process.env[K];");
    // (`K = '…'` is also a value-literal position for output masking, not a name ref.)
    expect(facts.filter((fact) => !(fact.kind === 'config' && fact.type === 'value-literal')).map((fact) => fact.kind)).toEqual(['env-read']);
  });

  it('survives a self-referencing constant', () => {
    expect(readNames('const A = B, B = A;\nconst x = process.env[A];')).toEqual([null]);
  });
});
