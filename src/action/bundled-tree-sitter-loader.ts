// Stand-in for src/languages/tree-sitter-loader.ts inside the bundled Action only (swapped in by
// scripts/build-action.js). The Action runs from a checkout without node_modules, so the grammar
// and runtime wasm files are shipped next to dist/index.cjs and found through the bundle's own URL.
// Same exports as the original, and the same runtime code; the Action's end-to-end test parses
// every grammar.
import { fileURLToPath } from 'node:url';
import { createGrammarLoader } from '../languages/tree-sitter-runtime.js';

export type { GrammarName } from '../languages/tree-sitter-runtime.js';

function besideBundle(file: string): string {
  return fileURLToPath(new URL(`./${file}`, import.meta.url));
}

const loader = createGrammarLoader({
  grammar: (grammar) => besideBundle(`tree-sitter-${grammar}.wasm`),
  runtimeFile: besideBundle,
});

export const loadGrammar = loader.loadGrammar;
export const createParser = loader.createParser;
