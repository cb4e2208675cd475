// Facts: what language front ends emit and rules consume. Front ends know syntax and nothing
// about policy; rules know policy and never parse. Everything here must be structured-clone
// safe, because facts cross the worker-thread boundary.
import type { ValueProfile } from './placeholder-value.js';

/** A source range. Lines and columns are 1-based, columns count UTF-16 code units, endColumn is exclusive. */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type LanguageId =
  | 'typescript'
  | 'javascript'
  | 'rust'
  | 'python'
  | 'shell'
  | 'workflow'
  | 'compose'
  | 'kubernetes'
  | 'dockerfile'
  | 'dotenv'
  | 'markdown'
  | 'yaml';

/** A read of the environment. `name` is null when the linter cannot resolve it to a constant. */
export interface EnvReadFact {
  kind: 'env-read';
  name: string | null;
  /** The API used, e.g. `process.env`, `import.meta.env`, `std::env::var`, `os.getenv`, `$X`. */
  api: string;
  range: Range;
  /**
   * Where the name itself is written, when it is written literally inside `range` as a whole
   * token: the `X` of `process.env.X`, the contents of the `"X"` in `os.environ["X"]`, the `X` of
   * `$X`. Absent when the name comes from elsewhere (a constant, a concatenation). Autofix renames here only.
   */
  nameRange?: Range;
  /** The name at `nameRange` also declares a local variable (`const { X } = process.env`): a rename must keep it (`{ NEW: X }`). */
  nameIsShorthand?: boolean;
  /** The read happens at build time (Rust `env!`, bundler `import.meta.env` public prefixes). */
  compileTime?: boolean;
  /** The read enumerates the whole environment (`std::env::vars()`, `{...process.env}`). */
  enumerates?: boolean;
  /** Inside test code (`#[cfg(test)]`, `tests/`, `*.test.ts`, ...). */
  inTest?: boolean;
  /**
   * For a non-constant key that is an identifier the front end could not resolve in this file
   * (typically an imported const): the identifier and the module it was imported from. The
   * engine resolves it against other files' exported constants without a second parse.
   * `module`: a Python import's dotted module (`acme.utilities.constants`, `.names`), which the
   * engine finds among the project's files when the prefilter skipped it (src/core/python-module-constants.ts).
   */
  constRef?: { identifier: string; from?: string; module?: string };
  /**
   * What the code does to the environment here, when it is not a read of a value: `write`
   * (`process.env.X = v`, `set_var`), `delete` (`delete process.env.X`, `os.environ.pop(X)` with
   * the result unused, `remove_var`), `snapshot` (a copy or a read saved only to restore it later:
   * `const saved = {...process.env}`, `prev = env::var(K)` then `set_var(K, prev)`). Absent: a read.
   */
  access?: 'write' | 'delete' | 'snapshot';
  /**
   * Only whether the variable is set is used (`Boolean(process.env[k])`, `!!process.env[k]`,
   * `bool(os.environ.get(k))`, the condition of an `if`, `while` or `?:`), also through a helper
   * whose read is such a test: for a read whose name is not known, no value leaves.
   */
  presence?: true;
  /**
   * For a read whose name is decided one step away from the env access (a helper's parameter, a
   * loop over a literal list, a choice between literals, a schema's keys): how, and where the env access itself is. The
   * fact's own range is where the name is decided (the call site, the list element, the key).
   */
  via?: { kind: 'call' | 'loop' | 'choice' | 'schema'; function?: string; range: Range; definedIn?: string };
  /** For an enumeration (`enumerates`), what the code does with it, when the front end can tell. */
  enumeration?: EnvEnumerationUse;
  /**
   * For a read keyed by a parameter of a function other files may call (`pub fn env_flag(name: &str)`):
   * the function and the parameter. The engine looks for its call sites in other files, where each
   * constant argument becomes a read (`via.kind: 'call'`); `resolvedAtCallers` is then set, and the
   * names are decided there, not here.
   */
  keyParam?: { function: string; index: number; list?: boolean; property?: string; resolvedAtCallers?: boolean; parameter?: string };
  /**
   * For a read whose name is computed but starts or ends with constant text (`process.env[`FLAG_${n}`]`,
   * `os.environ[f"FLAG_{n}"]`, `env::var(format!("FLAG_{}", n))`, also through a local constant or a
   * same-file function that returns such a name): that text. The name is one of the family
   * `prefix…suffix`; the rule judges the family against the registry (no-dynamic-env-read).
   */
  nameParts?: NameParts;
  /**
   * For an enumeration handed to a function imported from another project file
   * (`readBridgeSettings({ env: process.env })`): the import and the parameter (`held`: the
   * argument is the env object, or options holding it under `env`). The engine judges it where
   * that function hands the parameter on (src/core/env-object-handoffs.ts) and sets `file`, the
   * function's file, and `enumeration` when it could tell.
   */
  handedTo?: { specifier: string; function: string; index: number; held: 'env' | 'options'; file?: string };
  /**
   * For a copy of the environment that a module-level function returns and its own module never
   * calls (`def build_env(): env = os.environ.copy(); ...; return env`; in TS/JS an exported function
   * returning a copy it curates, `delete env.X`): the function. Its
   * callers in other modules decide what the copy is for (src/core/env-copy-helpers.ts), which then
   * sets `enumeration` when every call hands it to a child process the caller starts itself.
   */
  returnedBy?: { function: string };
}

