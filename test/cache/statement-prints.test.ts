// Which statements of a module an edit changed, and whether a walk that uses some of its exports
// can read one of them (src/leak/typescript/statement-prints.ts). Each case has its twin: the same
// edit read through another export, or another edit beside the same export.
import { describe, expect, it } from 'vitest';
import { ts } from '../../src/leak/typescript/compiler-api.js';
import { editMap, isStatementPrints, keepsExportShape, readsChangedStatement, statementPrints } from '../../src/leak/typescript/statement-prints.js';

const parse = (text: string, fileName = '/p/m.ts'): ts.SourceFile => ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);

/** Whether a walk using the exports `used` reads what changed from `before` to `after`. */
function reads(before: string, after: string, used: string[]): boolean {
  const recorded = JSON.parse(JSON.stringify(statementPrints(parse(before)))) as unknown; // as read back from the cache
  return readsChangedStatement(recorded, parse(after), (name) => used.includes(name));
}

const HELPERS = [
  "import { pad } from './pad';",
  "import { quote } from './quote';",
  "const PREFIX = '[';",
  'function inner(text: string): string {\n  return `${PREFIX}${pad(text)}]`;\n}',
  'export function fmt(text: string): string {\n  return inner(text);\n}',
  'export function count(text: string): string {\n  return String(text.length);\n}',
  'export const label = (name: string): string => quote(name);',
  '',
].join('\n');

const edited = (from: string, to: string): string => {
  expect(HELPERS.includes(from)).toBe(true);
  return HELPERS.replace(from, to);
};

