import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.js';

async function leaks(body: string, prelude = '') {
  const found = (await analyze(`${prelude}\nasync fn run() -> anyhow::Result<()> {\n${body}\n}`)).leaks;
  return found.map((leak) => ({ rule: leak.ruleId, sink: leak.sink, id: leak.secretId }));
}

const KEY = 'let key = resolve_secret(SecretId::OpenRouterApiKey).await?;';

describe('rust leaks: sources', () => {
  it('treats resolver calls (with ?, .await, expose_secret) as sources with the secret id', async () => {
    expect(await leaks(`${KEY}\nprintln!("{}", key.expose_secret());`)).toEqual([{ rule: 'no-secret-in-log', sink: 'println!', id: 'OpenRouterApiKey' }]);
  });

  it('treats env reads of secret names as sources through unwrap/expect/?', async () => {
    const found = await leaks('let a = std::env::var("GITHUB_TOKEN").unwrap();\nlet b = std::env::var("STRIPE_KEY").expect("set it");\nlet c = std::env::var("OPENROUTER_API_KEY")?;\nprintln!("{a}");\neprintln!("{}", b);\nprint!("{:?}", c);');
    expect(found.map((f) => f.id)).toEqual(['GithubToken', 'StripeSecretKey', 'OpenRouterApiKey']);
  });

  it('ignores env reads of config names and non-registry names', async () => {
    expect(await leaks('let d = std::env::var("DATABASE_URL")?;\nlet h = std::env::var("HOME")?;\nprintln!("{d} {h}");')).toEqual([]);
  });

  it('ignores resolver calls for config-kind ids', async () => {
    expect(await leaks('let d = resolve_secret(SecretId::DatabaseUrl)?;\nprintln!("{}", d);')).toEqual([]);
  });

  it('treats declared resolver types as sources: lets, params, struct fields', async () => {
    const code = [
      'struct Settings { api_key: SecretString, name: String }',
      'fn a(k: &SecretString) { println!("{:?}", k); }',
      'fn b(s: &Settings) { info!("{}", s.name); info!("{}", s.api_key.expose_secret()); }',
      'fn c() { let t: SecretString = load(); dbg!(&t); }',
    ].join('\n');
    const found = (await analyze(code)).leaks;
    expect(found.map((leak) => [leak.sink, leak.source])).toEqual([
      ['println!', 'parameter `k` of type SecretString'],
      ['log::info!', 'field `Settings.api_key` of type SecretString'],
      ['dbg!', '`t` of type SecretString'],
    ]);
  });
});

