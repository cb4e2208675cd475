// Where a scan's wall time goes, by phase (`--timing`: JSON `stats.phases`). A user who finds a
// scan slow learns what to exclude or turn off (a monorepo's leak pass, thousands of files read
// by the prefilter), and the real-repository benchmark prints the split (bench/real-repos.js).
// Each phase's time is the wall time between the laps that close it, so the phases add up to the
// scan's `stats.ms` (within rounding); a phase a scan never enters is 0.

/** The phases in scan order. `crossFile`: the passes that join files (env-key helpers, handed-on env objects, constants across imports). */
export const SCAN_PHASES = ['config', 'discovery', 'files', 'crossFile', 'leak', 'rules'] as const;
export type ScanPhase = (typeof SCAN_PHASES)[number];
export type ScanPhases = Record<ScanPhase, number>;

export class PhaseClock {
  private last: number;
  private readonly spent = new Map<ScanPhase, number>();

  constructor(private readonly startedAt: number) {
    this.last = startedAt;
  }

  /**
   * Whole milliseconds from the start to the last lap (the scan's `stats.ms`), or to now before
   * the first. Not "now" after a lap: the phases then add up to it by construction, whatever
   * happens (a collection, a busy machine) between the last lap and this call.
   */
  elapsedMs(): number {
    return Math.round((this.spent.size > 0 ? this.last : performance.now()) - this.startedAt);
  }

  /** The time since the previous lap (or the start) was spent in `phase`. */
  lap(phase: ScanPhase): void {
    const now = performance.now();
    this.spent.set(phase, (this.spent.get(phase) ?? 0) + (now - this.last));
    this.last = now;
  }

  /** Each phase's wall time in whole milliseconds, every phase present, in scan order. */
  record(): ScanPhases {
    return Object.fromEntries(SCAN_PHASES.map((phase) => [phase, Math.round(this.spent.get(phase) ?? 0)])) as ScanPhases;
  }
}
