// callee-names.ts: the names a call with no tainted argument must carry for its callee to be
// resolved (the walker's demand-driven lookup). A member call (`a.name()`) can only reach a
// member or a module-level declaration; a function local to another function, or an import
// binding, is callable by its own name only. Trees come straight from the parser: no parent pointers.
import { describe, expect, it } from 'vitest';
import { ts } from '../../src/leak/typescript/compiler-api.js';
import { declaredCalleeNames } from '../../src/leak/typescript/callee-names.js';

const CODE = `import { fromReaching } from './reaching';
import { fromElsewhere } from './elsewhere';
export function topLevel() {
  function localHelper() {}
  const localArrow = () => 1;
  return { shorthand, named: localArrow };
}
export const { destructuredTop } = make();
const topArrow = () => 2;
class Client { method() {} field = () => 3; }
exports.assigned = () => 4;
if (flag) { const inBlock = () => 5; }
export { topArrow as renamed };
`;

function namesOf(code: string): { all: string[]; members: string[] } {
  const sourceFile = ts.createSourceFile('/project/src/a.ts', code, ts.ScriptTarget.ES2022, false);
  const members = new Set<string>();
  const all = declaredCalleeNames([sourceFile], (_file, specifier) => specifier === './reaching', members);
  return { all: [...all].sort(), members: [...members].sort() };
}

describe('declaredCalleeNames', () => {
  it('lists every declared callable name, and which of them a member call can reach', () => {
    const { all, members } = namesOf(CODE);
    expect(all).toEqual(['Client', 'assigned', 'destructuredTop', 'field', 'fromReaching', 'inBlock', 'localArrow', 'localHelper', 'method', 'named', 'renamed', 'shorthand', 'topArrow', 'topLevel'].sort());
    expect(members).toEqual(['Client', 'assigned', 'destructuredTop', 'field', 'method', 'named', 'renamed', 'shorthand', 'topArrow', 'topLevel'].sort());
  });
});
