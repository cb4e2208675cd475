import { describe, expect, it } from 'vitest';
import type { FunctionSummaryFact } from '../../../src/core/facts.js';
import { rustModulePath } from '../../../src/languages/rust/summaries.js';
import { fixtureOptions } from '../../support/fixture-front-end-options.js';
import { analyze } from './analyze.js';

/** Pass one summarises the functions other files call with a secret (FrontEndOptions.summarize); these tests ask for all of theirs. */
const ASKED = fixtureOptions({ summarize: ['log_key', 'header', 'size', 'record', 'wrap', 'outer', 'log_len', 'masked', 'count', 'show', 'both'] });

async function summaries(code: string, file = 'src/util.rs', options = ASKED): Promise<FunctionSummaryFact[]> {
  const { result } = await analyze(code, file, options);
  return result.facts.filter((fact): fact is FunctionSummaryFact => fact.kind === 'function-summary');
}

function brief(summary: FunctionSummaryFact) {
  return { name: summary.name, module: summary.module, returns: summary.returns, sinks: summary.sinks.map((sink) => [sink.param, sink.ruleId, sink.sink]) };
}

const KEY = 'let k = resolve_secret(SecretId::OpenRouterApiKey).await?;';

describe('rust function summaries (pass one)', () => {
  it('records a parameter that reaches a sink, with the in-callee flow', async () => {
    const [summary, ...rest] = await summaries('pub fn log_key(k: &str) {\n    let shown = format!("key={k}");\n    println!("{}", shown);\n}\n');
    expect(rest).toEqual([]);
    expect(brief(summary)).toEqual({ name: 'log_key', module: 'util', returns: [], sinks: [[0, 'no-secret-in-log', 'println!']] });
    expect(summary.params).toEqual(['k']);
    expect(summary.sinks[0].range).toEqual({ line: 3, column: 20, endLine: 3, endColumn: 25 });
    expect(summary.sinks[0].flow.map((step) => [step.file, step.line, step.note])).toEqual([
      ['src/util.rs', 1, 'parameter `k` of `log_key`'],
      ['src/util.rs', 2, 'assigned to `shown`'],
      ['src/util.rs', 3, 'reaches println!'],
    ]);
  });

  it('records parameters that reach the result, each of them', async () => {
    const found = await summaries('pub fn header(scheme: &str, token: &str) -> String {\n    format!("{scheme} {token}")\n}\npub fn size(k: &str) -> usize { k.len() }\n');
    expect(found.map(brief)).toEqual([{ name: 'header', module: 'util', returns: [0, 1], sinks: [] }]);
  });

  it('names methods Type::method and leaves self out of the parameter indexes', async () => {
    const code = 'pub struct Audit;\nimpl Audit {\n    pub fn record(&self, name: &str, value: &str) { tracing::info!(%value, "audit"); }\n    pub fn wrap(&self, v: String) -> String { v }\n}\n';
    expect((await summaries(code, 'src/audit/mod.rs')).map(brief)).toEqual([
      { name: 'Audit::record', module: 'audit', returns: [], sinks: [[1, 'no-secret-in-log', 'tracing::info!']] },
      { name: 'Audit::wrap', module: 'audit', returns: [0], sinks: [] },
    ]);
  });

  it('follows a parameter into a same-file callee and into every sink argument', async () => {
    const code = 'pub fn outer(a: &str, b: &str) { inner(b); println!("{a}"); }\nfn inner(x: &str) { panic!("bad {x}"); }\n';
    const outer = (await summaries(code)).find((summary) => summary.name === 'outer');
    expect(outer && brief(outer).sinks).toEqual([
      [1, 'no-secret-in-error', 'panic!'],
      [0, 'no-secret-in-log', 'println!'],
    ]);
  });

  it('emits nothing for helpers that only log derived facts, sanitize, or take numbers', async () => {
    const code = 'pub fn log_len(k: &str) { println!("{} chars", k.len()); }\npub fn masked(k: &str) -> String { redact(k) }\npub fn count(n: u64) -> u64 { println!("{n}"); n }\n';
    expect(await summaries(code)).toEqual([]);
  });

  it('skips test code and respects leakAnalysis: false', async () => {
    expect(await summaries('#[cfg(test)]\nmod tests {\n    pub fn show(k: &str) { println!("{k}"); }\n}\n')).toEqual([]);
    const off = fixtureOptions({ leakAnalysis: false });
    const { result } = await analyze(`pub fn show(k: &str) { println!("{k}"); }\nasync fn run() -> anyhow::Result<()> {\n${KEY}\nutil::log_key(&k);\nOk(())\n}`, 'src/util.rs', off);
    expect(result.facts.filter((fact) => fact.kind === 'function-summary')).toEqual([]);
    expect(result.unresolvedCalls).toBeUndefined();
  });

  it('keeps reporting the secret when a summarised parameter meets it in the same sink', async () => {
    const { leaks, result } = await analyze('pub fn both(p: &str) {\n    let k = std::env::var("GITHUB_TOKEN").unwrap();\n    println!("{p} {k}");\n}\n', 'src/util.rs', ASKED);
    expect(leaks.map((leak) => [leak.secretId, leak.sink])).toEqual([['GithubToken', 'println!']]);
    const summary = result.facts.find((fact): fact is FunctionSummaryFact => fact.kind === 'function-summary');
    expect(summary && brief(summary).sinks).toEqual([[0, 'no-secret-in-log', 'println!']]);
  });

  it('summarises only the functions other files asked for (none unless asked)', async () => {
    const code = 'pub fn log_key(k: &str) { println!("{k}"); }\npub fn show(k: &str) { println!("{k}"); }\n';
    expect(await summaries(code, 'src/util.rs', fixtureOptions())).toEqual([]);
    expect((await summaries(code, 'src/util.rs', fixtureOptions({ summarize: ['show'] }))).map((summary) => summary.name)).toEqual(['show']);
  });

  it('derives the module path from the file path', () => {
    expect(rustModulePath('src/util/fmt.rs')).toBe('util::fmt');
    expect(rustModulePath('crates/core/src/util/mod.rs')).toBe('util');
    expect(rustModulePath('src/lib.rs')).toBe('crate');
    expect(rustModulePath('src/main.rs')).toBe('crate');
    expect(rustModulePath('src/bin/tool.rs')).toBe('crate');
  });
});

