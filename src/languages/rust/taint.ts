// Intraprocedural taint analysis for Rust with same-file function summaries and, in a second
// pass, summaries of functions of other files (see external-calls.ts). Sources: resolver
// calls, values of resolver types (declared lets, parameters, struct fields), env reads of secret
// names. Taint follows `let`, assignment, formatting macros, conversions, struct and tuple
// construction and returns; it stops at sanitizers, non-string projections and comparisons.
// Macro arguments are token trees in tree-sitter-rust, so an argument that mentions something
// tainted is re-parsed on its own as an expression (offsets are shifted back onto the file).
import type { Node, Parser, Tree } from 'web-tree-sitter';
import type { FlowStep, FrontEndOptions, FunctionSummaryFact, LeakFact, Range, SecretShape } from '../../core/facts.js';
import { secretTypeMembers, type SecretTypeMembers } from '../../registry/resolver-types.js';
import { localLetValue, resolveConstString, type ConstScope } from './constants.js';
import { envReadOfCall, envReadOfMacro, type EnvReadContext } from './env-reads.js';
import type { ExternalCallee, ExternalSummaries } from './external-calls.js';
import { formatCaptures } from './format-captures.js';
import type { FunctionIndex, FunctionInfo } from './function-index.js';
import type { ImportMap } from './imports.js';
import { containsOffset, functionsThatMayMeetSecrets } from './relevance.js';
import { mayCarryText, type SummaryPlan } from './summaries.js';
import { callArguments, type RustSinkMatcher } from './sink-match.js';
import type { LineIndex } from './source-map.js';
import { JSON_MACRO_LABEL, textSerializerOf, WRITE_METHODS } from './serializers.js';
import { isStringLiteral, stringLiteralValue, lastSegment, macroTokenTree, pathSegments, PROBE_PREFIX, PROBE_SUFFIX, tokenGroups, tokenIdentifiers, typeMentions } from './syntax.js';
import { WordSet } from './word-scan.js';
import { isQuerySeparatorValue, queryValuePlaceholders } from './url-query.js';
import { writesCredentialStore } from './file-destination.js';
import { isMaskingReplacement } from '../../leak/mask-text.js';
import { namesDocumentRole } from '../../leak/secret-member-name.js';
import { spanOf, type InstrumentSpan } from './instrumented-params.js';

/** The sinks a parameter, or the result under `ret`, recorded by `#[tracing::instrument]` reach. */
const SPAN_FIELD_LABEL = 'a field of the #[tracing::instrument] span';
const SPAN_RESULT_LABEL = 'the return value recorded by #[tracing::instrument(ret)]';

export interface Taint {
  secretId: string | null;
  envName: string | null;
  source: string;
  flow: FlowStep[];
  /** Per-field taint of a struct or tuple value built in view (`Config { key, name }`, `(spec, key)`: fields `0`, `1`). */
  fields?: Map<string, Taint | null>;
  /**
   * A value of a declared secret type (or a resolver's result when types are declared): only its
   * exposing members are the secret (`r.expose()`, `r.value`); `r.status` is not. The whole value
   * at a sink still counts.
   */
  members?: SecretTypeMembers;
  /** The secret is part of larger text (`format!`, `concat!`, `+`, `push_str`): see SinkEntry.embeddedOnly. */
  embedded?: boolean;
  /**
   * Put after `?name=` by a format string and reported there (the key of that leak): a URL sink
   * in view that it reaches later (`Url::parse`) is reported instead, so the URL leaks once.
   */
  inUrl?: string;
  /** Taint only in the `Err` of a `Result` (`Err(anyhow!("{spec}"))`): gone after `?`, `unwrap`, `Ok(v)`. */
  errOnly?: boolean;
  /** Text made by a serializer (`serde_json::to_string`, `json!`): reported where it is written or shown, never at the serializer. */
  serialized?: string;
  /**
   * Taint that started at parameters of `fn` (seeded to summarise it for other files): it
   * becomes summary entries, never leaks, and yields to secret taint wherever values merge.
   */
  origin?: { fn: FunctionInfo; params: number[] };
  /**
   * The result of a function of another file that received taint, before its summary is known:
   * it only marks later calls as worth resolving (`unresolvedCalls`) and is never reported.
   */
  speculative?: boolean;
}

export type SummarySink = FunctionSummaryFact['sinks'][number];

export interface FunctionSummary {
  fn: FunctionInfo;
  returns: number[];
  sinks: SummarySink[];
}

/** Variable bindings of one walk (a function body, a closure); `version` counts its changes, for memoised evaluations. */
class TaintEnv extends Map<string, Taint | null> {
  version = 0;

  override set(key: string, value: Taint | null): this {
    this.version++;
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    this.version++;
    return super.delete(key);
  }
}

type Env = TaintEnv;

/** A secret id passed as an argument: `SecretId::X` (`id` null: an id the registry does not know). */
interface IdArgument {
  id: string | null;
}

interface Frame {
  env: Env;
  returns: Array<Taint | null>;
}

interface ArgumentTaint {
  taint: Taint;
  start: number;
  end: number;
}

export interface TaintSetup {
  file: string;
  text: string;
  lines: LineIndex;
  parser: Parser;
  options: FrontEndOptions;
  imports: ImportMap;
  constScope: ConstScope;
  functions: FunctionIndex;
  sinks: RustSinkMatcher;
  /** Second pass: summaries of other files' functions. */
  external?: ExternalSummaries | null;
  /** Functions to summarise: their parameters are seeded as sources of their own. */
  summaryPlans?: SummaryPlan[];
  /** False when no secret source can appear in the file: only parameter taint is followed. */
  secretsPossible?: boolean;
  /** Start offsets of env reads of secrets' names (also through constants): sources. */
  envSourceOffsets?: number[];
  /** clap `Parser` structs of the file whose fields clap fills from secrets' env names: `Args::parse()` returns them filled. */
  clapSecretFields?: ReadonlyMap<string, ReadonlyMap<string, { secretId: string; envName: string }>>;
  inTest(offset: number): boolean;
}

/** clap's constructors of a `Parser` struct from the command line and environment. */
const CLAP_PARSE_FUNCTIONS = new Set(['parse', 'try_parse', 'parse_from', 'try_parse_from', 'from_args']);

/** Methods whose result no longer carries the secret text. */
const SAFE_METHODS = new Set([
  'len', 'is_empty', 'is_some', 'is_none', 'is_ok', 'is_err', 'eq', 'ne', 'cmp', 'partial_cmp', 'lt', 'le', 'gt', 'ge',
  'starts_with', 'ends_with', 'contains', 'hash', 'count', 'capacity', 'ct_eq', 'is_ascii', 'matches', 'type_id',
  'err', 'unwrap_err', 'expect_err',
]);
/** Calls whose result is their argument in another shape (`String::from(k)`, `Box::new(k)`). */
const PROPAGATING_CALLS = new Set(['from', 'new', 'from_utf8', 'from_utf8_lossy', 'from_str', 'into', 'to_string', 'to_owned', 'clone', 'borrow', 'from_static', 'try_from']);
const PROPAGATING_MACROS = new Set(['format', 'format_args', 'concat', 'vec', 'json', 'anyhow', 'eyre', 'format_err']);
/** Lookups by key in a parsed document or map (`doc.get("client_email")`, `doc["private_key"]` is an index). */
const KEYED_LOOKUPS = new Set(['get', 'get_mut', 'remove']);

/**
 * A string-literal key that names a non-secret member of a secret document: a service-account
 * file's `client_email` or `private_key_id`, a config's `token_url` (the same trailing roles as
 * env names). Only the secret members of a parsed credential are the secret.
 */
function namesNonSecretRole(key: Node): boolean {
  if (!isStringLiteral(key)) return false;
  const value = stringLiteralValue(key);
  return !!value && namesDocumentRole(value);
}

/** Macros whose result is new text around their arguments. */
const TEXT_BUILDING_MACROS = new Set(['format', 'format_args', 'concat']);
const FORMAT_MACROS = new Set(['format', 'format_args', 'print', 'println', 'eprint', 'eprintln', 'panic', 'unreachable', 'todo', 'unimplemented', 'write', 'writeln', 'anyhow', 'bail', 'eyre', 'format_err', 'trace', 'debug', 'info', 'warn', 'error', 'log', 'event', 'span', 'trace_span', 'debug_span', 'info_span', 'warn_span', 'error_span', 'expect']);
/** Mutators that put the argument into the receiver's text (the others add an element to a collection). */
const TEXT_MUTATORS = new Set(['push_str', 'insert_str', 'write_str']);
const MUTATORS = new Set(['push_str', 'push', 'extend', 'extend_from_slice', 'insert', 'insert_str', 'append', 'write_str']);
/**
 * Methods whose result is the receiver's text in another shape (string, `Option`, `Result`,
 * iterator and smart-pointer helpers). Any other method's result is not the receiver: a client
 * built with a token does not hand the token out of `client.list()`.
 */
const PASS_THROUGH_METHODS = new Set([
  'clone', 'to_owned', 'to_string', 'as_str', 'as_ref', 'as_deref', 'as_bytes', 'as_slice', 'as_mut', 'borrow', 'deref', 'into', 'into_owned',
  'unwrap', 'unwrap_or', 'unwrap_or_default', 'unwrap_unchecked', 'expect', 'ok', 'ok_or', 'ok_or_else', 'or', 'map_err', 'context', 'with_context', 'take',
  'to_vec', 'into_bytes', 'into_string', 'to_str', 'to_string_lossy', 'into_boxed_str', 'as_os_str', 'to_os_string',
  'trim', 'trim_start', 'trim_end', 'trim_matches', 'trim_start_matches', 'trim_end_matches', 'strip_prefix', 'strip_suffix',
  'to_lowercase', 'to_uppercase', 'to_ascii_lowercase', 'to_ascii_uppercase', 'replace', 'replacen', 'repeat',
  'chars', 'bytes', 'iter', 'into_iter', 'collect', 'join', 'concat', 'cloned', 'copied', 'rev', 'lines', 'next', 'nth', 'first', 'last', 'get', 'values', 'into_values',
  'split', 'split_whitespace', 'splitn', 'rsplit', 'rsplitn', 'split_once', 'rsplit_once', 'split_terminator',
  'expose_secret', 'expose', 'into_inner', 'as_string',
]);
/** Methods that keep a secret-typed value what it is (`Option<ResolvedSecret>::as_ref`, `clone`); its other methods are its own. */
const SHAPE_PRESERVING_METHODS = new Set([
  'clone', 'to_owned', 'as_ref', 'as_deref', 'as_mut', 'borrow', 'deref', 'into', 'unwrap', 'unwrap_or', 'unwrap_or_default', 'unwrap_unchecked', 'expect',
  'ok', 'ok_or', 'ok_or_else', 'map_err', 'context', 'with_context', 'cloned', 'copied', 'take', 'iter', 'into_iter', 'next', 'first', 'last',
]);
/** Methods taking a closure that receives the receiver's content (`.map(|k| ..)`): the result is the closure's. */
const CLOSURE_METHODS = new Set(['map', 'and_then', 'map_or', 'map_or_else', 'filter_map', 'flat_map', 'then', 'map_while', 'find_map']);
/** Methods whose result is the receiver itself or the closure's result (`unwrap_or_else(|| ..)`). */
const RECEIVER_OR_CLOSURE_METHODS = new Set(['unwrap_or_else', 'or_else', 'filter', 'inspect', 'find', 'get_or_insert_with', 'tap']);
/** Methods that drop an `Err`'s taint (the `Ok`/`Some` value is what remains). */
const OK_VALUE_METHODS = new Set(['unwrap', 'expect', 'ok', 'unwrap_or', 'unwrap_or_default', 'unwrap_or_else', 'unwrap_unchecked']);
const NON_PROPAGATING_OPERATORS = new Set(['==', '!=', '<', '>', '<=', '>=', '&&', '||']);
const NO_BINDING_VARIANTS = new Set(['Err', 'None']);
const STATEMENT_TYPES = new Set(['expression_statement', 'let_declaration', 'macro_invocation']);
/** Node types that are single tokens in tree-sitter-rust: no named children. */
const LEAF_TYPES = new Set(['identifier', 'field_identifier', 'type_identifier', 'primitive_type', 'integer_literal', 'float_literal', 'boolean_literal', 'char_literal', 'self', 'crate', 'super', 'metavariable', 'shorthand_field_identifier', 'mutable_specifier']);
/** Node types the walk does not enter. */
const UNWALKED_TYPES = new Set(['function_item', 'line_comment', 'block_comment', 'attribute_item', 'string_literal', 'raw_string_literal']);
/**
 * What an env read (a source) spells: a call's `var`/`var_os` (`env::var`, `dotenvy::var`, a glob
 * import's `var`), a macro `env!`/`option_env!`/`dotenv!` (see ENV_MACRO_WORDS), or an alias of
 * one (ENV_ALIAS_SEGMENTS: the path segments that make an import an alias of an env function or
 * macro). `vars()` enumerates: no name, no source.
 */