/** The constant text at the start and end of a computed env name: the family `prefix…suffix` (EnvReadFact.nameParts). */
export interface NameParts {
  prefix: string;
  suffix: string;
}

/**
 * What an enumeration of the environment is for:
 * - `filter`: only names with one of `prefixes` are kept (`k.startsWith("TOOL_")`);
 * - `scrub`: names are only removed from somewhere (`cmd.env_remove(&k)`);
 * - `child-process`: handed to a child process the code starts itself (`spawn(..., { env: {...process.env} })`): plain inheritance;
 * - `third-party`: handed to a process or component configured by someone else (an MCP server, a plugin); `target` names it;
 * - `named-reads`: handed to a function of another file that only reads constant names from it
 *   (those reads are facts of that file);
 * - `mask`: values are collected only to be masked out of text (`msg.replace(value, "***")`), as a
 *   log filter does: nothing is exposed;
 * - `build-environment`: printed in a Dockerfile `RUN` (`env`, `printenv`), whose environment is the
 *   `ARG` and `ENV` names declared above it and the variables of its secret mounts (`names`), the
 *   base image's own `ENV` aside: it exposes a secret only when one of those is one.
 */
export type EnvEnumerationUse =
  | { use: 'filter'; prefixes: string[] }
  | { use: 'scrub' }
  | { use: 'child-process'; target: string }
  | { use: 'third-party'; target: string }
  | { use: 'named-reads'; target: string }
  | { use: 'mask' }
  | { use: 'build-environment'; names: string[] }
  /** Only asks whether a name is set (`Object.keys(process.env).includes(name)`). */
  | { use: 'presence' };

/**
 * A mention of an env-style name that is not a read: a config key, a workflow `secrets.X`,
 * a Dockerfile ARG, a docs table cell, a string literal equal to a registry name. Lifecycle and
 * drift rules use these.
 */
export interface NameRefFact {
  kind: 'name-ref';
  name: string;
  /** Where the name appears, e.g. `workflow-secret`, `workflow-env-key`, `compose-env-key`, `dockerfile-arg`, `docs`, `string-literal`, `env-file-key`. */
  context: string;
  range: Range;
  /** Where the name itself is written, when `range` holds more than the name (a string literal's quotes). See EnvReadFact.nameRange. */
  nameRange?: Range;
  inTest?: boolean;
  /** Whether a literal (non-reference, non-placeholder) value is assigned here. Never the value itself. */
  hasLiteralValue?: boolean;
  /** Measurements of the assigned value (length, entropy, placeholder words...), never the value: rules judge it with placeholderReason. */
  valueProfile?: ValueProfile;
  /**
   * Where the value assigned to this name sits, when the syntax separates them: after the `=` of
   * `.env`, Dockerfile `ARG`/`ENV` and compose `- KEY=value`; a Kubernetes env `value:` scalar.
   * (A YAML `KEY: value` pair is a `value-literal` fact bound to KEY instead, see
   * core/value-literals.ts.) A position only, never the value: output masks it by range.
   */
  valueRange?: Range;
}

/** A call to a secret-store SDK (keyring, Vault, cloud secret managers, ...). */
export interface SecretStoreCallFact {
  kind: 'secret-store-call';
  provider: string;
  api: string;
  range: Range;
  inTest?: boolean;
}

/** A call of one of `resolver.functions`. `secretRef` is the id or env name argument if constant. */
export interface ResolverCallFact {
  kind: 'resolver-call';
  function: string;
  secretRef: string | null;
  range: Range;
}

export interface FlowStep {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Human text for this step; never contains a secret value. */
  note: string;
}

/** A secret value reaching a sink, found by a taint analysis. */
export interface LeakFact {
  kind: 'leak';
  /** The rule whose sink family this is (`no-secret-in-log`, ...). */
  ruleId: string;
  /** The sink, e.g. `console.log`, `openai.chat.completions.create(messages)`. */
  sink: string;
  secretId: string | null;
  envName: string | null;
  /** Describes the source, e.g. `resolveSecret(...)`, `process.env.OPENROUTER_API_KEY`. */
  source: string;
  range: Range;
  flow: FlowStep[];
  inTest?: boolean;
}

