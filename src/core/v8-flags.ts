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
