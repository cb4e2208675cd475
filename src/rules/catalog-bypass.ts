import type { Rule } from '../core/rule.js';
import noDirectEnvRead from './no-direct-env-read.js';
import noDynamicEnvRead from './no-dynamic-env-read.js';
import noUnregisteredSecretEnv from './no-unregistered-secret-env.js';
import suppressionWithoutReason from './suppression-without-reason.js';
import unusedSuppression from './unused-suppression.js';

export const BYPASS_RULES: Rule[] = [noDirectEnvRead, noDynamicEnvRead, noUnregisteredSecretEnv, suppressionWithoutReason, unusedSuppression];
