// GitHub Actions workflows (`.github/workflows/*.yml`). Emits:
// - NameRefFact `workflow-secret` for every `${{ secrets.X }}` (exact range of `secrets.X`, also
//   inside block scalars; see scalar-snippet.ts for the quoted-with-escapes fallback);
// - NameRefFact `workflow-env-key` for keys of `env:` at workflow, job, container, service and
//   step level, with `hasLiteralValue`;
// - ConfigFacts `workflow-env-binding`, `workflow-with-binding`, `workflow-step-uses`,
//   `workflow-run`, plus the shell front end's facts for `run:` blocks mapped into this file.
import type { Pair, Scalar } from 'yaml';
import type { ConfigFact, Fact, FileError, FrontEnd, FrontEndOptions, NameRefFact, Range } from '../../core/facts.js';
import { findExpressions, findSecretAccesses, isPureExpression } from './gha-expressions.js';
import { valueProfileOf } from './placeholder-values.js';
import { scalarSnippet } from './scalar-snippet.js';
import { analyzeEmbeddedScript } from './shell-snippet-bridge.js';
import { yamlValueLiterals } from './yaml-value-literals.js';
import {
  asMap,
  asScalar,
  asSeq,
  mapEntries,
  mapGet,
  mapGetPair,
  nodeRange,
  offsetRange,
  parseYamlSource,
  scalarString,
  walkScalars,
  type YamlSource,
} from './yaml-source.js';

interface Access {
  name: string;
  range: Range;
}

interface EnvBinding {
  envName: string;
  secretNames: string[];
  /** The host of a literal URL value (`ANTHROPIC_BASE_URL: https://api.minimax.io/anthropic`). */
  host?: string;
}

const SHELLS_WE_PARSE = new Set(['bash', 'sh', 'sh -e {0}', 'bash {0}', 'bash -e {0}', 'bash --noprofile --norc -eo pipefail {0}']);

export const workflowFrontEnd: FrontEnd = {
  id: 'workflow',
  prefilter: () => true,
  analyze: analyzeWorkflow,
};

export async function analyzeWorkflow(file: string, text: string, options: FrontEndOptions): Promise<{ facts: Fact[]; errors: FileError[] }> {
  const src = parseYamlSource(file, text);
  const facts: Fact[] = [...src.comments];
  const errors: FileError[] = [...src.errors];
  for (const doc of src.documents) {
    try {
      const accesses = collectSecretAccesses(src, doc.contents);
      for (const list of accesses.values()) {
        for (const a of list) facts.push({ kind: 'name-ref', name: a.name, context: 'workflow-secret', range: a.range });
      }
      facts.push(...envExpressionFacts(src, doc.contents));
      // `run:` scripts the shell front end parsed have their literals placed by it, word by word.
      const shellPlaced = new Set<Scalar>();
      await analyzeWorkflowDocument(file, src, doc.contents, accesses, options, facts, errors, shellPlaced);
      facts.push(...yamlValueLiterals(src, doc.contents, shellPlaced));
    } catch {
      errors.push({ file, message: 'workflow structure could not be analysed completely' });
    }
  }
  return { facts, errors };
}

/** Secret accesses per scalar node, positioned in the file. */
function collectSecretAccesses(src: YamlSource, root: unknown): Map<Scalar, Access[]> {
  const byScalar = new Map<Scalar, Access[]>();
  for (const scalar of walkScalars(root)) {
    if (typeof scalar.value !== 'string' || !scalar.value.includes('secrets') || !scalar.range) continue;
    const snippet = scalarSnippet(src.text, scalar);
    const found: Access[] = [];
    for (const span of findExpressions(snippet.text)) {
      for (const access of findSecretAccesses(snippet.text, span.start + 3, span.end)) {
        const start = snippet.toFileOffset(access.start);
        const end = snippet.exact ? snippet.toFileOffset(access.end) : start;
        found.push({ name: access.name, range: offsetRange(src.lineCounter, start, end) });
      }
    }
    if (found.length > 0) byScalar.set(scalar, found);
  }
  return byScalar;
}

function isLiteral(value: unknown): boolean {
  const scalar = asScalar(value);
  if (!scalar) return false;
  const text = scalarString(scalar);
  return text !== null && text.trim() !== '' && !text.includes('${{');
}

function hasIdTokenWrite(permissions: unknown): boolean {
  const text = scalarString(permissions);
  if (text !== null) return text === 'write-all';
  return scalarString(mapGet(permissions, 'id-token')) === 'write';
}

