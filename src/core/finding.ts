import type { ScanPhases } from './phase-clock.js';
import type { FlowStep } from './facts.js';
import type { Fix, FindingSeverity } from './rule.js';

/** A finding as every reporter sees it. JSON output is this shape (DESIGN §3). */
export interface Finding {
  ruleId: string;
  severity: FindingSeverity;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  secretId: string | null;
  envName: string | null;
  fingerprint: string;
  flow?: FlowStep[];
  /** Other rules that reported this same span; their concerns are named in `message` (see merge-overlapping.ts). */
  also?: string[];
  /** A certain fix `--fix` can apply (DESIGN §10); JSON adds `fixable: true` beside it. */
  fix?: Fix;
  /** Present when the finding was suppressed (only kept when suppressed results are requested). */
  suppression?: { kind: 'inline' | 'baseline'; justification: string };
}

export interface ScanStats {
  files: number;
  filesByLanguage: Record<string, number>;
  ms: number;
  /** Files skipped by the prefilter (never parsed). */
  prefiltered?: number;
  /** Wall ms of the project leak pass (cross-file summaries, TS leak analysis); per-file taint in front ends not included. */
  leakMs?: number;
  /** Wall ms per phase of the scan (src/core/phase-clock.ts); they add up to `ms`. */
  phases?: ScanPhases;
}

export interface ScanError {
  file: string;
  message: string;
  line?: number;
  column?: number;
}

export interface ScanResult {
  root: string;
  findings: Finding[];
  suppressed: Finding[];
  stats: ScanStats;
  errors: ScanError[];
  /** Rule ids enabled for this run with their effective level (SARIF lists all enabled rules). */
  enabledRules: Array<{ id: string; level: 'warn' | 'error' }>;
}
