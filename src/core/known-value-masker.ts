// Masks every occurrence of a set of known values in a text, in one left-to-right pass whatever
// the number of values (an Aho–Corasick automaton over UTF-16 units). Replacing the values one by
// one costs the text's length times the number of values, and a minified line is megabytes long
// with thousands of values on it. A position covered by any occurrence of any value is masked
// (one `*` per unit, so carets still line up); overlapping occurrences are masked whole.

export type KnownValueMasker = (text: string) => string;

interface Automaton {
  next: Array<Map<number, number>>;
  fail: number[];
  /** Length of the longest value that ends at this state (0: none). */
  longest: number[];
}

function buildAutomaton(values: readonly string[]): Automaton {
  const next: Array<Map<number, number>> = [new Map()];
  const terminal: number[] = [0];
  for (const value of values) {
    let state = 0;
    for (let i = 0; i < value.length; i++) {
      const unit = value.charCodeAt(i);
      let to = next[state].get(unit);
      if (to === undefined) {
        to = next.length;
        next.push(new Map());
        terminal.push(0);
        next[state].set(unit, to);
      }
      state = to;
    }
    terminal[state] = value.length;
  }
  const fail = new Array<number>(next.length).fill(0);
  const longest = terminal.slice();
  // Breadth first, so a state's failure target is final before its children need it.
  const queue: number[] = [...next[0].values()];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head];
    for (const [unit, child] of next[state]) {
      let f = fail[state];
      while (f !== 0 && !next[f].has(unit)) f = fail[f];
      const target = next[f].get(unit);
      fail[child] = target !== undefined && target !== child ? target : 0;
      // The child's own value (if any) is longer than any value ending at its failure state.
      if (longest[child] === 0) longest[child] = longest[fail[child]];
      queue.push(child);
    }
  }
  return { next, fail, longest };
}

/** A masker for `values`; values shorter than `minLength` are ignored. */
export function createKnownValueMasker(values: readonly string[], minLength: number): KnownValueMasker {
  const kept = [...new Set(values.filter((v) => v.length >= minLength && v.length > 0))];
  if (kept.length === 0) return (text) => text;
  const { next, fail, longest } = buildAutomaton(kept);
  // The root's transitions as a table: most units of a text start no value, and this is the
  // only lookup they need (one array read instead of Map lookups).
  const fromRoot = new Int32Array(65536);
  for (const [unit, to] of next[0]) fromRoot[unit] = to;
  return (text) => {
    // Covered intervals [start, end] (inclusive), merged as they arrive (ordered by end).
    const starts: number[] = [];
    const ends: number[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      let to = state === 0 ? undefined : next[state].get(unit);
      while (to === undefined && state !== 0) {
        state = fail[state];
        if (state !== 0) to = next[state].get(unit);
      }
      state = to ?? fromRoot[unit];
      const length = longest[state];
      if (length === 0) continue;
      let start = i - length + 1;
      while (ends.length > 0 && start <= ends[ends.length - 1] + 1) {
        start = Math.min(start, starts.pop()!);
        ends.pop();
      }
      starts.push(start);
      ends.push(i);
    }
    if (starts.length === 0) return text;
    const parts: string[] = [];
    let from = 0;
    for (let k = 0; k < starts.length; k++) {
      parts.push(text.slice(from, starts[k]), '*'.repeat(ends[k] - starts[k] + 1));
      from = ends[k] + 1;
    }
    parts.push(text.slice(from));
    return parts.join('');
  };
}
