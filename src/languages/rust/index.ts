// The Rust front end: parses with tree-sitter-rust (wasm) and emits env reads, name mentions,
// suppression comments, secret-store and resolver calls, leaks and leaky types. It knows Rust and
// nothing about policy.
import type { Node, Parser } from 'web-tree-sitter';
import type {
  EnvReadFact,
  Fact,
  FileError,
  FrontEnd,
  FrontEndOptions,
  FrontEndResult,
  LeakyTypeFact,
} from '../../core/facts.js';
import { sinksFor } from '../../leak/sink-catalog.js';
import { secretStoresFor } from '../secret-stores/catalog.js';
import { collectFileConsts, constantsOfTree, resolveConstString, type ConstScope } from './constants.js';
import { clapEnvReads, envReadOfCall, envReadOfMacro, envReadOfPathValue, type EnvReadContext, type EnvReadMatch } from './env-reads.js';
import { indexFunctions } from './function-index.js';
import { addExternCrate, addUseDeclaration, crateIdent, emptyImportMap, type ImportMap } from './imports.js';
import { findLeakyTypes } from './leaky-types.js';
import { loadRustParser, rustParserIfReady } from './parser.js';
import { SecretStoreMatcher } from './secret-store-calls.js';
import { RustSinkMatcher } from './sink-match.js';
import { LineIndex } from './source-map.js';
import { pathSegments, stringLiteralValue } from './syntax.js';
import { RustTaintAnalysis } from './taint.js';
import { isTestAttribute, isTestFile, isTestItemType } from './test-code.js';

const SUPPRESSION_MARKER = 'clavis-lint-disable';
/** Parents under which a path is a name being imported or qualified, not a value. */
const PATH_CONTEXTS_THAT_ARE_NOT_VALUES = new Set(['use_declaration', 'use_as_clause', 'scoped_use_list', 'use_list', 'generic_function', 'macro_invocation', 'struct_expression', 'tuple_struct_pattern', 'struct_pattern', 'match_pattern']);

interface WalkLevel {
  inTest: boolean;
  pendingTestAttribute: boolean;
  parentType: string;
  enclosingFunction: Node | null;
}

interface VisitContext {
  type: string;
  parentType: string;
  inTest: boolean;
  enclosingFunction: Node | null;
}

/** Cheap substring test: false means the file cannot produce any fact. */
export function rustPrefilter(text: string, options: FrontEndOptions): boolean {
  if (text.includes('env') || text.includes(SUPPRESSION_MARKER)) return true;
  const words = [
    ...options.registryNames,
    ...options.resolver.functions,
    ...options.resolver.types,
    ...(options.extraSources ?? []),
    ...secretStoresFor('rust', options.extraSecretStores).map((entry) => crateIdent(entry.module)),
  ];
  return words.some((word) => word.length > 0 && text.includes(word));
}

/** Loads the grammar; call (and await) once before `collectRustConstants`. */
export async function prepareRustFrontEnd(): Promise<void> {
  await loadRustParser();
}

/**
 * String `const`/`static` items of one file (`NAME -> value`), for `options.projectConstants`.
 * Synchronous: needs `prepareRustFrontEnd()` (or any `analyze`) to have finished; returns `{}` otherwise.
 */
export function collectRustConstants(_file: string, text: string): Record<string, string> {
  const parser = rustParserIfReady();
  if (!parser || !text.includes('const') && !text.includes('static')) return {};
  try {
    const tree = parser.parse(text);
    if (!tree) return {};
    try {
      return constantsOfTree(tree.rootNode);
    } finally {
      tree.delete();
    }
  } catch {
    return {};
  }
}

export async function analyzeRust(file: string, text: string, options: FrontEndOptions): Promise<FrontEndResult> {
  try {
    const parser = await loadRustParser();
    return analyzeWithParser(parser, file, text, options);
  } catch (error) {
    return { facts: [], errors: [{ file, message: `Rust analysis failed (${error instanceof Error ? error.name : 'unknown error'}).` }] };
  }
}

