// Env names held in constants that a Python file imports from another module
// (`from crewai.utilities.constants import CREWAI_TRAINED_AGENTS_FILE_ENV`, `from .names import
// KEY_ENV`). resolveConstRefs (const-refs.ts) resolves them against the files the front end
// parsed; a constants module holds no env read, so the prefilter skipped it, its constants were
// never read, and the read stayed a "name that is not a constant". Here the module is found among
// the project's Python files by its path (`crewai/utilities/constants.py` or its `__init__.py`;
// beside the importer for a relative one), read once, and followed through re-exports
// (`from crewai_core.constants import X as X`) a few hops.
import path from 'node:path';
import type { FileFacts } from './facts.js';
import type { FileAnalysis } from './analyze-file.js';
import type { ProjectTexts } from './project-texts.js';
import type { PythonModuleNames } from '../languages/python/module-constants.js';

/** Re-exports followed at most this deep (a chain longer than a package's facade is not a constant's home). */
const MAX_HOPS = 4;

/**
 * `texts`: the scan's texts (src/core/project-texts.ts), which the prefilter handed over or which
 * are read once, within `max_file_bytes` (a planted huge `constants.py` is never read).
 */
export async function resolvePythonModuleRefs(analyses: readonly FileAnalysis[], fileFacts: readonly FileFacts[], texts: ProjectTexts): Promise<void> {
  const refs = fileFacts.flatMap((file) => file.facts.filter((fact) => fact.kind === 'env-read' && fact.name === null && fact.constRef?.module !== undefined).map((fact) => ({ file: file.file, fact })));
  if (refs.length === 0) return;
  const { pythonModuleNames } = await import('../languages/python/module-constants.js');
  const pythonFiles = analyses.filter((analysis) => analysis.language === 'python' && !analysis.generated).map((analysis) => analysis.file);
  const names = new Map<string, Promise<PythonModuleNames | null>>();
  const namesOf = (file: string): Promise<PythonModuleNames | null> => {
    let known = names.get(file);
    if (!known) {
      const text = texts.text(file);
      known = text === null ? Promise.resolve(null) : pythonModuleNames(text);
      names.set(file, known);
    }
    return known;
  };
  const valueIn = async (files: string[], name: string, hops: number): Promise<string | undefined> => {
    const values = new Set<string>();
    for (const file of files) {
      const module = await namesOf(file);
      if (!module) continue;
      // Own keys only: an import named `constructor` or `toString` is no constant of the module.
      if (Object.hasOwn(module.constants, name)) values.add(module.constants[name]);
      else if (Object.hasOwn(module.imported, name) && hops < MAX_HOPS) {
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
