// Turns raw rule reports into findings: message text, severity (rule level, a rule's own choice,
// test code), inline suppressions (and the findings about suppressions themselves),
// fingerprints and a deterministic order.
import fs from 'node:fs';
import path from 'node:path';
import type { CommentFact, FileFacts } from './facts.js';
import type { Finding } from './finding.js';
import type { ResolvedConfig } from './config-types.js';
import { formatMessage, type FindingSeverity, type SeverityLevel } from './rule.js';
import type { RawFinding } from './run-rules.js';
import { levelAt, pathLevelAt, type EffectiveRule } from './rule-levels.js';
import { matchDirective, parseDirectives, type Directive } from './suppressions.js';
import { fingerprintAll } from './fingerprint.js';
import { redactSourceLine, redactValues } from './redact.js';
import { compileSecretPatterns } from './rule-context.js';
import { markMaskedByPosition, maskFileLines, maskKnownValues, nameRangesOf, valueSpansOf } from './value-masking.js';
import { SUPPRESSION_WITHOUT_REASON, UNUSED_SUPPRESSION } from '../rules/suppression-rule-ids.js';
import { POLICY_WEAKENED } from '../rules/policy-weakened.js';
import { compareCodeUnits } from './compare.js';

export interface PostProcessInput {
  root: string;
  raw: RawFinding[];
  fileFacts: FileFacts[];
  rules: EffectiveRule[];
  config: ResolvedConfig;
  isTestPath(file: string): boolean;
  /** Every name the registry knows: a literal bound to one is masked in shown source lines. */
  registryNames?: Iterable<string>;
  /** The registry's secret ids: names, never masked in messages and flow notes. */
  registryIds?: Iterable<string>;
}

export interface PostProcessOutput {
  findings: Finding[];
  suppressed: Finding[];
  /** Masked source lines of a file with findings, for reporters that show them (computed when first asked: JSON and SARIF never do). */
  lines: { get(file: string): string[] | undefined };
}

const RANK: Record<FindingSeverity, number> = { warning: 1, error: 2 };

function levelToSeverity(level: SeverityLevel): FindingSeverity {
  return level === 'error' ? 'error' : 'warning';
}

function minSeverity(a: FindingSeverity, b: FindingSeverity): FindingSeverity {
  return RANK[a] <= RANK[b] ? a : b;
}

