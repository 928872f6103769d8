/**
 * What changed in the strategy between two versions of a plan (for `smplan diff`): objectives,
 * budget, channels, competitor figures, publishing slots, crisis contacts and lint findings,
 * matched by what identifies each (ids, names, channel and time), never by line.
 * Pure: no IO; the findings of each side come in as data.
 */
import type { Finding } from '../diagnostics.js';
import type { LoadedPlan } from '../plan/load.js';
import type { Plan } from '../plan/schema.js';
import { budgetPlan, type BudgetPlan } from './budget.js';
import { competitorBenchmark } from './engagement.js';
import { objectiveTargets, type ObjectiveTargets } from './kpi.js';
import { decisionOf, listOf } from '../plan/decisions.js';

/** One side of the comparison: a plan that passed the schema, and what lint found in it. */
export interface DiffSide {
  loaded: LoadedPlan;
  findings: readonly Finding[];
}

/** An old and a new value of one field. */
export interface Change<T> {
  from: T;
  to: T;
}

export interface ObjectiveSummary {
  id: string;
  metric: string;
  baseline: number;
  target: number;
  deadline: string;
  unit?: string;
}

/** A milestone date with the value each version of the objective expects there. */
export interface MilestoneChange {
  date: string;
  from?: number;
  to: number;
}

export interface ObjectiveChange {
  id: string;
  metric: string;
  unit?: string;
  /** Only the fields that changed. */
  changes: Partial<
    Record<
      'metric' | 'baseline' | 'target' | 'deadline' | 'start' | 'curve' | 'channel' | 'goal',
      Change<string | number | undefined>
    >
  >;
  /** The next milestones (after `asOf`) of the new curve beside the old curve's value on those dates. */
  milestones: MilestoneChange[];
}

export interface BudgetDiff {
  cap: Change<number | undefined>;
  total: Change<number>;
  over_by: Change<number>;
  /** Items kept now that were cut or absent before. */
  now_kept: string[];
  /** Items cut now that were kept or absent before. */
  now_cut: string[];
  added: string[];
  removed: string[];
  /** Items whose yearly cost changed. */
  repriced: { name: string; from: number; to: number }[];
}

export interface ChannelRoleChange {
  channel: string;
  from: string;
  to: string;
}

export interface RateChange {
  competitor: string;
  channel: string;
  from?: number;
  to?: number;
}

export interface SlotKey {
  channel: string;
  weekday: string;
  time: string;
}

export interface ContactChange {
  /** A responder's name, or a crisis level's approver or backup ("red approver"). */
  who: string;
  from?: string;
  to?: string;
}

export interface SectionChange {
  section: 'initiatives' | 'campaigns' | 'partners' | 'policies' | 'governance';
  /** Entries by name (lists), or fields (policies, governance). */
  added: string[];
  removed: string[];
  changed: string[];
}

export interface DecisionChange {
  /** The part, as a plan path: competitors, content.slots, budget. */
  part: string;
  from?: string;
  to?: string;
}

/** A finding as it is compared: by rule, place in the plan and message, not by line. */
export interface FindingKey {
  severity: Finding['severity'];
  rule: string;
  path: string;
  message: string;
  line: number;
}

export interface PlanDiff {
  objectives: { added: ObjectiveSummary[]; removed: ObjectiveSummary[]; changed: ObjectiveChange[] };
  budget?: BudgetDiff;
  channels: {
    added: { channel: string; role: string }[];
    removed: { channel: string; role: string }[];
    role_changed: ChannelRoleChange[];
  };
  competitors: { added: string[]; removed: string[]; remeasured: RateChange[] };
  slots: { added: SlotKey[]; removed: SlotKey[] };
  crisis: ContactChange[];
  /** The sections a real strategy adds: initiatives, campaigns and partners by id; policies and governance by field. */
  sections: SectionChange[];
  /** Parts stated not to apply (`not_applicable`), or no longer: the reason before and after. */
  decisions: DecisionChange[];
  findings: { appeared: FindingKey[]; resolved: FindingKey[] };
  /** How many changes in all (0: the strategy is the same, whatever the text says). */
  count: number;
}

