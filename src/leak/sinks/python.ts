import type { SinkEntry } from '../sink-catalog.js';

// Python callee conventions (interpreted by src/languages/python/leak-analysis.ts):
// - `logging.info`, `json.dumps`, `print`: the call's qualified name after import aliasing
//   (`from json import dumps as d; d(x)` is `json.dumps`), or the end of the callee chain
//   (`logger.info` matches `self.logger.info`, `logging.getLogger.info` matches
//   `logging.getLogger(__name__).info`).
// - `*.chat.completions.create`: the end of the callee chain on any receiver; `module` must be
//   imported in the file.
// - `path` is a keyword argument name (`messages`, `headers`); `args` are positional indexes.
// - Special forms: `raise` (the arguments of the raised exception's constructor), `assert` (its
//   message), `{role,content}` (any dict literal with both keys: the `content` value),
//   `f"?key="` (an f-string or `+` that puts a value after `?...=`), and `@...` (the return
//   values of functions decorated with a decorator whose callee chain ends like the rest), and
//   `Base#method` (the return values of `method` in a class deriving from one named `Base`,
//   directly or through classes of the same module), and `=.name` (a value assigned, or added
//   with `+=`, to an attribute of that name on any object).

const LOG_METHODS = ['debug', 'info', 'warning', 'warn', 'error', 'exception', 'critical', 'fatal', 'log'];
const LOG_RECEIVERS = ['logging', 'logger', 'log', 'LOGGER', 'LOG', '_logger', '_log', 'logging.getLogger', 'structlog.get_logger', 'loguru.logger'];

const logSinks: SinkEntry[] = LOG_RECEIVERS.flatMap((receiver) =>
  LOG_METHODS.map((method) => ({
    id: `${receiver.replace(/\W+/g, '-')}-${method}`,
    language: 'python' as const,
    ruleId: 'no-secret-in-log',
    ...(receiver === 'logging' ? { module: 'logging' } : {}),
    callee: `${receiver}.${method}`,
    args: 'all' as const,
    label: `${receiver}.${method}`,
  })),
);

const HTTP_VERBS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request'];

const python = (entry: Omit<SinkEntry, 'language'>): SinkEntry => ({ language: 'python', ...entry });

