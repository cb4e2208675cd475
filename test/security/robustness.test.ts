// Issue 13 items 12, 13, 15, 17 and issue 14's deep-nesting lines: the same report whatever
// `--workers` says and however deep the input nests, `--workers` bounded, a closed or full
// standard output reported in one line with exit 2, and no timing in the default report.
// Every hostile input is built here, in a temp dir or in memory.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, writeTree, type CliRun } from '../support/run-cli.js';
import { analyzeTypeScript } from '../../src/languages/typescript/analyze-file.js';
import { analyzePython } from '../../src/languages/python/index.js';
import { analyzeRust } from '../../src/languages/rust/index.js';
import { MAX_NESTING_DEPTH } from '../../src/languages/nesting-limit.js';
import { plannedWorkers } from '../../src/core/worker-pool.js';
import type { FrontEndOptions, FrontEndResult } from '../../src/core/facts.js';

const REGISTRY = 'version: 1\nsecrets:\n  - id: ApiKey\n    env: API_KEY\n    kind: secret\n';
const CONFIG = 'registry: secrets.registry.yaml\n';
const DEEP_MESSAGE = new RegExp(`^nesting deeper than ${MAX_NESTING_DEPTH} at line (\\d+); the rest of this construct was not analysed$`);
/** What the failures looked like before: a thread's stack decided, and the reason leaked out. */
const STACK_FAILURE = /RangeError|nesting too deep|stopped early|could not start|could not be (fully )?analysed|could not be parsed/;

interface JsonReport {
  findings: Array<{ ruleId: string; file: string; line: number }>;
  stats: { ms: number };
  errors: Array<{ file: string; line?: number; message: string }>;
}

const rep = (text: string, n: number): string => text.repeat(n);

const READ = { ts: 'process.env.API_KEY', py: 'os.environ["API_KEY"]', rs: 'std::env::var("API_KEY").unwrap()' };

/**
 * Files that open with a construct nested `n` levels deep (a read at its bottom), one level per
 * line so no file looks minified, followed by a plain read of the secret. The plain read must be
 * reported in every mode; the deep construct is cut the same way in every mode. One construct
 * per language here; `moreDeepFiles` adds the other shapes.
 */
function deepFiles(n: number): Record<string, string> {
  return {
    [`deep/paren-${n}.ts`]: `export const a =\n${rep('(\n', n)}${READ.ts}\n${rep(')', n)};\nexport const b = ${READ.ts};\n`,
    [`deep/elements-${n}.jsx`]: `export const a =\n${rep('<i>\n', n)}{${READ.ts}}\n${rep('</i>', n)};\nexport const b = ${READ.ts};\n`,
    [`deep/paren_${n}.py`]: `import os\nx = ${rep('(\n', n)}${READ.py}\n${rep(')', n)}\ny = ${READ.py}\n`,
    [`deep/blocks_${n}.rs`]: `fn main() {\n    let a = ${rep('{\n', n)}${READ.rs}\n${rep('}', n)};\n    let b = ${READ.rs};\n}\n`,
  };
}

/** Chains and other brackets: the parser loops over some, recurses on others. */
function moreDeepFiles(n: number): Record<string, string> {
  return {
    [`deep/calls-${n}.ts`]: `export const a = ${READ.ts}\n${rep('.trim()\n', n)};\nexport const b = ${READ.ts};\n`,
    [`deep/not-${n}.ts`]: `export const a =\n${rep('!\n', n)}${READ.ts};\nexport const b = ${READ.ts};\n`,
    [`deep/arrays-${n}.js`]: `export const a =\n${rep('[\n', n)}${READ.ts}\n${rep(']', n)};\nexport const b = ${READ.ts};\n`,
    [`deep/sum_${n}.py`]: `import os\nx = (${READ.py}\n${rep(' + "a"\n', n)})\ny = ${READ.py}\n`,
    [`deep/paren_${n}.rs`]: `fn main() {\n    let a = ${rep('(\n', n)}${READ.rs}\n${rep(')', n)};\n    let b = ${READ.rs};\n}\n`,
  };
}

/** Lines (1-based) of the deep construct and of the plain read after it. */
function linesOf(text: string): { deepFrom: number; deepTo: number; plain: number } {
  const lines = text.split('\n');
  const deepFrom = lines.findIndex((line) => /^(export const a|x = |\s+let a)/.test(line)) + 1;
  const plain = lines.findIndex((line) => /^(export const b|y = |\s+let b)/.test(line)) + 1;
  return { deepFrom, deepTo: plain - 1, plain };
}

function json(run: CliRun): JsonReport {
  expect(run.code, run.stderr).not.toBe(2);
  return JSON.parse(run.stdout) as JsonReport;
}

