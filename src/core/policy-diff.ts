// Compares the policy a change is judged by (config + registry at the base commit) with the one
// it brings (the working tree), and lists every way the new one is weaker: rule levels lowered,
// files taken out of the scan, secrets removed or demoted to `kind: config`, removal dates pushed
// back, the resolver or sanitizers widened, secret patterns dropped, test code hidden, new inline
// suppressions. Pure: both sides are already loaded; the `policy-weakened` rule reports the result.
import type { Range } from './facts.js';
import type { ResolvedConfig } from './config-types.js';
import type { Registry, SecretEntry } from '../registry/model.js';
import type { SeverityLevel } from './rule.js';
import { compareCodeUnits } from './compare.js';
import { overrideMatchers } from './rule-levels.js';
import { yamlKeyLocator, type KeyPath, type YamlKeyLocator } from './yaml-key-locator.js';

export interface PolicySide {
  config: ResolvedConfig;
  registry: Registry;
  /** Effective level per rule id from the config alone (command-line overrides apply to both sides). */
  levels: Map<string, SeverityLevel>;
  options: Map<string, Record<string, unknown>>;
  /** Files this side's include/exclude select from the working tree. */
  scannedFiles: string[];
}

export interface PolicyChange {
  messageId: PolicyMessageId;
  data: Record<string, string>;
  file: string;
  range: Range;
  secretId?: string;
  envName?: string;
}

export type PolicyMessageId =
  | 'ruleLowered'
  | 'ruleOptionsChanged'
  | 'filesExcluded'
  | 'secretRemoved'
  | 'nameRemoved'
  | 'secretDemoted'
  | 'removalPostponed'
  | 'resolverWidened'
  | 'patternsNarrowed'
  | 'testCodeRelaxed'
  | 'lifecycleRelaxed'
  | 'suppressionAdded';

/** A new inline suppression in the working tree that the base version of its file does not have. */
export interface AddedSuppression {
  file: string;
  range: Range;
  rules: string[];
}

export interface PolicyTexts {
  /** Text of the working tree's config file, to point findings at the changed key. */
  headConfigText?: string;
  /** Text of each working-tree registry file (root-relative path -> text). */
  headRegistryTexts: Map<string, string>;
  /** Root-relative path of the config file at the base commit, when it had one. */
  baseConfigFile?: string;
}

const RANK: Record<SeverityLevel, number> = { off: 0, warn: 1, error: 2 };
const EXAMPLES = 3;

export function diffPolicies(base: PolicySide, head: PolicySide, texts: PolicyTexts, suppressions: AddedSuppression[]): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const configFile = relativeConfigFile(head.config) ?? texts.baseConfigFile ?? '.clavis-lint.yaml';
  const configKeys = yamlKeyLocator(texts.headConfigText);
  const atConfig = (keyPath: KeyPath): { file: string; range: Range } => ({ file: configFile, range: configKeys.locate(keyPath) });

  diffRuleLevels(base, head, atConfig, changes);
  diffScannedFiles(base, head, atConfig, changes);
  diffRegistry(base.registry, head.registry, texts, changes);
  diffConfigSettings(base.config, head.config, atConfig, changes);
  for (const s of suppressions) {
    changes.push({ messageId: 'suppressionAdded', data: { rules: s.rules.length > 0 ? s.rules.join(', ') : 'all rules' }, file: s.file, range: s.range });
  }
  return changes;
}

function relativeConfigFile(config: ResolvedConfig): string | undefined {
  if (!config.configFile) return undefined;
  const root = config.root.endsWith('/') ? config.root : `${config.root}/`;
  return config.configFile.startsWith(root) ? config.configFile.slice(root.length).split('\\').join('/') : undefined;
}

type Locate = (keyPath: KeyPath) => { file: string; range: Range };

