/**
 * The strategy folder: the plan rendered to Markdown chapters, an index and SVG charts,
 * in the plan's language. Pure apart from reading templates and locale catalogues;
 * writing files, HTML and PDF belong to the render command.
 */
import { readdir } from 'node:fs/promises';
import { readInputFile } from '../files.js';
import path from 'node:path';
import { TemplateError } from './template-error.js';
import type { TrackingResult } from '../compute/track.js';
import type { LoadedPlan } from '../plan/load.js';
import { silencedOpenPoints } from '../plan/open-points.js';
import { localeLanguage } from '../plan/schema.js';
import { renderCharts, type Chart } from './charts/index.js';
import { closedDays, publicHolidays } from '../compute/holidays.js';
import { buildContext, CHAPTER_SLUGS, type ChapterRef, type ChapterSlug, type RenderContext } from './context.js';
import { createFormatter, type Formatter } from './format.js';
import { createTranslator, loadMessages, type Translator } from './i18n.js';
import { settleGenerated } from './markdown-escape.js';
import { boundHelpers, helperScope } from './template-helpers.js';
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
  const { hb, runtime } = await createRenderer(translator, fmt, plan.plan.currency, templates.partials);
  const render = (name: string, data: object): string => {
    const source = templates.chapters.get(name);
    if (!source) throw new Error(`no built-in template chapters/${name}.md.hbs`);
    try {
      return tidy(compileTemplate(hb, source.text, CHAPTER_OPTIONS)(data, runtime));
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
type CompileOptions = NonNullable<Parameters<HandlebarsEnv['compile']>[1]>;

/**
 * One isolated Handlebars for the process, with nothing registered: each render passes its own
 * helpers and partials when it runs a template, so a template compiled once serves every render.
 * Every helper returns a SafeString of Markdown it has escaped itself; a plain `{{value}}` a
 * template writer forgot to wrap is still HTML-escaped by Handlebars (default escaping stays on),
 * so plan text never becomes markup. Prototype-access guards stay at their safe defaults.
 */
let environment: Promise<HandlebarsEnv> | undefined;
const handlebars = () =>
  (environment ??= import('handlebars').then((m) => (m as unknown as { default: HandlebarsEnv }).default.create()));

/**
 * Templates compiled in this process, by options and source. Compiling is most of a render's
 * time, and a live preview renders the same templates on every save.
 */
const compiled = new Map<string, HandlebarsTemplate>();

function compileTemplate(hb: HandlebarsEnv, text: string, options: CompileOptions): HandlebarsTemplate {
  const key = `${JSON.stringify(options)}\0${text}`;
  let template = compiled.get(key);
  if (!template) {
    // Parsed now, so that a syntax error names the template it is in (compile itself waits for the first call).
    template = hb.compile(hb.parse(text), options);
    // Kept for the templates in use: a preview whose templates are edited does not grow without end.
    if (compiled.size >= 256) compiled.clear();
    compiled.set(key, template);
  }
  return template;
}

interface Renderer {
  hb: HandlebarsEnv;
  /** What every template of this render runs with: the helpers bound to its formatter and catalogue, the partials. */
  runtime: { helpers: Record<string, (...a: unknown[]) => unknown>; partials: Record<string, HandlebarsTemplate> };
}

async function createRenderer(
  translator: Translator,
  fmt: Formatter,
  currency: string,
  partials: Map<string, TemplateSource>,
): Promise<Renderer> {
  const hb = await handlebars();
  const helpers = boundHelpers(helperScope(fmt, translator, currency, hb.SafeString));
  const compiledPartials: Record<string, HandlebarsTemplate> = {};
  for (const [name, source] of partials) {
    try {
      compiledPartials[name] = compileTemplate(hb, source.text, PARTIAL_OPTIONS);
    } catch (err) {
      throw new TemplateError(source.file, 'the partial cannot be compiled', err);
    }
  }
  return { hb, runtime: { helpers, partials: compiledPartials } };
}

const PARTIAL_OPTIONS: CompileOptions = { noEscape: false, preventIndent: true };
const CHAPTER_OPTIONS: CompileOptions = { noEscape: false, preventIndent: true, strict: false };
