import type { NameInfo } from '../registry/model.js';
import type { Fact, FileFacts } from '../core/facts.js';
import { defineRule, type Report, type RuleContext } from '../core/rule.js';
import { platformTokenSet } from '../core/platform-tokens.js';
import { isConfigRoleName } from '../registry/classify.js';

/** GitHub creates this secret for every run; it exists whether or not the registry lists it. */
const BUILT_IN_SECRETS = new Set(['GITHUB_TOKEN']);

/** GitHub secret names are case-insensitive; registry names are matched in upper case. */
function lookup(names: Map<string, NameInfo>, name: string): NameInfo | undefined {
  return names.get(name) ?? names.get(name.toUpperCase());
}

/** `openrouter-api-key` / `openrouterApiKey` as an env-style name. */
function inputAsEnvName(input: string): string {
  return input.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[-.\s]/g, '_').toUpperCase();
}

export default defineRule({
  meta: {
    id: 'workflow-secret-mismatch',
    area: 'config',
    defaultSeverity: 'error',
    description: 'Report `${{ secrets.X }}` references that are unknown to the registry, deprecated, or bound to another secret\'s name.',
    rationale:
      "A workflow that reads `secrets.X` for a name the registry does not know either references a repository secret nobody owns (no rotation, no inventory) or has a typo that silently yields an empty string. Binding `OPENROUTER_API_KEY: ${{ secrets.STRIPE_SECRET_KEY }}` hands one secret to code that expects another, which is how keys end up in the wrong vendor's logs. `GITHUB_TOKEN` is GitHub's built-in token and is never unknown. A platform token's slot (`github-token:`, `GITHUB_TOKEN:`) takes any token of that platform (a personal access token named for it or `*_PAT`), and the platform's token may fill a slot named for the platform (`GH_AW_GITHUB_TOKEN`); another vendor's key in either place is still a mismatch. Bindings whose purpose the workflow shows are not mix-ups: the same step points the slot's vendor at another server (`ANTHROPIC_BASE_URL: https://api.minimax.io/anthropic` beside `ANTHROPIC_API_KEY: ${{ secrets.MINIMAX_API_KEY }}`; a URL on the vendor's own domain redirects nothing), the secret is the slot's name qualified for an environment (`secrets.CI_OPENAI_API_KEY`, `secrets.ANTHROPIC_CI_API_KEY`), an S3-compatible store's key pair goes to another prefix's variables of the same role (`AWS_ACCESS_KEY_ID: ${{ secrets.R2_ACCESS_KEY_ID }}`), the vendor\'s key named for one of its products (`OPENAI_API_KEY: ${{ secrets.CODEX_TOKEN }}`: Codex logs in with an OpenAI key; not when the registry gives the product an endpoint of its own, `CLAUDE_CODE_BASE_URL`), the vendor\'s own token named for its purpose in the vendor\'s generic slot (`hf_token: ${{ secrets.HF_DOC_BUILD_PUSH }}`, `NPM_TOKEN: ${{ secrets.NPM_PUBLISH_TOKEN }}`; not a name ending in another role, `SLACK_SIGNING_SECRET` in `SLACK_TOKEN`), a secret any workflow of the repository gives to an input or variable that takes only a GitHub token (`actions/checkout`'s `token`, the GitHub CLI's `GH_TOKEN`) fills `GITHUB_TOKEN` or an action's `github_token` input (release-plz's PAT, a bot's PAT), the run's own `GITHUB_TOKEN` is the password of a step that signs in to one of GitHub's registries (`registry: ghcr.io`), or neither name is a secret (`kind: config`). Only names that look like secrets (the shared test of `no-unregistered-secret-env`: `secret_patterns`, minus config roles such as `_USERNAME`, `_ID`, `_URL`) are reported as unknown: `secrets.DOCKERHUB_USERNAME` or `secrets.VERCEL_ORG_ID` hold configuration kept out of the log. With no registry configured at all, unknown names are not reported (a first run has nothing to compare against); deprecated names and mismatched bindings need a registry anyway. A deprecated name follows the registry's schedule, like `no-deprecated-alias`: a warning before its `remove_after` date, an error on or after it (or with `--hard-cut`).",
    fix: 'Use the registry name for the secret (`secrets.<canonical env name>`), register the secret if it is real, and make the env/input name match the secret it receives.',
    messages: {
      unknown: "'secrets.{{name}}' is not a registry secret; register it or use the registry name.",
      deprecated: "'secrets.{{name}}' is a deprecated alias of {{secretId}}; use 'secrets.{{replacement}}'.",
      envMismatch: "env '{{envName}}' ({{envSecretId}}) receives 'secrets.{{name}}' ({{secretId}}); bind each name to its own secret.",
      inputMismatch: "input '{{input}}' of {{action}} looks like {{inputSecretId}} but receives 'secrets.{{name}}' ({{secretId}}).",
    },
    optionsSchema: {
      type: 'object',
      properties: {
        allow: { type: 'array', items: { type: 'string' }, description: 'Repository secrets that exist outside the registry (deploy keys, bot tokens).' },
      },
      additionalProperties: false,
    },
    cwe: ['CWE-1188'],
    securitySeverity: '4.0',
    precision: 'high',
    appliesTo: ['workflow'],
    bad: [{ lang: 'yaml', code: 'env:\n  OPENROUTER_API_KEY: ${{ secrets.STRIPE_SECRET_KEY }}\n  TOKEN: ${{ secrets.UNKNOWN_TOKEN }}' }],
    good: [{ lang: 'yaml', code: 'env:\n  OPENROUTER_API_KEY: ${{ secrets.OPENROUTER_API_KEY }}\n  GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}' }],
  },
  // Project-level only because of one join: a secret any workflow of the repository hands to a
  // GitHub-token-only slot is a GitHub token in every workflow (lancedb gives its release PAT to
  // checkout in one workflow and to a reusable workflow's `github_token` in two others). A shard
  // that owns a workflow analyses every config file (src/shard/per-file.ts), so it sees them all.
  *checkProject(project, ctx): Generator<Report> {
    const workflows = project.files.filter((file) => file.language === 'workflow');
    const githubTokens = secretsGivenAsGithubTokens(workflows.flatMap((file) => file.facts));
    for (const file of workflows) yield* checkWorkflow(file, ctx, githubTokens);
  },
});

