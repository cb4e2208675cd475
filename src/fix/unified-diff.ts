// A unified diff (`diff -u` / `git diff` shape, 3 lines of context) between two texts, for
// `--fix-dry-run`. Lines are compared without their line break; a missing final newline is marked
// the way diff marks it. Pure.

interface Lines {
  lines: string[];
  /** The last line has no line break after it. */
  noFinalNewline: boolean;
}

function splitLines(text: string): Lines {
  if (text === '') return { lines: [], noFinalNewline: false };
  const lines = text.split(/\r?\n/);
  const noFinalNewline = lines[lines.length - 1] !== '';
  if (!noFinalNewline) lines.pop();
  return { lines, noFinalNewline };
}

type Op = { kind: ' ' | '-' | '+'; oldIndex: number; newIndex: number };

/** Myers' O((N+M)D) shortest edit script over lines, after trimming the common head and tail. */
function diffOps(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x0 = a.slice(head, a.length - tail);
  const y0 = b.slice(head, b.length - tail);
  const n = x0.length;
  const m = y0.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let done = n === 0 && m === 0;
  for (let d = 0; d <= max && !done; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && x0[x] === y0[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
  }
  // Walk the trace back from (n, m) to (0, 0).
  const middle: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) middle.push({ kind: ' ', oldIndex: head + --x, newIndex: head + --y });
    if (d === 0) break;
    if (x === prevX) middle.push({ kind: '+', oldIndex: head + x, newIndex: head + --y });
    else middle.push({ kind: '-', oldIndex: head + --x, newIndex: head + y });
  }
  middle.reverse();
  const ops: Op[] = [];
  for (let i = 0; i < head; i++) ops.push({ kind: ' ', oldIndex: i, newIndex: i });
  ops.push(...middle);
  for (let i = 0; i < tail; i++) ops.push({ kind: ' ', oldIndex: a.length - tail + i, newIndex: b.length - tail + i });
  return ops;
}

/** `--- a/FILE` / `+++ b/FILE` and the hunks; empty when the texts have the same lines. */
export function unifiedDiff(file: string, before: string, after: string, context = 3): string {
  const a = splitLines(before);
  const b = splitLines(after);
  // A changed final newline changes the last line as diff sees it.
  const aLines = a.lines.map((line, i) => (a.noFinalNewline && i === a.lines.length - 1 ? `${line}\u0000` : line));
  const bLines = b.lines.map((line, i) => (b.noFinalNewline && i === b.lines.length - 1 ? `${line}\u0000` : line));
  const ops = diffOps(aLines, bLines);
  const changed = ops.map((op, i) => (op.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
  if (changed.length === 0) return '';
  const out = [`--- a/${file}`, `+++ b/${file}`];
  let index = 0;
  while (index < changed.length) {
    const from = Math.max(0, changed[index] - context);
    let last = changed[index];
    while (index + 1 < changed.length && changed[index + 1] - last <= 2 * context) last = changed[++index];
    index++;
    const to = Math.min(ops.length, last + context + 1);
    const hunk = ops.slice(from, to);
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    const oldStart = oldCount === 0 ? hunk[0].oldIndex : hunk[0].oldIndex + 1;
    const newStart = newCount === 0 ? hunk[0].newIndex : hunk[0].newIndex + 1;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const op of hunk) {
      const raw = op.kind === '+' ? bLines[op.newIndex] : aLines[op.oldIndex];
      const bare = raw.endsWith('\u0000') ? raw.slice(0, -1) : raw;
      out.push(`${op.kind}${bare}`);
      if (bare !== raw) out.push('\\ No newline at end of file');
    }
  }
  return `${out.join('\n')}\n`;
}