/** How many of the next milestones a retargeted objective shows. */
const NEXT_MILESTONES = 3;

export function diffPlans(before: DiffSide, after: DiffSide, asOf: string): PlanDiff {
  const a = before.loaded.plan;
  const b = after.loaded.plan;
  const objectives = diffObjectives(a, b, asOf);
  const budget = diffBudget(a, b);
  const channels = diffChannels(a, b);
  const competitors = diffCompetitors(before.loaded, after.loaded);
  const slots = diffSlots(a, b);
  const crisis = diffCrisis(a, b);
  const findings = diffFindings(before.findings, after.findings);
  const sections = diffSections(a, b);
  const decisions = diffDecisions(a, b);
  const budgetCount = budget
    ? budget.added.length +
      budget.removed.length +
      budget.repriced.length +
      budget.now_kept.length +
      budget.now_cut.length +
      (budget.cap.from !== budget.cap.to ? 1 : 0)
    : 0;
  const count =
    objectives.added.length +
    objectives.removed.length +
    objectives.changed.length +
    budgetCount +
    channels.added.length +
    channels.removed.length +
    channels.role_changed.length +
    competitors.added.length +
    competitors.removed.length +
    competitors.remeasured.length +
    slots.added.length +
    slots.removed.length +
    crisis.length +
    sections.reduce((n, s) => n + s.added.length + s.removed.length + s.changed.length, 0) +
    decisions.length +
    findings.appeared.length +
    findings.resolved.length;
  return {
    objectives,
    ...(budget ? { budget } : {}),
    channels,
    competitors,
    slots,
    crisis,
    sections,
    decisions,
    findings,
    count,
  };
}

function summary(t: ObjectiveTargets): ObjectiveSummary {
  return {
    id: t.id,
    metric: t.metric,
    baseline: t.baseline,
    target: t.target,
    deadline: t.deadline,
    ...(t.unit === undefined ? {} : { unit: t.unit }),
  };
}

function targetsOf(plan: Plan): Map<string, ObjectiveTargets> {
  return new Map(listOf(plan.objectives).map((o) => [o.id, objectiveTargets(o, plan)]));
}

function diffObjectives(a: Plan, b: Plan, asOf: string): PlanDiff['objectives'] {
  const before = targetsOf(a);
  const after = targetsOf(b);
  const added = [...after.values()].filter((t) => !before.has(t.id)).map(summary);
  const removed = [...before.values()].filter((t) => !after.has(t.id)).map(summary);
  const changed: ObjectiveChange[] = [];
  for (const [id, to] of after) {
    const from = before.get(id);
    if (!from) continue;
    const changes: ObjectiveChange['changes'] = {};
    for (const key of ['metric', 'baseline', 'target', 'start', 'deadline', 'curve', 'channel', 'goal'] as const) {
      if (from[key] !== to[key]) changes[key] = { from: from[key], to: to[key] };
    }
    if (Object.keys(changes).length === 0) continue;
    const oldValue = new Map(from.milestones.map((m) => [m.date, m.value]));
    const upcoming = to.milestones.filter((m) => m.date > asOf);
    const shown = (upcoming.length ? upcoming : to.milestones).slice(0, NEXT_MILESTONES);
    changed.push({
      id,
      metric: to.metric,
      ...(to.unit === undefined ? {} : { unit: to.unit }),
      changes,
      milestones: shown.map((m) => ({
        date: m.date,
        ...(oldValue.has(m.date) ? { from: oldValue.get(m.date)! } : {}),
        to: m.value,
      })),
    });
  }
  return { added, removed, changed };
}

