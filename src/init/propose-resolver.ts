// `clavis-lint init`, step 3 (pure): is there already one module that does most of the secret
// reads? If so it is the resolver in all but name, and `resolver.paths` should say so, or every
// read in it becomes a `no-direct-env-read` finding on the first run.
//
// The threshold (documented in the README and in `clavis-lint init`'s output):
// - reads counted: env reads in TS/JS, Python and Rust of the names init registers, outside test
//   code (shell, workflows and config files have no resolver to go through);
// - candidates: each file with such reads, and each directory whose name says configuration
//   (`config`, `configs`, `conf`, `settings`, `env`, `secrets`, `credentials`, alone or as a word of
//   the name, e.g. `app-secrets`), as `dir/**`;
// - a candidate is proposed when it holds MORE THAN HALF of the counted reads and reads at least
//   two different names (one read of one secret is a use, not a resolver);
// - the proposal is the eligible candidate with the largest share; on a tie the file (narrower)
//   before the directory, then by path.
// A resolver path exempts its files from `no-direct-env-read`, so `--yes` proposes only what meets
// the threshold; on a terminal every candidate with a quarter of the reads or more is offered.
import { compareCodeUnits } from '../core/compare.js';
import { CODE_LANGUAGES, type NameSighting } from './collect-sightings.js';

export interface ResolverCandidate {
  /** The glob written to `resolver.paths`: a file path, or `dir/**`. */
  glob: string;
  type: 'file' | 'directory';
  /** Counted reads inside it, and in the whole repository. */
  reads: number;
  total: number;
  /** Different names read inside it. */
  names: number;
  /** Meets the threshold above. */
  eligible: boolean;
}

/** A directory name that says "configuration lives here". */
const CONFIG_DIR_WORDS = new Set(['config', 'configs', 'conf', 'configuration', 'settings', 'env', 'secrets', 'secret', 'credentials']);
/** On a terminal, candidates below this share are not worth a line. */
const OFFER_SHARE = 0.25;

function isConfigDirectory(name: string): boolean {
  return name.toLowerCase().split(/[-_.]/).some((word) => CONFIG_DIR_WORDS.has(word));
}

/** Every candidate worth offering (a quarter of the reads or more), best first. */
export function resolverCandidates(sightings: readonly NameSighting[], registeredNames: ReadonlySet<string>): ResolverCandidate[] {
  const reads = sightings.filter((s) => s.source === 'code' && CODE_LANGUAGES.has(s.language) && !s.inTest && registeredNames.has(s.name));
  const total = reads.length;
  if (total === 0) return [];
  const tally = new Map<string, { type: 'file' | 'directory'; reads: number; names: Set<string> }>();
  const count = (glob: string, type: 'file' | 'directory', name: string): void => {
    const entry = tally.get(glob) ?? { type, reads: 0, names: new Set<string>() };
    entry.reads++;
    entry.names.add(name);
    tally.set(glob, entry);
  };
  for (const read of reads) {
    count(read.file, 'file', read.name);
    const dirs = read.file.split('/').slice(0, -1);
    for (let i = 0; i < dirs.length; i++) {
      if (isConfigDirectory(dirs[i])) count(`${dirs.slice(0, i + 1).join('/')}/**`, 'directory', read.name);
    }
  }
  const candidates = [...tally].map(([glob, t]): ResolverCandidate => ({
    glob,
    type: t.type,
    reads: t.reads,
    total,
    names: t.names.size,
    eligible: t.reads * 2 > total && t.names.size >= 2,
  }));
  return candidates
    .filter((c) => c.reads >= total * OFFER_SHARE)
    .sort((a, b) => Number(b.eligible) - Number(a.eligible) || b.reads - a.reads || (a.type === b.type ? 0 : a.type === 'file' ? -1 : 1) || compareCodeUnits(a.glob, b.glob));
}

/** The proposal `--yes` takes: the best eligible candidate, if any. */
export function proposedResolver(candidates: readonly ResolverCandidate[]): ResolverCandidate | undefined {
  return candidates.find((c) => c.eligible);
}
