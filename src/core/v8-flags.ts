// The one V8 flag a scan sets, shared by the two places that must see it before they compile:
// the first WebAssembly grammar (languages/tree-sitter-runtime.ts) and the TypeScript compiler's
// load through the code cache (core/code-cache.ts), whose bytecode V8 refuses when the flags
// differ from those it was made under: setting the flag only before the grammars would make the
// cache of a scan that loads the compiler first useless to one that loads a grammar first.
import { setFlagsFromString } from 'node:v8';

let wasmFlagSet = false;

/**
 * V8 compiles a WebAssembly module given to the async API on background threads, and keeps
 * optimising its functions there after the promise settles; while it does, the main thread stalls
 * when it next compiles a large script. On dub, importing the TypeScript compiler after the
 * bash grammar had loaded took 0.7-2 s instead of 0.25 s. Grammars are small and load once, so
 * compiling them on the calling thread costs little and removes the stall. Set once, before the
 * first grammar or the compiler; it only changes how V8 compiles WebAssembly, never what a module does.
 */
export function compileWasmOnCallingThread(): void {
  if (wasmFlagSet) return;
  wasmFlagSet = true;
  setFlagsFromString('--no-wasm-async-compilation');
}

let tieringSet = false;

/**
 * Bytecode a function runs before V8 optimises it (V8's default is 132 KB). A scan runs a large
 * part of the TypeScript compiler a few thousand times, not millions: at the default V8 optimised
 * thousands of its functions on a background thread, about a second of CPU on dubinc/dub, which on
 * two cores competes with the scan itself. Waiting longer keeps optimising the truly hot functions.
 * Measured on dub, 2 cores, best of 4: full scan 5.19 s at the default, 4.90 s here (CPU 7.5 s
 * against 6.4 s); 600 KB and 1.2 MB were slower again. Only the CLI sets it (src/cli/run.ts and
 * the launcher, before the bundle compiles, so the code cache is always made under this flag): a
 * program that embeds `scan` keeps its own tiering. It changes when code is optimised, never what it does.
 */
export function tuneTieringForScans(): void {
  if (tieringSet) return;
  tieringSet = true;
  setFlagsFromString(`--interrupt-budget=${SCAN_INTERRUPT_BUDGET}`);
  setFlagsFromString(`--wasm-tiering-budget=${SCAN_WASM_TIERING_BUDGET}`);
}

/** A worker thread of a CLI scan: the flags above are process-wide and already set; this thread's loads follow them. */
export function adoptScanTiering(): void {
  tieringSet = true;
}

/** Whether this thread runs under the CLI's tiering (for the worker threads it starts). */
export function scanTieringSet(): boolean {
  return tieringSet;
}

export const SCAN_INTERRUPT_BUDGET = 300_000;

/**
 * The WebAssembly tiering budget of a CLI scan: V8's own default since V8 12.x (Node 20's V8 11.3
 * has 1,800,000). Set on every Node so that the bash grammar's window below always returns to the
 * same value, whatever V8's default is: the code cache's bytecode is only accepted under the flags
 * it was made under, and a window that restored another value than the start-up one would make
 * every run refuse the cache the run before it wrote. Measured on Node 20, 2 cores: vox, tensorzero
 * and dub take the same time at either budget.
 */
const SCAN_WASM_TIERING_BUDGET = 13_000_000;

/**
 * A budget no scan exhausts but in a shell-heavy repository: V8 charges a Liftoff function's
 * budget by the code it jumps over, and the bash grammar's lexer is one 160 KB function, a switch
 * over every lexer state run once per character, so at the default it reaches TurboFan after a few
 * hundred lines of shell. TurboFan then spends 0.6-1 s of CPU compiling it on a background thread,
 * which on two cores competes with the scan: on dub (40 Markdown files and 5 workflows with shell)
 * the scan with the leak rules off took 0.95 s with that compile and 0.77 s without it. Python's
 * and Rust's grammars and the runtime have no such function; their tier-up pays for itself (vox and
 * tensorzero were 5-15% slower with none at all).
 */
const UNREACHED_WASM_TIERING_BUDGET = 2_000_000_000;

/**
 * Instantiates a WebAssembly module with the budget above: V8 gives each function of an instance
 * the budget in force when the instance is made. Only under the CLI's tiering, whose value the
 * window returns to; a program embedding `scan` keeps its own flags, as for the interrupt budget.
 * Another thread that loads cached bytecode during the window sees other flags and compiles its
 * copy from source instead (slower, never wrong): the window lasts one grammar's instantiation.
 */
export async function withoutWasmTierUp<T>(instantiate: () => Promise<T>): Promise<T> {
  if (!tieringSet) return instantiate();
  setFlagsFromString(`--wasm-tiering-budget=${UNREACHED_WASM_TIERING_BUDGET}`);
  try {
    return await instantiate();
  } finally {
    setFlagsFromString(`--wasm-tiering-budget=${SCAN_WASM_TIERING_BUDGET}`);
  }
}
