/**
 * The deck's slides as data: titles, text, tables and chart series, in the plan's language.
 * Every figure comes from the render context the document is made from and is formatted by the
 * same formatter; every word is a catalogue message. Layout belongs to pptx.ts.
 */
import type MarkdownIt from 'markdown-it';
import type { ObjectiveTargets } from '../../compute/kpi.js';
import type { LoadedPlan } from '../../plan/load.js';
import { listOf } from '../../plan/decisions.js';
import { channelName, type Persona, type Plan } from '../../plan/schema.js';
import { unitKind } from '../../units.js';
import type { ChapterSlug, RenderContext, TrackingRow } from '../context.js';
import type { StrategyFolder } from '../folder.js';
import type { Formatter } from '../format.js';
import { figureText, objectiveTitle, signedText, standingWord } from '../template-helpers.js';
import { chapterSections, type ProseLine, proseOf, sectionProse } from './notes.js';

export type Rag = 'red' | 'amber' | 'green' | 'none';

export interface TextLine {
  text: string;
  bullet?: boolean;
  bold?: boolean;
}

export interface TableCell {
  text: string;
  /** Numbers and money sit right-aligned. */
  align?: 'left' | 'right';
  bold?: boolean;
  rag?: Rag;
}

export type Block =
  | { type: 'text'; lines: TextLine[] }
  | { type: 'table'; header: TableCell[]; rows: TableCell[][] }
  | {
      type: 'chart';
      chart: 'bar' | 'column' | 'stacked' | 'line' | 'doughnut';
      title: string;
      categories: string[];
      series: { name: string; values: (number | null)[] }[];
      /** How the values read: fractions as per cent, amounts in the plan's currency, or plain numbers. */
      values: 'percent' | 'money' | 'number';
    };

export interface SlideSpec {
  /** What the slide is about (stable, English): title, decision, objectives … */
  kind: string;
  title: string;
  /** The title slide's lines under the title. */
  subtitle?: string[];
  blocks: Block[];
  /** The document's sentences on the topic, for the speaker. */
  notes?: string;
}

interface Words {
  ctx: RenderContext;
  fmt: Formatter;
  t: (key: string, params?: Record<string, string | number>, count?: number) => string;
  plan: Plan;
  notes: (slug: ChapterSlug | 'readme') => string | undefined;
  /** The executive summary's prose, as the document words it: its opening lines and each sub-heading's. */
  summary: { lead: ProseLine[]; sections: Map<string, ProseLine[]> };
  /** A chapter's level-2 sections as the document words them (for chapters the deck shows as written). */
  sections: (slug: string) => ReturnType<typeof chapterSections>;
}

/** Catalogue text is written for Markdown; on a slide its emphasis and escapes are plain text. */
function plainMessage(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, '$1').replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');
}

export async function deckSlides(folder: StrategyFolder, loaded: LoadedPlan): Promise<SlideSpec[]> {
  const { context: ctx, format: fmt, translator } = folder.view;
  const MarkdownItCtor = ((await import('markdown-it')) as unknown as { default: typeof MarkdownIt }).default;
  // Read only for its text: no HTML, no links made.
  const md = new MarkdownItCtor({ html: false, linkify: false, typographer: false });
  const markdownOf = new Map<string, string>(folder.chapters.map((c) => [c.slug, c.markdown]));
  markdownOf.set('readme', folder.readme);
  const words: Words = {
    summary: sectionProse(md, folder.readme, translator.t('index.summary')),
    sections: (slug) => {
      const markdown = markdownOf.get(slug);
      return markdown ? chapterSections(md, markdown) : [];
    },
    ctx,
    fmt,
    plan: loaded.plan,
    t: (key, params, count) => plainMessage(translator.t(key, params, count)),
    notes: (slug) => {
      const markdown = markdownOf.get(slug);
      const prose = markdown ? proseOf(md, markdown) : '';
      return prose || undefined;
    },
  };
  return ctx.tracking ? reviewDeck(words) : kickoffDeck(words);
}

// ---------------------------------------------------------------- the kickoff deck