const ENV_WALK_WORDS = ['var', 'var_os'];
/** Macro names that read the environment: counted only where a `!` follows (`env` alone is a module, a variable, a field). */
const ENV_MACRO_WORDS = ['env', 'option_env', 'dotenv'];
const ENV_ALIAS_SEGMENTS = new Set(['env', 'var', 'var_os', 'vars', 'vars_os', 'option_env', 'dotenv', 'dotenvy']);
const ENV_HELPER_NAMES = ['var', 'var_os', 'env', 'dotenvy', 'dotenv', 'std'];
/**
 * Nested same-file calls analysed with their arguments' taint; deeper ones use the callee's own
 * summary, which knows its result but not its sinks. Four: an example's `main` -> `run_scenario`
 * -> `drain_with_accounting` -> `count_tokens` (rig: a key put in a `?key=` URL at the fourth).
 */
const MAX_CALL_DEPTH = 4;
const MAX_FLOW_STEPS = 24;
const WORK_BUDGET = 400_000;

export class BudgetExceeded extends Error {}

export class RustTaintAnalysis {
  private readonly leaks = new Map<string, LeakFact>();
  private readonly summaries = new Map<FunctionInfo, Taint | null>();
  /** Per function, what its `#[instrument]` span records (nothing for most). */
  private readonly spans = new Map<FunctionInfo, InstrumentSpan>();
  private readonly active = new Set<FunctionInfo>();
  private readonly callCache = new Map<string, Taint | null>();
  private readonly probes = new Map<string, { node: Node | null; shift: number }>();
  private readonly probeTrees: Tree[] = [];
  private readonly resolverFunctions: Set<string>;
  /** Config `leak.sources` items `{ call, path }`, by the call's last name: only `path` of the result is secret. */
  private readonly sourcePaths = new Map<string, Array<{ callee: string[]; path: string[] }>>();
  private readonly sanitizers: Set<string>;
  private readonly secretTypes: Set<string>;
  /** Exposing/redacting members per declared secret type. */
  private readonly typeMembers: Map<string, SecretTypeMembers>;
  /** Members of a resolver's result when types are declared: the union of the declared types'. */
  private readonly resolverMembers: SecretTypeMembers | undefined;
  /** Secret ids bound to parameter names, per environment (wrappers: `fn opt(id) { resolve_secret(id) }`). */
  private readonly idBindings = new WeakMap<Env, Map<string, IdArgument>>();
  /** `Type.field` -> the secret stored there by a struct literal (`Client { token }`), for `self.token` in its methods. */
  private readonly storedFields = new Map<string, Taint>();
  /**
   * `Type.field` -> a summarised function's parameter stored there (`fn new(url) -> Self { Self
   * { url } }`): a sink its methods reach from `self.url` is a sink of that parameter, for callers
   * in other files (`RequestData::new(url_with_key, ..)` there, `debug!("{url}")` in a method here).
   */
  private readonly storedParams = new Map<string, Taint>();
  /** Types whose stored parameters were found: their methods are walked even when only planned functions are. */
  private readonly paramTypes = new Set<string>();
  /** Types that got a stored secret field since their methods were walked. */
  private readonly dirtyTypes = new Set<string>();
  private readonly secretIds: Set<string>;
  private readonly staticInteresting: Set<string>;
  /** Words a node must spell (or a tainted name) for walking it to possibly change anything: see `mayMatter`. */
  private readonly walkVocabulary: Set<string>;
  private depth = 0;
  private budget = WORK_BUDGET;
  /** The function being analysed, for `let k = "X"; env::var(k)` name lookups. */
  private currentFunction: FunctionInfo | null = null;
  /** Calls of functions this file does not define that received taint (leak pass only). */
  private readonly unresolved = new Set<string>();
  private readonly plans = new Map<FunctionInfo, SummaryPlan>();
  /** Functions whose result is a known secret of their own (not of a parameter), per access path: sources for other files. */
  private readonly secretResults = new Map<FunctionInfo, Taint>();
  /** Evaluations per environment, valid while it and the stored fields are unchanged (see evaluate). */
  private readonly memos = new WeakMap<Env, Map<string, { version: number; stored: number; taint: Taint | null }>>();
  private storedVersion = 0;
  /** Per summarised function: parameters reaching its result, and sinks by `param:ruleId`. */
  private readonly summaryRecords = new Map<FunctionInfo, { returns: Set<number>; sinks: Map<string, SummarySink> }>();

  constructor(private readonly setup: TaintSetup) {
    const { options } = setup;
    this.resolverFunctions = new Set([...options.resolver.functions, ...(options.extraSources ?? [])]);
    this.sanitizers = new Set([...options.resolver.sanitizers, ...(options.extraSanitizers ?? [])]);
    for (const spec of options.extraSourcePaths ?? []) {
      // `load` matches any callee ending so (`config::load()`, `cfg.load()`); `settings::load` (or
      // `settings.load`) needs the callee's path to end with all its names.
      const callee = spec.call.split(/\.|::/);
      const name = callee[callee.length - 1]!;
      if (spec.path.length > 0) this.sourcePaths.set(name, [...(this.sourcePaths.get(name) ?? []), { callee, path: spec.path }]);
    }
    this.secretTypes = new Set(options.resolver.types);
    this.typeMembers = secretTypeMembers(options.resolver.types, options.resolver.typeMembers);
    this.resolverMembers = unionMembers([...this.typeMembers.values()]);
    this.secretIds = new Set(Object.values(options.secretNames));
    this.staticInteresting = new Set([...this.resolverFunctions, ...this.sourcePaths.keys(), ...(setup.clapSecretFields?.keys() ?? []), ...setup.functions.byName.keys(), ...setup.functions.secretFields.keys(), ...ENV_HELPER_NAMES, ...setup.imports.aliases.keys(), 'self']);
    // Every way a value can become tainted without a bound name: a source (resolver, env read,
    // `option_env!`, a secret type or a secret-typed field), a function of this file (its result,
    // its sinks) or of another file (second pass). `self` is added while a field can hold a secret.
    const otherFiles = (options.functionSummaries ?? []).filter((summary) => summary.language === 'rust').map((summary) => summary.name.split('::').pop() ?? summary.name);
    // An env read spells `var`/`var_os`, `env!`/`option_env!`/`dotenv!`, `dotenvy::`/`dotenv::`, or
    // a local alias of one; other imported names are no source.
    const envAliases = [...setup.imports.aliases].filter(([, full]) => full.some((segment) => ENV_ALIAS_SEGMENTS.has(segment))).map(([local]) => local);
    this.walkVocabulary = new Set([...this.resolverFunctions, ...this.sourcePaths.keys(), ...(setup.clapSecretFields?.keys() ?? []), ...setup.functions.byName.keys(), ...setup.functions.secretFields.keys(), ...ENV_WALK_WORDS, ...envAliases, ...this.secretTypes, ...otherFiles]);
    for (const plan of setup.summaryPlans ?? []) this.plans.set(plan.fn, plan);
    // Seeded parameters make more values tainted: allow for the extra work.
    if (this.plans.size > 0) this.budget = WORK_BUDGET * 2;
  }

  /**
   * Analyses every function of the file (or only `only`) in one walk each: leaks of secrets and,
   * for planned functions, where their parameters go.
   */
  run(only?: ReadonlySet<FunctionInfo>): { leaks: LeakFact[]; incomplete: boolean } {
    let incomplete = false;
    // Demand-driven: only functions that can meet a secret (and planned ones) are walked from the top.
    const walked = only ?? this.functionsToWalk();
    for (const fn of this.setup.functions.all) {
      if (!walked.has(fn)) continue;
      try {
        this.summaryOf(fn);
      } catch (error) {
        if (error instanceof BudgetExceeded || error instanceof RangeError) {
          incomplete = true;
          break;
        }
        throw error;
      }
    }
    // A secret stored in a field after the type's methods were walked (`Client::new(token)` in
    // `main`, below `impl Client`): walk the methods that read fields again, twice at most.
    for (let round = 0; round < 2 && !incomplete && this.dirtyTypes.size > 0; round++) {
      const types = new Set(this.dirtyTypes);
      this.dirtyTypes.clear();
      for (const fn of this.setup.functions.all) {
        const owner = fn.qualified?.slice(0, fn.qualified.length - fn.name.length - 2);
        if (!fn.hasSelf || !owner || !types.has(owner) || (only && !only.has(fn) && !this.paramTypes.has(owner))) continue;
        try {
          this.analyze(fn, null);
        } catch (error) {
          if (error instanceof BudgetExceeded || error instanceof RangeError) {
            incomplete = true;
            break;
          }
          throw error;
        }
      }
    }
    return { leaks: [...this.leaks.values()], incomplete };
  }

  private functionsToWalk(): Set<FunctionInfo> {
    const { functions, text } = this.setup;
    const otherFileSources = (this.setup.options.functionSummaries ?? []).filter((summary) => summary.language === 'rust' && summary.returnsSecret).map((summary) => summary.name.split('::').pop() ?? summary.name);
    const words = [...this.resolverFunctions, ...this.sourcePaths.keys(), ...(this.setup.clapSecretFields?.keys() ?? []), ...this.secretTypes, ...Object.keys(this.setup.options.secretNames), ...otherFileSources];
    const walked = functionsThatMayMeetSecrets(functions, text, words, this.setup.envSourceOffsets ?? []);
    for (const fn of this.plans.keys()) walked.add(fn);
    return walked;
  }

  /** Fields of struct literals that received a secret: `Type` -> field -> secret id (for no-leaky-secret-type). */
  storedSecretFields(): Map<string, Map<string, string | null>> {
    const byType = new Map<string, Map<string, string | null>>();
    for (const [key, taint] of this.storedFields) {
      const dot = key.indexOf('.');
      const type = key.slice(0, dot);
      let fields = byType.get(type);
      if (!fields) byType.set(type, (fields = new Map()));
      fields.set(key.slice(dot + 1), taint.secretId);
    }
    return byType;
  }

  /** Names (as written) of called functions defined elsewhere that received a tainted argument. */
  unresolvedCalls(): string[] {
    return [...this.unresolved];
  }

