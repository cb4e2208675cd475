// Secrets that come back out of an HTTP client that holds them (issue 9, miss 4).
//
// The model, as data per library: a client instance built with a secret in its config
// (`axios.create({ headers: { Authorization } })`) is not secret text itself, but it keeps that
// config. Every request made through it, or any request given a secret in its own config, URL or
// body, may fail; the error it rejects with carries the request config and the sent request:
// axios `error.config` / `error.request` / `error.response.config` / `error.toJSON()`, got and ky
// `error.options` / `error.request`. Those members hold the secret (field-sensitively: the
// `headers` of `error.config` do, its `url` does not unless the URL held the secret), and so does
// the error object logged or serialized whole (Node's inspect, pino's and winston's error
// serializers and `JSON.stringify` print those members). `error.message`, `String(error)` and
// `error.response.status` do not. Where such an error is caught is decided by the walker: the
// `catch` of a `try` around the request (also through a project function that makes it), the
// rejection handler of `.catch()` / `.then(_, onRejected)` on the request, and the client's
// `interceptors.*.use(_, onRejected)`.
import { ts } from './compiler-api.js';
import type { FlowStep } from '../../core/facts.js';
import { provenanceOf, type ProvenanceContext } from './provenance.js';
import { moduleMatches } from './sink-matcher.js';
import { asValue, fieldOf, mergeTaints, type Taint } from './taint.js';

export interface HttpClientLibrary {
  module: string;
  /** Calls that build a client instance from a config (`axios.create(config)`). */
  factories: string[];
  /** Request methods: where the URL, the body and the config are among the arguments. */
  methods: Record<string, { url?: number; data?: number; config?: number }>;
  /** Calling the library or an instance itself: `axios(config)`, `axios(url, config)`, `got(url, options)`. */
  callable: boolean;
  /** Members of a failed request's error that hold the request config. */
  errorConfig: string[];
  /** Members that hold the request as sent (its headers). */
  errorRequest: string[];
}

const AXIOS_BODY = { url: 0, data: 1, config: 2 };
const AXIOS_NO_BODY = { url: 0, config: 1 };
const OPTIONS_SECOND = { url: 0, config: 1 };

export const HTTP_CLIENT_LIBRARIES: HttpClientLibrary[] = [
  {
    module: 'axios',
    factories: ['create'],
    methods: {
      get: AXIOS_NO_BODY, delete: AXIOS_NO_BODY, head: AXIOS_NO_BODY, options: AXIOS_NO_BODY,
      post: AXIOS_BODY, put: AXIOS_BODY, patch: AXIOS_BODY, postForm: AXIOS_BODY, putForm: AXIOS_BODY, patchForm: AXIOS_BODY,
      request: { config: 0 },
    },
    callable: true,
    errorConfig: ['config'],
    errorRequest: ['request'],
  },
  {
    module: 'got',
    factories: ['extend'],
    methods: { get: OPTIONS_SECOND, post: OPTIONS_SECOND, put: OPTIONS_SECOND, patch: OPTIONS_SECOND, delete: OPTIONS_SECOND, head: OPTIONS_SECOND },
    callable: true,
    errorConfig: ['options'],
    errorRequest: ['request'],
  },
  {
    module: 'ky',
    factories: ['create', 'extend'],
    methods: { get: OPTIONS_SECOND, post: OPTIONS_SECOND, put: OPTIONS_SECOND, patch: OPTIONS_SECOND, delete: OPTIONS_SECOND, head: OPTIONS_SECOND },
    callable: true,
    errorConfig: ['options'],
    errorRequest: ['request'],
  },
];

export type HttpClientCall =
  | { kind: 'factory'; library: HttpClientLibrary }
  | { kind: 'request'; library: HttpClientLibrary; url?: number; data?: number; config?: number };

export function libraryNamed(module: string): HttpClientLibrary | undefined {
  return HTTP_CLIENT_LIBRARIES.find((library) => moduleMatches(library.module, module));
}

/**
 * What an HTTP library call does, from the callee's provenance (`axios.create`, `api.get` with
 * `api = axios.create(…)`, `axios(config)`), or from the receiver when it is a known client
 * instance (`this.http.get` with `this.http` holding a client). null: not an HTTP library call.
 */
