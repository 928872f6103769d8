import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { Asker, splitList } from '../../src/init/ask.js';
import { errorsFor, within } from '../../src/init/check.js';
import { documentText, planDocument, setSection } from '../../src/init/document.js';
import {
  currencies,
  nextMonthStart,
  oneYearFrom,
  placeDefaults,
  slugId,
  systemDefaults,
  timeZones,
  uniqueId,
} from '../../src/init/system.js';
import type { Finding } from '../../src/diagnostics.js';
import { scripted } from './scripted.js';

const TODAY = new Date(2026, 10, 23);
const resolved = (locale: string, timeZone = 'Europe/Oslo') =>
  ({ locale, timeZone }) as Intl.ResolvedDateTimeFormatOptions;

describe('defaults from the system locale', () => {
  it('maps the language to a plan locale and the region to a currency', () => {
    expect(systemDefaults(TODAY, resolved('nb-NO'))).toEqual({
      locale: 'nb',
      currency: 'NOK',
      timezone: 'Europe/Oslo',
      today: TODAY,
    });
    expect(systemDefaults(TODAY, resolved('no'))).toMatchObject({ locale: 'nb', currency: 'NOK' });
    expect(systemDefaults(TODAY, resolved('bg-BG', 'Europe/Sofia'))).toEqual({
      locale: 'bg',
      currency: 'EUR',
      timezone: 'Europe/Sofia',
      today: TODAY,
    });
    expect(systemDefaults(TODAY, resolved('en-US', 'America/New_York'))).toEqual({
      locale: 'en',
      currency: 'USD',
      timezone: 'America/New_York',
      today: TODAY,
    });
    expect(systemDefaults(TODAY, resolved('de-DE'))).toMatchObject({ locale: 'en', currency: 'EUR' });
    expect(systemDefaults(TODAY, resolved('en-GB'))).toMatchObject({ locale: 'en', currency: 'GBP' });
  });

  it("offers a plan in another language than the system's that language's currency and time zone", () => {
    const english = systemDefaults(TODAY, resolved('en-US', 'UTC'));
    expect(placeDefaults('nb', english)).toEqual({ currency: 'NOK', timezone: 'Europe/Oslo' });
    expect(placeDefaults('bg', english)).toEqual({ currency: 'EUR', timezone: 'Europe/Sofia' });
    expect(placeDefaults('en', english)).toEqual({ currency: 'USD', timezone: 'UTC' });
    // The system speaks the plan's language: its own settings win (a Norwegian in Stockholm).
    const norwegian = systemDefaults(TODAY, resolved('nb-SE', 'Europe/Stockholm'));
    expect(placeDefaults('nb', norwegian)).toEqual({ currency: 'SEK', timezone: 'Europe/Stockholm' });
  });

  it('starts the plan on the first of next month and runs it for one year', () => {
    expect(nextMonthStart(new Date(2026, 10, 23))).toBe('2026-12-01');
    expect(nextMonthStart(new Date(2026, 11, 31))).toBe('2027-01-01');
    expect(oneYearFrom('2027-01-01')).toBe('2027-12-31');
    expect(oneYearFrom('2026-12-01')).toBe('2027-11-30');
    expect(oneYearFrom('2028-03-01')).toBe('2029-02-28');
  });

  it('offers the preferred currency and time zone first', () => {
    expect(currencies('NOK').slice(0, 3)).toEqual(['NOK', 'EUR', 'USD']);
    expect(new Set(currencies('NOK')).size).toBe(currencies('NOK').length);
    expect(timeZones('Europe/Oslo')[0]).toBe('Europe/Oslo');
    expect(timeZones('Europe/Oslo').filter((z) => z === 'Europe/Oslo')).toHaveLength(1);
  });
});

describe('answers', () => {
  it('splits lists on semicolons and makes ids', () => {
    expect(splitList(' a; b ;; c ')).toEqual(['a', 'b', 'c']);
    expect(slugId('Brød & kaker på Torget!')).toBe('brod-kaker-pa-torget');
    expect(slugId('Познаваемост', 'goal')).toBe('goal');
    expect(uniqueId('awareness', ['awareness', 'awareness-2'])).toBe('awareness-3');
  });

  it('attributes lint findings to the field asked, or to anything outside the entry', () => {
    const f = (path: string, severity: Finding['severity'] = 'error'): Finding => ({
      file: 'p',
      line: 1,
      column: 1,
      rule: 'r',
      message: path,
      path,
      severity,
    });
    const findings = [
      f('objectives[1].target'),
      f('objectives[1].baseline'),
      f('objectives[10].target'),
      f('kpis[0].objective'),
      f('objectives[1].target', 'warning'),
    ];
    expect(errorsFor(findings, ['objectives', 1, 'target'], ['objectives', 1]).map((x) => x.message)).toEqual([
      'objectives[1].target',
      'objectives[10].target',
      'kpis[0].objective',
    ]);
    expect(within('channels[0].goals[1]', 'channels[0].goal')).toBe(false);
    expect(within('channels[0].goal', 'channels[0].goal')).toBe(true);
  });
});

