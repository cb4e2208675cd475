// The ESLint plugin (`clavis-lint/eslint-plugin`, flat config, ESLint 9 and 10), generated from
// the same rule modules as the CLI: every rule that checks TS/JS code becomes `clavis/<id>`, with
// its meta (description, docs URL, messages, options schema) taken from the rule's meta.
//
// Registry and config: found like the CLI (walk up from the linted file to `.clavis-lint.yaml`,
// else the git root, else ESLint's cwd; a registry alone is enough), or set in
// `settings.clavis = { config, registry }` (paths relative to ESLint's cwd); a rule's options may
// carry the same two keys, which win. Rule levels come from the ESLint config; rule options from
// the ESLint config, else from `.clavis-lint.yaml`. A config or registry problem is one lint
// message on line 1 of each file (never a crash); see setup-rule.ts.
//
// Leak rules need type information (`parserOptions.projectService`); without it they throw from
// `create`, as typescript-eslint's typed rules do (see eslint-context.ts).
import type { Rule, RuleMeta } from '../core/rule.js';
import { contextForRule } from '../core/rule-context.js';
import { matchDirective, parseDirectives } from '../core/suppressions.js';
import { ALL_RULES } from '../rules/index.js';
import { toolVersion } from '../cli/version.js';
import { ruleDocsUrl } from '../reporters/types.js';
import { buildConfigs, type ClavisConfigs, type ClavisPlugin, type ClavisRuleMeta } from './configs.js';
import { CONFIG_PROBLEM_MESSAGE, CONFIG_PROBLEM_MESSAGE_ID, lintedFile, reportProblemOnce, requireTypeInformation, settingsLocation, type EslintContext, type EslintLoc } from './eslint-context.js';
import { factsFor, fileState } from './file-facts.js';
import type { ClavisLocation } from './project.js';
import { eslintFixParts } from './report-fixes.js';
import { ESLINT_DOCS_URL, SETUP_RULE_ID, setupRule } from './setup-rule.js';

export { ESLINT_FILES, type ClavisConfig, type ClavisConfigs, type ClavisPlugin, type ClavisRuleDefinition, type RuleLevel } from './configs.js';
export type { ClavisSettings } from './cache-key.js';

const CODE_AREAS = new Set(['bypass', 'leak', 'lifecycle']);

/** Rules of the plugin: per-file checks over TS/JS facts. Registry, drift and config-file rules stay in the CLI. */
export function eslintRules(rules: readonly Rule[] = ALL_RULES): Rule[] {
  return rules.filter((r) => r.checkFile && CODE_AREAS.has(r.meta.area) && r.meta.appliesTo.some((l) => l === 'typescript' || l === 'javascript'));
}

// Minimal structural types (eslint-context.ts): the plugin must work with ESLint 9's and 10's types alike.
export interface EslintRuleModule {
  meta: ClavisRuleMeta;
  create(context: EslintContext): Record<string, () => void>;
}

function optionsSchema(meta: RuleMeta): Array<Record<string, unknown>> {
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
      messages: { ...meta.messages, ...meta.suggestionMessages, [CONFIG_PROBLEM_MESSAGE_ID]: CONFIG_PROBLEM_MESSAGE },
      schema: optionsSchema(meta),
      ...(meta.fixable ? { fixable: meta.fixable } : {}),
      ...(meta.hasSuggestions ? { hasSuggestions: true } : {}),
    },
    create(context) {
      if (isLeak) requireTypeInformation(context, meta.id, ESLINT_DOCS_URL);
      return {
        Program() {
          const { location: fromOptions, ruleOptions } = splitOptions(context.options[0]);
          const location = { ...settingsLocation(context.settings), ...fromOptions };
          const file = lintedFile(context, isLeak);
          const state = fileState(context.sourceCode, file, location);
          const { project } = state.result;
          if (!project) return reportProblemOnce(context, state);
          // A JavaScript file without a Program (requireTypeInformation let it through): nothing sound to say.
          if (isLeak && !file.program) return;
          const facts = factsFor(state, project, file, isLeak);
          if (facts.isTest && !project.config.testCode.report) return;
          const options = ruleOptions ?? project.config.rules[meta.id]?.options ?? {};
          const ctx = contextForRule(project.shared, options);
          const directives = parseDirectives(facts.facts.filter((f) => f.kind === 'comment'));
          for (const report of rule.checkFile!(facts, ctx)) {
            if (report.file !== facts.file) continue;
            // clavis-lint's own suppressions count here too, so the editor agrees with the CLI.
            if (matchDirective(directives, meta.id, report.range.line)) continue;
            if (!(report.messageId in meta.messages)) continue;
            // The same certain fixes as `clavis-lint --fix`, and suggestions where a change is not certain.
            context.report({ loc: toEslintLoc(report.range), messageId: report.messageId, data: stringData(report.data), ...eslintFixParts(report, facts.file, file.text) });
          }
        },
      };
    },
  };
}

const rules: Record<string, EslintRuleModule> = {
  [SETUP_RULE_ID]: setupRule,
  ...Object.fromEntries(eslintRules().map((rule) => [rule.meta.id, toEslintRule(rule)])),
};

const plugin: ClavisPlugin = {
  meta: { name: 'clavis-lint', version: toolVersion(), namespace: 'clavis' },
  rules,
  configs: undefined as unknown as ClavisConfigs<ClavisPlugin>,
};
// The configs name the plugin itself (`plugins: { clavis: plugin }`), so they are built after it.
// Each has a `files` glob: without one a typed rule would also run on eslint.config.js.
plugin.configs = buildConfigs(plugin, eslintRules());

export default plugin;
