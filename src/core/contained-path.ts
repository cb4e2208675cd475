// Containment of every path that comes from the repository (DESIGN §7): config discovered in the
// tree, registry sources and docs pages named in it, tsconfig `extends`/`paths`, imports. A
// stranger's pull request controls these, so none may lead outside the project: not by an
// absolute path, not by `..`, not through a symbolic link. Paths the user types on the command
// line (`--config`, `--registry`, `--baseline`, `--output`) are the user's own choice and do not
// come through here.
//
// The boundary is the git root enclosing the project root (a monorepo package may name the shared
// registry at `../../secrets.registry.yaml`: still the same checkout), else the project root.
// Containment is decided on real paths: the deepest existing ancestor of the target is resolved
// with realpath, so a file that does not exist yet (`docs --fix` creating nothing, but a missing
// page being reported) is judged by the directory it would land in.
import fs from 'node:fs';
import path from 'node:path';
import type { DirectoryListings } from './directory-listings.js';

export type Containment = { absolute: string } | { error: string };

/** The directory nothing configured may leave: the nearest enclosing git root, else `root` itself. */
export function containmentBoundary(root: string): string {
  const start = path.resolve(root);
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}

/** True when `target` is `dir` or below it (both absolute, same form). */
export function isWithin(dir: string, target: string): boolean {
  const rel = path.relative(dir, target);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

function realpathOrUndefined(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}

function isSymlink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * The real path `target` refers to: realpath of its deepest existing ancestor plus the rest.
 * Undefined when a component is a symbolic link that cannot be resolved (dangling or a loop):
 * writing through it would create its target wherever it points.
 */
export function realPathOf(target: string): string | undefined {
  const rest: string[] = [];
  for (let current = path.resolve(target); ; current = path.dirname(current)) {
    const real = realpathOrUndefined(current);
    if (real !== undefined) return path.join(real, ...rest.reverse());
    if (isSymlink(current)) return undefined;
    if (path.dirname(current) === current) return undefined;
    rest.push(path.basename(current));
  }
}

/**
 * Resolves `relPath` (relative to `root`, or absolute) and checks it stays inside `boundary`
 * (default: {@link containmentBoundary} of `root`). On success `absolute` is the real path to read
 * or write. The error says why in words and never names the outside target.
 */
export function resolveContained(root: string, relPath: string, boundary = containmentBoundary(root)): Containment {
  const lexical = path.resolve(root, relPath);
  const realBoundary = realpathOrUndefined(boundary) ?? path.resolve(boundary);
  if (!isWithin(path.resolve(boundary), lexical) && !isWithin(realBoundary, lexical)) {
    return { error: path.isAbsolute(relPath) ? 'is an absolute path outside the project root' : "leads outside the project root through '..'" };
  }
  const real = realPathOf(lexical);
  if (real === undefined) return { error: 'goes through a symbolic link that cannot be resolved (dangling or a loop)' };
  if (!isWithin(realBoundary, real)) return { error: 'resolves through a symbolic link to a location outside the project root' };
  return { absolute: real };
}

/**
 * {@link realPathOf} with the answers for directories remembered: a compiler host probes
 * thousands of paths under the same few hundred directories, and `fs.realpathSync` lstats every
 * component of each one anew (half a second of a monorepo's leak pass). Here each new path costs
 * one lstat of its last component. For one scan: a symbolic link changed meanwhile is not seen.
 */
export function memoizedRealPaths(listings?: DirectoryListings): (target: string) => string | undefined {
  const known = new Map<string, string | undefined>();
  const real = (lexical: string): string | undefined => {
    const cached = known.get(lexical);
    if (cached !== undefined || known.has(lexical)) return cached;
    const parent = path.dirname(lexical);
    let answer: string | undefined;
    if (parent === lexical) answer = realpathOrUndefined(lexical);
    else {
      const realParent = real(parent);
      const candidate = realParent === undefined ? undefined : path.join(realParent, path.basename(lexical));
      answer = candidate === undefined ? undefined : realOfEntry(candidate, listings);
    }
    known.set(lexical, answer);
    return answer;
  };
  return (target) => real(path.resolve(target));
}

/** `candidate` has a real parent: itself unless it is a symbolic link (resolved, or undefined when dangling); a missing entry keeps its name, as in realPathOf. */
function realOfEntry(candidate: string, listings?: DirectoryListings): string | undefined {
  // The parent's listing says what the entry is without an lstat of its own; a link is resolved as before.
  const listed = listings?.entryOf(candidate);
  if (listed === null || (listed && !listed.isSymbolicLink())) return candidate;
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(candidate);
  } catch {
    return candidate;
  }
  return stat.isSymbolicLink() ? realpathOrUndefined(candidate) : candidate;
}

/**
 * A checker for absolute paths a tool asks for (a compiler host): inside the boundary lexically
 * (so nothing outside is even probed) and by real path (so no symbolic link leads out).
 */
export function containmentChecker(boundary: string, realPath = memoizedRealPaths()): (absolute: string) => boolean {
  const lexicalBoundary = path.resolve(boundary);
  const realBoundary = realpathOrUndefined(boundary) ?? lexicalBoundary;
  return (absolute) => {
    const lexical = path.resolve(absolute);
    if (!isWithin(lexicalBoundary, lexical) && !isWithin(realBoundary, lexical)) return false;
    const real = realPath(lexical);
    return real !== undefined && isWithin(realBoundary, real);
  };
}
