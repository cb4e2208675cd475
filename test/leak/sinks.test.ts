// Every sink family and every safe case, analysed as one project (one compiler program) so the
// suite stays fast. Each case is its own file; expectations are `rule@line` per file.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeDir, cleanupProjects, RESOLVER, writeProject, type LeakRun } from './leak-harness.js';

const HEAD = `import { resolveSecret, redact, SecretString } from './secrets/resolver';\n`;

/** name -> [code (line 1 is HEAD), expected `rule@line` list]. */
const CASES: Record<string, [string, string[]]> = {
  // logs
  consoleLog: [`const key = resolveSecret('OpenRouterApiKey');\nconsole.log('k', key);`, ['no-secret-in-log@3']],
  consoleTemplate: [`const key = resolveSecret('OpenRouterApiKey');\nconsole.error(\`key=\${key}\`);`, ['no-secret-in-log@3']],
  pino: [`import pino from 'pino';\nconst logger = pino();\nlogger.child({ a: 1 }).info({ key: resolveSecret('GithubToken') });`, ['no-secret-in-log@4']],
  winston: [`import winston from 'winston';\nconst log = winston.createLogger({});\nlog.warn(resolveSecret('GithubToken'));`, ['no-secret-in-log@4']],
  debugLib: [`import createDebug from 'debug';\nconst dbg = createDebug('app');\ndbg('token %s', resolveSecret('GithubToken'));`, ['no-secret-in-log@4']],
  nestLogger: [`import { Logger } from '@nestjs/common';\nclass Svc {\n  private readonly logger = new Logger(Svc.name);\n  run() { this.logger.log(resolveSecret('GithubToken')); }\n}`, ['no-secret-in-log@5']],
  loggerByName: [`declare const logger: any;\nlogger.info(resolveSecret('GithubToken'));`, ['no-secret-in-log@3']],
  // errors
  newError: [`const t = process.env.GITHUB_TOKEN;\nthrow new Error('bad ' + t);`, ['no-secret-in-error@3']],
  userError: [`class AuthFailure extends TypeError {}\nclass Deeper extends AuthFailure {}\nconst t = resolveSecret('GithubToken');\nthrow new Deeper(t);`, ['no-secret-in-error@5']],
  throwValue: [`const t = resolveSecret('GithubToken');\nthrow t;`, ['no-secret-in-error@3']],
  // prompts
  openaiChat: [`import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: resolveSecret('OpenRouterApiKey') });\nconst k = resolveSecret('StripeSecretKey');\nconst messages = [{ role: 'system', content: \`key \${k}\` }];\nawait client.chat.completions.create({ model: 'x', messages });`, ['no-secret-in-prompt@5']],
  roleObject: [`const k = resolveSecret('StripeSecretKey');\nconst msg = { role: 'user', content: k };`, ['no-secret-in-prompt@3']],
  responsesApi: [`import OpenAI from 'openai';\nconst c = new OpenAI();\nawait c.responses.create({ model: 'x', instructions: resolveSecret('GithubToken'), input: 'hi' });`, ['no-secret-in-prompt@4']],
  anthropic: [`import Anthropic from '@anthropic-ai/sdk';\nconst a = new Anthropic({ apiKey: resolveSecret('OpenRouterApiKey') });\nawait a.messages.create({ model: 'm', max_tokens: 5, system: \`token: \${resolveSecret('GithubToken')}\`, messages: [] });`, ['no-secret-in-prompt@4']],
  vercelAi: [`import { generateText } from 'ai';\nconst key = resolveSecret('StripeSecretKey');\nawait generateText({ model: 'x' as any, prompt: 'use ' + key });`, ['no-secret-in-prompt@4']],
  langchain: [`import { SystemMessage } from '@langchain/core/messages';\nconst m = new SystemMessage(resolveSecret('GithubToken'));`, ['no-secret-in-prompt@3']],
  // tool outputs and HTTP
  mcpTool: [`import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nconst server = new McpServer({ name: 'x', version: '1' });\nserver.registerTool('t', {}, async () => {\n  const t = resolveSecret('GithubToken');\n  return { content: [{ type: 'text', text: t }] };\n});`, ['no-secret-in-tool-output@6']],
  aiTool: [`import { tool } from 'ai';\nconst t = tool({ description: 'd', execute: async () => resolveSecret('GithubToken') });`, ['no-secret-in-tool-output@3']],
  express: [`import express from 'express';\nconst app = express();\napp.get('/', (req: any, res: any) => { res.json({ token: resolveSecret('GithubToken') }); });`, ['no-secret-in-tool-output@4']],
  webResponse: [`export function GET() { return Response.json({ key: resolveSecret('GithubToken') }); }`, ['no-secret-in-tool-output@2']],
  // telemetry
  otelSpan: [`import { trace } from '@opentelemetry/api';\nconst span = trace.getActiveSpan()!;\nspan.setAttribute('k', resolveSecret('GithubToken'));`, ['no-secret-in-telemetry@4']],
  sentry: [`import * as Sentry from '@sentry/node';\nSentry.setContext('auth', { token: resolveSecret('GithubToken') });`, ['no-secret-in-telemetry@3']],
  // serializers
  jsonStringify: [`import fs from 'node:fs';\nconst cfg = { apiKey: resolveSecret('OpenRouterApiKey'), model: 'x' };\nconst text = JSON.stringify(cfg);\nfs.writeFileSync('cfg.json', text);`, ['no-secret-serialization@5']],
  jsonStringifyInLog: [`const cfg = { apiKey: resolveSecret('OpenRouterApiKey'), model: 'x' };\nconsole.log(JSON.stringify(cfg));`, ['no-secret-in-log@3']],
  jsonStringifyEncrypted: [`declare function encrypt(text: string): string;\nconst cfg = { apiKey: resolveSecret('OpenRouterApiKey'), model: 'x' };\nconst sealed = encrypt(JSON.stringify(cfg));`, []],
  // URLs
  urlTemplate: [`const key = resolveSecret('OpenRouterApiKey');\nawait fetch(\`https://x.test/v1?model=a&key=\${key}\`);`, ['no-secret-in-url@3']],
  urlConcat: [`const key = resolveSecret('OpenRouterApiKey');\nconst u = 'https://x.test/v1?token=' + key;`, ['no-secret-in-url@3']],
  urlSearchParams: [`const u = new URL('https://x.test');\nu.searchParams.set('key', resolveSecret('GithubToken'));\nconst q = new URLSearchParams({ token: resolveSecret('GithubToken') });\nawait fetch(\`https://x.test/?\${q}\`);\nawait fetch('https://x.test/token', { method: 'POST', body: q });`, ['no-secret-in-url@3', 'no-secret-in-url@5']],

  // propagation forms
  destructuring: [`const { OPENROUTER_API_KEY: k } = process.env;\nconsole.log(k);`, ['no-secret-in-log@3']],
  elementEnv: [`console.log(process.env['STRIPE_KEY']);`, ['no-secret-in-log@2']],
  objectField: [`const cfg = { apiKey: resolveSecret('OpenRouterApiKey'), model: 'x' };\nconsole.log(cfg.model);\nconsole.log(cfg.apiKey);\nconst { apiKey } = cfg;\nconsole.log(apiKey);`, ['no-secret-in-log@4', 'no-secret-in-log@6']],
  spreadAndArray: [`const base = { k: resolveSecret('GithubToken') };\nconst all = [{ ...base }];\nconsole.log(all);`, ['no-secret-in-log@4']],
  stringMethods: [`const k = resolveSecret('GithubToken');\nconsole.log(String(k).trim().toUpperCase());\nconsole.log(k.toString().slice(4));\nconsole.log(k.slice(0, 4) + '…');`, ['no-secret-in-log@3', 'no-secret-in-log@4']],
  awaitTernaryNullish: [`async function f() {\n  const k = (await resolveSecret('GithubToken')) ?? '';\n  const v = Math.random() > 0.5 ? k : 'none';\n  console.log(v || 'x');\n}`, ['no-secret-in-log@5']],
  reassignClean: [`let k = resolveSecret('GithubToken');\nk = redact(k);\nconsole.log(k);`, []],
  classField: [`class C {\n  private key = resolveSecret('GithubToken');\n  show() { console.log(this.key); }\n}`, ['no-secret-in-log@4']],
  typedSource: [`function show(s: SecretString) { console.log(s.expose()); }`, ['no-secret-in-log@2']],
  importMetaEnv: [`console.log(import.meta.env.OPENROUTER_API_KEY);`, ['no-secret-in-log@2']],
  localSummary: [`function wrap(x: string) { return \`<\${x}>\`; }\nfunction logIt(y: string) { console.log(y); }\nconst k = resolveSecret('GithubToken');\nconsole.log(wrap(k));\nlogIt(k);`, ['no-secret-in-log@3', 'no-secret-in-log@5']],

  // one case per remaining catalog family
  bunyan: [`import bunyan from 'bunyan';\nconst log = bunyan.createLogger({ name: 'app' });\nlog.info({ token: resolveSecret('GithubToken') });`, ['no-secret-in-log@4']],
  log4js: [`import log4js from 'log4js';\nconst log = log4js.getLogger();\nlog.error('token', resolveSecret('GithubToken'));`, ['no-secret-in-log@4']],
  consola: [`import { consola } from 'consola';\nconsola.warn(resolveSecret('GithubToken'));`, ['no-secret-in-log@3']],
  loglevel: [`import log from 'loglevel';\nlog.debug(resolveSecret('GithubToken'));`, ['no-secret-in-log@3']],
  rangeError: [`throw new RangeError(\`bad \${resolveSecret('GithubToken')}\`);`, ['no-secret-in-error@2']],
  nextResponse: [`import { NextResponse } from 'next/server';\nexport function GET() { return NextResponse.json({ key: resolveSecret('GithubToken') }); }`, ['no-secret-in-tool-output@3']],
  webResponseBody: [`export function handler() { return new Response(resolveSecret('GithubToken')); }`, ['no-secret-in-tool-output@2']],
  langchainTemplate: [`import { ChatPromptTemplate } from '@langchain/core/prompts';\nconst k = resolveSecret('GithubToken');\nconst p = ChatPromptTemplate.fromMessages([['system', \`token \${k}\`]]);`, ['no-secret-in-prompt@4']],
  axiosAuthAllowed: [`import axios from 'axios';\nconst k = resolveSecret('GithubToken');\nawait axios.get('https://api.github.com', { headers: { Authorization: \`Bearer \${k}\` } });`, []],
  gotAuthAllowed: [`import got from 'got';\nconst k = resolveSecret('GithubToken');\nawait got('https://api.github.com', { headers: { authorization: \`token \${k}\` } });`, []],
  undiciAuthAllowed: [`import { request } from 'undici';\nconst k = resolveSecret('GithubToken');\nawait request('https://api.github.com', { headers: { 'x-api-key': k } });`, []],
  headersAllowed: [`const h = new Headers();\nh.set('Authorization', \`Bearer \${resolveSecret('GithubToken')}\`);`, []],
  aiSdkProviderAllowed: [`import { createOpenAI } from '@ai-sdk/openai';\nconst openai = createOpenAI({ apiKey: resolveSecret('OpenRouterApiKey') });`, []],
  octokitAllowed: [`import { Octokit } from '@octokit/rest';\nconst gh = new Octokit({ auth: resolveSecret('GithubToken') });`, []],

  // safe cases
  sanitizer: [`const k = resolveSecret('GithubToken');\nconsole.log(redact(k));`, []],
  lengthAndCompare: [`const k = resolveSecret('GithubToken');\nconsole.log(k.length, k === 'x', Boolean(k), !k, typeof k, k.startsWith('gh'));`, []],
  hashing: [`import { createHash } from 'node:crypto';\nconst k = resolveSecret('GithubToken');\nconsole.log(createHash('sha256').update(k).digest('hex'));`, []],
  authHeader: [`const k = resolveSecret('GithubToken');\nawait fetch('https://api.github.com', { headers: { Authorization: \`Bearer \${k}\`, 'x-api-key': k } });`, []],
  apiKeyCtor: [`import OpenAI from 'openai';\nconst c = new OpenAI({ apiKey: resolveSecret('OpenRouterApiKey') });\nconsole.log('ready');`, []],
  configKind: [`console.log(process.env.DATABASE_URL);`, []],
  urlWithoutQuery: [`const k = resolveSecret('GithubToken');\nconst path = \`/repos/\${k.length}\`;\nconsole.log(path);`, []],
  untaintedLog: [`const name = 'GithubToken';\nconsole.log(name, resolveSecret.name);`, []],
};

let run: LeakRun;

beforeAll(async () => {
  const files: Record<string, string> = { 'src/secrets/resolver.ts': RESOLVER };
  for (const [name, [code]] of Object.entries(CASES)) files[`src/${name}.ts`] = HEAD + code + '\nexport {};\n';
  run = await analyzeDir(writeProject(files));
});
afterAll(cleanupProjects);

describe('TypeScript leak sinks and propagation', () => {
  for (const [name, [, expected]] of Object.entries(CASES)) {
    it(name, () => {
      const file = path.join('src', `${name}.ts`);
      const found = run.leaks.filter((leak) => leak.flow[leak.flow.length - 1].file === file.split(path.sep).join('/') || leak.flow[0].file === `src/${name}.ts`);
      expect(found.map((leak) => `${leak.ruleId}@${leak.range.line}`).sort()).toEqual([...expected].sort());
    });
  }
  it('reports no errors', () => {
    expect(run.errors).toEqual([]);
  });
});
