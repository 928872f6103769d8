/**
 * The strategy folder: the plan rendered to Markdown chapters, an index and SVG charts,
 * in the plan's language. Pure apart from reading templates and locale catalogues;
 * writing files, HTML and PDF belong to the render command.
 */
import { readdir } from 'node:fs/promises';
import { readInputFile } from '../files.js';
import path from 'node:path';
import { TemplateError } from './template-error.js';
import { MAX_SAMPLE, MIN_SAMPLE } from '../compute/engagement.js';
import type { TrackingResult } from '../compute/track.js';
import type { LoadedPlan } from '../plan/load.js';
import { silencedOpenPoints } from '../plan/open-points.js';
import { listOf } from '../plan/decisions.js';
import { postsPerWeekRange } from '../plan/posts-per-week.js';
import type { PostsPerWeek } from '../plan/schema.js';
import { channelName, localeLanguage, WEEKDAYS } from '../plan/schema.js';
import { unitKind } from '../units.js';
import { weekdayRuns } from '../wording.js';
import { renderCharts, type Chart } from './charts.js';
import { closedDays, publicHolidays } from '../compute/holidays.js';
import { buildContext, CHAPTER_SLUGS, type ChapterRef, type ChapterSlug, type RenderContext } from './context.js';
import { createFormatter, type DurationLabels, type Formatter } from './format.js';
import { createTranslator, loadMessages, type Translator } from './i18n.js';
import {
  escapeBlock,
  escapeCell,
  escapeInline,
  linkTarget,
  markGenerated,
  settleGenerated,
} from './markdown-escape.js';
import { builtinTemplatesDir } from './paths.js';

export interface RenderOptions {
  /** A folder whose templates (chapters/*.md.hbs, partials/*.hbs) override the built-ins by name. */
  templatesDir?: string;
  /** Plan versus actual (cli/tracking.ts) for the review chapter and the KPI charts. */
  tracking?: TrackingResult;
}

export interface Chapter {
  /** Stable English id: situation, objectives, audience … */
  slug: string;
  /** File name inside the folder, e.g. 01-situation.md */
  file: string;
  /** Title in the plan's language. */
  title: string;
  markdown: string;
}

export interface StrategyFolder {
  title: string;
  /** BCP 47 tag used for numbers and dates: en, nb-NO, bg-BG. */
  locale: string;
  /** README.md: the index linking every chapter. */
  readme: string;
  chapters: Chapter[];
  charts: Chart[];
  /** The locale catalogue in use, for the HTML/PDF shell (table of contents, footer …). */
  messages: Record<string, string>;
  /** What the chapters were rendered from, for other outputs of the same figures and words (the deck). */
  view: { context: RenderContext; format: Formatter; translator: Translator };
}

export async function renderStrategyFolder(loaded: LoadedPlan, options: RenderOptions = {}): Promise<StrategyFolder> {
  const plan = loaded.plan;
  const locale = localeLanguage(plan.plan.locale);
  const messages = await loadMessages(locale, options.templatesDir);
  const translator = createTranslator(locale, messages);
  const fmt = createFormatter(plan.plan.locale, plan.plan.currency, {
    hours: (hours) => translator.t('label.hours', { hours }),
    minutes: (minutes) => translator.t('label.minutes', { minutes }),
  });
  const titles = Object.fromEntries(CHAPTER_SLUGS.map((slug) => [slug, translator.t(`chapter.${slug}`)])) as Record<
    ChapterSlug,
    string
  >;
  // Chart titles are plain text here; the Markdown escapes them where it prints them.
  // Review sessions skip public holidays and the plan's closed days (the holiday calendar loads only here).
  const closed = plan.review ? await closedDays(plan) : new Set<string>();
  const ctx = buildContext(
    loaded,
    titles,
    fmt,
    (key, params) => translator.t(key, params),
    options.tracking,
    closed,
    await silencedOpenPoints(loaded),
    // A holiday among the special dates is named a public holiday only when it is one.
    plan.content?.special_dates?.some((d) => d.kind === 'holiday') ? await publicHolidays(plan) : undefined,
  );

  const templates = await loadTemplates(options.templatesDir);
  const hb = await createEnvironment(translator, fmt, plan.plan.currency, templates.partials);
  const render = (name: string, data: object): string => {
    const source = templates.chapters.get(name);
    if (!source) throw new Error(`no built-in template chapters/${name}.md.hbs`);
    let compiled: HandlebarsTemplate;
    try {
      compiled = compileTemplate(hb, source.text, { noEscape: false, preventIndent: true, strict: false });
      return tidy(compiled(data));
    } catch (err) {
      throw new TemplateError(source.file, 'the template cannot be rendered', err);
    }
  };

  const chapters: Chapter[] = ctx.chapters.map((chapter) => ({
    slug: chapter.slug,
    file: chapter.file,
    title: chapter.title,
    markdown: render(chapter.slug, chapterData(ctx, chapter)),
  }));
  const readme = render('readme', { ...ctx, chapter: undefined });
  const charts = await renderCharts(ctx, fmt, translator, options.tracking);
  return {
    title: plan.plan.title,
    locale: fmt.locale,
    readme,
    chapters,
    charts,
    messages: { ...messages },
    view: { context: ctx, format: fmt, translator },
  };
}