describe('deep nesting: the same report on every thread (issue 13 item 12, issue 14)', () => {
  const deep: Record<string, string> = { ...Object.assign({}, ...[1_000, 10_000, 50_000].map(deepFiles)), ...moreDeepFiles(10_000) };
  const root = writeTree({
    '.clavis-lint.yaml': CONFIG,
    'secrets.registry.yaml': REGISTRY,
    // A leak in a shallow file: a deep file elsewhere must not switch the leak analysis off.
    'src/shallow.ts': 'export function show(): void {\n  console.log(process.env.API_KEY);\n}\n',
    ...deep,
  });

  it('--workers 0, the default and --workers 8 give byte-identical JSON for 1k, 10k and 50k levels', () => {
    const inProcess = runCli(['--format', 'json', '--workers', '0'], root);
    const byDefault = runCli(['--format', 'json'], root);
    const inWorkers = runCli(['--format', 'json', '--workers', '8'], root);
    // Parsed first, so a difference shows as a readable diff; then the bytes.
    expect(JSON.parse(byDefault.stdout)).toEqual(JSON.parse(inProcess.stdout));
    expect(JSON.parse(inWorkers.stdout)).toEqual(JSON.parse(inProcess.stdout));
    expect(byDefault.stdout).toBe(inProcess.stdout);
    expect(inWorkers.stdout).toBe(inProcess.stdout);
    expect([byDefault.code, inWorkers.code]).toEqual([inProcess.code, inProcess.code]);

    const report = json(inProcess);
    for (const [file, text] of Object.entries(deep)) {
      const { deepFrom, deepTo, plain } = linesOf(text);
      // The rest of the file is analysed: the plain read after the deep construct is reported.
      expect(report.findings.some((f) => f.file === file && f.line === plain), `${file}: read on line ${plain}`).toBe(true);
      // The cut is an errors[] entry that carries the line where the depth was exceeded (issue 14).
      const entries = report.errors.filter((e) => e.file === file && DEEP_MESSAGE.test(e.message));
      expect(entries.length, file).toBeGreaterThan(0);
      for (const entry of entries) {
        // A chain nests to the left: its cut part starts where the construct starts.
        expect(entry.line, file).toBeGreaterThanOrEqual(deepFrom);
        expect(entry.line, file).toBeLessThanOrEqual(deepTo);
        expect(entry.message).toContain(`at line ${entry.line};`);
      }
    }
    expect(report.findings.some((f) => f.file === 'src/shallow.ts' && f.ruleId === 'no-secret-in-log')).toBe(true);
    for (const error of report.errors) expect(error.message).not.toMatch(STACK_FAILURE);
  });
});

