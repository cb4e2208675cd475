// The Rust front end: parses with tree-sitter-rust (wasm) and emits env reads, name mentions,
// suppression comments, secret-store and resolver calls, leaks, leaky types and summaries of its
// functions for calls from other files. It knows Rust and nothing about policy.
import { insideQuotes, literalNameToken } from '../literal-name-token.js';
import type { Node, Parser } from 'web-tree-sitter';
import { boundNameOf } from './bound-literals.js';
import { valueLiteralFact } from '../../core/value-literals.js';
import type {
  EnvReadFact,
  Fact,
  FileError,
  FrontEnd,
  FrontEndOptions,
  FrontEndResult,
  FunctionSummaryFact,
  LeakyTypeFact,
} from '../../core/facts.js';
import { sinksFor, type SinkEntry } from '../../leak/sink-catalog.js';
import { secretStoresFor } from '../secret-stores/catalog.js';
import { constantsOfTree, constsByName, resolveConstString, type ConstScope } from './constants.js';
import { ExternalSummaries } from './external-calls.js';
import { clapEnvReads, envCalleeWords, envReadOfCall, envReadOfMacro, envReadOfPathValue, nestedCompileTimeReads, type EnvReadContext, type EnvReadMatch } from './env-reads.js';
import { refineRustEnvReads } from './env-one-step.js';
import { indexFunctions, ownerName, type FunctionIndex, type FunctionInfo } from './function-index.js';
import { crateIdent, type ImportMap } from './imports.js';
import { indexSyntax, type SyntaxIndex } from './syntax-index.js';
import { findLeakyTypes } from './leaky-types.js';
import { spanRecordedParams } from './instrumented-params.js';
import { loadRustParser, rustParserIfReady } from './parser.js';
import { SecretStoreMatcher } from './secret-store-calls.js';
import { RustSinkMatcher } from './sink-match.js';
import { LineIndex } from './source-map.js';
import { planSummaries, rustModulePath } from './summaries.js';
import { lastSegment, pathSegments, stringLiteralValue } from './syntax.js';
import { RustTaintAnalysis, type FunctionSummary } from './taint.js';
import { isTestFile } from './test-code.js';
import { includesAtWordStart, isIdentifierWord, onCommentLine, spellsIdentifierInCode, TextOccurrences, WordSet } from './word-scan.js';
import { linesOf, nestingErrors } from '../nesting-limit.js';
import { MacroArgumentReads } from './macro-argument-reads.js';
import { parseWithinNestingLimit } from '../tree-sitter-depth.js';

const SUPPRESSION_MARKER = 'clavis-lint-disable';
/** What a macro's text spells when its tokens may hold a compile-time read (`env!`, `option_env!`, `dotenv!`). */
const COMPILE_TIME_MACRO_WORDS = ['env!'];

/**
 * How every env access the front end recognises is spelled: `env::var`/`var_os`/`vars` (also
 * `use std::env::var`), grouped or glob imports (`std::env::{self, var}`, `std::env::*`), an
 * aliased module (`std::env as e`), `env!`/`option_env!`, `dotenvy`/`dotenv`, clap's
 * `#[arg(env)]`/`#[clap(env = "X")]`, and writes (`set_var`, `remove_var`, temp_env's
 * `with_var`). A bare `env` is no test: it is in `environment`, `envelope`, `Env` and
 * `env::current_dir()` of most files.
 */
export const ENV_VOCABULARY = ['env::var', 'env::{', 'env::*', 'env as', 'env!', 'dotenv', '#[arg', '#[clap', 'set_var', 'remove_var', 'with_var'];

