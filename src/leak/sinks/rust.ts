import type { SinkEntry } from '../sink-catalog.js';

/** Built-in rust sinks. */
export const RUST_SINKS: SinkEntry[] = [];
