// The one way clavis-lint runs git. A pull request from a stranger controls the files in the
// tree, and git executes commands named in repository configuration (core.fsmonitor, filter
// drivers, textconv, external diff, hooks, an upload-pack for a lazy fetch). So:
//
// - the repository is found by our own walk up from the project root, looking only for a `.git`
//   directory or a `.git` file (worktree, submodule); a directory that merely looks like a bare
//   repository (HEAD, objects/, refs/, config: committable files) is never taken as one, and
//   git is always told `--git-dir`/`--work-tree` so its own discovery never runs;
// - every command gets `-c` overrides that switch off each configuration key that executes,
//   including the filter drivers the repository's configuration defines, and an environment
//   without inherited repository locations (a git hook exports GIT_DIR and GIT_INDEX_FILE);
// - diffs never use an external diff or textconv; nothing is fetched (protocol.allow=never).
//
// Output is always NUL-separated (`-z`) where git offers it, so no path is ever quoted.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { compareCodeUnits } from './compare.js';

export interface GitRepository {
  /** Absolute path of the git directory (`.git`, or a worktree's or submodule's git dir). */
  gitDir: string;
  /** Absolute path of the working tree: the directory holding `.git`. */
  workTree: string;
}

/** git exited non-zero, or could not be started. The message never quotes file content. */
export class GitCommandError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'GitCommandError';
  }
}

/** A `git -c` override for every configuration key we know of that makes git run a command. */
const NEUTRALISED_CONFIG = [
  'core.fsmonitor=false',
  'core.untrackedCache=false',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'core.quotePath=false',
  'diff.external=',
  'safe.bareRepository=explicit',
  // A partial clone fetches missing objects on demand, through remote.*.uploadpack or ssh.
  'protocol.allow=never',
  'credential.helper=',
  'log.showSignature=false',
];

/** Inherited variables that would point git at another repository, index or command. */
const INHERITED_REPOSITORY_ENV = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR',
  'GIT_NAMESPACE',
  'GIT_PREFIX',
  'GIT_CEILING_DIRECTORIES',
  'GIT_DISCOVERY_ACROSS_FILESYSTEM',
  'GIT_EXTERNAL_DIFF',
  'GIT_DIFF_OPTS',
  'GIT_PAGER',
  'GIT_EDITOR',
  'GIT_SSH',
  'GIT_SSH_COMMAND',
  'GIT_ASKPASS',
  'SSH_ASKPASS',
  'GIT_ATTR_SOURCE',
];

function gitEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED_REPOSITORY_ENV) delete env[name];
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    // Never write the index (an index write may run the post-index-change hook).
    GIT_OPTIONAL_LOCKS: '0',
    // git 2.44+: never fetch a missing object (older versions ignore it; protocol.allow covers them).
    GIT_NO_LAZY_FETCH: '1',
  };
}

// ---------------------------------------------------------------------------------------------
// Finding the repository

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** A git directory has HEAD and either its own objects or a `commondir` (a linked worktree). */
function looksLikeGitDir(dir: string): boolean {
  return isFile(path.join(dir, 'HEAD')) && (isDirectory(path.join(dir, 'objects')) || isFile(path.join(dir, 'commondir')));
}

