// Inline suppression directives, in any language's comment syntax:
//   clavis-lint-disable-next-line RULE[, RULE] -- reason
//   clavis-lint-disable-line RULE[, RULE] -- reason
// The reason is required: a suppression without one is reported and suppresses nothing, because
// an unexplained exception is exactly what a security review cannot audit.
import type { CommentFact, Range } from './facts.js';

export interface Directive {
  kind: 'disable-line' | 'disable-next-line';
  /** Empty means every rule. */
  rules: string[];
  reason: string | null;
  /** The line the directive applies to. */
  targetLine: number;
  range: Range;
  used: boolean;
}

const MARKER = /clavis-lint-(disable-next-line|disable-line)\b([^\n]*)/;

/** Parses directives out of comment facts. Comment delimiters are stripped by the regex anchor, not by language knowledge. */
export function parseDirectives(comments: CommentFact[]): Directive[] {
  const directives: Directive[] = [];
  for (const comment of comments) {
    const match = MARKER.exec(comment.text);
    if (!match) continue;
    const kind = match[1] === 'disable-line' ? 'disable-line' : 'disable-next-line';
    // Strip block-comment closers (`*/`, `-->`) that may follow on the same line.
    const body = match[2].replace(/\*\/\s*$|-->\s*$/, '').trim();
    const sep = body.indexOf('--');
    const rulePart = sep === -1 ? body : body.slice(0, sep);
    const reasonPart = sep === -1 ? '' : body.slice(sep + 2).trim();
    const rules = rulePart
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter(Boolean);
    directives.push({
      kind,
      rules,
      reason: reasonPart.length > 0 ? reasonPart : null,
      targetLine: kind === 'disable-line' ? comment.range.line : comment.range.endLine + 1,
      range: comment.range,
      used: false,
    });
  }
  return directives;
}

/** Finds the directive that suppresses `ruleId` at `line`, marking it used. Directives without a reason never suppress. */
export function matchDirective(directives: Directive[], ruleId: string, line: number): Directive | undefined {
  for (const directive of directives) {
    if (directive.reason === null || directive.targetLine !== line) continue;
    if (directive.rules.length === 0 || directive.rules.includes(ruleId)) {
      directive.used = true;
      return directive;
    }
  }
  return undefined;
}
