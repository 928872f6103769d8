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