describe('rust leaks: propagation and flow', () => {
  it('records the flow from source through assignments to the sink', async () => {
    const code = 'fn f() -> Result<()> {\n    let key = resolve_secret(SecretId::GithubToken)?;\n    let header = format!("token {}", key.expose_secret());\n    let copy = header.clone();\n    tracing::info!(auth = %copy, "calling");\n    Ok(())\n}';
    const [leak] = (await analyze(code)).leaks;
    expect(leak).toMatchObject({ ruleId: 'no-secret-in-log', sink: 'tracing::info!', secretId: 'GithubToken', envName: 'GITHUB_TOKEN', source: 'resolve_secret(SecretId::GithubToken)' });
    expect(leak.range).toEqual({ line: 5, column: 28, endLine: 5, endColumn: 32 });
    expect(leak.flow.map((step) => [step.line, step.column, step.note])).toEqual([
      [2, 15, 'source: resolve_secret(SecretId::GithubToken)'],
      [2, 9, 'assigned to `key`'],
      [3, 9, 'assigned to `header`'],
      [4, 9, 'assigned to `copy`'],
      [5, 28, 'reaches tracing::info!'],
    ]);
    expect(leak.flow.every((step) => step.file === 'src/main.rs')).toBe(true);
  });

  it('follows struct fields, tuples, references, to_string and as_str', async () => {
    const found = await leaks(`${KEY}\nlet cfg = Config { token: key.expose_secret().to_string(), name: "n".into() };\ninfo!("{}", cfg.name);\ninfo!("{}", cfg.token.as_str());\nlet pair = (1, &cfg.token);\nwarn!("{:?}", pair);`);
    expect(found.map((f) => f.sink)).toEqual(['log::info!', 'log::warn!']);
  });

  it('follows calls into functions of the same file (summaries)', async () => {
    const code = [
      'fn load() -> String { std::env::var("GITHUB_TOKEN").unwrap() }',
      'fn wrap(s: &str) -> String { format!("Bearer {}", s) }',
      'fn log_it(v: &str) { log::debug!("value {}", v); }',
      'fn main() { let t = load(); let w = wrap(&t); println!("{}", w); log_it(&t); }',
    ].join('\n');
    const found = (await analyze(code)).leaks;
    expect(found.map((leak) => [leak.sink, leak.secretId, leak.range.line])).toEqual([
      ['println!', 'GithubToken', 4],
      ['log::debug!', 'GithubToken', 3],
    ]);
    expect(found[1].flow.map((step) => step.note)).toContain('passed to `log_it` as `v`');
  });

  it('stops at sanitizers, len/is_empty, comparisons and hashing', async () => {
    const body = [
      KEY,
      'println!("{}", redact(&key));',
      'println!("{}", key.mask());',
      'println!("{}", fingerprint(key.expose_secret()));',
      'println!("{}", key.expose_secret().len());',
      'println!("{}", key.expose_secret().is_empty());',
      'println!("{}", key.expose_secret() == "x");',
      'let digest = Sha256::digest(key.expose_secret().as_bytes());',
      'println!("{:x}", digest);',
      'let n = key.expose_secret().len();',
      'info!(length = n, "loaded");',
    ].join('\n');
    expect(await leaks(body)).toEqual([]);
  });

  it('does not taint the error of a failed read', async () => {
    expect(await leaks('match std::env::var("GITHUB_TOKEN") { Ok(v) => use_it(v), Err(e) => eprintln!("missing: {e}") }')).toEqual([]);
  });

  it('lets an Authorization header and bearer_auth carry the secret', async () => {
    const body = `${KEY}\nlet r = client.get(url).header(AUTHORIZATION, format!("Bearer {}", key.expose_secret())).send().await?;\nlet s = client.get(url).bearer_auth(key.expose_secret()).send().await?;\nlet t = client.get(url).header("Authorization", key.expose_secret()).send().await?;`;
    expect(await leaks(body, 'use reqwest::header::AUTHORIZATION;')).toEqual([]);
  });
});