describe('statement prints', () => {
  it('an edit that changes no statement is read by no walk', () => {
    expect(reads(HELPERS, HELPERS, ['fmt', 'count', 'label'])).toBe(false);
    expect(reads(HELPERS, `${HELPERS}// a comment at the end\n`, ['fmt', 'count', 'label'])).toBe(false);
    // A comment or a blank line before a statement is no part of it (no comment is a type in TypeScript).
    const commented = edited('export function count', '/** Counts. */\n\nexport function count');
    expect(reads(HELPERS, commented, ['fmt', 'count', 'label'])).toBe(false);
    // Before the first statement it is the file's (`/// <reference>`, pragmas): part of it.
    expect(reads(HELPERS, `/// <reference types="node" />\n${HELPERS}`, ['fmt'])).toBe(true);
    expect(reads(HELPERS, `/** @jsxImportSource preact */\n${HELPERS}`, ['fmt'])).toBe(true);
    expect(reads(HELPERS, `// Copyright the authors\n\n${HELPERS}`, ['fmt'])).toBe(false);
  });

  it('a changed declaration is read through the exports that lead to it, directly or through local names', () => {
    const body = edited('String(text.length)', 'String(text.trim().length)');
    expect(reads(HELPERS, body, ['count'])).toBe(true);
    expect(reads(HELPERS, body, ['fmt', 'label'])).toBe(false);
    // fmt -> inner -> PREFIX: a local helper two steps away.
    const prefix = edited("const PREFIX = '[';", "const PREFIX = '<';");
    expect(reads(HELPERS, prefix, ['fmt'])).toBe(true);
    expect(reads(HELPERS, prefix, ['count', 'label'])).toBe(false);
  });

  it('an import is read for the bindings the used declarations mention', () => {
    const changed = edited("import { quote } from './quote';", "import { quote } from './quote-v2';");
    expect(reads(HELPERS, changed, ['label'])).toBe(true);
    expect(reads(HELPERS, changed, ['fmt', 'count'])).toBe(false);
  });

  it('a new declaration that shadows a name a used declaration mentions is read, and so is a removed one', () => {
    const shadow = `${HELPERS}const String = (value: unknown): string => \`\${value as string}\`;\n`;
    expect(reads(HELPERS, shadow, ['count'])).toBe(true);
    expect(reads(HELPERS, shadow, ['fmt', 'label'])).toBe(false);
    const removed = edited("const PREFIX = '[';\n", '');
    expect(reads(HELPERS, removed, ['fmt'])).toBe(true);
    expect(reads(HELPERS, removed, ['label'])).toBe(false);
  });

  it('top-level code, the default export and a reordering', () => {
    // Code that runs is read by every walk that reads the module, with what it mentions.
    expect(reads(HELPERS, `${HELPERS}console.info('loaded');\n`, ['label'])).toBe(true);
    expect(reads(`${HELPERS}inner('x');\n`, `${HELPERS}inner('y');\n`, ['label'])).toBe(true);
    const runs = `${HELPERS}inner('x');\n`;
    expect(reads(runs, runs.replace("const PREFIX = '[';", "const PREFIX = '<';"), ['label'])).toBe(true);
    expect(reads(runs, runs.replace('String(text.length)', 'String(0)'), ['label'])).toBe(false);
    expect(reads(`${HELPERS}export default function main() {}\n`, `${HELPERS}export default function main() { inner('x'); }\n`, [])).toBe(true);
    // Two functions swapped: changed, read when used.
    const swapped = HELPERS.replace(/(export function fmt[^]*?\n}\n)(export function count[^]*?\n}\n)/, '$2$1');
    expect(swapped).not.toBe(HELPERS);
    expect(reads(HELPERS, swapped, ['count'])).toBe(true);
    expect(reads(HELPERS, swapped, ['label'])).toBe(false);
  });

  it('one statement that declares several names is read for any of them; an export list reads the local it renames', () => {
    const before = "const { a, b } = { a: 1, b: 2 };\nconst c = 3;\nexport { a, b as bee, c };\n";
    const after = "const { a, b } = { a: 1, b: 20 };\nconst c = 3;\nexport { a, b as bee, c };\n";
    expect(reads(before, after, ['a'])).toBe(true);
    expect(reads(before, after, ['bee'])).toBe(true);
    expect(reads(before, after, ['c'])).toBe(false);
    // A local exported as default is read by whoever imports the default, whatever they call it.
    const local = "function run(): number { return 1; }\nfunction other(): number { return 2; }\nexport { run as default };\n";
    expect(reads(local, local.replace('return 1', 'return 3'), [])).toBe(true);
    expect(reads(local, local.replace('return 2', 'return 3'), [])).toBe(false);
  });

  it('maps each statement the edit left alone to where it is now', () => {
    const recorded = JSON.parse(JSON.stringify(statementPrints(parse(HELPERS)))) as unknown;
    const moved = (after: string) => {
      const moves = editMap(recorded, parse(after))!;
      // Each unchanged statement's text is the same at its old and its new place.
      for (const move of moves) expect(after.slice(move.oldStart + move.offsetDelta, move.oldStart + move.offsetDelta + move.length)).toBe(HELPERS.slice(move.oldStart, move.oldStart + move.length));
      return moves;
    };
    // PREFIX on two lines: the 2 imports stay, the 4 statements after it move one line down.
    const after = edited("const PREFIX = '[';", "const PREFIX =\n  '[[';");
    const moves = moved(after);
    expect(moves.map((move) => [move.lineDelta, move.offsetDelta])).toEqual([[0, 0], [0, 0], [1, 3], [1, 3], [1, 3], [1, 3]]);
    // A comment above count: every statement is unchanged, those from count on move.
    const comment = '// counts\n';
    expect(moved(edited('export function count', `${comment}export function count`)).map((move) => move.lineDelta)).toEqual([0, 0, 0, 0, 0, 1, 1]);
    expect(moved(`${HELPERS}// end\n`).every((move) => move.offsetDelta === 0 && move.lineDelta === 0)).toBe(true);
    expect(editMap(undefined, parse(HELPERS))).toBeNull();
  });

  it('another export shape, a damaged record or a CommonJS module: always read', () => {
    const more = `${HELPERS}export const extra = 1;\n`;
    expect(reads(HELPERS, more, [])).toBe(true);
    expect(keepsExportShape(statementPrints(parse(HELPERS)), parse(more))).toBe(false);
    expect(keepsExportShape(statementPrints(parse(HELPERS)), parse(edited('String(text.length)', 'String(0)')))).toBe(true);
    expect(readsChangedStatement({ shape: 'x', statements: [['h', 'declaration']] }, parse(HELPERS), () => false)).toBe(true);
    expect(readsChangedStatement(undefined, parse(HELPERS), () => false)).toBe(true);
    expect(isStatementPrints(statementPrints(parse(HELPERS)))).toBe(true);
    expect(statementPrints(parse('exports.key = 1;\n', '/p/m.js'))).toBeNull();
  });
});