function kickoffDeck(w: Words): SlideSpec[] {
  return [
    titleSlide(w),
    ...decisionSlides(w),
    objectivesSlide(w),
    ...personaSlides(w),
    competitorsSlide(w),
    channelsSlide(w),
    contentSlide(w),
    ...chapterSlides(w, 'initiatives'),
    milestonesSlide(w),
    budgetSlide(w),
    teamSlide(w),
    crisisSlide(w),
    reviewSlide(w),
    ...chapterSlides(w, 'governance'),
    openPointsSlide(w),
  ].filter((s): s is SlideSpec => s !== undefined);
}

/** The cover's facts: client, prepared for and by, period, version, the strategy's status and date, confidentiality. */
function titleSlide(w: Words, review?: string): SlideSpec {
  const meta = w.plan.plan;
  const { t, fmt } = w;
  const subtitle = [meta.organization];
  if (meta.prepared_for) subtitle.push(`${t('cover.prepared_for')}: ${meta.prepared_for}`);
  if (meta.author) subtitle.push(`${t('cover.prepared_by')}: ${meta.author}`);
  subtitle.push(t('index.period_value', { start: fmt.date(meta.start), end: fmt.date(meta.end) }));
  const standing = [
    meta.version === undefined ? undefined : `${t('index.version')} ${String(meta.version)}`,
    meta.status ? t(`plan_status.${meta.status}`) : undefined,
    meta.adopted ? fmt.date(meta.adopted) : undefined,
    meta.approved_by ? `${t('cover.approved_by')}: ${meta.approved_by}` : undefined,
  ].filter((s): s is string => s !== undefined);
  if (standing.length) subtitle.push(standing.join(' · '));
  if (meta.confidentiality) subtitle.push(meta.confidentiality);
  if (review) subtitle.push(review);
  return { kind: 'title', title: meta.title, subtitle, blocks: [] };
}

/** A channel as the document names it: the plan's display name, else the brand's own spelling. */
function channelLabel(w: Words, id: string): string {
  return listOf(w.plan.channels).find((c) => c.id === id)?.name ?? channelName(id);
}

/** The document's summary lines under a sub-heading (its catalogue key), as slide text. */
function summaryLines(w: Words, headingKey: string): TextLine[] {
  return (w.summary.sections.get(w.t(headingKey)) ?? []).map((l) => ({ text: l.text, bullet: l.bullet, bold: l.bold }));
}

/**
 * The decision page as slides: the headline, the strategy in one sentence, the investment and
 * what the client is asked to decide, then the first (or, with actuals, the next) 90 days; every
 * sentence the document's own.
 */
function decisionSlides(w: Words): SlideSpec[] {
  const { t } = w;
  const lines: TextLine[] = [];
  // The headline, the author's own summary when there is one, and the strategy in one sentence
  // (the business goals have their own slide).
  const goals = w.t('summary.goals_lead');
  for (const l of w.summary.lead.filter((l) => !l.text.startsWith(goals))) lines.push({ text: l.text, bold: l.bold });
  const investment = summaryLines(w, 'summary.investment_heading');
  if (investment.length) lines.push({ text: t('summary.investment_heading'), bold: true }, ...bulleted(investment));
  const decisions = summaryLines(w, 'summary.decisions_heading');
  if (decisions.length) lines.push({ text: t('summary.decisions_heading'), bold: true }, ...bulleted(decisions));
  const review = nextReviewLine(w);
  if (review) lines.push(review);
  const slides: SlideSpec[] = [
    { kind: 'decision', title: t('index.summary'), blocks: [{ type: 'text', lines }], notes: w.notes('readme') },
  ];
  for (const key of ['summary.first_days_heading', 'summary.next_days_heading']) {
    const steps = summaryLines(w, key);
    if (steps.length)
      slides.push({ kind: 'first-days', title: t(key), blocks: [{ type: 'text', lines: bulleted(steps) }] });
  }
  return slides;
}

/** The next review, which closes the decision page in bold. */
function nextReviewLine(w: Words): TextLine | undefined {
  const line = [...w.summary.sections.values()]
    .flat()
    .filter((l) => l.bold && !l.bullet)
    .at(-1);
  return line && { text: line.text, bold: true };
}

/** The review's opening: the headline with the date of the figures, and the objectives' status line, as the document words them. */
function reviewSummarySlide(w: Words): SlideSpec {
  const lines: TextLine[] = w.summary.lead.slice(0, 1).map((l) => ({ text: l.text, bold: true }));
  for (const l of summaryLines(w, 'summary.objectives_heading')) lines.push({ ...l, bullet: true });
  return { kind: 'decision', title: w.t('index.summary'), blocks: [{ type: 'text', lines }], notes: w.notes('readme') };
}

