import type { SinkEntry } from '../sink-catalog.js';

/** Built-in python sinks. */
export const PYTHON_SINKS: SinkEntry[] = [];