export function applyPostProcessing(input: PostProcessInput): PostProcessOutput {
  const { raw, fileFacts, rules, config } = input;
  const factsByFile = new Map(fileFacts.map((f) => [f.file, f]));
  const directivesByFile = new Map<string, Directive[]>();
  for (const file of fileFacts) {
    const comments = file.facts.filter((f): f is CommentFact => f.kind === 'comment');
    if (comments.length > 0) directivesByFile.set(file.file, parseDirectives(comments));
  }
  const ruleById = new Map(rules.map((r) => [r.rule.meta.id, r]));
  const knownNames: ReadonlySet<string> = new Set([...(input.registryIds ?? []), ...(input.registryNames ?? [])]);

  interface Pending {
    finding: Omit<Finding, 'fingerprint'>;
    hint?: string;
    suppressedBy?: Directive;
  }
  const pending: Pending[] = [];
  for (const { rule, report } of raw) {
    // `overrides:` may set another level for this file (off drops the finding, as a rule turned off would).
    const pathLevel = pathLevelAt(rule, report.file);
    if (pathLevel === 'off') continue;
    const configured = levelToSeverity(pathLevel ?? rule.level);
    const explicit = rule.explicit || pathLevel !== undefined;
    let severity: FindingSeverity = report.severity ? (explicit ? minSeverity(report.severity, configured) : report.severity) : configured;
    if (isInTest(report.file, report.range.line, factsByFile, input.isTestPath)) {
      if (!config.testCode.report) continue;
      severity = minSeverity(severity, levelToSeverity(config.testCode.severity));
    }
    const template = rule.rule.meta.messages[report.messageId] ?? report.messageId;
    const finding: Omit<Finding, 'fingerprint'> = {
      ruleId: rule.rule.meta.id,
      severity,
      file: report.file,
      line: report.range.line,
      column: report.range.column,
      endLine: report.range.endLine,
      endColumn: report.range.endColumn,
      message: redactValues(formatMessage(template, report.data), knownNames),
      secretId: report.secretId ?? null,
      envName: report.envName ?? null,
      ...(report.flow && report.flow.length > 0 ? { flow: report.flow.map((step) => ({ ...step, note: redactValues(step.note, knownNames) })) } : {}),
      ...(report.fix && report.fix.edits.length > 0 ? { fix: report.fix } : {}),
    };
    const directives = directivesByFile.get(report.file);
    // A new suppression must not hide the policy-weakened finding about itself.
    const suppressedBy = directives && finding.ruleId !== POLICY_WEAKENED ? matchDirective(directives, finding.ruleId, finding.line) : undefined;
    pending.push({ finding, hint: report.fingerprintHint, suppressedBy });
  }

  // Findings about the directives themselves: missing reasons, and directives that suppressed nothing.
  for (const [file, directives] of directivesByFile) {
    for (const directive of directives) {
      const reasonRule = ruleById.get(SUPPRESSION_WITHOUT_REASON);
      if (directive.reason === null && reasonRule && levelAt(reasonRule, file) !== 'off') {
        pending.push({ finding: directiveFinding(reasonRule, file, directive, 'missingReason', {}) });
        continue;
      }
      const unusedRule = ruleById.get(UNUSED_SUPPRESSION);
      if (directive.reason !== null && !directive.used && unusedRule && levelAt(unusedRule, file) !== 'off') {
        const rulesText = directive.rules.length > 0 ? directive.rules.join(', ') : 'all rules';
        pending.push({ finding: directiveFinding(unusedRule, file, directive, 'unused', { rules: rulesText }) });
      }
    }
  }

  const lines = readLines(input.root, new Set(pending.map((p) => p.finding.file)));
  pending.sort((a, b) => compareFindings(a.finding, b.finding));
  const fingerprints = fingerprintAll(
    pending.map(({ finding, hint }) => ({
      ruleId: finding.ruleId,
      file: finding.file,
      secretKey: finding.secretId ?? finding.envName ?? '',
      lineText: lines.get(finding.file)?.[finding.line - 1] ?? '',
      hint,
      column: finding.column,
      endColumn: finding.endLine === finding.line ? finding.endColumn : undefined,
    })),
  );
  // Reporters only ever see masked source lines: by position first, then by look. Masking every
  // line of every file with findings is measurable on a rescan served from the cache, and most
  // reports never show a line: it is done when a line or a masked value is first needed.
  const masking = sourceLineMasking(input, lines, pending.map((p) => p.finding), factsByFile, ruleById);
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  pending.forEach((p, i) => {
    const finding: Finding = { ...p.finding, fingerprint: fingerprints[i] };
    if (p.suppressedBy) {
      // A reason is free text: it may quote the very value it excuses.
      const justification = redactValues(maskKnownValues(p.suppressedBy.reason ?? '', masking.maskedValues()));
      suppressed.push({ ...finding, suppression: { kind: 'inline', justification } });
    } else findings.push(finding);
  });
  return { findings, suppressed, lines: { get: masking.display } };
}

/** Languages whose every reported line has all its literals masked (they are values, not code). */
const CONFIG_LANGUAGES = new Set(['workflow', 'compose', 'kubernetes', 'dockerfile', 'dotenv', 'markdown', 'yaml']);

/**
 * The masked lines of each file with findings (`display`) and the values masked by name in any of
 * them (`maskedValues`), each computed once, when first asked. Everything they read is taken now
 * (the raw lines, a copy of each file's fact list, the policy), so the answer is the one an eager
 * computation here would give.
 */
