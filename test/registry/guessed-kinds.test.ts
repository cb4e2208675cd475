// `registry check` names every entry whose kind was guessed from its name (issue 9 class 4), on
// stderr so machine formats on stdout stay parseable; explicit kinds are never listed.
import { describe, expect, it } from 'vitest';
import { runCli, writeTree } from '../support/run-cli.js';

const REGISTRY = `version: 1
secrets:
  - id: OpenaiApiKey
    env: OPENAI_API_KEY
  - id: SmtpApikeyUser
    env: SMTP_APIKEY_USER
  - id: PublicSignupFlag
    env: NEXT_PUBLIC_DISABLE_EMAIL_PASSWORD_SIGNUP
  - id: StripeKey
    env: STRIPE_SECRET_KEY
    kind: secret
`;

describe('registry check lists guessed kinds', () => {
  it('names each guessed entry with its location and the kind it got, explicit ones not', () => {
    const dir = writeTree({ 'secrets.registry.yaml': REGISTRY });
    const run = runCli(['registry', 'check', dir, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
    expect(run.stderr).toContain("clavis-lint: 3 entries have their kind guessed from the name; write 'kind:' to confirm:");
    expect(run.stderr).toContain('secrets.registry.yaml:3: OPENAI_API_KEY (OpenaiApiKey) is a secret');
    expect(run.stderr).toContain('secrets.registry.yaml:5: SMTP_APIKEY_USER (SmtpApikeyUser) is config');
    expect(run.stderr).toContain('secrets.registry.yaml:7: NEXT_PUBLIC_DISABLE_EMAIL_PASSWORD_SIGNUP (PublicSignupFlag) is config');
    expect(run.stderr).not.toContain('STRIPE_SECRET_KEY');
  });

  it('says nothing when every kind is written', () => {
    const dir = writeTree({ 'secrets.registry.yaml': 'version: 1\nsecrets:\n  - id: A\n    env: A_TOKEN\n    kind: secret\n' });
    const run = runCli(['registry', 'check', dir]);
    expect(run.stderr).not.toContain('guessed');
  });
});
