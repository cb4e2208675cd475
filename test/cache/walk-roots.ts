// Walks leak-pass roots in a chosen order in one context, as the pass does (the monitor evicts
// what a root's walk left order-dependent), and returns each root's walk as stored text: the
// order-independence tests compare these with the recorded walks.
import { walkRoot } from '../../src/leak/typescript/analyze.js';
import { ContextMonitor } from '../../src/leak/typescript/memo-monitor.js';
import { createLeakContext } from '../../src/leak/typescript/program-analysis.js';
import type { openLeakProject } from '../../src/leak/typescript/project.js';
import type { FrontEndOptions } from '../../src/core/facts.js';

type LeakProgram = ReturnType<ReturnType<typeof openLeakProject>['createProgram']>['program'];

export interface WalkSetting {
  root: string;
  options: FrontEndOptions;
  calleeNames: Set<string>;
  keys: { rel: (abs: string) => string; abs: (rel: string) => string };
  scanned: Set<string>;
}

export function walkRootsInOrder(setting: WalkSetting, order: string[], program: LeakProgram): Map<string, string> {
  const { root, options, calleeNames, keys, scanned } = setting;
  const ctx = createLeakContext(root, program.getTypeChecker(), options, calleeNames);
  const monitor = new ContextMonitor();
  monitor.install(ctx);
  const walks = new Map<string, string>();
  for (const file of order) {
    const adds: unknown[] = [];
    const result = walkRoot(ctx, program.getSourceFile(keys.abs(file))!, file, { accepts: (f) => scanned.has(f), add: (fact, key, f) => adds.push([key, keys.rel(f), fact]) });
    monitor.endRoot();
    walks.set(file, JSON.stringify([adds, result.types, result.error ?? null]));
  }
  return walks;
}
