// Env keys one step away across files (src/core/env-key-helpers.ts): which files are analysed again
// once a helper is known. A file calling another module's helper is; a file calling only a helper
// it defines itself is not (its first analysis read those names), nor one whose only "call" is a
// longer name that ends with the helper's (`parse_env_u64(`).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scan } from '../../src/core/engine.js';
import { rustFrontEnd } from '../../src/languages/rust/index.js';
import { writeTree } from '../support/run-cli.js';

const REGISTRY = 'version: 1\nsecrets:\n  - { id: ApiToken, env: API_TOKEN, kind: secret }\n';
const HELPER = 'pub fn env_u64(name: &str) -> u64 {\n    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(0)\n}\n';

afterEach(() => vi.restoreAllMocks());

describe('env-key helpers across Rust files', () => {
  it('analyse again only the files that call another module\'s helper, and read the name at that call', async () => {
    const root = writeTree({
      'secrets.registry.yaml': REGISTRY,
      'src/env_parse.rs': HELPER,
      'src/a.rs': 'use crate::env_parse::env_u64;\npub fn limit() -> u64 {\n    env_u64("API_TOKEN")\n}\n',
      'src/b.rs': `${HELPER}pub fn own() -> u64 {\n    env_u64("API_TOKEN")\n}\n`,
      'src/c.rs': 'fn parse_env_u64(x: &str) -> u64 {\n    x.len() as u64\n}\npub fn size() -> u64 {\n    parse_env_u64("12")\n}\n',
    });
    const analyze = vi.spyOn(rustFrontEnd, 'analyze');
    const result = await scan({ cwd: root, paths: [root], workers: 0, today: '2026-11-30' });
    const counts: Record<string, number> = {};
    for (const [file] of analyze.mock.calls) counts[file] = (counts[file] ?? 0) + 1;
    expect(counts).toEqual({ 'src/env_parse.rs': 1, 'src/a.rs': 2, 'src/b.rs': 1 });
    const reads = result.findings.filter((f) => f.ruleId === 'no-direct-env-read').map((f) => `${f.file}:${f.line}`);
    expect(reads).toEqual(['src/a.rs:3', 'src/b.rs:5']);
  });
});
