import type { EnvReadFact } from '../core/facts.js';
import { defineRule, type Suggestion } from '../core/rule.js';
import { readsThroughResolver } from './resolver-calls.js';

/** A resolver function name usable as a JS/TS callee (`resolveSecret`, `secrets.get`). */
const JS_CALLEE = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

/**
 * ESLint suggestion (not a fix: the resolver may be async, needs an import, and may take an id
 * object): `process.env.X` replaced by `resolveSecret('SecretId')`. Only for
 * the dotted form, whose whole text the rule knows from the fact's shape.
 */
function resolverSuggestion(file: string, fact: EnvReadFact, resolver: string | undefined, secretId: string): Suggestion[] | undefined {
  const name = fact.name;
  const { range, nameRange } = fact;
  if (!resolver || name === null || !nameRange || fact.via || fact.compileTime || fact.enumerates) return undefined;
  if (fact.api !== 'process.env') return undefined;
  const expected = `${fact.api}.${name}`;
  const dotted = range.line === range.endLine && range.endColumn - range.column === expected.length && nameRange.endColumn === range.endColumn;
  if (!dotted) return undefined;
  const call = `${resolver}('${secretId}')`;
  return [{ messageId: 'useResolver', data: { call }, fix: { edits: [{ file, range, text: call, expected }] } }];
}

export default defineRule({
  meta: {
    id: 'no-direct-env-read',
    area: 'bypass',
    defaultSeverity: 'error',
    description: 'Disallow reading a registry secret straight from the environment outside the resolver.',
    rationale:
      'The registry names one resolver as the only code allowed to touch the environment for secrets. A direct read bypasses it: no rotation hook, no alias handling, no audit, and a second code path that keeps working after the secret moves to a vault. Deprecated alias names read directly also keep a name alive that is scheduled for removal. Writes, deletes and a value saved only to be put back are not reads: `const previous = process.env.X; process.env.X = override; … process.env.X = previous` (only compared with `undefined` besides), also through a helper that does this for the name its caller gives (`setEnvValue(\'X\', v)` returning the restore), and in test code a read of a name the test also sets.',
    fix: 'Call the resolver (for example `resolveSecret(SecretId.X)`) instead of reading the environment, or move this code under one of `resolver.paths` if it is the resolver.',
    messages: {
      direct: "'{{name}}' ({{secretId}}) is read from the environment via {{api}}; get it through the resolver instead.",
      alias: "'{{name}}' is an alias of {{secretId}} ({{canonical}}) read from the environment via {{api}}; get it through the resolver instead.",
      deprecated: "'{{name}}' is a deprecated alias of {{secretId}} read via {{api}}; use the resolver, which reads '{{replacement}}'.",
    },
    optionsSchema: {
      type: 'object',
      properties: {
        includeConfig: { type: 'boolean', description: 'Also report registry names of kind: config.' },
        includeCi: { type: 'boolean', description: 'Also report reads in GitHub workflow run blocks and Dockerfile RUN instructions.' },
        shell: { type: 'boolean', description: 'Also report reads in shell scripts (`*.sh`, shebang scripts). Off by default: a script has no resolver to call; what it does with a secret (echo, `set -x`, URLs) is checked by no-secret-echo.' },
      },
      additionalProperties: false,
    },
    cwe: ['CWE-522'],
    securitySeverity: '6.5',
    precision: 'very-high',
    appliesTo: ['typescript', 'javascript', 'rust', 'python', 'shell'],
    hasSuggestions: true,
    suggestionMessages: {
      useResolver: 'Replace the read with `{{call}}` (import the resolver, and await it if it is async).',
    },
    bad: [{ lang: 'ts', code: "const key = process.env.OPENROUTER_API_KEY;" }],
    good: [{ lang: 'ts', code: "const key = await resolveSecret('OpenRouterApiKey');" }],
  },
  *checkFile(file, ctx) {
    if (ctx.isResolverPath(file.file)) return;
    // In CI steps and image builds the environment *is* the delivery mechanism for secrets:
    // there is no resolver to call. Leaks there are no-secret-echo's business.
    if ((file.language === 'workflow' || file.language === 'dockerfile') && ctx.options.includeCi !== true) return;
    // A shell script has no resolver to call either: `curl -H "Authorization: Bearer $TOKEN"` is
    // how a deploy script uses its secret. Opt in with `shell: true`.
    if (file.language === 'shell' && ctx.options.shell !== true) return;
    const includeConfig = ctx.options.includeConfig === true;
    for (const fact of file.facts) {
      // Writes, deletes and save-for-restore copies (tests resetting the environment) read no secret.
      if (fact.kind !== 'env-read' || fact.name === null || fact.access) continue;
      if (readsThroughResolver(fact, ctx)) continue;
      const info = ctx.names.get(fact.name);
      // kind: config names (URLs, flags, model names) are managed but not sensitive.
      if (!info || (info.secret.kind !== 'secret' && !includeConfig)) continue;
      const data = { name: fact.name, secretId: info.secret.id, api: fact.api, canonical: info.secret.env, replacement: info.deprecated?.replacement ?? info.secret.env };
      const messageId = info.role === 'canonical' ? 'direct' : info.role === 'alias' ? 'alias' : 'deprecated';
      const resolver = ctx.registry.resolver.functions.find((fn) => JS_CALLEE.test(fn));
      const suggestions = resolverSuggestion(file.file, fact, resolver, info.secret.id);
      yield { messageId, data, file: file.file, range: fact.range, secretId: info.secret.id, envName: fact.name, ...(suggestions ? { suggestions } : {}) };
    }
  },
});