function diffBudget(a: Plan, b: Plan): BudgetDiff | undefined {
  if (!a.budget && !b.budget) return undefined;
  const before: BudgetPlan | undefined = a.budget && budgetPlan(a.budget);
  const after: BudgetPlan | undefined = b.budget && budgetPlan(b.budget);
  const names = (p: BudgetPlan | undefined, side: 'kept' | 'cut') => new Set((p?.[side] ?? []).map((l) => l.name));
  const yearly = (p: BudgetPlan | undefined) =>
    new Map([...(p?.kept ?? []), ...(p?.cut ?? [])].map((l) => [l.name, l.yearly]));
  const [cutBefore, keptAfter, cutAfter] = [names(before, 'cut'), names(after, 'kept'), names(after, 'cut')];
  const [costBefore, costAfter] = [yearly(before), yearly(after)];
  return {
    cap: { from: before?.cap, to: after?.cap },
    total: { from: before?.total ?? 0, to: after?.total ?? 0 },
    over_by: { from: before?.over_by ?? 0, to: after?.over_by ?? 0 },
    now_kept: [...keptAfter].filter((n) => cutBefore.has(n)),
    now_cut: [...cutAfter].filter((n) => !cutBefore.has(n)),
    added: [...costAfter.keys()].filter((n) => !costBefore.has(n)),
    removed: [...costBefore.keys()].filter((n) => !costAfter.has(n)),
    repriced: [...costAfter].flatMap(([name, to]) => {
      const from = costBefore.get(name);
      return from !== undefined && from !== to ? [{ name, from, to }] : [];
    }),
  };
}

function diffChannels(a: Plan, b: Plan): PlanDiff['channels'] {
  const before = new Map(listOf(a.channels).map((c) => [c.id, c.role ?? 'not set']));
  const after = new Map(listOf(b.channels).map((c) => [c.id, c.role ?? 'not set']));
  return {
    added: [...after].filter(([id]) => !before.has(id)).map(([channel, role]) => ({ channel, role })),
    removed: [...before].filter(([id]) => !after.has(id)).map(([channel, role]) => ({ channel, role })),
    role_changed: [...after].flatMap(([channel, to]) => {
      const from = before.get(channel);
      return from !== undefined && from !== to ? [{ channel, from, to }] : [];
    }),
  };
}

/** Competitor names compare without case and surrounding space ("CrewBoard" = "crewboard "). */
function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

function diffCompetitors(a: LoadedPlan, b: LoadedPlan): PlanDiff['competitors'] {
  const rates = (loaded: LoadedPlan) => {
    const out = new Map<string, { name: string; channels: Map<string, number> }>();
    for (const c of competitorBenchmark(loaded.plan, loaded.postsCsv).competitors) {
      out.set(nameKey(c.name), {
        name: c.name,
        channels: new Map(c.channels.map((ch) => [ch.channel, ch.engagement_rate_per_post])),
      });
    }
    return out;
  };
  const before = rates(a);
  const after = rates(b);
  const remeasured: RateChange[] = [];
  for (const [key, now] of after) {
    const then = before.get(key);
    if (!then) continue;
    for (const channel of new Set([...then.channels.keys(), ...now.channels.keys()])) {
      const from = then.channels.get(channel);
      const to = now.channels.get(channel);
      if (from === to) continue;
      remeasured.push({
        competitor: now.name,
        channel,
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
      });
    }
  }
  return {
    added: [...after].filter(([k]) => !before.has(k)).map(([, c]) => c.name),
    removed: [...before].filter(([k]) => !after.has(k)).map(([, c]) => c.name),
    remeasured,
  };
}

function diffSlots(a: Plan, b: Plan): PlanDiff['slots'] {
  const keyOf = (s: SlotKey) => `${s.channel} ${s.weekday} ${s.time}`;
  const slots = (plan: Plan) =>
    new Map(
      listOf(plan.content?.slots).map((s) => [keyOf(s), { channel: s.channel, weekday: s.weekday, time: s.time }]),
    );
  const before = slots(a);
  const after = slots(b);
  return {
    added: [...after].filter(([k]) => !before.has(k)).map(([, s]) => s),
    removed: [...before].filter(([k]) => !after.has(k)).map(([, s]) => s),
  };
}

