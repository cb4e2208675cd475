// `clavis-lint init [--yes] [--force] [DIR]`: reads the repository with the scan's own front ends
// and writes a first `secrets.registry.yaml` and `.clavis-lint.yaml` (src/init/*). On a terminal
// it asks (names, resolver, write); with --yes or without a terminal it takes the proposals. It
// never replaces a file without --force, and never writes through a symbolic link.
import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAMES } from '../../core/config.js';
import { collectSightings } from '../../init/collect-sightings.js';
import { proposeRegistry, type ProposedSecret } from '../../init/propose-registry.js';
import { proposedResolver, resolverCandidates, type ResolverCandidate } from '../../init/propose-resolver.js';
import { oneLineText, CONFIG_FILE, CONFIG_SCHEMA, REGISTRY_FILE, REGISTRY_SCHEMA, renderConfig, renderRegistry } from '../../init/render-files.js';
import { reviewInteractively } from '../../init/review-prompts.js';
import { schemaModelinePath } from '../../init/schema-path.js';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo, type ParsedOptions } from '../main.js';
import { createProgress } from './progress.js';
import { parseNonNegativeInt } from './scan.js';

export async function runInitCommand(args: string[], values: ParsedOptions, io: CliIo): Promise<number> {
  if (args.length > 1) throw new UsageError(`init takes one directory, got ${args.length} paths`);
  const dir = path.resolve(io.cwd, args[0] ?? '.');
  const shown = (file: string): string => path.relative(io.cwd, path.join(dir, file)).split(path.sep).join('/') || file;
  if (!isDirectory(dir)) throw new UsageError(`init: '${args[0]}' is not a directory`);
  checkTargets(dir, values.force === true, shown);

  const progress = createProgress('text', io);
  const collected = await collectSightings(dir, { workers: parseNonNegativeInt('--workers', values.workers), onProgress: progress.update });
  progress.done();
  const proposal = proposeRegistry(collected.sightings);
  const candidatesFor = (kept: readonly ProposedSecret[]): ResolverCandidate[] => resolverCandidates(collected.sightings, new Set(kept.flatMap((s) => [s.env, ...s.aliases])));
  let secrets = proposal.secrets;
  let resolver = proposedResolver(candidatesFor(secrets));

  const stdin = io.stdin ?? process.stdin;
  const interactive = values.yes !== true && stdin.isTTY === true && io.stdout.isTTY === true;
  if (interactive) {
    const outcome = await reviewInteractively(secrets, candidatesFor, [shown(REGISTRY_FILE), shown(CONFIG_FILE)], { input: stdin, output: io.stdout });
    if (outcome.status === 'declined') {
      io.stdout.write('Nothing written.\n');
      return EXIT_OK;
    }
    if (outcome.status === 'ended') {
      io.stderr.write('clavis-lint: init: the input ended before every question was answered; nothing written (use --yes to take the proposals)\n');
      return EXIT_USAGE;
    }
    secrets = outcome.secrets;
    resolver = outcome.resolver;
  }

  const force = values.force === true;
  writeNew(path.join(dir, REGISTRY_FILE), renderRegistry({ secrets, resolver, schemaPath: schemaModelinePath(dir, REGISTRY_SCHEMA) }), force, shown(REGISTRY_FILE));
  writeNew(path.join(dir, CONFIG_FILE), renderConfig(schemaModelinePath(dir, CONFIG_SCHEMA)), force, shown(CONFIG_FILE));
  io.stdout.write(summary({ dir, io, shown, files: collected.files, languages: collected.languages, secrets, resolver, leftOut: proposal.leftOut }));
  return EXIT_OK;
}

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** Refuses before any work: an existing registry or config (any accepted spelling) without --force, or anything that is not a plain file. */
function checkTargets(dir: string, force: boolean, shown: (file: string) => string): void {
  for (const file of [REGISTRY_FILE, ...CONFIG_FILE_NAMES]) {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(path.join(dir, file));
    } catch {
      continue;
    }
    if (!stat.isFile()) throw new UsageError(`init: ${shown(file)} exists and is not a regular file; nothing written (init never writes through it)`);
    if (!force) throw new UsageError(`init: ${shown(file)} already exists; nothing written (use --force to overwrite)`);
    if (file !== REGISTRY_FILE && file !== CONFIG_FILE) throw new UsageError(`init: ${shown(file)} exists and init writes ${CONFIG_FILE}; nothing written (remove one of them)`);
  }
}