/** Front ends on hostile constructs, in memory: nothing overflows, the tail is analysed. */
describe('every construct nests deep without a stack overflow (issue 13 item 12)', () => {
  const options: FrontEndOptions = {
    registryNames: ['API_KEY'],
    secretNames: { API_KEY: 'ApiKey' },
    idsByName: { API_KEY: 'ApiKey' },
    envById: { ApiKey: 'API_KEY' },
    resolver: { paths: [], functions: [], types: [], sanitizers: [] },
    leakAnalysis: true,
  };
  const N = 50_000;
  const TAIL = 'process.env.API_KEY';

  /** Line 1 nests N deep, line 2 reads; the read must be found and the cut named on line 1. */
  function expectCutAndTail(result: FrontEndResult, tailLine: number, deepLine: number, label: string): void {
    const reads = result.facts.filter((fact) => fact.kind === 'env-read' && fact.name === 'API_KEY');
    expect(reads.some((fact) => fact.kind === 'env-read' && fact.range.line === tailLine), `${label}: read after the deep construct`).toBe(true);
    const errors = result.errors ?? [];
    expect(errors.length, label).toBeGreaterThan(0);
    for (const error of errors) {
      if (/syntax error/.test(error.message)) continue; // Python names the holes the cut leaves
      expect(error.message, label).toMatch(DEEP_MESSAGE);
      expect(error.line, label).toBe(deepLine);
    }
  }

  const typescript: Record<string, string> = {
    parentheses: `x = ${rep('(', N)}1${rep(')', N)};`,
    objects: `x = ${rep('{a:', N)}1${rep('}', N)};`,
    calls: `x = ${rep('f(', N)}${rep(')', N)};`,
    'prefix operators': `x = ${rep('!', N)}a;`,
    'typeof chain': `x = ${rep('typeof ', N)}a;`,
    'conditional chain': `x = ${rep('a ? b : ', N)}c;`,
    'assignment chain': `${rep('a = ', N)}c;`,
    'arrow functions': `x = ${rep('a => ', N)}c;`,
    'else if chain': `if (a) {} ${rep('else if (a) {} ', N)}`,
    'nested if': `${rep('if (a) ', N)};`,
    labels: `${rep('l: ', N)};`,
    blocks: `${rep('{', N)}${rep('}', N)}`,
    'member chain': `x = a${rep('.b', N)};`,
    'call chain': `x = a${rep('.b()', N)};`,
    'string concatenation': `x = "a"${rep(' + "a"', N)};`,
    'comma operator': `x = (a${rep(', a', N)});`,
    templates: `x = ${rep('`${', N)}1${rep('}`', N)};`,
    'new chain': `x = ${rep('new ', N)}A;`,
    'type arguments': `type T = ${rep('A<', N)}B${rep('>', N)};`,
    'conditional types': `type T = ${rep('A extends B ? C : ', N)}D;`,
    'function nesting': `${rep('function f(){', N)}${rep('}', N)}`,
  };
  for (const [name, line] of Object.entries(typescript)) {
    it(`TypeScript: ${name}`, () => {
      expectCutAndTail(analyzeTypeScript('deep.ts', `${line}\nexport const tail = ${TAIL};\n`, options), 2, 1, name);
    });
  }

  // Text that misleads a lexer (a regular expression after `}` read as a division, stray closers,
  // generic arrows that look like tags, brackets in JSX text) must not hide depth from the guard.
  const misleading: Record<string, [string, string]> = {
    'regular expressions read as division': ['deep.ts', `${rep('x = (function(){}\n/[)]/, \n', 5_000)}1${rep(')', 5_000)};`],
    'stray closers': ['deep.ts', `x = ${rep('(a], ', 5_000)}1${rep(')', 5_000)};`],
    'generic arrows with defaults': ['deep.tsx', `x = ${rep('<T = any,>() => ', 5_000)}1;`],
    'const type parameters': ['deep.tsx', `x = ${rep('<const T,>() => (', 5_000)}1${rep(')', 5_000)};`],
    'brackets in JSX text': ['deep.tsx', `x = <a>${rep('(', 5_000)}</a>;`],
  };
  for (const [name, [file, text]] of Object.entries(misleading)) {
    it(`TypeScript: ${name}`, () => {
      const source = `${text}\nexport const tail = ${TAIL};\n`;
      const tailLine = source.split('\n').length - 1;
      const result = analyzeTypeScript(file, source, options);
      expect(result.facts.some((fact) => fact.kind === 'env-read' && fact.range.line === tailLine), name).toBe(true);
      for (const error of result.errors ?? []) expect(error.message, name).toMatch(DEEP_MESSAGE);
    });
  }

  it('TSX: nested elements and expression containers', () => {
    const text = `x = ${rep('<a>{', N)}1${rep('}</a>', N)};\nexport const tail = ${TAIL};\n`;
    expectCutAndTail(analyzeTypeScript('deep.tsx', text, options), 2, 1, 'tsx');
  });

  const python: Record<string, string> = {
    parentheses: `x = ${rep('(', N)}1${rep(')', N)}`,
    lists: `x = ${rep('[', N)}1${rep(']', N)}`,
    calls: `x = ${rep('f(', N)}${rep(')', N)}`,
    'not chain': `x = ${rep('not ', N)}a`,
    'conditional chain': `x = ${rep('a if b else ', N)}c`,
    'string concatenation': `x = "a"${rep(' + "a"', N)}`,
  };
  for (const [name, line] of Object.entries(python)) {
    it(`Python: ${name}`, async () => {
      expectCutAndTail(await analyzePython('deep.py', `import os\n${line}\ntail = os.environ["API_KEY"]\n`, options), 3, 2, name);
    });
  }

  const rust: Record<string, string> = {
    parentheses: `    let x = ${rep('(', N)}1${rep(')', N)};`,
    blocks: `    let x = ${rep('{', N)}1${rep('}', N)};`,
    references: `    let x = ${rep('&', N)}a;`,
    closures: `    let x = ${rep('|| ', N)}1;`,
    'method chain': `    let x = a${rep('.b()', N)};`,
  };
  for (const [name, line] of Object.entries(rust)) {
    it(`Rust: ${name}`, async () => {
      const text = `fn main() {\n${line}\n    let tail = std::env::var("API_KEY");\n}\n`;
      expectCutAndTail(await analyzeRust('deep.rs', text, options), 3, 2, name);
    });
  }
});

