/** `smplan competitors FILE`: competitor engagement per channel, ranked, with our own figures beside. */
import {
  competitorBenchmark,
  type ChannelEngagement,
  type CompetitorBenchmark,
  type IndustryBenchmark,
  type RankedEntry,
} from '../compute/engagement.js';
import type { LoadedPlan } from '../plan/load.js';
import { formatCount, formatNumber, formatPercent } from '../wording.js';
import { colorsFor, type Io } from './io.js';
import { computeFor, printJson, readPlan } from './plan-input.js';
import { formatTable, outputWidth, title, wrapText, type Column } from './table.js';
import { visible } from '../terminal.js';

export async function run(args: string[], options: Record<string, unknown>, io: Io): Promise<number> {
  const loaded = await readPlan(args, io);
  const result = computeFor(loaded, () => competitorBenchmark(loaded.plan, loaded.postsCsv));
  if (options.json) printJson(io, result);
  else io.stdout.write(visible(competitorsReport(loaded, result, io), { sgr: true }));
  return 0;
}

function competitorsReport(loaded: LoadedPlan, result: CompetitorBenchmark, io: Io): string {
  const c = colorsFor(io);
  const width = outputWidth(io);
  const us = loaded.plan.plan.organization;
  const out = [...wrapText(`Competitor engagement: ${loaded.plan.plan.title}`, width).map((l) => title(l, c)), ''];
  if (result.ranking.length === 0) {
    out.push('The plan has no competitor figures yet: add competitors with their channels (followers and a');
    out.push('sample of their last 20-30 posts), and our own under channels[].current.');
    return out.join('\n') + '\n';
  }
  const figuresOf = (e: RankedEntry): ChannelEngagement =>
    e.competitor === undefined ? result.own[e.index]! : result.competitors[e.competitor]!.channels[e.index]!;

  const columns: Column[] = [
    { header: '#', align: 'right' },
    { header: 'Name', shrink: true, min: 12, wrap: true },
    { header: 'Followers', align: 'right' },
    { header: 'Posts', align: 'right' },
    { header: 'Engagement', align: 'right' },
    { header: 'Rate', align: 'right' },
    { header: 'Per post', align: 'right' },
  ];
  const mixColumns: Column[] = [
    { header: 'Name', shrink: true, min: 12, wrap: true },
    { header: 'Posts/wk', align: 'right' },
    { header: 'Applause', align: 'right' },
    { header: 'Conversation', align: 'right' },
    { header: 'Amplification', align: 'right' },
  ];
  for (const ranking of result.ranking) {
    out.push(...wrapText(`${ranking.channel}: ranked by engagement rate per post`, width).map((l) => title(l, c)));
    const rows: string[][] = [];
    const mix: string[][] = [];
    for (const e of ranking.entries) {
      const ch = figuresOf(e);
      const name = e.own ? `${us} (us)` : e.name;
      rows.push([
        String(e.rank),
        name,
        formatCount(ch.followers),
        formatCount(ch.posts),
        formatCount(ch.engagement),
        formatPercent(ch.engagement_rate),
        formatPercent(ch.engagement_rate_per_post, 3),
      ]);
      mix.push([
        name,
        ch.posts_per_week === undefined ? '–' : formatNumber(ch.posts_per_week),
        formatPercent(ch.applause_rate, 3),
        formatPercent(ch.conversation_rate, 3),
        formatPercent(ch.amplification_rate, 3),
      ]);
    }
    const notes: string[] = [];
    ranking.benchmarks.forEach((b, i) => {
      const mark = '*'.repeat(i + 1);
      const rate = formatPercent(b.engagement_rate, b.comparable_with === 'engagement_rate_per_post' ? 3 : 2);
      const perPost = b.comparable_with === 'engagement_rate_per_post';
      rows.push(['', `Industry${mark}`, '', '', '', perPost ? '' : rate, perPost ? rate : '']);
      notes.push(`${mark} ${benchmarkSource(b)} (${b.formula})`);
    });
    out.push(...formatTable(columns, rows, { width, indent: 2, headerStyle: c.dim }));
    for (const n of notes) out.push(...wrapText(n, width - 2, '  ').map((l) => c.dim(`  ${l}`)));
    out.push('', ...formatTable(mixColumns, mix, { width, indent: 2, headerStyle: c.dim }), '');
  }
  const apart = result.benchmarks.filter((b) => b.comparable_with === null);
  if (apart.length) {
    out.push(title('Industry figures computed another way (not comparable with the rates above)', c));
    out.push(
      ...formatTable(
        [
          { header: 'Channel' },
          { header: 'Rate', align: 'right' },
          { header: 'Formula' },
          { header: 'Source', shrink: true, min: 12, wrap: true },
        ],
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
