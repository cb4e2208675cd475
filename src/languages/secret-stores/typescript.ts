import type { SecretStoreEntry } from './catalog.js';

/**
 * Built-in typescript secret-store SDK entries. A `calls` item is a function or method name, a
 * dotted tail of a member chain (`secrets.get` matches `doppler.secrets.get(...)`), or
 * `new Name` for a constructor (plain names match calls and constructors alike).
 */
export const TYPESCRIPT_SECRET_STORES: SecretStoreEntry[] = [
  { provider: 'keyring', language: 'typescript', module: 'keytar', calls: ['getPassword', 'findCredentials', 'findPassword'], label: 'OS keychain (keytar)' },
  { provider: 'vault', language: 'typescript', module: 'node-vault', calls: ['read', 'kvRead', 'kv2Read'], label: 'HashiCorp Vault / OpenBao (node-vault)' },
  {
    provider: 'aws-secrets-manager',
    language: 'typescript',
    module: '@aws-sdk/client-secrets-manager',
    calls: ['new GetSecretValueCommand', 'new BatchGetSecretValueCommand', 'getSecretValue', 'batchGetSecretValue'],
    label: 'AWS Secrets Manager',
  },
  {
    provider: 'aws-ssm',
    language: 'typescript',
    module: '@aws-sdk/client-ssm',
    calls: ['new GetParameterCommand', 'new GetParametersCommand', 'new GetParametersByPathCommand', 'getParameter', 'getParameters', 'getParametersByPath'],
    label: 'AWS Systems Manager Parameter Store',
  },
  { provider: 'gcp-secret-manager', language: 'typescript', module: '@google-cloud/secret-manager', calls: ['accessSecretVersion'], label: 'Google Cloud Secret Manager' },
  { provider: 'azure-key-vault', language: 'typescript', module: '@azure/keyvault-secrets', calls: ['getSecret'], label: 'Azure Key Vault secrets' },
  { provider: 'infisical', language: 'typescript', module: '@infisical/sdk', calls: ['getSecret', 'listSecrets'], label: 'Infisical' },
  { provider: 'doppler', language: 'typescript', module: '@dopplerhq/node-sdk', calls: ['secrets.get', 'secrets.download'], label: 'Doppler' },
  { provider: '1password', language: 'typescript', module: '@1password/sdk', calls: ['secrets.resolve'], label: '1Password SDK' },
];