export const rustFrontEnd: FrontEnd = {
  id: 'rust',
  prefilter: rustPrefilter,
  analyze: analyzeRust,
};

function analyzeWithParser(parser: Parser, file: string, text: string, options: FrontEndOptions): FrontEndResult {
  const tree = parser.parse(text);
  if (!tree) return { facts: [], errors: [{ file, message: 'Rust parser returned no tree.' }] };
  try {
    return new RustFileAnalysis(parser, file, text, options, tree.rootNode).run();
  } finally {
    tree.delete();
  }
}

class RustFileAnalysis {
  private readonly facts: Fact[] = [];
  private readonly errors: FileError[] = [];
  private readonly lines: LineIndex;
  private readonly imports: ImportMap = emptyImportMap();
  private readonly constScope: ConstScope;
  private readonly testFile: boolean;
  private readonly testRanges: Array<[number, number]> = [];
  /** Start offsets of string literals that spelled an env-read name. */
  private readonly consumedLiterals = new Set<number>();
  private readonly literals: Array<{ node: Node; inTest: boolean }> = [];
  /** Resolver types the file mentions at all (the others cannot appear in its declarations). */
  private readonly secretTypes: Set<string>;

  constructor(
    private readonly parser: Parser,
    private readonly file: string,
    private readonly text: string,
    private readonly options: FrontEndOptions,
    private readonly root: Node,
  ) {
    this.lines = new LineIndex(text);
    this.testFile = isTestFile(file);
    const fileConsts = text.includes('const') || text.includes('static') ? collectFileConsts(root) : new Map<string, Node>();
    this.constScope = { fileConsts, projectConstants: options.projectConstants ?? {}, envById: options.envById };
    this.secretTypes = new Set(options.resolver.types.filter((type) => type.length > 0 && text.includes(type)));
  }

  run(): FrontEndResult {
    this.collectImports();
    this.walkSyntax();
    this.emitNameMentions();
    this.collectLeaks();
    this.collectLeakyTypes();
    const result: FrontEndResult = { facts: this.facts };
    if (this.errors.length > 0) result.errors = this.errors;
    const exported = constantsOfTree(this.root, this.constScope.fileConsts);
    if (Object.keys(exported).length > 0) result.exportedConstants = exported;
    return result;
  }

  private collectImports(): void {
    for (const node of this.root.descendantsOfType(['use_declaration', 'extern_crate_declaration'])) {
      if (node?.type === 'use_declaration') addUseDeclaration(this.imports, node);
      else if (node) addExternCrate(this.imports, node);
    }
  }

  private inTest(offset: number): boolean {
    return this.testFile || this.testRanges.some(([start, end]) => offset >= start && offset < end);
  }

