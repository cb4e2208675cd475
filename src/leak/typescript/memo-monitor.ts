// Makes each root's walk of the TypeScript leak pass independent of the roots walked before it
// (issue 12: an edit reruns only the roots it can affect, and replays the others' recorded walks;
// a shard walks only some roots). The walker memoises per Program (function summaries, provenance,
// module values, error classes, field sinks, client fields). The monitor watches those maps.
//
// A cycle event is a read of an entry still being computed (a summary 'pending', a provenance,
// module value, error class, field-sink or client-field entry behind its recursion guard) or of an
// entry marked affected. A read by the entry's own computation, none other being computed inside
// it (a function calling itself), is none: it sees the guard value whichever walk started it. A
// cycle event marks every entry being computed at that moment (they all sit on the call stack)
// affected. At the end of each root's walk (`endRoot`) every affected entry, and any entry a
// failure left behind its guard, is evicted: the next root computes it again, from the same memo
// state as if it were walked first. The entries that stay are context-free.
//
// Why a root's walk then depends only on the root (and the Program). An entry computed without a
// cycle event read only entries it computed itself (also without one) or context-free entries
// read from the map: by induction, the entries its computation reaches form no cycle other than
// self-loops (a cycle among entries computed in one walk shows as a read of an open entry, the
// back edge of a depth-first search; a cycle through an entry read from the map would lie in that
// entry's own computation, which had none; a self-loop is always entered at its one entry), so
// its value is the one that acyclic definition gives, whatever walk computed it. Walking a root
// with such entries in the map, or with an empty map, differs only where the walk reads one of
// them: read from the map it has that value; computed afresh (maybe below entries on the call
// stack), its computation cannot meet an entry on the stack (that entry reads it, so a cycle
// would run through it) nor an affected one (induction), so it has the same value again and adds
// no cycle event. Hence every root walks as it would alone, in any order or subset of roots.
//
// Field sinks were computed for their first caller (the HTTP client a constructor builds from one
// of its arguments): they are keyed by what the field starts as now (walker.ts), entries like the
// others. Request defaults set on an HTTP library (`axios.defaults.headers.common.Authorization =
// token`) are no entry: written by one walk, read by every later one and by entries computed
// later. `global` names that map; the pass is then order-dependent as a whole (the result cache
// records no roots, and reruns the whole pass after an edit).
import type { EngineContext } from './taint.js';

export class ContextMonitor {
  /** The memo map that made the whole pass order-dependent (undefined: none). */
  global: string | undefined;
  /** Entries evicted so far (after each root's walk): what the independence costs. */
  evicted = 0;
  private readonly memos: Array<GuardedMemo<unknown, unknown>> = [];
  /** The entries being computed, innermost last (memo and key): a guard write pushes, a completing write removes. */
  private readonly stack: Array<[GuardedMemo<unknown, unknown>, unknown]> = [];

  /** Replaces the context's memo maps with watched ones (before any walk). */
  install(ctx: EngineContext): void {
    // A summary is 'pending' while its walks run (again while its parameters are walked).
    ctx.summaries = new GuardedMemo(this, (value) => value === 'pending');
    // The others: the first write of a key is the guard (the value may also be a final one).
    ctx.nodeCache = new GuardedMemo(this, (value, exists) => !exists && value === null);
    ctx.symbolCache = new GuardedMemo(this, (value, exists) => !exists && value === null);
    ctx.moduleValues = new GuardedMemo(this, (value, exists) => !exists && value === null);
    ctx.errorClasses = new GuardedMemo(this, (value, exists) => !exists && value === false);
    // Filled in place: the first write opens the entry, the second (the same list) completes it.
    ctx.fieldSinks = new GuardedMemo(this, (_value, exists) => !exists);
    ctx.clientFields = new GuardedMemo(this, (_value, exists) => !exists);
    ctx.httpDefaults = new WriteAware(() => {
      this.global ??= 'httpDefaults';
    });
  }

  /** Ends a root's walk: entries that depend on how they were reached go (see the header). */
  endRoot(): void {
    for (const memo of this.memos) this.evicted += memo.evictContextual();
    this.stack.length = 0;
  }

  opened(memo: GuardedMemo<unknown, unknown>, key: unknown): void {
    this.stack.push([memo, key]);
  }

  closed(memo: GuardedMemo<unknown, unknown>, key: unknown): void {
    // Innermost first; an entry a failure left open stays below until the root's end.
    for (let index = this.stack.length - 1; index >= 0; index--) {
      if (this.stack[index][0] === memo && this.stack[index][1] === key) {
        this.stack.splice(index, 1);
        return;
      }
    }
  }

  /** Whether this entry is the one being computed innermost: its computation reads itself (direct recursion). */
  innermost(memo: GuardedMemo<unknown, unknown>, key: unknown): boolean {
    const top = this.stack[this.stack.length - 1];
    return top !== undefined && top[0] === memo && top[1] === key;
  }

  watch(memo: GuardedMemo<unknown, unknown>): void {
    this.memos.push(memo);
  }

  /** A cycle event: every entry being computed now is affected. */
  cycle(): void {
    for (const memo of this.memos) memo.markOpenAffected();
  }
}

/** A memo with a recursion guard: `isGuard` tells a write that opens an entry from one that completes it. */
class GuardedMemo<K, V> extends Map<K, V> {
  private readonly open = new Set<K>();
  private readonly affected = new Set<K>();
  constructor(
    private readonly monitor: ContextMonitor,
    private readonly isGuard: (value: V, exists: boolean) => boolean,
  ) {
    super();
    monitor.watch(this as unknown as GuardedMemo<unknown, unknown>);
  }
  override set(key: K, value: V): this {
    const self = this as unknown as GuardedMemo<unknown, unknown>;
    if (this.isGuard(value, super.has(key))) {
      this.open.add(key);
      this.monitor.opened(self, key);
    } else if (this.open.delete(key)) {
      this.monitor.closed(self, key);
    }
    return super.set(key, value);
  }
  override get(key: K): V | undefined {
    // An entry's computation reading itself (a function calling itself) sees its guard value
    // whatever walk started it: no cycle event. Any other read of an open entry is one.
    if (this.open.has(key) ? !this.monitor.innermost(this as unknown as GuardedMemo<unknown, unknown>, key) : this.affected.has(key)) this.monitor.cycle();
    return super.get(key);
  }
  markOpenAffected(): void {
    for (const key of this.open) this.affected.add(key);
  }
  /** Deletes the affected entries and those still open (a walk that failed midway); returns how many. */
  evictContextual(): number {
    let count = 0;
    for (const key of this.affected) if (super.delete(key)) count++;
    for (const key of this.open) if (super.delete(key)) count++;
    this.affected.clear();
    this.open.clear();
    return count;
  }
}

/** Request defaults set on an HTTP library by one walk are seen by every later walk. */
class WriteAware<K, V> extends Map<K, V> {
  constructor(private readonly flag: () => void) {
    super();
  }
  override set(key: K, value: V): this {
    this.flag();
    return super.set(key, value);
  }
}
