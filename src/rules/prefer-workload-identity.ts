import { defineRule } from '../core/rule.js';

interface StaticKeyAction {
  provider: string;
  /** `with:` inputs that carry long-lived credentials. */
  staticInputs: string[];
  messageId: string;
}

/** Official login actions that also support OIDC federation. */
const ACTIONS: Record<string, StaticKeyAction> = {
  'aws-actions/configure-aws-credentials': { provider: 'AWS', staticInputs: ['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token'], messageId: 'aws' },
  'google-github-actions/auth': { provider: 'Google Cloud', staticInputs: ['credentials_json'], messageId: 'gcp' },
  'azure/login': { provider: 'Azure', staticInputs: ['creds', 'client-secret'], messageId: 'azure' },
};

export default defineRule({
  meta: {
    id: 'prefer-workload-identity',
    area: 'config',
    defaultSeverity: 'warn',
    description: 'Report workflows that log in to a cloud provider with static keys where OIDC workload identity federation is available.',
    rationale:
      'Long-lived cloud keys stored as repository secrets can be exfiltrated by any workflow change that reaches them, never expire on their own and are rarely rotated. AWS, Google Cloud and Azure all accept GitHub\'s OIDC token instead: short-lived credentials scoped to this repository, branch or environment, with nothing to store or rotate.',
    fix: 'Grant the job `permissions: id-token: write`, create a trust relationship for the repository in the cloud provider, then pass `role-to-assume` (AWS), `workload_identity_provider` + `service_account` (Google Cloud) or `client-id`/`tenant-id`/`subscription-id` with a federated credential (Azure), and delete the stored keys.',
    messages: {
      aws: "{{action}} is given the static key input '{{input}}'; use OIDC with 'role-to-assume' and 'permissions: id-token: write'{{permissionNote}}.",
      gcp: "{{action}} is given '{{input}}' (a service-account key); use 'workload_identity_provider' and 'service_account' with 'permissions: id-token: write'{{permissionNote}}.",
      azure: "{{action}} is given '{{input}}' (a client secret); use a federated credential with 'client-id', 'tenant-id' and 'subscription-id' and 'permissions: id-token: write'{{permissionNote}}.",
    },
    cwe: ['CWE-798', 'CWE-522'],
    securitySeverity: '5.0',
    precision: 'very-high',
    appliesTo: ['workflow'],
    bad: [
      {
        lang: 'yaml',
        file: '.github/workflows/deploy.yml',
        code: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}\n          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n          aws-region: us-east-1',
      },
    ],
    good: [
      {
        lang: 'yaml',
        file: '.github/workflows/deploy.yml',
        code: 'on: push\npermissions:\n  id-token: write\n  contents: read\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: arn:aws:iam::123456789012:role/deploy\n          aws-region: us-east-1',
      },
    ],
  },
  *checkFile(file) {
    if (file.language !== 'workflow') return;
    for (const fact of file.facts) {
      if (fact.kind !== 'config' || fact.type !== 'workflow-step-uses') continue;
      const action = String(fact.data.action).toLowerCase();
      const known = ACTIONS[action];
      if (!known) continue;
      const inputs = (fact.data.with ?? {}) as Record<string, string>;
      const keyRanges = (fact.data.withKeyRanges ?? {}) as Record<string, typeof fact.range>;
      const permissionNote = fact.data.hasIdTokenWrite ? '' : ' (this job does not grant it yet)';
      for (const input of known.staticInputs) {
        if (!(input in inputs)) continue;
        yield {
          messageId: known.messageId,
          data: { action: String(fact.data.action), input, permissionNote },
          file: file.file,
          range: keyRanges[input] ?? fact.range,
          fingerprintHint: input,
        };
      }
    }
  },
});
