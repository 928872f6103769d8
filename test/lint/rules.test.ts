/**
 * Every method rule: the complete plan passes it, one change makes it report, and
 * a change just inside its threshold does not.
 */
import { describe, expect, it } from 'vitest';
import { ruleCatalog } from '../../src/lint/catalog.js';
import { rules } from '../../src/lint/rules/index.js';
import { completePlan, lintChanged, lintData, lintText, summarise, type PlanData } from './helpers.js';

type Change = (plan: PlanData) => void;

/** Lints the complete plan with `change` and expects exactly `expected` (`severity rule path`). */
async function expectFindings(change: Change, expected: string[]): Promise<void> {
  expect(summarise(await lintChanged(change))).toEqual(expected);
}

describe('rule registry', () => {
  it('every rule has an id, a severity, a method section and a description, ids unique', () => {
    for (const r of rules) {
      expect(r.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(['error', 'warning']).toContain(r.severity);
      expect(r.method).toMatch(/^§\d+ /);
      expect(r.description.length).toBeGreaterThan(20);
    }
    const ids = ruleCatalog().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the complete plan has no finding at all', async () => {
    expect(await lintData(completePlan())).toEqual([]);
  });
});

describe('errors: a plan that cannot be read or computed', () => {
  it('unique-ids: a repeated id in each section', async () => {
    await expectFindings((p) => p.goals.push({ ...p.goals[2] }), ['error unique-ids goals[3].id']);
    await expectFindings((p) => p.objectives.push({ ...p.objectives[2] }), ['error unique-ids objectives[3].id']);
    await expectFindings(
      (p) => p.content.pillars.push({ ...p.content.pillars[2], share: 0 }),
      ['error unique-ids content.pillars[3].id'],
    );
    await expectFindings((p) => p.channels.push({ ...p.channels[1] }), ['error unique-ids channels[2].id']);
    await expectFindings((p) => (p.competitors[1].name = 'rival studio '), ['error unique-ids competitors[1].name']);
  });

  it('unique-ids: the message names where the first one is', async () => {
    const [f] = await lintChanged((p) => p.audience.personas.push({ ...p.audience.personas[0] }));
    expect(f!.message).toBe('persona id `busy-parent` is already defined at audience.personas[0]');
  });

  it('references: an objective naming a goal or channel that does not exist', async () => {
    await expectFindings(
      (p) => (p.objectives[0].goal = 'sales'),
      [
        // awareness has no objective left.
        'warning goal-without-objective goals[0].id',
        'error references objectives[0].goal',
      ],
    );
    await expectFindings((p) => (p.objectives[0].channel = 'tiktok'), ['error references objectives[0].channel']);
    await expectFindings((p) => (p.content.slots[0].pillar = 'memes'), ['error references content.slots[0].pillar']);
  });

  it('date-order: plan.end before plan.start, a deadline on or before its start', async () => {
    await expectFindings(
      (p) => (p.plan.end = '2026-12-31'),
      [
        'error date-order plan.end',
        // Every deadline is now after the plan's end.
        'warning smart-objective objectives[0].deadline',
        'warning smart-objective objectives[1].start',
        'warning smart-objective objectives[1].deadline',
        'warning smart-objective objectives[2].deadline',
      ],
    );
    await expectFindings((p) => (p.objectives[1].deadline = '2027-02-01'), ['error date-order objectives[1].deadline']);
    await expectFindings((p) => (p.objectives[0].deadline = '2027-01-02'), []);
    await expectFindings((p) => (p.objectives[0].deadline = '2027-01-01'), ['error date-order objectives[0].deadline']);
  });

  it('objective-target: a relative target of a zero baseline, a decrease below -100 %', async () => {
    await expectFindings(
      (p) => Object.assign(p.objectives[2], { baseline: 0, target: '+50%' }),
      ['error objective-target objectives[2].target'],
    );
    await expectFindings((p) => (p.objectives[2].target = '-150%'), ['error objective-target objectives[2].target']);
    await expectFindings((p) => (p.objectives[2].target = '-100%'), ['warning achievable-target objectives[2].target']);
  });

  it('compound-curve: baseline or target of 0', async () => {
    await expectFindings(
      (p) => Object.assign(p.objectives[0], { curve: 'compound', baseline: 0 }),
      ['error compound-curve objectives[0].baseline'],
    );
    await expectFindings(
      (p) => Object.assign(p.objectives[2], { curve: 'compound', target: 0 }),
      [
        'warning achievable-target objectives[2].target',
        'error compound-curve objectives[2].target',
        'warning falling-target objectives[2].target',
      ],
    );
    await expectFindings((p) => (p.objectives[0].curve = 'compound'), []);
  });

  it('engagement-source: none, or more than one of posts, sample, posts_csv', async () => {
    await expectFindings(
      (p) => delete p.competitors[1].channels[0].sample,
      ['error engagement-source competitors[1].channels[0]'],
    );
    await expectFindings(
      (p) => (p.competitors[1].channels[0].posts_csv = 'data/rival-instagram.csv'),
      ['error engagement-source competitors[1].channels[0].posts_csv'],
    );
    await expectFindings(
      (p) => (p.channels[0].current = { followers: 2000 }),
      ['error engagement-source channels[0].current'],
    );
  });
});

describe('warnings: what the method advises', () => {
  it('admin-roles: everyone an administrator; someone who left', async () => {
    await expectFindings(
      (p) => (p.situation.channel_audit[0].admins[1].role = 'admin'),
      ['warning admin-roles situation.channel_audit[0].admins'],
    );
    await expectFindings(
      (p) => (p.situation.channel_audit[0].admins[1].left = true),
      ['warning admin-roles situation.channel_audit[0].admins[1].left'],
    );
    // One administrator alone is not "everyone".
    await expectFindings((p) => p.situation.channel_audit[0].admins.pop(), []);
  });

  it('goal-count: a third primary goal, a third secondary goal, no goals', async () => {
    const extra = (id: string, priority: string) => (p: PlanData) => {
      p.goals.push({ id, statement: 'More', priority });
      p.objectives.push({
        id: `${id}-o`,
        goal: id,
        metric: 'm',
        baseline: 1,
        target: 2,
        deadline: '2027-06-30',
        tool: 'GA',
        why: 'Why',
      });
      p.kpis.push({ id: `${id}-k`, name: 'K', objective: `${id}-o`, tool: 'GA', frequency: 'weekly' });
    };
    await expectFindings(extra('sales', 'primary'), ['warning goal-count goals[3].priority']);
    await expectFindings(extra('service', 'secondary'), []);
    await expectFindings(
      (p) => {
        extra('service', 'secondary')(p);
        extra('hr', 'secondary')(p);
      },
      ['warning goal-count goals[4].priority'],
    );
    await expectFindings(
      (p) => {
        p.goals = [];
        delete p.objectives;
        delete p.kpis;
        delete p.channels[0].tactics;
        for (const item of p.budget.items) delete item.objectives;
      },
      [
        'warning open-point objectives',
        'warning open-point kpis',
        'warning goal-count goals',
        'warning tactics-without-objectives channels',
      ],
    );
  });

  it('goal-without-objective', async () => {
    await expectFindings(
      (p) => {
        p.objectives.splice(2, 1);
        p.kpis.splice(2, 1);
        p.budget.items[1].objectives = ['ig-followers'];
      },
      ['warning goal-without-objective goals[2].id'],
    );
  });

  it('smart-objective: outside the plan period, no tool, target equal to baseline', async () => {
    await expectFindings(
      (p) => (p.objectives[0].deadline = '2028-01-15'),
      ['warning smart-objective objectives[0].deadline'],
    );
    await expectFindings((p) => (p.objectives[0].deadline = '2027-12-31'), []);
    await expectFindings(
      (p) => (p.objectives[1].start = '2026-12-01'),
      ['warning smart-objective objectives[1].start'],
    );
    await expectFindings(
      (p) => {
        delete p.objectives[0].tool;
        delete p.kpis[0].tool;
      },
      ['warning smart-objective objectives[0].tool', 'warning kpi-measurement kpis[0]'],
    );
    // objectives[2] has no tool of its own: a KPI for it names one.
    await expectFindings(
      (p) => delete p.kpis[2].tool,
      ['warning smart-objective objectives[2].tool', 'warning kpi-measurement kpis[2]'],
    );
    await expectFindings((p) => (p.objectives[1].target = '+0%'), ['warning smart-objective objectives[1].target']);
  });

  it('achievable-target: above +300 % or below -90 %', async () => {
    await expectFindings((p) => (p.objectives[0].target = 8000), []); // +300 % exactly
    await expectFindings((p) => (p.objectives[0].target = 8001), ['warning achievable-target objectives[0].target']);
    await expectFindings(
      (p) => (p.objectives[1].target = '+1000%'),
      ['warning achievable-target objectives[1].target'],
    );
    // A count falling to a tenth is also probably a typo (falling-target); written as a change it says so.
    await expectFindings((p) => (p.objectives[0].target = 200), ['warning falling-target objectives[0].target']); // -90 % exactly
    await expectFindings((p) => (p.objectives[0].target = '-90%'), []);
    // An objective that says lower is better (complaints, waiting) is meant to fall.
    await expectFindings((p) => {
      p.objectives[0].target = 200;
      p.objectives[0].lower_is_better = true;
    }, []);
    await expectFindings((p) => (p.objectives[0].target = '-91%'), ['warning achievable-target objectives[0].target']);
    const [f] = await lintChanged((p) => (p.objectives[1].target = '+1000%'));
    expect(f!.message).toMatch(/^\+1,000 % \(40 to 440\) is above the \+300 %/);
  });

  it('persona-shares: more than 100 % of online time', async () => {
    await expectFindings((p) => (p.audience.personas[0].channels[1].share = 0.404), []);
    await expectFindings(
      (p) => (p.audience.personas[0].channels[1].share = 0.5),
      ['warning persona-shares audience.personas[0].channels'],
    );
    const [f] = await lintChanged((p) => (p.audience.personas[0].channels[1].share = 0.5));
    expect(f!.message).toBe(
      "Busy parent's shares of online time add up to 110 %: they cannot spend more than 100 % of their time online",
    );
  });

  it('competitor-count: fewer than 3, more than 5', async () => {
    await expectFindings(
      (p) => p.competitors.pop(),
      ['warning competitor-count competitors', 'warning open-point competitors'],
    );
    const more = (n: number) => (p: PlanData) => {
      for (let i = 0; i < n; i++) p.competitors.push({ ...p.competitors[1], name: `Other ${i}` });
    };
    await expectFindings(more(2), []);
    await expectFindings(more(3), ['warning competitor-count competitors']);
  });

  it('post-sample-size: outside 20–30, from posts, sample or the CSV rows', async () => {
    await expectFindings((p) => (p.competitors[1].channels[0].sample.posts = 20), []);
    await expectFindings(
      (p) => (p.competitors[1].channels[0].sample.posts = 19),
      ['warning post-sample-size competitors[1].channels[0].sample.posts'],
    );
    await expectFindings(
      (p) => (p.competitors[2].channels[0].sample.posts = 31),
      ['warning post-sample-size competitors[2].channels[0].sample.posts'],
    );
    await expectFindings(
      (p) => {
        delete p.competitors[1].channels[0].sample;
        p.competitors[1].channels[0].posts = [{ likes: 1, comments: 0, shares: 0 }];
      },
      ['warning post-sample-size competitors[1].channels[0].posts'],
    );
    // fixtures/data/short.csv holds 5 posts.
    await expectFindings(
      (p) => (p.competitors[0].channels[0].posts_csv = 'data/short.csv'),
      ['warning post-sample-size competitors[0].channels[0].posts_csv'],
    );
    const [f] = await lintChanged((p) => (p.competitors[0].channels[0].posts_csv = 'data/short.csv'));
    expect(f!.message).toBe('5 posts sampled: take the last 20–30 posts for a comparable engagement rate');
  });

  it('channels-chosen: objectives and slots name channels while there is no channels section', async () => {
    await expectFindings(
      (p) => {
        delete p.channels;
        p.content.slots.push(
          { channel: 'tiktok', weekday: 'fri', time: '18:00' },
          { channel: 'instagram', weekday: 'fri', time: '18:00' },
        );
      },
      [
        'warning open-point channels',
        'warning channels-chosen objectives[0].channel',
        'warning channels-chosen content.slots[1].channel',
      ],
    );
  });

  it('channel-count: more than 2 primary, more than 5 in all', async () => {
    const add = (ids: string[], role: string) => (p: PlanData) =>
      ids.forEach((id) => p.channels.push({ id, role, purpose: 'Reach', owner: 'Kari', personas: ['busy-parent'] }));
    // No persona spends time on the new ones, so they also carry less of it than facebook.
    await expectFindings(add(['tiktok'], 'primary'), ['warning primary-channel-share channels[2].role']);
    await expectFindings(add(['tiktok', 'x'], 'primary'), [
      'warning primary-channel-share channels[2].role',
      'warning channel-count channels[3].role',
      'warning primary-channel-share channels[3].role',
    ]);
    await expectFindings(add(['tiktok', 'x', 'youtube'], 'secondary'), []);
    await expectFindings(add(['tiktok', 'x', 'youtube', 'threads'], 'secondary'), ['warning channel-count channels']);
  });

  it('channel-personas: a channel no persona uses', async () => {
    await expectFindings(
      (p) => p.channels.push({ id: 'x', role: 'secondary', purpose: 'News', owner: 'Ola' }),
      ['warning channel-personas channels[2].id'],
    );
    // personas[].channels or channels[].personas: either says who is there.
    await expectFindings((p) => delete p.channels[1].personas, []);
    await expectFindings((p) => p.audience.personas[0].channels.pop(), []);
    await expectFindings(
      (p) => {
        p.audience.personas[0].channels.pop();
        delete p.channels[1].personas;
      },
      ['warning channel-personas channels[1].id'],
    );
  });

  it('tactics-without-objectives: the cart before the horse', async () => {
    await expectFindings(
      (p) => delete p.channels[0].tactics[0].objectives,
      ['warning tactics-without-objectives channels[0].tactics[0].objectives'],
    );
    await expectFindings(
      (p) => (p.channels[0].tactics[0].objectives = []),
      ['warning tactics-without-objectives channels[0].tactics[0].objectives'],
    );
    await expectFindings(
      (p) => {
        p.objectives = [];
        delete p.channels[0].tactics[0].objectives;
        delete p.kpis;
        for (const item of p.budget.items) delete item.objectives;
      },
      [
        'warning open-point kpis',
        'warning goal-without-objective goals[0].id',
        'warning goal-without-objective goals[1].id',
        'warning goal-without-objective goals[2].id',
        'warning open-point objectives',
        'warning tactics-without-objectives channels',
      ],
    );
  });

  it('content-horizon: beyond 13 weeks', async () => {
    await expectFindings((p) => (p.content.horizon_weeks = 13), []);
    await expectFindings((p) => (p.content.horizon_weeks = 14), ['warning content-horizon content.horizon_weeks']);
  });

  it('pillar-shares: not 100 % within half a percent', async () => {
    await expectFindings((p) => (p.content.pillars[0].share = 0.504), []);
    await expectFindings((p) => (p.content.pillars[0].share = 0.49), ['warning pillar-shares content.pillars']);
    const [f] = await lintChanged((p) => (p.content.pillars[0].share = 0.6));
    expect(f!.message).toBe("the pillars' shares add up to 110.0 %, not 100 %");
  });

  it('content-mix: 80-20 and thirds', async () => {
    await expectFindings(
      (p) => {
        p.content.pillars[0].share = 0.45;
        p.content.pillars[2].share = 0.25;
      },
      ['warning content-mix content.mix_rule'],
    );
    await expectFindings((p) => (p.content.mix_rule = 'thirds'), ['warning content-mix content.mix_rule']);
    await expectFindings((p) => {
      p.content.mix_rule = 'thirds';
      p.content.pillars[0].share = 0.34;
      p.content.pillars[1].share = 0.33;
      p.content.pillars[2].share = 0.33;
    }, []);
    await expectFindings(
      (p) => p.content.pillars.forEach((x: PlanData) => delete x.kind),
      ['warning content-mix content.mix_rule'],
    );
  });

  it('budget-cap: the yearly total over the cap (monthly x 12, yearly and once x 1)', async () => {
    // 2000 x 12 + 3000 = 27,000; once 33,000 more is exactly the cap.
    await expectFindings(
      (p) =>
        p.budget.items.push({
          name: 'Film',
          category: 'service',
          cost: 33000,
          per: 'once',
          roi: 'long',
          objectives: ['comments'],
        }),
      [],
    );
    await expectFindings(
      (p) =>
        p.budget.items.push({
          name: 'Film',
          category: 'service',
          cost: 33001,
          per: 'once',
          roi: 'long',
          objectives: ['comments'],
        }),
      ['warning budget-cap budget.cap'],
    );
    const [f] = await lintChanged((p) => (p.budget.cap = 20000));
    // Intl puts a no-break space between the currency code and the amount.
    expect(f!.message).toBe(
      'the items cost NOK\u00a027,000 a year, NOK\u00a07,000 over the cap of NOK\u00a020,000: prioritise by ROI time frame (smplan budget shows what fits); the cut takes funding from ig-followers',
    );
  });

  it('owners: a channel or a task without an owner', async () => {
    await expectFindings((p) => delete p.channels[1].owner, ['warning owners channels[1].owner']);
    await expectFindings((p) => delete p.team.tasks[0].owner, ['warning owners team.tasks[0].owner']);
  });

  it('crisis-handbook: missing, incomplete, a level without backup or holding statement', async () => {
    // No handbook at all is an open point, not an incomplete handbook.
    await expectFindings((p) => delete p.crisis, ['warning open-point crisis']);
    await expectFindings(
      (p) => (p.crisis = { triggers: ['x'] }),
      ['warning crisis-handbook crisis.levels', 'warning crisis-handbook crisis.responders'],
    );
    await expectFindings((p) => delete p.crisis.levels[0].backup, ['warning crisis-handbook crisis.levels[0]']);
    await expectFindings(
      (p) => delete p.crisis.levels[0].holding_statement,
      ['warning crisis-handbook crisis.levels[0]'],
    );
    const [f] = await lintChanged((p) => {
      delete p.crisis.levels[0].backup;
      delete p.crisis.levels[0].holding_statement;
    });
    expect(f!.message).toBe(
      'crisis level red has no backup approver and no holding statement: who approves when Kari cannot be reached, and what do we say first?',
    );
  });

  it('review-cadence: missing, or less often than monthly', async () => {
    await expectFindings((p) => delete p.review, ['warning open-point review']);
    for (const cadence of ['quarterly', 'yearly', 'ad-hoc']) {
      await expectFindings((p) => (p.review.cadence = cadence), ['warning review-cadence review.cadence']);
    }
    for (const cadence of ['weekly', 'biweekly', 'monthly'])
      await expectFindings((p) => (p.review.cadence = cadence), []);
  });

  it('open-point: a missing section at the document root, a missing part at the mapping that should hold it', async () => {
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

describe('a plan in progress', () => {
  it('a minimal plan has warnings for what is open, and no errors', async () => {
    const findings = await lintText(`smplan: 1
plan: { title: T, organization: O, locale: en, currency: EUR, timezone: UTC, start: 2027-01-01, end: 2027-12-31 }
goals:
  - { id: reach, statement: Reach more people, priority: primary }
`);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(['goal-without-objective', 'open-point']));
    expect(findings.filter((f) => f.rule === 'open-point').map((f) => f.path)).toEqual(
      [
        'situation',
        'plan.problem',
        'objectives',
        'audience',
        'competitors',
        'positioning',
        'channels',
        'content',
        'kpis',
        'budget',
        'team',
        'tools',
        'crisis',
        'review',
      ].sort((a, b) => (a === 'plan.problem' ? 1 : b === 'plan.problem' ? -1 : 0)),
    );
  });
});

describe('references to channels beyond objectives and slots', () => {
  it('KPIs, budget items, tasks, reserve items and special dates name chosen channels', async () => {
    await expectFindings(
      (p) => {
        p.kpis[0].channel = 'tiktok';
        p.budget.items[0].channel = 'x';
        p.team.tasks[0].channel = 'facebook';
        p.content.reserve = [{ title: 'Spare reel', channel: 'youtube' }];
        p.content.special_dates = [{ date: '2027-06-21', name: 'Yoga day', channels: ['instagram', 'pinterest'] }];
      },
      [
        'error references content.special_dates[0].channels[1]',
        'error references content.reserve[0].channel',
        'error references kpis[0].channel',
        'error references budget.items[0].channel',
      ],
    );
  });

  it('without a channels section any channel is accepted', async () => {
    const findings = await lintChanged((p) => {
      delete p.channels;
      p.kpis[0].channel = 'tiktok';
    });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
