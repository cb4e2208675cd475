// Test code: files under `tests/` or `benches/`, `#[cfg(test)]` modules and `#[test]` functions.
import type { Node } from 'web-tree-sitter';
import { attributeArguments, attributeName, tokenIdentifiers } from './syntax.js';

const TEST_ITEM_TYPES = new Set(['mod_item', 'function_item', 'impl_item', 'const_item', 'static_item', 'struct_item', 'use_declaration']);
const TEST_ATTRIBUTE_TAILS = new Set(['test', 'rstest', 'test_case', 'quickcheck', 'proptest', 'bench']);

export function isTestFile(file: string): boolean {
  const segments = file.replace(/\\/g, '/').split('/');
  const base = segments[segments.length - 1] ?? '';
  return segments.slice(0, -1).some((dir) => dir === 'tests' || dir === 'benches') || base === 'tests.rs' || base.endsWith('_test.rs') || base.endsWith('_tests.rs');
}

export function isTestItemType(type: string): boolean {
  return TEST_ITEM_TYPES.has(type);
}

/** `test`, `tokio::test`, `rstest`, `cfg(test)`, `cfg(all(test, unix))`, not `cfg(not(test))`. */
export function isTestAttribute(attribute: Node): boolean {
  const name = attributeName(attribute);
  const tail = name.split('::').pop() ?? '';
  if (TEST_ATTRIBUTE_TAILS.has(tail)) return true;
  if (name !== 'cfg') return false;
  const args = attributeArguments(attribute);
  const identifiers = args ? tokenIdentifiers(args).map((node) => node.text) : [];
  return identifiers.includes('test') && !identifiers.includes('not');
}
