// One tree-sitter-python parser per process (or worker): parsers are reusable and loading the
// grammar is the slow part.
import type { Parser } from 'web-tree-sitter';
import { createParser } from '../tree-sitter-loader.js';

let parser: Promise<Parser> | undefined;

export function pythonParser(): Promise<Parser> {
  parser ??= createParser('python');
  return parser;
}
