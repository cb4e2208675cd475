import { defineRule } from '../core/rule.js';

export default defineRule({
  meta: {
    id: 'no-dynamic-env-read',
    area: 'bypass',
    defaultSeverity: 'warn',
    description: 'Disallow environment reads whose name the linter cannot resolve to a constant, outside the resolver.',
    rationale:
      'A computed key (`process.env[name]`, `os.environ[k]`) or an enumeration of the whole environment can read any secret, and no static check can tell which. Outside the resolver such code is an unaudited path to every credential in the process.',
    fix: 'Read a constant name, or move the code into the resolver. If the dynamic read is deliberate (a generic config loader), suppress it with a reason.',
    messages: {
      dynamic: 'Environment read via {{api}} with a name that is not a constant; secrets read this way cannot be checked.',
      enumerates: 'The whole environment is enumerated via {{api}}; this exposes every secret in the process.',
    },
    cwe: ['CWE-526'],
    securitySeverity: '4.0',
    precision: 'high',
    appliesTo: ['typescript', 'javascript', 'rust', 'python', 'shell'],
    bad: [{ lang: 'ts', code: 'const value = process.env[name];' }],
    good: [{ lang: 'ts', code: "const KEY = 'OPENROUTER_API_KEY';\nconst value = await resolveSecret(KEY);" }],
  },
  *checkFile(file, ctx) {
    if (ctx.isResolverPath(file.file)) return;
    for (const fact of file.facts) {
      if (fact.kind !== 'env-read' || fact.name !== null) continue;
      yield { messageId: fact.enumerates ? 'enumerates' : 'dynamic', data: { api: fact.api }, file: file.file, range: fact.range };
    }
  },
});
