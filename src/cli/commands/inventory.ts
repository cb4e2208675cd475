// `clavis-lint inventory`: access sites only, so no rules and no leak analysis run.
import { scan } from '../../core/engine.js';
import { buildInventory, inventoryMarkdown } from '../../core/inventory.js';
import { buildSharedContext } from '../../core/rule-context.js';
import { EXIT_OK, type CliIo, type ParsedOptions } from '../main.js';
import { writeReport } from './output.js';
import { parseFormat, parseNonNegativeInt } from './scan.js';

export async function runInventoryCommand(paths: string[], values: ParsedOptions, io: CliIo): Promise<number> {
  const format = parseFormat(values.format, ['markdown', 'json']);
  const result = await scan({
    cwd: io.cwd,
    paths,
    configFile: values.config,
    registry: values.registry,
    today: values.today,
    workers: parseNonNegativeInt('--workers', values.workers),
    onlyRules: () => false,
    skipLeakAnalysis: true,
  });
  const { config, registry, today, hardCut } = result.prepared;
  const shared = buildSharedContext(config, registry, today, hardCut);
  const inventory = buildInventory(result.facts, registry, shared.isResolverPath);
  writeReport(format === 'json' ? `${JSON.stringify(inventory, null, 2)}\n` : inventoryMarkdown(inventory), values, io);
  return EXIT_OK;
}
