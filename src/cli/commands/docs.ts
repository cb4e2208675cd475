// `clavis-lint docs --check|--fix`: marked doc blocks regenerated from the registry.
import path from 'node:path';
import { prepareProject } from '../../core/engine.js';
import { checkDocs, fixDocs } from '../../docs/regenerate.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo, type ParsedOptions } from '../main.js';

export async function runDocsCommand(args: string[], values: ParsedOptions, io: CliIo): Promise<number> {
  if (args.length > 0) throw new UsageError(`unexpected argument '${args[0]}' for docs: use --check or --fix`);
  if (values.check === values.fix) throw new UsageError('docs needs exactly one of --check or --fix');
  const prepared = await prepareProject({ cwd: io.cwd, configFile: values.config, registry: values.registry, today: values.today });
  const { config, registry } = prepared;
  if (values.fix) {
    const results = fixDocs(config.root, registry, config.docs);
    for (const r of results) io.stdout.write(`${r.changed ? 'updated' : 'unchanged'} ${path.relative(io.cwd, path.join(config.root, r.file)) || r.file}\n`);
    return EXIT_OK;
  }
  const results = checkDocs(config.root, registry, config.docs);
  let stale = 0;
  for (const r of results) {
    if (r.changed) {
      stale++;
      io.stdout.write(`${r.file}: marked block is out of date with the registry; run 'clavis-lint docs --fix'\n`);
    }
  }
  if (stale === 0) io.stdout.write(`docs up to date (${results.length} page${results.length === 1 ? '' : 's'})\n`);
  return stale > 0 ? EXIT_FINDINGS : EXIT_OK;
}
