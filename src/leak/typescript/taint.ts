// Taint values and the shared per-scan context of the TypeScript leak engine.
import { ts } from './compiler-api.js';
import type { FlowStep, FrontEndOptions, LeakFact } from '../../core/facts.js';
import type { CompiledCatalog } from './sink-matcher.js';
import type { Provenance } from './provenance.js';
import type { SecretTypeMembers } from '../../registry/resolver-types.js';
import type { DeclaredSourcePath } from './sources.js';
import { namesDocumentRole, namesSecretMember } from '../secret-member-name.js';

export interface SourceOrigin {
  kind: 'source';
  secretId: string | null;
  envName: string | null;
  /** `resolveSecret('OpenRouterApiKey')`, `process.env.OPENROUTER_API_KEY`, `value of type ResolvedSecret`. */
  description: string;
}

/** A parameter of the function being summarised: "whatever the caller passes here". */
export interface ParamOrigin {
  kind: 'param';
  index: number;
}

/**
 * A secret-carrying value. `fields` makes it a container (an object literal): a property read
 * yields only that field's taint, so `{ apiKey, model }.model` is clean. Without `fields` the
 * whole value is secret and every projection that can still be a string stays tainted.
 */
export interface Taint {
  origin: SourceOrigin | ParamOrigin;
  flow: FlowStep[];
  fields?: Map<string, Taint>;
  /**
   * Members a container's literal set to a clean value after a spread or computed key that may
   * hold anything (`{ ...authValues, fileStrategy }`): read by name, they are clean, not the `*`.
   */
  cleanKeys?: ReadonlySet<string>;
  /** Rules already reported for this exact value (a chat message object reported once, not again as part of `messages`). */
  reported?: ReadonlySet<string>;
  /**
   * The value is an instance of this declared secret type (`resolver.types`): only its exposing
   * members (`expose()`, `.value`) yield the secret; its other members and redacting ones do not.
   */
  secretType?: string;
  /**
   * The value is a library object that keeps the secret it was given (http-clients.ts): an HTTP
   * client instance, or the error of a request it made. Only its `fields` hold the secret; it is
   * no secret text itself (`String(error)` is its message).
   */
  holder?: { kind: 'http-client' | 'http-error'; library: string };
  /**
   * Summary mode: the value holds only these members of the parameter (`e.config.headers` ->
   * [[config, headers]]; `${p.name}:${p.id}` -> [[name], [id]]). Absent: the whole parameter.
   */
  paths?: string[][];
  /**
   * The value is `Object.entries` of a container: its elements are [key, value] pairs whose keys
   * are not secret (a computed-key write taints the values only). Kept through variables.
   */
  entryPairs?: true;
  /**
   * The value is a document parsed from secret text (`JSON.parse(decrypt(blob))`): which of its
   * members is the secret is unknown, so each stays secret except those whose name says they
   * identify or locate (`client_id`, `tokenUrl`, `client_email`: namesDocumentRole). Kept through its members.
   */
  parsed?: true;
}

export interface ParamSink {
  ruleId: string;
  sink: string;
  /** Steps inside the callee, ending with the sink step. */
  flow: FlowStep[];
  /** The sink expression itself (maybe in another file): a leak is reported there, not at the call. */
  at: ts.Node;
  /** The members of the parameter that reach the sink (`e.config` -> [[config]]); absent: the parameter itself. */
  paths?: string[][];
}

/** What a function does with its parameters, computed once per declaration. */
export interface FunctionSummary {
  name: string;
  paramNames: string[];
  /** Per parameter: the steps inside the callee when the parameter reaches a `return`, else null. */
  returnsParam: Array<FlowStep[] | null>;
  /**
   * Per parameter: the shape of the returned value (absent: not returned). Its `fields` and
   * `paths` say which properties of the result hold which members of the parameter
   * (`return { name: 'x', key: o.apiKey }` -> fields { key: paths [[apiKey]] }), so a caller
   * reading `f(o).name` gets nothing, as for the same object built inline.
   */
  returnShapes?: Array<Taint | null>;
  paramSinks: ParamSink[][];
  /** The function returns a secret of its own (it calls the resolver itself). */
  returnsSource: Taint | null;
  /** The function makes a request with a secret and may reject with its error (http-clients.ts), not caught inside. */
  throwsRequestError?: Taint;
}

