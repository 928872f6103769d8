import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseConfig } from '../../../src/lint/config.js';
import { readCheckedPlan } from '../../../src/lint/check.js';
import { completePlan, expectOne, FIXTURES, lintWith, summarise, type PlanData } from '../helpers.js';

/** A KPI with its tool and frequency, so only the rule under test reports. */
const MEASURED = { tool: 'GA', frequency: 'weekly' };

describe('KPIs and objectives (seeds 000 §3, 003, 004 §6)', () => {
  it('objective-without-kpi: an objective no KPI measures, at its id', async () => {
    await expectOne((p) => p.kpis.splice(1, 1), 'objective-without-kpi', 'objectives[1].id', 'trial-signups');
  });

  it('kpi-without-objective: a KPI that measures nothing, at the KPI', async () => {
    await expectOne(
      (p) => p.kpis.push({ id: 'likes', name: 'Likes', tool: 'Meta Business Suite', frequency: 'weekly' }),
      'kpi-without-objective',
      'kpis[3]',
      'id: likes',
    );
  });

  it('kpi-count: more than 3 KPIs on one objective, more than 12 in all', async () => {
    const more = (n: number, objective: (i: number) => string) => (p: PlanData) => {
      for (let i = 0; i < n; i++) p.kpis.push({ id: `k${i}`, name: `K ${i}`, objective: objective(i), ...MEASURED });
    };
    expect((await lintWith(more(2, () => 'comments'))).findings).toEqual([]);
    await expectOne(
      more(3, () => 'comments'),
      'kpi-count',
      'kpis[5].objective',
      'comments',
    );
    const ids = ['ig-followers', 'trial-signups', 'comments'];
    expect((await lintWith(more(6, (i) => ids[i % 3]!))).findings).toEqual([]);
    await expectOne(
      more(7, (i) => (i < 6 ? ids[i % 3]! : 'ig-followers')),
      'kpi-count',
      'kpis[9].objective',
      'ig-followers',
    );
  });

  it('kpi-count: the thresholds are configurable (per_objective, max)', async () => {
    const plan = completePlan();
    plan.kpis.push({ id: 'k2', name: 'K 2', objective: 'comments', ...MEASURED });
    const text = stringify(plan, { lineWidth: 0 });
    const config = await parseConfig('rules:\n  kpi-count: { per_objective: 1, max: 3 }\n', 'smplan.config.yaml');
    const checked = await readCheckedPlan({ file: 'plan.yaml', text, dir: FIXTURES }, { config, inlineConfig: false });
    expect(summarise(checked.findings)).toEqual(['warning kpi-count kpis[3]', 'warning kpi-count kpis[3].objective']);
  });

  it('kpi-count: more than 12 in all', async () => {
    const { findings } = await lintWith((p) => {
      for (let i = 0; i < 10; i++) {
        p.objectives.push({
          id: `o${i}`,
          goal: 'community',
          metric: 'm',
          baseline: 1,
          target: 2,
          deadline: '2027-06-30',
          tool: 'GA',
          why: 'W',
        });
        p.kpis.push({ id: `k${i}`, name: `K ${i}`, objective: `o${i}`, ...MEASURED });
      }
    });
    expect(summarise(findings)).toEqual(['warning kpi-count kpis[12]']);
  });
});
