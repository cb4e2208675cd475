// Shared setup for the TypeScript leak tests: the fixture registry as front-end options, and a
// temp project writer that runs the analysis and returns flat facts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FrontEndOptions, LeakFact, LeakyTypeFact } from '../../src/core/facts.js';
import { analyzeTypeScriptLeaks } from '../../src/leak/typescript/analyze.js';

export const OPTIONS: FrontEndOptions = {
  registryNames: ['OPENROUTER_API_KEY', 'VOX_OPENROUTER_API_KEY', 'OPENROUTER_KEY', 'GITHUB_TOKEN', 'STRIPE_SECRET_KEY', 'STRIPE_KEY', 'DATABASE_URL'],
  secretNames: {
    OPENROUTER_API_KEY: 'OpenRouterApiKey',
    VOX_OPENROUTER_API_KEY: 'OpenRouterApiKey',
    OPENROUTER_KEY: 'OpenRouterApiKey',
    GITHUB_TOKEN: 'GithubToken',
    STRIPE_SECRET_KEY: 'StripeSecretKey',
    STRIPE_KEY: 'StripeSecretKey',
  },
  idsByName: {
    OPENROUTER_API_KEY: 'OpenRouterApiKey',
    VOX_OPENROUTER_API_KEY: 'OpenRouterApiKey',
    OPENROUTER_KEY: 'OpenRouterApiKey',
    GITHUB_TOKEN: 'GithubToken',
    STRIPE_SECRET_KEY: 'StripeSecretKey',
    STRIPE_KEY: 'StripeSecretKey',
    DATABASE_URL: 'DatabaseUrl',
  },
  envById: { OpenRouterApiKey: 'OPENROUTER_API_KEY', GithubToken: 'GITHUB_TOKEN', StripeSecretKey: 'STRIPE_SECRET_KEY', DatabaseUrl: 'DATABASE_URL' },
  resolver: { paths: ['**/secrets/**', '**/resolver/**'], functions: ['resolveSecret', 'resolve_secret', 'get_secret'], types: ['ResolvedSecret', 'SecretString'], sanitizers: ['redact', 'mask', 'fingerprint'] },
};

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

export async function analyzeDir(dir: string, options: FrontEndOptions = OPTIONS): Promise<LeakRun> {
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
