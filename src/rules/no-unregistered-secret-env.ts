import { rangeContains } from '../core/range-containment.js';
import { BUILT_IN_PLATFORM_TOKENS, describePlatformTokens } from '../core/platform-tokens.js';
import type { Fact, Range } from '../core/facts.js';
import { defineRule } from '../core/rule.js';

/** Files with no resolver to call: the secret still needs an owner, but "read it through the resolver" would be wrong advice. */
const NO_RESOLVER_LANGUAGES = new Set(['shell', 'workflow', 'compose', 'kubernetes', 'dockerfile']);

export default defineRule({
  meta: {
    id: 'no-unregistered-secret-env',
    area: 'bypass',
    defaultSeverity: 'warn',
    description: 'Disallow reading or referencing a secret-looking env name that the registry does not know.',
    rationale:
      `A name that looks like a credential (per \`secret_patterns\`) but is missing from the registry is a secret nobody owns: it has no rotation policy, no resolver path and no documentation, and the other rules cannot protect it. Tokens a CI system or platform injects itself are never reported: ${describePlatformTokens()}; add your platform's with \`platform_tokens: [NAME]\` in \`.clavis-lint.yaml\` (for example \`RUNPOD_API_KEY\` in a project that builds RunPod images, where RunPod injects it; elsewhere it is the user's own key, so it is not built in). Writes, deletes and save-and-restore copies of the environment (tests resetting it) are not reads, and an all-lowercase name in test code (\`os.getenv("secret_word")\`) is the test's own variable. In a workflow's \`run:\` script, a name the step binds to a registered secret (\`GH_TOKEN: \${{ secrets.GH_ACCESS_TOKEN }}\`, or to GitHub's own \`secrets.GITHUB_TOKEN\`) is that secret under the name its tool reads, not a new one.`,
    fix: 'Add the secret to the registry (id, env, kind, owner), then read it through the resolver. If the name is not a secret, set `kind: config` for it in the registry or narrow `secret_patterns`; if your platform injects it, list it in `platform_tokens`.',
    messages: {
      unregistered: "'{{name}}' looks like a secret but is not in the registry ({{api}}); register it and read it through the resolver.",
      unregisteredNoResolver: "'{{name}}' looks like a secret but is not in the registry ({{api}}); register it so it has an owner and a rotation policy.",
    },
    cwe: ['CWE-1059'],
    securitySeverity: '4.0',
    precision: 'medium',
    appliesTo: ['typescript', 'javascript', 'rust', 'python', 'shell', 'workflow', 'compose', 'kubernetes', 'dockerfile'],
    bad: [{ lang: 'ts', code: 'const token = process.env.SLACK_BOT_TOKEN;' }],
    good: [
      { lang: 'yaml', code: '# secrets.registry.yaml\n- id: SlackBotToken\n  env: SLACK_BOT_TOKEN\n  kind: secret' },
      { lang: 'ts', code: "// Injected by Vercel at run time: a platform token, not a project secret.\nconst oidc = process.env.VERCEL_OIDC_TOKEN;" },
    ],
  },
  *checkFile(file, ctx) {
    if (ctx.isResolverPath(file.file)) return;
    const platformTokens = new Set(ctx.settings.platformTokens ?? BUILT_IN_PLATFORM_TOKENS.map((t) => t.name));
    const messageId = NO_RESOLVER_LANGUAGES.has(file.language) ? 'unregisteredNoResolver' : 'unregistered';
    const runs = file.language === 'workflow' ? workflowRuns(file.facts) : [];
    // A secret the step binds under a transport name: registered, or GitHub's own token.
    const knownSecret = (name: string): boolean => ctx.names.has(name) || ctx.names.has(name.toUpperCase()) || platformTokens.has(name.toUpperCase());
    for (const fact of file.facts) {
      if (fact.kind !== 'env-read' || fact.name === null || fact.access) continue;
      if (ctx.names.has(fact.name) || platformTokens.has(fact.name) || !ctx.looksLikeSecret(fact.name)) continue;
      // `get_secret("oidc/env/CUSTOM_TOKEN")`: a resolver's reference syntax, not a variable anyone sets (no shell can name it).
      if (!isPortableEnvName(fact.name)) continue;
      // An all-lowercase name in test code (`os.getenv("secret_word")`) is the test's own variable, set by the
      // test for the code under test; settings and credentials are named in upper case.
      if ((file.isTest === true || fact.inTest === true) && fact.name === fact.name.toLowerCase()) continue;
      const name = fact.name;
      if (runs.some((run) => rangeContains(run.range, fact.range) && run.secretEnv.some((b) => b.envName === name && knownSecret(b.secretName)))) continue;
      yield { messageId, data: { name: fact.name, api: fact.api }, file: file.file, range: fact.range, envName: fact.name };
    }
  },
});

interface WorkflowRun {
  range: Range;
  secretEnv: Array<{ envName: string; secretName: string }>;
}

/** The workflow's `run:` blocks with the env names their step binds to `secrets.X` (workflow front end). */
function workflowRuns(facts: readonly Fact[]): WorkflowRun[] {
  const runs: WorkflowRun[] = [];
  for (const fact of facts) {
    if (fact.kind !== 'config' || fact.type !== 'workflow-run' || !Array.isArray(fact.data.secretEnv)) continue;
    runs.push({ range: fact.range, secretEnv: (fact.data.secretEnv as Array<{ envName: unknown; secretName: unknown }>).map((b) => ({ envName: String(b.envName), secretName: String(b.secretName) })) });
  }
  return runs;
}

/** A name a shell, a `.env` file or a CI config can set: letters, digits and `_` (`.`/`-` as some tools allow), not starting with a digit. */
function isPortableEnvName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name);
}