function* checkWorkflow(file: FileFacts, ctx: RuleContext, githubTokens: ReadonlySet<string>): Generator<Report> {
  const allow = new Set((Array.isArray(ctx.options.allow) ? ctx.options.allow : []).map((n) => String(n).toUpperCase()));
  // Without a registry every name is unknown; a first run must not fail on that (issue 11).
  const registryInUse = ctx.registry.files.length > 0;
  const platform = new Set(ctx.settings.platformTokens ?? platformTokenSet());
  const registryNames = [...ctx.names.keys()];
  for (const fact of file.facts) {
    if (fact.kind === 'name-ref' && fact.context === 'workflow-secret') {
      const info = lookup(ctx.names, fact.name);
      const upper = fact.name.toUpperCase();
      if (!info) {
        // `secrets.DOCKERHUB_USERNAME` or `secrets.VERCEL_ORG_ID` are stored as secrets but are not secrets.
        if (!registryInUse || BUILT_IN_SECRETS.has(upper) || allow.has(upper) || !ctx.looksLikeSecret(upper)) continue;
        yield { messageId: 'unknown', data: { name: fact.name }, file: file.file, range: fact.range, envName: fact.name };
      } else if (info.role === 'deprecated') {
        const replacement = info.deprecated?.replacement || info.secret.env;
        // The registry's schedule (DESIGN §1): a warning before `remove_after`, an error on or after it or with --hard-cut.
        const removeAfter = info.deprecated?.removeAfter;
        const severity = ctx.hardCut || (!!removeAfter && ctx.today >= removeAfter) ? ('error' as const) : ('warning' as const);
        yield { messageId: 'deprecated', data: { name: fact.name, secretId: info.secret.id, replacement }, file: file.file, range: fact.range, secretId: info.secret.id, envName: fact.name, severity };
      }
      continue;
    }
    if (fact.kind !== 'config') continue;
    if (fact.type === 'workflow-env-binding') {
      const envName = String(fact.data.envName);
      const secretName = String(fact.data.secretName);
      const envInfo = ctx.names.get(envName);
      const secretInfo = lookup(ctx.names, secretName);
      if (!envInfo || !secretInfo || envInfo.secret.id === secretInfo.secret.id || samePlatformToken(envName, envInfo, secretInfo, platform)) continue;
      if (deliberateRebinding(envName, envInfo, secretName, secretInfo, fact.data, registryNames)) continue;
      if (envInfo.secret.env === 'GITHUB_TOKEN' && githubTokens.has(secretName.toUpperCase())) continue;
      yield {
        messageId: 'envMismatch',
        data: { envName, envSecretId: envInfo.secret.id, name: secretName, secretId: secretInfo.secret.id },
        file: file.file,
        range: fact.range,
        secretId: secretInfo.secret.id,
        envName: secretName,
      };
    } else if (fact.type === 'workflow-with-binding') {
      const input = String(fact.data.input);
      const secretName = String(fact.data.secretName);
      const inputInfo = ctx.names.get(inputAsEnvName(input));
      const secretInfo = lookup(ctx.names, secretName);
      if (!inputInfo || !secretInfo || inputInfo.secret.id === secretInfo.secret.id || samePlatformToken(inputAsEnvName(input), inputInfo, secretInfo, platform)) continue;
      if (deliberateRebinding(inputAsEnvName(input), inputInfo, secretName, secretInfo, fact.data, registryNames)) continue;
      // The run's own GitHub token as the password of one of GitHub's registries (`registry: ghcr.io`
      // beside `registry_password:`, LibreChat's Helm release): the slot is GitHub's here.
      if (fact.data.githubRegistry === true && BUILT_IN_SECRETS.has(secretName.toUpperCase())) continue;
      // A token the workflow shows is GitHub's (checkout's `token`, gh's GH_TOKEN) in an input for GitHub's token.
      if (inputInfo.secret.env === 'GITHUB_TOKEN' && githubTokens.has(secretName.toUpperCase())) continue;
      yield {
        messageId: 'inputMismatch',
        data: { input, action: String(fact.data.action), inputSecretId: inputInfo.secret.id, name: secretName, secretId: secretInfo.secret.id },
        file: file.file,
        range: fact.range,
        secretId: secretInfo.secret.id,
        envName: secretName,
      };
    }
  }
}

