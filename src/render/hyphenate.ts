/**
 * Hyphenation points for the document's table cells. Chromium hyphenates `hyphens: auto` only
 * with dictionaries it downloads at run time, and the PDF is printed offline, so narrow columns
 * wrapped whole words ("Коефициент / на / ангажираност"). Soft hyphens (U+00AD) from TeX's
 * patterns (the hyphen package) mark where a long word may break; they are invisible unless a
 * line breaks there. Only the plan's language's patterns are loaded, and only by render.
 */
import { localeLanguage, type PlanLocale } from '../plan/schema.js';

const SOFT_HYPHEN = '\u00ad';
/** Shorter words are never broken; a break leaves at least this many letters on either side. */
const MIN_WORD = 10;
const MIN_PART = 3;

/** The hyphenation function for a plan locale ('en-GB', 'nb', 'bg-BG', …): word in, word with soft hyphens out. */
export async function loadHyphenator(locale: PlanLocale): Promise<(word: string) => string> {
  const language = localeLanguage(locale);
  const [{ default: createHyphenator }, { default: patterns }] = await Promise.all([
    import('hyphen'),
    language === 'nb'
      ? import('hyphen/patterns/nb.js')
      : language === 'bg'
        ? import('hyphen/patterns/bg.js')
        : locale === 'en-GB' || locale === 'en-IE'
          ? import('hyphen/patterns/en-gb.js')
          : import('hyphen/patterns/en-us.js'),
  ]);
  const hyphenateSync = createHyphenator(patterns, { minWordLength: MIN_WORD }) as (word: string) => string;
  return (word) => {
    const total = [...word].length;
    if (total < MIN_WORD) return word;
    const parts = hyphenateSync(word).split(SOFT_HYPHEN);
    // Keep MIN_PART letters before the first break and after the last.
    let out = '';
    let before = 0;
    for (const [i, part] of parts.entries()) {
      const length = [...part].length;
      if (i > 0 && before >= MIN_PART && total - before >= MIN_PART) out += SOFT_HYPHEN;
      out += part;
      before += length;
    }
    return out;
  };
}

/**
 * Text of a table cell with soft hyphens in its long words. Web addresses, e-mail addresses and
 * handles keep their words whole: a hyphen there would read as part of the address; so does the
 * unit of a figure ("67 reservations", glued to its number by glueNumbers), which reads as one.
 */
export function hyphenateCell(text: string, hyphenate: (word: string) => string): string {
  const chunks = text.split(/(\s+)/);
  return chunks
    .map((chunk, i) =>
      /[/@]|\w\.\w/.test(chunk) || (chunks[i - 1] === '\u00a0' && /\d$/.test(chunks[i - 2] ?? ''))
        ? chunk
        : chunk.replace(/\p{L}[\p{L}\p{M}]*/gu, (word) => hyphenate(word)),
    )
    .join('');
}

/**
 * A number stays on the line of the word after it ("4,660 followers", "12 000 kr", bg
 * "2027 г."): the space between them becomes a no-break space.
 */
export function glueNumbers(text: string): string {
  return text.replace(/(\d) (?=\p{L})/gu, '$1\u00a0');
}
