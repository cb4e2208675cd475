// The GitHub Action: inputs -> engine (in-process, no subprocess) -> SARIF file, annotations,
// job summary, outputs, and a verdict per `fail-on`. Bundled into dist/index.cjs by
// scripts/build-action.js; `src/action/index.ts` is the bundle's entry.
//
// Scope: the SARIF file always holds the whole project's findings (minus the baseline), because
// code scanning compares it with the base branch itself and a partial upload would close alerts;
// with `shard: I/N` it holds this part's, marked for `clavis-lint merge` (docs/scaling.md).
// Annotations, the summary, the outputs and the verdict cover the pull request's changes only
// (`changed-since`, `diff-filter`), so a PR never fails on findings it did not touch.
import fs from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import { scan, type ScanOutput } from '../core/engine.js';
import type { Finding } from '../core/finding.js';
import { applyBaseline, readBaselineText, type StaleEntry } from '../core/baseline.js';
import { changedLines, filterByDiff, type ChangedLines } from '../core/changed-lines.js';
import { resolveCommit } from '../core/git.js';
import { baselineTextAtRef } from '../core/base-policy.js';
import { ConfigError } from '../core/config-types.js';
import { locatedWarning } from '../core/scan-coverage.js';
import { formatResult, type ReporterContext } from '../reporters/index.js';
import { ALL_RULES } from '../rules/index.js';
import { toolVersion } from '../cli/version.js';
import { InputError, readInputs, type ActionInputs } from './inputs.js';
import { selectAnnotations } from './annotations.js';
import { markShardReport } from '../shard/marks.js';
import { shardAutomationId } from '../shard/spec.js';

/** Replaced with the package version by scripts/build-action.js; the bundle cannot read package.json. */
declare const __CLAVIS_LINT_VERSION__: string | undefined;

export interface ActionOutcome {
  findings: number;
  errors: number;
  warnings: number;
  sarifFile: string;
  failed: boolean;
}

function actionVersion(): string {
  return typeof __CLAVIS_LINT_VERSION__ === 'string' ? __CLAVIS_LINT_VERSION__ : toolVersion();
}

/**
 * The lines changed since the diff base. On a default `actions/checkout` (fetch-depth 1) the PR
 * base is not in the history; with fetch-depth 2 the merge commit's first parent is, so fall back
 * to it. Without either, scan everything and say how to enable PR mode.
 */
function resolveChanges(root: string, inputs: ActionInputs): { changed?: ChangedLines; base?: string } {
  if (!inputs.changedSince) return {};
  try {
    return { changed: changedLines(root, inputs.changedSince), base: inputs.changedSince };
  } catch (err) {
    if (inputs.changedSinceOrigin === 'input' || !(err instanceof ConfigError)) throw err;
  }
  if (resolveCommit(root, 'HEAD^2') !== undefined) {
    core.info(`clavis-lint: the pull request base ${inputs.changedSince.slice(0, 12)} is not in the checkout; diffing against HEAD^1 (the merge commit's base parent).`);
    return { changed: changedLines(root, 'HEAD^1'), base: 'HEAD^1' };
  }
  core.warning('clavis-lint: the pull request base commit is not in the checkout, so every finding is reported. Use actions/checkout with fetch-depth: 2 to report only the changes.');
  return {};
}

function rebaseFinding(finding: Finding, toWorkspace: (file: string) => string): Finding {
  return {
    ...finding,
    file: toWorkspace(finding.file),
    ...(finding.flow ? { flow: finding.flow.map((step) => ({ ...step, file: toWorkspace(step.file) })) } : {}),
  };
}

