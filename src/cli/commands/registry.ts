// `clavis-lint registry check` (registry rules only) and `registry export --format ...`.
import { prepareProject, scan } from '../../core/engine.js';
import { exportRegistry } from '../../registry/export.js';
import { describeGuessedKinds, guessedKinds } from '../../registry/guessed-kinds.js';
import { formatResult, type ReportFormat } from '../../reporters/index.js';
import { ALL_RULES } from '../../rules/index.js';
import { EXIT_OK, parseRuleOverrides, UsageError, type CliIo, type ParsedOptions } from '../main.js';
import { toolVersion } from '../version.js';
import { useColor, writeReport } from './output.js';
import { exitCodeFor, parseFormat } from './scan.js';

export async function runRegistryCommand(args: string[], values: ParsedOptions, io: CliIo): Promise<number> {
  const sub = args[0];
  if (sub === 'export') {
    const format = parseFormat(values.format, ['json', 'markdown', 'env-example']) as 'json' | 'markdown' | 'env-example';
    const prepared = await prepareProject({ cwd: io.cwd, configFile: values.config, registry: values.registry, today: values.today });
    writeReport(exportRegistry(prepared.registry, format), values, io);
    return EXIT_OK;
  }
  if (sub === 'check') {
    const format = parseFormat(values.format) as ReportFormat;
    const result = await scan({
      cwd: io.cwd,
      paths: args.slice(1),
      configFile: values.config,
      registry: values.registry,
      ruleOverrides: parseRuleOverrides(values.rule),
      today: values.today,
      hardCut: values['hard-cut'],
      onlyRules: (_id, area) => area === 'registry',
    });
    const report = formatResult(format, result, {
      rules: ALL_RULES.map((r) => r.meta),
      toolVersion: toolVersion(),
      color: format === 'text' && useColor(values, io),
      sourceLines: result.sourceLines,
    });
    writeReport(report, values, io);
    // On stderr, so JSON/SARIF on stdout stay the report alone.
    for (const line of describeGuessedKinds(guessedKinds(result.prepared.registry))) io.stderr.write(`clavis-lint: ${line}\n`);
    return exitCodeFor(result.findings, undefined);
  }
  throw new UsageError(`unknown registry subcommand '${sub ?? ''}': expected 'check' or 'export'`);
}
