// The `$schema=` path of the modelines init writes. yaml-language-server resolves a relative
// path from the YAML file itself, so the path leads from the initialised directory to the
// schemas this package ships in `schema/`, where npm installs them:
// `node_modules/clavis-lint/schema/<file>`. When the package is installed in the directory or an
// ancestor up to the git root (a hoisting monorepo), that copy is used; otherwise (a one-off
// `npx clavis-lint init`, which runs from npm's cache) the path a later
// `npm install --save-dev clavis-lint` will create.
import fs from 'node:fs';
import path from 'node:path';
import { findGitRoot } from '../core/config.js';

export function schemaModelinePath(dir: string, schemaFile: string): string {
  const stop = findGitRoot(dir) ?? dir;
  for (let at = dir; ; at = path.dirname(at)) {
    const candidate = path.join(at, 'node_modules', 'clavis-lint', 'schema', schemaFile);
    if (fs.existsSync(candidate)) return asRelative(path.relative(dir, candidate));
    if (at === stop || path.dirname(at) === at || !isInside(stop, at)) break;
  }
  return `./node_modules/clavis-lint/schema/${schemaFile}`;
}

function asRelative(rel: string): string {
  const posix = rel.split(path.sep).join('/');
  return posix.startsWith('.') ? posix : `./${posix}`;
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
