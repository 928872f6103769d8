/**
 * Lays the deck's slides out with pptxgenjs: text boxes, tables and native charts (each with its
 * data in an embedded workbook the client edits in PowerPoint or Impress). Plan text is text
 * only: no link, field or macro is ever made from it, and what XML cannot hold is replaced.
 */
import { escapeXml, xmlSafe } from '../../markup.js';
import type { Block, SlideSpec, TableCell, TextLine } from './slides.js';

export type SlideShape = '16:9' | '4:3';

export interface DeckMeta {
  shape: SlideShape;
  title: string;
  author: string;
  company: string;
  /** BCP 47 tag of the text (spell-checking and hyphenation in the client's program). */
  lang: string;
  footer: string;
  /** The client's colour for the title bar and the thin accent, as RRGGBB (contrast checked by the caller). */
  accent?: string;
  /** The client's logo as a data URI (PNG or SVG), for the title slide. */
  logo?: string;
}

/** Fonts every office suite has (Arial, or its metric twin Liberation Sans), with Latin and Cyrillic. */
const FONT = 'Arial';
const INK = '1F2933';
const MUTED = '5F6B7A';
const RULE = 'C9D1DB';
const HEAD_FILL = 'EEF2F6';
const DEFAULT_ACCENT = '1F5FAD';
const RAG_FILL: Record<string, string> = { red: 'F8D7DA', amber: 'FFE8B3', green: 'D4EDDA', none: 'FFFFFF' };

const WIDTH = 10;
const HEIGHT: Record<SlideShape, number> = { '16:9': 5.625, '4:3': 7.5 };
const MARGIN = 0.45;
const TOP = 1.05;
const BOTTOM_GAP = 0.45;
/** Body text size, in points. */
const BODY_PT = 14;
/** A text that leads the blocks below it. */
const LEAD_PT = 12;

type Pptx = InstanceType<typeof import('pptxgenjs').default>;
type Slide = ReturnType<Pptx['addSlide']>;
interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export async function writePptx(slides: SlideSpec[], meta: DeckMeta): Promise<Buffer> {
  const PptxGenJS = ((await import('pptxgenjs')) as unknown as { default: new () => Pptx }).default;
  const pptx = new PptxGenJS();
  pptx.layout = meta.shape === '4:3' ? 'LAYOUT_4x3' : 'LAYOUT_16x9';
  pptx.title = text(meta.title);
  pptx.author = text(meta.author);
  // pptxgenjs writes the company into docProps/app.xml as it is: escaped here (the title and author it escapes itself).
  pptx.company = escapeXml(meta.company, 'text');
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  const height = HEIGHT[meta.shape];
  const accent = meta.accent ?? DEFAULT_ACCENT;
  const lay = new Layout(pptx, meta, height, accent);
  for (const spec of slides) lay.slide(spec);
  // stream() is the call that compresses (write() with a Node output type stores every part).
  const out = await pptx.stream({ compression: true });
  return Buffer.from(out as Uint8Array);
}

/** Plan text as the file may hold it. */
function text(s: string): string {
  return xmlSafe(s);
}

class Layout {
  constructor(
    private pptx: Pptx,
    private meta: DeckMeta,
    private height: number,
    private accent: string,
  ) {}

  slide(spec: SlideSpec): void {
    const slide = this.pptx.addSlide();
    if (spec.kind === 'title') this.titleSlide(slide, spec);
    else {
      this.header(slide, spec.title);
      this.body(slide, spec.blocks);
      this.footer(slide);
    }
    if (spec.notes) slide.addNotes(text(spec.notes));
  }

  private titleSlide(slide: Slide, spec: SlideSpec): void {
    const { lang, logo } = this.meta;
    // The logo at the top left, kept within its box at its own proportions.
    if (logo)
      slide.addImage({
        data: logo.replace(/^data:/, ''),
        x: MARGIN,
        y: 0.45,
        w: 2.2,
        h: 0.9,
        sizing: { type: 'contain', w: 2.2, h: 0.9 },
      });
    slide.addShape('rect', {
      x: 0,
      y: 0,
      w: WIDTH,
      h: 0.18,
      fill: { color: this.accent },
      line: { color: this.accent },
    });
    slide.addText(text(spec.title), {
      x: MARGIN,
      y: this.height * 0.28,
      w: WIDTH - 2 * MARGIN,
      h: 1.3,
      fontFace: FONT,
      fontSize: 34,
      bold: true,
      color: INK,
      valign: 'bottom',
      fit: 'shrink',
      lang,
    });
    slide.addShape('rect', {
      x: MARGIN,
      y: this.height * 0.28 + 1.4,
      w: 1.6,
      h: 0.06,
      fill: { color: this.accent },
      line: { color: this.accent },
    });
    slide.addText(
      (spec.subtitle ?? []).map((line, i) => ({
        text: text(line),
        options: { breakLine: true, bold: i === 0, fontSize: i === 0 ? 18 : 14, color: i === 0 ? INK : MUTED },
      })),
      {
        x: MARGIN,
        y: this.height * 0.28 + 1.6,
        w: WIDTH - 2 * MARGIN,
        h: 1.6,
        fontFace: FONT,
        valign: 'top',
        lang,
      },
    );
  }

