import type { Rule } from '../core/rule.js';

export const CONFIG_RULES: Rule[] = [];
