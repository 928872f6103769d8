/**
 * The rules that hold a plan to what the seeds teach: for each, the complete plan with one change
 * that breaks it, and the finding located at the offending value (line and column in the file).
 */
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { OPEN_POINT_WORDS, openPoints } from '../../src/plan/open-points.js';
import { parseConfig } from '../../src/lint/config.js';
import { readCheckedPlan } from '../../src/lint/check.js';
import { loadPlan } from '../../src/plan/load.js';
import { completePlan, FIXTURES, lintText, summarise, type PlanData } from './helpers.js';

/** Lints the complete plan with `change`; returns the findings and the YAML text they point into. */
async function lintWith(change: (plan: PlanData) => void) {
  const plan = completePlan();
  change(plan);
  const text = stringify(plan, { lineWidth: 0 });
  return { findings: await lintText(text), lines: text.split('\n') };
}

/** Expects exactly one finding, of `rule` at `path`, whose line:col starts with `startsWith` in the file. */
async function expectOne(
  change: (plan: PlanData) => void,
  rule: string,
  path: string,
  startsWith: string,
): Promise<string> {
  const { findings, lines } = await lintWith(change);
  expect(summarise(findings)).toEqual([`warning ${rule} ${path}`]);
  const f = findings[0]!;
  expect(lines[f.line - 1]!.slice(f.column - 1)).toMatch(
    new RegExp(`^${startsWith.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
  );
  return f.message;
}

describe('slot-online-time (seed 004 §1)', () => {
  const online = (p: PlanData, windows: unknown[]) => (p.audience.personas[0].online_times = windows);

  it('a slot when none of its personas is online, at the slot time', async () => {
    // Tue 07:30 on instagram; the busy parent (a persona of instagram) is online only in the evening.
    const message = await expectOne(
      (p) => online(p, [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '20:30', to: '22:30' }]),
      'slot-online-time',
      'content.slots[0].time',
      '07:30',
    );
    expect(message).toBe(
      'the instagram slot on tue at 07:30 reaches none of its personas online (Busy parent: mon–fri 20:30–22:30): publish when they have time',
    );
  });

  it('inside the window, on the right weekday; `to` is when they go offline', async () => {
    const { findings } = await lintWith((p) => online(p, [{ days: ['tue'], from: '07:30', to: '08:00' }]));
    expect(findings).toEqual([]);
    expect(
      summarise((await lintWith((p) => online(p, [{ days: ['wed'], from: '07:00', to: '08:00' }]))).findings),
    ).toEqual(['warning slot-online-time content.slots[0].time']);
    expect(summarise((await lintWith((p) => online(p, [{ from: '06:00', to: '07:30' }]))).findings)).toEqual([
      'warning slot-online-time content.slots[0].time',
    ]);
  });

  it('a window across midnight reaches into the next day', async () => {
    const late = (p: PlanData) => (p.content.slots[0] = { channel: 'instagram', weekday: 'tue', time: '00:30' });
    expect(
      (await lintWith((p) => (late(p), online(p, [{ days: ['mon'], from: '22:00', to: '01:00' }])))).findings,
    ).toEqual([]);
    expect(
      summarise(
        (await lintWith((p) => (late(p), online(p, [{ days: ['tue'], from: '22:00', to: '01:00' }])))).findings,
      ),
    ).toEqual(['warning slot-online-time content.slots[0].time']);
  });

  it("the slot's own persona decides over the channel's; personas without online times are not judged", async () => {
    await expectOne(
      (p) => {
        p.audience.personas.push({ id: 'student', name: 'Student', online_times: [{ from: '21:00', to: '23:00' }] });
        p.content.slots[0].persona = 'student';
      },
      'slot-online-time',
      'content.slots[0].time',
      '07:30',
    );
    expect((await lintWith(() => {})).findings).toEqual([]);
  });
});

describe('planning-cadence (seed 002 §8)', () => {
  it('the posts planned monthly', async () => {
    const message = await expectOne(
      (p) => (p.team.tasks[1].cadence = 'monthly'),
      'planning-cadence',
      'team.tasks[1].cadence',
      'monthly',
    );
    expect(message).toContain('plan the posts daily or weekly, not monthly');
  });
  it('recognises an untyped planning task by its words (en, nb, bg)', async () => {
    for (const task of ["Plan next month's posts", 'Planlegge neste måneds innlegg', 'Планиране на публикациите']) {
      await expectOne(
        (p) => (p.team.tasks[1] = { task, owner: 'cm', cadence: 'monthly' }),
        'planning-cadence',
        'team.tasks[1].cadence',
        'monthly',
      );
    }
  });
  it('no task plans the posts, and a channel that posts less than weekly', async () => {
    // The publishing slots and the channels' posts a week are the plan of posts: no task needed then.
    expect((await lintWith((p) => p.team.tasks.pop())).findings).toEqual([]);
    await expectOne(
      (p) => {
        p.team.tasks.pop();
        p.content.slots = { not_applicable: 'Posts follow the news' };
        for (const c of p.channels) delete c.posts_per_week;
      },
      'planning-cadence',
      'team.tasks',
      'tasks:',
    );
    await expectOne(
      (p) => (p.channels[1].posts_per_week = 0.5),
      'planning-cadence',
      'channels[1].posts_per_week',
      '0.5',
    );
    expect((await lintWith((p) => (p.channels[1].posts_per_week = 1))).findings).toEqual([]);
  });
});

describe('role-overlap (seeds 001 §4, 002 §8)', () => {
  const roles = (p: PlanData) => p.team.roles.push({ id: 'teacher', title: 'Teacher', person: 'Ola' });
  it('one task owned by several roles', async () => {
    const message = await expectOne(
      (p) => (roles(p), (p.team.tasks[0].owner = 'cm and teacher')),
      'role-overlap',
      'team.tasks[0].owner',
      'cm and teacher',
    );
    expect(message).toBe('the task "Answer comments" is owned by 2 roles (cm, teacher): give it one owner');
  });
  it('one channel owned by several roles, named by person', async () => {
    await expectOne(
      (p) => (roles(p), (p.channels[0].owner = 'Kari / Ola')),
      'role-overlap',
      'channels[0].owner',
      'Kari / Ola',
    );
  });
  it('the same task twice with different owners', async () => {
    await expectOne(
      (p) => (roles(p), p.team.tasks.push({ task: 'Answer comments.', owner: 'teacher', cadence: 'daily' })),
      'role-overlap',
      'team.tasks[2].task',
      'Answer comments.',
    );
  });
  it('the same responsibility on two roles', async () => {
    await expectOne(
      (p) => {
        roles(p);
        p.team.roles[0].responsibilities = ['Answer messages'];
        p.team.roles[1].responsibilities = ['answer messages'];
      },
      'role-overlap',
      'team.roles[1].responsibilities[0]',
      'answer messages',
    );
  });
});

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

describe('objective-relevance (seed 002 §2: the R of SMART)', () => {
  it('an objective with no why whose goal ties to no business goal, at the objective', async () => {
    await expectOne((p) => delete p.objectives[2].why, 'objective-relevance', 'objectives[2]', 'id: comments');
  });
  it("the goal's ties_to, or the plan's only business goal, answers it", async () => {
    expect(
      (await lintWith((p) => (delete p.objectives[2].why, (p.goals[2].ties_to = 'Member retention')))).findings,
    ).toEqual([]);
    expect(
      (await lintWith((p) => (delete p.objectives[2].why, (p.plan.business_goals = ['Grow to 300 members'])))).findings,
    ).toEqual([]);
    await expectOne(
      (p) => (delete p.objectives[2].why, (p.plan.business_goals = ['Grow', 'Open a second studio'])),
      'objective-relevance',
      'objectives[2]',
      'id: comments',
    );
  });
});

describe('copied-tactic (mistake 2: make as the neighbour)', () => {
  it("a tactic repeating a competitor's better_at, with no adaptation", async () => {
    const message = await expectOne(
      (p) => {
        p.competitors[0].better_at = ['Weekly reel of a five-minute flow'];
      },
      'copied-tactic',
      'channels[0].tactics[0].action',
      'Weekly reel',
    );
    expect(message).toBe(
      'the tactic "Weekly reel of a five-minute flow" is taken from Rival Studio and says nothing of how we adapt it (adaptation): do better than them, not the same',
    );
  });
  it('adopted_from with no objective and no adaptation, at adopted_from', async () => {
    const { findings, lines } = await lintWith((p) => {
      p.channels[0].tactics.push({ action: 'Live classes on Sunday', adopted_from: 'Harbour Pilates' });
    });
    expect(summarise(findings)).toEqual([
      'warning tactics-without-objectives channels[0].tactics[1].objectives',
      'warning copied-tactic channels[0].tactics[1].adopted_from',
    ]);
    expect(lines[findings[1]!.line - 1]!.slice(findings[1]!.column - 1)).toBe('Harbour Pilates');
    expect(findings[1]!.message).toContain('names no objective of ours and says nothing of how we adapt it');
  });
  it('adapted and tied to an objective: fine; an unknown competitor is a broken reference', async () => {
    const tactic = {
      action: 'Live classes',
      adopted_from: 'Harbour Pilates',
      objectives: ['comments'],
      adaptation: 'Shorter, and answered live.',
    };
    expect((await lintWith((p) => p.channels[0].tactics.push(tactic))).findings).toEqual([]);
    expect(
      summarise((await lintWith((p) => p.channels[0].tactics.push({ ...tactic, adopted_from: 'Nobody' }))).findings),
    ).toEqual(['error references channels[0].tactics[1].adopted_from']);
  });
});

describe('primary-channel-share (seed 002 §5: 40 % / 20 %)', () => {
  it("a primary channel with less of the personas' time than a secondary one, at its role", async () => {
    const message = await expectOne(
      (p) => {
        p.audience.personas[0].channels = [
          { channel: 'instagram', share: 0.2 },
          { channel: 'facebook', share: 0.4 },
        ];
      },
      'primary-channel-share',
      'channels[0].role',
      'primary',
    );
    expect(message).toBe(
      "instagram is primary but carries 20 % of the personas' online time, less than the secondary facebook (40 %): swap their roles or check the shares",
    );
  });
});

describe('login-holder (seed 004 §3)', () => {
  it('a kept profile with no login holder, at the audit entry', async () => {
    await expectOne(
      (p) => delete p.situation.channel_audit[0].login_holder,
      'login-holder',
      'situation.channel_audit[0]',
      'channel: instagram',
    );
  });
  it('written as unknown, in any of the languages', async () => {
    for (const holder of ['Unknown', 'Ukjent; administratoren har sluttet', 'Неизвестно', '?']) {
      await expectOne(
        (p) => (p.situation.channel_audit[0].login_holder = holder),
        'login-holder',
        'situation.channel_audit[0].login_holder',
        holder === '?' ? '"?"' : holder,
      );
    }
  });
  it('held by someone who has left; a profile we close is not judged', async () => {
    const { findings, lines } = await lintWith((p) => {
      p.situation.channel_audit[0].login_holder = 'Ola (personal e-mail)';
      p.situation.channel_audit[0].admins[1] = { name: 'Ola', role: 'analyst', left: true };
    });
    // Ola still holding a page role is admin-roles' finding; the login is this rule's.
    expect(summarise(findings)).toEqual([
      'warning login-holder situation.channel_audit[0].login_holder',
      'warning admin-roles situation.channel_audit[0].admins[1].left',
    ]);
    expect(lines[findings[0]!.line - 1]!.slice(findings[0]!.column - 1)).toBe('Ola (personal e-mail)');
    expect(findings[0]!.message).toContain('held by Ola, who has left');
    expect(
      (
        await lintWith(
          (p) => (delete p.situation.channel_audit[0].login_holder, (p.situation.channel_audit[0].decision = 'close')),
        )
      ).findings,
    ).toEqual([]);
  });
});

describe('channel-purpose (seeds 004 §3, 003 step 1)', () => {
  it('a channel that does not say what it is for, at the channel', async () => {
    const message = await expectOne(
      (p) => delete p.channels[1].purpose,
      'channel-purpose',
      'channels[1]',
      'id: facebook',
    );
    expect(message).toBe(
      'channel facebook does not say what it is for: add a purpose (why we are there, what it should do)',
    );
  });
});

describe('one idea of "finished": open points are lint findings', () => {
  it("lint's English words for each open point are the English document's, and nb and bg translate each", () => {
    const catalogue = (locale: string) =>
      JSON.parse(readFileSync(new URL(`../../locales/${locale}.json`, import.meta.url), 'utf8')) as Record<
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

describe('budget-cap names the objectives a cut takes funding from (seed 002 §7)', () => {
  it('through the objectives and tactics the items name', async () => {
    const { findings } = await lintWith((p) => {
      p.channels[0].tactics[0].id = 'reels';
      p.budget.cap = 25000;
      p.budget.items[1].tactics = ['reels'];
      delete p.budget.items[1].objectives;
    });
    expect(summarise(findings)).toEqual(['warning budget-cap budget.cap']);
    expect(findings[0]!.message).toMatch(/; the cut takes funding from ig-followers$/);
  });
});
