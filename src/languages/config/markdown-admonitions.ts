// MkDocs Material / Python-Markdown blocks whose body is Markdown indented by four spaces:
// admonitions (`!!! note "Title"`), collapsible ones (`??? tip`, `???+ tip`) and content tabs
// (`=== "Python"`). CommonMark reads such a body as an indented code block, so a page listing
// keys inside them (dspy's provider tabs) would seem to name none. The text given to markdown-it
// has those bodies moved left by four spaces per enclosing block; line numbers stay as they
// are, and names are located in the original lines, so every position is unchanged.

/** An opener line: its indent, then `!!!`, `???`/`???+` with a type, or `===` with a quoted title. */
const OPENER = /^( *)(?:(?:!!!|\?\?\?\+?) +[\w-]+|=== +")/;

export function dedentMarkdownBlocks(text: string): string {
  if (!text.includes('!!!') && !text.includes('???') && !text.includes('===')) return text;
  const lines = text.split('\n');
  const openers: number[] = []; // original indents of the blocks enclosing the current line
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const blank = line.trim() === '';
    const indent = line.length - line.trimStart().length;
    while (!blank && openers.length > 0 && indent < openers[openers.length - 1]! + 4) openers.pop();
    // Four spaces per enclosing block (never more than the line's own indent).
    const remove = blank ? 0 : Math.min(4 * openers.length, indent);
    if (remove > 0) {
      lines[i] = line.slice(remove);
      changed = true;
    }
    const opener = OPENER.exec(line);
    if (opener) openers.push(opener[1]!.length);
  }
  return changed ? lines.join('\n') : text;
}