describe('the written YAML', () => {
  it('quotes times and relative targets, keeps dates plain, and comments every section', () => {
    const text = documentText(
      planDocument({
        smplan: 1,
        goals: [{ id: 'g', statement: 'S', priority: 'primary' }],
        plan: {
          title: 'T',
          organization: 'O',
          locale: 'en',
          currency: 'EUR',
          timezone: 'UTC',
          start: '2027-01-01',
          end: '2027-12-31',
        },
        content: { slots: [{ channel: 'x', weekday: 'mon', time: '07:30' }] },
        objectives: [{ id: 'o', goal: 'g', metric: 'm', baseline: 1, target: '+50%', deadline: '2027-06-30' }],
      }),
    );
    expect(text).toContain('time: "07:30"');
    expect(text).toContain('target: "+50%"');
    expect(text).toContain('start: 2027-01-01\n');
    expect(text.match(/^[a-z]+:/gm)).toEqual(['smplan:', 'plan:', 'goals:', 'objectives:', 'content:']);
    for (const key of ['plan', 'goals', 'objectives', 'content'])
      expect(text).toMatch(new RegExp(`\\n# [^\\n]+\\n${key}:`));
  });

  it('replaces a section in place and removes one that is skipped', () => {
    const doc = parseDocument(
      'smplan: 1 # v1\nplan: {title: T}\n# mine\ngoals: []\ntools:\n  - name: A\n    purpose: other\n',
    );
    setSection(doc, 'goals', [{ id: 'g' }]);
    setSection(doc, 'tools', undefined);
    expect(documentText(doc)).toBe('smplan: 1 # v1\nplan: { title: T }\n# mine\ngoals:\n  - id: g\n');
  });
});

