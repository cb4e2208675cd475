// The Python front end: tree-sitter-python in, facts out (env reads, pydantic settings reads,
// secret-store calls, resolver calls, registry-name literals, suppression comments, leaks).
import { insideQuotes, literalNameToken } from '../literal-name-token.js';
import type { Node } from 'web-tree-sitter';
import type { Fact, FileError, FrontEnd, FrontEndOptions, FrontEndResult } from '../../core/facts.js';
import { sinksFor } from '../../leak/sink-catalog.js';
import { secretStoresFor } from '../secret-stores/catalog.js';
import { type PythonEnvRead } from './env-reads.js';
import { ENV_COLLECTOR_TYPES, PythonEnvReads } from './env-read-collector.js';
import { pythonModulePath } from './cross-file-calls.js';
import { PythonLeakAnalysis } from './leak-analysis.js';
import { IMPORT_TYPES, ModuleScope } from './module-scope.js';
import { namePartsOf } from './env-name-family.js';
import { pythonParser } from './python-parser.js';
import { linesOf, nestingErrors } from '../nesting-limit.js';
import { parseWithinNestingLimit } from '../tree-sitter-depth.js';
import { calleeName, callArguments, firstSyntaxError, literalStringText, ModuleNodes, rangeOf } from './python-syntax.js';
import { SecretStoreMatcher } from './secret-store-calls.js';
import { boundNameOf } from './bound-literals.js';
import { isPresenceOnly } from './env-presence-only.js';
import { valueLiteralFact } from '../../core/value-literals.js';
import { collectSettingsReads } from './settings-classes.js';
import { SinkMatcher } from './sink-matcher.js';
import { envCopyUses } from './env-copy-uses.js';

const SUPPRESSION_MARKER = 'clavis-lint-disable';
const PREFILTER_WORDS = ['getenv', 'BaseSettings', 'dotenv', SUPPRESSION_MARKER];

/** The nodes the fact walk looks at: comments, string literals, calls, and what the env-read collector visits. */
const WALKED_TYPES: readonly string[] = ['comment', 'string', 'call', ...ENV_COLLECTOR_TYPES];
/** Every type some pass looks up over the whole module: collected in one walk (ModuleNodes). */
const INDEXED_TYPES: readonly string[] = [...WALKED_TYPES, ...IMPORT_TYPES, 'class_definition', 'function_definition', 'assignment'];

/** `test_*.py`, `*_test.py`, `conftest.py`, anything under a `tests/` directory. */
export function isPythonTestPath(file: string): boolean {
  const parts = file.split('/');
  const base = parts[parts.length - 1];
  return /^test_.*\.pyi?$/.test(base) || /_test\.pyi?$/.test(base) || base === 'conftest.py' || parts.slice(0, -1).includes('tests');
}

/**
 * Whether the file can hold a fact: a word of PREFILTER_WORDS, the registry or the config.
 * A file with none of them can still define a helper that other modules pass secrets
 * to (`def log_key(k): logging.info(k)`), or a class that keeps one in a field. Its summary is
 * made on demand: the cross-file pass analyses the skipped files that define a function or class
 * another module calls with a secret (src/core/cross-file-summaries.ts), so the many modules that
 * only talk about tokens are not parsed for summaries nobody asks for.
 */
export function pythonPrefilter(text: string, options: FrontEndOptions): boolean {
  let words = prefilterWords.get(options);
  if (!words) {
    words = [
      ...PREFILTER_WORDS,
      ...options.resolver.functions,
      ...options.resolver.types,
      ...(options.extraSources ?? []),
      ...(options.extraSourcePaths ?? []).map((spec) => spec.call.split('.').pop()!),
      ...secretStoresFor('python', options.extraSecretStores).map((e) => e.module.split('.').pop()!),
      ...importedSourceNames(options),
    ].filter((word) => word);
    prefilterWords.set(options, words);
  }
  if (words.some((w) => text.includes(w)) || mentionsEnviron(text)) return true;
  return options.registryNames.some((name) => text.includes(name));
}

/** The prefilter's words per options object (the same for every file of a scan). */
const prefilterWords = new WeakMap<FrontEndOptions, string[]>();

/**
 * `environ` or `environb` as a name (`os.environ`, `from os import environ`), not the start of
 * `environment`: modules that only talk about sandbox environments hold no env read.
 */
