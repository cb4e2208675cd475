// `clavis/setup`: the work every clavis rule shares, done once per file under a name of its own.
// It loads the project (config + registry), runs the TS/JS front end and, with type information,
// the leak analysis; the other rules then only read the results. ESLint has no per-file plugin
// hook, and TIMING=1 charges work to the rule that does it: without this rule the shared pass
// would be charged to whichever clavis rule happens to run first. It is also the natural owner of
// a configuration problem, which it reports once, on line 1 (the other rules stay silent then).
// When it is off, the first clavis rule to run does the same work and reports the problem.
import { baseFacts, fileState, leakFacts } from './file-facts.js';
import { CONFIG_PROBLEM_MESSAGE, CONFIG_PROBLEM_MESSAGE_ID, lintedFile, reportProblemOnce, settingsLocation, type EslintContext } from './eslint-context.js';

export const SETUP_RULE_ID = 'setup';
export const ESLINT_DOCS_URL = 'https://github.com/clavis-lint/clavis-lint/blob/main/docs/integrations.md#eslint-flat-config-eslint-9-and-10';

export const setupRule = {
  meta: {
    type: 'problem' as const,
    docs: {
      description: 'Loads the clavis-lint config and registry and analyses the file once for the other clavis rules; reports a configuration problem once per file',
      url: ESLINT_DOCS_URL,
      recommended: true,
    },
    messages: { [CONFIG_PROBLEM_MESSAGE_ID]: CONFIG_PROBLEM_MESSAGE },
    schema: [] as Array<Record<string, unknown>>,
  },
  create(context: EslintContext): Record<string, () => void> {
    return {
      Program() {
        const file = lintedFile(context, true);
        const state = fileState(context.sourceCode, file, settingsLocation(context.settings));
        const { project } = state.result;
        if (!project) return reportProblemOnce(context, state);
        const base = baseFacts(state, project, file);
        // Test code is skipped by every rule unless the config reports it: no leak analysis for it.
        if (file.program && (!base.isTest || project.config.testCode.report)) leakFacts(state, project, file);
      },
    };
  },
};
