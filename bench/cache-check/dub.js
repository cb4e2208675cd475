// Edits on dub (dubinc/dub at 1de955f782a72e1eff7b201ae54a909d5ceb5722, corpus/repos.json "dub"); each `apply` maps the file's text to the edited text.
export default ({ append, prepend, blankMiddle, sub, move, compose }) => {
  const FWR = 'packages/utils/src/functions/fetch-with-retry.ts';
  const FWT = 'packages/utils/src/functions/fetch-with-timeout.ts';
  const LOG = 'packages/utils/src/functions/log.ts';
  const ERR = 'apps/web/lib/api/errors.ts';
  const RL = 'apps/web/lib/upstash/ratelimit.ts';
  const UT = 'apps/web/lib/api/utils.ts';
  const DU = 'apps/web/lib/api/domains/utils.ts';
  const GDR = 'apps/web/lib/api/domains/get-domain-response.ts';
  const ADV = 'apps/web/lib/api/domains/add-domain-vercel.ts';
  const BC = 'apps/web/lib/http/base-client.ts';
  const HT = 'apps/web/lib/auth/hash-token.ts';
  const ENC = 'apps/web/lib/encryption.ts';
  const OP = 'apps/web/lib/integrations/oauth-provider.ts';
  const RED = 'apps/web/lib/upstash/redis.ts';
  const S2 = 'apps/web/lib/stripe/stripe-v2-client.ts';
  const AE = 'apps/web/lib/assert-env.ts';
  const DCC = 'apps/web/lib/domain-connect/constants.ts';
  const PP = 'packages/utils/src/functions/pretty-print.ts';
  const RC = 'apps/web/lib/tinybird/record-click.ts';
  const RESEND = 'apps/web/app/api/resend/webhook/route.ts';
  const DYN = 'apps/web/lib/dynadot/client.ts';

  const single = [
    // packages/utils: reached through the nested barrels src/index.ts -> functions/index.ts -> file
    { id: 'fwr1', file: FWR, desc: 'append a comment line', apply: append('\n// edited\n') },
    { id: 'fwr2', file: FWR, desc: 'console.log(input, init) at the top of fetchWithRetry (init carries the Tinybird key in record-click.ts)', apply: sub('  const { timeout = 5000', '  console.log("fetchWithRetry", input, init);\n  const { timeout = 5000') },
    { id: 'fwr3', file: FWR, desc: 'change a string literal in the body', apply: sub('throw new Error("Unauthorized")', 'throw new Error("Forbidden")') },
    { id: 'fwr4', file: FWR, desc: 'console.error of init?.headers in the error branch', apply: sub('console.error(`fetchWithRetry error: ${errorMessage}`);', 'console.error(`fetchWithRetry error: ${errorMessage}`, init?.headers);') },
    { id: 'fwr5', file: FWR, desc: 'top-level shadowing const fetch = (...) => console.log(a)', apply: prepend('const fetch = async (...args: unknown[]): Promise<Response> => { console.log(args); return new Response(); };\n') },
    { id: 'fwt1', file: FWT, desc: 'console.log(init) in fetchWithTimeout', apply: sub('  return new Promise<Response>', '  console.log(input, init);\n  return new Promise<Response>') },
    { id: 'log1', file: LOG, desc: 'insert a comment at the top', apply: prepend('// top comment\n') },
    { id: 'log2', file: LOG, desc: 'shadow console with a non-exported top-level const', apply: sub('export const log = async', 'const console = { log: (..._args: unknown[]) => {} };\n\nexport const log = async') },
    { id: 'pp1', file: PP, desc: 'prettyPrint returns its argument unchanged (no JSON.stringify)', apply: sub('export function prettyPrint(value: any, indent = 2) {\n', 'export function prettyPrint(value: any, indent = 2) {\n  if (indent === 2) return value;\n') },

    // apps/web/lib/api/errors.ts (imported by most API code)
    { id: 'err1', file: ERR, desc: 'append a comment line', apply: append('// trailing comment\n') },
    { id: 'err2', file: ERR, desc: 'insert a comment line at the top', apply: prepend('// leading comment\n') },
    { id: 'err3', file: ERR, desc: 'insert a blank line in the middle', apply: blankMiddle },
    { id: 'err4', file: ERR, desc: 'change the fallback message string in handleApiError', apply: sub('"An internal server error occurred. Please contact our support if the problem persists."', '"Internal error."') },
    { id: 'err5', file: ERR, desc: 'top-level const console shadows the global (used by handleApiError)', apply: sub('const speakeasyErrorOverrides', 'const console = { error: (..._a: unknown[]) => {} };\n\nconst speakeasyErrorOverrides') },
    { id: 'err6', file: ERR, desc: 'new top-level statement: handleAndReturnErrorResponse(new Error("boot"));', apply: append('\nhandleAndReturnErrorResponse(new Error("boot"));\n') },
    { id: 'err7', file: ERR, desc: 'reorder: move handleAndReturnErrorResponse before handleApiError', apply: move('export function handleAndReturnErrorResponse', 'export const errorSchemaFactory', 'export function handleApiError') },
    { id: 'err8', file: ERR, desc: 'console.log(error) (the parameter) in handleApiError', apply: sub('  console.error(error.message);', '  console.error(error.message);\n  console.log(error);') },
    { id: 'err9', file: ERR, desc: 'type annotation: DubApiError constructor message: string -> string | number', apply: sub('    code: z.infer<typeof ErrorCode>;\n    message: string;', '    code: z.infer<typeof ErrorCode>;\n    message: string | number;') },
    { id: 'err10', file: ERR, desc: 'shadow JSON: const JSON = { stringify: (x) => String(x) }', apply: sub('const docErrorUrl =', 'const JSON = { stringify: (x: unknown) => String(x) };\nconst docErrorUrl =') },

    // apps/web/lib/upstash/ratelimit.ts
    { id: 'rl1', file: RL, desc: 'append a comment line', apply: append('// eof\n') },
    { id: 'rl2', file: RL, desc: 'change the prefix string literal', apply: sub('prefix: "dub"', 'prefix: "dub-rl"') },
    { id: 'rl3', file: RL, desc: 'console.log(redis) inside ratelimit (redis is built with the Upstash token)', apply: sub('  return new Ratelimit({', '  console.log(redis, requests, seconds);\n  return new Ratelimit({') },
    { id: 'rl4', file: RL, desc: 'shadow JSON with a new non-exported const', apply: append('\nconst JSON = { stringify: (x: unknown) => String(x) };\n') },
    { id: 'rl5', file: RL, desc: 'new top-level statement ratelimit();', apply: append('\nratelimit();\n') },

    // apps/web/lib/api/utils.ts (a root: reads NEXTAUTH_SECRET)
    { id: 'ut1', file: UT, desc: 'insert a blank line in the middle', apply: blankMiddle },
    { id: 'ut2', file: UT, desc: 'console.log(identifier) in ratelimitOrThrow', apply: sub('  // Rate limit if user is not logged in', '  console.log(identifier);\n  // Rate limit if user is not logged in') },
    { id: 'ut3', file: UT, desc: 'new top-level statement parseRequestBody(...)', apply: append('\nparseRequestBody(new Request("http://localhost"));\n') },

    // apps/web/lib/api/domains/*
    { id: 'du1', file: DU, desc: 'type annotation: CustomResponse.error.code string -> number', apply: sub('error?: { code: string; projectId: string; message: string };', 'error?: { code: number; projectId: string; message: string };') },
    { id: 'du2', file: DU, desc: 'change string literal "Missing domain"', apply: sub('"Missing domain"', '"No domain given"') },
    { id: 'du3', file: DU, desc: 'isProxiedDomain returns its argument (truthy) unchanged', apply: sub('return ["go.zillow.com"].includes(domain);', 'return domain as unknown as boolean;') },
    { id: 'du4', file: DU, desc: 'reorder: move isProxiedDomain before validateDomain', apply: move('// special case for domains that use a reverse proxy', '\u0000', 'export const validateDomain') },
    { id: 'gdr1', file: GDR, desc: 'console.log(domain) in getDomainResponse', apply: sub('export const getDomainResponse = async (domain: string) => {\n', 'export const getDomainResponse = async (domain: string) => {\n  console.log(domain);\n') },
    { id: 'gdr2', file: GDR, desc: 'reorder the two exported functions', apply: move('export const getDomainResponse', '\u0000', 'export const getVercelDomainResponse') },
    { id: 'gdr3', file: GDR, desc: 'blank line at the top', apply: prepend('\n') },
    { id: 'gdr4', file: GDR, desc: 'log the Vercel API key inside getVercelDomainResponse', apply: sub('  ).then((res) => {\n    return res.json();', '  ).then((res) => {\n    console.log(process.env.VERCEL_API_KEY);\n    return res.json();') },
    { id: 'adv1', file: ADV, desc: 'change the "POST" method literal', apply: sub('method: "POST"', 'method: "PUT"') },

    // apps/web/lib/http/base-client.ts (HttpBaseClient: Dynadot, Ahrefs, Veriff, ... extend it)
    { id: 'bc1', file: BC, desc: 'redactUrl returns the URL unchanged (no REDACTED)', apply: sub('    return safe.toString();\n  }', '    return url.toString();\n  }') },
    { id: 'bc2', file: BC, desc: 'console.log(headers) after the auth headers are merged', apply: sub('    Object.assign(headers, await this.buildAuthHeaders(), options.headers);\n', '    Object.assign(headers, await this.buildAuthHeaders(), options.headers);\n    console.log(headers);\n') },
    { id: 'bc3', file: BC, desc: 'shadow JSON with a new top-level const', apply: sub('const DEFAULT_TIMEOUT_MS', 'const JSON = { stringify: (x: unknown) => String(x), parse: (x: string) => x };\nconst DEFAULT_TIMEOUT_MS') },
    { id: 'bc4', file: BC, desc: 'interface field type: HttpRequestOptions.headers Record<string,string> -> Record<string, string | undefined>', apply: sub('  headers?: Record<string, string>;\n  bodyType', '  headers?: Record<string, string | undefined>;\n  bodyType') },
    { id: 'bc5', file: BC, desc: 'append a comment line', apply: append('// end of base client\n') },
    { id: 'bc6', file: BC, desc: 'logError logs this (the client) instead of metadata', apply: sub('    console.error(message, metadata);', '    console.error(message, metadata, this);') },
    { id: 'bc7', file: BC, desc: 'new non-exported const MAX_LOGGED_BODY_LENGTH read from a secret name', apply: sub('const MAX_LOGGED_BODY_LENGTH = 2_000;', 'const MAX_LOGGED_BODY_LENGTH = Number(process.env.DYNADOT_API_KEY ?? 2_000);') },

    // apps/web/lib/auth/hash-token.ts (a root/candidate)
    { id: 'ht1', file: HT, desc: 'hashToken returns its input (token + maybe secret) instead of the hash', apply: sub('  return hashArray.map((b) => b.toString(16).padStart(2, "0")).join("");', '  return new TextDecoder().decode(data);') },
    { id: 'ht2', file: HT, desc: 'blank line in the middle', apply: blankMiddle },

    // apps/web/lib/encryption.ts
    { id: 'enc1', file: ENC, desc: 'decryptOrPassthrough warns with the payload parameter', apply: sub('"[decryptOrPassthrough] decrypt failed, returning input as plaintext",', '"[decryptOrPassthrough] decrypt failed, returning input as plaintext",\n      payload,') },
    { id: 'enc2', file: ENC, desc: 'error message includes the key', apply: sub('throw new Error("ENCRYPTION_KEY must be 32 bytes (base64-encoded)");', 'throw new Error(`ENCRYPTION_KEY must be 32 bytes (base64-encoded), got ${keyEnv}`);') },

    // apps/web/lib/integrations/oauth-provider.ts
    { id: 'op1', file: OP, desc: 'interface field type: clientSecret: string -> string | undefined', apply: sub('  clientSecret: string;\n', '  clientSecret: string | undefined;\n') },
    { id: 'op2', file: OP, desc: 'console.log(this.provider) in generateAuthUrl', apply: sub('    const state = nanoid(16);\n', '    const state = nanoid(16);\n    console.log(this.provider);\n') },
    { id: 'op3', file: OP, desc: 'delete a non-exported unused const (codeExchangeSchema kept?)', apply: sub('const codeExchangeSchema', 'const codeExchangeSchema_') },

    // others
    { id: 'red1', file: RED, desc: 'append a comment line', apply: append('// redis eof\n') },
    { id: 's2v1', file: S2, desc: 'exported const STRIPE_API_VERSION literal changed', apply: sub('"2025-09-30.preview"', '"2025-10-01.preview"') },
    { id: 's2v2', file: S2, desc: 'onError logs the full context (request headers carry the key)', apply: sub('  onError: ({ error }) => {\n    console.error("[Stripe V2] Error", prettyPrint(error));', '  onError: (context) => {\n    console.error("[Stripe V2] Error", prettyPrint(context));') },
    { id: 'ae1', file: AE, desc: 'assertEnv logs the name parameter', apply: sub('  const value = process.env[name];\n', '  const value = process.env[name];\n  console.log(name);\n') },
    { id: 'dcc1', file: DCC, desc: 'exported const literal -> process.env.DOMAIN_CONNECT_PRIVATE_KEY (registry secret)', apply: sub('export const DOMAIN_CONNECT_KEY_HOST = "_dck1";', 'export const DOMAIN_CONNECT_KEY_HOST = process.env.DOMAIN_CONNECT_PRIVATE_KEY as string;') },
    { id: 'dcc2', file: DCC, desc: 'exported const literal changed', apply: sub('"_dck1"', '"_dck2"') },

    { id: 'err11', file: ERR, desc: 'add an unused non-exported helper function', apply: sub('const docErrorUrl =', 'function describeError(e: unknown) {\n  return String(e);\n}\n\nconst docErrorUrl =') },
    { id: 'rl6', file: RL, desc: 'import change: { redis } -> { redisGlobal as redis } (same module)', apply: sub('import { redis } from "./redis";', 'import { redisGlobal as redis } from "./redis";') },
    { id: 'enc3', file: ENC, desc: 'reorder: move decrypt before encrypt', apply: move('// AES-256-GCM decrypt.', '// Tolerant variant', '// AES-256-GCM encrypt.') },
    { id: 'op4', file: OP, desc: 'interface field type: tokenUrl: string -> URL | string', apply: sub('  tokenUrl: string;\n', '  tokenUrl: URL | string;\n') },
    { id: 'bc8', file: BC, desc: 'non-exported type alias QueryValue widened', apply: sub('type QueryValue = string | number | boolean | null | undefined;', 'type QueryValue = string | number | boolean | bigint | null | undefined;') },
    { id: 'ht3', file: HT, desc: 'default secret option flipped to true', apply: sub('    secret = false,', '    secret = true,') },
  ];

  const cumulative = {
    // A console.log sink is a sink only while `console` is declared in .d.ts files alone
    // (sink-matcher.ts rootIsGlobal); a module that starts to augment the global scope changes that.
    declareGlobal: [
      { id: 'dg1', file: RESEND, desc: 'root: console.log(webhookSecret) in POST (a new leak finding)', apply: sub('  const rawBody = await req.text();\n', '  const rawBody = await req.text();\n  console.log(webhookSecret);\n') },
      { id: 'dg2', file: ERR, desc: 'append `declare global { var console: Console }` to errors.ts (not a global file before)', apply: append('\ndeclare global {\n  // eslint-disable-next-line no-var\n  var console: Console;\n}\n') },
      { id: 'dg3', file: ERR, desc: 'errors.ts: blank line at the top (now a global file in fact)', apply: prepend('\n') },
    ],
    // `export { x as default }`: readsChangedStatement skips the name "default", and the export
    // list is left out of the statements, so nothing marks x as read for a default importer.
    defaultList: [
      { id: 'dl1', file: FWR, desc: 'add `export { fetchWithRetry as default };`', apply: append('\nexport { fetchWithRetry as default };\n') },
      { id: 'dl2', file: RC, desc: 'root: import the default (retryFetch) and call it instead of fetchWithRetry', apply: compose(sub('  fetchWithRetry,\n', ''), sub('import { EU_COUNTRY_CODES }', 'import retryFetch from "@dub/utils/src/functions/fetch-with-retry";\nimport { EU_COUNTRY_CODES }'), sub('        fetchWithRetry(', '        retryFetch(')) },
      { id: 'dl3', file: FWR, desc: 'console.log(input, init) at the top of fetchWithRetry', apply: sub('  const { timeout = 5000', '  console.log("fetchWithRetry", input, init);\n  const { timeout = 5000') },
    ],

    // Nested barrel: record-click.ts -> @dub/utils (src/index.ts) -> export * from "./functions" -> export * from "./fetch-with-retry".
    barrel: [
      { id: 'b1', file: FWR, desc: 'console.log(input, init) in fetchWithRetry (new finding, reached via two export * barrels)', apply: sub('  const { timeout = 5000', '  console.log("fetchWithRetry", input, init);\n  const { timeout = 5000') },
      { id: 'b2', file: RC, desc: 'root record-click.ts: comment at the top (the root reruns, cache catches up)', apply: prepend('// touched\n') },
      { id: 'b3', file: FWR, desc: 'three comment lines at the top of fetch-with-retry.ts (the finding moves to line 13)', apply: prepend('// a\n// b\n// c\n') },
      { id: 'b4', file: FWR, desc: 'remove the console.log again (the finding disappears)', apply: sub('  console.log("fetchWithRetry", input, init);\n', '') },
    ],
    // A finding located in a non-root module, then an edit that makes the scan skip that module as minified.
    minified: [
      { id: 'mz1', file: OP, desc: 'console.log(this.provider) in generateAuthUrl (finding located in oauth-provider.ts)', apply: sub('    const state = nanoid(16);\n', '    const state = nanoid(16);\n    console.log(this.provider);\n') },
      { id: 'mz2', file: OP, desc: 'append a non-exported const holding a 40 kB base64 logo on one line (file now "minified")', apply: append('\nconst PROVIDER_LOGO = "data:image/png;base64,' + 'iVBORw0KGgo'.repeat(4000) + '";\n') },
      { id: 'mz3', file: OP, desc: 'remove that const again', apply: (t) => t.replace(/\nconst PROVIDER_LOGO = "[^"]*";\n/, '') },
    ],

    helperAddDelete: [
      { id: 'had1', file: ERR, desc: 'add a non-exported helper nothing uses', apply: sub('const docErrorUrl =', 'function unusedHelper(x: string) {\n  return x.trim();\n}\n\nconst docErrorUrl =') },
      { id: 'had2', file: ERR, desc: 'delete that helper again', apply: sub('function unusedHelper(x: string) {\n  return x.trim();\n}\n\n', '') },
    ],

    // The root reaches @dub/utils through a namespace import (b90765c: namespace/import() targets read whole).
    namespace: [
      { id: 'ns1', file: RC, desc: 'root: import * as utils from "@dub/utils"; call utils.fetchWithRetry(...)', apply: compose(sub('  fetchWithRetry,\n', ''), sub('import { EU_COUNTRY_CODES }', 'import * as utils from "@dub/utils";\nimport { EU_COUNTRY_CODES }'), sub('        fetchWithRetry(', '        utils.fetchWithRetry(')) },
      { id: 'ns2', file: FWR, desc: 'console.log(input, init) in fetchWithRetry', apply: sub('  const { timeout = 5000', '  console.log("fetchWithRetry", input, init);\n  const { timeout = 5000') },
      { id: 'ns3', file: FWR, desc: 'comment lines at the top (finding moves)', apply: prepend('// x\n// y\n') },
      { id: 'ns4', file: FWR, desc: 'remove the console.log', apply: sub('  console.log("fetchWithRetry", input, init);\n', '') },
    ],
    // The root loads fetch-with-retry with a dynamic import().
    dynamicImport: [
      { id: 'di1', file: RC, desc: 'root: const { fetchWithRetry } = await import("@dub/utils") inside the waitUntil callback', apply: compose(sub('  fetchWithRetry,\n', ''), sub('    (async () => {\n      const response', '    (async () => {\n      const { fetchWithRetry } = await import("@dub/utils");\n      const response')) },
      { id: 'di2', file: FWR, desc: 'console.log(input, init) in fetchWithRetry', apply: sub('  const { timeout = 5000', '  console.log("fetchWithRetry", input, init);\n  const { timeout = 5000') },
      { id: 'di3', file: FWR, desc: 'string literal changed after the finding (finding stays put)', apply: sub('throw new Error("Unauthorized")', 'throw new Error("Forbidden")') },
      { id: 'di4', file: FWR, desc: 'remove the console.log', apply: sub('  console.log("fetchWithRetry", input, init);\n', '') },
    ],
    // Findings present, then edits that move positions.
    positions: [
      { id: 'pos1', file: BC, desc: 'console.log(headers) after auth headers (findings located in base-client)', apply: sub('    Object.assign(headers, await this.buildAuthHeaders(), options.headers);\n', '    Object.assign(headers, await this.buildAuthHeaders(), options.headers);\n    console.log(headers);\n') },
      { id: 'pos2', file: BC, desc: 'blank line at the top of base-client', apply: prepend('\n') },
      { id: 'pos3', file: ERR, desc: 'errors.ts: blank line at the top', apply: prepend('\n') },
      { id: 'pos4', file: BC, desc: 'shadow console in base-client', apply: sub('const DEFAULT_TIMEOUT_MS', 'const console = { log: (..._a: unknown[]) => {}, error: (..._a: unknown[]) => {} };\nconst DEFAULT_TIMEOUT_MS') },
      { id: 'pos5', file: BC, desc: 'remove the console shadow again', apply: sub('const console = { log: (..._a: unknown[]) => {}, error: (..._a: unknown[]) => {} };\n', '') },
      { id: 'pos6', file: DYN, desc: 'root dynadot: blank line at the top', apply: prepend('\n') },
    ],
  };
  return { single, cumulative };
};
