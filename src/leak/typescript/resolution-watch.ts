// The imports a type checker follows, seen as it follows them: the result cache records which files
// each root's walk reached (incremental.ts), and the leak pass which files deciding the handed-on
// exports reached (analyze.ts).
import type { ts } from './compiler-api.js';

/**
 * Sees every import the type checker resolves (`host.getResolvedModule`, the Program method the
 * checker asks each time it follows an import; not in the public typings): `resolved` with the
 * file it leads to and the importing file, `unresolved` when the Program has no answer. False when this TypeScript has no such method.
 */
export function watchResolutions(program: ts.Program, resolved: (file: string, from: ts.SourceFile) => void, unresolved?: (file: ts.SourceFile, name: string) => void): boolean {
  const host = program as ts.Program & { getResolvedModule(file: ts.SourceFile, name: string, mode: ts.ResolutionMode): { resolvedModule?: ts.ResolvedModuleFull } | undefined };
  const original = host.getResolvedModule;
  if (typeof original !== 'function') return false;
  host.getResolvedModule = (file, name, mode) => {
    const answer = original(file, name, mode);
    if (answer?.resolvedModule) resolved(answer.resolvedModule.resolvedFileName, file);
    else unresolved?.(file, name);
    return answer;
  };
  return true;
}

/** Records an import the checker followed: importing file -> the files its imports resolved to. */
export function addEdge(edges: Map<string, Set<string>>, from: string, to: string): void {
  let targets = edges.get(from);
  if (!targets) edges.set(from, (targets = new Set()));
  targets.add(to);
}

/** Lists per file (importing file -> files), as read back from the cache: the expected form, or not. */
export function isFileLists(value: unknown): value is Record<string, string[]> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
