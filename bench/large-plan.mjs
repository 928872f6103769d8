// A plan at the top of real-world size: 50 competitors with 30 sampled posts each,
// 12 channels, a 12-week publishing calendar and 40 budget items. Deterministic.
import { stringify } from 'yaml';

const CHANNELS = [
  'instagram',
  'facebook',
  'linkedin',
  'tiktok',
  'x',
  'youtube',
  'pinterest',
  'threads',
  'bluesky',
  'snapchat',
  'mastodon',
  'newsletter',
];
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export function largePlan() {
  let seed = 42;
  const rand = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const goals = [
    { id: 'awareness', statement: 'Be the best-known brand in the region', priority: 'primary' },
    { id: 'leads', statement: 'Qualified leads from social', priority: 'primary' },
    { id: 'loyalty', statement: 'Keep customers coming back', priority: 'secondary' },
    { id: 'service', statement: 'Answer customers where they are', priority: 'secondary' },
  ];
  const objectives = CHANNELS.map((channel, i) => ({
    id: `${channel}-growth`,
    goal: goals[i % goals.length].id,
    metric: 'followers',
    channel,
    baseline: 1000 + i * 250,
    target: i % 2 ? '+60%' : 2500 + i * 400,
    deadline: '2027-12-31',
    curve: i % 3 === 0 ? 'compound' : 'linear',
  }));
  const personas = [0, 1, 2].map((i) => ({
    id: `persona-${i}`,
    name: `Persona ${i}`,
    age: '25-44',
    channels: CHANNELS.slice(0, 12).map((channel) => ({ channel, share: 1 / 12 })),
  }));
  const competitors = Array.from({ length: 50 }, (_, i) => ({
    name: `Competitor ${i + 1}`,
    channels: [
      {
        channel: CHANNELS[i % CHANNELS.length],
        followers: 2000 + rand(50000),
        posts_per_week: 1 + rand(10),
        posts: Array.from({ length: 30 }, () => ({ likes: rand(900), comments: rand(80), shares: rand(40) })),
      },
    ],
  }));
  const channels = CHANNELS.map((id, i) => ({
    id,
    role: i < 2 ? 'primary' : 'secondary',
    purpose: `Why we are on ${id}`,
    personas: ['persona-0', 'persona-1', 'persona-2'],
    owner: 'Social media manager',
    tactics: [{ action: `Post three times a week on ${id}`, objectives: [`${id}-growth`] }],
  }));
  const slots = CHANNELS.flatMap((channel, i) =>
    [0, 2, 4].map((d) => ({
      channel,
      weekday: WEEKDAYS[(d + i) % 7],
      time: `${String(7 + ((i + d) % 12)).padStart(2, '0')}:30`,
    })),
  );
  const items = Array.from({ length: 40 }, (_, i) => ({
    name: `Budget item ${i + 1}`,
    category: ['advertising', 'tool', 'service', 'staff', 'other'][i % 5],
    cost: 100 + rand(5000),
    per: ['month', 'year', 'once'][i % 3],
    roi: ['short', 'medium', 'long'][i % 3],
  }));
  return {
    smplan: 1,
    plan: {
      title: 'Large benchmark plan',
      organization: 'Benchmark AS',
      locale: 'en',
      currency: 'EUR',
      timezone: 'Europe/Oslo',
      start: '2027-01-01',
      end: '2027-12-31',
    },
    goals,
    objectives,
    audience: { personas },
    competitors,
    channels,
    content: {
      horizon_weeks: 12,
      pillars: [
        { id: 'inspire', name: 'Inspire', share: 0.5, kind: 'value' },
        { id: 'talk', name: 'Talk', share: 0.3, kind: 'conversation' },
        { id: 'sell', name: 'Sell', share: 0.2, kind: 'promotional' },
      ],
      slots,
    },
    budget: { cap: 2_000_000, items },
    review: { cadence: 'monthly', participants: ['Marketing lead', 'Social media manager'] },
  };
}

export function largePlanYaml() {
  return stringify(largePlan(), { lineWidth: 0 });
}