export function classifyHttpCall(call: ts.CallExpression, receiver: Taint | undefined, ctx: ProvenanceContext): HttpClientCall | null {
  const callee = call.expression;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
  const held = receiver?.holder?.kind === 'http-client' ? libraryNamed(receiver.holder.library) : undefined;
  if (held && name) {
    const method = held.methods[name];
    return method ? { kind: 'request', library: held, ...method } : null;
  }
  const provenance = provenanceOf(callee, ctx);
  const library = provenance ? libraryNamed(provenance.module) : undefined;
  if (!provenance || !library) return null;
  const last = provenance.path[provenance.path.length - 1];
  if (name && library.factories.includes(name) && last === name) return { kind: 'factory', library };
  if (name && last === name) {
    const method = library.methods[name];
    return method ? { kind: 'request', library, ...method } : null;
  }
  // `axios(…)` (the default export) or `api(…)` (an instance: a call result of the library).
  if (library.callable && (last === 'default' || last === '()' || provenance.path.length === 0)) {
    return call.arguments.length >= 2 ? { kind: 'request', library, url: 0, config: 1 } : { kind: 'request', library, config: 0 };
  }
  return null;
}

/** Prefixes every flow in a (nested) container with `steps`: the reader sees how the secret got there. */
export function deepWithSteps(taint: Taint, steps: FlowStep[]): Taint {
  const fields = taint.fields ? new Map([...taint.fields].map(([key, value]) => [key, deepWithSteps(value, steps)])) : undefined;
  return { ...taint, flow: [...taint.flow, ...steps], ...(fields ? { fields } : {}) };
}

/** A client instance built with a secret config: its `defaults` hold the config, nothing else does. */
export function clientHolder(library: HttpClientLibrary, config: Taint, step: FlowStep): Taint {
  const kept = deepWithSteps(config, [step]);
  return { origin: kept.origin, flow: kept.flow, fields: new Map([['defaults', kept]]), holder: { kind: 'http-client', library: library.module } };
}

/** The config of a client instance, when the value is one. */
export function clientConfig(client: Taint | undefined): Taint | undefined {
  return client?.holder?.kind === 'http-client' ? client.fields?.get('defaults') : undefined;
}

/**
 * The request config as the library keeps it for one request: the client's defaults merged with
 * the request's own config, plus the URL and body when they hold the secret. undefined: no part does.
 */
export function requestConfig(clientDefaults: Taint | undefined, config: Taint | undefined, url: Taint | undefined, data: Taint | undefined): Taint | undefined {
  let merged = mergeTaints(config, clientDefaults);
  if (!url && !data) return merged;
  const base = merged ?? url ?? data!;
  if (merged && !merged.fields) return merged; // the whole config is secret already
  const fields = new Map(merged?.fields ?? []);
  if (url) fields.set('url', asValue(url));
  if (data) fields.set('data', asValue(data));
  merged = { origin: base.origin, flow: base.flow, fields };
  return merged;
}

/** The error a failed request rejects with: a holder whose config and request members hold the secret. */
export function requestErrorHolder(library: HttpClientLibrary, config: Taint, step: FlowStep): Taint {
  const kept = deepWithSteps(config, [step]);
  const whole = asValue(kept);
  const headers = fieldOf(kept, 'headers');
  const sent: Taint = { origin: kept.origin, flow: kept.flow, fields: new Map([['_header', whole], ...(headers && kept.fields ? [['headers', headers] as [string, Taint]] : [])]) };
  const fields = new Map<string, Taint>();
  for (const key of library.errorConfig) fields.set(key, kept);
  for (const key of library.errorRequest) fields.set(key, sent);
  const response = new Map<string, Taint>([...library.errorConfig.map((key): [string, Taint] => [key, kept]), ...library.errorRequest.map((key): [string, Taint] => [key, sent])]);
  fields.set('response', { origin: kept.origin, flow: kept.flow, fields: response });
  fields.set('toJSON', whole);
  return { origin: kept.origin, flow: kept.flow, fields, holder: { kind: 'http-error', library: library.module } };
}

/**
 * The library objects a value holds its secret in, if it holds it only there: a client instance
 * (never reported: it is not secret text), or a failed request's error (reported only where the
 * whole object is printed or serialized). null: the value holds the secret as data of its own.
 */
export function heldIn(taint: Taint, depth = 0): 'http-client' | 'http-error' | null {
  if (taint.holder) return taint.holder.kind;
  if (!taint.fields || taint.fields.size === 0 || depth > 4) return null;
  let kind: 'http-client' | 'http-error' = 'http-client';
  for (const field of taint.fields.values()) {
    const inner = heldIn(field, depth + 1);
    if (!inner) return null;
    if (inner === 'http-error') kind = 'http-error';
  }
  return kind;
}
