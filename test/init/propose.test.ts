// The pure parts of `clavis-lint init`: ids, alias proposals, which names are registered, the
// resolver threshold, YAML quoting and the schema modeline path.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { aliasGroups, aliasKey } from '../../src/init/aliases.js';
import type { NameSighting } from '../../src/init/collect-sightings.js';
import { proposeRegistry } from '../../src/init/propose-registry.js';
import { proposedResolver, resolverCandidates } from '../../src/init/propose-resolver.js';
import { oneLineText, renderRegistry, yamlScalar } from '../../src/init/render-files.js';
import { schemaModelinePath } from '../../src/init/schema-path.js';
import { idFromEnvName, uniqueIds } from '../../src/init/secret-ids.js';
import { tempDir } from '../support/run-cli.js';

function seen(name: string, file: string, extra: Partial<NameSighting> = {}): NameSighting {
  return { name, source: 'code', file, line: 1, language: 'typescript', inTest: false, ...extra };
}

describe('ids from env names', () => {
  it.each([
    ['OPENAI_API_KEY', 'OpenaiApiKey'],
    ['npm-token', 'NpmToken'],
    ['E2E_API_TOKEN', 'E2eApiToken'],
    ['__', 'Secret'],
  ])('%s -> %s', (name, id) => expect(idFromEnvName(name)).toBe(id));

  it('keeps ids unique', () => expect(uniqueIds(['API_KEY', 'api-key', 'Api.Key'])).toEqual(['ApiKey', 'ApiKey2', 'ApiKey3']));
});

describe('alias proposals', () => {
  it('groups spellings of one credential under one stem', () => {
    expect(aliasKey('OPENAI_KEY')).toBe(aliasKey('OPENAI_API_KEY'));
    expect(aliasKey('OPENAI_APIKEY')).toBe(aliasKey('OPENAI_API_KEY'));
    expect(aliasKey('DB_PASS')).toBe(aliasKey('DB_PASSWORD'));
    expect(aliasKey('DB_PWD')).toBe(aliasKey('db_passwd'));
    expect(aliasKey('JWT_SECRET')).toBe(aliasKey('JWT_SECRET_KEY'));
  });

  it('never groups a different stem, a bundler-public copy, or a bare spelling', () => {
    expect(aliasKey('NEXT_PUBLIC_OPENAI_KEY')).not.toBe(aliasKey('OPENAI_API_KEY'));
    expect(aliasKey('VITE_OPENAI_API_KEY')).not.toBe(aliasKey('OPENAI_API_KEY'));
    expect(aliasKey('STRIPE_SECRET_KEY')).not.toBe(aliasKey('STRIPE_API_KEY'));
    expect(aliasKey('API_KEY')).toBeNull();
    expect(aliasKey('_KEY')).toBeNull();
    expect(aliasKey('GITHUB_TOKEN')).toBeNull();
    expect(aliasGroups(['OPENAI_API_KEY', 'NEXT_PUBLIC_OPENAI_API_KEY', 'ANTHROPIC_API_KEY'])).toEqual([]);
  });
});

describe('which names become entries', () => {
  it('registers secret-looking names, folds clear aliases in, and leaves config names out', () => {
    const proposal = proposeRegistry([
      seen('OPENAI_API_KEY', 'src/env.ts'),
      seen('OPENAI_KEY', 'src/legacy.ts'),
      seen('DATABASE_URL', 'src/env.ts'),
      seen('GITHUB_TOKEN_URL', 'src/env.ts'),
      seen('DOCKERHUB_USERNAME', '.github/workflows/ci.yml', { source: 'workflow-secret', language: 'workflow' }),
    ]);
    expect(proposal.secrets.map((s) => [s.id, s.env, s.aliases, s.kindGuess])).toEqual([['OpenaiApiKey', 'OPENAI_API_KEY', ['OPENAI_KEY'], 'secret']]);
    expect(proposal.secrets[0].files).toEqual(['src/env.ts', 'src/legacy.ts']);
  });

  it('picks the canonical name: secret-looking first, then the one used in more files, then the longer', () => {
    const proposal = proposeRegistry([seen('JWT_SECRET', 'a.ts'), seen('JWT_SECRET', 'b.ts'), seen('JWT_SECRET_KEY', 'c.ts')]);
    expect(proposal.secrets.map((s) => [s.env, s.aliases])).toEqual([['JWT_SECRET', ['JWT_SECRET_KEY']]]);
  });

  it('leaves out platform tokens, workflow copies of them, and public copies of a secret, saying why', () => {
    const proposal = proposeRegistry([
      seen('GITHUB_TOKEN', '.github/workflows/ci.yml', { source: 'workflow-secret', language: 'workflow' }),
      seen('GH_TOKEN', '.github/workflows/ci.yml', { source: 'workflow-env', language: 'workflow', receives: ['GITHUB_TOKEN'] }),
      seen('NPM_TOKEN', '.github/workflows/ci.yml', { source: 'workflow-env', language: 'workflow', receives: ['NPM_TOKEN'] }),
      seen('STRIPE_SECRET_KEY', 'src/env.ts'),
      seen('NEXT_PUBLIC_STRIPE_SECRET_KEY', 'src/page.tsx'),
    ]);
    expect(proposal.secrets.map((s) => s.env)).toEqual(['NPM_TOKEN', 'STRIPE_SECRET_KEY']);
    expect(proposal.leftOut.map((l) => l.name)).toEqual(['GH_TOKEN', 'GITHUB_TOKEN', 'NEXT_PUBLIC_STRIPE_SECRET_KEY']);
    expect(proposal.leftOut[2].reason).toContain('no-compile-time-secret');
  });

  it('a public name with no secret behind it is registered, its kind guessed as config', () => {
    const [entry] = proposeRegistry([seen('VITE_MAPS_API_KEY', 'src/map.ts')]).secrets;
    expect(entry).toMatchObject({ env: 'VITE_MAPS_API_KEY', kindGuess: 'config' });
    expect(entry.kindReason).toContain('bundler-public');
  });
});