describe('typed-in answers', () => {
  const share = z.number().min(0).max(1, { error: 'at most 100 %' });

  it('reads numbers and percentages, and refuses what is not one with its own message', async () => {
    const prompts = scripted([
      [/^Followers/, ['', 'many', '1 200']],
      [/^Share/, ['%', '140', '40 %']],
      [/^Posts/, ''],
    ]);
    const ask = new Asker(prompts, () => {});
    expect(await ask.number('Followers?', {})).toBe(1200);
    expect(await ask.percent('Share', { schema: share, default: 0.25 })).toBe(0.4);
    expect(await ask.number('Posts?', { optional: true })).toBeUndefined();
    expect(prompts.refused).toEqual([
      'Followers? => a number is needed here',
      'Followers? => expected a number, e.g. 1,200 or 4.5',
      'Share, in %? => expected a percentage, e.g. 40 %',
      'Share, in %? => at most 100 %',
    ]);
  });

  it('reads every number prompt with the one reader, and asks back what could be read two ways (nb)', async () => {
    const prompts = scripted([
      [/^Baseline/, ['12,400']],
      [/^12,400: did you mean 12\u00a0400 or 12,4\?$/, ['12400']],
      [/^Target/, ['2 500', '+12,5 %', '2,500']],
      [/^2,500: did you mean/, ['2.5']],
      [/^Followers/, ['1 850', '2,500']],
    ]);
    const said: string[] = [];
    const ask = new Asker(prompts, (line) => said.push(line), 'nb');
    expect(await ask.number('Baseline?', {})).toBe(12400);
    expect(await ask.target('Target?', {})).toBe(2500);
    expect(await ask.target('Target?', {})).toBe('+12.5%');
    expect(await ask.target('Target?', {})).toBe(2.5);
    expect(await ask.number('Followers?', { schema: z.number().int() })).toBe(1850);
    // A whole count cannot be 2,5: the one reading left is taken and said back, not asked.
    expect(await ask.number('Followers?', { schema: z.number().int() })).toBe(2500);
    expect(said).toEqual(['  = 2\u00a0500']);
    expect(prompts.refused).toEqual([]);
    // In English a comma groups thousands: nothing to ask.
    const en = new Asker(scripted([[/^Baseline/, ['12,400']]]), () => {}, 'en');
    expect(await en.number('Baseline?', {})).toBe(12400);
  });

  it('reads dates and times as people type them, and asks back a date the locale reads two ways', async () => {
    const prompts = scripted([
      [/^Start/, ['1.3.2027', '01.03.27', '29.02.2028', '31.02.2028', 'mars', '01/03/2027']],
      [/^01\/03\/2027: did you mean 2027-03-01 or 2027-01-03\?$/, ['2027-01-03']],
      [/^Time/, ['7.30', '25.00', '19']],
    ]);
    const words: Record<string, string> = {
      'init.ask.not_a_date': 'skriv en dato, f.eks. {example}',
      'init.ask.not_a_time': 'skriv et klokkeslett, f.eks. {example}',
      'init.ask.which_date': '{text}: did you mean {first} or {second}?',
      'init.ask.no_such_day': 'den datoen finnes ikke i kalenderen',
    };
    const t = (key: string, params: Record<string, unknown> = {}) =>
      (words[key] ?? key).replace(/\{([a-z_]+)\}/g, (w, n: string) => String(params[n] ?? w));
    const nb = new Asker(prompts, () => {}, 'nb', t);
    expect(await nb.date('Start?')).toBe('2027-03-01');
    expect(await nb.date('Start?')).toBe('2027-03-01');
    // Suggested and then taken: never refused after reading it.
    expect(await nb.date('Start?')).toBe('2028-02-29');
    // 31.02.2028 and "mars" are refused in the interview's words; 01/03/2027 is asked back.
    expect(await nb.date('Start?')).toBe('2027-01-03');
    expect(await nb.time('Time?')).toBe('07:30');
    expect(await nb.time('Time?')).toBe('19:00');
    expect(prompts.refused).toEqual([
      'Start? => den datoen finnes ikke i kalenderen',
      'Start? => skriv en dato, f.eks. 31.3.2027',
      'Time? => skriv et klokkeslett, f.eks. 07:30',
    ]);
    // en-GB settles 01/03/2027 as 1 March; en-US as 3 January.
    const gb = new Asker(scripted([[/^Start/, ['01/03/2027']]]), () => {}, 'en', undefined, 'en-GB');
    expect(await gb.date('Start?')).toBe('2027-03-01');
    const us = new Asker(scripted([[/^Start/, ['01/03/2027']]]), () => {}, 'en', undefined, 'en-US');
    expect(await us.date('Start?')).toBe('2027-01-03');
    const bg = new Asker(scripted([[/^Start/, ['1.03.2027 г.']]]), () => {}, 'bg');
    expect(await bg.date('Start?')).toBe('2027-03-01');
  });

  it('asks back a percentage below 1: 0.4 % or 40 %?', async () => {
    const prompts = scripted([
      [/^Share/, ['0.4', '0,4']],
      [/^0\.4: did you mean 0\.4 % or 40 %\?$/, ['40 %']],
      [/^0,4: did you mean 0,4 % or 40 %\?$/, ['0,4 %']],
    ]);
    const ask = new Asker(prompts, () => {}, 'en');
    expect(await ask.percent('Share', { schema: share })).toBe(0.4);
    const nb = new Asker(prompts, () => {}, 'nb');
    expect(await nb.percent('Share', { schema: share })).toBe(0.004);
  });

  it('echoes the number as understood, in the plan language', async () => {
    const seen: ((v: string, s: { isFinal: boolean }) => string)[] = [];
    const prompts = scripted([
      [/^Baseline/, ['12 400,5']],
      [/^Share/, ['40']],
    ]);
    const input = prompts.input.bind(prompts);
    prompts.input = (c) => {
      if (c.transformer) seen.push(c.transformer);
      return input(c);
    };
    const nb = new Asker(prompts, () => {}, 'nb');
    await nb.number('Baseline?', {});
    await nb.percent('Share', { schema: share });
    expect(seen[0]!('12400,5', { isFinal: true })).toBe('12\u00a0400,5');
    expect(seen[0]!('12400,5', { isFinal: false })).toBe('12400,5');
    expect(seen[1]!('40', { isFinal: true })).toBe('40 %');
    expect(new Asker(prompts, () => {}, 'en').show(12400.5)).toBe('12,400.5');
  });

  it('trims text, runs the schema before the check, and leaves an optional field out when empty', async () => {
    const prompts = scripted([
      [/^Name/, ['', '  ', 'x'.repeat(6), ' taken ', ' Kari ']],
      [/^Occupation/, '  '],
    ]);
    const ask = new Asker(prompts, () => {});
    const name = z.string().max(5, { error: 'too long' });
    expect(
      await ask.required('Name?', { schema: name, check: (v) => (v === 'taken' ? 'already used' : undefined) }),
    ).toBe('Kari');
    expect(await ask.text('Occupation?', { optional: true })).toBeUndefined();
    expect(prompts.refused).toEqual([
      'Name? => an answer is needed here',
      'Name? => an answer is needed here',
      'Name? => too long',
      'Name? => already used',
    ]);
  });
});

