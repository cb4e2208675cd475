// Secret-store SDKs as data: a call of one of these outside `resolver.paths` is a second,
// parallel path to secrets (rule no-direct-secret-store-access). Users extend the list from
// config (`secret_stores:`). Built-in entries live in one file per language beside this one.
import { PYTHON_SECRET_STORES } from './python.js';
import { RUST_SECRET_STORES } from './rust.js';
import { SHELL_SECRET_STORES } from './shell.js';
import { TYPESCRIPT_SECRET_STORES } from './typescript.js';

export type SecretStoreProvider =
  | 'keyring'
  | 'vault'
  | 'aws-secrets-manager'
  | 'aws-ssm'
  | 'gcp-secret-manager'
  | 'azure-key-vault'
  | 'infisical'
  | 'doppler'
  | '1password'
  | string;

export interface SecretStoreEntry {
  provider: SecretStoreProvider;
  language: 'typescript' | 'rust' | 'python' | 'shell';
  /** npm package / crate / Python module / CLI command name (`op`, `vault`, `doppler`). */
  module: string;
  /**
   * Callee names that read a secret: a method or function (`getPassword`), a constructor
   * (`new GetSecretValueCommand`), a Rust path tail (`Entry::get_password`), or for shell
   * a subcommand (`read`, `kv get`).
   */
  calls: string[];
  label: string;
}

export function builtinSecretStores(): SecretStoreEntry[] {
  return [...TYPESCRIPT_SECRET_STORES, ...RUST_SECRET_STORES, ...PYTHON_SECRET_STORES, ...SHELL_SECRET_STORES];
}

export function secretStoresFor(language: SecretStoreEntry['language'], extra: unknown[] = []): SecretStoreEntry[] {
  const user = extra.filter((e): e is SecretStoreEntry => !!e && typeof (e as SecretStoreEntry).module === 'string');
  return [...builtinSecretStores(), ...user].filter((entry) => entry.language === language);
}
