// Markdown docs. From markdown-it tokens (block `.map` lines; cell and list text located in the
// source line so columns are exact) it emits:
// - NameRefFact `docs` for each UPPER_SNAKE (or registry) name in table cells, list items, headings
//   and inline code anywhere, and for each variable of a `.env`-style template in a fenced or indented
//   code block (`NAME=…`, `export NAME=…`, `# NAME=…` lines of a shell, env or plain-text block, and
//   clap's `[env: NAME=]` in a CLI's `--help`): a page that lists its keys as a template to copy
//   documents them (SWE-agent's keys page, text-generation-inference's launcher reference);
// - ConfigFact `docs-table-row` {table, header, names, nameRanges, nameColumns (the cell index of
//   each name), deprecatedMarked, cells, headers, block} and `docs-list-item` {list, names, nameRanges, deprecatedMarked, block};
// - ConfigFact `docs-block` {name, startLine, endLine, contentHash, options, unterminated} for
//   `<!-- clavis-lint:begin NAME -->` ... `<!-- clavis-lint:end -->`;
// - CommentFacts for HTML comments containing `clavis-lint-disable`.
import type { Token } from 'markdown-it';
import type { Fact, FileError, FrontEnd, FrontEndOptions, Range } from '../../core/facts.js';
import { blockContentHash } from '../../docs/block-hash.js';
import { createMarkdownParser, markedBlocksFromTokens, type MarkedBlock } from '../../docs/marked-blocks.js';
import { DISABLE_MARKER } from './yaml-source.js';
import { valueLiteralFact } from '../../core/value-literals.js';
import { mayHoldReadFacts } from './markdown-prefilter.js';
import { dedentMarkdownBlocks } from './markdown-admonitions.js';

export const markdownFrontEnd: FrontEnd = {
  id: 'markdown',
  prefilter: mayHoldReadFacts,
  analyze: analyzeMarkdown,
};

/** One parser for every page: `parse` keeps no state between calls, building one costs more than a small page. */
let parser: ReturnType<typeof createMarkdownParser> | undefined;

