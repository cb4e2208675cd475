import type { Rule } from '../core/rule.js';

export const REGISTRY_RULES: Rule[] = [];
