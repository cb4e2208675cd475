// Demand-driven leak walks: in a file that may hold a secret, only the functions that can meet
// one are walked from the top. A function can when its text names a source (a resolver function
// or type, a secret-typed field, a secret's env name), when it holds an env read of a secret's
// name (also one spelled through a constant), or when it calls, by name, a function that can
// (its result may be the secret). Every other function is still followed where a secret is passed to
// it (callLocal), and methods of a type that stores a secret in a field are walked again by the
// taint analysis itself.
import type { FunctionIndex, FunctionInfo } from './function-index.js';
import { WordSet } from './word-scan.js';

export function functionsThatMayMeetSecrets(functions: FunctionIndex, text: string, sourceWords: Iterable<string>, sourceOffsets: readonly number[]): Set<FunctionInfo> {
  // Where the words occur in the file (one scan per round), then which functions hold them.
  const holds = (fn: FunctionInfo, sorted: readonly number[]): boolean => containsOffset(sorted, fn.node.startIndex, fn.node.endIndex);
  const sources = [...new WordSet([...sourceWords, ...functions.secretFields.keys()]).offsetsIn(text), ...sourceOffsets].sort((a, b) => a - b);
  const relevant = new Set<FunctionInfo>();
  let fresh: FunctionInfo[] = [];
  for (const fn of functions.all) {
    if (fn.returnsSecretType || holds(fn, sources)) {
      relevant.add(fn);
      fresh.push(fn);
    }
  }
  // Callers of a relevant function, by name, until none is added.
  while (fresh.length > 0 && relevant.size < functions.all.length) {
    const calls = new WordSet(fresh.map((fn) => fn.name)).offsetsIn(text);
    fresh = [];
    for (const fn of functions.all) {
      if (relevant.has(fn) || !holds(fn, calls)) continue;
      relevant.add(fn);
      fresh.push(fn);
    }
  }
  return relevant;
}

/** Some offset of `sorted` (ascending) lies in [start, end). */
export function containsOffset(sorted: readonly number[], start: number, end: number): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < start) low = mid + 1;
    else high = mid;
  }
  return low < sorted.length && sorted[low] < end;
}
