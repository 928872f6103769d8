/**
 * The Handlebars helpers the chapter templates use, declared once: a template writer's contract
 * (an ejected template relies on every name here), and the source of docs/templates.md
 * (`npm run docs`). A helper gets the render's formatter and catalogue as a scope, never from a
 * closure, and returns Markdown it escaped itself or a plain value for a condition or a subexpression.
 * The functions the deck shares (objective titles, figures, changes, status words) are exported too.
 */
import { MAX_SAMPLE, MIN_SAMPLE } from '../compute/engagement.js';
import { listOf } from '../plan/decisions.js';
import { postsPerWeekRange } from '../plan/posts-per-week.js';
import { channelName, type PostsPerWeek, WEEKDAYS } from '../plan/schema.js';
import { unitKind } from '../units.js';
import { weekdayRuns } from '../wording.js';
import type { ChapterRef, RenderContext } from './context.js';
import type { DurationLabels, Formatter } from './format.js';
import type { Translator } from './i18n.js';
import { escapeBlock, escapeCell, escapeInline, linkTarget, markGenerated } from './markdown-escape.js';

// ---------------------------------------------------------------- shared with the deck

type Words = (key: string, params?: Record<string, string>) => string;

/** An objective as a reader names it: its metric, and its channel unless the metric already names it. */
export function objectiveTitle(
  fmt: Formatter,
  o: { metric?: unknown; channel?: unknown } | undefined,
  nameOf: (channel: string) => string = channelName,
): string {
  const metric = fmt.capitalise(String(o?.metric ?? ''));
  if (typeof o?.channel !== 'string') return metric;
  const name = nameOf(o.channel);
  return metric.toLocaleLowerCase(fmt.locale).includes(name.toLocaleLowerCase(fmt.locale))
    ? metric
    : `${metric} (${name})`;
}

const finite = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** A value for a table whose row names the unit: money and percentages formatted, a count bare; '' for no value. */
export function figureText(fmt: Formatter, currency: string, v: unknown, unit: unknown): string {
  const n = finite(v);
  const u = typeof unit === 'string' ? unit : undefined;
  return n === undefined ? '' : fmt.measure(n, u, { bare: unitKind(u, currency) === 'count' });
}

/** A change with its sign (+12, −3.5 kr), in the objective's unit; '' for no value. */
export function signedText(fmt: Formatter, v: unknown, unit: unknown): string {
  const n = finite(v);
  if (n === undefined) return '';
  const text = fmt.measure(Math.abs(n), typeof unit === 'string' ? unit : undefined);
  return n > 0 ? `+${text}` : n < 0 ? `\u2212${text}` : text;
}

/**
 * An objective's red/amber/green standing in words. Amber keeps the contract's status ("On track
 * so far"): the trend, not today's figure, is short.
 */
export function standingWord(fmt: Formatter, t: Words, standing: { rag?: string; status?: string }): string {
  if (standing.rag === 'amber') return fmt.capitalise(t('rag.amber', { status: t(`status.${standing.status}`) }));
  const key = standing.rag === 'green' || standing.rag === 'red' ? `status.${standing.status}` : `rag.${standing.rag}`;
  return fmt.capitalise(t(key));
}

// ---------------------------------------------------------------- the scope of one render

/** Markdown a helper escaped itself: Handlebars prints it as it is. */
export interface SafeMarkdown {
  toHTML(): string;
}

/** Handlebars' options argument, the last one every helper receives. */
export interface HelperOptions {
  hash: Record<string, unknown>;
  data?: { root?: RenderContext };
}

export interface HelperScope {
  fmt: Formatter;
  translator: Translator;
  /** The plan's currency: a unit that names it is money, not a count. */
  currency: string;
  safe(markdown: string): SafeMarkdown;
  isSafe(v: unknown): v is SafeMarkdown;
  ordinalRules: Intl.PluralRules;
  durationWords: DurationLabels;
}

