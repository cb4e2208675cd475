// Finds `<!-- clavis-lint:begin NAME [options] -->` ... `<!-- clavis-lint:end -->` blocks from
// markdown-it tokens: only real HTML comment blocks count, so a marker shown inside a code fence
// is left alone.
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

export interface MarkedBlock {
  name: string;
  /** 0-based line of the begin marker and of the end marker (null when unterminated). */
  beginLine: number;
  endLine: number | null;
  /** 0-based, exclusive end: the lines strictly between the markers. */
  contentStart: number;
  contentEnd: number;
  /** `key=value` options written after the name in the begin marker, e.g. `columns=env,aliases`. */
  options: Record<string, string>;
}

const BEGIN = /<!--\s*clavis-lint:begin\s+([\w-]+)((?:\s+[\w-]+=[^\s>]+)*)\s*-->/;
const END = /<!--\s*clavis-lint:end(?:\s+[\w-]+)?\s*-->/;

export function createMarkdownParser(): InstanceType<typeof MarkdownIt> {
  return new MarkdownIt({ html: true });
}

export function markedBlocksFromTokens(tokens: Token[], lineCount: number): MarkedBlock[] {
  const blocks: MarkedBlock[] = [];
  let open: MarkedBlock | null = null;
  for (const token of tokens) {
    if (token.type !== 'html_block' || !token.map) continue;
    const begin = BEGIN.exec(token.content);
    if (begin && !open) {
      const options: Record<string, string> = {};
      for (const pair of begin[2].trim().split(/\s+/).filter(Boolean)) {
        const eq = pair.indexOf('=');
        options[pair.slice(0, eq)] = pair.slice(eq + 1);
      }
      open = { name: begin[1], beginLine: token.map[0], endLine: null, contentStart: token.map[1], contentEnd: lineCount, options };
      continue;
    }
    if (open && END.test(token.content)) {
      open.endLine = token.map[0];
      open.contentEnd = token.map[0];
      blocks.push(open);
      open = null;
    }
  }
  if (open) blocks.push(open);
  return blocks;
}

export function findMarkedBlocks(text: string): MarkedBlock[] {
  const tokens = createMarkdownParser().parse(text, {});
  return markedBlocksFromTokens(tokens, text.split('\n').length);
}

const ANY_MARKER = /<!--\s*clavis-lint:/;

export interface StrayMarker {
  /** 0-based line. */
  line: number;
  reason: 'end-without-begin' | 'nested-begin' | 'unknown-marker';
}

/**
 * `clavis-lint:` comments that are not part of a well-formed block: an end marker with no begin
 * before it, a begin inside an open block, or a marker that is neither begin nor end
 * (`clavis-lint:begn`). Each means a block the author meant to have is not regenerated.
 */
export function findStrayMarkers(text: string): StrayMarker[] {
  const tokens = createMarkdownParser().parse(text, {});
  const stray: StrayMarker[] = [];
  let open = false;
  for (const token of tokens) {
    if (token.type !== 'html_block' || !token.map || !ANY_MARKER.test(token.content)) continue;
    const line = token.map[0];
    if (BEGIN.test(token.content)) {
      if (open) stray.push({ line, reason: 'nested-begin' });
      open = true;
    } else if (END.test(token.content)) {
      if (!open) stray.push({ line, reason: 'end-without-begin' });
      open = false;
    } else {
      stray.push({ line, reason: 'unknown-marker' });
    }
  }
  return stray;
}