function chapterData(ctx: RenderContext, chapter: ChapterRef): object {
  return { ...ctx, chapter, chapterOpenPoints: ctx.openPoints.filter((p) => p.chapter === chapter.slug) };
}

/**
 * Generated text at a line start made safe; blank-line runs left by template conditionals
 * collapse to one; the file ends with one newline.
 */
function tidy(markdown: string): string {
  return (
    settleGenerated(markdown)
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}

// ---------------------------------------------------------------- templates

interface TemplateSource {
  file: string;
  text: string;
}

interface TemplateSet {
  /** By name: situation, objectives … readme. */
  chapters: Map<string, TemplateSource>;
  partials: Map<string, TemplateSource>;
}

/** A template is a page of text; this is far above any real one. */
const MAX_TEMPLATE_BYTES = 1024 * 1024;

async function readTemplateDir(dir: string, suffix: string): Promise<Map<string, TemplateSource>> {
  const out = new Map<string, TemplateSource>();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return out;
    throw err;
  }
  for (const name of names.sort()) {
    if (!name.endsWith(suffix)) continue;
    const file = path.join(dir, name);
    // The one way inputs are read: a FIFO put in place of a template is refused, not waited on.
    const bytes = await readInputFile(file, MAX_TEMPLATE_BYTES).catch((err: unknown) => {
      throw new TemplateError(file, 'cannot read the template', err);
    });
    out.set(name.slice(0, -suffix.length), { file, text: bytes.toString('utf8') });
  }
  return out;
}

/** The built-in templates with any of the same name from `overrideDir` in their place. */
export async function loadTemplates(overrideDir?: string): Promise<TemplateSet> {
  const builtin = builtinTemplatesDir();
  const chapters = await readTemplateDir(path.join(builtin, 'chapters'), '.md.hbs');
  const partials = await readTemplateDir(path.join(builtin, 'partials'), '.hbs');
  if (overrideDir) {
    for (const [name, source] of await readTemplateDir(path.join(overrideDir, 'chapters'), '.md.hbs'))
      chapters.set(name, source);
    for (const [name, source] of await readTemplateDir(path.join(overrideDir, 'partials'), '.hbs'))
      partials.set(name, source);
  }
  return { chapters, partials };
}

// ---------------------------------------------------------------- Handlebars

type HandlebarsEnv = typeof import('handlebars');
type HandlebarsTemplate = ReturnType<HandlebarsEnv['compile']>;
interface HelperOptions {
  hash: Record<string, unknown>;
  data?: { root?: RenderContext };
}

/** A channel's display name: the `name` the plan gives it, else the brand's own spelling of its id. */
function displayName(id: string, options: HelperOptions | undefined): string {
  const own = listOf(options?.data?.root?.plan.channels).find((c) => c.id === id)?.name;
  return own ?? channelName(id);
}

type CompileOptions = NonNullable<Parameters<HandlebarsEnv['compile']>[1]>;
type TemplateSpec = Parameters<HandlebarsEnv['template']>[0];
interface HandlebarsCompilers {
  Compiler: new () => { compile(ast: unknown, options: CompileOptions): unknown };
  JavaScriptCompiler: new () => {
    compile(environment: unknown, options: CompileOptions, context: undefined, asObject: true): TemplateSpec;
  };
}

