// The Action's inputs (action.yml) read through @actions/core, plus the pull request base that
// `changed-since` defaults to. Pure except for reading the event payload file.
import fs from 'node:fs';
import { MAX_SHARDS, parseShardSpec, type ShardSpec } from '../shard/spec.js';

export type FailOn = 'error' | 'warning' | 'never';
export type DiffFilterInput = 'added' | 'file' | 'none';

export interface ActionInputs {
  path: string;
  config?: string;
  registry?: string;
  format: 'text' | 'json' | 'sarif' | 'github' | 'markdown';
  sarifFile: string;
  /** A commit to diff against; undefined means a full scan. */
  changedSince?: string;
  /** Where `changedSince` came from, for the log. */
  changedSinceOrigin: 'input' | 'pull-request' | 'none';
  diffFilter: DiffFilterInput;
  failOn: FailOn;
  baseline?: string;
  /**
   * Where the config, registry and baseline come from: a commit (read through git, never checked
   * out) or undefined for the checked-out tree. `policy-from: auto` (the default) picks the pull
   * request base on pull request events, so a pull request cannot weaken its own policy.
   */
  policyFrom?: string;
  policyFromOrigin: 'input' | 'pull-request' | 'head';
  /** `allow-empty`: a scan that covers no file passes instead of failing the step. */
  allowEmpty: boolean;
  /** `shard: I/N` (a CI matrix): this job analyses and reports part I of N; `clavis-lint merge` joins the parts. */
  shard?: ShardSpec;
}

export class InputError extends Error {}

const FORMATS = ['text', 'json', 'sarif', 'github', 'markdown'] as const;
const FAIL_ON = ['error', 'warning', 'never'] as const;
const DIFF_FILTERS = ['added', 'file', 'none'] as const;

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new InputError(`invalid input ${name}: '${value}'; expected ${allowed.join('|')}`);
  return value as T;
}

/** The base commit of the pull request that triggered the run, if the event is a pull request. */
export function pullRequestBase(env: NodeJS.ProcessEnv): string | undefined {
  const eventPath = env.GITHUB_EVENT_PATH;
  if (!eventPath) return undefined;
  try {
    const payload = JSON.parse(fs.readFileSync(eventPath, 'utf8')) as { pull_request?: { base?: { sha?: unknown } } };
    const sha = payload.pull_request?.base?.sha;
    return typeof sha === 'string' && /^[0-9a-f]{7,64}$/i.test(sha) ? sha : undefined;
  } catch {
    return undefined;
  }
}

/** `getInput` is @actions/core's: `INPUT_<NAME>` with the name upper-cased and dashes kept. */
export function readInputs(getInput: (name: string) => string, env: NodeJS.ProcessEnv): ActionInputs {
  const optional = (name: string): string | undefined => getInput(name).trim() || undefined;
  const explicitBase = optional('changed-since');
  const prBase = explicitBase ? undefined : pullRequestBase(env);
  return {
    path: optional('path') ?? '.',
    config: optional('config'),
    registry: optional('registry'),
    format: oneOf('format', optional('format') ?? 'text', FORMATS),
    sarifFile: optional('sarif-file') ?? 'clavis-lint.sarif',
    changedSince: explicitBase ?? prBase,
    changedSinceOrigin: explicitBase ? 'input' : prBase ? 'pull-request' : 'none',
    diffFilter: oneOf('diff-filter', optional('diff-filter') ?? 'file', DIFF_FILTERS),
    failOn: oneOf('fail-on', optional('fail-on') ?? 'error', FAIL_ON),
    baseline: optional('baseline'),
    ...policyFromInput(optional('policy-from') ?? 'auto', env),
    allowEmpty: oneOf('allow-empty', optional('allow-empty') ?? 'false', ['true', 'false'] as const) === 'true',
    ...shardInput(optional('shard')),
  };
}

/** `shard`: empty = the whole scan; else `I/N` as the CLI's `--shard` (a matrix writes `${{ matrix.shard }}/4`). */
function shardInput(value: string | undefined): Pick<ActionInputs, 'shard'> {
  if (value === undefined) return {};
  const spec = parseShardSpec(value);
  if (typeof spec === 'string') throw new InputError(`invalid input shard: '${JSON.stringify(value).slice(1, -1)}'; expected I/N with 1 <= I <= N <= ${MAX_SHARDS} (e.g. 2/4), or empty for no sharding`);
  return { shard: spec };
}

/** `policy-from`: auto (base on pull requests, else head), base, head, or a commit/ref. */
function policyFromInput(value: string, env: NodeJS.ProcessEnv): Pick<ActionInputs, 'policyFrom' | 'policyFromOrigin'> {
  if (value === 'head') return { policyFrom: undefined, policyFromOrigin: 'head' };
  if (value === 'auto' || value === 'base') {
    const base = pullRequestBase(env);
    if (base) return { policyFrom: base, policyFromOrigin: 'pull-request' };
    if (value === 'base') throw new InputError("invalid input policy-from: 'base' needs a pull_request event (no base commit in the event payload); use auto, head or a ref");
    return { policyFrom: undefined, policyFromOrigin: 'head' };
  }
  // A ref is never an option: `--output=FILE` would make git write a file.
  if (value.startsWith('-') || /\s/.test(value)) throw new InputError(`invalid input policy-from: '${value}'; expected auto|base|head or a commit`);
  return { policyFrom: value, policyFromOrigin: 'input' };
}