  /** Functions that hand out a secret of their own, as plain data for other files (FunctionSummaryFact.returnsSecret). */
  secretSources(): Array<{ fn: FunctionInfo; shape: SecretShape }> {
    return [...this.secretResults].map(([fn, taint]) => ({ fn, shape: toShape(taint) }));
  }

  /** What `run` found out about the planned functions (those with a flow to report). */
  functionSummaries(): FunctionSummary[] {
    const out: FunctionSummary[] = [];
    for (const plan of this.plans.values()) {
      const record = this.summaryRecords.get(plan.fn);
      if (!record) continue;
      const returns = [...record.returns].sort((a, b) => a - b);
      const sinks = [...record.sinks.values()];
      if (returns.length > 0 || sinks.length > 0) out.push({ fn: plan.fn, returns, sinks });
    }
    return out;
  }

  private summaryRecord(fn: FunctionInfo): { returns: Set<number>; sinks: Map<string, SummarySink> } {
    let record = this.summaryRecords.get(fn);
    if (!record) {
      record = { returns: new Set(), sinks: new Map() };
      this.summaryRecords.set(fn, record);
    }
    return record;
  }

  private parameterSeed(fn: FunctionInfo, index: number): Taint {
    const param = fn.params[index];
    const name = param.name ?? '_';
    return {
      secretId: null,
      envName: null,
      source: `parameter \`${name}\``,
      flow: [this.step(param.node, 0, `parameter \`${name}\` of \`${fn.qualified ?? fn.name}\``)],
      origin: { fn, params: [index] },
    };
  }

  dispose(): void {
    for (const tree of this.probeTrees) tree.delete();
    this.probeTrees.length = 0;
  }

  private readContext(): EnvReadContext {
    const enclosingFunction = this.currentFunction?.node ?? null;
    return { imports: this.setup.imports, constScope: { ...this.setup.constScope, enclosingFunction } };
  }

  // ---- functions and summaries ----

  private summaryOf(fn: FunctionInfo): Taint | null {
    if (this.summaries.has(fn)) return this.summaries.get(fn) ?? null;
    if (this.active.has(fn)) return null;
    const result = this.analyze(fn, null);
    // Taint of the function's own parameters means nothing to a caller that passed none.
    const shared = result?.origin ? null : result;
    this.summaries.set(fn, shared);
    return shared;
  }

  /** `seeds`: taint of the arguments of a call in view; null analyses the function on its own (and seeds a planned one's parameters). */
  private analyze(fn: FunctionInfo, seeds: Map<number, Taint> | null, ids?: Map<number, IdArgument>): Taint | null {
    if (!fn.body) return null;
    this.active.add(fn);
    this.depth++;
    const outer = this.currentFunction;
    this.currentFunction = fn;
    try {
      const env: Env = new TaintEnv();
      const plan = seeds ? undefined : this.plans.get(fn);
      if (ids && ids.size > 0) {
        const bound = new Map<string, IdArgument>();
        for (const [index, id] of ids) {
          const name = fn.params[index]?.name;
          if (name) bound.set(name, id);
        }
        this.idBindings.set(env, bound);
      }
      fn.params.forEach((param, index) => {
        if (!param.name) return;
        const seed = seeds?.get(index);
        if (seed) env.set(param.name, this.withStep(seed, param.node, 0, `passed to \`${fn.name}\` as \`${param.name}\``));
        else if (param.secretType) env.set(param.name, this.typedSource(param.secretType, `parameter \`${param.name}\``, param.node, 0));
        else if (plan?.params.includes(index)) env.set(param.name, this.parameterSeed(fn, index));
      });
      this.checkSpanFields(fn, env);
      const frame: Frame = { env, returns: [] };
      this.walk(fn.body, frame, 0);
      const tail = tailExpression(fn.body);
      if (tail) frame.returns.push(this.evaluate(tail, env, 0));
      // A declared result that cannot carry text (`-> Option<bool>`) carries no secret.
      const result = this.returnsNoText(fn) ? null : firstTaint(frame.returns);
      if (result) this.checkSpanResult(fn, result);
      // A secret with a registry id (not one decided by an id parameter, class 3) handed out whole or in one field.
      if (!seeds && result && taintKind(result) === 'r' && !result.errOnly && result.secretId !== null) this.secretResults.set(fn, result);
      if (plan?.returnsText && result?.origin?.fn === fn && !result.speculative) {
        for (const param of result.origin.params) this.summaryRecord(fn).returns.add(param);
      }
      return result;
    } finally {
      this.active.delete(fn);
      this.depth--;
      this.currentFunction = outer;
    }
  }

  /** Per function, whether its declared result cannot carry text (`-> Option<bool>`): a function is walked once per set of tainted arguments. */
  private readonly textlessResults = new Map<FunctionInfo, boolean>();

  private returnsNoText(fn: FunctionInfo): boolean {
    let textless = this.textlessResults.get(fn);
    if (textless === undefined) {
      const declared = fn.node.childForFieldName('return_type');
      textless = !!declared && !mayCarryText(declared);
      this.textlessResults.set(fn, textless);
    }
    return textless;
  }

  private uniqueFunction(name: string): FunctionInfo | null {
    const list = this.setup.functions.byName.get(name);
    return list && list.length === 1 ? list[0] : null;
  }

  private localCallee(call: Node): FunctionInfo | null {
    const fn = call.childForFieldName('function');
    if (!fn) return null;
    if (fn.type === 'field_expression') {
      const local = this.uniqueFunction(fn.childForFieldName('field')?.text ?? '');
      return local?.hasSelf ? local : null;
    }
    const segments = pathSegments(fn);
    const last = segments[segments.length - 1];
    if (!last) return null;
    const owner = segments[segments.length - 2];
    return owner && owner !== 'Self' && owner !== 'self' ? this.uniqueFunction(`${owner}::${last}`) : this.uniqueFunction(last);
  }

  private callLocal(fn: FunctionInfo, args: Node[], call: Node, env: Env, shift: number, isMethodCall: boolean): Taint | null {
    const offset = !isMethodCall && fn.hasSelf ? 1 : 0;
    const seeds = new Map<number, Taint>();
    const ids = new Map<number, IdArgument>();
    args.forEach((arg, index) => {
      const param = index - offset;
      if (param < 0 || param >= fn.params.length) return;
      const id = this.idArgument(arg, env);
      if (id) {
        ids.set(param, id);
        return;
      }
      const taint = this.evaluate(arg, env, shift);
      if (taint) seeds.set(param, taint);
    });
    let result: Taint | null;
    if ((seeds.size === 0 && ids.size === 0) || this.active.has(fn) || this.depth >= MAX_CALL_DEPTH) {
      result = this.summaryOf(fn);
    } else {
      const key = `${call.startIndex + shift}:${[...seeds].map(([index, taint]) => `${index}${taintKind(taint)}`).join(',')}:${[...ids].map(([index, id]) => `${index}=${id.id ?? '?'}`).join(',')}`;
      if (this.callCache.has(key)) {
        result = this.callCache.get(key) ?? null;
      } else {
        this.callCache.set(key, null);
        result = this.analyze(fn, seeds, ids);
        this.callCache.set(key, result);
      }
    }
    if ((!result || taintKind(result) !== 'r') && fn.returnsSecretType) result = this.typedSource(fn.returnsSecretType, `\`${fn.name}()\` result`, call, shift);
    return result ? this.withStep(result, call, shift, `returned from \`${fn.name}\``) : null;
  }

  // ---- statements ----

  private walk(node: Node, frame: Frame, shift: number): void {
    if (--this.budget < 0) throw new BudgetExceeded();
    // With parameter taint only, a statement that mentions nothing tainted can neither carry it
    // on nor leak it (skipping a reassignment only keeps taint alive longer).
    const type = node.type;
    // A token has no children to walk (asking the tree for none costs a call into it per leaf).
    if (LEAF_TYPES.has(type)) return;
    if (STATEMENT_TYPES.has(type) && this.setup.secretsPossible === false) {
      if (!this.mentionsTaintedName(node, frame.env, shift)) return;
    } else if (!UNWALKED_TYPES.has(type) && !this.mayMatter(node, frame.env, shift)) return;
    switch (type) {
      case 'function_item':
      case 'line_comment':
      case 'block_comment':
      case 'attribute_item':
      case 'string_literal':
      case 'raw_string_literal':
        return;
      case 'let_declaration': {
        const value = node.childForFieldName('value');
        if (value) this.walk(value, frame, shift);
        const pattern = node.childForFieldName('pattern');
        let taint = value ? this.evaluate(value, frame.env, shift) : null;
        const declared = typeMentions(node.childForFieldName('type'), this.secretTypes);
        if ((!taint || taintKind(taint) !== 'r') && declared && pattern) taint = this.typedSource(declared, `\`${bindingLabel(pattern)}\``, pattern, shift);
        if (!taint && value && pattern?.type === 'struct_pattern') taint = this.storedInSelf(value, shift);
        if (pattern) this.bind(pattern, taint, frame.env, shift);
        const alternative = node.childForFieldName('alternative');
        if (alternative) this.walk(alternative, frame, shift);
        return;
      }
      case 'assignment_expression':
      case 'compound_assignment_expr': {
        const right = node.childForFieldName('right');
        const left = node.childForFieldName('left');
        if (!right || !left) return;
        this.walk(right, frame, shift);
        const taint = this.evaluate(right, frame.env, shift);
        if (node.type === 'compound_assignment_expr' && !taint) return;
        this.assign(left, taint, frame.env, shift);
        return;
      }
      case 'let_condition': {
        const value = node.childForFieldName('value');
        const pattern = node.childForFieldName('pattern');
        if (value) this.walk(value, frame, shift);
        if (pattern) this.bind(pattern, value ? this.evaluate(value, frame.env, shift) : null, frame.env, shift);
        return;
      }
      case 'for_expression': {
        const value = node.childForFieldName('value');
        const pattern = node.childForFieldName('pattern');
        const body = node.childForFieldName('body');
        if (value) this.walk(value, frame, shift);
        if (pattern) this.bind(pattern, value ? this.evaluate(value, frame.env, shift) : null, frame.env, shift);
        if (body) this.walk(body, frame, shift);
        return;
      }
      case 'match_expression': {
        const value = node.childForFieldName('value');
        if (value) this.walk(value, frame, shift);
        const taint = value ? this.evaluate(value, frame.env, shift) : null;
        for (const arm of node.childForFieldName('body')?.namedChildren ?? []) {
          if (arm?.type !== 'match_arm') continue;
          const pattern = arm.childForFieldName('pattern');
          if (pattern) this.bind(pattern, taint, frame.env, shift);
          const guard = pattern?.childForFieldName('condition');
          if (guard) this.walk(guard, frame, shift);
          const armValue = arm.childForFieldName('value');
          if (armValue) this.walk(armValue, frame, shift);
        }
        return;
      }
      case 'return_expression': {
        const value = node.namedChild(0);
        if (value) {
          this.walk(value, frame, shift);
          frame.returns.push(this.evaluate(value, frame.env, shift));
        }
        return;
      }
      case 'macro_invocation':
        if (!this.checkSink(node, frame.env, shift)) this.walkMacroArguments(node, frame, shift);
        this.applyWriteMacro(node, frame.env, shift);
        return;
      case 'call_expression': {
        const isSink = this.checkSink(node, frame.env, shift) || this.checkSerializedWrite(node, frame.env, shift);
        this.applyMutation(node, frame.env, shift);
        // A call of a function of this file (or, in the second pass, of another file) may leak its
        // arguments inside: follow it even when its result is unused. In the leak pass, calls of
        // unknown functions are evaluated too, to note those that receive taint.
        if (this.localCallee(node) || (!isSink && this.mayCallOtherFile(node))) this.evaluate(node, frame.env, shift);
        break;
      }
      default:
        break;
    }
    for (const child of node.namedChildren) if (child) this.walk(child, frame, shift);
  }

