// What every registry source returns before the loader merges them in config order.
import type { KindClassifier } from '../classify.js';
import type { Origin, Registry, ResolverSpec, SecretEntry, SecretKind, SecretScope } from '../model.js';

/** Fields an overlay adds to an id declared by an earlier source (typically code). */
export interface OverlayPatch {
  id: string;
  origin: Origin;
  kind?: SecretKind;
  class?: string;
  owner?: string;
  rotationDays?: number;
  description?: string;
  scope?: SecretScope[];
  /** Applies to every deprecated alias of the id that has no date of its own. */
  removeAfter?: string;
  /** Merged by name: sets `remove_after`/`replacement` on a known deprecated alias, or adds a new one. */
  deprecated?: Array<{ name: string; replacement?: string; removeAfter?: string; origin: Origin }>;
  /** Names of the patch itself, so an added deprecated alias keeps its precise origin. */
  nameOrigins: Record<string, Origin>;
}

export interface SourceResult {
  secrets: SecretEntry[];
  patches: OverlayPatch[];
  resolver?: Partial<ResolverSpec>;
  diagnostics: Registry['diagnostics'];
}

export interface SourceContext {
  /** Path relative to the project root, `/` separators: goes into origins and errors. */
  file: string;
  text: string;
  classify: KindClassifier;
  /** Ids already declared by earlier sources: a YAML entry without `env` naming one is an overlay. */
  knownIds: ReadonlySet<string>;
}
