import { describe, expect, it } from 'vitest';
import type { ResolverCallFact, SecretStoreCallFact } from '../../../src/core/facts.js';
import { analyze, textAt } from './front-end-harness.js';

function resolverCalls(source: string): { function: string; secretRef: string | null; text: string }[] {
  return analyze(source)
    .filter((fact): fact is ResolverCallFact => fact.kind === 'resolver-call')
    .map((fact) => ({ function: fact.function, secretRef: fact.secretRef, text: textAt(source, fact.range) }));
}

function storeCalls(source: string, extraSecretStores?: unknown[]): { provider: string; text: string }[] {
  return analyze(source, { extraSecretStores })
    .filter((fact): fact is SecretStoreCallFact => fact.kind === 'secret-store-call')
    .map((fact) => ({ provider: fact.provider, text: textAt(source, fact.range) }));
}

describe('TypeScript front end: resolver calls', () => {
  it('reports plain and member calls with a constant or SecretId reference', () => {
    const source = [
      "const a = resolveSecret('OPENROUTER_API_KEY');",
      'const b = await secrets.resolveSecret(SecretId.OpenRouterApiKey);',
      "const K = 'GITHUB_TOKEN'; const c = resolveSecret(K);",
      'const d = resolveSecret(name);',
    ].join('\n');
    expect(resolverCalls(source)).toEqual([
      { function: 'resolveSecret', secretRef: 'OPENROUTER_API_KEY', text: "resolveSecret('OPENROUTER_API_KEY')" },
      { function: 'resolveSecret', secretRef: 'OpenRouterApiKey', text: 'secrets.resolveSecret(SecretId.OpenRouterApiKey)' },
      { function: 'resolveSecret', secretRef: 'GITHUB_TOKEN', text: 'resolveSecret(K)' },
      { function: 'resolveSecret', secretRef: null, text: 'resolveSecret(name)' },
    ]);
  });

  it('follows a renamed import and a numeric enum member', () => {
    const source = "import { resolveSecret as rs } from './secrets';\nenum Ids { OpenAi }\nconst a = rs(Ids.OpenAi);";
    expect(resolverCalls(source)).toEqual([{ function: 'resolveSecret', secretRef: 'OpenAi', text: 'rs(Ids.OpenAi)' }]);
  });

  it('ignores other calls', () => {
    expect(resolverCalls("resolve('X'); resolveSecretLater('Y');")).toEqual([]);
  });
});

describe('TypeScript front end: secret-store SDK calls', () => {
  it('matches keytar by default, named and require imports', () => {
    expect(storeCalls("import keytar from 'keytar';\nkeytar.getPassword('svc', 'acct');")).toEqual([{ provider: 'keyring', text: "keytar.getPassword('svc', 'acct')" }]);
    expect(storeCalls("import { findPassword as fp } from 'keytar';\nfp('svc');")).toEqual([{ provider: 'keyring', text: "fp('svc')" }]);
    expect(storeCalls("const { findCredentials } = require('keytar');\nfindCredentials('svc');")).toEqual([{ provider: 'keyring', text: "findCredentials('svc')" }]);
  });

  it('matches AWS command constructors and aggregated clients', () => {
    const source = [
      "import { SecretsManagerClient, GetSecretValueCommand, SecretsManager } from '@aws-sdk/client-secrets-manager';",
      "import * as ssm from '@aws-sdk/client-ssm';",
      'const client = new SecretsManagerClient({});',
      "await client.send(new GetSecretValueCommand({ SecretId: 'x' }));",
      "await new SecretsManager({}).getSecretValue({ SecretId: 'y' });",
      "await new ssm.SSMClient({}).send(new ssm.GetParametersByPathCommand({ Path: '/' }));",
    ].join('\n');
    expect(storeCalls(source)).toEqual([
      { provider: 'aws-secrets-manager', text: "new GetSecretValueCommand({ SecretId: 'x' })" },
      { provider: 'aws-secrets-manager', text: "new SecretsManager({}).getSecretValue({ SecretId: 'y' })" },
      { provider: 'aws-ssm', text: "new ssm.GetParametersByPathCommand({ Path: '/' })" },
    ]);
  });

  it('matches instances built from the imported client (GCP, Azure, Infisical, Doppler, 1Password, Vault)', () => {
    const source = [
      "import { SecretManagerServiceClient } from '@google-cloud/secret-manager';",
      "import { SecretClient } from '@azure/keyvault-secrets';",
      "import { InfisicalSDK } from '@infisical/sdk';",
      "import DopplerSDK from '@dopplerhq/node-sdk';",
      "import { createClient } from '@1password/sdk';",
      "import vaultFactory from 'node-vault';",
      'const gcp = new SecretManagerServiceClient();',
      "await gcp.accessSecretVersion({ name: 'n' });",
      "const azure = new SecretClient('url', cred);",
      "await azure.getSecret('s');",
      'const infisical = new InfisicalSDK();',
      "await infisical.secrets().getSecret({ secretName: 's' });",
      'const doppler = new DopplerSDK({});',
      "await doppler.secrets.get('p', 'c', 'S');",
      'const op = await createClient({});',
      "await op.secrets.resolve('op://v/i/f');",
      'const vault = vaultFactory({});',
      "await vault.read('secret/data/x');",
    ].join('\n');
    expect(storeCalls(source).map((call) => call.provider)).toEqual([
      'gcp-secret-manager',
      'azure-key-vault',
      'infisical',
      'doppler',
      '1password',
      'vault',
    ]);
  });

  it('matches an untraceable receiver only for specific names of an imported module', () => {
    const source = [
      "import { SecretClient } from '@azure/keyvault-secrets';",
      "import vault from 'node-vault';",
      "class Store { constructor(private client: SecretClient, private v: any) {} get() { this.v.read('p'); return this.client.getSecret('s'); } }",
    ].join('\n');
    expect(storeCalls(source)).toEqual([{ provider: 'azure-key-vault', text: "this.client.getSecret('s')" }]);
  });

  it('does not match without an import of the module, or through another module', () => {
    expect(storeCalls("client.getSecret('s'); new GetSecretValueCommand({});")).toEqual([]);
    expect(storeCalls("import fs from 'node:fs';\nimport vault from 'node-vault';\nfs.read(1, () => {});")).toEqual([]);
  });

  it('uses secret stores added by the config', () => {
    const extra = [{ provider: 'custom', language: 'typescript', module: '@acme/secrets', calls: ['fetchSecret'], label: 'Acme' }];
    expect(storeCalls("import { fetchSecret } from '@acme/secrets';\nfetchSecret('x');", extra)).toEqual([{ provider: 'custom', text: "fetchSecret('x')" }]);
  });
});
