// A cheap text test: only files that can contain a leak source are analysed in depth. Imports of
// those files are pulled in by the compiler's module resolution, for function summaries.
import type { FrontEndOptions } from '../../core/facts.js';

export interface SourceNeedles {
  needles: string[];
}

export function sourceNeedles(options: FrontEndOptions): SourceNeedles {
  const needles = new Set<string>([
    ...options.resolver.functions,
    ...options.resolver.types,
    ...(options.extraSources ?? []),
    ...(options.extraSourcePaths ?? []).map((spec) => spec.call),
    ...Object.keys(options.secretNames),
  ]);
  needles.delete('');
  return { needles: [...needles] };
}

/** True when the text mentions a resolver function/type or a secret env name (any env access form needs the name). */
export function mayContainSource(text: string, needles: SourceNeedles): boolean {
  for (const needle of needles.needles) if (text.includes(needle)) return true;
  return false;
}
