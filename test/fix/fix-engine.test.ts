// The fix engine without the CLI: placing edits (certain only), choosing among overlapping fixes,
// applying them with the file's line endings, the unified diff, and the containment of writes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import type { Fix, FixEdit } from '../../src/core/rule.js';
import { planFixes, writeFixes } from '../../src/fix/fix-files.js';
import { planFileFixes } from '../../src/fix/plan-file-fixes.js';
import { lineEndingOf, lineStarts, offsetOf, placeEdit } from '../../src/fix/text-edits.js';
import { unifiedDiff } from '../../src/fix/unified-diff.js';
import { tempDir, writeTree } from '../support/run-cli.js';

function edit(line: number, column: number, endColumn: number, text: string, expected: string, file = 'f'): FixEdit {
  return { file, range: { line, column, endLine: line, endColumn }, text, expected };
}
const fix = (...edits: FixEdit[]): Fix => ({ edits });

describe('placing an edit', () => {
  const text = 'A=1\r\nSTRIPE_KEY_OLD=2\r\nSTRIPE_KEY=3';
  const starts = lineStarts(text);

  it('maps 1-based lines and UTF-16 columns to offsets, CR belonging to the line break', () => {
    expect(offsetOf(text, starts, 1, 1)).toBe(0);
    expect(offsetOf(text, starts, 1, 4)).toBe(3);
    expect(offsetOf(text, starts, 1, 5)).toBeUndefined();
    expect(offsetOf(text, starts, 3, 13)).toBe(text.length);
    expect(offsetOf(text, starts, 4, 1)).toBeUndefined();
    expect(offsetOf('é😀X', lineStarts('é😀X'), 1, 4)).toBe(3);
  });

  it('requires the text the rule saw, and a whole token', () => {
    expect(placeEdit(text, starts, edit(3, 1, 11, 'STRIPE_SECRET_KEY', 'STRIPE_KEY'), '\n')).toMatchObject({ start: 23, end: 33 });
    expect(placeEdit(text, starts, edit(2, 1, 11, 'STRIPE_SECRET_KEY', 'STRIPE_KEY'), '\n')).toBe('token');
    expect(placeEdit(text, starts, edit(1, 1, 2, 'B', 'X'), '\n')).toBe('stale');
    expect(placeEdit(text, starts, edit(9, 1, 2, 'B', 'A'), '\n')).toBe('position');
  });

  it('writes inserted lines with the file’s own line ending', () => {
    expect(lineEndingOf('a\r\nb\r\nc\n')).toBe('\r\n');
    expect(lineEndingOf('a\nb\r\n')).toBe('\n');
    expect(planFileFixes('f', 'A=1\r\n', [fix(edit(2, 1, 1, 'B=\nC=\n', ''))]).after).toBe('A=1\r\nB=\r\nC=\r\n');
  });
});

describe('choosing fixes in one file', () => {
  const text = 'OLD OLD\n';

  it('skips the later of two overlapping fixes, deterministically', () => {
    const plan = planFileFixes('f', text, [fix(edit(1, 1, 4, 'NEW', 'OLD')), fix(edit(1, 1, 4, 'OTHER', 'OLD')), fix(edit(1, 5, 8, 'NEW', 'OLD'))]);
    expect(plan.after).toBe('NEW NEW\n');
    expect(plan.applied).toEqual([0, 2]);
    expect(plan.skipped).toEqual([{ index: 1, reason: 'overlap' }]);
  });

  it('makes an edit proposed twice once, and keeps insertions at one point in order', () => {
    expect(planFileFixes('f', text, [fix(edit(1, 1, 4, 'NEW', 'OLD')), fix(edit(1, 1, 4, 'NEW', 'OLD'))]).after).toBe('NEW OLD\n');
    const inserts = planFileFixes('f', 'A=\n', [fix(edit(2, 1, 1, 'C=\n', '')), fix(edit(2, 1, 1, 'B=\n', ''))]);
    expect(inserts.after).toBe('A=\nC=\nB=\n');
  });

  it('skips an insertion strictly inside a replaced range, and a fix with any uncertain edit as a whole', () => {
    const plan = planFileFixes('f', text, [fix(edit(1, 1, 8, 'X', 'OLD OLD')), fix(edit(1, 3, 3, 'Y', ''))]);
    expect(plan.skipped).toEqual([{ index: 1, reason: 'overlap' }]);
    const partial = planFileFixes('f', text, [fix(edit(1, 1, 4, 'NEW', 'OLD'), edit(1, 5, 8, 'NEW', 'XXX'))]);
    expect(partial.after).toBe(text);
    expect(partial.skipped).toEqual([{ index: 0, reason: 'stale' }]);
  });

  it('is idempotent: once applied, the same fix no longer matches and changes nothing', () => {
    const once = planFileFixes('f', text, [fix(edit(1, 1, 4, 'NEW', 'OLD'))]).after;
    const again = planFileFixes('f', once, [fix(edit(1, 1, 4, 'NEW', 'OLD'))]);
    expect(again.after).toBe(once);
    expect(again.applied).toEqual([]);
  });
});