/**
 * Templates compiled in this process, by source and options. Compiling is most of a render's
 * time, and a live preview renders the same templates on every save. What is kept is the
 * compiled code alone (as Handlebars.compile makes it); each render binds it to its own
 * environment, helpers and partials.
 */
const compiledSpecs = new Map<string, TemplateSpec>();

function compileTemplate(hb: HandlebarsEnv, text: string, given: CompileOptions): HandlebarsTemplate {
  // Handlebars.compile's defaults.
  const options: CompileOptions = { data: true, ...given };
  const key = `${JSON.stringify(options)}\0${text}`;
  let spec = compiledSpecs.get(key);
  if (!spec) {
    const { Compiler, JavaScriptCompiler } = hb as unknown as HandlebarsCompilers;
    spec = new JavaScriptCompiler().compile(
      new Compiler().compile(hb.parse(text, options), options),
      options,
      undefined,
      true,
    );
    // Kept for the templates in use: a preview whose templates are edited does not grow without end.
    if (compiledSpecs.size >= 256) compiledSpecs.clear();
    compiledSpecs.set(key, spec);
  }
  return hb.template(spec);
}

/**
 * An isolated Handlebars with the folder's helpers. Every helper returns a SafeString of
 * Markdown it has escaped itself; a plain `{{value}}` a template writer forgot to wrap is
 * still HTML-escaped by Handlebars (default escaping stays on), so plan text never becomes markup.
 * Prototype-access guards stay at their safe defaults.
 */
