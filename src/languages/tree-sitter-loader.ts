// Loads web-tree-sitter and the wasm grammars. Pure wasm: no native addon, so it works under npm 11
// without install scripts and inside the bundled Action (which swaps this module for
// src/action/bundled-tree-sitter-loader.ts).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createGrammarLoader, type GrammarName } from './tree-sitter-runtime.js';

export type { GrammarName } from './tree-sitter-runtime.js';

const require = createRequire(import.meta.url);

const loader = createGrammarLoader({
  grammar(grammar: GrammarName): string {
    // The built package carries the grammars in lib/grammars/ (scripts/copy-grammars.js); the
    // grammar packages are devDependencies, used when running from src/ (tests) or a dev checkout.
    const shipped = fileURLToPath(new URL(`../grammars/tree-sitter-${grammar}.wasm`, import.meta.url));
    if (fs.existsSync(shipped)) return shipped;
    // Resolve the package directory through its package.json so hoisting layouts do not matter.
    const pkg = require.resolve(`tree-sitter-${grammar}/package.json`);
    return pkg.replace(/package\.json$/, `tree-sitter-${grammar}.wasm`);
  },
});

export const loadGrammar = loader.loadGrammar;
/** A parser bound to one grammar. Parsers are cheap; reuse one per worker and grammar. */
export const createParser = loader.createParser;