  private header(slide: Slide, title: string): void {
    slide.addText(text(title), {
      x: MARGIN,
      y: 0.3,
      w: WIDTH - 2 * MARGIN,
      h: 0.6,
      fontFace: FONT,
      fontSize: 24,
      bold: true,
      color: INK,
      valign: 'middle',
      fit: 'shrink',
      lang: this.meta.lang,
    });
    slide.addShape('rect', {
      x: MARGIN,
      y: 0.9,
      w: 0.9,
      h: 0.05,
      fill: { color: this.accent },
      line: { color: this.accent },
    });
  }

  private footer(slide: Slide): void {
    slide.addText(text(this.meta.footer), {
      x: MARGIN,
      y: this.height - 0.38,
      w: WIDTH - 2 * MARGIN - 0.8,
      h: 0.28,
      fontFace: FONT,
      fontSize: 9,
      color: MUTED,
      lang: this.meta.lang,
    });
    slide.slideNumber = {
      x: WIDTH - MARGIN - 0.6,
      y: this.height - 0.38,
      w: 0.6,
      h: 0.28,
      fontFace: FONT,
      fontSize: 9,
      color: MUTED,
      align: 'right',
    };
  }

  /**
   * One block fills the body. A text of a few lines stands above the rest; a longer one beside it.
   * The blocks below (or beside) share the width.
   */
  private body(slide: Slide, blocks: Block[]): void {
    const area: Box = { x: MARGIN, y: TOP, w: WIDTH - 2 * MARGIN, h: this.height - TOP - BOTTOM_GAP };
    const [first, ...rest] = blocks;
    if (!first) return;
    if (!rest.length) {
      this.block(slide, first, area);
      return;
    }
    let below = area;
    let others = blocks;
    if (first.type === 'text') {
      const height = textHeight(first.lines, area.w, LEAD_PT);
      if (height <= area.h * 0.5) {
        this.textBlock(slide, first.lines, { ...area, h: height }, LEAD_PT);
        below = { ...area, y: area.y + height + 0.1, h: area.h - height - 0.1 };
        others = rest;
      }
    }
    const gap = 0.3;
    const each = (below.w - gap * (others.length - 1)) / others.length;
    others.forEach((b, i) => this.block(slide, b, { ...below, x: below.x + i * (each + gap), w: each }));
  }

  private block(slide: Slide, block: Block, box: Box): void {
    if (block.type === 'text') this.textBlock(slide, block.lines, box);
    else if (block.type === 'table') this.table(slide, block.header, block.rows, box);
    else this.chart(slide, block, box);
  }

  private textBlock(slide: Slide, lines: TextLine[], box: Box, pt = BODY_PT): void {
    slide.addText(
      lines.map((l) => ({
        text: text(l.text),
        options: {
          breakLine: true,
          bold: l.bold ?? false,
          ...(l.bullet ? { bullet: { indent: 14 } } : {}),
          paraSpaceAfter: 4,
        },
      })),
      {
        ...box,
        fontFace: FONT,
        fontSize: pt,
        color: INK,
        valign: 'top',
        fit: 'shrink',
        lang: this.meta.lang,
      },
    );
  }

  private table(slide: Slide, header: TableCell[], rows: TableCell[][], box: Box): void {
    const count = rows.length + 1;
    // Smaller type for longer tables, so that they stay on their slide.
    const fontSize = count > 14 ? 8 : count > 10 ? 9 : count > 7 ? 10 : 11;
    const cell = (c: TableCell, head: boolean) => ({
      text: text(c.text),
      options: {
        bold: head || (c.bold ?? false),
        align: c.align ?? 'left',
        fill: { color: head ? HEAD_FILL : c.rag ? RAG_FILL[c.rag]! : 'FFFFFF' },
        color: INK,
      },
    });
    slide.addTable([header.map((c) => cell(c, true)), ...rows.map((r) => r.map((c) => cell(c, false)))], {
      x: box.x,
      y: box.y,
      w: box.w,
      colW: columnWidths(header, rows, box.w, fontSize),
      fontFace: FONT,
      fontSize,
      border: { type: 'solid', pt: 0.5, color: RULE },
      margin: 0.04,
      valign: 'middle',
      autoPage: false,
      lang: this.meta.lang,
    });
  }