function sourceLineMasking(
  input: PostProcessInput,
  lines: Map<string, string[]>,
  reported: Array<Omit<Finding, 'fingerprint'>>,
  factsByFile: Map<string, FileFacts>,
  ruleById: Map<string, EffectiveRule>,
): { display: (file: string) => string[] | undefined; maskedValues: () => string[] } {
  const registryNames = new Set(input.registryNames ?? []);
  const looksLikeSecret = compileSecretPatterns(input.config.secretPatterns);
  const isSensitiveName = (name: string): boolean => registryNames.has(name) || looksLikeSecret(name);
  // (b): lines a config-area rule reports, and every reported line of a config file.
  const configLines = new Map<string, Set<number>>();
  for (const finding of reported) {
    const inConfigFile = CONFIG_LANGUAGES.has(factsByFile.get(finding.file)?.language ?? '');
    if (!inConfigFile && ruleById.get(finding.ruleId)?.rule.meta.area !== 'config') continue;
    const set = configLines.get(finding.file) ?? new Set<number>();
    set.add(finding.line);
    configLines.set(finding.file, set);
  }
  const factsOf = new Map([...lines.keys()].map((file) => [file, [...(factsByFile.get(file)?.facts ?? [])]]));
  let positioned: { byPosition: Map<string, { lines: string[]; placed: boolean }>; values: string[] } | undefined;
  const byPosition = (): NonNullable<typeof positioned> => {
    if (positioned) return positioned;
    const masked = new Map<string, { lines: string[]; placed: boolean }>();
    const maskedValues = new Set<string>();
    for (const [file, raw] of lines) {
      const facts = factsOf.get(file) ?? [];
      const spans = valueSpansOf(facts);
      const result = maskFileLines({ lines: raw, spans, isSensitiveName, everyLiteralOn: configLines.get(file) ?? new Set(), names: nameRangesOf(facts) });
      masked.set(file, { lines: result.lines, placed: spans.length > 0 });
      for (const value of result.maskedValues) maskedValues.add(value);
    }
    return (positioned = { byPosition: masked, values: [...maskedValues] });
  };
  const display = new Map<string, string[]>();
  return {
    maskedValues: () => byPosition().values,
    display: (file) => {
      const known = display.get(file);
      if (known) return known;
      const { byPosition: all, values } = byPosition();
      const masked = all.get(file);
      if (!masked) return undefined;
      // (c) by look, on top. A file whose front end placed its literals keeps its code readable (a
      // `run:` line's command, its `\${{ }}` expressions); one it could not place (a parse error)
      // has every config-style assignment value masked whole.
      const byLook = masked.placed ? redactValues : (line: string) => redactSourceLine(file, line);
      const shown = masked.lines.map((line) => byLook(maskKnownValues(line, values)));
      markMaskedByPosition(shown);
      display.set(file, shown);
      return shown;
    },
  };
}

function directiveFinding(rule: EffectiveRule, file: string, directive: Directive, messageId: string, data: Record<string, string>): Omit<Finding, 'fingerprint'> {
  return {
    ruleId: rule.rule.meta.id,
    severity: levelToSeverity(levelAt(rule, file)),
    file,
    line: directive.range.line,
    column: directive.range.column,
    endLine: directive.range.endLine,
    endColumn: directive.range.endColumn,
    message: formatMessage(rule.rule.meta.messages[messageId] ?? messageId, data),
    secretId: null,
    envName: null,
  };
}

/** Lines holding a fact marked `inTest`, per file, built once: a scan over every fact for every finding is quadratic. */
const testLinesByFacts = new WeakMap<FileFacts, { count: number; lines: Set<number> }>();

function isInTest(file: string, line: number, factsByFile: Map<string, FileFacts>, isTestPath: (f: string) => boolean): boolean {
  const facts = factsByFile.get(file);
  if (facts?.isTest || isTestPath(file)) return true;
  if (!facts) return false;
  let cached = testLinesByFacts.get(facts);
  if (!cached || cached.count !== facts.facts.length) {
    cached = { count: facts.facts.length, lines: new Set() };
    for (const f of facts.facts) if ('inTest' in f && f.inTest === true && 'range' in f) cached.lines.add(f.range.line);
    testLinesByFacts.set(facts, cached);
  }
  return cached.lines.has(line);
}

export function compareFindings(a: Omit<Finding, 'fingerprint'>, b: Omit<Finding, 'fingerprint'>): number {
  return (
    compareCodeUnits(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    compareCodeUnits(a.ruleId, b.ruleId) ||
    compareCodeUnits(a.message, b.message)
  );
}

function readLines(root: string, files: Set<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const file of files) {
    try {
      out.set(file, fs.readFileSync(path.join(root, file), 'utf8').split(/\r?\n/));
    } catch {
      // A finding on a file we cannot read again still reports; it just has no source line.
    }
  }
  return out;
}
