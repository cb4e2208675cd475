import type { NameInfo } from '../registry/model.js';
import { defineRule } from '../core/rule.js';

/** Bundlers inline env names with these prefixes into client code (Next, Vite, CRA, Expo, SvelteKit/Astro, Nuxt). */
export const PUBLIC_ENV_PREFIXES = ['NEXT_PUBLIC_', 'NUXT_PUBLIC_', 'EXPO_PUBLIC_', 'REACT_APP_', 'VITE_', 'PUBLIC_'];

export default defineRule({
  meta: {
    id: 'no-compile-time-secret',
    area: 'bypass',
    defaultSeverity: 'error',
    description: 'Disallow baking a secret into a build, through compile-time env reads or bundler-public name prefixes.',
    rationale:
      'A secret read at compile time (Rust `env!`/`option_env!`, also inside another macro such as `format!` or `concat!`) is copied into the binary, and a secret under a bundler-public prefix (`NEXT_PUBLIC_`, `VITE_`, `REACT_APP_`, `EXPO_PUBLIC_`, `PUBLIC_`, `NUXT_PUBLIC_`) is inlined into JavaScript shipped to every browser. Either way the value ends up in an artifact anyone can unpack, rotation needs a rebuild, and the registry can no longer say where the secret lives.',
    fix: 'Read the secret at run time through the resolver on the server side. Never give a secret a public prefix: if the client needs to call a service, route the call through your backend or use a scoped, publishable key registered as `kind: config`.',
    messages: {
      compileTime: "'{{name}}' ({{secretId}}) is read at compile time via {{api}}, which bakes the secret into the build; read it at run time through the resolver.",
      publicPrefix: "'{{name}}' exposes {{secretId}} ('{{secretName}}') under the bundler-public prefix '{{prefix}}', which inlines it into client code; keep the secret server-side and read it through the resolver.",
    },
    optionsSchema: {
      type: 'object',
      properties: {
        prefixes: { type: 'array', items: { type: 'string', pattern: '^[A-Z0-9_]+$' }, description: 'Extra bundler-public prefixes, e.g. GATSBY_ or STORYBOOK_.' },
      },
      additionalProperties: false,
    },
    cwe: ['CWE-798', 'CWE-540'],
    securitySeverity: '8.0',
    precision: 'very-high',
    appliesTo: ['rust', 'typescript', 'javascript', 'python', 'shell', 'dotenv', 'compose', 'workflow', 'dockerfile'],
    bad: [
      { lang: 'rust', code: 'const KEY: &str = env!("OPENROUTER_API_KEY");' },
      { lang: 'dotenv', code: 'NEXT_PUBLIC_STRIPE_SECRET_KEY=sk_test_FAKE' },
    ],
    good: [{ lang: 'rust', code: 'let key = resolve_secret(SecretId::OpenRouterApiKey)?;' }],
  },
  *checkFile(file, ctx) {
    const extra = Array.isArray(ctx.options.prefixes) ? ctx.options.prefixes.filter((p): p is string => typeof p === 'string') : [];
    // Longest first, so NEXT_PUBLIC_X is matched as NEXT_PUBLIC_ + X and not some shorter prefix.
    const prefixes = [...new Set([...PUBLIC_ENV_PREFIXES, ...extra])].sort((a, b) => b.length - a.length);
    const secretBehindPrefix = (name: string): { prefix: string; info: NameInfo; secretName: string } | null => {
      for (const prefix of prefixes) {
        if (!name.startsWith(prefix) || name.length === prefix.length) continue;
        const secretName = name.slice(prefix.length);
        const info = ctx.names.get(secretName);
        if (info && info.secret.kind === 'secret') return { prefix, info, secretName };
      }
      return null;
    };
    for (const fact of file.facts) {
      if (fact.kind !== 'env-read' && fact.kind !== 'name-ref') continue;
      if (fact.name === null || (fact.kind === 'env-read' && fact.access)) continue;
      const exposed = secretBehindPrefix(fact.name);
      // A registry entry that itself claims the prefixed name is a deliberate public name.
      if (exposed && !ctx.names.has(fact.name)) {
        const data = { name: fact.name, secretId: exposed.info.secret.id, secretName: exposed.secretName, prefix: exposed.prefix };
        yield { messageId: 'publicPrefix', data, file: file.file, range: fact.range, secretId: exposed.info.secret.id, envName: fact.name };
        continue;
      }
      if (fact.kind === 'env-read' && fact.compileTime) {
        const info = ctx.names.get(fact.name);
        if (!info || info.secret.kind !== 'secret') continue;
        const data = { name: fact.name, secretId: info.secret.id, api: fact.api };
        yield { messageId: 'compileTime', data, file: file.file, range: fact.range, secretId: info.secret.id, envName: fact.name };
      }
    }
  },
});