  private chart(slide: Slide, block: Extract<Block, { type: 'chart' }>, box: Box): void {
    const pptx = this.pptx;
    const type =
      block.chart === 'line'
        ? pptx.ChartType.line
        : block.chart === 'doughnut'
          ? pptx.ChartType.doughnut
          : pptx.ChartType.bar;
    const format = block.values === 'percent' ? '0.0%' : block.values === 'money' ? '#,##0' : '#,##0.##';
    // Horizontal bars are drawn from the bottom up: reversed, they read top-down like the table beside them.
    const order = <T>(list: T[]) => (block.chart === 'bar' ? [...list].reverse() : list);
    const data = block.series.map((s) => ({
      name: text(s.name),
      labels: order(block.categories).map(text),
      // An empty point (no milestone that quarter) is left out of the line, not drawn at zero.
      values: order(s.values).map((v) => (v === null ? (undefined as unknown as number) : v)),
    }));
    slide.addChart(type, data, {
      ...box,
      barDir: block.chart === 'bar' ? 'bar' : 'col',
      barGrouping: block.chart === 'stacked' ? 'stacked' : 'clustered',
      showTitle: true,
      title: text(block.title),
      titleFontFace: FONT,
      titleFontSize: 12,
      titleColor: INK,
      showLegend: block.series.length > 1 || block.chart === 'doughnut',
      legendPos: 'b',
      legendFontFace: FONT,
      legendFontSize: 9,
      catAxisLabelFontFace: FONT,
      catAxisLabelFontSize: 9,
      valAxisLabelFontFace: FONT,
      valAxisLabelFontSize: 9,
      valAxisLabelFormatCode: format,
      dataLabelFormatCode: format,
      showValue: block.chart === 'doughnut',
      showPercent: false,
      dataLabelFontSize: 9,
      chartColors: palette(this.accent, block.chart === 'doughnut' ? block.categories.length : block.series.length),
      lineDataSymbol: 'circle',
      lineDataSymbolSize: 6,
      lang: this.meta.lang,
    });
  }
}

/** How tall lines of body text stand in a box this wide (an estimate with room to spare). */
function textHeight(lines: TextLine[], width: number, pt: number): number {
  const perLine = Math.max(10, Math.floor((width - 0.3) / (pt * CHAR_INCH_PER_PT * 1.1)));
  const rows = lines.reduce((n, l) => n + Math.max(1, Math.ceil(l.text.length / perLine)), 0);
  return (rows * pt * 1.45) / 72 + 0.15;
}

/** Inches a character takes at 1 pt, on average, in Arial: the widths below are estimates that leave room. */
const CHAR_INCH_PER_PT = 0.0085;
/** A cell's left and right margins together, in inches. */
const CELL_PADDING = 0.12;

/**
 * Columns no narrower than their longest word or figure (a number never breaks), the rest of the
 * width shared by how much more text each column holds.
 */
export function columnWidths(header: TableCell[], rows: TableCell[][], width: number, fontSize: number): number[] {
  const inch = (chars: number) => chars * fontSize * CHAR_INCH_PER_PT + CELL_PADDING;
  const cells = (i: number) => [header[i]!, ...rows.map((r) => r[i] ?? { text: '' })];
  // Figures, dates and money keep together; words break at spaces.
  const longestWord = (c: TableCell, j: number) =>
    c.align === 'right' && j > 0 ? c.text.length : Math.max(0, ...c.text.split(/[ \t\n]+/).map((w) => w.length));
  const min = header.map((_, i) => inch(Math.max(...cells(i).map(longestWord))));
  const want = header.map((_, i) =>
    Math.max(min[i]!, inch(Math.min(48, Math.max(...cells(i).map((c) => c.text.length))))),
  );
  const minSum = min.reduce((a, b) => a + b, 0);
  if (minSum >= width) return min.map((m) => (m / minSum) * width);
  const extra = want.map((w, i) => w - min[i]!);
  const extraSum = extra.reduce((a, b) => a + b, 0);
  const spare = width - minSum;
  if (extraSum <= spare) {
    // Everything fits on one line: the spare room goes to the text columns.
    const slack = spare - extraSum;
    const textCols = header.filter((h) => h.align !== 'right').length || header.length;
    return want.map((w, i) => w + (header[i]!.align !== 'right' || textCols === header.length ? slack / textCols : 0));
  }
  return min.map((m, i) => m + (extra[i]! / extraSum) * spare);
}

/** The accent first, then colours that stay apart from it and from each other. */
function palette(accent: string, count: number): string[] {
  const base = [accent, 'E07A1F', '2E9D5B', '8E44AD', 'C0392B', '7F8C8D', 'D4AC0D', '16A085'];
  return Array.from({ length: Math.max(1, count) }, (_, i) => base[i % base.length]!);
}
