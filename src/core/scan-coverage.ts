// What a scan covers, said out loud. A scan that covers no file (`include: []`, `exclude: ["**"]`,
// include patterns that match nothing) used to pass in silence: a configuration, or a change
// to it in a pull request, could switch the linter off without a word. Now:
//  - a scan that covers no file is a ConfigError naming the config file and the key that emptied
//    it (exit 2), unless the caller allows empty scans (`--allow-empty`);
//  - an `include` entry that matches no file is a warning. `exclude` entries are not checked one
//    by one: they routinely name build output that a clean checkout does not have, and a stale
//    exclude hides nothing.
// No output of its own (the CLI and the Action show it); it reads the config file only to locate a
// key, and walks the tree again only on the error path, to say which key emptied the scan.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { ConfigError, DEFAULT_EXCLUDE, type ResolvedConfig } from './config-types.js';
import { discoverFiles, toPosixRelative } from './discovery.js';
import { yamlKeyLocator } from './yaml-key-locator.js';

export interface CoverageInput {
  cwd: string;
  config: ResolvedConfig;
  /** Absolute scanned paths. */
  targets: string[];
  /** Root-relative files discovery returned. */
  files: string[];
}

/** The config file as the user wrote it, relative to cwd; with the line of `keyPath` when found. */
function configLocation(input: CoverageInput, keyPath: Array<string | number>): { file?: string; line?: number; column?: number } {
  const configFile = input.config.configFile;
  if (!configFile) return {};
  const file = path.relative(input.cwd, configFile).split(path.sep).join('/') || path.basename(configFile);
  let text: string | undefined;
  try {
    text = readFileSync(configFile, 'utf8');
  } catch {
    return { file };
  }
  const at = yamlKeyLocator(text).locate(keyPath);
  return { file, line: at.line, column: at.column };
}

const quote = (patterns: string[]): string => JSON.stringify(patterns);
const ALLOW = 'pass --allow-empty to accept an empty scan';

/** A config problem that does not stop the scan, located in the config file when there is one. */
export interface CoverageWarning {
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** `file:line:col: message`, as ConfigError.located() writes errors. */
export function locatedWarning(warning: CoverageWarning): string {
  if (!warning.file) return warning.message;
  const at = warning.line ? `:${warning.line}${warning.column ? `:${warning.column}` : ''}` : '';
  return `${warning.file}${at}: ${warning.message}`;
}

/** Warnings for `include` entries that match no discovered file (only when the whole project is scanned). */
export function includeWarnings(input: CoverageInput): CoverageWarning[] {
  const { config, targets, files } = input;
  // On a sub-path, an entry can rightly point elsewhere in the project.
  if (files.length === 0 || !targets.some((t) => path.resolve(t) === path.resolve(config.root))) return [];
  const warnings: CoverageWarning[] = [];
  config.include.forEach((pattern, index) => {
    const matches = picomatch(pattern, { dot: true });
    if (files.some((file) => matches(file))) return;
    warnings.push({ ...configLocation(input, ['include', index]), message: `include entry ${JSON.stringify(pattern)} matches no file; the other entries still select files` });
  });
  return warnings;
}

/** The error for a scan that covers no file, naming what emptied it. */
export function emptyScanError(input: CoverageInput): ConfigError {
  const { config, targets, cwd } = input;
  const shown = targets.map((t) => toPosixRelative(cwd, t) || '.').join(', ');
  const userExclude = config.exclude.slice(DEFAULT_EXCLUDE.length);
  // What the tree offers before the configuration selects: every file git (or .gitignore) keeps.
  const candidates = discoverFiles({ root: config.root, targets, include: ['**/*'], exclude: [...DEFAULT_EXCLUDE] }).files;
  const located = (keyPath: Array<string | number>, message: string): ConfigError => {
    const at = configLocation(input, keyPath);
    return new ConfigError(message, at.file, at.line, at.column);
  };
  if (candidates.length === 0) {
    return new ConfigError(`the scan covers no file: ${shown} holds no file to scan (after .gitignore and the default excludes); ${ALLOW}`);
  }
  if (config.include.length === 0) {
    return located(['include'], `include: the list is empty, so the scan covers no file (${candidates.length} found under ${shown}); list the files to scan (default ["**/*"]) or ${ALLOW}`);
  }
  const included = picomatch(config.include, { dot: true });
  if (!candidates.some((file) => included(file))) {
    return located(['include'], `include: no pattern of ${quote(config.include)} matches a file under ${shown}, so the scan covers no file; ${ALLOW}`);
  }
  if (userExclude.length > 0) {
    return located(['exclude'], `exclude: ${quote(userExclude)} excludes every file that include selects under ${shown}, so the scan covers no file; ${ALLOW}`);
  }
  return new ConfigError(`the scan covers no file under ${shown}; ${ALLOW}`);
}
