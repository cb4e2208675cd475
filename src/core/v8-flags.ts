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
}

export const SCAN_INTERRUPT_BUDGET = 300_000;