function mentionsEnviron(text: string): boolean {
  for (let at = text.indexOf('environ'); at >= 0; at = text.indexOf('environ', at + 7)) {
    let end = at + 7;
    if (text[end] === 'b') end++;
    if (end >= text.length || !isNameChar(text.charCodeAt(end))) return true;
  }
  return false;
}

function isNameChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

export async function analyzePython(file: string, text: string, options: FrontEndOptions): Promise<FrontEndResult> {
  const facts: Fact[] = [];
  const errors: FileError[] = [];
  let exportedConstants: Record<string, string> = {};
  let unresolvedCalls: string[] = [];
  let tree;
  try {
    // Constructs nested past the limit are cut before any walker sees them, the same on every thread.
    const limited = parseWithinNestingLimit(await pythonParser(), text);
    if (limited) {
      ({ tree, text } = limited);
      errors.push(...nestingErrors(file, linesOf(text, limited.cutAt)));
    }
  } catch {
    return { facts, errors: [{ file, message: 'Python parser failed on this file' }] };
  }
  if (!tree) return { facts, errors: [{ file, message: 'Python parser returned no tree' }] };
  try {
    const root = tree.rootNode;
    const syntaxError = firstSyntaxError(root);
    if (syntaxError) {
      errors.push({ file, message: 'Python syntax error; facts come from the parts that parsed', line: syntaxError.startPosition.row + 1, column: syntaxError.startPosition.column + 1 });
    }
    ({ exportedConstants, unresolvedCalls } = collectFacts(file, text, root, options, facts));
  } catch (error) {
    errors.push({ file, message: `Python analysis stopped early (${error instanceof Error ? error.name : 'error'})` });
  } finally {
    tree.delete();
  }
  const exported = {
    ...(Object.keys(exportedConstants).length > 0 ? { exportedConstants } : {}),
    ...(unresolvedCalls.length > 0 ? { unresolvedCalls } : {}),
  };
  return errors.length > 0 ? { facts, errors, ...exported } : { facts, ...exported };
}

