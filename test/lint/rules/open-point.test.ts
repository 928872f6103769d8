import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { OPEN_POINT_WORDS, openPoints } from '../../../src/plan/open-points.js';
import { loadPlan } from '../../../src/plan/load.js';
import { completePlan, FIXTURES, lintChanged, lintText, type PlanData } from '../helpers.js';

describe('open-point', () => {
  it('a missing section at the document root, a missing part at the mapping that should hold it', async () => {
    const findings = await lintChanged((p) => {
      delete p.positioning;
      delete p.team;
      delete p.content.reserve;
    });
    expect(findings.map((f) => [f.rule, f.path, f.line, f.column, f.message.split(';')[0]])).toEqual([
      ['open-point', 'positioning', 1, 1, 'positioning: not decided yet: the positioning'],
      ['open-point', 'team', 1, 1, 'team: not decided yet: the team'],
      ['open-point', 'content.reserve', 113, 1, 'content: not decided yet: reserve content'],
    ]);
    expect(findings[0]!.message).toBe(
      'positioning: not decided yet: the positioning; the method asks for a social positioning that fits the brand but is conversational: unique, engaging and realistic',
    );
  });
});

describe('one idea of "finished": open points are lint findings', () => {
  it("lint's English words for each open point are the English document's, and nb and bg translate each", () => {
    const catalogue = (locale: string) =>
      JSON.parse(readFileSync(new URL(`../../../locales/${locale}.json`, import.meta.url), 'utf8')) as Record<
        string,
        string
      >;
    const en = catalogue('en');
    for (const { key, topic, asks } of OPEN_POINT_WORDS) {
      expect([en[`open.${key}.topic`], en[`open.${key}.asks`]]).toEqual([topic, asks]);
      for (const locale of ['nb', 'bg']) {
        expect(catalogue(locale)[`open.${key}.topic`], `${locale} open.${key}.topic`).toBeTruthy();
        expect(catalogue(locale)[`open.${key}.asks`], `${locale} open.${key}.asks`).toBeTruthy();
      }
    }
  });

  it('every open point the document would list is an open-point finding at its place, and nothing else is', async () => {
    const plans: PlanData[] = [completePlan()];
    const minimal = completePlan();
    for (const key of [
      'situation',
      'audience',
      'positioning',
      'content',
      'budget',
      'team',
      'tools',
      'crisis',
      'review',
      'kpis',
    ])
      delete minimal[key];
    delete minimal.plan.problem;
    plans.push(minimal);
    const partial = completePlan();
    delete partial.situation.swot;
    delete partial.content.approval;
    delete partial.team.escalation;
    partial.competitors.pop();
    plans.push(partial);
    for (const data of plans) {
      const text = stringify(data, { lineWidth: 0 });
      const outcome = await loadPlan({ file: 'plan.yaml', text: Buffer.from(text), dir: FIXTURES });
      const points = openPoints(outcome.loaded!.plan).map((p) => p.path.join('.'));
      const findings = (await lintText(text)).filter((f) => f.rule === 'open-point').map((f) => f.path);
      expect([...findings].sort()).toEqual([...points].sort());
    }
  });
});
