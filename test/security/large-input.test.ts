// Issue 14: linear time on any input, and minified/generated files skipped by default.
// A one-line minified file puts thousands of findings on one line of megabytes; every step that
// touched the whole line once per finding (fingerprints, source excerpts, redaction, masking by
// known value) or every fact once per finding (rules pairing facts by position, test-code lines)
// made the scan quadratic: 2 MB took minutes, 50 MB never finished. These tests assert structure,
// not timings: a 4 MB one-line file completes (the old code needed far more than the test
// timeout) and the reads are reported at their exact columns; the helpers that replaced the
// quadratic steps give the same answers as the simple versions they replaced.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runCli, writeTree } from '../support/run-cli.js';
import { fingerprintAll, MAX_WHOLE_LINE } from '../../src/core/fingerprint.js';
import { renderExcerpt } from '../../src/reporters/source-excerpt.js';
import { createKnownValueMasker } from '../../src/core/known-value-masker.js';
import { maskIntervalsOf } from '../../src/core/masked-intervals.js';
import { containmentIndex } from '../../src/core/range-containment.js';
import { generatedByName, minifiedByShape, MINIFIED_LINE_UNITS } from '../../src/core/generated-files.js';
import type { Range } from '../../src/core/facts.js';

const REGISTRY = ['version: 1', 'secrets:', '  - id: OpenAiKey', '    env: OPENAI_API_KEY', '    kind: secret', '    deprecated:', '      - name: OPENAI_KEY', '        remove_after: 2099-12-31', ''].join('\n');
const LEAK_RULES = ['no-secret-in-log', 'no-secret-in-error', 'no-secret-in-prompt', 'no-secret-in-tool-output', 'no-secret-in-telemetry', 'no-secret-serialization', 'no-secret-in-url', 'no-leaky-secret-type'];
const LEAK_OFF = LEAK_RULES.flatMap((id) => ['--rule', `${id}=off`]);

/**
 * A deterministic one-line file: reads of the canonical name, every fourth one of the deprecated
 * alias. Returns the text and the 1-based columns and lengths of the reads, and which are deprecated.
 */
function oneLineFile(bytes: number): { text: string; columns: number[]; lengths: number[]; deprecated: number[] } {
  const parts: string[] = [];
  const columns: number[] = [];
  const lengths: number[] = [];
  const deprecated: number[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const head = `var a${i}=`;
    const read = i % 4 === 3 ? 'process.env.OPENAI_KEY' : 'process.env.OPENAI_API_KEY';
    columns.push(length + head.length + 1);
    lengths.push(read.length);
    if (i % 4 === 3) deprecated.push(length + head.length + 1);
    const chunk = `${head}${read}||"fallback ${i}";function f${i}(x){return x+"::"+a${i}.length}`;
    parts.push(chunk);
    length += chunk.length;
  }
  return { text: parts.join(''), columns, lengths, deprecated };
}

interface JsonFinding {
  ruleId: string;
  line: number;
  column: number;
  endColumn: number;
  fingerprint: string;
}

describe('a one-line file of megabytes is scanned in linear time', () => {
  it('4 MB on one line: every read is reported at its exact column, fingerprints are distinct', () => {
    const { text, columns, lengths, deprecated } = oneLineFile(4 * 1024 * 1024);
    const dir = writeTree({
      'secrets.registry.yaml': REGISTRY,
      '.clavis-lint.yaml': 'max_file_bytes: 67108864\ngenerated:\n  scan: true\n',
      'app.js': text,
    });
    const run = runCli(['.', '--format', 'json', ...LEAK_OFF], dir);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: JsonFinding[]; errors: unknown[] };
    expect(report.errors).toEqual([]);
    // A deprecated read is one finding (no-deprecated-alias, also no-direct-env-read); the alias
    // string inside the read is the same use, not a second one.
    const reads = report.findings.filter((f) => f.ruleId === 'no-direct-env-read' || f.ruleId === 'no-deprecated-alias');
    expect(reads.map((f) => f.column)).toEqual(columns);
    expect(reads.map((f) => f.endColumn - f.column)).toEqual(lengths);
    expect(reads.every((f) => f.line === 1)).toBe(true);
    expect(new Set(reads.map((f) => f.fingerprint)).size).toBe(reads.length);
    expect(reads.filter((f) => f.ruleId === 'no-deprecated-alias').map((f) => f.column)).toEqual(deprecated);
  }, 240_000);

  it('text output of a 2 MB line: each excerpt is a short window with the caret under the read', () => {
    const { text, columns } = oneLineFile(2 * 1024 * 1024);
    const dir = writeTree({
      'secrets.registry.yaml': REGISTRY,
      '.clavis-lint.yaml': 'max_file_bytes: 67108864\ngenerated:\n  scan: true\nrules:\n  no-unregistered-secret-env: off\n  no-deprecated-alias: off\n',
      'app.js': text,
    });
    const run = runCli(['.', ...LEAK_OFF], dir);
    expect(run.code, run.stderr).toBe(1);
    const lines = run.stdout.split('\n');
    const sources = lines.filter((l) => l.startsWith('    1 | '));
    const carets = lines.filter((l) => /^ {6}\| +\^+$/.test(l));
    expect(sources).toHaveLength(columns.length);
    expect(carets).toHaveLength(columns.length);
    // Windowed: `…` on both sides, never the whole megabyte.
    expect(Math.max(...sources.map((l) => l.length))).toBeLessThan(200);
    const caretAt = carets[1000].indexOf('^') - carets[1000].indexOf('|') - 2;
    expect(sources[1000].slice(8).slice(caretAt, caretAt + 'process.env.OPENAI_API_KEY'.length)).toBe('process.env.OPENAI_API_KEY');
    expect(carets[1000].slice(carets[1000].indexOf('^'))).toBe('^'.repeat('process.env.OPENAI_API_KEY'.length));
  }, 240_000);
});

