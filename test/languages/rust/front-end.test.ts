import { describe, expect, it } from 'vitest';
import { collectRustConstants, prepareRustFrontEnd, rustFrontEnd } from '../../../src/languages/rust/index.js';
import { analyze } from './analyze.js';
import { fixtureOptions } from '../../support/fixture-front-end-options.js';

describe('rust comments and name mentions', () => {
  it('emits comment facts only for comments carrying the directive marker', async () => {
    const code = [
      '// clavis-lint-disable-next-line no-direct-env-read -- migration',
      'fn f() { std::env::var("GITHUB_TOKEN"); /* clavis-lint-disable-line no-direct-env-read -- legacy */ }',
      '// an ordinary comment',
      '/// doc comment',
    ].join('\n');
    const { result } = await analyze(code);
    const comments = result.facts.filter((fact) => fact.kind === 'comment');
    expect(comments).toEqual([
      { kind: 'comment', text: '// clavis-lint-disable-next-line no-direct-env-read -- migration', range: { line: 1, column: 1, endLine: 1, endColumn: 65 } },
      { kind: 'comment', text: '/* clavis-lint-disable-line no-direct-env-read -- legacy */', range: { line: 2, column: 41, endLine: 2, endColumn: 100 } },
    ]);
  });

  it('emits string-literal name refs for registry names that are not env-read keys', async () => {
    const code = 'fn f() { std::env::var("OPENROUTER_KEY"); let m = "STRIPE_KEY"; println!("set {}", "DATABASE_URL"); let other = "NOT_A_NAME"; }';
    const { nameRefs } = await analyze(code);
    expect(nameRefs.map((ref) => [ref.name, ref.context])).toEqual([
      ['STRIPE_KEY', 'string-literal'],
      ['DATABASE_URL', 'string-literal'],
    ]);
  });

  it('does not double-report a const literal used as an env-read key', async () => {
    const { nameRefs } = await analyze('const K: &str = "OPENROUTER_KEY";\nfn f() { std::env::var(K); }');
    expect(nameRefs).toEqual([]);
  });

  it('emits resolver calls with the secret id', async () => {
    const { result } = await analyze('fn f() { let k = resolve_secret(SecretId::GithubToken)?; let j = get_secret("STRIPE_KEY"); }');
    const calls = result.facts.filter((fact) => fact.kind === 'resolver-call');
    expect(calls.map((call) => call.kind === 'resolver-call' && [call.function, call.secretRef])).toEqual([
      ['resolve_secret', 'GithubToken'],
      ['get_secret', 'STRIPE_KEY'],
    ]);
  });
});

describe('rust prefilter', () => {
  const options = fixtureOptions();
  it('passes files that mention env, registry names, resolver names or stores', () => {
    expect(rustFrontEnd.prefilter('fn f() { std::env::var("X"); }', options)).toBe(true);
    expect(rustFrontEnd.prefilter('const A: &str = "GITHUB_TOKEN";', options)).toBe(true);
    expect(rustFrontEnd.prefilter('fn f(k: SecretString) {}', options)).toBe(true);
    expect(rustFrontEnd.prefilter('use keyring::Entry;', options)).toBe(true);
    expect(rustFrontEnd.prefilter('// clavis-lint-disable-line x -- y', options)).toBe(true);
  });
  it('rejects files with sinks but nothing secret', () => {
    expect(rustFrontEnd.prefilter('fn main() { println!("hello {}", 1); }', options)).toBe(false);
  });
  it('passes every spelling of an env access, clap env attributes and env writes', () => {
    for (const text of ['use std::env::{self, var};', 'use std::env as e;', 'let k = option_env!("X");', 'dotenvy::var("X")', '#[arg(long, env = "X")] x: String,', 'fn t() { std::env::set_var("X", "1"); }', 'temp_env::with_var("X", None::<&str>, || {});']) {
      expect(rustFrontEnd.prefilter(text, options)).toBe(true);
    }
  });
  it('rejects `env` that is no env access, a crate name inside another word, a registry name inside a longer one', () => {
    // `environment`, `envelope` and `env::current_dir()` read no variable; `Stop::` is not the `op` crate.
    expect(rustFrontEnd.prefilter('fn f(envelope: Envelope) { let d = std::env::current_dir(); }', options)).toBe(false);
    expect(rustFrontEnd.prefilter('enum E { Stop }\nfn f() -> E { E::Stop::<u8> }', options)).toBe(false);
    expect(rustFrontEnd.prefilter('const HINT: &str = "set GITHUB_TOKEN_FILE";', options)).toBe(false);
    expect(rustFrontEnd.prefilter('use op::Client;', options)).toBe(true);
  });
  // vox: 40 of 640 Rust files passed on a name in a doc comment or on `#[arg(long)]` fields alone.
  it('skips what only `//` comment lines spell, and clap attributes without an `env` argument: the analysis finds nothing there either', async () => {
    const skipped = [
      '/// Reads `GITHUB_TOKEN` from the environment.\nfn connect() {}',
      '//! let k = std::env::var("GITHUB_TOKEN")?;\nfn f() {}',
      '    // resolve_secret(SecretId::GithubToken) lives elsewhere\nfn f() {}',
      '// std::env::set_var("X", "1") in a test helper\nfn f() {}',
      '#[derive(Parser)]\nstruct Args {\n    #[arg(long)]\n    verbose: bool,\n}\n// env is read elsewhere',
      '#[clap(long)]\nstruct A { environment: String }',
    ];
    for (const text of skipped) {
      expect([text, rustFrontEnd.prefilter(text, options)]).toEqual([text, false]);
      expect([text, (await analyze(text)).result.facts]).toEqual([text, []]);
    }
  });
  it('still passes a name or an env access on a line with code before its comment, and clap attributes with `env`', () => {
    for (const text of [
      'fn f() { let k = "GITHUB_TOKEN"; } // GITHUB_TOKEN',
      'let a = 1; // then\nlet k = std::env::var("X");',
      'fn f() {\n    // comment\n    resolve_secret(SecretId::GithubToken);\n}',
      '#[derive(Parser)]\nstruct Args {\n    #[arg(long, env)]\n    api_key: String,\n}',
      '#[clap(long, env = "GITHUB_TOKEN")]',
      'let url = "https://example.test"; // GITHUB_TOKEN\n',
    ]) {
      expect([text, rustFrontEnd.prefilter(text, options)]).toEqual([text, true]);
    }
  });
});

