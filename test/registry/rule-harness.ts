// Runs a registry rule's checkProject over a registry loaded from YAML text, the way the engine does.
import { formatMessage, type Rule, type RuleContext } from '../../src/core/rule.js';
import type { FileFacts } from '../../src/core/facts.js';
import { loadConfig } from '../../src/core/config.js';
import { loadRegistry } from '../../src/registry/load.js';
import { indexNames, type Registry } from '../../src/registry/model.js';
import { tempProject } from './temp-project.js';

export async function registryFrom(files: Record<string, string>, registry = 'secrets.registry.yaml'): Promise<Registry> {
  const root = tempProject({ '.clavis-lint.yaml': `registry: ${registry}\n`, ...files });
  return loadRegistry(loadConfig({ cwd: root }));
}

export function contextFor(registry: Registry, overrides: Partial<RuleContext['settings']> & { today?: string } = {}): RuleContext {
  const { today = '2026-11-28', ...settings } = overrides;
  return {
    registry,
    names: indexNames(registry),
    options: {},
    today,
    hardCut: false,
    isResolverPath: () => false,
    looksLikeSecret: () => false,
    settings: { docs: [], require: { owner: false, rotationDays: false }, lifecycle: { hardCut: false, maxPastDays: 90 }, registryFiles: registry.files, ...settings },
  };
}

/** Findings as `file:line:col-endLine:endCol message` strings: easy to read in a failing diff. */
export function run(rule: Rule, ctx: RuleContext, files: FileFacts[] = []): string[] {
  return [...rule.checkProject!({ files }, ctx)].map((r) => {
    const { line, column, endLine, endColumn } = r.range;
    return `${r.file}:${line}:${column}-${endLine}:${endColumn} [${r.secretId}/${r.envName}] ${formatMessage(rule.meta.messages[r.messageId], r.data)}`;
  });
}
