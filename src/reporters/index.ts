// One entry point for every output format. Reporters are pure: ScanResult + context in, text out.
import type { ScanResult } from '../core/finding.js';
import { toCompact } from './compact.js';
import { toGithubAnnotations } from './github.js';
import { toJson } from './json.js';
import { toMarkdown } from './markdown.js';
import { toSarif } from './sarif.js';
import { toText } from './text.js';
import type { ReportFormat, ReporterContext } from './types.js';

export type { ReportFormat, ReporterContext } from './types.js';
export { REPORT_FORMATS } from './types.js';
export { toCompact } from './compact.js';
export { escapeData, escapeProperty, toGithubAnnotations } from './github.js';
export { toJson } from './json.js';
export { toMarkdown } from './markdown.js';
export { buildSarifLog, toSarif } from './sarif.js';
export { checkGithubSarifIngestion } from './sarif-ingestion.js';
export { toText } from './text.js';

const REPORTERS: Record<ReportFormat, (result: ScanResult, ctx: ReporterContext) => string> = {
  text: toText,
  compact: toCompact,
  json: toJson,
  sarif: toSarif,
  github: toGithubAnnotations,
  markdown: toMarkdown,
};

export function formatResult(format: ReportFormat, result: ScanResult, ctx: ReporterContext): string {
  return REPORTERS[format](result, ctx);
}
