// Builds the ts-morph Project for leak analysis: the scanned repository's root tsconfig.json when
// there is one (its module settings and paths; files are added explicitly), else inferred settings.
// Nothing from the repository is executed; a broken tsconfig falls back to the inferred settings.
//
// Two deliberate choices keep the analysis fast and the same with or without `npm install`:
// - no lib files (`noLib`): the engine needs project symbols, signatures and declared types, not
//   the DOM; loading lib.dom alone costs seconds. Built-in projections (`.length`, comparisons,
//   `startsWith`) are recognised syntactically instead.
// - imports never resolve into node_modules: third-party types are `any`, and sinks in packages
//   are found through import provenance (`import pino from 'pino'`), which needs no types.
import fs from 'node:fs';
import path from 'node:path';
import { Project, ts, type ResolutionHostFactory } from 'ts-morph';

const INFERRED_OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  checkJs: false,
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.Preserve,
  allowImportingTsExtensions: true,
};

const ANALYSIS_OVERRIDES: ts.CompilerOptions = {
  allowJs: true,
  checkJs: false,
  noEmit: true,
  noLib: true,
  lib: undefined,
  types: [],
  skipLibCheck: true,
  composite: false,
  incremental: false,
};

/** Resolves project-relative and `paths` imports as the compiler would, but never into node_modules. */
const projectOnlyResolution: ResolutionHostFactory = (host, getCompilerOptions) => ({
  resolveModuleNames(moduleNames, containingFile) {
    return moduleNames.map((name) => {
      const resolved = ts.resolveModuleName(name, containingFile, getCompilerOptions(), host).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport || resolved.resolvedFileName.includes('/node_modules/')) return undefined;
      return resolved;
    });
  },
});

export interface LeakProject {
  project: Project;
  /** Where the compiler options came from, for diagnostics. */
  configFile: string | null;
}

export function createLeakProject(root: string): LeakProject {
  const configFile = path.join(root, 'tsconfig.json');
  if (fs.existsSync(configFile)) {
    try {
      const project = new Project({
        tsConfigFilePath: configFile,
        skipAddingFilesFromTsConfig: true,
        skipFileDependencyResolution: true,
        skipLoadingLibFiles: true,
        resolutionHost: projectOnlyResolution,
      });
      project.compilerOptions.set({ ...project.compilerOptions.get(), ...ANALYSIS_OVERRIDES });
      return { project, configFile };
    } catch {
      // Unreadable tsconfig (bad JSON, missing `extends`): analyse with inferred settings instead.
    }
  }
  const project = new Project({
    compilerOptions: { ...INFERRED_OPTIONS, ...ANALYSIS_OVERRIDES },
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
    resolutionHost: projectOnlyResolution,
  });
  return { project, configFile: null };
}
