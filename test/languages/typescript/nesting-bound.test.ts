// The nesting guard's fast pre-check (nesting-bound.ts) may only skip the guard where the guard
// would blank nothing and build no tree: it must read every token exactly as the guard's scanner
// does, and its bound must never be below the guard's estimate.
import { describe, expect, it } from 'vitest';
import { fitsNestingBudget } from '../../../src/languages/typescript/nesting-bound.js';
import { guardTypeScriptNesting, nestingEstimate } from '../../../src/languages/typescript/nesting-guard.js';
import { analyzeTypeScript } from '../../../src/languages/typescript/analyze-file.js';
import { ts, type TS } from '../../../src/languages/typescript/typescript-module.js';
import { MAX_NESTING_DEPTH } from '../../../src/languages/nesting-limit.js';

/** The guard's tree-check threshold (nesting-guard.ts TREE_CHECK_THRESHOLD). */
const THRESHOLD = MAX_NESTING_DEPTH / 2;

type Token = [number, number, number, boolean];

function fastTokens(text: string): { tokens: Token[]; read: boolean } {
  const tokens: Token[] = [];
  const read = fitsNestingBudget(text, Infinity, (kind, start, end, lineBreak) => tokens.push([kind, start, end, lineBreak]));
  return { tokens, read };
}

function guardTokens(text: string): { tokens: Token[]; estimate: number } {
  const tokens: Token[] = [];
  const estimate = nestingEstimate('file.ts', text, (kind, start, end, lineBreak) => tokens.push([kind, start, end, lineBreak]));
  return { tokens, estimate };
}

/** Same tokens as the guard (all of them, or the ones before the text was left to the guard); bound at or above its estimate. */
function expectAgreement(text: string): boolean {
  const fast = fastTokens(text);
  const guard = guardTokens(text);
  const label = JSON.stringify(text);
  if (fast.read) expect(fast.tokens, label).toEqual(guard.tokens);
  else expect(fast.tokens, label).toEqual(guard.tokens.slice(0, fast.tokens.length));
  if (guard.estimate > 0) expect(fitsNestingBudget(text, guard.estimate - 1), label).toBe(false);
  return fast.read;
}

function parse(text: string): TS.SourceFile {
  return ts.createSourceFile('file.ts', text, { languageVersion: ts.ScriptTarget.Latest }, false, ts.ScriptKind.TS);
}

