/**
 * Message catalogues for the rendered folder (locales/<locale>.json): every word the
 * documents print that is not plan text. English is the fallback for a key a catalogue
 * lacks, so a half-translated catalogue still renders. Placeholders are `{name}`; a key
 * with `.one` / `.other` variants is chosen by the language's plural rules from the count.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locale } from '../plan/schema.js';
import { INTL_LOCALE } from './format.js';
import { localesDir } from './paths.js';

export type Messages = Record<string, string>;

export interface Translator {
  messages: Messages;
  /** The message for `key` with `{name}` placeholders filled; params must already be safe for Markdown. */
  t(key: string, params?: Record<string, string | number>, count?: number): string;
  has(key: string): boolean;
}

async function readCatalogue(file: string): Promise<Messages | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const data: unknown = JSON.parse(text);
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new Error(`${file}: expected an object of messages`);
  const out: Messages = {};
  for (const [key, value] of Object.entries(data)) if (typeof value === 'string') out[key] = value;
  return out;
}

/**
 * The catalogue for `locale`, English underneath; `overrideDir/locales/<locale>.json`
 * (from --templates) can replace single messages.
 */
export async function loadMessages(locale: Locale, overrideDir?: string): Promise<Messages> {
  const base = (await readCatalogue(path.join(localesDir(), 'en.json'))) ?? {};
  const own = locale === 'en' ? {} : ((await readCatalogue(path.join(localesDir(), `${locale}.json`))) ?? {});
  const custom = overrideDir ? ((await readCatalogue(path.join(overrideDir, 'locales', `${locale}.json`))) ?? {}) : {};
  return Object.assign(Object.create(null) as Messages, base, own, custom);
}

export function createTranslator(locale: Locale, messages: Messages): Translator {
  const plural = new Intl.PluralRules(INTL_LOCALE[locale]);
  const has = (key: string) => Object.hasOwn(messages, key);
  return {
    messages,
    has,
    t(key, params = {}, count = typeof params.count === 'number' ? params.count : undefined) {
      let template: string | undefined;
      if (count !== undefined) {
        const variant = `${key}.${plural.select(count)}`;
        template = has(variant) ? messages[variant] : messages[`${key}.other`];
      }
      template ??= has(key) ? messages[key] : undefined;
      // A missing key shows itself, so a gap in a catalogue is visible, never silent.
      if (template === undefined) return key;
      return template.replace(/\{([a-z_]+)\}(\.?)/g, (whole, name: string, dot: string) => {
        if (!Object.hasOwn(params, name)) return whole;
        const value = String(params[name]);
        // "30 април 2027 г." or "3500 лв." ending a sentence takes no second full stop.
        return dot && value.endsWith('.') ? value : value + dot;
      });
    },
  };
}
