// Builds the ts-morph Project for leak analysis: the scanned repository's root tsconfig.json when
// there is one (only its compiler options; files are added explicitly), else inferred settings.
// Nothing from the repository is executed; a broken tsconfig falls back to the inferred settings.
import fs from 'node:fs';
import path from 'node:path';
import { Project, ts } from 'ts-morph';

const INFERRED_OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  checkJs: false,
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.Preserve,
  skipLibCheck: true,
  noEmit: true,
  types: [],
  allowImportingTsExtensions: true,
  resolveJsonModule: false,
};

export interface LeakProject {
  project: Project;
  /** Where the compiler options came from, for diagnostics. */
  configFile: string | null;
}

export function createLeakProject(root: string): LeakProject {
  const configFile = path.join(root, 'tsconfig.json');
  if (fs.existsSync(configFile)) {
    try {
      const project = new Project({ tsConfigFilePath: configFile, skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true });
      // Analysis needs JS files and no emit, whatever the repository's build says.
      const options = project.compilerOptions.get();
      project.compilerOptions.set({ ...options, allowJs: true, checkJs: false, noEmit: true, skipLibCheck: true, composite: false, incremental: false });
      return { project, configFile };
    } catch {
      // Unreadable tsconfig (bad JSON, missing `extends`): analyse with inferred settings instead.
    }
  }
  return { project: new Project({ compilerOptions: INFERRED_OPTIONS, skipFileDependencyResolution: true }), configFile: null };
}
