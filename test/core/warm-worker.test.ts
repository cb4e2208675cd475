// The warm worker (src/core/warm-worker.ts) loads the TypeScript compiler while the registry loads
// and shares the parsing with the main thread. Whichever thread analyses a file, the report must
// be the one an in-process scan gives, and a worker that dies must not lose a file.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { runCli, writeTree } from '../support/run-cli.js';
import { analyzeAll, reanalyseAll, ReanalysisRound } from '../../src/core/worker-pool.js';
import { lateWarmWorkerWanted, queueFor } from '../../src/core/warm-worker.js';
import type { PendingFile } from '../../src/core/analyze-file.js';
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

  it('shares a round of re-analyses with the main thread: the worker holds two jobs at a time, not a whole round', async () => {
    const options: FrontEndOptions = {
      registryNames: ['OPENAI_API_KEY'],
      secretNames: { OPENAI_API_KEY: 'OpenAiApiKey' },
      idsByName: { OPENAI_API_KEY: 'OpenAiApiKey' },
      envById: { OpenAiApiKey: 'OPENAI_API_KEY' },
      resolver: { paths: [], functions: [], types: [], sanitizers: [] },
    };
    // Each re-analysis has options of its own (its summaries), as in src/core/cross-file-summaries.ts.
    const jobs = Array.from({ length: 13 }, (_, i) => ({
      file: { file: `src/caller${i}.rs`, language: 'rust', text: `pub fn run${i}() {}\n` } as PendingFile,
      options: { ...options, functionSummaries: [] },
    }));
    // A worker that marks what it analysed and holds its answers until released: the main thread
    // meanwhile takes whatever the worker was not sent. Released once the queue is empty.
    const holding = new Worker(
      `const { parentPort } = require('node:worker_threads');
       const held = []; let released = false;
       const answer = (m) => parentPort.postMessage({ kind: 'results', results: m.files.map((f) => ({ file: f.file, language: f.language, prefiltered: false, errors: [{ file: f.file, message: 'by the worker' }] })) });
       parentPort.on('message', (m) => {
         if (m.kind === 'release') { released = true; held.splice(0).forEach(answer); }
         else if (m.kind === 'batch') { if (released) answer(m); else held.push(m); }
       });`,
      { eval: true },
    );
    const warm = queueFor(holding);
    expect(warm.claim(options)).toBe(true);
    const release = setInterval(() => {
      if (warm.queued() === 0) {
        clearInterval(release);
        holding.postMessage({ kind: 'release' });
      }
    }, 5);
    try {
      const results = await reanalyseAll(jobs, warm);
      expect(results.map((r) => r.file)).toEqual(jobs.map((j) => j.file.file));
      const byWorker = results.filter((r) => r.errors.some((e) => e.message === 'by the worker')).length;
      expect(byWorker).toBe(2); // it held two at a time while the main thread did the rest
    } finally {
      clearInterval(release);
      warm.stop();
    }
  });
});

/** A worker that answers each batch at once, marking its answers. */
function echoWorker(): Worker {
  return new Worker(
    `const { parentPort } = require('node:worker_threads');
     parentPort.on('message', (m) => {
       if (m.kind === 'batch') parentPort.postMessage({ kind: 'results', results: m.files.map((f) => ({ file: f.file, language: f.language, prefiltered: false, errors: [{ file: f.file, message: 'by the worker' }] })) });
     });`,
    { eval: true },
  );
}

const RUST_OPTIONS: FrontEndOptions = {
  registryNames: ['OPENAI_API_KEY'],
  secretNames: { OPENAI_API_KEY: 'OpenAiApiKey' },
  idsByName: { OPENAI_API_KEY: 'OpenAiApiKey' },
  envById: { OpenAiApiKey: 'OPENAI_API_KEY' },
  resolver: { paths: [], functions: [], types: [], sanitizers: [] },
};

const rustJob = (name: string, text = `pub fn ${name}() {}\n`): { file: PendingFile; options: FrontEndOptions } => ({
  file: { file: `crates/c/src/${name}.rs`, language: 'rust', text } as PendingFile,
  options: { ...RUST_OPTIONS, functionSummaries: [] },
});

describe('a re-analysis round whose jobs are found one at a time (ReanalysisRound)', () => {
  it('hands each job to the worker as it is added, and gives the results in the order added; a repeated file is analysed here', async () => {
    const warm = queueFor(echoWorker());
    expect(warm.claim(RUST_OPTIONS)).toBe(true);
    try {
      const round = new ReanalysisRound(warm);
      const jobs = ['a', 'b', 'c', 'a'].map((name) => rustJob(name));
      for (const job of jobs) {
        round.add(job);
        await round.breathe();
      }
      // Two jobs went out before finish() was called (the worker holds two at a time).
      expect(warm.queued()).toBe(1);
      const results = await round.finish();
      expect(results.map((r) => r.file)).toEqual(jobs.map((j) => j.file.file));
      expect(results.slice(0, 2).every((r) => r.errors.some((e) => e.message === 'by the worker'))).toBe(true);
      expect(results[3].errors.some((e) => e.message === 'by the worker')).toBe(false); // the repeat, analysed on this thread
    } finally {
      warm.stop();
    }
  });

  it('without a worker, analyses every job here', async () => {
    const round = new ReanalysisRound(undefined);
    const jobs = ['a', 'b'].map((name) => rustJob(name));
    for (const job of jobs) round.add(job);
    const results = await round.finish();
    expect(results.map((r) => r.file)).toEqual(jobs.map((j) => j.file.file));
    expect(results.every((r) => r.errors.length === 0)).toBe(true);
  });
});

