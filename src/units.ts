/** What an objective's `unit` means, for every place that shows its figures (terminal, document, chart). */
export type UnitKind = 'money' | 'percent' | 'count';

/** Units that mean an amount of money in plan.currency (as does the currency code itself). */
const MONEY_UNITS = new Set(['money', 'currency']);
/** Units that mean the figures are fractions (0.042) shown as percentages (4.2 %). */
const PERCENT_UNITS = new Set(['%', 'percent', 'rate']);

export function unitKind(unit: string | undefined, currency: string): UnitKind {
  const u = unit?.trim().toLowerCase();
  if (!u) return 'count';
  if (MONEY_UNITS.has(u) || u === currency.toLowerCase()) return 'money';
  if (PERCENT_UNITS.has(u)) return 'percent';
  return 'count';
}
