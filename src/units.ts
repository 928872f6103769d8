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

/** Units of time: a response time is meant to fall, and 26.5 hours keeps its half. */
export const DURATION_UNIT =
  /^(s|sec|seconds?|min|mins|minutes?|minutt(er)?|h|hrs?|hours?|timer?|d|days?|dager?|døgn|weeks?|uker?|сек(унди)?|мин(ути)?|ч|час(а|ове)?|дни|ден|седмици)$/i;

/**
 * True when the unit names things counted (followers, orders, søknader): their figures are whole
 * because of what they count. No unit says nothing, and neither do money, rates and times.
 */
export function isCountUnit(unit: string | undefined, currency: string): boolean {
  const u = unit?.trim() ?? '';
  return u !== '' && unitKind(u, currency) === 'count' && !DURATION_UNIT.test(u);
}
