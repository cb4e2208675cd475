// Built-in TypeScript/JavaScript sinks, as data. The engine (src/leak/typescript/sink-matcher.ts)
// interprets `callee` like this:
//   `console.log`        no `module`: an exact member chain whose root is a global (not a local binding)
//   `*.searchParams.set` no `module`: any receiver whose member chain ends like this
//   `info` / `*.info`    with `module`: the callee's provenance (import -> calls -> members) comes from
//                        `module` and its path ends with these segments (`pino()` -> `.info`)
//   `*()`                with `module`: calling a value that is itself a call result (`createDebug('x')(...)`)
//   `new X` / `new *`    a constructor (`new *`: any constructor exported by `module`)
//   `=.name`             a value assigned (or added with `+=`) to a property of that name on any object
// `module` matches the import specifier exactly, a subpath of it, or a prefix when it ends with `*`.
// `args` are 0-based argument positions; `path` navigates an object argument (`headers.Authorization`,
// `messages`, `[]` for array elements). `allowed` entries are legitimate uses: taint is consumed there.
import type { SinkEntry } from '../sink-catalog.js';

const LOG = 'no-secret-in-log';
const ERROR = 'no-secret-in-error';
const PROMPT = 'no-secret-in-prompt';
const TOOL = 'no-secret-in-tool-output';
const TELEMETRY = 'no-secret-in-telemetry';
const SERIALIZE = 'no-secret-serialization';
const URL_RULE = 'no-secret-in-url';

type Partial = Omit<SinkEntry, 'language'>;
const ts = (entries: Partial[]): SinkEntry[] => entries.map((entry) => ({ language: 'typescript', ...entry }));

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table', 'dirxml', 'group', 'assert'];
const LEVEL_METHODS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'log', 'verbose', 'silly', 'http', 'notice', 'success', 'fail'];

const loggerModule = (module: string, methods: string[], label: string): Partial[] =>
  methods.map((method) => ({ id: `${module}-${method}`, ruleId: LOG, module, callee: `*.${method}`, args: 'all', label: `${label} .${method}` }));

const requestAuthHeaders = (id: string, callee: string, args: number[], prefix: string, module?: string): Partial[] =>
  ['Authorization', 'authorization', 'x-api-key', 'X-Api-Key', 'api-key', 'Proxy-Authorization'].map((header) => ({
    id: `${id}-${header.toLowerCase()}`,
    ruleId: LOG,
    module,
    callee,
    args,
    path: `${prefix}${header}`,
    allowed: true,
    label: `${callee} ${header} header`,
  }));

