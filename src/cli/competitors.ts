/** `smplan competitors FILE`: competitor engagement per channel, ranked, with our own figures beside. */
import {
  competitorBenchmark,
  type ChannelEngagement,
  type CompetitorBenchmark,
  type IndustryBenchmark,
} from '../compute/engagement.js';
import type { LoadedPlan } from '../plan/load.js';
import { formatCount, formatNumber, formatPercent } from './format.js';
import { colorsFor, type Io } from './io.js';
import { computeFor, printJson, readPlan } from './plan-input.js';
import { formatTable, outputWidth, title, type Column } from './table.js';

export async function run(args: string[], options: Record<string, unknown>, io: Io): Promise<number> {
  const loaded = await readPlan(args, io);
  const result = computeFor(loaded, () => competitorBenchmark(loaded.plan, loaded.postsCsv));
  if (options.json) printJson(io, result);
  else io.stdout.write(competitorsReport(loaded, result, io));
  return 0;
}

function competitorsReport(loaded: LoadedPlan, result: CompetitorBenchmark, io: Io): string {
  const c = colorsFor(io);
  const width = outputWidth(io);
  const us = loaded.plan.plan.organization;
  const out = [title(`Competitor engagement: ${loaded.plan.plan.title}`, c), ''];
  if (result.ranking.length === 0) {
    out.push('The plan has no competitor figures yet: add competitors with their channels (followers and a');
    out.push('sample of their last 20-30 posts), and our own under channels[].current.');
    return out.join('\n') + '\n';
  }
  const figures = new Map<string, ChannelEngagement>();
  for (const comp of result.competitors) for (const ch of comp.channels) figures.set(`${comp.name}\u0000${ch.channel}`, ch);
  for (const ch of result.own) figures.set(`\u0001us\u0000${ch.channel}`, ch);

  const columns: Column[] = [
    { header: '#', align: 'right' },
    { header: 'Name', shrink: true, min: 10 },
    { header: 'Followers', align: 'right' },
    { header: 'Posts', align: 'right' },
    { header: 'Engagement', align: 'right' },
    { header: 'Rate', align: 'right' },
    { header: 'Per post', align: 'right' },
    { header: 'Posts/wk', align: 'right' },
  ];
  const mixColumns: Column[] = [
    { header: 'Channel' },
    { header: 'Name', shrink: true, min: 10 },
    { header: 'Applause', align: 'right' },
    { header: 'Conversation', align: 'right' },
    { header: 'Amplification', align: 'right' },
  ];
  const mix: string[][] = [];
  for (const ranking of result.ranking) {
    out.push(title(`${ranking.channel}: ranked by engagement rate per post`, c));
    const rows: string[][] = [];
    for (const e of ranking.entries) {
      const ch = figures.get(e.own ? `\u0001us\u0000${ranking.channel}` : `${e.name}\u0000${ranking.channel}`)!;
      const name = e.own ? `${us} (us)` : e.name;
      rows.push([
        String(e.rank),
        name,
        formatCount(ch.followers),
        formatCount(ch.posts),
        formatCount(ch.engagement),
        formatPercent(ch.engagement_rate),
        formatPercent(ch.engagement_rate_per_post, 3),
        ch.posts_per_week === undefined ? '–' : formatNumber(ch.posts_per_week),
      ]);
      mix.push([ranking.channel, name, formatPercent(ch.applause_rate, 3), formatPercent(ch.conversation_rate, 3), formatPercent(ch.amplification_rate, 3)]);
    }
    for (const b of ranking.benchmarks) {
      const rate = formatPercent(b.engagement_rate, b.comparable_with === 'engagement_rate_per_post' ? 3 : 2);
      rows.push([
        '',
        `Industry: ${benchmarkSource(b)}`,
        '', '', '',
        b.comparable_with === 'engagement_rate' ? rate : '',
        b.comparable_with === 'engagement_rate_per_post' ? rate : '',
        '',
      ]);
    }
    out.push(...formatTable(columns, rows, { width, indent: 2, headerStyle: c.dim }), '');
  }
  out.push(title('Engagement per post and follower, by action', c));
  out.push(...formatTable(mixColumns, mix, { width, indent: 2, headerStyle: c.dim }), '');
  const apart = result.benchmarks.filter((b) => b.comparable_with === null);
  if (apart.length) {
    out.push(title('Industry figures computed another way (not comparable with the rates above)', c));
    out.push(
      ...formatTable(
        [{ header: 'Channel' }, { header: 'Rate', align: 'right' }, { header: 'Formula' }, { header: 'Source', shrink: true, min: 12 }],
        apart.map((b) => [b.channel, formatPercent(b.engagement_rate), b.formula, benchmarkSource(b)]),
        { width, indent: 2, headerStyle: c.dim },
      ),
      '',
    );
  }
  out.push(
    c.dim('Engagement: likes + comments + shares over the sampled posts. Rate: engagement /'),
    c.dim('followers. Per post: rate / posts. Applause, conversation, amplification: likes,'),
    c.dim('comments, shares per post / followers (they add up to the rate per post).'),
    c.dim('A rough picture for comparing, not an exact figure (method.md §4).'),
  );
  return out.join('\n') + '\n';
}

function benchmarkSource(b: IndustryBenchmark): string {
  return `${b.source} ${b.year}${b.industry ? `, ${b.industry}` : ''}`;
}
