import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { run } from '../../src/cli/init.js';
import type { Io } from '../../src/cli/io.js';
import { asCLIError } from '../../src/cli/report.js';
import { documentText, planDocument } from '../../src/init/document.js';
import { draftPath } from '../../src/init/draft.js';
import { nextMonthStart, oneYearFrom } from '../../src/init/system.js';
import { readCheckedPlan } from '../../src/lint/check.js';
import { planJsonSchema, SCHEMA_ID } from '../../src/plan/json-schema.js';
import { METHOD_SECTIONS } from '../../src/plan/schema.js';
import { INTERRUPT, scripted, type Rule } from './scripted.js';
import { ACCEPTANCE, EXAMPLES } from '../helpers/cli.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'smplan-init-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function init(
  rules: Rule[],
  args: string[] = ['plan.yaml'],
  options: Record<string, unknown> = {},
  env: Record<string, string> = {},
) {
  const prompts = scripted(rules);
  let out = '';
  const io: Io = {
    stdout: {
      write: (s: string) => {
        out += s;
        return true;
      },
      isTTY: false,
    },
    stderr: {
      write: (s: string) => {
        out += s;
        return true;
      },
      isTTY: false,
    },
    stdinIsTTY: true,
    env: { NO_COLOR: '1', ...env },
    cwd: dir,
    debug: false,
  };
  const code = await run(args, options, io, prompts);
  return { code, out, prompts };
}

async function lintErrors(file: string) {
  const { findings } = await readCheckedPlan(file, { cwd: dir });
  return {
    errors: findings.filter((f) => f.severity === 'error'),
    warnings: findings.filter((f) => f.severity === 'warning'),
  };
}

/** A hurried newcomer: Enter everywhere, and the two answers that have no default. */
const HURRIED: Rule[] = [
  [/^Organisation/, 'Example'],
  [/stand today/, '100'],
];

describe('smplan init: a hurried walk', () => {
  // The defaults follow today's date: pin it (only Date is faked, so timers and I/O run as usual).
  afterEach(() => {
    vi.useRealTimers();
  });

  // A plan that spans two calendar years, one that is a calendar year, and a leap day. Local times:
  // the default start follows the user's own date, whatever the time zone (npm run test:dates).
  it.each([
    ['2026-11-15T12:00:00', '2026-12-01', '2027-11-30', '2026/27'],
    ['2026-12-01T09:00:00', '2027-01-01', '2027-12-31', '2027'],
    ['2026-12-31T23:30:00', '2027-01-01', '2027-12-31', '2027'],
    ['2028-02-29T12:00:00', '2028-03-01', '2029-02-28', '2028/29'],
  ])(
    'on %s takes the defaults and writes a commented plan that lints without errors',
    async (now, start, end, years) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(now));
      const { code, out, prompts } = await init(HURRIED);
      expect(code).toBe(0);
      const file = path.join(dir, 'plan.yaml');
      const text = await readFile(file, 'utf8');
      expect(prompts.refused).toEqual([]);
      expect((await lintErrors(file)).errors).toEqual([]);

      const lines = text.split('\n');
      expect(lines[0]).toBe('# yaml-language-server: $schema=plan.schema.json');
      expect(text).toMatch(/^smplan: 1$/m);
      expect(text.indexOf('smplan: 1')).toBeLessThan(text.indexOf('plan:'));
      // a comment above each section that was written
      for (const section of ['plan', 'goals', 'objectives']) {
        const at = lines.indexOf(`${section}:`);
        expect(lines[at - 1], section).toMatch(/^# /);
      }
      const data = parse(text);
      expect(nextMonthStart(new Date())).toBe(start);
      expect(oneYearFrom(start)).toBe(end);
      expect(data.plan).toMatchObject({ title: `Example social media strategy ${years}`, start, end });
      expect(text).toContain(`start: ${start}\n`); // a plain date, not quoted
      expect(data.goals).toEqual([
        { id: 'awareness', statement: 'Make more people know and like the brand', priority: 'primary' },
      ]);
      expect(data.objectives).toEqual([
        {
          id: 'awareness-followers',
          goal: 'awareness',
          metric: 'followers',
          baseline: 100,
          target: '+20%',
          deadline: end,
          curve: 'linear',
        },
      ]);
      expect(text).toContain('target: "+20%"');
      // optional sections were offered and skipped
      expect(prompts.asked).toContain('List your competitors now (the method asks for 3-5)? (Enter skips)');
      expect(Object.keys(data)).toEqual(['smplan', 'plan', 'goals', 'objectives']);
      // closing summary: what is open, what to run next
      expect(out).toContain('Not done yet');
      expect(out).toMatch(/research at least 3|competitors/);
      expect(out).toContain(`smplan render plan.yaml --all`);
      // no draft left behind
      expect(existsSync(draftPath(file))).toBe(false);
    },
  );

  it('writes plan.schema.json beside the plan: the editor checks it offline, with a description for every field', async () => {
    const { code, out } = await init(HURRIED, ['plan.yaml'], { minimal: true });
    expect(code).toBe(0);
    expect(out).toContain('Wrote plan.schema.json beside it');
    const schema = JSON.parse(await readFile(path.join(dir, 'plan.schema.json'), 'utf8')) as Record<string, unknown>;
    expect(schema).toEqual(planJsonSchema());
    // What yaml-language-server does with it: a JSON Schema validator, here ajv (draft-07), no network.
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    const plan = parse(await readFile(path.join(dir, 'plan.yaml'), 'utf8')) as Record<string, unknown>;
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...plan, plan: { ...(plan.plan as object), locale: 'de' } })).toBe(false);
  });

  it('refreshes its own older plan.schema.json but leaves a foreign one alone', async () => {
    await writeFile(path.join(dir, 'plan.schema.json'), JSON.stringify({ $id: SCHEMA_ID, old: true }));
    await init(HURRIED, ['plan.yaml'], { minimal: true });
    expect(JSON.parse(await readFile(path.join(dir, 'plan.schema.json'), 'utf8'))).toEqual(planJsonSchema());
    await rm(path.join(dir, 'plan.yaml'));
    await writeFile(path.join(dir, 'plan.schema.json'), '{"title": "mine"}');
    const { code, out } = await init(HURRIED, ['plan.yaml'], { minimal: true });
    expect(code).toBe(0);
    expect(await readFile(path.join(dir, 'plan.schema.json'), 'utf8')).toBe('{"title": "mine"}');
    expect(out).toContain("Left plan.schema.json as it was: it is not smplan's schema");
  });

  it('--minimal asks only plan, goals and objectives', async () => {
    const { code, prompts } = await init(HURRIED, ['plan.yaml'], { minimal: true });
    expect(code).toBe(0);
    expect(prompts.asked.some((q) => /competitors now|personas now|Set the budget|SWOT/.test(q))).toBe(false);
    const data = parse(await readFile(path.join(dir, 'plan.yaml'), 'utf8'));
    expect(Object.keys(data)).toEqual(['smplan', 'plan', 'goals', 'objectives']);
  });
});