/** The scope for one render; `SafeString` is the Handlebars environment's own (its `instanceof` marks safe text). */
export function helperScope(
  fmt: Formatter,
  translator: Translator,
  currency: string,
  SafeString: new (markdown: string) => SafeMarkdown,
): HelperScope {
  return {
    fmt,
    translator,
    currency,
    safe: (markdown) => new SafeString(markdown),
    isSafe: (v): v is SafeMarkdown => v instanceof SafeString,
    ordinalRules: new Intl.PluralRules(fmt.locale, { type: 'ordinal' }),
    durationWords: {
      hours: (hours, count) => translator.t('label.hours_words', { hours }, count),
      minutes: (minutes, count) => translator.t('label.minutes_words', { minutes }, count),
    },
  };
}

/** Plan text (or already-safe Markdown) as inline Markdown. */
const inline = (s: HelperScope, v: unknown): string =>
  s.isSafe(v) ? v.toHTML() : typeof v === 'number' ? s.fmt.number(v) : escapeInline(v);
// Intl output holds no inline Markdown, but a line may start with it (`2. mars 2027:`): marked, settled when the chapter is tidied.
const intl = (s: HelperScope, formatted: string) => s.safe(markGenerated(formatted));
/** The arguments without Handlebars' options. */
const args = (list: unknown[]) => list.slice(0, -1);
const optionsOf = (list: unknown[]) => list[list.length - 1] as HelperOptions;
const num = finite;
const translate = (s: HelperScope, key: string, hash: Record<string, unknown> = {}) => {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(hash)) params[k] = inline(s, v);
  return s.translator.t(key, params, typeof hash.count === 'number' ? hash.count : undefined);
};

/** A channel's display name: the `name` the plan gives it, else the brand's own spelling of its id. */
function displayName(id: string, options: HelperOptions | undefined): string {
  const own = listOf(options?.data?.root?.plan.channels).find((c) => c.id === id)?.name;
  return own ?? channelName(id);
}

// ---------------------------------------------------------------- the table

/**
 * What a template passes: plan text, a number, a date ("2027-03-01"), a list, a catalogue key, a
 * unit as the plan writes it, an object from the context, or anything.
 */
export type ArgType =
  | 'text'
  | 'number'
  | 'date'
  | 'list'
  | 'key'
  | 'unit'
  | 'boolean'
  | 'objective'
  | 'chapter'
  | 'object'
  | 'any';
/** `name: type`; `name?: type` may be left out, `...name: type` takes any number. */
export type ArgSpec = `${'' | '...'}${string}${'' | '?'}: ${ArgType}`;

export interface TemplateHelper {
  /** One line for the reference. */
  description: string;
  /** Positional arguments, in order. */
  args: readonly ArgSpec[];
  /** Named arguments (`name=value`). */
  hash?: readonly ArgSpec[];
  /** Catalogue keys the helper reads itself; `prefix.*` for a family of keys. */
  keys?: readonly string[];
  /** `markdown`: escaped Markdown to print; `value`: for `#if`, `#each` or another helper. */
  returns: 'markdown' | 'value';
  /** The helper; `a` ends with Handlebars' options, as Handlebars passes it. */
  fn(s: HelperScope, ...a: unknown[]): unknown;
}

const helper = (h: TemplateHelper) => h;

