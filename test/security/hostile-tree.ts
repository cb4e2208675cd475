// Builders for hostile-input tests: a temp directory holding a project (`repo/`) next to files
// outside it (`outside/`) that carry a canary line. A test points something in the project at the
// outside files (by `..`, an absolute path or a symbolic link) and then checks that the canary
// never shows up in any output and that nothing outside changed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { tempDir, type CliRun } from '../support/run-cli.js';

export const CANARY = 'hunter2-FAKE-canary-line';

export type Escape = 'dotdot' | 'absolute' | 'symlink';
export const ESCAPES: Escape[] = ['dotdot', 'absolute', 'symlink'];

export interface HostileTree {
  base: string;
  repo: string;
  outside: string;
}

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

/** `repo/` (optionally a git repository) and `outside/`, each with the given files. */
export function hostileTree(repoFiles: Record<string, string>, outsideFiles: Record<string, string>, options: { git?: boolean } = {}): HostileTree {
  const base = tempDir('clavis-hostile-');
  const repo = path.join(base, 'repo');
  const outside = path.join(base, 'outside');
  fs.mkdirSync(repo);
  fs.mkdirSync(outside);
  writeFiles(repo, repoFiles);
  writeFiles(outside, outsideFiles);
  if (options.git) spawnSync('git', ['init', '-q', repo], { encoding: 'utf8' });
  return { base, repo, outside };
}

/** A symbolic link inside the repo (`linkRel`) to a path in `outside/`. */
export function linkOut(tree: HostileTree, linkRel: string, outsideRel: string): void {
  const link = path.join(tree.repo, linkRel);
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.symlinkSync(path.join(tree.outside, outsideRel), link);
}

/**
 * How a path written in the repo (relative to `fromDir`, a directory inside the repo) reaches
 * `outside/<outsideRel>` by the given escape. For `symlink`, a link named `linkRel` is created
 * in the repo and the in-repo path to it is returned.
 */
export function escapePath(tree: HostileTree, escape: Escape, outsideRel: string, linkRel: string, fromDir = tree.repo): string {
  const target = path.join(tree.outside, outsideRel);
  if (escape === 'absolute') return target;
  if (escape === 'dotdot') return path.relative(fromDir, target).split(path.sep).join('/');
  linkOut(tree, linkRel, outsideRel);
  return path.relative(fromDir, path.join(tree.repo, linkRel)).split(path.sep).join('/');
}

/** Every file under `dir` with its bytes, to prove nothing there was written. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out[path.relative(dir, full)] = fs.readFileSync(full, 'latin1');
    }
  };
  walk(dir);
  return out;
}

export function expectNoCanary(run: CliRun): void {
  expect(run.stdout).not.toContain(CANARY);
  expect(run.stderr).not.toContain(CANARY);
  expect(run.stderr).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
}

export interface JsonReport {
  findings: Array<{ ruleId: string; file: string; flow?: Array<{ file: string }> }>;
  errors: Array<{ file: string; line?: number; message: string }>;
}

export function parseReport(run: CliRun): JsonReport {
  return JSON.parse(run.stdout) as JsonReport;
}

/** A native registry declaring one secret. */
export function registryYaml(env = 'OPENROUTER_API_KEY', extra = ''): string {
  return `version: 1\n${extra}secrets:\n  - id: OpenRouterApiKey\n    env: ${env}\n    kind: secret\n`;
}