describe('--workers is bounded (issue 13 item 13)', () => {
  const root = writeTree({ '.clavis-lint.yaml': CONFIG, 'secrets.registry.yaml': REGISTRY, 'a.ts': 'export const a = process.env.API_KEY;\n', 'b.ts': 'export const b = process.env.API_KEY;\n' });

  for (const value of ['99999', '512', '65', '-1', 'two', '1e3']) {
    it(`rejects --workers ${value} with exit 2 and one line`, () => {
      const run = runCli([`--workers=${value}`], root);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain('expected an integer from 0 to 64');
    });
  }

  it('accepts 64 and gives the same report as 0', () => {
    const most = runCli(['--format', 'json', '--workers', '64'], root);
    expect(most.code, most.stderr).toBe(1);
    expect(most.stdout).toBe(runCli(['--format', 'json', '--workers', '0'], root).stdout);
  });

  it('never starts more threads than cores or files to parse', () => {
    expect(plannedWorkers(512, 2, 2)).toBe(2);
    expect(plannedWorkers(64, 2, 64)).toBe(2);
    expect(plannedWorkers(64, 1000, 2)).toBe(2);
    expect(plannedWorkers(8, 0, 8)).toBe(0);
    expect(plannedWorkers(0, 1000, 8)).toBe(0);
    expect(plannedWorkers(undefined, 10, 8)).toBe(0);
    expect(plannedWorkers(undefined, 5000, 4)).toBe(4);
    // Under four cores the default stays in-process, however many files (documenso: 3.3 s against 4.8 s with two workers).
    expect(plannedWorkers(undefined, 5000, 2)).toBe(0);
    expect(plannedWorkers(undefined, 5000, 3)).toBe(0);
    expect(plannedWorkers(undefined, 5000, 32)).toBe(8);
  });
});

describe('a closed or full standard output (issue 13 item 15)', () => {
  // Big enough that a write cannot hide in a pipe buffer.
  const files: Record<string, string> = { '.clavis-lint.yaml': CONFIG, 'secrets.registry.yaml': REGISTRY };
  for (let i = 0; i < 300; i++) files[`src/m${i}.ts`] = `export const v${i} = process.env.API_KEY;\n`;
  const root = writeTree(files);

  function expectOneLineExit2(code: number | null, stderr: string, label: string): void {
    expect(code, `${label}: ${stderr}`).toBe(2);
    const lines = stderr.trim().split('\n');
    expect(lines, label).toHaveLength(1);
    expect(lines[0], label).toMatch(/^clavis-lint: cannot write to standard output \((EPIPE|ENOSPC)\)/);
    expect(stderr, label).not.toMatch(/Unhandled|node:events|^\s+at /m);
  }

  it('/dev/full (ENOSPC): exit 2 and one line, for every format', () => {
    for (const format of ['text', 'compact', 'json', 'sarif', 'github', 'markdown']) {
      const out = fs.openSync('/dev/full', 'w');
      try {
        const run = spawnSync(process.execPath, [BIN, '--format', format], { cwd: root, stdio: ['ignore', out, 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
        expectOneLineExit2(run.status, run.stderr, format);
      } finally {
        fs.closeSync(out);
      }
    }
  });

  it('a pipe whose reader is gone (EPIPE): exit 2 and one line, for every format', async () => {
    for (const format of ['text', 'compact', 'json', 'sarif', 'github', 'markdown']) {
      const child = spawn(process.execPath, [BIN, '--format', format], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      child.stdout.destroy(); // the read end closes before the CLI has written anything
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expectOneLineExit2(code, stderr, format);
    }
  });
});

describe('no timing in the report unless asked (issue 13 item 17)', () => {
  const root = writeTree({ '.clavis-lint.yaml': CONFIG, 'secrets.registry.yaml': REGISTRY, 'a.ts': 'export const a = process.env.API_KEY;\n' });

  it('stats.ms is 0, so two runs give the same bytes; --timing puts the time back', () => {
    const first = runCli(['--format', 'json'], root);
    const second = runCli(['--format', 'json'], root);
    expect(json(first).stats.ms).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const timed = json(runCli(['--format', 'json', '--timing'], root));
    expect(typeof timed.stats.ms).toBe('number');
    expect(timed.stats.ms).toBeGreaterThanOrEqual(0);
  });

  it('the baseline lists files in code-unit order under a Swedish locale', () => {
    const tree = writeTree({
      '.clavis-lint.yaml': CONFIG,
      'secrets.registry.yaml': REGISTRY,
      'ä.ts': 'export const a = process.env.API_KEY;\n',
      'z.ts': 'export const z = process.env.API_KEY;\n',
      'B.ts': 'export const b = process.env.API_KEY;\n',
      'a.ts': 'export const a = process.env.API_KEY;\n',
    });
    const run = runCli(['--update-baseline', '--baseline', 'baseline.json'], tree, { LC_ALL: 'sv_SE.UTF-8', LANG: 'sv_SE.UTF-8' });
    expect(run.code, run.stderr).toBe(0);
    const files = Object.keys((JSON.parse(fs.readFileSync(path.join(tree, 'baseline.json'), 'utf8')) as { files: object }).files);
    expect(files).toEqual(['B.ts', 'a.ts', 'z.ts', 'ä.ts']);
  });
});
