// Stand-in for src/languages/tree-sitter-loader.ts inside the bundled Action only (swapped in by
// scripts/build-action.js). The Action runs from a checkout without node_modules, so the grammar
// and runtime wasm files are shipped next to dist/index.cjs and found through the bundle's own URL.
// Same exports and behaviour as the original; the Action's end-to-end test parses every grammar.
import { fileURLToPath } from 'node:url';
import { Language, Parser } from 'web-tree-sitter';

export type GrammarName = 'rust' | 'python' | 'bash';

let initPromise: Promise<void> | undefined;
const languages = new Map<GrammarName, Promise<Language>>();

function besideBundle(file: string): string {
  return fileURLToPath(new URL(`./${file}`, import.meta.url));
}

export async function loadGrammar(grammar: GrammarName): Promise<Language> {
  initPromise ??= Parser.init({ locateFile: (name: string) => besideBundle(name) });
  await initPromise;
  let lang = languages.get(grammar);
  if (!lang) {
    lang = Language.load(besideBundle(`tree-sitter-${grammar}.wasm`));
    languages.set(grammar, lang);
  }
  return lang;
}

export async function createParser(grammar: GrammarName): Promise<Parser> {
  const language = await loadGrammar(grammar);
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}
