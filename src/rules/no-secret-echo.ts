import { rangeContains } from '../core/range-containment.js';
import type { ConfigFact, FileFacts, Range } from '../core/facts.js';
import { defineRule, type Report, type RuleContext } from '../core/rule.js';
import { isSecretName } from './secret-name-test.js';

/** Files whose contents are credentials: printing them prints secrets. */
const SECRET_FILE = /(^|[/\\])(\.env(\.[\w-]+)?|\.npmrc|\.pypirc|\.netrc|\.git-credentials|credentials(\.json)?|id_(rsa|dsa|ecdsa|ed25519)|kubeconfig|[\w.-]*secrets?[\w.-]*|[\w.-]*\.(pem|key|p12|pfx|jks))$/i;
const EXAMPLE_FILE = /\.(example|sample|template|dist)$|[/\\]examples?[/\\]/i;

/** A later pipeline stage of a `shell-echo` fact (see the shell front end's outputDestination). */
interface PipeStage {
  command: string | null;
  toFile?: boolean;
}

/**
 * Commands that write what they read back to stdout (possibly transformed: `base64` output is
 * the secret in a form log masking misses). `tee` prints even when it also writes a file.
 */
const PRINTS_ITS_INPUT = new Set(['tee', 'cat', 'base64', 'base32', 'xxd', 'od', 'hexdump', 'sed', 'awk', 'gawk', 'tr', 'cut', 'head', 'tail', 'rev', 'sort', 'uniq', 'jq', 'yq', 'fold', 'column', 'nl', 'grep', 'egrep', 'fgrep', 'paste', 'envsubst']);

/**
 * Whether an echo's output ends up in the log. Redirected to a file (`>> "$GITHUB_ENV"`, also for
 * a whole `{ ...; }` group) or captured by `$( )`: no. Piped: only when every later stage prints
 * its input again (`| tee -a "$GITHUB_ENV"`, `| base64`); any other consumer
 * (`| docker login --password-stdin`, `| gh auth login --with-token`) takes the value instead.
 */
function reachesLog(fact: ConfigFact): boolean {
  if (fact.data.toFile || fact.data.captured) return false;
  if (!fact.data.piped) return true;
  const stages = (fact.data.pipedTo ?? []) as PipeStage[];
  return stages.length > 0 && stages.every((stage) => stage.command !== null && PRINTS_ITS_INPUT.has(stage.command) && !stage.toFile);
}



/** A secret that `set -x` or an env dump would print at this position, if any. */
/**
 * A secret in the environment of the script at `at`. `printed`, for `set -x`: only names a later
 * command expands count, since the trace shows expanded command lines and nothing a program reads
 * from its environment by itself; a secret spelled into the script (`${{ secrets.X }}`) always counts.
 */
function secretInScope(file: FileFacts, at: Range, ctx: RuleContext, printed?: ReadonlySet<string>): string | null {
  const shown = (name: string): boolean => printed === undefined || printed.has(name);
  if (file.language === 'workflow') {
    const run = file.facts.find((f): f is ConfigFact => f.kind === 'config' && f.type === 'workflow-run' && rangeContains(f.range, at));
    if (!run) return null;
    const secretEnv = ((run.data.secretEnv ?? []) as Array<{ envName: string }>).filter((entry) => shown(entry.envName));
    if (secretEnv.length > 0) return secretEnv[0].envName;
    const refs = (run.data.secretRefs ?? []) as string[];
    if (refs.length > 0) return `secrets.${refs[0]}`;
    const env = (run.data.env ?? []) as string[];
    return env.find((name) => shown(name) && isSecretName(name, ctx)) ?? null;
  }
  for (const fact of file.facts) {
    const name = fact.kind === 'env-read' ? fact.name : fact.kind === 'name-ref' && /^(shell-export|dockerfile-arg|dockerfile-env)$/.test(fact.context) ? fact.name : null;
    if (name && shown(name) && isSecretName(name, ctx)) return name;
  }
  return null;
}

