import type { SecretStoreEntry } from './catalog.js';

// Python matching (src/languages/python/secret-store-calls.ts): the module must be imported in
// the file. A dotted call (`kv.v2.read_secret_version`) matches the end of the callee chain; a
// plain name matches a method or imported function of that name. Names in GENERIC_METHOD_NAMES
// there (`read`, `get`, `resolve`) additionally need a receiver built from the module
// (`client = hvac.Client(...)`), because `f.read()` is not a vault call.
/** Built-in python secret-store SDK entries. */
export const PYTHON_SECRET_STORES: SecretStoreEntry[] = [
  { provider: 'keyring', language: 'python', module: 'keyring', calls: ['get_password', 'get_credential'], label: 'keyring' },
  {
    provider: 'vault',
    language: 'python',
    module: 'hvac',
    calls: ['kv.v2.read_secret_version', 'kv.v2.read_secret', 'kv.v1.read_secret', 'kv.read_secret', 'kv.read_secret_version', 'read'],
    label: 'HashiCorp Vault (hvac)',
  },
  { provider: 'aws-secrets-manager', language: 'python', module: 'boto3', calls: ['get_secret_value', 'batch_get_secret_value'], label: 'AWS Secrets Manager (boto3)' },
  { provider: 'aws-secrets-manager', language: 'python', module: 'aiobotocore', calls: ['get_secret_value', 'batch_get_secret_value'], label: 'AWS Secrets Manager (aiobotocore)' },
  { provider: 'aws-ssm', language: 'python', module: 'boto3', calls: ['get_parameter', 'get_parameters', 'get_parameters_by_path'], label: 'AWS SSM Parameter Store (boto3)' },
  { provider: 'gcp-secret-manager', language: 'python', module: 'google.cloud.secretmanager', calls: ['access_secret_version'], label: 'Google Secret Manager' },
  { provider: 'azure-key-vault', language: 'python', module: 'azure.keyvault.secrets', calls: ['get_secret'], label: 'Azure Key Vault' },
  { provider: 'infisical', language: 'python', module: 'infisical_client', calls: ['get_secret', 'getSecret'], label: 'Infisical' },
  { provider: 'infisical', language: 'python', module: 'infisical_sdk', calls: ['get_secret', 'getSecret', 'get_secret_by_name', 'secrets.get_secret_by_name'], label: 'Infisical' },
  { provider: 'doppler', language: 'python', module: 'dopplersdk', calls: ['secrets.get', 'secrets.download'], label: 'Doppler' },
  { provider: '1password', language: 'python', module: 'onepassword', calls: ['secrets.resolve', 'secrets.resolve_all'], label: '1Password' },
];
