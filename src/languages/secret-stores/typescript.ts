import type { SecretStoreEntry } from './catalog.js';

/** Built-in typescript secret-store SDK entries. */
export const TYPESCRIPT_SECRET_STORES: SecretStoreEntry[] = [];
