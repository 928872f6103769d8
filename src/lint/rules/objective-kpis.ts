import * as z from 'zod';
import { defineRule, type RuleReport } from '../rule.js';
import { listOf } from '../../plan/decisions.js';

/** Seed 000 §3: KPIs are set from the objectives. One KPI list per rule pair below. */
export const objectiveWithoutKpi = defineRule({
  id: 'objective-without-kpi',
  severity: 'warning',
  method: '§8 KPIs (seed 000 §3: KPIs are set from the objectives)',
  description: 'Once the plan lists KPIs, every objective is measured by at least one of them (kpis[].objective).',
  check(plan) {
    if (!listOf(plan.kpis).length) return [];
    const measured = new Set(listOf(plan.kpis).flatMap((k) => (k.objective === undefined ? [] : [k.objective])));
    const reports: RuleReport[] = [];
    listOf(plan.objectives).forEach((o, i) => {
      if (!measured.has(o.id))
        reports.push({
          path: ['objectives', i, 'id'],
          message: `no KPI measures the objective ${o.id}: add a KPI with objective: ${o.id}`,
        });
    });
    return reports;
  },
});

export const kpiWithoutObjective = defineRule({
  id: 'kpi-without-objective',
  severity: 'warning',
  method: '§8 KPIs (seed 000 §3: KPIs are set from the objectives)',
  description:
    'Every KPI names the objective it measures (kpis[].objective), or in a goal-level strategy the goals it measures (kpis[].goals): a number that measures nothing is noise.',
  check(plan) {
    const reports: RuleReport[] = [];
    listOf(plan.kpis).forEach((k, i) => {
      if (k.objective === undefined && !k.goals?.length)
        reports.push({
          path: ['kpis', i],
          message: `the KPI ${k.id} measures no objective: name it under objective, or drop it`,
        });
    });
    return reports;
  },
});

/** At most this many KPIs on one objective, and in all: beyond them "the confusion sets" (seed 003). */
export const MAX_KPIS_PER_OBJECTIVE = 3;
export const MAX_KPIS = 12;

export const kpiCount = defineRule({
  id: 'kpi-count',
  severity: 'warning',
  method: '§8 KPIs (seeds 003: too many metrics confuse; 004 §6: focus on the numbers that matter)',
  description: `A reader can follow the KPIs: at most ${MAX_KPIS_PER_OBJECTIVE} per objective and ${MAX_KPIS} in all.`,
  options: z.strictObject({
    per_objective: z
      .number()
      .int()
      .min(1)
      .default(MAX_KPIS_PER_OBJECTIVE)
      .meta({ description: 'Most KPIs measuring one objective' }),
    max: z.number().int().min(1).default(MAX_KPIS).meta({ description: 'Most KPIs in all' }),
  }),
  check(plan, { options: { per_objective: perObjective, max } }) {
    const kpis = listOf(plan.kpis);
    const reports: RuleReport[] = [];
    const seen = new Map<string, number>();
    kpis.forEach((k, i) => {
      if (k.objective === undefined) return;
      const n = (seen.get(k.objective) ?? 0) + 1;
      seen.set(k.objective, n);
      if (n === perObjective + 1) {
        reports.push({
          path: ['kpis', i, 'objective'],
          message: `more than ${perObjective} KPIs measure ${k.objective}: keep the ones that drive decisions`,
        });
      }
    });
    if (kpis.length > max) {
      reports.push({
        path: ['kpis', max],
        message: `${kpis.length} KPIs are more than a reader can follow (at most ${max}): keep the numbers that matter`,
      });
    }
    return reports;
  },
});
