// Shared by commands: where a report goes, and whether text gets colour.
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../core/config-types.js';
import type { CliIo, ParsedOptions } from '../main.js';

export function writeReport(text: string, values: ParsedOptions, io: CliIo): void {
  if (values.output) {
    const target = path.resolve(io.cwd, values.output);
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, text);
    } catch (err) {
      throw new ConfigError(`cannot write --output file (${(err as NodeJS.ErrnoException).code ?? 'error'})`, values.output);
    }
  } else {
    io.stdout.write(text);
  }
}

export function useColor(values: ParsedOptions, io: CliIo): boolean {
  if (values['no-color'] || io.env.NO_COLOR) return false;
  if (values.color || (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0')) return true;
  return !values.output && io.stdout.isTTY === true;
}
