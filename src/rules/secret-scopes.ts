// Where each registry secret lives (DESIGN §10 `scope`), for the drift rules. A scope written in
// the registry wins; otherwise it is inferred from the facts of the whole project, which only the
// rules see (the registry loader does not): a secret referenced by a CI workflow (`${{ secrets.X }}`,
// a step's `env:`, a `run:` script) whose every other reference is CI tooling lives in the CI
// secret store (`ci`); anything else, including a secret nothing references, is the
// application's (`app`), except a token a platform injects (`platform_tokens`, GITHUB_TOKEN) or a
// standard variable of the system or an SDK (HTTPS_PROXY, OTEL_EXPORTER_OTLP_HEADERS): the app may
// read it, but it is set outside the project, so it is documented (`docs`), not copied from the
// example env file. CI tooling: files under `.github/` (composite actions, CI scripts) and
// shell scripts, which are what workflows call (`run: bash scripts/deploy.sh`); the application
// itself does not run in shell. A secret read only by shell scripts and never by a workflow is
// still `app`.
// Example env files, docs pages and the registry itself are what the drift rules check, so they
// are not evidence of where a secret lives.
import { isSampleProjectPath } from './sample-paths.js';
import type { Fact, FileFacts } from '../core/facts.js';
import type { ProjectFacts, RuleContext } from '../core/rule.js';
import type { SecretEntry, SecretScope } from '../registry/model.js';
import { BUILT_IN_AMBIENT_VARIABLES, platformTokenSet } from '../core/platform-tokens.js';

export interface SecretScopes {
  of(secret: SecretEntry): readonly SecretScope[];
  /**
   * Whether anything outside tests, docs, example env files and the registry refers to the secret.
   * A secret nobody reads may still be read implicitly by a library (the OpenAI SDK and
   * OPENAI_API_KEY), or be a leftover registry row: the drift rules say both when they report it.
   */
  referenced(secret: SecretEntry): boolean;
  /** The files that read it outside tests (code, configs, workflows; not docs or example env files). */
  readersOf(secret: SecretEntry): string[];
  /**
   * Whether only tests read it (litellm's `AZURE_EUROPE_API_KEY`, `BACKUP_OPENAI_API_KEY_1`), CI
   * workflows and scripts aside, or its name is a test harness's (`TEST_…`): a credential of the
   * test runs, which the app's example env file and docs pages need not list.
   */
  testOnly(secret: SecretEntry): boolean;
  /**
   * Whether the only code that reads it outside tests lies in sample projects (`examples/`,
   * `demo/`, `cookbook/`: sample-paths.ts), CI workflows and scripts aside, and the registry gives
   * it no scope: the sample's own credential (browser-use's `examples/integrations/discord` bot
   * token), which the sample's README or example file documents, not the project's. Also a secret
   * no scanned code reads whose only example env files are samples' (an SDK the sample calls
   * reads it: agent-kit's `examples/e2b-coding-agent/.env.example` and E2B_API_KEY).
   */
  sampleOnly(secret: SecretEntry): boolean;
}

/** Scopes whose secrets the application's example env files must list. */
export const ENV_EXAMPLE_SCOPES: readonly SecretScope[] = ['app', 'build'];
/** Scopes whose secrets the configured docs pages must list. */
export const DOCS_PAGE_SCOPES: readonly SecretScope[] = ['app', 'build', 'docs'];

/**
 * Variables of a test harness (`E2E_TEST_USER_PASSWORD`, `CYPRESS_PASSWORD`, `PLAYWRIGHT_...`):
 * example env files and docs give the credentials of a local test user this way; they are
 * fixtures, not secrets to register. Only a leading segment counts, so `STRIPE_TEST_SECRET_KEY`
 * (a provider's test-mode key) is still a secret name.
 */
export function isTestHarnessName(name: string): boolean {
  const first = name.split('_')[0].toUpperCase();
  return first === 'E2E' || first === 'TEST' || first === 'CYPRESS' || first === 'PLAYWRIGHT';
}

export function documentedIn(scopes: readonly SecretScope[], documents: readonly SecretScope[]): boolean {
  return scopes.some((s) => documents.includes(s));
}

/** Names (or ids) a fact refers to, when it is evidence of where a secret is used. */
function referencedNames(fact: Fact): Array<string | null> {
  switch (fact.kind) {
    case 'env-read':
      return [fact.name];
    case 'name-ref':
      return fact.context === 'docs' || fact.context === 'env-file-key' ? [] : [fact.name];
    case 'resolver-call':
      return [fact.secretRef];
    case 'leak':
      return [fact.secretId, fact.envName];
    default:
      return [];
  }
}

