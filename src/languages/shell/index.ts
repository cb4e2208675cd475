// The shell front end: `*.sh`, `*.bash` and shebang scripts, plus `analyzeShellSnippet`, which
// the workflow front end calls for each `run:` block with positions mapped back into the YAML.
import type { Fact, FileError, FrontEnd, FrontEndOptions, FrontEndResult } from '../../core/facts.js';
import { secretStoresFor } from '../secret-stores/catalog.js';
import { collectShellFacts, type ShellPositionMap, type TemplateExpression } from './shell-facts.js';
import { shellParser } from './shell-parser.js';
import { linesOf, nestingErrors } from '../nesting-limit.js';
import { parseWithinNestingLimit } from '../tree-sitter-depth.js';

export type { ShellPositionMap } from './shell-facts.js';

/** `tests/` or `test/` directories, `*_test.sh`, `test_*.sh`, `*.bats`-style helpers under test dirs. */
export function isShellTestPath(file: string): boolean {
  const parts = file.split('/');
  const base = parts[parts.length - 1];
  return /^test_.*\.(ba)?sh$/.test(base) || /_test\.(ba)?sh$/.test(base) || parts.slice(0, -1).some((p) => p === 'tests' || p === 'test');
}

export function shellPrefilter(text: string): boolean {
  // Nearly every script expands a variable or calls a command we look at; parsing is cheap.
  return text.includes('$') || text.includes('export') || text.includes('env') || text.includes('set') || text.includes('echo') || text.includes('clavis-lint-disable') || text.includes('build');
}

/**
 * Analyses shell text embedded in another file (a workflow `run:` block).
 * `lineOffset`: lines before the snippet's first line in the host file (snippet line 1 is file
 * line `lineOffset + 1`). `columnOffset`: columns to add to every snippet column, i.e. the
 * indentation stripped from each line (or the column before the value for a one-line
 * `run: echo $X`). When lines differ (first line after `run: `, the rest indented), pass
 * `lineColumnMap(snippetLine) => offset` instead; it wins over `columnOffset`.
 * GitHub `${{ ... }}` expressions are blanked to same-length filler before parsing, so columns
 * stay exact and bash does not choke on them; `shell-echo` facts list them as `expressions`.
 */
export async function analyzeShellSnippet(
  file: string,
  text: string,
  lineOffset: number,
  columnOffset: number,
  options: FrontEndOptions,
  lineColumnMap?: (line: number) => number,
): Promise<FrontEndResult> {
  const { text: blanked, templates } = blankTemplateExpressions(text);
  return analyzeShell(file, blanked, options, { lineOffset, columnOffset, lineColumnMap }, templates, false);
}

async function analyzeShell(
  file: string,
  text: string,
  options: FrontEndOptions,
  map: ShellPositionMap,
  templates: TemplateExpression[],
  inTest: boolean,
): Promise<FrontEndResult> {
  const facts: Fact[] = [];
  const errors: FileError[] = [];
  let tree;
  try {
    // Constructs nested past the limit are cut before any walker sees them, the same on every thread.
    const limited = parseWithinNestingLimit(await shellParser(), text);
    if (limited) {
      ({ tree, text } = limited);
      errors.push(...nestingErrors(file, linesOf(text, limited.cutAt).map((line) => line + map.lineOffset)));
    }
  } catch {
    return { facts, errors: [{ file, message: 'shell parser failed on this text' }] };
  }
  if (!tree) return { facts, errors: [{ file, message: 'shell parser returned no tree' }] };
  try {
    facts.push(...collectShellFacts({ root: tree.rootNode, map, stores: secretStoresFor('shell', options.extraSecretStores), inTest, templates }));
  } catch (error) {
    errors.push({ file, message: `shell analysis stopped early (${error instanceof Error ? error.name : 'error'})` });
  } finally {
    tree.delete();
  }
  // Syntax errors are not reported: bash scripts routinely use constructs the grammar misreads,
  // and the facts from the rest of the file stay valid.
  return errors.length > 0 ? { facts, errors } : { facts };
}

/** Replaces each single-line `${{ expr }}` with `_` filler of the same length. */
function blankTemplateExpressions(text: string): { text: string; templates: TemplateExpression[] } {
  if (!text.includes('${{')) return { text, templates: [] };
  const templates: TemplateExpression[] = [];
  const lines = text.split('\n').map((line, row) =>
    line.replace(/\$\{\{(.*?)\}\}/g, (whole, expr: string, start: number) => {
      templates.push({ row, start, end: start + whole.length, expression: expr.trim() });
      return '_'.repeat(whole.length);
    }),
  );
  return { text: lines.join('\n'), templates };
}

export const shellFrontEnd: FrontEnd = {
  id: 'shell',
  prefilter: shellPrefilter,
  analyze: (file, text, options) => analyzeShell(file, text, options, { lineOffset: 0, columnOffset: 0 }, [], isShellTestPath(file)),
};
