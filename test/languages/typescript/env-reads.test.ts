import { describe, expect, it } from 'vitest';
import { analyze, envReads, readNames } from './front-end-harness.js';

describe('TypeScript env reads: direct forms', () => {
  it('reads process.env.X with the range of the whole access', () => {
    expect(envReads('const key = process.env.OPENROUTER_API_KEY;')).toEqual([
      { name: 'OPENROUTER_API_KEY', api: 'process.env', text: 'process.env.OPENROUTER_API_KEY' },
    ]);
  });

  it("reads process.env['X'] and process.env[`X`]", () => {
    expect(envReads("a(process.env['A_KEY']); b(process.env[`B_KEY`]);")).toEqual([
      { name: 'A_KEY', api: 'process.env', text: "process.env['A_KEY']" },
      { name: 'B_KEY', api: 'process.env', text: 'process.env[`B_KEY`]' },
    ]);
  });

  it('reads through optional chaining, parentheses, casts and non-null assertions', () => {
    const source = 'a(process?.env?.A); b((process.env as any).B); c(process.env!.C); d((process.env || {}).D);';
    expect(envReads(source).map((read) => [read.name, read.text])).toEqual([
      ['A', 'process?.env?.A'],
      ['B', '(process.env as any).B'],
      ['C', 'process.env!.C'],
      ['D', '(process.env || {}).D'],
    ]);
  });

  it('reads globalThis.process.env.X and global.process.env.X', () => {
    expect(envReads('a(globalThis.process.env.A); b(global.process.env.B);').map((read) => read.text)).toEqual([
      'globalThis.process.env.A',
      'global.process.env.B',
    ]);
  });

  it('reads a compound assignment used as a value; as a statement, ??= and ||= only set unless set', () => {
    expect(readNames("const a = (process.env.A ??= 'x');")).toEqual(['A']);
    expect(readNames("process.env.A += 'x';")).toEqual(['A']);
    expect(readNames("process.env.A ??= 'x';\nprocess.env.B ||= 'y';")).toEqual([]);
  });

  it("reads 'X' in process.env and process.env.hasOwnProperty('X')", () => {
    expect(envReads("if ('A' in process.env && process.env.hasOwnProperty('B')) {}").map((read) => [read.name, read.text])).toEqual([
      ['A', "'A' in process.env"],
      ['B', "process.env.hasOwnProperty('B')"],
    ]);
  });
});

describe('TypeScript env reads: destructuring', () => {
  it('gives one fact per property with the range of the property', () => {
    expect(envReads("const { A, B: b, C = 'd' } = process.env;")).toEqual([
      { name: 'A', api: 'process.env', text: 'A' },
      { name: 'B', api: 'process.env', text: 'B: b' },
      { name: 'C', api: 'process.env', text: "C = 'd'" },
    ]);
  });

  it('reports a rest element as a dynamic read that enumerates', () => {
    expect(envReads('const { A, ...rest } = process.env;')).toEqual([
      { name: 'A', api: 'process.env', text: 'A' },
      { name: null, api: 'process.env', text: '...rest', enumerates: true },
    ]);
  });

  it('resolves computed keys and leaves unknown ones dynamic', () => {
    expect(readNames("const K = 'KEY_A'; const { [K]: a, [`KEY_${K}`]: b, [key()]: c } = process.env;")).toEqual(['KEY_A', 'KEY_KEY_A', null]);
  });

  it('reads destructuring assignments', () => {
    expect(envReads('let a, b, r; ({ A: a, B: b, ...r } = process.env);').map((read) => [read.name, read.text])).toEqual([
      ['A', 'A: a'],
      ['B', 'B: b'],
      [null, '...r'],
    ]);
  });

  it('reads nested destructuring of process', () => {
    expect(readNames('const { env: { A, B } } = process;')).toEqual(['A', 'B']);
  });
});

describe('TypeScript env reads: imports of process', () => {
  it("reads `env` imported from 'node:process' and from 'process'", () => {
    expect(envReads("import { env } from 'node:process';\nconst a = env.A;")).toEqual([{ name: 'A', api: 'process.env', text: 'env.A' }]);
    expect(readNames("import { env } from 'process';\nconst a = env['A'];")).toEqual(['A']);
  });

  it('reads a renamed import', () => {
    expect(envReads("import { env as e } from 'node:process';\nconst a = e.A;")).toEqual([{ name: 'A', api: 'process.env', text: 'e.A' }]);
  });

  it('reads default and namespace imports of process', () => {
    expect(readNames("import proc from 'node:process';\nconst a = proc.env.A;")).toEqual(['A']);
    expect(readNames("import * as p from 'process';\nconst a = p.env.A;")).toEqual(['A']);
  });

  it('reads require forms', () => {
    expect(readNames("const p = require('process');\nconst a = p.env.A;")).toEqual(['A']);
    expect(readNames("const { env } = require('node:process');\nconst a = env.A;")).toEqual(['A']);
    expect(readNames("const a = require('process').env.A;")).toEqual(['A']);
  });

  it('does not treat `env` imported from another module as the environment', () => {
    expect(readNames("import { env } from './config';\nconst a = env.A;")).toEqual([]);
  });
});

