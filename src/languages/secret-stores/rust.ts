import type { SecretStoreEntry } from './catalog.js';

/** Built-in rust secret-store SDK entries. */
export const RUST_SECRET_STORES: SecretStoreEntry[] = [];
