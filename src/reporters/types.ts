// What every reporter receives besides the ScanResult. Plain data and pure callbacks only:
// reporters do no I/O, so everything they need about the outside world comes through here.
import type { RuleMeta } from '../core/rule.js';

export type ReportFormat = 'text' | 'compact' | 'json' | 'sarif' | 'github' | 'markdown';

export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'compact', 'json', 'sarif', 'github', 'markdown'];

export interface ReporterContext {
  /** Metas of all known rules (SARIF `tool.driver.rules`, short fixes in annotations). */
  rules: RuleMeta[];
  /** clavis-lint's own version (SARIF driver version, JSON `tool.version`). */
  toolVersion: string;
  /** Whether the text reporter colours its output; the CLI decides (TTY, --no-color, NO_COLOR, FORCE_COLOR). */
  color: boolean;
  /**
   * How the text and compact formats name a root-relative file: the CLI passes one relative to the
   * directory the command ran in, so paths can be clicked and opened from there. JSON, SARIF,
   * GitHub and Markdown keep root-relative paths (DESIGN §3: the machine contract).
   */
  displayPath?: (file: string) => string;
  /** Whether the text format makes each rule id an OSC 8 link to its docs; the CLI decides (src/cli/commands/hyperlinks.ts). */
  hyperlinks?: boolean;
  /** Source lines of a file, already redacted by the engine; the text reporter shows one under each finding. */
  sourceLines?: (file: string) => string[] | undefined;
  /** SARIF `automationDetails.id`; defaults to `clavis-lint/`. */
  automationId?: string;
  /** Emit suppressed findings too (SARIF `suppressions`, JSON `suppressed`). */
  includeSuppressed?: boolean;
  /** Cap on SARIF results; defaults to {@link DEFAULT_MAX_SARIF_RESULTS}. */
  maxResults?: number;
  /** Put the real scan time in JSON `stats.ms` (`--timing`); otherwise it is 0, so reports are byte-identical. */
  timing?: boolean;
}

/** Below GitHub's 25,000 results per run, with room to spare. */
export const DEFAULT_MAX_SARIF_RESULTS = 20_000;

/** Where rule docs live (SARIF helpUri, informationUri). */
export const PROJECT_URL = 'https://github.com/clavis-lint/clavis-lint';

export function ruleDocsUrl(ruleId: string): string {
  return `${PROJECT_URL}/blob/main/docs/rules/${ruleId}.md`;
}

/** `text` as an OSC 8 hyperlink to `url` (terminals that know links show `text`, clickable; others ignore the escape). */
export function osc8Link(text: string, url: string): string {
  return `\u001B]8;;${url}\u001B\\${text}\u001B]8;;\u001B\\`;
}
