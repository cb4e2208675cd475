import type { Rule } from '../core/rule.js';

export const LANGUAGE_RULES: Rule[] = [];
