// The seven leak rules share one shape: report each LeakFact carrying the rule's id, with its flow.
// Each rule module (src/rules/no-secret-*.ts) supplies its own meta; this builds the check.
import type { LeakFact } from '../core/facts.js';
import { defineRule, type Report, type Rule, type RuleMeta } from '../core/rule.js';

export const LEAK_MESSAGE = 'Secret {{secret}} reaches {{sink}} (source: {{source}}).';

export function defineLeakRule(meta: RuleMeta): Rule {
  return defineRule({
    meta,
    *checkFile(file) {
      for (const fact of file.facts) {
        if (fact.kind !== 'leak' || fact.ruleId !== meta.id) continue;
        yield leakReport(file.file, fact);
      }
    },
  });
}

function leakReport(file: string, fact: LeakFact): Report {
  return {
    messageId: 'leak',
    data: { secret: fact.secretId ?? fact.envName ?? 'value', sink: fact.sink, source: fact.source },
    file,
    range: fact.range,
    secretId: fact.secretId,
    envName: fact.envName,
    flow: fact.flow,
    fingerprintHint: fact.sink,
  };
}
