import type { SecretStoreEntry } from './catalog.js';

/** Built-in shell secret-store SDK entries. */
export const SHELL_SECRET_STORES: SecretStoreEntry[] = [];