function diffRuleLevels(base: PolicySide, head: PolicySide, at: Locate, out: PolicyChange[]): void {
  const ids = [...base.levels.keys()].sort(compareCodeUnits);
  for (const id of ids) {
    const from = base.levels.get(id)!;
    const to = head.levels.get(id) ?? from;
    if (RANK[to] < RANK[from]) {
      out.push({ messageId: 'ruleLowered', data: { rule: id, from, to }, ...at(['rules', id]) });
    } else if (stableJson(base.options.get(id) ?? {}) !== stableJson(head.options.get(id) ?? {})) {
      out.push({ messageId: 'ruleOptionsChanged', data: { rule: id }, ...at(['rules', id]) });
    } else {
      diffPathLevels(id, base, head, at, out);
    }
  }
}

/**
 * `overrides:` may lower a rule for some files only (a new entry, a wider glob, a lower level):
 * compared file by file over the files either side scans, reported once per rule at `overrides`.
 */
function diffPathLevels(id: string, base: PolicySide, head: PolicySide, at: Locate, out: PolicyChange[]): void {
  if (!base.config.overrides?.length && !head.config.overrides?.length) return;
  const levelAt = (side: PolicySide, matchers: ReturnType<typeof overrideMatchers>, file: string): SeverityLevel => {
    let level = side.levels.get(id) ?? 'off';
    for (const m of matchers) if (m.rules[id] !== undefined && m.matches(file)) level = m.rules[id];
    return level;
  };
  const baseMatchers = overrideMatchers(base.config.overrides);
  const headMatchers = overrideMatchers(head.config.overrides);
  const files = [...new Set([...base.scannedFiles, ...head.scannedFiles])].sort(compareCodeUnits);
  const lowered: Array<{ file: string; from: SeverityLevel; to: SeverityLevel }> = [];
  for (const file of files) {
    const from = levelAt(base, baseMatchers, file);
    const to = levelAt(head, headMatchers, file);
    if (RANK[to] < RANK[from]) lowered.push({ file, from, to });
  }
  if (lowered.length === 0) return;
  const [first] = lowered;
  const more = lowered.length > 1 ? ` and ${lowered.length - 1} more file(s)` : '';
  out.push({ messageId: 'ruleLowered', data: { rule: id, from: first.from, to: `${first.to} in ${first.file}${more}` }, ...at(head.config.overrides?.length ? ['overrides'] : ['rules', id]) });
}

function diffScannedFiles(base: PolicySide, head: PolicySide, at: Locate, out: PolicyChange[]): void {
  const now = new Set(head.scannedFiles);
  const dropped = base.scannedFiles.filter((file) => !now.has(file));
  if (dropped.length === 0) return;
  const newExclude = head.config.exclude.findIndex((pattern) => !base.config.exclude.includes(pattern));
  const where = newExclude >= 0 ? at(['exclude']) : at(['include']);
  const examples = dropped.slice(0, EXAMPLES).join(', ') + (dropped.length > EXAMPLES ? ', …' : '');
  out.push({ messageId: 'filesExcluded', data: { count: String(dropped.length), examples }, ...where });
}

function namesOf(secret: SecretEntry): string[] {
  return [secret.env, ...secret.aliases, ...secret.deprecated.map((d) => d.name)];
}

function registryLocator(registry: Registry, texts: PolicyTexts): { file: string; keys: YamlKeyLocator } {
  const file = registry.files[0] ?? 'secrets.registry.yaml';
  return { file, keys: yamlKeyLocator(texts.headRegistryTexts.get(file)) };
}

