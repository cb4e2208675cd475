// One tree-sitter-bash parser per process (or worker).
import type { Parser } from 'web-tree-sitter';
import { createParser } from '../tree-sitter-loader.js';

let parser: Promise<Parser> | undefined;

export function shellParser(): Promise<Parser> {
  parser ??= createParser('bash');
  return parser;
}
