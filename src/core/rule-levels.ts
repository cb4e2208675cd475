// Effective level and options for every rule: defaults, then the config file (`rules:`, then the
// `overrides:` entries whose `files` match the finding's file, the last match winning), then
// `--rule`, which beats both: what the user types for this run is the final word.
import picomatch from 'picomatch';
import type { ResolvedConfig, RuleOverride } from './config-types.js';
import { ConfigError } from './config-types.js';
import type { Rule, SeverityLevel } from './rule.js';
import { ALL_RULES, RULES_BY_ID } from '../rules/index.js';
import { suggestion } from '../registry/yaml-reader.js';

/** One `overrides:` entry as it applies to one rule: the level for files it matches. */
export interface PathLevel {
  matches(file: string): boolean;
  level: SeverityLevel;
}

export interface EffectiveRule {
  rule: Rule;
  /** The level outside every `overrides:` entry. */
  level: SeverityLevel;
  options: Record<string, unknown>;
  /** The user set the level explicitly (config or CLI): then it caps a rule's own severity choice (so does a matching override, per file). */
  explicit: boolean;
  /** `overrides:` levels for this rule, in config order (absent under `--rule`). */
  pathLevels?: PathLevel[];
}

/** Compiled `files` globs of each override, root-relative posix paths in. */
export function overrideMatchers(overrides: readonly RuleOverride[] | undefined): Array<{ matches: (file: string) => boolean; rules: RuleOverride['rules'] }> {
  return (overrides ?? []).map((o) => ({ matches: picomatch(o.files, { dot: true }), rules: o.rules }));
}

/** The level the last `overrides:` entry matching a root-relative file sets, if one does. */
export function pathLevelAt(effective: Pick<EffectiveRule, 'pathLevels'>, file: string): SeverityLevel | undefined {
  let level: SeverityLevel | undefined;
  for (const pathLevel of effective.pathLevels ?? []) if (pathLevel.matches(file)) level = pathLevel.level;
  return level;
}

/** The rule's level for a root-relative file: the last matching override, else its level. */
export function levelAt(effective: Pick<EffectiveRule, 'level' | 'pathLevels'>, file: string): SeverityLevel {
  return pathLevelAt(effective, file) ?? effective.level;
}

/** The rule must run: it is on somewhere (everywhere, or in the files an override turns it on for). */
export function isEnabledAnywhere(effective: Pick<EffectiveRule, 'level' | 'pathLevels'>): boolean {
  return effective.level !== 'off' || (effective.pathLevels ?? []).some((p) => p.level !== 'off');
}

export function resolveRuleLevels(config: ResolvedConfig, overrides: Record<string, SeverityLevel>): EffectiveRule[] {
  for (const id of Object.keys(config.rules)) {
    if (!RULES_BY_ID.has(id)) {
      throw new ConfigError(`unknown rule '${id}' in rules: expected one of the ids listed by 'clavis-lint rules'`, config.configFile);
    }
  }
  for (const id of Object.keys(overrides)) {
    // Typed on the command line (not file content), so the id may be echoed, with a near miss.
    if (!RULES_BY_ID.has(id)) throw new ConfigError(`unknown rule '${id}' in --rule: run 'clavis-lint rules' for the list${suggestion(id, [...RULES_BY_ID.keys()])}`);
  }
  const matchers = overrideMatchers(config.overrides);
  return ALL_RULES.map((rule) => {
    const id = rule.meta.id;
    const configured = config.rules[id];
    const override = overrides[id];
    const pathLevels = override === undefined ? matchers.filter((m) => m.rules[id] !== undefined).map((m) => ({ matches: m.matches, level: m.rules[id] })) : [];
    return {
      rule,
      level: override ?? configured?.level ?? rule.meta.defaultSeverity,
      options: configured?.options ?? {},
      explicit: override !== undefined || configured !== undefined,
      ...(pathLevels.length > 0 ? { pathLevels } : {}),
    };
  });
}

/** The highest level a rule has anywhere (what SARIF lists as the rule's configured level). */
export function highestLevel(effective: Pick<EffectiveRule, 'level' | 'pathLevels'>): SeverityLevel {
  const levels = [effective.level, ...(effective.pathLevels ?? []).map((p) => p.level)];
  return levels.includes('error') ? 'error' : levels.includes('warn') ? 'warn' : 'off';
}
