// The rule contract. A rule is one module: `meta` (the single source for the catalog, explain,
// SARIF, the ESLint plugin and the docs) and a `check` over facts. Rules never parse and never
// touch the file system.
import type { FileFacts, FlowStep, Range } from './facts.js';
import type { NameInfo, Registry } from '../registry/model.js';
import type { PolicyChange } from './policy-diff.js';

export type RuleArea = 'bypass' | 'leak' | 'lifecycle' | 'drift' | 'config' | 'registry' | 'meta';
export type SeverityLevel = 'off' | 'warn' | 'error';
export type FindingSeverity = 'error' | 'warning';

export interface RuleExample {
  /** Language of the snippet for Markdown fences: `ts`, `rust`, `python`, `sh`, `yaml`, `dockerfile`, `md`, `dotenv`. */
  lang: string;
  code: string;
  /** Where the snippet lives in a project, when the language alone does not say (e.g. `compose.yaml`, `.env.example`). */
  file?: string;
  /** The same file at the base commit, for rules that compare a change with its base (`policy-weakened`). */
  base?: string;
}

export interface RuleMeta {
  id: string;
  area: RuleArea;
  defaultSeverity: SeverityLevel;
  /** One sentence starting with Disallow/Require/Enforce/Report, ending with a period. */
  description: string;
  /** Why it matters: a paragraph for `explain`, SARIF fullDescription and docs. */
  rationale: string;
  /** How to fix: a paragraph for `explain`, SARIF help and docs. */
  fix: string;
  /** Message templates with `{{placeholders}}`; each ends with a period. */
  messages: Record<string, string>;
  /** JSON Schema for the rule's options object (SARIF, ESLint meta.schema, config schema). */
  optionsSchema?: Record<string, unknown>;
  cwe: string[];
  /** GitHub code scanning security-severity, "0.0".."10.0". */
  securitySeverity: string;
  precision: 'very-high' | 'high' | 'medium' | 'low';
  bad: RuleExample[];
  good: RuleExample[];
  /** Languages/file types the rule looks at (docs only). */
  appliesTo: string[];
  /**
   * `'code'`: some findings carry a certain fix (`Report.fix`) that `--fix` and ESLint apply.
   * Absent: no finding of this rule is ever fixed automatically.
   */
  fixable?: 'code';
  /** Some findings carry suggestions (`Report.suggestions`): edits offered in the editor, never applied by `--fix`. */
  hasSuggestions?: boolean;
  /** What each suggestion does (`Suggestion.messageId` keys), with `{{placeholders}}`; kept apart from the findings' `messages`. */
  suggestionMessages?: Record<string, string>;
}

/**
 * One text edit: replace `range` (1-based, UTF-16 columns, end exclusive, like findings) of
 * `file` with `text`. An empty range is an insertion. `text` uses `\n` for new lines; the fix
 * engine writes the file's own line ending. Never contains a secret value.
 */
export interface FixEdit {
  file: string;
  range: Range;
  text: string;
  /**
   * The text the range must hold when the edit is applied (`''` for an insertion). The fix
   * engine skips an edit whose range holds anything else (the file changed, or a front end's
   * range was off): a fix is applied only where it is certain. Internal, not in JSON output.
   */
  expected: string;
}

/** A certain fix: all edits are applied together or not at all. */
export interface Fix {
  edits: FixEdit[];
}

/** An edit offered for review (ESLint suggestions), for changes that are not certain. */
export interface Suggestion {
  /** A key of the rule's `suggestionMessages`: what the suggestion does. */
  messageId: string;
  data?: Record<string, string | number>;
  fix: Fix;
}

export interface RuleContext {
  registry: Registry;
  names: Map<string, NameInfo>;
  options: Record<string, unknown>;
  /** `YYYY-MM-DD`, from `--today` or the clock. */
  today: string;
  hardCut: boolean;
  isResolverPath(file: string): boolean;
  /** True when an env name looks like a secret per `secret_patterns`. */
  looksLikeSecret(name: string): boolean;
  /** Full resolved config, for rules that need project-level settings (docs pages, require:, ...). */
  settings: RuleSettings;
}

/** Project-level settings some rules read. Plain data. */
export interface RuleSettings {
  docs: Array<{ path: string; columns?: string[] }>;
  require: { owner: boolean; rotationDays: boolean };
  lifecycle: { hardCut: boolean; maxPastDays: number };
  /** Paths (relative) of registry files in use, so rules can avoid reporting the registry itself. */
  registryFiles: string[];
  /** Env names a CI system or platform injects itself (built-in list + config `platform_tokens`); absent: the built-in list. */
  platformTokens?: readonly string[];
}

export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  file: string;
  range: Range;
  secretId?: string | null;
  envName?: string | null;
  flow?: FlowStep[];
  /** Overrides the configured severity (e.g. lifecycle: warning before the removal date). Never raises `off`. */
  severity?: FindingSeverity;
  /** Extra text that goes into the fingerprint to disambiguate (never a secret value). */
  fingerprintHint?: string;
  /** A certain fix (the rule's meta says `fixable: 'code'`). */
  fix?: Fix;
  /** Uncertain alternatives, offered by the ESLint plugin only (the rule's meta says `hasSuggestions`). */
  suggestions?: Suggestion[];
}

export interface ProjectFacts {
  files: FileFacts[];
  /** Ways the working tree's policy is weaker than the base policy (only with `--policy-from`). */
  policyChanges?: PolicyChange[];
}

export interface Rule {
  meta: RuleMeta;
  /** Per-file check; most rules only need this. */
  checkFile?(file: FileFacts, ctx: RuleContext): Iterable<Report>;
  /** Project-level check (registry rules, drift across files). */
  checkProject?(project: ProjectFacts, ctx: RuleContext): Iterable<Report>;
}

/** Identity helper so rule modules are checked against the contract at definition time. */
export function defineRule(rule: Rule): Rule {
  return rule;
}

/** Fills `{{name}}` placeholders. Unknown placeholders stay visible so tests catch them. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
