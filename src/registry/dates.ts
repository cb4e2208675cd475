// Calendar dates as `YYYY-MM-DD` strings: the registry's `remove_after` and `--today`.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a date that exists (`2026-02-30` does not). */
export function isRealIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Whole days from `from` to `to` (positive when `to` is later). Both must be real ISO dates. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
