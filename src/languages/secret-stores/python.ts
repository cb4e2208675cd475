import type { SecretStoreEntry } from './catalog.js';

/** Built-in python secret-store SDK entries. */
export const PYTHON_SECRET_STORES: SecretStoreEntry[] = [];
