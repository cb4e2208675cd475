import type { Rule } from '../core/rule.js';
import docsDrift from './docs-drift.js';
import envExampleDrift from './env-example-drift.js';
import noDeprecatedAlias from './no-deprecated-alias.js';
import noSecretBuildArg from './no-secret-build-arg.js';
import noSecretEcho from './no-secret-echo.js';
import noSecretLiteralInConfig from './no-secret-literal-in-config.js';
import preferWorkloadIdentity from './prefer-workload-identity.js';
import workflowSecretMismatch from './workflow-secret-mismatch.js';

export const CONFIG_RULES: Rule[] = [
  docsDrift,
  envExampleDrift,
  noDeprecatedAlias,
  noSecretBuildArg,
  noSecretEcho,
  noSecretLiteralInConfig,
  preferWorkloadIdentity,
  workflowSecretMismatch,
];
