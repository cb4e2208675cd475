// Leak rules (owned by the leak engine): a secret value flowing into a sink, and leaky types.
import type { Rule } from '../core/rule.js';
import noLeakySecretType from './no-leaky-secret-type.js';
import noSecretInError from './no-secret-in-error.js';
import noSecretInLog from './no-secret-in-log.js';
import noSecretInPrompt from './no-secret-in-prompt.js';
import noSecretInTelemetry from './no-secret-in-telemetry.js';
import noSecretInToolOutput from './no-secret-in-tool-output.js';
import noSecretInUrl from './no-secret-in-url.js';
import noSecretSerialization from './no-secret-serialization.js';

export const LEAK_RULES: Rule[] = [
  noLeakySecretType,
  noSecretInError,
  noSecretInLog,
  noSecretInPrompt,
  noSecretInTelemetry,
  noSecretInToolOutput,
  noSecretInUrl,
  noSecretSerialization,
];
