// web-tree-sitter initialisation and grammar caching, independent of where the wasm files live:
// src/languages/tree-sitter-loader.ts finds them in node_modules, the bundled Action's loader
// (src/action/bundled-tree-sitter-loader.ts) next to dist/index.cjs.
import { Language, Parser } from 'web-tree-sitter';
import { compileWasmOnCallingThread, withoutWasmTierUp } from '../core/v8-flags.js';

export type GrammarName = 'rust' | 'python' | 'bash';

export interface WasmLocation {
  /** Absolute path of `tree-sitter-<grammar>.wasm`. */
  grammar(grammar: GrammarName): string;
  /** Where web-tree-sitter's own files (web-tree-sitter.wasm) are; its default when absent. */
  runtimeFile?(name: string): string;
}

export interface GrammarLoader {
  loadGrammar(grammar: GrammarName): Promise<Language>;
  /** A parser bound to one grammar. Parsers are cheap; reuse one per worker and grammar. */
  createParser(grammar: GrammarName): Promise<Parser>;
}

const noop = (): void => {};

export function createGrammarLoader(location: WasmLocation): GrammarLoader {
  let initPromise: Promise<void> | undefined;
  const languages = new Map<GrammarName, Promise<Language>>();
  let loading: Promise<void> = Promise.resolve();
  const runtimeFile = location.runtimeFile;

  async function loadGrammar(grammar: GrammarName): Promise<Language> {
    if (!initPromise) compileWasmOnCallingThread();
    initPromise ??= runtimeFile ? Parser.init({ locateFile: (name: string) => runtimeFile(name) }) : Parser.init();
    await initPromise;
    let lang = languages.get(grammar);
    if (!lang) {
      const file = location.grammar(grammar);
      // Each load waits for the one before it, so the bash grammar's window (below) holds it alone.
      lang = loading.then(() => (grammar === 'bash' ? withoutWasmTierUp(() => Language.load(file)) : Language.load(file)));
      loading = lang.then(noop, noop);
      languages.set(grammar, lang);
    }
    return lang;
  }

  async function createParser(grammar: GrammarName): Promise<Parser> {
    const language = await loadGrammar(grammar);
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  }

  return { loadGrammar, createParser };
}