describe('unified diff', () => {
  it('has the diff -u shape with 3 lines of context and separate hunks', () => {
    const before = ['a', 'b', 'c', 'd', 'OLD', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'OLD', 'l', ''].join('\n');
    const after = before.replace(/OLD/g, 'NEW');
    expect(unifiedDiff('x.ts', before, after)).toBe(
      ['--- a/x.ts', '+++ b/x.ts', '@@ -2,7 +2,7 @@', ' b', ' c', ' d', '-OLD', '+NEW', ' e', ' f', ' g', '@@ -10,5 +10,5 @@', ' i', ' j', ' k', '-OLD', '+NEW', ' l', ''].join('\n'),
    );
  });

  it('marks a missing final newline, and is empty for equal texts', () => {
    expect(unifiedDiff('.env.example', 'A=', 'A=\nB=')).toBe(['--- a/.env.example', '+++ b/.env.example', '@@ -1,1 +1,2 @@', '-A=', '\\ No newline at end of file', '+A=', '+B=', '\\ No newline at end of file', ''].join('\n'));
    expect(unifiedDiff('f', 'same\n', 'same\n')).toBe('');
  });
});

function finding(file: string, fixText: Fix): Finding {
  return { ruleId: 'no-deprecated-alias', severity: 'error', file, line: 1, column: 1, endLine: 1, endColumn: 1, message: 'm', secretId: null, envName: null, fingerprint: 'x', fix: fixText };
}

describe('writing fixes', () => {
  it('never plans a file outside the repository: not through `..`, not through a symbolic link', () => {
    const outside = tempDir('clavis-outside-');
    fs.writeFileSync(path.join(outside, 'target.env'), 'OLD=1\n');
    const root = writeTree({ 'inside.env': 'OLD=1\n' });
    fs.mkdirSync(path.join(root, '.git'));
    fs.symlinkSync(path.join(outside, 'target.env'), path.join(root, 'linked.env'));
    const rel = path.relative(root, path.join(outside, 'target.env')).split(path.sep).join('/');
    const findings = ['inside.env', 'linked.env', rel].map((file) => finding(file, fix(edit(1, 1, 4, 'NEW', 'OLD', file))));
    const plan = planFixes(root, findings);
    expect(plan.files.map((f) => f.file)).toEqual(['inside.env']);
    expect(plan.notFixed.map((n) => [n.finding.file, n.reason]).sort()).toEqual([[rel, 'outside'], ['linked.env', 'outside']].sort());
    expect(writeFixes(plan)).toEqual([]);
    expect(fs.readFileSync(path.join(root, 'inside.env'), 'utf8')).toBe('NEW=1\n');
    expect(fs.readFileSync(path.join(outside, 'target.env'), 'utf8')).toBe('OLD=1\n');
  });

  it('keeps a BOM and leaves files that are not UTF-8 alone', () => {
    const root = writeTree({ 'bom.env': '\uFEFFOLD=1\n' });
    fs.writeFileSync(path.join(root, 'latin1.env'), Buffer.from([0x4f, 0x4c, 0x44, 0x3d, 0xe9, 0x0a]));
    const plan = planFixes(root, ['bom.env', 'latin1.env'].map((file) => finding(file, fix(edit(1, 1, 4, 'NEW', 'OLD', file)))));
    expect(plan.notFixed.map((n) => [n.finding.file, n.reason])).toEqual([['latin1.env', 'unreadable']]);
    writeFixes(plan);
    expect(fs.readFileSync(path.join(root, 'bom.env'), 'utf8')).toBe('\uFEFFNEW=1\n');
  });
});
