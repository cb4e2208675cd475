// File discovery: fast-glob over include/exclude, honouring .gitignore files. Never follows
// symlinks (no loops), never reads file contents.
import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';

export interface DiscoveryOptions {
  root: string;
  /** Absolute paths given on the command line: directories are walked, files are taken as they are. */
  targets: string[];
  include: string[];
  exclude: string[];
}

export function toPosixRelative(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}

/** Loads every .gitignore under root (outside excluded dirs) into one matcher on root-relative paths. */
function loadGitignores(root: string, exclude: string[]): Ignore {
  const ig = ignore();
  const files = fg.sync(['**/.gitignore'], { cwd: root, dot: true, ignore: exclude, followSymbolicLinks: false, suppressErrors: true });
  for (const rel of files.sort()) {
    const dir = path.posix.dirname(rel);
    const text = fs.readFileSync(path.join(root, rel), 'utf8');
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim();
      if (!line || line.startsWith('#')) continue;
      const negated = line.startsWith('!');
      let pattern = negated ? line.slice(1) : line;
      if (dir !== '.') {
        // Re-anchor a nested .gitignore's patterns at its own directory.
        const anchored = pattern.startsWith('/') || pattern.slice(0, -1).includes('/');
        pattern = anchored ? `${dir}/${pattern.replace(/^\//, '')}` : `${dir}/**/${pattern}`;
      }
      ig.add(negated ? `!${pattern}` : pattern);
    }
  }
  return ig;
}

/** Returns root-relative posix paths, sorted, deduplicated. */
export function discoverFiles(options: DiscoveryOptions): string[] {
  const { root, include, exclude } = options;
  const ig = loadGitignores(root, exclude);
  const found = new Set<string>();
  for (const target of options.targets) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(target);
    } catch {
      continue;
    }
    if (stat.isFile()) {
      // An explicitly named file is scanned even if ignored: the user asked for it.
      found.add(toPosixRelative(root, target));
      continue;
    }
    const relDir = toPosixRelative(root, target);
    const prefix = relDir === '' ? '' : `${relDir}/`;
    const entries = fg.sync(
      include.map((glob) => `${prefix}${glob}`),
      { cwd: root, dot: true, onlyFiles: true, followSymbolicLinks: false, ignore: exclude, suppressErrors: true, unique: true },
    );
    for (const rel of entries) {
      if (rel.startsWith('..')) continue;
      if (!ig.ignores(rel)) found.add(rel);
    }
  }
  return [...found].sort();
}