async function createEnvironment(
  translator: Translator,
  fmt: Formatter,
  currency: string,
  partials: Map<string, TemplateSource>,
): Promise<HandlebarsEnv> {
  const Handlebars = ((await import('handlebars')) as unknown as { default: HandlebarsEnv }).default;
  const hb = Handlebars.create();
  const safe = (markdown: string) => new hb.SafeString(markdown);
  const intl = (formatted: string) => safe(markGenerated(formatted));
  const isSafe = (v: unknown): v is { toHTML(): string } => v instanceof hb.SafeString;
  /** Plan text (or already-safe Markdown) as inline Markdown. */
  const inline = (v: unknown): string =>
    isSafe(v) ? v.toHTML() : typeof v === 'number' ? fmt.number(v) : escapeInline(v);
  const args = (list: unknown[]) => list.slice(0, -1);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const t = (key: string, hash: Record<string, unknown> = {}) => {
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(hash)) params[k] = inline(v);
    return translator.t(key, params, typeof hash.count === 'number' ? hash.count : undefined);
  };

  const ordinalRules = new Intl.PluralRules(fmt.locale, { type: 'ordinal' });
  const durationWords: DurationLabels = {
    hours: (hours, count) => translator.t('label.hours_words', { hours }, count),
    minutes: (minutes, count) => translator.t('label.minutes_words', { minutes }, count),
  };
  /** An objective as a reader names it: its metric, and its channel unless the metric already names it. */
  const objectiveTitle = (o: { metric?: unknown; channel?: unknown } | undefined): string => {
    const metric = fmt.capitalise(String(o?.metric ?? ''));
    if (typeof o?.channel !== 'string') return metric;
    const name = channelName(o.channel);
    return metric.toLocaleLowerCase(fmt.locale).includes(name.toLocaleLowerCase(fmt.locale))
      ? metric
      : `${metric} (${name})`;
  };
  const helpers: Record<string, (...a: unknown[]) => unknown> = {
    t: (key, ...rest) => safe(t(String(key), (rest[rest.length - 1] as HelperOptions).hash)),
    md: (v) => safe(inline(v)),
    cell: (v) =>
      safe(isSafe(v) ? v.toHTML().replace(/\|/g, '\\|') : escapeCell(typeof v === 'number' ? fmt.number(v) : v)),
    block: (v) => safe(escapeBlock(v)),
    // Intl output holds no inline Markdown, but a line may start with it (`2. mars 2027:`): marked, settled in tidy().
    num: (v, ...rest) =>
      intl(num(v) === undefined ? '' : fmt.number(v as number, typeof rest[0] === 'number' ? rest[0] : 1)),
    pct: (v, ...rest) =>
      intl(num(v) === undefined ? '' : fmt.percent(v as number, typeof rest[0] === 'number' ? rest[0] : 1)),
    money: (v) => intl(num(v) === undefined ? '' : fmt.money(v as number)),
    date: (v) => intl(typeof v === 'string' ? fmt.date(v) : ''),
    shortdate: (v) => intl(typeof v === 'string' ? fmt.shortDate(v) : ''),
    month: (v) => intl(typeof v === 'string' ? fmt.month(v) : ''),
    weekday: (v) => intl(typeof v === 'string' ? fmt.weekday(v) : ''),
    /** Weekdays as runs, the language's way, opening a list item: "Monday–Friday and Sunday", "Mandag–torsdag og søndag". */
    weekdays: (v) => {
      const days = (Array.isArray(v) ? v : []).map((d) => WEEKDAYS.indexOf(d)).filter((i) => i >= 0);
      return intl(fmt.capitalise(fmt.list(weekdayRuns(days, (i) => fmt.weekday(WEEKDAYS[i]!), '–'))));
    },
    /** An objective's value with its unit (plan text, escaped). */
    value: (v, unit) =>
      safe(
        num(v) === undefined ? '' : escapeInline(fmt.measure(v as number, typeof unit === 'string' ? unit : undefined)),
      ),
    /** A value for a table whose row names the unit: money and percentages formatted, a count bare. */
    figure: (v, unit) => {
      const u = typeof unit === 'string' ? unit : undefined;
      return safe(
        num(v) === undefined
          ? ''
          : escapeInline(fmt.measure(v as number, u, { bare: unitKind(u, currency) === 'count' })),
      );
    },
    /** A count's unit (demos) the objective's name does not already say, which `figure` leaves to the row's name. */
    'unit-shown': (o) => {
      const { unit, metric } = (o ?? {}) as { unit?: unknown; metric?: unknown };
      if (typeof unit !== 'string' || unit.trim() === '' || unitKind(unit, currency) !== 'count') return false;
      return !String(metric ?? '')
        .toLocaleLowerCase(fmt.locale)
        .includes(unit.trim().toLocaleLowerCase(fmt.locale));
    },
    /** A relative target as written in the plan ("+60%", "-25%") in the document's number format, with a real minus. */
    relative: (v) => {
      const m = /^\s*([+-])\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(String(v ?? ''));
      if (!m) return safe(escapeInline(v));
      const share = Number(m[2]) / 100;
      return safe(`${m[1] === '-' ? '\u2212' : '+'}${fmt.percent(share, Number.isInteger(Number(m[2])) ? 0 : 1)}`);
    },
    /**
     * A time zone as a reader names it, never its IANA id: the catalogue's name for the zone
     * (zone_name.Europe/London: "UK time", "norsk tid"), else the language's generic name.
     */
    'zone-name': (zone) => {
      const key = `zone_name.${String(zone)}`;
      if (translator.has(key)) return safe(translator.t(key));
      try {
        const parts = new Intl.DateTimeFormat(fmt.locale, {
          timeZone: String(zone),
          timeZoneName: 'longGeneric',
        }).formatToParts(new Date(Date.UTC(2027, 0, 15)));
        return safe(escapeInline(parts.find((p) => p.type === 'timeZoneName')?.value ?? String(zone)));
      } catch {
        return safe(escapeInline(zone));
      }
    },
    /** A translated enum value: {{enum "cadence" task.cadence}}. */
    enum: (prefix, value) => {
      const key = `${String(prefix)}.${String(value)}`;
      return safe(translator.has(key) ? translator.t(key) : escapeInline(value));
    },
    // A channel by the display name the plan gives it (a website by its domain), else the brand's spelling.
    channel: (id, options) => safe(escapeInline(displayName(String(id), options as HelperOptions))),
    channels: (ids, options) =>
      safe(
        Array.isArray(ids)
          ? fmt.list(ids.map((id) => escapeInline(displayName(String(id), options as HelperOptions))))
          : '',
      ),
    /** How often a channel posts: a number, a range "1–2", or the words the plan gives. */
    'per-week': (n, words) => {
      const range = postsPerWeekRange(n as PostsPerWeek | undefined);
      if (range)
        return intl(
          range.min === range.max ? fmt.number(range.min) : `${fmt.number(range.min)}–${fmt.number(range.max)}`,
        );
      return safe(typeof words === 'string' ? escapeInline(words) : '');
    },
    /** A month by its number (1–12), in the plan's language: a yearly campaign's month. */
    'month-name': (m) =>
      intl(
        typeof m === 'number' && m >= 1 && m <= 12
          ? new Intl.DateTimeFormat(fmt.locale, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, m - 1, 1))
          : '',
      ),
    /** "not set", where a plan leaves out a field a real strategy may not give (a goal's priority, a pillar's share). */
    'not-set': () => safe(translator.t('label.not_set')),
    list: (items) => safe(Array.isArray(items) ? fmt.list(items.map(inline)) : inline(items)),
    /** Items that are sentences of their own (PEST factors, objections): each closed with a full stop, one after the other. */
    sentences: (items) =>
      safe(
        (Array.isArray(items) ? items : [items])
          .map((i) => String(i ?? '').trim())
          .filter((i) => i !== '')
          .map((i) => escapeInline(fmt.capitalise(/[.!?…»"“”')\]]$/u.test(i) ? i : `${i}.`)))
          .join(' '),
      ),
    /** An objective's distance from its planned progress, in percentage points: one rounding wherever it is printed. */
    points: (v) => intl(num(v) === undefined ? '' : fmt.number(v as number, 1)),
    /** A text that may be one string or a list of strings, as a sentence. */
    textlist: (items) =>
      safe(Array.isArray(items) ? items.map((i) => escapeInline(i)).join('; ') : escapeInline(items)),
    /** A time limit in hours; under an hour in minutes (0.5 -> 30 min); `words=true` in a sentence (30 minutes). */
    duration: (v, options) => {
      const hours = num(v);
      if (hours === undefined) return safe('');
      return safe((options as HelperOptions).hash?.words ? fmt.duration(hours, durationWords) : fmt.duration(hours));
    },
    yesno: (v) => safe(v === undefined ? '' : translator.t(v ? 'label.yes' : 'label.no')),
    chart: (ref) => {
      const r = ref as { file?: unknown; title?: unknown } | undefined;
      return safe(r && typeof r.file === 'string' ? `![${escapeInline(r.title)}](${linkTarget(r.file)})` : '');
    },
    /** A link to a chapter, titled by the chapter or by the given text: {{link ref}}, {{link ref "text"}}. */
    link: (ref, ...rest) => {
      const r = ref as ChapterRef | undefined;
      const text = rest.length > 1 ? inline(rest[0]) : escapeInline(r?.title);
      return safe(r ? `[${text}](${linkTarget(r.file)})` : '');
    },
    /** The open-point notice for a missing section: what is not decided and what the method asks. */
    open: (key, options) => {
      const k = String(key);
      // A part the plan answers with a decision: its reason where "not decided yet" would be.
      const decided = (options as HelperOptions).data?.root?.decisions?.[k] as
        | { reason: string; kind: 'not_applicable' | 'silenced' }
        | undefined;
      if (decided)
        return safe(
          `> **${translator.t(`open.${decided.kind}`)}** ${translator.t(`open.${k}.topic`)}. ${inline(decided.reason)}`,
        );
      return safe(
        `> **${translator.t('open.label')}** ${translator.t(`open.${k}.topic`)}. ${translator.t('open.asks', { asks: translator.t(`open.${k}.asks`) })}`,
      );
    },
    'objective-title': (o) => safe(escapeInline(objectiveTitle(o as { metric?: unknown; channel?: unknown }))),
    /** Objective ids as their titles, for a list: {{list (objective-titles ids)}}. */
    'objective-titles': (ids, options) => {
      const objectives = (options as HelperOptions).data?.root?.objectives ?? [];
      return (Array.isArray(ids) ? ids : []).map((id) =>
        safe(escapeInline(objectiveTitle(objectives.find((o) => o.id === id) ?? { metric: id }))),
      );
    },
    /** An objective's red/amber/green standing in words (the HTML colours the cell by it). */
    rag: (s) => {
      const standing = s as { rag?: string; status?: string };
      // Amber keeps the contract's status (on track so far): the trend, not today's figure, is short.
      if (standing.rag === 'amber')
        return safe(fmt.capitalise(translator.t('rag.amber', { status: translator.t(`status.${standing.status}`) })));
      const key =
        standing.rag === 'green' || standing.rag === 'red' ? `status.${standing.status}` : `rag.${standing.rag}`;
      return safe(fmt.capitalise(translator.t(key)));
    },
    /** 1st, 2nd … in English; "2." in Norwegian (catalogue keys ordinal.one/two/few/other by the ordinal plural rules). */
    ordinal: (n) =>
      safe(
        typeof n === 'number'
          ? translator.t(
              translator.has(`ordinal.${ordinalRules.select(n)}`)
                ? `ordinal.${ordinalRules.select(n)}`
                : 'ordinal.other',
              { n: fmt.number(n) },
            )
          : '',
      ),
    /** A chapter by its slug, for a link: {{link (chapter-ref "kpis")}}. */
    'chapter-ref': (slug, options) => (options as HelperOptions).data?.root?.chapters.find((c) => c.slug === slug),
    /** An engagement sample outside the method's 20–30 posts: its rate is only indicative. */
    indicative: (posts) => typeof posts === 'number' && (posts < MIN_SAMPLE || posts > MAX_SAMPLE),
    /** Joins strings into a message key: {{t (concat "intro." chapter.slug)}}. */
    concat: (...a) => args(a).map(String).join(''),
    array: (...a) => args(a),
    inc: (v) => (typeof v === 'number' ? v + 1 : v),
    /** The suffix of a list's last entry's message key ("_last": it closes the sentence). */
    'if-last': (last) => (last === true ? '_last' : ''),
    abs: (v) => (typeof v === 'number' ? Math.abs(v) : v),
    eq: (a, b) => a === b,
    ne: (a, b) => a !== b,
    gt: (a, b) => typeof a === 'number' && typeof b === 'number' && a > b,
    and: (...a) => args(a).every(Boolean),
    or: (...a) => args(a).some(Boolean),
    not: (v) => !v || (Array.isArray(v) && v.length === 0),
    len: (v) => (Array.isArray(v) ? v.length : 0),
    /** True when the value is a non-empty list or a present value. */
    has: (v) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null && v !== ''),
    // Budget lines (kept or cut) whose plan item has notes: the chapter introduces their list.
    'with-notes': (lines, items) =>
      (Array.isArray(lines) ? lines : []).filter(
        (l: { index: number }) => (items as { notes?: string }[] | undefined)?.[l.index]?.notes,
      ),
    /** Ids shown by their names (persona, goal, KPI …), unknown ids as written: {{names-of ids @root.personaNames}}. */
    'names-of': (ids, table) => {
      const t = table as Record<string, string> | undefined;
      const list = Array.isArray(ids) ? ids : [];
      return safe(list.map((id) => escapeInline(t && Object.hasOwn(t, String(id)) ? t[String(id)] : id)).join('; '));
    },
    /** Plan text with its first letter capitalised, for headings and leading cells. */
    cap: (v) => safe(escapeInline(fmt.capitalise(String(v ?? '')))),
    /** a / b as a fraction, 0 when b is 0. */
    share: (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? a / b : 0),
    /** Tracking rows that have a figure before their latest one (the review's "what changed"). */
    changes: (rows) => (Array.isArray(rows) ? rows.filter((r) => (r as { previous?: unknown }).previous) : []),
    /** A change with its sign (+12, −3.5 kr), in the objective's unit. */
    signed: (v, unit) => {
      const n = num(v);
      if (n === undefined) return safe('');
      const text = fmt.measure(Math.abs(n), typeof unit === 'string' ? unit : undefined);
      return safe(escapeInline(n > 0 ? `+${text}` : n < 0 ? `\u2212${text}` : text));
    },
    /** The names of a list of items, e.g. the budget lines cut. */
    names: (items) => (Array.isArray(items) ? items.map((i) => (i as { name?: unknown }).name) : []),
  };
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn as never);
  for (const [name, source] of partials) {
    try {
      // Compiled now, so that its error names the partial rather than the chapter that uses it.
      hb.registerPartial(name, compileTemplate(hb, source.text, { noEscape: false, preventIndent: true }));
    } catch (err) {
      throw new TemplateError(source.file, 'the partial cannot be compiled', err);
    }
  }
  return hb;
}
