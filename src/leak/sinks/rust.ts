import type { SinkEntry } from '../sink-catalog.js';

// Conventions for Rust: `println!` is a macro; `*.expect` a method on any receiver; `to_writer`
// with a `module` a function path (`serde_json::to_writer`, also through `use`); `KeyValue::new`
// a path tail. A `module` on a macro or method means the file must reference that crate, except
// that bare log-level macros (`info!`) are always treated as logging.
const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error'];
const SPAN_MACROS = ['span!', 'trace_span!', 'debug_span!', 'info_span!', 'warn_span!', 'error_span!'];

function logSinks(module: 'log' | 'tracing'): SinkEntry[] {
  const levels = LOG_LEVELS.map((level): SinkEntry => ({
    id: `rust-${module}-${level}`,
    language: 'rust',
    ruleId: 'no-secret-in-log',
    module,
    callee: `${level}!`,
    args: 'all',
    label: `${module}::${level}!`,
  }));
  levels.push({ id: `rust-${module}-log`, language: 'rust', ruleId: 'no-secret-in-log', module, callee: module === 'log' ? 'log!' : 'event!', args: 'all', label: module === 'log' ? 'log::log!' : 'tracing::event!' });
  return levels;
}

function stdMacro(name: string, ruleId: string): SinkEntry {
  return { id: `rust-${name}`, language: 'rust', ruleId, callee: `${name}!`, args: 'all', label: `${name}!` };
}

/** Built-in rust sinks. */
export const RUST_SINKS: SinkEntry[] = [
  ...['println', 'eprintln', 'print', 'eprint', 'dbg'].map((name) => stdMacro(name, 'no-secret-in-log')),
  ...logSinks('log'),
  ...logSinks('tracing'),
  ...['panic', 'unreachable', 'todo', 'unimplemented'].map((name) => stdMacro(name, 'no-secret-in-error')),
  { id: 'rust-expect', language: 'rust', ruleId: 'no-secret-in-error', callee: '*.expect', args: [0], label: '.expect()' },
  { id: 'rust-anyhow', language: 'rust', ruleId: 'no-secret-in-error', module: 'anyhow', callee: 'anyhow!', args: 'all', label: 'anyhow!' },
  { id: 'rust-bail', language: 'rust', ruleId: 'no-secret-in-error', module: 'anyhow', callee: 'bail!', args: 'all', label: 'bail!' },
  { id: 'rust-eyre', language: 'rust', ruleId: 'no-secret-in-error', module: 'eyre', callee: 'eyre!', args: 'all', label: 'eyre!' },
  // Serializers that return text (`serde_json::to_string`, `json!`) pass the secret on: the engine
  // follows their result (src/languages/rust/serializers.ts) to a log, an error, a URL or a file;
  // text that is encrypted or sent as a request body is not reported. Writers stay sinks here.
  { id: 'rust-serde-json-to-writer', language: 'rust', ruleId: 'no-secret-serialization', module: 'serde_json', callee: 'to_writer', args: [1], label: 'serde_json::to_writer' },
  { id: 'rust-serde-json-to-writer-pretty', language: 'rust', ruleId: 'no-secret-serialization', module: 'serde_json', callee: 'to_writer_pretty', args: [1], label: 'serde_json::to_writer_pretty' },
  { id: 'rust-fs-write', language: 'rust', ruleId: 'no-secret-serialization', callee: 'fs::write', args: [1], label: 'fs::write', destinationArg: 0 },
  { id: 'rust-tracing-span-record', language: 'rust', ruleId: 'no-secret-in-telemetry', module: 'tracing', callee: '*.record', args: [1], label: 'tracing::Span::record' },
  ...SPAN_MACROS.map((name): SinkEntry => ({ id: `rust-tracing-${name.slice(0, -1).replace(/_/g, '-')}`, language: 'rust', ruleId: 'no-secret-in-telemetry', module: 'tracing', callee: name, args: 'all', label: `tracing::${name}` })),
  { id: 'rust-otel-key-value', language: 'rust', ruleId: 'no-secret-in-telemetry', module: 'opentelemetry', callee: 'KeyValue::new', args: [1], label: 'opentelemetry::KeyValue::new' },
  // Sentry: scope data (`sentry::configure_scope(|scope| scope.set_extra(k, v))`) and messages are sent with every event.
  ...['set_extra', 'set_tag', 'set_context'].map((method): SinkEntry => ({ id: `rust-sentry-${method.replace(/_/g, '-')}`, language: 'rust', ruleId: 'no-secret-in-telemetry', module: 'sentry', callee: `*.${method}`, args: [1], label: `sentry Scope::${method}` })),
  { id: 'rust-sentry-set-user', language: 'rust', ruleId: 'no-secret-in-telemetry', module: 'sentry', callee: '*.set_user', args: [0], label: 'sentry Scope::set_user' },
  { id: 'rust-sentry-capture-message', language: 'rust', ruleId: 'no-secret-in-telemetry', module: 'sentry', callee: 'capture_message', args: [0], label: 'sentry::capture_message' },
  { id: 'rust-sentry-add-breadcrumb', language: 'rust', ruleId: 'no-secret-in-telemetry', module: 'sentry', callee: 'add_breadcrumb', args: [0], label: 'sentry::add_breadcrumb' },
  // PostHog (posthog-rs): event properties.
  { id: 'rust-posthog-insert-prop', language: 'rust', ruleId: 'no-secret-in-telemetry', module: 'posthog_rs', callee: '*.insert_prop', args: [1], label: 'posthog Event::insert_prop' },
  { id: 'rust-reqwest-query', language: 'rust', ruleId: 'no-secret-in-url', module: 'reqwest', callee: '*.query', args: [0], label: 'reqwest RequestBuilder::query' },
  // A URL parsed whole may be the credential itself (a database URL): only a URL built around the secret leaks it.
  { id: 'rust-url-parse', language: 'rust', ruleId: 'no-secret-in-url', callee: 'Url::parse', args: [0], embeddedOnly: true, label: 'Url::parse' },
  { id: 'rust-url-parse-with-params', language: 'rust', ruleId: 'no-secret-in-url', callee: 'Url::parse_with_params', args: 'all', label: 'Url::parse_with_params' },
  // Special form: a format string that puts a value after `?name=` / `&name=` (`format!("{base}?key={key}")`).
  { id: 'rust-url-query-format', language: 'rust', ruleId: 'no-secret-in-url', callee: 'format!("?key={}")', args: [], label: 'URL query string' },
  { id: 'rust-url-append-pair', language: 'rust', ruleId: 'no-secret-in-url', callee: '*.append_pair', args: [1], label: 'Url query_pairs_mut().append_pair' },
  { id: 'rust-http-authorization-header', language: 'rust', ruleId: 'no-secret-in-url', callee: '*.header', args: [1], path: 'Authorization', allowed: true, label: 'HTTP Authorization header' },
  { id: 'rust-reqwest-bearer-auth', language: 'rust', ruleId: 'no-secret-in-url', callee: '*.bearer_auth', args: [0], allowed: true, label: 'reqwest bearer_auth' },
  { id: 'rust-reqwest-basic-auth', language: 'rust', ruleId: 'no-secret-in-url', callee: '*.basic_auth', args: 'all', allowed: true, label: 'reqwest basic_auth' },
];
