// The plugin's shareable flat configs, one config object each, so they work unspread in a config
// array (`export default [clavis.configs.recommended]`) and in `defineConfig(…)`:
//
//   recommended  every rule at its default level (the CLI's), `clavis/setup` at error
//   strict       every rule that is on by default, at error
//   all          every rule of the plugin, at error
//   disable-type-checked  the leak rules off, for TypeScript files that have no type information
//                (like typescript-eslint's `disableTypeChecked`)
//
// They cover every JS/TS file. The leak rules need type information: on a TypeScript file without
// it they throw (see eslint-context.ts); JavaScript files rarely have it (only with `allowJs` in
// the tsconfig), so on a JavaScript file without a Program they stay silent.
import type { Rule } from '../core/rule.js';
import { cacheKeySettings, type ClavisSettings } from './cache-key.js';
import { SETUP_RULE_ID } from './setup-rule.js';

export type RuleLevel = 'error' | 'warn' | 'off';

/** A flat config object of the plugin (structural: assignable to ESLint 9's and 10's `Linter.Config`). */
export type ClavisConfig<P = unknown> = {
  name: string;
  files?: string[];
  plugins?: { clavis: P };
  settings?: { clavis: ClavisSettings };
  rules: Record<string, RuleLevel>;
};

/**
 * A rule of the plugin as its users' type checkers see it: enough for ESLint 9's and 10's
 * `Plugin['rules']` (the context parameter is `never`, so any ESLint's RuleContext fits).
 */
export interface ClavisRuleDefinition {
  meta: ClavisRuleMeta;
  create(context: never): Record<string, () => void>;
}

/** The `meta` of every clavis ESLint rule (also the runtime rule modules' in plugin.ts). */
export interface ClavisRuleMeta {
  type: 'problem';
  docs: { description: string; url: string; recommended: boolean };
  messages: Record<string, string>;
  schema: Array<Record<string, unknown>>;
  fixable?: 'code';
  hasSuggestions?: boolean;
}

/** The plugin object; `configs` are typed so `defineConfig(…, clavis.configs.recommended)` type-checks. */
export interface ClavisPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<string, ClavisRuleDefinition>;
  configs: ClavisConfigs<ClavisPlugin>;
}

// A type alias, not an interface: ESLint's `Plugin['configs']` is a string-indexed record, which
// only an object type alias (implicit index signature) is assignable to.
export type ClavisConfigs<P = unknown> = {
  recommended: ClavisConfig<P>;
  strict: ClavisConfig<P>;
  all: ClavisConfig<P>;
  'disable-type-checked': ClavisConfig<P>;
};

/** The files the TS/JS front end reads. */
export const ESLINT_FILES = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];
/** TypeScript files: a leak rule without type information throws on these (see eslint-context.ts). */
export const TYPED_FILE = /\.[cm]?tsx?$/i;

type LevelOf = (rule: Rule) => RuleLevel;

const DEFAULT_LEVEL: LevelOf = (rule) => (rule.meta.defaultSeverity === 'off' ? 'off' : rule.meta.defaultSeverity === 'error' ? 'error' : 'warn');
const STRICT_LEVEL: LevelOf = (rule) => (rule.meta.defaultSeverity === 'off' ? 'off' : 'error');
const ALL_LEVEL: LevelOf = () => 'error';

function levels(rules: readonly Rule[], level: LevelOf): Record<string, RuleLevel> {
  const out: Record<string, RuleLevel> = {};
  for (const rule of rules) {
    const value = level(rule);
    if (value !== 'off') out[`clavis/${rule.meta.id}`] = value;
  }
  return out;
}

export function buildConfigs<P>(plugin: P, rules: readonly Rule[]): ClavisConfigs<P> {
  // One settings object for all configs: its toJSON is the cache key (see cache-key.ts).
  const settings = { clavis: cacheKeySettings() };
  // `clavis/setup` first: ESLint runs rules in the order they are configured, so the shared pass
  // happens (and is timed) there before the other rules read it.
  const config = (name: string, level: LevelOf): ClavisConfig<P> => ({
    name: `clavis/${name}`,
    files: ESLINT_FILES,
    plugins: { clavis: plugin },
    settings,
    rules: { [`clavis/${SETUP_RULE_ID}`]: 'error', ...levels(rules, level) },
  });
  return {
    recommended: config('recommended', DEFAULT_LEVEL),
    strict: config('strict', STRICT_LEVEL),
    all: config('all', ALL_LEVEL),
    'disable-type-checked': {
      name: 'clavis/disable-type-checked',
      rules: Object.fromEntries(rules.filter((r) => r.meta.area === 'leak').map((r) => [`clavis/${r.meta.id}`, 'off' as const])),
    },
  };
}
