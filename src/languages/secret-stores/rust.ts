import type { SecretStoreEntry } from './catalog.js';

// Rust secret-store SDKs. `module` is the crate (hyphens or underscores; `crate_suffix` crates such
// as `azure_security_keyvault_secrets` or `google_cloud_secretmanager_v1` match their prefix).
// A bare call name matches a method call or a path ending in it, only in files that reference the
// crate; `a::b` matches a path ending in `a::b`.
/** Built-in rust secret-store SDK entries. */
export const RUST_SECRET_STORES: SecretStoreEntry[] = [
  { provider: 'keyring', language: 'rust', module: 'keyring', calls: ['get_password', 'get_secret'], label: 'keyring Entry::get_password' },
  { provider: 'vault', language: 'rust', module: 'vaultrs', calls: ['kv2::read', 'kv2::read_version', 'kv1::get'], label: 'vaultrs KV read' },
  { provider: 'aws-secrets-manager', language: 'rust', module: 'aws-sdk-secretsmanager', calls: ['get_secret_value', 'batch_get_secret_value'], label: 'AWS Secrets Manager GetSecretValue' },
  { provider: 'aws-ssm', language: 'rust', module: 'aws-sdk-ssm', calls: ['get_parameter', 'get_parameters', 'get_parameters_by_path'], label: 'AWS SSM GetParameter' },
  { provider: 'gcp-secret-manager', language: 'rust', module: 'google-cloud-secretmanager', calls: ['access_secret_version'], label: 'GCP Secret Manager AccessSecretVersion' },
  { provider: 'azure-key-vault', language: 'rust', module: 'azure_security_keyvault', calls: ['get_secret', 'get'], label: 'Azure Key Vault get secret' },
  { provider: 'infisical', language: 'rust', module: 'infisical', calls: ['get_secret'], label: 'Infisical get secret' },
  { provider: '1password', language: 'rust', module: 'onepassword', calls: ['resolve'], label: '1Password SDK resolve' },
  { provider: '1password', language: 'rust', module: 'op', calls: ['resolve'], label: '1Password SDK resolve' },
];