/** Built-in python sinks. */
export const PYTHON_SINKS: SinkEntry[] = [
  python({ id: 'print', ruleId: 'no-secret-in-log', callee: 'print', args: 'all', label: 'print' }),
  ...logSinks,
  python({ id: 'sys-stdout-write', ruleId: 'no-secret-in-log', callee: 'sys.stdout.write', args: [0], label: 'sys.stdout.write' }),
  python({ id: 'sys-stderr-write', ruleId: 'no-secret-in-log', callee: 'sys.stderr.write', args: [0], label: 'sys.stderr.write' }),
  // CLI output helpers (click, and typer which re-exports them): the terminal, like print.
  python({ id: 'click-echo', ruleId: 'no-secret-in-log', module: 'click', callee: 'click.echo', args: [0], label: 'click.echo' }),
  python({ id: 'click-secho', ruleId: 'no-secret-in-log', module: 'click', callee: 'click.secho', args: [0], label: 'click.secho' }),
  python({ id: 'typer-echo', ruleId: 'no-secret-in-log', module: 'typer', callee: 'typer.echo', args: [0], label: 'typer.echo' }),
  python({ id: 'typer-secho', ruleId: 'no-secret-in-log', module: 'typer', callee: 'typer.secho', args: [0], label: 'typer.secho' }),
  python({ id: 'warnings-warn', ruleId: 'no-secret-in-log', module: 'warnings', callee: 'warnings.warn', args: [0], label: 'warnings.warn' }),

  python({ id: 'raise', ruleId: 'no-secret-in-error', callee: 'raise', args: 'all', label: 'raise' }),
  python({ id: 'assert', ruleId: 'no-secret-in-error', callee: 'assert', args: 'all', label: 'assert message' }),

  python({ id: 'json-dumps', ruleId: 'no-secret-serialization', module: 'json', callee: 'json.dumps', args: [0], label: 'json.dumps' }),
  python({ id: 'json-dump', ruleId: 'no-secret-serialization', module: 'json', callee: 'json.dump', args: [0], destinationArg: 1, label: 'json.dump' }),
  python({ id: 'orjson-dumps', ruleId: 'no-secret-serialization', module: 'orjson', callee: 'orjson.dumps', args: [0], label: 'orjson.dumps' }),
  python({ id: 'yaml-dump', ruleId: 'no-secret-serialization', module: 'yaml', callee: 'yaml.dump', args: [0], destinationArg: 1, label: 'yaml.dump' }),
  python({ id: 'yaml-safe-dump', ruleId: 'no-secret-serialization', module: 'yaml', callee: 'yaml.safe_dump', args: [0], destinationArg: 1, label: 'yaml.safe_dump' }),
  python({ id: 'pickle-dumps', ruleId: 'no-secret-serialization', module: 'pickle', callee: 'pickle.dumps', args: [0], label: 'pickle.dumps' }),
  python({ id: 'toml-dumps', ruleId: 'no-secret-serialization', module: 'toml', callee: 'toml.dumps', args: [0], label: 'toml.dumps' }),

  python({ id: 'openai-chat', ruleId: 'no-secret-in-prompt', module: 'openai', callee: '*.chat.completions.create', args: [], path: 'messages', label: 'OpenAI chat messages' }),
  python({ id: 'openai-chat-parse', ruleId: 'no-secret-in-prompt', module: 'openai', callee: '*.chat.completions.parse', args: [], path: 'messages', label: 'OpenAI chat messages' }),
  python({ id: 'openai-completions', ruleId: 'no-secret-in-prompt', module: 'openai', callee: '*.completions.create', args: [], path: 'prompt', label: 'OpenAI completion prompt' }),
  python({ id: 'openai-responses-input', ruleId: 'no-secret-in-prompt', module: 'openai', callee: '*.responses.create', args: [], path: 'input', label: 'OpenAI responses input' }),
  python({ id: 'openai-responses-instructions', ruleId: 'no-secret-in-prompt', module: 'openai', callee: '*.responses.create', args: [], path: 'instructions', label: 'OpenAI responses instructions' }),
  python({ id: 'anthropic-system', ruleId: 'no-secret-in-prompt', module: 'anthropic', callee: '*.messages.create', args: [], path: 'system', label: 'Anthropic system prompt' }),
  python({ id: 'anthropic-messages', ruleId: 'no-secret-in-prompt', module: 'anthropic', callee: '*.messages.create', args: [], path: 'messages', label: 'Anthropic messages' }),
  python({ id: 'litellm-completion', ruleId: 'no-secret-in-prompt', module: 'litellm', callee: 'litellm.completion', args: [], path: 'messages', label: 'LiteLLM messages' }),
  python({ id: 'langchain-system-message', ruleId: 'no-secret-in-prompt', module: 'langchain_core', callee: 'langchain_core.messages.SystemMessage', args: 'all', label: 'LangChain SystemMessage' }),
  python({ id: 'langchain-human-message', ruleId: 'no-secret-in-prompt', module: 'langchain_core', callee: 'langchain_core.messages.HumanMessage', args: 'all', label: 'LangChain HumanMessage' }),
  // Pydantic AI: an agent's instructions and system prompt (constructor keywords, or what the
  // functions decorated with @agent.system_prompt / @agent.instructions return), the user prompt of
  // a run, and prompt parts built by hand all go to the model. `*.run` is not listed: on any
  // receiver it would be subprocess.run or asyncio.run as often; `agent.run` is.
  ...['system_prompt', 'instructions'].map((path) =>
    python({ id: `pydantic-ai-agent-${path.replace('_', '-')}`, ruleId: 'no-secret-in-prompt', module: 'pydantic_ai', callee: 'pydantic_ai.Agent', args: [], path, label: `Agent(${path}=)` }),
  ),
  ...['system_prompt', 'instructions'].map((fn) =>
    python({ id: `pydantic-ai-${fn.replace('_', '-')}-decorator`, ruleId: 'no-secret-in-prompt', module: 'pydantic_ai', callee: `@*.${fn}`, args: [], label: `@agent.${fn} result` }),
  ),
  ...['*.run_sync', '*.run_stream', '*.run_stream_events', '*.run_stream_sync', 'agent.run', 'agent.iter'].map((callee) =>
    python({ id: `pydantic-ai-${callee.replace(/^\*\./, '').replace(/[._]/g, '-')}`, ruleId: 'no-secret-in-prompt', module: 'pydantic_ai', callee, args: [0], path: 'user_prompt', label: `${callee.replace(/^\*/, 'agent')} user prompt` }),
  ),
  ...['SystemPromptPart', 'UserPromptPart'].map((part) =>
    python({ id: `pydantic-ai-${part.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`, ruleId: 'no-secret-in-prompt', module: 'pydantic_ai', callee: part, args: [0], path: 'content', label: part }),
  ),
  python({ id: 'chat-message-dict', ruleId: 'no-secret-in-prompt', callee: '{role,content}', args: [], path: 'content', label: 'chat message content' }),
  // An agent's system prompt set as an attribute (Open Interpreter's `interpreter.system_message`
  // and `custom_instructions`, which it sends with every request; `agent.system_prompt`).
  ...['system_message', 'system_prompt', 'custom_instructions'].map((attribute) =>
    python({ id: `prompt-attribute-${attribute.replace(/_/g, '-')}`, ruleId: 'no-secret-in-prompt', callee: `=.${attribute}`, args: [], label: `${attribute} attribute` }),
  ),

  python({ id: 'sentry-set-context', ruleId: 'no-secret-in-telemetry', module: 'sentry_sdk', callee: 'sentry_sdk.set_context', args: [1], label: 'sentry_sdk.set_context' }),
  python({ id: 'sentry-set-extra', ruleId: 'no-secret-in-telemetry', module: 'sentry_sdk', callee: 'sentry_sdk.set_extra', args: [1], label: 'sentry_sdk.set_extra' }),
  python({ id: 'sentry-set-tag', ruleId: 'no-secret-in-telemetry', module: 'sentry_sdk', callee: 'sentry_sdk.set_tag', args: [1], label: 'sentry_sdk.set_tag' }),
  python({ id: 'sentry-capture-message', ruleId: 'no-secret-in-telemetry', module: 'sentry_sdk', callee: 'sentry_sdk.capture_message', args: [0], label: 'sentry_sdk.capture_message' }),
  python({ id: 'sentry-add-breadcrumb', ruleId: 'no-secret-in-telemetry', module: 'sentry_sdk', callee: 'sentry_sdk.add_breadcrumb', args: 'all', label: 'sentry_sdk.add_breadcrumb' }),
  python({ id: 'sentry-scope-set-extra', ruleId: 'no-secret-in-telemetry', module: 'sentry_sdk', callee: '*.set_extra', args: [1], label: 'Sentry scope.set_extra' }),
  python({ id: 'sentry-scope-set-context', ruleId: 'no-secret-in-telemetry', module: 'sentry_sdk', callee: '*.set_context', args: [1], label: 'Sentry scope.set_context' }),
  python({ id: 'otel-set-attribute', ruleId: 'no-secret-in-telemetry', callee: '*.set_attribute', args: [1], label: 'span.set_attribute' }),
  python({ id: 'otel-set-attributes', ruleId: 'no-secret-in-telemetry', callee: '*.set_attributes', args: [0], label: 'span.set_attributes' }),
  python({ id: 'otel-add-event', ruleId: 'no-secret-in-telemetry', module: 'opentelemetry', callee: '*.add_event', args: 'all', label: 'span.add_event' }),
  python({ id: 'otel-resource-create', ruleId: 'no-secret-in-telemetry', module: 'opentelemetry', callee: 'Resource.create', args: 'all', label: 'OpenTelemetry Resource.create' }),
  python({ id: 'otel-resource', ruleId: 'no-secret-in-telemetry', module: 'opentelemetry', callee: 'opentelemetry.sdk.resources.Resource', args: 'all', label: 'OpenTelemetry Resource' }),
  python({ id: 'otel-start-span-attributes', ruleId: 'no-secret-in-telemetry', module: 'opentelemetry', callee: '*.start_as_current_span', args: [], path: 'attributes', label: 'span attributes' }),
  python({ id: 'otel-start-span', ruleId: 'no-secret-in-telemetry', module: 'opentelemetry', callee: '*.start_span', args: [], path: 'attributes', label: 'span attributes' }),
  python({ id: 'otel-baggage', ruleId: 'no-secret-in-telemetry', module: 'opentelemetry', callee: 'opentelemetry.baggage.set_baggage', args: [1], label: 'OpenTelemetry baggage' }),
  python({ id: 'sentry-set-user', ruleId: 'no-secret-in-telemetry', module: 'sentry_sdk', callee: 'sentry_sdk.set_user', args: 'all', label: 'sentry_sdk.set_user' }),
  python({ id: 'sentry-scope-set-tag', ruleId: 'no-secret-in-telemetry', module: 'sentry_sdk', callee: '*.set_tag', args: [1], label: 'Sentry scope.set_tag' }),
  python({ id: 'sentry-span-set-data', ruleId: 'no-secret-in-telemetry', module: 'sentry_sdk', callee: '*.set_data', args: [1], label: 'Sentry span.set_data' }),
  python({ id: 'datadog-span-set-tag', ruleId: 'no-secret-in-telemetry', module: 'ddtrace', callee: '*.set_tag', args: [1], label: 'Datadog span.set_tag' }),
  python({ id: 'datadog-span-set-tags', ruleId: 'no-secret-in-telemetry', module: 'ddtrace', callee: '*.set_tags', args: [0], label: 'Datadog span.set_tags' }),
  python({ id: 'newrelic-custom-attribute', ruleId: 'no-secret-in-telemetry', module: 'newrelic', callee: 'newrelic.agent.add_custom_attribute', args: [1], label: 'New Relic custom attribute' }),
  python({ id: 'newrelic-custom-attributes', ruleId: 'no-secret-in-telemetry', module: 'newrelic', callee: 'newrelic.agent.add_custom_attributes', args: [0], label: 'New Relic custom attributes' }),
  python({ id: 'honeycomb-add-field', ruleId: 'no-secret-in-telemetry', module: 'beeline', callee: 'beeline.add_context_field', args: [1], label: 'Honeycomb context field' }),
  python({ id: 'sentry-set-tags', ruleId: 'no-secret-in-telemetry', module: 'sentry_sdk', callee: 'sentry_sdk.set_tags', args: [0], label: 'sentry_sdk.set_tags' }),
  python({ id: 'sentry-scope-set-user', ruleId: 'no-secret-in-telemetry', module: 'sentry_sdk', callee: '*.set_user', args: 'all', label: 'Sentry scope.set_user' }),
  python({ id: 'otel-record-exception', ruleId: 'no-secret-in-telemetry', module: 'opentelemetry', callee: '*.record_exception', args: [], path: 'attributes', label: 'span.record_exception attributes' }),
  python({ id: 'otel-metric-add', ruleId: 'no-secret-in-telemetry', module: 'opentelemetry', callee: '*.add', args: [1], path: 'attributes', label: 'metric attributes' }),
  python({ id: 'otel-metric-record', ruleId: 'no-secret-in-telemetry', module: 'opentelemetry', callee: '*.record', args: [1], path: 'attributes', label: 'metric attributes' }),
  python({ id: 'newrelic-custom-event', ruleId: 'no-secret-in-telemetry', module: 'newrelic', callee: 'newrelic.agent.record_custom_event', args: [1], path: 'params', label: 'New Relic custom event' }),
  python({ id: 'newrelic-log-event', ruleId: 'no-secret-in-telemetry', module: 'newrelic', callee: 'newrelic.agent.record_log_event', args: [0], path: 'attributes', label: 'New Relic log event' }),
  python({ id: 'newrelic-notice-error', ruleId: 'no-secret-in-telemetry', module: 'newrelic', callee: 'newrelic.agent.notice_error', args: [], path: 'attributes', label: 'New Relic notice_error attributes' }),
  python({ id: 'honeycomb-add-context', ruleId: 'no-secret-in-telemetry', module: 'beeline', callee: 'beeline.add_context', args: [0], label: 'Honeycomb context' }),
  python({ id: 'honeycomb-add-trace-field', ruleId: 'no-secret-in-telemetry', module: 'beeline', callee: 'beeline.add_trace_field', args: [1], label: 'Honeycomb trace field' }),
  python({ id: 'libhoney-send-now', ruleId: 'no-secret-in-telemetry', module: 'libhoney', callee: 'libhoney.send_now', args: [0], label: 'Honeycomb send_now' }),
  python({ id: 'libhoney-add-field', ruleId: 'no-secret-in-telemetry', module: 'libhoney', callee: '*.add_field', args: [1], label: 'Honeycomb event field' }),
  python({ id: 'libhoney-add', ruleId: 'no-secret-in-telemetry', module: 'libhoney', callee: '*.add', args: [0], label: 'Honeycomb event fields' }),
  // DogStatsD metrics: tags are indexed and shown to everyone with access to the account.
  ...['increment', 'decrement', 'gauge', 'histogram', 'distribution', 'timing', 'set'].map((fn) =>
    python({ id: `datadog-statsd-${fn}-tags`, ruleId: 'no-secret-in-telemetry', module: 'datadog', callee: `*.${fn}`, args: [], path: 'tags', label: `DogStatsD ${fn} tags` }),
  ),
  python({ id: 'datadog-event', ruleId: 'no-secret-in-telemetry', module: 'datadog', callee: '*.event', args: 'all', label: 'DogStatsD event' }),
  // Product analytics and error trackers: event properties, traits and metadata leave the process.
  ...['capture', 'identify', 'set', 'set_once', 'alias', 'group_identify'].map((fn) =>
    python({ id: `posthog-${fn.replace(/_/g, '-')}`, ruleId: 'no-secret-in-telemetry', module: 'posthog', callee: `*.${fn}`, args: 'all', label: `PostHog ${fn}` }),
  ),
  ...['segment', 'analytics'].flatMap((module) =>
    ['track', 'identify', 'page', 'screen', 'group'].map((fn) =>
      python({ id: `segment-${module}-${fn}`, ruleId: 'no-secret-in-telemetry', module, callee: `*.${fn}`, args: 'all', label: `Segment analytics.${fn}` }),
    ),
  ),
  ...['notify', 'leave_breadcrumb', 'configure_request', 'add_metadata_tab'].map((fn) =>
    python({ id: `bugsnag-${fn.replace(/_/g, '-')}`, ruleId: 'no-secret-in-telemetry', module: 'bugsnag', callee: `bugsnag.${fn}`, args: 'all', label: `bugsnag.${fn}` }),
  ),
  python({ id: 'rollbar-report-message', ruleId: 'no-secret-in-telemetry', module: 'rollbar', callee: 'rollbar.report_message', args: 'all', label: 'rollbar.report_message' }),
  python({ id: 'rollbar-report-exc-info', ruleId: 'no-secret-in-telemetry', module: 'rollbar', callee: 'rollbar.report_exc_info', args: [2], path: 'extra_data', label: 'rollbar.report_exc_info extra_data' }),
  python({ id: 'logfire-span', ruleId: 'no-secret-in-telemetry', module: 'logfire', callee: 'logfire.span', args: 'all', label: 'logfire.span' }),
  // Logfire's log methods: the message template and every keyword become attributes of a record
  // exported to the Logfire backend, like a span's (`logfire.configure(token=...)` is not listed).
  ...['trace', 'debug', 'info', 'notice', 'warn', 'warning', 'error', 'fatal', 'exception', 'log'].map((method) =>
    python({ id: `logfire-${method}`, ruleId: 'no-secret-in-telemetry', module: 'logfire', callee: `logfire.${method}`, args: 'all', label: `logfire.${method}` }),
  ),
  python({ id: 'langfuse-metadata', ruleId: 'no-secret-in-telemetry', module: 'langfuse', callee: '*.trace', args: [], path: 'metadata', label: 'Langfuse trace metadata' }),

  // `urlencode` is not listed: its text is a form body as often as a query string, so the
  // analysis follows it and reports it where it is put after a URL's `?`/`&` (`url-query-fstring`).
  python({ id: 'url-query-fstring', ruleId: 'no-secret-in-url', callee: 'f"?key="', args: [], label: 'URL query string' }),
  ...HTTP_VERBS.map((verb) => python({ id: `requests-${verb}-params`, ruleId: 'no-secret-in-url', module: 'requests', callee: `requests.${verb}`, args: [], path: 'params', label: `requests.${verb}(params=)` })),
  ...HTTP_VERBS.map((verb) => python({ id: `httpx-${verb}-params`, ruleId: 'no-secret-in-url', module: 'httpx', callee: `httpx.${verb}`, args: [], path: 'params', label: `httpx.${verb}(params=)` })),
  // An aiohttp session's verbs (`session.get(url, params=...)`, through http-client-receivers.ts) and `aiohttp.request`.
  ...HTTP_VERBS.map((verb) => python({ id: `aiohttp-${verb}-params`, ruleId: 'no-secret-in-url', module: 'aiohttp', callee: `aiohttp.${verb}`, args: [], path: 'params', label: verb === 'request' ? 'aiohttp.request(params=)' : `aiohttp session.${verb}(params=)` })),

  python({ id: 'mcp-tool-return', ruleId: 'no-secret-in-tool-output', callee: '@*.tool', args: [], label: 'MCP tool result' }),
  // Pydantic AI's context-free tools (`@agent.tool_plain`); `@agent.tool` is `@*.tool` above.
  python({ id: 'pydantic-ai-tool-plain-return', ruleId: 'no-secret-in-tool-output', module: 'pydantic_ai', callee: '@*.tool_plain', args: [], label: 'agent tool result' }),
  python({ id: 'agent-tool-return', ruleId: 'no-secret-in-tool-output', callee: '@tool', args: [], label: 'agent tool result' }),
  // Class-based tools of agent frameworks (CrewAI and LangChain `BaseTool`): what `_run` returns is
  // what the model reads.
  ...['_run', '_arun'].map((method) =>
    python({ id: `base-tool${method.replace('_', '-')}-return`, ruleId: 'no-secret-in-tool-output', callee: `BaseTool#${method}`, args: [], label: 'agent tool result' }),
  ),
  // agno toolkits: a `Toolkit` subclass registers bound methods (`tools=[self.search_gifs]`); what
  // a registered method returns is the tool result the model reads.
  python({ id: 'agno-toolkit-return', ruleId: 'no-secret-in-tool-output', module: 'agno', callee: 'Toolkit#*', args: [], label: 'agno toolkit tool result' }),
  ...['get', 'post', 'put', 'patch', 'delete', 'route', 'api_route'].map((verb) =>
    python({ id: `http-route-${verb}-return`, ruleId: 'no-secret-in-tool-output', callee: `@*.${verb}`, args: [], label: 'HTTP response' }),
  ),
  python({ id: 'flask-jsonify', ruleId: 'no-secret-in-tool-output', module: 'flask', callee: 'flask.jsonify', args: 'all', label: 'flask.jsonify' }),
  python({ id: 'json-response', ruleId: 'no-secret-in-tool-output', callee: '*.JSONResponse', args: [0], label: 'JSONResponse' }),
  python({ id: 'json-response-imported', ruleId: 'no-secret-in-tool-output', callee: 'JSONResponse', args: [0], label: 'JSONResponse' }),

  // An outgoing Authorization header is where a secret belongs.
  ...HTTP_VERBS.map((verb) => python({ id: `requests-${verb}-headers`, ruleId: 'no-secret-in-url', module: 'requests', callee: `requests.${verb}`, args: [], path: 'headers', allowed: true, label: `requests.${verb}(headers=)` })),
  ...HTTP_VERBS.map((verb) => python({ id: `httpx-${verb}-headers`, ruleId: 'no-secret-in-url', module: 'httpx', callee: `*.${verb}`, args: [], path: 'headers', allowed: true, label: `httpx ${verb}(headers=)` })),
  ...HTTP_VERBS.map((verb) => python({ id: `aiohttp-${verb}-headers`, ruleId: 'no-secret-in-url', module: 'aiohttp', callee: `aiohttp.${verb}`, args: [], path: 'headers', allowed: true, label: `aiohttp ${verb}(headers=)` })),
];
