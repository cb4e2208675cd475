// Process entry: the one place that sets the exit code.
import { main } from './main.js';

export async function run(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, env: process.env });
}