/** The words a file must mention to be worth a parse, and those that make a source possible; per options object, built once. */
interface RustWords {
  /** Registry names, resolver functions and types, extra sources. */
  any: WordSet;
  /** `vaultrs::`, `op::`: secret-store crates that are no identifier, used through a path (searched for one by one). */
  crates: string[];
  /** `any`'s words plus the secret-store crates' names (`vaultrs`): one scan for both (a crate's name counts before `::`). */
  anyOrCrate: WordSet;
  anyWords: ReadonlySet<string>;
  /** Resolver functions and types, extra sources: a source whatever else the file holds. */
  sources: WordSet;
  /** Names of secrets: a source only through an env read. */
  secretNames: WordSet;
  /** Registry names, for literals that spell one (hundreds of names: not rebuilt per file). */
  registryNames: ReadonlySet<string>;
}

/**
 * The last words built, with the lists they were built from: options objects are copied per pass
 * (`{ ...options, functionSummaries }`), their lists are not. A worker thread gets a fresh copy of
 * the same lists with every batch: `key` (the lists as JSON) tells those apart from new lists.
 */
let cachedWords: { from: unknown[]; key: string; words: RustWords } | null = null;

function rustWords(options: FrontEndOptions): RustWords {
  const from = [options.registryNames, options.resolver.functions, options.resolver.types, options.extraSources, options.secretNames, options.extraSecretStores, options.extraSourcePaths];
  if (cachedWords && cachedWords.from.every((list, i) => list === from[i])) return cachedWords.words;
  const key = JSON.stringify(from);
  if (cachedWords && cachedWords.key === key) {
    cachedWords.from = from;
    return cachedWords.words;
  }
  // A call named by `leak.sources: [{ call, path }]` is a source too (of the secret under `path`).
  const sources = [...options.resolver.functions, ...options.resolver.types, ...(options.extraSources ?? []), ...(options.extraSourcePaths ?? []).map((spec) => spec.call.split(/\.|::/).pop()!)];
  const crateNames = secretStoresFor('rust', options.extraSecretStores).map((entry) => crateIdent(entry.module));
  const anyWords = [...options.registryNames, ...sources];
  const words: RustWords = {
    any: new WordSet(anyWords),
    // A crate's bare name (`op`) is a part of many words: look for its path.
    crates: crateNames.filter((name) => !isIdentifierWord(name)).map((name) => `${name}::`),
    anyOrCrate: new WordSet([...anyWords, ...crateNames.filter(isIdentifierWord)]),
    anyWords: new Set(anyWords),
    sources: new WordSet(sources),
    secretNames: new WordSet(Object.keys(options.secretNames)),
    registryNames: new Set(options.registryNames),
  };
  cachedWords = { from, key, words };
  return words;
}

/**
 * Whether `text` spells a word of ENV_VOCABULARY in code (not on a `//` comment line: a doc
 * example's `env::var("X")` reads nothing): three searches rather than one per word. Clap's
 * attributes read the environment only through an `env` argument (`#[arg(long, env)]`,
 * `#[clap(env = "X")]`): a file of `#[arg(long)]` fields needs an `env` identifier besides.
 */
export function mentionsEnvAccess(text: string): boolean {
  let at = text.indexOf('env');
  if (at < 0) return false;
  // `env::var`, `env::{`, `env::*`, `env as`, `env!`, `dotenv`: each is `env` in context.
  for (; at >= 0; at = text.indexOf('env', at + 1)) {
    const next = text.charCodeAt(at + 3);
    const inContext =
      next === 33 /* ! */ ||
      (at >= 3 && text.startsWith('dot', at - 3)) ||
      (next === 58 /* : */ && (text.startsWith('::var', at + 3) || text.startsWith('::{', at + 3) || text.startsWith('::*', at + 3))) ||
      (next === 32 /* space */ && text.startsWith(' as', at + 3));
    if (inContext && !onCommentLine(text, at)) return true;
  }
  // `#[arg`, `#[clap` with an `env` argument; `set_var`, `remove_var`, `with_var`.
  for (let hash = text.indexOf('#['); hash >= 0; hash = text.indexOf('#[', hash + 1)) {
    if ((text.startsWith('arg', hash + 2) || text.startsWith('clap', hash + 2)) && !onCommentLine(text, hash) && spellsIdentifierInCode(text, 'env')) return true;
  }
  for (let bar = text.indexOf('_var'); bar >= 0; bar = text.indexOf('_var', bar + 1)) {
    const write = (bar >= 3 && text.startsWith('set', bar - 3)) || (bar >= 6 && text.startsWith('remove', bar - 6)) || (bar >= 4 && text.startsWith('with', bar - 4));
    if (write && !onCommentLine(text, bar)) return true;
  }
  return false;
}

