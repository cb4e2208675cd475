// Finds and reads `.clavis-lint.yaml` (DESIGN §2) into a ResolvedConfig. YAML only: a security
// tool that runs on fork PRs must never execute repository code to read its config. Every key is
// validated (shape, rule ids against the catalog, rule options against each rule's schema); a
// problem is a ConfigError at `file:line:col` saying what was expected, never quoting the text at
// fault. What the repository names (a discovered config, registry sources) must stay inside the
// project (src/core/contained-path.ts); what the user types on the command line may point anywhere.
import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Node } from 'yaml';
import { isMap, isScalar, isSeq } from 'yaml';
import {
  ConfigError,
  ConfigErrors,
  DEFAULT_EXCLUDE,
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_SECRET_PATTERNS,
  type RegistrySourceSpec,
  type ResolvedConfig,
  type RuleOverride,
  type RuleSetting,
  type RustRegistryFields,
  throwCollected,
  type SourcePathSpec,
} from './config-types.js';
import {
  checkKeys,
  describeNode,
  entriesOf,
  expectMap,
  expectSeq,
  fail,
  parseYamlSource,
  readBoolean,
  readDate,
  readEnum,
  readInteger,
  readString,
  readStringList,
  type YamlSource,
  suggestion,
} from '../registry/yaml-reader.js';
import { toTableColumn, SECRET_TABLE_COLUMNS } from '../registry/secrets-table.js';
import { RULES_BY_ID } from '../rules/index.js';
import { containmentBoundary, resolveContained } from './contained-path.js';
import { checkRuleOptions } from './rule-options-check.js';
import type { SeverityLevel } from './rule.js';

export interface LoadConfigOptions {
  /** The invocation directory: command-line paths are relative to it, and errors are shown relative to it. */
  cwd: string;
  /**
   * Where the config search starts: the scanned directory (default: cwd). The project root is
   * derived from it alone, so the same tree gives the same root from any working directory.
   */
  searchFrom?: string;
  /** `--config FILE`, relative to cwd. */
  configFile?: string;
  /** `--registry FILE|SPEC`: replaces the configured registry list. */
  registryOverride?: string;
}

export const CONFIG_FILE_NAMES = ['.clavis-lint.yaml', '.clavis-lint.yml'];
export const DEFAULT_REGISTRY_FILE = 'secrets.registry.yaml';

const TOP_LEVEL_KEYS = [
  'registry', 'include', 'exclude', 'rules', 'docs', 'secret_patterns', 'test_code',
  'lifecycle', 'require', 'leak', 'secret_stores', 'max_file_bytes', 'platform_tokens', 'generated', 'cache',
  'extends', 'overrides', 'baseline',
] as const;
/** Deeper `extends` chains are a mistake (or a trap), not a design. */
const MAX_EXTENDS_DEPTH = 16;
const SOURCE_KINDS = ['yaml', 'rust', 'json', 'overlay'] as const;
const RUST_FIELD_KEYS = ['id', 'canonical_env', 'aliases', 'deprecated_aliases'] as const;
const LEVELS = ['off', 'warn', 'error'] as const;
const SINK_LANGUAGES = ['typescript', 'rust', 'python'] as const;
const STORE_LANGUAGES = ['typescript', 'rust', 'python', 'shell'] as const;

/** The nearest ancestor (or cwd itself) holding `.git` (a directory, or a file in worktrees). */
export function findGitRoot(start: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * Walks up from `start` to the git root. Outside a git repository only `start` itself is searched,
 * so a stray config in a parent directory (`/tmp`, `$HOME`) never silently applies. A candidate
 * that is a symbolic link must resolve inside the project (the git root, else its own directory):
 * a repository cannot make the linter read `/etc/passwd` as its config. `cwd` only shapes messages.
 */
export function findConfigFile(start: string, gitRoot: string | undefined, cwd = start): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (!isPresent(candidate)) continue;
      const contained = resolveContained(dir, name, gitRoot ?? dir);
      if ('error' in contained) {
        throw new ConfigError(`the config file ${contained.error}; it is not read (pass a file with --config to use it deliberately)`, displayPath(candidate, cwd));
      }
      if (statSync(contained.absolute).isFile()) return candidate;
    }
    if (!gitRoot || dir === gitRoot || path.dirname(dir) === dir) return undefined;
  }
}