describe('rust unresolved calls (pass one)', () => {
  it('lists calls of functions defined elsewhere that receive taint, also through their results', async () => {
    const code = `mod util;\nasync fn run() -> anyhow::Result<()> {\n${KEY}\nutil::log_key(&k);\nlet h = util::header(&k);\nutil::send(&h);\nutil::ping(1);\nlocal(&k);\nOk(())\n}\nfn local(x: &str) {}\n`;
    const { result, leaks } = await analyze(code, 'src/main.rs');
    expect(result.unresolvedCalls).toEqual(['util::log_key', 'util::header', 'util::send']);
    expect(leaks).toEqual([]);
  });

  it('lists nothing for a file without a possible secret', async () => {
    const { result } = await analyze('fn run(x: &str) { util::log_key(x); }', 'src/main.rs');
    expect(result.unresolvedCalls).toBeUndefined();
  });
});

function summary(fields: Partial<FunctionSummaryFact> & Pick<FunctionSummaryFact, 'name'>): FunctionSummaryFact {
  return { kind: 'function-summary', language: 'rust', module: 'util', returns: [], sinks: [], range: { line: 1, column: 1, endLine: 1, endColumn: 2 }, ...fields };
}

const LOG_KEY = summary({
  name: 'log_key',
  params: ['k'],
  sinks: [{
    param: 0,
    ruleId: 'no-secret-in-log',
    sink: 'println!',
    range: { line: 2, column: 20, endLine: 2, endColumn: 21 },
    flow: [
      { file: 'src/util.rs', line: 1, column: 16, endLine: 1, endColumn: 17, note: 'parameter `k` of `log_key`' },
      { file: 'src/util.rs', line: 2, column: 20, endLine: 2, endColumn: 21, note: 'reaches println!' },
    ],
  }],
});
const HEADER = summary({ name: 'header', params: ['token'], returns: [0] });
const RECORD = summary({
  name: 'Audit::record',
  params: ['value'],
  sinks: [{
    ...LOG_KEY.sinks[0],
    sink: 'tracing::info!',
    range: { line: 6, column: 30, endLine: 6, endColumn: 35 },
    flow: [
      { file: 'src/util.rs', line: 5, column: 35, endLine: 5, endColumn: 40, note: 'parameter `value` of `Audit::record`' },
      { file: 'src/util.rs', line: 6, column: 30, endLine: 6, endColumn: 35, note: 'reaches tracing::info!' },
    ],
  }],
});

async function secondPass(body: string, given: FunctionSummaryFact[]) {
  const code = `mod util;\nuse crate::util::log_key;\nasync fn run() -> anyhow::Result<()> {\n${KEY}\n${body}\nOk(())\n}\n`;
  return (await analyze(code, 'src/main.rs', fixtureOptions({ functionSummaries: given }))).leaks;
}

