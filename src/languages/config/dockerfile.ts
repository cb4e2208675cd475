// Dockerfiles. Emits ConfigFact `docker-arg` + NameRefFact `dockerfile-arg` for `ARG X[=v]`,
// ConfigFact `docker-env` + NameRefFact `dockerfile-env` for `ENV X=v` / `ENV X v` (ConfigFacts
// carry a value profile, never the value, and the names an ENV value substitutes),
// NameRefFact `dockerfile-secret-mount` for `RUN --mount=type=secret,id=X[,env=Y]` (the right
// way to use a secret at build time), and the shell front end's facts for shell-form `RUN`s.
import { LineCounter } from 'yaml';
import type { Fact, FileError, FrontEnd, FrontEndOptions, Range } from '../../core/facts.js';
import { tokenizeDockerfile, type DockerInstruction } from './dockerfile-tokenizer.js';
import { describeValue } from '../../core/placeholder-value.js';
import { isPlaceholderValue } from './placeholder-values.js';
import { analyzeEmbeddedScript } from './shell-snippet-bridge.js';
import { compareCodeUnits } from '../../core/compare.js';
import { DISABLE_MARKER, offsetRange } from './yaml-source.js';

export const dockerfileFrontEnd: FrontEnd = {
  id: 'dockerfile',
  prefilter: () => true,
  analyze: analyzeDockerfile,
};

interface Word {
  text: string;
  start: number;
  end: number;
}

/** Splits instruction arguments into words, honouring quotes (a quoted part stays in its word). */
function words(args: string): Word[] {
  const out: Word[] = [];
  let i = 0;
  while (i < args.length) {
    while (i < args.length && /\s/.test(args[i])) i++;
    if (i >= args.length) break;
    const start = i;
    while (i < args.length && !/\s/.test(args[i])) {
      const quote = args[i];
      if (quote === '"' || quote === "'") {
        const close = args.indexOf(quote, i + 1);
        i = close < 0 ? args.length : close + 1;
      } else i++;
    }
    out.push({ text: args.slice(start, i), start, end: i });
  }
  return out;
}

/** Names a value substitutes: `$NAME`, `${NAME}`, `${NAME:-default}` (Dockerfile variable syntax). */
function referencedNames(value: string): string[] {
  const names = new Set<string>();
  for (const m of value.matchAll(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))/g)) names.add(m[1] ?? m[2]);
  return [...names];
}

