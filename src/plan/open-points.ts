/**
 * What a finished plan still lacks, as one model: the rendered document lists these open points in
 * the chapters' language, and lint reports each as an `open-point` warning, so a plan that lints
 * clean renders with none.
 */
import type { PlanPath } from '../diagnostics.js';
import { decisionOf } from './decisions.js';
import { covers, readDirectives } from './directives.js';
import type { PlanSource } from './load.js';
import type { Plan } from './schema.js';
import { listOf } from './decisions.js';

/** The document's chapters in the method's order; slugs are stable English ids used in file names. */
export const CHAPTER_SLUGS = [
  'situation',
  'objectives',
  'audience',
  'competitors',
  'positioning',
  'channels',
  'content',
  'kpis',
  'budget',
  'team',
  'crisis',
  'review',
] as const;
export type ChapterSlug = (typeof CHAPTER_SLUGS)[number];

/** A section the method asks for that the plan does not have yet; `key` names its messages (open.KEY.*). */
export interface OpenPoint {
  key: string;
  chapter: ChapterSlug;
  /** Where it belongs in the plan: lint points at the mapping that should hold it. */
  path: PlanPath;
  /** In English, for lint: what is open, and what the method asks for. */
  topic: string;
  asks: string;
}

interface OpenPointCheck extends OpenPoint {
  missing(plan: Plan): boolean;
}

/**
 * Open points in reading order. `topic` and `asks` are the English words for lint's message;
 * locales/en.json holds the same for the English document (a test keeps them equal), nb and bg
 * their translations.
 */
