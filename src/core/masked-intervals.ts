// Masks position intervals of one line in a single pass: every unit inside a masked interval
// and outside every kept interval becomes `*` (the length is kept, so carets line up). Testing
// each masked unit against each kept interval is quadratic on a minified line, which holds
// thousands of both.

/** `[start, end)` pairs of UTF-16 indexes; out-of-range parts are ignored. */
export type Interval = readonly [number, number];

export function maskIntervalsOf(text: string, masked: readonly Interval[], kept: readonly Interval[]): string {
  const length = text.length;
  if (masked.length === 0 || length === 0) return text;
  const cover = new Int32Array(length + 1);
  const keep = new Int32Array(length + 1);
  const mark = (into: Int32Array, [start, end]: Interval): void => {
    const from = Math.max(0, Math.min(start, length));
    const to = Math.max(from, Math.min(end, length));
    if (to === from) return;
    into[from]++;
    into[to]--;
  };
  for (const interval of masked) mark(cover, interval);
  for (const interval of kept) mark(keep, interval);
  const parts: string[] = [];
  let covered = 0;
  let keeping = 0;
  let runStart = 0;
  let runMasked = false;
  for (let i = 0; i <= length; i++) {
    if (i < length) {
      covered += cover[i];
      keeping += keep[i];
    }
    const maskHere = i < length && covered > 0 && keeping === 0;
    if (i === length || maskHere !== runMasked) {
      if (i > runStart) parts.push(runMasked ? '*'.repeat(i - runStart) : text.slice(runStart, i));
      runStart = i;
      runMasked = maskHere;
    }
  }
  return parts.join('');
}
