import type { Rule } from '../core/rule.js';
import noCompileTimeSecret from './no-compile-time-secret.js';
import noDirectSecretStoreAccess from './no-direct-secret-store-access.js';

export const LANGUAGE_RULES: Rule[] = [noCompileTimeSecret, noDirectSecretStoreAccess];