export const TYPESCRIPT_SINKS: SinkEntry[] = ts([
  // --- logs
  ...CONSOLE_METHODS.map((method) => ({ id: `console-${method}`, ruleId: LOG, callee: `console.${method}`, args: 'all' as const, label: `console.${method}` })),
  ...loggerModule('pino', LEVEL_METHODS, 'pino logger'),
  ...loggerModule('winston', LEVEL_METHODS, 'winston logger'),
  ...loggerModule('bunyan', LEVEL_METHODS, 'bunyan logger'),
  ...loggerModule('log4js', LEVEL_METHODS, 'log4js logger'),
  ...loggerModule('consola', LEVEL_METHODS, 'consola'),
  ...loggerModule('@nestjs/common', ['log', 'error', 'warn', 'debug', 'verbose', 'fatal'], 'NestJS Logger'),
  ...loggerModule('loglevel', LEVEL_METHODS, 'loglevel'),
  { id: 'debug-instance', ruleId: LOG, module: 'debug', callee: '*()', args: 'all', label: 'debug logger' },
  {
    id: 'logger-by-name',
    ruleId: LOG,
    callee: '*.info',
    args: 'all',
    receiverNames: ['logger', 'log', 'LOGGER', 'Logger'],
    receiverTypes: ['Logger', 'BaseLogger', 'LoggerService'],
    label: 'logger.info',
  },
  ...['warn', 'error', 'debug', 'trace', 'fatal', 'log', 'verbose'].map((method) => ({
    id: `logger-by-name-${method}`,
    ruleId: LOG,
    callee: `*.${method}`,
    args: 'all' as const,
    receiverNames: ['logger', 'log', 'LOGGER', 'Logger'],
    receiverTypes: ['Logger', 'BaseLogger', 'LoggerService'],
    label: `logger.${method}`,
  })),
  { id: 'process-stdout', ruleId: LOG, callee: 'process.stdout.write', args: [0], label: 'process.stdout.write' },
  { id: 'process-stderr', ruleId: LOG, callee: 'process.stderr.write', args: [0], label: 'process.stderr.write' },

  // --- errors (`new X` for global Error classes; user subclasses of Error and `*Error`/`*Exception`
  // constructors are matched by the engine through the checker/heritage; `throw x` is built in)
  ...['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError'].map((name) => ({
    id: `new-${name}`,
    ruleId: ERROR,
    callee: `new ${name}`,
    args: 'all' as const,
    label: `new ${name}()`,
  })),
  { id: 'promise-reject', ruleId: ERROR, callee: 'Promise.reject', args: [0], label: 'Promise.reject' },

  // --- LLM prompts
  { id: 'openai-chat', ruleId: PROMPT, module: 'openai', callee: '*.chat.completions.create', args: [0], path: 'messages', label: 'OpenAI chat.completions.create messages' },
  { id: 'openai-chat-parse', ruleId: PROMPT, module: 'openai', callee: '*.chat.completions.parse', args: [0], path: 'messages', label: 'OpenAI chat.completions.parse messages' },
  { id: 'openai-responses-input', ruleId: PROMPT, module: 'openai', callee: '*.responses.create', args: [0], path: 'input', label: 'OpenAI responses.create input' },
  { id: 'openai-responses-instructions', ruleId: PROMPT, module: 'openai', callee: '*.responses.create', args: [0], path: 'instructions', label: 'OpenAI responses.create instructions' },
  // An agent's system prompt set as a property (`agent.instructions = …`, `chat.systemPrompt = …`):
  // the value goes with every request, as Python's `interpreter.system_message` (sinks/python.ts).
  ...['systemPrompt', 'systemMessage', 'customInstructions', 'instructions', 'system_prompt', 'system_message'].map((property) => ({
    // Kebab-case ids; the snake_case spellings get their own (ids are unique in the catalog).
    id: property.includes('_') ? `prompt-property-${property.replace(/_/g, '-')}-snake` : `prompt-property-${property.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`,
    ruleId: PROMPT,
    callee: `=.${property}`,
    args: [],
    label: `${property} property`,
  })),
  { id: 'anthropic-system', ruleId: PROMPT, module: '@anthropic-ai/sdk', callee: '*.messages.create', args: [0], path: 'system', label: 'Anthropic messages.create system' },
  { id: 'anthropic-messages', ruleId: PROMPT, module: '@anthropic-ai/sdk', callee: '*.messages.create', args: [0], path: 'messages', label: 'Anthropic messages.create messages' },
  ...['generateText', 'streamText', 'generateObject', 'streamObject'].flatMap((fn) =>
    ['prompt', 'system', 'messages'].map((field) => ({
      id: `ai-${fn}-${field}`,
      ruleId: PROMPT,
      module: 'ai',
      callee: fn,
      args: [0],
      path: field,
      label: `AI SDK ${fn} ${field}`,
    })),
  ),
  { id: 'langchain-prompt-from-template', ruleId: PROMPT, module: '@langchain/*', callee: 'PromptTemplate.fromTemplate', args: [0], label: 'LangChain PromptTemplate' },
  { id: 'langchain-prompt-template', ruleId: PROMPT, module: '@langchain/*', callee: 'new PromptTemplate', args: [0], path: 'template', label: 'LangChain PromptTemplate' },
  { id: 'langchain-chat-from-messages', ruleId: PROMPT, module: '@langchain/*', callee: 'ChatPromptTemplate.fromMessages', args: [0], label: 'LangChain ChatPromptTemplate.fromMessages' },
  { id: 'langchain-chat-from-template', ruleId: PROMPT, module: '@langchain/*', callee: 'ChatPromptTemplate.fromTemplate', args: [0], label: 'LangChain ChatPromptTemplate.fromTemplate' },
  ...['SystemMessage', 'HumanMessage', 'AIMessage'].map((name) => ({
    id: `langchain-${name}`,
    ruleId: PROMPT,
    module: '@langchain/*',
    callee: `new ${name}`,
    args: [0],
    label: `LangChain ${name}`,
  })),
  ...['langchain/prompts', 'langchain/schema'].flatMap((module) =>
    ['SystemMessage', 'HumanMessage', 'AIMessage', 'PromptTemplate'].map((name) => ({
      id: `${module}-${name}`,
      ruleId: PROMPT,
      module,
      callee: `new ${name}`,
      args: [0],
      label: `LangChain ${name}`,
    })),
  ),
  {
    id: 'chat-message-object',
    ruleId: PROMPT,
    callee: '{ role, content }',
    args: [],
    objectMatch: { role: ['system', 'user', 'assistant', 'developer'] },
    path: 'content',
    label: 'an LLM chat message',
  },

  // --- tool outputs and HTTP responses
  { id: 'mcp-tool', ruleId: TOOL, module: '@modelcontextprotocol/sdk*', callee: '*.tool', args: 'all', callbackReturn: true, label: 'MCP tool result' },
  { id: 'mcp-register-tool', ruleId: TOOL, module: '@modelcontextprotocol/sdk*', callee: '*.registerTool', args: 'all', callbackReturn: true, label: 'MCP tool result' },
  { id: 'mcp-tool-by-name', ruleId: TOOL, callee: '*.registerTool', args: 'all', callbackReturn: true, receiverNames: ['server', 'mcp', 'mcpServer'], receiverTypes: ['McpServer'], label: 'MCP tool result' },
  { id: 'mcp-tool-legacy-by-name', ruleId: TOOL, callee: '*.tool', args: 'all', callbackReturn: true, receiverNames: ['server', 'mcp', 'mcpServer'], receiverTypes: ['McpServer'], label: 'MCP tool result' },
  { id: 'ai-tool-execute', ruleId: TOOL, module: 'ai', callee: 'tool', args: [0], path: 'execute', callbackReturn: true, label: 'AI SDK tool execute result' },
  ...['json', 'send', 'write', 'end', 'jsonp'].map((method) => ({
    id: `http-res-${method}`,
    ruleId: TOOL,
    callee: `*.${method}`,
    args: [0],
    receiverNames: ['res', 'response', 'resp', 'reply', 'ctx.body'],
    receiverTypes: ['Response', 'ServerResponse', 'FastifyReply', 'OutgoingMessage'],
    label: `HTTP response .${method}`,
  })),
  { id: 'fetch-response', ruleId: TOOL, callee: 'new Response', args: [0], label: 'new Response()' },
  { id: 'fetch-response-json', ruleId: TOOL, callee: 'Response.json', args: [0], label: 'Response.json' },
  { id: 'next-response-json', ruleId: TOOL, module: 'next/server', callee: 'NextResponse.json', args: [0], label: 'NextResponse.json' },
  { id: 'next-response-new', ruleId: TOOL, module: 'next/server', callee: 'new NextResponse', args: [0], label: 'new NextResponse()' },

  // --- telemetry
  { id: 'otel-set-attribute', ruleId: TELEMETRY, callee: '*.setAttribute', args: [1], receiverNames: ['span', 'activeSpan', 'rootSpan'], receiverTypes: ['Span'], label: 'span.setAttribute' },
  { id: 'otel-set-attributes', ruleId: TELEMETRY, callee: '*.setAttributes', args: [0], receiverNames: ['span', 'activeSpan', 'rootSpan'], receiverTypes: ['Span'], label: 'span.setAttributes' },
  { id: 'otel-add-event', ruleId: TELEMETRY, callee: '*.addEvent', args: [1], receiverNames: ['span', 'activeSpan', 'rootSpan'], receiverTypes: ['Span'], label: 'span.addEvent' },
  { id: 'otel-api-set-attribute', ruleId: TELEMETRY, module: '@opentelemetry/*', callee: 'setAttribute', args: [1], label: 'span.setAttribute' },
  { id: 'otel-api-set-attributes', ruleId: TELEMETRY, module: '@opentelemetry/*', callee: 'setAttributes', args: [0], label: 'span.setAttributes' },
  { id: 'otel-api-add-event', ruleId: TELEMETRY, module: '@opentelemetry/*', callee: 'addEvent', args: [1], label: 'span.addEvent' },
  { id: 'otel-metric-add', ruleId: TELEMETRY, module: '@opentelemetry/*', callee: 'add', args: [1], label: 'metric attributes' },
  { id: 'otel-metric-record', ruleId: TELEMETRY, module: '@opentelemetry/*', callee: 'record', args: [1], label: 'metric attributes' },
  { id: 'otel-metric-add-by-name', ruleId: TELEMETRY, callee: '*.add', args: [1], receiverNames: ['counter', 'requestCounter', 'upDownCounter'], receiverTypes: ['Counter', 'UpDownCounter'], label: 'metric attributes' },
  { id: 'otel-metric-record-by-name', ruleId: TELEMETRY, callee: '*.record', args: [1], receiverNames: ['histogram', 'gauge'], receiverTypes: ['Histogram', 'Gauge'], label: 'metric attributes' },
  ...['setContext', 'setExtra', 'setExtras', 'setTag', 'setTags', 'setUser', 'captureMessage', 'captureException', 'addBreadcrumb'].map((fn) => ({
    id: `sentry-${fn}`,
    ruleId: TELEMETRY,
    module: '@sentry/*',
    callee: fn,
    args: 'all' as const,
    label: `Sentry.${fn}`,
  })),
  ...['setContext', 'setExtra', 'setExtras', 'setTag', 'setTags', 'setUser', 'captureMessage', 'addBreadcrumb'].map((fn) => ({
    id: `sentry-global-${fn}`,
    ruleId: TELEMETRY,
    callee: `Sentry.${fn}`,
    args: 'all' as const,
    label: `Sentry.${fn}`,
  })),

  // OpenTelemetry resources and span options: attributes are exported with every span/metric.
  { id: 'otel-resource-new', ruleId: TELEMETRY, module: '@opentelemetry/*', callee: 'new Resource', args: [0], label: 'OpenTelemetry Resource attributes' },
  { id: 'otel-resource-from-attributes', ruleId: TELEMETRY, module: '@opentelemetry/*', callee: 'resourceFromAttributes', args: [0], label: 'OpenTelemetry resourceFromAttributes' },
  { id: 'otel-resource-create', ruleId: TELEMETRY, module: '@opentelemetry/*', callee: 'Resource.create', args: [0], label: 'OpenTelemetry Resource.create' },
  { id: 'otel-start-span', ruleId: TELEMETRY, module: '@opentelemetry/*', callee: 'startSpan', args: [1], path: 'attributes', label: 'span attributes' },
  { id: 'otel-start-active-span', ruleId: TELEMETRY, module: '@opentelemetry/*', callee: 'startActiveSpan', args: [1], path: 'attributes', label: 'span attributes' },
  { id: 'otel-start-span-by-name', ruleId: TELEMETRY, callee: '*.startSpan', args: [1], path: 'attributes', receiverNames: ['tracer'], receiverTypes: ['Tracer'], label: 'span attributes' },
  { id: 'otel-start-active-span-by-name', ruleId: TELEMETRY, callee: '*.startActiveSpan', args: [1], path: 'attributes', receiverNames: ['tracer'], receiverTypes: ['Tracer'], label: 'span attributes' },
  { id: 'otel-set-attribute-any-span', ruleId: TELEMETRY, callee: '*.setAttribute', args: [1], receiverNames: ['currentSpan', 'parentSpan', 'childSpan', 'otelSpan'], label: 'span.setAttribute' },
  { id: 'otel-set-attributes-any-span', ruleId: TELEMETRY, callee: '*.setAttributes', args: [0], receiverNames: ['currentSpan', 'parentSpan', 'childSpan', 'otelSpan'], label: 'span.setAttributes' },
  // Other telemetry SDKs, the same way: attributes, tags, metadata and event properties.
  ...['setTag', 'addTags', 'setBaggageItem'].map((fn) => ({ id: `dd-trace-${fn}`, ruleId: TELEMETRY, module: 'dd-trace', callee: `*.${fn}`, args: 'all' as const, label: `dd-trace span.${fn}` })),
  ...['addCustomAttribute', 'addCustomAttributes', 'addCustomSpanAttribute', 'addCustomSpanAttributes', 'noticeError', 'recordCustomEvent', 'recordLogEvent'].map((fn) => ({
    id: `newrelic-${fn}`,
    ruleId: TELEMETRY,
    module: 'newrelic',
    callee: `*.${fn}`,
    args: 'all' as const,
    label: `newrelic.${fn}`,
  })),
  ...['addMetadata', 'notify', 'leaveBreadcrumb', 'setUser'].map((fn) => ({ id: `bugsnag-${fn}`, ruleId: TELEMETRY, module: '@bugsnag/*', callee: `*.${fn}`, args: 'all' as const, label: `Bugsnag.${fn}` })),
  ...['error', 'warning', 'info', 'critical', 'debug', 'log', 'configure'].map((fn) => ({ id: `rollbar-${fn}`, ruleId: TELEMETRY, module: 'rollbar', callee: `*.${fn}`, args: 'all' as const, label: `Rollbar.${fn}` })),
  ...['capture', 'identify', 'register', 'alias', 'groupIdentify'].map((fn) => ({ id: `posthog-${fn}`, ruleId: TELEMETRY, module: 'posthog-*', callee: `*.${fn}`, args: 'all' as const, label: `PostHog .${fn}` })),
  ...['track', 'identify', 'page', 'group'].map((fn) => ({ id: `segment-${fn}`, ruleId: TELEMETRY, module: '@segment/*', callee: `*.${fn}`, args: 'all' as const, label: `Segment analytics.${fn}` })),
  ...['track', 'identify', 'page', 'group'].map((fn) => ({ id: `segment-legacy-${fn}`, ruleId: TELEMETRY, module: 'analytics-node', callee: `*.${fn}`, args: 'all' as const, label: `Segment analytics.${fn}` })),
  { id: 'posthog-set-person-properties', ruleId: TELEMETRY, module: 'posthog-*', callee: '*.setPersonProperties', args: 'all', label: 'PostHog .setPersonProperties' },
  { id: 'dd-trace-trace-tags', ruleId: TELEMETRY, module: 'dd-trace', callee: '*.trace', args: [1], path: 'tags', label: 'dd-trace tracer.trace tags' },
  // Datadog browser SDKs (RUM and logs): global context, user, actions and errors are sent with every event.
  ...['setGlobalContext', 'setGlobalContextProperty', 'setUser', 'setUserProperty', 'addAction', 'addError', 'setContext', 'setContextProperty'].map((fn) => ({
    id: `datadog-browser-${fn}`,
    ruleId: TELEMETRY,
    module: '@datadog/browser-*',
    callee: `*.${fn}`,
    args: 'all' as const,
    label: `Datadog browser SDK .${fn}`,
  })),
  // Honeycomb's libhoney: event fields (`hny.newEvent().add({...})`, `.addField(k, v)`, `hny.sendNow({...})`).
  { id: 'libhoney-add', ruleId: TELEMETRY, module: 'libhoney', callee: '*.add', args: [0], label: 'Honeycomb event fields' },
  { id: 'libhoney-add-field', ruleId: TELEMETRY, module: 'libhoney', callee: '*.addField', args: [1], label: 'Honeycomb event field' },
  { id: 'libhoney-send-now', ruleId: TELEMETRY, module: 'libhoney', callee: '*.sendNow', args: [0], label: 'Honeycomb sendNow' },
  ...['setContext', 'setExtra', 'setExtras', 'setTag', 'setTags', 'setUser', 'captureMessage', 'captureException', 'addBreadcrumb'].map((fn) => ({
    id: `sentry-scope-${fn}`,
    ruleId: TELEMETRY,
    callee: `*.${fn}`,
    args: 'all' as const,
    receiverNames: ['scope', 'isolationScope', 'currentScope'],
    receiverTypes: ['Scope'],
    label: `Sentry scope.${fn}`,
  })),

  // --- serializers: `JSON.stringify` passes taint on (the engine treats it as a transformer), so a
  // serialised secret is reported where the text goes: a log, a response, or storage (below).
  // Serialised text sent encrypted or in an authenticated request body is not a leak. A file write
  // is a sink whatever builds the text (a template literal stores the key as plainly as a
  // serializer), except into the program's own credential or config file (`destinationArg`).
  { id: 'structured-clone', ruleId: SERIALIZE, callee: 'v8.serialize', args: [0], label: 'v8.serialize' },
  ...['fs', 'node:fs'].flatMap((module) =>
    ['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync'].map((fn) => ({
      id: `${module}-${fn}`,
      ruleId: SERIALIZE,
      module,
      callee: fn,
      args: [1],
      destinationArg: 0,
      label: `fs.${fn}`,
    })),
  ),
  // fs-extra: the same writes, and `writeJson`/`outputJson`, which serialise their argument themselves.
  ...['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'outputFile', 'outputFileSync', 'writeJson', 'writeJsonSync', 'outputJson', 'outputJsonSync'].map((fn) => ({
    id: `fs-extra-${fn}`,
    ruleId: SERIALIZE,
    module: 'fs-extra',
    callee: fn,
    args: [1],
    destinationArg: 0,
    label: `fs-extra ${fn}`,
  })),
  ...['localStorage', 'sessionStorage'].map((storage) => ({ id: `${storage}-set-item`, ruleId: SERIALIZE, callee: `${storage}.setItem`, args: [1], label: `${storage}.setItem` })),

  // --- URLs
  { id: 'url-query-string', ruleId: URL_RULE, callee: '?name=${secret}', args: [], pattern: 'url-query', label: 'a URL query string' },
  // `new URLSearchParams({ client_secret })` is not a sink by itself: as a form body it is fine; the
  // engine reports it where it joins a URL (`?${params}`, `url.search = params`).
  { id: 'url-search-params-set', ruleId: URL_RULE, callee: '*.searchParams.set', args: [1], label: 'url.searchParams.set' },
  { id: 'url-search-params-append', ruleId: URL_RULE, callee: '*.searchParams.append', args: [1], label: 'url.searchParams.append' },
  // Smithery's MCP server URL: the config object (a server's API key among it) is base64-encoded
  // into the `config` query parameter of the URL the client connects to.
  { id: 'smithery-url-config', ruleId: URL_RULE, module: '@smithery/sdk', callee: 'createSmitheryUrl', args: [1], label: 'createSmitheryUrl config (URL query)' },

  // --- allowed: sending a secret to the service it belongs to
  ...requestAuthHeaders('fetch', 'fetch', [1], 'headers.'),
  ...requestAuthHeaders('headers', 'new Headers', [0], ''),
  ...requestAuthHeaders('undici', 'request', [1], 'headers.', 'undici'),
  ...requestAuthHeaders('axios-config', '*.create', [0], 'headers.', 'axios'),
  ...['get', 'delete', 'head', 'options'].flatMap((method) => requestAuthHeaders(`axios-${method}`, `*.${method}`, [1], 'headers.', 'axios')),
  ...['post', 'put', 'patch'].flatMap((method) => requestAuthHeaders(`axios-${method}`, `*.${method}`, [2], 'headers.', 'axios')),
  ...requestAuthHeaders('got', '*()', [1], 'headers.', 'got'),
  { id: 'openai-client-key', ruleId: PROMPT, module: 'openai', callee: 'new *', args: [0], path: 'apiKey', allowed: true, label: 'OpenAI client apiKey' },
  { id: 'anthropic-client-key', ruleId: PROMPT, module: '@anthropic-ai/sdk', callee: 'new *', args: [0], path: 'apiKey', allowed: true, label: 'Anthropic client apiKey' },
  { id: 'ai-sdk-provider-key', ruleId: PROMPT, module: '@ai-sdk/*', callee: '*', args: [0], path: 'apiKey', allowed: true, label: 'AI SDK provider apiKey' },
  { id: 'openrouter-provider-key', ruleId: PROMPT, module: '@openrouter/*', callee: '*', args: [0], path: 'apiKey', allowed: true, label: 'OpenRouter provider apiKey' },
  { id: 'stripe-client-key', ruleId: PROMPT, module: 'stripe', callee: 'new *', args: [0], allowed: true, label: 'Stripe client key' },
  { id: 'octokit-auth', ruleId: PROMPT, module: '@octokit/*', callee: 'new *', args: [0], path: 'auth', allowed: true, label: 'Octokit auth' },
]);
