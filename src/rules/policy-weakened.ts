import { defineRule, type Report } from '../core/rule.js';

export const POLICY_WEAKENED = 'policy-weakened';

export default defineRule({
  meta: {
    id: POLICY_WEAKENED,
    area: 'registry',
    defaultSeverity: 'warn',
    description:
      'Report changes that weaken the policy a change is judged by: rule levels lowered, files taken out of the scan, secrets removed or demoted to config, removal dates postponed, the resolver or sanitizers widened, secret patterns dropped, new inline suppressions.',
    rationale:
      'On a pull request the linter reads its config, registry and suppressions from the very change under review, so the change can also change the rules it is judged by: `exclude: ["**"]`, a rule turned off, a secret deleted from the registry or a suppression comment silence every finding without a word. With `--policy-from REF` (the Action does this by default on pull requests) the scan uses the policy at the base commit, and this rule shows a reviewer each way the proposed policy is weaker, so the weakening is a visible, reviewable part of the change rather than a quiet one.',
    fix: 'If the weakening is intended, say why in the pull request and have the policy owners approve it; the finding goes away once the change is merged, because the base then has the new policy. Otherwise restore the rule level, the scanned paths, the registry entry or remove the suppression.',
    messages: {
      ruleLowered: "Rule '{{rule}}' lowered from {{from}} to {{to}} compared with the base policy.",
      ruleOptionsChanged: "Options of rule '{{rule}}' changed compared with the base policy; review that they do not narrow what it reports.",
      filesExcluded: '{{count}} file(s) scanned under the base policy are no longer scanned ({{examples}}).',
      secretRemoved: "Secret '{{id}}' ({{env}}) was removed from the registry; its reads and leaks are no longer reported.",
      nameRemoved: "Name '{{name}}' was removed from secret '{{id}}'; uses of it are no longer reported.",
      secretDemoted: "Secret '{{id}}' changed from kind: secret to kind: config; its values are no longer treated as secret.",
      removalPostponed: "Removal of deprecated alias '{{name}}' postponed from {{from}} to {{to}}.",
      resolverWidened: 'The policy allows more than the base policy: {{what}}.',
      patternsNarrowed: 'Secret patterns removed compared with the base policy: {{patterns}}.',
      testCodeRelaxed: 'Findings in test code are reported less strictly than under the base policy.',
      lifecycleRelaxed: 'Lifecycle settings are more lenient than under the base policy (hard_cut turned off or max_past_days raised).',
      suppressionAdded: 'New inline suppression of {{rules}}; the base version of this file has none here.',
    },
    cwe: ['CWE-693'],
    securitySeverity: '4.0',
    precision: 'high',
    appliesTo: ['config', 'registry', 'suppressions'],
    bad: [
      {
        lang: 'yaml',
        file: '.clavis-lint.yaml',
        code: 'registry: secrets.registry.yaml\nrules:\n  no-direct-env-read: off',
        base: 'registry: secrets.registry.yaml\nrules:\n  no-direct-env-read: error',
      },
    ],
    good: [
      {
        lang: 'yaml',
        file: '.clavis-lint.yaml',
        code: 'registry: secrets.registry.yaml\nrules:\n  no-direct-env-read: error\n  registry-unreferenced: warn',
        base: 'registry: secrets.registry.yaml\nrules:\n  no-direct-env-read: error',
      },
    ],
  },
  *checkProject(project): Generator<Report> {
    for (const change of project.policyChanges ?? []) {
      yield {
        messageId: change.messageId,
        data: change.data,
        file: change.file,
        range: change.range,
        secretId: change.secretId ?? null,
        envName: change.envName ?? null,
        fingerprintHint: change.messageId,
      };
    }
  },
});