const OPEN_POINT_CHECKS: OpenPointCheck[] = [
  {
    key: 'situation',
    chapter: 'situation',
    path: ['situation'],
    missing: (p) => !p.situation,
    topic: 'the situation analysis',
    asks: 'an internal analysis (who we are, what we offer, resources, online reputation, past activity), an external analysis (competitive landscape and demographic, economic, technological, political and sociocultural factors), a SWOT and an audit of every existing profile',
  },
  {
    key: 'internal',
    chapter: 'situation',
    path: ['situation', 'internal'],
    missing: (p) => !!p.situation && !p.situation.internal,
    topic: 'the internal analysis',
    asks: 'who we are, what we offer, our resources (people, money, time), what is said about us online, and what has been done so far with which results',
  },
  {
    key: 'external',
    chapter: 'situation',
    path: ['situation', 'external'],
    missing: (p) => !!p.situation && !p.situation.external,
    topic: 'the external analysis',
    asks: 'the competitive landscape and the demographic, economic, technological, political and sociocultural factors that affect us',
  },
  {
    key: 'swot',
    chapter: 'situation',
    path: ['situation', 'swot'],
    missing: (p) => !!p.situation && !hasSwot(p),
    topic: 'the SWOT',
    asks: 'strengths and weaknesses (internal) and opportunities and threats (external), drawn from the analysis',
  },
  {
    key: 'channel_audit',
    chapter: 'situation',
    path: ['situation', 'channel_audit'],
    missing: (p) => !!p.situation && !p.situation.channel_audit?.length,
    topic: 'the channel audit',
    asks: 'every profile we have, active or not: what worked and what did not, a decision (keep, prioritise, close or take over), who holds the login and which e-mail it is tied to, and the page roles',
  },
  {
    key: 'problem',
    chapter: 'objectives',
    path: ['plan', 'problem'],
    missing: (p) => !p.plan.problem?.trim(),
    topic: 'the problem this strategy solves',
    asks: 'a few sentences stating the problem and defending why it is worth solving',
  },
  {
    key: 'objectives',
    chapter: 'objectives',
    path: ['objectives'],
    missing: (p) => !listOf(p.objectives).length,
    topic: 'SMART objectives',
    asks: 'specific, measurable, achievable, relevant and time-bound objectives for each goal, each with a metric, a baseline, a target, a deadline and the tool that measures it',
  },
  {
    key: 'audience',
    chapter: 'audience',
    path: ['audience'],
    missing: (p) => !p.audience?.personas?.length,
    topic: 'the target audience',
    asks: 'personas with age, occupation, interests, pains, habits, motivations and objections, the channels each uses and when they are online',
  },
  {
    key: 'competitors',
    chapter: 'competitors',
    path: ['competitors'],
    missing: (p) => !listOf(p.competitors).length,
    topic: 'the competitor analysis',
    asks: 'at least three to five main competitors with their followers, posting frequency, content, tone and an engagement sample of their last 20 to 30 posts per network',
  },
  {
    key: 'competitors_few',
    chapter: 'competitors',
    path: ['competitors'],
    missing: (p) => !!listOf(p.competitors).length && listOf(p.competitors).length < 3,
    topic: 'more competitors',
    asks: 'at least three to five main competitors for a fair comparison',
  },
  {
    key: 'positioning',
    chapter: 'positioning',
    path: ['positioning'],
    missing: (p) => !p.positioning,
    topic: 'the positioning',
    asks: 'a social positioning that fits the brand but is conversational: unique, engaging and realistic',
  },
  {
    key: 'channels',
    chapter: 'channels',
    path: ['channels'],
    missing: (p) => !listOf(p.channels).length,
    topic: 'the channel choice',
    asks: 'primary and secondary networks chosen where the personas are, each with its purpose, editorial line, themes and tactics',
  },
  {
    key: 'content',
    chapter: 'content',
    path: ['content'],
    missing: (p) => !p.content,
    topic: 'the content strategy',
    asks: 'content pillars and their mix, formats, tone, a weekly publishing plan (weekday and time per channel), special dates, reserve content and an approval flow',
  },
  {
    key: 'pillars',
    chapter: 'content',
    path: ['content', 'pillars'],
    missing: (p) => !!p.content && !p.content.pillars?.length,
    topic: 'the content pillars',
    asks: 'the main themes and their share of all posts',
  },
  {
    key: 'slots',
    chapter: 'content',
    path: ['content', 'slots'],
    missing: (p) => !!p.content && !listOf(p.content.slots).length,
    topic: 'the publishing plan',
    asks: 'the weekday and local time of each recurring post, per channel',
  },
  {
    key: 'special_dates',
    chapter: 'content',
    path: ['content', 'special_dates'],
    // Campaigns and events the plan lists (recurring or undated) are the dates it leaves room for.
    missing: (p) => !!p.content && !p.content.special_dates?.length && !listOf(p.campaigns).length,
    topic: 'special dates',
    asks: 'the holidays, events and campaigns the content plan leaves room for',
  },
  {
    key: 'reserve',
    chapter: 'content',
    path: ['content', 'reserve'],
    missing: (p) => !!p.content && !p.content.reserve?.length,
    topic: 'reserve content',
    asks: 'content in hand for quiet weeks or when something falls through',
  },
  {
    key: 'approval',
    chapter: 'content',
    path: ['content', 'approval'],
    missing: (p) => !!p.content && !p.content.approval,
    topic: 'the approval flow',
    asks: 'who approves a post before it is published, and how long it may take',
  },
  {
    key: 'kpis',
    chapter: 'kpis',
    path: ['kpis'],
    missing: (p) => !listOf(p.kpis).length,
    topic: 'the KPI list',
    asks: 'the few numbers that matter, how often they are looked at and with which tool',
  },
  {
    key: 'budget',
    chapter: 'budget',
    path: ['budget'],
    missing: (p) => !p.budget,
    topic: 'the budget',
    asks: 'tools, outsourced services and advertising, each with its annual cost, and the cap they must fit',
  },
  {
    key: 'team',
    chapter: 'team',
    path: ['team'],
    missing: (p) => !p.team,
    topic: 'the team',
    asks: 'roles with clear responsibilities, daily and weekly tasks with an owner, and an escalation routine for questions the community manager cannot answer',
  },
  {
    key: 'roles',
    chapter: 'team',
    path: ['team', 'roles'],
    missing: (p) => !!p.team && !p.team.roles?.length,
    topic: 'roles',
    asks: 'who does what, so that no two people do the work of one',
  },
  {
    key: 'tasks',
    chapter: 'team',
    path: ['team', 'tasks'],
    missing: (p) => !!p.team && !p.team.tasks?.length,
    topic: 'the task schedule',
    asks: 'daily and weekly tasks, each with an owner and a deliverable',
  },
  {
    key: 'escalation',
    chapter: 'team',
    path: ['team', 'escalation'],
    missing: (p) => !!p.team && !p.team.escalation,
    topic: 'the escalation routine',
    asks: 'what the community manager does with questions they cannot answer, and who answers within how long',
  },
  {
    key: 'tools',
    chapter: 'team',
    path: ['tools'],
    missing: (p) => !listOf(p.tools).length,
    topic: 'the tools',
    asks: 'the tools for scheduling, monitoring and analytics that make the work easier',
  },
  {
    key: 'crisis',
    chapter: 'crisis',
    path: ['crisis'],
    missing: (p) => !p.crisis,
    topic: 'the crisis handbook',
    asks: 'what triggers a crisis, severity levels with who approves what we say, the responders and the first steps',
  },
  {
    key: 'review',
    chapter: 'review',
    path: ['review'],
    missing: (p) => !p.review,
    topic: 'the review routine',
    asks: 'a review session, at least monthly and scheduled in advance, comparing plan with actual and revising the plan',
  },
];

