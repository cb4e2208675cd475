// Runs every enabled rule over the facts. A rule that throws is reported in `errors` and the
// other rules still run: a bug in one check must not hide every other finding.
import type { ScanError } from './finding.js';
import type { ProjectFacts, Report } from './rule.js';
import { contextForRule, type SharedContext } from './rule-context.js';
import { isEnabledAnywhere, type EffectiveRule } from './rule-levels.js';

export interface RawFinding {
  rule: EffectiveRule;
  report: Report;
}

export function runRules(rules: EffectiveRule[], project: ProjectFacts, shared: SharedContext, errors: ScanError[]): RawFinding[] {
  const out: RawFinding[] = [];
  for (const effective of rules) {
    if (!isEnabledAnywhere(effective)) continue; // per-file levels (overrides:) apply in post-processing
    const { rule } = effective;
    const ctx = contextForRule(shared, effective.options);
    if (rule.checkFile) {
      for (const file of project.files) {
        try {
          for (const report of rule.checkFile(file, ctx)) out.push({ rule: effective, report });
        } catch (err) {
          errors.push({ file: file.file, message: `rule ${rule.meta.id} failed (${(err as Error)?.name ?? 'Error'}); other rules ran` });
        }
      }
    }
    if (rule.checkProject) {
      try {
        for (const report of rule.checkProject(project, ctx)) out.push({ rule: effective, report });
      } catch (err) {
        errors.push({ file: '.', message: `rule ${rule.meta.id} failed (${(err as Error)?.name ?? 'Error'}); other rules ran` });
      }
    }
  }
  return out;
}
