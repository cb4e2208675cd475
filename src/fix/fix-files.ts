// Fixes on disk: read each file a fix touches, plan its edits, and (for --fix) write it back.
// Every path goes through the project's containment check, so no fix writes outside the
// repository: not by `..`, not through a symbolic link. A file keeps its encoding (a UTF-8 BOM
// stays) and its line endings (inserted lines use the file's own).
import fs from 'node:fs';
import { resolveContained } from '../core/contained-path.js';
import type { Finding } from '../core/finding.js';
import { compareCodeUnits } from '../core/compare.js';
import { planFileFixes, type SkipReason } from './plan-file-fixes.js';

const BOM = '\uFEFF';
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export interface FileFix {
  /** Relative to the project root, `/` separators. */
  file: string;
  /** Real path to write. */
  absolute: string;
  /** The text without a BOM, before and after the fixes. */
  before: string;
  after: string;
  bom: boolean;
  /** The findings whose fixes are applied. */
  fixed: Finding[];
}

export interface NotFixed {
  finding: Finding;
  reason: SkipReason | 'outside' | 'unreadable';
}

export interface FixPlan {
  files: FileFix[];
  notFixed: NotFixed[];
}

/** What `reason` means, for the one-line notes the CLI prints. */
export const SKIP_REASONS: Record<NotFixed['reason'], string> = {
  position: 'its range is not in the file',
  stale: 'the file no longer holds the text the fix replaces',
  token: 'the text is part of a longer name',
  overlap: 'it overlaps another fix, and the last pass is done',
  'other-file': 'it edits several files',
  outside: 'the file is outside the repository (or reached through a symbolic link that leads out)',
  unreadable: 'the file cannot be read as UTF-8 text',
};

/** Decodes a file, keeping whether it starts with a BOM; undefined when it is not UTF-8. */
function readText(absolute: string): { text: string; bom: boolean } | undefined {
  try {
    const buffer = fs.readFileSync(absolute);
    const decoded = utf8.decode(buffer);
    return decoded.startsWith(BOM) ? { text: decoded.slice(1), bom: true } : { text: decoded, bom: false };
  } catch {
    return undefined;
  }
}

/** Plans the fixes of the given findings (those without one are ignored), file by file in path order. */
export function planFixes(root: string, findings: readonly Finding[]): FixPlan {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (!finding.fix || finding.fix.edits.length === 0) continue;
    const file = finding.fix.edits[0].file;
    const list = byFile.get(file);
    if (list) list.push(finding);
    else byFile.set(file, [finding]);
  }
  const files: FileFix[] = [];
  const notFixed: NotFixed[] = [];
  for (const file of [...byFile.keys()].sort(compareCodeUnits)) {
    const group = byFile.get(file)!;
    const contained = resolveContained(root, file);
    if ('error' in contained || !isRegularFile(contained.absolute)) {
      notFixed.push(...group.map((finding) => ({ finding, reason: 'outside' as const })));
      continue;
    }
    const read = readText(contained.absolute);
    if (!read) {
      notFixed.push(...group.map((finding) => ({ finding, reason: 'unreadable' as const })));
      continue;
    }
    const plan = planFileFixes(file, read.text, group.map((f) => f.fix!));
    for (const { index, reason } of plan.skipped) notFixed.push({ finding: group[index], reason });
    if (plan.applied.length === 0 || plan.after === read.text) continue;
    files.push({ file, absolute: contained.absolute, before: read.text, after: plan.after, bom: read.bom, fixed: plan.applied.map((i) => group[i]) });
  }
  return { files, notFixed };
}

/** A regular file, not a link, a directory or a device: `resolveContained` gives the real path, so this is the target itself. */
function isRegularFile(absolute: string): boolean {
  try {
    return fs.lstatSync(absolute).isFile();
  } catch {
    return false;
  }
}

/** Writes the planned files (with their BOM if they had one). Returns the files that could not be written. */
export function writeFixes(plan: FixPlan): Array<{ file: string; code: string }> {
  const failed: Array<{ file: string; code: string }> = [];
  for (const fix of plan.files) {
    try {
      fs.writeFileSync(fix.absolute, (fix.bom ? BOM : '') + fix.after, 'utf8');
    } catch (err) {
      failed.push({ file: fix.file, code: (err as NodeJS.ErrnoException).code ?? 'error' });
    }
  }
  return failed;
}
