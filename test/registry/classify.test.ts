import { describe, expect, it } from 'vitest';
import { DEFAULT_SECRET_PATTERNS } from '../../src/core/config-types.js';
import { isConfigRoleName, isPublicName, kindClassifier, secretNameTest } from '../../src/registry/classify.js';

const looksSecret = secretNameTest(DEFAULT_SECRET_PATTERNS);

describe('the shared name classifier', () => {
  it.each(['OPENROUTER_API_KEY', 'GITHUB_TOKEN', 'DB_PASSWORD', 'JWT_SECRET', 'SECRET_KEY_BASE', 'GOOGLE_CREDENTIALS', 'github_token', 'NPM_AUTH_TOKEN'])('%s looks like a secret', (name) => {
    expect(looksSecret(name)).toBe(true);
  });

  it.each([
    'GITHUB_TOKEN_URL', 'OAUTH_TOKEN_ENDPOINT', 'API_KEY_ID', 'DB_PASSWORD_FILE', 'SECRETS_PATH', 'DOCKERHUB_USERNAME',
    'CLIENT_SECRET_REF', 'SECRET_MANAGER_REGION', 'API_KEY_HEADER', 'TOKEN_TTL', 'ACCESS_TOKEN_EXPIRES_IN',
    'HIDE_USER_API_KEY', 'ENABLE_API_KEY_AUTH', 'DISABLE_TOKEN_CHECK', 'API_KEY_REQUIRED', 'IGNORE_API_KEY_TESTS',
    'SMART_TOKEN_LIMIT', 'MAX_TOKENS', 'MIN_PASSWORD_LENGTH', 'TOKEN_COUNT', 'SECRET_CACHE_SIZE',
    'E2E_CREDENTIAL_VALIDATION', 'DOWNLOAD_FIXTURES_WITHOUT_CREDENTIALS',
    // Plural roles: a list of where or which, not secrets.
    'OAUTH_REDIRECT_URIS', 'TOKEN_ALLOWED_HOSTS', 'API_KEY_IDS',
    // Toolchain names that hold a path or a socket.
    'GOOGLE_APPLICATION_CREDENTIALS', 'SSH_AUTH_SOCK', 'GIT_ASKPASS',
  ])('%s is a config role, not a secret', (name) => {
    expect(isConfigRoleName(name)).toBe(true);
    expect(looksSecret(name)).toBe(false);
  });

  it.each(['PGPASSWORD', 'MYSQLPASSWORD', 'SECRETKEY', 'AWS_SECRETKEY', 'APIKEYS', 'AZURE_CREDENTIALS', 'GOOGLE_APPLICATION_CREDENTIALS_JSON', 'DB_PASSWORD2', 'TOKENSECRET', 'APP_SECRETS', 'slackBotToken'])(
    '%s looks like a secret: the secret word ends a word, or runs on into another secret word or a plural',
    (name) => {
      expect(looksSecret(name)).toBe(true);
    },
  );

  it.each(['PASSWORDMINCHAR', 'PASSWORDLOWERCASE', 'PASSWORDREQUIREMENTS', 'TOKENIZERS_PARALLELISM', 'TOKENIZER', 'APIKEYHEADER', 'SECRETARY_EMAIL'])(
    '%s is not a secret: the secret word is fused into a longer word',
    (name) => {
      expect(looksSecret(name)).toBe(false);
    },
  );

  it('keeps user patterns that end in a separator or match mid-word on purpose', () => {
    expect(secretNameTest(['^STRIPE_'])('STRIPE_LIVE')).toBe(true);
    expect(secretNameTest(['SK'])('SK_LIVE')).toBe(true);
  });

  it.each(['VERCEL_ORG_ID', 'CROWDIN_PROJECT_ID', 'LOG_LEVEL', 'PORT', 'USER_AGENT'])('%s does not match secret_patterns', (name) => {
    expect(looksSecret(name)).toBe(false);
  });

  it('keeps a bundler-public name that looks secret secret-looking (a secret made public by mistake), but infers kind config for it', () => {
    expect(looksSecret('NEXT_PUBLIC_STRIPE_SECRET_KEY')).toBe(true);
    expect(isPublicName('VITE_API_KEY')).toBe(true);
    expect(kindClassifier(DEFAULT_SECRET_PATTERNS)(['NEXT_PUBLIC_SUPABASE_ANON_KEY'])).toEqual({ kind: 'config', kindSource: 'default' });
  });

  it('infers kind from the same test, erring towards secret when any name of the entry looks like one', () => {
    const classify = kindClassifier(DEFAULT_SECRET_PATTERNS);
    expect(classify(['OPENROUTER_API_KEY'])).toEqual({ kind: 'secret', kindSource: 'pattern' });
    expect(classify(['GITHUB_TOKEN_URL'])).toEqual({ kind: 'config', kindSource: 'default' });
    expect(classify(['SERVICE_URL', 'SERVICE_TOKEN'])).toEqual({ kind: 'secret', kindSource: 'pattern' });
  });
});