/** Who is reached in a crisis: each responder's contact, and each level's approver and backup. */
function crisisContacts(plan: Plan): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of plan.crisis?.responders ?? []) out.set(r.name, [r.role, r.contact].filter(Boolean).join(', '));
  for (const l of plan.crisis?.levels ?? []) {
    out.set(`${l.level} approver`, l.approver);
    if (l.backup !== undefined) out.set(`${l.level} backup`, l.backup);
  }
  return out;
}

function diffCrisis(a: Plan, b: Plan): ContactChange[] {
  const before = crisisContacts(a);
  const after = crisisContacts(b);
  const out: ContactChange[] = [];
  for (const who of new Set([...before.keys(), ...after.keys()])) {
    const from = before.get(who);
    const to = after.get(who);
    if (from !== to) out.push({ who, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) });
  }
  return out;
}

/** Initiatives, campaigns and partners matched by id (shown by name); policies and governance by field. */
function diffSections(a: Plan, b: Plan): SectionChange[] {
  const out: SectionChange[] = [];
  for (const section of ['initiatives', 'campaigns', 'partners'] as const) {
    const entries = (plan: Plan) =>
      new Map(
        listOf<{ id: string; name: string }>(plan[section] as { id: string; name: string }[] | undefined).map((e) => [
          e.id,
          e,
        ]),
      );
    out.push(changes(section, entries(a), entries(b), (e) => e.name));
  }
  for (const section of ['policies', 'governance'] as const) {
    const fields = (plan: Plan) =>
      new Map(Object.entries(plan[section] ?? {}).filter(([key]) => key !== 'not_applicable'));
    out.push(changes(section, fields(a), fields(b), (_, key) => key));
  }
  return out.filter((s) => s.added.length + s.removed.length + s.changed.length > 0);
}

function changes<T>(
  section: SectionChange['section'],
  before: Map<string, T>,
  after: Map<string, T>,
  name: (entry: T, key: string) => string,
): SectionChange {
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  return {
    section,
    added: [...after].filter(([k]) => !before.has(k)).map(([k, e]) => name(e, k)),
    removed: [...before].filter(([k]) => !after.has(k)).map(([k, e]) => name(e, k)),
    changed: [...after].filter(([k, e]) => before.has(k) && !same(before.get(k), e)).map(([k, e]) => name(e, k)),
  };
}

/** The parts that may state not_applicable, as plan paths. */
const DECIDABLE: readonly (readonly string[])[] = [
  ['situation'],
  ['objectives'],
  ['audience'],
  ['competitors'],
  ['positioning'],
  ['channels'],
  ['initiatives'],
  ['campaigns'],
  ['partners'],
  ['content'],
  ['content', 'slots'],
  ['kpis'],
  ['budget'],
  ['team'],
  ['crisis'],
  ['review'],
  ['tools'],
  ['policies'],
  ['governance'],
];

function diffDecisions(a: Plan, b: Plan): DecisionChange[] {
  const at = (plan: Plan, path: readonly string[]) =>
    decisionOf(
      path.reduce<unknown>(
        (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
        plan,
      ),
    );
  return DECIDABLE.flatMap((path) => {
    const from = at(a, path);
    const to = at(b, path);
    return from === to
      ? []
      : [{ part: path.join('.'), ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) }];
  });
}

function findingKey(f: Finding): FindingKey {
  return { severity: f.severity, rule: f.rule, path: f.path, message: f.message, line: f.line };
}

/** Findings that appeared or went away; a finding only moved to another line is neither. */
function diffFindings(before: readonly Finding[], after: readonly Finding[]): PlanDiff['findings'] {
  const id = (f: Finding) => `${f.severity}\u0000${f.rule}\u0000${f.path}\u0000${f.message}`;
  const unmatched = (from: readonly Finding[], against: readonly Finding[]) => {
    const pool = new Map<string, number>();
    for (const f of against) pool.set(id(f), (pool.get(id(f)) ?? 0) + 1);
    return from.filter((f) => {
      const n = pool.get(id(f)) ?? 0;
      if (n === 0) return true;
      pool.set(id(f), n - 1);
      return false;
    });
  };
  return { appeared: unmatched(after, before).map(findingKey), resolved: unmatched(before, after).map(findingKey) };
}