/** Cheap text test: false means the file cannot produce any fact. */
export function rustPrefilter(text: string, options: FrontEndOptions): boolean {
  if (text.includes(SUPPRESSION_MARKER) || mentionsEnvAccess(text)) return true;
  // A helper that only logs its parameter passes none of these: the engine analyses it anyway
  // when another file calls it with a secret (see core/cross-file-summaries.ts).
  const words = rustWords(options);
  // One scan: a registry name, resolver or source anywhere in code, or a store crate's name right
  // before `::` (`vaultrs::kv2`, at a word start as the scan reads whole words). A name on a `//`
  // comment line (`/// Reads VOX_DB_URL`) is no use of it: comments give no fact but suppressions.
  const named = words.anyOrCrate.mentionedIn(text, (word, end) => (words.anyWords.has(word) || text.startsWith('::', end)) && !onCommentLine(text, end - word.length));
  return named || words.crates.some((word) => includesAtWordStart(text, word)) || mentionsOtherFileSource(text, options);
}

/** Names of other files' functions that hand out a secret (second pass): a call of one is a source. */
export function otherFileSourceNames(options: FrontEndOptions): string[] {
  return (options.functionSummaries ?? []).filter((summary) => summary.language === 'rust' && summary.returnsSecret).map((summary) => summary.name.split('::').pop() ?? summary.name);
}

/** The word set of `otherFileSourceNames`, per list of summaries (the prefilter and the analysis of a file ask with the same list), with the list's length then. */
const otherFileSourceWords = new WeakMap<object, { count: number; words: WordSet | null }>();

function mentionsOtherFileSource(text: string, options: FrontEndOptions): boolean {
  const summaries = options.functionSummaries;
  if (!summaries || summaries.length === 0) return false;
  let known = otherFileSourceWords.get(summaries);
  if (!known || known.count !== summaries.length) {
    const names = otherFileSourceNames(options);
    known = { count: summaries.length, words: names.length > 0 ? new WordSet(names) : null };
    otherFileSourceWords.set(summaries, known);
  }
  return known.words !== null && known.words.mentionedIn(text);
}

