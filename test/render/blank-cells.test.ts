/**
 * No blank cells a client reads as a broken table: a measurement tool not chosen yet says so, and
 * a goals column no goal fills is left out. Open points call each section what its chapter calls it.
 * In en, nb and bg.
 */
import { describe, expect, it } from 'vitest';
import { renderStrategyFolder } from '../../src/render/folder.js';
import { MINIMAL, planFrom } from './plans.js';

const WITH_OBJECTIVE = `${MINIMAL}objectives:
  - id: leads
    goal: awareness
    metric: leads per month
    unit: leads
    baseline: 10
    target: 20
    deadline: 2027-12-31
kpis:
  - id: leads-kpi
    name: Leads
    objective: leads
    frequency: monthly
`;

const CASES = [
  ['en', 'to be decided', '| Goal | Priority |\n| --- | --- |\n', 'all channels'],
  ['nb', 'ikke avklart', '| Forretningsmål | Prioritet |\n| --- | --- |\n', 'alle kanaler'],
  ['bg', 'предстои да се уточни', '| Бизнес цел | Приоритет |\n| --- | --- |\n', 'всички канали'],
] as const;

describe('cells the plan leaves empty', () => {
  it.each(CASES)(
    '%s: "Measured with" says the tool is not decided, a KPI on no channel is on all; empty goal columns go',
    async (lang, tbd, goals, all) => {
      const loaded = await planFrom(WITH_OBJECTIVE.replace('locale: en', `locale: ${lang}`));
      const folder = await renderStrategyFolder(loaded);
      const chapter = (slug: string) => folder.chapters.find((c) => c.slug === slug)!.markdown;
      expect(chapter('objectives')).toContain(goals);
      expect(chapter('objectives')).toMatch(new RegExp(`\\| \\d\\d[./]\\d\\d[./]2027( г\\.)? \\| _${tbd}_ \\|\\n`));
      expect(chapter('kpis')).toMatch(new RegExp(`\\| _${tbd}_ \\|\\n\\n`));
      // The KPI list: its tool cell too.
      expect(chapter('kpis')).toMatch(
        new RegExp(`\\| \\*\\*Leads\\*\\* \\| [^|]+ \\| ${all} \\| [^|]+ \\| _${tbd}_ \\|`),
      );
    },
  );
});

describe('open points name each section as its chapter does', () => {
  it.each([
    ['nb', ['viktige datoer, reserveinnhold', '[Evalueringsrutinen](12-review.md)'], ['spesielle datoer']],
    [
      'bg',
      [
        '[Стратегията за съдържанието](07-content.md)',
        'важни дати, резервно съдържание',
        '[Кризисният наръчник](11-crisis.md)',
        '[Редовните срещи за преглед](12-review.md)',
        'планът се сравнява с фактическите резултати',
      ],
      ['специални дати', 'Съдържателната стратегия', 'Процедурата за преглед'],
    ],
  ] as const)('%s', async (lang, present, absent) => {
    const folder = await renderStrategyFolder(await planFrom(MINIMAL.replace('locale: en', `locale: ${lang}`)));
    for (const text of present) expect(folder.readme).toContain(text);
    for (const text of absent) expect(folder.readme).not.toContain(text);
  });
});
