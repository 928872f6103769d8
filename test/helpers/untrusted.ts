/**
 * Plan text that breaks naive writers of every output format: separators (comma, semicolon,
 * tab), quotes, a newline, emoji, æøå, Cyrillic, Markdown and HTML metacharacters and
 * spreadsheet formula triggers (=, +, -, @, and one after a separator).
 */
export const UNTRUSTED_TEXT =
  'Åpningstider, «ferskt»; "sitat" \'apos\'\tfane\nny linje 🥐 Пекарна <b>*fet*</b> | # [lenke](javascript:x) x;=1+1 =HYPERLINK("http://x")';

/** Starts with a formula trigger, as a spreadsheet cell would read it. */
export const FORMULA_TEXT = '=1+1;@SUM(A1),-2+3';

/** YAML double-quoted scalar of any text. */
export const q = (s: string): string => JSON.stringify(s);