/** Every section answered, with mistakes on the way that the interview must refuse. */
const FULL: Rule[] = [
  [/^Organisation/, 'Nordlys Bakeri'],
  [/^Language/, 'nb'],
  [/^Currency/, 'NOK'],
  [/^Time zone/, 'Europe/Oslo'],
  [/^First day/, ['2027-02-30', '2027-01-01']],
  [/^Last day/, ['2026-12-01', '']],
  [/^The problem/, 'Few people know we bake on site'],
  [/^Describe who you are/, 'y'],
  [/^Who are you/, 'A family bakery in Trondheim'],
  [/^What do you offer/, 'Bread; cakes; coffee'],
  [/resources \(people/, 'limited'],
  [/^Resources in a few/, 'Two bakers, five hours a week'],
  [/^What is said/, 'Loved on Google, quiet on Instagram'],
  [/^Add a past campaign/, 'y'],
  [/^What was done/, 'Summer market stand'],
  [/^Where \(channels/, 'Torget'],
  [/^With what result/, 'Sold out every Saturday'],
  [/^Note the demographic/, 'y'],
  [/^Demographic/, 'Young families move in'],
  [/^Technological/, 'Instagram shopping'],
  [/^The competitive landscape/, 'Two chains and one other craft bakery'],
  [/^Fill in the SWOT/, 'y'],
  [/^Strengths/, 'Real sourdough; a known name'],
  [/^Weaknesses/, 'Small team'],
  [/^Opportunities/, 'Tourists'],
  [/^Threats/, 'Supermarket bakeries'],
  [/^Add an existing profile/, 'y'],
  [/^Which network is the profile/, 'facebook'],
  [/^Profile name/, 'facebook.com/nordlys'],
  [/^Decision/, 'take-over'],
  [/^Who is responsible/, 'Kari'],
  [/^Who holds the login/, 'Ola'],
  [/^Which e-mail/, 'post@nordlys.example'],
  [/^Goal \d/, ['awareness', 'loyalty']],
  [/^Add another goal/, 'y'],
  [/^Short id for it \(used by objectives/, ['', 'awareness', '']],
  [/^Departments/, 'marketing; sales'],
  [/^Objective \d/, ['awareness', 'loyalty']],
  [/^What is counted/, ['followers', 'loyalty sign-ups']],
  [/^On which channel is it counted/, ['instagram', '']],
  [/stand today/, ['2000', '0']],
  [/^Target/, ['3000', '+50%', '300']],
  [/^Deadline/, ['2028-03-01', '2027-06-30', '']],
  [/^How does it grow/, ['compound', 'compound', 'linear']],
  [/analytics tool/, ['Meta Business Suite', 'Google Analytics']],
  [/^Add another objective/, 'y'],
  [/^Describe your personas/, 'y'],
  [/^Persona \d/, 'Busy parent Kari'],
  [/^Age or age range/, '35-44'],
  [/^Occupation/, 'Nurse'],
  [/^Pains/, 'No time in the morning; queues'],
  [/^Motivations/, 'Fresh bread for the kids'],
  [/^Which networks do they use/, [['instagram', 'facebook']]],
  [/^Share of their online time/, ['30', '80', '']],
  [/^When are they online/, ['mornings 7-8', '7:00-8:00; 21:00-22:30']],
  [/^List your competitors/, 'y'],
  [/^Competitor \d: name/, ['Baker Hansen', 'Bakehuset']],
  [/^Network \d of/, ['instagram', 'facebook', 'instagram']],
  [/^Followers of/, ['0', '12000', '3000', '800']],
  [/^Posts per week \(Enter/, ['5']],
  [/^How do you give/, ['', 'CSV', '']],
  [/^How many posts did you sample/, ['25', '10']],
  [/^Likes on those/, ['3000', '100']],
  [/^Comments, in total/, ['210', '5']],
  [/^Shares \(reposts/, ['90', '2']],
  [/^Path of the CSV/, ['missing.csv', 'data/hansen-facebook.csv']],
  [/^Add another network for Baker/, 'y'],
  [/^Add another competitor/, 'y'],
  [/^Where can you do better/, 'Sourdough education'],
  [/^Write your social positioning/, 'y'],
  [/^Your positioning/, 'Bread with a story, told by the bakers'],
  [/^How do you sound/, 'Warm and a little nerdy'],
  [/^Choose your channels/, 'y'],
  [/^Which channels will you be on/, [['facebook'], ['instagram', 'facebook']]],
  [/^Who runs/, ['Kari', 'Ola']],
  [/^Plan your content/, 'y'],
  [/^Add a content pillar/, 'y'],
  [/^Pillar \d: theme/, ['Behind the ovens', 'Offers']],
  [/^Share of all posts/, ['70', '']],
  [/^Add another content pillar/, 'y'],
  [/^Add a publishing slot/, 'y'],
  [/^Slot \d: channel/, ['instagram', 'facebook']],
  [/^Weekday/, ['tue', 'sat']],
  [/^Local time/, ['7:30', '25:00', '18:00']],
  [/^Pillar\?/, ['behind-the-ovens', '']],
  [/^Add another publishing slot/, 'y'],
  [/^Define the KPIs/, 'y'],
  [/^Set the budget/, 'y'],
  [/^Yearly budget cap/, '50000'],
  [/^Add a budget item/, 'y'],
  [/^Item \d: what/, ['Meta ads', 'Launch video']],
  [/^Category/, ['', 'service']],
  [/^Is the cost per/, ['', 'once']],
  [/^Cost per/, ['-5', '1500', '5000']],
  [/^Add another budget item/, 'y'],
  [/^Describe the team/, 'y'],
  [/^Role \d: title/, 'Community manager'],
  [/^Who has it/, 'Kari'],
  [/^Add a recurring task/, 'y'],
  [/^Task \d/, 'Answer comments'],
  [/^How often\?/, 'daily'],
  [/^Write the crisis handbook/, 'y'],
  [/^What would trigger/, 'A viral complaint; a food safety issue'],
  [/^What does a/, ['A complaint spreads beyond our followers', 'Press or authorities ask']],
  [/^Who approves what/, ['', 'Ola']],
  [/^Answer within/, ['2', '1']],
  [/^Add another severity level/, 'y'],
  [/^Schedule the review/, 'y'],
  [/^Date of the first session/, '2027-01-29'],
  [/^List the tools/, 'y'],
  [/^Tool \d: name/, 'Buffer'],
];

describe('smplan init: every section', () => {
  it('refuses wrong answers at the prompt with the lint messages, and writes a plan that lints and round-trips', async () => {
    await mkdir(path.join(dir, 'data'));
    await writeFile(path.join(dir, 'data/hansen-facebook.csv'), 'likes,comments,shares\n40,3,1\n25,0,2\n');
    const { code, out, prompts } = await init(FULL);
    expect(code, out).toBe(0);
    const refused = prompts.refused.join('\n');
    expect(refused).toContain('First day of the plan (YYYY-MM-DD)? => no such date in the calendar');
    expect(refused).toMatch(/Last day .* => the plan ends \(2026-12-01\) before or on the day it starts/);
    expect(refused).toContain('Short id for it (used by objectives)? => `awareness` is already used');
    expect(refused).toMatch(/a change \(\+50%\) of a baseline of 0 cannot be computed/);
    expect(refused).toMatch(/Deadline .* => the deadline of instagram-followers is outside the plan period/);
    expect(refused).toMatch(
      /Share of their online time on instagram, in %\? => the shares would add up to more than 100 %/,
    );
    expect(refused).toMatch(/When are they online .* "mornings 7-8" is not a time span/);
    expect(refused).toMatch(/Followers of .* => must be at least 1/);
    expect(refused).toMatch(/Path of the CSV.* => missing.csv: no such file/);
    expect(refused).toMatch(
      /Which channels will you be on.* => SMART objectives: instagram-followers: `instagram` is not listed under Channels/,
    );
    expect(refused).toMatch(/Local time .* => expected a time of day \(24-hour\), e.g. 07:30/);
    expect(refused).toMatch(/Cost per month.* => cannot be negative/);
    // a compound curve on a zero baseline is refused at the select, then linear is taken
    expect(out).toContain('a compound curve needs a baseline above 0');
    // every section begins with its one-line why
    expect(out).toContain('the first of the three common mistakes, putting the cart before the horse');
    // a warning within a finished entry is shown as a note on it, once
    expect(out.match(/Note: Competitors: [^:\n]+, facebook: the sample is not the last 20–30 posts/g)).toHaveLength(1);

    const file = path.join(dir, 'plan.yaml');
    const text = await readFile(file, 'utf8');
    const { errors } = await lintErrors(file);
    expect(errors).toEqual([]);
    const data = parse(text);
    expect(Object.keys(data)).toEqual(['smplan', ...METHOD_SECTIONS]);
    expect(data.plan).toMatchObject({
      locale: 'nb',
      currency: 'NOK',
      timezone: 'Europe/Oslo',
      start: '2027-01-01',
      end: '2027-12-31',
      // locale nb: the default title is Norwegian
      title: 'Strategi for sosiale medier 2027 – Nordlys Bakeri',
    });
    expect(data.situation.swot.strengths).toEqual(['Real sourdough', 'a known name']);
    expect(data.situation.channel_audit[0]).toMatchObject({
      channel: 'facebook',
      decision: 'take-over',
      login_holder: 'Ola',
    });
    expect(data.goals.map((g: { id: string; priority: string }) => [g.id, g.priority])).toEqual([
      ['awareness', 'primary'],
      ['loyalty', 'primary'],
    ]);
    expect(data.objectives[0]).toMatchObject({
      id: 'instagram-followers',
      channel: 'instagram',
      baseline: 2000,
      target: 3000,
      deadline: '2027-06-30',
      curve: 'compound',
    });
    expect(data.objectives[1]).toMatchObject({
      goal: 'loyalty',
      baseline: 0,
      target: 300,
      deadline: '2027-12-31',
      curve: 'linear',
    });
    expect(data.audience.personas[0].channels).toEqual([
      { channel: 'facebook', share: 0.3 },
      { channel: 'instagram', share: 0.7 },
    ]);
    expect(data.audience.personas[0].online_times).toEqual([
      { from: '07:00', to: '08:00' },
      { from: '21:00', to: '22:30' },
    ]);
    expect(data.competitors[0].channels[0]).toEqual({
      channel: 'instagram',
      followers: 12000,
      posts_per_week: 5,
      sample: { posts: 25, likes: 3000, comments: 210, shares: 90 },
    });
    expect(data.competitors[0].channels[1]).toEqual({
      channel: 'facebook',
      followers: 3000,
      posts_csv: 'data/hansen-facebook.csv',
    });
    expect(data.channels.map((c: { id: string; role: string }) => [c.id, c.role])).toEqual([
      ['instagram', 'primary'],
      ['facebook', 'primary'],
    ]);
    expect(data.content.pillars.map((p: { share: number }) => p.share)).toEqual([0.7, 0.3]);
    expect(data.content.slots[0]).toEqual({
      channel: 'instagram',
      weekday: 'tue',
      time: '07:30',
      pillar: 'behind-the-ovens',
      // Enter: the persona reached on the channel, and the first goal
      persona: 'busy-parent-kari',
      goal: 'awareness',
    });
    expect(text).toContain('time: "07:30"');
    expect(data.kpis.map((k: { objective: string }) => k.objective)).toEqual([
      'instagram-followers',
      'loyalty-sign-ups',
    ]);
    expect(data.budget.items[1]).toEqual({
      name: 'Launch video',
      category: 'service',
      cost: 5000,
      per: 'once',
      roi: 'medium',
    });
    expect(data.team.tasks[0]).toEqual({
      task: 'Answer comments',
      kind: 'community',
      owner: 'community-manager',
      cadence: 'daily',
    });
    expect(data.crisis.levels.map((l: { level: string; approver: string }) => [l.level, l.approver])).toEqual([
      ['green', 'Kari'],
      ['yellow', 'Ola'],
    ]);
    // The weekday asked after the first session defaults to its own (29 January 2027 is a Friday).
    expect(data.review).toEqual({ cadence: 'monthly', participants: ['Kari'], first: '2027-01-29', weekday: 'fri' });
    expect(data.tools).toEqual([{ name: 'Buffer', purpose: 'scheduling' }]);

    // Round trip: the loaded plan written again gives the very same file.
    const loaded = (await readCheckedPlan(file, { cwd: dir })).loaded!;
    expect(loaded.plan).toEqual(data);
    expect(documentText(planDocument(loaded.plan as never))).toBe(text);
  });
});

describe('smplan init: never loses work', () => {
  it('Ctrl-C leaves no plan, keeps the finished sections in a draft, and --resume continues from there', async () => {
    const file = path.join(dir, 'plan.yaml');
    const first = await init([
      [/^Organisation/, 'Example'],
      [/^Objective \d/, INTERRUPT],
    ]);
    expect(first.code).toBe(130);
    expect(first.out).toContain('Interrupted: plan.yaml was not written');
    expect(existsSync(file)).toBe(false);
    const draft = parse(await readFile(draftPath(file), 'utf8'));
    expect(draft.done).toEqual(['plan', 'situation', 'audience', 'goals']);
    expect(draft.plan.plan.organization).toBe('Example');

    const second = await init([[/stand today/, '100']], ['plan.yaml'], { resume: true });
    expect(second.code, second.out).toBe(0);
    expect(second.prompts.asked.some((q) => q.startsWith('Organisation'))).toBe(false);
    expect(parse(await readFile(file, 'utf8')).plan.organization).toBe('Example');
    expect(existsSync(draftPath(file))).toBe(false);
  });

  it('Ctrl-C in the middle of a section keeps its answers so far: they are the defaults on --resume', async () => {
    const file = path.join(dir, 'plan.yaml');
    const first = await init([
      [/^Organisation/, 'Example'],
      [/stand today/, '4 321'],
      [/^Target/, INTERRUPT],
    ]);
    expect(first.code).toBe(130);
    expect(first.out).toContain('and the answers of the one in progress, are saved');
    const draft = parse(await readFile(draftPath(file), 'utf8'));
    expect(draft.done).toEqual(['plan', 'situation', 'audience', 'goals']);
    expect(draft.partial.section).toBe('objectives');
    expect(draft.partial.answers['Where does it stand today (the baseline for followers)?']).toBe('4 321');

    // Enter everywhere: the baseline typed before Ctrl-C comes back as the default.
    const second = await init([], ['plan.yaml'], { resume: true });
    expect(second.code, second.out).toBe(0);
    expect(parse(await readFile(file, 'utf8')).objectives[0].baseline).toBe(4321);
  });

  it('offers to resume a saved interview when run without --resume', async () => {
    await init([
      [/^Organisation/, 'Drafted'],
      [/^Goal \d/, INTERRUPT],
    ]);
    const again = await init([[/stand today/, '5']]);
    expect(again.prompts.asked[0]).toMatch(
      /^An unfinished interview for plan.yaml was saved \(sections done: plan, situation, audience\)\. Resume it\?/,
    );
    expect(parse(await readFile(path.join(dir, 'plan.yaml'), 'utf8')).plan.organization).toBe('Drafted');
  });

  it('does not overwrite an existing file unless told to (default no)', async () => {
    const file = path.join(dir, 'plan.yaml');
    await writeFile(file, '# mine\n');
    const declined = await init(HURRIED);
    expect(declined.code).toBe(0);
    expect(declined.prompts.asked[0]).toBe(
      'plan.yaml exists. Replace it with the new plan when the interview is done?',
    );
    expect(declined.prompts.asked).toHaveLength(1);
    expect(await readFile(file, 'utf8')).toBe('# mine\n');

    const accepted = await init([...HURRIED, [/exists\. Replace it/, 'y']]);
    expect(accepted.code).toBe(0);
    expect(await readFile(file, 'utf8')).toContain('smplan: 1');
  });

  it('asks about an existing file in the interview language, with its own yes and no (j/N)', async () => {
    await writeFile(path.join(dir, 'plan.yaml'), '# mine\n');
    const declined = await init([], ['plan.yaml'], { lang: 'nb' });
    expect(declined.code).toBe(0);
    expect(declined.prompts.asked).toEqual([
      'plan.yaml finnes allerede. Skal den erstattes med den nye planen når intervjuet er ferdig?',
    ]);
    expect(declined.prompts.answerWords).toEqual(['Ja/Nei']);
    expect(declined.out).toContain('Lot plan.yaml være som den var.');
  });

  it('without a terminal exits 2 at once, writes nothing, and says what to do instead', async () => {
    let err = '';
    const io: Io = {
      stdout: { write: () => true },
      stderr: {
        write: (s: string) => {
          err += s;
          return true;
        },
      },
      stdinIsTTY: false,
      env: {},
      cwd: dir,
      debug: false,
    };
    const { main } = await import('../../src/cli/main.js');
    expect(await main(['init', 'plan.yaml'], io)).toBe(2);
    expect(existsSync(path.join(dir, 'plan.yaml'))).toBe(false);
    expect(err).toContain('smplan schema');
    expect(err).toContain('examples/');
  });
});

describe('smplan init: where you are and a way back', () => {
  it("heads each section with section n of m, and redoes or goes back one at a section's end", async () => {
    const { code, out, prompts } = await init(
      [
        ...HURRIED,
        // goals: redo once; objectives: go back one (to goals), then keep both.
        [/^Business goals: done\. Go on\?/, ['redo', 'keep', 'keep']],
        [/^SMART objectives: done\. Go on\?/, ['back', 'keep']],
      ],
      ['plan.yaml'],
      { minimal: true },
    );
    expect(code, out).toBe(0);
    expect(out).toMatch(/── The plan ── section 1 of 3/);
    expect(out).toMatch(/── Business goals ── section 2 of 3/);
    expect(out).toMatch(/── SMART objectives ── section 3 of 3/);
    const heads = out.match(/── [^─]+ ── section \d of 3/g)!;
    // plan, goals, goals again (redo), objectives, goals (back), objectives.
    expect(heads.map((h) => h.replace(/ section.*/, ''))).toEqual([
      '── The plan ──',
      '── Business goals ──',
      '── Business goals ──',
      '── SMART objectives ──',
      '── Business goals ──',
      '── SMART objectives ──',
    ]);
    // The first section has no way back.
    expect(prompts.asked.filter((q) => /: done\. Go on\?$/.test(q))).toHaveLength(6);
    expect(parse(await readFile(path.join(dir, 'plan.yaml'), 'utf8')).plan.organization).toBe('Example');
  });
});

describe('smplan init --section', () => {
  const fixture = ACCEPTANCE;

  async function copyFixture(): Promise<string> {
    await mkdir(path.join(dir, 'data'));
    await writeFile(
      path.join(dir, 'data/harbor-roasters-instagram.csv'),
      await readFile(path.join(fixture, 'data/harbor-roasters-instagram.csv')),
    );
    const text = (await readFile(path.join(fixture, 'kaffebar.yaml'), 'utf8'))
      .replace('goals:\n', '# our own note above the goals\ngoals:\n')
      .replace('  - name: Harbor Roasters\n', '  # checked in March\n  - name: Harbor Roasters # the closest\n');
    await writeFile(path.join(dir, 'plan.yaml'), text);
    return text;
  }

  it('redoes one section with its answers as defaults, keeping the other sections and every comment', async () => {
    const before = await copyFixture();
    const { code, out, prompts } = await init(
      [[/^The goal in one sentence/, ['Be the first thought for coffee in the neighbourhood', '']]],
      ['plan.yaml'],
      { section: 'goals' },
    );
    expect(code, out).toBe(0);
    // no "skip this section?" question: each goal's kind, then the old goals offered
    expect(prompts.asked[0]).toMatch(/^Goal 1: /);
    expect(prompts.asked[1]).toBe('The goal in one sentence?');
    const after = await readFile(path.join(dir, 'plan.yaml'), 'utf8');
    expect(after).toContain('# our own note above the goals\ngoals:\n');
    expect(after).toContain('  # checked in March\n  - name: Harbor Roasters # the closest\n');
    expect(after.startsWith('# Public acceptance fixture')).toBe(true);
    const [a, b] = [parse(before), parse(after)];
    expect(b.goals).toEqual([
      { ...a.goals[0], statement: 'Be the first thought for coffee in the neighbourhood' },
      a.goals[1],
    ]);
    for (const key of Object.keys(a).filter((k) => k !== 'goals')) expect(b[key], key).toEqual(a[key]);
    // everything outside the goals section is the same text
    const tail = (t: string) => t.slice(t.indexOf('objectives:'));
    expect(tail(after)).toBe(tail(before));
    expect((await lintErrors(path.join(dir, 'plan.yaml'))).errors).toEqual([]);
  });

  it('keeps every byte outside the section, and the comments of entries that survive inside it', async () => {
    const base = await copyFixture();
    // Comments with spacing of their own, outside the section and inside it.
    const before = base
      .replace('goals:\n', 'goals:   # two goals at most\n')
      .replace(/^(objectives:\n)/m, '$1  # checked with the owner   (March)\n')
      .replace(/^(competitors:\n)/m, '# the research, 2026\n$1')
      .replace('        followers: 9400\n', '        followers: 9400      # March\n');
    expect(before).toContain('9400      # March');
    await writeFile(path.join(dir, 'plan.yaml'), before);
    const { code, out } = await init(
      [[/^The goal in one sentence/, ['Be the first thought for coffee in the neighbourhood', '']]],
      ['plan.yaml'],
      { section: 'goals' },
    );
    expect(code, out).toBe(0);
    const after = await readFile(path.join(dir, 'plan.yaml'), 'utf8');
    const [start, end] = [before.indexOf('goals:'), before.indexOf('objectives:')];
    // Byte for byte before the section and from the next one on.
    expect(after.slice(0, start)).toBe(before.slice(0, start));
    expect(after.slice(after.indexOf('objectives:'))).toBe(before.slice(end));
    expect(after).toContain('# checked with the owner   (March)');
    // The comment on the key of the section redone survives (its entry does).
    expect(after).toContain('# two goals at most');
  });

  it('adds a missing section at its place in the method order, with its comment', async () => {
    await copyFixture();
    const { code } = await init([[/^Who takes part/, 'Owner; Barista lead']], ['plan.yaml'], { section: 'review' });
    expect(code).toBe(0);
    const after = await readFile(path.join(dir, 'plan.yaml'), 'utf8');
    expect(Object.keys(parse(after))).toEqual([
      'smplan',
      'plan',
      'goals',
      'objectives',
      'competitors',
      'content',
      'budget',
      'review',
    ]);
    expect(after).toMatch(
      /# Follow-up \(method §12\)[^\n]*\nreview:\n {2}cadence: monthly\n {2}participants:\n {4}- Owner\n {4}- Barista lead\n$/,
    );
  });

  it('refuses an unknown section and a missing file with exit 2', async () => {
    await expect(init([], ['plan.yaml'], { section: 'goalz' })).rejects.toThrow(
      /unknown section "goalz"; one of: plan, situation/,
    );
    const missing = await init([], ['nope.yaml'], { section: 'goals' }).catch((x: unknown) => x);
    expect(asCLIError(missing)).toMatchObject({ exitCode: 2, message: 'nope.yaml: cannot read: no such file' });
  });
});

describe('smplan init: where it writes', () => {
  it('refuses a missing folder or a folder as the file before asking anything (exit 2)', async () => {
    await expect(init(HURRIED, ['no/such/plan.yaml'])).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('does not exist'),
    });
    await mkdir(path.join(dir, 'plan.yaml'));
    await expect(init(HURRIED, ['plan.yaml'])).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('it is a folder'),
    });
  });
});

const thrice = (answer: string) => [answer, answer, answer];

/** A consultant who answers every question, in Norwegian (`--lang nb`), for a plan in nb. */
const NORWEGIAN: Rule[] = [
  [/^Virksomhet/, 'Nordlys Bakeri'],
  [/^Språk/, 'nb'],
  [/^Valuta/, 'NOK'],
  [/^Tidssone/, 'Europe/Oslo'],
  [/^Første dag/, '2027-01-01'],
  [/^Problemet/, 'Småbarnsforeldrene i bydelen kjenner oss ikke og handler brød i kjedene.'],
  [/^Virksomhetens overordnede mål/, '20 % mer omsetning i 2027'],
  [/^Beskrive hvem dere er/, 'y'],
  [/^Hvem er dere/, 'Et håndverksbakeri på Møhlenpris i Bergen.'],
  [/^Hva tilbyr dere/, 'Surdeigsbrød; bakst; kaffe'],
  [/^Er ressursene/, 'limited'],
  [/^Ressursene med noen/, 'To bakere, fem timer i uka til sosiale medier'],
  [/^Hva blir sagt/, 'Godt likt på Google, stille på Instagram'],
  [/^Notere demografiske/, 'y'],
  [
    /faktorer\?/,
    ['Flere barnefamilier', 'Høye matpriser', 'Bestilling i appen', 'Nye merkeregler', 'Surdeig er i tiden'],
  ],
  [/^Konkurransesituasjonen/, 'To kjeder og ett annet håndverksbakeri i bydelen'],
  [/^Fylle ut SWOT/, 'y'],
  [/^Styrker/, 'Ekte surdeig'],
  [/^Svakheter/, 'Lite team'],
  [/^Muligheter/, 'Turister om sommeren'],
  [/^Trusler/, 'Bakeriene i butikkjedene'],
  [/^Legge til en eksisterende profil/, 'y'],
  [/^Hvilket nettverk er profilen/, 'facebook'],
  [/^Profilnavn/, 'facebook.com/nordlysbakeri'],
  [/^Hva har fungert/, 'Bilder av morgenbaksten'],
  [/^Hva har ikke fungert/, 'Lange tekster om tilbud'],
  [/^Hvorfor, så langt/, 'Folk blar forbi reklame'],
  [/^Hvem har ansvaret for den/, 'Kari'],
  [/^Legge til en person med siderolle/, 'y'],
  [/^Hvem har rollen \(et navn\)/, ['Kari', 'Ola']],
  [/^Hvilken rolle har/, ['admin', 'editor']],
  [/^Legge til enda en person med siderolle/, ['y', '']],
  [/^Hvilken e-postadresse/, 'post@nordlys.example'],
  [/^Beskrive personasene/, 'y'],
  [/^Persona \d/, 'Småbarnsmor Kari'],
  [/^Alder/, '30-39'],
  [/^Yrke/, 'Sykepleier'],
  [/^Inntektsnivå/, 'Middels'],
  [/^Smertepunkter/, 'Lite tid om morgenen'],
  [/^Hindringer/, 'Kjedene ligger nærmere'],
  [/^Motivasjon/, 'Godt brød til barna'],
  [/^Interesser/, 'Turer; matlaging'],
  [/^Hva liker de\?/, 'Ærlige råvarer'],
  [/^Hva liker de ikke/, 'Mas og kampanjer'],
  [/^Innvendinger/, 'Dyrt'],
  [/^Hvilke nettverk bruker de/, [['instagram', 'facebook']]],
  [/^Andel av tiden på nett på facebook/, '30'],
  [/^Andel av tiden på nett på instagram/, '60'],
  [/^Når er de på nett/, 'man-fre 07:00-08:00; lør,søn 09:00-11:00'],
  [/^Forretningsmål \d/, 'awareness'],
  [/^Avdelinger/, 'marked'],
  [/^Delmål \d/, 'awareness'],
  [/^I hvilken kanal telles det/, 'instagram'],
  [/^Hvor står det i dag/, '4800'],
  [/^Målverdi/, '+30%'],
  [/^Hvilket analyseverktøy/, 'Meta Business Suite'],
  [/^Hvorfor betyr det noe/, 'Flere følgere i bydelen gir flere kunder i butikken'],
  [/^Liste opp konkurrentene/, 'y'],
  [/^Konkurrent \d: navn/, ['Bakehuset', 'Dronningens Bakeri', 'Kanelsnurr Kafé']],
  [/^Kanal \d for/, ['instagram', 'instagram', 'instagram']],
  [/^Følgere for/, ['11400', '3100', '52000']],
  [/^Innlegg per uke \(Enter/, ['5', '3', '7']],
  [/^Når poster de/, thrice('hverdager 07:00')],
  [/^Hva poster de/, thrice('Tilbud; bilder av bakst')],
  [/^I hvilken tone/, thrice('Reklame')],
  [/^Hvordan svarer de fansen/, thrice('Sjelden, og sent')],
  [/^Hvor mange innlegg tok du med/, thrice('25')],
  [/^Likes på disse/, thrice('2500')],
  [/^Kommentarer, til sammen/, thrice('120')],
  [/^Delinger, til sammen/, thrice('40')],
  [/^Hva gjør .* bedre enn dere/, thrice('Faste ukentlige tilbud')],
  [/^Hva kan dere gjøre bedre enn/, thrice('Vise bakerne og håndverket')],
  [/^Legge til enda en konkurrent/, ['y', 'y', '']],
  [/^Skrive posisjoneringen/, 'y'],
  [/^Posisjoneringen deres/, 'Bakeriet i nabolaget som viser hvordan godt brød blir til'],
  [/^Hvordan høres dere ut/, 'Varm og litt nerdete'],
  [/^Merkevareposisjonen/, 'Ekte håndverk'],
  [/^Unik/, 'Bare vi baker på Møhlenpris om natta'],
  [/^Engasjerende/, 'Folk elsker å se deigen heve'],
  [/^Realistisk/, 'Bakerne filmer selv mens de jobber'],
  [/^Velge kanalene/, 'y'],
  [/^Hva skal .* brukes til/, ['Vise baksten og bygge lojale naboer', 'Nå foreldrene med ukens tilbud']],
  [/^Redaksjonell linje/, ['Bilder og korte videoer fra bakeriet', 'Ukens brød og åpningstider']],
  [/^Legge til en taktikk/, 'y'],
  [/^Hva gjør dere \(taktikken\)/, ['Reels fra morgenbaksten', 'Annonser for ukens brød mot foreldre i bydelen']],
  [/^Hvilke delmål støtter den/, [['instagram-folgere'], ['instagram-folgere']]],
  [/^Betalt/, ['', 'y']],
  [/^Hvem driver/, ['Kari', 'Kari']],
  [/^Innlegg per uke på/, ['4', '2']],
  [/^Planlegge innholdspilarer/, 'y'],
  [/^Legge til en innholdspilar/, 'y'],
  [/^Pilar \d: tema/, ['Bak ovnene', 'Ukens tilbud']],
  [/^Andel av alle innlegg/, ['70', '']],
  [/^Legge til enda en innholdspilar/, ['y', '']],
  [/^Legge til et fast publiseringstidspunkt/, 'y'],
  [/^Tidspunkt \d: kanal/, ['instagram', 'facebook']],
  [/^Legge til enda et publiseringstidspunkt/, ['y', '']],
  [/^Legge til en spesiell dato/, 'y'],
  [/^Hva skjer/, 'Bergen matfestival'],
  [/^Dato \(DD\.MM\.ÅÅÅÅ/, '27.8.2027'],
  [/^Legge til et innlegg i bakhånd/, 'y'],
  [/^Innlegget i bakhånd/, 'Slik bretter du en kanelsnurr'],
  [/^Hvem har den rollen/, 'Ola'],
  [/^Definere KPI-ene/, 'y'],
  [/^Sette opp budsjettet/, 'y'],
  [/^Årlig budsjettramme/, '60 000'],
  [/^Legge til en budsjettpost/, 'y'],
  [/^Post \d: hva/, 'Annonser på Facebook'],
  [/^Kostnad per måned/, '2 000'],
  [/^Hvilke delmål finansierer den/, [['instagram-folgere']]],
  [/^Beskrive teamet/, 'y'],
  [/^Hvem har denne rollen i teamet/, 'Kari'],
  [/^Hvem tar over/, 'Ola'],
  [/^Legge til enda en fast oppgave/, ['y', '']],
  [/^Oppgave \d/, ['', 'Svare på kommentarer og meldinger']],
  [/^Hvor ofte\?/, ['', 'daily']],
  [/^Rutinen for spørsmål/, 'Spør daglig leder; svar innen to timer'],
  [/^Skrive krisehåndboken/, 'y'],
  [/^Hva kan utløse en krise/, 'Matforgiftning; en klage som sprer seg'],
  [/^Hvordan ser en situasjon/, 'En klage sprer seg utenfor følgerne våre'],
  [/^Svar innen hvor mange timer/, '2'],
  [/^Sette opp evalueringsmøtene/, 'y'],
  [/^Dato for første møte/, '2027-01-29'],
  [/^Liste opp verktøyene/, 'y'],
  [/^Verktøy \d: navn/, 'Meta Business Suite'],
];

describe('smplan init --lang nb: what the method asks', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks in Norwegian, writes Norwegian defaults, and ends in a plan that lints with no warning', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T09:00:00'));
    const { code, out, prompts } = await init(NORWEGIAN, ['plan.yaml'], { lang: 'nb' });
    expect(code, out).toBe(0);
    expect(prompts.refused).toEqual([]);
    // The questions are Norwegian; the section openings give the seed's reasons and examples.
    expect(prompts.asked[0]).toBe('Virksomhet: hvem er strategien for?');
    // Every question has its words: a key missing from the catalogue would show itself.
    expect(prompts.asked.filter((q) => q.includes('init.'))).toEqual([]);
    expect(prompts.asked.some((q) => /[A-Za-z]/.test(q) && /^(Add|Who|What|How|Which) /.test(q))).toBe(false);
    expect(out).toContain('+1000 % salg');
    expect(out).toContain('40 % av tiden på nett på Facebook');
    expect(out).toContain('den første av de tre vanlige feilene');
    expect(out).toContain('den andre vanlige feilen, å gjøre som naboen');
    expect(out).toContain('den tredje vanlige feilen');
    expect(out).toContain('finansierer det langsiktige arbeidet');
    expect(out).not.toMatch(/method §/);

    const file = path.join(dir, 'plan.yaml');
    const { errors, warnings } = await lintErrors(file);
    expect(errors).toEqual([]);
    expect(warnings.map((w) => `${w.rule}: ${w.message}`)).toEqual([]);
    const data = parse(await readFile(file, 'utf8'));
    // People before objectives, in the file as in the interview.
    expect(Object.keys(data).indexOf('audience')).toBeLessThan(Object.keys(data).indexOf('objectives'));
    // Enter took Norwegian defaults, never English ones.
    expect(data.plan.title).toBe('Strategi for sosiale medier 2027 – Nordlys Bakeri');
    expect(data.goals[0].statement).toBe('Flere skal kjenne og like merkevaren');
    expect(data.objectives[0]).toMatchObject({ metric: 'følgere', why: expect.any(String) });
    expect(data.team.tasks[0]).toMatchObject({ task: 'Planlegge innleggene for neste uke', kind: 'planning' });
    expect(data.crisis.levels[0].holding_statement).toMatch(/^Takk for at du sier fra/);
    // Online times with weekdays, and a slot at a time the persona is online.
    expect(data.audience.personas[0].online_times).toEqual([
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '07:00', to: '08:00' },
      { days: ['sat', 'sun'], from: '09:00', to: '11:00' },
    ]);
    expect(data.content.slots[0]).toMatchObject({ channel: 'instagram', weekday: 'mon', time: '07:00' });
    expect(data.channels[0]).toMatchObject({ purpose: expect.any(String), editorial_line: expect.any(String) });
    expect(data.channels[0].tactics[0]).toMatchObject({ objectives: ['instagram-folgere'], paid: false });
    expect(data.crisis.levels[0]).toMatchObject({ approver: 'Kari', backup: 'Ola' });
  });
});

