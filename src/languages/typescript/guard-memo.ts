// Texts the TypeScript front end has already guarded (nesting-guard.ts), kept for the leak pass,
// which reads the same files again in the same scan: text -> script kind -> guarded text. Each
// entry is taken once; the next scan's file analysis starts with an empty memo, so at most one
// scan's texts are ever held. No compiler import here: worker-pool.ts clears it cheaply.
import type { TS } from './typescript-module.js';

const memo = new Map<string, Map<TS.ScriptKind, string>>();

export function rememberGuardedText(scriptKind: TS.ScriptKind, text: string, guarded: string): void {
  let byKind = memo.get(text);
  if (!byKind) memo.set(text, (byKind = new Map()));
  byKind.set(scriptKind, guarded);
}

/** The guarded text the front end computed for this text and kind, once; undefined when it did not. */
export function takeGuardedText(scriptKind: TS.ScriptKind, text: string): string | undefined {
  const byKind = memo.get(text);
  const known = byKind?.get(scriptKind);
  if (byKind && known !== undefined) {
    byKind.delete(scriptKind);
    if (byKind.size === 0) memo.delete(text);
  }
  return known;
}

export function clearGuardedTexts(): void {
  memo.clear();
}