/** Leak analysis only pays off when a source can appear at all: a resolver, or a secret's name read from the environment. */
function mayHoldSecrets(text: string, options: FrontEndOptions): boolean {
  const words = rustWords(options);
  return words.sources.mentionedIn(text) || (mentionsEnvAccess(text) && words.secretNames.mentionedIn(text)) || mentionsOtherFileSource(text, options);
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
    const tree = parseWithinNestingLimit(parser, text)?.tree;
    if (!tree) return {};
    try {
      return constantsOfTree(constsByName(tree.rootNode.descendantsOfType(['const_item', 'static_item']).filter((node): node is Node => !!node)));
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
  // Constructs nested past the limit are cut before any walker sees them, the same on every thread.
  const limited = parseWithinNestingLimit(parser, text);
  if (!limited) return { facts: [], errors: [{ file, message: 'Rust parser returned no tree.' }] };
  const { tree } = limited;
  try {
    const result = new RustFileAnalysis(parser, file, limited.text, options, tree.rootNode).run();
    const deep = nestingErrors(file, linesOf(limited.text, limited.cutAt));
    return deep.length > 0 ? { ...result, errors: [...deep, ...(result.errors ?? [])] } : result;
  } finally {
    tree.delete();
  }
}

class RustFileAnalysis {
  private readonly facts: Fact[] = [];
  private readonly errors: FileError[] = [];
  private readonly lines: LineIndex;
  private readonly syntax: SyntaxIndex;
  private readonly imports: ImportMap;
  private readonly constScope: ConstScope;
  private readonly testFile: boolean;
  /** Start offsets of string literals that spelled an env-read name. */
  private readonly consumedLiterals = new Set<number>();
  /** Resolver types the file mentions at all (the others cannot appear in its declarations). */
  private readonly secretTypes: Set<string>;
  private unresolvedCalls: string[] = [];
  /** Where env reads that may be secret sources start (for the leak walk's choice of functions). */
  private readonly envSourceOffsets: number[] = [];
  /** Where the words that calls are tested for (env functions, resolvers, helpers) occur in the text. */
  private readonly occurrences: TextOccurrences;
  /** Struct fields the leak walk saw filled from a source: `Type` -> field -> secret id. */
  private filledFields: Map<string, Map<string, string | null>> = new Map();
  /** clap `Parser` structs' fields that clap fills from a secret's env name: struct -> field -> the secret. */
  private readonly clapSecretFields = new Map<string, Map<string, { secretId: string; envName: string }>>();

  constructor(
    private readonly parser: Parser,
    private readonly file: string,
    private readonly text: string,
    private readonly options: FrontEndOptions,
    private readonly root: Node,
  ) {
    this.lines = new LineIndex(text);
    this.occurrences = new TextOccurrences(text);
    this.testFile = isTestFile(file);
    this.syntax = indexSyntax(root, this.testFile, text.includes(SUPPRESSION_MARKER));
    this.imports = this.syntax.imports;
    this.imports.text = text;
    this.constScope = { fileConsts: constsByName(this.syntax.constItems), projectConstants: options.projectConstants ?? {}, envById: options.envById };
    this.secretTypes = new Set(options.resolver.types.filter((type) => type.length > 0 && text.includes(type)));
  }

  run(): FrontEndResult {
    this.collectComments();
    this.collectEnvReads();
    this.collectCalls();
    this.emitNameMentions();
    this.emitBoundLiterals();
    if (this.options.leakAnalysis !== false) {
      this.collectLeaks();
      this.collectLeakyTypes();
    }
    const result: FrontEndResult = { facts: this.facts };
    if (this.errors.length > 0) result.errors = this.errors;
    if (this.unresolvedCalls.length > 0) result.unresolvedCalls = this.unresolvedCalls;
    const exported = constantsOfTree(this.constScope.fileConsts);
    if (Object.keys(exported).length > 0) result.exportedConstants = exported;
    return result;
  }

  private inTest(offset: number): boolean {
    return this.testFile || this.syntax.testRanges.some(([start, end]) => offset >= start && offset < end);
  }

  private collectComments(): void {
    for (const node of this.syntax.comments) {
      const comment = this.text.slice(node.startIndex, node.endIndex);
      if (comment.includes(SUPPRESSION_MARKER)) this.facts.push({ kind: 'comment', text: comment, range: this.range(node) });
    }
  }

  /** Env reads in source order: calls (and `env::var` passed as a value), macros, clap attributes. */
  private collectEnvReads(): void {
    const reads: Array<{ read: EnvReadMatch; inTest: boolean }> = [];
    // A call's text must spell the env function's name (or a local alias of one) for the call to be a read: most calls are looked at no further.
    const envWords = envCalleeWords(this.imports);
    for (const { node, inTest, enclosingFunction } of this.syntax.calls) {
      if (!this.occurrences.spellsAny(envWords, node.startIndex, () => node.endIndex)) continue;
      const context = this.readContext(enclosingFunction);
      const read = envReadOfCall(node, context);
      if (read) reads.push({ read, inTest });
      for (const path of envFunctionArguments(node, this.text)) {
        const asValue = envReadOfPathValue(path, context);
        if (asValue) reads.push({ read: asValue, inTest });
      }
    }
    const macroArguments = new MacroArgumentReads(this.root, this.parser, this.text, this.occurrences, envWords);
    try {
      const probed = this.collectMacroReads(reads, macroArguments);
      for (const { node, inTest } of this.syntax.attributes) {
        const attribute = node.namedChildren.find((child) => child?.type === 'attribute');
        if (!attribute) continue;
        for (const read of clapEnvReads(attribute, () => fieldAfterAttribute(node), this.readContext(null))) {
          reads.push({ read, inTest });
          this.noteClapSecretField(node, read.name);
        }
      }
      // Names one step away, enumerations' uses and test saves (src/languages/rust/env-one-step.ts).
      const refined = refineRustEnvReads({ reads, calls: this.syntax.calls, constScope: (fn) => this.readContext(fn).constScope, rangeOf: (node) => this.range(node), helpers: this.options.envKeyHelpers, text: this.text, occurrences: this.occurrences });
      // Reads in macro arguments skip the one-step refinement, which follows a read's parents: a probe's lead nowhere.
      const all = [...refined.map((record) => ({ ...record, shift: 0 })), ...probed];
      all.sort((a, b) => a.read.node.startIndex + a.shift - (b.read.node.startIndex + b.shift));
      for (const { read, inTest, shift } of all) {
        this.pushEnvRead(read, inTest, shift);
        // A read of a secret's name is a leak source (the taint walk knows no other env source).
        if (read.extra?.access === undefined && read.name !== null && this.options.secretNames[read.name]) this.envSourceOffsets.push(read.node.startIndex + shift);
      }
    } finally {
      macroArguments.dispose(); // the probes' trees live in the parser's memory, not the JS heap
    }
  }

  /**
   * Env reads of macros: `env!`/`option_env!` themselves and compile-time reads nested in other
   * macros' tokens (into `reads`); calls in macro arguments, from a parse of their own (returned,
   * with the shift from the probe's offsets to the file's).
   */
  private collectMacroReads(reads: Array<{ read: EnvReadMatch; inTest: boolean }>, macroArguments: MacroArgumentReads): Array<{ read: EnvReadMatch; inTest: boolean; shift: number }> {
    const probed: Array<{ read: EnvReadMatch; inTest: boolean; shift: number }> = [];
    for (const { node, inTest, enclosingFunction } of this.syntax.macros) {
      const context = this.readContext(enclosingFunction);
      const read = envReadOfMacro(node, context);
      if (read) {
        reads.push({ read, inTest });
        continue;
      }
      // `format!("{}", env!("X"))`: the inner read is tokens of the outer macro (nestedCompileTimeReads).
      if (this.occurrences.spellsAny(COMPILE_TIME_MACRO_WORDS, node.startIndex, () => node.endIndex)) {
        for (const nested of nestedCompileTimeReads(node, context)) reads.push({ read: nested, inTest });
      }
      // `assert!(env::var("X").is_ok())`: calls in the arguments, read from a parse of their own.
      for (const { read: call, shift } of macroArguments.readsOf(node, context)) probed.push({ read: call, inTest, shift });
    }
    return probed;
  }

  /** One context per enclosing function (its node objects are shared by every record of the index). */
  private readonly contexts = new Map<Node | null, EnvReadContext>();

  /** Function items of this file by name (built on first use: most files build no env name). */
  private functionsByName: Map<string, Node[]> | undefined;
  private readonly functionsNamed = (name: string): Node[] => {
    if (!this.functionsByName) {
      this.functionsByName = new Map();
      for (const item of this.syntax.functionItems) {
        const itemName = item.childForFieldName('name')?.text;
        if (itemName) this.functionsByName.set(itemName, [...(this.functionsByName.get(itemName) ?? []), item]);
      }
    }
    return this.functionsByName.get(name) ?? [];
  };

  private readContext(enclosingFunction: Node | null): EnvReadContext {
    let context = this.contexts.get(enclosingFunction);
    if (!context) {
      context = { imports: this.imports, constScope: enclosingFunction ? { ...this.constScope, enclosingFunction } : this.constScope, functionsNamed: this.functionsNamed };
      this.contexts.set(enclosingFunction, context);
    }
    return context;
  }

  /** Secret-store SDK calls and resolver calls. */
  private collectCalls(): void {
    const stores = new SecretStoreMatcher(secretStoresFor('rust', this.options.extraSecretStores), this.imports);
    const resolverFunctions = new Set(this.options.resolver.functions);
    // A resolver call's text spells the resolver's name: the file's text first, then each call's.
    const resolverNames = [...resolverFunctions].filter((name) => name.length > 0 && this.text.includes(name));
    if (stores.isEmpty && resolverNames.length === 0) return;
    for (const { node, inTest, enclosingFunction } of this.syntax.calls) {
      const store = stores.isEmpty ? null : stores.match(node);
      if (store) this.facts.push({ kind: 'secret-store-call', provider: store.provider, api: store.api, range: this.range(node), ...(inTest ? { inTest } : {}) });
      if (resolverNames.length === 0) continue;
      if (this.occurrences.spellsAny(resolverNames, node.startIndex, () => node.endIndex)) this.pushResolverCall(node, resolverFunctions, enclosingFunction);
    }
  }

  /** `shift`: a read found in a probe of macro arguments has the probe's offsets (macro-argument-reads.ts). */
  private pushEnvRead(read: EnvReadMatch, inTest: boolean, shift = 0): void {
    for (const literal of read.literals) this.consumedLiterals.add(literal.startIndex + shift);
    const range = this.lines.range(read.node.startIndex + shift, (read.endNode ?? read.node).endIndex + shift);
    const fact: EnvReadFact = { kind: 'env-read', name: read.name, api: read.api, range };
    const nameToken = read.name !== null ? literalNameToken(read.endNode ?? read.node, read.name, ['string_literal']) : undefined;
    if (nameToken) fact.nameRange = insideQuotes(this.lines.range(nameToken.startIndex + shift, nameToken.endIndex + shift));
    if (read.compileTime) fact.compileTime = true;
    if (read.enumerates) fact.enumerates = true;
    if (inTest) fact.inTest = true;
    if (read.constRef) fact.constRef = read.constRef;
    if (read.nameParts) fact.nameParts = read.nameParts;
    if (read.extra) Object.assign(fact, read.extra);
    this.facts.push(fact);
  }

  private pushResolverCall(call: Node, resolverFunctions: ReadonlySet<string>, enclosingFunction: Node | null): void {
    const fn = call.childForFieldName('function');
    if (!fn || fn.type === 'field_expression') return;
    const segments = pathSegments(fn);
    const name = segments[segments.length - 1];
    if (!name || !resolverFunctions.has(name)) return;
    const arg = call.childForFieldName('arguments')?.namedChild(0);
    let secretRef: string | null = null;
    if (arg) {
      const path = pathSegments(arg);
      const tail = path[path.length - 1];
      if (path.length > 1 && tail && typeof this.options.envById[tail] === 'string') secretRef = tail;
      else secretRef = resolveConstString(arg, this.readContext(enclosingFunction).constScope)?.value ?? null;
    }
    this.facts.push({ kind: 'resolver-call', function: name, secretRef, range: this.range(call) });
  }

  private emitNameMentions(): void {
    if (this.options.registryNames.length === 0) return;
    const names = rustWords(this.options).registryNames;
    for (const { node, inTest } of this.syntax.literals) {
      if (this.consumedLiterals.has(node.startIndex)) continue;
      const value = plainLiteralValue(this.text, node) ?? stringLiteralValue(node);
      if (value === null || !names.has(value)) continue;
      this.facts.push({ kind: 'name-ref', name: value, context: 'string-literal', range: this.range(node), ...(inTest ? { inTest } : {}) });
    }
  }

  /** Where literals bound to a name sit, so output can mask them if the name is a secret's. */
  private emitBoundLiterals(): void {
    for (const { node, inMacro } of this.syntax.literals) {
      // A literal in a macro's token tree is a token, bound to nothing (`boundNameOf` would say null after climbing its parents).
      if (inMacro) continue;
      const name = boundNameOf(node);
      if (name !== null) this.facts.push(valueLiteralFact(this.range(node), name));
    }
  }

  /** Leaks (when a source can appear at all) and summaries of the functions that pass a parameter on. */
  private collectLeaks(): void {
    if (this.syntax.functionItems.length === 0) return;
    // A clap struct filled from a secret's env name is a source even where the name is only spelled as its field (`api_key`).
    const holdsSecrets = mayHoldSecrets(this.text, this.options) || this.clapSecretFields.size > 0;
    // Nothing to walk: no source can appear and no summary was asked for (the functions and sinks are not even indexed).
    if (!holdsSecrets && !this.options.summarize) return;
    const functions = indexFunctions(this.syntax.functionItems, this.syntax.implItems, this.syntax.typeItems, this.secretTypes);
    const sinks = new RustSinkMatcher(rustSinks(this.options.extraSinks), this.imports);
    const summaries = this.options.functionSummaries;
    const external = summaries && summaries.length > 0 ? new ExternalSummaries(summaries, this.imports) : null;
    const textOnly = holdsSecrets ? null : new Set(this.options.resolver.types);
    // Summaries are made on demand: of the functions other files call with a secret (core/cross-file-summaries.ts).
    const wanted = this.options.summarize ? new Set(this.options.summarize) : null;
    const candidates = wanted ? functions.all.filter((fn) => wanted.has(fn.name)) : [];
    const plans = planSummaries(candidates, () => this.summarySites(functions, sinks, external), (offset) => this.inTest(offset), textOnly);
    if (!holdsSecrets && plans.length === 0) return;
    const analysis = new RustTaintAnalysis({
      file: this.file,
      text: this.text,
      lines: this.lines,
      parser: this.parser,
      options: this.options,
      imports: this.imports,
      constScope: this.constScope,
      functions,
      sinks,
      external,
      summaryPlans: plans,
      secretsPossible: holdsSecrets,
      envSourceOffsets: this.envSourceOffsets,
      clapSecretFields: this.clapSecretFields,
      inTest: (offset) => this.inTest(offset),
    });
    try {
      // Without a possible source only the planned functions are walked, for their summaries.
      const { leaks, incomplete } = analysis.run(holdsSecrets ? undefined : new Set(plans.map((plan) => plan.fn)));
      this.facts.push(...leaks);
      this.filledFields = analysis.storedSecretFields();
      if (holdsSecrets) {
        this.unresolvedCalls = analysis.unresolvedCalls();
        if (incomplete) this.errors.push({ file: this.file, message: 'Leak analysis stopped early: the file is too large or too deeply nested.' });
      }
      const module = rustModulePath(this.file);
      const byFunction = new Map<FunctionInfo, FunctionSummaryFact>();
      for (const summary of analysis.functionSummaries()) byFunction.set(summary.fn, this.summaryFact(summary, module));
      // Functions that hand out a secret of their own (a config loader, `Config::api_key(&self)`): sources for other files.
      for (const { fn, shape } of analysis.secretSources()) {
        if (this.inTest(fn.node.startIndex)) continue;
        const fact = byFunction.get(fn) ?? this.summaryFact({ fn, returns: [], sinks: [] }, module);
        fact.returnsSecret = shape;
        byFunction.set(fn, fact);
      }
      this.facts.push(...byFunction.values());
    } finally {
      analysis.dispose();
    }
  }

  /** Sorted offsets of sinks and of calls that may lead to one (same-file or, in the second pass, other-file functions). */
  private summarySites(functions: FunctionIndex, sinks: RustSinkMatcher, external: ExternalSummaries | null): number[] {
    const sites: number[] = [];
    for (const { node, inTest } of this.syntax.macros) {
      if (!inTest && sinks.mayMatch(node)) sites.push(node.startIndex);
    }
    for (const { node, inTest } of this.syntax.calls) {
      if (inTest) continue;
      const fn = node.childForFieldName('function');
      const name = fn?.type === 'field_expression' ? fn.childForFieldName('field')?.text : fn ? lastSegment(fn) : undefined;
      if ((name && functions.byName.has(name)) || sinks.mayMatch(node) || external?.match(node)) sites.push(node.startIndex);
    }
    // A function whose `#[instrument]` span records a text parameter is a sink itself.
    for (const fn of functions.all) {
      if (fn.body && spanRecordedParams(fn, this.imports).length > 0) sites.push(fn.body.startIndex);
    }
    return sites.sort((a, b) => a - b);
  }

  private summaryFact(summary: FunctionSummary, module: string): FunctionSummaryFact {
    const { fn } = summary;
    // One sink per parameter and rule is enough for callers: they report one finding per argument and rule.
    const seen = new Set<string>();
    const sinks = summary.sinks.filter((sink) => {
      const key = `${sink.param}:${sink.ruleId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return {
      kind: 'function-summary',
      language: 'rust',
      name: fn.qualified ?? fn.name,
      module,
      returns: summary.returns,
      sinks,
      range: this.range(fn.node.childForFieldName('name') ?? fn.node),
      params: fn.params.map((param) => param.name ?? '_'),
    };
  }

  /** `#[arg(long, env)] api_key: Option<String>` where API_KEY is a registry secret: clap fills the field with it. */
  private noteClapSecretField(attributeItem: Node, envName: string | null): void {
    const secretId = envName ? this.options.secretNames[envName] : undefined;
    const field = fieldAfterAttribute(attributeItem);
    const fieldName = field?.childForFieldName('name')?.text;
    if (!secretId || !envName || !field || !fieldName) return;
    const owner = ownerName(field);
    const fields = this.clapSecretFields.get(owner) ?? new Map<string, { secretId: string; envName: string }>();
    fields.set(fieldName, { secretId, envName });
    this.clapSecretFields.set(owner, fields);
  }

  private collectLeakyTypes(): void {
    // A struct clap fills from a secret's env name holds it as much as one a literal filled.
    for (const [owner, fields] of this.clapSecretFields) {
      const filled = this.filledFields.get(owner) ?? new Map<string, string | null>();
      for (const [field, { secretId }] of fields) if (!filled.has(field)) filled.set(field, secretId);
      this.filledFields.set(owner, filled);
    }
    if (this.secretTypes.size === 0 && this.filledFields.size === 0) return;
    for (const match of findLeakyTypes(this.syntax.typeItems, this.syntax.implItems, this.secretTypes, this.filledFields, this.imports)) {
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

const builtinRustSinks = sinksFor('rust');


/** The sink catalog for Rust; built once unless the config adds sinks. */
function rustSinks(extra: unknown[] | undefined): SinkEntry[] {
  return extra && extra.length > 0 ? sinksFor('rust', extra) : builtinRustSinks;
}

/**
 * The value of a `"…"` literal without escapes, read from the text (no child nodes needed); null
 * for any other literal (raw, byte, escaped, unterminated), which `stringLiteralValue` decodes.
 */
function plainLiteralValue(text: string, node: Node): string | null {
  const start = node.startIndex;
  const end = node.endIndex;
  if (end - start < 2 || text.charCodeAt(start) !== 34 || text.charCodeAt(end - 1) !== 34) return null;
  const inner = text.slice(start + 1, end - 1);
  return inner.includes('\\') ? null : inner;
}

/** Path arguments of a call that may name an env function (`.map(std::env::var)`); cheap text pre-check first. */
function envFunctionArguments(call: Node, text: string): Node[] {
  const args = call.childForFieldName('arguments');
  if (!args || !text.slice(args.startIndex, args.endIndex).includes('var')) return [];
  return args.namedChildren.filter((arg): arg is Node => arg?.type === 'scoped_identifier');
}

/** The struct field an attribute item is written on (`#[arg(env = "X")] field: T`). */
function fieldAfterAttribute(attributeItem: Node): Node | null {
  let sibling = attributeItem.nextNamedSibling;
  while (sibling && (sibling.type === 'attribute_item' || sibling.type === 'line_comment' || sibling.type === 'block_comment')) sibling = sibling.nextNamedSibling;
  return sibling?.type === 'field_declaration' ? sibling : null;
}