async function analyzeWorkflowDocument(
  file: string,
  src: YamlSource,
  root: unknown,
  accesses: Map<Scalar, Access[]>,
  options: FrontEndOptions,
  facts: Fact[],
  errors: FileError[],
  shellPlaced: Set<Scalar>,
): Promise<void> {
  const config = (type: string, range: Range | null, data: Record<string, unknown>): void => {
    if (range) facts.push({ kind: 'config', type, range, data } satisfies ConfigFact);
  };

  // `outer`: the env blocks of enclosing levels, which the step's process also sees.
  const envBlock = (node: unknown, level: string, outer: EnvBinding[] = []): EnvBinding[] => {
    const bindings: EnvBinding[] = [];
    const pending: Array<{ name: string; found: Access[]; exact: boolean; keyRange: Range }> = [];
    for (const [name, pair] of mapEntries(node)) {
      if (name === '<<') continue;
      const keyRange = nodeRange(src, pair.key);
      if (!keyRange) continue;
      const ref: NameRefFact = { kind: 'name-ref', name, context: 'workflow-env-key', range: keyRange, hasLiteralValue: isLiteral(pair.value), ...valueProfileOf(scalarString(pair.value), name) };
      facts.push(ref);
      const found = accesses.get(pair.value as Scalar) ?? [];
      const host = literalUrlHost(pair.value);
      bindings.push({ envName: name, secretNames: found.map((a) => a.name), ...(host ? { host } : {}) });
      if (found.length > 0) pending.push({ name, found, exact: isPureExpression(scalarString(pair.value) ?? ''), keyRange });
    }
    // Each binding names the env its step sees beside it (a `*_BASE_URL` that redirects the slot; workflow-secret-mismatch).
    const scope = envScope([...outer, ...bindings]);
    for (const { name, found, exact, keyRange } of pending) {
      for (const access of found) config('workflow-env-binding', access.range, { envName: name, secretName: access.name, level, exact, keyRange, ...scope });
    }
    return bindings;
  };

  const workflowEnv = envBlock(mapGet(root, 'env'), 'workflow');
  const workflowPermissions = mapGet(root, 'permissions');
  const defaultShell = scalarString(mapGet(mapGet(mapGet(root, 'defaults'), 'run'), 'shell'));

  for (const [jobId, jobPair] of mapEntries(mapGet(root, 'jobs'))) {
    const job = jobPair.value;
    if (!asMap(job)) continue;
    const jobEnv = envBlock(mapGet(job, 'env'), 'job', workflowEnv);
    envBlock(mapGet(mapGet(job, 'container'), 'env'), 'container');
    for (const [, servicePair] of mapEntries(mapGet(job, 'services'))) envBlock(mapGet(servicePair.value, 'env'), 'service');
    const permissions = mapGetPair(job, 'permissions') ? mapGet(job, 'permissions') : workflowPermissions;
    const idToken = hasIdTokenWrite(permissions);
    const jobShell = scalarString(mapGet(mapGet(mapGet(job, 'defaults'), 'run'), 'shell')) ?? defaultShell;

    // A reusable-workflow call passes secrets like action inputs.
    const reusable = scalarString(mapGet(job, 'uses'));
    if (reusable) {
      for (const [input, pair] of mapEntries(mapGet(job, 'secrets'))) {
        for (const access of accesses.get(pair.value as Scalar) ?? []) {
          config('workflow-with-binding', access.range, { action: reusable.split('@')[0], input, secretName: access.name, job: jobId, reusable: true });
        }
      }
    }

    const steps = asSeq(mapGet(job, 'steps'));
    for (const [index, step] of (steps?.items ?? []).entries()) {
      if (!asMap(step)) continue;
      const stepEnv = envBlock(mapGet(step, 'env'), 'step', [...workflowEnv, ...jobEnv]);
      const usesNode = mapGet(step, 'uses');
      const uses = scalarString(usesNode);
      if (uses) stepUses(uses, usesNode, step, jobId, index, idToken, envScope([...workflowEnv, ...jobEnv, ...stepEnv]));
      const runNode = asScalar(mapGet(step, 'run'));
      if (runNode && typeof runNode.value === 'string') {
        const scope = [...workflowEnv, ...jobEnv, ...stepEnv];
        const shellName = scalarString(mapGet(step, 'shell')) ?? jobShell;
        await runBlock(runNode, scope, shellName, jobId, index);
      }
    }
  }

  function stepUses(uses: string, usesNode: unknown, step: unknown, job: string, index: number, idToken: boolean, scope: EnvScope): void {
    const at = uses.indexOf('@');
    const action = at < 0 ? uses : uses.slice(0, at);
    const with_: Record<string, string> = {};
    const withKeyRanges: Record<string, Range> = {};
    // A literal input naming one of GitHub's own registries (`registry: ghcr.io`): the step signs in to GitHub.
    const githubRegistry = mapEntries(mapGet(step, 'with')).some(([, pair]) => isGitHubRegistry(scalarString(pair.value) ?? ''));
    for (const [input, pair] of mapEntries(mapGet(step, 'with'))) {
      const found = accesses.get(pair.value as Scalar) ?? [];
      const text = scalarString(pair.value) ?? '';
      with_[input] = found.length > 0 ? `secret:${found[0].name}` : text.includes('${{') ? 'expression' : 'literal';
      const keyRange = nodeRange(src, pair.key as Pair['key']);
      if (keyRange) withKeyRanges[input] = keyRange;
      for (const access of found) config('workflow-with-binding', access.range, { action, input, secretName: access.name, job, step: index, ...scope, ...(githubRegistry ? { githubRegistry: true } : {}) });
    }
    config('workflow-step-uses', nodeRange(src, usesNode), {
      action,
      ref: at < 0 ? null : uses.slice(at + 1),
      with: with_,
      withKeyRanges,
      hasIdTokenWrite: idToken,
      job,
      step: index,
    });
  }

  async function runBlock(runNode: Scalar, scope: EnvBinding[], shellName: string | null, job: string, index: number): Promise<void> {
    const snippet = scalarSnippet(src.text, runNode);
    const directSecrets = (accesses.get(runNode) ?? []).map((a) => a.name);
    const env = [...new Set(scope.map((b) => b.envName))].sort();
    const secretEnv = scope.filter((b) => b.secretNames.length > 0).map((b) => ({ envName: b.envName, secretName: b.secretNames[0] }));
    config('workflow-run', nodeRange(src, runNode), { job, step: index, env, secretEnv, secretRefs: [...new Set(directSecrets)].sort(), shell: shellName ?? 'bash' });
    if (!snippet.exact) return;
    if (shellName && !SHELLS_WE_PARSE.has(shellName.trim())) return;
    const script = { text: snippet.text, toFileOffset: snippet.toFileOffset };
    const embedded = await analyzeEmbeddedScript(file, script, src, options);
    facts.push(...embedded.facts);
    errors.push(...embedded.errors);
    if (embedded.errors.length === 0) shellPlaced.add(runNode);
  }
}