describe('nesting guard pre-check', () => {
  it('reads the tokens the guard reads, where the scanner decides by context', () => {
    const snippets = [
      'if (a) /re[/)]x/g.test(s); else x = a / b / c;',
      'const r = (a) / 2; while (x) /y/.exec(z);',
      'return /a/\nreturn\n/b/i',
      'x = y++ / 2; x = !/a/.test(s); x = a!\n/b/; z = a\n++b',
      'const t = `a${b}c${ `d${e}` }f`; const u = tag`x${ {a: 1} }y`; `${ () => { return 1; } }`',
      'x = `\\${not} \\` ${1}`; y = "\\"q\\\\"; z = \'it\\\'s\';',
      'n = 0x1F + 0b101n + 0o7_7 + 1_000.5e-3 + .5 + 1. + 1..toString() + 5n + 0.0 + 2e+10;',
      'a?.b ?? c; a?.5:b; a ??= b; a ||= b; a &&= b; a **= 2; a >>>= 1; x = a >= b >> c;',
      'class A { #x = 1; m() { return this.#x * 2; } @dec() p = 1 }',
      '/* a\n */ x /* b */ = 1 // c\n/* */ + 2;',
      '#!/usr/bin/env node\nconst x = 1;',
      'for (const [k, v] of Object.entries(o)) { switch (k) { case "a": break; default: } }',
      'type T<A extends B<C>> = A extends [infer X, ...infer Y] ? keyof X : never; let v = <T>(x);',
      'label: do x--; while (x > 0)\ntry {} catch {} finally {}',
    ];
    for (const text of snippets) expect(expectAgreement(text), text).toBe(true);
  });

  it('leaves to the guard what it does not read exactly like the scanner', () => {
    const unread = [
      'const café = 1;',
      'const \\u0061 = 1;',
      'const s = "unterminated\n";',
      'x = /unterminated\n',
      '/* unterminated',
      'x = `unterminated',
      'x = 017;',
      'x = 1e;',
      'x = 1in y;',
      'a\n<<<<<<< HEAD\nb\n',
      'x = 1;\u2028y = 2;',
      'x = "line\u2029sep";',
      'x\u00a0= 1;',
      'class A { #x = 1; m() { return this.#x / 2; } }', // read as a regular expression, as the guard does: unterminated
    ];
    for (const text of unread) {
      expect(fastTokens(text).read, JSON.stringify(text)).toBe(false);
      expectAgreement(text);
    }
  });

  it('agrees with the guard on random texts (seeded)', () => {
    let state = 7;
    const next = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 4294967296;
    };
    const pieces = [
      'a', 'b1', '$', '_x', 'if', 'else', 'return', 'typeof', 'await', 'of', 'case', 'default', 'this', ' ', ' ', '\n', '\r\n', '\t',
      '(', ')', '[', ']', '{', '}', ';', ',', '.', '...', '?', '?.', '??', ':', '=', '==', '=>', '<', '<<', '>', '!', '!=', '+', '++',
      '-', '--', '*', '**', '/', '/=', '%', '&', '&&', '|', '||', '^', '~', '@', '#p', '1', '0x1f', '1.5', '.5', '1e3', '3n', '0',
      '"s"', "'t'", '"\\"', '`', '${', '\\', '//c\n', '/*c*/', '/*\n*/', '[/]', 'é', '=======', '\u2028',
    ];
    let read = 0;
    for (let round = 0; round < 1500; round++) {
      let text = '';
      const count = 1 + Math.floor(next() * 40);
      for (let i = 0; i < count; i++) text += pieces[Math.floor(next() * pieces.length)];
      if (expectAgreement(text)) read++;
    }
    expect(read).toBeGreaterThan(100); // the check reads a fair share, not only the easy cases
  });

  it('skips the guard up to the threshold and guards a file just over it', () => {
    const file = (n: number): string => `export const a = ${'f('.repeat(n)}1${')'.repeat(n)};\n`;
    let n = 1;
    while (nestingEstimate('file.ts', file(n)) <= THRESHOLD) n++;
    expect(nestingEstimate('file.ts', file(n - 1))).toBeLessThanOrEqual(THRESHOLD);
    expect(nestingEstimate('file.ts', file(n))).toBeGreaterThan(THRESHOLD);
    // Under: no tree checked (the guard itself would not have built one either).
    expect(fitsNestingBudget(file(n - 1), THRESHOLD)).toBe(true);
    expect(guardTypeScriptNesting('file.ts', file(n - 1), parse)).toEqual({ text: file(n - 1), cutAt: [] });
    // Just over: the guard runs and checks the tree (step 2 hands its tree back).
    expect(fitsNestingBudget(file(n), THRESHOLD)).toBe(false);
    const over = guardTypeScriptNesting('file.ts', file(n), parse);
    expect(over.sourceFile).toBeDefined();
    expect(over.text).toBe(file(n));
    expect(over.cutAt).toEqual([]);
  });

  it('deep nesting in a .ts file is still cut and reported on its line', () => {
    const text = `const x = 1;\nexport const a =\n${'(\n'.repeat(2_000)}process.env.DEEP_KEY\n${')'.repeat(2_000)};\nexport const b = process.env.PLAIN_KEY;\n`;
    expect(fitsNestingBudget(text, THRESHOLD)).toBe(false);
    const result = analyzeTypeScript('deep.ts', text, { registryNames: [] } as never);
    // The guard's budget (MAX_NESTING_DEPTH / 2 bracket levels) runs out inside the 200th `(`, on line 2 + 200.
    expect(result.errors).toEqual([{ file: 'deep.ts', line: 202, message: `nesting deeper than ${MAX_NESTING_DEPTH} at line 202; the rest of this construct was not analysed` }]);
    const plainLine = text.split('\n').findIndex((line) => line.includes('PLAIN_KEY')) + 1;
    expect(result.facts.some((fact) => fact.kind === 'env-read' && fact.name === 'PLAIN_KEY' && fact.range.line === plainLine)).toBe(true);
  });
});
