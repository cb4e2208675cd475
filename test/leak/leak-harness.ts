// Shared setup for the TypeScript leak tests: a temp project writer that runs the analysis (with
// the fixture registry's front-end options by default) and returns flat facts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FrontEndOptions, LeakFact, LeakyTypeFact } from '../../src/core/facts.js';
import { analyzeTypeScriptLeaks } from '../../src/leak/typescript/analyze.js';
import { fixtureOptions } from '../support/fixture-front-end-options.js';

export const RESOLVER = `export function resolveSecret(id: string): string { return globalThis.process?.env?.[id] ?? ''; }
export class SecretString { #value: string; constructor(value: string) { this.#value = value; } expose(): string { return this.#value; } toString() { return '[redacted]'; } }
export function redact(value: string): string { return value.slice(0, 2) + '…'; }
`;

export interface LeakRun {
  leaks: LeakFact[];
  types: LeakyTypeFact[];
  errors: Array<{ file: string; message: string }>;
  dir: string;
}

const dirs: string[] = [];

export function writeProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clavis-leak-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    const target = path.join(dir, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  }
  return dir;
}

export function cleanupProjects(): void {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export async function analyzeDir(dir: string, options: FrontEndOptions = fixtureOptions()): Promise<LeakRun> {
  const files = listFiles(dir).filter((file) => /\.[cm]?[jt]sx?$/.test(file));
  const result = await analyzeTypeScriptLeaks({ root: dir, files, options });
  const all = [...result.facts.values()].flat();
  return {
    leaks: all.filter((fact): fact is LeakFact => fact.kind === 'leak'),
    types: all.filter((fact): fact is LeakyTypeFact => fact.kind === 'leaky-type'),
    errors: result.errors,
    dir,
  };
}

/** One file `src/app.ts` (plus the resolver module) analysed. */
export async function analyzeSnippet(code: string, extra: Record<string, string> = {}, options?: FrontEndOptions): Promise<LeakRun> {
  return analyzeDir(writeProject({ 'src/secrets/resolver.ts': RESOLVER, 'src/app.ts': code, ...extra }), options);
}

export function rulesOf(run: LeakRun): string[] {
  return run.leaks.map((leak) => `${leak.ruleId}@${leak.range.line}`).sort();
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out;
}
