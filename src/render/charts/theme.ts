/**
 * What every chart shares: one palette and type scale, the Noto Sans family the HTML embeds,
 * vega-lite's base config with the plan's number and date locale, and labels wrapped by measured width.
 */
import type { Plan } from '../../plan/schema.js';
import type { Formatter } from '../format.js';
import type { Translator } from '../i18n.js';
import { type TextMeasure, wrapText } from '../text-width.js';

export const FONT_FAMILY = "'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
/** Deep blue for the plan, then calm contrasting tones; colour-blind-safe neighbours. */
export const PALETTE = ['#1b4965', '#e07a1f', '#5fa8d3', '#8cb369', '#bc4b51', '#5b507a', '#9a8c98', '#f4c95d'];
/**
 * Series that sit side by side (budget categories): one hue in clear lightness steps, dark to
 * light in drawing order, so they stay apart on a grayscale printer: one step per category, each
 * about 45 of 255 lighter in grey than the one before (closer dark blues print alike).
 */
export const STEPS = ['#003859', '#29698b', '#6094b5', '#97bbd4', '#cedfec'];
export const INK = '#1f2933';
export const MUTED = '#52606d';
const GRID = '#e4e7eb';
/** Competitors' bars: a light tone under our own dark one, told apart by the label on each bar. */
export const OTHERS = '#8fb4d0';

/**
 * The printed text width in CSS px (A4, 18 mm margins: 174 mm). Charts are drawn at this size and
 * printed at it, so a 10 px label prints at 7.5 pt; small multiples take half of it.
 */
export const TEXT_WIDTH = 658;
export const HALF_WIDTH = 320;
/** One type scale for every chart: labels 11 px (8.25 pt), titles 12 px bold. */
export const LABEL = 11;
export const TITLE_SIZE = 12;

export type Spec = Record<string, unknown>;

export interface ChartEnv {
  fmt: Formatter;
  t: Translator['t'];
  plan: Plan;
  /** vegaLocale(fmt), built once for all the charts of a render. */
  vegaLocale: Spec;
  measure: TextMeasure;
}

export const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** d3-format / d3-time-format locale definitions built from Intl, so axes read like the text. */
export function vegaLocale(fmt: Formatter, currency: string): Spec {
  const sample = new Intl.NumberFormat(fmt.locale).formatToParts(-12345.6);
  const decimal = sample.find((p) => p.type === 'decimal')?.value ?? '.';
  const thousands = sample.find((p) => p.type === 'group')?.value ?? ',';
  const minus = sample.find((p) => p.type === 'minusSign')?.value ?? '-';
  // "2,67 %" in nb and bg, "2.67%" in en: the sign with whatever space the language puts before it.
  const percentParts = new Intl.NumberFormat(fmt.locale, { style: 'percent' }).formatToParts(0.5);
  const percentAt = percentParts.findIndex((p) => p.type === 'percentSign');
  const before = percentParts[percentAt - 1]?.type === 'literal' ? percentParts[percentAt - 1]!.value : '';
  const percent = `${before}${percentParts[percentAt]?.value ?? '%'}`;
  // "£1,000", "1 000 kr", "1000 €": the symbol on the side and with the space the language uses.
  const moneyParts = new Intl.NumberFormat(fmt.locale, { style: 'currency', currency }).formatToParts(1);
  const numberAt = moneyParts.findIndex((p) => p.type === 'integer');
  const symbolAt = moneyParts.findIndex((p) => p.type === 'currency');
  const symbol = moneyParts[symbolAt]?.value ?? currency;
  const between = moneyParts
    .slice(Math.min(numberAt, symbolAt) + 1, Math.max(numberAt, symbolAt))
    .filter((p) => p.type === 'literal')
    .map((p) => p.value)
    .join('');
  const moneyAffix = symbolAt < numberAt ? [symbol + between, ''] : ['', between + symbol];
  const months = (style: 'long' | 'short') => {
    const f = new Intl.DateTimeFormat(fmt.locale, { month: style, timeZone: 'UTC' });
    return range(12).map((m) => f.format(new Date(Date.UTC(2024, m, 15))));
  };
  const days = (style: 'long' | 'short') => {
    const f = new Intl.DateTimeFormat(fmt.locale, { weekday: style, timeZone: 'UTC' });
    return range(7).map((d) => f.format(new Date(Date.UTC(2024, 0, 7 + d))));
  };
  return {
    number: { decimal, thousands, grouping: [3], currency: moneyAffix, percent, minus },
    time: {
      dateTime: '%x %X',
      date: '%d.%m.%Y',
      time: '%H:%M:%S',
      periods: ['AM', 'PM'],
      days: days('long'),
      shortDays: days('short'),
      months: months('long'),
      // Where the language's short month is a number ("01" in bg), the axis writes the name out.
      shortMonths: (/^\d/.test(months('short')[0]!) ? months('long') : months('short')).map((m) =>
        m.replace(/\.$/, ''),
      ),
    },
  };
}

const TITLE = { font: FONT_FAMILY, fontSize: TITLE_SIZE, fontWeight: 700, color: INK, anchor: 'start', offset: 8 };
const AXIS = {
  labelFont: FONT_FAMILY,
  titleFont: FONT_FAMILY,
  labelColor: MUTED,
  titleColor: MUTED,
  labelFontSize: LABEL,
  titleFontSize: LABEL,
  titleFontWeight: 400,
  gridColor: GRID,
  domainColor: '#9aa5b1',
  tickColor: '#9aa5b1',
};
const LEGEND = {
  labelFont: FONT_FAMILY,
  titleFont: FONT_FAMILY,
  labelColor: INK,
  titleColor: MUTED,
  labelFontSize: LABEL,
  labelLimit: 0,
  orient: 'bottom',
  direction: 'horizontal',
  title: null,
};

/** Every chart exactly its printed width: vega fits the plot inside it, labels included. */
export function baseConfig(env: ChartEnv, width: number, autosize = 'fit-x'): Spec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width,
    autosize: { type: autosize, contains: 'padding' },
    padding: 4,
    config: {
      locale: env.vegaLocale,
      font: FONT_FAMILY,
      background: '#ffffff',
      view: { stroke: null },
      title: TITLE,
      axis: AXIS,
      legend: LEGEND,
      text: { font: FONT_FAMILY, fontSize: LABEL, color: INK },
      range: { category: PALETTE },
    },
  };
}

/** A label split into lines for vega (which draws an array as lines), measured in the chart font. */
export function lines(env: ChartEnv, text: string, width: number, size = LABEL, weight: 400 | 700 = 400): string[] {
  return wrapText(env.measure, text, width, size, weight);
}

/**
 * A nominal field whose values are labels with line breaks: "i|line 1\nline 2" keeps equal
 * labels apart (the index) and the axis shows only the lines.
 */
export const KEYED_LABEL = "split(slice(datum.value, indexof(datum.value, '|') + 1), '\\n')";
export const keyed = (i: number, labelLines: string[]) => `${String(i).padStart(3, '0')}|${labelLines.join('\n')}`;

/** Blank lines below a title, up to a count: vega draws a line with a space as an empty line. */
export const padLines = (text: string[], count: number) => [...text, ...range(count - text.length).map(() => ' ')];