describe('rust calls of other files\u2019 functions (pass two)', () => {
  it('reports a tainted argument at the sink in the other file, with the flow through both files', async () => {
    const [leak, ...rest] = await secondPass('util::log_key(&k);', [LOG_KEY]);
    expect(rest).toEqual([]);
    // The sink's range in src/util.rs (the flow's last step): the engine files the leak there.
    expect(leak).toMatchObject({ ruleId: 'no-secret-in-log', sink: 'println!', secretId: 'OpenRouterApiKey', range: { line: 2, column: 20, endLine: 2, endColumn: 21 } });
    expect(leak.flow.map((step) => [step.file, step.line, step.note])).toEqual([
      ['src/main.rs', 4, 'source: resolve_secret(SecretId::OpenRouterApiKey)'],
      ['src/main.rs', 4, 'assigned to `k`'],
      ['src/main.rs', 5, "passed to 'util::log_key' (param 'k')"],
      ['src/util.rs', 1, 'parameter `k` of `log_key`'],
      ['src/util.rs', 2, 'reaches println!'],
    ]);
  });

  it('resolves imported names and methods, and taints results of returns parameters', async () => {
    const found = await secondPass('log_key(&k);\nlet h = util::header(&k);\nprintln!("{h}");\nlet audit = Audit;\naudit.record(&k);', [LOG_KEY, HEADER, RECORD]);
    const at = (leak: (typeof found)[number]) => [leak.flow[leak.flow.length - 1].file, leak.range.line, leak.sink];
    expect(found.map(at)).toEqual([['src/util.rs', 2, 'println!'], ['src/main.rs', 7, 'println!'], ['src/util.rs', 6, 'tracing::info!']]);
    expect(found[1].flow.map((step) => step.note)).toContain("returned from 'util::header'");
  });

  it('reports one leak per sink of another file, with the shortest flow of the calls reaching it', async () => {
    const found = await secondPass('let copy = k.clone();\nutil::log_key(&copy);\nutil::log_key(&k);', [LOG_KEY]);
    expect(found).toHaveLength(1);
    expect(found[0].range).toEqual({ line: 2, column: 20, endLine: 2, endColumn: 21 });
    expect(found[0].flow.map((step) => step.note)).not.toContain('assigned to `copy`');
  });

  it('does not match a summary of another module, an untainted argument or a non-sink parameter', async () => {
    expect(await secondPass('other::log_key(&k);\nutil::log_key("plain");\nutil::header(&k);', [LOG_KEY, HEADER])).toEqual([]);
    expect(await secondPass('util::log_key(&k);', [{ ...LOG_KEY, sinks: [{ ...LOG_KEY.sinks[0], param: 1 }] }])).toEqual([]);
  });
});

describe('rust secrets handed out by other files\u2019 functions (access paths)', () => {
  const CONFIG = 'pub struct Settings { pub api_key: String, pub base_url: String }\npub fn load() -> Settings {\n    let key = resolve_secret(SecretId::OpenRouterApiKey).expose().unwrap_or_default().to_string();\n    Settings { api_key: key, base_url: "u".to_string() }\n}\npub fn pair() -> (String, String) {\n    (std::env::var("GITHUB_TOKEN").unwrap(), "user".to_string())\n}\npub fn opt(id: SecretId) -> String { resolve_secret(id).expose().unwrap_or_default().to_string() }\n';

  it('summarises a function returning a secret of its own, per field or tuple element, and not a wrapper of an id parameter', async () => {
    const found = await summaries(CONFIG, 'src/config.rs', fixtureOptions());
    expect(found.map((summary) => [summary.name, summary.returnsSecret?.secretId, summary.returnsSecret?.fields?.map(([field]) => field)])).toEqual([
      ['load', 'OpenRouterApiKey', ['api_key']],
      ['pair', 'GithubToken', ['0']],
    ]);
  });

  it('keeps the secret field a source in the calling file, and only that field', async () => {
    const given = await summaries(CONFIG, 'src/config.rs', fixtureOptions());
    const code = 'mod config;\nfn main() {\n    let s = config::load();\n    println!("{}", s.base_url);\n    println!("{}", s.api_key);\n    let (token, user) = config::pair();\n    println!("{user}");\n    println!("{token}");\n}\n';
    const { leaks } = await analyze(code, 'src/main.rs', fixtureOptions({ functionSummaries: given }));
    expect(leaks.map((leak) => [leak.range.line, leak.secretId])).toEqual([[5, 'OpenRouterApiKey'], [8, 'GithubToken']]);
    expect(leaks[0].flow.map((step) => [step.file, step.note])).toContainEqual(['src/main.rs', "returned from 'config::load'"]);
  });
});
