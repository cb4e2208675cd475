import { describe, expect, it } from 'vitest';
import { analyzePython } from '../../../src/languages/python/index.js';
import { fixtureOptions } from '../../support/fixture-front-end-options.js';

async function storeCalls(code: string): Promise<string[]> {
  const { facts } = await analyzePython('app/main.py', code, fixtureOptions());
  return facts.flatMap((f) => (f.kind === 'secret-store-call' ? [`${f.range.line}:${f.provider}:${f.api}`] : []));
}

describe('python secret-store calls', () => {
  it('matches SDK calls when their module is imported', async () => {
    const code = [
      'import keyring, hvac, boto3',
      'from keyring import get_password as gp',
      'keyring.get_password("svc", "user")',
      'gp("svc", "user")',
      'client = hvac.Client()',
      'client.secrets.kv.v2.read_secret_version(path="a")',
      'client.read("secret/a")',
      'boto3.client("secretsmanager").get_secret_value(SecretId="a")',
      'boto3.client("ssm").get_parameters(Names=["a"])',
    ].join('\n');
    expect(await storeCalls(code)).toEqual([
      '3:keyring:keyring get_password',
      '4:keyring:keyring get_password',
      '6:vault:hvac kv.read_secret_version',
      '7:vault:hvac read',
      '8:aws-secrets-manager:boto3 get_secret_value',
      '9:aws-ssm:boto3 get_parameters',
    ]);
  });

  it('does not match without the import, on generic names, or on the resolver function', async () => {
    const code = [
      'import hvac',
      'def get_secret(name): ...',
      'get_secret("GithubToken")',
      'open("f").read()',
      'cache.get_password("x")',
      'self.secrets.get("x")',
    ].join('\n');
    expect(await storeCalls(code)).toEqual([]);
  });
});
