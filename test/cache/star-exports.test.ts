// What the result cache reads from a module reached only through `export *` (src/leak/typescript/star-exports.ts):
// its export names and shape, which edges are star-only, and which files reach exports unnamed.
import { describe, expect, it } from 'vitest';
import { ts } from '../../src/leak/typescript/compiler-api.js';
import { exportShape, reachesExportsUnnamed, readFiles, readsFile, sameShape, starOnlyTargets, stubText, unnamedTargets, wordsOf } from '../../src/leak/typescript/star-exports.js';

const parse = (fileName: string, text: string): ts.SourceFile => ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
/** Project files resolve (relative specifiers); packages do not, as LeakProject.resolveImport. */
const project = { resolveImport: (file: string, specifier: string) => (specifier.startsWith('.') ? `/p/${specifier.replace(/^\.\//, '')}.ts` : undefined) };

describe('star-only dependencies', () => {
  it('reads the names and the shape of what a module exports', () => {
    const shape = exportShape(parse('/p/a.ts', "export const a = 1, { b } = { b: 2 };\nexport function f() {}\nexport default class {}\nexport type T = string;\nexport { x as y } from './x';\nexport * from './z';\nexport * as ns from './w';\nconst local = 3;\nexport { local as publicLocal };\n"));
    expect(shape?.names).toEqual(['a', 'b', 'default', 'f', 'ns', 'publicLocal', 'T', 'y'].sort());
    // The same names with another star export: another shape.
    const other = exportShape(parse('/p/a.ts', "export const a = 1, { b } = { b: 2 };\nexport function f() {}\nexport default class {}\nexport type T = string;\nexport { x as y } from './x';\nexport * from './zz';\nexport * as ns from './w';\nconst local = 3;\nexport { local as publicLocal };\n"));
    expect(other?.names).toEqual(shape?.names);
    expect(sameShape(other!, shape)).toBe(false);
    // A body edit keeps the shape.
    expect(sameShape(exportShape(parse('/p/i.ts', 'export const Icon = () => 1;\n'))!, exportShape(parse('/p/i.ts', 'export const Icon = () => 2 + 2;\n')))).toBe(true);
    // The stub a Program may load instead declares the same names, with the same statements that
    // name another module (a renamed local is declared by its exported name).
    const stubbed = exportShape(parse('/p/a.ts', stubText(shape!)!))!;
    const toModules = (forms: typeof stubbed.forms) => forms.filter((form) => !('name' in form) || form.from !== undefined);
    expect(stubbed.names).toEqual(shape!.names);
    expect(toModules(stubbed.forms)).toEqual(toModules(shape!.forms));
    // A damaged record (read back from the cache) gives no stub.
    expect(stubText({ names: ['a'], forms: [{ star: 1 } as never] })).toBeNull();
    expect(stubText({ names: ['delete'], forms: [] })).toBeNull();
    expect(exportShape(parse('/p/e.ts', 'const o = {};\nexport = o;\n'))).toBeNull();
    expect(exportShape(parse('/p/c.js', 'exports.key = 1;\n'))).toBeNull();
  });

  it('tells star-only edges from edges another statement also follows', () => {
    const barrel = parse('/p/index.ts', "export * from './icons';\nexport * from './format';\nimport { wrap } from './format';\nexport * from 'some-package';\nexport const w = wrap;\n");
    expect([...starOnlyTargets(barrel, project)]).toEqual(['/p/icons.ts']);
  });

  it('marks files that reach exports without naming them', () => {
    expect(reachesExportsUnnamed(parse('/p/a.ts', "import * as ui from './ui';\n"), project)).toBe(true);
    expect(reachesExportsUnnamed(parse('/p/a.ts', "import * as React from 'react';\n"), project)).toBe(false);
    expect(reachesExportsUnnamed(parse('/p/a.ts', "const m = await import('./ui');\n"), project)).toBe(true);
    expect(reachesExportsUnnamed(parse('/p/a.js', "/** @type {import('./ui').T} */\nlet t;\n"), project)).toBe(true);
    expect(reachesExportsUnnamed(parse('/p/a.ts', "import x = require('./ui');\n"), project)).toBe(true);
    expect(reachesExportsUnnamed(parse('/p/a.ts', "import { Button } from './ui';\n"), project)).toBe(false);
    // A namespace re-export hands the module on whole: its importers may index it.
    expect(reachesExportsUnnamed(parse('/p/a.ts', "export * as ui from './ui';\n"), project)).toBe(true);
    expect(reachesExportsUnnamed(parse('/p/a.ts', "export * as React from 'react';\n"), project)).toBe(false);
    // Which modules, when every such reach names its module with a literal.
    expect(unnamedTargets(parse('/p/a.ts', "import * as ui from './ui';\nconst job = () => import('./job');\ntype H = typeof import('./handler');\nconst cfg = require('./cfg');\n"), project)).toEqual(['/p/ui.ts', '/p/job.ts', '/p/handler.ts', '/p/cfg.ts']);
    // Another argument: the checker types the result `any`, it follows nothing.
    expect(unnamedTargets(parse('/p/a.ts', "const m = await import(`./${name}`);\n"), project)).toEqual([]);
    // In TypeScript a comment is no type; in JavaScript a JSDoc one is, and a doubt counts.
    expect(unnamedTargets(parse('/p/a.ts', "// see import('./ui') for the rest\nexport const x = 1;\n"), project)).toEqual([]);
    expect(unnamedTargets(parse('/p/a.js', "/** @type {import('./ui').T} */\nlet t;\n"), project)).toBeNull();
    expect(unnamedTargets(parse('/p/a.js', "const v = myrequire('./ui');\n"), project)).toBeNull();
    expect(unnamedTargets(parse('/p/a.ts', "const zod = await import('zod');\n"), project)).toEqual([]);
  });

  it('reads a star-only module once a file read on the way names one of its exports', () => {
    const texts: Record<string, string> = {
      'r.ts': "import { wrap } from './ui';\nwrap('x');\n",
      'ui.ts': "export * from './icons';\nexport * from './format';\n",
      'format.ts': "import { helper } from './helper';\nexport const wrap = (t: string) => helper(t);\n",
      'helper.ts': 'export const helper = (t: string) => `${t} StarIcon`;\n',
      'icons.ts': "export const StarIcon = 1;\nexport default 2;\n",
    };
    const edges = { 'r.ts': ['ui.ts'], 'ui.ts': ['icons.ts', 'format.ts'], 'format.ts': ['helper.ts'] };
    const star = { starOnly: { 'ui.ts': ['format.ts', 'icons.ts'] }, starExports: { 'icons.ts': { names: ['StarIcon', 'default'], forms: [] }, 'format.ts': { names: ['wrap'], forms: [] } }, unnamed: [] };
    const input = (changes: Partial<typeof texts> = {}, unnamed: string[] = []) => ({ edges, star: { ...star, unnamed }, global: [], readText: (file: string) => ({ ...texts, ...changes })[file] ?? null });
    // helper.ts (read through format.ts, which r.ts names) mentions StarIcon: icons.ts is read.
    expect(readsFile('r.ts', 'icons.ts', input(), new Map())).toBe(true);
    // Without that mention it is not; `default` is never re-exported by `export *`.
    expect(readsFile('r.ts', 'icons.ts', input({ 'helper.ts': 'export const helper = (t: string) => `${t} default`;\n' }), new Map())).toBe(false);
    expect(readsFile('r.ts', 'format.ts', input(), new Map())).toBe(true);
    // A file on the way that reaches exports unnamed: every module counts as read.
    expect(readsFile('r.ts', 'icons.ts', input({ 'helper.ts': 'export const helper = (t: string) => t;\n' }, ['format.ts']), new Map())).toBe(true);
  });

  it('splits words as identifiers would be, and more', () => {
    expect([...wordsOf('a.b_c($d) "Star Icon" café9')]).toEqual(['a', 'b_c', '$d', 'Star', 'Icon', 'café9']);
  });
});
