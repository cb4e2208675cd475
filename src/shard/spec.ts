// `--shard I/N`: which part of the work this run reports. Parsed here (pure), checked by the CLI.

export interface ShardSpec {
  /** 1-based. */
  index: number;
  count: number;
}

/** Above this a shard count is a typo, not a CI matrix (GitHub allows 256 jobs per matrix). */
export const MAX_SHARDS = 256;

/** `I/N` with 1 ≤ I ≤ N ≤ MAX_SHARDS, or an error message naming what was expected. */
export function parseShardSpec(value: string): ShardSpec | string {
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(value);
  const expected = `expected I/N with 1 <= I <= N <= ${MAX_SHARDS}, e.g. 2/4`;
  if (!match) return `invalid --shard '${JSON.stringify(value).slice(1, -1)}': ${expected}`;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARDS || index < 1 || index > count) return `invalid --shard '${value}': ${expected}`;
  return { index, count };
}

/** SARIF `automationDetails.id` of a shard: its own category, so per-shard uploads do not replace each other. */
export function shardAutomationId(base: string, spec: ShardSpec): string {
  const category = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${category}/shard-${spec.index}-of-${spec.count}/`;
}