export interface EngineContext {
  root: string;
  checker: ts.TypeChecker;
  options: FrontEndOptions;
  catalog: CompiledCatalog;
  resolverFunctions: Set<string>;
  /** Config `leak.sources` items `{ call, path }`, by the call's last name segment (sources.ts). */
  sourcePaths: Map<string, DeclaredSourcePath[]>;
  resolverTypes: Set<string>;
  sanitizers: Set<string>;
  /** Known secret ids. */
  secretIds: Set<string>;
  /** Ids registered as `kind: secret`: a resolver call for another known id (`kind: config`) is no source. */
  secretKindIds: Set<string>;
  summaries: Map<ts.Node, FunctionSummary | 'pending'>;
  /**
   * Per class field (symbol): the sinks its value reaches in the class's methods (`log(this.token)`);
   * per HTTP client a constructor keeps in a field (clientFields: one object per field and argument), those its requests reach.
   */
  fieldSinks: Map<ts.Symbol | Taint, ParamSink[]>;
  /** Per constructor parameter: the fields the constructor fills with an HTTP client built from it, each with that client. */
  clientFields: Map<ts.ParameterDeclaration, Array<{ field: ts.Symbol; client: Taint }>>;
  nodeCache: Map<ts.Node, Provenance | null>;
  symbolCache: Map<ts.Symbol, Provenance | null>;
  /** Per symbol: the source a declared resolver type makes of it (null: none). */
  typeSources: Map<ts.Symbol, Taint | null>;
  /** Members of each declared secret type: which return the secret, which a redacted form. */
  typeMembers: Map<string, SecretTypeMembers>;
  errorClasses: Map<ts.Symbol, boolean>;
  /** Per symbol of a module-level variable: the source or secret-holding client it is, read from elsewhere (walker.moduleValue). */
  moduleValues: Map<ts.Symbol, Taint | null>;
  /** Per HTTP library: request defaults set with a secret (`axios.defaults.headers.common.Authorization = …`). */
  httpDefaults: Map<string, Taint>;
  /** Test code (a path relative to the root): leaks located there are marked `inTest`. */
  isTestFile(relative: string): boolean;
  /**
   * Demand-driven callee lookup (callee-names.ts): false when a call of this name, given no tainted
   * argument, cannot return a secret, so its callee is not resolved. `asMember`: called as
   * `a.name()`, which only a member or a module-level declaration can be. Absent: every callee is.
   */
  mayReturnSource?: (calleeName: string, asMember: boolean) => boolean;
  /**
   * Whether what a file imports as `name` from `specifier` ('default', or '*' for a namespace) can
   * carry a secret (carrier-reaching.ts; a package's exports never do). A callee reached through
   * any other import, given no tainted argument, cannot return a secret: its symbol is not even
   * asked for (asking type-checks the member chain). Absent: not used.
   */
  importCarries?: (sourceFile: ts.SourceFile, specifier: string, name: string) => boolean;
}

export interface LeakCollector {
  /** May a leak be reported in this file (absolute path)? Else it is reported at the outermost call in the walked file. */
  accepts(file: string): boolean;
  /** `file`: absolute path of the file the fact is located in; `key` identifies the sink (one finding per sink). */
  add(fact: LeakFact, key: string, file: string): void;
}

export function withStep(taint: Taint, step: FlowStep | null, keepFields = true): Taint {
  return {
    origin: taint.origin,
    flow: step ? [...taint.flow, step] : taint.flow,
    fields: keepFields ? taint.fields : undefined,
    ...(keepFields && taint.cleanKeys ? { cleanKeys: taint.cleanKeys } : {}),
    reported: taint.reported,
    ...(taint.secretType ? { secretType: taint.secretType } : {}),
    ...(keepFields && taint.holder ? { holder: taint.holder } : {}),
    ...(taint.paths ? { paths: taint.paths } : {}),
    ...(taint.entryPairs ? { entryPairs: true as const } : {}),
    ...(taint.parsed ? { parsed: true as const } : {}),
  };
}