  /**
   * Whether walking a node may change anything: its text spells a tainted name or a word through
   * which taint can arise (walkVocabulary). Anything else binds names to untainted values at most
   * (the same as leaving them unbound or as they were) and passes no taint to a sink or a call.
   * Decided from where the words occur in the file (found once), without asking the tree for the
   * node's children.
   */
  private mayMatter(node: Node, env: Env, shift: number): boolean {
    const start = node.startIndex + shift;
    const end = node.endIndex + shift;
    if (containsOffset(this.vocabularyOffsets(), start, end)) return true;
    if ((this.setup.functions.secretFields.size > 0 || this.hasStoredFields()) && containsOffset(this.wordOffsets('self'), start, end)) return true;
    for (const [name, taint] of env) if (taint && containsOffset(this.wordOffsets(name), start, end)) return true;
    return false;
  }

  private vocabularyAt: number[] | null = null;

  private vocabularyOffsets(): number[] {
    if (!this.vocabularyAt) {
      const macros = ENV_MACRO_WORDS.flatMap((name) => this.wordOffsets(name).filter((at) => beforeBang(this.setup.text, at + name.length)));
      const words = new WordSet(this.walkVocabulary).offsetsIn(this.setup.text);
      this.vocabularyAt = macros.length > 0 ? [...words, ...macros].sort((a, b) => a - b) : words;
    }
    return this.vocabularyAt;
  }

  /** Start offsets (ascending) of a name as a whole identifier in the file, per name once. */
  private readonly wordsAt = new Map<string, number[]>();

  private wordOffsets(name: string): number[] {
    let offsets = this.wordsAt.get(name);
    if (!offsets) {
      offsets = [];
      const { text } = this.setup;
      for (let at = text.indexOf(name); at >= 0 && name.length > 0; at = text.indexOf(name, at + 1)) {
        if ((at === 0 || !isIdentifierCode(text.charCodeAt(at - 1))) && !isIdentifierCode(text.charCodeAt(at + name.length))) offsets.push(at);
      }
      this.wordsAt.set(name, offsets);
    }
    return offsets;
  }

  private mentionsTaintedName(node: Node, env: Env, shift: number): boolean {
    const text = this.setup.text.slice(node.startIndex + shift, node.endIndex + shift);
    for (const [name, taint] of env) if (taint && text.includes(name)) return true;
    // `self.url` / `let T { url, .. } = self` in a method of a type a parameter was stored in.
    return this.storedParams.size > 0 && this.currentFunction?.hasSelf === true && text.includes('self');
  }

  private bind(pattern: Node, taint: Taint | null, env: Env, shift: number): void {
    for (const { node, path, okVariant } of patternBindings(pattern)) {
      let value = taint && okVariant && taint.errOnly ? null : taint;
      for (const field of path) value = value ? this.member(value, field, false) : null;
      env.set(node.text, value ? this.withStep(value, node, shift, `assigned to \`${node.text}\``) : null);
    }
  }

  /**
   * The taint of `value.name` (a field, or with `call` a method's result, for methods that are no
   * function of the project): per field when the value was built in view, per member for a
   * secret type, else the whole value's (a struct of unknown make: its fields may hold the text).
   */
  private member(value: Taint, name: string, call: boolean): Taint | null {
    if (value.fields) {
      const own = value.fields.get(name);
      if (own !== undefined) return own;
      return call && PASS_THROUGH_METHODS.has(name) ? value : null;
    }
    if (value.members) {
      if (value.members.expose.has(name)) return { ...value, members: undefined };
      if (!call || value.members.redact.has(name)) return null;
      return SHAPE_PRESERVING_METHODS.has(name) && !value.members.safe.has(name) ? value : null;
    }
    if (!call) return value;
    return PASS_THROUGH_METHODS.has(name) ? value : null;
  }

  private assign(left: Node, taint: Taint | null, env: Env, shift: number): void {
    if (left.type === 'identifier') {
      env.set(left.text, taint ? this.withStep(taint, left, shift, `assigned to \`${left.text}\``) : null);
      return;
    }
    if (left.type === 'field_expression') {
      const base = left.childForFieldName('value');
      const field = left.childForFieldName('field')?.text;
      if (base?.type !== 'identifier' || !field || !taint) return;
      const previous = env.get(base.text);
      if (base.text === 'self' && this.currentFunction?.qualified && taintKind(taint) !== 's') this.storeField(this.implType() ?? '', field, taint);
      const fields = new Map(previous?.fields ?? []);
      fields.set(field, taint);
      const stepped = this.withStep(taint, left, shift, `assigned to \`${base.text}.${field}\``);
      env.set(base.text, { ...(previous ?? stepped), fields });
    }
  }

  /** `s.push_str(&key)` taints `s`. */
  private applyMutation(call: Node, env: Env, shift: number): void {
    const fn = call.childForFieldName('function');
    if (fn?.type !== 'field_expression') return;
    const method = fn.childForFieldName('field')?.text;
    const receiver = fn.childForFieldName('value');
    if (!method || !MUTATORS.has(method) || receiver?.type !== 'identifier') return;
    const argsNode = call.childForFieldName('arguments');
    const args = argsNode ? callArguments(argsNode) : [];
    const taints = args.map((arg) => this.evaluate(arg, env, shift));
    let taint = firstTaint(taints);
    if (!taint) return;
    // `map.insert(k, v)`: iterating yields `(k, v)`, so keep the two apart.
    if (method === 'insert' && args.length === 2) taint = { ...taint, fields: new Map([['0', taints[0]], ['1', taints[1]]]) };
    const previous = env.get(receiver.text);
    if (previous?.fields && taint.fields) taint = { ...taint, fields: mergeFields(previous.fields, taint.fields) };
    else if (previous && !previous.fields && taint.fields) taint = { ...taint, fields: undefined };
    const appended = this.withStep(taint, receiver, shift, `appended to \`${receiver.text}\``);
    env.set(receiver.text, TEXT_MUTATORS.has(method) ? { ...appended, embedded: true } : appended);
  }

  /** `Self` inside an `impl Type` block. */
  private implType(): string | null {
    const fn = this.currentFunction;
    return fn?.qualified ? fn.qualified.slice(0, fn.qualified.length - fn.name.length - 2) : null;
  }

  /**
   * `let Type { url, body } = self;` in a method: the fields a secret was stored in (see
   * storeField) are read here, each on its own; the others are not tainted.
   */
  private storedInSelf(value: Node, shift: number): Taint | null {
    let target: Node | null = value;
    while (target && (target.type === 'unary_expression' || target.type === 'reference_expression' || target.type === 'parenthesized_expression')) target = target.namedChild(target.namedChildCount - 1);
    const type = target?.type === 'self' ? this.implType() : null;
    if (!target || !type || !this.hasStoredFields()) return null;
    const fields = new Map<string, Taint | null>();
    let first: Taint | null = null;
    for (const key of new Set([...this.storedFields.keys(), ...this.storedParams.keys()])) {
      if (!key.startsWith(`${type}.`)) continue;
      const field = key.slice(type.length + 1);
      const stored = this.storedAt(key);
      if (!stored) continue;
      const read = this.withStep(stored, target, shift, `read as \`self.${field}\``);
      fields.set(field, read);
      first ??= read;
    }
    return first ? { ...first, members: undefined, fields } : null;
  }

  /** A secret stored in a field (real taint), or a summarised function's parameter (see storedParams). */
  private storeField(type: string, field: string, taint: Taint): void {
    if (!type) return;
    const key = `${type}.${field}`;
    const stored = taintKind(taint) === 'r' ? this.storedFields : this.storedParams;
    if (stored.has(key)) return;
    this.storedVersion++;
    stored.set(key, taint);
    this.dirtyTypes.add(type);
    if (stored === this.storedParams) this.paramTypes.add(type);
  }

  /** What `self.field` holds in a method of the type: a stored secret first, else a stored parameter. */
  private storedAt(key: string): Taint | undefined {
    return this.storedFields.get(key) ?? this.storedParams.get(key);
  }

  private hasStoredFields(): boolean {
    return this.storedFields.size > 0 || this.storedParams.size > 0;
  }

  /** `write!(s, "{}", key)` taints `s`. */
  private applyWriteMacro(macro: Node, env: Env, shift: number): void {
    const name = lastSegment(macro.childForFieldName('macro') ?? macro);
    if (name !== 'write' && name !== 'writeln') return;
    const tree = macroTokenTree(macro);
    const groups = tree ? tokenGroups(tree) : [];
    const target = groups[0]?.filter((token) => token.type === 'identifier');
    if (!target || target.length !== 1) return;
    for (const group of groups.slice(1)) {
      const found = this.evaluateTokens(group, env, shift, true);
      if (found) {
        env.set(target[0].text, { ...this.withStep(found.taint, target[0], shift, `written to \`${target[0].text}\``), embedded: true });
        return;
      }
    }
  }

  // ---- sinks ----

  /** Sinks nested in the arguments of another macro (`vec![KeyValue::new("k", key)]`). */
  private walkMacroArguments(macro: Node, frame: Frame, shift: number): void {
    const name = lastSegment(macro.childForFieldName('macro') ?? macro);
    const tree = macroTokenTree(macro);
    if (!tree || name === 'json' || name === 'macro_rules') return;
    for (const group of tokenGroups(tree)) {
      const tokens = stripFieldPrefix(group);
      if (tokens.length === 0 || !this.mentionsInteresting(tokens, frame.env)) continue;
      const probe = this.probe(tokens[0].startIndex + shift, tokens[tokens.length - 1].endIndex + shift);
      if (probe.node) this.walk(probe.node, frame, probe.shift);
    }
  }

  /** Parameters an `#[instrument]` span records (instrumented-params.ts): a tainted one reaches telemetry at its declaration. */
  private checkSpanFields(fn: FunctionInfo, env: Env): void {
    for (const index of this.spanOf(fn).params) {
      const param = fn.params[index];
      const taint = param.name ? env.get(param.name) : null;
      if (!taint) continue;
      const found = { taint, start: param.node.startIndex, end: param.node.endIndex };
      this.record('no-secret-in-telemetry', SPAN_FIELD_LABEL, found, [{ file: this.setup.file, ...this.setup.lines.range(found.start, found.end), note: `reaches ${SPAN_FIELD_LABEL}` }]);
    }
  }

  /** The returned value of a function whose span records it (`#[instrument(ret)]`): reported at `ret`. */
  private checkSpanResult(fn: FunctionInfo, result: Taint): void {
    const ret = this.spanOf(fn).ret;
    if (!ret) return;
    const found = { taint: result, start: ret.startIndex, end: ret.endIndex };
    this.record('no-secret-in-telemetry', SPAN_RESULT_LABEL, found, [{ file: this.setup.file, ...this.setup.lines.range(found.start, found.end), note: `reaches ${SPAN_RESULT_LABEL}` }]);
  }

  private spanOf(fn: FunctionInfo): InstrumentSpan {
    let span = this.spans.get(fn);
    if (!span) this.spans.set(fn, (span = spanOf(fn, this.setup.imports)));
    return span;
  }

