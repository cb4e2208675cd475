// The part of ESLint's rule context the plugin uses, typed structurally so that one build works
// with ESLint 9 and 10 (and their type packages), plus the helpers every clavis rule shares:
// where the file is, where its config and registry are, and the one message for a config problem.
import { TYPED_FILE } from './configs.js';
import type { FileState, LintedFile } from './file-facts.js';
import type { ClavisLocation } from './project.js';
import type { EslintFixParts } from './report-fixes.js';

export interface EslintLoc {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

export interface EslintContext {
  id?: string;
  options: unknown[];
  settings?: Record<string, unknown>;
  filename?: string;
  physicalFilename?: string;
  cwd?: string;
  languageOptions?: { parser?: { meta?: { name?: string } } };
  sourceCode: { text: string; parserServices?: { program?: unknown } };
  getFilename?(): string;
  getCwd?(): string;
  report(descriptor: { loc: EslintLoc; messageId: string; data?: Record<string, string> } & EslintFixParts): void;
}

/** Message id every clavis rule has for a configuration problem (reported once per file). */
export const CONFIG_PROBLEM_MESSAGE_ID = 'clavisConfigProblem';
export const CONFIG_PROBLEM_MESSAGE = '{{problem}}';

const LOCATION_KEYS = ['config', 'registry'] as const;

/** `settings.clavis.{config,registry}`. */
export function settingsLocation(settings: Record<string, unknown> | undefined): ClavisLocation {
  const clavis = settings?.clavis as Record<string, unknown> | undefined;
  const out: ClavisLocation = {};
  for (const key of LOCATION_KEYS) if (typeof clavis?.[key] === 'string') out[key] = clavis[key] as string;
  return out;
}

/** The file as ESLint gives it; the Program only when asked for (leak rules and setup). */
export function lintedFile(context: EslintContext, withProgram: boolean): LintedFile {
  const program = withProgram ? ((context.sourceCode.parserServices?.program as LintedFile['program'] | undefined) ?? null) : null;
  return {
    filename: context.physicalFilename ?? context.filename ?? context.getFilename?.() ?? '<input>',
    cwd: context.cwd ?? context.getCwd?.() ?? process.cwd(),
    text: context.sourceCode.text,
    program,
  };
}

/** Reports the project's configuration problem on line 1, unless a rule already did on this file. */
export function reportProblemOnce(context: EslintContext, state: FileState): void {
  if (!state.result.problem || state.problemReported) return;
  state.problemReported = true;
  context.report({ loc: { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } }, messageId: CONFIG_PROBLEM_MESSAGE_ID, data: { problem: state.result.problem } });
}

/**
 * typescript-eslint's convention for a rule that needs type information and has none: throw from
 * `create`, so ESLint stops with "Error while loading rule …" and this text (once per run). Only
 * on TypeScript files: a JavaScript file has a Program only when the tsconfig has `allowJs`, so
 * there a leak rule without one stays silent (the configs cover JS files for the other rules).
 */
export function requireTypeInformation(context: EslintContext, ruleId: string, docsUrl: string): void {
  if (context.sourceCode.parserServices?.program) return;
  if (!TYPED_FILE.test(lintedFile(context, false).filename)) return;
  const parser = context.languageOptions?.parser?.meta?.name ?? '(unknown)';
  throw new Error(
    [
      `clavis/${ruleId} follows values through the TypeScript type checker, but this file has no type information.`,
      'Set `languageOptions.parserOptions.projectService: true` (typescript-eslint parser) for the files it checks,',
      "or turn the leak rules off there with `clavis.configs['disable-type-checked']`.",
      `See ${docsUrl}`,
      `Parser: ${parser}`,
    ].join('\n'),
  );
}
