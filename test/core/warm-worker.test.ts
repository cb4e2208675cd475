// The warm worker (src/core/warm-worker.ts) loads the TypeScript compiler while the registry loads
// and shares the parsing with the main thread. Whichever thread analyses a file, the report must
// be the one an in-process scan gives, and a worker that dies must not lose a file.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { runCli, writeTree } from '../support/run-cli.js';
import { analyzeAll } from '../../src/core/worker-pool.js';
import { queueFor } from '../../src/core/warm-worker.js';
import type { FrontEndOptions } from '../../src/core/facts.js';

const REGISTRY = `version: 1
secrets:
  - id: OpenAiApiKey
    env: OPENAI_API_KEY
    kind: secret
    owner: platform
  - id: StripeSecretKey
    env: STRIPE_SECRET_KEY
    deprecated:
      - name: STRIPE_KEY
        remove_after: 2026-01-01
    kind: secret
    owner: platform
`;

/** Enough TS files that both threads take some (the main thread helps above 100 queued files). */
function tree(): Record<string, string> {
  const files: Record<string, string> = { 'secrets.registry.yaml': REGISTRY };
  for (let i = 0; i < 260; i++) {
    files[`src/mod${String(i).padStart(3, '0')}.ts`] =
      i % 3 === 0
        ? `export function show${i}(): void {\n  const key = process.env.OPENAI_API_KEY;\n  console.log('key', key);\n}\n`
        : i % 3 === 1
          ? `export const old${i} = process.env.STRIPE_KEY;\n`
          : `export const plain${i} = ${i};\n`;
  }
  // Cross-file leaks: the callers are analysed again with the helper's summary (src/core/cross-file-summaries.ts),
  // a round the main thread shares with the warm worker.
  files['app/__init__.py'] = '';
  files['app/show.py'] = 'import logging\n\n\ndef show(value):\n    logging.info("value: %s", value)\n';
  files['crates/app/src/util.rs'] = 'pub fn log_key(k: &str) {\n    println!("key={}", k);\n}\n';
  for (let i = 0; i < 4; i++) {
    files[`app/main${i}.py`] = `import os\n\nfrom .show import show\n\n\ndef run${i}():\n    show(os.environ["OPENAI_API_KEY"])\n`;
    files[`crates/app/src/caller${i}.rs`] = `use crate::util;\n\npub fn run${i}() {\n    let key = std::env::var("OPENAI_API_KEY").unwrap();\n    util::log_key(&key);\n}\n`;
  }
  files['scripts/run.sh'] = '#!/bin/sh\necho "$STRIPE_KEY"\n';
  files['tools/read.py'] = 'import os\nprint(os.environ["OPENAI_API_KEY"])\n';
  files['.github/workflows/ci.yml'] = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "$STRIPE_KEY"\n';
  return files;
}

describe('the warm worker', () => {
  const root = writeTree(tree());

  it('gives the in-process report, byte for byte, with the leak rules on and off (--workers 2)', () => {
    const off = ['no-secret-in-log', 'no-secret-in-error', 'no-secret-serialization'].flatMap((id) => ['--rule', `${id}=off`]);
    for (const extra of [[], off]) {
      const inProcess = runCli(['--no-cache', '--format', 'json', '--workers', '0', ...extra], root);
      // --workers 2 starts the warm worker on any machine (by default it starts on 4+ cores).
      const byDefault = runCli(['--no-cache', '--format', 'json', '--workers', '2', ...extra], root);
      expect(inProcess.stderr).toBe('');
      const report = JSON.parse(inProcess.stdout) as { findings: { ruleId: string; file: string }[] };
      expect(report.findings.length).toBeGreaterThan(170); // the tree's reads and leaks, not an empty scan
      if (extra.length === 0) {
        // The helpers' sinks, reached from every caller (located at the sink: one finding per caller's flow or per sink).
        expect(report.findings.some((f) => f.ruleId === 'no-secret-in-log' && f.file === 'app/show.py')).toBe(true);
        expect(report.findings.some((f) => f.ruleId === 'no-secret-in-log' && f.file === 'crates/app/src/util.rs')).toBe(true);
      }
      expect(JSON.parse(byDefault.stdout)).toEqual(report);
      expect(byDefault.stdout).toBe(inProcess.stdout);
      expect(byDefault.code).toBe(inProcess.code);
    }
  });

  it('hands back the files of a worker that dies, and every file is analysed once', async () => {
    const files = Object.keys(tree()).filter((file) => file.endsWith('.ts')).sort();
    const options: FrontEndOptions = {
      registryNames: ['OPENAI_API_KEY', 'STRIPE_KEY', 'STRIPE_SECRET_KEY'],
      secretNames: { OPENAI_API_KEY: 'OpenAiApiKey', STRIPE_KEY: 'StripeSecretKey', STRIPE_SECRET_KEY: 'StripeSecretKey' },
      idsByName: { OPENAI_API_KEY: 'OpenAiApiKey', STRIPE_KEY: 'StripeSecretKey', STRIPE_SECRET_KEY: 'StripeSecretKey' },
      envById: { OpenAiApiKey: 'OPENAI_API_KEY', StripeSecretKey: 'STRIPE_SECRET_KEY' },
      resolver: { paths: [], functions: [], types: [], sanitizers: [] },
    };
    const expected = await analyzeAll({ root, files, options, maxBytes: 1_000_000, workers: 0 });
    // Answers nothing and exits on the first batch, as a worker out of memory would.
    const dying = new Worker("require('node:worker_threads').parentPort.once('message', () => process.exit(3));", { eval: true });
    const got = await analyzeAll({ root, files, options, maxBytes: 1_000_000, warmWorker: queueFor(dying) });
    expect(expected.filter((a) => (a.facts?.facts.length ?? 0) > 0).length).toBeGreaterThan(170);
    expect(got.map((a) => a.file)).toEqual(expected.map((a) => a.file));
    expect(got).toEqual(expected);
  });
});
