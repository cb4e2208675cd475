// Function summaries across files, leaky types, robustness.
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeDir, analyzeSnippet, cleanupProjects, RESOLVER, writeProject } from './leak-harness.js';

afterAll(cleanupProjects);

describe('cross-file summaries', () => {
  it('reports a param sink inside another file at the sink, with the flow from the source in the caller', async () => {
    const run = await analyzeDir(
      writeProject({
        'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true } }),
        'src/secrets/resolver.ts': RESOLVER,
        'src/prompt.ts': `export function buildPrompt(k: string) {\n  return [{ role: 'user', content: 'hello' }, { note: k }];\n}\nexport function logKey(k: string) {\n  console.info('key', k);\n}\nexport const wrap = (v: string) => \`[\${v}]\`;\n`,
        'src/app.ts': `import { resolveSecret } from './secrets/resolver.js';\nimport { logKey, wrap } from './prompt.js';\nconst key = resolveSecret('OpenRouterApiKey');\nlogKey(key);\nconsole.log(wrap(key));\n`,
      }),
    );
    const viaParam = run.leaks.find((leak) => leak.flow[leak.flow.length - 1].file === 'src/prompt.ts')!;
    const viaReturn = run.leaks.find((leak) => leak !== viaParam)!;
    expect(run.leaks).toHaveLength(2);
    expect(viaParam.ruleId).toBe('no-secret-in-log');
    expect(viaParam.range.line).toBe(5);
    expect(viaParam.secretId).toBe('OpenRouterApiKey');
    expect(viaParam.envName).toBe('OPENROUTER_API_KEY');
    expect(viaParam.flow.map((step) => `${step.file}:${step.line} ${step.note}`)).toEqual([
      "src/app.ts:3 resolveSecret('OpenRouterApiKey') returns the secret",
      "src/app.ts:3 assigned to 'key'",
      "src/app.ts:4 passed to 'logKey' (param 'k')",
      'src/prompt.ts:5 reaches console.info',
    ]);
    expect(viaReturn.flow.map((step) => step.note)).toContain("returned from 'wrap'");
    expect(viaReturn.flow[viaReturn.flow.length - 1]).toMatchObject({ file: 'src/app.ts', line: 5, note: 'reaches console.log' });
  });

  it('reports one finding per sink however many calls lead there', async () => {
    const run = await analyzeDir(
      writeProject({
        'src/secrets/resolver.ts': RESOLVER,
        'src/log.ts': `export function logKey(k: string) {\n  console.info('key', k);\n}\n`,
        'src/a.ts': `import { resolveSecret } from './secrets/resolver';\nimport { logKey } from './log';\nlogKey(resolveSecret('GithubToken'));\n`,
        'src/b.ts': `import { resolveSecret } from './secrets/resolver';\nimport { logKey } from './log';\nconst k = resolveSecret('OpenRouterApiKey');\nlogKey(k);\nlogKey(k);\n`,
      }),
    );
    expect(run.leaks).toHaveLength(1);
    const [leak] = run.leaks;
    expect(leak.range.line).toBe(2);
    expect(leak.flow[0]).toMatchObject({ file: 'src/a.ts', line: 3 });
    expect(leak.flow[leak.flow.length - 1]).toMatchObject({ file: 'src/log.ts', line: 2, note: 'reaches console.info' });
  });

  it('follows a source returned by a project function (getter summary)', async () => {
    const run = await analyzeSnippet(`import { key } from './config';\nconsole.log(key());\n`, {
      'src/config.ts': `import { resolveSecret } from './secrets/resolver';\nexport function key() { return resolveSecret('GithubToken'); }\n`,
    });
    expect(run.leaks.map((leak) => `${leak.ruleId}@${leak.range.line}:${leak.secretId}`)).toEqual(['no-secret-in-log@2:GithubToken']);
  });

  it('treats a declared Promise<ResolvedSecret> return as a source', async () => {
    const run = await analyzeSnippet(`import type { ResolvedSecret } from './types';\ndeclare function load(): Promise<ResolvedSecret>;\nconsole.log(await load());\nexport {};\n`, {
      'src/types.ts': `export interface ResolvedSecret { value: string }\n`,
    });
    expect(run.leaks.map((leak) => leak.ruleId)).toEqual(['no-secret-in-log']);
  });
});

describe('leaky types', () => {
  it('flags a class holding a secret without redaction, not #private or redacting classes', async () => {
    const run = await analyzeSnippet(
      [
        `import { resolveSecret, SecretString, redact } from './secrets/resolver';`,
        `import { inspect } from 'node:util';`,
        `export class Leaky { private apiKey = resolveSecret('OpenRouterApiKey'); }`,
        `export class Typed { constructor(private readonly token: SecretString) {} }`,
        `export class Hidden { #apiKey = resolveSecret('OpenRouterApiKey'); }`,
        `export class Redacting { apiKey = resolveSecret('GithubToken'); toJSON() { return { apiKey: redact(this.apiKey) }; } [inspect.custom]() { return 'Redacting {}'; } }`,
        `export class HalfDone { apiKey = resolveSecret('GithubToken'); toJSON() { return { ...this }; } }`,
      ].join('\n'),
    );
    expect(run.types.map((fact) => `${fact.typeName}.${fact.field}:${fact.secretId}:${fact.exposure}`).sort()).toEqual([
      'HalfDone.apiKey:GithubToken:toJSON returns it, no [util.inspect.custom]',
      'Leaky.apiKey:OpenRouterApiKey:no toJSON, no [util.inspect.custom]',
      'Typed.token:null:no toJSON, no [util.inspect.custom]',
    ]);
  });
});

