/**
 * Numbers, money, percentages and dates for people, in the plan's language (Intl).
 * Rates arrive as fractions (0.042) and are shown as percentages (4,2 %).
 */
import { localeLanguage, type Locale, type PlanLocale } from '../plan/schema.js';
import { unitKind } from '../units.js';

/** The BCP 47 tag for a plan language without a region: the region fixes separators and date order. */
export const INTL_LOCALE: Record<Locale, string> = { en: 'en-US', nb: 'nb-NO', bg: 'bg-BG' };

export interface Formatter {
  locale: string;
  /** A count or measure: whole numbers stay whole, others keep up to `digits` decimals. */
  number(value: number, digits?: number): string;
  /** A fraction shown as a percentage: 0.125 -> 12.5 %. */
  percent(fraction: number, digits?: number): string;
  /** An amount in the plan's currency. */
  money(value: number): string;
  /** An ISO date (YYYY-MM-DD) written out: 31 March 2027 / 31. mars 2027. */
  date(iso: string): string;
  /** An ISO date, short: 31/03/2027, 31.03.2027. */
  shortDate(iso: string): string;
  /** Month and year: March 2027. */
  month(iso: string): string;
  /** The weekday name for mon … sun. */
  weekday(day: string): string;
  /**
   * An objective's value by its unit's kind (unitKind): money, a percentage of a fraction, else a
   * number sized to its magnitude with its unit. Hours under one are minutes (0.5 h -> 30 min).
   * `bare` leaves a count's unit to the table row that names it, with the same decimals.
   */
  measure(value: number, unit?: string, options?: { bare?: boolean }): string;
  /**
   * A duration in hours as a reader says it: one decimal from an hour up, whole minutes below;
   * `words` for a sentence ("24 hours") instead of the formatter's own labels ("24 h").
   */
  duration(hours: number, words?: DurationLabels): string;
  /** A list joined the language's way: a, b and c. */
  list(items: string[]): string;
  /** Text with its first letter in upper case the language's way, for headings and leading cells. */
  capitalise(text: string): string;
}

/** Units of hours, whose fractions matter (12.5 hours); every other count prints whole from 10 up. */
const HOUR_UNITS = new Set(['h', 'hour', 'hours', 'time', 'timer', 't', 'ч', 'час', 'часа']);

function isHourUnit(unit: string | undefined): boolean {
  return HOUR_UNITS.has(unit?.trim().toLowerCase() ?? '');
}

/** How the document writes a number of hours and of minutes ("{hours} h", "{minutes} min"): from the locale catalogue. */
export interface DurationLabels {
  /** `value` chooses the plural form ("1 hour", "2 hours"); `text` is it formatted. */
  hours(text: string, value: number): string;
  minutes(text: string, value: number): string;
}

const PLAIN_DURATION: DurationLabels = { hours: (text) => `${text} h`, minutes: (text) => `${text} min` };

/**
 * Decimals for an objective's figure: whole from 1 000; hours keep one decimal below 100 (under an
 * hour they are minutes; 516.5 hours beside 410 and 900 reads as false precision); counts with a unit (demos, applications) are whole from 1 up (below, 0.5 posts a
 * week stays); a bare figure keeps two decimals below 10, and at any size the decimals it was given.
 */
function measureDigits(value: number, unit: string | undefined): number {
  const magnitude = Math.abs(value);
  const digits =
    magnitude >= 1000
      ? 0
      : isHourUnit(unit)
        ? magnitude >= 100
          ? 0
          : 1
        : magnitude >= 10 || (unit?.trim() && magnitude >= 1)
          ? 0
          : 2;
  // A unit decides (things counted are whole, hours keep one decimal); a bare figure as the plan gives
  // it keeps its decimals (a baseline of 26.5 is not 27). A computed one (8.1818…) has more: rounded.
  if (unit?.trim()) return digits;
  return Math.max(digits, givenDecimals(value));
}

