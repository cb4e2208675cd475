import type { SinkEntry } from '../sink-catalog.js';

/** Built-in typescript sinks. */
export const TYPESCRIPT_SINKS: SinkEntry[] = [];
