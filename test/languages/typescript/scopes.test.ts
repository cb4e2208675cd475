import { describe, expect, it } from 'vitest';
import { readNames } from './front-end-harness.js';

describe('TypeScript front end: shadowing', () => {
  it('ignores a parameter named process', () => {
    expect(readNames('function f(process: any) { return process.env.A; }\nconst b = process.env.B;')).toEqual(['B']);
  });

  it('ignores an arrow parameter and a destructured parameter named env', () => {
    expect(readNames('const f = (env: any) => env.A;\nconst g = ({ env }: any) => env.B;')).toEqual([]);
  });

  it('ignores a local variable named process declared later in the same block (hoisting)', () => {
    expect(readNames("function f() { const a = process.env.A; const process = { env: {} }; return a; }")).toEqual([]);
  });

  it('ignores a shadowing local in an inner block but reads outside it', () => {
    const source = "import { env } from 'node:process';\n{ const env = { A: 1 }; use(env.A); }\nuse(env.B);";
    expect(readNames(source)).toEqual(['B']);
  });

  it('ignores catch variables and loop variables named process', () => {
    expect(readNames('try {} catch (process) { process.env.A; }\nfor (const process of list) { process.env.B; }')).toEqual([]);
  });

  it('ignores a class or function named process', () => {
    expect(readNames('function process() {}\nprocess.env.A;')).toEqual([]);
  });

  it('reads an alias only where it is in scope', () => {
    const source = 'function f() { const e = process.env; return e.A; }\nfunction g(e: any) { return e.B; }';
    expect(readNames(source)).toEqual(['A']);
  });

  it('a shadowed const does not resolve a key', () => {
    expect(readNames("const K = 'A';\nfunction f(K: string) { return process.env[K]; }")).toEqual([null]);
  });

  it('a local named import is the real thing again after an inner shadow closes', () => {
    expect(readNames('function f() { let process = 1; }\nconst a = process.env.A;')).toEqual(['A']);
  });
});