describe('collectRustConstants', () => {
  it('collects string consts and statics, resolving concat! and other consts', async () => {
    await prepareRustFrontEnd();
    const code = 'pub const A: &str = "GITHUB_TOKEN";\nmod inner { pub static B: &str = concat!(super::PREFIX, "KEY"); }\nconst PREFIX: &str = "STRIPE_";\nconst N: u32 = 3;';
    expect(collectRustConstants('src/config.rs', code)).toEqual({ A: 'GITHUB_TOKEN', B: 'STRIPE_KEY', PREFIX: 'STRIPE_' });
  });
  it('keeps values that do not look like env names out of the table', async () => {
    await prepareRustFrontEnd();
    const code = 'const TOKEN: &str = "ghp_FAKEFAKEFAKE";\nconst AWS: &str = "AKIAIOSFODNN7EXAMPLE";\nconst URL: &str = "https://x";\nconst OK: &str = "GITHUB_TOKEN";';
    expect(collectRustConstants('src/k.rs', code)).toEqual({ OK: 'GITHUB_TOKEN' });
  });

  it('returns the same table as exportedConstants from analyze, and marks unresolved const keys', async () => {
    const { result, envReads } = await analyze('pub const A: &str = "GITHUB_TOKEN";\nfn f(local: &str) { std::env::var(A); std::env::var(crate::cfg::OTHER_KEY); std::env::var(&THIRD); std::env::var(local); }');
    expect(result.exportedConstants).toEqual({ A: 'GITHUB_TOKEN' });
    expect(envReads.map((r) => [r.name, r.constRef])).toEqual([
      ['GITHUB_TOKEN', undefined],
      [null, { identifier: 'OTHER_KEY' }],
      [null, { identifier: 'THIRD' }],
      [null, undefined],
    ]);
  });

  it('never throws on garbage', async () => {
    await prepareRustFrontEnd();
    expect(collectRustConstants('x.rs', 'const \u0000\uFFFD{{{{')).toEqual({});
  });
});

describe('rust bad input', () => {
  it('keeps going through syntax errors', async () => {
    const code = 'fn broken( { let = ; }\nfn ok() { std::env::var("GITHUB_TOKEN"); }\nstruct {';
    const { envReads, result } = await analyze(code);
    expect(envReads.map((r) => r.name)).toEqual(['GITHUB_TOKEN']);
    expect(result.errors).toBeUndefined();
  });

  it('does not throw on binary-looking or replacement-character text', async () => {
    const text = '\uFFFD\uFFFDELF\u0000\u0001 fn env() { std::env::var("\uFFFD") }';
    const result = await rustFrontEnd.analyze('src/bin.rs', text, fixtureOptions());
    expect(Array.isArray(result.facts)).toBe(true);
  });

  it('handles deep nesting and a large generated file', async () => {
    const deep = `fn f() { let k = resolve_secret(SecretId::GithubToken); let x = ${'('.repeat(3000)}k${')'.repeat(3000)}; println!("{}", x); }`;
    const deepResult = await rustFrontEnd.analyze('src/deep.rs', deep, fixtureOptions());
    expect(Array.isArray(deepResult.facts)).toBe(true);
    const big = Array.from({ length: 6000 }, (_, i) => `pub const C${i}: &str = "value_${i}"; fn f${i}() { let v = std::env::var("V${i}"); }`).join('\n');
    expect(big.length).toBeGreaterThan(400_000);
    const started = Date.now();
    const bigResult = await rustFrontEnd.analyze('src/generated.rs', big, fixtureOptions());
    expect(bigResult.facts.filter((fact) => fact.kind === 'env-read')).toHaveLength(6000);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