describe('TypeScript env reads: other runtimes', () => {
  it('reads import.meta.env.X as a compile-time read', () => {
    expect(envReads('const a = import.meta.env.VITE_API_URL;')).toEqual([
      { name: 'VITE_API_URL', api: 'import.meta.env', text: 'import.meta.env.VITE_API_URL', compileTime: true },
    ]);
  });

  it('marks bundler-public names read through process.env as compile-time', () => {
    expect(envReads('const a = process.env.NEXT_PUBLIC_KEY; const b = process.env.SERVER_KEY;').map((read) => read.compileTime ?? false)).toEqual([true, false]);
  });

  it('reads Bun.env.X', () => {
    expect(envReads('const a = Bun.env.A;')).toEqual([{ name: 'A', api: 'Bun.env', text: 'Bun.env.A' }]);
  });

  it("reads Deno.env.get('X'), enumerates Deno.env.toObject(), skips Deno.env.set", () => {
    expect(envReads("const a = Deno.env.get('A'); const all = Deno.env.toObject(); Deno.env.set('B', 'x');")).toEqual([
      { name: 'A', api: 'Deno.env.get', text: "Deno.env.get('A')" },
      { name: null, api: 'Deno.env.toObject', text: 'Deno.env.toObject()', enumerates: true },
    ]);
  });

  it('does not read a local named Deno or Bun', () => {
    expect(readNames("function f(Deno: any, Bun: any) { Deno.env.get('A'); return Bun.env.B; }")).toEqual([]);
  });
});

describe('TypeScript env reads: aliases', () => {
  it('reads through an alias of process.env, including element access and destructuring', () => {
    const source = "const e = process.env;\nconst a = e.A;\nconst b = e['B'];\nconst { C } = e;";
    expect(envReads(source).map((read) => [read.name, read.text])).toEqual([
      ['A', 'e.A'],
      ['B', "e['B']"],
      ['C', 'C'],
    ]);
  });

  it('reads through an alias with a fallback or a cast', () => {
    expect(readNames('const e = (process.env ?? {}) as Record<string, string>;\nconst a = e.A;')).toEqual(['A']);
  });

  it('reads through `const { env } = process` and an alias of an alias', () => {
    expect(readNames('const { env } = process;\nconst e2 = env;\nconst a = env.A + e2.B;')).toEqual(['A', 'B']);
  });

  it('reads through an alias of an alias whose declaration does not spell env', () => {
    expect(readNames('const e = process.env;\nconst e2 = e;\nconst a = e2.A;')).toEqual(['A']);
  });

  it('does not report the alias declaration itself', () => {
    expect(readNames('const e = process.env;')).toEqual([]);
  });
});

describe('TypeScript env reads: dynamic and enumerating', () => {
  it('reports a non-constant key as a dynamic read', () => {
    expect(envReads('function get(k: string) { return process.env[k]; }')).toEqual([{ name: null, api: 'process.env', text: 'process.env[k]' }]);
  });

  it('reports let-bound keys as dynamic (they may change)', () => {
    expect(readNames("let k = 'A'; const a = process.env[k];")).toEqual([null]);
  });

  it('reports Object.keys/entries, spread, for-in and passing the env whole as enumerating reads', () => {
    const source = [
      'Object.keys(process.env);',
      'const copy = { ...process.env };',
      'for (const k in process.env) {}',
      "spawn('x', [], { env: process.env });",
      'configure(process.env);',
      'export default process.env;',
    ].join('\n');
    expect(envReads(source).map((read) => [read.name, read.text, read.enumerates])).toEqual([
      [null, 'process.env', true],
      [null, 'process.env', true],
      [null, 'process.env', true],
      [null, 'process.env', true],
      [null, 'process.env', true],
      [null, 'process.env', true],
    ]);
  });

  it('reports an alias handed on whole', () => {
    expect(envReads("import { env } from 'node:process';\nrun({ env });")).toEqual([{ name: null, api: 'process.env', text: 'env', enumerates: true }]);
  });
});

describe('TypeScript env reads: not reads', () => {
  it('skips writes and deletes', () => {
    expect(readNames("process.env.A = 'x'; process.env['B'] = 'y'; delete process.env.C; process.env = {};")).toEqual([]);
  });

  it('skips Object.assign(process.env, ...) and defineProperty on it', () => {
    expect(readNames("Object.assign(process.env, { A: '1' }); Object.defineProperty(process.env, 'B', {});")).toEqual([]);
  });

  it('does not treat typeof process or a truthiness check as a read', () => {
    expect(readNames("if (typeof process !== 'undefined' && process.env) {}\nconst t = typeof process.env;")).toEqual([]);
  });

  it('ignores `.env` on unrelated objects and env-named properties', () => {
    expect(readNames('const a = config.env.A; const b = { env: 1 }.env; const c = obj.process.env.C;')).toEqual([]);
  });
});

describe('TypeScript env reads: test code', () => {
  it('marks facts in test files with inTest', () => {
    for (const file of ['src/a.test.ts', 'src/a.spec.tsx', 'src/__tests__/a.ts', 'test/a.ts', 'pkg/tests/a.js']) {
      const facts = analyze('const a = process.env.A;', {}, file);
      expect(facts.map((fact) => (fact as { inTest?: boolean }).inTest), file).toEqual([true]);
    }
    expect(analyze('const a = process.env.A;', {}, 'src/contest.ts').map((fact) => (fact as { inTest?: boolean }).inTest)).toEqual([undefined]);
  });
});
