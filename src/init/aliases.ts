// Alias proposals for `clavis-lint init`: two names clearly mean one secret when they differ only
// in how the kind of credential is spelled at the end:
//   OPENAI_KEY = OPENAI_API_KEY = OPENAI_APIKEY      (KEY, API_KEY, APIKEY)
//   DB_PASS    = DB_PASSWORD = DB_PASSWD = DB_PWD    (PASSWORD and its short forms)
//   JWT_SECRET = JWT_SECRET_KEY                      (SECRET, SECRET_KEY)
// Nothing else is guessed: a different stem (`NEXT_PUBLIC_OPENAI_KEY`, `OPENAI_ORG_KEY`) is a
// different name, so a bundler-public copy of a secret is never its alias (that copy is a leak
// `no-compile-time-secret` reports, not a second spelling). Matching is case-insensitive.
import { compareCodeUnits } from '../core/compare.js';

interface Spelling {
  /** Trailing words of the name, upper case. */
  words: string[];
  family: string;
}

// Longest first: `SECRET_KEY` must be read as SECRET, not as `SECRET_` + KEY.
const SPELLINGS: Spelling[] = [
  { words: ['SECRET', 'KEY'], family: 'SECRET' },
  { words: ['API', 'KEY'], family: 'KEY' },
  { words: ['APIKEY'], family: 'KEY' },
  { words: ['KEY'], family: 'KEY' },
  { words: ['SECRET'], family: 'SECRET' },
  { words: ['PASSWORD'], family: 'PASSWORD' },
  { words: ['PASSWD'], family: 'PASSWORD' },
  { words: ['PASS'], family: 'PASSWORD' },
  { words: ['PWD'], family: 'PASSWORD' },
];

/** The name with its credential spelling normalised (`OPENAI#KEY`), or null when it has no such ending or no stem. */
export function aliasKey(name: string): string | null {
  const words = name.toUpperCase().split('_');
  for (const spelling of SPELLINGS) {
    const n = spelling.words.length;
    if (words.length < n || !spelling.words.every((w, i) => words[words.length - n + i] === w)) continue;
    // The longest spelling that matches decides: `API_KEY` is the spelling alone, not stem `API` + KEY.
    const stem = words.slice(0, words.length - n);
    if (stem.length === 0 || stem.some((w) => w.length === 0)) return null;
    return `${stem.join('_')}#${spelling.family}`;
  }
  return null;
}

/** What the comment in the registry says about why two names were grouped. */
export function aliasReason(family: string): string {
  switch (family) {
    case 'KEY':
      return 'KEY, API_KEY and APIKEY spell one key';
    case 'PASSWORD':
      return 'PASSWORD, PASSWD, PASS and PWD spell one password';
    default:
      return 'SECRET and SECRET_KEY spell one secret';
  }
}

/** Groups names by alias key; only groups of two or more are returned, each sorted by code unit. */
export function aliasGroups(names: readonly string[]): Array<{ family: string; names: string[] }> {
  const byKey = new Map<string, string[]>();
  for (const name of names) {
    const key = aliasKey(name);
    if (key === null) continue;
    const members = byKey.get(key);
    if (members) members.push(name);
    else byKey.set(key, [name]);
  }
  const groups: Array<{ family: string; names: string[] }> = [];
  for (const [key, members] of byKey) {
    const unique = [...new Set(members)].sort(compareCodeUnits);
    if (unique.length > 1) groups.push({ family: key.slice(key.indexOf('#') + 1), names: unique });
  }
  return groups;
}