function isExampleEnvFile(file: FileFacts): boolean {
  return file.language === 'dotenv' && file.facts.some((f) => f.kind === 'config' && f.type === 'env-file' && f.data.example === true);
}

export function secretScopes(project: ProjectFacts, ctx: RuleContext): SecretScopes {
  const inCi = new Set<string>();
  const inTooling = new Set<string>();
  const elsewhere = new Set<string>();
  const outsideTests = new Map<string, string[]>(); // name -> the files that read it outside tests
  const inTests = new Set<string>();
  const inCodeOutsideTests = new Set<string>(); // code and configs, not CI workflows or tooling scripts
  const codeReaders = new Map<string, string[]>(); // name -> those files
  const registryFiles = new Set(ctx.settings.registryFiles);
  const exampleEnvFiles = new Map<string, string[]>(); // name -> the example env files that list it
  for (const file of project.files) {
    if (isExampleEnvFile(file)) {
      for (const fact of file.facts) if (fact.kind === 'name-ref' && fact.context === 'env-file-key') exampleEnvFiles.set(fact.name, [...(exampleEnvFiles.get(fact.name) ?? []), file.file]);
      continue;
    }
    if (registryFiles.has(file.file) || file.language === 'markdown') continue;
    const seen = file.language === 'workflow' ? inCi : file.language === 'shell' || file.file.startsWith('.github/') ? inTooling : elsewhere;
    for (const fact of file.facts) {
      const inTest = file.isTest === true || ('inTest' in fact && fact.inTest === true);
      for (const name of referencedNames(fact)) {
        if (!name) continue;
        seen.add(name);
        if (inTest) {
          inTests.add(name);
          continue;
        }
        if (seen === elsewhere) {
          inCodeOutsideTests.add(name);
          codeReaders.set(name, [...(codeReaders.get(name) ?? []), file.file]);
        }
        const readers = outsideTests.get(name);
        if (readers) readers.push(file.file);
        else outsideTests.set(name, [file.file]);
      }
    }
  }
  const setOutside = new Set([...(ctx.settings.platformTokens ?? platformTokenSet()), ...BUILT_IN_AMBIENT_VARIABLES.map((t) => t.name)]);
  const keysOf = (secret: SecretEntry): string[] => [secret.id, secret.env, ...secret.aliases, ...secret.deprecated.map((d) => d.name)];
  const cache = new Map<string, readonly SecretScope[]>();
  return {
    of(secret) {
      if (secret.scope && secret.scope.length > 0) return secret.scope;
      let scopes = cache.get(secret.id);
      if (!scopes) {
        const keys = keysOf(secret);
        const ciOnly = keys.some((k) => inCi.has(k)) && !keys.some((k) => elsewhere.has(k));
        scopes = ciOnly ? ['ci'] : setOutside.has(secret.env) ? ['docs'] : ['app'];
        cache.set(secret.id, scopes);
      }
      return scopes;
    },
    referenced(secret) {
      return keysOf(secret).some((k) => outsideTests.has(k));
    },
    readersOf(secret) {
      return [...new Set(keysOf(secret).flatMap((k) => outsideTests.get(k) ?? []))];
    },
    testOnly(secret) {
      if (secret.scope && secret.scope.length > 0) return false; // the registry said where it belongs
      if (isTestHarnessName(secret.env)) return true;
      const keys = keysOf(secret);
      // CI workflows and scripts may hand the test runs their credential: still a test's.
      return keys.some((k) => inTests.has(k)) && !keys.some((k) => inCodeOutsideTests.has(k));
    },
    sampleOnly(secret) {
      if (secret.scope && secret.scope.length > 0) return false; // the registry said where it belongs
      const keys = keysOf(secret);
      const readers = keys.flatMap((k) => codeReaders.get(k) ?? []);
      if (readers.length > 0) return readers.every(isSampleProjectPath);
      // Read by no scanned code (an SDK the sample calls reads it: `Sandbox.create()` and E2B_API_KEY)
      // and listed only by samples' own example env files: the samples' credential all the same.
      if (keys.some((k) => outsideTests.has(k) || inTests.has(k))) return false;
      const listed = keys.flatMap((k) => exampleEnvFiles.get(k) ?? []);
      return listed.length > 0 && listed.every(isSampleProjectPath);
    },
  };
}
