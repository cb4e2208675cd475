// `clavis-lint init` on a terminal: the user confirms the names, picks the resolver, and agrees
// to the write. node:readline over injected streams (tests drive it with plain streams); lines
// are read through one async iterator, so answers typed (or piped) ahead of a question are kept.
import readline from 'node:readline';
import type { ProposedSecret } from './propose-registry.js';
import { oneLineText } from './render-files.js';
import { proposedResolver, type ResolverCandidate } from './propose-resolver.js';

export interface PromptStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export type ReviewOutcome =
  | { status: 'accepted'; secrets: ProposedSecret[]; resolver: ResolverCandidate | undefined }
  | { status: 'declined' }
  /** Input ended before every question was answered. */
  | { status: 'ended' };

class InputEnded extends Error {}

/**
 * `candidatesFor` gives the resolver candidates for the names kept: leaving names out changes
 * which module does most of the reads.
 */
export async function reviewInteractively(
  secrets: readonly ProposedSecret[],
  candidatesFor: (kept: readonly ProposedSecret[]) => ResolverCandidate[],
  files: readonly string[],
  streams: PromptStreams,
): Promise<ReviewOutcome> {
  const rl = readline.createInterface({ input: streams.input, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (question: string): Promise<string> => {
    streams.output.write(question);
    const next = await lines.next();
    if (next.done) throw new InputEnded();
    return String(next.value).trim();
  };
  try {
    const kept = await confirmNames(secrets, ask, streams.output);
    const candidates = candidatesFor(kept);
    const resolver = await pickResolver(candidates, proposedResolver(candidates), ask, streams.output);
    for (;;) {
      const answer = (await ask(`Write ${files.join(' and ')}? [Y/n] `)).toLowerCase();
      if (answer === '' || answer === 'y' || answer === 'yes') return { status: 'accepted', secrets: kept, resolver };
      if (answer === 'n' || answer === 'no') return { status: 'declined' };
    }
  } catch (err) {
    if (err instanceof InputEnded) return { status: 'ended' };
    throw err;
  } finally {
    rl.close();
  }
}

async function confirmNames(secrets: readonly ProposedSecret[], ask: (q: string) => Promise<string>, out: NodeJS.WritableStream): Promise<ProposedSecret[]> {
  if (secrets.length === 0) {
    out.write('No secret-looking names found; the registry starts empty.\n');
    return [];
  }
  out.write(`Secrets found (${secrets.length}):\n`);
  const width = String(secrets.length).length;
  secrets.forEach((s, i) => {
    const aliases = s.aliases.length > 0 ? ` (aliases: ${s.aliases.join(', ')})` : '';
    // Names come from the repository: no control characters reach the terminal.
    out.write(`${oneLineText(`  ${String(i + 1).padStart(width)}. ${s.env}${aliases}  kind ${s.kindGuess} (guessed)  ${s.sources.join(', ')}`)}\n`);
  });
  for (;;) {
    const answer = await ask('Press Enter to keep them all, or type the numbers to leave out (e.g. 2 5): ');
    if (answer === '') return [...secrets];
    const picked = answer.split(/[\s,]+/).filter((t) => t.length > 0);
    const numbers = picked.map(Number);
    if (numbers.every((n) => Number.isInteger(n) && n >= 1 && n <= secrets.length)) {
      const drop = new Set(numbers.map((n) => n - 1));
      return secrets.filter((_, i) => !drop.has(i));
    }
    out.write(`  Expected numbers from 1 to ${secrets.length}, separated by spaces or commas.\n`);
  }
}

async function pickResolver(
  candidates: readonly ResolverCandidate[],
  proposed: ResolverCandidate | undefined,
  ask: (q: string) => Promise<string>,
  out: NodeJS.WritableStream,
): Promise<ResolverCandidate | undefined> {
  if (candidates.length === 0) return undefined;
  out.write('Resolver: the module allowed to read secrets from the environment directly.\n');
  candidates.forEach((c, i) => {
    const note = c === proposed ? '  (proposed)' : '';
    out.write(`  ${i + 1}. ${oneLineText(c.glob)}  ${c.reads} of ${c.total} secret reads, ${c.names} names${note}\n`);
  });
  out.write('  0. none for now\n');
  const fallback = proposed ? candidates.indexOf(proposed) + 1 : 0;
  for (;;) {
    const answer = await ask(`Pick one [${fallback}]: `);
    const choice = answer === '' ? fallback : Number(answer);
    if (Number.isInteger(choice) && choice >= 0 && choice <= candidates.length) return choice === 0 ? undefined : candidates[choice - 1];
    out.write(`  Expected a number from 0 to ${candidates.length}.\n`);
  }
}