  /** Reports a leak when `node` is a sink with a tainted argument; true when `node` is a sink at all. */
  private checkSink(node: Node, env: Env, shift: number): boolean {
    const match = this.setup.sinks.match(node);
    if (!match) return false;
    if (match.entry.allowed) return true;
    if (this.writesCredentialStore(node, match.entry.destinationArg, match.kind)) return true;
    const isJson = match.entry.callee === 'json!';
    const formatLike = match.kind === 'macro' && FORMAT_MACROS.has(match.entry.callee.slice(0, -1));
    let leaked = false;
    const parameterTaints: ArgumentTaint[] | undefined = this.plans.size > 0 ? [] : undefined;
    for (const argument of match.arguments) {
      let found: ArgumentTaint | null;
      if (match.kind === 'macro') {
        found = isJson ? this.evaluateJson(argument.nodes, env, shift) : this.evaluateTokens(argument.nodes, env, shift, formatLike, parameterTaints);
      } else {
        const arg = argument.nodes[0];
        const taint = this.evaluate(arg, env, shift);
        found = taint ? { taint, start: arg.startIndex + shift, end: arg.endIndex + shift } : null;
      }
      // One leak per sink call; parameter taint of every argument goes into the summary.
      if (!found || (leaked && !found.taint.origin)) continue;
      if (match.entry.embeddedOnly && !found.taint.embedded) continue;
      if (found.taint.inUrl && match.entry.ruleId === 'no-secret-in-url') this.leaks.delete(found.taint.inUrl);
      this.record(match.entry.ruleId, match.entry.label, found, [{ file: this.setup.file, ...this.setup.lines.range(found.start, found.end), note: `reaches ${match.entry.label}` }]);
      if (taintKind(found.taint) === 'r') leaked = true;
    }
    for (const found of parameterTaints ?? []) {
      this.record(match.entry.ruleId, match.entry.label, found, [{ file: this.setup.file, ...this.setup.lines.range(found.start, found.end), note: `reaches ${match.entry.label}` }]);
    }
    return true;
  }

  /** A file write (`fs::write`) whose destination names the program's credential or config store (file-destination.ts). */
  private writesCredentialStore(call: Node, index: number | undefined, kind: string): boolean {
    if (index === undefined || kind === 'macro') return false;
    const argsNode = call.childForFieldName('arguments');
    const path = argsNode ? callArguments(argsNode)[index] : undefined;
    const fn = this.currentFunction;
    const params = new Set((fn?.params ?? []).map((param) => param.name).filter((name): name is string => !!name));
    return !!path && writesCredentialStore(path, { functionName: fn?.name ?? null, params });
  }

  /**
   * Serialized text written out by a writer's method (`file.write_all(json.as_bytes())`): the
   * serialization is stored there. Other text given to a writer may be a protocol's own bytes.
   */
  private checkSerializedWrite(call: Node, env: Env, shift: number): boolean {
    const fn = call.childForFieldName('function');
    const method = fn?.type === 'field_expression' ? fn.childForFieldName('field')?.text : undefined;
    if (!method || !WRITE_METHODS.has(method)) return false;
    const argsNode = call.childForFieldName('arguments');
    const arg = argsNode ? callArguments(argsNode)[0] : undefined;
    const taint = arg ? this.evaluate(arg, env, shift) : null;
    if (!arg || !taint?.serialized) return false;
    const label = `${taint.serialized} text written by ${method}()`;
    const found = { taint, start: arg.startIndex + shift, end: arg.endIndex + shift };
    this.record('no-secret-serialization', label, found, [{ file: this.setup.file, ...this.setup.lines.range(found.start, found.end), note: `reaches ${label}` }]);
    return true;
  }

  /**
   * Taint reached a sink (`tail`: the steps from the argument on). A leak in the leak pass; a
   * summary entry while summarising a parameter. Speculative taint is never reported.
   */
  private record(ruleId: string, sink: string, found: ArgumentTaint, tail: FlowStep[], sinkRange?: Range): void {
    const { taint } = found;
    if (taint.speculative) return;
    // `sinkRange`: a sink of another file's function (its summary's range there); else the argument here.
    const range = sinkRange ?? this.setup.lines.range(found.start, found.end);
    if (taint.origin) {
      if (this.setup.inTest(found.start)) return;
      const { fn, params } = taint.origin;
      const sinks = this.summaryRecord(fn).sinks;
      for (const param of params) {
        const key = `${param}:${ruleId}`;
        if (sinks.has(key)) continue;
        // Merged parameter taint carries the first parameter's steps: start from this one's.
        const flow = capFlow([this.parameterSeed(fn, param).flow[0], ...taint.flow.slice(1), ...tail]);
        sinks.set(key, { param, ruleId, sink, range, flow });
      }
      return;
    }
    const flow = capFlow([...taint.flow, ...tail]);
    // One leak per sink: a sink of another file reached from several calls keeps the shortest flow.
    const sinkFile = sinkRange ? flow[flow.length - 1]?.file ?? this.setup.file : null;
    const key = sinkRange ? `${ruleId}|${sinkFile}|${range.line}:${range.column}-${range.endLine}:${range.endColumn}` : `${ruleId}:${found.start}:${found.end}`;
    const existing = this.leaks.get(key);
    if (existing && (!sinkRange || existing.flow.length <= flow.length)) return;
    const leak: LeakFact = {
      kind: 'leak',
      ruleId,
      sink,
      secretId: taint.secretId,
      envName: taint.envName,
      source: taint.source,
      range,
      flow,
    };
    if (this.setup.inTest(found.start)) leak.inTest = true;
    this.leaks.set(key, leak);
  }

  // ---- calls of functions of other files ----

  /** Worth evaluating a call statement for: a second-pass summary, or (leak pass) noting it when it receives taint. */
  private mayCallOtherFile(call: Node): boolean {
    // Calls are noted only for secret taint; without summaries of other files nothing else is to gain.
    if (this.setup.secretsPossible === false && !this.setup.external) return false;
    const args = call.childForFieldName('arguments');
    return !!args && args.namedChildCount > 0;
  }

  private externalCallee(call: Node): ExternalCallee | null {
    const external = this.setup.external;
    return external && !external.isEmpty ? external.match(call) : null;
  }

  /** A call resolved to another file's summary: tainted arguments reach its sinks and, maybe, its result. */
  private callExternal(callee: ExternalCallee, args: Node[], call: Node, env: Env, shift: number): Taint | null {
    const { summary, written } = callee;
    let result: Taint | null = null;
    args.forEach((arg, index) => {
      const taint = this.evaluate(arg, env, shift);
      if (!taint) return;
      const sinks = summary.sinks.filter((sink) => sink.param === index);
      const returns = summary.returns.includes(index);
      if (sinks.length === 0 && !returns) return;
      const paramName = summary.params?.[index] ?? String(index);
      const passed = this.withStep(taint, arg, shift, `passed to '${written}' (param '${paramName}')`);
      const start = arg.startIndex + shift;
      const end = arg.endIndex + shift;
      // Located at the sink, in the other file (the flow's last step): the engine files it there, once per sink.
      for (const sink of sinks) this.record(sink.ruleId, sink.sink, { taint: passed, start, end }, sink.flow, sink.range);
      if (returns && !result) result = this.withStep(passed, call, shift, `returned from '${written}'`);
    });
    // A function of another file that hands out a secret of its own (`config::load()`, `cfg.api_key()`): a source, per field.
    if (summary.returnsSecret && (!result || taintKind(result) !== 'r')) {
      result = this.fromShape(summary.returnsSecret, this.step(call, shift, `returned from '${written}'`));
    }
    return result;
  }

  /** Leak pass: notes a call of an unknown function with a tainted argument; its result is speculative. */
  private noteUnresolved(written: string, args: Node[], env: Env, shift: number, call: Node): Taint | null {
    const taint = firstTaint(args.map((arg) => this.evaluate(arg, env, shift)));
    if (!taint || taint.origin || this.setup.sinks.match(call)) return null;
    this.unresolved.add(written);
    return { ...this.withStep(taint, call, shift, `passed to \`${written}\``), speculative: true };
  }

  // ---- expressions ----

  /**
   * The taint of an expression. Memoised per environment while none of its bindings (nor a stored
   * field) changes; its value depends on nothing else. A statement
   * walk evaluates each call it passes, and a chain `a.b().c().d()` nests each call in the next,
   * so without it a chain of n calls costs n² evaluations.
   */
  private evaluate(node: Node, env: Env, shift: number): Taint | null {
    // A node's type is a call into the tree: asked once here and handed on.
    const type = node.type;
    if (type === 'identifier') return env.get(node.text) ?? null;
    let memo = this.memos.get(env);
    if (!memo) this.memos.set(env, (memo = new Map()));
    const key = `${node.id}:${shift}`;
    const known = memo.get(key);
    if (known && known.version === env.version && known.stored === this.storedVersion) return known.taint;
    const taint = this.evaluateNode(node, type, env, shift);
    memo.set(key, { version: env.version, stored: this.storedVersion, taint });
    return taint;
  }

  private evaluateNode(node: Node, type: string, env: Env, shift: number): Taint | null {
    if (--this.budget < 0) throw new BudgetExceeded();
    switch (type) {
      case 'identifier':
        return env.get(node.text) ?? null;
      case 'try_expression': {
        // `f()?` is the `Ok` value: an error message built from a secret stays in the `Err`.
        const inner = node.namedChild(0);
        const taint = inner ? this.evaluate(inner, env, shift) : null;
        return taint?.errOnly ? null : taint;
      }
      case 'parenthesized_expression':
      case 'await_expression':
      case 'reference_expression':
      case 'type_cast_expression': {
        const inner = node.childForFieldName('value') ?? node.namedChild(0);
        return inner ? this.evaluate(inner, env, shift) : null;
      }
      case 'unary_expression': {
        const operator = node.child(0)?.type;
        const inner = node.namedChild(0);
        return operator === '*' && inner ? this.evaluate(inner, env, shift) : null;
      }
      case 'binary_expression': {
        const operator = node.childForFieldName('operator')?.type ?? '';
        if (NON_PROPAGATING_OPERATORS.has(operator)) return null;
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        const leftTaint = left ? this.evaluate(left, env, shift) : null;
        const joined = leftTaint && taintKind(leftTaint) === 'r' ? leftTaint : firstTaint([leftTaint, right ? this.evaluate(right, env, shift) : null]);
        return joined && operator === '+' ? { ...joined, embedded: true } : joined;
      }
      case 'field_expression':
        return this.evaluateField(node, env, shift);
      case 'call_expression':
        return this.evaluateCall(node, env, shift);
      case 'macro_invocation':
        return this.evaluateMacro(node, env, shift);
      case 'struct_expression':
        return this.evaluateStruct(node, env, shift);
      case 'tuple_expression': {
        const elements = node.namedChildren.filter((child): child is Node => !!child && child.type !== 'line_comment' && child.type !== 'block_comment');
        const taints = elements.map((child) => this.evaluate(child, env, shift));
        const first = firstTaint(taints);
        return first ? { ...first, members: undefined, fields: new Map(taints.map((taint, index) => [String(index), taint])) } : null;
      }
      case 'array_expression':
        return firstTaint(node.namedChildren.map((child) => (child ? this.evaluate(child, env, shift) : null)));
      case 'closure_expression':
        return null;
      case 'index_expression': {
        const base = node.namedChild(0);
        const index = node.namedChild(1);
        if (index && namesNonSecretRole(index)) return null;
        return base ? this.evaluate(base, env, shift) : null;
      }
      case 'block':
      case 'unsafe_block':
      case 'async_block': {
        const block = type === 'block' ? node : node.namedChildren.find((child) => child?.type === 'block');
        const tail = block ? tailExpression(block) : null;
        return tail ? this.evaluate(tail, env, shift) : null;
      }
      case 'if_expression': {
        const consequence = node.childForFieldName('consequence');
        const alternative = node.childForFieldName('alternative')?.namedChild(0);
        const first = consequence ? this.evaluate(consequence, env, shift) : null;
        return first && taintKind(first) === 'r' ? first : firstTaint([first, alternative ? this.evaluate(alternative, env, shift) : null]);
      }
      case 'match_expression': {
        const arms = node.childForFieldName('body')?.namedChildren ?? [];
        return firstTaint(arms.map((arm) => {
          const value = arm?.type === 'match_arm' ? arm.childForFieldName('value') : null;
          return value ? this.evaluate(value, env, shift) : null;
        }));
      }
      default:
        return null;
    }
  }

