// What a shard adds to its JSON/SARIF report so `merge` can check the parts belong together:
// which shard, of how many, and the scan key (tool version, config, registry, rule levels).
// Only shard reports carry it; `merge` removes it, so the merged report has the unsharded bytes.
import type { ShardInfo } from './restrict.js';

export const SHARD_PROPERTY = 'clavisLint';

export interface ShardMark {
  index: number;
  count: number;
  scanKey: string;
  /** SARIF: the automation id an unsharded run would have had. */
  automationId?: string;
}

/** The report text with the shard mark added (JSON: a last `shard` key; SARIF: `runs[0].properties.clavisLint.shard`). */
export function markShardReport(format: string, text: string, shard: ShardInfo, baseAutomationId: string): string {
  const mark: ShardMark = { index: shard.index, count: shard.count, scanKey: shard.scanKey };
  if (format === 'json') {
    const data = JSON.parse(text) as Record<string, unknown>;
    data.shard = mark;
    return `${JSON.stringify(data, null, 2)}\n`;
  }
  if (format === 'sarif') {
    const data = JSON.parse(text) as { runs: Array<Record<string, unknown>> };
    for (const run of data.runs) run.properties = { ...((run.properties as object | undefined) ?? {}), [SHARD_PROPERTY]: { shard: { ...mark, automationId: baseAutomationId } } };
    return `${JSON.stringify(data, null, 2)}\n`;
  }
  return text;
}
