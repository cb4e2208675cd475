// File discovery. Every file under the scanned paths ends up in exactly one of three places:
// scanned (returned in `files`), excluded (config include/exclude, .gitignore), or an `errors`
// entry (unreadable directory or .gitignore, a symlink that is not followed, a submodule).
//
// Inside a git repository the list comes from git itself: tracked files plus untracked files git
// does not ignore (`ls-files -z --cached --others --exclude-standard`); the scan runs that and the
// listing of ignored directories side by side, started while the registry loads. A tracked file is scanned
// even when an ignore pattern matches it, because git tracks it. Outside git, the tree is walked
// and `.gitignore` files are matched as git matches them: case-sensitively, deeper files taking
// precedence, never looking inside an ignored directory.
//
// Symbolic links are never followed (no loops, nothing outside the project is read); a link that
// leads outside the project, or nowhere, is reported. Results are sorted by code unit.
import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { ScanError } from './finding.js';
import { compareCodeUnits } from './compare.js';
import { findRepository, runGit, runGitAsync, splitNul, type GitRepository } from './git.js';

export interface DiscoveryOptions {
  root: string;
  /** Absolute paths given on the command line: directories are walked, files are taken as they are. */
  targets: string[];
  include: string[];
  exclude: string[];
}

export interface DiscoveryResult {
  /** Root-relative posix paths, sorted by code unit, deduplicated. */
  files: string[];
  /** What could not be looked at, and why. */
  errors: ScanError[];
}

export function toPosixRelative(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}

/** Which root-relative paths the configuration and the command line select. */
interface Selection {
  /** Root-relative directories to walk ('' = the whole root). */
  dirs: string[];
  /** Config `include` matches the file. */
  included: (rel: string) => boolean;
  /** Config `exclude` matches the path or one of its directories (as fast-glob's `ignore` did). */
  excluded: (rel: string) => boolean;
}

// A glob `**` `/NAME/` `**` with a plain NAME (no glob syntax): picomatch matches a path exactly
// when one of its segments is NAME (dot: true; the listed paths have no empty, `.` or `..` segment).
const ANY_SEGMENT = /^\*\*\/([^*?[\]{}()!+@\\/]+)\/\*\*$/;

function makeSelection(options: DiscoveryOptions, dirs: string[]): Selection {
  const include = picomatch(options.include, { dot: true });
  const everything = options.include.length === 1 && options.include[0] === '**/*';
  const exclude = options.exclude.length > 0 ? picomatch(options.exclude, { dot: true }) : () => false;
  // For a file, the exclude globs run after its directories were tested (remembered per
  // directory). A `**/NAME/**` glob can then only match the file's own name: a set lookup instead
  // of a glob per file (the usual excludes are all of that form); the other globs run as they are.
  const segmentNames = new Set<string>();
  const otherGlobs: string[] = [];
  for (const glob of options.exclude) {
    const name = ANY_SEGMENT.exec(glob)?.[1];
    if (name !== undefined && name !== '.' && name !== '..') segmentNames.add(name);
    else otherGlobs.push(glob);
  }
  const excludeOthers = otherGlobs.length > 0 ? picomatch(otherGlobs, { dot: true }) : () => false;
  const fileExcluded = (rel: string, slash: number): boolean => segmentNames.has(rel.slice(slash + 1)) || excludeOthers(rel);
  // Every file tests each of its directories: remembered per directory, picomatch runs once per
  // directory instead of once per file in it (dub: 4,256 files, a few hundred directories).
  const excludedDirs = new Map<string, boolean>();
  const dirExcluded = (dir: string): boolean => {
    let result = excludedDirs.get(dir);
    if (result === undefined) {
      const slash = dir.lastIndexOf('/');
      result = (slash >= 0 && dirExcluded(dir.slice(0, slash))) || exclude(dir);
      excludedDirs.set(dir, result);
    }
    return result;
  };
  return {
    dirs,
    // The default `**/*` takes every listed path (they have no `.`/`..` segments, which picomatch
    // would judge itself): no glob per file.
    included: everything ? (rel) => !DOT_SEGMENT.test(rel) || include(rel) : include,
    excluded: (rel) => {
      if (options.exclude.length === 0) return false;
      const slash = rel.lastIndexOf('/');
      return (slash >= 0 && dirExcluded(rel.slice(0, slash))) || fileExcluded(rel, slash);
    },
  };
}