/** Pushes the file's facts; returns its exported string constants and the calls it could not resolve. */
function collectFacts(file: string, text: string, root: Node, options: FrontEndOptions, facts: Fact[]): { exportedConstants: Record<string, string>; unresolvedCalls: string[] } {
  const inTest = isPythonTestPath(file);
  const testFlag = inTest ? { inTest: true } : {};
  const scope = new ModuleScope(root, options.projectConstants, new ModuleNodes(root, INDEXED_TYPES));
  const resolverFunctions = new Set([...options.resolver.functions, ...(options.extraSources ?? [])]);
  const stores = new SecretStoreMatcher(scope, secretStoresFor('python', options.extraSecretStores), resolverFunctions);
  const registryNames = new Set(options.registryNames);
  const keyLiterals = new Set<number>();
  const literals: Node[] = [];
  const envReads = new PythonEnvReads(scope, inTest, options.envKeyHelpers);

  const addRead = (read: PythonEnvRead): void => {
    const constRef = read.name === null && !read.enumerates ? scope.constRefOf(read.keyNode ?? null) : undefined;
    const nameParts = read.name === null && !read.enumerates && !constRef ? namePartsOf(read.keyNode ?? null, scope) : null;
    const nameToken = read.name !== null ? literalNameToken(read.keyNode ?? read.node, read.name, ['string']) : undefined;
    // At a helper's call (`via`), only the helper's own read says whether it is a presence test.
    const presence = read.name === null && !read.enumerates && !read.extra?.via && isPresenceOnly(read.node);
    facts.push({
      kind: 'env-read', name: read.name, api: read.api, range: rangeOf(read.node), ...(nameToken ? { nameRange: insideQuotes(rangeOf(nameToken)) } : {}),
      ...(read.enumerates ? { enumerates: true } : {}), ...(constRef ? { constRef } : {}), ...(nameParts ? { nameParts } : {}), ...testFlag, ...(presence ? { presence: true as const } : {}), ...read.extra,
    });
    for (const literal of scope.constantLiterals(read.keyNode ?? null)) keyLiterals.add(literal.id);
  };

  scope.nodes.forEach(WALKED_TYPES, (node, type) => {
    switch (type) {
      case 'comment':
        if (node.text.includes(SUPPRESSION_MARKER)) facts.push({ kind: 'comment', text: node.text, range: rangeOf(node) });
        return;
      case 'string':
        literals.push(node);
        return;
      case 'call': {
        const name = calleeName(node);
        if (name && resolverFunctions.has(name)) {
          const args = callArguments(node);
          facts.push({ kind: 'resolver-call', function: name, secretRef: scope.constString(args.positional[0] ?? null), range: rangeOf(node) });
        }
        const store = stores.match(node);
        if (store) {
          facts.push({ kind: 'secret-store-call', provider: store.entry.provider, api: storeApi(store.entry.module, store.call), range: rangeOf(node), ...testFlag });
        }
        break;
      }
    }
    envReads.visit(node, type);
  });

  const settings = collectSettingsReads(scope);
  for (const read of envReads.finish()) addRead(read);
  for (const read of settings.reads) addRead(read);
  // Where this module takes the environment copies other modules' functions return (src/core/env-copy-helpers.ts).
  facts.push(...envCopyUses(scope, inTest, options.envCopyHelpers));

  for (const literal of literals) {
    if (keyLiterals.has(literal.id)) continue;
    const value = literalStringText(literal);
    if (value !== null && registryNames.has(value)) {
      facts.push({ kind: 'name-ref', name: value, context: 'string-literal', range: rangeOf(literal), ...testFlag });
    }
  }
  // Where literals bound to a name sit, so output can mask them if the name is a secret's.
  for (const literal of literals) {
    const name = boundNameOf(literal);
    if (name !== null) facts.push(valueLiteralFact(rangeOf(literal), name));
  }

  let unresolvedCalls: string[] = [];
  if (options.leakAnalysis !== false) {
    // The full taint analysis is the expensive part: run it only when the file can hold a source.
    // Otherwise only parameter summaries, for callers in other modules, and only on demand
    // (options.summarize: another module calls a function or class defined here with a secret).
    // A file with a source gave its summaries with its leaks; asked again, it has nothing to add.
    const holdsSource = mayHoldSecretSource(text, facts, settings.fieldEnvNames, options);
    if (holdsSource !== !options.summarize) return { exportedConstants: scope.exportedConstants(), unresolvedCalls };
    const sinks = new SinkMatcher(sinksFor('python', options.extraSinks), scope);
    const analysis = new PythonLeakAnalysis(file, root, scope, options, sinks, settings.fieldEnvNames, inTest);
    if (holdsSource) {
      facts.push(...analysis.run());
      facts.push(...analysis.leakyTypes());
      unresolvedCalls = analysis.unresolvedCalls();
    } else {
      analysis.runSummariesOnly();
    }
    facts.push(...analysis.summaries(pythonModulePath(file)));
  }
  return { exportedConstants: scope.exportedConstants(), unresolvedCalls };
}

function mayHoldSecretSource(text: string, facts: Fact[], settingsFields: Map<string, string>, options: FrontEndOptions): boolean {
  if (facts.some((f) => f.kind === 'resolver-call' || (f.kind === 'env-read' && f.name !== null && options.secretNames[f.name]))) return true;
  if ([...settingsFields.values()].some((name) => options.secretNames[name])) return true;
  const words = [...options.resolver.types, ...(options.extraSourcePaths ?? []).map((spec) => spec.call.split('.').pop()!), ...importedSourceNames(options)];
  return words.some((word) => word && text.includes(word));
}

/**
 * Names of other modules' functions and values that hand out a secret (summaries with
 * `returnsSecret`, given in the engine's second pass): a file that uses one holds a source.
 */
function importedSourceNames(options: FrontEndOptions): string[] {
  return (options.functionSummaries ?? []).filter((s) => s.language === 'python' && s.returnsSecret).map((s) => s.name.split('.').pop()!);
}

/** `hvac kv.read_secret_version`: version segments (`v2`) dropped, so the text never looks like a value to the output redactor. */
function storeApi(module: string, call: string): string {
  return `${module} ${call.split('.').filter((part) => !/\d/.test(part)).join('.')}`;
}

export const pythonFrontEnd: FrontEnd = {
  id: 'python',
  prefilter: pythonPrefilter,
  analyze: analyzePython,
};

