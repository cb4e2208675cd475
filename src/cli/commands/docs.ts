// `clavis-lint docs --check|--fix`: marked doc blocks regenerated from the registry.
// Exit codes: 0 every configured page is up to date (or was fixed); 1 (`--check`) a block is
// stale, which `--fix` repairs; 2 a configured page cannot be processed (outside the project,
// missing, unreadable, a begin marker without an end, an unknown block name or column), which a
// person must fix. Every problem is printed as `file:line:col: message`.
import path from 'node:path';
import { prepareProject } from '../../core/engine.js';
import { checkDocs, fixDocs, type DocsPageResult } from '../../docs/regenerate.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliIo, type ParsedOptions } from '../main.js';

export async function runDocsCommand(args: string[], values: ParsedOptions, io: CliIo): Promise<number> {
  if (args.length > 0) throw new UsageError(`unexpected argument '${args[0]}' for docs: use --check or --fix`);
  if (values.check === values.fix) throw new UsageError('docs needs exactly one of --check or --fix');
  const prepared = await prepareProject({ cwd: io.cwd, configFile: values.config, registry: values.registry, today: values.today });
  const { config, registry } = prepared;
  const shown = (file: string): string => (path.relative(io.cwd, path.resolve(config.root, file)) || file).split(path.sep).join('/');
  const results = values.fix ? fixDocs(config.root, registry, config.docs) : checkDocs(config.root, registry, config.docs);
  let stale = 0;
  let invalid = 0;
  for (const result of results) {
    for (const finding of result.findings) {
      const line = `${shown(result.file)}:${finding.line}:${finding.column}: ${finding.message}\n`;
      if (finding.kind === 'invalid') {
        invalid++;
        io.stderr.write(`clavis-lint: ${line}`);
      } else {
        stale++;
        io.stdout.write(line);
      }
    }
    if (values.fix && !hasInvalid(result)) io.stdout.write(`${result.changed ? 'updated' : 'unchanged'} ${shown(result.file)}\n`);
  }
  if (invalid > 0) return EXIT_USAGE;
  if (values.fix) return EXIT_OK;
  if (stale === 0) io.stdout.write(`docs up to date (${results.length} page${results.length === 1 ? '' : 's'})\n`);
  return stale > 0 ? EXIT_FINDINGS : EXIT_OK;
}

function hasInvalid(result: DocsPageResult): boolean {
  return result.findings.some((f) => f.kind === 'invalid');
}
