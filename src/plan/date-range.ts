/** Years a plan's dates may have: computed dates (a calendar, a deadline curve) then stay in four digits. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2999;

export function inDateRange(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}
