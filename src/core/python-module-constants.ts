// Env names held in constants that a Python file imports from another module
// (`from crewai.utilities.constants import CREWAI_TRAINED_AGENTS_FILE_ENV`, `from .names import
// KEY_ENV`). resolveConstRefs (const-refs.ts) resolves them against the files the front end
// parsed; a constants module holds no env read, so the prefilter skipped it, its constants were
// never read, and the read stayed a "name that is not a constant". Here the module is found among
// the project's Python files by its path (`crewai/utilities/constants.py` or its `__init__.py`;
// beside the importer for a relative one), read once, and followed through re-exports
// (`from crewai_core.constants import X as X`) a few hops.
import fs from 'node:fs';
import path from 'node:path';
import type { FileFacts } from './facts.js';
import type { FileAnalysis } from './analyze-file.js';
import { decodeSourceText } from './decode-text.js';
import type { PythonModuleNames } from '../languages/python/module-constants.js';

/** Re-exports followed at most this deep (a chain longer than a package's facade is not a constant's home). */
const MAX_HOPS = 4;

/** `maxBytes`: the scan's `max_file_bytes`; a larger file is never read here either (a planted huge `constants.py`). */
export async function resolvePythonModuleRefs(root: string, analyses: readonly FileAnalysis[], fileFacts: readonly FileFacts[], maxBytes: number): Promise<void> {
  const refs = fileFacts.flatMap((file) => file.facts.filter((fact) => fact.kind === 'env-read' && fact.name === null && fact.constRef?.module !== undefined).map((fact) => ({ file: file.file, fact })));
  if (refs.length === 0) return;
  const { pythonModuleNames } = await import('../languages/python/module-constants.js');
  const pythonFiles = analyses.filter((analysis) => analysis.language === 'python' && !analysis.generated).map((analysis) => analysis.file);
  const names = new Map<string, Promise<PythonModuleNames | null>>();
  const namesOf = (file: string): Promise<PythonModuleNames | null> => {
    let known = names.get(file);
    if (!known) {
      known = readText(root, file, maxBytes).then((text) => (text === null ? null : pythonModuleNames(text)));
      names.set(file, known);
    }
    return known;
  };
  const valueIn = async (files: string[], name: string, hops: number): Promise<string | undefined> => {
    const values = new Set<string>();
    for (const file of files) {
      const module = await namesOf(file);
      if (!module) continue;
      const constant = module.constants[name];
      if (constant !== undefined) values.add(constant);
      else if (module.imported[name] && hops < MAX_HOPS) {
        const origin = module.imported[name];
        const value = await valueIn(moduleFiles(pythonFiles, origin.module, file), origin.name, hops + 1);
        if (value !== undefined) values.add(value);
      }
    }
    // Several files of that module path (two packages with the same layout) must agree.
    return values.size === 1 ? [...values][0] : undefined;
  };
  for (const { file, fact } of refs) {
    if (fact.kind !== 'env-read' || !fact.constRef?.module) continue;
    const value = await valueIn(moduleFiles(pythonFiles, fact.constRef.module, file), fact.constRef.identifier, 0);
    if (value !== undefined) {
      fact.name = value;
      delete fact.constRef;
    }
  }
}

/**
 * The project files a module name can be: for an absolute one (`acme.constants`) every file whose
 * path ends with `acme/constants.py` or `acme/constants/__init__.py` at a directory boundary
 * (packages live under `src/`, `lib/x/src/`...); for a relative one (`.constants`, `..names`),
 * the file beside `importer` that Python would load.
 */
function moduleFiles(files: readonly string[], module: string, importer: string): string[] {
  const dots = /^\.*/.exec(module)![0].length;
  const parts = module.slice(dots).split('.').filter(Boolean);
  if (dots > 0) {
    let base = path.posix.dirname(importer);
    for (let up = 1; up < dots; up++) base = path.posix.dirname(base);
    const stem = path.posix.join(base, ...parts);
    return files.filter((file) => file === `${stem}.py` || file === `${stem}/__init__.py`);
  }
  if (parts.length === 0) return [];
  const stem = parts.join('/');
  const endsAt = (file: string, suffix: string): boolean => file === suffix || file.endsWith(`/${suffix}`);
  return files.filter((file) => endsAt(file, `${stem}.py`) || endsAt(file, `${stem}/__init__.py`));
}

async function readText(root: string, file: string, maxBytes: number): Promise<string | null> {
  try {
    const absolute = path.join(root, file);
    const stat = await fs.promises.stat(absolute);
    if (!stat.isFile() || stat.size > maxBytes) return null;
    return decodeSourceText(await fs.promises.readFile(absolute));
  } catch {
    return null;
  }
}
