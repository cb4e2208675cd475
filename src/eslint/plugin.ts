// The ESLint plugin (`clavis-lint/eslint-plugin`, flat config, ESLint 9 and 10), generated from
// the same rule modules as the CLI: every rule that checks TS/JS code becomes `clavis/<id>`, with
// its meta (description, docs URL, messages, options schema) taken from the rule's meta.
//
// Registry and config: found like the CLI (walk up from the linted file to `.clavis-lint.yaml`),
// or set in `settings.clavis = { config, registry }` (paths relative to ESLint's cwd); a rule's
// options may carry the same two keys, which win. Rule levels come from the ESLint config; rule
// options from the ESLint config, else from `.clavis-lint.yaml`.
//
// Leak rules need type information (`parserOptions.projectService`); without it they report
// nothing rather than guess.
import type { FileFacts } from '../core/facts.js';
import type { Rule, RuleMeta } from '../core/rule.js';
import { contextForRule } from '../core/rule-context.js';
import { matchDirective, parseDirectives } from '../core/suppressions.js';
import { ALL_RULES } from '../rules/index.js';
import { toolVersion } from '../cli/version.js';
import { ruleDocsUrl } from '../reporters/types.js';
import { factsFor } from './file-facts.js';
import { describeConfigError, projectFor, type ClavisLocation } from './project.js';

/** The globs of the recommended config: the files the TS/JS front end reads. */
export const ESLINT_FILES = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];

const CODE_AREAS = new Set(['bypass', 'leak', 'lifecycle']);
const LOCATION_KEYS = ['config', 'registry'] as const;

/** Rules of the plugin: per-file checks over TS/JS facts. Registry, drift and config-file rules stay in the CLI. */
export function eslintRules(rules: readonly Rule[] = ALL_RULES): Rule[] {
  return rules.filter((r) => r.checkFile && CODE_AREAS.has(r.meta.area) && r.meta.appliesTo.some((l) => l === 'typescript' || l === 'javascript'));
}

// Minimal structural types: the plugin must work with ESLint 9's and 10's types alike.
interface EslintLoc {
  start: { line: number; column: number };
  end: { line: number; column: number };
}
interface EslintContext {
  id?: string;
  options: unknown[];
  settings?: Record<string, unknown>;
  filename?: string;
  physicalFilename?: string;
  cwd?: string;
  sourceCode: { text: string; parserServices?: { program?: unknown } };
  getFilename?(): string;
  getCwd?(): string;
  report(descriptor: { loc: EslintLoc; messageId: string; data?: Record<string, string> }): void;
}
export interface EslintRuleModule {
  meta: {
    type: 'problem';
    docs: { description: string; url: string; recommended: boolean };
    messages: Record<string, string>;
    schema: unknown[];
  };
  create(context: EslintContext): Record<string, () => void>;
}

function optionsSchema(meta: RuleMeta): unknown[] {
  const own = meta.optionsSchema as { type?: string; properties?: Record<string, unknown> } | undefined;
  const locationProps = {
    config: { type: 'string', description: 'Path of .clavis-lint.yaml, relative to ESLint\'s cwd (default: found like the CLI).' },
    registry: { type: 'string', description: 'Registry file or source spec, relative to ESLint\'s cwd (default: from the config).' },
  };
  return [{ type: 'object', properties: { ...(own?.properties ?? {}), ...locationProps }, additionalProperties: own?.properties ? false : true }];
}

function splitOptions(raw: unknown): { location: ClavisLocation; ruleOptions: Record<string, unknown> | undefined } {
  if (!raw || typeof raw !== 'object') return { location: {}, ruleOptions: undefined };
  const { config, registry, ...rest } = raw as Record<string, unknown>;
  return {
    location: { ...(typeof config === 'string' ? { config } : {}), ...(typeof registry === 'string' ? { registry } : {}) },
    ruleOptions: Object.keys(rest).length > 0 ? rest : undefined,
  };
}

function settingsLocation(settings: Record<string, unknown> | undefined): ClavisLocation {
  const clavis = settings?.clavis as Record<string, unknown> | undefined;
  const out: ClavisLocation = {};
  for (const key of LOCATION_KEYS) if (typeof clavis?.[key] === 'string') out[key] = clavis[key] as string;
  return out;
}

function toEslintLoc(range: { line: number; column: number; endLine: number; endColumn: number }): EslintLoc {
  // clavis columns are 1-based with an exclusive end; ESLint's are 0-based with an exclusive end.
  return { start: { line: range.line, column: range.column - 1 }, end: { line: range.endLine, column: range.endColumn - 1 } };
}

function stringData(data: Record<string, string | number> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [k, String(v)]));
}

export function toEslintRule(rule: Rule): EslintRuleModule {
  const { meta } = rule;
  const isLeak = meta.area === 'leak';
  return {
    meta: {
      type: 'problem',
      docs: { description: meta.description, url: ruleDocsUrl(meta.id), recommended: meta.defaultSeverity !== 'off' },
      messages: meta.messages,
      schema: optionsSchema(meta),
    },
    create(context) {
      return {
        Program() {
          const cwd = context.cwd ?? context.getCwd?.() ?? process.cwd();
          const filename = context.physicalFilename ?? context.filename ?? context.getFilename?.() ?? '<input>';
          const { location: fromOptions, ruleOptions } = splitOptions(context.options[0]);
          const location = { ...settingsLocation(context.settings), ...fromOptions };
          let project;
          try {
            project = projectFor(filename, cwd, location);
          } catch (err) {
            throw new Error(describeConfigError(err));
          }
          const program = isLeak ? ((context.sourceCode.parserServices?.program as object | undefined) ?? null) : null;
          // Without type information a leak rule has nothing sound to say: no reports, no crash.
          if (isLeak && !program) return;
          const facts: FileFacts = factsFor(context.sourceCode, project, { filename, cwd, text: context.sourceCode.text, program: program as never }, isLeak);
          if (facts.isTest && !project.config.testCode.report) return;
          const options = ruleOptions ?? project.config.rules[meta.id]?.options ?? {};
          const ctx = contextForRule(project.shared, options);
          const directives = parseDirectives(facts.facts.filter((f) => f.kind === 'comment'));
          for (const report of rule.checkFile!(facts, ctx)) {
            if (report.file !== facts.file) continue;
            // clavis-lint's own suppressions count here too, so the editor agrees with the CLI.
            if (matchDirective(directives, meta.id, report.range.line)) continue;
            if (!(report.messageId in meta.messages)) continue;
            context.report({ loc: toEslintLoc(report.range), messageId: report.messageId, data: stringData(report.data) });
          }
        },
      };
    },
  };
}

const rules: Record<string, EslintRuleModule> = Object.fromEntries(eslintRules().map((rule) => [rule.meta.id, toEslintRule(rule)]));

const recommendedRules: Record<string, 'error' | 'warn'> = Object.fromEntries(
  eslintRules()
    .filter((rule) => rule.meta.defaultSeverity !== 'off')
    .map((rule) => [`clavis/${rule.meta.id}`, rule.meta.defaultSeverity === 'error' ? 'error' : 'warn']),
);

const plugin = {
  meta: { name: 'clavis-lint', version: toolVersion(), namespace: 'clavis' },
  rules,
  configs: {} as Record<string, unknown>,
};

// A `files` glob is required: without one a typed rule would also run on eslint.config.js.
plugin.configs.recommended = {
  name: 'clavis/recommended',
  files: ESLINT_FILES,
  plugins: { clavis: plugin },
  rules: recommendedRules,
};

export default plugin;
