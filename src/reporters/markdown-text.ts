// Safe Markdown building blocks: text that renders as itself inside a GFM table cell, and code
// spans whose content cannot break out of the span.

const HTML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Plain text for a table cell: no HTML, no Markdown formatting, no cell break, one line. */
export function markdownCell(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[&<>]/g, (ch) => HTML_ENTITY[ch])
    .replace(/([\\`*_[\]#!~])/g, '\\$1')
    .replace(/\|/g, '\\|');
}

/** A code span (for a cell or prose) whose content is shown verbatim. */
export function markdownCode(text: string, inTable = true): string {
  const oneLine = text.replace(/\r\n|\r|\n/g, ' ');
  const longestRun = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padded = oneLine.startsWith('`') || oneLine.endsWith('`') ? ` ${oneLine} ` : oneLine;
  // GFM splits table cells on `|` before parsing code spans, so escape it there too.
  return `${fence}${inTable ? padded.replace(/\|/g, '\\|') : padded}${fence}`;
}

/** A fenced code block whose fence is longer than any backtick run in the code. */
export function markdownFence(code: string, lang: string): string {
  const longestRun = Math.max(0, ...(code.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${lang}\n${code.replace(/\n$/, '')}\n${fence}`;
}