/** The git dir a `.git` file names (`gitdir: PATH`, relative to the file's directory), if valid. */
function gitDirFromFile(file: string): string | undefined {
  let text: string;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(4096);
      text = buffer.subarray(0, fs.readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
  const match = /^gitdir: ([^\r\n]+)\r?(?:\n|$)/.exec(text);
  if (!match) return undefined;
  const target = path.resolve(path.dirname(file), match[1]);
  return looksLikeGitDir(target) ? target : undefined;
}

/**
 * The repository whose working tree holds `start`: the nearest ancestor (or `start` itself) with a
 * valid `.git` directory or `.git` file. Unlike git, never takes a directory for a bare repository
 * because of its contents, and never returns a bare repository.
 */
export function findRepository(start: string): GitRepository | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const dotGit = path.join(dir, '.git');
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(dotGit);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory() && looksLikeGitDir(dotGit)) return { gitDir: dotGit, workTree: dir };
    if (stat?.isFile()) {
      const gitDir = gitDirFromFile(dotGit);
      if (gitDir) return { gitDir, workTree: dir };
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Running git

const filterOverrides = new Map<string, string[]>();

function baseArgs(repo: GitRepository): string[] {
  return [`--git-dir=${repo.gitDir}`, `--work-tree=${repo.workTree}`, ...NEUTRALISED_CONFIG.flatMap((setting) => ['-c', setting])];
}

function exec(repo: GitRepository, options: string[], command: string[], cwd: string): Buffer {
  try {
    return execFileSync('git', [...options, ...command], { cwd, env: gitEnvironment(), stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1024 * 1024 * 1024 });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { status?: number | null };
    if (e.code === 'ENOENT') throw new GitCommandError('git is not installed (not found on PATH)', null);
    throw new GitCommandError(`git ${command[0]} failed (exit ${e.status ?? 'by signal'}) in ${repo.workTree}`, e.status ?? null);
  }
}

/**
 * `-c filter.NAME.clean= …` for every filter driver the configuration defines: `.gitattributes`
 * (committed by anyone) can attach a driver to any file, and git runs its clean command while
 * diffing the working tree. An empty command is no filter; `required=false` keeps git going.
 */
function neutralisedFilters(repo: GitRepository): string[] {
  const cached = filterOverrides.get(repo.gitDir);
  if (cached) return cached;
  let listed = '';
  try {
    listed = exec(repo, baseArgs(repo), ['config', '-z', '--name-only', '--get-regexp', '^filter\\.'], repo.workTree).toString('utf8');
  } catch (err) {
    // Exit 1: no filter is configured. Anything else: we cannot know, so refuse to run git.
    if (!(err instanceof GitCommandError) || err.status !== 1) throw err;
  }
  const names = new Set<string>();
  for (const key of listed.split('\0')) {
    const lastDot = key.lastIndexOf('.');
    if (key.startsWith('filter.') && lastDot > 'filter.'.length) names.add(key.slice('filter.'.length, lastDot));
  }
  const overrides: string[] = [];
  for (const name of [...names].sort(compareCodeUnits)) {
    // `git -c` splits at the first '=': a driver name with '=' or a newline cannot be overridden.
    if (/[=\n]/.test(name)) throw new GitCommandError('the repository configuration defines a filter driver whose name cannot be overridden; refusing to run git', null);
    for (const setting of ['clean=', 'smudge=', 'process=', 'required=false']) overrides.push('-c', `filter.${name}.${setting}`);
  }
  filterOverrides.set(repo.gitDir, overrides);
  return overrides;
}

/** Runs git on `repo` with every neutralising override; `cwd` (default the work tree) sets git's prefix. */
export function runGit(repo: GitRepository, args: string[], cwd = repo.workTree): Buffer {
  return exec(repo, [...baseArgs(repo), ...neutralisedFilters(repo)], args, cwd);
}

/**
 * `runGit` without blocking: the same arguments, environment and errors, so several listings can
 * run at once (and beside other work). The filter overrides are looked up first, synchronously.
 */
export function runGitAsync(repo: GitRepository, args: string[], cwd = repo.workTree): Promise<Buffer> {
  const command = [...baseArgs(repo), ...neutralisedFilters(repo), ...args];
  return new Promise((resolve, reject) => {
    const child = spawn('git', command, { cwd, env: gitEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.resume(); // warnings are not read (as with runGit), only drained
    child.once('error', (err: NodeJS.ErrnoException) => {
      reject(err.code === 'ENOENT' ? new GitCommandError('git is not installed (not found on PATH)', null) : new GitCommandError(`git ${args[0]} failed (exit by signal) in ${repo.workTree}`, null));
    });
    child.once('close', (code) => {
      if (code === 0) resolve(Buffer.concat(chunks));
      else reject(new GitCommandError(`git ${args[0]} failed (exit ${code ?? 'by signal'}) in ${repo.workTree}`, code));
    });
  });
}

/** Splits `-z` output into its entries. */
export function splitNul(output: Buffer | string): string[] {
  const text = typeof output === 'string' ? output : output.toString('utf8');
  const parts = text.split('\0');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}


// ---------------------------------------------------------------------------------------------
// Queries

/** The commit `ref` names in `repo`, as a full object id, or undefined. */
export function resolveCommitIn(repo: GitRepository, ref: string): string | undefined {
  // A ref is never an option: `--output=FILE` would make git write a file.
  if (ref === '' || ref.startsWith('-')) return undefined;
  try {
    return runGit(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).toString('utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The commit `ref` names in the repository holding `root`, or undefined (no repository, no such commit). */
export function resolveCommit(root: string, ref: string): string | undefined {
  const repo = findRepository(root);
  return repo ? resolveCommitIn(repo, ref) : undefined;
}

/** `root`-relative posix path -> work-tree-relative posix path, or undefined when it leaves the tree. */
function repositoryPath(repo: GitRepository, root: string, relPath: string): string | undefined {
  if (relPath === '' || path.isAbsolute(relPath) || relPath.split(/[\\/]/).some((part) => part === '..' || part === '')) return undefined;
  const rel = path.relative(repo.workTree, path.resolve(root, relPath)).split(path.sep).join('/');
  if (rel === '' || rel === '..' || rel.startsWith('../') || path.isAbsolute(rel)) return undefined;
  return rel;
}

/**
 * The text of `relPath` (relative to `root`, posix) as committed in `ref`: undefined when there is
 * no repository, no such commit or no such file, or when the entry is not a regular file (a
 * symlink's blob is its target path, a submodule has no blob). Runs git through this module only.
 */
export function readFileAtRef(root: string, ref: string, relPath: string): string | undefined {
  const repo = findRepository(root);
  if (!repo) return undefined;
  const commit = resolveCommitIn(repo, ref);
  const inRepo = repositoryPath(repo, root, relPath);
  if (!commit || !inRepo) return undefined;
  const slash = inRepo.lastIndexOf('/');
  const dir = slash < 0 ? '' : inRepo.slice(0, slash);
  const name = inRepo.slice(slash + 1);
  let listing: string[];
  try {
    // `COMMIT:DIR` takes DIR literally (no pathspec magic); the entry is then matched exactly.
    listing = splitNul(runGit(repo, ['ls-tree', '-z', dir === '' ? commit : `${commit}:${dir}`]));
  } catch {
    return undefined;
  }
  for (const entry of listing) {
    const tab = entry.indexOf('\t');
    const [mode, type, oid] = entry.slice(0, tab).split(' ');
    if (entry.slice(tab + 1) !== name) continue;
    if (type !== 'blob' || (mode !== '100644' && mode !== '100755')) return undefined;
    try {
      return runGit(repo, ['cat-file', 'blob', oid]).toString('utf8');
    } catch {
      return undefined;
    }
  }
  return undefined;
}
