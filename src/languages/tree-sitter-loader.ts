// Loads web-tree-sitter and the wasm grammars shipped in the grammar packages. Pure wasm: no
// native addon, so it works under npm 11 without install scripts and inside the bundled Action
// (which swaps this module for src/action/bundled-tree-sitter-loader.ts).
import { createRequire } from 'node:module';
import { createGrammarLoader, type GrammarName } from './tree-sitter-runtime.js';

export type { GrammarName } from './tree-sitter-runtime.js';

const require = createRequire(import.meta.url);

const loader = createGrammarLoader({
  grammar(grammar: GrammarName): string {
    // Resolve the package directory through its package.json so hoisting layouts do not matter.
    const pkg = require.resolve(`tree-sitter-${grammar}/package.json`);
    return pkg.replace(/package\.json$/, `tree-sitter-${grammar}.wasm`);
  },
});

export const loadGrammar = loader.loadGrammar;
/** A parser bound to one grammar. Parsers are cheap; reuse one per worker and grammar. */
export const createParser = loader.createParser;