/** A value-shaped copy (a container or secret-type instance flattened into "the whole thing is secret text"). */
export function asValue(taint: Taint): Taint {
  if (!taint.fields && !taint.secretType) return taint;
  const paths = taint.fields && taint.origin.kind === 'param' ? memberPaths([...taint.fields.values()], taint.origin.index) : undefined;
  return { origin: taint.origin, flow: taint.flow, reported: taint.reported, ...(paths ? { paths } : {}) };
}

/**
 * The parameter members a value made of `parts` holds (summary mode): the union of theirs, or
 * undefined (the whole parameter) when one part holds it whole.
 */
function memberPaths(parts: Taint[], index: number): string[][] | undefined {
  const union: string[][] = [];
  for (const part of parts) {
    if (part.origin.kind !== 'param' || part.origin.index !== index) continue;
    const inner = part.fields ? asValue(part).paths : part.paths;
    if (!inner) return undefined;
    for (const path of inner) if (!union.some((known) => known.join('.') === path.join('.'))) union.push(path);
  }
  return union.length > 0 ? union : undefined;
}

/** Merges the fields of two containers (two `return { … }` of one function): the first flow of a field wins. */
export function mergeTaints(first: Taint | undefined, second: Taint | undefined): Taint | undefined {
  if (!first || !second) return first ?? second;
  if (!first.fields || !second.fields) return firstTaint(first, second);
  const fields = new Map(first.fields);
  for (const [key, value] of second.fields) if (!fields.has(key)) fields.set(key, value);
  return { ...first, fields };
}

/** Prefers real sources over parameter markers, then the first. */
export function firstTaint(...taints: Array<Taint | undefined>): Taint | undefined {
  let fallback: Taint | undefined;
  for (const taint of taints) {
    if (!taint) continue;
    if (taint.origin.kind === 'source') return taint;
    fallback ??= taint;
  }
  // A value joined from several members of one parameter holds all of them.
  if (fallback?.paths && fallback.origin.kind === 'param') {
    const present = taints.filter((taint): taint is Taint => taint !== undefined);
    if (present.length > 1) {
      const paths = memberPaths(present, fallback.origin.index);
      if (paths?.length !== fallback.paths.length) {
        const { paths: _ignored, ...rest } = fallback;
        return paths ? { ...rest, paths } : rest;
      }
    }
  }
  return fallback;
}

/**
 * The key under which a container keeps a value spread into it whole (`{ ...options, stream }`)
 * when that value is no container itself: unlike `*` (a computed key, which may be any name and
 * then holds the whole value), a spread holds the value's own members under their names.
 */
export const SPREAD_KEY = '...';

export function fieldOf(taint: Taint, name: string): Taint | undefined {
  if (!taint.fields) return taint.parsed && namesDocumentRole(name) ? undefined : taint;
  const exact = taint.fields.get(name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  for (const [key, value] of taint.fields) if (key.toLowerCase() === lower) return value;
  if (taint.cleanKeys?.has(name)) return undefined;
  // A secret text stored under a computed key (`authValues[field] = decrypted`) is what a literal
  // key reads only when that key names a credential (secret-member-name.ts); an entry of a record
  // of containers (`tools[name] = { config }`) is any named entry.
  const computed = taint.fields.get('*');
  if (computed && (computed.fields || computed.holder || computed.secretType || namesSecretMember(name))) return computed;
  if (computed && !taint.fields.has(SPREAD_KEY)) return undefined;
  const spread = taint.fields.get(SPREAD_KEY);
  // Summary mode: `{ ...options }.session` is the parameter's member `session`, not the whole parameter.
  if (spread && spread.origin.kind === 'param' && !spread.fields && !spread.secretType && !spread.holder) {
    return { ...spread, paths: spread.paths ? spread.paths.map((path) => [...path, name]) : [[name]] };
  }
  // `{ ...credential, ...token }.expires_at`: a member of the spread document, told apart by name as on the document itself.
  if (spread && !spread.fields && spread.parsed && namesDocumentRole(name)) return undefined;
  return spread;
}
