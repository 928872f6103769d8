import { describe, expect, it } from 'vitest';
import { lintChanged, summarise } from '../helpers.js';

describe('kpi-measurement', () => {
  it('a KPI without a tool or a frequency is a finding, at the KPI', async () => {
    const findings = await lintChanged((p) => {
      delete p.kpis[1].frequency;
      delete p.kpis[2].frequency;
      delete p.kpis[2].tool;
    });
    const own = findings.filter((f) => f.rule === 'kpi-measurement');
    expect(summarise(own)).toEqual(['warning kpi-measurement kpis[1]', 'warning kpi-measurement kpis[2]']);
    expect(own.map((f) => f.message)).toEqual([
      'the KPI trials names no frequency: say how often it is looked at',
      'the KPI comments names no tool and no frequency: say which tool measures it and how often it is looked at',
    ]);
  });

  it('KPIs with both pass', async () => {
    expect(await lintChanged(() => {})).toEqual([]);
  });
});