describe('online times with weekdays', () => {
  it('reads days in en, nb or bg, ranges across the week end, and every day when none are given', async () => {
    const { parseOnlineTime, showOnlineTime } = await import('../../src/init/words.js');
    expect(parseOnlineTime('mon-fri 07:00-08:30')).toEqual({
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      from: '07:00',
      to: '08:30',
    });
    expect(parseOnlineTime('lør,søn 9:00–11:00')).toEqual({ days: ['sat', 'sun'], from: '09:00', to: '11:00' });
    expect(parseOnlineTime('пт-пн 21.00-23.30')).toEqual({
      days: ['mon', 'fri', 'sat', 'sun'],
      from: '21:00',
      to: '23:30',
    });
    expect(parseOnlineTime('21:00-22:30')).toEqual({ from: '21:00', to: '22:30' });
    expect(parseOnlineTime('man-søn 07:00-08:00')).toEqual({ from: '07:00', to: '08:00' });
    // Times as people type them: the hour alone, dots; every day in words.
    expect(parseOnlineTime('7-8')).toEqual({ from: '07:00', to: '08:00' });
    expect(parseOnlineTime('søn 20-22')).toEqual({ days: ['sun'], from: '20:00', to: '22:00' });
    expect(parseOnlineTime('hver dag 21:00-23:30')).toEqual({ from: '21:00', to: '23:30' });
    expect(parseOnlineTime('всеки ден 7.15-7.45')).toEqual({ from: '07:15', to: '07:45' });
    expect(parseOnlineTime('25-26')).toBeUndefined();
    expect(parseOnlineTime('weekdays 07:00-08:00')).toBeUndefined();
    expect(showOnlineTime({ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '07:00', to: '08:00' }, 'nb')).toBe(
      'man-fre 07:00-08:00',
    );
    expect(showOnlineTime({ days: ['sat', 'sun'], from: '09:00', to: '11:00' }, 'bg')).toBe('сб,нд 09:00-11:00');
    for (const text of ['tue,thu 12:00-13:00', 'wed-sun 18:00-19:00'])
      expect(showOnlineTime(parseOnlineTime(text)!, 'en')).toBe(text);
  });
});

describe('select lists', () => {
  it('keep their order from one question to the next, with the suggestion marked in the language and the cursor on it', async () => {
    const seen: { names: string[]; default: unknown; short: string | undefined }[] = [];
    const prompts = scripted([]);
    const select = prompts.select.bind(prompts);
    prompts.select = async (c) => {
      // The answer, once chosen, reads without the mark.
      const short = c.choices.find((x) => x.value === c.default)?.short;
      seen.push({ names: c.choices.map((x) => x.name ?? String(x.value)), default: c.default, short });
      return select(c);
    };
    const nb = (key: string) => (key === 'init.ask.suggested' ? '(foreslått)' : key);
    const ask = new Asker(prompts, () => {}, 'nb', nb);
    const kinds = [
      { value: 'sales', name: 'Salg' },
      { value: 'service', name: 'Kundeservice' },
      { value: 'leads', name: 'Leads' },
    ];
    expect(await ask.choose('Mål 1', kinds, 'sales')).toBe('sales');
    expect(await ask.choose('Mål 2', kinds, 'leads')).toBe('leads');
    expect(seen).toEqual([
      { names: ['Salg (foreslått)', 'Kundeservice', 'Leads'], default: 'sales', short: 'Salg' },
      { names: ['Salg', 'Kundeservice', 'Leads (foreslått)'], default: 'leads', short: 'Leads' },
    ]);
  });
});