export const TEMPLATE_HELPERS = {
  t: helper({
    description:
      'A catalogue message in the plan\'s language; named arguments fill its `{placeholders}` (plan text escaped); `count` picks the plural form: `{{t "text.kpi_glance" count=n}}`.',
    args: ['key: key'],
    hash: ['...params: any'],
    returns: 'markdown',
    fn: (s, key, ...rest) => s.safe(translate(s, String(key), optionsOf(rest).hash)),
  }),
  md: helper({
    description: "Plan text as inline Markdown, escaped; a number in the document's number format.",
    args: ['value: any'],
    returns: 'markdown',
    fn: (s, v) => s.safe(inline(s, v)),
  }),
  cell: helper({
    description: 'Plan text for a table cell: escaped, with `|` escaped as well.',
    args: ['value: any'],
    returns: 'markdown',
    fn: (s, v) =>
      s.safe(s.isSafe(v) ? v.toHTML().replace(/\|/g, '\\|') : escapeCell(typeof v === 'number' ? s.fmt.number(v) : v)),
  }),
  block: helper({
    description: 'Plan text of several lines or paragraphs, escaped as a Markdown block.',
    args: ['value: text'],
    returns: 'markdown',
    fn: (s, v) => s.safe(escapeBlock(v)),
  }),
  num: helper({
    description: "A number in the document's format, with up to `digits` decimals (default 1).",
    args: ['value: number', 'digits?: number'],
    returns: 'markdown',
    fn: (s, v, ...rest) =>
      intl(s, num(v) === undefined ? '' : s.fmt.number(v as number, typeof rest[0] === 'number' ? rest[0] : 1)),
  }),
  pct: helper({
    description: 'A fraction as a percentage (0.25 → 25 %), with up to `digits` decimals (default 1).',
    args: ['value: number', 'digits?: number'],
    returns: 'markdown',
    fn: (s, v, ...rest) =>
      intl(s, num(v) === undefined ? '' : s.fmt.percent(v as number, typeof rest[0] === 'number' ? rest[0] : 1)),
  }),
  money: helper({
    description: "An amount in the plan's currency.",
    args: ['value: number'],
    returns: 'markdown',
    fn: (s, v) => intl(s, num(v) === undefined ? '' : s.fmt.money(v as number)),
  }),
  date: helper({
    description: "A date written out in the plan's language (1 March 2027).",
    args: ['value: date'],
    returns: 'markdown',
    fn: (s, v) => intl(s, typeof v === 'string' ? s.fmt.date(v) : ''),
  }),
  shortdate: helper({
    description: 'A date in short form, for tables.',
    args: ['value: date'],
    returns: 'markdown',
    fn: (s, v) => intl(s, typeof v === 'string' ? s.fmt.shortDate(v) : ''),
  }),
  month: helper({
    description: 'The month and year of a date (March 2027).',
    args: ['value: date'],
    returns: 'markdown',
    fn: (s, v) => intl(s, typeof v === 'string' ? s.fmt.month(v) : ''),
  }),
  weekday: helper({
    description: 'The name of a weekday ("monday") or of a date\'s weekday, in the plan\'s language.',
    args: ['value: text'],
    returns: 'markdown',
    fn: (s, v) => intl(s, typeof v === 'string' ? s.fmt.weekday(v) : ''),
  }),
  weekdays: helper({
    description: 'Weekdays as runs, the language\'s way, capitalised to open a list item: "Monday–Friday and Sunday".',
    args: ['days: list'],
    returns: 'markdown',
    fn: (s, v) => {
      const days = (Array.isArray(v) ? v : []).map((d) => WEEKDAYS.indexOf(d)).filter((i) => i >= 0);
      return intl(s, s.fmt.capitalise(s.fmt.list(weekdayRuns(days, (i) => s.fmt.weekday(WEEKDAYS[i]!), '–'))));
    },
  }),
  value: helper({
    description: "An objective's value with its unit (the unit is plan text, escaped).",
    args: ['value: number', 'unit?: unit'],
    returns: 'markdown',
    fn: (s, v, unit) =>
      s.safe(
        num(v) === undefined
          ? ''
          : escapeInline(s.fmt.measure(v as number, typeof unit === 'string' ? unit : undefined)),
      ),
  }),
  figure: helper({
    description: 'A value for a table whose row names the unit: money and percentages formatted, a count bare.',
    args: ['value: number', 'unit?: unit'],
    returns: 'markdown',
    fn: (s, v, unit) => s.safe(escapeInline(figureText(s.fmt, s.currency, v, unit))),
  }),
  'unit-shown': helper({
    description:
      "True when an objective counts in a unit (demos) its name does not already say, which `figure` leaves to the row's name.",
    args: ['objective: objective'],
    returns: 'value',
    fn: (s, o) => {
      const { unit, metric } = (o ?? {}) as { unit?: unknown; metric?: unknown };
      if (typeof unit !== 'string' || unit.trim() === '' || unitKind(unit, s.currency) !== 'count') return false;
      return !String(metric ?? '')
        .toLocaleLowerCase(s.fmt.locale)
        .includes(unit.trim().toLocaleLowerCase(s.fmt.locale));
    },
  }),
  relative: helper({
    description:
      'A relative target as the plan writes it ("+60%", "-25%") in the document\'s number format, with a real minus.',
    args: ['value: text'],
    returns: 'markdown',
    fn: (s, v) => {
      const m = /^\s*([+-])\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(String(v ?? ''));
      if (!m) return s.safe(escapeInline(v));
      const share = Number(m[2]) / 100;
      return s.safe(`${m[1] === '-' ? '\u2212' : '+'}${s.fmt.percent(share, Number.isInteger(Number(m[2])) ? 0 : 1)}`);
    },
  }),
  'zone-name': helper({
    description:
      "A time zone as a reader names it, never its IANA id: the catalogue's `zone_name.<zone>`, else the language's generic name.",
    args: ['zone: text'],
    keys: ['zone_name.*'],
    returns: 'markdown',
    fn: (s, zone) => {
      const key = `zone_name.${String(zone)}`;
      if (s.translator.has(key)) return s.safe(s.translator.t(key));
      try {
        const parts = new Intl.DateTimeFormat(s.fmt.locale, {
          timeZone: String(zone),
          timeZoneName: 'longGeneric',
        }).formatToParts(new Date(Date.UTC(2027, 0, 15)));
        return s.safe(escapeInline(parts.find((p) => p.type === 'timeZoneName')?.value ?? String(zone)));
      } catch {
        return s.safe(escapeInline(zone));
      }
    },
  }),
  enum: helper({
    description:
      'A plan value translated by the catalogue key `<prefix>.<value>`, else as written: `{{enum "cadence" task.cadence}}`.',
    args: ['prefix: key', 'value: text'],
    returns: 'markdown',
    fn: (s, prefix, value) => {
      const key = `${String(prefix)}.${String(value)}`;
      return s.safe(s.translator.has(key) ? s.translator.t(key) : escapeInline(value));
    },
  }),
  channel: helper({
    description:
      "A channel by the name the plan gives it (a website by its domain), else the brand's spelling of its id.",
    args: ['id: text'],
    returns: 'markdown',
    fn: (s, id, options) => s.safe(escapeInline(displayName(String(id), options as HelperOptions))),
  }),
  channels: helper({
    description: 'Channels by their names, as a list in the plan\'s language ("LinkedIn, YouTube and X").',
    args: ['ids: list'],
    returns: 'markdown',
    fn: (s, ids, options) =>
      s.safe(
        Array.isArray(ids)
          ? s.fmt.list(ids.map((id) => escapeInline(displayName(String(id), options as HelperOptions))))
          : '',
      ),
  }),
  'per-week': helper({
    description: 'How often a channel posts: a number, a range "1–2", or the words the plan gives.',
    args: ['posts: any', 'words?: text'],
    returns: 'markdown',
    fn: (s, n, words) => {
      const range = postsPerWeekRange(n as PostsPerWeek | undefined);
      if (range)
        return intl(
          s,
          range.min === range.max ? s.fmt.number(range.min) : `${s.fmt.number(range.min)}–${s.fmt.number(range.max)}`,
        );
      return s.safe(typeof words === 'string' ? escapeInline(words) : '');
    },
  }),
  'month-name': helper({
    description: "A month by its number (1–12) in the plan's language: a yearly campaign's month.",
    args: ['month: number'],
    returns: 'markdown',
    fn: (s, m) =>
      intl(
        s,
        typeof m === 'number' && m >= 1 && m <= 12
          ? new Intl.DateTimeFormat(s.fmt.locale, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, m - 1, 1))
          : '',
      ),
  }),
  'not-set': helper({
    description: '"not set" (`label.not_set`), where a plan leaves out a field a real strategy may not give.',
    args: [],
    keys: ['label.not_set'],
    returns: 'markdown',
    fn: (s) => s.safe(s.translator.t('label.not_set')),
  }),
  list: helper({
    description: 'Items as a list in the plan\'s language ("a, b and c"), each escaped; a single value as `md`.',
    args: ['items: list'],
    returns: 'markdown',
    fn: (s, items) => s.safe(Array.isArray(items) ? s.fmt.list(items.map((i) => inline(s, i))) : inline(s, items)),
  }),
  sentences: helper({
    description:
      'Items that are sentences of their own (PEST factors, objections): each capitalised and closed with a full stop.',
    args: ['items: list'],
    returns: 'markdown',
    fn: (s, items) =>
      s.safe(
        (Array.isArray(items) ? items : [items])
          .map((i) => String(i ?? '').trim())
          .filter((i) => i !== '')
          .map((i) => escapeInline(s.fmt.capitalise(/[.!?…»"“”')\]]$/u.test(i) ? i : `${i}.`)))
          .join(' '),
      ),
  }),
  points: helper({
    description:
      "An objective's distance from its planned progress in percentage points, with one decimal: one rounding wherever it is printed.",
    args: ['value: number'],
    returns: 'markdown',
    fn: (s, v) => intl(s, num(v) === undefined ? '' : s.fmt.number(v as number, 1)),
  }),
  textlist: helper({
    description: 'A text that may be one string or a list of strings, joined with "; ".',
    args: ['items: any'],
    returns: 'markdown',
    fn: (s, items) => s.safe(Array.isArray(items) ? items.map((i) => escapeInline(i)).join('; ') : escapeInline(items)),
  }),
  duration: helper({
    description:
      'A time limit in hours, under an hour in minutes (0.5 → 30 min); `words=true` in a sentence (30 minutes).',
    args: ['hours: number'],
    hash: ['words?: boolean'],
    keys: ['label.hours', 'label.minutes', 'label.hours_words', 'label.minutes_words'],
    returns: 'markdown',
    fn: (s, v, options) => {
      const hours = num(v);
      if (hours === undefined) return s.safe('');
      return s.safe(
        (options as HelperOptions).hash?.words ? s.fmt.duration(hours, s.durationWords) : s.fmt.duration(hours),
      );
    },
  }),
  yesno: helper({
    description: '"yes" or "no" (`label.yes`, `label.no`); nothing for a value the plan leaves out.',
    args: ['value: boolean'],
    keys: ['label.yes', 'label.no'],
    returns: 'markdown',
    fn: (s, v) => s.safe(v === undefined ? '' : s.translator.t(v ? 'label.yes' : 'label.no')),
  }),
  chart: helper({
    description: "A chart of the context (`charts.<name>`, an objective's `chart`) as a Markdown image.",
    args: ['chart: object'],
    returns: 'markdown',
    fn: (s, ref) => {
      const r = ref as { file?: unknown; title?: unknown } | undefined;
      return s.safe(r && typeof r.file === 'string' ? `![${escapeInline(r.title)}](${linkTarget(r.file)})` : '');
    },
  }),
  link: helper({
    description:
      'A link to a chapter, titled by the chapter or by the given text: `{{link ref}}`, `{{link ref "text"}}`.',
    args: ['chapter: chapter', 'text?: any'],
    returns: 'markdown',
    fn: (s, ref, ...rest) => {
      const r = ref as ChapterRef | undefined;
      const text = rest.length > 1 ? inline(s, rest[0]) : escapeInline(r?.title);
      return s.safe(r ? `[${text}](${linkTarget(r.file)})` : '');
    },
  }),
  open: helper({
    description:
      "The notice for a part the plan leaves open (`open.<part>.topic`, `open.<part>.asks`), or the plan's reason where it decided to leave it out.",
    args: ['part: key'],
    keys: ['open.label', 'open.asks', 'open.not_applicable', 'open.silenced', 'open.*'],
    returns: 'markdown',
    fn: (s, key, options) => {
      const k = String(key);
      const t = s.translator.t;
      // A part the plan answers with a decision: its reason where "not decided yet" would be.
      const decided = (options as HelperOptions).data?.root?.decisions?.[k] as
        | { reason: string; kind: 'not_applicable' | 'silenced' }
        | undefined;
      if (decided)
        return s.safe(`> **${t(`open.${decided.kind}`)}** ${t(`open.${k}.topic`)}. ${inline(s, decided.reason)}`);
      return s.safe(
        `> **${t('open.label')}** ${t(`open.${k}.topic`)}. ${t('open.asks', { asks: t(`open.${k}.asks`) })}`,
      );
    },
  }),
  'objective-title': helper({
    description: 'An objective as a reader names it: its metric, with its channel unless the metric already names it.',
    args: ['objective: objective'],
    returns: 'markdown',
    fn: (s, o) => s.safe(escapeInline(objectiveTitle(s.fmt, o as { metric?: unknown; channel?: unknown }))),
  }),
  'objective-titles': helper({
    description: 'Objective ids as their titles, for `list`: `{{list (objective-titles ids)}}`.',
    args: ['ids: list'],
    returns: 'value',
    fn: (s, ids, options) => {
      const objectives = (options as HelperOptions).data?.root?.objectives ?? [];
      return (Array.isArray(ids) ? ids : []).map((id) =>
        s.safe(escapeInline(objectiveTitle(s.fmt, objectives.find((o) => o.id === id) ?? { metric: id }))),
      );
    },
  }),
  rag: helper({
    description:
      "An objective's red/amber/green standing in words (`status.*`, `rag.amber`, `rag.none`); the HTML colours the cell by it.",
    args: ['standing: object'],
    keys: ['rag.amber', 'rag.none', 'status.*'],
    returns: 'markdown',
    fn: (s, standing) => s.safe(standingWord(s.fmt, s.translator.t, standing as { rag?: string; status?: string })),
  }),
  ordinal: helper({
    description:
      '1st, 2nd … in English, "2." in Norwegian: `ordinal.one|two|few|other` by the language\'s ordinal plural rules.',
    args: ['n: number'],
    keys: ['ordinal.other', 'ordinal.*'],
    returns: 'markdown',
    fn: (s, n) => {
      if (typeof n !== 'number') return s.safe('');
      const form = `ordinal.${s.ordinalRules.select(n)}`;
      return s.safe(s.translator.t(s.translator.has(form) ? form : 'ordinal.other', { n: s.fmt.number(n) }));
    },
  }),
  'chapter-ref': helper({
    description: 'A chapter by its slug, for `link`: `{{link (chapter-ref "kpis")}}`.',
    args: ['slug: text'],
    returns: 'value',
    fn: (_s, slug, options) => (options as HelperOptions).data?.root?.chapters.find((c) => c.slug === slug),
  }),
  indicative: helper({
    description: "True for an engagement sample outside the method's 20–30 posts: its rate is only indicative.",
    args: ['posts: number'],
    returns: 'value',
    fn: (_s, posts) => typeof posts === 'number' && (posts < MIN_SAMPLE || posts > MAX_SAMPLE),
  }),
  concat: helper({
    description: 'Strings joined, e.g. into a catalogue key: `{{t (concat "intro." chapter.slug)}}`.',
    args: ['...parts: any'],
    returns: 'value',
    fn: (_s, ...a) => args(a).map(String).join(''),
  }),
  array: helper({
    description: 'The arguments as a list.',
    args: ['...items: any'],
    returns: 'value',
    fn: (_s, ...a) => args(a),
  }),
  inc: helper({
    description: 'A number plus one (`@index` counted from 1).',
    args: ['n: number'],
    returns: 'value',
    fn: (_s, v) => (typeof v === 'number' ? v + 1 : v),
  }),
  'if-last': helper({
    description: 'The suffix `_last` for the last entry of a list (its message closes the sentence), else nothing.',
    args: ['last: boolean'],
    returns: 'value',
    fn: (_s, last) => (last === true ? '_last' : ''),
  }),
  abs: helper({
    description: 'A number without its sign.',
    args: ['n: number'],
    returns: 'value',
    fn: (_s, v) => (typeof v === 'number' ? Math.abs(v) : v),
  }),
  eq: helper({
    description: 'True when the two values are the same.',
    args: ['a: any', 'b: any'],
    returns: 'value',
    fn: (_s, a, b) => a === b,
  }),
  ne: helper({
    description: 'True when the two values differ.',
    args: ['a: any', 'b: any'],
    returns: 'value',
    fn: (_s, a, b) => a !== b,
  }),
  gt: helper({
    description: 'True when both are numbers and the first is greater.',
    args: ['a: number', 'b: number'],
    returns: 'value',
    fn: (_s, a, b) => typeof a === 'number' && typeof b === 'number' && a > b,
  }),
  and: helper({
    description: 'True when every argument is.',
    args: ['...values: any'],
    returns: 'value',
    fn: (_s, ...a) => args(a).every(Boolean),
  }),
  or: helper({
    description: 'True when any argument is.',
    args: ['...values: any'],
    returns: 'value',
    fn: (_s, ...a) => args(a).some(Boolean),
  }),
  not: helper({
    description: 'True for a false or missing value and for an empty list.',
    args: ['value: any'],
    returns: 'value',
    fn: (_s, v) => !v || (Array.isArray(v) && v.length === 0),
  }),
  len: helper({
    description: 'The length of a list (0 for anything else).',
    args: ['items: list'],
    returns: 'value',
    fn: (_s, v) => (Array.isArray(v) ? v.length : 0),
  }),
  has: helper({
    description: 'True for a non-empty list or a present value.',
    args: ['value: any'],
    returns: 'value',
    fn: (_s, v) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null && v !== ''),
  }),
  'with-notes': helper({
    description:
      'Budget lines (kept or cut) whose plan item has notes: `{{#each (with-notes budget.kept plan.budget.items)}}`.',
    args: ['lines: list', 'items: list'],
    returns: 'value',
    fn: (_s, lines, items) =>
      (Array.isArray(lines) ? lines : []).filter(
        (l: { index: number }) => (items as { notes?: string }[] | undefined)?.[l.index]?.notes,
      ),
  }),
  'names-of': helper({
    description:
      'Ids shown by their names (persona, goal, KPI …), unknown ids as written, joined with "; ": `{{names-of ids @root.personaNames}}`.',
    args: ['ids: list', 'names: object'],
    returns: 'markdown',
    fn: (s, ids, table) => {
      const t = table as Record<string, string> | undefined;
      const list = Array.isArray(ids) ? ids : [];
      return s.safe(list.map((id) => escapeInline(t && Object.hasOwn(t, String(id)) ? t[String(id)] : id)).join('; '));
    },
  }),
  cap: helper({
    description: 'Plan text with its first letter capitalised, for headings and leading cells.',
    args: ['value: text'],
    returns: 'markdown',
    fn: (s, v) => s.safe(escapeInline(s.fmt.capitalise(String(v ?? '')))),
  }),
  share: helper({
    description: 'a / b as a fraction; 0 when b is 0.',
    args: ['a: number', 'b: number'],
    returns: 'value',
    fn: (_s, a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? a / b : 0),
  }),
  changes: helper({
    description: 'Tracking rows that have a figure before their latest one (the review\'s "what changed").',
    args: ['rows: list'],
    returns: 'value',
    fn: (_s, rows) => (Array.isArray(rows) ? rows.filter((r) => (r as { previous?: unknown }).previous) : []),
  }),
  'on-or-after': helper({
    description: 'Whether one ISO date is on or after another: `{{#if (on-or-after date objective.deadline)}}`.',
    args: ['date: date', 'other: date'],
    returns: 'value',
    fn: (_s, a, b) => typeof a === 'string' && typeof b === 'string' && a >= b,
  }),
  'review-column': helper({
    description:
      'Whether the "what changed" table needs its since-the-review column: some row\'s change since the review differs from its change since the previous figure.',
    args: ['rows: list'],
    returns: 'value',
    fn: (_s, rows) => Array.isArray(rows) && sinceReviewDiffers(rows),
  }),
  signed: helper({
    description: "A change with its sign (+12, −3.5 kr), in the objective's unit.",
    args: ['value: number', 'unit?: unit'],
    returns: 'markdown',
    fn: (s, v, unit) => s.safe(escapeInline(signedText(s.fmt, v, unit))),
  }),
  names: helper({
    description: 'The `name` of each item of a list (the budget lines cut), for `list`.',
    args: ['items: list'],
    returns: 'value',
    fn: (_s, items) => (Array.isArray(items) ? items.map((i) => (i as { name?: unknown }).name) : []),
  }),
} satisfies Record<string, TemplateHelper>;

export type HelperName = keyof typeof TEMPLATE_HELPERS;

/** The helpers bound to one render's scope, as Handlebars takes them (`template(data, { helpers })`). */
export function boundHelpers(scope: HelperScope): Record<string, (...a: unknown[]) => unknown> {
  return Object.fromEntries(
    Object.entries(TEMPLATE_HELPERS).map(([name, h]) => [name, (...a: unknown[]) => h.fn(scope, ...a)]),
  );
}

/** The change since the last review says something the change since the previous figure does not, in some row. */
export function sinceReviewDiffers(rows: unknown[]): boolean {
  return rows.some((r) => {
    const row = r as { previous?: { change?: number }; since_review?: { change?: number } };
    return !!row.previous && !!row.since_review && row.since_review.change !== row.previous.change;
  });
}
