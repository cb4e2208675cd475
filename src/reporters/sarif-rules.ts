// SARIF `tool.driver.rules`: one reportingDescriptor per rule, built from the rule's meta (the
// single source), with everything GitHub code scanning needs to show a rule well.
import type * as Sarif from 'sarif';
import type { RuleMeta } from '../core/rule.js';
import { markdownFence } from './markdown-text.js';
import { ruleDocsUrl } from './types.js';

export type SarifLevel = 'error' | 'warning';

/** GitHub keeps at most 20 tags per rule (10 shown). */
const MAX_TAGS = 10;

export function pascalCaseRuleName(ruleId: string): string {
  return ruleId
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

export function cweTag(cwe: string): string | undefined {
  const number = /(\d+)/.exec(cwe)?.[1];
  return number ? `external/cwe/cwe-${Number(number)}` : undefined;
}

/** A meta for rule ids the catalog does not describe (engine-level findings), so SARIF stays complete. */
export function fallbackMeta(ruleId: string): RuleMeta {
  return {
    id: ruleId,
    area: 'meta',
    defaultSeverity: 'warn',
    description: `Report ${ruleId} findings.`,
    rationale: `${ruleId} is reported by the clavis-lint engine itself.`,
    fix: 'See the rule documentation.',
    messages: {},
    cwe: [],
    securitySeverity: '0.0',
    precision: 'high',
    bad: [],
    good: [],
    appliesTo: [],
  };
}

function helpText(meta: RuleMeta): string {
  const parts = [meta.fix];
  for (const example of meta.bad) parts.push(`Incorrect:\n${example.code.replace(/\n$/, '')}`);
  for (const example of meta.good) parts.push(`Correct:\n${example.code.replace(/\n$/, '')}`);
  parts.push(`Documentation: ${ruleDocsUrl(meta.id)}`);
  return parts.join('\n\n');
}

function helpMarkdown(meta: RuleMeta): string {
  const parts = [`**${meta.description}**`, meta.rationale, `## How to fix\n\n${meta.fix}`];
  if (meta.bad.length > 0) parts.push(`## Incorrect\n\n${meta.bad.map((e) => markdownFence(e.code, e.lang)).join('\n\n')}`);
  if (meta.good.length > 0) parts.push(`## Correct\n\n${meta.good.map((e) => markdownFence(e.code, e.lang)).join('\n\n')}`);
  parts.push(`[Rule documentation](${ruleDocsUrl(meta.id)})`);
  return parts.join('\n\n');
}

export function ruleDescriptor(meta: RuleMeta, level: SarifLevel): Sarif.ReportingDescriptor {
  const tags = ['security', meta.area, ...meta.cwe.map(cweTag).filter((t): t is string => t !== undefined)];
  return {
    id: meta.id,
    name: pascalCaseRuleName(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.rationale || meta.description },
    help: { text: helpText(meta), markdown: helpMarkdown(meta) },
    helpUri: ruleDocsUrl(meta.id),
    defaultConfiguration: { level },
    properties: {
      tags: [...new Set(tags)].slice(0, MAX_TAGS),
      precision: meta.precision,
      'security-severity': meta.securitySeverity,
      'problem.severity': level,
    },
  };
}
