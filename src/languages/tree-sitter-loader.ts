// Loads web-tree-sitter and the wasm grammars shipped in the grammar packages. Pure wasm: no
// native addon, so it works under npm 11 without install scripts and inside the bundled Action.
import { createRequire } from 'node:module';
import { Language, Parser } from 'web-tree-sitter';

export type GrammarName = 'rust' | 'python' | 'bash';

const require = createRequire(import.meta.url);
let initPromise: Promise<void> | undefined;
const languages = new Map<GrammarName, Promise<Language>>();

function wasmPath(grammar: GrammarName): string {
  // Resolve the package directory through its package.json so hoisting layouts do not matter.
  const pkg = require.resolve(`tree-sitter-${grammar}/package.json`);
  return pkg.replace(/package\.json$/, `tree-sitter-${grammar}.wasm`);
}

export async function loadGrammar(grammar: GrammarName): Promise<Language> {
  initPromise ??= Parser.init();
  await initPromise;
  let lang = languages.get(grammar);
  if (!lang) {
    lang = Language.load(wasmPath(grammar));
    languages.set(grammar, lang);
  }
  return lang;
}

/** A parser bound to one grammar. Parsers are cheap; reuse one per worker and grammar. */
export async function createParser(grammar: GrammarName): Promise<Parser> {
  const language = await loadGrammar(grammar);
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}
