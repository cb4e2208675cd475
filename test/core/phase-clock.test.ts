// The phase split of `--timing` (src/core/phase-clock.ts): each lap charges the time since the
// previous one to its phase, every phase is present in scan order, and the phases add up to the
// elapsed time. The clock is driven by a scripted performance.now(), so the figures are exact.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PhaseClock, SCAN_PHASES } from '../../src/core/phase-clock.js';

afterEach(() => {
  vi.restoreAllMocks();
});

function scriptedNow(times: number[]): void {
  let i = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => times[Math.min(i++, times.length - 1)]);
}

describe('PhaseClock', () => {
  it('charges each lap to its phase, sums repeated laps, and lists every phase in scan order', () => {
    scriptedNow([110, 150.4, 1150, 1160, 3160.6, 3170, 3400, 3420, 3420]);
    const clock = new PhaseClock(100);
    for (const phase of ['config', 'discovery', 'files', 'crossFile', 'leak', 'crossFile', 'leak', 'rules'] as const) clock.lap(phase);
    const record = clock.record();
    expect(Object.keys(record)).toEqual([...SCAN_PHASES]);
    expect(record).toEqual({ config: 10, discovery: 40, files: 1000, crossFile: 19, leak: 2231, rules: 20 });
    expect(clock.elapsedMs()).toBe(3320);
  });

  it('ends the elapsed time at the last lap, so time after it never separates ms from the phases', () => {
    scriptedNow([10, 30, 500]);
    const clock = new PhaseClock(0);
    clock.lap('config');
    clock.lap('rules');
    expect(clock.elapsedMs()).toBe(30);
    expect(Object.values(clock.record()).reduce((a, b) => a + b, 0)).toBe(30);
  });

  it('reports 0 for a phase the scan never entered', () => {
    scriptedNow([5, 9, 9]);
    const clock = new PhaseClock(0);
    clock.lap('config');
    clock.lap('discovery');
    expect(clock.record()).toEqual({ config: 5, discovery: 4, files: 0, crossFile: 0, leak: 0, rules: 0 });
  });
});