const DOT_SEGMENT = /(^|\/)\.\.?(\/|$)/;
const within = (dir: string, rel: string): boolean => dir === '' || rel === dir || rel.startsWith(`${dir}/`);
const underTargets = (selection: Selection, rel: string): boolean => selection.dirs.some((dir) => within(dir, rel));
/** The walk enters a directory on the way to a target or inside one. */
const onTheWay = (selection: Selection, rel: string): boolean => selection.dirs.some((dir) => within(dir, rel) || within(rel, dir));

function errnoCode(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? 'error';
}

/** An `errors` entry for a symlink that needs one: its target is outside the project or missing. */
function symlinkError(root: string, rel: string, realRoots?: Map<string, string>): ScanError | undefined {
  let target: string;
  let realRoot: string;
  try {
    target = fs.realpathSync(path.join(root, rel));
    // The root's real path, once per listing (a tree with many links asked for it once per link).
    realRoot = realRoots?.get(root) ?? fs.realpathSync(root);
    realRoots?.set(root, realRoot);
  } catch (err) {
    const why = errnoCode(err) === 'ENOENT' ? 'to a missing target' : errnoCode(err) === 'ELOOP' ? 'in a loop' : `that cannot be resolved (${errnoCode(err)})`;
    return { file: rel, message: `symbolic link ${why}: not followed` };
  }
  const inside = path.relative(realRoot, target);
  if (inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) {
    return { file: rel, message: 'symbolic link to a path outside the project: not followed' };
  }
  // Inside the project: the target is scanned (or excluded) as itself.
  return undefined;
}

function unreadableDirectory(rel: string, err: unknown): ScanError {
  return { file: rel === '' ? '.' : rel, message: `cannot read directory (${errnoCode(err)}): the files in it were not scanned` };
}

function unreadableGitignore(rel: string, err: unknown): ScanError {
  return { file: rel, message: `cannot read .gitignore (${errnoCode(err)}): its patterns were not applied, so files it would ignore were scanned` };
}

export function discoverFiles(options: DiscoveryOptions): DiscoveryResult {
  return discover(options, (repo, root) => gitListings(repo, root)) as DiscoveryResult;
}

/** The two listings discovery asks git for (see listFromGit). */
interface GitListings {
  listed: string[];
  ignored: string[];
}

const LIST_ARGS = ['ls-files', '-z', '--cached', '--others', '--exclude-standard'];
const IGNORED_ARGS = ['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory'];

function gitListings(repo: GitRepository, root: string): GitListings {
  return { listed: splitNul(runGit(repo, LIST_ARGS, root)), ignored: splitNul(runGit(repo, IGNORED_ARGS, root)) };
}

/** Both listings at once, in two git processes side by side. */
async function gitListingsAsync(repo: GitRepository, root: string): Promise<GitListings> {
  const [listed, ignored] = await Promise.all([runGitAsync(repo, LIST_ARGS, root), runGitAsync(repo, IGNORED_ARGS, root)]);
  return { listed: splitNul(listed), ignored: splitNul(ignored) };
}

/** Listings started early for a project root (prefetchGitListings), taken by the next discovery of that root. */
const prefetched = new Map<string, { repo: GitRepository; listings: Promise<GitListings> }>();

/**
 * Starts git's listings of the repository holding `root` now, so they run while the caller does
 * other work (the engine loads the registry meanwhile); discoverFilesAsync takes them. A failure
 * surfaces there, as it would have without the head start.
 */
export function prefetchGitListings(root: string): void {
  const resolved = path.resolve(root);
  prefetched.delete(resolved); // never a listing from an earlier scan that stopped before its discovery
  const repo = findRepository(resolved);
  if (!repo) return;
  let listings: Promise<GitListings>;
  try {
    listings = gitListingsAsync(repo, resolved);
  } catch (err) {
    listings = Promise.reject(err); // the filter lookup failed: reported by the discovery
  }
  listings.catch(() => undefined); // not an unhandled rejection should the scan stop before discovery
  prefetched.set(resolved, { repo, listings });
}

/** discoverFiles, with git's two listings run side by side (or taken from prefetchGitListings). */
export async function discoverFilesAsync(options: DiscoveryOptions): Promise<DiscoveryResult> {
  return discover(options, (repo, root) => {
    const early = prefetched.get(root);
    prefetched.delete(root);
    return early && early.repo.gitDir === repo.gitDir && early.repo.workTree === repo.workTree ? early.listings : gitListingsAsync(repo, root);
  });
}

