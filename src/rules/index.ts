// The explicit, sorted rule registry. Each area's list is owned by one catalog module; a
// meta-test fails when a rule lacks fixtures, docs or an entry here.
import type { Rule } from '../core/rule.js';
import { BYPASS_RULES } from './catalog-bypass.js';
import { CONFIG_RULES } from './catalog-config.js';
import { LANGUAGE_RULES } from './catalog-languages.js';
import { LEAK_RULES } from './catalog-leak.js';
import { REGISTRY_RULES } from './catalog-registry.js';
import { compareCodeUnits } from '../core/compare.js';

export const ALL_RULES: readonly Rule[] = [
  ...BYPASS_RULES,
  ...LANGUAGE_RULES,
  ...LEAK_RULES,
  ...CONFIG_RULES,
  ...REGISTRY_RULES,
].sort((a, b) => compareCodeUnits(a.meta.id, b.meta.id));

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((rule) => [rule.meta.id, rule]));

export function getRule(id: string): Rule | undefined {
  return RULES_BY_ID.get(id);
}
