// The plugin's configs and objects under ESLint 9's and 10's own types (tsc, not run): each config
// fits `Linter.Config` and `defineConfig`, the plugin fits `ESLint.Plugin`, and a config name
// that does not exist is a type error.
import type { ESLint as ESLint10, Linter as Linter10 } from 'eslint';
import { defineConfig as defineConfig10 } from 'eslint/config';
import type { ESLint as ESLint9, Linter as Linter9 } from 'eslint9';
import { defineConfig as defineConfig9 } from 'eslint9/config';
import clavis from 'clavis-lint/eslint-plugin';

export const asPlugin10: ESLint10.Plugin = clavis;
export const asPlugin9: ESLint9.Plugin = clavis;

export const flat10: Linter10.Config[] = [clavis.configs.recommended, clavis.configs.strict, clavis.configs.all, clavis.configs['disable-type-checked']];
export const flat9: Linter9.Config[] = [clavis.configs.recommended, clavis.configs.strict, clavis.configs.all, clavis.configs['disable-type-checked']];

export const defined10 = defineConfig10(clavis.configs.strict, { files: ['scripts/**/*.ts'], extends: [clavis.configs['disable-type-checked']] });
export const defined9 = defineConfig9(clavis.configs.all, { settings: { clavis: { config: '.clavis-lint.yaml', registry: 'secrets.registry.yaml' } } });

// @ts-expect-error: there is no such config
export const missing = clavis.configs.recommendedTypeChecked;

export const level: 'error' | 'warn' | 'off' | undefined = clavis.configs.recommended.rules['clavis/no-direct-env-read'];
