import { describe, expect, it } from 'vitest';
import { namesDocumentRole, namesSecretMember } from '../../src/leak/secret-member-name.js';

describe('namesSecretMember', () => {
  it.each(['api_key', 'masterKey', 'Authorization', 'client_secret', 'AWS_SECRET_ACCESS_KEY', 'password', 'vertex_credentials'])('%s names a credential', (name) => {
    expect(namesSecretMember(name)).toBe(true);
  });

  it.each(['caching', 'model_name', 'cache', 'fileStrategy', 'api_key_id', 'token_url', 'keyboard', 'router_settings'])('%s does not', (name) => {
    expect(namesSecretMember(name)).toBe(false);
  });
});

describe('namesDocumentRole', () => {
  it.each(['client_id', 'clientId', 'tokenUrl', 'token_uri', 'redirect_uris', 'client_email', 'project_name'])('%s identifies or locates', (name) => {
    expect(namesDocumentRole(name)).toBe(true);
  });

  it.each(['client_secret', 'private_key', 'credentials', 'value', 'refresh_token'])('%s may be the secret', (name) => {
    expect(namesDocumentRole(name)).toBe(false);
  });
});