describe('the resolver threshold', () => {
  const registered = new Set(['A_TOKEN', 'B_TOKEN', 'C_TOKEN', 'D_TOKEN']);

  it('proposes a module holding more than half of the reads, of at least two names', () => {
    const candidates = resolverCandidates([seen('A_TOKEN', 'src/env.ts'), seen('B_TOKEN', 'src/env.ts'), seen('C_TOKEN', 'src/app.ts')], registered);
    expect(proposedResolver(candidates)).toMatchObject({ glob: 'src/env.ts', type: 'file', reads: 2, total: 3, names: 2 });
  });

  it('prefers a config directory when it holds more than any of its files', () => {
    const candidates = resolverCandidates(
      [seen('A_TOKEN', 'app/config/a.py'), seen('B_TOKEN', 'app/config/a.py'), seen('C_TOKEN', 'app/config/b.py'), seen('D_TOKEN', 'app/main.py')],
      registered,
    );
    expect(proposedResolver(candidates)?.glob).toBe('app/config/**');
    expect(candidates.map((c) => c.glob)).toContain('app/config/a.py');
  });

  it('proposes nothing at exactly half, for one name, or from test code and non-code files', () => {
    expect(proposedResolver(resolverCandidates([seen('A_TOKEN', 'a.ts'), seen('B_TOKEN', 'a.ts'), seen('C_TOKEN', 'b.ts'), seen('D_TOKEN', 'c.ts')], registered))).toBeUndefined();
    expect(proposedResolver(resolverCandidates([seen('A_TOKEN', 'a.ts'), seen('A_TOKEN', 'a.ts'), seen('B_TOKEN', 'b.ts')], registered))).toBeUndefined();
    const noisy = [seen('A_TOKEN', 'src/env.ts'), seen('B_TOKEN', 'src/app.ts'), seen('C_TOKEN', 'test/a.test.ts', { inTest: true }), seen('D_TOKEN', 'run.sh', { source: 'shell', language: 'shell' })];
    expect(proposedResolver(resolverCandidates(noisy, registered))).toBeUndefined();
    expect(resolverCandidates([seen('X_TOKEN', 'a.ts')], registered)).toEqual([]);
  });
});

describe('the files init writes', () => {
  it('quotes whatever YAML could read as something else', () => {
    expect(yamlScalar('OPENAI_API_KEY')).toBe('OPENAI_API_KEY');
    expect(yamlScalar('src/env.ts')).toBe('src/env.ts');
    for (const odd of ['app/config/**', 'null', 'yes', '1PASSWORD_TOKEN', 'a: b', '*alias', '# x']) {
      expect(parse(`v: ${yamlScalar(odd)}`)).toEqual({ v: odd });
    }
    expect(oneLineText('a\nb\u2028c')).toBe('a?b?c');
  });

  it('renders a registry the loader reads back, names and paths intact', () => {
    const text = renderRegistry({
      schemaPath: './node_modules/clavis-lint/schema/registry.schema.json',
      resolver: { glob: 'src/*env*.ts', type: 'file', reads: 2, total: 3, names: 2, eligible: true },
      secrets: [
        { id: 'Odd', env: 'odd:name', aliases: ['null'], aliasReason: 'x', kindGuess: 'secret', kindReason: 'guessed from the name', files: ['a\nb.ts', 'c.ts', 'd.ts', 'e.ts'], sources: ['code'] },
      ],
    });
    expect(parse(text)).toEqual({ version: 1, resolver: { paths: ['src/*env*.ts'] }, secrets: [{ id: 'Odd', env: 'odd:name', aliases: ['null'] }] });
    expect(text).toContain('# seen in: a?b.ts, c.ts, d.ts, +1 more');
    expect(parse(renderRegistry({ schemaPath: 'x', resolver: undefined, secrets: [] }))).toEqual({ version: 1, resolver: { paths: [] }, secrets: [] });
  });

  it('points the modeline at an installed copy of the schemas, else at where npm will put them', () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, '.git'));
    fs.mkdirSync(path.join(root, 'packages/web'), { recursive: true });
    expect(schemaModelinePath(path.join(root, 'packages/web'), 'registry.schema.json')).toBe('./node_modules/clavis-lint/schema/registry.schema.json');
    fs.mkdirSync(path.join(root, 'node_modules/clavis-lint/schema'), { recursive: true });
    fs.writeFileSync(path.join(root, 'node_modules/clavis-lint/schema/registry.schema.json'), '{}');
    expect(schemaModelinePath(path.join(root, 'packages/web'), 'registry.schema.json')).toBe('../../node_modules/clavis-lint/schema/registry.schema.json');
    expect(schemaModelinePath(root, 'registry.schema.json')).toBe('./node_modules/clavis-lint/schema/registry.schema.json');
  });

  it('names schema files the package ships', () => {
    const repo = path.resolve(import.meta.dirname, '../..');
    const files = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')).files as string[];
    expect(files).toContain('schema');
    for (const file of ['registry.schema.json', 'clavis-lint.schema.json']) expect(fs.existsSync(path.join(repo, 'schema', file))).toBe(true);
  });
});
