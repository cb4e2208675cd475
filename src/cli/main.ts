// argv -> command -> engine -> reporter -> exit code. The only layer that knows about streams
// and exit codes; `run.ts` is the only place that sets the process exit code.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../core/config-types.js';
import type { SeverityLevel } from '../core/rule.js';
import { HELP_TEXT } from './help.js';
import { toolVersion } from './version.js';
// Commands are imported when used: --help, --version and `rules` must not pay for loading the
// TypeScript compiler and the tree-sitter grammars.

export interface CliIo {
  cwd: string;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Answers to `init`'s questions; process.stdin when absent. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

const COMMANDS = new Set(['scan', 'rules', 'explain', 'registry', 'docs', 'inventory', 'init', 'merge']);

export const OPTION_SPEC = {
  config: { type: 'string' },
  registry: { type: 'string' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  rule: { type: 'string', multiple: true },
  'max-warnings': { type: 'string' },
  'changed-since': { type: 'string' },
  'diff-filter': { type: 'string' },
  baseline: { type: 'string' },
  'update-baseline': { type: 'boolean' },
  'no-color': { type: 'boolean' },
  color: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  today: { type: 'string' },
  'hard-cut': { type: 'boolean' },
  json: { type: 'boolean' },
  check: { type: 'boolean' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'include-suppressed': { type: 'boolean' },
  'allow-empty': { type: 'boolean' },
  workers: { type: 'string' },
  timing: { type: 'boolean' },
  cache: { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  'cache-location': { type: 'string' },
  'policy-from': { type: 'string' },
  shard: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export type ParsedOptions = {
  [K in keyof typeof OPTION_SPEC]?: (typeof OPTION_SPEC)[K] extends { multiple: true } ? string[] : (typeof OPTION_SPEC)[K]['type'] extends 'boolean' ? boolean : string;
};

export async function main(argv: string[], io: CliIo): Promise<number> {
  let parsed: { values: ParsedOptions; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: OPTION_SPEC, allowPositionals: true, strict: true }) as { values: ParsedOptions; positionals: string[] };
  } catch (err) {
    io.stderr.write(`clavis-lint: ${oneLine((err as Error).message)}. Run 'clavis-lint --help' for usage.\n`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(HELP_TEXT);
    return EXIT_OK;
  }
  if (values.version) {
    io.stdout.write(`${toolVersion()}\n`);
    return EXIT_OK;
  }
  const command = positionals.length > 0 && COMMANDS.has(positionals[0]) && !looksLikePath(io.cwd, positionals[0]) ? positionals[0] : 'scan';
  const rest = command === 'scan' && positionals[0] !== 'scan' ? positionals : positionals.slice(1);
  try {
    checkWorkers(values.workers);
    switch (command) {
      case 'rules':
        return (await import('./commands/rules.js')).runRulesCommand(values, io);
      case 'explain':
        return (await import('./commands/rules.js')).runExplainCommand(rest, io);
      case 'registry':
        return await (await import('./commands/registry.js')).runRegistryCommand(rest, values, io);
      case 'docs':
        return await (await import('./commands/docs.js')).runDocsCommand(rest, values, io);
      case 'inventory':
        return await (await import('./commands/inventory.js')).runInventoryCommand(rest, values, io);
      case 'init':
        return await (await import('./commands/init.js')).runInitCommand(rest, values, io);
      case 'merge':
        return (await import('./commands/merge.js')).runMergeCommand(rest, values, io);
      default:
        return await (await import('./commands/scan.js')).runScanCommand(rest, values, io);
    }
  } catch (err) {
    if (err instanceof ConfigError) {
      // Every config problem at once, one line each (issue 11).
      for (const line of err.locatedAll()) io.stderr.write(`clavis-lint: ${line}\n`);
      return EXIT_USAGE;
    }
    if (err instanceof UsageError) {
      io.stderr.write(`clavis-lint: ${err.message}\n`);
      return EXIT_USAGE;
    }
    // An unexpected failure is still reported in one line, never as a stack trace.
    io.stderr.write(`clavis-lint: internal error: ${oneLine((err as Error)?.message ?? String(err))}\n`);
    if (io.env.CLAVIS_LINT_DEBUG) io.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
    return EXIT_USAGE;
  }
}

/** A bad command line: one line on stderr, exit 2. */
export class UsageError extends Error {}

/**
 * Above this `--workers` is a typo, not a plan: each worker loads the TypeScript compiler and the
 * grammars (about 100 MB), and the pool never starts more workers than cores or files to parse.
 */
export const MAX_WORKERS = 64;

function checkWorkers(value: string | undefined): void {
  if (value === undefined) return;
  if (!/^\d{1,6}$/.test(value) || Number(value) > MAX_WORKERS) {
    throw new UsageError(`invalid --workers '${JSON.stringify(value).slice(1, -1)}': expected an integer from 0 to ${MAX_WORKERS}`);
  }
}

function oneLine(text: string): string {
  return text.split('\n')[0].replace(/\s+$/, '').replace(/\.$/, '');
}

/** `clavis-lint rules` is a command, but a directory named `rules` in cwd is a path to scan only when written as `./rules`. */
function looksLikePath(cwd: string, arg: string): boolean {
  return arg.includes('/') && fs.existsSync(path.resolve(cwd, arg));
}

export function parseRuleOverrides(specs: string[] | undefined): Record<string, SeverityLevel> {
  const out: Record<string, SeverityLevel> = {};
  for (const spec of specs ?? []) {
    const eq = spec.lastIndexOf('=');
    const id = eq === -1 ? spec : spec.slice(0, eq);
    const level = eq === -1 ? '' : spec.slice(eq + 1);
    if (level !== 'off' && level !== 'warn' && level !== 'error') {
      throw new UsageError(`invalid --rule '${spec}': expected ID=off|warn|error`);
    }
    out[id] = level;
  }
  return out;
}