  /**
   * One pass over the tree with a cursor (several times cheaper than materialising children):
   * env reads, comments, string literals, resolver calls and the crate roots of qualified paths.
   * Test-ness comes from the attributes just before each item, tracked per sibling level.
   */
  private walkSyntax(): void {
    const resolverFunctions = new Set(this.options.resolver.functions);
    const calls: Array<{ node: Node; inTest: boolean }> = [];
    const cursor = this.root.walk();
    let level: WalkLevel = { inTest: this.testFile, pendingTestAttribute: false, parentType: '', enclosingFunction: null };
    const levels: WalkLevel[] = [];
    try {
      for (;;) {
        let descend = false;
        let nodeInTest = level.inTest;
        let enclosingFunction = level.enclosingFunction;
        const type = cursor.nodeType;
        if (cursor.nodeIsNamed) {
          if (type === 'attribute_item') {
            const attribute = cursor.currentNode.namedChildren.find((child) => child?.type === 'attribute');
            if (attribute && isTestAttribute(attribute)) level.pendingTestAttribute = true;
          } else if (type !== 'line_comment' && type !== 'block_comment') {
            if (level.pendingTestAttribute && !level.inTest && isTestItemType(type)) {
              nodeInTest = true;
              this.testRanges.push([cursor.startIndex, cursor.endIndex]);
            }
            level.pendingTestAttribute = false;
          }
          if (type === 'function_item' || type === 'closure_expression') enclosingFunction = cursor.currentNode;
          const visit: VisitContext = { type, parentType: level.parentType, inTest: nodeInTest, enclosingFunction };
          descend = this.visitNode(visit, cursor, resolverFunctions, calls);
        }
        if (descend && cursor.gotoFirstChild()) {
          levels.push(level);
          level = { inTest: nodeInTest, pendingTestAttribute: false, parentType: type, enclosingFunction };
          continue;
        }
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) {
            this.matchSecretStores(calls);
            return;
          }
          level = levels.pop()!;
        }
      }
    } finally {
      cursor.delete();
    }
  }

  /** Handles one named node; returns whether its children need visiting. */
  private visitNode(
    visit: VisitContext,
    cursor: { currentNode: Node; currentFieldName: string | null; startIndex: number; endIndex: number },
    resolverFunctions: ReadonlySet<string>,
    calls: Array<{ node: Node; inTest: boolean }>,
  ): boolean {
    const { inTest } = visit;
    switch (visit.type) {
      case 'line_comment':
      case 'block_comment': {
        const comment = this.text.slice(cursor.startIndex, cursor.endIndex);
        if (comment.includes(SUPPRESSION_MARKER)) this.facts.push({ kind: 'comment', text: comment, range: this.lines.range(cursor.startIndex, cursor.endIndex) });
        return false;
      }
      case 'string_literal':
      case 'raw_string_literal':
        this.literals.push({ node: cursor.currentNode, inTest });
        return false;
      case 'call_expression': {
        const node = cursor.currentNode;
        const read = envReadOfCall(node, this.readContext(visit.enclosingFunction));
        if (read) this.pushEnvRead(read, inTest);
        calls.push({ node, inTest });
        this.pushResolverCall(node, resolverFunctions);
        return true;
      }
      case 'macro_invocation': {
        const read = envReadOfMacro(cursor.currentNode, this.readContext(visit.enclosingFunction));
        if (read) this.pushEnvRead(read, inTest);
        return true;
      }
      case 'scoped_identifier': {
        if (visit.parentType === 'scoped_identifier') return false;
        const node = cursor.currentNode;
        const root = pathSegments(node)[0];
        if (root) this.imports.crateRoots.add(root);
        if (visit.parentType === 'call_expression' && cursor.currentFieldName === 'function') return false;
        if (PATH_CONTEXTS_THAT_ARE_NOT_VALUES.has(visit.parentType)) return false;
        const read = envReadOfPathValue(node, this.readContext(visit.enclosingFunction));
        if (read) this.pushEnvRead(read, inTest);
        return false;
      }
      case 'attribute': {
        const node = cursor.currentNode;
        for (const read of clapEnvReads(node, () => fieldAfterAttribute(node), this.readContext(visit.enclosingFunction))) this.pushEnvRead(read, inTest);
        return true;
      }
      default:
        return true;
    }
  }

  private readContext(enclosingFunction: Node | null): EnvReadContext {
    return { imports: this.imports, constScope: enclosingFunction ? { ...this.constScope, enclosingFunction } : this.constScope };
  }

  private matchSecretStores(calls: Array<{ node: Node; inTest: boolean }>): void {
    const stores = new SecretStoreMatcher(secretStoresFor('rust', this.options.extraSecretStores), this.imports);
    if (stores.isEmpty) return;
    for (const { node, inTest } of calls) {
      const store = stores.match(node);
      if (store) this.facts.push({ kind: 'secret-store-call', provider: store.provider, api: store.api, range: this.range(node), ...(inTest ? { inTest } : {}) });
    }
  }

  private pushEnvRead(read: EnvReadMatch, inTest: boolean): void {
    for (const literal of read.literals) this.consumedLiterals.add(literal.startIndex);
    const fact: EnvReadFact = { kind: 'env-read', name: read.name, api: read.api, range: this.range(read.node) };
    if (read.compileTime) fact.compileTime = true;
    if (read.enumerates) fact.enumerates = true;
    if (inTest) fact.inTest = true;
    if (read.constRef) fact.constRef = read.constRef;
    this.facts.push(fact);
  }

  private pushResolverCall(call: Node, resolverFunctions: ReadonlySet<string>): void {
    const fn = call.childForFieldName('function');
    const segments = fn && fn.type !== 'field_expression' ? pathSegments(fn) : [];
    const name = segments[segments.length - 1];
    if (!name || !resolverFunctions.has(name)) return;
    const arg = call.childForFieldName('arguments')?.namedChild(0);
    let secretRef: string | null = null;
    if (arg) {
      const path = pathSegments(arg);
      const tail = path[path.length - 1];
      if (path.length > 1 && tail && typeof this.options.envById[tail] === 'string') secretRef = tail;
      else secretRef = resolveConstString(arg, this.constScope)?.value ?? null;
    }
    this.facts.push({ kind: 'resolver-call', function: name, secretRef, range: this.range(call) });
  }

  private emitNameMentions(): void {
    if (this.options.registryNames.length === 0) return;
    const names = new Set(this.options.registryNames);
    for (const { node, inTest } of this.literals) {
      if (this.consumedLiterals.has(node.startIndex)) continue;
      const value = stringLiteralValue(node);
      if (value === null || !names.has(value)) continue;
      this.facts.push({ kind: 'name-ref', name: value, context: 'string-literal', range: this.range(node), ...(inTest ? { inTest } : {}) });
    }
  }

  private collectLeaks(): void {
    if (!this.mayHoldSecrets()) return;
    const secretTypes = this.secretTypes;
    const analysis = new RustTaintAnalysis({
      file: this.file,
      text: this.text,
      lines: this.lines,
      parser: this.parser,
      options: this.options,
      imports: this.imports,
      constScope: this.constScope,
      functions: indexFunctions(this.root, secretTypes),
      sinks: new RustSinkMatcher(sinksFor('rust', this.options.extraSinks), this.imports),
      inTest: (offset) => this.inTest(offset),
    });
    try {
      const { leaks, incomplete } = analysis.run();
      this.facts.push(...leaks);
      if (incomplete) this.errors.push({ file: this.file, message: 'Leak analysis stopped early: the file is too large or too deeply nested.' });
    } finally {
      analysis.dispose();
    }
  }

  /** Leak analysis only pays off when a source can appear at all. */
  private mayHoldSecrets(): boolean {
    const { resolver, secretNames, extraSources } = this.options;
    const words = [...resolver.functions, ...resolver.types, ...Object.keys(secretNames), ...(extraSources ?? [])];
    return words.some((word) => word.length > 0 && this.text.includes(word));
  }

  private collectLeakyTypes(): void {
    for (const match of findLeakyTypes(this.root, this.secretTypes)) {
      const fact: LeakyTypeFact = {
        kind: 'leaky-type',
        typeName: match.typeName,
        field: match.field,
        exposure: match.exposure,
        secretId: null,
        range: this.lines.range(match.start, match.end),
      };
      this.facts.push(fact);
    }
  }

  private range(node: Node) {
    return this.lines.range(node.startIndex, node.endIndex);
  }
}

/** The struct field an attribute is written on (`#[arg(env = "X")] field: T`). */
function fieldAfterAttribute(attribute: Node): Node | null {
  let sibling = attribute.parent?.nextNamedSibling ?? null;
  while (sibling && (sibling.type === 'attribute_item' || sibling.type === 'line_comment' || sibling.type === 'block_comment')) sibling = sibling.nextNamedSibling;
  return sibling?.type === 'field_declaration' ? sibling : null;
}