describe('minified and generated files are skipped by default, with a note', () => {
  it('a one-line file and a *.min.js are errors[] notes; generated: { scan: true } analyses them', () => {
    const files = {
      'secrets.registry.yaml': REGISTRY,
      'app.js': oneLineFile(64 * 1024).text,
      'vendor/lib.min.js': 'const k = process.env.OPENAI_API_KEY;\n',
      // One long comment line in a hand-written file is not minification: still analysed.
      'src/handwritten.js': `${'const k = process.env.OPENAI_API_KEY;\n'.repeat(80)}// ${'x'.repeat(MINIFIED_LINE_UNITS + 10)}\n`,
    };
    const run = runCli(['.', '--format', 'json', ...LEAK_OFF], writeTree(files));
    const report = JSON.parse(run.stdout) as { findings: Array<{ file: string }>; errors: Array<{ file: string; message: string }>; stats: { files: number } };
    expect(report.errors.map((e) => e.file)).toEqual(['app.js', 'vendor/lib.min.js']);
    expect(report.errors[0].message).toMatch(/^skipped: minified \(\d+% of the text is on lines longer than 1000 characters\); set `generated: \{ scan: true \}`/);
    expect(report.errors[1].message).toMatch(/^skipped: generated file \(a minified script/);
    expect(new Set(report.findings.map((f) => f.file))).toEqual(new Set(['src/handwritten.js']));
    // Skipped files count in stats, like files too large to parse: each is accounted for.
    expect(report.stats.files).toBe(3);

    const all = runCli(['.', '--format', 'json', ...LEAK_OFF], writeTree({ ...files, '.clavis-lint.yaml': 'generated:\n  scan: true\n' }));
    const scanned = JSON.parse(all.stdout) as { findings: Array<{ file: string }>; errors: unknown[] };
    expect(scanned.errors).toEqual([]);
    expect(new Set(scanned.findings.map((f) => f.file))).toEqual(new Set(['app.js', 'src/handwritten.js', 'vendor/lib.min.js']));
  }, 120_000);

  it('recognises names and shapes cheaply', () => {
    for (const name of ['a/jquery-3.7.min.js', 'app.bundle.js', 'x.js.map', 'package-lock.json', 'pnpm-lock.yaml', 'yarn.lock', 'Cargo.lock', 'poetry.lock']) {
      expect(generatedByName(name), name).toMatch(/^skipped: generated file/);
    }
    for (const name of ['src/admin.js', 'bundle.ts', 'lockfile.ts', 'src/map.ts']) expect(generatedByName(name), name).toBeUndefined();
    expect(minifiedByShape('javascript', 'x'.repeat(MINIFIED_LINE_UNITS + 1))).toMatch(/^skipped: minified \(100%/);
    // Prose and config keep long lines for good reasons; only JS/TS is judged by shape.
    expect(minifiedByShape('markdown', 'x'.repeat(5000))).toBeUndefined();
    expect(minifiedByShape('dotenv', `KEY=${'x'.repeat(5000)}`)).toBeUndefined();
  });
});

describe('the linear helpers agree with the simple versions they replaced', () => {
  it('fingerprints of lines up to MAX_WHOLE_LINE are unchanged (baselines keep matching)', () => {
    const old = (ruleId: string, file: string, secretKey: string, lineText: string, occurrence: number): string =>
      createHash('sha256')
        .update(`${[ruleId, file, secretKey, lineText.replace(/\s+/g, ' ').trim(), ''].join('\u0000')}\u0000${occurrence}`)
        .digest('hex')
        .slice(0, 32);
    const line = `  const key =\tprocess.env.OPENAI_API_KEY;  ${'y'.repeat(MAX_WHOLE_LINE - 60)}`;
    const input = { ruleId: 'no-direct-env-read', file: 'a.ts', secretKey: 'OpenAiKey', lineText: line, column: 15, endColumn: 41 };
    expect(fingerprintAll([input, input])).toEqual([old(input.ruleId, input.file, input.secretKey, line, 0), old(input.ruleId, input.file, input.secretKey, line, 1)]);
  });

  it('on a longer line only the text around the finding counts', () => {
    const pad = 'z'.repeat(10_000);
    const at = (line: string, column: number) => ({ ruleId: 'r', file: 'a.js', secretKey: 'K', lineText: line, column, endColumn: column + 5 });
    const read = 'process.env.K;';
    const line = `${pad}${read}${pad}`;
    const edited = `q${pad.slice(1)}${read}${pad}`; // a change 10,000 units away
    expect(fingerprintAll([at(line, 10_001)])).toEqual(fingerprintAll([at(edited, 10_001)]));
    expect(fingerprintAll([at(line, 10_001)])).not.toEqual(fingerprintAll([at(`${pad}other;${read}${pad}`, 10_007)]));
  });

  it('excerpts of a long line equal those of its window', () => {
    const line = `${'a'.repeat(5_000_000)}process.env.K\t${'b'.repeat(200)}   `;
    const range = { line: 1, column: 5_000_001, endLine: 1, endColumn: 5_000_014 };
    const excerpt = renderExcerpt(line, range);
    // 40 units of context, the read, a tab to the next stop, then up to 160 units in all.
    expect(excerpt.source).toBe(`…${'a'.repeat(40)}process.env.K  ${'b'.repeat(106)}…`);
    expect(excerpt.caret).toBe(`${' '.repeat(41)}${'^'.repeat(13)}`);
    // Trailing whitespace is still trimmed, control characters still neutralised.
    expect(renderExcerpt('x = \u001b[31m1   ', { line: 1, column: 1, endLine: 1, endColumn: 2 })).toEqual({ source: 'x = \uFFFD[31m1', caret: '^' });
  });

  it('masking by known values covers every occurrence, in one pass', () => {
    const mask = createKnownValueMasker(['hunter22', 'hunter2222', 'short', 'zzzzzz'], 6);
    expect(mask('a hunter2222 b hunter22 c short d zzzzzzz')).toBe('a ********** b ******** c short d *******');
    expect(mask('nothing here')).toBe('nothing here');
    const many = Array.from({ length: 5000 }, (_, i) => `value-${i}-secret`);
    const text = many.join(' ');
    expect(createKnownValueMasker(many, 6)(text)).toBe(many.map((v) => '*'.repeat(v.length)).join(' '));
  });

  it('interval masking keeps the kept ranges and the length', () => {
    expect(maskIntervalsOf('const API_KEY = "abcdef";', [[6, 24]], [[6, 13]])).toBe('const API_KEY***********;');
    expect(maskIntervalsOf('abc', [[1, 99]], [])).toBe('a**');
  });

  it('containment by index matches the pairwise test', () => {
    const within = (a: Range, b: Range): boolean =>
      (a.line > b.line || (a.line === b.line && a.column >= b.column)) && (a.endLine < b.endLine || (a.endLine === b.endLine && a.endColumn <= b.endColumn));
    let seed = 7;
    const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const range = (): Range => {
      const line = 1 + next(3);
      const column = 1 + next(12);
      const endLine = line + next(2);
      return { line, column, endLine, endColumn: endLine === line ? column + next(12) : 1 + next(12) };
    };
    for (let i = 0; i < 3000; i++) {
      const ranges = Array.from({ length: next(6) }, range);
      const inner = range();
      expect(containmentIndex(ranges)(inner)).toBe(ranges.some((r) => within(inner, r)));
    }
  });
});

describe('max_file_bytes holds for the cross-file passes too', () => {
  // A Python helper over the limit that a caller hands a secret: the front end skips it with an
  // errors[] note, and the summary pass must not parse it anyway (nor drop that note).
  const HELPERS = `def show(value): print("value", value)\n${'# padding\n'.repeat(60)}`;
  const MAIN = 'import os\nfrom helpers import show\n\nshow(os.environ["OPENAI_API_KEY"])\n';

  for (const cache of [false, true]) {
    it(`an oversized helper is skipped, not summarised (${cache ? 'through the result cache' : 'no cache'})`, () => {
      const root = writeTree({ '.clavis-lint.yaml': 'registry: secrets.registry.yaml\nmax_file_bytes: 300\n', 'secrets.registry.yaml': REGISTRY, 'app/helpers.py': HELPERS, 'app/main.py': MAIN });
      const args = ['--format', 'json', cache ? '--cache' : '--no-cache'];
      if (cache) runCli(args, root, { CI: '' }); // fills the cache: the second run reads texts from disk
      const run = runCli(args, root, { CI: '' });
      const report = JSON.parse(run.stdout) as { findings: Array<{ file: string }>; errors: Array<{ file: string; message: string }> };
      expect(report.findings.map((f) => f.file)).toEqual(['app/main.py']);
      expect(report.errors.map((e) => `${e.file}: ${e.message}`)).toEqual([`app/helpers.py: skipped: file is ${Buffer.byteLength(HELPERS)} bytes, larger than max_file_bytes (300)`]);
    });
  }
});
