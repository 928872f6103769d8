/** `smplan kpi FILE`: each objective's target and its monthly milestones. */
import { kpiTargets, type ObjectiveTargets } from '../compute/kpi.js';
import type { LoadedPlan } from '../plan/load.js';
import { columnDecimals, formatChange, formatMeasure, formatPercent } from '../wording.js';
import { colorsFor, type Io } from './io.js';
import { computeFor, printJson, readPlan } from './plan-input.js';
import { formatTable, outputWidth, title, wrapText } from './table.js';
import { visible } from '../terminal.js';
import { isCountUnit } from '../units.js';

export async function run(args: string[], options: Record<string, unknown>, io: Io): Promise<number> {
  const loaded = await readPlan(args, io);
  const objectives = computeFor(loaded, () => kpiTargets(loaded.plan));
  if (options.json) printJson(io, { objectives });
  else io.stdout.write(visible(kpiReport(loaded, objectives, io), { sgr: true }));
  return 0;
}

function kpiReport(loaded: LoadedPlan, objectives: ObjectiveTargets[], io: Io): string {
  const c = colorsFor(io);
  const width = outputWidth(io);
  const { currency, title: planTitle } = loaded.plan.plan;
  const out = [...wrapText(`KPI targets: ${planTitle}`, width).map((l) => title(l, c)), ''];
  if (objectives.length === 0) {
    out.push(
      'The plan has no objectives yet: add them under `objectives` (a metric, baseline, target and deadline each).',
    );
    return out.join('\n') + '\n';
  }
  for (const o of objectives) {
    const show = (v: number) => formatMeasure(v, o.unit, currency);
    out.push(...wrapText(`${o.id}: ${o.metric}`, width, '  ').map((l) => title(l, c)));
    const change = o.baseline === 0 ? '' : ` (${formatChange((o.target - o.baseline) / o.baseline)})`;
    out.push(
      ...wrapText(
        `${show(o.baseline)} -> ${show(o.target)}${change}, ${o.curve} curve, ${o.start} to ${o.deadline}`,
        width,
        '  ',
      ),
    );
    out.push(...wrapText(`${o.channel ?? 'all channels'}; goal: ${o.goal}`, width, '  ').map((l) => c.dim(l)));
    const span = o.target - o.baseline;
    const digits = columnDecimals(
      o.milestones.map((m) => m.value),
      !isCountUnit(o.unit, currency),
    );
    out.push(
      ...formatTable(
        [
          { header: 'Date', align: 'left' },
          { header: 'Milestone', align: 'right' },
          { header: 'Progress', align: 'right' },
        ],
        o.milestones.map((m) => [
          m.date,
          formatMeasure(m.value, o.unit, currency, digits),
          span === 0 ? '–' : formatPercent((m.value - o.baseline) / span, 1),
        ]),
        { width, indent: 2, headerStyle: c.dim },
      ),
      '',
    );
  }
  out.push(
    c.dim('Milestones at each month end and at the deadline. Progress: share of the way'),
    c.dim('from baseline to target. linear: baseline + (target - baseline) * f;'),
    c.dim('compound: baseline * (target / baseline) ** f; f: share of the days elapsed.'),
  );
  return out.join('\n') + '\n';
}
