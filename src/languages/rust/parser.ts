// One tree-sitter parser per process (or worker): loading the wasm grammar is the slow part.
import type { Parser } from 'web-tree-sitter';
import { createParser } from '../tree-sitter-loader.js';

let parserPromise: Promise<Parser> | undefined;
let readyParser: Parser | undefined;

/** Loads the Rust grammar once. Await it before calling the synchronous entry points. */
export function loadRustParser(): Promise<Parser> {
  parserPromise ??= createParser('rust').then((parser) => {
    readyParser = parser;
    return parser;
  });
  return parserPromise;
}

/** The parser if `loadRustParser()` has finished, else undefined. */
export function rustParserIfReady(): Parser | undefined {
  return readyParser;
}
