import { describe, expect, it } from 'vitest';
import type { CommentFact, NameRefFact } from '../../../src/core/facts.js';
import { typescriptFrontEnd } from '../../../src/languages/typescript/index.js';
import { analyze, optionsWith, textAt } from './front-end-harness.js';

function nameRefs(source: string): { name: string; text: string }[] {
  return analyze(source)
    .filter((fact): fact is NameRefFact => fact.kind === 'name-ref')
    .map((fact) => ({ name: fact.name, text: textAt(source, fact.range) }));
}

function comments(source: string, file = 'src/app.ts'): { text: string; at: string }[] {
  return analyze(source, {}, file)
    .filter((fact): fact is CommentFact => fact.kind === 'comment')
    .map((fact) => ({ text: fact.text, at: textAt(source, fact.range) }));
}

describe('TypeScript front end: registry names in string literals', () => {
  it('reports string literals equal to a registry name', () => {
    expect(nameRefs("const names = ['OPENROUTER_KEY', `GITHUB_TOKEN`, 'NOT_REGISTERED', 'OPENROUTER_KEY_2'];")).toEqual([
      { name: 'OPENROUTER_KEY', text: "'OPENROUTER_KEY'" },
      { name: 'GITHUB_TOKEN', text: '`GITHUB_TOKEN`' },
    ]);
  });

  it('does not report literals that are the key of an env read', () => {
    expect(nameRefs("const a = process.env['OPENROUTER_KEY']; const b = Deno.env.get('GITHUB_TOKEN');")).toEqual([]);
  });

  it('still reports a registry name passed to the resolver', () => {
    expect(nameRefs("resolveSecret('OPENROUTER_KEY');")).toEqual([{ name: 'OPENROUTER_KEY', text: "'OPENROUTER_KEY'" }]);
  });
});

describe('TypeScript front end: directive comments', () => {
  it('emits line and block comments holding the marker, with their exact range', () => {
    const source = [
      'const a = 1; // clavis-lint-disable-line no-direct-env-read -- legacy',
      '/* clavis-lint-disable-next-line no-direct-env-read -- migration */',
      '// an ordinary comment',
      'const b = process.env.A;',
    ].join('\n');
    expect(comments(source)).toEqual([
      { text: '// clavis-lint-disable-line no-direct-env-read -- legacy', at: '// clavis-lint-disable-line no-direct-env-read -- legacy' },
      { text: '/* clavis-lint-disable-next-line no-direct-env-read -- migration */', at: '/* clavis-lint-disable-next-line no-direct-env-read -- migration */' },
    ]);
  });

  it('ignores the marker inside strings, templates, regular expressions and JSX text', () => {
    const source = [
      "const s = 'clavis-lint-disable-line x';",
      'const t = `// clavis-lint-disable-line ${s}`;',
      'const r = /clavis-lint-disable/;',
      'const j = <p>// clavis-lint-disable-line x</p>;',
    ].join('\n');
    expect(comments(source, 'src/view.tsx')).toEqual([]);
  });

  it('finds comments inside expressions, JSX and at the end of the file', () => {
    const source = [
      'const j = (',
      '  <div>',
      '    {/* clavis-lint-disable-next-line no-direct-env-read -- demo */}',
      '    {process.env.A}',
      '  </div>',
      ');',
      'call(a, /* clavis-lint-disable-line x -- y */ b);',
      '// clavis-lint-disable-line x -- trailing',
    ].join('\n');
    expect(comments(source, 'src/view.tsx').map((comment) => comment.text)).toEqual([
      '/* clavis-lint-disable-next-line no-direct-env-read -- demo */',
      '/* clavis-lint-disable-line x -- y */',
      '// clavis-lint-disable-line x -- trailing',
    ]);
  });
});

describe('TypeScript front end: prefilter', () => {
  const options = optionsWith({ extraSecretStores: [] });

  it('passes files that mention env, a registry name, a resolver function, a store module or the directive marker', () => {
    expect(typescriptFrontEnd.prefilter('const a = process.env.X;', options)).toBe(true);
    expect(typescriptFrontEnd.prefilter("const n = 'GITHUB_TOKEN';", options)).toBe(true);
    expect(typescriptFrontEnd.prefilter('resolveSecret(x);', options)).toBe(true);
    expect(typescriptFrontEnd.prefilter("import k from 'keytar';", options)).toBe(true);
    expect(typescriptFrontEnd.prefilter('// clavis-lint-disable-line x -- y', options)).toBe(true);
  });

  it('rejects files that can hold no fact', () => {
    expect(typescriptFrontEnd.prefilter('export function add(a: number, b: number) { return a + b; }', options)).toBe(false);
    expect(typescriptFrontEnd.prefilter('// Values differ per environment.\nconst envelope = 1; const NODE_ENV_X = 2;', options)).toBe(false);
  });

  it('passes every spelling of an env read', () => {
    for (const text of ['process.env.X', "process['env'].X", 'import.meta.env.X', 'Bun.env.X', "Deno.env.get('X')", 'const { env: e } = process;', 'env']) {
      expect(typescriptFrontEnd.prefilter(text, options), text).toBe(true);
    }
  });
});

describe('TypeScript front end: bad input', () => {
  it('keeps going after syntax errors', () => {
    const result = typescriptFrontEnd.analyze('src/broken.ts', 'const a = process.env.A;\nfunction (( {\nconst b = process.env.B;', optionsWith());
    expect('then' in result).toBe(false);
    const facts = (result as { facts: { kind: string; name?: string }[] }).facts;
    expect(facts.filter((fact) => fact.kind === 'env-read').map((fact) => fact.name)).toEqual(['A', 'B']);
  });

  it('handles a huge minified single line, binary noise and deep nesting without throwing', () => {
    const minified = Array.from({ length: 5000 }, (_, i) => `var a${i}=process.env.K${i % 7};`).join('');
    const big = typescriptFrontEnd.analyze('dist/app.min.js', minified, optionsWith()) as { facts: unknown[] };
    expect(big.facts).toHaveLength(5000);
    const binary = String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 65536));
    expect(() => typescriptFrontEnd.analyze('src/blob.ts', binary, optionsWith())).not.toThrow();
    const deep = `const x = ${'('.repeat(20000)}process.env.A${')'.repeat(20000)};`;
    const result = typescriptFrontEnd.analyze('src/deep.ts', deep, optionsWith()) as { facts: unknown[]; errors?: { message: string }[] };
    for (const error of result.errors ?? []) expect(error.message).not.toContain('process.env');
  });
});