export default defineRule({
  meta: {
    id: 'no-secret-echo',
    area: 'config',
    defaultSeverity: 'error',
    description: 'Disallow shell steps and scripts that print a secret: echo/printf of a secret, set -x or env dumps with secrets in scope, cat of credential files.',
    rationale:
      "CI logs are read by far more people than secrets are shared with, are kept for months and are often public on open-source projects. GitHub's masking only catches exact registered values: a base64-encoded, split, JSON-escaped or derived secret is printed in clear. `set -x` prints every expanded command line, and `env`/`printenv` print the whole environment.",
    fix: "Do not print secrets. Pipe them into the consuming command (`printf '%s' \"$TOKEN\" | docker login --password-stdin`), write them to a file with a redirect, mask derived values with `echo \"::add-mask::$VALUE\"`, and turn tracing off (`set +x`) around commands that expand secrets.",
    messages: {
      echo: "{{command}} prints '{{name}}', a secret; pipe or redirect it to its consumer instead of the log.",
      echoExpression: "{{command}} prints 'secrets.{{name}}' into the log; pass it through env and to its consumer instead.",
      xtrace: "'set -x' traces commands while '{{name}}' is in scope; every expanded secret is printed to the log.",
      envDump: "'{{command}}' prints the whole environment while '{{name}}' is in scope.",
      cat: "'cat {{path}}' prints a credential file to the log.",
    },
    cwe: ['CWE-532'],
    securitySeverity: '6.5',
    precision: 'high',
    appliesTo: ['shell', 'workflow', 'dockerfile'],
    bad: [
      {
        lang: 'yaml',
        file: '.github/workflows/release.yml',
        code: 'on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "token is $GITHUB_TOKEN"\n        env:\n          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}',
      },
      { lang: 'sh', code: 'set -x\nexport STRIPE_SECRET_KEY\ncurl -u "$STRIPE_SECRET_KEY:" https://api.stripe.com' },
    ],
    good: [
      {
        lang: 'yaml',
        file: '.github/workflows/release.yml',
        code: 'on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: printf \'%s\' "$GITHUB_TOKEN" | gh auth login --with-token\n        env:\n          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}',
      },
    ],
  },
  *checkFile(file, ctx): Generator<Report> {
    for (const fact of file.facts) {
      if (fact.kind !== 'config') continue;
      const base = { file: file.file, range: fact.range };
      switch (fact.type) {
        case 'shell-echo': {
          // `::add-mask::` is how a workflow hides a value; output redirected, captured or consumed is not logged.
          if (fact.data.workflowCommand === 'add-mask' || !reachesLog(fact)) break;
          const command = String(fact.data.command ?? 'echo');
          const name = ((fact.data.names ?? []) as string[]).find((n) => isSecretName(n, ctx));
          if (name) {
            const secretId = isSecretName(name, ctx)?.secretId ?? null;
            yield { ...base, messageId: 'echo', data: { command, name }, secretId, envName: name };
            break;
          }
          for (const expression of (fact.data.expressions ?? []) as string[]) {
            const match = /\bsecrets\s*(?:\.\s*([\w-]+)|\[\s*'([^']+)'\s*\])/.exec(expression);
            if (!match) continue;
            const secretName = match[1] ?? match[2];
            const info = ctx.names.get(secretName) ?? ctx.names.get(secretName.toUpperCase());
            yield { ...base, messageId: 'echoExpression', data: { command, name: secretName }, secretId: info?.secret.id ?? null, envName: secretName };
            break;
          }
          break;
        }
        case 'shell-xtrace': {
          // A secret the script assigns itself (`ACCESS_TOKEN=$1`, `TOKEN=$(vault read …)`) is in scope too.
          const assigned = ((fact.data.assigned ?? []) as string[]).find((n) => isSecretName(n, ctx));
          const expanded = Array.isArray(fact.data.expanded) ? new Set(fact.data.expanded as string[]) : undefined;
          const name = secretInScope(file, fact.range, ctx, expanded) ?? assigned ?? null;
          if (name) yield { ...base, messageId: 'xtrace', data: { name } };
          break;
        }
        case 'shell-env-dump': {
          const name = secretInScope(file, fact.range, ctx);
          if (name) yield { ...base, messageId: 'envDump', data: { command: String(fact.data.command ?? 'env'), name } };
          break;
        }
        case 'shell-cat': {
          // `cat .env > copy`: the text goes to a file, not the log. Piped on, it stays reported: a
          // stage like `xargs` (which echoes by default) prints it again.
          if (!fact.data.piped && (fact.data.toFile || fact.data.captured)) break;
          const path = String(fact.data.path ?? '').replace(/^["']|["']$/g, '');
          if (SECRET_FILE.test(path) && !EXAMPLE_FILE.test(path)) yield { ...base, messageId: 'cat', data: { path } };
          break;
        }
        default:
          break;
      }
    }
  },
});
