import { listOf } from '../../plan/decisions.js';
import { defineRule, type RuleReport } from '../rule.js';

/** A KPI the document would print as "to be decided": how it is measured and how often are part of it. */
export const kpiMeasurement = defineRule({
  id: 'kpi-measurement',
  severity: 'warning',
  method: '§8 KPIs (the tool that measures each and how often it is looked at)',
  description:
    'Every KPI names the tool that measures it (kpis[].tool) and how often it is looked at (kpis[].frequency), so the document never prints "to be decided" for a KPI lint passed.',
  check(plan) {
    const reports: RuleReport[] = [];
    listOf(plan.kpis).forEach((k, i) => {
      const missing = [k.tool === undefined && 'tool', k.frequency === undefined && 'frequency'].filter(Boolean);
      if (missing.length)
        reports.push({
          path: ['kpis', i],
          message: `the KPI ${k.id} names no ${missing.join(' and no ')}: say ${missing
            .map((m) => (m === 'tool' ? 'which tool measures it' : 'how often it is looked at'))
            .join(' and ')}`,
        });
    });
    return reports;
  },
});
