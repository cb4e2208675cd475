// Which placeholders of a format string put their argument after `?name=` / `&name=`.
import { describe, expect, it } from 'vitest';
import { queryValuePlaceholders } from '../../../src/languages/rust/url-query.js';
import { analyze } from './analyze.js';

const args = (literal: string) => queryValuePlaceholders(literal, 0).map((p) => p.argument);

describe('queryValuePlaceholders', () => {
  it('maps positional, indexed, named and captured placeholders to their argument', () => {
    expect(args('"{}/models/{}:embed?key={}"')).toEqual([2]);
    expect(args('"{0}?page=1&key={1}"')).toEqual([1]);
    expect(args('"{base}?api_key={k}"')).toEqual(['k']);
    expect(args('"{base}?alt=sse&key={key:?}"')).toEqual(['key']);
  });

  it('ignores values outside a query value: path segments, a bare `?`, form text, escaped braces', () => {
    expect(args('"{}/v1/{}"')).toEqual([]);
    expect(args('"{}?{}"')).toEqual([]);
    expect(args('"client_secret={}"')).toEqual([]);
    expect(args('"{{?key={{}}}}"')).toEqual([]);
  });

  it('counts positions of implicit placeholders only (`{0}` does not advance them)', () => {
    expect(args('"{0}{}?key={}"')).toEqual([1]);
  });

  it('takes a placeholder the caller knows to be the `?`/`&` separator as one (Gemini build_uri)', () => {
    const separator = (argument: number | string) => argument === 'separator';
    const withSeparator = (literal: string) => queryValuePlaceholders(literal, 0, separator).map((p) => p.argument);
    expect(withSeparator('"{base_url}/{trimmed}{separator}key={}"')).toEqual([0]);
    expect(withSeparator('"{base_url}/{trimmed}{separator}alt=sse&key={}"')).toEqual([0]);
    expect(args('"{base_url}/{trimmed}{separator}key={}"')).toEqual([]);
    expect(withSeparator('"{fields}{joiner}api_key={}"')).toEqual([]);
  });
});

describe('format! as a URL query sink', () => {
  const run = (body: string) => analyze(`use reqwest::Url;
fn run() -> anyhow::Result<()> {
    let key = resolve_secret(SecretId::OpenRouterApiKey).expose().unwrap_or_default().to_string();
${body}
    Ok(())
}`);

  it('reports a secret formatted after ?key= at the format string when no URL sink is in view', async () => {
    const { leaks } = await run('    let url = format!("https://x.test/models?key={}", key);\n    send(url);');
    expect(leaks.map((leak) => [leak.ruleId, leak.sink, leak.range.line])).toEqual([['no-secret-in-url', 'URL query string', 4]]);
  });

  it('reports it once, at the URL sink, when the text is then parsed as a URL', async () => {
    const direct = (await run('    let url = Url::parse(&format!("https://x.test/models?key={}", key))?;')).leaks;
    expect(direct.map((leak) => [leak.ruleId, leak.sink, leak.range.line])).toEqual([['no-secret-in-url', 'Url::parse', 4]]);
    const through = (await run('    let text = format!("https://x.test/models?key={key}");\n    let url = Url::parse(&text)?;')).leaks;
    expect(through.map((leak) => [leak.ruleId, leak.sink, leak.range.line])).toEqual([['no-secret-in-url', 'Url::parse', 5]]);
  });
});