/**
 * A platform's token slot (`github-token:`, `GITHUB_TOKEN:`) takes any token of that platform: a
 * personal access token or an app token given on purpose for more permissions (gh-aw passes its
 * own PAT to `actions/github-script`). Likewise the platform's token given to a slot named for the
 * same platform (`GH_AW_GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}`). A token of another vendor in
 * either place is still a mismatch.
 */
function samePlatformToken(slotName: string, slot: NameInfo, secret: NameInfo, platform: ReadonlySet<string>): boolean {
  const vendor = (env: string): string[] => {
    const first = env.split('_')[0].toUpperCase();
    return first === 'GITHUB' || first === 'GH' ? ['GITHUB', 'GH'] : [first];
  };
  const words = (name: string): string[] => name.toUpperCase().split('_');
  if (platform.has(slot.secret.env)) return words(secret.secret.env).some((w) => w === 'PAT' || vendor(slot.secret.env).includes(w));
  if (platform.has(secret.secret.env)) return vendor(secret.secret.env).some((v) => words(slotName).includes(v));
  return false;
}

/** Action inputs that take nothing but a GitHub token (`actions/checkout`'s `token` clones with it). */
const GITHUB_TOKEN_INPUTS: ReadonlyMap<string, string> = new Map([['actions/checkout', 'token']]);

/** Env names that take nothing but a GitHub token: the GitHub CLI's own (`gh` reads GH_TOKEN, then GITHUB_TOKEN). */
const GITHUB_TOKEN_ENV = new Set(['GH_TOKEN', 'GH_ENTERPRISE_TOKEN']);

