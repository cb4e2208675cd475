// Which shard owns which file. Ownership is a pure function of the root-relative path and the
// scan's file list, so every shard (same tree, same command) computes the same table, and every
// finding, error and file count has exactly one owner — including findings located in files the
// scan did not list (a config the change deleted): they fall back to the stable path hash.
//
// Units: with a workspace layout (package.json "workspaces", pnpm-workspace.yaml) a unit is a
// workspace package and everything outside the packages (root config, registry, docs) is one
// more unit; units are spread over the shards by file count (largest first, to the least loaded
// shard). Without one, a unit is a file, placed by a stable hash of its path.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { compareCodeUnits } from '../core/compare.js';
import type { ShardSpec } from './spec.js';

export interface ShardPlan extends ShardSpec {
  /** 'workspace' (units are packages) or 'path-hash' (units are files). */
  mode: 'workspace' | 'path-hash';
  /** Workspace package directories (root-relative, no trailing slash), longest first. */
  packages: string[];
  /** 1-based shard of a root-relative path. */
  shardOf(file: string): number;
  owns(file: string): boolean;
}

/** Stable across machines and Node versions: the first 32 bits of sha1 of the path, modulo N. */
export function hashShard(file: string, count: number): number {
  return (createHash('sha1').update(file).digest().readUInt32BE(0) % count) + 1;
}

export function planShards(root: string, files: readonly string[], spec: ShardSpec): ShardPlan {
  const packages = workspacePackages(root, files);
  if (packages.length === 0) {
    const shardOf = (file: string): number => hashShard(normalise(file), spec.count);
    return { ...spec, mode: 'path-hash', packages, shardOf, owns: (file) => shardOf(file) === spec.index };
  }
  const unitOf = (file: string): string => {
    const rel = normalise(file);
    return packages.find((dir) => rel === dir || rel.startsWith(`${dir}/`)) ?? '';
  };
  const sizes = new Map<string, number>();
  for (const file of files) sizes.set(unitOf(file), (sizes.get(unitOf(file)) ?? 0) + 1);
  // Longest processing time first: biggest unit to the least loaded shard (ties: the lower index).
  const units = [...sizes.entries()].sort(([a, x], [b, y]) => y - x || compareCodeUnits(a, b));
  const load = new Array<number>(spec.count).fill(0);
  const assigned = new Map<string, number>();
  for (const [unit, size] of units) {
    let best = 0;
    for (let i = 1; i < load.length; i++) if (load[i] < load[best]) best = i;
    load[best] += size;
    assigned.set(unit, best + 1);
  }
  const shardOf = (file: string): number => {
    const unit = unitOf(file);
    return assigned.get(unit) ?? hashShard(unit, spec.count);
  };
  return { ...spec, mode: 'workspace', packages, shardOf, owns: (file) => shardOf(file) === spec.index };
}

function normalise(file: string): string {
  return file.split(path.sep).join('/').replace(/^\.\//, '');
}

/**
 * Directories of the workspace packages that hold scanned files: each directory with a
 * package.json among the scan's files whose path matches a workspace pattern of the root
 * package.json (`workspaces` array or `{ packages }`) or pnpm-workspace.yaml (`packages`).
 * Unreadable or malformed manifests mean no workspace layout (ownership falls back to the path hash).
 */
export function workspacePackages(root: string, files: readonly string[]): string[] {
  const patterns = [...packageJsonWorkspaces(root), ...pnpmWorkspaces(root)];
  if (patterns.length === 0) return [];
  const include = patterns.filter((p) => !p.startsWith('!')).map(trimPattern);
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => trimPattern(p.slice(1)));
  if (include.length === 0) return [];
  const isIncluded = picomatch(include, { dot: false });
  const isExcluded = exclude.length > 0 ? picomatch(exclude) : () => false;
  const dirs = new Set<string>();
  for (const file of files) {
    const rel = normalise(file);
    if (!rel.endsWith('/package.json')) continue;
    const dir = rel.slice(0, -'/package.json'.length);
    if (dir.split('/').includes('node_modules')) continue;
    if (isIncluded(dir) && !isExcluded(dir)) dirs.add(dir);
  }
  // Longest first, so a nested package wins over the package around it.
  return [...dirs].sort((a, b) => b.length - a.length || compareCodeUnits(a, b));
}

function trimPattern(pattern: string): string {
  return pattern.replace(/^\.\//, '').replace(/\/+$/, '');
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function packageJsonWorkspaces(root: string): string[] {
  const text = readText(path.join(root, 'package.json'));
  if (text === undefined) return [];
  try {
    const data = JSON.parse(text) as { workspaces?: unknown };
    const ws = data.workspaces;
    const list = Array.isArray(ws) ? ws : ws && typeof ws === 'object' ? (ws as { packages?: unknown }).packages : undefined;
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

function pnpmWorkspaces(root: string): string[] {
  const text = readText(path.join(root, 'pnpm-workspace.yaml'));
  if (text === undefined) return [];
  try {
    const data = parseYaml(text) as { packages?: unknown } | null;
    return Array.isArray(data?.packages) ? data.packages.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}
