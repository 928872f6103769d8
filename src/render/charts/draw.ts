/** vega-lite specs drawn to SVG headless by vega (no DOM, no fetches), kept per process by spec. */
import { textMeasure } from '../text-width.js';
import type { Spec } from './theme.js';

/**
 * SVGs already drawn in this process, by their spec (which holds the data): a live preview
 * renders the same plan again on every save, and most of its charts did not change.
 */
const drawn = new Map<string, Promise<string>>();
const DRAWN_KEPT = 64;

export function toSvg(spec: Spec): Promise<string> {
  const key = JSON.stringify(spec);
  let svg = drawn.get(key);
  if (!svg) {
    svg = draw(spec);
    drawn.set(key, svg);
    svg.catch(() => drawn.delete(key));
    if (drawn.size > DRAWN_KEPT) drawn.delete(drawn.keys().next().value!);
  }
  return svg;
}

async function draw(spec: Spec): Promise<string> {
  const [vl, vega, measure] = await Promise.all([import('vega-lite'), import('vega'), textMeasure()]);
  // Without a canvas vega guesses 0.8 em a character, which makes a long title crowd its plot:
  // it lays out with the widths of the fonts the document embeds instead.
  (vega as unknown as { textMetrics: { width: unknown } }).textMetrics.width = (
    item: { fontSize?: number; fontWeight?: string | number },
    text: string,
  ) =>
    measure.width(
      String(text ?? ''),
      item.fontSize != null ? +item.fontSize || 0 : 11,
      Number(item.fontWeight) >= 600 || item.fontWeight === 'bold' ? 700 : 400,
    );
  // Quiet: a chart's layout notes are no message for the user of a command-line tool.
  const logger = vega.logger(vega.None);
  const compiled = vl.compile(withoutLineSeparators(spec) as never, { logger }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger });
  const svg = await view.toSVG();
  view.finalize();
  return ownClipIds(svg);
}

/**
 * vega-lite writes sort orders and the like into expressions, whose parser rejects U+2028 and
 * U+2029 inside a string: in plan text they are spaces (vega draws no line break for them either).
 */
function withoutLineSeparators(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/[\u2028\u2029]/g, ' ');
  if (Array.isArray(value)) return value.map(withoutLineSeparators);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutLineSeparators(v)]));
  return value;
}

/**
 * vega numbers clip paths across the process (clip1 … clip9 in the first chart, clip10 … in the
 * next); numbered per chart, a chart's SVG is the same whatever was drawn before it in the
 * process (a render, a live preview's hundredth render).
 */
function ownClipIds(svg: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="(clip\d+)"/g)) if (!ids.has(m[1]!)) ids.set(m[1]!, `clip${ids.size + 1}`);
  if ([...ids].every(([from, to]) => from === to)) return svg;
  return svg.replace(/(\sid="|url\(#)(clip\d+)\b/g, (whole, lead: string, id: string) =>
    ids.has(id) ? lead + ids.get(id)! : whole,
  );
}
