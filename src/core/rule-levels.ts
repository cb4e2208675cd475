// Effective level and options for every rule: defaults, then the config file, then `--rule`.
import type { ResolvedConfig } from './config-types.js';
import { ConfigError } from './config-types.js';
import type { Rule, SeverityLevel } from './rule.js';
import { ALL_RULES, RULES_BY_ID } from '../rules/index.js';

export interface EffectiveRule {
  rule: Rule;
  level: SeverityLevel;
  options: Record<string, unknown>;
  /** The user set the level explicitly (config or CLI): then it caps a rule's own severity choice. */
  explicit: boolean;
}

export function resolveRuleLevels(config: ResolvedConfig, overrides: Record<string, SeverityLevel>): EffectiveRule[] {
  for (const id of Object.keys(config.rules)) {
    if (!RULES_BY_ID.has(id)) {
      throw new ConfigError(`unknown rule '${id}' in rules: expected one of the ids listed by 'clavis-lint rules'`, config.configFile);
    }
  }
  for (const id of Object.keys(overrides)) {
    if (!RULES_BY_ID.has(id)) throw new ConfigError(`unknown rule '${id}' in --rule: run 'clavis-lint rules' for the list`);
  }
  return ALL_RULES.map((rule) => {
    const configured = config.rules[rule.meta.id];
    const override = overrides[rule.meta.id];
    return {
      rule,
      level: override ?? configured?.level ?? rule.meta.defaultSeverity,
      options: configured?.options ?? {},
      explicit: override !== undefined || configured !== undefined,
    };
  });
}