describe('robustness', () => {
  it('survives syntax errors, missing modules and broken tsconfig without throwing', async () => {
    const run = await analyzeDir(
      writeProject({
        'tsconfig.json': '{ not json',
        'src/secrets/resolver.ts': RESOLVER,
        'src/broken.ts': `import { resolveSecret } from './secrets/resolver';\nimport x from 'not-installed';\nconst k = resolveSecret('GithubToken');\nconsole.log(k;\nx.y(k) {{{\n`,
        'src/plain.js': `const { resolveSecret } = require('./secrets/resolver');\nconsole.log(resolveSecret('GithubToken'));\n`,
      }),
    );
    expect(run.leaks.some((leak) => leak.flow[0].file === 'src/plain.js')).toBe(true);
    expect(run.leaks.some((leak) => leak.flow[0].file === 'src/broken.ts' && leak.ruleId === 'no-secret-in-log')).toBe(true);
  });

  it('returns nothing quickly when no file mentions a source', async () => {
    const run = await analyzeDir(writeProject({ 'a.ts': 'console.log(process.env.HOME);\n' }));
    expect(run.leaks).toEqual([]);
    expect(run.errors).toEqual([]);
  });

  it('never puts a secret value into facts', async () => {
    const run = await analyzeSnippet(`import { resolveSecret } from './secrets/resolver';\nconst fallback = 'sk-test-FAKECANARY0000';\nconsole.log(resolveSecret('GithubToken') || fallback, 'sk-test-FAKECANARY0000');\n`);
    expect(run.leaks.length).toBeGreaterThan(0);
    expect(JSON.stringify(run)).not.toContain('FAKECANARY');
  });

  it('follows a monorepo without a root tsconfig: an app\'s own `@/*` paths and a workspace package that names built output', async () => {
    const run = await analyzeDir(
      writeProject({
        'package.json': '{ "name": "acme", "private": true }',
        'packages/shared/package.json': JSON.stringify({ name: '@acme/shared', types: './dist/index.d.ts', exports: { '.': { import: './dist/index.js' } } }),
        'packages/shared/src/secrets/resolver.ts': RESOLVER,
        'packages/shared/src/index.ts': "export { resolveSecret } from './secrets/resolver';\nexport function logKey(k: string) {\n  console.info('key', k);\n}\n",
        'apps/web/package.json': '{ "name": "web" }',
        'apps/web/tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@/*': ['./*'] } } }),
        'apps/web/lib/keys.ts': "import { resolveSecret } from '@acme/shared';\nexport const githubToken = () => resolveSecret('GithubToken');\n",
        'apps/web/app/page.ts': "import { githubToken } from '@/lib/keys';\nimport { logKey } from '@acme/shared';\nconsole.log(githubToken());\nlogKey(githubToken());\n",
      }),
    );
    expect(run.errors).toEqual([]);
    expect(run.leaks.map((leak) => `${leak.ruleId}@${leak.flow[leak.flow.length - 1].file}:${leak.range.line}`).sort()).toEqual([
      'no-secret-in-log@apps/web/app/page.ts:3',
      'no-secret-in-log@packages/shared/src/index.ts:3',
    ]);
  });
});

// A call with no tainted argument is resolved only when its callee can return a secret by itself:
// a callee reached from an import of an export that can carry one (carrier-reaching.ts), also
// through a constant, a typed parameter or a namespace. walker.derivesFromNonCarrier must not skip these.
describe('callees that return a secret by themselves, reached through imports', () => {
  const keys = `import { resolveSecret } from './secrets/resolver';\nexport class KeyStore { get() { return resolveSecret('GithubToken'); } }\nexport const store = new KeyStore();\nexport function makeStore() { return new KeyStore(); }\nexport const LIMIT = 10;\nexport function topKey() { return resolveSecret('GithubToken'); }\n`;

  it('follows a method of a constant built from a carrying class, of a typed parameter, and the members of a namespace import', async () => {
    const run = await analyzeSnippet(
      `import { KeyStore, makeStore, store } from './keys';\nimport * as all from './keys';\nconst built = new KeyStore();\nconsole.log(built.get());\nconst made = makeStore();\nconsole.info(made.get());\nexport function show(s: KeyStore) {\n  console.warn(s.get());\n}\nconsole.error(store.get());\nconsole.debug(all.store.get());\nconsole.trace(all.topKey());\n`,
      { 'src/keys.ts': keys },
    );
    expect(run.leaks.map((leak) => `${leak.ruleId}@${leak.range.line}`).sort()).toEqual(['no-secret-in-log@10', 'no-secret-in-log@11', 'no-secret-in-log@12', 'no-secret-in-log@4', 'no-secret-in-log@6', 'no-secret-in-log@8'].sort());
  });

  it('finds nothing through exports that cannot carry one, nor through globals and literals', async () => {
    const run = await analyzeSnippet(
      `import { LIMIT } from './keys';\nimport { format } from './format';\nconst seen = new Map<string, string>();\nconsole.log(seen.get('a'), format(LIMIT), 'a,b'.split(','), /x/.test('y'));\nexport function handle(req: Request) {\n  console.log(req.headers.get('x'));\n}\n`,
      { 'src/keys.ts': keys, 'src/format.ts': `export function format(n: number) { return String(n); }\n` },
    );
    expect(run.leaks).toEqual([]);
  });
});
