// One case per Rust sink family in the catalog that the other leak tests do not reach.
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.js';

const KEY = 'let key = resolve_secret(SecretId::OpenRouterApiKey).await?;';

async function rules(body: string, prelude = ''): Promise<string[]> {
  const found = (await analyze(`${prelude}\nasync fn run() -> eyre::Result<()> {\n${KEY}\n${body}\n}`)).leaks;
  return found.map((leak) => leak.ruleId);
}

describe('rust sink families', () => {
  it('eyre! and unimplemented! carry the message into an error', async () => {
    expect(await rules('return Err(eyre::eyre!("bad key {}", key.expose_secret()));', 'use eyre;')).toContain('no-secret-in-error');
    expect(await rules('unimplemented!("key {}", key.expose_secret());')).toContain('no-secret-in-error');
  });

  it('Url::parse_with_params puts the secret in a query string', async () => {
    expect(await rules('let u = Url::parse_with_params("https://x.test", &[("key", key.expose_secret())])?;', 'use url::Url;')).toContain('no-secret-in-url');
  });

  it('a bearer token on a request is the legitimate use', async () => {
    expect(await rules('let r = client.get("https://x.test").bearer_auth(key.expose_secret()).send().await?;')).toEqual([]);
  });
});