/** A type (struct/class) that holds a secret and exposes it through Debug/Display/Serialize/toJSON. */
export interface LeakyTypeFact {
  kind: 'leaky-type';
  typeName: string;
  field: string;
  /** What exposes it, e.g. `derive(Debug)`, `derive(Serialize)`, `impl Display`, `no toJSON`. */
  exposure: string;
  secretId: string | null;
  range: Range;
}

/** A comment that may carry a `clavis-lint-disable…` directive. Emitted only for comments containing the marker. */
export interface CommentFact {
  kind: 'comment';
  text: string;
  range: Range;
}

/** Generic structured fact for config-file rules (workflow steps, docker instructions, shell commands...). */
export interface ConfigFact {
  kind: 'config';
  /** A front-end-defined discriminator, e.g. `workflow-step-uses`, `docker-build-arg`, `shell-echo`. */
  type: string;
  range: Range;
  /** Plain JSON data describing the construct. Never contains a secret value. */
  data: Record<string, unknown>;
}

/**
 * What a function does with secret taint, for calls from other files of the same project
 * (Rust crate / Python package): which parameters flow to its return value and which reach a
 * sink inside it. Emitted for every function that has either; consumed by the same language's
 * front end in a second pass (see FrontEndOptions.functionSummaries).
 */
export interface FunctionSummaryFact {
  kind: 'function-summary';
  language: 'rust' | 'python';
  /** The function's own name (`log_key`), or `Type::method` / `Class.method` for methods. */
  name: string;
  /** Module path of the defining file: Rust `util::fmt` (from src/util/fmt.rs), Python `pkg.util`. */
  module: string;
  /** Parameter names in call order (`self` excluded), to map keyword arguments and name the parameter in flows. Optional. */
  params?: string[];
  /** Parameter indexes (0-based, `self` excluded) whose taint reaches the return value. */
  returns: number[];
  /** Parameter indexes that reach a sink inside the function (or inside its own callees); `path`: only that key/attribute of the argument does (Python). */
  sinks: Array<{ param: number; ruleId: string; sink: string; range: Range; flow: FlowStep[]; path?: string[] }>;
  range: Range;
  /** Python: parameters returned in part (`return cfg["url"]`), with the access path read from the argument. */
  returnPaths?: Array<{ param: number; path: string[] }>;
  /** Python, Rust: the secret the function returns (or, with `value`, the module-level value holds), per access path. */
  returnsSecret?: SecretShape;
  /** Python: a module-level value (`settings = Settings()`, `API_KEY = os.environ[...]`), not a function. */
  value?: boolean;
  /**
   * Python: a class, called to build an instance: the field each parameter is stored in, and
   * whether the instance prints its fields (a dataclass/pydantic repr) or not (`<X object>`).
   */
  constructs?: { fields: Array<{ param: number; field: string }>; printsFields: boolean };
}

/** A secret value handed from one module to another, kept per access path. Plain data (it crosses workers). */
export interface SecretShape {
  secretId: string | null;
  envName: string | null;
  source: string;
  flow: FlowStep[];
  /** Only these keys/attributes hold the secret; the value as a whole prints them unless `opaque`. */
  fields?: Array<[string, SecretShape]>;
  /** The value as a whole prints no secret: a declared secret type, or an object with the default repr. */
  opaque?: 'secret-type' | 'object';
  /** With `opaque: 'secret-type'`: the declared type, whose members decide what is exposed. */
  secretType?: string;
  /** A resolver's result: the declared types' members decide (`r.value` is secret, `r.status` is not). */
  resolved?: boolean;
  /** The secret's registry id is this parameter of the function: decided at each call site. */
  idParam?: number;
}

export type Fact =
  | FunctionSummaryFact
  | EnvReadFact
  | NameRefFact
  | SecretStoreCallFact
  | ResolverCallFact
  | LeakFact
  | LeakyTypeFact
  | CommentFact
  | ConfigFact;

/** All facts of one file. */
export interface FileFacts {
  /** Path relative to the project root, `/` separators. */
  file: string;
  language: LanguageId;
  facts: Fact[];
  /** The file is test code as a whole (`tests/`, `*.test.ts`, `benches/`...). */
  isTest?: boolean;
}

/** A file the front end could not analyse. The message never contains file content. */
export interface FileError {
  file: string;
  message: string;
  line?: number;
  column?: number;
}

export interface FrontEndResult {
  facts: Fact[];
  errors?: FileError[];
  /** String constants this file exports (`export const K = "X"`, `pub const K: &str = "X"`), for cross-file resolution. */
  exportedConstants?: Record<string, string>;
  /**
   * Names of functions this file calls but does not define, with tainted arguments or a used
   * result: if another file's FunctionSummaryFact matches one, the engine analyses this file
   * again with `options.functionSummaries` so the flow continues across files.
   */
  unresolvedCalls?: string[];
}