describe('smplan init --lang', () => {
  it('asks in the language of LANG when --lang is not given, and says everything in it', async () => {
    const { prompts, out } = await init([[/^Организация/, INTERRUPT]], ['plan.yaml'], {}, { LANG: 'bg_BG.UTF-8' });
    expect(prompts.asked[0]).toBe('Организация: за кого е стратегията?');
    // The interview's own lines are in the interview's language too.
    expect(out).toContain('smplan init: стратегия за социалните мрежи в петнадесет раздела');
    expect(out).toContain('Прекъснато: plan.yaml не е записан.');
    expect(out).not.toMatch(/Interrupted|sections, in the order/);
  });

  it('a hurried walk in Bulgarian: every question in Bulgarian, Bulgarian defaults, a valid plan', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T09:00:00'));
    try {
      const { code, out, prompts } = await init(
        [
          [/^Организация/, 'Родопски склон'],
          [/^Къде е днес/, '100'],
        ],
        ['plan.yaml'],
        { lang: 'bg' },
      );
      expect(code, out).toBe(0);
      expect(prompts.asked.filter((q) => q.includes('init.') || /^(Add|Who|What|How|Which) /.test(q))).toEqual([]);
      const data = parse(await readFile(path.join(dir, 'plan.yaml'), 'utf8'));
      expect(data.plan).toMatchObject({ locale: 'bg', title: 'Стратегия за социалните мрежи 2027 – Родопски склон' });
      expect(data.objectives[0].metric).toBe('последователи');
      expect((await lintErrors(path.join(dir, 'plan.yaml'))).errors).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('--lang wins over LANG; an unknown language is a usage error', async () => {
    const nb = await init([[/^Virksomhet/, INTERRUPT]], ['plan.yaml'], { lang: 'nb' }, { LANG: 'bg_BG.UTF-8' });
    expect(nb.prompts.asked[0]).toBe('Virksomhet: hvem er strategien for?');
    await expect(init([], ['plan.yaml'], { lang: 'de' })).rejects.toThrow(
      /--lang: unknown language "de"; one of: en, nb, bg/,
    );
  });

  it("redoing a section asks in the plan's language, resuming in the draft's", async () => {
    const file = path.join(dir, 'plan.yaml');
    await writeFile(file, await readFile(path.join(EXAMPLES, 'nordlys-bakeri.yaml'), 'utf8'));
    const redo = await init([[/./, INTERRUPT]], ['plan.yaml'], { section: 'positioning' });
    expect(redo.prompts.asked[0]).toBe('Posisjoneringen deres i sosiale medier, i én setning?');
    await rm(file);

    await init([
      [/^Organisation/, 'Nordlys'],
      [/^Language/, 'bg'],
      [/^Describe who/, INTERRUPT],
    ]);
    const resumed = await init([[/./, INTERRUPT]], ['plan.yaml'], { resume: true });
    expect(resumed.prompts.asked[0]).toBe(
      'Да опишем ли сега кои сте, какво предлагате и с какви ресурси разполагате? (Enter – пропускане)',
    );
  });
});
