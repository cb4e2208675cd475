// Ordering by UTF-16 code unit: the same bytes out whatever the locale (localeCompare depends on
// LANG/ICU, so reports, baselines and inventories sorted with it differ between machines).
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
