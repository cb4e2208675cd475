// The scan command's few shard hooks, kept here so scan.ts only calls them.
import type { BaselineFile, BaselineScope } from '../core/baseline.js';
import type { ShardInfo } from './restrict.js';
import { parseShardSpec, type ShardSpec } from './spec.js';

/** `--shard I/N`, or undefined; a bad value is the message of a usage error. */
export function shardFlag(value: string | undefined, usageError: (message: string) => Error): ShardSpec | undefined {
  if (value === undefined) return undefined;
  const spec = parseShardSpec(value);
  if (typeof spec === 'string') throw usageError(spec);
  return spec;
}

/** A shard looks only at its own files: baseline entries of other shards' files are never stale here. */
export function shardScope(scope: BaselineScope | undefined, shard: ShardInfo | undefined): BaselineScope | undefined {
  if (!shard) return scope;
  return (file) => shard.owns(file) && (!scope || scope(file));
}

/** `--update-baseline` on a shard writes only that shard's files, so `merge` of the shards' baselines is their disjoint union. */
export function ownBaselineEntries(existing: BaselineFile | undefined, shard: ShardInfo | undefined): BaselineFile | undefined {
  if (!existing || !shard) return existing;
  return { ...existing, files: Object.fromEntries(Object.entries(existing.files).filter(([file]) => shard.owns(file))) };
}