function diffRegistry(base: Registry, head: Registry, texts: PolicyTexts, out: PolicyChange[]): void {
  const headById = new Map(head.secrets.map((s) => [s.id, s]));
  const top = registryLocator(head, texts);
  for (const before of base.secrets) {
    const after = headById.get(before.id);
    if (!after) {
      out.push({ messageId: 'secretRemoved', data: { id: before.id, env: before.env }, file: top.file, range: top.keys.locate(['secrets']), secretId: before.id, envName: before.env });
      continue;
    }
    const at = { file: after.origin.file, range: originRange(after) };
    if (before.kind === 'secret' && after.kind === 'config') {
      out.push({ messageId: 'secretDemoted', data: { id: after.id }, ...at, secretId: after.id, envName: after.env });
    }
    const kept = new Set(namesOf(after));
    for (const name of namesOf(before)) {
      if (!kept.has(name)) out.push({ messageId: 'nameRemoved', data: { id: after.id, name }, ...at, secretId: after.id, envName: name });
    }
    for (const dep of before.deprecated) {
      const now = after.deprecated.find((d) => d.name === dep.name);
      if (!now || !dep.removeAfter) continue;
      if (!now.removeAfter || now.removeAfter > dep.removeAfter) {
        const range = { line: now.origin.line, column: now.origin.column, endLine: now.origin.endLine ?? now.origin.line, endColumn: now.origin.endColumn ?? now.origin.column + 1 };
        out.push({ messageId: 'removalPostponed', data: { name: dep.name, from: dep.removeAfter, to: now.removeAfter ?? 'no date' }, file: now.origin.file, range, secretId: after.id, envName: dep.name });
      }
    }
  }
  const widened: string[] = [];
  for (const p of head.resolver.paths) if (!base.resolver.paths.includes(p)) widened.push(`resolver path '${p}'`);
  for (const s of head.resolver.sanitizers) if (!base.resolver.sanitizers.includes(s)) widened.push(`sanitizer '${s}'`);
  for (const f of base.resolver.functions) if (!head.resolver.functions.includes(f)) widened.push(`resolver function '${f}' removed`);
  for (const t of base.resolver.types) if (!head.resolver.types.includes(t)) widened.push(`secret type '${t}' removed`);
  if (widened.length > 0) out.push({ messageId: 'resolverWidened', data: { what: widened.join(', ') }, file: top.file, range: top.keys.locate(['resolver']) });
}

function diffConfigSettings(base: ResolvedConfig, head: ResolvedConfig, at: Locate, out: PolicyChange[]): void {
  const sanitizers = head.leak.sanitizers.filter((s) => !base.leak.sanitizers.includes(s)).map((s) => `sanitizer '${s}'`);
  const sources = base.leak.sources.filter((s) => !head.leak.sources.includes(s)).map((s) => `source '${s}' removed`);
  const pathKey = (p: { call: string; path: string[] }) => `${p.call} ${p.path.join('.')}`;
  const headPaths = new Set(head.leak.sourcePaths.map(pathKey));
  for (const p of base.leak.sourcePaths) if (!headPaths.has(pathKey(p))) sources.push(`source '${p.call}' path '${p.path.join('.')}' removed`);
  if (sanitizers.length + sources.length > 0) out.push({ messageId: 'resolverWidened', data: { what: [...sanitizers, ...sources].join(', ') }, ...at(['leak']) });
  const dropped = base.secretPatterns.filter((p) => !head.secretPatterns.includes(p));
  if (dropped.length > 0) out.push({ messageId: 'patternsNarrowed', data: { patterns: dropped.join(', ') }, ...at(['secret_patterns']) });
  if ((base.testCode.report && !head.testCode.report) || (base.testCode.severity === 'error' && head.testCode.severity === 'warn')) {
    out.push({ messageId: 'testCodeRelaxed', data: {}, ...at(['test_code']) });
  }
  if ((base.lifecycle.hardCut && !head.lifecycle.hardCut) || head.lifecycle.maxPastDays > base.lifecycle.maxPastDays) {
    out.push({ messageId: 'lifecycleRelaxed', data: {}, ...at(['lifecycle']) });
  }
}

function originRange(secret: SecretEntry): Range {
  const o = secret.origin;
  return { line: o.line, column: o.column, endLine: o.endLine ?? o.line, endColumn: o.endColumn ?? o.column + 1 };
}

/** JSON with sorted keys, so `{a, b}` and `{b, a}` compare equal. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => compareCodeUnits(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
