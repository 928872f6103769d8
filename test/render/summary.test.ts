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

describe('the executive summary is a decision page', () => {
  it('en with actuals: headline, strategy, status with the forecast shortfall, where we stand, investment, next steps', async () => {
    const s = await summary('fieldnote-software.yaml', EXAMPLE_ACTUALS['fieldnote-software.yaml']);
    expect(s).toMatch(/^\n## Executive summary\n/);
    // One generated headline: the measurement date, how many are behind, where the money goes (stated links only).
    expect(s).toContain(
      '**On 30 April 2027, 2 of 7 objectives are behind plan; the largest share of the budget, 44%, goes to LinkedIn ads (lead-gen forms and retargeting), which serves 2 objectives.**',
    );
    expect(s).toContain(
      '**The strategy in one sentence:** Fieldnote is the software made by people from the trade, for owners who want their evenings back:',
    );
    expect(s).toContain(
      '7 SMART objectives, the first deadline on 30 June 2027. Status on 30 April 2027: 2 behind, 4 on track or ahead, 1 without data. At the current trend, 2 objectives end short of their targets: Cost per qualified demo from LinkedIn ads and Members of the "Fieldnote Users" Facebook group.',
    );
    expect(s).toContain('| Objective | Baseline | Target | Deadline | Actual | Expected | Status |');
    // Counts whole, money to the penny, the unit once in the objective's name; en-GB dates.
    expect(s).toContain(
      '| Qualified demo requests per month from social media (demos) | 42 | **63** | 31/12/2027 | 49 | 49 | **On track** |',
    );
    expect(s).toContain(
      '| Cost per qualified demo from LinkedIn ads | £310 | **£232.50** | 30/09/2027 | £292.60 | £276.09 | **Behind** |',
    );
    expect(s).toContain('| **No data** |');
    // The same gap, rounded the same way, as the review chapter gives it; the chapter says what we do.
    expect(s).toContain(
      'Behind the planned progress: Cost per qualified demo from LinkedIn ads (21.3 percentage points); Members of the "Fieldnote Users" Facebook group (10.3 percentage points). What we do about them: [Follow-up and review](12-review.md).',
    );
    expect(s).toContain('### Channels and competitors');
    expect(s).toContain('### Investment\n\nBudget: £95,240 a year, within the cap of £100,000 (95% used).');
    expect(s).toContain(
      'By category: Advertising £48,000 (50%); Tools £11,540 (12%); Services £29,700 (31%); Staff £6,000 (6%).',
    );
    // With actuals the steps run from the measurement date: the next 90 days.
    expect(s).toContain('### The next 90 days\n\n- 22 June 2027: InstallerSHOW live (YouTube) – Callum Price');
    expect(s).toContain('**Next review: 27 May 2027.**');
    // Behind plan with nothing to cut or settle: the client still decides on what is behind.
    expect(s).toContain(
      "### What we need from you\n\n- Confirm the plan's tactics for the 2 objectives behind plan, or agree a change of course.",
    );
    expect(s).not.toContain('Adopt the plan');
    expect(s).not.toMatch(/smplan|Europe\/|§/);
  });

  it('en without actuals: the strongest channel in the headline, the first 90 days with owners, what we need', async () => {
    const s = await summary('fieldnote-software.yaml');
    expect(s).toContain(
      '**We are strongest against the field on LinkedIn and level with it on YouTube; the largest share of the budget, 44%, goes to',
    );
    expect(s).toContain('| Objective | Baseline | Target | Deadline |\n');
    expect(s).not.toContain('Status on');
    expect(s).toContain(
      "### The first 90 days\n\n- 1 January 2027: New Year's Day\n- 31 January 2027: Self Assessment tax deadline (LinkedIn and Facebook) – Callum Price and Aisha Rahman",
    );
    expect(s).toContain('### What we need from you\n\n- Adopt the plan as it stands: every part of it is decided.');
    expect(s).toContain('**Next review: 28 January 2027.**');
  });

  it('nb: Norwegian terms and formats, the status line and the forecast', async () => {
    const s = await summary('nordlys-bakeri.yaml', EXAMPLE_ACTUALS['nordlys-bakeri.yaml']);
    expect(s).toMatch(/^\n## Sammendrag\n/);
    expect(s).toContain(
      '**Per 30. april 2027 ligger 2 av 6 delmål bak planen; den største andelen av budsjettet, 37 %, går til Meta-annonser (Instagram og Facebook), forhåndsbestilling og møtemat, som skal bidra til 2 delmål.**',
    );
    // The 90 days after the measurement date, with the holidays the plan acts on; one secondary channel, singular.
    expect(s).toContain('- 17\\. mai 2027: Grunnlovsdagen (og 2. pinsedag) (Instagram, Facebook og TikTok) –');
    expect(s).toContain('Sekundærkanal: TikTok.');
    expect(s).toContain(
      '- Bekreft planens taktikker for de 2 delmålene som ligger bak planen, eller bli enige om en ny kurs.',
    );
    expect(s).toContain('**Strategien i én setning:** Nordlys er bakeriet der du møter bakerne');
    expect(s).toContain(
      '6 SMART-delmål, første frist 30. april 2027. Status per 30. april 2027: 2 bak planen, 3 i rute eller foran, 1 uten tall. Med dagens trend når 2 delmål ikke målene sine:',
    );
    expect(s).toContain('| Delmål | Utgangsverdi | Målverdi | Frist | Faktisk | Forventet | Status |');
    expect(s).toContain(
      '| Median svartid på meldinger og kommentarer (timer) | 9 | **2** | 30.04.2027 | 2,5 | 2 | **Bak planen** |',
    );
    expect(s).toContain(
      'Bak planlagt fremdrift: Forhåndsbestillinger per måned fra sosiale medier (12,7 prosentpoeng);',
    );
    expect(s).toContain(
      '- Instagram: likt med Kanelsnurr Kafé, med 3,53 % per innlegg. Foran Dronningens Bakeri, Solsiden Surdeig og Bakehuset.',
    );
    expect(s).toContain('### Investering\n\nBudsjett: 176 500 kr per år, innenfor rammen på 180 000 kr (98 % brukt).');
    expect(s).toContain('Per kategori: Annonsering 78 000 kr (44 %);');
    expect(s).toContain('**Neste evaluering: 5. mai 2027.**');
  });

  it('bg: Bulgarian terms and formats, no "0 без данни", no Germanic ordinals', async () => {
    const s = await summary('rodopski-sklon.yaml', EXAMPLE_ACTUALS['rodopski-sklon.yaml']);
    expect(s).toMatch(/^\n## Резюме\n/);
    expect(s).toMatch(
      /\*\*Към 30 април 2027\sг\. 3 от 6 цели изостават от плана; най-големият дял от бюджета, 53%, е за Реклами във Facebook и Instagram \(дегустации и магазин\) и обслужва 3 цели\.\*\*/,
    );
    expect(s).toMatch(
      /6 SMART цели, първият краен срок е 31 май 2027\sг\. Състояние към 30 април 2027\sг\.: 3 изостават, 3 по план или изпреварват\. При сегашната тенденция 3 цели няма да достигнат целевите си стойности:/,
    );
    // On the curve today (67 of 67): the status says so (contract: on track); the trend makes it amber.
    expect(s).toMatch(
      /\| Резервации за дегустации от социалните мрежи на месец \| 60 \| \*\*90\*\* \| 31\.10\.2027\sг\. \| 67 \| 67 \| \*\*По план засега\*\* \|/,
    );
    // Hours: one decimal, as in the review chapter (9,4 ч), not 9,37.
    expect(s).toMatch(
      /\| Средно време за първи отговор на съобщения \(часове\) \| 30 \| \*\*4\*\* \| 31\.05\.2027\sг\. \| 11 \| 9,4 \| \*\*Изостава\*\* \|/,
    );
    expect(s).toContain('Изостават от планирания напредък: Последователи в Instagram (14,5 процентни пункта);');
    expect(s).toContain('- Facebook: 1,23% на публикация, пред 1 от 2 конкурента; води Мавруд Хаус с 1,87%.');
    expect(s).toContain('По категории: Реклама 12 300 € (60%);');
    expect(s).toMatch(/### Следващите 90 дни\n\n- 2 май 2027\sг\.: Великден/);
    expect(s).toContain(
      '- Потвърдете тактиките по плана за 3-те цели, които изостават, или договорете промяна на курса.',
    );
    expect(s).not.toMatch(/\d\. място|0 без данни/);
    // 3 May 2027 is Easter Monday in Bulgaria: the session moves to the next working day.
    expect(s).toMatch(/\*\*Следващ преглед: 4 май 2027\sг\.\*\*/);
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

  it('over the cap: the total after the cuts, what stays unspent, and the cut and open points asked of the client', async () => {
    const s = await summary('../test/fixtures/acceptance/kaffebar.yaml');
    expect(s).toContain('**The largest investment is Instagram ads (51% of the budget).**');
    expect(s).toContain(
      'Budget: $42,548 a year is $2,548 over the cap of $40,000. Keeping the items that pay back fastest, we cut Photographer ($7,200). After the cuts: $35,348 a year, $4,652 unspent under the cap.',
    );
    expect(s).toContain('5 items are not yet linked to an objective.');
    expect(s).toContain(
      '### What we need from you\n\n- Approve the cut of Photographer ($7,200 a year), or raise the cap by $2,548.\n- Settle 14 open points: the situation analysis; the problem this strategy solves;',
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
