/** Defaults the interview offers, taken from the system locale and today's date. */
import type { Locale } from '../plan/schema.js';

export interface SystemDefaults {
  locale: Locale;
  currency: string;
  timezone: string;
  /** Today, which the plan's dates start from. */
  today: Date;
}

/**
 * Currency by region. Bulgaria adopted the euro on 2026-01-01, so BG maps to EUR
 * (BGN is still accepted when typed). Regions not listed here default to EUR.
 */
const CURRENCY_BY_REGION: Record<string, string> = {
  NO: 'NOK',
  SE: 'SEK',
  DK: 'DKK',
  IS: 'ISK',
  GB: 'GBP',
  CH: 'CHF',
  PL: 'PLN',
  CZ: 'CZK',
  HU: 'HUF',
  RO: 'RON',
  US: 'USD',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  JP: 'JPY',
  IN: 'INR',
  BR: 'BRL',
  MX: 'MXN',
  ZA: 'ZAR',
  BG: 'EUR',
};

/** Common currencies first in the currency list: the plan's likely ones, then the big ones. */
export const COMMON_CURRENCIES = ['EUR', 'USD', 'GBP', 'NOK', 'SEK', 'DKK', 'BGN', 'CHF', 'PLN', 'CAD', 'AUD'];

export function systemDefaults(
  today: Date,
  resolved: Intl.ResolvedDateTimeFormatOptions = Intl.DateTimeFormat().resolvedOptions(),
): SystemDefaults {
  let language = 'en';
  let region: string | undefined;
  try {
    const locale = new Intl.Locale(resolved.locale).maximize();
    language = locale.language;
    region = locale.region;
  } catch {
    // an odd locale string: keep English and the euro
  }
  const locale: Locale =
    language === 'nb' || language === 'no' || language === 'nn' ? 'nb' : language === 'bg' ? 'bg' : 'en';
  return {
    locale,
    currency: (region && CURRENCY_BY_REGION[region]) ?? 'EUR',
    timezone: resolved.timeZone || 'UTC',
    today,
  };
}

/** YYYY-MM-DD of a UTC calendar date. */
function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The first day of next month: plans start on a month boundary so milestones fall on month ends. */
export function nextMonthStart(today: Date): string {
  return iso(new Date(Date.UTC(today.getFullYear(), today.getMonth() + 1, 1)));
}

/** One year of plan: start + 1 year - 1 day (2027-01-01 -> 2027-12-31). */
export function oneYearFrom(start: string): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  return iso(new Date(Date.UTC(y + 1, m - 1, d - 1)));
}

/** Time zones to choose from: the system's first, then every IANA zone this Node knows. */
export function timeZones(systemZone: string): string[] {
  const all = Intl.supportedValuesOf('timeZone');
  return [systemZone, ...all.filter((z) => z !== systemZone)];
}

export function currencies(preferred: string): string[] {
  const all = Intl.supportedValuesOf('currency');
  const first = [preferred, ...COMMON_CURRENCIES.filter((c) => c !== preferred)];
  return [...first, ...all.filter((c) => !first.includes(c))];
}

/** A lower-case id from free text: "Brand awareness!" -> "brand-awareness". */
export function slugId(text: string, fallback = 'item'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** `base`, or `base-2`, `base-3` … when taken. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Where a plan in each language is most likely for: its currency and time zone. */
const HOME: Record<Locale, { currency: string; timezone: string } | undefined> = {
  nb: { currency: 'NOK', timezone: 'Europe/Oslo' },
  bg: { currency: 'EUR', timezone: 'Europe/Sofia' },
  // English is written for anywhere: the system's own settings are the best guess.
  en: undefined,
};

/**
 * The currency and time zone to offer for a plan in `language`: the system's when the system
 * speaks that language, else the language's home (a Norwegian plan written on an English
 * machine in UTC is offered NOK and Europe/Oslo, not USD and UTC).
 */
export function placeDefaults(language: Locale, system: SystemDefaults): { currency: string; timezone: string } {
  const home = language === system.locale ? undefined : HOME[language];
  return home ?? { currency: system.currency, timezone: system.timezone };
}