  private evaluateField(node: Node, env: Env, shift: number): Taint | null {
    const base = node.childForFieldName('value');
    const field = node.childForFieldName('field')?.text ?? '';
    const baseTaint = base ? this.evaluate(base, env, shift) : null;
    const secretField = this.setup.functions.secretFields.get(field);
    const own = baseTaint ? this.member(baseTaint, field, false) : null;
    if (own && (taintKind(own) === 'r' || !secretField)) return own;
    // `self.token` in a method of a type whose literal received a secret in that field.
    if (base?.type === 'self' && !baseTaint) {
      const stored = this.storedAt(`${this.implType() ?? ''}.${field}`);
      if (stored) return this.withStep(stored, node, shift, `read as \`self.${field}\``);
    }
    // A secret-typed field is a secret whatever parameter taint its base carries.
    return secretField ? this.typedSource(secretField.typeName, `field \`${secretField.owner}.${secretField.field}\``, node, shift) : own;
  }

  private evaluateStruct(node: Node, env: Env, shift: number): Taint | null {
    const fields = new Map<string, Taint | null>();
    let first: Taint | null = null;
    for (const initializer of node.childForFieldName('body')?.namedChildren ?? []) {
      if (!initializer) continue;
      let name: string | undefined;
      let taint: Taint | null = null;
      if (initializer.type === 'field_initializer') {
        name = initializer.childForFieldName('field')?.text;
        const value = initializer.childForFieldName('value');
        taint = value ? this.evaluate(value, env, shift) : null;
      } else if (initializer.type === 'shorthand_field_initializer') {
        const identifier = initializer.namedChildren.find((child) => child?.type === 'identifier');
        name = identifier?.text;
        taint = identifier ? this.evaluate(identifier, env, shift) : null;
      } else if (initializer.type === 'base_field_initializer') {
        const base = initializer.namedChild(0);
        taint = base ? this.evaluate(base, env, shift) : null;
        for (const [key, value] of taint?.fields ?? []) if (!fields.has(key)) fields.set(key, value);
        first = firstTaint([first, taint]);
        continue;
      }
      if (name) fields.set(name, taint);
      first = firstTaint([first, taint]);
    }
    if (first) {
      const written = node.childForFieldName('name');
      const type = written ? (written.text === 'Self' ? this.implType() : lastSegment(written)) : null;
      for (const [name, taint] of fields) if (type && taint && taintKind(taint) !== 's') this.storeField(type, name, taint);
    }
    return first ? { ...first, members: undefined, fields } : null;
  }

  private evaluateCall(node: Node, env: Env, shift: number): Taint | null {
    const fn = node.childForFieldName('function');
    const argsNode = node.childForFieldName('arguments');
    if (!fn) return null;
    const args = argsNode ? callArguments(argsNode) : [];
    if (fn.type === 'field_expression') {
      const method = fn.childForFieldName('field')?.text ?? '';
      const receiver = fn.childForFieldName('value');
      // `cfg.resolve_bearer_token()`: a resolver called as a method.
      if (this.resolverFunctions.has(method)) return this.resolverSource(node, [method], args, env, shift);
      const declared = this.declaredPaths(memberChain(fn));
      if (declared.length > 0) return this.declaredPathSource(node, method, declared, shift);
      if (this.sanitizers.has(method) || SAFE_METHODS.has(method)) return null;
      if (this.setup.sinks.match(node)?.entry.allowed) return null;
      const local = this.localCallee(node);
      if (local) return this.callLocal(local, args, node, env, shift, true);
      const external = this.externalCallee(node);
      if (external) return this.callExternal(external, args, node, env, shift);
      const unresolved = args.length > 0 && !MUTATORS.has(method) ? this.noteUnresolved(method, args, env, shift, node) : null;
      const receiverTaint = receiver ? this.evaluate(receiver, env, shift) : null;
      return this.methodResult(method, receiverTaint, args, env, shift) ?? unresolved;
    }
    const segments = pathSegments(fn);
    if (segments.length === 0) return null;
    const last = segments[segments.length - 1];
    if (this.resolverFunctions.has(last)) return this.resolverSource(node, segments, args, env, shift);
    const declared = this.declaredPaths(segments);
    if (declared.length > 0) return this.declaredPathSource(node, segments.join('::'), declared, shift);
    const parsed = segments.length === 2 && CLAP_PARSE_FUNCTIONS.has(last) ? this.setup.clapSecretFields?.get(segments[0]!) : undefined;
    if (parsed) return this.clapParsed(node, segments[0]!, parsed, shift);
    if (last === 'Err' && segments.length === 1) {
      const taint = firstTaint(args.map((arg) => this.evaluate(arg, env, shift)));
      return taint ? { ...taint, errOnly: true } : null;
    }
    const read = envReadOfCall(node, this.readContext());
    if (read) return this.envSource(read.api, read.name, node, shift);
    if (this.sanitizers.has(last)) return null;
    const serializer = textSerializerOf(fn, this.setup.imports);
    if (serializer) {
      const taint = firstTaint(args.map((arg) => this.evaluate(arg, env, shift)));
      return taint ? this.serializedBy(taint, serializer, node, shift) : null;
    }
    const local = this.localCallee(node);
    if (local) return this.callLocal(local, args, node, env, shift, false);
    const external = this.externalCallee(node);
    if (external) return this.callExternal(external, args, node, env, shift);
    const secretType = segments.find((segment) => this.secretTypes.has(segment));
    if (PROPAGATING_CALLS.has(last) || isUpperCase(last) || secretType) {
      const taint = firstTaint(args.map((arg) => this.evaluate(arg, env, shift)));
      // `RequestData::new(url_with_key, ..)` of a type another file of the crate may define: its
      // summary (second pass) says which of its methods reach a sink from the field it is stored in.
      if (taint && taintKind(taint) === 'r' && last === 'new' && this.mayBeCrateType(segments)) this.noteUnresolved(segments.join('::'), args, env, shift, node);
      if (taint && (taintKind(taint) === 'r' || !secretType)) return taint;
      return secretType ? this.typedSource(secretType, `\`${segments.slice(-2).join('::')}(..)\``, node, shift) : null;
    }
    return args.length > 0 ? this.noteUnresolved(segments.join('::'), args, env, shift, node) : null;
  }

  /** `Type::new`: a type this file does not import from another crate, nor one of the standard library's. */
  private mayBeCrateType(segments: string[]): boolean {
    if (segments.length !== 2 || !isTypeName(segments[0]) || LIBRARY_TYPES.has(segments[0])) return false;
    const imported = this.setup.imports.aliases.get(segments[0]);
    return !imported || imported.length < 2 || CRATE_PATH_ROOTS.has(imported[0]);
  }

  /** The result of `receiver.method(args)` for a method that is no function of the project. */
  private methodResult(method: string, receiver: Taint | null, args: Node[], env: Env, shift: number): Taint | null {
    if (receiver?.errOnly && OK_VALUE_METHODS.has(method)) return null;
    if (receiver && CLOSURE_METHODS.has(method)) {
      const last = args[args.length - 1];
      const content = this.member(receiver, 'unwrap', true);
      const applied = last && content ? this.applyFunction(last, content, env, shift) : null;
      // `map_or(default, f)` / `map_or_else(default_fn, f)`: the default may be tainted too.
      const defaults = args.slice(0, -1).map((arg) => this.evaluate(arg, env, shift));
      return firstTaint([applied, ...defaults]);
    }
    if (RECEIVER_OR_CLOSURE_METHODS.has(method)) {
      const last = args[args.length - 1];
      const closure = last?.type === 'closure_expression' ? this.closureResult(last, null, env, shift) : null;
      const kept = receiver ? this.member(receiver, 'unwrap', true) : null;
      return firstTaint([kept, method === 'filter' || method === 'inspect' || method === 'find' ? null : closure]);
    }
    if (!receiver) {
      // `a.unwrap_or(b)`, `a.or(b)`, `a.chain(b)`: the argument may be the text.
      return method === 'unwrap_or' || method === 'or' || method === 'chain' || method === 'get_or_insert' ? firstTaint(args.map((arg) => this.evaluate(arg, env, shift))) : null;
    }
    if (KEYED_LOOKUPS.has(method) && args[0] && namesNonSecretRole(args[0])) return null;
    // `url.replace(&password, "***")`: the literal replacement hides what it replaces (mask-text.ts).
    if ((method === 'replace' || method === 'replacen') && isMaskingLiteral(args[1])) return null;
    const kept = this.member(receiver, method, true);
    if (kept && (method === 'unwrap_or' || method === 'or')) return firstTaint([kept, ...args.map((arg) => this.evaluate(arg, env, shift))]);
    return kept;
  }

  /** `f` applied to a value: a closure, or a function path (`String::from`, `hex::encode`, `redact`). */
  private applyFunction(fn: Node, value: Taint, env: Env, shift: number): Taint | null {
    if (fn.type === 'closure_expression') return this.closureResult(fn, value, env, shift);
    const segments = pathSegments(fn);
    const last = segments[segments.length - 1];
    if (!last) return null;
    if (this.sanitizers.has(last) || SAFE_METHODS.has(last)) return null;
    if (value.members && segments.length > 1) return this.member(value, last, true);
    // Conversions and wrappers keep the text; functions we cannot see may not (no guess).
    return PASS_THROUGH_METHODS.has(last) || PROPAGATING_CALLS.has(last) || isUpperCase(last) ? value : null;
  }

  /** What a closure returns when its first parameter holds `value`; its body's sinks see that too. */
  private closureResult(closure: Node, value: Taint | null, env: Env, shift: number): Taint | null {
    const body = closure.childForFieldName('body');
    if (!body) return null;
    const inner: Env = new TaintEnv(env);
    const ids = this.idBindings.get(env);
    if (ids) this.idBindings.set(inner, ids);
    const first = closure.childForFieldName('parameters')?.namedChildren.find((child) => !!child && child.type !== 'line_comment');
    const pattern = first?.type === 'closure_parameter' || first?.type === 'parameter' ? first.childForFieldName('pattern') ?? first.namedChild(0) : first;
    if (pattern) this.bind(pattern, value, inner, shift);
    const frame: Frame = { env: inner, returns: [] };
    this.walk(body, frame, shift);
    const tail = body.type === 'block' ? tailExpression(body) : body;
    return firstTaint([tail ? this.evaluate(tail, inner, shift) : null, ...frame.returns]);
  }

  private evaluateMacro(node: Node, env: Env, shift: number): Taint | null {
    const name = lastSegment(node.childForFieldName('macro') ?? node) ?? '';
    if (name === 'env' || name === 'option_env' || name === 'dotenv') {
      const read = envReadOfMacro(node, this.readContext());
      return read ? this.envSource(read.api, read.name, node, shift) : null;
    }
    if (!PROPAGATING_MACROS.has(name)) return null;
    if (name === 'json') {
      const value = this.evaluateMacroArguments(node, name, env, shift);
      return value ? this.serializedBy(value, JSON_MACRO_LABEL, node, shift) : null;
    }
    const value = this.evaluateMacroArguments(node, name, env, shift);
    const inUrl = value && (name === 'format' || name === 'format_args') ? this.checkQueryFormat(node, env, shift) : null;
    return value && TEXT_BUILDING_MACROS.has(name) ? { ...value, embedded: true, ...(inUrl ? { inUrl } : {}) } : value;
  }