/** Writes `text`; without --force only a file that does not exist yet ('wx': no window between the check and the write). */
function writeNew(file: string, text: string, force: boolean, shown: string): void {
  try {
    if (force && fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink()) {
      throw new UsageError(`init: ${shown} exists and is not a regular file; nothing written (init never writes through it)`);
    }
    fs.writeFileSync(file, text, { flag: force ? 'w' : 'wx' });
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? 'unknown error';
    if (code === 'EEXIST') throw new UsageError(`init: ${shown} already exists; nothing written (use --force to overwrite)`);
    throw new UsageError(`init: cannot write ${shown} (${code})`);
  }
}

interface SummaryInput {
  dir: string;
  io: CliIo;
  shown: (file: string) => string;
  files: number;
  languages: readonly string[];
  secrets: readonly ProposedSecret[];
  resolver: ResolverCandidate | undefined;
  leftOut: ReadonlyArray<{ name: string; reason: string }>;
}

function summary(input: SummaryInput): string {
  const { secrets, resolver } = input;
  const withAliases = secrets.filter((s) => s.aliases.length > 0).length;
  const aliasNote = withAliases > 0 ? `, ${withAliases} with proposed aliases` : '';
  const lines = [
    `Read ${input.files} files.`,
    `Wrote ${input.shown(REGISTRY_FILE)}: ${secrets.length} secrets${aliasNote}; kinds guessed from the names, owners blank.`,
    `Wrote ${input.shown(CONFIG_FILE)}.`,
    resolver
      ? `Resolver: ${oneLineText(resolver.glob)} (${resolver.reads} of the ${resolver.total} secret reads in code).`
      : 'Resolver: none proposed (no module does more than half of the secret reads); set resolver.paths when one does.',
  ];
  if (input.leftOut.length > 0) {
    lines.push('Not registered:');
    // Names come from the repository: no control characters reach the terminal.
    for (const l of input.leftOut) lines.push(oneLineText(`  ${l.name}: ${l.reason}`));
  }
  const target = path.relative(input.io.cwd, input.dir).split(path.sep).join('/');
  const scanCommand = target === '' ? 'npx clavis-lint' : `npx clavis-lint ${target}`;
  lines.push(
    '',
    'Next steps:',
    `  1. Review ${input.shown(REGISTRY_FILE)}: confirm the guessed kinds and the aliases, add owners.`,
    `  2. Run a scan: ${scanCommand}`,
    `     Many findings in existing code? Record them once (${scanCommand} --update-baseline, then --baseline`,
    '     .clavis-lint-baseline.json) and only new ones fail.',
    '  3. Add the GitHub Action (.github/workflows/clavis-lint.yml):',
    '       - uses: actions/checkout@v5',
    '       - uses: clavis-lint/clavis-lint@v0',
  );
  if (input.languages.includes('typescript') || input.languages.includes('javascript')) {
    // Not a two-line snippet: TS files need typescript-eslint's parser, and the leak rules need
    // type information (projectService), or they stop the run, as typed rules do.
    lines.push(
      '  4. Add the ESLint plugin: clavis.configs.recommended after typescript-eslint, with',
      '     parserOptions.projectService for the leak rules (the eslint.config.js in the docs below).',
    );
  }
  lines.push('  Setup for each, and pre-commit: docs/integrations.md in the clavis-lint package.', '');
  return lines.join('\n');
}
