import type { Rule } from '../core/rule.js';

export const LEAK_RULES: Rule[] = [];