/** The baseline over the whole scan; only entries of files under the scanned path (and, in a shard, of its own files) can be stale. */
function withBaseline(findings: Finding[], baselineFile: string | undefined, workspace: string, scanned: string, policyRef?: string, owns?: (file: string) => boolean): { kept: Finding[]; matched: number; stale: StaleEntry[] } {
  if (!baselineFile) return { kept: findings, matched: 0, stale: [] };
  const text = baselineText(baselineFile, workspace, policyRef);
  return applyBaseline(findings, text, baselineFile, (file) => (scanned === '' || file === scanned || file.startsWith(`${scanned}/`)) && (!owns || owns(file)));
}

/** The baseline in force: under a base policy, as committed at the base (see baselineTextAtRef). */
function baselineText(baselineFile: string, workspace: string, policyRef: string | undefined): string {
  const absolute = path.resolve(workspace, baselineFile);
  return (policyRef ? baselineTextAtRef(workspace, policyRef, absolute) : undefined) ?? readBaselineText(absolute, baselineFile);
}

/**
 * The commit whose config, registry and baseline judge this run. On a default checkout of a pull
 * request (fetch-depth 1) the base is not in the history; with fetch-depth 2 the merge commit's
 * first parent is. `auto` without either falls back to the checked-out policy and says so;
 * an explicit `base` or ref fails instead.
 */
function resolvePolicyRef(workspace: string, inputs: ActionInputs): { ref?: string; note: string } {
  if (!inputs.policyFrom) return { note: 'the checked-out tree' };
  if (resolveCommit(workspace, inputs.policyFrom)) return { ref: inputs.policyFrom, note: `\`${inputs.policyFrom.slice(0, 12)}\` (the ${inputs.policyFromOrigin === 'pull-request' ? 'pull request base' : 'policy-from input'})` };
  if (inputs.policyFromOrigin === 'pull-request' && resolveCommit(workspace, 'HEAD^2') !== undefined) {
    return { ref: 'HEAD^1', note: "`HEAD^1` (the merge commit's base parent)" };
  }
  if (inputs.policyFromOrigin === 'input') throw new ConfigError(`policy-from: '${inputs.policyFrom}' is not a commit in the checkout; fetch it (actions/checkout fetch-depth)`);
  core.warning('clavis-lint: the pull request base commit is not in the checkout, so the config and registry of the pull request itself are used. Use actions/checkout with fetch-depth: 2 so a pull request cannot change the policy it is judged by.');
  return { note: 'the checked-out tree (the pull request base was not fetched)' };
}

export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<ActionOutcome | undefined> {
  try {
    return await runChecked(env);
  } catch (err) {
    const message = err instanceof ConfigError ? err.located() : err instanceof InputError ? err.message : `internal error: ${(err as Error)?.message ?? String(err)}`;
    core.setFailed(`clavis-lint: ${message}`);
    return undefined;
  }
}