function discover(options: DiscoveryOptions, list: (repo: GitRepository, root: string) => GitListings | Promise<GitListings>): DiscoveryResult | Promise<DiscoveryResult> {
  const root = path.resolve(options.root);
  const files = new Set<string>();
  const errors: ScanError[] = [];
  const dirs: string[] = [];
  for (const target of options.targets) {
    const rel = toPosixRelative(root, target);
    if (rel === '..' || rel.startsWith('../') || path.isAbsolute(rel)) continue;
    if (rel === '') {
      dirs.push(rel); // The project root itself (even when the path that names it is a symlink).
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(target);
    } catch {
      continue;
    }
    if (stat.isDirectory()) dirs.push(rel);
    else if (stat.isFile()) files.add(rel); // Named on the command line: scanned even if ignored.
    else if (stat.isSymbolicLink()) errors.push({ file: rel, message: 'symbolic link: not followed' });
  }
  const finish = (): DiscoveryResult => ({ files: [...files].sort(compareCodeUnits), errors: dedupeErrors(errors) });
  if (dirs.length === 0) return finish();
  const selection = makeSelection(options, dirs);
  const repo = findRepository(root);
  const fromFileSystem = (err: unknown): DiscoveryResult => {
    errors.push({ file: '.', message: `git could not list the files (${(err as Error).message}): listed them from the file system with .gitignore instead` });
    listFromFileSystem(root, selection, files, errors);
    return finish();
  };
  if (!repo) {
    listFromFileSystem(root, selection, files, errors);
    return finish();
  }
  let listings: GitListings | Promise<GitListings>;
  try {
    listings = list(repo, root);
  } catch (err) {
    return fromFileSystem(err);
  }
  const fromGit = (done: GitListings): DiscoveryResult => {
    try {
      listFromGit(done, root, selection, files, errors);
    } catch (err) {
      return fromFileSystem(err);
    }
    return finish();
  };
  return listings instanceof Promise ? listings.then(fromGit, fromFileSystem) : fromGit(listings);
}

