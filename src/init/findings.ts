/**
 * Lint findings said in the interview's language (its notes and closing summary). Lint's own
 * messages are English; here each finding is told from the plan at its path with the words of
 * locales/*.json (init.finding.RULE). A rule without words of its own is named with the place
 * it points at, and `smplan lint` gives its detail.
 */
import { formatPath, type Finding, type PlanPath } from '../diagnostics.js';
import { MAX_SAMPLE, MIN_SAMPLE } from '../compute/engagement.js';
import { MAX_CHANNELS, MAX_PRIMARY_CHANNELS } from '../lint/rules/channel-count.js';
import { listOf } from '../plan/decisions.js';
import { openPoints } from '../plan/open-points.js';
import { planSchema, type Plan, type PlanLocale } from '../plan/schema.js';
import { refusal, within, type PlanDraft } from './check.js';
import { budgetWarning, planFormat, slotPersonaWarning, targetWarning } from './warnings.js';
import type { Words } from './words.js';

type Segment = string | number;

/** `objectives[1].target` -> ['objectives', 1, 'target']. */
function segments(path: string): Segment[] {
  const out: Segment[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

function isRecord(value: unknown): value is Record<string | number, unknown> {
  return value !== null && typeof value === 'object';
}

function valueAt(node: unknown, path: readonly Segment[]): unknown {
  let at = node;
  for (const key of path) {
    if (!isRecord(at)) return undefined;
    at = at[key];
  }
  return at;
}

/** What an entry is called: its name, id, metric or channel. */
function label(entry: unknown): string | undefined {
  if (!isRecord(entry) || Array.isArray(entry)) return undefined;
  for (const key of ['name', 'id', 'metric', 'task', 'title', 'channel']) {
    const value = entry[key];
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}

/** The section in the interview's words, and the named entries on the way: "Konkurrenter: Bakehuset, instagram". */
function where(t: Words, plan: unknown, path: Segment[]): string {
  const section = path[0];
  const title = typeof section === 'string' ? t(`init.section.${section}.title`) : '';
  const heading =
    typeof section === 'string' && title !== `init.section.${section}.title` ? title : String(section ?? '');
  const names: string[] = [];
  for (let i = 2; i <= path.length; i++) {
    const name = label(valueAt(plan, path.slice(0, i)));
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names.length ? `${heading}: ${names.join(', ')}` : heading;
}

/** A finding in the interview's language. */
export function findingText(f: Finding, draft: PlanDraft, t: Words, fallback: PlanLocale): string {
  const path = segments(f.path);
  const parsed = planSchema.safeParse(draft);
  const place = where(t, draft, path);
  const own = parsed.success ? told(f, parsed.data, path, t, fallback) : undefined;
  return own ?? t('init.finding.other', { where: place || f.path, rule: f.rule });
}

/**
 * An error that refuses an answer, in the interview's language: a schema error told from the
 * schema's issue (what was expected), a rule's by its sentence; named with its place when it
 * lies outside the field asked (`field`, as lint prints paths).
 */
export function refusalText(f: Finding, draft: PlanDraft, t: Words, fallback: PlanLocale, field: string): string {
  const path = segments(f.path);
  let text: string;
  if (f.rule.startsWith('schema-') || f.rule === 'unknown-key') {
    const parsed = planSchema.safeParse(draft);
    const issues = parsed.success ? [] : parsed.error.issues;
    const same = (p: readonly PropertyKey[]) => p.length === path.length && p.every((k, i) => k === path[i]);
    // A union's issue sits at the field; its branches' issues below it.
    const issue =
      issues.find((i) => same(i.path)) ??
      issues.find((i) => i.code === 'invalid_union' && within(f.path, formatPath(i.path as PlanPath)));
    text = f.rule === 'unknown-key' ? t('init.refuse.other') : issue ? refusal(issue, t) : t('init.refuse.other');
  } else {
    text = findingText(f, draft, t, fallback);
    if (text.startsWith(`${where(t, draft, path) || f.path}:`)) return text;
  }
  return within(f.path, field) ? text : `${where(t, draft, path) || f.path}: ${text}`;
}

function told(f: Finding, plan: Plan, path: Segment[], t: Words, fallback: PlanLocale): string | undefined {
  const fmt = planFormat(plan.plan, fallback);
  const entry = (n: number) => valueAt(plan, path.slice(0, n));
  /** The list index at position n of the path (-1, which finds nothing, when there is none). */
  const index = (n: number): number => {
    const part = path[n];
    return typeof part === 'number' ? part : -1;
  };
  const last = path[path.length - 1];
  switch (f.rule) {
    case 'achievable-target': {
      const o = listOf(plan.objectives)[index(1)];
      return o && targetWarning(t, fmt, o);
    }
    case 'budget-cap':
      return plan.budget ? budgetWarning(t, fmt, plan.budget, plan) : undefined;
    case 'slot-persona-channel': {
      const slot = listOf(plan.content?.slots)[index(2)];
      return slot?.persona ? slotPersonaWarning(t, plan, slot.persona, slot.channel) : undefined;
    }
    case 'slot-online-time': {
      const slot = listOf(plan.content?.slots)[index(2)];
      return slot && t('init.finding.slot-online-time', { channel: slot.channel, time: slot.time });
    }
    case 'admin-roles': {
      const audit = plan.situation?.channel_audit?.[index(2)];
      if (!audit) return undefined;
      const admin = last === 'left' ? audit.admins?.[index(4)] : undefined;
      return admin
        ? t('init.finding.admin-roles.left', { name: admin.name, channel: audit.channel })
        : t('init.finding.admin-roles', { channel: audit.channel });
    }
    case 'login-holder': {
      const audit = plan.situation?.channel_audit?.[index(2)];
      return audit && t('init.finding.login-holder', { channel: audit.channel });
    }
    case 'falling-target': {
      const o = listOf(plan.objectives)[index(1)];
      return o && t('init.finding.falling-target', { metric: o.metric });
    }
    case 'smart-objective': {
      const o = listOf(plan.objectives)[index(1)];
      if (!o || typeof last !== 'string') return undefined;
      return t(`init.finding.smart-objective.${last}`, { id: o.id, start: plan.plan.start, end: plan.plan.end });
    }
    case 'owners': {
      const name = label(entry(path.length - 1));
      return name && t(`init.finding.owners.${path[0] === 'channels' ? 'channel' : 'task'}`, { name });
    }
    case 'channel-purpose': {
      const channel = label(entry(2));
      return channel && t('init.finding.channel-purpose', { channel });
    }
    case 'post-sample-size':
      return t('init.finding.post-sample-size', { where: where(t, plan, path), min: MIN_SAMPLE, max: MAX_SAMPLE });
    case 'open-point': {
      const point = openPoints(plan).find((p) => p.path.join('.') === path.join('.'));
      return point && t('init.finding.open-point', { topic: t(`open.${point.key}.topic`) });
    }
    case 'channel-count': {
      const channels = listOf(plan.channels);
      if (last === 'role')
        return t('init.finding.channel-count.primary', {
          n: channels.filter((c) => c.role === 'primary').length,
          max: MAX_PRIMARY_CHANNELS,
        });
      if (path[0] === 'situation') return t('init.finding.channel-count.audit', { max: MAX_CHANNELS });
      return channels.length > MAX_CHANNELS
        ? t('init.finding.channel-count.many', { n: channels.length, max: MAX_CHANNELS })
        : t('init.finding.channel-count.kept', { max: MAX_CHANNELS });
    }
    case 'competitor-count': {
      // The bounds are the rule's options (the config may set them): lint says which it broke.
      const bound = /at least (\d+)|the (\d+) main/.exec(f.message);
      const n = listOf(plan.competitors).length;
      if (bound?.[1]) return t('init.finding.competitor-count.few', { n, min: bound[1] });
      return bound?.[2] ? t('init.finding.competitor-count.many', { n, max: bound[2] }) : undefined;
    }
    case 'kpi-measurement': {
      const k = listOf(plan.kpis)[index(1)];
      if (!k) return undefined;
      const missing = k.tool === undefined ? (k.frequency === undefined ? 'both' : 'tool') : 'frequency';
      return t(`init.finding.kpi-measurement.${missing}`, { id: k.id });
    }
    case 'goal-count': {
      if (path.length === 1) return t('init.finding.goal-count.none');
      const most = /at most (\d+)/.exec(f.message)?.[1];
      return most && t('init.finding.goal-count.many', { max: most });
    }
    case 'objective-without-kpi': {
      const o = listOf(plan.objectives)[index(1)];
      return o && t('init.finding.objective-without-kpi', { id: o.id });
    }
    case 'kpi-without-objective': {
      const k = listOf(plan.kpis)[index(1)];
      return k && t('init.finding.kpi-without-objective', { id: k.id });
    }
    case 'channel-personas': {
      const c = listOf(plan.channels)[index(1)];
      return c && t('init.finding.channel-personas', { channel: c.id });
    }
    case 'persona-shares': {
      const p = listOf(plan.audience?.personas)[index(2)];
      if (!p) return undefined;
      const total = listOf(p.channels).reduce((sum, c) => sum + c.share, 0);
      return t('init.finding.persona-shares', { name: p.name, total: fmt.percent(total, 0) });
    }
    case 'pillar-shares': {
      const total = listOf(plan.content?.pillars).reduce((sum, p) => sum + (p.share ?? 0), 0);
      return t('init.finding.pillar-shares', { total: fmt.percent(total, 1) });
    }
    case 'competitor-channel': {
      const channel = entry(path.length);
      const guess = /did you mean `([^`]+)`/.exec(f.message)?.[1];
      return typeof channel === 'string' && guess
        ? t('init.finding.competitor-channel', { channel, guess })
        : undefined;
    }
    case 'crisis-handbook': {
      if (path[1] !== 'levels' || path.length === 2)
        return typeof last === 'string' ? t(`init.finding.crisis-handbook.${last}`) : undefined;
      const level = plan.crisis?.levels?.[index(2)];
      return level && t('init.finding.crisis-handbook.level', { level: level.level, approver: level.approver });
    }
    case 'objective-target': {
      const o = listOf(plan.objectives)[index(1)];
      if (!o) return undefined;
      const kind = /baseline of 0 cannot/.test(f.message) ? 'zero' : /below zero/.test(f.message) ? 'below' : 'large';
      return t(`init.finding.objective-target.${kind}`, { id: o.id, target: String(o.target) });
    }
    case 'compound-curve':
      return t(`init.finding.compound-curve.${last === 'target' ? 'target' : 'baseline'}`);
    case 'posts-csv': {
      const file = entry(path.length);
      if (typeof file !== 'string') return undefined;
      return t(`init.finding.posts-csv.${/no such file/.test(f.message) ? 'missing' : 'unread'}`, { file });
    }
    case 'unique-ids': {
      const value = entry(path.length);
      return typeof value === 'string' ? t('init.finding.unique-ids', { value }) : undefined;
    }
    case 'references': {
      const value = entry(path.length);
      // The section the name is looked up in, as lint names it (channels, goals, pillars...).
      const section = /is not defined in (\w+)/.exec(f.message)?.[1];
      const title = section && t(`init.section.${section}.title`);
      if (typeof value !== 'string') return undefined;
      return title && title !== `init.section.${section}.title`
        ? t('init.finding.references.in', { value, section: title })
        : t('init.finding.references', { value });
    }
    case 'date-order': {
      const { start, end } = plan.plan;
      if (path[0] === 'plan') return t(`init.finding.date-order.${end <= start ? 'end' : 'long'}`, { start, end });
      const o = listOf(plan.objectives)[index(1)];
      return o && t('init.finding.date-order.deadline', { id: o.id, deadline: o.deadline, start });
    }
    default:
      return undefined;
  }
}