describe('rust leaks: sink families', () => {
  it('log: print macros, log and tracing macros with %x / ?x / key = %x fields', async () => {
    const body = `${KEY}\nprint!("{}", key);\neprint!("{}", key);\nlog::trace!("{:?}", key);\ntracing::error!(?key);\ntracing::warn!(%key, "x");\ntracing::debug!(api.key = ?key);`;
    expect((await leaks(body)).map((f) => f.sink)).toEqual(['print!', 'eprint!', 'log::trace!', 'tracing::error!', 'tracing::warn!', 'tracing::debug!']);
  });

  it('resolves bare log macros through use to log or tracing', async () => {
    expect((await leaks(`${KEY}\nwarn!("{}", key);`, 'use tracing::warn;')).map((f) => f.sink)).toEqual(['tracing::warn!']);
    expect((await leaks(`${KEY}\nerror!("{}", key);`, 'use log::error;')).map((f) => f.sink)).toEqual(['log::error!']);
  });

  it('error: panic!, expect(msg), anyhow!, bail!, unreachable!, todo!', async () => {
    const body = `${KEY}\nlet k = key.expose_secret();\nif a { panic!("bad {}", k); }\nlet x = other.expect(&format!("no {}", k));\nlet e = anyhow::anyhow!("bad key {k}");\nif b { unreachable!("{}", k); }\nif c { todo!("{}", k); }\nanyhow::bail!("failed with {}", k);`;
    const found = await leaks(body);
    expect(found.map((f) => f.sink)).toEqual(['panic!', '.expect()', 'anyhow!', 'unreachable!', 'todo!', 'bail!']);
    expect(found.every((f) => f.rule === 'no-secret-in-error')).toBe(true);
  });

  it('error: expect on the secret itself is not a leak', async () => {
    expect(await leaks('let k = std::env::var("GITHUB_TOKEN").expect("GITHUB_TOKEN must be set");')).toEqual([]);
  });

  it('serialization: serde_json functions and json! pass the secret on; the text is reported where it is written', async () => {
    const body = `${KEY}\nlet k = key.expose_secret().to_string();\nlet a = serde_json::to_string(&k)?;\nlet b = to_string_pretty(&Wrapper(k.clone()))?;\nlet c = serde_json::to_value(&k)?;\nlet d = serde_json::to_vec(&k)?;\nlet e = json!({"auth": {"key": k}});\nlet ok = serde_json::to_string(&k.len())?;\nstd::fs::write("a", &a)?;\nfile.write_all(b.as_bytes())?;\nstd::fs::write("c", c.to_string())?;\nout.write_all(&d)?;\nserde_json::to_writer(&mut out, &e)?;\nstd::fs::write("ok", ok)?;`;
    const found = await leaks(body, 'use serde_json::{json, to_string_pretty};');
    expect(found.map((f) => [f.rule, f.sink])).toEqual([
      ['no-secret-serialization', 'fs::write'],
      ['no-secret-serialization', 'serde_json::to_string_pretty text written by write_all()'],
      ['no-secret-serialization', 'fs::write'],
      ['no-secret-serialization', 'serde_json::to_vec text written by write_all()'],
      ['no-secret-serialization', 'serde_json::to_writer'],
    ]);
  });

  it('serialization: JSON text in a log is one log finding; encrypted or sent as a request body it is none', async () => {
    const logged = `${KEY}\nlet text = serde_json::to_string(&json!({"key": key.expose_secret()}))?;\ntracing::info!("{text}");\nprintln!("{}", serde_json::to_string(&json!({"k": key.expose_secret()}))?);`;
    expect(await leaks(logged, 'use serde_json::json;')).toEqual([
      { rule: 'no-secret-in-log', sink: 'tracing::info!', id: 'OpenRouterApiKey' },
      { rule: 'no-secret-in-log', sink: 'println!', id: 'OpenRouterApiKey' },
    ]);
    const kept = `${KEY}\nlet text = serde_json::to_string(&json!({"key": key.expose_secret()}))?;\nlet sealed = seal(text.as_bytes(), &mesh)?;\nlet enc = cipher.encrypt(&nonce, text.as_bytes())?;\nclient.post(u).bearer_auth(t).body(text.clone()).send().await?;\ninfo!("{sealed:?} {enc:?}");\nstd::fs::write("s", sealed)?;\nOk(())`;
    expect(await leaks(kept, 'use serde_json::json;')).toEqual([]);
  });

  it('telemetry: span.record, KeyValue::new, span macros', async () => {
    const body = `${KEY}\nlet k = key.expose_secret();\nspan.record("api_key", k);\nlet attrs = vec![KeyValue::new("api.key", k.to_string())];\nlet s = tracing::info_span!("call", key = %k);\nlet safe = KeyValue::new("api.key.len", k.len() as i64);`;
    const found = await leaks(body, 'use opentelemetry::KeyValue;\nuse tracing::Span;');
    expect(found.map((f) => [f.rule, f.sink])).toEqual([
      ['no-secret-in-telemetry', 'tracing::Span::record'],
      ['no-secret-in-telemetry', 'opentelemetry::KeyValue::new'],
      ['no-secret-in-telemetry', 'tracing::info_span!'],
    ]);
  });

  it('url: reqwest query, Url::parse with the secret, append_pair', async () => {
    const body = `${KEY}\nlet k = key.expose_secret();\nclient.get(base).query(&[("api_key", k)]).send().await?;\nlet u = Url::parse(&format!("https://api.example.com/v1?key={}", k))?;\nu.query_pairs_mut().append_pair("key", k);\nclient.get(base).query(&[("page", "1")]).send().await?;`;
    const found = await leaks(body, 'use reqwest::Url;');
    expect(found.map((f) => [f.rule, f.sink])).toEqual([
      ['no-secret-in-url', 'reqwest RequestBuilder::query'],
      ['no-secret-in-url', 'Url::parse'],
      ['no-secret-in-url', 'Url query_pairs_mut().append_pair'],
    ]);
  });

  it('marks leaks in test code', async () => {
    const found = (await analyze('#[cfg(test)]\nmod tests {\n    #[test]\n    fn t() { let k = std::env::var("GITHUB_TOKEN").unwrap(); println!("{k}"); }\n}')).leaks;
    expect(found[0].inTest).toBe(true);
  });

  it('never puts secret values into facts', async () => {
    const code = 'fn f() { let k = "sk-test-FAKE-canary-value"; let t = std::env::var("GITHUB_TOKEN").unwrap_or(k.to_string()); println!("{} {}", t, "sk-test-FAKE-canary-value"); }';
    const { result } = await analyze(code);
    expect(result.facts.length).toBeGreaterThan(0);
    expect(JSON.stringify(result)).not.toContain('sk-test-FAKE-canary-value');
  });
});
