// Rule documentation generated from rule metadata (the single source). `npm run docs:generate`
// writes docs/rules/*.md; a test regenerates them and fails on any difference.
import type { RuleExample, RuleMeta } from '../core/rule.js';

const HEADER = '<!-- Generated from the rule metadata by `npm run docs:generate`. DO NOT EDIT. -->';

function fence(lang: string, code: string): string {
  return ['```' + lang, code.replace(/\n+$/, ''), '```'].join('\n');
}

/** For fixable rules: what `--fix` and the ESLint plugin do (nothing for the others, whose docs stay as they were). */
function autofixParagraph(meta: RuleMeta): string[] {
  const lines: string[] = [];
  // The ESLint plugin carries the per-file rules of these areas that read TS/JS (src/eslint/plugin.ts, eslintRules).
  const inPlugin = ['bypass', 'leak', 'lifecycle'].includes(meta.area) && meta.appliesTo.some((l) => l === 'typescript' || l === 'javascript');
  if (meta.fixable === 'code') {
    const eslint = inPlugin ? ', and so does `eslint --fix` with the plugin in TS/JS files' : '';
    lines.push(`**Fixable**: \`clavis-lint --fix\` applies the certain fixes (findings marked \`[*]\` in the text report; \`--fix-dry-run\` shows them as a diff)${eslint}.`);
  }
  if (meta.hasSuggestions) lines.push('**Suggestions**: where a change is not certain, the ESLint plugin offers it as a suggestion in the editor; `--fix` never applies it.');
  return lines.length > 0 ? [lines.join('\n\n'), ''] : [];
}

export function ruleDocMarkdown(meta: RuleMeta): string {
  const lines = [
    HEADER,
    '',
    `# ${meta.id}`,
    '',
    `> ${meta.description}`,
    '',
    '| Area | Default | Precision | Security severity | CWE |',
    '|---|---|---|---|---|',
    `| ${meta.area} | ${meta.defaultSeverity} | ${meta.precision} | ${meta.securitySeverity} | ${meta.cwe.join(', ') || '-'} |`,
    '',
    `Applies to: ${meta.appliesTo.join(', ')}.`,
    '',
    '## Why',
    '',
    meta.rationale,
    '',
    '## How to fix',
    '',
    meta.fix,
    '',
    ...autofixParagraph(meta),
    '## Messages',
    '',
    ...Object.entries(meta.messages).map(([id, text]) => `- \`${id}\`: ${text}`),
    '',
    ...(meta.suggestionMessages ? ['Suggestions (ESLint):', '', ...Object.entries(meta.suggestionMessages).map(([id, text]) => `- \`${id}\`: ${text}`), ''] : []),
  ];
  const example = (e: RuleExample): string[] => [...(e.file ? [`\`${e.file}\`:`, ''] : []), fence(e.lang, e.code), ''];
  if (meta.bad.length > 0) lines.push('## Incorrect', '', ...meta.bad.flatMap(example));
  if (meta.good.length > 0) lines.push('## Correct', '', ...meta.good.flatMap(example));
  if (meta.optionsSchema) lines.push('## Options', '', fence('json', JSON.stringify(meta.optionsSchema, null, 2)), '');
  lines.push(
    '## Suppressing',
    '',
    fence('ts', `// clavis-lint-disable-next-line ${meta.id} -- <why this is safe>`),
    '',
    `Or set \`rules: { ${meta.id}: off }\` in \`.clavis-lint.yaml\`.`,
    '',
  );
  return lines.join('\n');
}

export function ruleIndexMarkdown(metas: RuleMeta[]): string {
  // Fix: `--fix` applies certain fixes; suggest: the ESLint plugin offers edits to review.
  const fixColumn = (m: RuleMeta): string => [m.fixable === 'code' ? 'fix' : '', m.hasSuggestions ? 'suggest' : ''].filter(Boolean).join(', ');
  const rows = metas.map((m) => `| [${m.id}](./${m.id}.md) | ${m.area} | ${m.defaultSeverity} | ${fixColumn(m)} | ${m.description.replace(/\|/g, '\\|')} |`);
  const legend = 'Fix: `fix` = `clavis-lint --fix` (and `eslint --fix` for TS/JS rules) applies certain fixes; `suggest` = the ESLint plugin offers edits to review.';
  return [HEADER, '', '# Rules', '', legend, '', '| Rule | Area | Default | Fix | Description |', '|---|---|---|---|---|', ...rows, ''].join('\n');
}

/** Every generated doc file: path relative to the repo root -> content. */
export function generatedRuleDocs(metas: RuleMeta[]): Map<string, string> {
  const out = new Map<string, string>();
  out.set('docs/rules/README.md', ruleIndexMarkdown(metas));
  for (const meta of metas) out.set(`docs/rules/${meta.id}.md`, ruleDocMarkdown(meta));
  return out;
}
