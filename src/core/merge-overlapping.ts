// One source span reported by several rules is one finding (DESIGN §10, `also`). A deprecated
// alias in a workflow is both a lifecycle problem (no-deprecated-alias) and a workflow-secret
// problem (workflow-secret-mismatch); a user should read it once, from the rule that says the
// most, with the other rules' concerns named in the same message.
//
// Runs after post-processing (suppressions, severities, fingerprints), so a directive for any of
// the rules still applies to that rule's finding and unused-directive detection is unchanged.
// Only exact spans merge (same file, line, column, endLine, endColumn), and only across rules: a
// rule reporting one span twice keeps both. Merging is presentation, never policy: the merged
// finding keeps the most severe severity of its parts, so the exit code does not change.
import type { FindingSeverity } from './rule.js';
import type { Finding } from './finding.js';

/**
 * Most specific first: a rule about one concrete exposure outranks a rule about the name, which
 * outranks a rule about where the name was read, which outranks inventory-style rules. Rules not
 * listed rank after all listed ones, by id.
 */
export const RULE_SPECIFICITY: readonly string[] = [
  // A secret value reaching a sink, along a flow.
  'no-secret-in-log', 'no-secret-in-error', 'no-secret-in-prompt', 'no-secret-in-tool-output', 'no-secret-in-telemetry',
  'no-secret-in-url', 'no-secret-serialization', 'no-leaky-secret-type',
  // A secret stored or printed by a config file or script.
  'no-secret-literal-in-config', 'no-secret-build-arg', 'no-secret-echo', 'prefer-workload-identity', 'no-compile-time-secret',
  // The name itself: lifecycle, then the workflow binding.
  'no-deprecated-alias', 'workflow-secret-mismatch',
  // Where and how the environment was read.
  'no-direct-env-read', 'no-direct-secret-store-access', 'no-unregistered-secret-env', 'no-dynamic-env-read',
  // Documentation and the registry.
  'docs-drift', 'env-example-drift', 'registry-collision', 'registry-duplicate', 'registry-lifecycle', 'registry-unreferenced',
];

const RANK = new Map(RULE_SPECIFICITY.map((id, i) => [id, i]));
const SEVERITY_RANK: Record<FindingSeverity, number> = { warning: 1, error: 2 };

function bySpecificity(a: Finding, b: Finding): number {
  const ra = RANK.get(a.ruleId) ?? RULE_SPECIFICITY.length;
  const rb = RANK.get(b.ruleId) ?? RULE_SPECIFICITY.length;
  if (ra !== rb) return ra - rb;
  return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
}

function spanKey(f: Finding): string {
  return `${f.file}\u0000${f.line}:${f.column}:${f.endLine}:${f.endColumn}`;
}

/** Merges findings of different rules on the same span; order of the survivors is kept. */
export function mergeOverlapping(findings: Finding[]): Finding[] {
  const bySpan = new Map<string, Finding[]>();
  for (const f of findings) {
    const group = bySpan.get(spanKey(f));
    if (group) group.push(f);
    else bySpan.set(spanKey(f), [f]);
  }
  const replaced = new Map<Finding, Finding | null>();
  for (const group of bySpan.values()) {
    if (new Set(group.map((f) => f.ruleId)).size < 2) continue;
    const ordered = [...group].sort(bySpecificity);
    const lead = ordered[0];
    const others = ordered.filter((f) => f.ruleId !== lead.ruleId);
    replaced.set(lead, mergeInto(lead, others));
    for (const f of others) replaced.set(f, null);
  }
  if (replaced.size === 0) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    const r = replaced.has(f) ? replaced.get(f) : f;
    if (r) out.push(r);
  }
  return out;
}

function mergeInto(lead: Finding, others: Finding[]): Finding {
  const also: string[] = [];
  let message = lead.message;
  let severity = lead.severity;
  for (const other of others) {
    if (also.includes(other.ruleId)) continue;
    also.push(other.ruleId);
    message += ` Also ${other.ruleId}: ${other.message}`;
    if (SEVERITY_RANK[other.severity] > SEVERITY_RANK[severity]) severity = other.severity;
  }
  const secretId = lead.secretId ?? others.find((o) => o.secretId)?.secretId ?? null;
  const envName = lead.envName ?? others.find((o) => o.envName)?.envName ?? null;
  // The span's fix (a rename of the name) holds whichever rule proposed it.
  const fix = lead.fix ?? others.find((o) => o.fix)?.fix;
  return { ...lead, severity, message, secretId, envName, also, ...(fix ? { fix } : {}) };
}
