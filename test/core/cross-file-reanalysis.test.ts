// Which Rust files the cross-file source rounds analyse again (src/core/cross-file-summaries.ts):
// a file that names another module's secret source is, one whose only "mentions" are its own
// sources (or another crate's vendored copies of them) is not: those change nothing in it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scan } from '../../src/core/engine.js';
import { rustFrontEnd } from '../../src/languages/rust/index.js';
import { writeTree } from '../support/run-cli.js';

const REGISTRY = 'version: 1\nsecrets:\n  - { id: ApiToken, env: API_TOKEN, kind: secret }\n';

// The same module in two crates (one vendored the other's): each defines the source and calls it.
const AUTH = [
  '/// The auth token, from the environment.',
  'pub fn token_from_env() -> String {',
  '    std::env::var("API_TOKEN").unwrap_or_default()',
  '}',
  'pub fn bearer() -> String {',
  '    format!("Bearer {}", token_from_env())',
  '}',
  '',
].join('\n');

const CALLER = ['use crate::transport::auth::token_from_env;', 'pub fn show() {', '    println!("{}", token_from_env());', '}', ''].join('\n');

afterEach(() => vi.restoreAllMocks());

async function analysedFiles(files: Record<string, string>): Promise<{ counts: Map<string, number>; leaks: string[] }> {
  const root = writeTree({ 'secrets.registry.yaml': REGISTRY, ...files });
  const analyze = vi.spyOn(rustFrontEnd, 'analyze');
  const result = await scan({ cwd: root, paths: [root], workers: 0, today: '2026-11-30' });
  const counts = new Map<string, number>();
  for (const [file] of analyze.mock.calls) counts.set(file, (counts.get(file) ?? 0) + 1);
  return { counts, leaks: result.findings.filter((f) => f.ruleId === 'no-secret-in-log').map((f) => `${f.file}:${f.line}`) };
}

describe('Rust cross-file source rounds', () => {
  it('analyse a file that calls another module\'s source with its summary, and report the leak there', async () => {
    const { counts, leaks } = await analysedFiles({ 'a/src/transport/auth.rs': AUTH, 'a/src/show.rs': CALLER });
    // The caller names no secret: the prefilter skips it, the round analyses it (once) with the source's summary.
    expect(Object.fromEntries(counts)).toEqual({ 'a/src/show.rs': 1, 'a/src/transport/auth.rs': 1 });
    expect(leaks).toEqual(['a/src/show.rs:3']);
  });

  it('do not analyse again the files that define the source, nor a vendored copy of that module in another crate', async () => {
    const { counts, leaks } = await analysedFiles({ 'a/src/transport/auth.rs': AUTH, 'b/src/transport/auth.rs': AUTH, 'a/src/show.rs': CALLER });
    expect(Object.fromEntries(counts)).toEqual({ 'a/src/show.rs': 1, 'a/src/transport/auth.rs': 1, 'b/src/transport/auth.rs': 1 });
    expect(leaks).toEqual(['a/src/show.rs:3']);
  });

  it('summarise Type::new only in files that define fn new and name that type', async () => {
    const client = ['pub struct Client { key: String }', 'impl Client {', '    pub fn new(key: String) -> Self { Self { key } }', '    pub fn show(&self) { println!("{}", self.key); }', '}', ''].join('\n');
    // Another type's constructor: defines fn new, never names Client.
    const other = ['pub struct Other { n: u32 }', 'impl Other {', '    pub fn new(n: u32) -> Self { Self { n } }', '}', ''].join('\n');
    const main = ['use crate::client::Client;', 'pub fn run() {', '    let c = Client::new(std::env::var("API_TOKEN").unwrap());', '    c.show();', '}', ''].join('\n');
    const { counts, leaks } = await analysedFiles({ 'src/client.rs': client, 'src/other.rs': other, 'src/main.rs': main });
    expect(counts.get('src/other.rs')).toBeUndefined();
    expect(counts.get('src/client.rs')).toBe(1);
    expect(leaks).toEqual(['src/client.rs:4']);
  });
});
