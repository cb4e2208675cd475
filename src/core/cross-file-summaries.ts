// Cross-file taint for languages whose front ends analyse one file at a time (Rust, Python):
// pass one emits FunctionSummaryFacts and the names of calls it could not resolve; here the
// files whose unresolved calls match another file's summary are analysed once more with those
// summaries, so a secret passed to a helper in another module still reaches its sink. Only
// those few files are parsed twice.
import type { FrontEndOptions, FunctionSummaryFact } from './facts.js';
import { isPending, loadForAnalysis, runFrontEnd, type FileAnalysis } from './analyze-file.js';

function summaryKey(name: string): string {
  // Calls are matched on the last path segment: `util::log_key`, `util.log_key`, `log_key`.
  return name.split(/::|\./).pop() ?? name;
}

export async function applyCrossFileSummaries(root: string, analyses: FileAnalysis[], options: FrontEndOptions, maxBytes: number): Promise<void> {
  const summaries: FunctionSummaryFact[] = [];
  for (const analysis of analyses) {
    for (const fact of analysis.facts?.facts ?? []) if (fact.kind === 'function-summary') summaries.push(fact);
  }
  if (summaries.length === 0) return;
  const byName = new Map<string, FunctionSummaryFact[]>();
  for (const summary of summaries) {
    const key = `${summary.language}:${summaryKey(summary.name)}`;
    byName.set(key, [...(byName.get(key) ?? []), summary]);
  }
  for (let i = 0; i < analyses.length; i++) {
    const analysis = analyses[i];
    const language = analysis.language;
    if (!analysis.unresolvedCalls || (language !== 'rust' && language !== 'python')) continue;
    const own = new Set(analysis.facts?.facts.filter((f) => f.kind === 'function-summary'));
    const relevant = analysis.unresolvedCalls.flatMap((call) => byName.get(`${language}:${summaryKey(call)}`) ?? []).filter((s) => !own.has(s));
    if (relevant.length === 0) continue;
    const loaded = loadForAnalysis(root, analysis.file, options, maxBytes);
    if (!isPending(loaded)) continue;
    analyses[i] = await runFrontEnd(loaded, { ...options, functionSummaries: relevant });
  }
}