/** Every open point of the plan, in reading order: what is missing and not stated not to apply. */
export function openPoints(plan: Plan): OpenPoint[] {
  return missingParts(plan)
    .filter((p) => p.decision === undefined)
    .map(({ decision: _, ...point }) => point);
}

/** An open point the plan answers with a decision: the reason it gives for leaving it out. */
export interface DecidedPoint extends OpenPoint {
  decision?: string;
}

/**
 * Every part the method asks for that the plan does not hold, in reading order, each with the
 * reason the plan states when the part, or a section above it, is `not_applicable`. A section
 * stated not to apply counts as missing here, so the document prints its reason in its place.
 */
export function missingParts(plan: Plan): DecidedPoint[] {
  const stated = new Set<string>();
  return OPEN_POINT_CHECKS.flatMap(({ key, chapter, path, topic, asks, missing }) => {
    const decision = decisionAbove(plan, path);
    // A part stated not to apply is missing once, at its first open point (competitors, not also competitors_few).
    const where = path.join('.');
    const own = decisionOf(valueAt(plan, path)) !== undefined && !stated.has(where);
    if (own) stated.add(where);
    if (!missing(plan) && !own) return [];
    return [{ key, chapter, path, topic, asks, ...(decision !== undefined ? { decision } : {}) }];
  });
}

/** The reason stated at `path` or at a section above it. */
function decisionAbove(plan: Plan, path: PlanPath): string | undefined {
  for (let n = path.length; n > 0; n--) {
    const reason = decisionOf(valueAt(plan, path.slice(0, n)));
    if (reason !== undefined) return reason;
  }
  return undefined;
}

function valueAt(plan: Plan, path: PlanPath): unknown {
  let v: unknown = plan;
  for (const part of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[part];
  }
  return v;
}

/**
 * The open points the plan silences with an inline disable that gives a reason
 * (`# smplan-disable-next-line open-point -- reason`): key -> reason, as lint reads the directive.
 */
export async function silencedOpenPoints(
  loaded: PlanSource & { plan: Plan; text: string },
): Promise<Record<string, string>> {
  const out = Object.create(null) as Record<string, string>;
  if (!loaded.text.includes('smplan-disable')) return out;
  const directives = await readDirectives(loaded.text);
  for (const point of openPoints(loaded.plan)) {
    const { line } = loaded.locate(point.path, 'value');
    const by = directives.find((d) => d.reason && covers(d, { rule: 'open-point', line }));
    if (by?.reason) out[point.key] = by.reason;
  }
  return out;
}

/** Every open point the model knows, with its English words (for the catalogues' test). */
export const OPEN_POINT_WORDS: readonly { key: string; topic: string; asks: string }[] = OPEN_POINT_CHECKS.map(
  ({ key, topic, asks }) => ({ key, topic, asks }),
);

/** The chapter a plan path belongs to: objectives carry the goals and the problem, team the tools. */
export function chapterOf(path: PlanPath): ChapterSlug | undefined {
  const [top, next] = path;
  if (top === 'plan')
    return next === 'problem' || next === 'business_goals' || next === 'marketing_strategy' ? 'objectives' : undefined;
  if (top === 'goals') return 'objectives';
  if (top === 'tools') return 'team';
  return CHAPTER_SLUGS.find((slug) => slug === top);
}

export function hasSwot(p: Plan): boolean {
  const s = p.situation?.swot;
  return !!s && [s.strengths, s.weaknesses, s.opportunities, s.threats].some((l) => l?.length);
}