describe('the warm worker at the end of the first pass (draining)', () => {
  it('is sent what is left largest first, one file at a time as the queue runs out', async () => {
    const batches: string[][] = [];
    const worker = echoWorker();
    const warm = queueFor(worker);
    worker.on('message', (m: { results: { file: string }[] }) => batches.push(m.results.map((r) => r.file)));
    expect(warm.claim(RUST_OPTIONS)).toBe(true);
    try {
      const sizes = [3, 40, 1, 20];
      sizes.forEach((size, i) => warm.add({ file: `crates/c/src/f${i}.rs`, language: 'rust', text: 'x'.repeat(size) } as PendingFile));
      warm.draining();
      warm.pump();
      await warm.finish();
      expect(batches).toEqual([['crates/c/src/f1.rs'], ['crates/c/src/f3.rs'], ['crates/c/src/f0.rs'], ['crates/c/src/f2.rs']]);
    } finally {
      warm.stop();
    }
  });
});

describe('the late warm worker (2 or 3 cores)', () => {
  it('keeps TS/JS files on the main thread (scriptsOnMain): the worker is sent only the others and never loads the compiler', async () => {
    const options: FrontEndOptions = {
      registryNames: ['OPENAI_API_KEY'],
      secretNames: { OPENAI_API_KEY: 'OpenAiApiKey' },
      idsByName: { OPENAI_API_KEY: 'OpenAiApiKey' },
      envById: { OpenAiApiKey: 'OPENAI_API_KEY' },
      resolver: { paths: [], functions: [], types: [], sanitizers: [] },
    };
    const files: PendingFile[] = [];
    for (let i = 0; i < 6; i++) {
      files.push({ file: `crates/c/src/m${i}.rs`, language: 'rust', text: `pub fn m${i}() {}\n` } as PendingFile);
      files.push({ file: `web/m${i}.ts`, language: 'typescript', text: `export const m${i} = process.env.OPENAI_API_KEY;\n` } as PendingFile);
    }
    // A worker that answers at once and says which files it was sent.
    const echo = new Worker(
      `const { parentPort } = require('node:worker_threads');
       parentPort.on('message', (m) => {
         if (m.kind === 'batch') parentPort.postMessage({ kind: 'results', results: m.files.map((f) => ({ file: f.file, language: f.language, prefiltered: false, errors: [{ file: f.file, message: 'by the worker' }] })) });
       });`,
      { eval: true },
    );
    const warm = queueFor(echo, { scriptsOnMain: true });
    expect(warm.claim(options)).toBe(true);
    try {
      const jobs = files.map((file) => ({ file, options: { ...options, functionSummaries: [] } }));
      const results = await reanalyseAll(jobs, warm);
      expect(results.map((r) => r.file)).toEqual(files.map((f) => f.file));
      const byWorker = results.filter((r) => r.errors.some((e) => e.message === 'by the worker')).map((r) => r.file);
      expect(byWorker.every((file) => file.endsWith('.rs'))).toBe(true);
      // Every TS file was analysed here: its env read is a fact.
      for (const r of results.filter((r) => r.file.endsWith('.ts'))) expect(r.facts?.facts.some((f) => f.kind === 'env-read')).toBe(true);
    } finally {
      warm.stop();
    }
  });

  const rust = (n: number): string[] => Array.from({ length: n }, (_, i) => `crates/c/src/m${i}.rs`);
  const python = (n: number): string[] => Array.from({ length: n }, (_, i) => `pkg/m${i}.py`);

  it('starts by default for 500 or more Rust and Python files, on 2 or 3 cores only', () => {
    expect(lateWarmWorkerWanted(undefined, [...rust(300), ...python(200)], 2)).toBe(true);
    expect(lateWarmWorkerWanted(undefined, [...rust(300), ...python(199), 'a.ts', 'b.md'], 2)).toBe(false);
    expect(lateWarmWorkerWanted(undefined, rust(3000), 3)).toBe(true);
    expect(lateWarmWorkerWanted(undefined, rust(3000), 1)).toBe(false); // one core: no second thread
    expect(lateWarmWorkerWanted(undefined, rust(3000), 4)).toBe(false); // 4+ cores: started at the beginning instead
  });

  it('never when --workers decides (0: in-process; any other count: started at the beginning)', () => {
    expect(lateWarmWorkerWanted(0, rust(3000), 2)).toBe(false);
    expect(lateWarmWorkerWanted(2, rust(3000), 2)).toBe(false);
  });
});