async function runChecked(env: NodeJS.ProcessEnv): Promise<ActionOutcome> {
  const inputs = readInputs((name) => core.getInput(name), env);
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
  const policy = resolvePolicyRef(workspace, inputs);
  const result: ScanOutput = await scan({
    cwd: workspace,
    paths: [inputs.path],
    configFile: inputs.config,
    registry: inputs.registry,
    workers: 0,
    ...(policy.ref ? { policyFrom: { ref: policy.ref } } : {}),
    emptyScan: inputs.allowEmpty ? 'allow' : 'error',
    ...(inputs.shard ? { shard: inputs.shard } : {}),
  });
  for (const warning of result.warnings) core.warning(`clavis-lint: ${locatedWarning(warning)}`);
  const root = result.root;
  // Findings are relative to the project root (the config's directory); GitHub wants repository paths.
  const toWorkspace = (file: string): string => path.relative(workspace, path.resolve(root, file)).split(path.sep).join('/') || '.';
  const { changed, base } = resolveChanges(root, inputs);

  const scanned = path.relative(root, path.resolve(workspace, inputs.path)).split(path.sep).join('/');
  const whole = withBaseline(result.findings, inputs.baseline, workspace, scanned.startsWith('..') ? '' : scanned, policy.ref, result.shard?.owns);
  const scoped = changed ? filterByDiff(whole.kept, changed, inputs.diffFilter) : whole.kept;
  const ctx: ReporterContext = { rules: ALL_RULES.map((r) => r.meta), toolVersion: actionVersion(), color: false, sourceLines: result.sourceLines };
  const rebased = (findings: Finding[]): Finding[] => (root === workspace ? findings : findings.map((f) => rebaseFinding(f, toWorkspace)));
  const baselineInfo = inputs.baseline ? { baseline: { matched: whole.matched, stale: whole.stale.length } } : {};

  const sarifPath = path.resolve(workspace, inputs.sarifFile);
  const sarifResult = { ...result, root: workspace, findings: rebased(whole.kept), suppressed: rebased(result.suppressed), errors: result.errors.map((e) => ({ ...e, file: toWorkspace(e.file) })) };
  fs.mkdirSync(path.dirname(sarifPath), { recursive: true });
  // A shard's SARIF has its own category (automationDetails.id) and the mark `clavis-lint merge` checks.
  const automationId = result.shard ? shardAutomationId('clavis-lint/', result.shard) : undefined;
  const sarifText = formatResult('sarif', sarifResult, { ...ctx, sourceLines: undefined, ...(automationId ? { automationId } : {}) });
  fs.writeFileSync(sarifPath, result.shard ? markShardReport('sarif', sarifText, result.shard, 'clavis-lint/') : sarifText);
  if (result.shard) core.info(`clavis-lint: shard ${result.shard.index} of ${result.shard.count}: this job reports its own files only; join the shards' SARIF files with \`clavis-lint merge\`.`);

  const shown = { ...result, findings: scoped, ...baselineInfo };
  if (inputs.format !== 'github') process.stdout.write(formatResult(inputs.format, shown, ctx));
  for (const entry of whole.stale) core.info(`clavis-lint: stale baseline entry: ${entry.file} ${entry.ruleId} (${entry.count} no longer found)`);

  const { annotations, hidden } = selectAnnotations(scoped, { changed, rules: ctx.rules, toWorkspacePath: toWorkspace });
  for (const { level, message, ...properties } of annotations) (level === 'error' ? core.error : core.warning)(message, properties);
  if (hidden.error + hidden.warning > 0) {
    core.notice(`clavis-lint: ${hidden.error} more errors and ${hidden.warning} more warnings are not shown as annotations (GitHub shows 10 per level); see the job summary and the code scanning alerts.`);
  }

  if (env.GITHUB_STEP_SUMMARY) {
    const scopeNote = base
      ? `_Scope: findings in files changed since \`${base.slice(0, 12)}\` (diff filter \`${inputs.diffFilter}\`). The SARIF upload covers the whole project._\n\n`
      : '';
    const policyNote = `_Policy: config, registry and baseline from ${policy.note}._\n\n`;
    const shardNote = result.shard ? `_Shard ${result.shard.index} of ${result.shard.count}: the findings of this job's part of the project only._\n\n` : '';
    await core.summary.addRaw(policyNote + shardNote + scopeNote + formatResult('markdown', { ...shown, findings: rebased(scoped) }, ctx), true).write();
  }

  const errors = scoped.filter((f) => f.severity === 'error').length;
  const warnings = scoped.length - errors;
  core.setOutput('findings', scoped.length);
  core.setOutput('errors', errors);
  core.setOutput('warnings', warnings);
  core.setOutput('sarif-file', path.relative(workspace, sarifPath).split(path.sep).join('/'));

  const failed = inputs.failOn === 'error' ? errors > 0 : inputs.failOn === 'warning' ? scoped.length > 0 : false;
  if (failed) {
    core.setFailed(`clavis-lint: ${errors} error(s) and ${warnings} warning(s) (fail-on: ${inputs.failOn}).`);
  }
  return { findings: scoped.length, errors, warnings, sarifFile: sarifPath, failed };
}
