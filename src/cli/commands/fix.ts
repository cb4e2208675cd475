// `--fix` and `--fix-dry-run` (DESIGN §10). The scan command hands over the findings it would
// report (after baseline, --changed-since and --quiet: only what is reported is fixed); this
// applies their fixes, or prints them as a unified diff without writing anything.
//
// --fix runs in passes: fixes that overlap one already taken are left for the next pass, which
// scans the new text again; passes stop when one applies nothing, or after MAX_FIX_PASSES.
import type { Finding } from '../../core/finding.js';
import { redactSourceLine } from '../../core/redact.js';
import { planFixes, SKIP_REASONS, writeFixes, type FileFix, type FixPlan } from '../../fix/fix-files.js';
import { planFileFixes } from '../../fix/plan-file-fixes.js';
import { unifiedDiff } from '../../fix/unified-diff.js';
import { UsageError, type CliIo, type ParsedOptions } from '../main.js';
import { neutraliseControlCharacters as safe } from '../../reporters/source-excerpt.js';
import { plural } from '../../reporters/summary.js';

/** ESLint's limit: ten passes settle any realistic chain of overlapping fixes. */
export const MAX_FIX_PASSES = 10;

export type FixMode = 'fix' | 'dry-run' | undefined;

export function fixModeOf(values: ParsedOptions): FixMode {
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be combined: choose one');
  const mode: FixMode = values.fix ? 'fix' : values['fix-dry-run'] ? 'dry-run' : undefined;
  if (mode && values['update-baseline']) throw new UsageError(`--${mode === 'fix' ? 'fix' : 'fix-dry-run'} cannot be combined with --update-baseline`);
  return mode;
}

/** One line per fix left out; overlaps only when no later pass will retry them. */
function notFixedNotes(plan: FixPlan, io: CliIo, withOverlaps: boolean): void {
  for (const { finding, reason } of plan.notFixed) {
    if (reason === 'overlap' && !withOverlaps) continue;
    io.stderr.write(`clavis-lint: not fixed: ${safe(finding.file)}:${finding.line}:${finding.column} ${finding.ruleId}: ${SKIP_REASONS[reason]}\n`);
  }
}

/**
 * Applies one pass of fixes; returns how many findings it fixed (0: nothing left to do). What it
 * could not fix is said once, by the pass that ends the run (one that fixes nothing, or the last):
 * a pass that fixed something is followed by another that sees the same leftovers.
 */
export function applyFixPass(root: string, findings: readonly Finding[], io: CliIo, lastPass: boolean): number {
  const plan = planFixes(root, findings);
  if (lastPass || plan.files.length === 0) notFixedNotes(plan, io, lastPass);
  const failed = writeFixes(plan);
  for (const { file, code } of failed) io.stderr.write(`clavis-lint: not fixed: cannot write ${file} (${code})\n`);
  const written = plan.files.filter((f) => !failed.some((x) => x.file === f.file));
  const count = written.reduce((n, f) => n + f.fixed.length, 0);
  if (count > 0) io.stderr.write(`clavis-lint: fixed ${plural(count, 'problem')} in ${plural(written.length, 'file')}\n`);
  return count;
}

/**
 * The diff --fix would write (first pass), with values masked like every other output: old lines
 * come from the engine's masked source lines and the same edits are applied to them (masking
 * keeps lengths, and the edits touch names, not values). Where that does not line up, both sides
 * are masked by look instead.
 */
export function dryRunDiff(root: string, findings: readonly Finding[], sourceLines: (file: string) => string[] | undefined, io: CliIo): { diff: string; count: number } {
  const plan = planFixes(root, findings);
  notFixedNotes(plan, io, false);
  const parts = plan.files.map((fix) => maskedDiff(fix, sourceLines(fix.file)));
  const count = plan.files.reduce((n, f) => n + f.fixed.length, 0);
  const overlapping = plan.notFixed.filter((n) => n.reason === 'overlap').length;
  const later = overlapping > 0 ? `; ${plural(overlapping, 'more fix', 'more fixes')} overlap these and would follow in a later pass` : '';
  io.stderr.write(`clavis-lint: --fix-dry-run: ${plural(count, 'problem')} in ${plural(plan.files.length, 'file')} would be fixed${later}; nothing was written\n`);
  return { diff: parts.join(''), count };
}

function maskedDiff(fix: FileFix, shown: string[] | undefined): string {
  const masked = shown ? [...shown] : undefined;
  if (masked && masked.length > 0 && masked[0].startsWith('\uFEFF')) masked[0] = masked[0].slice(1);
  const maskedBefore = masked?.join('\n');
  if (maskedBefore !== undefined && maskedBefore.length === fix.before.replace(/\r\n/g, '\n').length) {
    const replayed = planFileFixes(fix.file, maskedBefore, fix.fixed.map((f) => f.fix!));
    if (replayed.applied.length === fix.fixed.length) return unifiedDiff(fix.file, maskedBefore, replayed.after);
  }
  const byLook = (text: string): string => text.split(/\r?\n/).map((line) => redactSourceLine(fix.file, line)).join('\n');
  return unifiedDiff(fix.file, byLook(fix.before), byLook(fix.after));
}
