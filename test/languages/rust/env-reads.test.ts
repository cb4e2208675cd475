import { describe, expect, it } from 'vitest';
import { analyze, envNames } from './analyze.js';
import { fixtureOptions } from '../../support/fixture-front-end-options.js';

describe('rust env reads: forms', () => {
  it('reads std::env::var and var_os by full path', async () => {
    const { envReads } = await analyze('fn f() { let a = std::env::var("GITHUB_TOKEN"); let b = ::std::env::var_os("STRIPE_KEY"); }');
    expect(envReads.map((r) => [r.name, r.api])).toEqual([
      ['GITHUB_TOKEN', 'std::env::var'],
      ['STRIPE_KEY', 'std::env::var_os'],
    ]);
  });

  it('reports the range of the whole call', async () => {
    const { envReads } = await analyze('fn f() {\n    let a = std::env::var("GITHUB_TOKEN");\n}');
    expect(envReads[0].range).toEqual({ line: 2, column: 13, endLine: 2, endColumn: 42 });
  });

  it('reads calls and compile-time macros inside other macros at their place in the file, name range included', async () => {
    const code = [
      'use std::env;',
      'fn f() {',
      '    let key = "STRIPE_KEY";',
      '    assert_eq!(format!("{}", env::var("GITHUB_TOKEN").unwrap()), "é");',
      '    assert!(env::var(key).is_ok());',
      '    let v = vec![env::vars().count(), concat!("a", env!("OUT_DIR")).len()];',
      '}',
      'macro_rules! m { ($n:expr) => { std::env::var($n) }; }',
    ].join('\n');
    // `env::vars()` in `vec![…]` is left out: an enumeration is judged by where its result goes, which a re-parse of the arguments does not show.
    const { envReads, nameRefs } = await analyze(code);
    expect(envReads.map((r) => [r.name, r.api, r.range, r.nameRange])).toEqual([
      ['GITHUB_TOKEN', 'std::env::var', { line: 4, column: 30, endLine: 4, endColumn: 54 }, { line: 4, column: 40, endLine: 4, endColumn: 52 }],
      ['STRIPE_KEY', 'std::env::var', { line: 5, column: 13, endLine: 5, endColumn: 26 }, undefined],
      ['OUT_DIR', 'env!', { line: 6, column: 52, endLine: 6, endColumn: 67 }, { line: 6, column: 58, endLine: 6, endColumn: 65 }],
    ]);
    // The literal a read spells is no plain mention of the name besides.
    expect(nameRefs.map((r) => r.name)).not.toContain('GITHUB_TOKEN');
  });

  it('counts columns in UTF-16 code units', async () => {
    const code = 'fn f() { let é = "ü"; let s = "😀"; let x = std::env::var("GITHUB_TOKEN"); }';
    const { envReads } = await analyze(code);
    // `😀` is two UTF-16 code units (one code point, four UTF-8 bytes): JS string offsets are the contract.
    expect(envReads[0].range.column).toBe(code.indexOf('std::env') + 1);
    expect(envReads[0].range.column).toBe(45);
  });

  it('marks vars/vars_os as enumerating with no name', async () => {
    const { envReads } = await analyze('use std::env;\nfn f() { for (k, v) in env::vars() {} let o = std::env::vars_os(); }');
    expect(envReads.map((r) => [r.name, r.api, r.enumerates])).toEqual([
      [null, 'std::env::vars', true],
      [null, 'std::env::vars_os', true],
    ]);
  });

  it('follows use std::env; env::var', async () => {
    expect(await envNames('use std::env;\nfn f() { env::var("GITHUB_TOKEN").ok(); }')).toEqual(['GITHUB_TOKEN']);
  });

  it('follows use std::env::var; var(..) and use lists', async () => {
    expect(await envNames('use std::env::var;\nfn f() { var("GITHUB_TOKEN").ok(); }')).toEqual(['GITHUB_TOKEN']);
    expect(await envNames('use std::{env::{self, var_os}, fs};\nfn f() { var_os("A"); env::var("B"); }')).toEqual(['A', 'B']);
  });

  it('follows renamed imports', async () => {
    expect(await envNames('use std::env::var as getenv;\nfn f() { getenv("GITHUB_TOKEN").ok(); }')).toEqual(['GITHUB_TOKEN']);
    expect(await envNames('use std::env as e;\nfn f() { e::var("STRIPE_KEY").ok(); }')).toEqual(['STRIPE_KEY']);
  });

  it('follows wildcard imports', async () => {
    expect(await envNames('use std::env::*;\nfn f() { var("GITHUB_TOKEN").ok(); }')).toEqual(['GITHUB_TOKEN']);
  });

  it('ignores a local function called var', async () => {
    expect(await envNames('fn var(x: &str) -> u8 { 0 }\nfn f() { var("GITHUB_TOKEN"); }')).toEqual([]);
  });

  it('reads dotenvy::var and dotenv::var', async () => {
    const { envReads } = await analyze('use dotenv::var;\nfn f() { dotenvy::var("GITHUB_TOKEN").ok(); var("STRIPE_KEY").ok(); }');
    expect(envReads.map((r) => [r.name, r.api])).toEqual([
      ['GITHUB_TOKEN', 'dotenvy::var'],
      ['STRIPE_KEY', 'dotenv::var'],
    ]);
  });

  it('reads clap env attributes on fields, with the range of the string', async () => {
    const code = [
      '#[derive(Parser)]',
      'struct Args {',
      '    #[arg(long, env = "OPENROUTER_API_KEY")]',
      '    key: String,',
      '    #[clap(long, env)]',
      '    github_token: String,',
      '}',
    ].join('\n');
    // `env::vars()` in `vec![…]` is left out: an enumeration is judged by where its result goes, which a re-parse of the arguments does not show.
    const { envReads, nameRefs } = await analyze(code);
    expect(envReads.map((r) => [r.name, r.api])).toEqual([
      ['OPENROUTER_API_KEY', 'clap(env)'],
      ['GITHUB_TOKEN', 'clap(env)'],
    ]);
    expect(envReads[0].range).toEqual({ line: 3, column: 23, endLine: 3, endColumn: 43 });
    expect(nameRefs).toEqual([]);
  });

  it('reads env! and option_env! at compile time', async () => {
    const { envReads } = await analyze('const K: &str = env!("OPENROUTER_API_KEY");\nfn f() { let o = option_env!("GITHUB_TOKEN"); }');
    expect(envReads.map((r) => [r.name, r.api, r.compileTime])).toEqual([
      ['OPENROUTER_API_KEY', 'env!', true],
      ['GITHUB_TOKEN', 'option_env!', true],
    ]);
  });

  it('reports std::env::var used as a function value as a dynamic read', async () => {
    const { envReads } = await analyze('fn f(names: &[&str]) { names.iter().map(std::env::var); }');
    expect(envReads.map((r) => r.name)).toEqual([null]);
  });
});

