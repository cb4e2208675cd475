import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.js';

async function stores(code: string) {
  return (await analyze(code)).stores.map((store) => [store.provider, store.api]);
}

describe('rust secret-store calls', () => {
  it('finds keyring Entry::new + get_password / get_secret', async () => {
    const code = 'use keyring::Entry;\nfn f() { let e = Entry::new("svc", "user")?; let p = e.get_password()?; let s = e.get_secret()?; }';
    expect(await stores(code)).toEqual([
      ['keyring', 'keyring::get_password'],
      ['keyring', 'keyring::get_secret'],
    ]);
  });

  it('finds vaultrs kv2::read and kv1::get, imported or fully qualified', async () => {
    const code = 'use vaultrs::kv2;\nasync fn f(c: &VaultClient) { let a: Db = kv2::read(c, "secret", "db").await?; let b = vaultrs::kv1::get(c, "kv", "x").await?; }';
    expect(await stores(code)).toEqual([
      ['vault', 'vaultrs::kv2::read'],
      ['vault', 'vaultrs::kv1::get'],
    ]);
  });

  it('finds AWS Secrets Manager and SSM calls', async () => {
    const code = [
      'use aws_sdk_secretsmanager as sm;',
      'use aws_sdk_ssm::Client as SsmClient;',
      'async fn f(c: sm::Client, s: SsmClient) {',
      '    c.get_secret_value().secret_id("x").send().await?;',
      '    c.batch_get_secret_value().send().await?;',
      '    s.get_parameter().name("/x").with_decryption(true).send().await?;',
      '    s.get_parameters().send().await?;',
      '}',
    ].join('\n');
    expect(await stores(code)).toEqual([
      ['aws-secrets-manager', 'aws_sdk_secretsmanager::get_secret_value'],
      ['aws-secrets-manager', 'aws_sdk_secretsmanager::batch_get_secret_value'],
      ['aws-ssm', 'aws_sdk_ssm::get_parameter'],
      ['aws-ssm', 'aws_sdk_ssm::get_parameters'],
    ]);
  });

  it('finds GCP, Azure, Infisical and 1Password calls', async () => {
    expect(await stores('use google_cloud_secretmanager_v1::client::SecretManagerService;\nasync fn f(g: SecretManagerService) { g.access_secret_version().set_name("projects/p/secrets/s/versions/latest").send().await?; }')).toEqual([
      ['gcp-secret-manager', 'google_cloud_secretmanager::access_secret_version'],
    ]);
    expect(await stores('use azure_security_keyvault_secrets::SecretClient;\nasync fn f(kv_client: SecretClient) { kv_client.get_secret("db-password", "", None).await?; kv_client.get("x").await?; }')).toEqual([
      ['azure-key-vault', 'azure_security_keyvault::get_secret'],
      ['azure-key-vault', 'azure_security_keyvault::get'],
    ]);
    expect(await stores('use infisical::Client as Infisical;\nasync fn f(inf: Infisical) { inf.secrets().get_secret(req).await?; }')).toEqual([['infisical', 'infisical::get_secret']]);
    expect(await stores('use onepassword_sdk::Client as OpClient;\nasync fn f(op_client: OpClient) { op_client.secrets().resolve("op://vault/item/field").await?; }')).toEqual([['1password', 'onepassword::resolve']]);
  });

  it('ignores method names when the crate is not referenced, and generic methods on non-clients', async () => {
    expect(await stores('fn f(e: Thing) { e.get_password(); e.get_secret_value(); }')).toEqual([]);
    expect(await stores('use azure_security_keyvault::SecretClient;\nfn f(map: HashMap<String, String>) { map.get("k"); }')).toEqual([]);
  });

  it('does not take the resolver function get_secret(..) for keyring', async () => {
    expect(await stores('use keyring::Entry;\nfn f() { let k = get_secret(SecretId::GithubToken); }')).toEqual([]);
  });

  it('marks calls in test code', async () => {
    const { stores: found } = await analyze('use keyring::Entry;\n#[test]\nfn t() { Entry::new("a", "b").unwrap().get_password().unwrap(); }');
    expect(found[0].inTest).toBe(true);
  });
});
