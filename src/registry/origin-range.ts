// Registry findings point at where the registry declared the element: its origin.
import type { Range } from '../core/facts.js';
import type { Origin } from './model.js';

export function originRange(origin: Origin): Range {
  const sameLineEnd = origin.endLine === undefined || origin.endLine === origin.line;
  return {
    line: origin.line,
    column: origin.column,
    endLine: origin.endLine ?? origin.line,
    endColumn: origin.endColumn ?? (sameLineEnd ? origin.column + 1 : 1),
  };
}

export function describeOrigin(origin: Origin): string {
  return `${origin.file}:${origin.line}:${origin.column}`;
}
