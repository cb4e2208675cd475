// `clavis-lint rules [--json]` and `clavis-lint explain RULE`: both read rule metadata only.
import type { RuleMeta } from '../../core/rule.js';
import { ALL_RULES, getRule } from '../../rules/index.js';
import { EXIT_OK, UsageError, type CliIo, type ParsedOptions } from '../main.js';

export function ruleCatalogJson(): Array<Record<string, unknown>> {
  return ALL_RULES.map(({ meta }) => ({
    id: meta.id,
    area: meta.area,
    defaultSeverity: meta.defaultSeverity,
    description: meta.description,
    cwe: meta.cwe,
    securitySeverity: meta.securitySeverity,
    precision: meta.precision,
    appliesTo: meta.appliesTo,
    fixable: meta.fixable === 'code',
    hasSuggestions: meta.hasSuggestions === true,
    docs: `docs/rules/${meta.id}.md`,
  }));
}

export function runRulesCommand(values: ParsedOptions, io: CliIo): number {
  if (values.json) {
    io.stdout.write(`${JSON.stringify(ruleCatalogJson(), null, 2)}\n`);
    return EXIT_OK;
  }
  const width = Math.max(...ALL_RULES.map((r) => r.meta.id.length));
  const lines = ALL_RULES.map(({ meta }) => `${meta.id.padEnd(width)}  ${meta.area.padEnd(9)}  ${meta.defaultSeverity.padEnd(5)}  ${meta.description}`);
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

export function explainText(meta: RuleMeta): string {
  const examples = (title: string, list: RuleMeta['bad']): string =>
    list.length === 0 ? '' : `\n${title}\n${list.map((e) => e.code.split('\n').map((l) => `    ${l}`).join('\n')).join('\n\n')}\n`;
  return [
    `${meta.id} (${meta.area}, default: ${meta.defaultSeverity})`,
    '',
    meta.description,
    '',
    `Why: ${meta.rationale}`,
    '',
    `Fix: ${meta.fix}`,
    ...autofixLines(meta),
    examples('Bad:', meta.bad) + examples('Good:', meta.good),
    `CWE: ${meta.cwe.length ? meta.cwe.join(', ') : 'none'} · security-severity ${meta.securitySeverity} · precision ${meta.precision}`,
    `Applies to: ${meta.appliesTo.join(', ')}`,
    `Docs: docs/rules/${meta.id}.md`,
    '',
  ].join('\n');
}

/** Whether `--fix` (and the ESLint plugin) can fix this rule's findings, and whether the plugin suggests edits. */
export function autofixText(meta: RuleMeta): string | undefined {
  const fix = meta.fixable === 'code' ? 'findings marked [*] in the text report are fixed by `clavis-lint --fix` (preview: `--fix-dry-run`)' : undefined;
  const suggest = meta.hasSuggestions ? 'the ESLint plugin offers suggestions where a fix is not certain' : undefined;
  const parts = [fix, suggest].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? `${parts.join('; ')}.` : undefined;
}

function autofixLines(meta: RuleMeta): string[] {
  const text = autofixText(meta);
  return ['', `Autofix: ${text ? text.charAt(0).toUpperCase() + text.slice(1) : 'none; every finding needs a decision.'}`];
}

export function runExplainCommand(args: string[], io: CliIo): number {
  if (args.length !== 1) throw new UsageError('explain needs exactly one rule id, e.g. clavis-lint explain no-direct-env-read');
  const rule = getRule(args[0]);
  if (!rule) throw new UsageError(`unknown rule '${args[0]}': run 'clavis-lint rules' for the list`);
  io.stdout.write(explainText(rule.meta));
  return EXIT_OK;
}
