// Where each registry secret lives (DESIGN §10 `scope`), for the drift rules. A scope written in
// the registry wins; otherwise it is inferred from the facts of the whole project, which only the
// rules see (the registry loader does not): a secret whose every reference is in a CI workflow
// (`${{ secrets.X }}`, a step's `env:`, a `run:` script) lives in the CI secret store (`ci`);
// anything else, including a secret nothing references, is the application's (`app`).
// Example env files, docs pages and the registry itself are what the drift rules check, so they
// are not evidence of where a secret lives.
import type { Fact } from '../core/facts.js';
import type { ProjectFacts, RuleContext } from '../core/rule.js';
import type { SecretEntry, SecretScope } from '../registry/model.js';

export interface SecretScopes {
  of(secret: SecretEntry): readonly SecretScope[];
}

/** Scopes whose secrets the application's example env files must list. */
export const ENV_EXAMPLE_SCOPES: readonly SecretScope[] = ['app', 'build'];
/** Scopes whose secrets the configured docs pages must list. */
export const DOCS_PAGE_SCOPES: readonly SecretScope[] = ['app', 'build', 'docs'];

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

export function secretScopes(project: ProjectFacts, ctx: RuleContext): SecretScopes {
  const inCi = new Set<string>();
  const elsewhere = new Set<string>();
  const registryFiles = new Set(ctx.settings.registryFiles);
  for (const file of project.files) {
    if (registryFiles.has(file.file) || file.language === 'markdown' || file.language === 'dotenv') continue;
    const seen = file.language === 'workflow' ? inCi : elsewhere;
    for (const fact of file.facts) {
      for (const name of referencedNames(fact)) if (name) seen.add(name);
    }
  }
  const cache = new Map<string, readonly SecretScope[]>();
  return {
    of(secret) {
      if (secret.scope && secret.scope.length > 0) return secret.scope;
      let scopes = cache.get(secret.id);
      if (!scopes) {
        const keys = [secret.id, secret.env, ...secret.aliases, ...secret.deprecated.map((d) => d.name)];
        const ciOnly = keys.some((k) => inCi.has(k)) && !keys.some((k) => elsewhere.has(k));
        scopes = ciOnly ? ['ci'] : ['app'];
        cache.set(secret.id, scopes);
      }
      return scopes;
    },
  };
}