/** Lines as bullets, but for a line the document sets apart in bold (the next review). */
function bulleted(lines: TextLine[]): TextLine[] {
  return lines.filter((l) => !l.bold).map((l) => ({ ...l, bullet: true }));
}

/** A value as the document's tables print it: money and percentages formatted, a count bare beside its row's name. */
function figure(w: Words, value: number | null | undefined, o: { unit?: string }): string {
  return figureText(w.fmt, w.plan.plan.currency, value, o.unit);
}

/** A value with its unit, as the review chapter's table prints it. */
function value(w: Words, v: number | null | undefined, o: { unit?: string }): string {
  return v === null || v === undefined ? '' : w.fmt.measure(v, o.unit);
}

function objectivesSlide(w: Words): SlideSpec | undefined {
  const { ctx, fmt, t } = w;
  if (!w.plan.goals.length && !ctx.objectives.length) return undefined;
  const blocks: Block[] = [];
  if (w.plan.goals.length)
    blocks.push({
      type: 'text',
      lines: w.plan.goals.map((g) => ({
        text: `${g.statement} (${g.priority ? t(`priority.${g.priority}`) : t('label.to_be_decided')})`,
        bullet: true,
      })),
    });
  if (ctx.objectives.length)
    blocks.push({
      type: 'table',
      header: [
        { text: t('label.objective') },
        { text: t('label.baseline'), align: 'right' },
        { text: t('label.target'), align: 'right' },
        { text: t('label.deadline') },
      ],
      rows: ctx.objectives.map((o) => [
        { text: objectiveLabel(w, o) },
        { text: figure(w, o.baseline, o), align: 'right' },
        { text: figure(w, o.target, o), align: 'right', bold: true },
        { text: fmt.shortDate(o.deadline) },
      ]),
    });
  return { kind: 'objectives', title: t('chapter.objectives'), blocks, notes: w.notes('objectives') };
}

/** An objective's name with the unit its bare figures leave out ("Demos (demos)" is not repeated). */
function objectiveLabel(w: Words, o: ObjectiveTargets): string {
  // Named as the document names it, the channel by the plan's display name.
  const title = objectiveTitle(w.fmt, o, (id) => channelLabel(w, id));
  const unit = o.unit?.trim();
  if (!unit || unitKind(unit, w.plan.plan.currency) !== 'count') return title;
  return title.toLocaleLowerCase(w.fmt.locale).includes(unit.toLocaleLowerCase(w.fmt.locale))
    ? title
    : `${title} (${unit})`;
}

function personaSlides(w: Words): SlideSpec[] {
  const personas = w.plan.audience?.personas ?? [];
  const slides: SlideSpec[] = [];
  for (let i = 0; i < personas.length; i += 2) {
    const pair = personas.slice(i, i + 2);
    slides.push({
      kind: 'personas',
      title: w.t('chapter.audience'),
      blocks: pair.map((p) => ({ type: 'text', lines: personaLines(w, p) })),
      notes: i === 0 ? w.notes('audience') : undefined,
    });
  }
  return slides;
}

function personaLines(w: Words, p: Persona): TextLine[] {
  const { t } = w;
  const lines: TextLine[] = [{ text: p.name, bold: true }];
  if (p.description) lines.push({ text: p.description });
  const field = (label: string, value: unknown) => {
    const list = Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];
    if (list.length) lines.push({ text: `${label}: ${list.slice(0, 3).join('; ')}`, bullet: true });
  };
  field(t('label.age'), p.age);
  field(t('label.occupation'), p.occupation);
  field(t('label.pains'), p.pains);
  field(t('label.motivations'), p.motivations);
  const channels = (p.channels ?? []).map((c) => channelLabel(w, c.channel));
  if (channels.length) lines.push({ text: `${t('label.channels')}: ${w.fmt.list(channels)}`, bullet: true });
  return lines;
}

