/**
 * Speaker notes are the document's own sentences: a chapter's prose (paragraphs and list items,
 * not its tables or headings) as plain text, so the deck says what the PDF says.
 */
import type MarkdownIt from 'markdown-it';

type Token = ReturnType<MarkdownIt['parse']>[number];

/** The prose of a chapter's Markdown, one line per paragraph or list item, at most `limit` characters. */
export function proseOf(md: MarkdownIt, markdown: string, limit = 1800): string {
  const lines: string[] = [];
  let inTable = 0;
  let inHeading = false;
  let inBlockquote = 0;
  for (const token of md.parse(markdown, {}) as Token[]) {
    if (token.type === 'table_open') inTable++;
    else if (token.type === 'table_close') inTable--;
    else if (token.type === 'heading_open') inHeading = true;
    else if (token.type === 'heading_close') inHeading = false;
    else if (token.type === 'blockquote_open') inBlockquote++;
    else if (token.type === 'blockquote_close') inBlockquote--;
    else if (token.type === 'inline' && !inTable && !inHeading && !inBlockquote) {
      const text = plainInline(token).trim();
      // An image alone (a chart) is no sentence.
      if (text) lines.push(text);
    }
  }
  let out = '';
  for (const line of lines) {
    if (out.length + line.length + 1 > limit) break;
    out += (out ? '\n' : '') + line;
  }
  return out;
}

function plainInline(token: Token): string {
  let text = '';
  for (const child of token.children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += ' ';
  }
  return text.replace(/\u00ad/g, '');
}

/** A line of the document's prose: a paragraph or a list item, bold when the document sets it all in bold. */
export interface ProseLine {
  text: string;
  bullet: boolean;
  bold: boolean;
}

/**
 * The prose under one level-2 heading of a Markdown file (the executive summary), split by its
 * level-3 headings: `lead` before the first, then each heading's lines. Tables are left out.
 */
export function sectionProse(
  md: MarkdownIt,
  markdown: string,
  heading: string,
): { lead: ProseLine[]; sections: Map<string, ProseLine[]> } {
  const lead: ProseLine[] = [];
  const sections = new Map<string, ProseLine[]>();
  let inside = false;
  let current = lead;
  let level = '';
  let inTable = 0;
  let inList = 0;
  const tokens = md.parse(markdown, {}) as Token[];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'heading_open') {
      level = token.tag;
      const title = plainInline(tokens[i + 1]!).trim();
      if (level === 'h2') {
        inside = title === heading;
        current = lead;
      } else if (inside && level === 'h3') {
        current = [];
        sections.set(title, current);
      }
      i += 2;
      continue;
    }
    if (!inside) continue;
    if (token.type === 'table_open') inTable++;
    else if (token.type === 'table_close') inTable--;
    else if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') inList++;
    else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') inList--;
    else if (token.type === 'inline' && !inTable) {
      const text = plainInline(token).trim();
      if (!text) continue;
      const children = (token.children ?? []).filter((c) => c.type !== 'text' || c.content !== '');
      const bold = children[0]?.type === 'strong_open' && children[children.length - 1]?.type === 'strong_close';
      current.push({ text, bullet: inList > 0, bold });
    }
  }
  return { lead, sections };
}

/** One level-2 section of a chapter as slide material: its prose lines (sub-headings in bold) and its first table. */
export interface ChapterSection {
  title: string;
  lines: ProseLine[];
  table?: { header: string[]; rows: string[][] };
}

/** A chapter's level-2 sections, in order, read from its Markdown (the document's own words and cells). */
export function chapterSections(md: MarkdownIt, markdown: string): ChapterSection[] {
  const sections: ChapterSection[] = [];
  let current: ChapterSection | undefined;
  let row: string[] | undefined;
  let inHead = false;
  let inList = 0;
  let cell = false;
  const tokens = md.parse(markdown, {}) as Token[];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'heading_open') {
      const title = plainInline(tokens[i + 1]!).trim();
      if (token.tag === 'h2') {
        current = { title, lines: [] };
        sections.push(current);
      } else if (token.tag === 'h3' && current) current.lines.push({ text: title, bullet: false, bold: true });
      i += 2;
      continue;
    }
    if (!current) continue;
    if (token.type === 'thead_open') inHead = true;
    else if (token.type === 'thead_close') inHead = false;
    else if (token.type === 'table_open') {
      // Only the section's first table travels to the slide; a later one is left to the document.
      cell = !current.table;
      if (cell) current.table = { header: [], rows: [] };
    } else if (token.type === 'table_close') cell = false;
    else if (token.type === 'tr_open' && cell && !inHead) row = [];
    else if (token.type === 'tr_close' && row && current.table) {
      current.table.rows.push(row);
      row = undefined;
    } else if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') inList++;
    else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') inList--;
    else if (token.type === 'inline') {
      const text = plainInline(token).trim();
      if (tokens[i - 1]?.type === 'th_open' || tokens[i - 1]?.type === 'td_open') {
        if (!cell || !current.table) continue;
        if (inHead) current.table.header.push(text);
        else row?.push(text);
      } else if (text) current.lines.push({ text, bullet: inList > 0, bold: false });
    }
  }
  return sections;
}