/** Everything a front end may need besides the text. Plain data only (it crosses workers). */
export interface FrontEndOptions {
  /** Names the registry knows (canonical, aliases, deprecated), so front ends can emit `string-literal` name refs cheaply. */
  registryNames: string[];
  /** Env name -> secret id, for registry entries of `kind: secret` (leak sources). */
  secretNames: Record<string, string>;
  /** Env name -> secret id for every registry name (any kind), for spec lookups like `SecretId::X`. */
  idsByName: Record<string, string>;
  /** Secret id -> canonical env name, to resolve `SecretId::X.spec().canonical_env`-style lookups. */
  envById: Record<string, string>;
  resolver: { paths: string[]; functions: string[]; types: string[]; sanitizers: string[]; typeMembers?: Array<{ name: string; expose?: string[]; redact?: string[]; safe?: string[] }> };
  /** Project-wide string constants (`NAME -> value`) collected in a first pass, for cross-file const resolution. */
  projectConstants?: Record<string, string>;
  /** Secret-store SDK catalog entries added by the user's config (merged over the built-in catalog). */
  extraSecretStores?: unknown[];
  /** Sink/source/sanitizer catalog additions from the user's config (merged over the built-ins). */
  extraSinks?: unknown[];
  extraSources?: string[];
  /**
   * Config `leak.sources` items `{ call, path }` (config.leak.sourcePaths): a call of `call` returns a
   * value of which only the property path `path` (segments, e.g. ['llm', 'api_key']) is secret, not the whole.
   */
  extraSourcePaths?: Array<{ call: string; path: string[] }>;
  extraSanitizers?: string[];
  /** False when no leak rule is enabled: front ends skip their taint analysis (the costly part). Default true. */
  leakAnalysis?: boolean;
  /** Config `generated.scan`: analyse minified and generated files too. Default false: they become `errors[]` notes. */
  scanGenerated?: boolean;
  /** Summaries of functions defined in other files (second pass only); a front end uses those of its language. */
  functionSummaries?: FunctionSummaryFact[];
  /**
   * Rust: names (last path segment) of functions other files call with a secret (their
   * `unresolvedCalls`); only these are summarised. Absent: none (summaries are made on demand).
   * Python: set, a file without a source gives the summaries of all its functions and classes (only
   * summaries); absent, none (a file with a source gives its summaries with its first analysis).
   */
  summarize?: string[];
  /**
   * Functions of other files whose parameter `index` is an env key (from EnvReadFact.keyParam; `list`:
   * a slice/list of keys; `parameter`: its name, where a call may pass it by keyword, as in Python).
   * A front end turns its calls of them into reads of the constant arguments.
   */
  envKeyHelpers?: Array<{ language: LanguageId; function: string; index: number; list?: boolean; property?: string; parameter?: string; presence?: true; api: string; file?: string }>;
  /**
   * Exported functions of a file (root-relative path) that other files hand the whole environment
   * to (EnvReadFact.handedTo): the TS front end says what each does with that parameter (a
   * ConfigFact `env-param-summary`) and turns its constant-name reads into env reads.
   */
  envObjectParams?: Record<string, Array<{ function: string; index: number; held: 'env' | 'options' }>>;
  /**
   * Per file (root-relative), the functions it imports from other files that return the env object
   * they are given (a filter such as t3-env's `removeEmptyEnvVariables`): a call of one is the env
   * object again, and what the caller does with the result decides (src/core/env-object-handoffs.ts).
   */
  envReturningImports?: Record<string, Array<{ specifier: string; function: string; index: number }>>;
  /**
   * Functions of other modules that return a copy of the environment (EnvReadFact.returnedBy): a
   * front end says, at each of its calls of one (and at any other mention of the name), where the
   * copy goes (a ConfigFact `env-copy-use`, src/core/env-copy-helpers.ts). Python and TS/JS.
   */
  envCopyHelpers?: Array<{ language: LanguageId; function: string; file: string }>;
  /**
   * The configured docs pages (`docs:` paths), set by a scan: Markdown pages other than these are
   * parsed only when they can hold a fact a rule reads (a registry name or id, a clavis-lint
   * marker). Absent: every page is parsed (`init` reads the tables of every page).
   */
  markdownPages?: string[];
  /** With `markdownPages`: false when no rule counts a registry name on any page as a mention (registry-unreferenced is off). Default true. */
  markdownMentions?: boolean;
}

/** A language front end: text in, facts out. Must not throw for bad input; return errors instead. */
export interface FrontEnd {
  id: LanguageId;
  /** Cheap test on the raw text: false means the file cannot contain any fact and is never parsed. */
  prefilter(text: string, options: FrontEndOptions, file?: string): boolean;
  analyze(file: string, text: string, options: FrontEndOptions): FrontEndResult | Promise<FrontEndResult>;
}
