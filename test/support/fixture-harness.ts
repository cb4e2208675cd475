// Discovers fixtures/<rule-id>/{valid,invalid}/<case> and checks each case's findings for that
// rule against <case>.expected.json. A missing expected file fails unless the suite runs under
// `npm run fixtures:update` (CLAVIS_UPDATE_FIXTURES=1), so a new case is never silently accepted.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/core/engine.js';
import type { Finding } from '../../src/core/finding.js';
import { ALL_RULES, getRule } from '../../src/rules/index.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const UPDATE = process.env.CLAVIS_UPDATE_FIXTURES === '1';
const CONFIG_NAME = '.clavis-lint.yaml';
export const FIXTURE_TODAY = '2026-11-28';

export interface FixtureCase {
  ruleId: string;
  kind: 'valid' | 'invalid';
  name: string;
  casePath: string;
  isDir: boolean;
  expectedPath: string;
}

export function fixtureRuleIds(): string[] {
  return fs
    .readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export function fixtureCases(ruleId: string): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const kind of ['valid', 'invalid'] as const) {
    const dir = path.join(FIXTURES, ruleId, kind);
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.endsWith('.expected.json')) continue;
      const casePath = path.join(dir, entry.name);
      cases.push({ ruleId, kind, name: entry.name, casePath, isDir: entry.isDirectory(), expectedPath: `${casePath}.expected.json` });
    }
  }
  return cases;
}

function configFor(c: FixtureCase): string {
  if (c.isDir && fs.existsSync(path.join(c.casePath, CONFIG_NAME))) return path.join(c.casePath, CONFIG_NAME);
  const ruleConfig = path.join(FIXTURES, c.ruleId, CONFIG_NAME);
  return fs.existsSync(ruleConfig) ? ruleConfig : path.join(FIXTURES, CONFIG_NAME);
}

export type ExpectedFinding = Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn' | 'severity' | 'message' | 'secretId' | 'envName'> & {
  file?: string;
  flow?: Finding['flow'];
};

export async function runCase(c: FixtureCase): Promise<{ findings: ExpectedFinding[]; root: string }> {
  const configFile = configFor(c);
  const root = path.dirname(configFile);
  const rule = getRule(c.ruleId);
  const level = rule && rule.meta.defaultSeverity !== 'off' ? rule.meta.defaultSeverity : 'error';
  // Lifecycle results depend on the date: a case that does not pin `lifecycle.today` gets a fixed one.
  const pinsToday = /^\s+today\s*:/m.test(fs.readFileSync(configFile, 'utf8'));
  // A case directory with `base/` is a change: base/ holds the base commit's policy files.
  const baseDir = c.isDir ? path.join(c.casePath, 'base') : undefined;
  const result = await scan({
    cwd: root,
    paths: [c.casePath],
    configFile,
    ruleOverrides: rule ? { [c.ruleId]: level } : {},
    workers: 0,
    // Each case checks one rule's own findings; merging several rules' findings on one span is tested on its own.
    mergeOverlapping: false,
    ...(baseDir && fs.existsSync(baseDir) ? { policyFrom: { dir: baseDir } } : {}),
    ...(pinsToday ? {} : { today: FIXTURE_TODAY }),
  });
  // An internal failure (a pass or rule that threw) loses findings silently behind an error entry:
  // no fixture may cause one, whatever its rule.
  const internal = result.errors.filter((error) => /\b(analysis|rule \S+) failed\b/.test(error.message));
  if (internal.length > 0) throw new Error(`case ${c.name}: internal failure ${JSON.stringify(internal)}`);
  const caseRel = path.relative(root, c.casePath).split(path.sep).join('/');
  const findings = result.findings
    .filter((f) => f.ruleId === c.ruleId)
    .map((f) => {
      const out: ExpectedFinding = {
        ...(c.isDir ? { file: path.posix.relative(caseRel, f.file) } : {}),
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        severity: f.severity,
        message: f.message,
        secretId: f.secretId,
        envName: f.envName,
      };
      if (f.flow) out.flow = f.flow;
      return out;
    });
  return { findings, root };
}

export function defineFixtureTests(title: string, include: (ruleId: string) => boolean): void {
  const ruleIds = fixtureRuleIds().filter(include);
  describe(title, () => {
    if (ruleIds.length === 0) it.skip('no fixtures in this group yet', () => {});
    for (const ruleId of ruleIds) {
      describe(ruleId, () => {
        it('is a known rule', () => {
          expect(ALL_RULES.map((r) => r.meta.id)).toContain(ruleId);
        });
        for (const c of fixtureCases(ruleId)) {
          it(`${c.kind}/${c.name}`, async () => {
            const { findings } = await runCase(c);
            if (c.kind === 'valid') {
              expect(findings, `valid case ${c.name} must not report ${ruleId}`).toEqual([]);
              return;
            }
            expect(findings.length, `invalid case ${c.name} must report ${ruleId}`).toBeGreaterThan(0);
            if (UPDATE) {
              fs.writeFileSync(c.expectedPath, `${JSON.stringify(findings, null, 2)}\n`);
              return;
            }
            if (!fs.existsSync(c.expectedPath)) {
              throw new Error(`missing ${path.relative(FIXTURES, c.expectedPath)}; run 'npm run fixtures:update' and review it`);
            }
            const expected = JSON.parse(fs.readFileSync(c.expectedPath, 'utf8')) as ExpectedFinding[];
            expect(findings).toEqual(expected);
          });
        }
      });
    }
  });
}

/** Rule ids by area, for splitting the fixture suite over test files (they run in parallel). */
export function areaOf(ruleId: string): string {
  return getRule(ruleId)?.meta.area ?? 'unknown';
}
