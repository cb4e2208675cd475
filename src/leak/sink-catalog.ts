// The sink catalog is data (module + callee + argument path + rule id), interpreted by each
// language's taint engine. Users extend it from config (`leak.sinks`). Built-in entries live in
// one file per language under ./sinks/.
import { PYTHON_SINKS } from './sinks/python.js';
import { RUST_SINKS } from './sinks/rust.js';
import { TYPESCRIPT_SINKS } from './sinks/typescript.js';

export type SinkLanguage = 'typescript' | 'rust' | 'python';

export interface SinkEntry {
  /** Stable id, e.g. `console`, `pino`, `rust-println`, `openai-chat`. */
  id: string;
  language: SinkLanguage;
  /** The leak rule this sink belongs to (`no-secret-in-log`, ...). Ignored when `allowed`. */
  ruleId: string;
  /** Import module / crate / Python module the callee comes from; absent for globals and macros. */
  module?: string;
  /**
   * What is called. Conventions: `console.log` (global member), `info` (named import or macro
   * name without `!`), `*.info` (method on any receiver produced by `module`), `new Error`
   * (constructor), `println!` (Rust macro), `logging.info` (Python module function).
   */
  callee: string;
  /** Argument positions that are sinks (0-based), or `all`. */
  args: number[] | 'all';
  /** Path inside an object argument, e.g. `messages[].content`, `system`, `headers.Authorization`. */
  path?: string;
  /** True marks a legitimate use of a secret (e.g. an outgoing Authorization header): taint stops here, no finding. */
  allowed?: boolean;
  /**
   * Only text the secret was put into (formatted, concatenated, appended) is a leak here: a URL
   * parser given a credential URL whole (a database URL, a webhook) parses it, it builds no URL
   * around a secret. Used by the Rust engine.
   */
  embeddedOnly?: boolean;
  /** Short human label used in messages and flows: `console.log`, `OpenAI chat messages`. */
  label: string;
  // Optional refinements (additive; used by the TypeScript engine, ignored where meaningless).
  /** Heuristic when the receiver's module is unknown: the receiver is named one of these (`logger`, `res`). */
  receiverNames?: string[];
  /** The receiver's checker type name is one of these (`Span`, `ServerResponse`). */
  receiverTypes?: string[];
  /** The argument (at `args`/`path`) is a callback; its return values are the sink (tool handlers). */
  callbackReturn?: boolean;
  /**
   * Not a call: any object literal whose properties equal these literals (e.g. `role: system|user|assistant`)
   * is a sink at `path` (e.g. `content`). `callee` is then only descriptive.
   */
  objectMatch?: Record<string, string[]>;
  /** Not a call: a syntactic construct, `url-query` = a secret interpolated after `?name=` / `&name=` in a string. */
  pattern?: 'url-query';
  /**
   * File writes: the argument holding the destination path. A destination that names the program's
   * own credential or config file (`config.yaml`, `.env`, `credentialsPath`) is where a credential is
   * meant to live: no finding there (src/leak/credential-files.ts). Other files stay sinks.
   */
  destinationArg?: number;
}

export function builtinSinks(): SinkEntry[] {
  return [...TYPESCRIPT_SINKS, ...RUST_SINKS, ...PYTHON_SINKS];
}

/** Built-ins plus user entries; user entries come last and win on equal id. */
export function sinkCatalog(extra: unknown[] = []): SinkEntry[] {
  const byId = new Map<string, SinkEntry>();
  for (const entry of builtinSinks()) byId.set(`${entry.language}:${entry.id}`, entry);
  for (const raw of extra) {
    const entry = raw as SinkEntry;
    if (entry && typeof entry.id === 'string') byId.set(`${entry.language}:${entry.id}`, entry);
  }
  return [...byId.values()];
}

export function sinksFor(language: SinkLanguage, extra: unknown[] = []): SinkEntry[] {
  return sinkCatalog(extra).filter((entry) => entry.language === language);
}
