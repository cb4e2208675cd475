// GitHub code scanning's ingestion rules, checked in code (the schema alone does not catch
// them): used by the tests and available to the Action before it uploads. Returns one message
// per problem; an empty list means GitHub will take the file as we meant it.
import type * as Sarif from 'sarif';
import { FINGERPRINT_KEY, MAX_FLOW_LOCATIONS, SARIF_SCHEMA_URI, SRCROOT } from './sarif.js';

/** GitHub's documented limits per run / per result / per rule. */
export const GITHUB_LIMITS = { runsPerFile: 20, resultsPerRun: 25_000, rulesPerRun: 25_000, locationsPerResult: 10, tagsPerRule: 20 };

function isRelativeUri(uri: string): boolean {
  return uri !== '' && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri) && !uri.startsWith('/') && !uri.includes('\\') && !uri.split('/').includes('..');
}

function checkRule(rule: Sarif.ReportingDescriptor, where: string, problems: string[]): void {
  if (!rule.id) problems.push(`${where}: missing id`);
  if (!rule.name) problems.push(`${where}: missing name`);
  if (!rule.shortDescription?.text) problems.push(`${where}: missing shortDescription.text`);
  if (!rule.fullDescription?.text) problems.push(`${where}: missing fullDescription.text`);
  if (!rule.help?.text) problems.push(`${where}: missing help.text`);
  if (!rule.helpUri) problems.push(`${where}: missing helpUri`);
  const properties = (rule.properties ?? {}) as Record<string, unknown>;
  const severity = Number(properties['security-severity']);
  if (!(typeof properties['security-severity'] === 'string' && severity >= 0 && severity <= 10)) {
    problems.push(`${where}: security-severity must be a string number in 0.0..10.0`);
  }
  const tags = properties.tags;
  if (!Array.isArray(tags) || tags.length > GITHUB_LIMITS.tagsPerRule) problems.push(`${where}: tags missing or above ${GITHUB_LIMITS.tagsPerRule}`);
  if (!['error', 'warning', 'recommendation'].includes(String(properties['problem.severity']))) {
    problems.push(`${where}: problem.severity must be error, warning or recommendation`);
  }
}

function checkLocation(location: Sarif.Location, where: string, problems: string[]): void {
  const physical = location.physicalLocation;
  const uri = physical?.artifactLocation?.uri;
  if (!uri || !isRelativeUri(uri)) problems.push(`${where}: uri must be a relative path with '/' separators (got ${JSON.stringify(uri)})`);
  if (physical?.artifactLocation?.uriBaseId !== SRCROOT) problems.push(`${where}: uriBaseId must be ${SRCROOT}`);
  const region = physical?.region;
  if (!region || !(region.startLine! >= 1) || !(region.startColumn! >= 1)) {
    problems.push(`${where}: region needs startLine and startColumn >= 1`);
    return;
  }
  const endLine = region.endLine ?? region.startLine!;
  if (endLine < region.startLine! || (endLine === region.startLine && (region.endColumn ?? region.startColumn!) < region.startColumn!)) {
    problems.push(`${where}: region ends before it starts`);
  }
}

function checkResult(result: Sarif.Result, index: number, rules: Sarif.ReportingDescriptor[], problems: string[]): void {
  const where = `results[${index}]`;
  const rule = result.ruleIndex !== undefined ? rules[result.ruleIndex] : undefined;
  if (!rule || rule.id !== result.ruleId) problems.push(`${where}: ruleIndex does not point at rule ${result.ruleId}`);
  if (!result.message?.text) problems.push(`${where}: missing message.text`);
  const locations = result.locations ?? [];
  if (locations.length < 1 || locations.length > GITHUB_LIMITS.locationsPerResult) {
    problems.push(`${where}: needs 1..${GITHUB_LIMITS.locationsPerResult} locations`);
  }
  locations.forEach((location, i) => checkLocation(location, `${where}.locations[${i}]`, problems));
  if (!result.partialFingerprints?.[FINGERPRINT_KEY]) problems.push(`${where}: missing partialFingerprints.${FINGERPRINT_KEY}`);
  for (const flow of result.codeFlows ?? []) {
    for (const thread of flow.threadFlows) {
      if (thread.locations.length > MAX_FLOW_LOCATIONS) problems.push(`${where}: thread flow above ${MAX_FLOW_LOCATIONS} locations`);
      thread.locations.forEach((step, i) => step.location && checkLocation(step.location, `${where}.codeFlows.locations[${i}]`, problems));
    }
  }
}

/** `enabledRuleIds`: when given, every one must be listed in `tool.driver.rules`. */
export function checkGithubSarifIngestion(log: Sarif.Log, enabledRuleIds: string[] = []): string[] {
  const problems: string[] = [];
  if (log.$schema !== SARIF_SCHEMA_URI) problems.push(`$schema must be ${SARIF_SCHEMA_URI}`);
  if (log.version !== '2.1.0') problems.push('version must be 2.1.0');
  if (log.runs.length < 1 || log.runs.length > GITHUB_LIMITS.runsPerFile) problems.push(`needs 1..${GITHUB_LIMITS.runsPerFile} runs`);
  for (const run of log.runs) {
    const driver = run.tool.driver;
    if (!driver.name) problems.push('tool.driver.name is missing');
    if (!driver.version && !driver.semanticVersion) problems.push('tool.driver needs a version');
    const rules = driver.rules ?? [];
    if (rules.length > GITHUB_LIMITS.rulesPerRun) problems.push(`more than ${GITHUB_LIMITS.rulesPerRun} rules`);
    const ids = rules.map((rule) => rule.id);
    if (new Set(ids).size !== ids.length) problems.push('rule ids are not unique');
    for (const id of enabledRuleIds) if (!ids.includes(id)) problems.push(`enabled rule ${id} is not listed in tool.driver.rules`);
    rules.forEach((rule, i) => checkRule(rule, `rules[${i}] (${rule.id})`, problems));
    if (run.columnKind !== 'utf16CodeUnits') problems.push('columnKind must be utf16CodeUnits');
    if (!run.automationDetails?.id) problems.push('automationDetails.id is missing');
    if (!run.originalUriBaseIds?.[SRCROOT]) problems.push(`originalUriBaseIds.${SRCROOT} is missing`);
    const results = run.results ?? [];
    if (results.length > GITHUB_LIMITS.resultsPerRun) problems.push(`more than ${GITHUB_LIMITS.resultsPerRun} results`);
    results.forEach((result, i) => checkResult(result, i, rules, problems));
  }
  return problems;
}