function dedupeErrors(errors: ScanError[]): ScanError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.file}\0${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Inside git

function listFromGit(listings: GitListings, root: string, selection: Selection, files: Set<string>, errors: ScanError[]): void {
  // git runs in root: ls-files lists root-relative paths under root only.
  const listed = new Set(listings.listed);
  const ignoredDirs = new Set(listings.ignored.filter((entry) => entry.endsWith('/')).map((entry) => entry.slice(0, -1)));
  const nestedRepositories = new Set<string>();
  // What each listed path is (file, link, directory) comes from its directory's listing, read once
  // per directory and reused by the walk below, instead of an lstat per file (a few thousand calls
  // on a rescan that reads nothing else). A name the listing lacks (deleted, or another case on a
  // case-insensitive disk) and a directory that cannot be read are asked with lstat, as before.
  const directories = new Map<string, { entries: fs.Dirent[]; byName: Map<string, fs.Dirent> } | null>();
  const readDirectory = (dir: string): { entries: fs.Dirent[]; byName: Map<string, fs.Dirent> } | null => {
    let known = directories.get(dir);
    if (known === undefined) {
      try {
        const entries = fs.readdirSync(path.join(root, dir), { withFileTypes: true });
        known = { entries, byName: new Map(entries.map((entry) => [entry.name, entry])) };
      } catch {
        known = null; // the walk reads it again and reports why
      }
      directories.set(dir, known);
    }
    return known;
  };
  const realRoots = new Map<string, string>();
  for (const entry of [...listed].sort(compareCodeUnits)) {
    // An untracked directory listed with a trailing slash holds its own repository.
    const isNested = entry.endsWith('/');
    const rel = isNested ? entry.slice(0, -1) : entry;
    if (!underTargets(selection, rel) || selection.excluded(rel)) continue;
    if (isNested) {
      nestedRepositories.add(rel);
      errors.push({ file: rel, message: 'a nested git repository: its files were not scanned (scan it on its own)' });
      continue;
    }
    if (!selection.included(rel)) continue;
    const slash = rel.lastIndexOf('/');
    let stat: fs.Stats | fs.Dirent | undefined = readDirectory(slash < 0 ? '' : rel.slice(0, slash))?.byName.get(rel.slice(slash + 1));
    if (!stat) {
      try {
        stat = fs.lstatSync(path.join(root, rel));
      } catch (err) {
        // Deleted from the working tree, or outside a sparse checkout: nothing to scan.
        if (errnoCode(err) !== 'ENOENT' && errnoCode(err) !== 'ENOTDIR') errors.push({ file: rel, message: `could not read file (${errnoCode(err)})` });
        continue;
      }
    }
    if (stat.isFile()) files.add(rel);
    else if (stat.isSymbolicLink()) {
      // git lists a symlink as a file; its target is not followed.
      const error = symlinkError(root, rel, realRoots);
      if (error) errors.push(error);
    } else if (stat.isDirectory()) {
      nestedRepositories.add(rel);
      errors.push({ file: rel, message: 'a git submodule: its files were not scanned (scan it on its own)' });
    }
  }
  // git warns on stderr and carries on past an unreadable directory or .gitignore; find them.
  const skip = (rel: string): boolean => ignoredDirs.has(rel) || nestedRepositories.has(rel) || selection.excluded(rel);
  walkDirectories(
    root,
    '',
    selection,
    skip,
    errors,
    (dir, entries) => {
      if (entries.some((e) => e.name === '.gitignore' && e.isFile())) checkReadable(root, dir === '' ? '.gitignore' : `${dir}/.gitignore`, errors);
    },
    (dir) => directories.get(dir)?.entries,
  );
}

function checkReadable(root: string, rel: string, errors: ScanError[]): void {
  try {
    fs.closeSync(fs.openSync(path.join(root, rel), 'r'));
  } catch (err) {
    errors.push(unreadableGitignore(rel, err));
  }
}

/** Visits every readable directory not skipped (never through a symlink, never into `.git`). */
function walkDirectories(
  root: string,
  dir: string,
  selection: Selection,
  skip: (rel: string) => boolean,
  errors: ScanError[],
  visit: (dir: string, entries: fs.Dirent[]) => void,
  /** A listing already read this scan (listFromGit's); otherwise the directory is read here. */
  known?: (dir: string) => fs.Dirent[] | undefined,
): void {
  let entries: fs.Dirent[];
  try {
    entries = known?.(dir) ?? fs.readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch (err) {
    errors.push(unreadableDirectory(dir, err));
    return;
  }
  visit(dir, entries);
  for (const entry of [...entries].sort((a, b) => compareCodeUnits(a.name, b.name))) {
    if (!entry.isDirectory() || entry.name === '.git') continue;
    const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (onTheWay(selection, rel) && !skip(rel)) walkDirectories(root, rel, selection, skip, errors, visit, known);
  }
}

// ---------------------------------------------------------------------------------------------
// Outside git

/** One directory's .gitignore: its patterns apply to paths relative to that directory. */
interface IgnoreLevel {
  dir: string;
  matcher: Ignore;
}

/** git's precedence: the deepest .gitignore with a matching pattern decides. */
function isGitIgnored(levels: IgnoreLevel[], rel: string, isDir: boolean): boolean {
  for (let i = levels.length - 1; i >= 0; i--) {
    const { dir, matcher } = levels[i];
    const local = dir === '' ? rel : rel.slice(dir.length + 1);
    try {
      const result = matcher.test(isDir ? `${local}/` : local);
      if (result.ignored) return true;
      if (result.unignored) return false;
    } catch {
      // A name the matcher cannot take as a relative path: no pattern applies.
    }
  }
  return false;
}

function loadGitignore(root: string, dir: string, entries: fs.Dirent[], errors: ScanError[]): IgnoreLevel | undefined {
  // Like git (2.32+), a .gitignore that is a symlink is not read.
  if (!entries.some((e) => e.name === '.gitignore' && e.isFile())) return undefined;
  const rel = dir === '' ? '.gitignore' : `${dir}/.gitignore`;
  let text: string;
  try {
    text = fs.readFileSync(path.join(root, rel), 'utf8');
  } catch (err) {
    errors.push(unreadableGitignore(rel, err));
    return undefined;
  }
  // The `ignore` package matches case-insensitively unless told otherwise; git does not.
  return { dir, matcher: ignore({ ignorecase: false }).add(text) };
}

function listFromFileSystem(root: string, selection: Selection, files: Set<string>, errors: ScanError[]): void {
  const walk = (dir: string, levels: IgnoreLevel[]): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, dir), { withFileTypes: true });
    } catch (err) {
      errors.push(unreadableDirectory(dir, err));
      return;
    }
    const own = loadGitignore(root, dir, entries, errors);
    const here = own ? [...levels, own] : levels;
    for (const entry of entries.sort((a, b) => compareCodeUnits(a.name, b.name))) {
      if (entry.name === '.git') continue;
      const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (onTheWay(selection, rel) && !selection.excluded(rel) && !isGitIgnored(here, rel, true)) walk(rel, here);
        continue;
      }
      if (!underTargets(selection, rel) || !selection.included(rel) || selection.excluded(rel) || isGitIgnored(here, rel, false)) continue;
      if (entry.isFile()) files.add(rel);
      else if (entry.isSymbolicLink()) {
        const error = symlinkError(root, rel);
        if (error) errors.push(error);
      }
    }
  };
  walk('', []);
}
