// `clavis-lint merge REPORT...`: the shard reports of one `--shard I/N` split (JSON or SARIF, or
// the shards' baseline files) combined into the report an unsharded scan writes (src/shard/merge.ts).
import fs from 'node:fs';
import path from 'node:path';
import { MergeError, mergeReports, type MergeInput } from '../../shard/merge.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo, type ParsedOptions } from '../main.js';
import { writeReport } from './output.js';
import { parseNonNegativeInt } from './scan.js';

export function runMergeCommand(files: string[], values: ParsedOptions, io: CliIo): number {
  if (files.length === 0) throw new UsageError('merge needs the reports to combine: clavis-lint merge REPORT... [--output FILE]');
  const maxWarnings = parseNonNegativeInt('--max-warnings', values['max-warnings']);
  const inputs: MergeInput[] = files.map((file) => {
    try {
      return { name: file, text: fs.readFileSync(path.resolve(io.cwd, file), 'utf8') };
    } catch (err) {
      throw new UsageError(`cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}): expected a report written with --shard I/N`);
    }
  });
  let merged;
  try {
    merged = mergeReports(inputs);
  } catch (err) {
    if (err instanceof MergeError) throw new UsageError(err.message);
    throw err;
  }
  if (values.format !== undefined && values.format !== merged.format) {
    throw new UsageError(`invalid --format '${values.format}' for merge: the inputs are ${merged.format} and merge writes the format it reads`);
  }
  writeReport(merged.text, values, io);
  // As a scan would: the merged report decides the job, like the unsharded scan's exit code.
  if (merged.errors > 0 || (maxWarnings !== undefined && merged.warnings > maxWarnings)) return EXIT_FINDINGS;
  return EXIT_OK;
}
