import type { SecretStoreEntry } from './catalog.js';

// Shell matching (src/languages/shell/shell-facts.ts): `module` is the command name and each
// `calls` entry is a sequence of subcommand words that must appear consecutively among the
// command's non-option words (so `aws --region x secretsmanager get-secret-value` matches).
/** Built-in shell secret-store CLI entries. */
export const SHELL_SECRET_STORES: SecretStoreEntry[] = [
  { provider: '1password', language: 'shell', module: 'op', calls: ['read', 'item get', 'inject'], label: '1Password CLI' },
  { provider: 'vault', language: 'shell', module: 'vault', calls: ['kv get', 'read'], label: 'Vault CLI' },
  { provider: 'vault', language: 'shell', module: 'bao', calls: ['kv get', 'read'], label: 'OpenBao CLI' },
  { provider: 'aws-secrets-manager', language: 'shell', module: 'aws', calls: ['secretsmanager get-secret-value', 'secretsmanager batch-get-secret-value'], label: 'AWS Secrets Manager CLI' },
  { provider: 'aws-ssm', language: 'shell', module: 'aws', calls: ['ssm get-parameter', 'ssm get-parameters', 'ssm get-parameters-by-path'], label: 'AWS SSM CLI' },
  { provider: 'gcp-secret-manager', language: 'shell', module: 'gcloud', calls: ['secrets versions access'], label: 'gcloud secrets' },
  { provider: 'azure-key-vault', language: 'shell', module: 'az', calls: ['keyvault secret show', 'keyvault secret download'], label: 'Azure Key Vault CLI' },
  { provider: 'doppler', language: 'shell', module: 'doppler', calls: ['secrets get', 'secrets download'], label: 'Doppler CLI' },
  { provider: 'infisical', language: 'shell', module: 'infisical', calls: ['secrets get', 'export'], label: 'Infisical CLI' },
  { provider: 'keyring', language: 'shell', module: 'secret-tool', calls: ['lookup'], label: 'libsecret secret-tool' },
  { provider: 'keyring', language: 'shell', module: 'security', calls: ['find-generic-password', 'find-internet-password'], label: 'macOS keychain' },
];
