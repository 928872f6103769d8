/** `smplan budget FILE`: yearly cost per item and category against the cap, prioritised by ROI time frame. */
import { budgetPlan, type BudgetLine, type BudgetPlan } from '../compute/budget.js';
import type { LoadedPlan } from '../plan/load.js';
import { formatMoney, formatPercent } from '../wording.js';
import { colorsFor, type Io } from './io.js';
import { computeFor, printJson, readPlan } from './plan-input.js';
import { formatTable, outputWidth, title, wrapText, type Column } from './table.js';
import { visible } from '../terminal.js';

const PER: Record<NonNullable<BudgetLine['per']>, string> = { month: '/mo', year: '/yr', once: ' once' };

export async function run(args: string[], options: Record<string, unknown>, io: Io): Promise<number> {
  const loaded = await readPlan(args, io);
  const budget = loaded.plan.budget;
  const result = budget ? computeFor(loaded, () => budgetPlan(budget, loaded.plan)) : undefined;
  if (options.json) {
    // No budget section yet: the same shape, with no cap.
    printJson(
      io,
      result ?? {
        cap: null,
        total: 0,
        over_by: 0,
        kept: [],
        cut: [],
        objectives_losing_funding: [],
        kept_total: 0,
        cut_total: 0,
        unspent: 0,
        unlinked: [],
        by_category: [],
      },
    );
  } else {
    io.stdout.write(visible(budgetReport(loaded, result, io), { sgr: true }));
  }
  return 0;
}

function budgetReport(loaded: LoadedPlan, result: BudgetPlan | undefined, io: Io): string {
  const c = colorsFor(io);
  const width = outputWidth(io);
  const currency = loaded.plan.plan.currency;
  const money = (v: number) => formatMoney(v, currency, cents);
  const out = [...wrapText(`Budget for one year: ${loaded.plan.plan.title}`, width).map((l) => title(l, c)), ''];
  if (!result || result.kept.length + result.cut.length === 0) {
    out.push('The plan has no budget items yet: list tools, services and advertising under `budget.items`,');
    out.push('each with its cost, period and ROI time frame, and the yearly cap under `budget.cap`.');
    return out.join('\n') + '\n';
  }
  const all = [...result.kept, ...result.cut];
  // Cents for every amount as soon as one needs them, so the columns line up.
  const cents =
    all.some((l) => !Number.isInteger(l.cost ?? 0) || !Number.isInteger(l.yearly)) ||
    !Number.isInteger(result.cap ?? 0);
  const over = result.over_by > 0;

  // Over the cap the running total shows where the cap falls (the decision is by ROI, so
  // category can go); within it, category is the more useful column.
  const itemColumns: Column[] = [
    { header: 'Item', shrink: true, min: 12, wrap: true },
    ...(over ? [] : [{ header: 'Category' }]),
    { header: 'ROI' },
    { header: 'Cost', align: 'right' },
    { header: 'Yearly', align: 'right' },
    ...(over ? [{ header: 'Running', align: 'right' as const }] : []),
  ];
  let running = 0;
  const row = (l: BudgetLine, kept: boolean) => {
    if (kept) running += l.yearly;
    const cost =
      l.cost === undefined
        ? 'no amount set'
        : `${money(l.cost)}${l.per ? PER[l.per] : ''}${l.in_kind ? ' in kind' : ''}`;
    const roi = l.roi ?? '–';
    return over
      ? [l.name, roi, cost, money(l.yearly), kept ? money(running) : '–']
      : [l.name, l.category, roi, cost, money(l.yearly)];
  };
  const items = (lines: BudgetLine[], kept = true) =>
    formatTable(
      itemColumns,
      lines.map((l) => row(l, kept)),
      { width, indent: 2, headerStyle: c.dim },
    );
  if (over) {
    out.push(title('Kept: fastest return first, while they fit in the cap', c), ...items(result.kept), '');
    out.push(title('Cut: did not fit in what was left of the cap', c), ...items(result.cut, false), '');
  } else {
    out.push(title('Items, fastest return first', c), ...items(all), '');
  }

  out.push(title('Per category', c));
  out.push(
    ...formatTable(
      [
        { header: 'Category' },
        { header: 'Items', align: 'right' },
        { header: 'Yearly', align: 'right' },
        { header: 'Share', align: 'right' },
      ],
      result.by_category.map((k) => [
        k.category,
        String(k.items),
        money(k.yearly),
        result.total > 0 ? formatPercent(k.yearly / result.total, 1) : '–',
      ]),
      { width, indent: 2, headerStyle: c.dim },
    ),
    '',
  );

  const cap = result.cap;
  const totals: string[][] = [
    ['Total', money(result.total)],
    ['Cap', cap === undefined ? 'not set' : money(cap)],
  ];
  if (over) {
    totals.push(['Over the cap by', c.red(money(result.over_by))]);
    totals.push(['Kept', money(result.kept_total)]);
    totals.push(['Cut', money(result.cut_total)]);
    totals.push(['Unspent under the cap', money(result.unspent)]);
  } else if (cap !== undefined) {
    totals.push(['Left under the cap', money(cap - result.total)]);
  }
  out.push(
    ...formatTable([{ header: '' }, { header: '', align: 'right' }], totals, { width, indent: 2, noHeader: true }),
    '',
  );
  if (over) {
    out.push(
      ...wrapText(
        'Over the cap: items are taken fastest return first (ROI short, medium, long; ties in file order); ' +
          'each is kept if it fits in what is left of the cap, else cut, and later, smaller items may still fit.',
        width,
      ),
    );
    const losing = result.objectives_losing_funding;
    if (losing.length) {
      const by = (id: string) =>
        result.cut
          .filter((l) => l.objectives.includes(id))
          .map((l) => l.name)
          .join(', ');
      out.push('', c.yellow('Objectives that lose funding with the cut:'));
      for (const id of losing) out.push(...wrapText(`${id} (${by(id)})`, width - 2).map((l) => `  ${l}`));
    }
  } else {
    out.push(c.dim('Within the cap: every item is kept.'));
  }
  if (result.unlinked.length) {
    out.push('', c.yellow('Not yet linked to an objective or tactic:'));
    for (const l of result.unlinked) out.push(...wrapText(l.name, width - 2).map((x) => `  ${x}`));
  }
  return out.join('\n') + '\n';
}