function competitorsSlide(w: Words): SlideSpec | undefined {
  const { ctx, t } = w;
  const ranking = ctx.engagement?.ranking.filter((r) => r.entries.length) ?? [];
  if (!ranking.length) return undefined;
  const names = [...new Set(ranking.flatMap((r) => r.entries.map((e) => entryName(w, e))))];
  const channels = ranking.map((r) => channelLabel(w, r.channel));
  const series = names.map((name) => ({
    name,
    values: ranking.map((r) => r.entries.find((e) => entryName(w, e) === name)?.engagement_rate_per_post ?? null),
  }));
  // Where we stand per channel, judged as the document judges it (level with, ahead, behind, closed).
  const standing = summaryLines(w, 'summary.position_heading');
  return {
    kind: 'competitors',
    title: t('chapter.competitors'),
    blocks: [
      { type: 'text', lines: bulleted(standing) },
      {
        type: 'chart',
        chart: 'column',
        title: t('chart.engagement.title'),
        categories: channels,
        series,
        values: 'percent',
      },
    ],
    notes: w.notes('competitors'),
  };
}

function entryName(w: Words, e: { name: string; own: boolean }): string {
  return e.own ? `${w.plan.plan.organization} (${w.t('label.us')})` : e.name;
}

function channelsSlide(w: Words): SlideSpec | undefined {
  const { fmt, t } = w;
  const channels = w.plan.channels;
  if (!Array.isArray(channels) || !channels.length) return undefined;
  return {
    kind: 'channels',
    title: t('chapter.channels'),
    blocks: [
      {
        type: 'table',
        header: [
          { text: t('label.channel') },
          { text: t('label.role') },
          { text: t('label.purpose') },
          { text: t('label.posts_per_week'), align: 'right' },
        ],
        rows: channels.map((c) => [
          { text: channelLabel(w, c.id), bold: true },
          { text: c.role ? t(`priority.${c.role}`) : t('label.to_be_decided') },
          { text: c.purpose ?? '' },
          { text: typeof c.posts_per_week === 'number' ? fmt.number(c.posts_per_week) : '', align: 'right' },
        ]),
      },
    ],
    notes: w.notes('channels'),
  };
}

