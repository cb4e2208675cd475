import type { Fact } from '../core/facts.js';
import { placeholderReason } from '../core/placeholder-value.js';
import { defineRule } from '../core/rule.js';

/** Name-ref contexts where a literal value means a committed secret, with how to say where. */
const LITERAL_CONTEXTS: Record<string, string> = {
  'env-file-key': 'a committed .env file',
  'compose-env-key': 'a compose environment',
  'k8s-env-value': 'a Kubernetes container env',
  'k8s-secret-key': 'a Kubernetes Secret manifest',
  'k8s-configmap-key': 'a Kubernetes ConfigMap',
  'workflow-env-key': 'a workflow env block',
};

export default defineRule({
  meta: {
    id: 'no-secret-literal-in-config',
    area: 'config',
    defaultSeverity: 'error',
    description: 'Disallow assigning a literal value to a registry secret in committed config files.',
    rationale:
      'A value written next to a secret name in a committed `.env`, compose file, Kubernetes manifest or workflow is in the repository history for good, is copied into every clone and fork, and bypasses rotation. References (`${VAR}`, `${{ secrets.X }}`, `valueFrom.secretKeyRef`) and placeholders are fine. A value is a placeholder when it is empty; only references; a template marker (`<token>`, `{{ x }}`); contains a word no credential contains (example, placeholder, changeme, dummy, sample, redacted, insecure, your-..., xxx, and so the example keys of the AWS documentation, which end in `EXAMPLE`) or is a stock default (`password`, `none`, `not_used`, a service named as its own password, such as `clickhouse`); a URL to a local host (localhost, 127.0.0.1, ::1, a single-label service name such as `db`) with no password, a placeholder password or the user name as password (`mysql://root:@localhost:3306/test`), or any URL with no password and nothing random-looking; shorter than 8 characters; one repeated character, an ascending run of 8 or more (`1234567890`) or below 2.5 bits of entropy per character; only words of the variable\'s own name, run together or not (`AWS_SECRET_ACCESS_KEY=SECRETKEY`, as a local emulator such as localstack is given); or made of words such as test, fake, dev, local, demo, e2e, secret, random with nothing random-looking (`e2e-test-secret-at-least-32-chars-long`). A credential is also left alone when its closest sibling URL in the same block (the key sharing the most leading words of its name, `QSTASH_URL` for `QSTASH_TOKEN`) points at a local host: it authenticates only against a stand-in service the job or compose file runs itself (a local QStash dev server, stripe-mock). Real-looking values stay reported: `sk_test_51Hq...` is a real Stripe test key, so `test` next to a random-looking part does not make a value a placeholder (the test is in src/core/placeholder-value.ts).',
    fix: 'Remove the value and rotate the secret. Reference it instead: `${{ secrets.NAME }}` in workflows, `valueFrom.secretKeyRef` or an external secret operator in Kubernetes, `${NAME}` or compose `secrets:` in compose, and keep real `.env` files out of git (commit a `.env.example` with placeholders).',
    messages: {
      literal: "'{{name}}' ({{secretId}}) is assigned a literal value in {{where}}; reference the secret from a secret store or CI secret instead.",
    },
    cwe: ['CWE-798'],
    securitySeverity: '8.5',
    precision: 'high',
    appliesTo: ['dotenv', 'compose', 'kubernetes', 'workflow'],
    bad: [
      { lang: 'yaml', file: 'compose.yaml', code: 'services:\n  app:\n    environment:\n      STRIPE_SECRET_KEY: sk-test-FAKE4eC39HqLyjWDarjtT1zdp7dc' },
      { lang: 'dotenv', code: 'OPENROUTER_API_KEY=sk-test-FAKE9xQ2mB7kLp4Rt8vZ1wY6nC3j' },
    ],
    good: [
      { lang: 'yaml', file: 'compose.yaml', code: 'services:\n  app:\n    environment:\n      STRIPE_SECRET_KEY: ${STRIPE_SECRET_KEY}' },
      { lang: 'dotenv', file: '.env.example', code: '# .env.example\nOPENROUTER_API_KEY=' },
    ],
  },
  *checkFile(file, ctx) {
    const localService = localServiceCredentials(file.facts);
    // Example files hold placeholders by design; env-example-drift looks after them.
    const exampleFile = file.facts.some((f) => f.kind === 'config' && f.type === 'env-file' && f.data.example === true);
    for (const fact of file.facts) {
      if (fact.kind !== 'name-ref') continue;
      // `xx`, `e2e-test-secret-at-least-32-chars-long`, `mysql://root:@localhost/test` store nothing
      // secret; `${KEY:-sk_live_...}` does (its default). Front ends without a profile say it themselves.
      const literal = fact.valueProfile ? placeholderReason(fact.valueProfile) === null : fact.hasLiteralValue === true;
      if (!literal) continue;
      const where = LITERAL_CONTEXTS[fact.context];
      if (!where || (fact.context === 'env-file-key' && exampleFile)) continue;
      const info = ctx.names.get(fact.name);
      if (!info || info.secret.kind !== 'secret') continue;
      if (localService.has(fact)) continue;
      yield {
        messageId: 'literal',
        data: { name: fact.name, secretId: info.secret.id, where },
        file: file.file,
        range: fact.range,
        secretId: info.secret.id,
        envName: fact.name,
      };
    }
  },
});

type NameRef = Extract<Fact, { kind: 'name-ref' }>;

/**
 * Keys whose value is a credential of a service on this machine: the key's closest sibling URL
 * (same file, same kind of block, same indentation; the sibling sharing the longest run of
 * leading `_` words with the key's name) points at a local host. `QSTASH_URL: http://127.0.0.1:8080`
 * beside `QSTASH_TOKEN: <the dev server's published token>` in a CI job, or `STRIPE_API_BASE:
 * http://stripe-mock:12111` beside a stripe-mock key, authenticate only against a stand-in the job
 * or compose file runs itself. `UPSTASH_VECTOR_REST_TOKEN` stays reported next to a local
 * `UPSTASH_REDIS_REST_URL` when its own `UPSTASH_VECTOR_REST_URL` is remote (longest prefix wins).
 * Known gap: two env blocks at the same indentation in one file count as one block.
 */
function localServiceCredentials(facts: readonly Fact[]): Set<NameRef> {
  const refs = facts.filter((f): f is NameRef => f.kind === 'name-ref' && f.context in LITERAL_CONTEXTS);
  const urls = refs.filter((f) => f.valueProfile?.url !== undefined);
  const local = new Set<NameRef>();
  if (urls.length === 0) return local;
  for (const ref of refs) {
    if (ref.valueProfile?.url !== undefined) continue;
    let best = 0;
    let allLocal = false;
    for (const url of urls) {
      if (url.context !== ref.context || url.range.column !== ref.range.column) continue;
      const shared = sharedLeadingWords(ref.name, url.name);
      if (shared === 0 || shared < best) continue;
      const isLocal = url.valueProfile?.url?.localHost === true;
      allLocal = shared > best ? isLocal : allLocal && isLocal;
      best = shared;
    }
    if (best > 0 && allLocal) local.add(ref);
  }
  return local;
}

/** How many leading `_`-separated words two env names share (`QSTASH_TOKEN`, `QSTASH_URL`: 1). */
function sharedLeadingWords(a: string, b: string): number {
  const x = a.split('_');
  const y = b.split('_');
  let n = 0;
  while (n < x.length - 1 && n < y.length - 1 && x[n] === y[n] && x[n] !== '') n++;
  return n;
}
