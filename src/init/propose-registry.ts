// `clavis-lint init`, step 2 (pure): from the names the repository mentions to proposed registry
// entries. Which names: every name the scan would call an unregistered secret (the shared
// looks-like-a-secret test over the default `secret_patterns`, minus the tokens a platform injects
// itself), plus any name that is clearly another spelling of one of them (src/init/aliases.ts).
// Kinds are not written: the registry infers them with the same classifier (DESIGN §10), and the
// entry carries the guess as a comment, so `registry check` keeps listing them as guessed until
// someone writes `kind:`.
import { compareCodeUnits } from '../core/compare.js';
import { DEFAULT_SECRET_PATTERNS } from '../core/config-types.js';
import { BUILT_IN_PLATFORM_TOKENS } from '../core/platform-tokens.js';
import { isPublicName, kindClassifier, secretNameTest } from '../registry/classify.js';
import type { SecretKind } from '../registry/model.js';
import { aliasGroups, aliasReason } from './aliases.js';
import type { NameSighting, SightingSource } from './collect-sightings.js';
import { uniqueIds } from './secret-ids.js';

export interface ProposedSecret {
  id: string;
  env: string;
  aliases: string[];
  /** Why the aliases were grouped with `env`, for the comment. */
  aliasReason?: string;
  /** What the registry will infer without `kind:` (the shared classifier). */
  kindGuess: SecretKind;
  kindReason: string;
  /** Files the names were seen in, sorted. */
  files: string[];
  sources: SightingSource[];
}

export interface LeftOut {
  name: string;
  reason: string;
}

export interface RegistryProposal {
  secrets: ProposedSecret[];
  /** Secret-looking names init did not register, and why (shown to the user). */
  leftOut: LeftOut[];
}

/** What the registry's schema accepts as an env name. */
const ENV_NAME = /^[^\s=]+$/;

export function proposeRegistry(sightings: readonly NameSighting[], secretPatterns: string[] = DEFAULT_SECRET_PATTERNS): RegistryProposal {
  const looksSecret = secretNameTest(secretPatterns);
  const classify = kindClassifier(secretPatterns);
  const platform = new Set(BUILT_IN_PLATFORM_TOKENS.map((t) => t.name));
  const byName = new Map<string, NameSighting[]>();
  for (const s of sightings) {
    const list = byName.get(s.name);
    if (list) list.push(s);
    else byName.set(s.name, [s]);
  }
  const allNames = [...byName.keys()].filter((n) => ENV_NAME.test(n) && !platform.has(n)).sort(compareCodeUnits);
  const secretLooking = new Set(allNames.filter(looksSecret));

  const leftOut: LeftOut[] = [];
  for (const name of new Set(sightings.map((s) => s.name))) {
    if (platform.has(name) && looksSecret(name)) leftOut.push({ name, reason: 'injected by the platform (a built-in platform token)' });
  }
  const candidates: string[] = [];
  for (const name of allNames) {
    const why = notASecretOfTheProject(name, byName.get(name) ?? [], secretLooking, platform);
    if (why === null) candidates.push(name);
    else if (secretLooking.has(name)) leftOut.push({ name, reason: why });
  }

  // Alias groups that contain at least one secret-looking name become one entry.
  const grouped = new Map<string, { family: string; names: string[] }>();
  for (const group of aliasGroups(candidates)) {
    if (!group.names.some((n) => secretLooking.has(n))) continue;
    for (const name of group.names) grouped.set(name, group);
  }
  const fileCount = (name: string): number => new Set((byName.get(name) ?? []).map((s) => s.file)).size;
  const canonicalOf = (names: string[]): string =>
    [...names].sort(
      (a, b) =>
        Number(secretLooking.has(b)) - Number(secretLooking.has(a)) ||
        fileCount(b) - fileCount(a) ||
        b.length - a.length ||
        compareCodeUnits(a, b),
    )[0];

  const entries: Array<{ env: string; aliases: string[]; family?: string }> = [];
  const done = new Set<string>();
  for (const name of candidates) {
    if (done.has(name)) continue;
    const group = grouped.get(name);
    if (group) {
      const env = canonicalOf(group.names);
      entries.push({ env, aliases: group.names.filter((n) => n !== env), family: group.family });
      for (const n of group.names) done.add(n);
    } else if (secretLooking.has(name)) {
      done.add(name);
      entries.push({ env: name, aliases: [] });
    }
  }

  entries.sort((a, b) => compareCodeUnits(a.env, b.env));
  const ids = uniqueIds(entries.map((e) => e.env));
  const secrets = entries.map((entry, i): ProposedSecret => {
    const names = [entry.env, ...entry.aliases];
    const seen = names.flatMap((n) => byName.get(n) ?? []);
    const kindGuess = classify(names).kind;
    return {
      id: ids[i],
      env: entry.env,
      aliases: entry.aliases,
      ...(entry.family ? { aliasReason: aliasReason(entry.family) } : {}),
      kindGuess,
      kindReason: kindGuess === 'secret' ? 'guessed from the name' : 'guessed: a bundler-public name, its value ships to browsers',
      files: [...new Set(seen.map((s) => s.file))].sort(compareCodeUnits),
      sources: [...new Set(seen.map((s) => s.source))].sort(compareCodeUnits),
    };
  });
  leftOut.sort((a, b) => compareCodeUnits(a.name, b.name));
  return { secrets, leftOut };
}

/**
 * Why a name the repository uses is not a secret of its own, or null when it may be one:
 * - `NEXT_PUBLIC_STRIPE_SECRET_KEY` next to `STRIPE_SECRET_KEY` is a secret copied into a public
 *   name; registering the copy would tell `no-compile-time-secret` it is public on purpose;
 * - `GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}` (and nothing else) is a workflow handing the
 *   platform's own token to a tool under another name: nobody stores or rotates it.
 */
function notASecretOfTheProject(name: string, seen: readonly NameSighting[], secretLooking: ReadonlySet<string>, platform: ReadonlySet<string>): string | null {
  const exposed = publicCopyOf(name, secretLooking);
  if (exposed) return `a bundler-public copy of ${exposed}; no-compile-time-secret reports it`;
  const receivesPlatformToken = (s: NameSighting): boolean => s.source === 'workflow-env' && (s.receives ?? []).length > 0 && (s.receives ?? []).every((r) => platform.has(r));
  if (seen.length > 0 && seen.every(receivesPlatformToken)) {
    return `a workflow env name for the platform's ${[...new Set(seen.flatMap((s) => s.receives ?? []))].join(', ')}`;
  }
  return null;
}

/** The secret-looking name this bundler-public name copies (`NEXT_PUBLIC_X` -> `X`), if the repository has it. */
function publicCopyOf(name: string, secretLooking: ReadonlySet<string>): string | null {
  if (!isPublicName(name)) return null;
  const upper = name.toUpperCase();
  for (const prefix of ['NEXT_PUBLIC_', 'EXPO_PUBLIC_', 'NUXT_PUBLIC_', 'REACT_APP_', 'GATSBY_', 'PUBLIC_', 'VITE_']) {
    if (upper.startsWith(prefix) && secretLooking.has(name.slice(prefix.length))) return name.slice(prefix.length);
  }
  return null;
}