interface EnvScope {
  /** Env names the step sees (workflow, job and step `env:`), sorted. */
  scopeEnv: string[];
  /** Of those, the host of each literal URL value. */
  scopeHosts: Record<string, string>;
}

function envScope(bindings: EnvBinding[]): EnvScope {
  const scopeHosts: Record<string, string> = {};
  for (const binding of bindings) if (binding.host) scopeHosts[binding.envName] = binding.host;
  return { scopeEnv: [...new Set(bindings.map((b) => b.envName))].sort(), scopeHosts };
}

/** The host of a literal `http(s)://` value (never the value itself: a URL may carry credentials). */
function literalUrlHost(value: unknown): string | undefined {
  const text = scalarString(value)?.trim();
  if (!text || !/^https?:\/\//i.test(text) || text.includes('${{')) return undefined;
  try {
    return new URL(text).hostname.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * `${{ env.X }}` references, as ConfigFacts `workflow-env-expression` {name} ranged on the name
 * (`env['X']` and inexact scalars are left out): renaming an `env:` key must rename these too.
 */
function envExpressionFacts(src: YamlSource, root: unknown): Fact[] {
  const facts: Fact[] = [];
  for (const scalar of walkScalars(root)) {
    if (typeof scalar.value !== 'string' || !scalar.value.includes('env') || !scalar.range) continue;
    const snippet = scalarSnippet(src.text, scalar);
    if (!snippet.exact) continue;
    for (const span of findExpressions(snippet.text)) {
      for (const access of findSecretAccesses(snippet.text, span.start + 3, span.end, 'env')) {
        if (!snippet.text.slice(access.start, access.end).endsWith(access.name)) continue;
        const end = snippet.toFileOffset(access.end);
        facts.push({ kind: 'config', type: 'workflow-env-expression', range: offsetRange(src.lineCounter, end - access.name.length, end), data: { name: access.name } });
      }
    }
  }
  return facts;
}

/** `ghcr.io`, `ghcr.io/org/chart`, `docker.pkg.github.com`, `npm.pkg.github.com`, with or without a scheme. */
function isGitHubRegistry(value: string): boolean {
  const host = value.trim().replace(/^[a-z]+:\/\//i, '').split('/')[0]!.toLowerCase();
  return host === 'ghcr.io' || host.endsWith('.pkg.github.com');
}