/** The entry exists (a dangling symbolic link counts: it is refused rather than skipped). */
function isPresent(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

function displayPath(absolute: string, cwd: string): string {
  const rel = path.relative(cwd, absolute);
  return (rel === '' ? path.basename(absolute) : rel).split(path.sep).join('/');
}

/** The default registry file, when the project has one; checked like any configured source. */
function defaultRegistry(root: string): string[] {
  const file = path.join(root, DEFAULT_REGISTRY_FILE);
  if (!isPresent(file)) return [];
  const contained = resolveContained(root, DEFAULT_REGISTRY_FILE);
  if ('error' in contained) throw new ConfigError(`registry source ${contained.error}; it is not read`, DEFAULT_REGISTRY_FILE);
  return existsSync(contained.absolute) ? [DEFAULT_REGISTRY_FILE] : [];
}

/** Every setting at its default for a project rooted at `root` (no registry source: the caller decides). */
export function configDefaults(root: string): ResolvedConfig {
  return {
    root,
    registry: [],
    include: ['**/*'],
    exclude: [...DEFAULT_EXCLUDE],
    rules: {},
    docs: [],
    secretPatterns: [...DEFAULT_SECRET_PATTERNS],
    testCode: { report: true, severity: 'warn' },
    lifecycle: { hardCut: false, maxPastDays: 90 },
    require: { owner: false, rotationDays: false },
    leak: { sinks: [], sources: [], sourcePaths: [], sanitizers: [] },
    secretStores: [],
    maxFileBytes: DEFAULT_MAX_FILE_BYTES,
    platformTokens: [],
  };
}

/**
 * The project root is derived from the scanned path (`searchFrom`), never from the working
 * directory: the directory of the config file found walking up to the git root, else the git
 * root, else the scanned directory itself. `--config FILE` makes that file's directory the root.
 */
export function loadConfig(opts: LoadConfigOptions): ResolvedConfig {
  const cwd = path.resolve(opts.cwd);
  const start = path.resolve(cwd, opts.searchFrom ?? '.');
  const gitRoot = findGitRoot(start);
  let configFile: string | undefined;
  if (opts.configFile) {
    configFile = path.resolve(cwd, opts.configFile);
    if (/\.(c|m)?[jt]s$/.test(configFile)) {
      throw new ConfigError('JavaScript/TypeScript config files are never loaded; expected a YAML config (.clavis-lint.yaml)', opts.configFile);
    }
    if (!existsSync(configFile) || !statSync(configFile).isFile()) throw new ConfigError('config file not found; expected a readable YAML file', opts.configFile);
  } else {
    configFile = findConfigFile(start, gitRoot, cwd);
  }
  const root = configFile ? path.dirname(configFile) : (gitRoot ?? start);
  const config = configDefaults(root);
  let keys = new Set<string>();
  if (configFile) {
    config.configFile = configFile;
    const shown = displayPath(configFile, cwd);
    const source = parseYamlSource(readConfigText(configFile, shown), shown, 'config', true);
    keys = applyConfigDocument(source, config, diskConfigReader(root, cwd));
  }
  if (opts.registryOverride) {
    config.registry = parseRegistryOverride(opts.registryOverride, cwd);
    config.registryFromCommandLine = true;
  } else if (!keys.has('registry')) {
    config.registry = defaultRegistry(root);
  }
  return config;
}

function readConfigText(file: string, shown: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`config file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}); expected a readable YAML file`, shown);
  }
}

/**
 * `--registry` value: comma-separated sources, each `rust:PATH`, `json:PATH`, `yaml:PATH`,
 * `overlay:PATH` or a bare path (typed by extension). Paths are relative to cwd, made absolute.
 */
export function parseRegistryOverride(value: string, cwd: string): RegistrySourceSpec[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part): RegistrySourceSpec => {
      const colon = part.indexOf(':');
      const prefix = colon > 1 ? part.slice(0, colon) : '';
      if ((SOURCE_KINDS as readonly string[]).includes(prefix)) {
        return { from: prefix as (typeof SOURCE_KINDS)[number], path: path.resolve(cwd, part.slice(colon + 1)) };
      }
      return path.resolve(cwd, part);
    });
}

/**
 * How `extends:` reaches other configs. Paths are root-relative with `/`. `read` gives a shared
 * config file's text (undefined when missing) and throws a ConfigError when it may not be read;
 * `readInstalled` reads inside `node_modules` (installed packages: the working tree's even under
 * `--policy-from`, since they are not versioned); `show` names a file in messages.
 */
export interface ConfigReader {
  read(rel: string): string | undefined;
  readInstalled(rel: string): string | undefined;
  show(rel: string): string;
}