function contentSlide(w: Words): SlideSpec | undefined {
  const { ctx, fmt, t } = w;
  const content = w.plan.content;
  const pillars = content?.pillars ?? [];
  const slots = listOf(content?.slots);
  if (!pillars.length && !slots.length) return undefined;
  const blocks: Block[] = [];
  if (pillars.length && pillars.every((p) => typeof p.share === 'number'))
    blocks.push({
      type: 'chart',
      chart: 'doughnut',
      title: t('chart.pillars.title'),
      categories: pillars.map((p) => p.name),
      series: [{ name: t('chart.pillars.axis'), values: pillars.map((p) => p.share as number) }],
      values: 'percent',
    });
  if (slots.length)
    blocks.push({
      type: 'table',
      header: [
        { text: t('label.weekday') },
        { text: t('label.local_time') },
        { text: t('label.channel') },
        { text: t('label.pillar') },
      ],
      rows: [...slots]
        .sort((a, b) => dayIndex(a.weekday) - dayIndex(b.weekday) || a.time.localeCompare(b.time))
        .map((s) => [
          { text: fmt.capitalise(fmt.weekday(s.weekday)) },
          { text: s.time },
          { text: channelLabel(w, s.channel) },
          { text: s.pillar ? (ctx.pillarNames[s.pillar] ?? s.pillar) : '' },
        ]),
    });
  return { kind: 'content', title: t('chapter.content'), blocks, notes: w.notes('content') };
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const dayIndex = (d: string) => DAYS.indexOf(d);

/**
 * A chapter the deck shows as the document writes it (initiatives, campaigns and partners;
 * governance and policies): one slide per section, its lines and its first table.
 */
function chapterSlides(w: Words, slug: string): SlideSpec[] {
  return w.sections(slug).flatMap((section, i): SlideSpec[] => {
    const blocks: Block[] = [];
    if (section.lines.length)
      blocks.push({
        type: 'text',
        lines: section.lines.map((l) => ({ text: l.text, bold: l.bold, bullet: l.bullet })),
      });
    if (section.table?.rows.length)
      blocks.push({
        type: 'table',
        header: section.table.header.map((text) => ({ text })),
        rows: section.table.rows.map((r) => r.map((text) => ({ text }))),
      });
    if (!blocks.length) return [];
    return [{ kind: slug, title: section.title, blocks, ...(i === 0 ? { notes: w.notes(slug as ChapterSlug) } : {}) }];
  });
}

/** One chart for every objective: the share of the way from baseline to target due at each quarter end. */
function milestonesSlide(w: Words): SlideSpec | undefined {
  const { ctx, fmt, t } = w;
  const { quarters, rows } = ctx.glance;
  if (!quarters.length || !rows.length) return undefined;
  const share = (o: ObjectiveTargets, v: number | undefined) =>
    v === undefined || o.target === o.baseline ? null : (v - o.baseline) / (o.target - o.baseline);
  return {
    kind: 'milestones',
    title: t('chapter.kpis'),
    blocks: [
      {
        type: 'chart',
        chart: 'line',
        title: t('label.expected_progress'),
        categories: quarters.map((q) => fmt.shortDate(q)),
        series: rows.map((r) => ({
          name: objectiveLabel(w, r.objective),
          values: r.values.map((v) => share(r.objective, v)),
        })),
        values: 'percent',
      },
    ],
    notes: w.notes('kpis'),
  };
}

function budgetSlide(w: Words): SlideSpec | undefined {
  const { ctx, fmt, t } = w;
  const b = ctx.budget;
  if (!b) return undefined;
  const categories = b.by_category.map((c) => w.fmt.capitalise(t(`category.${c.category}`)));
  // The budget as the decision page states it (within or over the cap, and by category).
  const blocks: Block[] = [{ type: 'text', lines: summaryLines(w, 'summary.investment_heading').slice(0, 1) }];
  if (b.by_category.length)
    blocks.push({
      type: 'chart',
      chart: 'stacked',
      title: t('chart.budget.title'),
      categories,
      series: [
        { name: t('label.kept'), values: b.by_category.map((c) => c.kept) },
        ...(b.cut.length ? [{ name: t('label.cut'), values: b.by_category.map((c) => c.cut) }] : []),
      ],
      values: 'money',
    });
  blocks.push({
    type: 'table',
    header: [{ text: t('label.item') }, { text: t('label.yearly'), align: 'right' }, { text: t('label.status') }],
    rows: [
      ...b.kept.map((l) => [
        { text: l.name },
        // An item the plan gives no amount (paid media to be set, in-kind time) is said to have none, not 0.
        { text: l.cost === undefined ? t('budget.no_amount') : fmt.money(l.yearly), align: 'right' as const },
        { text: t('label.kept') },
      ]),
      ...b.cut.map((l) => [
        { text: l.name },
        { text: fmt.money(l.yearly), align: 'right' as const },
        { text: t('label.cut'), bold: true },
      ]),
      [
        { text: t('label.total'), bold: true },
        { text: fmt.money(b.total), align: 'right' as const, bold: true },
        { text: b.cap === undefined ? '' : `${t('label.cap')} ${fmt.money(b.cap)}` },
      ],
    ],
  });
  return { kind: 'budget', title: t('chapter.budget'), blocks, notes: w.notes('budget') };
}

function teamSlide(w: Words): SlideSpec | undefined {
  const { fmt, t } = w;
  const team = w.plan.team;
  const roles = team?.roles ?? [];
  const steps = team?.escalation?.steps ?? [];
  if (!roles.length && !steps.length) return undefined;
  const blocks: Block[] = [];
  if (roles.length)
    blocks.push({
      type: 'table',
      header: [
        { text: t('label.role') },
        { text: t('label.person') },
        { text: t('label.time_share'), align: 'right' },
        { text: t('label.backup') },
      ],
      rows: roles.map((r) => [
        { text: r.title, bold: true },
        { text: r.person ?? '' },
        { text: typeof r.share === 'number' ? fmt.percent(r.share, 0) : '', align: 'right' },
        { text: r.backup ?? '' },
      ]),
    });
  if (steps.length)
    blocks.push({
      type: 'text',
      lines: [
        { text: t('heading.escalation'), bold: true },
        ...steps.map((s) => ({
          text: [s.who, s.when, s.within_hours !== undefined ? fmt.duration(s.within_hours) : undefined]
            .filter(Boolean)
            .join(' · '),
          bullet: true,
        })),
      ],
    });
  return { kind: 'team', title: t('chapter.team'), blocks, notes: w.notes('team') };
}

function crisisSlide(w: Words): SlideSpec | undefined {
  const { fmt, t } = w;
  const levels = w.plan.crisis?.levels ?? [];
  if (!levels.length) return undefined;
  return {
    kind: 'crisis',
    title: t('chapter.crisis'),
    blocks: [
      {
        type: 'table',
        header: [
          { text: t('label.level') },
          { text: t('label.description') },
          { text: t('label.approver') },
          { text: t('label.respond_within'), align: 'right' },
        ],
        rows: levels.map((l) => [
          { text: t(`level.${l.level}`), bold: true, rag: l.level === 'yellow' ? 'amber' : l.level },
          { text: l.description },
          { text: l.approver },
          { text: l.respond_within_hours !== undefined ? fmt.duration(l.respond_within_hours) : '', align: 'right' },
        ]),
      },
    ],
    notes: w.notes('crisis'),
  };
}

function reviewSlide(w: Words): SlideSpec | undefined {
  const { ctx, fmt, t } = w;
  const review = w.plan.review;
  if (!review) return undefined;
  const lines: TextLine[] = [{ text: `${t('label.cadence')}: ${t(`cadence.${review.cadence}`)}`, bullet: true }];
  if (review.participants?.length)
    lines.push({ text: `${t('label.participants')}: ${fmt.list(review.participants)}`, bullet: true });
  if (ctx.reviewSessions.length)
    lines.push({
      text: `${t('heading.sessions')}: ${fmt.list(ctx.reviewSessions.slice(0, 4).map((d) => fmt.date(d)))}`,
      bullet: true,
    });
  const agenda = review.agenda ?? [];
  if (agenda.length) {
    lines.push({ text: t('heading.agenda'), bold: true });
    for (const item of agenda) lines.push({ text: item, bullet: true });
  }
  return { kind: 'review', title: t('chapter.review'), blocks: [{ type: 'text', lines }], notes: w.notes('review') };
}

/** What the plan does not answer yet, each with its chapter (none: the decision slide says the plan is complete). */
function openPointsSlide(w: Words): SlideSpec | undefined {
  const { ctx, t } = w;
  if (!ctx.openPoints.length) return undefined;
  const lines = ctx.openPoints.map((p) => ({
    text: `${t(`open.${p.key}.topic`)} (${p.chapterRef.title})`,
    bullet: true,
  }));
  return { kind: 'open-points', title: t('index.open_points'), blocks: [{ type: 'text', lines }] };
}

// ---------------------------------------------------------------- the review deck

function reviewDeck(w: Words): SlideSpec[] {
  const tracking = w.ctx.tracking!;
  const asOf = tracking.asOf ? `${w.t('label.as_of')}: ${w.fmt.date(tracking.asOf)}` : w.t('text.tracking_none');
  return [
    titleSlide(w, `${w.t('heading.status')} · ${asOf}`),
    reviewSummarySlide(w),
    statusSlide(w),
    progressSlide(w),
    changeSlide(w),
    decidedSlide(w),
    behindSlide(w),
    nextSlide(w),
  ].filter((s): s is SlideSpec => s !== undefined);
}

function ragOf(row: TrackingRow): Rag {
  if (row.status === 'no-data') return 'none';
  if (row.status === 'behind') return 'red';
  return row.trend_short_of_target ? 'amber' : 'green';
}

function statusWord(w: Words, row: TrackingRow): string {
  return standingWord(w.fmt, w.t, { rag: ragOf(row), status: row.status });
}

function statusSlide(w: Words): SlideSpec {
  const { ctx, t } = w;
  const rows = ctx.tracking!.rows;
  return {
    kind: 'status',
    title: t('heading.status'),
    blocks: [
      {
        type: 'table',
        header: [
          { text: t('label.objective') },
          { text: t('label.actual'), align: 'right' },
          { text: t('label.expected'), align: 'right' },
          { text: t('deck.forecast'), align: 'right' },
          { text: t('label.target'), align: 'right' },
          { text: t('label.status') },
        ],
        rows: rows.map((r) => [
          { text: objectiveLabel(w, r.objective) },
          { text: value(w, r.actual, r.objective), align: 'right' },
          { text: value(w, r.expected, r.objective), align: 'right' },
          { text: value(w, r.forecast, r.objective), align: 'right' },
          { text: value(w, r.objective.target, r.objective), align: 'right' },
          { text: statusWord(w, r), rag: ragOf(r), bold: true },
        ]),
      },
    ],
    notes: w.notes('review'),
  };
}

/** How far each objective has come against how far it should be, as shares of the way to its target. */
function progressSlide(w: Words): SlideSpec | undefined {
  const { t } = w;
  const rows = w.ctx.tracking!.rows.filter((r) => r.progress !== null || r.expected_progress !== null);
  if (!rows.length) return undefined;
  return {
    kind: 'progress',
    title: t('label.progress'),
    blocks: [
      {
        type: 'chart',
        chart: 'bar',
        title: t('label.expected_progress'),
        categories: rows.map((r) => objectiveLabel(w, r.objective)),
        series: [
          { name: t('label.expected_progress'), values: rows.map((r) => r.expected_progress) },
          { name: t('label.progress'), values: rows.map((r) => r.progress) },
        ],
        values: 'percent',
      },
    ],
  };
}

/** A change with its sign, in the objective's unit, as the review chapter prints it (+12, −3.5 kr). */
function signed(w: Words, n: number, o: { unit?: string }): string {
  return signedText(w.fmt, n, o.unit);
}

/** What changed: each objective's previous figure, the change since it and since the last review (the review chapter's table). */
function changeSlide(w: Words): SlideSpec | undefined {
  const { fmt, t } = w;
  const tracking = w.ctx.tracking!;
  const rows = tracking.rows.filter((r) => r.previous);
  if (!rows.length) return undefined;
  const last = tracking.last_session;
  return {
    kind: 'change',
    title: t('review.changes_heading'),
    blocks: [
      {
        type: 'table',
        header: [
          { text: t('label.objective') },
          { text: t('review.previous'), align: 'right' },
          { text: t('review.change'), align: 'right' },
          ...(last ? [{ text: t('review.since_review', { date: fmt.shortDate(last) }), align: 'right' as const }] : []),
        ],
        rows: rows.map((r) => [
          { text: objectiveLabel(w, r.objective) },
          { text: `${value(w, r.previous!.value, r.objective)} (${fmt.shortDate(r.previous!.date)})`, align: 'right' },
          { text: signed(w, r.previous!.change, r.objective), align: 'right' },
          ...(last
            ? [{ text: r.since_review ? signed(w, r.since_review.change, r.objective) : '', align: 'right' as const }]
            : []),
        ]),
      },
    ],
  };
}

/** The decisions of the last review (the plan's review log) and where each stands. */
function decidedSlide(w: Words): SlideSpec | undefined {
  const { fmt, t } = w;
  const decided = w.ctx.tracking?.decided;
  if (!decided?.decisions?.length) return undefined;
  return {
    kind: 'decided',
    title: t('review.decided_heading', { date: fmt.date(decided.date) }),
    blocks: [
      {
        type: 'table',
        header: [
          { text: t('label.decision') },
          { text: t('label.owner') },
          { text: t('review.due') },
          { text: t('label.status') },
        ],
        rows: decided.decisions.map((d) => [
          { text: d.decision },
          { text: d.owner ?? '' },
          { text: d.due ? fmt.shortDate(d.due) : '' },
          {
            text: d.status ? t(`decision_status.${d.status}`) : '',
            bold: true,
            ...(d.status === 'done' ? { rag: 'green' as const } : d.status === 'open' ? { rag: 'amber' as const } : {}),
          },
        ]),
      },
    ],
  };
}

function behindSlide(w: Words): SlideSpec | undefined {
  const { ctx, t } = w;
  const lagging = ctx.executive.lagging;
  if (!lagging.length && !ctx.executive.trendShort.length) return undefined;
  const lines: TextLine[] = [];
  for (const s of [...lagging, ...ctx.executive.trendShort]) {
    lines.push({ text: objectiveLabel(w, s.objective), bold: true });
    lines.push({
      text: s.tactics.length
        ? t('review.behind_tactics', { tactics: s.tactics.join('; ') })
        : t('review.behind_no_tactics'),
      bullet: true,
    });
  }
  return { kind: 'behind', title: t('heading.behind'), blocks: [{ type: 'text', lines }] };
}

/** What the review asks of the client and when it meets next: the decision page's own lines. */
function nextSlide(w: Words): SlideSpec | undefined {
  const { t } = w;
  const lines = [
    ...bulleted(summaryLines(w, 'summary.next_days_heading')),
    ...bulleted(summaryLines(w, 'summary.decisions_heading')),
  ];
  const review = nextReviewLine(w);
  if (review) lines.push(review);
  if (!lines.length) return undefined;
  return { kind: 'next', title: t('deck.next'), blocks: [{ type: 'text', lines }] };
}