const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
const DEPRECATION_WORDS = /\b(deprecated|removed|legacy|obsolete|do not use|don't use|no longer)\b/i;

/** A stretch of one source line (0-based line, 0-based columns, end exclusive). */
interface Segment {
  line: number;
  start: number;
  end: number;
}

interface NameAt {
  name: string;
  range: Range;
}

export function analyzeMarkdown(file: string, text: string, options: FrontEndOptions): { facts: Fact[]; errors: FileError[] } {
  const facts: Fact[] = [];
  let tokens: Token[];
  try {
    tokens = (parser ??= createMarkdownParser()).parse(dedentMarkdownBlocks(text), {});
  } catch {
    return { facts, errors: [{ file, message: 'Markdown could not be parsed' }] };
  }
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const known = new Set(options.registryNames);
  const isName = (word: string): boolean => UPPER_SNAKE.test(word) || known.has(word);
  const blocks = markedBlocksFromTokens(tokens, lines.length);
  const blockAt = (line: number): MarkedBlock | undefined => blocks.find((b) => line >= b.contentStart && line < b.contentEnd);

  for (const block of blocks) {
    const content = lines.slice(block.contentStart, block.contentEnd).join('\n');
    facts.push({
      kind: 'config',
      type: 'docs-block',
      range: { line: block.beginLine + 1, column: 1, endLine: block.beginLine + 1, endColumn: lines[block.beginLine].length + 1 },
      data: {
        name: block.name,
        startLine: block.beginLine + 1,
        endLine: block.endLine === null ? null : block.endLine + 1,
        contentHash: blockContentHash(content),
        options: block.options,
        unterminated: block.endLine === null,
      },
    });
  }

  /** Finds names (in token order) inside the given source segments, left to right. */
  const locate = (names: string[], segments: Segment[]): NameAt[] => {
    const found: NameAt[] = [];
    let seg = 0;
    let col = segments[0]?.start ?? 0;
    for (const name of names) {
      for (let s = seg; s < segments.length; s++) {
        const { line, end } = segments[s];
        const from = s === seg ? col : segments[s].start;
        const at = findWord(lines[line] ?? '', name, from, end);
        if (at < 0) continue;
        found.push({ name, range: { line: line + 1, column: at + 1, endLine: line + 1, endColumn: at + name.length + 1 } });
        seg = s;
        col = at + name.length;
        break;
      }
    }
    return found;
  };

  const comment = (segments: Segment[]): void => {
    for (const seg of segments) {
      const lineText = (lines[seg.line] ?? '').slice(0, seg.end);
      let from = seg.start;
      for (;;) {
        const open = lineText.indexOf('<!--', from);
        if (open < 0) break;
        const closeAt = lineText.indexOf('-->', open);
        const end = closeAt < 0 ? lineText.length : closeAt + 3;
        const body = lineText.slice(open + 4, closeAt < 0 ? lineText.length : closeAt);
        if (body.includes(DISABLE_MARKER)) {
          facts.push({ kind: 'comment', text: body.trim(), range: { line: seg.line + 1, column: open + 1, endLine: seg.line + 1, endColumn: end + 1 } });
        }
        from = end;
      }
    }
  };

  const nameRefs = (found: NameAt[]): void => {
    for (const n of found) facts.push({ kind: 'name-ref', name: n.name, context: 'docs', range: n.range });
  };

  let tableIndex = -1;
  let listIndex = -1;
  let inHeading = false;
  let row: { line: number; header: boolean; cells: string[]; names: NameAt[]; nameColumns: number[]; marked: boolean; spans: Segment[]; unnamedCells: Segment[] } | null = null;
  let headers: string[] = [];
  let cellIndex = -1;
  const listItems: Array<{ line: number; names: NameAt[]; marked: boolean; list: number }> = [];
  const listStack: number[] = [];

  for (const token of tokens) {
    switch (token.type) {
      case 'html_block':
        if (token.map && token.content.includes(DISABLE_MARKER)) comment(linesOf(token.map[0], token.map[1], lines));
        break;
      case 'fence':
      case 'code_block':
        if (token.map && TEMPLATE_LANGUAGES.has(token.info.trim().split(/\s+/)[0].toLowerCase())) {
          const first = token.type === 'fence' ? token.map[0] + 1 : token.map[0];
          const count = token.content.split('\n').length - 1;
          nameRefs(templateNames(lines, first, first + count, isName));
        }
        break;
      case 'heading_open':
        inHeading = true;
        break;
      case 'heading_close':
        inHeading = false;
        break;
      case 'table_open':
        tableIndex++;
        headers = [];
        break;
      case 'tr_open':
        row = { line: token.map?.[0] ?? 0, header: false, cells: [], names: [], nameColumns: [], marked: false, spans: [], unnamedCells: [] };
        row.spans = cellSpans(lines[row.line] ?? '').map((s) => ({ line: row!.line, ...s }));
        cellIndex = -1;
        break;
      case 'th_open':
      case 'td_open':
        cellIndex++;
        if (row && token.type === 'th_open') row.header = true;
        break;
      case 'tr_close':
        if (row) {
          if (row.header) headers = row.cells;
          // The other cells of a row that names a variable (an example value, say) are bound to its first name.
          if (!row.header && row.names.length > 0) {
            for (const cell of row.unnamedCells) {
              facts.push(valueLiteralFact({ line: cell.line + 1, column: cell.start + 1, endLine: cell.line + 1, endColumn: cell.end + 1 }, row.names[0].name));
            }
          }
          const last = lines[row.line] ?? '';
          facts.push({
            kind: 'config',
            type: 'docs-table-row',
            range: { line: row.line + 1, column: 1, endLine: row.line + 1, endColumn: last.length + 1 },
            data: {
              table: tableIndex,
              header: row.header,
              names: row.names.map((n) => n.name),
              nameRanges: row.names,
              nameColumns: row.nameColumns,
              deprecatedMarked: row.marked,
              cells: row.cells,
              headers,
              block: blockAt(row.line)?.name ?? null,
            },
          });
        }
        row = null;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        listIndex++;
        listStack.push(listIndex);
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listStack.pop();
        break;
      case 'list_item_open':
        listItems.push({ line: token.map?.[0] ?? 0, names: [], marked: false, list: listStack[listStack.length - 1] ?? 0 });
        break;
      case 'list_item_close': {
        const item = listItems.pop();
        if (item) {
          facts.push({
            kind: 'config',
            type: 'docs-list-item',
            range: { line: item.line + 1, column: 1, endLine: item.line + 1, endColumn: (lines[item.line] ?? '').length + 1 },
            data: { list: item.list, names: item.names.map((n) => n.name), nameRanges: item.names, deprecatedMarked: item.marked, block: blockAt(item.line)?.name ?? null },
          });
        }
        break;
      }
      case 'inline': {
        const children = token.children ?? [];
        if (row) {
          const span = row.spans[cellIndex];
          const found = span ? locate(namesIn(children, isName, true), [span]) : [];
          row.cells.push(token.content.slice(0, 200));
          row.names.push(...found);
          row.nameColumns.push(...found.map(() => cellIndex));
          if (span && found.length === 0 && span.end > span.start) row.unnamedCells.push(span);
          row.marked ||= isMarkedDeprecated(token.content, children);
          nameRefs(found);
          if (span) comment([span]);
          break;
        }
        const segments = token.map ? linesOf(token.map[0], token.map[1], lines) : [];
        const item = listItems[listItems.length - 1];
        // A heading that names a variable documents it (`## API_KEY` above its description).
        const found = locate(namesIn(children, isName, Boolean(item) || inHeading), segments);
        nameRefs(found);
        if (item) {
          item.names.push(...found);
          item.marked ||= isMarkedDeprecated(token.content, children);
        }
        if (children.some((c) => c.type === 'html_inline' && c.content.includes(DISABLE_MARKER))) comment(segments);
        break;
      }
      default:
        break;
    }
  }
  return { facts, errors: [] };
}

/** Code block languages whose `NAME=value` lines are an env template (no language: a plain block). */
const TEMPLATE_LANGUAGES = new Set(['', 'bash', 'sh', 'shell', 'zsh', 'console', 'env', 'dotenv', 'ini', 'properties', 'conf', 'text', 'txt', 'plaintext']);
/** `NAME=…`, `export NAME=…`, `# NAME=…` (a commented-out optional key) at the start of a line. */
const TEMPLATE_LINE = /^(\s*(?:#\s*)?(?:export\s+)?)([A-Za-z_][A-Za-z0-9_]*)=/;

/** A CLI's `--help` as clap prints it (text-generation-inference's launcher reference): `[env: API_KEY=]`, `[env: PORT=3000]`. */
const CLAP_ENV_LINE = /^(.*?\[env:\s*)([A-Za-z_][A-Za-z0-9_]*)=/;

/** The template variables of source lines [from, to), located in the source (a block may be indented). */
function templateNames(lines: string[], from: number, to: number, isName: (w: string) => boolean): NameAt[] {
  const found: NameAt[] = [];
  for (let line = from; line < to && line < lines.length; line++) {
    const match = TEMPLATE_LINE.exec(lines[line] ?? '') ?? CLAP_ENV_LINE.exec(lines[line] ?? '');
    if (!match || !isName(match[2])) continue;
    const column = match[1].length + 1;
    found.push({ name: match[2], range: { line: line + 1, column, endLine: line + 1, endColumn: column + match[2].length } });
  }
  return found;
}

/** Names in inline children: inline code always; plain text words only in cells and list items. */
function namesIn(children: Token[], isName: (w: string) => boolean, includeText: boolean): string[] {
  const names: string[] = [];
  for (const child of children) {
    if (child.type === 'code_inline' || (includeText && child.type === 'text')) {
      for (const word of child.content.match(/[A-Za-z0-9_]+/g) ?? []) if (isName(word)) names.push(word);
    }
  }
  return names;
}

function isMarkedDeprecated(content: string, children: Token[]): boolean {
  return DEPRECATION_WORDS.test(content) || children.some((c) => c.type === 's_open');
}

function linesOf(start: number, end: number, lines: string[]): Segment[] {
  const segments: Segment[] = [];
  for (let line = start; line < end && line < lines.length; line++) segments.push({ line, start: 0, end: lines[line].length });
  return segments;
}

/** Cell text spans of a table row, split like markdown-it (unescaped `|`; outer pipes optional). */
export function cellSpans(line: string): Array<{ start: number; end: number }> {
  const cuts: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') {
      i++;
      continue;
    }
    if (line[i] === '|') cuts.push(i);
  }
  const bounds = [-1, ...cuts, line.length];
  const spans: Array<{ start: number; end: number }> = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    let start = bounds[k] + 1;
    let end = bounds[k + 1];
    const isOuter = (k === 0 && cuts.length > 0) || (k === bounds.length - 2 && cuts.length > 0);
    while (start < end && /\s/.test(line[start])) start++;
    while (end > start && /\s/.test(line[end - 1])) end--;
    if (isOuter && start === end) continue;
    spans.push({ start, end });
  }
  return spans;
}

/** Index of `word` in `text[from, to)` with identifier boundaries on both sides, else -1. */
function findWord(text: string, word: string, from: number, to: number): number {
  let at = text.indexOf(word, from);
  while (at >= 0 && at + word.length <= to) {
    const before = at === 0 ? '' : text[at - 1];
    const after = text[at + word.length] ?? '';
    if (!/[A-Za-z0-9_]/.test(before) && !/[A-Za-z0-9_]/.test(after)) return at;
    at = text.indexOf(word, at + 1);
  }
  return -1;
}