/** Reads shared configs from disk, inside the project (src/core/contained-path.ts): never through `..` or a link that leads out. */
export function diskConfigReader(root: string, cwd: string): ConfigReader {
  const read = (rel: string): string | undefined => {
    const contained = resolveContained(root, rel);
    if ('error' in contained) throw new ConfigError(`the shared config ${contained.error}; it is not read. Expected a file inside the project`);
    try {
      return statSync(contained.absolute).isFile() ? readFileSync(contained.absolute, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  };
  return { read, readInstalled: read, show: (rel) => displayPath(path.resolve(root, rel), cwd) };
}

/** Root-relative name of the document being applied: `extends` paths are relative to its directory. */
function documentPath(source: YamlSource, config: ResolvedConfig, chain: readonly string[]): string {
  return chain[chain.length - 1] ?? (config.configFile ? path.basename(config.configFile) : source.file);
}

/**
 * Validates the document and writes it over `config`. Returns the top-level keys it set (its own
 * and those of the configs it extends). `extends:` entries are applied first, in order, then the
 * document's own keys: later entries and the extending file win (`rules` and `overrides` merge,
 * every other key is replaced whole). Every problem is collected, in this document and in the
 * ones it extends, and thrown together (ConfigErrors) once the whole chain has been read.
 */
export function applyConfigDocument(source: YamlSource, config: ResolvedConfig, reader?: ConfigReader, chain: readonly string[] = []): Set<string> {
  const problems: ConfigError[] = [];
  const keys = applyCollecting(source, config, reader, chain.length > 0 ? chain : [documentPath(source, config, chain)], problems);
  throwCollected(problems);
  return keys;
}

/** Runs `read`, recording a ConfigError instead of stopping at it. */
function attempt<T>(problems: ConfigError[], read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (error instanceof ConfigErrors) problems.push(...error.errors);
    else if (error instanceof ConfigError) problems.push(error);
    else throw error;
    return undefined;
  }
}

function applyCollecting(source: YamlSource, config: ResolvedConfig, reader: ConfigReader | undefined, chain: readonly string[], problems: ConfigError[]): Set<string> {
  const contents = source.doc.contents as Node | null;
  if (contents === null || (isScalar(contents) && contents.value === null)) return new Set(); // empty config: all defaults
  const top = expectMap(source, contents, 'config');
  const keys = new Set<string>();
  const fields = new Map<string, { value: Node | null; key: Node }>();
  for (const pair of top.items) {
    const keyNode = pair.key as Node | null;
    if (!isScalar(keyNode) || typeof keyNode.value !== 'string') {
      attempt(problems, () => fail(source, keyNode, 'config: expected string keys', top));
      continue;
    }
    const key = keyNode.value;
    if (!(TOP_LEVEL_KEYS as readonly string[]).includes(key)) {
      attempt(problems, () => fail(source, keyNode, `config: unknown key; expected one of: ${TOP_LEVEL_KEYS.join(', ')}${suggestion(key, TOP_LEVEL_KEYS)}`));
      continue;
    }
    fields.set(key, { value: (pair.value ?? null) as Node | null, key: keyNode });
    keys.add(key);
  }
  const extendsField = fields.get('extends');
  if (extendsField) {
    for (const key of applyExtends(source, extendsField.value, extendsField.key, config, reader, chain, problems)) keys.add(key);
  }
  for (const [key, { value, key: keyNode }] of fields) {
    attempt(problems, () => applyKey(source, key, value, keyNode, config, problems));
  }
  return keys;
}

function applyKey(source: YamlSource, key: string, value: Node | null, keyNode: Node, config: ResolvedConfig, problems: ConfigError[]): void {
  switch (key) {
    case 'registry':
      config.registry = readRegistrySpecs(source, value, keyNode, config.root);
      break;
    case 'include':
      config.include = readStringList(source, value, 'include', keyNode);
      break;
    case 'exclude':
      config.exclude = [...DEFAULT_EXCLUDE, ...readStringList(source, value, 'exclude', keyNode)];
      break;
    case 'rules':
      config.rules = { ...config.rules, ...readRules(source, value, keyNode, problems) };
      break;
    case 'docs':
      config.docs = readDocs(source, value, keyNode);
      break;
    case 'secret_patterns':
      config.secretPatterns = readPatterns(source, value, keyNode);
      break;
    case 'test_code':
      readSection(source, value, keyNode, 'test_code', {
        report: (n, k) => (config.testCode.report = readBoolean(source, n, 'test_code.report', k)),
        severity: (n, k) => (config.testCode.severity = readEnum(source, n, 'test_code.severity', ['warn', 'error'] as const, k)),
      });
      break;
    case 'lifecycle':
      readSection(source, value, keyNode, 'lifecycle', {
        hard_cut: (n, k) => (config.lifecycle.hardCut = readBoolean(source, n, 'lifecycle.hard_cut', k)),
        max_past_days: (n, k) => (config.lifecycle.maxPastDays = readInteger(source, n, 'lifecycle.max_past_days', 0, k)),
        today: (n, k) => (config.lifecycle.today = readDate(source, n, 'lifecycle.today', k)),
      });
      break;
    case 'require':
      readSection(source, value, keyNode, 'require', {
        owner: (n, k) => (config.require.owner = readBoolean(source, n, 'require.owner', k)),
        rotation_days: (n, k) => (config.require.rotationDays = readBoolean(source, n, 'require.rotation_days', k)),
      });
      break;
    case 'leak':
      readSection(source, value, keyNode, 'leak', {
        sinks: (n, k) => (config.leak.sinks = readSinks(source, n, k)),
        sources: (n, k) => Object.assign(config.leak, readLeakSources(source, n, k)),
        sanitizers: (n, k) => (config.leak.sanitizers = readStringList(source, n, 'leak.sanitizers', k)),
      });
      break;
    case 'secret_stores':
      config.secretStores = readSecretStores(source, value, keyNode);
      break;
    case 'max_file_bytes':
      config.maxFileBytes = readInteger(source, value, 'max_file_bytes', 1, keyNode);
      break;
    case 'generated':
      readSection(source, value, keyNode, 'generated', {
        scan: (n, k) => (config.generated = { scan: readBoolean(source, n, 'generated.scan', k) }),
      });
      break;
    case 'cache':
      readSection(source, value, keyNode, 'cache', {
        enabled: (n, k) => (config.cache = { ...config.cache, enabled: readBoolean(source, n, 'cache.enabled', k) }),
        location: (n, k) => (config.cache = { ...config.cache, location: readCacheLocation(source, n, k) }),
      });
      break;
    case 'extends':
      break; // applied before every other key
    case 'overrides':
      config.overrides = [...(config.overrides ?? []), ...readOverrides(source, value, keyNode, problems)];
      break;
    case 'baseline':
      config.baseline = readBaselinePath(source, value, keyNode, config.root);
      break;
    case 'platform_tokens':
      config.platformTokens = readStringList(source, value, 'platform_tokens', keyNode);
      break;
  }
}

type FieldReader = (value: Node | null, key: Node) => unknown;

function readSection(source: YamlSource, node: Node | null, keyNode: Node, where: string, readers: Record<string, FieldReader>): void {
  const map = expectMap(source, node, where, keyNode);
  for (const [key, field] of checkKeys(source, map, Object.keys(readers), where)) readers[key](field.value, field.key);
}

function readRegistrySpecs(source: YamlSource, node: Node | null, keyNode: Node, root: string): RegistrySourceSpec[] {
  const specs = isSeq(node)
    ? expectSeq(source, node, 'registry').items.map((item, i) => readRegistrySpec(source, item, `registry[${i}]`, node, root))
    : [readRegistrySpec(source, node, 'registry', keyNode, root)];
  return specs;
}

/** A registry path written in the config must stay inside the project; located at the path itself. */
function containedSourcePath(source: YamlSource, node: Node | null, where: string, file: string, root: string, fallback: Node): string {
  const contained = resolveContained(root, file);
  if ('error' in contained) fail(source, node, `${where}: the registry source ${contained.error}; it is not read. Expected a path inside the project`, fallback);
  return file;
}

function readRegistrySpec(source: YamlSource, node: Node | null, where: string, fallback: Node, root: string): RegistrySourceSpec {
  if (!isMap(node)) {
    if (isScalar(node) && typeof node.value === 'string' && node.value) return containedSourcePath(source, node, where, node.value, root, fallback);
    return fail(source, node, `${where}: expected a registry file path or a source object ({ from, path }), got ${describeNode(node)}`, fallback);
  }
  const fields = checkKeys(source, expectMap(source, node, where), ['from', 'path', 'struct', 'fields'], where);
  const fromField = fields.get('from');
  const pathField = fields.get('path');
  if (!fromField) fail(source, node, `${where}: missing "from"; expected one of ${SOURCE_KINDS.join(' | ')}`);
  if (!pathField) fail(source, node, `${where}: missing "path"; expected the source file, relative to the project root`);
  const from = readEnum(source, fromField.value, `${where}.from`, SOURCE_KINDS, fromField.key);
  const file = containedSourcePath(source, pathField.value, `${where}.path`, readString(source, pathField.value, `${where}.path`, pathField.key), root, pathField.key);
  if (from !== 'rust') {
    for (const rustOnly of ['struct', 'fields']) {
      const field = fields.get(rustOnly);
      if (field) fail(source, field.key, `${where}: "${rustOnly}" only applies to \`from: rust\` sources`);
    }
    return { from, path: file };
  }
  const spec: Extract<RegistrySourceSpec, { from: 'rust' }> = { from, path: file };
  const structField = fields.get('struct');
  if (structField) spec.struct = readString(source, structField.value, `${where}.struct`, structField.key);
  const namesField = fields.get('fields');
  if (namesField) {
    const map = expectMap(source, namesField.value, `${where}.fields`, namesField.key);
    const names: Partial<RustRegistryFields> = {};
    for (const [key, field] of checkKeys(source, map, RUST_FIELD_KEYS, `${where}.fields`)) {
      names[key as keyof RustRegistryFields] = readString(source, field.value, `${where}.fields.${key}`, field.key);
    }
    spec.fields = names;
  }
  return spec;
}

/**
 * `rules:` maps a catalog id to a level or `[level, { options }]`. An id the catalog does not know
 * is an error at its line (a typo would otherwise silently leave the rule at its default), and
 * options are checked against the rule's own schema. Only catalog words are ever quoted back.
 */
function readRules(source: YamlSource, node: Node | null, keyNode: Node, problems: ConfigError[]): Record<string, RuleSetting> {
  const map = expectMap(source, node, 'rules', keyNode);
  const rules: Record<string, RuleSetting> = {};
  for (const [id, value, pair] of entriesOf(source, map, 'rules')) {
    attempt(problems, () => (rules[id] = readRuleSetting(source, id, value, pair.key as Node)));
  }
  return rules;
}

const RULE_IDS = (): string[] => [...RULES_BY_ID.keys()];

function readRuleSetting(source: YamlSource, id: string, value: Node | null, keyNode: Node): RuleSetting {
  const expected = 'expected off | warn | error, or [level, { options }]';
  {
    const pair = { key: keyNode };
    const rule = RULES_BY_ID.get(id);
    if (!rule) fail(source, pair.key as Node, `rules: unknown rule id; expected an id listed by 'clavis-lint rules'${suggestion(id, RULE_IDS())}`);
    const where = `rules.${id}`;
    if (isScalar(value)) return { level: readEnum(source, value, where, LEVELS, pair.key as Node), options: {} };
    if (!isSeq(value) || value.items.length < 1 || value.items.length > 2) fail(source, value, `${where}: ${expected}, got ${describeNode(value)}`, pair.key as Node);
    const [levelNode, optionsNode] = value.items as Node[];
    const level = readEnum(source, levelNode, `${where}[0]`, LEVELS, value);
    const options = optionsNode ? readRuleOptions(source, optionsNode, `${where}[1] (rule options)`, rule.meta.optionsSchema) : {};
    return { level, options };
  }
}

/**
 * `overrides: [{ files: [glob], rules: { id: level } }]`: levels only (a rule runs with one set of
 * options), globs relative to the project root. Each entry and each rule is checked on its own.
 */
function readOverrides(source: YamlSource, node: Node | null, keyNode: Node, problems: ConfigError[]): RuleOverride[] {
  const out: RuleOverride[] = [];
  expectSeq(source, node, 'overrides', keyNode).items.forEach((item, i) => {
    attempt(problems, () => {
      const at = `overrides[${i}]`;
      const fields = checkKeys(source, expectMap(source, item, at), ['files', 'rules'], at);
      const filesField = fields.get('files');
      const rulesField = fields.get('rules');
      if (!filesField) fail(source, item, `${at}: missing "files"; expected a list of globs relative to the project root, e.g. ["test/**"]`);
      if (!rulesField) fail(source, item, `${at}: missing "rules"; expected { rule-id: off | warn | error }`);
      const files = isScalar(filesField.value) ? [readString(source, filesField.value, `${at}.files`, filesField.key)] : readStringList(source, filesField.value, `${at}.files`, filesField.key);
      if (files.length === 0) fail(source, filesField.value, `${at}.files: expected at least one glob`, filesField.key);
      const rules: Record<string, SeverityLevel> = {};
      for (const [id, value, pair] of entriesOf(source, expectMap(source, rulesField.value, `${at}.rules`, rulesField.key), `${at}.rules`)) {
        attempt(problems, () => {
          if (!RULES_BY_ID.has(id)) fail(source, pair.key as Node, `${at}.rules: unknown rule id; expected an id listed by 'clavis-lint rules'${suggestion(id, RULE_IDS())}`);
          if (isSeq(value)) fail(source, value, `${at}.rules.${id}: overrides set levels only (off | warn | error); rule options belong in rules:`, pair.key as Node);
          rules[id] = readEnum(source, value, `${at}.rules.${id}`, LEVELS, pair.key as Node);
        });
      }
      out.push({ files, rules });
    });
  });
  return out;
}

/** `baseline: path`: the baseline file, inside the project (a repository's config may not point elsewhere; --baseline may). */
function readBaselinePath(source: YamlSource, node: Node | null, keyNode: Node, root: string): string {
  const file = readString(source, node, 'baseline', keyNode);
  const contained = resolveContained(root, file);
  if ('error' in contained) fail(source, node, `baseline: the baseline file ${contained.error}; expected a path inside the project, relative to it (use --baseline for one elsewhere)`, keyNode);
  return file;
}

/** A bare name is a package (`@org/clavis-config`); a path starts with `.` or `/` or ends in .yaml/.yml/.json. */
function isPackageName(entry: string): boolean {
  return !/^[./]/.test(entry) && !/\.(ya?ml|json)$/i.test(entry);
}

const PACKAGE_NAME = /^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/i;

/**
 * `extends: [file or package]`: each entry applied over the config in order, before the document's
 * own keys. Files are relative to the extending document; packages are looked up in `node_modules`
 * from its directory up to the project boundary, and give their package.json `clavis-lint` field
 * (a path inside the package) or their `clavis-lint.yaml`. Data only: never JavaScript.
 */
function applyExtends(
  source: YamlSource,
  node: Node | null,
  keyNode: Node,
  config: ResolvedConfig,
  reader: ConfigReader | undefined,
  chain: readonly string[],
  problems: ConfigError[],
): Set<string> {
  const keys = new Set<string>();
  const entries = attempt(problems, (): Array<{ entry: string; node: Node | null }> => {
    if (isScalar(node)) return [{ entry: readString(source, node, 'extends', keyNode), node }];
    const seq = expectSeq(source, node, 'extends', keyNode);
    return seq.items.map((item, i) => ({ entry: readString(source, item as Node | null, `extends[${i}]`, seq), node: item as Node | null }));
  });
  if (!entries) return keys;
  if (!reader) {
    attempt(problems, () => fail(source, keyNode, 'extends: shared configs cannot be read here; expected a config file on disk'));
    return keys;
  }
  const here = path.posix.dirname(chain[chain.length - 1]);
  entries.forEach(({ entry, node: itemNode }, i) => {
    attempt(problems, () => {
      const at = isSeq(node) ? `extends[${i}]` : 'extends';
      const located = (message: string): never => fail(source, itemNode, `${at}: ${message}`, keyNode);
      const target = isPackageName(entry) ? locatePackage(entry, here, config.root, reader, located) : path.posix.normalize(path.posix.join(here, entry.split('\\').join('/')));
      if (path.posix.isAbsolute(target) || path.isAbsolute(entry)) located('expected a path relative to the config file, inside the project');
      if (chain.includes(target)) located(`extends cycle: ${[...chain, target].join(' -> ')}`);
      if (chain.length >= MAX_EXTENDS_DEPTH) located(`more than ${MAX_EXTENDS_DEPTH} nested extends; expected a shallower chain`);
      let text: string | undefined;
      try {
        text = isPackageName(entry) ? reader.readInstalled(target) : reader.read(target);
      } catch (error) {
        if (error instanceof ConfigError) located(error.message);
        throw error;
      }
      if (text === undefined) return located(`shared config not found; expected a YAML or JSON file at ${reader.show(target)}`);
      const shared = parseYamlSource(text, reader.show(target), 'shared config', true);
      for (const key of applyCollecting(shared, config, reader, [...chain, target], problems)) keys.add(key);
      config.extendedFiles = [...(config.extendedFiles ?? []), target];
    });
  });
  return keys;
}

/** The root-relative config file a package stands for; the package name is checked, never quoted back. */
function locatePackage(name: string, from: string, root: string, reader: ConfigReader, located: (message: string) => never): string {
  if (!PACKAGE_NAME.test(name)) located('expected a package name (name or @scope/name) or a path to a YAML or JSON file');
  // From the extending file's directory up to the root, then up to the boundary (a monorepo's hoisted node_modules).
  const boundary = path.relative(root, containmentBoundary(root)).split(path.sep).join('/') || '.';
  const up = (dir: string): string => (dir === '.' ? '..' : dir === '..' || dir.startsWith('../') ? path.posix.normalize(`${dir}/..`) : path.posix.dirname(dir));
  for (let dir = from; ; dir = up(dir)) {
    const packageDir = path.posix.normalize(path.posix.join(dir, 'node_modules', name));
    const manifest = readPackageFile(reader, `${packageDir}/package.json`, located);
    if (manifest !== undefined) {
      let field: unknown;
      try {
        field = (JSON.parse(manifest) as Record<string, unknown>)['clavis-lint'];
      } catch {
        located("the package's package.json is not valid JSON");
      }
      if (field === undefined) return `${packageDir}/clavis-lint.yaml`;
      if (typeof field !== 'string' || field === '') located('the package.json "clavis-lint" field must be a path to a YAML or JSON config inside the package');
      const inside = path.posix.normalize(field.split('\\').join('/'));
      if (path.posix.isAbsolute(inside) || inside === '..' || inside.startsWith('../') || /\.(c|m)?[jt]s$/.test(inside)) {
        located('the package.json "clavis-lint" field must be a path to a YAML or JSON config inside the package (JavaScript is never loaded)');
      }
      return path.posix.join(packageDir, inside);
    }
    if (readPackageFile(reader, `${packageDir}/clavis-lint.yaml`, located) !== undefined) return `${packageDir}/clavis-lint.yaml`;
    if (dir === boundary || dir.split('/').length > 64) break;
  }
  return located("package not found in node_modules (inside the project); install it, or name a file path starting with './'");
}

/** An installed file's text; a package that leads out of the project is refused with the reason, never followed. */
function readPackageFile(reader: ConfigReader, rel: string, located: (message: string) => never): string | undefined {
  try {
    return reader.readInstalled(rel);
  } catch (error) {
    if (error instanceof ConfigError) located(error.message);
    throw error;
  }
}

function readRuleOptions(source: YamlSource, node: Node, where: string, schema: Record<string, unknown> | undefined): Record<string, unknown> {
  const map = expectMap(source, node, where);
  const problem = checkRuleOptions(map, schema);
  if (problem) fail(source, problem.node, `${where}: ${problem.message}`, map);
  return map.toJSON() as Record<string, unknown>;
}

const COLUMN_NAMES = Object.keys(SECRET_TABLE_COLUMNS);

function readDocs(source: YamlSource, node: Node | null, keyNode: Node): ResolvedConfig['docs'] {
  const expected = 'expected a docs page path or { path, columns }';
  return expectSeq(source, node, 'docs', keyNode).items.map((item, i) => {
    const where = `docs[${i}]`;
    if (isScalar(item)) {
      if (typeof item.value !== 'string') fail(source, item, `${where}: ${expected}, got ${describeNode(item)}`);
      return { path: readString(source, item, where) };
    }
    if (!isMap(item)) fail(source, item, `${where}: ${expected}, got ${describeNode(item)}`, node);
    const fields = checkKeys(source, expectMap(source, item, where), ['path', 'columns'], where);
    const pathField = fields.get('path');
    if (!pathField) fail(source, item, `${where}: missing "path"; expected the docs page, relative to the project root`);
    const page: ResolvedConfig['docs'][number] = { path: readString(source, pathField.value, `${where}.path`, pathField.key) };
    const columns = fields.get('columns');
    if (columns) {
      const seq = expectSeq(source, columns.value, `${where}.columns`, columns.key);
      page.columns = seq.items.map((column, j) => {
        const name = readString(source, column, `${where}.columns[${j}]`, seq);
        if (!toTableColumn(name)) fail(source, column, `${where}.columns[${j}]: unknown column; expected one of: ${COLUMN_NAMES.join(', ')}${suggestion(name, COLUMN_NAMES)}`, seq);
        return name;
      });
    }
    return page;
  });
}

function readPatterns(source: YamlSource, node: Node | null, keyNode: Node): string[] {
  const seq = expectSeq(source, node, 'secret_patterns', keyNode);
  return seq.items.map((item, i) => {
    const pattern = readString(source, item, `secret_patterns[${i}]`, seq);
    try {
      new RegExp(pattern, 'i');
    } catch {
      fail(source, item, `secret_patterns[${i}]: expected a valid JavaScript regular expression`);
    }
    return pattern;
  });
}

/** A catalog extension item: a mapping with required and optional keys of simple types. */
function readCatalogItems(
  source: YamlSource,
  node: Node | null,
  keyNode: Node,
  where: string,
  shape: Record<string, { required: boolean; read: (n: Node | null, at: string, k: Node) => unknown }>,
): Record<string, unknown>[] {
  return expectSeq(source, node, where, keyNode).items.map((item, i) => {
    const at = `${where}[${i}]`;
    const fields = checkKeys(source, expectMap(source, item, at), Object.keys(shape), at);
    const entry: Record<string, unknown> = {};
    for (const [key, spec] of Object.entries(shape)) {
      const field = fields.get(key);
      if (!field) {
        if (spec.required) fail(source, item, `${at}: missing "${key}"`);
        continue;
      }
      entry[key] = spec.read(field.value, `${at}.${key}`, field.key);
    }
    return entry;
  });
}

/**
 * `leak.sources`: each item a call name (its whole result is secret, as before) or `{ call, path }`
 * (only the dotted property path under the result is secret, DESIGN §10). A wrong shape is an
 * error at the item's line saying what was expected.
 */
function readLeakSources(source: YamlSource, node: Node | null, keyNode: Node): { sources: string[]; sourcePaths: SourcePathSpec[] } {
  const seq = expectSeq(source, node, 'leak.sources', keyNode);
  const sources: string[] = [];
  const sourcePaths: SourcePathSpec[] = [];
  seq.items.forEach((item, i) => {
    const at = `leak.sources[${i}]`;
    if (isScalar(item)) {
      sources.push(readString(source, item, at, seq));
      return;
    }
    if (!isMap(item)) fail(source, item, `${at}: expected a call name or { call, path }, got ${describeNode(item)}`, seq);
    const fields = checkKeys(source, expectMap(source, item, at), ['call', 'path'], at);
    const callField = fields.get('call');
    const pathField = fields.get('path');
    if (!callField) fail(source, item, `${at}: missing "call"; expected the function whose result holds the secret, e.g. get_config`);
    if (!pathField) fail(source, item, `${at}: missing "path"; expected the dotted property path of the secret under the result, e.g. llm.api_key`);
    const call = readString(source, callField.value, `${at}.call`, callField.key);
    const dotted = readString(source, pathField.value, `${at}.path`, pathField.key);
    const segments = dotted.split('.');
    if (segments.includes('')) {
      fail(source, pathField.value, `${at}.path: empty segment; expected property names joined by single dots, e.g. llm.api_key`, pathField.key);
    }
    sourcePaths.push({ call, path: segments });
  });
  return { sources, sourcePaths };
}

function readSinks(source: YamlSource, node: Node | null, keyNode: Node): unknown[] {
  const str = (n: Node | null, at: string, k: Node) => readString(source, n, at, k);
  const args = (n: Node | null, at: string, k: Node): number[] | 'all' => {
    if (isScalar(n) && n.value === 'all') return 'all';
    if (!isSeq(n)) return fail(source, n, `${at}: expected "all" or a list of argument positions`, k);
    return n.items.map((item, j) => readInteger(source, item as Node, `${at}[${j}]`, 0, n));
  };
  return readCatalogItems(source, node, keyNode, 'leak.sinks', {
    id: { required: true, read: str },
    language: { required: true, read: (n, at, k) => readEnum(source, n, at, SINK_LANGUAGES, k) },
    ruleId: { required: true, read: str },
    module: { required: false, read: str },
    callee: { required: true, read: str },
    args: { required: true, read: args },
    path: { required: false, read: str },
    allowed: { required: false, read: (n, at, k) => readBoolean(source, n, at, k) },
    label: { required: true, read: str },
  });
}

function readSecretStores(source: YamlSource, node: Node | null, keyNode: Node): unknown[] {
  const str = (n: Node | null, at: string, k: Node) => readString(source, n, at, k);
  return readCatalogItems(source, node, keyNode, 'secret_stores', {
    provider: { required: true, read: str },
    language: { required: true, read: (n, at, k) => readEnum(source, n, at, STORE_LANGUAGES, k) },
    module: { required: true, read: str },
    calls: { required: true, read: (n, at, k) => readStringList(source, n, at, k) },
    label: { required: true, read: str },
  });
}

/** `cache.location`: a directory inside the project, relative to the root (a repository's config may not point the cache elsewhere). */
function readCacheLocation(source: YamlSource, node: Node | null, keyNode: Node): string {
  const location = readString(source, node, 'cache.location', keyNode);
  const normal = path.posix.normalize(location.split(path.sep).join('/'));
  if (location === '' || path.isAbsolute(location) || normal === '..' || normal.startsWith('../')) {
    fail(source, node, `invalid cache.location '${location}': expected a directory inside the project, relative to it (use --cache-location for one elsewhere)`, keyNode);
  }
  return location;
}