describe('rust env reads: name resolution', () => {
  it('resolves const and static &str items of the file', async () => {
    const code = 'const KEY: &str = "GITHUB_TOKEN";\nstatic OTHER: &\'static str = "STRIPE_KEY";\nfn f() { std::env::var(KEY); std::env::var(OTHER); }';
    expect(await envNames(code)).toEqual(['GITHUB_TOKEN', 'STRIPE_KEY']);
  });

  it('resolves crate-wide constants by their last path segment', async () => {
    const options = fixtureOptions({ projectConstants: { TOKEN_ENV: 'GITHUB_TOKEN', STRIPE_ENV: 'STRIPE_KEY' } });
    const code = 'fn f() { std::env::var(crate::config::TOKEN_ENV); std::env::var(super::STRIPE_ENV); std::env::var(TOKEN_ENV); }';
    expect(await envNames(code, 'src/main.rs', options)).toEqual(['GITHUB_TOKEN', 'STRIPE_KEY', 'GITHUB_TOKEN']);
  });

  it('resolves concat! of literals and consts', async () => {
    const code = 'const P: &str = "OPENROUTER_";\nconst Q: &str = concat!(P, "API_KEY");\nfn f() { std::env::var(concat!(P, "KEY")); std::env::var(Q); std::env::var(concat!("GITHUB", "_", "TOKEN")); }';
    expect(await envNames(code)).toEqual(['OPENROUTER_KEY', 'OPENROUTER_API_KEY', 'GITHUB_TOKEN']);
  });

  it('resolves a local let of a literal or a const', async () => {
    const code = 'const C: &str = "STRIPE_KEY";\nfn f() { let k = "GITHUB_TOKEN"; std::env::var(k); let c = C; std::env::var(c); let s = String::from("OPENROUTER_KEY"); std::env::var(&s); }';
    expect(await envNames(code)).toEqual(['GITHUB_TOKEN', 'STRIPE_KEY', 'OPENROUTER_KEY']);
  });

  it('resolves SecretId spec lookups through envById', async () => {
    const code = [
      'fn f() {',
      '    std::env::var(SecretId::OpenRouterApiKey.spec().canonical_env);',
      '    std::env::var(SecretId::GithubToken.canonical_env());',
      '    std::env::var(spec(SecretId::StripeSecretKey).canonical_env);',
      '}',
    ].join('\n');
    expect(await envNames(code)).toEqual(['OPENROUTER_API_KEY', 'GITHUB_TOKEN', 'STRIPE_SECRET_KEY']);
  });

  it('gives null for names it cannot resolve', async () => {
    const code = 'fn f(name: &str, cfg: Cfg) { std::env::var(name); std::env::var(cfg.key); std::env::var(format!("{}_KEY", name)); std::env::var(UNKNOWN_CONST); }';
    expect(await envNames(code)).toEqual([null, null, null, null]);
  });
});

describe('rust env reads: test code', () => {
  it('marks reads under #[cfg(test)] modules and #[test] functions', async () => {
    const code = [
      'fn prod() { std::env::var("A"); }',
      '#[cfg(test)]',
      'mod tests {',
      '    fn helper() { std::env::var("B"); }',
      '}',
      '#[test]',
      'fn t() { std::env::var("C"); }',
      '#[tokio::test]',
      'async fn t2() { std::env::var("D"); }',
      '#[cfg(not(test))]',
      'fn real() { std::env::var("E"); }',
    ].join('\n');
    const { envReads } = await analyze(code);
    expect(envReads.map((r) => [r.name, r.inTest ?? false])).toEqual([
      ['A', false],
      ['B', true],
      ['C', true],
      ['D', true],
      ['E', false],
    ]);
  });

  it('marks everything in tests/ and benches/ files', async () => {
    for (const file of ['tests/integration.rs', 'crates/app/tests/it.rs', 'benches/speed.rs']) {
      const { envReads } = await analyze('fn f() { std::env::var("A"); }', file);
      expect(envReads[0].inTest, file).toBe(true);
    }
    const { envReads } = await analyze('fn f() { std::env::var("A"); }', 'src/testsuite.rs');
    expect(envReads[0].inTest).toBeUndefined();
  });
});
