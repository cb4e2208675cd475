// A clavis report's fix and suggestions in ESLint's shape (`fix`, `suggest`). The same checks as
// `--fix` (src/fix/text-edits.ts): an edit is offered only if the text still holds what the rule
// saw and the edit covers a whole token; otherwise the report goes out without it.
import type { Fix, Report } from '../core/rule.js';
import { lineEndingOf, lineStarts, placeEdit, type PlacedEdit } from '../fix/text-edits.js';

/** The part of ESLint's RuleFixer used here. */
export interface EslintFixer {
  replaceTextRange(range: [number, number], text: string): unknown;
}
export type EslintFixFunction = (fixer: EslintFixer) => unknown[];

export interface EslintFixParts {
  fix?: EslintFixFunction;
  suggest?: Array<{ messageId: string; data?: Record<string, string>; fix: EslintFixFunction }>;
}

function placeAll(fix: Fix, file: string, text: string): PlacedEdit[] | undefined {
  const starts = lineStarts(text);
  const eol = lineEndingOf(text);
  const placed: PlacedEdit[] = [];
  for (const edit of fix.edits) {
    if (edit.file !== file) return undefined;
    const result = placeEdit(text, starts, edit, eol);
    if (typeof result === 'string') return undefined;
    placed.push(result);
  }
  return placed;
}

function fixFunction(placed: PlacedEdit[]): EslintFixFunction {
  return (fixer) => placed.map((p) => fixer.replaceTextRange([p.start, p.end], p.text));
}

/** `fix` and `suggest` for `context.report`, from a report on `file` whose text (BOM removed, as ESLint gives it) is `text`. */
export function eslintFixParts(report: Report, file: string, text: string): EslintFixParts {
  const out: EslintFixParts = {};
  const placed = report.fix ? placeAll(report.fix, file, text) : undefined;
  if (placed) out.fix = fixFunction(placed);
  const suggest: NonNullable<EslintFixParts['suggest']> = [];
  for (const suggestion of report.suggestions ?? []) {
    const edits = placeAll(suggestion.fix, file, text);
    if (!edits) continue;
    const data = Object.fromEntries(Object.entries(suggestion.data ?? {}).map(([k, v]) => [k, String(v)]));
    suggest.push({ messageId: suggestion.messageId, data, fix: fixFunction(edits) });
  }
  if (suggest.length > 0) out.suggest = suggest;
  return out;
}