  /** `format!("{}/embed?key={}", base, key)`: a secret put after `?name=` / `&name=` is in a URL (no-secret-in-url). */
  private checkQueryFormat(node: Node, env: Env, shift: number): string | null {
    const sink = this.setup.sinks.urlQuerySink;
    const tree = macroTokenTree(node);
    const groups = sink && tree ? tokenGroups(tree) : [];
    const literal = groups[0]?.length === 1 && isStringLiteral(groups[0][0]) ? groups[0][0] : null;
    if (!sink || !literal) return null;
    const positional: Node[][] = [];
    const named = new Map<string, Node[]>();
    for (const group of groups.slice(1)) {
      if (group.length > 2 && group[0].type === 'identifier' && group[1].type === '=') named.set(group[0].text, group.slice(2));
      else positional.push(group);
    }
    // A placeholder whose argument is a local bound to "?" or "&" writes the query's separator.
    const fn = this.currentFunction?.node ?? null;
    const isSeparator = (argument: number | string): boolean => {
      const tokens = typeof argument === 'number' ? positional[argument] : named.get(argument);
      const local = tokens ? (tokens.length === 1 && tokens[0].type === 'identifier' ? tokens[0].text : null) : typeof argument === 'string' ? argument : null;
      const value = fn && local ? localLetValue(fn, local, literal.startIndex) : null;
      return value !== null && isQuerySeparatorValue(value);
    };
    const placeholders = queryValuePlaceholders(this.setup.text.slice(literal.startIndex + shift, literal.endIndex + shift), literal.startIndex + shift, isSeparator);
    if (placeholders.length === 0) return null;
    let reported: string | null = null;
    for (const placeholder of placeholders) {
      const { argument } = placeholder;
      const tokens = typeof argument === 'number' ? positional[argument] : named.get(argument);
      let found: ArgumentTaint | null = null;
      if (tokens) found = this.evaluateTokens(tokens, env, shift, false);
      else if (typeof argument === 'string') {
        const taint = env.get(argument);
        found = taint ? { taint, start: placeholder.start, end: placeholder.end } : null;
      }
      if (!found || found.taint.errOnly || found.taint.speculative) continue;
      this.record(sink.ruleId, sink.label, found, [{ file: this.setup.file, ...this.setup.lines.range(found.start, found.end), note: `reaches ${sink.label}` }]);
      reported ??= `${sink.ruleId}:${found.start}:${found.end}`;
    }
    return reported;
  }

  /** Text serialized from a value: a secret anywhere in the value is in the text (its fields and members are gone). */
  private serializedBy(taint: Taint, serializer: string, node: Node, shift: number): Taint {
    return { ...this.withStep(taint, node, shift, `serialized by ${serializer}`), fields: undefined, members: undefined, serialized: serializer };
  }

  private evaluateMacroArguments(node: Node, name: string, env: Env, shift: number): Taint | null {
    const tree = macroTokenTree(node);
    if (!tree) return null;
    const found: ArgumentTaint[] = [];
    for (const group of tokenGroups(tree)) {
      const taint = name === 'json' ? this.evaluateJson(group, env, shift) : this.evaluateTokens(group, env, shift, FORMAT_MACROS.has(name));
      if (taint && taintKind(taint.taint) === 'r') return taint.taint;
      if (taint) found.push(taint);
    }
    return firstArgument(found)?.taint ?? null;
  }

  /** One macro argument given as tokens: `key`, `"{key}"`, `field = %key`, `key.expose_secret()`. */
  /** `parameterTaints` collects every format capture with parameter taint (a secret one wins the result). */
  private evaluateTokens(group: Node[], env: Env, shift: number, formatLike: boolean, parameterTaints?: ArgumentTaint[]): ArgumentTaint | null {
    const tokens = stripFieldPrefix(group);
    if (tokens.length === 0) return null;
    if (tokens.length === 1 && isStringLiteral(tokens[0])) {
      if (!formatLike) return null;
      const literal = tokens[0];
      const found: ArgumentTaint[] = [];
      let secret: ArgumentTaint | null = null;
      for (const capture of formatCaptures(this.setup.text.slice(literal.startIndex + shift, literal.endIndex + shift), literal.startIndex + shift)) {
        const taint = env.get(capture.name);
        if (!taint) continue;
        const argument = { taint, start: capture.start, end: capture.end };
        if (taint.origin) parameterTaints?.push(argument);
        if (taintKind(taint) !== 'r') found.push(argument);
        else if (!parameterTaints) return argument;
        else secret ??= argument;
      }
      return secret ?? firstArgument(found);
    }
    const start = tokens[0].startIndex + shift;
    const end = tokens[tokens.length - 1].endIndex + shift;
    if (!this.mentionsInteresting(tokens, env)) return null;
    if (tokens.length === 1 && tokens[0].type === 'identifier') {
      const taint = env.get(tokens[0].text);
      return taint ? { taint, start, end } : null;
    }
    const probe = this.probe(start, end);
    if (!probe.node) return null;
    const taint = this.evaluate(probe.node, env, probe.shift);
    return taint ? { taint, start, end } : null;
  }

  /** `json!({"key": value, "list": [a, b]})`: the values are the arguments. */
  private evaluateJson(group: Node[], env: Env, shift: number): ArgumentTaint | null {
    if (group.length === 1 && group[0].type === 'token_tree') {
      const opener = group[0].child(0)?.type;
      if (opener === '{' || opener === '[') {
        const found: ArgumentTaint[] = [];
        for (const member of tokenGroups(group[0])) {
          const colon = member.findIndex((token) => token.type === ':');
          const taint = this.evaluateJson(colon >= 0 ? member.slice(colon + 1) : member, env, shift);
          if (taint && taintKind(taint.taint) === 'r') return taint;
          if (taint) found.push(taint);
        }
        return firstArgument(found);
      }
    }
    return this.evaluateTokens(group, env, shift, false);
  }

  private mentionsInteresting(tokens: Node[], env: Env): boolean {
    for (const token of tokens) {
      if (token.type === 'self') return this.setup.functions.secretFields.size > 0 || this.hasStoredFields();
      for (const identifier of tokenIdentifiers(token)) {
        const name = identifier.text;
        if (env.get(name) || this.staticInteresting.has(name)) return true;
      }
    }
    return false;
  }

  /** Parses `text[start, end)` on its own as an expression; node offsets + shift = file offsets. */
  private probe(start: number, end: number): { node: Node | null; shift: number } {
    const key = `${start}:${end}`;
    const cached = this.probes.get(key);
    if (cached) return cached;
    const shift = start - PROBE_PREFIX.length;
    let node: Node | null = null;
    const tree = this.setup.parser.parse(PROBE_PREFIX + this.setup.text.slice(start, end) + PROBE_SUFFIX);
    if (tree) {
      this.probeTrees.push(tree);
      const fn = tree.rootNode.namedChild(0);
      const statement = fn?.childForFieldName('body')?.namedChild(0);
      const value = statement?.type === 'let_declaration' ? statement.childForFieldName('value') : null;
      node = value?.type === 'parenthesized_expression' ? value.namedChild(0) : value ?? null;
    }
    const result = { node, shift };
    this.probes.set(key, result);
    return result;
  }

  // ---- sources ----

  private resolverSource(call: Node, segments: string[], args: Node[], env: Env, shift: number): Taint | null {
    const { envById, idsByName } = this.setup.options;
    const arg = args[0];
    let id: string | null = null;
    let argLabel = '..';
    if (arg) {
      const known = this.idArgument(arg, env);
      if (known) {
        // An id the registry does not know is registry drift (another rule), not a leak at every use.
        if (!known.id) return null;
        id = known.id;
        argLabel = arg.type === 'identifier' ? `${arg.text} = ${known.id}` : pathSegments(arg).join('::') || known.id;
      } else {
        const resolved = resolveConstString(arg, this.readContext().constScope);
        const value = resolved?.value;
        if (value && typeof envById[value] === 'string') id = value;
        else if (value && typeof idsByName[value] === 'string') id = idsByName[value];
        else if (value) return null;
        if (id && value) argLabel = JSON.stringify(value);
      }
    }
    if (id && !this.secretIds.has(id)) return null; // a managed config value, not a secret
    const description = `${segments.join('::')}(${argLabel})`;
    const taint: Taint = {
      secretId: id,
      envName: id ? (envById[id] ?? null) : null,
      source: description,
      flow: [this.step(call, shift, `source: ${description}`)],
    };
    if (this.resolverMembers) taint.members = this.resolverMembers;
    return taint;
  }

  /** `Args::parse()`: the struct, with each field clap fills from a secret's env name holding that secret. */
  private clapParsed(call: Node, type: string, secretFields: ReadonlyMap<string, { secretId: string; envName: string }>, shift: number): Taint | null {
    const fields = new Map<string, Taint | null>();
    for (const [field, { secretId, envName }] of secretFields) {
      const description = `${type}.${field} (clap env ${envName})`;
      fields.set(field, { secretId, envName, source: description, flow: [this.step(call, shift, `source: ${description}`)] });
    }
    return holderOf(fields);
  }

  /** The secret paths config `leak.sources` declares under the result of a call spelled `segments`. */
  private declaredPaths(segments: string[]): string[][] {
    const specs = this.sourcePaths.get(segments[segments.length - 1] ?? '');
    if (!specs) return [];
    const endsWith = (names: string[]): boolean => names.length <= segments.length && names.every((n, i) => segments[segments.length - names.length + i] === n);
    return specs.filter((spec) => endsWith(spec.callee)).map((spec) => spec.path);
  }

  /**
   * A call named in config `leak.sources` with paths (`{ call: load, path: db.dsn }`): its result
   * is secret only at those paths (`cfg.db.dsn`); `cfg.port` is not, the whole value contains it.
   */
  private declaredPathSource(call: Node, callee: string, paths: string[][], shift: number): Taint | null {
    const build = (group: string[][], depth: number): Taint | null => {
      const byKey = new Map<string, string[][]>();
      for (const path of group) byKey.set(path[depth]!, [...(byKey.get(path[depth]!) ?? []), path]);
      const fields = new Map<string, Taint | null>();
      for (const [key, under] of byKey) {
        const leaf = under.find((path) => path.length === depth + 1);
        const description = leaf ? `${callee}().${leaf.join('.')}` : '';
        fields.set(key, leaf ? { secretId: null, envName: null, source: description, flow: [this.step(call, shift, `source: ${description}`)] } : build(under, depth + 1));
      }
      return holderOf(fields);
    };
    return build(paths, 0);
  }

  /**
   * A secret id written as an argument: `SecretId::X` (known when the registry has id `X`; a
   * variant of an `…Id` enum it lacks is an unknown id), or a parameter bound to one by the caller.
   */
  private idArgument(arg: Node, env: Env): IdArgument | null {
    let node = arg;
    while ((node.type === 'reference_expression' || node.type === 'unary_expression' || node.type === 'parenthesized_expression') && node.namedChild(0)) node = node.childForFieldName('value') ?? node.namedChild(0)!;
    if (node.type === 'identifier') return this.idBindings.get(env)?.get(node.text) ?? null;
    if (node.type !== 'scoped_identifier') return null;
    const path = pathSegments(node);
    const tail = path[path.length - 1];
    const owner = path[path.length - 2];
    if (!tail || !owner) return null;
    if (typeof this.setup.options.envById[tail] === 'string') return { id: tail };
    return isUpperCase(tail) && isUpperCase(owner) && (owner.endsWith('Id') || owner.endsWith('ID')) ? { id: null } : null;
  }

