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
  const textOf = (fn: FunctionInfo): string => text.slice(fn.node.startIndex, fn.node.endIndex);
  const holdsSource = (fn: FunctionInfo): boolean => sourceOffsets.some((offset) => offset >= fn.node.startIndex && offset < fn.node.endIndex);
  const sources = new WordSet([...sourceWords, ...functions.secretFields.keys()]);
  const relevant = new Set<FunctionInfo>();
  let fresh: FunctionInfo[] = [];
  for (const fn of functions.all) {
    if (fn.returnsSecretType || holdsSource(fn) || sources.mentionedIn(textOf(fn))) {
      relevant.add(fn);
      fresh.push(fn);
    }
  }
  // Callers of a relevant function, by name, until none is added (each round scans only the rest).
  while (fresh.length > 0 && relevant.size < functions.all.length) {
    const callees = new WordSet(fresh.map((fn) => fn.name));
    fresh = [];
    for (const fn of functions.all) {
      if (relevant.has(fn) || !callees.mentionedIn(textOf(fn))) continue;
      relevant.add(fn);
      fresh.push(fn);
    }
  }
  return relevant;
}
