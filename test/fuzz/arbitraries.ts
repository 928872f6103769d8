/** fast-check generators of plans: valid ones (lint finds no errors) and their mutations. */
import fc from 'fast-check';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const CHANNELS = ['instagram', 'facebook', 'linkedin', 'tiktok', 'x', 'youtube'] as const;

const isoDay = (y: number, dayOfYear: number) => new Date(Date.UTC(y, 0, 1 + dayOfYear)).toISOString().slice(0, 10);

/** Plain text as consultants type it, including the awkward parts: Markdown, HTML, templates, pipes, Cyrillic. */
export const planText = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0),
  fc.constantFrom(
    'Bakeri «Nordlys» – æøå',
    'Кафе „Слънце“',
    '<script>alert(1)</script>',
    '{{7*7}} and {{{x}}}',
    'a | b',
    'line\nbreak',
    '[x](javascript:alert(1))',
    '# heading',
    '*stars*',
    '`code`',
  ),
);

export const validPlan = fc
  .record({
    year: fc.integer({ min: 2025, max: 2030 }),
    locale: fc.constantFrom('en', 'nb', 'bg'),
    currency: fc.constantFrom('NOK', 'EUR', 'USD', 'BGN'),
    timezone: fc.constantFrom('Europe/Oslo', 'Europe/Sofia', 'America/New_York', 'UTC', 'Australia/Lord_Howe'),
    title: planText,
    goalCount: fc.integer({ min: 1, max: 4 }),
    objectives: fc.array(
      fc.record({
        metric: planText,
        baseline: fc.integer({ min: 1, max: 1_000_000 }),
        target: fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.constantFrom('+50%', '-20%', '+0%', '+250%')),
        startDay: fc.integer({ min: 0, max: 150 }),
        length: fc.integer({ min: 1, max: 200 }),
        curve: fc.constantFrom('linear', 'compound'),
        channel: fc.option(fc.constantFrom(...CHANNELS), { nil: undefined }),
      }),
      { maxLength: 5 },
    ),
    competitors: fc.array(
      fc.record({
        name: planText,
        channel: fc.constantFrom(...CHANNELS),
        followers: fc.integer({ min: 1, max: 10_000_000 }),
        posts: fc.array(fc.record({ likes: fc.nat(100_000), comments: fc.nat(10_000), shares: fc.nat(10_000) }), {
          minLength: 1,
          maxLength: 30,
        }),
        useTotals: fc.boolean(),
      }),
      { maxLength: 6 },
    ),
    slots: fc.array(
      fc.record({
        channel: fc.constantFrom(...CHANNELS),
        weekday: fc.constantFrom(...WEEKDAYS),
        hour: fc.integer({ min: 0, max: 23 }),
        minute: fc.constantFrom(0, 15, 30, 45, 59),
      }),
      { maxLength: 8 },
    ),
    horizon: fc.integer({ min: 1, max: 13 }),
    budget: fc.array(
      fc.record({
        name: planText,
        category: fc.constantFrom('advertising', 'tool', 'service', 'staff', 'other'),
        cost: fc.integer({ min: 0, max: 100_000 }),
        per: fc.constantFrom('month', 'year', 'once'),
        roi: fc.constantFrom('short', 'medium', 'long'),
      }),
      { maxLength: 10 },
    ),
    cap: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map((g) => {
    const goals = Array.from({ length: g.goalCount }, (_, i) => ({
      id: `goal-${i}`,
      statement: `Goal ${i}`,
      priority: i < 2 ? 'primary' : 'secondary',
    }));
    const objectives = g.objectives.map((o, i) => {
      const start = isoDay(g.year, o.startDay);
      const deadline = isoDay(g.year, Math.min(o.startDay + o.length, 364));
      const compound = o.curve === 'compound';
      return {
        id: `objective-${i}`,
        goal: goals[i % goals.length]!.id,
        metric: o.metric,
        ...(o.channel ? { channel: o.channel } : {}),
        baseline: o.baseline,
        target: o.target === 0 && compound ? 1 : o.target,
        start,
        deadline: deadline > start ? deadline : isoDay(g.year, o.startDay + 1),
        curve: compound ? 'compound' : 'linear',
      };
    });
    return {
      smplan: 1,
      plan: {
        title: g.title,
        organization: 'Fuzz AS',
        locale: g.locale,
        currency: g.currency,
        timezone: g.timezone,
        start: `${g.year}-01-01`,
        end: `${g.year}-12-31`,
      },
      goals,
      objectives,
      // Names identify competitors and budget items: keep them unique.
      competitors: g.competitors.map((c, i) => ({
        name: `${c.name} ${i + 1}`,
        channels: [
          c.useTotals
            ? {
                channel: c.channel,
                followers: c.followers,
                sample: {
                  posts: c.posts.length,
                  likes: c.posts.reduce((s, p) => s + p.likes, 0),
                  comments: c.posts.reduce((s, p) => s + p.comments, 0),
                  shares: c.posts.reduce((s, p) => s + p.shares, 0),
                },
              }
            : { channel: c.channel, followers: c.followers, posts: c.posts },
        ],
      })),
      content: {
        horizon_weeks: g.horizon,
        slots: g.slots.map((s) => ({
          channel: s.channel,
          weekday: s.weekday,
          time: `${String(s.hour).padStart(2, '0')}:${String(s.minute).padStart(2, '0')}`,
        })),
      },
      budget: { cap: g.cap, items: g.budget.map((item, i) => ({ ...item, name: `${item.name} ${i + 1}` })) },
    };
  });

/** Odd YAML and odd values to splice into a valid plan. */
export const oddScalar = fc.constantFrom(
  '',
  '~',
  'null',
  '.nan',
  '.inf',
  '-.inf',
  '1e400',
  '-1',
  '0',
  '99999999999999999999999',
  '0x1F',
  '!!binary aGVsbG8=',
  '!!set {a, b}',
  '!!js/function "x"',
  '&a [*a]',
  '*nope',
  '"\\u0000\\u0007\\u001b[31m"',
  "'" + 'x'.repeat(5000) + "'",
  '[1, 2',
  '{a: 1',
  '- a',
  '"unterminated',
  'yes',
  '2027-02-30',
  '2027-13-01',
  '"07:61"',
  '@',
  '`',
  '|',
  '>',
  '%TAG',
);

export interface Mutation {
  kind: 'delete-line' | 'replace-value' | 'duplicate-line' | 'insert-line';
  line: number;
  value: string;
}

export const mutation = fc.record({
  kind: fc.constantFrom('delete-line', 'replace-value', 'duplicate-line', 'insert-line') as fc.Arbitrary<
    Mutation['kind']
  >,
  line: fc.nat(),
  value: oddScalar,
});

export function mutate(yamlText: string, mutations: Mutation[]): string {
  const lines = yamlText.split('\n');
  for (const m of mutations) {
    const i = m.line % Math.max(lines.length, 1);
    const line = lines[i] ?? '';
    switch (m.kind) {
      case 'delete-line':
        lines.splice(i, 1);
        break;
      case 'duplicate-line':
        lines.splice(i, 0, line);
        break;
      case 'insert-line':
        lines.splice(i, 0, `${line.match(/^\s*/)?.[0] ?? ''}extra: ${m.value}`);
        break;
      case 'replace-value': {
        const colon = line.indexOf(': ');
        lines[i] = colon >= 0 ? `${line.slice(0, colon + 2)}${m.value}` : line.replace(/-\s.*$/, `- ${m.value}`);
        break;
      }
    }
  }
  return lines.join('\n');
}
