// Runs the TypeScript front end on inline sources and presents facts in a test-friendly shape.
import type { EnvReadFact, Fact, FrontEndOptions, Range } from '../../../src/core/facts.js';
import { typescriptFrontEnd } from '../../../src/languages/typescript/index.js';

export function optionsWith(overrides: Partial<FrontEndOptions> = {}): FrontEndOptions {
  return {
    registryNames: ['OPENROUTER_API_KEY', 'OPENROUTER_KEY', 'GITHUB_TOKEN'],
    secretNames: {},
    idsByName: {},
    envById: {},
    resolver: { paths: [], functions: ['resolveSecret'], types: [], sanitizers: [] },
    ...overrides,
  };
}

export function analyze(source: string, overrides: Partial<FrontEndOptions> = {}, file = 'src/app.ts'): Fact[] {
  const result = typescriptFrontEnd.analyze(file, source, optionsWith(overrides));
  if (result instanceof Promise) throw new Error('the TypeScript front end is synchronous');
  if (result.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.facts;
}

/** The source text a range covers (ranges are 1-based, UTF-16 columns, end exclusive). */
export function textAt(source: string, range: Range): string {
  const lines = source.split('\n');
  if (range.line === range.endLine) return lines[range.line - 1].slice(range.column - 1, range.endColumn - 1);
  const parts = [lines[range.line - 1].slice(range.column - 1)];
  for (let line = range.line + 1; line < range.endLine; line++) parts.push(lines[line - 1]);
  parts.push(lines[range.endLine - 1].slice(0, range.endColumn - 1));
  return parts.join('\n');
}

export interface ReadSummary {
  name: string | null;
  api: string;
  text: string;
  enumerates?: boolean;
  compileTime?: boolean;
}

/** Env reads as `{ name, api, text }` (plus flags when set), in source order. */
export function envReads(source: string, overrides: Partial<FrontEndOptions> = {}, file?: string): ReadSummary[] {
  return analyze(source, overrides, file)
    .filter((fact): fact is EnvReadFact => fact.kind === 'env-read')
    .map((fact) => ({
      name: fact.name,
      api: fact.api,
      text: textAt(source, fact.range),
      ...(fact.enumerates ? { enumerates: true } : {}),
      ...(fact.compileTime ? { compileTime: true } : {}),
    }));
}

export function readNames(source: string, overrides: Partial<FrontEndOptions> = {}): (string | null)[] {
  return envReads(source, overrides).map((read) => read.name);
}