/** The decimals a figure as typed has (26.5: 1), or 0 for one with more than three (a computed one). */
function givenDecimals(value: number): number {
  const text = String(value);
  if (text.includes('e')) return 0;
  const decimals = text.split('.')[1]?.length ?? 0;
  return decimals <= 3 ? decimals : 0;
}

const WEEKDAY_INDEX: Record<string, number> = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 };

/** Parses YYYY-MM-DD as a calendar date (UTC noon, so no time zone moves it to another day). */
export function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 12));
}

/** −0 and values that round to zero show as 0, not "-€0" (ES2023 option; the TypeScript lib here is ES2022). */
const NEGATIVE_ONLY = { signDisplay: 'negative' } as unknown as Intl.NumberFormatOptions;

export function createFormatter(
  locale: PlanLocale,
  currency: string,
  labels: DurationLabels = PLAIN_DURATION,
): Formatter {
  const tag = locale.includes('-') ? locale : INTL_LOCALE[localeLanguage(locale)];
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const numberFormat = (digits: number): Intl.NumberFormat => {
    let f = numberFormats.get(digits);
    if (!f)
      numberFormats.set(digits, (f = new Intl.NumberFormat(tag, { maximumFractionDigits: digits, ...NEGATIVE_ONLY })));
    return f;
  };
  const percentFormats = new Map<number, Intl.NumberFormat>();
  const percent = (fraction: number, digits = 1): string => {
    let f = percentFormats.get(digits);
    if (!f) {
      f = new Intl.NumberFormat(tag, {
        style: 'percent',
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
        ...NEGATIVE_ONLY,
      });
      percentFormats.set(digits, f);
    }
    return f.format(fraction);
  };
  const moneyWhole = new Intl.NumberFormat(tag, {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
    ...NEGATIVE_ONLY,
  });
  const moneyCents = new Intl.NumberFormat(tag, { style: 'currency', currency, ...NEGATIVE_ONLY });
  const longDate = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
  const shortDate = new Intl.DateTimeFormat(tag, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  });
  const monthYear = new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const weekdayName = new Intl.DateTimeFormat(tag, { weekday: 'long', timeZone: 'UTC' });
  const listFormat = new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' });
  /** Under an hour (and above none): whole minutes, which never share the hours' unit. */
  const minutes = (hours: number, words = labels): string | undefined => {
    if (hours === 0 || Math.abs(hours) >= 1) return undefined;
    const whole = Math.round(hours * 60);
    return words.minutes(numberFormat(0).format(whole), whole);
  };
  return {
    locale: tag,
    number: (value, digits = 1) =>
      numberFormat(Number.isInteger(value) ? 0 : Math.max(digits, givenDecimals(value))).format(value),
    percent,
    money: (value) => (Number.isInteger(value) ? moneyWhole : moneyCents).format(value),
    date: (iso) => longDate.format(isoToDate(iso)),
    shortDate: (iso) => shortDate.format(isoToDate(iso)),
    month: (iso) => monthYear.format(isoToDate(iso)),
    // 2024-01-01 was a Monday.
    weekday: (day) => weekdayName.format(new Date(Date.UTC(2024, 0, 1 + (WEEKDAY_INDEX[day] ?? 0), 12))),
    measure(value, unit, options = {}) {
      if (isHourUnit(unit)) {
        const short = minutes(value);
        if (short) return short;
      }
      const kind = unitKind(unit, currency);
      if (kind === 'money')
        return (Number.isInteger(value) ? moneyWhole : moneyCents).format(Math.round(value * 100) / 100);
      // A fraction: 0.042 -> 4.20 %, 0.25 -> 25.0 %.
      if (kind === 'percent') return percent(value, Math.abs(value) >= 0.1 ? 1 : 2);
      const text = numberFormat(measureDigits(value, unit)).format(value);
      return unit && !options.bare ? `${text} ${unit}` : text;
    },
    duration: (hours, words = labels) =>
      minutes(hours, words) ?? words.hours(numberFormat(measureDigits(hours, 'h')).format(hours), hours),
    list: (items) => listFormat.format(items),
    capitalise: (text) => text.charAt(0).toLocaleUpperCase(tag) + text.slice(1),
  };
}