  private envSource(api: string, name: string | null, node: Node, shift: number): Taint | null {
    const id = name ? this.setup.options.secretNames[name] : undefined;
    if (!name || !id) return null;
    const description = `${api}(${JSON.stringify(name)})`;
    return { secretId: id, envName: name, source: description, flow: [this.step(node, shift, `source: ${description}`)] };
  }

  private typedSource(typeName: string, what: string, node: Node, shift: number): Taint {
    const description = `${what} of type ${typeName}`;
    return { secretId: null, envName: null, source: description, flow: [this.step(node, shift, `source: ${description}`)], members: this.typeMembers.get(typeName) };
  }

  /** A secret handed over by another file's function (`returned`: the call's step, on the value and on each field). */
  private fromShape(shape: SecretShape, returned: FlowStep): Taint {
    const taint: Taint = { secretId: shape.secretId, envName: shape.envName, source: shape.source, flow: capFlow([...shape.flow, returned]) };
    if (shape.fields) taint.fields = new Map(shape.fields.map(([name, field]) => [name, this.fromShape(field, returned)]));
    if (shape.opaque === 'secret-type') taint.members = (shape.secretType ? this.typeMembers.get(shape.secretType) : undefined) ?? this.resolverMembers;
    return taint;
  }

  // ---- flow steps ----

  private step(node: Node, shift: number, note: string): FlowStep {
    return { file: this.setup.file, ...this.setup.lines.range(node.startIndex + shift, node.endIndex + shift), note };
  }

  private withStep(taint: Taint, node: Node, shift: number, note: string): Taint {
    return { ...taint, flow: capFlow([...taint.flow, this.step(node, shift, note)]) };
  }
}

/** A secret as plain data: only the fields (tuple elements) that hold it, when the value was built in view. */
function toShape(taint: Taint): SecretShape {
  const shape: SecretShape = { secretId: taint.secretId, envName: taint.envName, source: taint.source, flow: taint.flow };
  if (taint.fields) {
    const fields: Array<[string, SecretShape]> = [];
    for (const [name, field] of taint.fields) if (field && taintKind(field) === 'r') fields.push([name, toShape(field)]);
    shape.fields = fields;
  }
  if (taint.members) {
    shape.opaque = 'secret-type';
    shape.secretType = taint.members.name;
  }
  return shape;
}

/** `settings.load` -> ['settings', 'load'], `self.cfg.load` -> ['self', 'cfg', 'load']; a receiver that is no plain name chain leaves the method alone. */
function memberChain(fn: Node): string[] {
  const chain: string[] = [];
  let node: Node | null = fn;
  while (node?.type === 'field_expression') {
    chain.unshift(node.childForFieldName('field')?.text ?? '');
    node = node.childForFieldName('value');
  }
  if (node?.type === 'identifier' || node?.type === 'self') chain.unshift(node.text);
  else if (node?.type === 'scoped_identifier') chain.unshift(...pathSegments(node));
  return chain;
}

/** A value whose fields hold these secrets (a parsed clap struct, a declared config path): tainted as its first, per field otherwise. */
function holderOf(fields: Map<string, Taint | null>): Taint | null {
  const first = [...fields.values()].find((taint): taint is Taint => taint !== null);
  return first ? { ...first, members: undefined, fields } : null;
}

/** Keeps the source step and the last steps. */
function capFlow(flow: FlowStep[]): FlowStep[] {
  if (flow.length > MAX_FLOW_STEPS) flow.splice(1, flow.length - MAX_FLOW_STEPS);
  return flow;
}

/** `r`: a secret (reportable), `p`: parameter taint of a function being summarised, `s`: speculative. */
function taintKind(taint: Taint): 'r' | 'p' | 's' {
  return taint.speculative ? 's' : taint.origin ? 'p' : 'r';
}

const KIND_RANK = { r: 0, p: 1, s: 2 } as const;

/**
 * The taint of a value built from several: the first secret taint, else parameter taint (with
 * the parameters of all the parts, for summaries), else speculative taint.
 */
/** The next character after blanks at `at` is a macro's `!` (or a `/` that may start a comment before it). */
function beforeBang(text: string, at: number): boolean {
  let i = at;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  return text[i] === '!' || text[i] === '/';
}

function isIdentifierCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

function firstTaint(values: Array<Taint | null | undefined>): Taint | null {
  let best: Taint | null = null;
  for (const value of values) {
    if (!value) continue;
    if (!best || rank(value) < rank(best)) best = value;
    else if (best.origin && value.origin && !value.speculative && !best.speculative && value.origin.fn === best.origin.fn) best = withOrigins(best, value.origin.params);
    if (taintKind(best) === 'r' && !best.errOnly) return best;
  }
  return best;
}

/** Secret before parameter before speculative taint; a value's own taint before an `Err`'s. */
function rank(taint: Taint): number {
  return KIND_RANK[taintKind(taint)] * 2 + (taint.errOnly ? 1 : 0);
}

/** Union of several types' members (a resolver's result may be any declared type). */
function unionMembers(types: SecretTypeMembers[]): SecretTypeMembers | undefined {
  if (types.length === 0) return undefined;
  if (types.length === 1) return types[0];
  const union = (pick: (t: SecretTypeMembers) => ReadonlySet<string>) => new Set(types.flatMap((t) => [...pick(t)]));
  return { name: types.map((t) => t.name).join(' | '), expose: union((t) => t.expose), redact: union((t) => t.redact), safe: union((t) => t.safe) };
}

/** Field taint of a value built in two steps (`v.push(a); v.push(b)`): a field tainted in either stays tainted. */
function mergeFields(a: Map<string, Taint | null>, b: Map<string, Taint | null>): Map<string, Taint | null> {
  const merged = new Map(a);
  for (const [key, value] of b) merged.set(key, firstTaint([merged.get(key), value]));
  return merged;
}

function withOrigins(taint: Taint, params: number[]): Taint {
  const origin = taint.origin!;
  const added = params.filter((param) => !origin.params.includes(param));
  return added.length === 0 ? taint : { ...taint, origin: { fn: origin.fn, params: [...origin.params, ...added] } };
}

/** Like firstTaint, for tainted macro arguments: keeps the position of the one chosen. */
function firstArgument(found: ArgumentTaint[]): ArgumentTaint | null {
  const taint = firstTaint(found.map((item) => item.taint));
  if (!taint) return null;
  const chosen = found.find((item) => taintKind(item.taint) === taintKind(taint)) ?? found[0];
  return { ...chosen, taint };
}

/** Standard-library and common wrapper types whose `new` keeps its argument (never another file's function). */
const LIBRARY_TYPES = new Set([
  'String', 'Vec', 'Box', 'Arc', 'Rc', 'Cell', 'RefCell', 'Mutex', 'RwLock', 'OnceCell', 'OnceLock', 'Cow', 'PathBuf', 'OsString', 'CString',
  'HashMap', 'HashSet', 'BTreeMap', 'BTreeSet', 'VecDeque', 'Pin', 'Some', 'Ok', 'Err', 'Secret', 'SecretString', 'SecretBox', 'SecretVec',
]);
/** First segments of a `use` path into this crate. */
const CRATE_PATH_ROOTS = new Set(['crate', 'self', 'super']);

function isTypeName(segment: string): boolean {
  const first = segment.charCodeAt(0);
  return first >= 65 && first <= 90;
}

function isUpperCase(name: string): boolean {
  const first = name.charCodeAt(0);
  return first >= 65 && first <= 90;
}

/** The value a block evaluates to: its last expression when not followed by `;`. */
export function tailExpression(block: Node): Node | null {
  for (let i = block.namedChildCount - 1; i >= 0; i--) {
    const child = block.namedChild(i);
    if (!child || child.type === 'line_comment' || child.type === 'block_comment') continue;
    if (child.type === 'expression_statement') {
      const last = child.child(child.childCount - 1);
      return last?.type === ';' ? null : child.namedChild(0);
    }
    if (child.type.endsWith('_item') || child.type === 'let_declaration') return null;
    return child;
  }
  return null;
}

/** `name = value`, `a.b = ?value` (tracing fields) and `target: "x"` (named macro arguments) prefixes. */
function stripFieldPrefix(group: Node[]): Node[] {
  let start = 0;
  let i = 0;
  while (i < group.length && (group[i].type === 'identifier' || group[i].type === '.')) i++;
  if (i > 0 && i < group.length && group[i].type === '=') start = i + 1;
  else if (group.length > 2 && group[0].type === 'identifier' && group[1].type === ':') start = 2;
  if (group[start]?.type === '%' || group[start]?.type === '?') start++;
  return group.slice(start);
}

interface Binding {
  node: Node;
  /** For `Config { key, .. }` and `(spec, key)` destructuring: the fields (tuple indices) the binding reads, outermost first. */
  path: string[];
  /** Inside an `Ok(..)` pattern: an `Err`-only taint does not reach it. */
  okVariant?: boolean;
}

/** Variables a pattern binds, skipping `Err(e)`/`None` arms (an error of a secret read is not the secret). */
function patternBindings(pattern: Node): Binding[] {
  const bindings: Binding[] = [];
  const visit = (node: Node, path: string[], okVariant: boolean): void => {
    switch (node.type) {
      case 'identifier':
        if (node.text !== '_' && !isUpperCase(node.text)) bindings.push({ node, path, okVariant });
        return;
      case 'shorthand_field_identifier':
        bindings.push({ node, path: [...path, node.text], okVariant });
        return;
      case 'tuple_struct_pattern': {
        const type = node.childForFieldName('type');
        const variant = type ? (lastSegment(type) ?? '') : '';
        if (NO_BINDING_VARIANTS.has(variant)) return;
        for (const child of node.namedChildren) if (child && child.id !== type?.id) visit(child, path, okVariant || variant === 'Ok');
        return;
      }
      case 'tuple_pattern': {
        let index = 0;
        for (const child of node.namedChildren) {
          if (!child || child.type === 'line_comment' || child.type === 'block_comment') continue;
          visit(child, [...path, String(index++)], okVariant);
        }
        return;
      }
      case 'struct_pattern': {
        const type = node.childForFieldName('type');
        for (const child of node.namedChildren) if (child && child.id !== type?.id) visit(child, path, okVariant);
        return;
      }
      case 'field_pattern': {
        const inner = node.childForFieldName('pattern');
        const name = node.childForFieldName('name');
        if (inner) visit(inner, name ? [...path, name.text] : path, okVariant);
        else if (name) visit(name, path, okVariant);
        return;
      }
      case 'match_pattern': {
        const inner = node.namedChild(0);
        if (inner && inner.id !== node.childForFieldName('condition')?.id) visit(inner, path, okVariant);
        return;
      }
      case 'scoped_identifier':
      case 'string_literal':
      case 'integer_literal':
        return;
      default:
        for (const child of node.namedChildren) if (child) visit(child, path, okVariant);
    }
  };
  visit(pattern, [], false);
  return bindings;
}

function bindingLabel(pattern: Node): string {
  const names = patternBindings(pattern).map((binding) => binding.node.text);
  return names.length > 0 ? names.join(', ') : '_';
}

/** A string literal replacement that masks (`"***"`); Rust's `str::replace` replaces every match. */
function isMaskingLiteral(node: Node | undefined): boolean {
  const text = node && isStringLiteral(node) ? stringLiteralValue(node) : null;
  return text !== null && isMaskingReplacement(text, true);
}
