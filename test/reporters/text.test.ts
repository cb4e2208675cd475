import { describe, expect, it } from 'vitest';
import { renderExcerpt, neutraliseControlCharacters } from '../../src/reporters/source-excerpt.js';
import { toText } from '../../src/reporters/text.js';
import { emptyResult, reporterContext, scanResult } from './scan-result-fixture.js';

const ANSI = /\u001b\[/;

function on(line: string, column: number, endColumn: number, endLine = 1) {
  return renderExcerpt(line, { line: 1, column, endLine, endColumn });
}

describe('source excerpt and caret', () => {
  it('spans the range on plain ASCII', () => {
    expect(on('const k = process.env.KEY;', 11, 26)).toEqual({ source: 'const k = process.env.KEY;', caret: '          ^^^^^^^^^^^^^^^' });
  });

  it('expands tabs to tab stops and keeps the caret under the range', () => {
    const { source, caret } = on('\tx\t= y;', 4, 5);
    expect(source).toBe('    x   = y;');
    expect(caret).toBe('        ^');
  });

  it('counts wide CJK and emoji as two cells though emoji are two UTF-16 units', () => {
    const line = 'a名😀b';
    // `b` is at UTF-16 column 5 (a=1, 名=2, 😀=3..4) and display cell 6 (a=1, 名=2..3, 😀=4..5).
    const { caret } = on(line, 5, 6);
    expect(caret).toBe('     ^');
  });

  it('gives combining marks no width', () => {
    expect(on('e\u0301x', 3, 4).caret).toBe(' ^');
  });

  it('never splits a surrogate pair and always draws at least one caret', () => {
    expect(on('a😀b', 3, 3).caret).toBe(' ^^');
    expect(on('abc', 2, 2).caret).toBe(' ^');
  });

  it('runs a multi-line range to the end of its first line', () => {
    expect(on('foo(bar,', 5, 2, 3).caret).toBe('    ^^^^');
  });

  it('clamps ranges beyond the line', () => {
    expect(on('ab', 10, 12).caret).toBe('  ^');
  });

  it('windows long lines around the range', () => {
    const line = `${'x'.repeat(300)}TARGET${'y'.repeat(300)}`;
    const { source, caret } = on(line, 301, 307);
    expect(source.startsWith('…')).toBe(true);
    expect(source.endsWith('…')).toBe(true);
    expect(source.length).toBeLessThan(170);
    expect(source.slice(caret.indexOf('^'), caret.length)).toBe('TARGET');
  });

  it('neutralises terminal control characters and bidi overrides', () => {
    expect(neutraliseControlCharacters('a\u001b[31mb\u202Ec\td')).toBe('a\uFFFD[31mb\uFFFDc\td');
    expect(on('x\u001b[2Jy', 1, 2).source).not.toMatch(ANSI);
  });
});

describe('text reporter', () => {
  it('prints no colour codes unless asked to', () => {
    expect(toText(scanResult(), reporterContext())).not.toMatch(ANSI);
    expect(toText(scanResult(), reporterContext({ color: true }))).toMatch(ANSI);
  });

  it('summarises with correct plurals', () => {
    expect(toText(emptyResult(), reporterContext())).toBe('✔ No problems (3 files scanned)\n');
    const one = { ...scanResult(), findings: [scanResult().findings[1]], errors: [] };
    expect(toText(one, reporterContext()).trimEnd().split('\n').at(-1)).toBe('✖ 1 problem (1 error, 0 warnings) in 1 file');
  });

  it('works without source lines', () => {
    const text = toText(scanResult(), reporterContext({ sourceLines: undefined }));
    expect(text).not.toContain(' | ');
    expect(text).toContain('  3:13  error    OPENROUTER_API_KEY (secret OpenRouterApiKey)');
  });

  it('lists the leak flow as numbered steps', () => {
    expect(toText(scanResult(), reporterContext())).toContain(
      "      1. src/a.ts:5:15 resolveSecret('OpenRouterApiKey') returns the secret\n      2. src/a.ts:6:16 interpolated into a template literal\n",
    );
  });

  it('ends with the files that could not be analysed', () => {
    const lines = toText(scanResult(), reporterContext()).trimEnd().split('\n');
    expect(lines.slice(-3)).toEqual(['2 files could not be analysed:', '  src/broken.ts:4:2: Unexpected token.', '  vendor/blob.min.js: File too large (2 MB); skipped.']);
  });

  it('neutralises control characters in file names and messages', () => {
    const base = scanResult();
    const evil = { ...base, findings: [{ ...base.findings[1], file: 'src/\u001b[2Jx.ts', message: 'Bad\u001b]0;title\u0007.' }] };
    expect(toText(evil, reporterContext())).not.toMatch(/[\u001b\u0007]/);
  });
});

describe('text reporter: rule counts, links, paths (issue 11)', () => {
  it('counts findings per rule before the verdict, most first, then by id', () => {
    const lines = toText(scanResult(), reporterContext()).split('\n');
    const at = lines.indexOf('Problems by rule:');
    expect(lines.slice(at, at + 5)).toEqual(['Problems by rule:', '  2  no-secret-in-log', '  1  no-deprecated-alias', '  1  no-direct-env-read', '  1  no-secret-echo']);
    expect(toText(emptyResult(), reporterContext())).not.toContain('Problems by rule');
  });

  it('links each rule id to its docs with OSC 8 only when asked to', () => {
    const url = 'https://github.com/clavis-lint/clavis-lint/blob/main/docs/rules/no-secret-in-log.md';
    const linked = toText(scanResult(), reporterContext({ hyperlinks: true }));
    expect(linked).toContain(`\u001b]8;;${url}\u001b\\no-secret-in-log\u001b]8;;\u001b\\`);
    expect(toText(scanResult(), reporterContext())).not.toContain('\u001b]8;;');
  });

  it('shows paths through displayPath (file headers, flow steps, errors), never rewriting the result', () => {
    const result = scanResult();
    const text = toText(result, reporterContext({ displayPath: (file) => `../${file}` }));
    expect(text).toMatch(/^\.\.\/src\/a\.ts$/m);
    expect(text).toContain('  ../src/broken.ts:4:2: Unexpected token.');
    expect(text).not.toMatch(/^src\/a\.ts$/m);
    expect(result.findings.every((f) => !f.file.startsWith('../'))).toBe(true);
  });
});

describe('compact reporter', () => {
  it('prints path:line:col: severity rule-id message, one line per finding, relative through displayPath', async () => {
    const { toCompact } = await import('../../src/reporters/compact.js');
    const lines = toCompact(scanResult(), reporterContext({ displayPath: (file) => `pkg/${file}` })).split('\n');
    expect(lines[0]).toBe('pkg/.github/workflows/ci.yml:2:3: warning no-deprecated-alias OPENROUTER_KEY is a deprecated alias of OPENROUTER_API_KEY (removal after 2026-12-31).');
    for (const line of lines.slice(0, 5)) expect(line).toMatch(/^[^:]+:\d+:\d+: (error|warning) [a-z-]+ \S/);
    expect(toCompact(emptyResult(), reporterContext())).toBe('');
  });

  it('neutralises control characters and masks value-looking text', async () => {
    const { toCompact } = await import('../../src/reporters/compact.js');
    const base = scanResult();
    const evil = { ...base, findings: [{ ...base.findings[1], file: 'src/\u001b[2Jx.ts', message: 'Bad\u001b]0;title\u0007 sk-test-FAKEabcdef1234567890.' }] };
    const out = toCompact(evil, reporterContext());
    expect(out).not.toMatch(/[\u001b\u0007]/);
    expect(out).not.toContain('FAKEabcdef1234567890');
  });
});
