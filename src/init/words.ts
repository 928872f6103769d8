/**
 * The interview's words: its questions come from the same message catalogues as the
 * document (locales/<locale>.json, keys `init.*`), so a consultant is asked in Norwegian
 * or Bulgarian; defaults written into the plan come from the plan's own language.
 */
import { readTime } from '../plan/dates.js';
import { createTranslator, loadMessages } from '../render/i18n.js';
import { LOCALES, WEEKDAYS, type Locale, type Weekday } from '../plan/schema.js';
import { weekdayRuns } from '../wording.js';

export type Words = (key: string, params?: Record<string, string | number>) => string;

/** Every language's words, read once when the interview starts. */
export async function loadWords(): Promise<Record<Locale, Words>> {
  const out = {} as Record<Locale, Words>;
  for (const locale of LOCALES) {
    const { t } = createTranslator(locale, await loadMessages(locale));
    out[locale] = (key, params) => t(key, params);
  }
  return out;
}

/** The language of a LANG-style value (nb_NO.UTF-8, no, bg_BG, en_US), or undefined. */
export function languageOf(value: string | undefined): Locale | undefined {
  const lang = value?.toLowerCase().split(/[_.@-]/)[0];
  if (!lang || lang === 'c' || lang === 'posix') return undefined;
  if (lang === 'nb' || lang === 'no' || lang === 'nn') return 'nb';
  if (lang === 'bg') return 'bg';
  return 'en';
}

/** Weekday abbreviations a user may type, in every language the interview speaks. */
export const WEEKDAY_WORDS: Record<string, number> = {
  mon: 0,
  tue: 1,
  wed: 2,
  thu: 3,
  fri: 4,
  sat: 5,
  sun: 6,
  man: 0,
  tir: 1,
  ons: 2,
  tor: 3,
  fre: 4,
  lør: 5,
  lor: 5,
  søn: 6,
  son: 6,
  пн: 0,
  вт: 1,
  ср: 2,
  чт: 3,
  пт: 4,
  сб: 5,
  нд: 6,
};

/** The weekdays as a user types and reads them, mon … sun. */
export const DAY_NAMES: Record<Locale, readonly string[]> = {
  en: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
  nb: ['man', 'tir', 'ons', 'tor', 'fre', 'lør', 'søn'],
  bg: ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'нд'],
};

/** "mon-fri", "sat,sun", "man–fre", "пн-пт, сб": the days, or undefined when a word is not a day. */
function parseDays(text: string): Weekday[] | undefined {
  const days = new Set<number>();
  for (const part of text.split(/[,\s]+/).filter(Boolean)) {
    const [a, b] = part.split(/[-–]/).map((w) => WEEKDAY_WORDS[w.toLowerCase().replace(/\.$/, '')]);
    if (a === undefined || (part.includes('-') || part.includes('–') ? b === undefined : false)) return undefined;
    if (b === undefined) days.add(a);
    else
      for (let d = a; ; d = (d + 1) % 7) {
        days.add(d);
        if (d === b) break;
      }
  }
  return days.size ? [...days].sort((x, y) => x - y).map((d) => WEEKDAYS[d]!) : undefined;
}

export interface OnlineWindow {
  days?: Weekday[];
  from: string;
  to: string;
}

/** "mon-fri 07:00-08:30" (days optional: every day) -> { days, from, to }, or undefined. */
export function parseOnlineTime(text: string): OnlineWindow | undefined {
  // Times as the one time reader reads them: 07:30, 7.30, or the hour alone (søn 20-22).
  const m = /^(.*?)\s*(\d{1,2}(?:[:.]\d{2})?)\s*[-–]\s*(\d{1,2}(?:[:.]\d{2})?)$/.exec(text.trim());
  if (!m) return undefined;
  const [from, to] = [readTime(m[2]!), readTime(m[3]!)];
  if (!from || !to) return undefined;
  const dayText = m[1]!.trim();
  const days = dayText && !EVERY_DAY.test(dayText) ? parseDays(dayText) : undefined;
  if (dayText && !EVERY_DAY.test(dayText) && !days) return undefined;
  return { ...(days && days.length < 7 ? { days } : {}), from, to };
}

/** "every day", "hver dag", "всеки ден": the same as no days. */
const EVERY_DAY = /^(every ?day|daily|hver dag|alle dager|daglig|всеки ден|ежедневно)$/i;

/** A window as the user would type it, in their language: "man–fre 07:00-08:30". */
export function showOnlineTime(w: OnlineWindow, locale: Locale): string {
  const names = DAY_NAMES[locale];
  if (!w.days?.length) return `${w.from}-${w.to}`;
  const runs = weekdayRuns(
    w.days.map((d) => WEEKDAYS.indexOf(d)),
    (d) => names[d]!,
    '-',
  );
  return `${runs.join(',')} ${w.from}-${w.to}`;
}
