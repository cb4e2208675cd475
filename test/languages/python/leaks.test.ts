import { describe, expect, it } from 'vitest';
import type { LeakFact } from '../../../src/core/facts.js';
import { analyzePython } from '../../../src/languages/python/index.js';
import { fixtureOptions } from '../../support/fixture-front-end-options.js';

async function leaks(code: string, file = 'app/main.py'): Promise<LeakFact[]> {
  return (await analyzePython(file, code, fixtureOptions())).facts.filter((f): f is LeakFact => f.kind === 'leak');
}

async function leakSummary(code: string): Promise<string[]> {
  return (await leaks(code)).map((l) => `${l.range.line}:${l.ruleId}:${l.sink}:${l.secretId}`).sort((a, b) => parseInt(a) - parseInt(b));
}

const PRELUDE = 'import os\nimport logging\nlogger = logging.getLogger(__name__)\nkey = os.environ["OPENROUTER_API_KEY"]\n';

describe('python leak analysis: sinks', () => {
  it('finds print and logging sinks through assignment, f-strings, %, format, str and concatenation', async () => {
    const code = PRELUDE + [
      'a = f"key={key}"',
      'b = "key=%s" % key',
      'c = "key={}".format(key)',
      'd = str(key) + "!"',
      'print(a)',
      'logger.info(b)',
      'logging.warning(c)',
      'logging.getLogger("x").error(d)',
    ].join('\n');
    expect(await leakSummary(code)).toEqual([
      '9:no-secret-in-log:print:OpenRouterApiKey',
      '10:no-secret-in-log:logger.info:OpenRouterApiKey',
      '11:no-secret-in-log:logging.warning:OpenRouterApiKey',
      '12:no-secret-in-log:logging.getLogger.error:OpenRouterApiKey',
    ]);
  });

  it('stops at sanitizers, len, comparisons, bool and hashlib', async () => {
    const code = PRELUDE + [
      'import hashlib',
      'print(redact(key), mask(key), len(key), key == "x", bool(key), not key)',
      'print(hashlib.sha256(key.encode()).hexdigest())',
      'print(key.startswith("sk-"))',
    ].join('\n');
    expect(await leaks(code)).toEqual([]);
  });

  it('covers error, serialization, prompt, telemetry, url and tool-output sinks', async () => {
    const code = [
      'import json, yaml, openai, anthropic, sentry_sdk',
      'from urllib.parse import urlencode',
      'from mcp.server.fastmcp import FastMCP',
      'from app.secrets import resolve_secret',
      'mcp = FastMCP("x")',
      'token = resolve_secret("GithubToken")',
      'raise RuntimeError(f"bad token {token}")',
      'open("c.json", "w").write(json.dumps({"token": token}))',
      'yaml.safe_dump([token], open("c.yaml", "w"))',
      'client = openai.OpenAI()',
      'client.chat.completions.create(model="m", messages=[{"role": "user", "content": token}])',
      'client.responses.create(model="m", instructions=token, input="hi")',
      'anthropic.Anthropic().messages.create(system=f"use {token}", messages=[])',
      'sentry_sdk.set_context("auth", {"token": token})',
      'span.set_attribute("token", token)',
      'u = "https://api.example.test/v1?" + urlencode({"key": token})',
      'url = f"https://api.example.test/v1?key={token}"',
      '@mcp.tool()',
      'def leak_tool() -> str:',
      '    return resolve_secret("StripeSecretKey")',
    ].join('\n');
    expect(await leakSummary(code)).toEqual([
      '7:no-secret-in-error:raise RuntimeError:GithubToken',
      '8:no-secret-serialization:json.dumps written by write():GithubToken',
      '9:no-secret-serialization:yaml.safe_dump:GithubToken',
      '11:no-secret-in-prompt:chat message content:GithubToken',
      '12:no-secret-in-prompt:OpenAI responses instructions:GithubToken',
      '13:no-secret-in-prompt:Anthropic system prompt:GithubToken',
      '14:no-secret-in-telemetry:sentry_sdk.set_context:GithubToken',
      '15:no-secret-in-telemetry:span.set_attribute:GithubToken',
      '16:no-secret-in-url:URL query string:GithubToken',
      '17:no-secret-in-url:URL query string:GithubToken',
      '20:no-secret-in-tool-output:MCP tool result:StripeSecretKey',
    ]);
  });

  it('allows a secret in an outgoing Authorization header', async () => {
    const code = PRELUDE + 'import requests\nrequests.get("https://api.example.test", headers={"Authorization": f"Bearer {key}"})\n';
    expect(await leaks(code)).toEqual([]);
  });
});

describe('python leak analysis: sources and summaries', () => {
  it('treats resolver types, pydantic secret fields and resolver calls as sources', async () => {
    const code = [
      'from pydantic_settings import BaseSettings',
      'class Settings(BaseSettings):',
      '    github_token: str',
      'class Holder:',
      '    value: SecretString',
      'def show(s: SecretString, h: Holder, settings: Settings) -> None:',
      '    print(s.expose())',
      '    print(h.value.value)',
      '    print(settings.github_token)',
      'def make() -> ResolvedSecret: ...',
      'print(make().get_secret_value())',
    ].join('\n');
    expect(await leakSummary(code)).toEqual([
      '7:no-secret-in-log:print:null',
      '8:no-secret-in-log:print:null',
      '9:no-secret-in-log:print:GithubToken',
      '11:no-secret-in-log:print:null',
    ]);
  });

  it('ignores env reads of non-secret and unknown names', async () => {
    expect(await leaks('import os\nprint(os.getenv("DATABASE_URL"), os.getenv("HOME"))\n')).toEqual([]);
  });

  it('follows same-module returns and parameters into sinks, with a flow from source to sink', async () => {
    const code = [
      'import os',
      'def header(v):',
      '    return "Bearer " + v',
      'def log_it(value):',
      '    print(value)',
      'class Client:',
      '    def __init__(self):',
      '        self.key = os.getenv("STRIPE_SECRET_KEY")',
      '    def debug(self):',
      '        log_it(header(self.key))',
    ].join('\n');
    const [leak] = await leaks(code);
    expect(leak).toMatchObject({ ruleId: 'no-secret-in-log', sink: 'print', secretId: 'StripeSecretKey', envName: 'STRIPE_SECRET_KEY', range: { line: 5, column: 11 } });
    expect(leak.flow.map((s) => `${s.line}:${s.column} ${s.note}`)).toEqual([
      '8:20 secret StripeSecretKey from os.getenv("STRIPE_SECRET_KEY")',
      '8:9 assigned to self.key',
      '10:16 returned by header()',
      '10:16 passed to log_it() as value',
      '5:11 reaches print (no-secret-in-log)',
    ]);
    expect(leak.flow.every((s) => s.file === 'app/main.py')).toBe(true);
  });

  it('never puts a secret value into a fact', async () => {
    const canary = 'sk-test-FAKE-canary-0123456789';
    const code = `import os\nos.environ.setdefault("OPENROUTER_API_KEY", "${canary}")\nkey = os.environ.get("OPENROUTER_API_KEY", "${canary}")\nprint(f"{key} ${canary}")\n`;
    const result = await analyzePython('app.py', code, fixtureOptions());
    expect(result.facts.some((f) => f.kind === 'leak')).toBe(true);
    expect(JSON.stringify(result)).not.toContain(canary);
  });
});