/**
 * Secrets the workflows hand to an input or variable that takes only a GitHub token:
 * they are GitHub tokens whatever their name, so binding one to `GITHUB_TOKEN` (or to an action's
 * `github_token` input) is on purpose (release-plz's documented setup: `token:
 * secrets.RELEASE_PLZ_TOKEN` for checkout and `GITHUB_TOKEN: secrets.RELEASE_PLZ_TOKEN`, a PAT so
 * its release PR triggers the CI; a bot's PAT given to `GH_TOKEN` and `GITHUB_TOKEN` in one step).
 */
function secretsGivenAsGithubTokens(facts: readonly Fact[]): Set<string> {
  const tokens = new Set<string>();
  for (const fact of facts) {
    if (fact.kind !== 'config') continue;
    const given = fact.type === 'workflow-with-binding' && GITHUB_TOKEN_INPUTS.get(String(fact.data.action)) === String(fact.data.input);
    if (given || (fact.type === 'workflow-env-binding' && GITHUB_TOKEN_ENV.has(String(fact.data.envName).toUpperCase()))) tokens.add(String(fact.data.secretName).toUpperCase());
  }
  return tokens;
}

/** Words that say which environment or job a key is for (`CI_OPENAI_API_KEY`, `ANTHROPIC_CI_API_KEY`, `OPENAI_API_KEY_E2E`). */
const QUALIFIERS = new Set(['CI', 'TEST', 'TESTS', 'TESTING', 'E2E', 'INTEGRATION', 'EVAL', 'EVALS', 'BENCH', 'BENCHMARK', 'DEMO', 'SANDBOX', 'PROD', 'PRODUCTION', 'STAGING', 'STAGE', 'DEV', 'PREVIEW', 'LOCAL', 'QA', 'NIGHTLY', 'RELEASE', 'BOT', 'GH', 'ACTIONS', 'WORKFLOW', 'PR']);

/** The secret is the slot's name with qualifier words (or a number) added anywhere: the slot's own key, for one environment. */
function qualifiedName(secret: string, slot: string): boolean {
  const words = secret.split('_');
  const wanted = slot.split('_');
  if (words.length <= wanted.length) return false;
  let at = 0;
  for (const word of words) {
    if (at < wanted.length && word === wanted[at]) at++;
    else if (!QUALIFIERS.has(word) && !/^\d+$/.test(word)) return false;
  }
  return at === wanted.length;
}

/** A slot that is only a vendor's generic credential: `HF_TOKEN`, `NPM_TOKEN`, `OPENAI_API_KEY` (vendor, then one of these). */
const GENERIC_CREDENTIAL_ROLE = /^(TOKEN|API_KEY|APIKEY|API_TOKEN|KEY|ACCESS_TOKEN|AUTH_TOKEN)$/;
/** Last words that make a name another kind of credential than a token (settings are isConfigRoleName's): a mix-up even under the same vendor. */
const OTHER_CREDENTIAL_WORDS = new Set(['SECRET', 'PASSWORD', 'PASSWD', 'PWD', 'PASS', 'PASSPHRASE', 'DSN', 'WEBHOOK', 'SIGNATURE', 'SALT', 'IV', 'SEED', 'CERT', 'CERTIFICATE', 'PEM']);

/**
 * The vendor's generic token slot given one of the same vendor's tokens named for what it is for:
 * `hf_token: secrets.HF_DOC_BUILD_PUSH` (the doc bot's Hugging Face write token, for a reusable
 * workflow's `hf_token` input), `NPM_TOKEN: secrets.NPM_PUBLISH_TOKEN`. A name that ends in another
 * role (`HF_WEBHOOK_SECRET`, `SLACK_SIGNING_SECRET`, `NPM_USERNAME`) is still a mix-up, and another
 * vendor's token never qualifies.
 */
function vendorTokenForPurpose(slot: string, secret: string): boolean {
  const vendor = slot.split('_')[0];
  if (vendor === '' || !GENERIC_CREDENTIAL_ROLE.test(slot.slice(vendor.length + 1))) return false;
  const words = secret.split('_');
  return words.length >= 2 && words[0] === vendor && !OTHER_CREDENTIAL_WORDS.has(words[words.length - 1]) && !isConfigRoleName(secret);
}

