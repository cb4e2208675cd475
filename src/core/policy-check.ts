// Gathers both sides of a policy comparison for `--policy-from`: the levels each config gives the
// rules (without command-line overrides, which apply to both), the files each side's
// include/exclude selects from the working tree, the texts that locate a finding on the changed
// key, and the inline suppressions that the base version of their file does not have. Then
// `diffPolicies` decides what is weaker.
import fs from 'node:fs';
import path from 'node:path';
import type { CommentFact, FileFacts } from './facts.js';
import type { ResolvedConfig } from './config-types.js';
import type { BasePolicy } from './base-policy.js';
import { discoverFiles } from './discovery.js';
import { diffPolicies, type AddedSuppression, type PolicyChange, type PolicySide } from './policy-diff.js';
import { resolveRuleLevels } from './rule-levels.js';
import { parseDirectives } from './suppressions.js';
import type { Registry } from '../registry/model.js';

export interface PolicyComparisonInput {
  root: string;
  targets: string[];
  base: BasePolicy;
  head: { config: ResolvedConfig; registry: Registry };
  fileFacts: FileFacts[];
}

function side(config: ResolvedConfig, registry: Registry, root: string, targets: string[]): PolicySide {
  const effective = resolveRuleLevels(config, {});
  return {
    config,
    registry,
    levels: new Map(effective.map((r) => [r.rule.meta.id, r.level])),
    options: new Map(effective.map((r) => [r.rule.meta.id, r.options])),
    scannedFiles: discoverFiles({ root, targets, include: config.include, exclude: config.exclude }).files,
  };
}

function readInside(root: string, absolute: string | undefined): string | undefined {
  if (!absolute) return undefined;
  const rel = path.relative(root, absolute);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  try {
    return fs.readFileSync(absolute, 'utf8');
  } catch {
    return undefined;
  }
}

/** Suppression comments whose text the base version of the file does not contain. */
function addedSuppressions(fileFacts: FileFacts[], base: BasePolicy): AddedSuppression[] {
  const added: AddedSuppression[] = [];
  for (const file of fileFacts) {
    const comments = file.facts.filter((f): f is CommentFact => f.kind === 'comment' && f.text.includes('clavis-lint-disable'));
    if (comments.length === 0) continue;
    const baseText = base.reader.read(file.file);
    for (const comment of comments) {
      if (baseText !== undefined && baseText.includes(comment.text.trim())) continue;
      for (const directive of parseDirectives([comment])) added.push({ file: file.file, range: directive.range, rules: directive.rules });
    }
  }
  return added;
}

export function comparePolicies(input: PolicyComparisonInput): PolicyChange[] {
  const { root, targets, base, head } = input;
  const headRegistryTexts = new Map<string, string>();
  for (const file of head.registry.files) {
    const text = readInside(root, path.join(root, file));
    if (text !== undefined) headRegistryTexts.set(file, text);
  }
  return diffPolicies(
    side(base.config, base.registry, root, targets),
    side(head.config, head.registry, root, targets),
    { headConfigText: readInside(root, head.config.configFile), headRegistryTexts, ...(base.configFile ? { baseConfigFile: base.configFile } : {}) },
    addedSuppressions(input.fileFacts, base),
  );
}
