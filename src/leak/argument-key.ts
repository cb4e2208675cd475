// A member path segment that stands for "the member named by the caller's argument at this
// index", shared by the TypeScript and Python leak engines' function summaries: a helper that reads
// `data[name]` with `name` one of its parameters (`getParam('roleArn', data)`) reads, at each call
// site, the member that call names. A call site binds it to the argument's constant key; unbound,
// the member is unknown and the value is read whole. The NUL keeps it apart from any real member name.
const ARGUMENT_KEY = '\u0000argument-key:';

export function argumentKeySegment(index: number): string {
  return `${ARGUMENT_KEY}${index}`;
}

/** The argument index an argumentKeySegment stands for, or null for a real member name. */
export function argumentKeyIndex(segment: string): number | null {
  return segment.startsWith(ARGUMENT_KEY) ? Number(segment.slice(ARGUMENT_KEY.length)) : null;
}
