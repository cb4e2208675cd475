// The TypeScript compiler API for the leak analysis: the same `typescript` module the front end
// loads (src/languages/typescript/typescript-module.ts). Both go through `require`, so Node's module
// cache hands them one instance: one compiler in the process, and nodes, types and checkers are
// interchangeable between the front end, the leak analysis and typescript-eslint's Program.
//
// `import = require` (emitted as `createRequire` under `module: nodenext`) keeps `ts` both a value
// (`ts.SyntaxKind.Identifier`) and a namespace for types (`ts.Node`), and, like the front end,
// avoids Node's ESM export-name lexer over the 9 MB CommonJS bundle.
// The front end's module loads the compiler first (through the code cache, when it is on); the
// `require` below then finds it in `require.cache`.
import '../../languages/typescript/typescript-module.js';
import ts = require('typescript');

export { ts };