/** Products whose credential is their vendor's key (Codex logs in with an OpenAI API key): product word -> vendor word. */
const PRODUCT_VENDORS: Readonly<Record<string, string>> = { CODEX: 'OPENAI', CHATGPT: 'OPENAI', CLAUDE: 'ANTHROPIC', GEMINI: 'GOOGLE', COPILOT: 'GITHUB' };

/** The AWS-style credential pair every S3-compatible store (R2, MinIO, Spaces, B2) uses under its own prefix. */
const S3_CREDENTIAL_ROLES = ['_ACCESS_KEY_ID', '_SECRET_ACCESS_KEY'];
/** Trailing words of a name that points a client at another server (`ANTHROPIC_BASE_URL`, `AWS_ENDPOINT_URL_S3`). */
const ENDPOINT_ROLE = /(^|_)(BASE_URL|BASE|API_BASE|ENDPOINT|API_URL|API_HOST|HOST)(_|$)/;

/**
 * Bindings a workflow author makes on purpose, which the YAML itself shows:
 * - neither name is a secret (`kind: config` on both): no secret reaches the wrong place;
 * - the step also points the slot's vendor at another server (`ANTHROPIC_BASE_URL` beside
 *   `ANTHROPIC_API_KEY: secrets.MINIMAX_API_KEY`): the key is that server's. A literal URL on the
 *   vendor's own domain is no redirect;
 * - the secret is the slot's name qualified for an environment (`secrets.CI_OPENAI_API_KEY`,
 *   `secrets.ANTHROPIC_CI_API_KEY`); another vendor's prefix (`AZURE_OPENAI_API_KEY`) is no qualifier;
 * - an S3-compatible store's key pair handed to another prefix's variables of the same role
 *   (`AWS_ACCESS_KEY_ID: secrets.R2_ACCESS_KEY_ID`): SDKs read the AWS names for every such store;
 * - the vendor's key named for one of its products (`OPENAI_API_KEY: secrets.CODEX_TOKEN`), unless
 *   the registry gives that product an endpoint of its own;
 * - the vendor's own token named for its purpose in the vendor's generic slot (vendorTokenForPurpose).
 */
function deliberateRebinding(slotName: string, slot: NameInfo, secretName: string, secret: NameInfo, data: Record<string, unknown>, registryNames: readonly string[]): boolean {
  if (slot.secret.kind === 'config' && secret.secret.kind === 'config') return true;
  const slotUpper = slotName.toUpperCase();
  const secretUpper = secretName.toUpperCase();
  if (qualifiedName(secretUpper, slotUpper)) return true;
  if (S3_CREDENTIAL_ROLES.some((role) => slotUpper.endsWith(role) && secretUpper.endsWith(role))) return true;
  if (vendorTokenForPurpose(slotUpper, secretUpper)) return true;
  const vendor = slotUpper.split('_')[0];
  // `OPENAI_API_KEY: secrets.CODEX_TOKEN`: the vendor's key, named for its product that uses it. Not
  // the other way round: a product's own slot (`CLAUDE_CODE_OAUTH_TOKEN`) may take another kind of
  // credential. Nor when the registry gives the product an endpoint of its own (`CLAUDE_CODE_BASE_URL`):
  // its key then belongs to that server (a gateway or proxy), not to the vendor.
  const product = secretUpper.split('_')[0];
  if (PRODUCT_VENDORS[product] === vendor && !registryNames.some((name) => name.startsWith(`${product}_`) && ENDPOINT_ROLE.test(name.slice(product.length + 1)))) return true;
  const scope = Array.isArray(data.scopeEnv) ? data.scopeEnv.map(String) : [];
  const hosts = (data.scopeHosts ?? {}) as Record<string, string>;
  return scope.some((name) => {
    const upper = name.toUpperCase();
    if (upper === slotUpper || !upper.startsWith(`${vendor}_`) || !ENDPOINT_ROLE.test(upper.slice(vendor.length + 1))) return false;
    const host = hosts[name];
    return host === undefined || !host.split('.').includes(vendor.toLowerCase());
  });
}
