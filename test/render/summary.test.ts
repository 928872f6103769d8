/**
 * The executive summary of the three examples with their January–April actuals, as the README
 * leads with it (and the PDF prints after the contents): figures and sentences in en, nb and bg.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES, runCli } from '../helpers/cli.js';
import { EXAMPLE_ACTUALS } from './plans.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'smplan-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function summary(file: string, args: string[] = []): Promise<string> {
  const out = path.join(dir, `${file}-${args.length}`);
  const r = await runCli(['render', path.join(EXAMPLES, file), '-o', out, ...args]);
  expect(r.code, r.stderr).toBe(0);
  const readme = readFileSync(path.join(out, 'README.md'), 'utf8');
  // The summary comes first, right after the title and its facts.
  expect(readme.indexOf('\n## ')).toBe(readme.indexOf('\n## ', readme.indexOf('| --- | --- |')));
  // Numbers group with no-break spaces (nb, bg); compared here as plain spaces.
  return readme
    .slice(readme.indexOf('\n## '), readme.indexOf('\n## ', readme.indexOf('\n## ') + 1))
    .replace(/\u00a0/g, ' ');
}

describe('the executive summary', () => {
  it('en: objectives with actuals and a red/amber/green status, rank per channel, budget, next review', async () => {
    const s = await summary('fieldnote-software.yaml', EXAMPLE_ACTUALS['fieldnote-software.yaml']);
    expect(s).toMatch(/^\n## Executive summary\n/);
    expect(s).toContain(
      '**The problem:** Our pipeline depends on Google Ads, where the cost per demo has doubled since 2023.\n',
    );
    expect(s).toContain(
      '7 SMART objectives, the first deadline on 30 June 2027. Standing on 30 April 2027: behind 2, on track or ahead 4.',
    );
    expect(s).toContain('| Objective | Baseline | Target | Deadline | Actual | Expected | Status |');
    // Counts whole, money to the penny, the unit once in the objective's name; en-GB dates.
    expect(s).toContain(
      '| Qualified demo requests per month from social media (demos) | 42 | **63** | 31/12/2027 | 49 | 49 | **On track** |',
    );
    expect(s).toContain(
      '| Cost per qualified demo from LinkedIn ads | £310 | **£232.50** | 30/09/2027 | £292.60 | £276.09 | **Behind** |',
    );
    expect(s).toContain('| LinkedIn page followers | 3,900 | **6,000** | 31/12/2027 | 4,660 | 4,490 | **Ahead** |');
    expect(s).toContain('| **No data** |');
    // The same figure, rounded the same way, as the review chapter gives it.
    expect(s).toContain(
      '- Cost per qualified demo from LinkedIn ads: 21.3 percentage points behind the planned progress. Tactics that serve it: Lead-gen form ads',
    );
    // Within the noise of the samples: level, not a rank; a closed channel is said to be closed.
    expect(s).toContain('- LinkedIn: level with CrewBoard at 1.47% per post. Ahead of Tradeflow.');
    expect(s).toContain('- YouTube: level with JobSheet Pro and Tradeflow at 2.08% per post.');
    expect(s).toContain('- X: we are closing this channel; CrewBoard is active there at 1.24% per post.');
    expect(s).toContain('- Facebook: JobSheet Pro leads at 1.33% per post; our own figure is not measured yet.');
    expect(s).toContain('- Budget: £95,240 a year, within the cap of £100,000 (95% used).');
    expect(s).toContain('- Next review: 27 May 2027.');
    expect(s).not.toMatch(/smplan|Europe\/|§/);
  });

  it('en without actuals: the plan only, and the first review', async () => {
    const s = await summary('fieldnote-software.yaml');
    expect(s).toContain('| Objective | Baseline | Target | Deadline |\n');
    expect(s).not.toContain('Standing on');
    expect(s).toContain('- Next review: 28 January 2027.');
  });

  it('nb: Norwegian terms and formats, red and green counted', async () => {
    const s = await summary('nordlys-bakeri.yaml', EXAMPLE_ACTUALS['nordlys-bakeri.yaml']);
    expect(s).toMatch(/^\n## Sammendrag\n/);
    expect(s).toContain(
      '6 SMART-delmål, første frist 30. april 2027. Status per 30. april 2027: bak planen 2, i rute eller foran 3.',
    );
    expect(s).toContain('| Delmål | Utgangsverdi | Målverdi | Frist | Faktisk | Forventet | Status |');
    // The channel is not named twice when the objective already says it.
    expect(s).toContain('| Følgere på Instagram | 4 800 | **6 500** | 31.12.2027 | 5 290 | 5 300 | **I rute** |');
    expect(s).toContain('| Annonsekostnad per forhåndsbestilling (Facebook) | 68 kr | **54,40 kr** |');
    expect(s).toContain(
      '- Forhåndsbestillinger per måned fra sosiale medier: 12,7 prosentpoeng bak planlagt fremdrift. Tiltak for dette delmålet: Story med «bestill til lørdag» hver torsdag, lenke med UTM; Annonser for forhåndsbestilling',
    );
    // Hours keep one decimal in the table as in the review chapter.
    expect(s).toContain(
      '| Median svartid på meldinger og kommentarer (timer) | 9 | **2** | 30.04.2027 | 2,5 | 2 | **Bak planen** |',
    );
    expect(s).toContain(
      '- Instagram: likt med Kanelsnurr Kafé, med 3,53 % per innlegg. Foran Dronningens Bakeri, Solsiden Surdeig og Bakehuset.',
    );
    expect(s).toContain('- Budsjett: 176 500 kr per år, innenfor rammen på 180 000 kr (98 % brukt).');
    expect(s).toContain('- Neste evaluering: 5. mai 2027.');
  });

  it('bg: Bulgarian terms and formats, an objective on track whose trend falls short (amber)', async () => {
    const s = await summary('rodopski-sklon.yaml', EXAMPLE_ACTUALS['rodopski-sklon.yaml']);
    expect(s).toMatch(/^\n## Резюме\n/);
    expect(s).toMatch(
      /6 SMART цели, първият краен срок е 31 май 2027\sг\. Състояние към 30 април 2027\sг\.: изостават 3, по план или изпреварват 3\. От тях 1 цел при сегашната тенденция няма да достигне целевата си стойност\./,
    );
    // On the curve today (67 of 67): the status says so (contract: on track); the trend of the
    // actuals misses the target, which makes it amber and is said with its figures.
    expect(s).toMatch(
      /\| Резервации за дегустации от социалните мрежи на месец \| 60 \| \*\*90\*\* \| 31\.10\.2027\sг\. \| 67 \| 67 \| \*\*По план засега\*\* \|/,
    );
    expect(s).toContain(
      '- Резервации за дегустации от социалните мрежи на месец: по план засега, но при сегашната тенденция – 87 резервации към крайния срок, под целевата стойност 90 резервации.\n',
    );
    expect(s).toContain(
      '- Последователи в Instagram: изоставане с 14,5 процентни пункта от планирания напредък. Действия за тази цел: Два reels седмично от лозето и избата, с английски субтитри; Сътрудничество',
    );
    // Hours: one decimal, as in the review chapter (9,4 ч), not 9,37.
    expect(s).toMatch(
      /\| Средно време за първи отговор на съобщения \(часове\) \| 30 \| \*\*4\*\* \| 31\.05\.2027\sг\. \| 11 \| 9,4 \| \*\*Изостава\*\* \|/,
    );
    expect(s).toContain('- Facebook: 1,23% на публикация, пред 1 от 2 конкуренти; води Мавруд Хаус с 1,87%.');
    expect(s).toMatch(/- Следващ преглед: 3 май 2027\sг\./);
  });

  it('bg document: the amber cell keeps its words and gets the amber colour; red and green too', async () => {
    const out = path.join(dir, 'rodopski-html');
    const r = await runCli([
      'render',
      path.join(EXAMPLES, 'rodopski-sklon.yaml'),
      '-o',
      out,
      '--html',
      ...EXAMPLE_ACTUALS['rodopski-sklon.yaml'],
    ]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(path.join(out, 'plan.html'), 'utf8');
    expect(html).toMatch(/<td class="status status-amber"><strong>По план засега<\/strong><\/td>/);
    // The review chapter gives the same status with its reason (a plain cell: a status cell does not wrap).
    expect(html).toContain(
      '<td><strong>По план засега</strong>; при тази тенденция ще изминем 89% от пътя до целта към крайния срок</td>',
    );
    expect(html).toMatch(/<td class="status status-red"><strong>Изостава<\/strong><\/td>/);
    expect(html).toMatch(/<td class="status status-green"><strong>Изпреварва<\/strong><\/td>/);
  });

  it('over the cap: what is cut, what it costs and which objectives it affects', async () => {
    const s = await summary('../test/fixtures/acceptance/kaffebar.yaml');
    expect(s).toContain(
      '- Budget: $42,548 a year is $2,548 over the cap of $40,000. Keeping the items that pay back fastest, we cut Photographer ($7,200).',
    );
  });

  it.each(['fieldnote-software.yaml', 'nordlys-bakeri.yaml', 'rodopski-sklon.yaml'])(
    '%s: no tool instructions, zone ids or method references in the client text',
    async (file) => {
      const out = path.join(dir, `clean-${file}`);
      const r = await runCli(['render', path.join(EXAMPLES, file), '-o', out]);
      expect(r.code, r.stderr).toBe(0);
      for (const name of readdirSync(out).filter((n) => n.endsWith('.md'))) {
        const text = readFileSync(path.join(out, name), 'utf8');
        expect(text, name).not.toMatch(/smplan|\b(Europe|America|Asia)\/[A-Z]|§\s*\d|method §/);
      }
    },
  );
});
