import type { Rule } from '../core/rule.js';

export const BYPASS_RULES: Rule[] = [];
