// One C-side traversal (`descendantsOfType`) collects every node kind the front end looks at, in
// document order. Walking all nodes from JS costs as much as parsing (every step crosses the wasm
// boundary), so imports, test ranges and enclosing functions are derived from this list instead.
import type { Node } from 'web-tree-sitter';
import { addExternCrate, addUseDeclaration, emptyImportMap, type ImportMap } from './imports.js';
import { isTestAttribute, isTestItemType } from './test-code.js';

const ITEM_TYPES = [
  'use_declaration', 'extern_crate_declaration', 'attribute_item',
  'string_literal', 'raw_string_literal', 'call_expression', 'macro_invocation',
  'const_item', 'static_item', 'function_item', 'closure_expression', 'impl_item', 'struct_item', 'enum_item',
  'mod_item', 'trait_item',
];
/** Comments are only wanted for suppression markers: a file without one skips its (many) comment nodes. */
const COMMENT_TYPES = ['line_comment', 'block_comment'];

export interface SiteRecord {
  node: Node;
  inTest: boolean;
  /** Innermost function or closure around the node. */
  enclosingFunction: Node | null;
  /** Inside a macro invocation's token tree (`println!("…")`) or an attribute (`#[error("…")]`, `#[doc = "…"]`): a literal there is bound to no name. */
  inMacro?: boolean;
}

export interface SyntaxIndex {
  imports: ImportMap;
  testRanges: Array<[number, number]>;
  comments: Node[];
  literals: SiteRecord[];
  calls: SiteRecord[];
  macros: SiteRecord[];
  attributes: SiteRecord[];
  constItems: Node[];
  functionItems: Node[];
  implItems: Node[];
  typeItems: Node[];
}

/**
 * `withComments`: collect comment nodes (the caller knows whether the text holds a suppression
 * marker at all). `text`: the parsed text, for the crate roots of qualified paths, read on demand
 * (imports.ts `referencesCrate`) instead of collecting every `a::b` node of the file.
 */
export function indexSyntax(root: Node, testFile: boolean, withComments = true): SyntaxIndex {
  const index: SyntaxIndex = {
    imports: emptyImportMap(),
    testRanges: [],
    comments: [],
    literals: [],
    calls: [],
    macros: [],
    attributes: [],
    constItems: [],
    functionItems: [],
    implItems: [],
    typeItems: [],
  };
  const openFunctions: Node[] = [];
  /** Their end offsets: `endIndex` is a call into the tree, asked once per function rather than once per node after it. */
  const openFunctionEnds: number[] = [];
  const openTests: Array<[number, number]> = [];
  /** End offsets of the macro invocations and attributes around the current node. */
  const openMacros: number[] = [];
  index.imports.pathRoots = () => qualifiedPathRoots(root);
  /** End offset of a `#[test]`/`#[cfg(test)]` attribute waiting for its item. */
  let pendingTestEnd = -1;
  for (const node of root.descendantsOfType(withComments ? [...ITEM_TYPES, ...COMMENT_TYPES] : ITEM_TYPES)) {
    if (!node) continue;
    const type = node.type;
    const start = node.startIndex;
    while (openFunctionEnds.length > 0 && start >= openFunctionEnds[openFunctionEnds.length - 1]) {
      openFunctions.pop();
      openFunctionEnds.pop();
    }
    while (openTests.length > 0 && start >= openTests[openTests.length - 1][1]) openTests.pop();
    while (openMacros.length > 0 && start >= openMacros[openMacros.length - 1]) openMacros.pop();
    if (pendingTestEnd >= 0 && start >= pendingTestEnd && type !== 'attribute_item' && type !== 'line_comment' && type !== 'block_comment') {
      if (isTestItemType(type)) {
        const range: [number, number] = [start, node.endIndex];
        index.testRanges.push(range);
        openTests.push(range);
      }
      pendingTestEnd = -1;
    }
    const record: SiteRecord = { node, inTest: testFile || openTests.length > 0, enclosingFunction: openFunctions[openFunctions.length - 1] ?? null };
    switch (type) {
      case 'use_declaration':
        addUseDeclaration(index.imports, node);
        break;
      case 'extern_crate_declaration':
        addExternCrate(index.imports, node);
        break;
      case 'attribute_item': {
        const attribute = node.namedChildren.find((child) => child?.type === 'attribute');
        if (attribute && isTestAttribute(attribute)) pendingTestEnd = node.endIndex;
        index.attributes.push(record);
        openMacros.push(node.endIndex);
        break;
      }
      case 'line_comment':
      case 'block_comment':
        index.comments.push(node);
        break;
      case 'string_literal':
      case 'raw_string_literal':
        if (openMacros.length > 0) record.inMacro = true;
        index.literals.push(record);
        break;
      case 'call_expression':
        index.calls.push(record);
        break;
      case 'macro_invocation':
        index.macros.push(record);
        openMacros.push(node.endIndex);
        break;
      case 'const_item':
      case 'static_item':
        index.constItems.push(node);
        break;
      case 'function_item':
        index.functionItems.push(node);
        openFunctions.push(node);
        openFunctionEnds.push(node.endIndex);
        break;
      case 'closure_expression':
        openFunctions.push(node);
        openFunctionEnds.push(node.endIndex);
        break;
      case 'impl_item':
        index.implItems.push(node);
        break;
      case 'struct_item':
      case 'enum_item':
        index.typeItems.push(node);
        break;
      default:
        break;
    }
  }
  return index;
}

/** The crate roots of the file's qualified paths (`aws_sdk_ssm` of `aws_sdk_ssm::Client::new`), each read from the path node's own text. */
function qualifiedPathRoots(root: Node): Set<string> {
  const roots = new Set<string>();
  for (const node of root.descendantsOfType('scoped_identifier')) {
    if (!node) continue;
    const text = node.text;
    const separator = text.indexOf('::');
    const crateRoot = separator > 0 ? text.slice(0, separator).trim() : '';
    if (crateRoot) roots.add(crateRoot);
  }
  return roots;
}
