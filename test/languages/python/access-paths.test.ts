// Python leak analysis per access path across modules (issue 9): what a module hands out
// (`returnsSecret` of functions, settings classes and module values, `returnPaths`, sink paths),
// how a caller uses it, resolver results' members, getattr/setattr and declared source paths.
import { describe, expect, it } from 'vitest';
import type { FrontEndOptions, FunctionSummaryFact, LeakFact } from '../../../src/core/facts.js';
import { analyzePython, pythonFrontEnd } from '../../../src/languages/python/index.js';
import { fixtureOptions } from '../../support/fixture-front-end-options.js';

async function summaries(code: string, file = 'app/config.py'): Promise<FunctionSummaryFact[]> {
  const result = await analyzePython(file, code, fixtureOptions());
  return result.facts.filter((f): f is FunctionSummaryFact => f.kind === 'function-summary');
}

async function leakLines(code: string, options: Partial<FrontEndOptions> = {}, file = 'app/main.py'): Promise<string[]> {
  const result = await analyzePython(file, code, fixtureOptions(options));
  return result.facts.filter((f): f is LeakFact => f.kind === 'leak').map((l) => `${l.range.line}:${l.sink}:${l.secretId ?? l.source}`);
}

/** The secret paths of a shape, `llm.api_key=OpenRouterApiKey`, sorted. */
function paths(summary: FunctionSummaryFact | undefined): string[] {
  const out: string[] = [];
  const walk = (shape: NonNullable<FunctionSummaryFact['returnsSecret']>, prefix: string[]): void => {
    if (!shape.fields) out.push(`${prefix.join('.')}=${shape.secretId}${shape.opaque ? ` (${shape.opaque})` : ''}`);
    for (const [key, inner] of shape.fields ?? []) walk(inner, [...prefix, key]);
  };
  if (summary?.returnsSecret) walk(summary.returnsSecret, []);
  return out.sort();
}

const CONFIG_MODULE = [
  'import os',
  'from pydantic_settings import BaseSettings',
  '',
  'def get_config():',
  '    return {"model": "gpt-4o", "llm": {"api_key": os.environ["OPENROUTER_API_KEY"], "url": "https://x"}}',
  '',
  'def key_of(cfg):',
  '    return cfg["api_key"]',
  '',
  'class Settings(BaseSettings):',
  '    github_token: str',
  '    region: str = "eu"',
  '',
  'settings = Settings()',
  'TOKEN = os.environ["GITHUB_TOKEN"]',
  'REGION = "eu"',
  '',
  'class Client:',
  '    def key(self):',
  '        return os.environ["GITHUB_TOKEN"]',
].join('\n');

describe('python access paths: what a module hands out', () => {
  it('summarises a getter per key, a settings class and value per field, a module-level key, and a parameter path', async () => {
    const found = await summaries(CONFIG_MODULE);
    const byName = new Map(found.map((s) => [s.name, s]));
    expect(paths(byName.get('get_config'))).toEqual(['llm.api_key=OpenRouterApiKey']);
    expect(paths(byName.get('Settings'))).toEqual(['github_token=GithubToken']);
    expect(paths(byName.get('settings'))).toEqual(['github_token=GithubToken']);
    expect(byName.get('settings')?.value).toBe(true);
    expect(paths(byName.get('TOKEN'))).toEqual(['=GithubToken']);
    expect(byName.get('key_of')?.returnPaths).toEqual([{ param: 0, path: ['api_key'] }]);
    // No summary for plain values, and methods hand nothing across files.
    expect(byName.has('REGION')).toBe(false);
    expect(byName.get('Client.key')?.returnsSecret).toBeUndefined();
  });

  it('uses another module\'s summaries per key, attribute and parameter path', async () => {
    const given = await summaries(CONFIG_MODULE);
    const code = [
      'from app.config import get_config, key_of, settings, TOKEN',
      'cfg = get_config()',
      'print(cfg["model"], cfg["llm"]["url"])',
      'print(cfg["llm"]["api_key"])',
      'print(settings.region)',
      'print(settings.github_token)',
      'print(TOKEN)',
      'print(key_of(cfg["llm"]))',
      'print(key_of({"api_key": "plain"}))',
    ].join('\n');
    expect(await leakLines(code, { functionSummaries: given })).toEqual([
      '4:print:OpenRouterApiKey',
      '6:print:GithubToken',
      '7:print:GithubToken',
      '8:print:OpenRouterApiKey',
    ]);
    // The same file without the summaries has no source at all.
    expect(await leakLines(code)).toEqual([]);
  });

  it('does not take a local name for another module\'s value it did not import', async () => {
    const given = await summaries(CONFIG_MODULE);
    expect(await leakLines('settings = load()\nprint(settings.github_token)\nprint(TOKEN)\n', { functionSummaries: given })).toEqual([]);
  });

  it('lets a file through the prefilter when it names a source summary', async () => {
    const given = await summaries(CONFIG_MODULE);
    const text = 'from app.config import get_config\nprint(get_config()["model"])\n';
    expect(pythonFrontEnd.prefilter(text, fixtureOptions())).toBe(false);
    expect(pythonFrontEnd.prefilter(text, fixtureOptions({ functionSummaries: given }))).toBe(true);
  });
});

describe('python access paths: resolver results, getattr, declared source paths', () => {
  it('treats a resolver result as secret through its exposing members only', async () => {
    const code = [
      'r = resolve_secret("GithubToken")',
      'print(r.status, r.source, r.detail, r.redacted())',
      'print(r.value)',
      'print(r.get_secret_value())',
      'print(r)',
    ].join('\n');
    expect(await leakLines(code)).toEqual(['3:print:GithubToken', '4:print:GithubToken', '5:print:GithubToken']);
  });

  it('reads getattr with a constant name as the attribute, and a computed name as any attribute', async () => {
    const code = [
      'cfg = {"model": "m", "api_key": resolve_secret("GithubToken")}',
      'plain = {"model": "m"}',
      'def show(name):',
      '    print(getattr(cfg, "model"))',
      '    print(getattr(cfg, "api_key"))',
      '    print(getattr(cfg, name))',
      '    print(getattr(plain, name))',
    ].join('\n');
    expect(await leakLines(code)).toEqual(['5:print:GithubToken', '6:print:GithubToken']);
  });

  it('taints only the declared path under a leak.sources { call, path } result', async () => {
    const code = [
      'cfg = get_config()',
      'print(cfg["llm"]["model"], cfg.get("llm", {}).get("model"))',
      'print(cfg["llm"]["api_key"])',
      'print(cfg.llm.api_key)',
      'print(cfg)',
    ].join('\n');
    const options = { extraSourcePaths: [{ call: 'get_config', path: ['llm', 'api_key'] }] };
    expect(await leakLines(code, options)).toEqual(['3:print:get_config() llm.api_key', '4:print:get_config() llm.api_key', '5:print:get_config() llm.api_key']);
    expect(await leakLines(code)).toEqual([]);
  });

  it('matches a dotted leak.sources call on the end of the callee chain only', async () => {
    const code = ['a = settings.load()', 'b = cache.load()', 'c = self.settings.load()', 'print(a.token, b.token, c.token)'].join('\n');
    // a.token and c.token, not b.token (cache.load is another function).
    const found = (await analyzePython('app/main.py', code, fixtureOptions({ extraSourcePaths: [{ call: 'settings.load', path: ['token'] }] }))).facts;
    const leaks = found.filter((f): f is LeakFact => f.kind === 'leak');
    expect(leaks.map((l) => `${l.range.column}:${l.flow[0].line}`).sort()).toEqual(['25:3', '7:1']);
  });
});