function unquote(value: string): string {
  return value.replace(/^(["'])(.*)\1$/s, '$2');
}

export async function analyzeDockerfile(file: string, text: string, options: FrontEndOptions): Promise<{ facts: Fact[]; errors: FileError[] }> {
  const facts: Fact[] = [];
  const errors: FileError[] = [];
  const lineCounter = new LineCounter();
  let offset = 0;
  for (const line of text.split('\n')) {
    lineCounter.addNewLine(offset);
    offset += line.length + 1;
  }
  const range = (start: number, end: number): Range => offsetRange(lineCounter, start, end);
  let tokens;
  try {
    tokens = tokenizeDockerfile(text);
  } catch {
    return { facts, errors: [{ file, message: 'Dockerfile could not be tokenized' }] };
  }
  for (const comment of tokens.comments) {
    if (comment.text.includes(DISABLE_MARKER)) facts.push({ kind: 'comment', text: comment.text, range: range(comment.start, comment.end) });
  }
  // The names a RUN's environment can hold, for judging a RUN that prints it whole: the ARG and
  // ENV names its stage declared above it, and the ENV of the stage it starts from (`FROM builder`
  // inherits builder's ENV; an ARG ends with its stage).
  let declared = new Set<string>();
  let stageEnv = new Set<string>();
  const stageEnvs = new Map<string, Set<string>>();
  // An ARG before the first FROM is global: only FROM lines see it, unless a stage declares it
  // again (`ARG NAME` inside the stage). One that no stage declares is in no RUN's environment.
  let inStage = false;
  const globalArgs: Array<{ name: string; data: Record<string, unknown> }> = [];
  const stageArgs = new Set<string>();
  for (const instruction of tokens.instructions) {
    const at = (w: Word, from = 0, length = w.text.length): Range =>
      range(instruction.toFileOffset(w.start + from), instruction.toFileOffset(w.start + from + length));
    if (instruction.keyword === 'FROM') {
      inStage = true;
      const parts = words(instruction.args).map((word) => word.text).filter((text) => !text.startsWith('--'));
      const base = stageEnvs.get((parts[0] ?? '').toLowerCase());
      stageEnv = new Set(base ?? []);
      declared = new Set(stageEnv);
      if (parts.length >= 3 && parts[1].toLowerCase() === 'as') stageEnvs.set(parts[2].toLowerCase(), stageEnv);
    } else if (instruction.keyword === 'ARG') {
      for (const word of words(instruction.args)) {
        const eq = word.text.indexOf('=');
        const name = eq < 0 ? word.text : word.text.slice(0, eq);
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
        const hasLiteralValue = eq >= 0 && !isPlaceholderValue(unquote(word.text.slice(eq + 1)));
        const r = at(word, 0, name.length);
        const valueRange = eq >= 0 && eq + 1 < word.text.length ? { valueRange: at(word, eq + 1, word.text.length - eq - 1) } : {};
        const defaultProfile = eq >= 0 ? { valueProfile: describeValue(unquote(word.text.slice(eq + 1)), name) } : {};
        declared.add(name);
        const data: Record<string, unknown> = { name, hasDefault: eq >= 0, hasLiteralValue, ...defaultProfile };
        if (inStage) stageArgs.add(name);
        else globalArgs.push({ name, data });
        facts.push({ kind: 'config', type: 'docker-arg', range: r, data });
        facts.push({ kind: 'name-ref', name, context: 'dockerfile-arg', range: r, hasLiteralValue, ...valueRange });
      }
    } else if (instruction.keyword === 'ENV') {
      const list = words(instruction.args);
      // `valueAt`: the value's [start, end) in the instruction's arguments, a position for masking.
      const pairs: Array<{ word: Word; name: string; value: string; valueAt: [number, number] }> = [];
      if (list.length > 0 && list[0].text.includes('=')) {
        for (const word of list) {
          const eq = word.text.indexOf('=');
          if (eq > 0) pairs.push({ word, name: word.text.slice(0, eq), value: unquote(word.text.slice(eq + 1)), valueAt: [word.start + eq + 1, word.end] });
        }
      } else if (list.length > 0) {
        // Legacy `ENV KEY value with spaces`.
        const rest = instruction.args.slice(list[0].end);
        const start = list[0].end + (rest.length - rest.trimStart().length);
        pairs.push({ word: list[0], name: list[0].text, value: rest.trim(), valueAt: [start, list[0].end + rest.trimEnd().length] });
      }
      for (const { word, name, value, valueAt } of pairs) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
        const hasLiteralValue = !isPlaceholderValue(value);
        const r = at(word, 0, name.length);
        declared.add(name);
        stageEnv.add(name);
        // The profile (measurements, never the value) lets rules tell `ENV K=""` from `ENV K=$K`.
        facts.push({ kind: 'config', type: 'docker-env', range: r, data: { name, hasLiteralValue, valueProfile: describeValue(value, name), references: referencedNames(value) } });
        const valueRange = valueAt[1] > valueAt[0] ? { valueRange: range(instruction.toFileOffset(valueAt[0]), instruction.toFileOffset(valueAt[1] - 1) + 1) } : {};
        facts.push({ kind: 'name-ref', name, context: 'dockerfile-env', range: r, hasLiteralValue, ...valueRange });
      }
    } else if (instruction.keyword === 'RUN') {
      await runInstruction(file, instruction, facts, errors, at, lineCounter, options, declared);
    }
  }
  // A file without FROM (a fragment) has no stages to tell apart: its ARGs stay as they are.
  if (inStage) for (const { name, data } of globalArgs) if (!stageArgs.has(name)) data.globalOnly = true;
  return { facts, errors };
}

async function runInstruction(
  file: string,
  instruction: DockerInstruction,
  facts: Fact[],
  errors: FileError[],
  at: (w: Word, from?: number, length?: number) => Range,
  lineCounter: LineCounter,
  options: FrontEndOptions,
  declared: ReadonlySet<string>,
): Promise<void> {
  const list = words(instruction.args);
  /** Secret mounts of this RUN: their id, the env variable that holds the value, the file it sits in. */
  const mounts: Array<{ id: string; env: string | null; target: string; range: Range }> = [];
  let bodyStart = 0;
  for (const word of list) {
    if (!word.text.startsWith('--')) {
      bodyStart = word.start;
      break;
    }
    bodyStart = word.end;
    const mount = /^--mount=(.*)$/.exec(word.text);
    if (!mount) continue;
    const fields = new Map<string, { value: string; offset: number }>();
    let cursor = '--mount='.length;
    for (const part of mount[1].split(',')) {
      const eq = part.indexOf('=');
      if (eq > 0) fields.set(part.slice(0, eq), { value: part.slice(eq + 1), offset: cursor + eq + 1 });
      cursor += part.length + 1;
    }
    if (fields.get('type')?.value !== 'secret') continue;
    for (const key of ['id', 'env']) {
      const field = fields.get(key);
      if (field && field.value) {
        facts.push({ kind: 'name-ref', name: field.value, context: 'dockerfile-secret-mount', range: at(word, field.offset, field.value.length) });
      }
    }
    const id = fields.get('id') ?? fields.get('target') ?? fields.get('dst') ?? fields.get('destination');
    if (id?.value) {
      const target = (fields.get('target') ?? fields.get('dst') ?? fields.get('destination'))?.value ?? `/run/secrets/${id.value}`;
      mounts.push({ id: id.value, env: fields.get('env')?.value || null, target, range: at(word, id.offset, id.value.length) });
    }
  }
  const body = instruction.args.slice(bodyStart);
  if (body.trim() === '' || body.trimStart().startsWith('[')) return;
  const script = { text: body, toFileOffset: (o: number) => instruction.toFileOffset(bodyStart + o) };
  const embedded = await analyzeEmbeddedScript(file, script, { lineCounter }, options);
  // `env` / `printenv` here print the build's environment: what the Dockerfile declared above, and this RUN's secret mounts exposed as variables.
  const names = [...new Set([...declared, ...mounts.flatMap((mount) => (mount.env ? [mount.env] : []))])].sort(compareCodeUnits);
  for (const fact of embedded.facts) {
    if (fact.kind === 'env-read' && fact.enumerates && !fact.enumeration) fact.enumeration = { use: 'build-environment', names };
  }
  facts.push(...embedded.facts);
  errors.push(...embedded.errors);
  if (mounts.length > 0) facts.push(...persistedSecrets(mounts, embedded.facts));
}

/**
 * A mounted secret that the RUN writes into a file of the image: `echo "KEY=$KEY" > /app/.env`,
 * `cat /run/secrets/KEY > .npmrc`, `cp /run/secrets/KEY /app/key`. The mount keeps the secret out
 * of the layer; the file puts it back in, unless the same RUN deletes it (`... > .npmrc && npm ci
 * && rm .npmrc`, the usual pattern). A file whose path is not literal counts as kept.
 */
function persistedSecrets(mounts: Array<{ id: string; env: string | null; target: string; range: Range }>, embedded: Fact[]): Fact[] {
  const removed = new Set<string>();
  for (const fact of embedded) if (fact.kind === 'config' && fact.type === 'shell-rm' && typeof fact.data.path === 'string') removed.add(normalizedPath(fact.data.path));
  const kept = (path: unknown): boolean => typeof path !== 'string' || !removed.has(normalizedPath(path));
  const out: Fact[] = [];
  const report = (mount: (typeof mounts)[number], range: Range, written: unknown): void => {
    out.push({ kind: 'config', type: 'docker-secret-persisted', range, data: { name: mount.env ?? mount.id, mountId: mount.id, ...(typeof written === 'string' ? { path: written } : {}) } });
  };
  for (const fact of embedded) {
    if (fact.kind !== 'config') continue;
    if (fact.type === 'shell-echo' && fact.data.toFile && kept(fact.data.toPath)) {
      const names = (fact.data.names ?? []) as string[];
      // The value is named by the mount's env variable, or by its id (`export ID=$(cat /run/secrets/ID)`).
      const mount = mounts.find((m) => names.includes(m.env ?? '') || names.includes(m.id));
      if (mount) report(mount, fact.range, fact.data.toPath);
    } else if (fact.type === 'shell-cat' && fact.data.toFile && kept(fact.data.toPath)) {
      const mount = mounts.find((m) => unquoted(fact.data.path) === m.target);
      if (mount) report(mount, fact.range, fact.data.toPath);
    } else if (fact.type === 'shell-copy' && kept(fact.data.to)) {
      const from = ((fact.data.from ?? []) as string[]).map(unquoted);
      const mount = fact.data.command === 'mv' ? undefined : mounts.find((m) => from.includes(m.target));
      if (mount) report(mount, fact.range, fact.data.to);
    }
  }
  return out;
}

function unquoted(value: unknown): string {
  return typeof value === 'string' ? value.replace(/^["']|["']$/g, '') : '';
}

function normalizedPath(value: string): string {
  return unquoted(value).replace(/^\.\//, '');
}
